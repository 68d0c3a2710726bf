//! A budget's narrative against its budget tables (N201 through the budget concept map, N202 for
//! the 上海 item headlines) and its 机关运行经费 against the 经济分类 table (Y710): on the budget
//! sample's tables with sentences of the real 上海 wording, and on the real budgets of ../shared
//! (SKIPPED when absent).

use std::path::Path;

use gouji::check::{self, Outcome, Severity};
use gouji::read::{read_tables, RawValue};
use gouji::recognise;
use gouji::run::{check_file, check_group, DocResult};

use super::common::{d, Scratch};
use super::narrative_rules::{assert_checked, findings, trace};
use super::samples::BUDGET;

/// The budget sample's tables with `text` as its 说明, read as one document.
fn with_narrative(text: &str) -> DocResult {
    let s = Scratch::new("budget-tables");
    let tables = std::fs::read(BUDGET).unwrap();
    let files = [
        s.write("普陀区商务委员会-2025-部门预算公开表.xlsx", tables),
        s.write("普陀区商务委员会-2025-部门预算说明.txt", text),
    ];
    let r = check_group(&files);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(r.document.as_ref().is_some_and(|d| d.kind.is_budget()));
    r
}

/// The one error of a rule, naming the narrative's figure.
fn only_error(r: &DocResult, rule: &str, printed: &str) {
    let f = findings(r, rule);
    assert_eq!(f.len(), 1, "{rule}: {:#?}", r.findings);
    assert_eq!(f[0].severity, Severity::Error);
    let said = f[0].location.sentence.as_deref().unwrap_or_default();
    assert!(said.contains(printed), "{said}");
}

const TOTALS: &str = "2025年，上海市普陀区商务委员会收入预算37,151.47万元，其中：财政拨款收入\
37,151.47万元，比2024年预算执行数增加24,558.18万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。\n\
支出预算37,151.47万元，其中：基本支出1,983.07万元，项目支出35,168.40万元。\n\
2025年“三公”经费预算数为1.00万元，与2024年预算持平。\n\
2025年上海市普陀区商务委员会财政拨款的机关运行经费预算为171.01万元。\n";

/// The 收入预算 of 371,514,655 元 is 37,151.47万元 at the narrative's two decimals: the same
/// figure, verified exactly (not “within rounding”); 基本/项目支出 against the 支出预算总表's 合计
/// row, the “三公” against the table's 预算数, 机关运行经费 against its column of that table, and
/// a 0万元 beside a blank cell is no break.
#[test]
fn a_budgets_totals_tie_to_its_tables() {
    let r = with_narrative(TOTALS);
    assert!(findings(&r, "N201").is_empty(), "{:#?}", r.findings);
    for formula in [
        "37151.47万元 = 371514655元",
        "1983.07万元 = 19830655元",
        "35168.40万元 = 351684000元",
        "1.00 = 1.00",
        "171.01 = 171.01",
        "0万元 = （空白）",
    ] {
        assert_checked(&r, "N201", formula, Outcome::Exact);
    }
}

/// 37,151.57万元 for 37,151.47: the table's 371,514,655 元 is 37,151.4655万元, 0.1万元 from it,
/// far outside the 0.005万元 the narrative's rounding allows.
#[test]
fn a_budget_total_that_differs_from_its_table_is_an_error() {
    let r = with_narrative(&TOTALS.replacen("收入预算37,151.47", "收入预算37,151.57", 1));
    only_error(&r, "N201", "37,151.57万元");
    assert_checked(&r, "N201", "37151.57万元 = 371514655元", Outcome::Broken);
}

/// A 财政拨款 figure the label says is of the 一般公共预算 is read from the 一般公共预算 table.
#[test]
fn a_general_budget_figure_is_read_from_the_general_budget_table() {
    let r = with_narrative("一般公共预算拨款支出预算37,151.47万元。\n");
    let tied: Vec<_> = r.checked.iter().filter(|c| c.rule == "N201").collect();
    assert_eq!(tied.len(), 1, "{:#?}", trace(&r));
    let table = tied[0]
        .relation
        .as_ref()
        .and_then(|rel| rel.parts[0].1.location())
        .and_then(|l| l.sheet.map(|s| s.to_string()));
    assert_eq!(table.as_deref(), Some("5 一般公共预算支出"));
}

const ITEMS: &str = "财政拨款支出主要内容如下：\n\
1.“一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于机关行政运行和机关人员经费支出。\n\
2.“科学技术支出-科技条件与服务-科技条件专项”科目1,720.00万元，主要用于政策扶持资金支出。\n\
3.“教育支出（类）普通教育（款）小学教育（项）”10.00万元，主要用于小学。\n";

/// Both 上海 wordings of an item headline (“…（类）…（款）…（项）” and “…-…-…”科目) against the
/// row of the 一般公共预算支出功能分类 table: 9,389,913 元 is 938.99万元 and 17,200,000 元 is
/// 1,720.00万元. A headline whose 类/款/项 the tables do not print (教育支出) is not checked.
#[test]
fn an_item_headline_equals_its_table_row() {
    let r = with_narrative(ITEMS);
    assert!(findings(&r, "N202").is_empty(), "{:#?}", r.findings);
    assert_checked(&r, "N202", "938.99万元 = 9389913元", Outcome::Exact);
    assert_checked(&r, "N202", "1720.00万元 = 17200000元", Outcome::Exact);
    let n202 = r.checked.iter().filter(|c| c.rule == "N202").count();
    assert_eq!(n202, 2, "{:#?}", trace(&r));
}

/// 983.99万元 for 938.99 (two digits swapped): the 行政运行 row prints 9,389,913 元, 44.9987万元
/// below it.
#[test]
fn an_item_headline_that_differs_from_its_row_is_an_error() {
    let r = with_narrative(&ITEMS.replace("938.99万元", "983.99万元"));
    only_error(&r, "N202", "983.99万元");
    let f = findings(&r, "N202")[0];
    assert_eq!(f.difference, Some(d("44.9987")));
}

/// 机关运行经费 171.01万元 (the “三公” table, in 万元) = 公用经费 1,710,062 元 (302 + 310 of the
/// 经济分类 table, in 元). Changed to 172.01 (1.0038万元 above 171.0062) it is a warning, not an
/// error: the MoF has counted
/// project-funded running costs in 机关运行经费 since 2017, and 江苏 2017 prints 5,619.31万元
/// against a 公用经费 of 1,585.96万元 for that reason (its p.28 says so), a true difference.
#[test]
fn y710_agency_operating_costs_are_the_public_expenses() {
    let mut grids = read_tables(Path::new(BUDGET)).unwrap().grids;
    let run = |grids: &[gouji::read::Grid]| {
        let (doc, problems) = recognise::document(BUDGET, grids);
        check::run(&doc, &problems)
    };
    let clean = run(&grids);
    let y710: Vec<_> = clean.checked.iter().filter(|c| c.rule == "Y710").collect();
    assert_eq!(y710.len(), 1);
    assert_eq!(y710[0].outcome, Outcome::Exact);
    assert_eq!(y710[0].formula(), "171.01万元 = 1710062元");
    let g = grids
        .iter_mut()
        .find(|g| g.sheet.starts_with("9 "))
        .unwrap();
    assert!(matches!(g.rows[5][6], RawValue::Number(_)), "G6 is 171.01");
    g.rows[5][6] = RawValue::Number(172.01);
    let broken = run(&grids);
    let f: Vec<_> = broken
        .findings
        .iter()
        .filter(|f| f.rule == "Y710")
        .collect();
    assert_eq!(f.len(), 1, "{:#?}", broken.findings);
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(f[0].difference, Some(d("1.0038")));
}

// ---------------------------------------------------------------------------------------------
// The real budgets
// ---------------------------------------------------------------------------------------------

/// A real budget of ../shared checked, or `None` (said SKIPPED) where it is absent.
pub fn real(name: &str) -> Option<DocResult> {
    let p = Path::new("../shared/realdata/budgets").join(name);
    if !p.exists() {
        eprintln!("SKIPPED: {} is absent", p.display());
        return None;
    }
    Some(check_file(&p))
}

/// The four 上海 budgets: every item headline (16 of 商务委, in the “（类）（款）（项）” wording; 12
/// of 政府办, in the “-”科目 wording) is its row of the 一般公共预算 table at two decimals, every
/// total and the 机关运行经费 tie, and nothing is reported.
#[test]
fn shanghai_headlines_and_totals_tie_to_their_tables() {
    for (file, items, ties) in [
        ("普陀区商务委员会-2025-部门预算.pdf", 16, 15),
        ("普陀区商务委员会-2025-单位预算.pdf", 16, 15),
        ("普陀区人民政府办公室-2025-部门预算.pdf", 12, 15),
        ("普陀区人民政府办公室-2025-单位预算.pdf", 12, 15),
    ] {
        let Some(r) = real(file) else { return };
        let count = |rule: &str| {
            let exact = r
                .checked
                .iter()
                .filter(|c| c.rule == rule && c.outcome == Outcome::Exact)
                .count();
            (exact, r.checked.iter().filter(|c| c.rule == rule).count())
        };
        assert_eq!(count("N202"), (items, items), "{file}");
        assert_eq!(count("N201"), (ties, ties), "{file}");
        assert_eq!(count("Y710"), (1, 1), "{file}");
        assert!(r.findings.is_empty(), "{file}: {:#?}", r.findings);
    }
    if let Some(r) = real("普陀区商务委员会-2025-部门预算.pdf") {
        assert_checked(&r, "N202", "29381.00万元 = 293810000.00元", Outcome::Exact);
        assert_checked(&r, "N201", "171.01 = 171.01", Outcome::Exact);
        assert_checked(&r, "Y710", "171.01万元 = 1710062.00元", Outcome::Exact);
    }
}

/// 江苏 prints its 经济分类 table without 人员经费/公用经费 columns: the narrative's 人员经费
/// 6,080.72万元 is 301 工资福利支出 2,928.98 + 303 对个人和家庭的补助 3,151.74 (2017), and 2018's
/// 机关运行经费 table (1,579.38) is its 302 商品和服务支出. 2017's 机关运行经费 table (5,619.31,
/// p.19) follows a wider definition than its 302 (1,585.96), which the narrative explains (p.28):
/// Y710 warns of it. The 支出预算总表 prints its
/// 合计 row with a blank label: 基本支出 7,666.68, 项目支出 5,853.96 and 单位预留机动经费 128.43
/// (2017) are read from it. 2019's 说明 and tables, published as two PDFs and given together, tie
/// as one document (人员经费 7,670.82 = 6,481.41 + 1,189.41).
#[test]
fn jiangsu_personnel_and_agency_costs_tie_to_the_economic_classes() {
    if let Some(r) = real("江苏省人大办公厅-2017-预算.pdf") {
        assert_checked(&r, "N201", "6080.72 = 2928.98 + 3151.74", Outcome::Exact);
        assert_checked(&r, "N201", "1585.96 = 1585.96", Outcome::Exact);
        assert_checked(&r, "Y710", "5619.31 = 1585.96", Outcome::Broken);
        assert_checked(&r, "N201", "128.43 = 128.43", Outcome::Exact);
        assert_checked(&r, "N201", "5853.96 = 5853.96", Outcome::Exact);
        assert!(findings(&r, "N201").is_empty(), "{:#?}", r.findings);
    }
    if let Some(r) = real("江苏省人大办公厅-2018-预算.pdf") {
        assert_checked(&r, "Y710", "1579.38 = 1579.38", Outcome::Exact);
        assert_checked(&r, "N201", "1685.72 = 1685.72", Outcome::Exact);
        assert!(findings(&r, "N201").is_empty(), "{:#?}", r.findings);
    }
    let dir = Path::new("../shared/realdata/budgets");
    let pair = [
        "江苏省人大办公厅-2019-预算表.pdf",
        "江苏省人大办公厅-2019-预算说明.pdf",
    ]
    .map(|f| dir.join(f));
    if pair.iter().all(|p| p.exists()) {
        let r = check_group(&pair);
        assert_checked(&r, "N201", "7670.82 = 6481.41 + 1189.41", Outcome::Exact);
        assert_checked(&r, "Y710", "1642.08 = 1642.08", Outcome::Exact);
        let ties = r.checked.iter().filter(|c| c.rule == "N201").count();
        assert_eq!(ties, 25, "{:#?}", trace(&r));
        assert!(findings(&r, "N201").is_empty(), "{:#?}", r.findings);
    }
}
