//! 预算 against 决算 per department and year (issue 14 §3): budget_vs_final.csv and .parquet,
//! the 预算与决算 sheet and each district's chart, from the batch's rows; and the spending
//! figures (人员经费, 公用经费, 机关运行经费, balances) the rows carry from real documents.

use std::path::Path;
use std::process::Command;

use calamine::{open_workbook, Reader, Xlsx};
use gouji::batch::SummaryRow;
use gouji::model::DocumentKind;
use gouji::run::Verdict;

use super::common::Scratch;

fn gouji(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .output()
        .unwrap()
}

/// The records of a CSV a batch wrote, its header first.
fn records(path: &Path) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn the_sample_chains_its_balances_and_the_injected_one_breaks() {
    let dir = Scratch::new("bvf-sample");
    let out = dir.join("out");
    gouji(&[
        "batch",
        "samples/districts",
        "-o",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    let rows = records(&out.join("budget_vs_final.csv"));
    assert_eq!(
        rows[0][..4],
        ["district", "department", "department_kind", "year"]
    );
    // 3 districts × 3 kinds × 2 years, final accounts only (the sample has no budgets).
    assert_eq!(rows.len(), 1 + 18);
    let row = |district: &str, kind: &str, year: &str| {
        rows.iter()
            .find(|r| r[0] == district && r[2] == kind && r[3] == year)
            .unwrap()
            .clone()
    };
    // 普陀区财政局 2024: 年初 6.51 is 2023's 年末 6.51; no budget, so no rate.
    let chained = row("普陀区", "财政局", "2024");
    assert_eq!(
        chained[5..12],
        ["", "557.62", "", "6.51", "9.08", "6.51", "true"]
    );
    // injected.csv: 静安区卫生健康委员会 2023's 年末结转和结余 (D33) printed 367.97 for 377.45,
    // which 2024's 年初 still carries: the chain breaks there.
    let broken = row("静安区", "卫生健康委员会", "2024");
    assert_eq!(broken[8..12], ["377.45", "627.94", "367.97", "false"]);
    // …and the batch's relations across documents name it: one finding (C001) on 2024's row.
    assert_eq!(broken[12], "1");
    assert_eq!(row("静安区", "卫生健康委员会", "2023")[12], "0");
    // The first year has no prior year in the batch.
    assert_eq!(row("静安区", "卫生健康委员会", "2023")[10..12], ["", ""]);
    let mut book: Xlsx<_> = open_workbook(out.join("summary.xlsx")).unwrap();
    let sheet = book.worksheet_range("预算与决算").unwrap();
    let no: Vec<String> = (1..sheet.height())
        .filter(|r| sheet.get((*r, 11)).map(|c| c.to_string()) == Some("否".into()))
        .map(|r| {
            format!(
                "{} {}",
                sheet.get((r, 0)).unwrap(),
                sheet.get((r, 2)).unwrap()
            )
        })
        .collect();
    assert_eq!(no, ["静安区 卫生健康委员会"]);
    // 汇总 carries the new figures beside the old: 普陀区财政局 2024's 基本支出决算表 prints
    // 人员经费合计 337.67 and 公用经费合计 64.74: 402.41, the 一般公共预算财政拨款 part of the
    // 402.99 基本支出 its 支出决算表 gives for all funds.
    let summary = book.worksheet_range("汇总").unwrap();
    let cell = |r: usize, c: usize| {
        summary
            .get((r, c))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        (cell(0, 12), cell(0, 13), cell(0, 21)),
        (
            "人员经费（万元）".into(),
            "公用经费（万元）".into(),
            "跨文档问题".into()
        )
    );
    let finance = (1..summary.height())
        .find(|r| cell(*r, 0).ends_with("普陀区财政局-2024-决算公开表.xlsx"))
        .unwrap();
    assert_eq!(
        (cell(finance, 12), cell(finance, 13)),
        ("337.67".into(), "64.74".into())
    );
    assert!(out.join("budget_vs_final.parquet").is_file());
}

fn row(kind: DocumentKind, district: &str, name: &str, year: i32, spent: f64) -> SummaryRow {
    let department_kind = gouji::batch::kind::Aliases::default().kind_of(name, district);
    SummaryRow {
        source: format!("{district}/{year}/{name}-{}.xlsx", kind.key()),
        district: district.into(),
        department: name.into(),
        department_kind,
        year: Some(year),
        kind,
        expenditure: Some(spent),
        verdict: Verdict::Clean,
        ..SummaryRow::default()
    }
}

#[test]
fn budgets_meet_their_final_accounts_in_the_outputs() {
    use DocumentKind::{DepartmentBudget as Budget, FinalAccount as Final};
    let mut cross = row(Final, "普陀区", "上海市普陀区卫生健康委员会", 2024, 3923.47);
    cross.cross_document_findings = 2;
    let rows = vec![
        row(Budget, "普陀区", "普陀区卫健委", 2023, 4000.0),
        row(Final, "普陀区", "上海市普陀区卫生健康委员会", 2023, 3722.41),
        row(Budget, "普陀区", "普陀区卫健委", 2024, 4200.0),
        cross,
        row(Budget, "普陀区", "普陀区财政局", 2024, 600.0),
        row(Final, "普陀区", "普陀区财政局", 2024, 557.62),
        row(Budget, "静安区", "静安区财政局", 2024, 1000.0),
    ];
    let dir = Scratch::new("bvf-outputs");
    let findings = dir.write(".findings.ndjson.tmp", "");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    gouji::batch::outputs::write_all(rows, &findings, &out, gouji::check::Lang::Zh).unwrap();
    let table = records(&out.join("budget_vs_final.csv"));
    let got: Vec<&[String]> = table[1..].iter().map(|r| &r[..]).collect();
    // 卫健委's budget meets 上海市…卫生健康委员会's final account: 3722.41 / 4000 = 93.06%,
    // 3923.47 / 4200 = 93.42%; the final account's name is kept.
    assert_eq!(
        got[0][..8],
        [
            "普陀区",
            "上海市普陀区卫生健康委员会",
            "卫生健康委员会",
            "2023",
            "department_budget",
            "4000.0",
            "3722.41",
            "93.06025"
        ]
    );
    assert_eq!(got[1][5..8], ["4200.0", "3923.47", "93.41595238095238"]);
    assert_eq!(got[1][12], "2");
    // 财政局 2024: 557.62 / 600 = 92.94%.
    assert_eq!(
        got[2][2..8],
        [
            "财政局",
            "2024",
            "department_budget",
            "600.0",
            "557.62",
            "92.93666666666667"
        ]
    );
    // 静安区: a budget without its final account, no rate.
    assert_eq!(got[3][5..8], ["1000.0", "", ""]);
    assert_eq!(got.len(), 4);
    // 普陀区's chart: 2023 (4000 against 3722.41) and 2024 (4200 + 600 against 3923.47 + 557.62).
    let svg = std::fs::read_to_string(out.join("charts/budget-vs-final/普陀区.svg")).unwrap();
    assert!(
        svg.contains("普陀区 预算与决算支出合计逐年对比(万元)"),
        "{svg}"
    );
    for label in [
        "\n2023年\n",
        "\n2024年\n",
        "\n4,800.00\n",
        "\n4,481.09\n",
        "\n3,722.41\n",
    ] {
        assert!(svg.contains(label), "{label} in {svg}");
    }
    assert!(out.join("charts/budget-vs-final/普陀区.png").is_file());
    // 静安区 publishes no final account: nothing to set its budget against.
    assert!(!out.join("charts/budget-vs-final/静安区.svg").exists());
}

#[test]
fn real_documents_give_their_spending_figures_and_balances() {
    let finance = Path::new("../shared/realdata/putuo-2024/财政局-2024-决算.pdf");
    let budget = Path::new("../shared/realdata/budgets/普陀区商务委员会-2025-部门预算.pdf");
    if !finance.exists() || !budget.exists() {
        eprintln!("SKIPPED: ../shared/realdata is absent; the real-document test did not run");
        return;
    }
    let dir = Scratch::new("bvf-real");
    for (folder, pdf) in [("finance", finance), ("budget", budget)] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        std::fs::copy(pdf, dir.join(folder).join(pdf.file_name().unwrap())).unwrap();
    }
    let out = dir.join("out");
    gouji(&[
        "batch",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    let rows = gouji::batch::outputs::read_rows(&out.join("summary.csv")).unwrap();
    let by = |name: &str| rows.iter().find(|r| r.department.ends_with(name)).unwrap();
    // The 决算's 一般公共预算财政拨款基本支出决算表 prints 人员经费合计 2152.26 and 公用经费合计
    // 184.65; its narrative: “机关运行经费支出184.65万元”; the 总表: 年初结转和结余 49.14, 年末
    // 55.34 (2946.25 + 49.14 − 2940.05).
    let f = by("普陀区财政局");
    assert_eq!(
        (f.personnel, f.public, f.agency_operating),
        (Some(2152.26), Some(184.65), Some(184.65))
    );
    assert_eq!((f.opening, f.closing), (Some(49.14), Some(55.34)));
    // The 部门预算's 基本支出 table, in 元: 合计 19830655.00 = 人员经费 18120593.00 + 公用经费
    // 1710062.00; its “三公”经费和机关运行经费预算表, in 万元: 机关运行经费 171.01.
    let b = by("商务委员会");
    assert_eq!(b.kind, DocumentKind::DepartmentBudget);
    assert_eq!(
        (b.personnel, b.public, b.agency_operating),
        (Some(1812.06), Some(171.01), Some(171.01))
    );
}
