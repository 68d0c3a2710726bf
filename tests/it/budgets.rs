//! Budgets (部门预算 / 单位预算), issue 13: the tables recognised and checked on the real budgets
//! in ../shared/realdata/budgets (SKIPPED where absent), and every budget rule (Y701–Y708)
//! passing on the budget sample and failing on it with one figure changed.

use std::path::{Path, PathBuf};

use gouji::check::{self, Checks, Severity};
use gouji::model::{Side, TableKind};
use gouji::read::{read_tables, Grid, RawValue};
use gouji::recognise;
use gouji::run::check_file;

use super::common::Scratch;
use super::samples::BUDGET;

use TableKind::*;

// ---------------------------------------------------------------------------------------------
// The rules on the sample
// ---------------------------------------------------------------------------------------------

fn sample() -> Vec<Grid> {
    read_tables(Path::new(BUDGET)).unwrap().grids
}

fn run(grids: &[Grid]) -> Checks {
    let (doc, problems) = recognise::document(BUDGET, grids);
    check::run(&doc, &problems)
}

/// Publishes `value` in the cell `a1` of the sheet whose name starts with `sheet`.
fn set(grids: &mut [Grid], sheet: &str, a1: &str, value: f64) {
    let g = grids
        .iter_mut()
        .find(|g| g.sheet.starts_with(sheet))
        .unwrap_or_else(|| panic!("no sheet {sheet}"));
    let col = (a1.as_bytes()[0] - b'A') as usize;
    let row: usize = a1[1..].parse::<usize>().unwrap() - 1;
    assert!(
        matches!(g.rows[row][col], RawValue::Number(_)),
        "{sheet}!{a1} holds no figure"
    );
    g.rows[row][col] = RawValue::Number(value);
}

/// The findings of `code` name `sheet!a1` as an error.
fn assert_names(checks: &Checks, code: &str, sheet: &str, a1: &str) {
    let hit = checks.findings.iter().any(|f| {
        f.rule == code
            && f.severity == Severity::Error
            && f.places().any(|l| {
                l.sheet.as_deref().is_some_and(|s| s.starts_with(sheet))
                    && l.cell.as_deref() == Some(a1)
            })
    });
    let found: Vec<String> = checks.findings.iter().map(|f| format!("{f:?}")).collect();
    assert!(hit, "no {code} naming {sheet}!{a1} in {found:#?}");
}

fn verified(checks: &Checks, code: &str) -> usize {
    checks.checked.iter().filter(|c| c.rule == code).count()
}

/// The sample is clean, and every budget rule verified relations on it: as many as its tables
/// state (e.g. Y703: one row total per printed row of the 收入/支出/一般公共预算/经济分类 tables and
/// the 总表 halves).
#[test]
fn the_budget_sample_is_clean_and_every_rule_checked_it() {
    let checks = run(&sample());
    assert!(checks.findings.is_empty(), "{:#?}", checks.findings);
    let counts: Vec<(&str, usize)> = ["Y701", "Y702", "Y703", "Y704", "Y705", "Y707"]
        .into_iter()
        .map(|c| (c, verified(&checks, c)))
        .collect();
    assert_eq!(
        counts,
        [
            ("Y701", 2),
            ("Y702", 6),
            ("Y703", 132),
            ("Y704", 13),
            ("Y705", 1),
            ("Y707", 13)
        ]
    );
    // No 会议费 or 培训费 in a 上海 “三公” table: Y706 has nothing to state.
    assert_eq!(verified(&checks, "Y706"), 0);
    assert!(
        verified(&checks, "T103") > 0,
        "the 功能分类 hierarchy applies to budgets"
    );
}

/// 支出总计 371,514,655 → 371,514,755: the totals no longer balance (Y701). (The workbook
/// stores whole yuan, so 1 元 would be within its rounding.)
#[test]
fn y701_totals_balance() {
    let mut g = sample();
    set(&mut g, "1 ", "D12", 371_514_755.0);
    assert_names(&run(&g), "Y701", "1 ", "D12");
}

/// The sub-item “1. 一般公共预算资金” 371,514,655 → 371,514,755: 一、财政拨款收入 is no longer the
/// sum of its sub-items (Y702).
#[test]
fn y702_halves_add_up() {
    let mut g = sample();
    set(&mut g, "1 ", "B6", 371_514_755.0);
    assert_names(&run(&g), "Y702", "1 ", "B6");
}

/// 2011301 行政运行: 基本支出 9,389,913 → 9,389,931 breaks 合计 = 基本支出 + 项目支出 (Y703).
#[test]
fn y703_row_totals() {
    let mut g = sample();
    set(&mut g, "3 ", "D7", 9_389_931.0);
    assert_names(&run(&g), "Y703", "3 ", "D7");
}

/// 30101 基本工资 1,952,616 → 1,952,661 in the 合计 column: 301 工资福利支出 is no longer the sum
/// of its 款 (Y704).
#[test]
fn y704_economic_classes() {
    let mut g = sample();
    set(&mut g, "8 ", "C6", 1_952_661.0);
    assert_names(&run(&g), "Y704", "8 ", "C6");
}

/// 公务接待费 1.00 → 2.00 万元: the “三公” 合计 1.00 is no longer 出国 + 车 + 接待 (Y705).
#[test]
fn y705_three_public_total() {
    let mut g = sample();
    set(&mut g, "9 ", "F6", 2.0);
    assert_names(&run(&g), "Y705", "9 ", "F6");
}

/// 收入预算总表 合计 371,514,655 → 371,514,665: the 收支总表's 收入总计 no longer agrees (Y707).
#[test]
fn y707_links_between_tables() {
    let mut g = sample();
    set(&mut g, "2 ", "C35", 371_514_665.0);
    assert_names(&run(&g), "Y707", "2 ", "C35");
}

/// The 江苏 “三公”经费、会议费、培训费 table as a CSV (figures of 江苏省人大常委会办公厅 2019):
/// 合计 2,600.71 = “三公” 767.60 + 会议费 1,469.73 + 培训费 363.38, and 767.60 = 199.25 + 183.60
/// + 384.75. With 培训费 printed as 336.38 (two digits swapped) 合计 breaks (Y706).
#[test]
fn y706_three_public_with_meetings_and_training() {
    const CSV: &str = "“三公”经费、会议费、培训费支出预算表\n\
        部门：江苏省人大常委会办公厅,,,,,,,,单位：万元\n\
        合计,“三公”经费,,,,,,会议费,培训费\n\
        ,小计,因公出国（境）费,公务用车购置及运行维护费,,,公务接待费,,\n\
        ,,,小计,公务用车购置费,公务用车运行维护费,,,\n";
    let dir = Scratch::new("y706");
    let row = |training: &str| {
        format!("{CSV}2600.71,767.60,199.25,183.60,,183.60,384.75,1469.73,{training}\n")
    };
    let ok = check_file(&dir.write("江苏省人大办公厅-2019-预算表.csv", row("363.38")));
    let doc = ok.document.as_ref().unwrap();
    assert_eq!(doc.tables[0].kind, BudgetThreePublic);
    assert!(
        ok.findings.iter().all(|f| f.severity < Severity::Error),
        "{:#?}",
        ok.findings
    );
    assert_eq!(ok.checked.iter().filter(|c| c.rule == "Y706").count(), 1);
    assert_eq!(ok.checked.iter().filter(|c| c.rule == "Y705").count(), 2);

    let bad = check_file(&dir.write("江苏省人大办公厅-2019-预算表.csv", row("336.38")));
    let y706: Vec<_> = bad.findings.iter().filter(|f| f.rule == "Y706").collect();
    assert_eq!(y706.len(), 1, "{:#?}", bad.findings);
    assert!(y706[0].places().any(|l| l.cell.as_deref() == Some("I6")));
}

// ---------------------------------------------------------------------------------------------
// The real budgets
// ---------------------------------------------------------------------------------------------

const REALDATA: &str = "../shared/realdata/budgets";

fn real(name: &str) -> Option<PathBuf> {
    let p = Path::new(REALDATA).join(name);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} is absent; the real-budget test did not run",
            p.display()
        );
        None
    }
}

/// What one real budget gives: its tables (a 总表 once, whatever its halves), the relations
/// verified, and the codes of its findings above a note, in order.
struct Expected {
    file: &'static str,
    tables: &'static [TableKind],
    relations: usize,
    warnings: &'static [&'static str],
}

const SHANGHAI: &[TableKind] = &[
    BudgetSummary,
    BudgetIncome,
    BudgetExpenditure,
    BudgetFiscalSummary,
    BudgetGeneralExpenditure,
    BudgetGovernmentFund,
    BudgetStateCapital,
    BudgetBasic,
    BudgetThreePublic,
];

const JIANGSU_2018: &[TableKind] = &[
    BudgetSummary,
    BudgetIncome,
    BudgetExpenditure,
    BudgetFiscalSummary,
    BudgetFiscalExpenditure,
    BudgetFiscalBasic,
    BudgetGeneralExpenditure,
    BudgetBasic,
    BudgetThreePublic,
    BudgetGovernmentFund,
    BudgetOperatingCost,
    BudgetProcurement,
];

fn check_real(e: &Expected) {
    let Some(path) = real(e.file) else { return };
    let r = check_file(&path);
    let doc = r.document.as_ref().expect("read");
    assert!(doc.kind.is_budget(), "{}", e.file);
    let mut kinds: Vec<TableKind> = doc.tables.iter().map(|t| t.kind).collect();
    kinds.dedup();
    assert_eq!(kinds, e.tables, "{}", e.file);
    assert_eq!(r.checked.len(), e.relations, "{}", e.file);
    // No error in the tables: every printed budget here is consistent, to the yuan (上海) or at
    // its rounding. The narratives' real errors (江苏 2017's three shares of the “三公” printed as
    // shares of 三公 + 会议费 + 培训费, 2018's 1312.56% for 1212.56%) are asserted, with their
    // figures, in budget_narrative.rs.
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error && !f.rule.starts_with('N'))
        .collect();
    assert!(errors.is_empty(), "{}: {errors:#?}", e.file);
    let warnings: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning && !f.rule.starts_with('N'))
        .map(|f| f.rule)
        .collect();
    assert_eq!(warnings, e.warnings, "{}: {:#?}", e.file, r.findings);
}

/// The relations include the narrative's against the tables (N201, N202, each in
/// budget_tables_narrative.rs) and Y710's 机关运行经费 against 公用经费.
#[test]
fn shanghai_budgets_have_their_nine_tables_and_no_break() {
    for (file, relations) in [
        ("普陀区人民政府办公室-2025-单位预算.pdf", 260),
        ("普陀区人民政府办公室-2025-部门预算.pdf", 250),
        ("普陀区商务委员会-2025-单位预算.pdf", 339),
        ("普陀区商务委员会-2025-部门预算.pdf", 326),
    ] {
        check_real(&Expected {
            file,
            tables: SHANGHAI,
            relations,
            warnings: &[],
        });
    }
}

/// 江苏 2018 and 2019 print twelve tables (2019 as a PDF of its own); their figures agree.
/// 2019's 财政拨款政府性基金支出预算表 is printed with a 合计 row and no figure and no note at
/// all (p.10 of the 预算表): M602 says so, truly.
#[test]
fn jiangsu_budgets_have_their_twelve_tables_and_no_break() {
    check_real(&Expected {
        file: "江苏省人大办公厅-2018-预算.pdf",
        tables: JIANGSU_2018,
        relations: 111,
        warnings: &[],
    });
    check_real(&Expected {
        file: "江苏省人大办公厅-2019-预算表.pdf",
        tables: JIANGSU_2018,
        relations: 46,
        warnings: &["M602"],
    });
}

/// 江苏 2017 wraps the title of its “三公” table over two lines (“三公”经费、会议费、培训费支出预算
/// / 表): rejoined, the table is read (合计 2,542.60 = “三公” 833.60 + 会议费 1,305.25 + 培训费
/// 403.75; 833.60 = 222.50 + 183.60 + 427.50). Its 政府性基金 table (p.15) is empty with
/// “（无政府性基金支出）” under it. A ruled table of p.11 runs on into the next tables' titles, so
/// the 财政拨款基本支出 and 政府性基金 titles are found twice, the second time with nothing under
/// them (M602 on p.11, p.12, p.15), and the 机关运行经费 table's heading row is not recognised
/// (M602 on p.18): reading gaps of this one file, said as warnings, never as errors.
#[test]
fn jiangsu_2017_reads_with_its_known_gaps_and_no_break() {
    check_real(&Expected {
        file: "江苏省人大办公厅-2017-预算.pdf",
        tables: &[
            BudgetSummary,
            BudgetIncome,
            BudgetExpenditure,
            BudgetFiscalExpenditure,
            BudgetFiscalBasic,
            BudgetGovernmentFund,
            BudgetFiscalSummary,
            BudgetFiscalBasic,
            BudgetGovernmentFund,
            BudgetGeneralExpenditure,
            BudgetBasic,
            BudgetOperatingCost,
            BudgetThreePublic,
            BudgetProcurement,
        ],
        relations: 99,
        warnings: &["M602", "M602", "M602", "M602"],
    });
}

/// The 2019 说明 published alone is a narrative: no table, and no budget table said missing.
#[test]
fn jiangsu_2019_narrative_alone_wants_no_table() {
    let Some(path) = real("江苏省人大办公厅-2019-预算说明.pdf") else {
        return;
    };
    let r = check_file(&path);
    assert!(r.document.as_ref().unwrap().tables.is_empty());
    assert!(!r.findings.iter().any(|f| f.rule == "M601"));
}

/// The 江苏 收支总表 prints expenditure twice, by 功能分类 and by use (支出用途): read as two
/// expenditure halves, each checked against 收入合计 18,330.37 (Y701), the use half adding up as
/// 基本支出 9,312.90 + 项目支出 6,459.58 + 单位预留机动经费 2,557.89 = 18,330.37 (Y702), as the
/// 财政拨款收支总表's 支出合计 adds the same three lines.
#[test]
fn jiangsu_summary_is_read_by_function_and_by_use() {
    let Some(path) = real("江苏省人大办公厅-2019-预算表.pdf") else {
        return;
    };
    let r = check_file(&path);
    let doc = r.document.as_ref().unwrap();
    let halves: Vec<_> = doc
        .tables
        .iter()
        .filter(|t| t.kind == BudgetSummary && t.side == Some(Side::Expenditure))
        .collect();
    assert_eq!(halves.len(), 2);
    let by_use: Vec<String> = halves[1]
        .rows
        .iter()
        .filter_map(|row| {
            Some(format!(
                "{} {}",
                row.name.trim(),
                row.cell(0)?.figure?.value
            ))
        })
        .collect();
    assert_eq!(
        by_use,
        [
            "一、基本支出 9312.90",
            "二、项目支出 6459.58",
            "三、单位预留机动经费 2557.89",
            "当年支出小计 18330.37",
            "支出合计 18330.37"
        ]
    );
    let formulas: Vec<String> = r
        .checked
        .iter()
        .filter(|c| c.rule == "Y702" && c.formula().contains("2557.89"))
        .map(|c| c.formula())
        .collect();
    assert_eq!(formulas, ["18330.37 = 9312.90 + 6459.58 + 2557.89"; 2]);
}

/// M605 knows the budget tables: a 支出预算总表 whose 基本支出 heading is not recognised (here
/// printed as “基本经费”) says which relations were not checked, rather than passing clean.
#[test]
fn m605_says_a_budget_table_lacks_a_column() {
    let mut g = sample();
    let sheet = g.iter_mut().find(|g| g.sheet.starts_with("3 ")).unwrap();
    assert_eq!(sheet.rows[3][3], RawValue::Text("基本支出".into()));
    sheet.rows[3][3] = RawValue::Text("基本经费".into());
    let checks = run(&g);
    let m605: Vec<_> = checks
        .findings
        .iter()
        .filter(|f| f.rule == "M605")
        .collect();
    assert_eq!(m605.len(), 1, "{:#?}", checks.findings);
    assert!(m605[0].message.zh.contains("基本支出") && m605[0].message.zh.contains("Y703"));
}

/// The 江苏 政府采购预算表 (2019, as CSV): 合计 2,416.43 = 一、货物A 233.10 + 三、服务C 2,183.33;
/// with 货物 printed as 223.10 it breaks (Y708), naming the 合计.
#[test]
fn y708_procurement_total() {
    const CSV: &str = "2019年政府采购预算表\n\
        部门：江苏省人大常委会办公厅,,,,,单位：万元\n\
        采购品目大类,专项名称,经济科目,采购物品名称,采购组织形式,总计\n\
        合计,,,,,2416.43\n";
    let rest = "办公设备购置费,办公设备购置,,,53.10\n\
        ,,,台式计算机（20万以下）,分散自行组织,17.92\n\
        三、服务C,,,,,2183.33\n\
        ,交通运行费,公务用车运行维护费,,,183.60\n";
    let dir = Scratch::new("y708");
    let csv = |goods: &str| format!("{CSV}一、货物A,,,,,{goods}\n,{rest}");
    let ok = check_file(&dir.write("江苏省人大办公厅-2019-预算表.csv", csv("233.10")));
    let doc = ok.document.as_ref().unwrap();
    assert_eq!(doc.tables[0].kind, BudgetProcurement);
    assert!(
        ok.findings.iter().all(|f| f.severity < Severity::Error),
        "{:#?}",
        ok.findings
    );
    let formulas: Vec<String> = ok
        .checked
        .iter()
        .filter(|c| c.rule == "Y708")
        .map(|c| c.formula())
        .collect();
    assert_eq!(formulas, ["2416.43 = 233.10 + 2183.33"]);

    let bad = check_file(&dir.write("江苏省人大办公厅-2019-预算表.csv", csv("223.10")));
    let y708: Vec<_> = bad.findings.iter().filter(|f| f.rule == "Y708").collect();
    assert_eq!(y708.len(), 1, "{:#?}", bad.findings);
    assert_eq!(y708[0].location.cell.as_deref(), Some("F4"));
}

/// A 上海 单位预算 prints its 收支总表 by 人员经费 | 公用经费 | 项目支出: the 支出总计 row
/// (91,016,775.35 = 22,473,997.81 + 2,132,777.54 + 66,410,000.00, p.8) splits as the 经济分类
/// table's 合计 row does (24,606,775.35 = 22,473,997.81 + 2,132,777.54, p.18): Y703 and Y707
/// state both.
#[test]
fn shanghai_unit_budget_summary_splits_as_its_economic_table() {
    let Some(path) = real("普陀区人民政府办公室-2025-单位预算.pdf") else {
        return;
    };
    let r = check_file(&path);
    let formulas: Vec<String> = r
        .checked
        .iter()
        .filter(|c| c.rule == "Y707" || c.rule == "Y703")
        .map(|c| c.formula())
        .filter(|f| f.contains("22473997.81"))
        .collect();
    assert_eq!(
        formulas,
        [
            "91016775.35 = 22473997.81 + 2132777.54 + 66410000.00",
            "24606775.35 = 22473997.81 + 2132777.54",
            "22473997.81 = 22473997.81"
        ]
    );
}

/// The sample's empty 政府性基金 table carries its own note (本部门2025年无政府性基金预算…); with
/// the note of the 国有资本经营 table under it instead, Y709 says it was copied from another table.
#[test]
fn y709_note_of_another_table() {
    assert!(!run(&sample()).findings.iter().any(|f| f.rule == "Y709"));
    let mut g = sample();
    let sheet = g.iter_mut().find(|g| g.sheet.starts_with("6 ")).unwrap();
    let note = sheet
        .rows
        .iter_mut()
        .flat_map(|r| r.iter_mut())
        .find(|v| matches!(v, RawValue::Text(t) if t.starts_with("注")))
        .unwrap();
    *note = RawValue::Text(
        "注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。".into(),
    );
    let checks = run(&g);
    let y709: Vec<_> = checks
        .findings
        .iter()
        .filter(|f| f.rule == "Y709")
        .collect();
    assert_eq!(y709.len(), 1, "{:#?}", checks.findings);
    assert_eq!(y709[0].severity, Severity::Warning);
    assert_eq!(
        y709[0].table.as_deref(),
        Some("2025年部门政府性基金预算支出功能分类预算表")
    );
}

/// A 部门收支总表 in the national template's words (built by hand, 万元): 本年收入合计 1,230.00 =
/// 一般公共预算拨款收入 1,200.00 + 事业收入 30.00; 收入总计 1,270.00 = 1,230.00 + 上年结转 40.00
/// = 支出总计. Read from CSV, it is checked by Y701 and Y702; with 本年收入合计 printed as
/// 1,240.00 the income half no longer adds up (Y702, naming B8).
#[test]
fn national_template_summary_from_csv() {
    const CSV: &str = "部门收支总表\n\
        ,,,单位：万元\n\
        收入,,支出,\n\
        项目,预算数,项目,预算数\n\
        一、一般公共预算拨款收入,1200.00,一、一般公共服务支出,900.00\n\
        二、政府性基金预算拨款收入,,二、社会保障和就业支出,250.00\n\
        三、事业收入,30.00,三、住房保障支出,120.00\n\
        本年收入合计,TOTAL,本年支出合计,1270.00\n\
        上年结转,40.00,结转下年,\n\
        收入总计,1270.00,支出总计,1270.00\n";
    let dir = Scratch::new("national");
    let file = |total: &str| dir.write("某某局-2024-部门预算.csv", CSV.replace("TOTAL", total));
    let ok = check_file(&file("1230.00"));
    let doc = ok.document.as_ref().unwrap();
    assert_eq!(doc.tables[0].kind, BudgetSummary);
    assert!(
        ok.findings.iter().all(|f| f.severity < Severity::Error),
        "{:#?}",
        ok.findings
    );
    let y70x = |code| ok.checked.iter().filter(|c| c.rule == code).count();
    assert_eq!((y70x("Y701"), y70x("Y702")), (1, 4));

    let bad = check_file(&file("1240.00"));
    let y702: Vec<_> = bad.findings.iter().filter(|f| f.rule == "Y702").collect();
    assert!(
        y702.iter()
            .any(|f| f.places().any(|l| l.cell.as_deref() == Some("B8"))),
        "{:#?}",
        bad.findings
    );
}
