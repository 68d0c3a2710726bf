//! The bundled samples, checked end to end through the library.

use std::path::Path;

use gouji::check::{Finding, Severity};
use gouji::model::{Line, Side, TableKind};
use gouji::run::{check_file, DocResult};

pub const QIAOCHENG: &str = "samples/qiaocheng-hrss-2016/谯城区人社局-2016-决算公开表.xlsx";
pub const PUTUO: &str = "samples/putuo-finance-2024/普陀区财政局-2024-决算公开表.xlsx";
pub const BUDGET: &str =
    "samples/putuo-commerce-budget-2025/普陀区商务委员会-2025-部门预算公开表.xlsx";

use super::common::d;

fn check(path: &str) -> DocResult {
    let r = check_file(Path::new(path));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r
}

fn at(r: &DocResult, rule: &str, cell: &str) -> Vec<Finding> {
    r.findings
        .iter()
        .filter(|f| f.rule == rule && f.location.cell.as_deref() == Some(cell))
        .cloned()
        .collect()
}

#[test]
fn qiaocheng_has_its_seven_tables_and_no_error() {
    let r = check(QIAOCHENG);
    let doc = r.document.as_ref().unwrap();
    assert_eq!(doc.year, Some(2016));
    assert_eq!(
        doc.department.as_deref(),
        Some("谯城区人力资源和社会保障局")
    );
    let mut kinds: Vec<TableKind> = doc.tables.iter().map(|t| t.kind).collect();
    kinds.dedup();
    assert_eq!(
        kinds,
        vec![
            TableKind::IncomeExpenditureSummary,
            TableKind::IncomeTable,
            TableKind::ExpenditureTable,
            TableKind::FiscalSummary,
            TableKind::GeneralBudgetExpenditure,
            TableKind::GeneralBudgetBasicExpenditure,
            TableKind::GovernmentFund,
        ]
    );
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        r.checked.len() > 200,
        "only {} relations checked",
        r.checked.len()
    );
}

#[test]
fn qiaocheng_reads_the_figures_of_the_narrative() {
    let r = check(QIAOCHENG);
    let doc = r.document.as_ref().unwrap();
    let inc = doc
        .half(TableKind::IncomeExpenditureSummary, Side::Income)
        .unwrap();
    let fig = |line| {
        inc.line(line).unwrap().cells[0]
            .as_ref()
            .unwrap()
            .figure
            .unwrap()
            .value
    };
    assert_eq!(fig(Line::IncomeTotal), d("3997.99"));
    assert_eq!(fig(Line::FiscalIncome), d("3966.63"));
    assert_eq!(fig(Line::OtherIncome), d("31.36"));
    assert_eq!(fig(Line::Opening), d("2.6"));
    let basic = doc.table(TableKind::GeneralBudgetBasicExpenditure).unwrap();
    let p = basic.line(Line::PersonnelTotal).unwrap().cells[0]
        .as_ref()
        .unwrap();
    assert_eq!(p.figure.unwrap().value, d("595.28"));
    assert_eq!(p.figure.unwrap().step, d("0.01"));
}

#[test]
fn qiaocheng_rounding_gaps_are_info_with_their_size() {
    let r = check(QIAOCHENG);
    // 医疗卫生与计划生育支出: the 款 21011 shows 1886.76, its items 1849.03 + 14.49 + 23.25 = 1886.77.
    let f = at(&r, "T104", "E25");
    assert_eq!(f.len(), 3, "one per coded table: {f:#?}");
    for f in &f {
        assert_eq!(f.severity, Severity::Info);
        assert_eq!(f.expected, Some(d("1886.77")));
        assert_eq!(f.actual, Some(d("1886.76")));
        assert_eq!(f.difference, Some(d("-0.01")));
    }
    // 基本支出 700.64 in the 一般公共预算 table against 595.28 + 105.37 = 700.65 in the 基本支出 table.
    let f = at(&r, "L505", "F7");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Info);
    assert_eq!(f[0].expected, Some(d("700.65")));
    assert_eq!(f[0].actual, Some(d("700.64")));
}

#[test]
fn putuo_has_nine_tables_and_its_real_gaps_are_info() {
    let r = check(PUTUO);
    let doc = r.document.as_ref().unwrap();
    assert_eq!(doc.year, Some(2024));
    for kind in TableKind::STANDARD {
        assert!(
            doc.tables.iter().any(|t| t.kind == kind),
            "{kind:?} not recognised"
        );
    }
    assert!(
        r.findings.iter().all(|f| f.severity == Severity::Info),
        "{:#?}",
        r.findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .collect::<Vec<_>>()
    );
    // 总表 prints 社会保障和就业支出 326.71 万元; the 支出决算表 class 208 gives 326.72 (in 元 here).
    let f = at(&r, "L502", "D12");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].actual, Some(d("3267100")));
    assert_eq!(f[0].expected, Some(d("3267200")));
    assert_eq!(f[0].difference, Some(d("-100")));
    // 收入决算表 合计 2,946.25 against its classes' 2,946.26.
    let f = at(&r, "T102", "C41");
    assert_eq!(f[0].difference, Some(d("-100")));
    // 302 商品和服务支出 171.07 against its items' 171.09: a 0.02 gap, still rounding.
    let f = at(&r, "E301", "F156");
    assert_eq!(f[0].difference, Some(d("-200")));
    assert_eq!(f[0].severity, Severity::Info);
    let gaps = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Info)
        .count();
    assert_eq!(gaps, 10, "{:#?}", r.findings);
}

#[test]
fn putuo_amounts_in_yuan_keep_their_published_step() {
    let r = check(PUTUO);
    let doc = r.document.as_ref().unwrap();
    let t = doc.table(TableKind::ThreePublic).unwrap();
    assert_eq!(t.unit, gouji::model::Unit::Yuan);
    let total = t.line(Line::Total).unwrap().cells[0]
        .as_ref()
        .unwrap()
        .figure
        .unwrap();
    assert_eq!(total.value, d("9500"));
    // Converted from 万元 at two decimals: every figure is a multiple of 100 元.
    assert_eq!(total.step, d("100"));
}
