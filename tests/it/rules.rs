//! Every rule of the catalogue on small documents built in code: for each rule a passing example
//! (no finding of that rule) and a failing one (a finding naming the expected and the published
//! figure, the difference and the cell), plus rounding examples for the sum rules.
//!
//! The fixtures are one coherent 2021 disclosure of a 人社局 (9 tables, in 万元): 本年收入合计
//! 3997.99 = 一般公共预算财政拨款收入 3966.63 + 其他收入 31.36, and so on. Each failing example
//! changes one or two published figures of it.

use gouji::check::{catalogue, run, Finding, Severity};
use gouji::model::ColKey as K;
use gouji::model::Line as L;
use gouji::model::{
    Cell, CellRef, Column, Document, Figure, Location, Row, Side, Table, TableKind, Unit,
};
use gouji::recognise::Problem;
use rust_decimal::Decimal;

const FILE: &str = "2021年部门决算.xlsx";

/// Zero-based sheet row of the first data row: data rows are printed from row 5 on.
const FIRST_ROW: u32 = 4;
/// Zero-based sheet column of the first amount: codes are in A, names in B, amounts from C on.
const FIRST_COL: u32 = 2;

// ---------------------------------------------------------------------------------------------
// Fixture builder
// ---------------------------------------------------------------------------------------------

/// A data row: (科目编码 or "", name, statement line, amounts by column: "" blank, "-" no figure).
type R<'a> = (&'a str, &'a str, Option<L>, &'a [&'a str]);

fn sheet_name(kind: TableKind, side: Option<Side>) -> String {
    match side {
        None => kind.title().to_string(),
        Some(Side::Income) => format!("{}(收入)", kind.title()),
        Some(Side::Expenditure) => format!("{}(支出)", kind.title()),
    }
}

fn figure(text: &str) -> Option<Figure> {
    text.parse::<Decimal>().ok().map(Figure::from_decimal)
}

/// A table in 万元 on its own sheet, titled in A1; row `i`, amount `j` is at (5 + i, C + j), so
/// every cell of a table has its own A1 name (the first amount of the first row is C5).
fn table(kind: TableKind, side: Option<Side>, cols: &[K], rows: &[R]) -> Table {
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, (code, name, line, amounts))| {
            let r = FIRST_ROW + i as u32;
            assert_eq!(
                amounts.len(),
                cols.len(),
                "row {name}: one amount per column"
            );
            Row {
                code: (!code.is_empty()).then(|| code.to_string()),
                name: (*name).into(),
                line: *line,
                cells: amounts
                    .iter()
                    .enumerate()
                    .map(|(j, a)| {
                        Some(Cell {
                            raw: a.to_string(),
                            figure: figure(a),
                            at: CellRef::new(r, FIRST_COL + j as u32),
                        })
                    })
                    .collect(),
                at: CellRef::new(r, 1),
            }
        })
        .collect();
    Table {
        kind,
        side,
        title: kind.title().to_string(),
        unit: Unit::WanYuan,
        unit_stated: true,
        file: FILE.into(),
        sheet: sheet_name(kind, side).into(),
        at: CellRef::new(0, 0),
        columns: cols
            .iter()
            .map(|k| Column {
                label: k.label().to_string(),
                key: Some(*k),
            })
            .collect(),
        rows,
        notes: Vec::new(),
        places: None,
        approximate: false,
        step: None,
    }
}

fn doc(tables: Vec<Table>) -> Document {
    Document {
        source: FILE.to_string(),
        department: Some("某某区人力资源和社会保障局".to_string()),
        year: Some(2021),
        tables,
        ..Document::default()
    }
}

/// The table of a kind (and half) in a document, to change it.
fn tbl(doc: &mut Document, kind: TableKind, side: Option<Side>) -> &mut Table {
    doc.tables
        .iter_mut()
        .find(|t| t.kind == kind && t.side == side)
        .unwrap_or_else(|| panic!("no {kind:?} {side:?} in the fixture"))
}

/// Publishes `text` in row `row`, column `col` (both zero-based within the table's data).
fn set(t: &mut Table, row: usize, col: usize, text: &str) {
    let cell = t.rows[row].cells[col].as_mut().expect("a cell there");
    cell.raw = text.to_string();
    cell.figure = figure(text);
}

use super::common::d;

// ---------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------

fn findings(doc: &Document, rule: &str) -> Vec<Finding> {
    run(doc, &[])
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// `sheet!cell` of a finding.
fn place(f: &Finding) -> String {
    format!(
        "{}!{}",
        f.location.sheet.as_deref().unwrap_or("?"),
        f.location.cell.as_deref().unwrap_or("?")
    )
}

/// The rule holds exactly: it reports nothing at all.
#[track_caller]
fn assert_holds(doc: &Document, rule: &str) {
    let found = findings(doc, rule);
    assert!(found.is_empty(), "{rule} should hold, found {found:#?}");
}

/// The rule reports exactly one finding, of `severity`, with these figures, at `at` (`sheet!A1`).
/// `actual` "" means the total is not printed.
#[track_caller]
fn assert_one(
    doc: &Document,
    rule: &str,
    severity: Severity,
    expected: &str,
    actual: &str,
    difference: &str,
    at: &str,
) -> Finding {
    let found = findings(doc, rule);
    assert_eq!(
        found.len(),
        1,
        "one {rule} finding wanted, found {found:#?}"
    );
    let f = found.into_iter().next().unwrap();
    assert_eq!(f.severity, severity, "{f:#?}");
    assert_eq!(f.expected, Some(d(expected)), "expected of {f:#?}");
    assert_eq!(
        f.actual,
        (!actual.is_empty()).then(|| d(actual)),
        "actual of {f:#?}"
    );
    assert_eq!(f.difference, Some(d(difference)), "difference of {f:#?}");
    assert_eq!(place(&f), at, "location of {f:#?}");
    assert_eq!(&*f.location.file, FILE);
    assert_eq!(f.unit, Some(Unit::WanYuan));
    f
}

/// A real break: an error.
#[track_caller]
fn assert_broken(doc: &Document, rule: &str, expected: &str, actual: &str, diff: &str, at: &str) {
    let f = assert_one(doc, rule, Severity::Error, expected, actual, diff, at);
    assert!(f.tolerance.unwrap() < f.difference.unwrap().abs(), "{f:#?}");
}

/// A gap rounding explains: info, never an error.
#[track_caller]
fn assert_rounding(doc: &Document, rule: &str, expected: &str, actual: &str, diff: &str, at: &str) {
    let f = assert_one(doc, rule, Severity::Info, expected, actual, diff, at);
    assert!(
        f.difference.unwrap().abs() <= f.tolerance.unwrap(),
        "{f:#?}"
    );
    assert!(!findings(doc, rule)
        .iter()
        .any(|f| f.severity == Severity::Error));
}

/// A warning that carries no figures, at `at` (`sheet!A1`, or the file alone).
#[track_caller]
fn assert_warning(doc: &Document, rule: &str, at: &str) -> Finding {
    let found = findings(doc, rule);
    assert_eq!(
        found.len(),
        1,
        "one {rule} finding wanted, found {found:#?}"
    );
    let f = found.into_iter().next().unwrap();
    assert_eq!(f.severity, Severity::Warning, "{f:#?}");
    assert_eq!(&*f.location.file, FILE);
    let got = match f.location.cell {
        Some(_) => place(&f),
        None => f.location.file.to_string(),
    };
    assert_eq!(got, at, "location of {f:#?}");
    assert_eq!((f.expected, f.actual, f.difference), (None, None, None));
    assert!(!f.message.zh.is_empty() && !f.message.en.is_empty());
    f
}

// ---------------------------------------------------------------------------------------------
// The fixture disclosure
// ---------------------------------------------------------------------------------------------

const INC: Option<Side> = Some(Side::Income);
const EXP: Option<Side> = Some(Side::Expenditure);

/// 收入支出决算总表, income half (one 决算数 column).
fn summary_income() -> Table {
    table(
        TableKind::IncomeExpenditureSummary,
        INC,
        &[K::Amount],
        &[
            (
                "",
                "一般公共预算财政拨款收入",
                Some(L::GeneralBudgetIncome),
                &["3966.63"],
            ), // C5
            ("", "其他收入", Some(L::OtherIncome), &["31.36"]), // C6
            ("", "本年收入合计", Some(L::IncomeTotal), &["3997.99"]), // C7
            ("", "使用非财政拨款结余", Some(L::UseOfReserves), &[""]), // C8
            ("", "年初结转和结余", Some(L::Opening), &["512.34"]), // C9
            ("", "收入总计", Some(L::IncomeGrandTotal), &["4510.33"]), // C10
        ],
    )
}

/// 收入支出决算总表, expenditure half.
fn summary_expenditure() -> Table {
    table(
        TableKind::IncomeExpenditureSummary,
        EXP,
        &[K::Amount],
        &[
            (
                "208",
                "社会保障和就业支出",
                Some(L::FunctionClass),
                &["3500.00"],
            ), // C5
            ("221", "住房保障支出", Some(L::FunctionClass), &["497.99"]), // C6
            ("", "本年支出合计", Some(L::ExpenditureTotal), &["3997.99"]), // C7
            ("", "结余分配", Some(L::SurplusDistribution), &[""]),        // C8
            ("", "年末结转和结余", Some(L::Closing), &["512.34"]),        // C9
            ("", "支出总计", Some(L::ExpenditureGrandTotal), &["4510.33"]), // C10
        ],
    )
}

/// 收入决算表: 合计 | 财政拨款收入 | 其他收入.
fn income_table() -> Table {
    table(
        TableKind::IncomeTable,
        None,
        &[K::Total, K::FiscalGrant, K::OtherIncome],
        &[
            ("", "合计", Some(L::Total), &["3997.99", "3966.63", "31.36"]), // C5 D5 E5
            (
                "208",
                "社会保障和就业支出",
                None,
                &["3500.00", "3480.00", "20.00"],
            ), // row 6
            ("221", "住房保障支出", None, &["497.99", "486.63", "11.36"]),  // row 7
        ],
    )
}

/// 支出决算表: 合计 | 基本支出 | 项目支出, down to 项.
fn expenditure_table() -> Table {
    table(
        TableKind::ExpenditureTable,
        None,
        &[K::Total, K::Basic, K::Project],
        &[
            (
                "",
                "合计",
                Some(L::Total),
                &["3997.99", "2800.50", "1197.49"],
            ), // row 5
            (
                "208",
                "社会保障和就业支出",
                None,
                &["3500.00", "2400.00", "1100.00"],
            ), // row 6
            (
                "20801",
                "人力资源和社会保障管理事务",
                None,
                &["3500.00", "2400.00", "1100.00"],
            ), // 7
            ("2080101", "行政运行", None, &["2400.00", "2400.00", ""]), // row 8
            (
                "2080109",
                "社会保险经办机构",
                None,
                &["1100.00", "", "1100.00"],
            ), // row 9
            ("221", "住房保障支出", None, &["497.99", "400.50", "97.49"]), // row 10
            (
                "22102",
                "住房改革支出",
                None,
                &["497.99", "400.50", "97.49"],
            ), // row 11
            (
                "2210201",
                "住房公积金",
                None,
                &["497.99", "400.50", "97.49"],
            ), // row 12
        ],
    )
}

/// 财政拨款收入支出决算总表, income half, with the opening balance broken down by fund.
fn fiscal_income() -> Table {
    table(
        TableKind::FiscalSummary,
        INC,
        &[K::Amount],
        &[
            (
                "",
                "一般公共预算财政拨款",
                Some(L::GeneralBudgetIncome),
                &["3966.63"],
            ), // C5
            ("", "本年收入合计", Some(L::IncomeTotal), &["3966.63"]), // C6
            ("", "年初财政拨款结转和结余", Some(L::Opening), &["312.34"]), // C7
            (
                "",
                "一般公共预算财政拨款",
                Some(L::OpeningGeneralBudget),
                &["300.00"],
            ), // C8
            (
                "",
                "政府性基金预算财政拨款",
                Some(L::OpeningGovernmentFund),
                &["12.34"],
            ), // C9
            ("", "收入总计", Some(L::IncomeGrandTotal), &["4278.97"]), // C10
        ],
    )
}

/// 财政拨款收入支出决算总表, expenditure half: 合计 | 一般公共预算 | 政府性基金.
fn fiscal_expenditure() -> Table {
    table(
        TableKind::FiscalSummary,
        EXP,
        &[K::Total, K::GeneralBudget, K::GovernmentFund],
        &[
            (
                "208",
                "社会保障和就业支出",
                Some(L::FunctionClass),
                &["3480.00", "3480.00", ""],
            ), // 5
            (
                "212",
                "城乡社区支出",
                Some(L::FunctionClass),
                &["12.34", "", "12.34"],
            ), // row 6
            (
                "221",
                "住房保障支出",
                Some(L::FunctionClass),
                &["486.63", "486.63", ""],
            ), // row 7
            (
                "",
                "本年支出合计",
                Some(L::ExpenditureTotal),
                &["3978.97", "3966.63", "12.34"],
            ), // 8
            (
                "",
                "年末财政拨款结转和结余",
                Some(L::Closing),
                &["300.00", "300.00", ""],
            ), // row 9
            (
                "",
                "一般公共预算财政拨款",
                Some(L::ClosingGeneralBudget),
                &["300.00", "300.00", ""],
            ), // 10
            (
                "",
                "支出总计",
                Some(L::ExpenditureGrandTotal),
                &["4278.97", "4266.63", "12.34"],
            ), // 11
        ],
    )
}

/// 一般公共预算财政拨款支出决算表: 合计 | 基本支出 | 项目支出 | 人员经费 | 公用经费.
fn general_budget_table() -> Table {
    table(
        TableKind::GeneralBudgetExpenditure,
        None,
        &[K::Total, K::Basic, K::Project, K::Personnel, K::Public],
        &[
            (
                "",
                "合计",
                Some(L::Total),
                &["3966.63", "2100.50", "1866.13", "1500.00", "600.50"],
            ),
            (
                "208",
                "社会保障和就业支出",
                None,
                &["3480.00", "1700.00", "1780.00", "1300.00", "400.00"],
            ),
            (
                "221",
                "住房保障支出",
                None,
                &["486.63", "400.50", "86.13", "200.00", "200.50"],
            ),
        ],
    )
}

/// 一般公共预算财政拨款基本支出决算表, by 经济分类, in one 决算数 column.
fn basic_table() -> Table {
    table(
        TableKind::GeneralBudgetBasicExpenditure,
        None,
        &[K::Amount],
        &[
            ("301", "工资福利支出", None, &["1300.00"]), // C5
            ("30101", "基本工资", None, &["700.00"]),    // C6
            ("30102", "津贴补贴", None, &["400.00"]),    // C7
            ("30108", "机关事业单位基本养老保险缴费", None, &["200.00"]), // C8
            ("302", "商品和服务支出", None, &["550.50"]), // C9
            ("30201", "办公费", None, &["350.50"]),      // C10
            ("30211", "差旅费", None, &["200.00"]),      // C11
            ("303", "对个人和家庭的补助", None, &["200.00"]), // C12
            ("30302", "退休费", None, &["200.00"]),      // C13
            ("310", "资本性支出", None, &["50.00"]),     // C14
            ("31002", "办公设备购置", None, &["50.00"]), // C15
            ("", "人员经费合计", Some(L::PersonnelTotal), &["1500.00"]), // C16
            ("", "公用经费合计", Some(L::PublicTotal), &["600.50"]), // C17
            ("", "合计", Some(L::Total), &["2100.50"]),  // C18
        ],
    )
}

/// “三公”经费支出决算表: 预算数 | 决算数.
fn three_public_table() -> Table {
    table(
        TableKind::ThreePublic,
        None,
        &[K::Budget, K::Final],
        &[
            ("", "合计", Some(L::Total), &["45.00", "38.62"]), // row 5
            (
                "",
                "因公出国（境）费",
                Some(L::OverseasTravel),
                &["10.00", "8.50"],
            ), // row 6
            (
                "",
                "公务用车购置及运行费",
                Some(L::Vehicles),
                &["25.00", "22.12"],
            ), // row 7
            (
                "",
                "公务用车购置费",
                Some(L::VehiclePurchase),
                &["0.00", "0.00"],
            ), // row 8
            (
                "",
                "公务用车运行费",
                Some(L::VehicleOperation),
                &["25.00", "22.12"],
            ), // row 9
            ("", "公务接待费", Some(L::Reception), &["10.00", "8.00"]), // row 10
        ],
    )
}

/// A fund table (政府性基金 or 国有资本经营): 年初 | 本年收入 | 本年支出 | 年末.
fn fund_table(kind: TableKind, rows: &[R]) -> Table {
    table(
        kind,
        None,
        &[
            K::Opening,
            K::CurrentIncome,
            K::CurrentExpenditure,
            K::Closing,
        ],
        rows,
    )
}

/// The 政府性基金 table of the fixture: last year's 12.34 carried over and spent.
fn government_fund_table() -> Table {
    fund_table(
        TableKind::GovernmentFund,
        &[
            ("", "合计", Some(L::Total), &["12.34", "", "12.34", "0.00"]), // C5 D5 E5 F5
            ("212", "城乡社区支出", None, &["12.34", "", "12.34", "0.00"]),
        ],
    )
}

/// The 国有资本经营 table: nothing to report, and a note saying so.
fn state_capital_table() -> Table {
    let mut t = fund_table(TableKind::StateCapital, &[]);
    t.notes
        .push("注：本单位2021年度无国有资本经营预算财政拨款收入支出，故本表为空。".to_string());
    t
}

/// The whole 9-table disclosure.
fn full_doc() -> Document {
    doc(vec![
        summary_income(),
        summary_expenditure(),
        income_table(),
        expenditure_table(),
        fiscal_income(),
        fiscal_expenditure(),
        general_budget_table(),
        basic_table(),
        three_public_table(),
        government_fund_table(),
        state_capital_table(),
    ])
}

// ---------------------------------------------------------------------------------------------
// The catalogue and the fixture itself
// ---------------------------------------------------------------------------------------------

/// Every rule in catalogue order; the N rules have their examples in `narrative_rules.rs` (the
/// narrative reader's are in `narrative.rs`; N112's and N113's, a budget's, in
/// `budget_narrative.rs`), the Y (budget) rules theirs in `budgets.rs`.
const CODES: [&str; 52] = [
    "T101", "T102", "T103", "T104", "B201", "B202", "B203", "B204", "B205", "B206", "B207", "E301",
    "E302", "S401", "S402", "L501", "L502", "L503", "L504", "L505", "Y701", "Y702", "Y703", "Y704",
    "Y705", "Y706", "Y707", "Y708", "Y709", "Y710", "N101", "N102", "N103", "N104", "N105", "N106",
    "N107", "N108", "N109", "N110", "N111", "N112", "N113", "N201", "N202", "M601", "M602", "M603",
    "M604", "M605", "X001", "X002",
];

#[test]
fn catalogue_codes_are_unique_and_documented() {
    let rules = catalogue();
    let codes: Vec<&str> = rules.iter().map(|r| r.meta().code).collect();
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), codes.len(), "duplicate codes in {codes:?}");
    assert_eq!(
        codes, CODES,
        "every rule is tested here, in catalogue order"
    );
    for r in rules {
        let m = r.meta();
        assert!(!m.doc.trim().is_empty(), "{} has no doc", m.code);
        assert!(!m.name.is_empty(), "{} has no name", m.code);
        let advisory = ["N108", "N109", "N110", "N111", "Y709", "Y710"].contains(&m.code);
        let want = if m.code.starts_with('M') || m.code.starts_with('X') || advisory {
            Severity::Warning
        } else {
            Severity::Error
        };
        assert_eq!(m.severity, want, "{}", m.code);
    }
}

#[test]
fn the_fixture_disclosure_is_clean() {
    let checks = run(&full_doc(), &[]);
    assert!(checks.findings.is_empty(), "{:#?}", checks.findings);
    // Every relation rule had something to verify.
    for code in CODES
        .iter()
        .filter(|c| !c.starts_with(['M', 'X', 'N', 'Y']))
    {
        assert!(
            checks.checked.iter().any(|c| c.rule == *code),
            "{code} checked nothing in the fixture"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// T — sums inside a table
// ---------------------------------------------------------------------------------------------

#[test]
fn t101_row_total() {
    let ok = full_doc();
    assert_holds(&ok, "T101");

    // 住房保障支出: 497.99 ≠ 486.63 + 1.36.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::IncomeTable, None), 2, 2, "1.36");
    assert_broken(&bad, "T101", "487.99", "497.99", "10.00", "收入决算表!C7");

    // 一般公共预算支出表 208: 基本支出 1700.00 ≠ 人员经费 1290.00 + 公用经费 400.00.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::GeneralBudgetExpenditure, None),
        1,
        3,
        "1290.00",
    );
    assert_broken(
        &bad,
        "T101",
        "1690.00",
        "1700.00",
        "10.00",
        "一般公共预算财政拨款支出决算表!D6",
    );

    // 财政拨款总表 (支出): 合计 3480.00 ≠ 一般公共预算 3480.00 + 政府性基金 10.00.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::FiscalSummary, EXP), 0, 2, "10.00");
    assert_broken(
        &bad,
        "T101",
        "3490.00",
        "3480.00",
        "-10.00",
        "财政拨款收入支出决算总表(支出)!C5",
    );

    // A blank total beside printed parts is a break.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::IncomeTable, None), 1, 0, "");
    assert_broken(&bad, "T101", "3500.00", "", "-3500.00", "收入决算表!C6");

    // 3997.99 vs 3966.63 + 31.35 = 3997.98: rounding.
    let mut round = full_doc();
    set(tbl(&mut round, TableKind::IncomeTable, None), 0, 2, "31.35");
    assert_rounding(
        &round,
        "T101",
        "3997.98",
        "3997.99",
        "0.01",
        "收入决算表!C5",
    );
}

#[test]
fn t102_total_is_sum_of_classes() {
    assert_holds(&full_doc(), "T102");

    // 合计 基本支出 2810.50 ≠ 208 2400.00 + 221 400.50.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::ExpenditureTable, None),
        0,
        1,
        "2810.50",
    );
    assert_broken(&bad, "T102", "2800.50", "2810.50", "10.00", "支出决算表!D5");

    // A 类 that is not printed counts as the sum of its 款.
    let mut ok = full_doc();
    tbl(&mut ok, TableKind::ExpenditureTable, None)
        .rows
        .remove(1);
    assert_holds(&ok, "T102");
    set(
        tbl(&mut ok, TableKind::ExpenditureTable, None),
        1,
        0,
        "3400.00",
    );
    assert_broken(&ok, "T102", "3897.99", "3997.99", "100.00", "支出决算表!C5");

    // 合计 3997.98 vs 3500.00 + 497.99: rounding, below.
    let mut round = full_doc();
    set(
        tbl(&mut round, TableKind::ExpenditureTable, None),
        0,
        0,
        "3997.98",
    );
    assert_rounding(
        &round,
        "T102",
        "3997.99",
        "3997.98",
        "-0.01",
        "支出决算表!C5",
    );
}

#[test]
fn t103_class_is_sum_of_sections() {
    assert_holds(&full_doc(), "T103");

    // 208 3510.00 ≠ 20801 3500.00.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::ExpenditureTable, None),
        1,
        0,
        "3510.00",
    );
    assert_broken(&bad, "T103", "3500.00", "3510.00", "10.00", "支出决算表!C6");

    // A 款 that is not printed counts as the sum of its 项: 221 = 2210201.
    let mut ok = full_doc();
    tbl(&mut ok, TableKind::ExpenditureTable, None)
        .rows
        .remove(6);
    assert_holds(&ok, "T103");
    set(
        tbl(&mut ok, TableKind::ExpenditureTable, None),
        6,
        2,
        "87.49",
    );
    assert_broken(&ok, "T103", "87.49", "97.49", "10.00", "支出决算表!E10");

    // A 类 printed with nothing under it (the 收入决算表) is not checked.
    let t = income_table();
    assert!(t.rows.iter().all(|r| r.level() != Some(2)));
}

#[test]
fn t104_section_is_sum_of_items() {
    assert_holds(&full_doc(), "T104");

    // 20801 3500.00 ≠ 2080101 2390.00 + 2080109 1100.00.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::ExpenditureTable, None),
        3,
        0,
        "2390.00",
    );
    assert_broken(&bad, "T104", "3490.00", "3500.00", "10.00", "支出决算表!C7");
}

// ---------------------------------------------------------------------------------------------
// B — balance identities of the 总表 and the fund tables
// ---------------------------------------------------------------------------------------------

#[test]
fn b201_income_lines() {
    assert_holds(&full_doc(), "B201");

    // 本年收入合计 3997.99 ≠ 3966.63 + 21.36.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::IncomeExpenditureSummary, INC),
        1,
        0,
        "21.36",
    );
    assert_broken(
        &bad,
        "B201",
        "3987.99",
        "3997.99",
        "10.00",
        "收入支出决算总表(收入)!C7",
    );

    // The same in 财政拨款总表.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::FiscalSummary, INC),
        1,
        0,
        "3956.63",
    );
    assert_broken(
        &bad,
        "B201",
        "3966.63",
        "3956.63",
        "-10.00",
        "财政拨款收入支出决算总表(收入)!C6",
    );
}

#[test]
fn b202_expenditure_lines() {
    assert_holds(&full_doc(), "B202");

    // 本年支出合计 4007.99 ≠ 3500.00 + 497.99.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::IncomeExpenditureSummary, EXP),
        2,
        0,
        "4007.99",
    );
    assert_broken(
        &bad,
        "B202",
        "3997.99",
        "4007.99",
        "10.00",
        "收入支出决算总表(支出)!C7",
    );

    // In every amount column: 财政拨款总表, 政府性基金 column.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::FiscalSummary, EXP), 3, 2, "22.34");
    assert_broken(
        &bad,
        "B202",
        "12.34",
        "22.34",
        "10.00",
        "财政拨款收入支出决算总表(支出)!E8",
    );
}

#[test]
fn b203_income_grand_total() {
    assert_holds(&full_doc(), "B203");

    // 收入总计 4520.33 ≠ 3997.99 + 512.34.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::IncomeExpenditureSummary, INC),
        5,
        0,
        "4520.33",
    );
    assert_broken(
        &bad,
        "B203",
        "4510.33",
        "4520.33",
        "10.00",
        "收入支出决算总表(收入)!C10",
    );
}

#[test]
fn b204_expenditure_grand_total() {
    assert_holds(&full_doc(), "B204");

    // 支出总计 4510.33 ≠ 3997.99 + 502.34.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::IncomeExpenditureSummary, EXP),
        4,
        0,
        "502.34",
    );
    assert_broken(
        &bad,
        "B204",
        "4500.33",
        "4510.33",
        "10.00",
        "收入支出决算总表(支出)!C10",
    );
}

#[test]
fn b205_grand_totals_balance() {
    assert_holds(&full_doc(), "B205");

    // 支出总计 4510.33 ≠ 收入总计 4500.33.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::IncomeExpenditureSummary, INC),
        5,
        0,
        "4500.33",
    );
    let f = assert_one(
        &bad,
        "B205",
        Severity::Error,
        "4500.33",
        "4510.33",
        "10.00",
        "收入支出决算总表(支出)!C10",
    );
    assert_eq!(f.related.len(), 1);
    assert_eq!(f.related[0].cell.as_deref(), Some("C10"));
    assert_eq!(
        f.related[0].sheet.as_deref(),
        Some("收入支出决算总表(收入)")
    );

    // 财政拨款总表: 4278.97 vs 4288.97.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::FiscalSummary, INC),
        5,
        0,
        "4288.97",
    );
    assert_broken(
        &bad,
        "B205",
        "4288.97",
        "4278.97",
        "-10.00",
        "财政拨款收入支出决算总表(支出)!C11",
    );

    // 4510.33 vs 4510.32: rounding.
    let mut round = full_doc();
    set(
        tbl(&mut round, TableKind::IncomeExpenditureSummary, INC),
        5,
        0,
        "4510.32",
    );
    assert_rounding(
        &round,
        "B205",
        "4510.32",
        "4510.33",
        "0.01",
        "收入支出决算总表(支出)!C10",
    );
}

#[test]
fn b206_balance_breakdown() {
    assert_holds(&full_doc(), "B206");

    // 年初财政拨款结转和结余 322.34 ≠ 300.00 + 12.34.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::FiscalSummary, INC), 2, 0, "322.34");
    assert_broken(
        &bad,
        "B206",
        "312.34",
        "322.34",
        "10.00",
        "财政拨款收入支出决算总表(收入)!C7",
    );

    // 年末, in the 一般公共预算 column of the expenditure half.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::FiscalSummary, EXP), 5, 1, "290.00");
    assert_broken(
        &bad,
        "B206",
        "290.00",
        "300.00",
        "10.00",
        "财政拨款收入支出决算总表(支出)!D9",
    );
}

#[test]
fn b207_fund_row_balance() {
    for kind in [TableKind::GovernmentFund, TableKind::StateCapital] {
        let rows: &[R] = &[
            (
                "",
                "合计",
                Some(L::Total),
                &["52.34", "180.50", "200.00", "32.84"],
            ), // row 5
            (
                "212",
                "城乡社区支出",
                None,
                &["52.34", "180.50", "200.00", "32.84"],
            ),
        ];
        let ok = doc(vec![fund_table(kind, rows)]);
        assert_holds(&ok, "B207");

        // 年末 42.84 ≠ 52.34 + 180.50 − 200.00.
        let mut bad = ok.clone();
        set(&mut bad.tables[0], 1, 3, "42.84");
        let at = format!("{}!F6", kind.title());
        assert_broken(&bad, "B207", "32.84", "42.84", "10.00", &at);
    }
    assert_holds(&full_doc(), "B207");
}

// ---------------------------------------------------------------------------------------------
// E — the 基本支出 table
// ---------------------------------------------------------------------------------------------

#[test]
fn e301_economic_class_is_sum_of_items() {
    assert_holds(&full_doc(), "E301");

    // 301 1300.00 ≠ 700.00 + 390.00 + 200.00.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::GeneralBudgetBasicExpenditure, None),
        2,
        0,
        "390.00",
    );
    assert_broken(
        &bad,
        "E301",
        "1290.00",
        "1300.00",
        "10.00",
        "一般公共预算财政拨款基本支出决算表!C5",
    );
}

#[test]
fn e302_personnel_and_public_totals() {
    const SHEET: &str = "一般公共预算财政拨款基本支出决算表";
    assert_holds(&full_doc(), "E302");

    // 人员经费合计 1510.00 ≠ 301 1300.00 + 303 200.00 (合计 2110.50 follows it).
    let mut bad = full_doc();
    let t = tbl(&mut bad, TableKind::GeneralBudgetBasicExpenditure, None);
    set(t, 11, 0, "1510.00");
    set(t, 13, 0, "2110.50");
    assert_broken(
        &bad,
        "E302",
        "1500.00",
        "1510.00",
        "10.00",
        &format!("{SHEET}!C16"),
    );

    // 合计 2110.50 ≠ 1500.00 + 600.50.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::GeneralBudgetBasicExpenditure, None),
        13,
        0,
        "2110.50",
    );
    assert_broken(
        &bad,
        "E302",
        "2100.50",
        "2110.50",
        "10.00",
        &format!("{SHEET}!C18"),
    );

    // A class not printed counts as its items: 310 is 31002; 公用经费合计 then breaks on it.
    let mut ok = full_doc();
    let t = tbl(&mut ok, TableKind::GeneralBudgetBasicExpenditure, None);
    t.rows.remove(9);
    assert_holds(&ok, "E302");
    set(
        tbl(&mut ok, TableKind::GeneralBudgetBasicExpenditure, None),
        9,
        0,
        "40.00",
    );
    assert_broken(
        &ok,
        "E302",
        "590.50",
        "600.50",
        "10.00",
        &format!("{SHEET}!C17"),
    );
}

// ---------------------------------------------------------------------------------------------
// S — “三公” 经费
// ---------------------------------------------------------------------------------------------

#[test]
fn s401_three_public_total() {
    const SHEET: &str = "一般公共预算财政拨款“三公”经费支出决算表";
    assert_holds(&full_doc(), "S401");

    // 决算数 合计 39.62 ≠ 8.50 + 22.12 + 8.00.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::ThreePublic, None), 0, 1, "39.62");
    assert_broken(
        &bad,
        "S401",
        "38.62",
        "39.62",
        "1.00",
        &format!("{SHEET}!D5"),
    );

    // 预算数 合计 45.00 ≠ 10.00 + 25.00 + 12.00.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::ThreePublic, None), 5, 0, "12.00");
    assert_broken(
        &bad,
        "S401",
        "47.00",
        "45.00",
        "-2.00",
        &format!("{SHEET}!C5"),
    );
}

#[test]
fn s402_vehicle_costs() {
    const SHEET: &str = "一般公共预算财政拨款“三公”经费支出决算表";
    assert_holds(&full_doc(), "S402");

    // 公务用车购置及运行费 22.12 ≠ 0.00 + 20.12.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::ThreePublic, None), 4, 1, "20.12");
    assert_broken(
        &bad,
        "S402",
        "20.12",
        "22.12",
        "2.00",
        &format!("{SHEET}!D7"),
    );
}

// ---------------------------------------------------------------------------------------------
// L — links between tables
// ---------------------------------------------------------------------------------------------

#[test]
fn l501_summary_income_vs_income_table() {
    assert_holds(&full_doc(), "L501");

    // 总表 其他收入 31.36 ≠ 收入决算表 合计 其他收入 21.36.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::IncomeTable, None), 0, 2, "21.36");
    assert_broken(
        &bad,
        "L501",
        "21.36",
        "31.36",
        "10.00",
        "收入支出决算总表(收入)!C6",
    );

    // 收入决算表 财政拨款收入 3956.63 ≠ 总表 一般公共预算财政拨款收入 3966.63.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::IncomeTable, None), 0, 1, "3956.63");
    assert_broken(
        &bad,
        "L501",
        "3966.63",
        "3956.63",
        "-10.00",
        "收入决算表!D5",
    );

    // Units are converted: the 收入决算表 printed in 元 agrees.
    let mut yuan = full_doc();
    let t = tbl(&mut yuan, TableKind::IncomeTable, None);
    t.unit = Unit::Yuan;
    for (row, amounts) in [
        ["39979900.00", "39666300.00", "313600.00"],
        ["35000000.00", "34800000.00", "200000.00"],
        ["4979900.00", "4866300.00", "113600.00"],
    ]
    .iter()
    .enumerate()
    {
        for (col, a) in amounts.iter().enumerate() {
            set(t, row, col, a);
        }
    }
    assert_holds(&yuan, "L501");
}

#[test]
fn l502_summary_expenditure_vs_expenditure_table() {
    assert_holds(&full_doc(), "L502");

    // 总表 住房保障支出 497.99 ≠ 支出决算表 221 487.99.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::ExpenditureTable, None),
        5,
        0,
        "487.99",
    );
    assert_broken(
        &bad,
        "L502",
        "487.99",
        "497.99",
        "10.00",
        "收入支出决算总表(支出)!C6",
    );

    // 总表 本年支出合计 3997.99 ≠ 支出决算表 合计 4007.99.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::ExpenditureTable, None),
        0,
        0,
        "4007.99",
    );
    assert_broken(
        &bad,
        "L502",
        "4007.99",
        "3997.99",
        "-10.00",
        "收入支出决算总表(支出)!C7",
    );

    // A class of the 总表 the 支出决算表 does not print at all.
    let mut bad = full_doc();
    tbl(&mut bad, TableKind::ExpenditureTable, None)
        .rows
        .truncate(5);
    assert_broken(
        &bad,
        "L502",
        "0",
        "497.99",
        "497.99",
        "收入支出决算总表(支出)!C6",
    );
}

#[test]
fn l503_fiscal_summary_vs_fund_tables() {
    const SHEET: &str = "财政拨款收入支出决算总表(支出)";
    assert_holds(&full_doc(), "L503");

    // 一般公共预算 column: 208 3480.00 ≠ 一般公共预算支出表 208 3470.00.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::GeneralBudgetExpenditure, None),
        1,
        0,
        "3470.00",
    );
    assert_broken(
        &bad,
        "L503",
        "3470.00",
        "3480.00",
        "10.00",
        &format!("{SHEET}!D5"),
    );

    // 政府性基金 column: 本年支出合计 12.34 ≠ 政府性基金表 合计 本年支出 22.34.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::GovernmentFund, None),
        0,
        2,
        "22.34",
    );
    assert_broken(
        &bad,
        "L503",
        "22.34",
        "12.34",
        "-10.00",
        &format!("{SHEET}!E8"),
    );
}

#[test]
fn l504_fiscal_income_agrees() {
    assert_holds(&full_doc(), "L504");

    // 财政拨款总表 本年收入合计 3966.63 ≠ 收入决算表 合计 财政拨款收入 3956.63.
    let mut bad = full_doc();
    set(tbl(&mut bad, TableKind::IncomeTable, None), 0, 1, "3956.63");
    assert_broken(
        &bad,
        "L504",
        "3956.63",
        "3966.63",
        "10.00",
        "财政拨款收入支出决算总表(收入)!C6",
    );

    // 财政拨款总表 一般公共预算财政拨款 3966.63 ≠ 收入支出决算总表 3976.63.
    let mut bad = full_doc();
    set(
        tbl(&mut bad, TableKind::IncomeExpenditureSummary, INC),
        0,
        0,
        "3976.63",
    );
    assert_broken(
        &bad,
        "L504",
        "3976.63",
        "3966.63",
        "-10.00",
        "财政拨款收入支出决算总表(收入)!C5",
    );
}

#[test]
fn l505_basic_vs_basic_table() {
    const SHEET: &str = "一般公共预算财政拨款支出决算表";
    assert_holds(&full_doc(), "L505");

    // 基本支出 2100.50 ≠ 1500.00 + 590.50 (公用经费 590.50 and 合计 2090.50 in the basic table).
    let mut bad = full_doc();
    let gb = tbl(&mut bad, TableKind::GeneralBudgetExpenditure, None);
    gb.columns.truncate(3);
    for r in &mut gb.rows {
        r.cells.truncate(3);
    }
    let b = tbl(&mut bad, TableKind::GeneralBudgetBasicExpenditure, None);
    set(b, 12, 0, "590.50");
    set(b, 13, 0, "2090.50");
    assert_broken(
        &bad,
        "L505",
        "2090.50",
        "2100.50",
        "10.00",
        &format!("{SHEET}!D5"),
    );

    // The 人员经费 / 公用经费 columns agree with each total: 1500.00 vs 1490.00, 600.50 vs 610.50.
    let mut bad = full_doc();
    let b = tbl(&mut bad, TableKind::GeneralBudgetBasicExpenditure, None);
    set(b, 11, 0, "1490.00");
    set(b, 12, 0, "610.50");
    let found = findings(&bad, "L505");
    assert_eq!(found.len(), 2, "{found:#?}");
    let mut found: Vec<_> = found
        .iter()
        .map(|f| {
            assert_eq!(f.severity, Severity::Error);
            (
                place(f),
                f.expected.unwrap(),
                f.actual.unwrap(),
                f.difference.unwrap(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            (
                format!("{SHEET}!F5"),
                d("1490.00"),
                d("1500.00"),
                d("10.00")
            ),
            (format!("{SHEET}!G5"), d("610.50"), d("600.50"), d("-10.00")),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// M — completeness
// ---------------------------------------------------------------------------------------------

#[test]
fn m601_missing_table() {
    assert_holds(&full_doc(), "M601");

    // 2021: the 9-table set; the “三公” table is missing.
    let mut bad = full_doc();
    bad.tables.retain(|t| t.kind != TableKind::ThreePublic);
    let f = assert_warning(&bad, "M601", FILE);
    assert!(f.message.zh.contains("“三公”"), "{}", f.message.zh);
    // A scanned page of a PDF may hold it: nothing is said of its absence.
    bad.unread_pages = vec![7];
    assert_holds(&bad, "M601");

    // 2016: the 7-table set, without “三公” and 国有资本经营, is complete.
    let mut ok = full_doc();
    ok.year = Some(2016);
    ok.tables
        .retain(|t| !matches!(t.kind, TableKind::ThreePublic | TableKind::StateCapital));
    assert_holds(&ok, "M601");
    // … but without its 基本支出 table it is not.
    ok.tables
        .retain(|t| t.kind != TableKind::GeneralBudgetBasicExpenditure);
    assert_warning(&ok, "M601", FILE);

    // A 2019 file that prints a “三公” table is held to the 9-table set.
    let mut bad = full_doc();
    bad.year = Some(2019);
    bad.tables.retain(|t| t.kind != TableKind::StateCapital);
    assert_warning(&bad, "M601", FILE);

    // No 决算 table at all: one finding, not nine.
    let none = doc(vec![]);
    assert_warning(&none, "M601", FILE);
}

#[test]
fn m602_empty_table_without_note() {
    assert_holds(&full_doc(), "M602");

    let mut bad = full_doc();
    tbl(&mut bad, TableKind::StateCapital, None).notes.clear();
    let at = format!("{}!A1", TableKind::StateCapital.title());
    let f = assert_warning(&bad, "M602", &at);
    assert_eq!(f.table.as_deref(), Some(TableKind::StateCapital.title()));

    // The template's note of what the table shows says nothing of why it is empty.
    let mut template = full_doc();
    tbl(&mut template, TableKind::StateCapital, None).notes =
        vec!["注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。".into()];
    assert_warning(&template, "M602", &at);
    // A note that says there is nothing to show does.
    tbl(&mut template, TableKind::StateCapital, None)
        .notes
        .push("说明：本部门本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。".into());
    assert_holds(&template, "M602");

    // One half of a 总表 with no figure is fine while the other half has figures.
    let mut ok = full_doc();
    let half = tbl(&mut ok, TableKind::IncomeExpenditureSummary, INC);
    for row in 0..half.rows.len() {
        set(half, row, 0, "");
    }
    assert_holds(&ok, "M602");
}

#[test]
fn m603_unrecognised_table() {
    assert_holds(&full_doc(), "M603");

    let mut bad = full_doc();
    let mut t = table(
        TableKind::Unrecognised,
        None,
        &[K::Amount],
        &[("", "项目一", None, &["120.00"])],
    );
    t.title = "部门整体支出绩效自评表".to_string();
    t.sheet = "绩效自评".into();
    t.at = CellRef::new(2, 1);
    t.unit_stated = false;
    bad.tables.push(t);
    let f = assert_warning(&bad, "M603", "绩效自评!B3");
    assert_eq!(f.table.as_deref(), Some("部门整体支出绩效自评表"));
    // Its figures are not checked, nor is it reported as missing a unit or figures.
    assert_holds(&bad, "M602");
    assert_holds(&bad, "M604");
}

#[test]
fn n111_a_table_title_of_another_year() {
    let mut ok = full_doc();
    tbl(&mut ok, TableKind::IncomeTable, None).title = "2021年度收入决算表".into();
    assert_holds(&ok, "N111");

    // The fixture reports on 2021; a title left from the year before is a warning.
    let mut bad = full_doc();
    tbl(&mut bad, TableKind::IncomeTable, None).title = "2020年度收入决算表".into();
    let at = format!("{}!A1", TableKind::IncomeTable.title());
    let f = assert_warning(&bad, "N111", &at);
    assert!(f.message.zh.contains("写的是 2020 年"), "{}", f.message.zh);
}

/// The fixture with a narrative beside its tables.
fn with_narrative(mut doc: Document, text: &str) -> Document {
    let text = gouji::read::text::TextDoc::new("说明.txt", text.to_string());
    doc.narratives
        .push(gouji::recognise::narrative::read(&text));
    doc
}

#[test]
fn n201_the_three_public_budget_and_final_against_the_table() {
    let said = "“三公”经费财政拨款支出年初预算为45.00万元，支出决算为38.62万元。";
    assert_holds(&with_narrative(full_doc(), said), "N201");

    // The budget the narrative states is not the table's 预算数 (45.00).
    let wrong = "“三公”经费财政拨款支出年初预算为50.00万元，支出决算为38.62万元。";
    let found = findings(&with_narrative(full_doc(), wrong), "N201");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].expected, Some(d("45.00")));
    assert_eq!(found[0].actual, Some(d("50.00")));

    // The table leaves its 预算数 blank: the narrative's budget has no counterpart.
    let mut blank = full_doc();
    set(tbl(&mut blank, TableKind::ThreePublic, None), 0, 0, "");
    let found = findings(&with_narrative(blank, said), "N201");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(
        found[0].message.zh.contains("空白"),
        "{}",
        found[0].message.zh
    );
}

#[test]
fn m605_relations_not_checked_are_reported() {
    assert_holds(&full_doc(), "M605");

    // A 基本支出 header gouji does not recognise: the row totals and links that read it go
    // unchecked, and the document is not clean.
    let mut bad = full_doc();
    let t = tbl(&mut bad, TableKind::ExpenditureTable, None);
    for c in t.columns.iter_mut().filter(|c| c.key == Some(K::Basic)) {
        c.key = None;
    }
    let at = format!("{}!A1", TableKind::ExpenditureTable.title());
    let f = assert_warning(&bad, "M605", &at);
    assert!(
        f.message.zh.contains("未识别出“基本支出”"),
        "{}",
        f.message.zh
    );
    assert!(f.message.zh.contains("T101"), "{}", f.message.zh);

    // The 支出 half of the 总表 not found (printed under its 收入 half and read as income lines).
    let mut lone = full_doc();
    lone.tables.retain(|t| {
        !(t.kind == TableKind::IncomeExpenditureSummary && t.side == Some(Side::Expenditure))
    });
    let found = findings(&lone, "M605");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.zh.contains("未找到其支出部分"),
        "{}",
        found[0].message.zh
    );

    // A fund table whose 本年支出 was not recognised (a one-row header gouji did not know): its
    // row balance (12.34 + 0 − 12.34 = 0.00) and its link to the 总表 went unchecked.
    let mut fund = full_doc();
    let t = tbl(&mut fund, TableKind::GovernmentFund, None);
    for c in t.columns.iter_mut() {
        if c.key == Some(K::CurrentExpenditure) {
            c.key = None;
        }
    }
    let at = format!("{}!A1", TableKind::GovernmentFund.title());
    let f = assert_warning(&fund, "M605", &at);
    assert!(f.message.zh.contains("B207 L503"), "{}", f.message.zh);
    // The 国有资本经营 table prints no figure: nothing of it was left unchecked.
    assert_eq!(findings(&fund, "M605").len(), 1);

    // The 财政拨款总表's 一般公共预算财政拨款 column not recognised: its row totals and the link
    // to the 一般公共预算财政拨款支出决算表 went unchecked.
    let mut fiscal = full_doc();
    let t = tbl(&mut fiscal, TableKind::FiscalSummary, EXP);
    for c in t.columns.iter_mut() {
        if c.key == Some(K::GeneralBudget) {
            c.key = None;
        }
    }
    let f = assert_warning(&fiscal, "M605", "财政拨款收入支出决算总表(支出)!A1");
    assert!(f.message.zh.contains("L503"), "{}", f.message.zh);
}

#[test]
fn m604_unit_not_stated() {
    assert_holds(&full_doc(), "M604");

    let mut bad = full_doc();
    tbl(&mut bad, TableKind::IncomeTable, None).unit_stated = false;
    assert_warning(&bad, "M604", "收入决算表!A1");

    // The two halves of a 总表 are one printed table: reported once, on the income half.
    let mut bad = full_doc();
    tbl(&mut bad, TableKind::FiscalSummary, INC).unit_stated = false;
    tbl(&mut bad, TableKind::FiscalSummary, EXP).unit_stated = false;
    assert_warning(&bad, "M604", "财政拨款收入支出决算总表(收入)!A1");
}

// ---------------------------------------------------------------------------------------------
// X — input that could not be read
// ---------------------------------------------------------------------------------------------

#[test]
fn x001_unreadable_figure() {
    let ok = full_doc();
    assert!(run(&ok, &[]).findings.iter().all(|f| f.rule != "X001"));

    let problem = Problem {
        location: Location::cell(&FILE.into(), &"收入决算表".into(), CellRef::new(5, 3)),
        zh: "“约三千”不是数字".to_string(),
        en: "'约三千' is not a number".to_string(),
    };
    let found: Vec<Finding> = run(&ok, &[problem])
        .findings
        .into_iter()
        .filter(|f| f.rule == "X001")
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(place(f), "收入决算表!D6");
    assert_eq!(&*f.location.file, FILE);
    assert_eq!(f.message.zh, "“约三千”不是数字");
    assert_eq!((f.expected, f.actual, f.difference), (None, None, None));
}
