//! A budget's charts in `gouji report`: income by source, expenditure by 功能分类 class and 基本/
//! 项目 read from its budget tables (not only from what its 说明 happens to state), on the budget
//! sample and on the real budgets of ../shared (SKIPPED when absent).

use std::path::Path;
use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};
use gouji::report::summary::charts;
use gouji::run::check_file;

use super::budget_tables_narrative::real;
use super::common::{d, Scratch};
use super::samples::BUDGET;

/// The labels and values of a chart series.
fn points(s: &gouji::report::summary::Series) -> Vec<(&str, String)> {
    s.points
        .iter()
        .map(|(l, v)| (l.as_str(), v.normalize().to_string()))
        .collect()
}

/// The sample's tables alone (no 说明): every series comes from the budget tables — the 收入预算
/// 总表's 合计 row by source, the 支出预算总表's seven 类 and its 基本/项目 split (19,830,655 元
/// and 351,684,000 元, 1,983.07 and 35,168.40万元).
#[test]
fn a_budgets_charts_come_from_its_budget_tables() {
    let r = check_file(Path::new(BUDGET));
    let c = charts(r.document.as_ref().unwrap());
    assert_eq!(
        points(&c.income),
        [("财政拨款收入", "37151.47".to_string())]
    );
    let spent = points(&c.expenditure);
    assert_eq!(spent.len(), 7, "{spent:?}");
    assert_eq!(spent[0], ("一般公共服务支出", "2160.17".to_string()));
    assert_eq!(spent[4], ("资源勘探工业信息等支出", "29381".to_string()));
    assert_eq!(
        points(&c.basic_project),
        [
            ("基本支出", "1983.07".to_string()),
            ("项目支出", "35168.4".to_string())
        ]
    );
    // The tables print no 上年 column, and there is no 说明 to state a change.
    assert!(c.year_on_year.points.is_empty());
}

/// report.xlsx's 图表 sheet holds the budget's blocks, each with its native chart.
#[test]
fn the_budget_report_workbook_has_its_chart_blocks() {
    let out = Scratch::new("budget-report");
    let status = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(["report", BUDGET, "-o"])
        .arg(&*out)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let mut book: Xlsx<_> = open_workbook(out.join("report.xlsx")).unwrap();
    let sheet = book.worksheet_range("图表").unwrap();
    let cell = |r: &[Data], c: usize| match &r[c] {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        _ => String::new(),
    };
    let rows: Vec<(String, String)> = sheet.rows().map(|r| (cell(r, 0), cell(r, 1))).collect();
    for (label, value) in [
        ("收入构成", "万元"),
        ("财政拨款收入", "37151.47"),
        ("支出按功能分类", "万元"),
        ("商业服务业等支出", "3136.4"),
        ("基本支出与项目支出", "万元"),
        ("项目支出", "35168.4"),
    ] {
        assert!(
            rows.iter().any(|(l, v)| l == label && v == value),
            "{label} {value} not in {rows:#?}"
        );
    }
    for stem in ["income", "expenditure", "basic-project"] {
        assert!(out.join("charts").join(format!("{stem}.png")).exists());
    }
}

/// The real budgets: 上海's 说明 names no 功能分类 class (its list is of 项), yet the chart has
/// the seven classes of its 支出预算总表; 江苏 2018 charts its 单位预留机动经费 (1,685.72万元, a
/// column of the 支出预算总表's 合计 row printed without a label) beside 基本/项目支出, and its
/// income by the numbered sources of the 收支预算总表 (一、财政拨款 15,897.44).
#[test]
fn real_budgets_chart_their_tables() {
    if let Some(r) = real("普陀区商务委员会-2025-部门预算.pdf") {
        let c = charts(r.document.as_ref().unwrap());
        let spent = points(&c.expenditure);
        assert_eq!(spent.len(), 7, "{spent:?}");
        assert_eq!(spent[6], ("住房保障支出", "284.9".to_string()));
        // The narrative's changes: 财政拨款收入 37,151.47万元, 24,558.18万元 more than 2024's.
        let yoy = &c.year_on_year.points;
        assert_eq!(
            yoy.first(),
            Some(&("财政拨款收入".to_string(), d("12593.29"), d("37151.47")))
        );
    }
    if let Some(r) = real("江苏省人大办公厅-2018-预算.pdf") {
        let c = charts(r.document.as_ref().unwrap());
        assert_eq!(
            points(&c.basic_project),
            [
                ("基本支出", "7877.76".to_string()),
                ("项目支出", "6333.96".to_string()),
                ("单位预留机动经费", "1685.72".to_string())
            ]
        );
        assert_eq!(points(&c.income), [("财政拨款", "15897.44".to_string())]);
    }
}
