//! `gouji sample --kind budget|both` (issue 13 §8, issue 14 §4): budgets recognised and clean,
//! a department's 决算 and 预算 consistent across years in gouji's own terms (the columns it
//! recognises), and the errors injected across documents naming both files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use gouji::model::{ColKey, Document, DocumentKind, Line, TableKind};
use gouji::run::check_file;
use rust_decimal::Decimal;
use serde_json::Value;

use super::common::Scratch;

/// Runs `gouji sample` with `args` into a fresh folder.
fn sample(tag: &str, args: &[&str]) -> Scratch {
    let dir = Scratch::new(tag);
    let out = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .arg("sample")
        .args(args)
        .arg("-o")
        .arg(&*dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// The rows of one of the corpus's CSV files, header first (no field of theirs is quoted).
fn csv(dir: &Path, name: &str) -> Vec<Vec<String>> {
    std::fs::read_to_string(dir.join(name))
        .unwrap()
        .lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// Both documents of 2 departments over 2022–2024, with `errors` injected.
fn series(tag: &str, seed: &str, errors: &str) -> Scratch {
    let args = [
        "--kind",
        "both",
        "--districts",
        "1",
        "--departments",
        "2",
        "--years",
        "3",
    ];
    let mut args = args.to_vec();
    args.extend(["--seed", seed, "--errors", errors]);
    sample(tag, &args)
}

/// Checks one workbook alone: its document, which must have no finding at all.
fn clean(path: &Path) -> Document {
    let r = check_file(path);
    assert!(r.errors.is_empty(), "{}: {:?}", path.display(), r.errors);
    assert!(
        r.findings.is_empty(),
        "{}: {:#?}",
        path.display(),
        r.findings
    );
    assert!(
        r.checked.len() > 100,
        "{}: {} relations",
        path.display(),
        r.checked.len()
    );
    r.document.unwrap()
}

/// A column's figures by row: the row's code where it has one, else its name.
fn column(doc: &Document, kind: TableKind, key: ColKey) -> BTreeMap<String, Decimal> {
    let mut out = BTreeMap::new();
    for t in doc.tables.iter().filter(|t| t.kind == kind) {
        let Some(c) = t.col(key) else { continue };
        for r in &t.rows {
            if let Some(v) = r.cell(c).and_then(|c| c.figure.as_ref()) {
                let name = r.code.clone().unwrap_or_else(|| r.name.to_string());
                out.insert(format!("{:?}/{name}", t.side), v.value);
            }
        }
    }
    out
}

/// The “三公” table's 预算数 by line, in the order printed (both families print the same).
fn three_public(doc: &Document, kind: TableKind) -> Vec<(Line, Decimal)> {
    let t = doc.table(kind).unwrap();
    let c = t.col(ColKey::Budget).unwrap();
    t.rows
        .iter()
        .filter_map(|r| Some((r.line?, r.cell(c)?.figure.as_ref()?.value)))
        .collect()
}

const BUDGET_TABLES: &[TableKind] = &[
    TableKind::BudgetSummary,
    TableKind::BudgetIncome,
    TableKind::BudgetExpenditure,
    TableKind::BudgetFiscalSummary,
    TableKind::BudgetGeneralExpenditure,
    TableKind::BudgetGovernmentFund,
    TableKind::BudgetStateCapital,
    TableKind::BudgetBasic,
    TableKind::BudgetThreePublic,
];

#[test]
fn budget_workbooks_are_recognised_with_their_tables_and_clean() {
    let dir = sample(
        "budget",
        &[
            "--kind",
            "budget",
            "--districts",
            "1",
            "--departments",
            "3",
            "--years",
            "2",
        ],
    );
    let manifest = csv(&dir, "manifest.csv");
    assert_eq!(
        manifest[0],
        [
            "path",
            "district",
            "department",
            "year",
            "department_kind",
            "kind"
        ]
    );
    assert_eq!(manifest.len(), 1 + 3 * 2);
    assert_eq!(
        manifest[1],
        [
            "普陀区/2024/普陀区财政局-2024-部门预算公开表.xlsx",
            "普陀区",
            "财政局",
            "2024",
            "财政局",
            "budget"
        ]
    );
    for row in &manifest[1..] {
        let doc = clean(&dir.join(&row[0]));
        assert_eq!(doc.kind, DocumentKind::DepartmentBudget, "{}", row[0]);
        assert_eq!(
            doc.year.map(|y| y.to_string()).as_deref(),
            Some(row[3].as_str())
        );
        assert_eq!(doc.department, Some(format!("上海市{}{}", row[1], row[2])));
        for &kind in BUDGET_TABLES {
            assert!(
                doc.tables.iter().any(|t| t.kind == kind),
                "{}: no {kind:?}",
                row[0]
            );
        }
        // Both halves of the 收支总表 and the 一般公共预算 table print a 上年预算数 column.
        let summary = doc
            .tables
            .iter()
            .filter(|t| t.kind == TableKind::BudgetSummary);
        assert!(
            summary.clone().count() == 2
                && summary.clone().all(|t| t.col(ColKey::PriorYear).is_some())
        );
        let general = doc.table(TableKind::BudgetGeneralExpenditure).unwrap();
        assert!(general.col(ColKey::PriorYear).is_some() && general.col(ColKey::Total).is_some());
    }
}

/// The two documents of each department-year and the next, over 2 departments × 3 years.
#[test]
fn a_both_series_is_clean_alone_and_consistent_across_its_documents() {
    let dir = series("both", "11", "0");
    let manifest = csv(&dir, "manifest.csv");
    assert_eq!(manifest.len(), 1 + 2 * 3 * 2);
    let mut docs: BTreeMap<(String, String, String), Document> = BTreeMap::new();
    for row in &manifest[1..] {
        let doc = clean(&dir.join(&row[0]));
        docs.insert((row[2].clone(), row[3].clone(), row[5].clone()), doc);
    }
    let doc = |dept: &str, year: i32, kind: &str| {
        &docs[&(dept.to_string(), year.to_string(), kind.to_string())]
    };
    let mut compared = 0;
    for dept in ["财政局", "教育局"] {
        for year in 2022..=2024 {
            // C004: the 决算's “三公” 预算数 are the year's budget, line by line.
            let (fin, bud) = (doc(dept, year, "final"), doc(dept, year, "budget"));
            let stated = three_public(fin, TableKind::ThreePublic);
            let lines: Vec<Line> = stated.iter().map(|l| l.0).collect();
            assert!(
                lines.contains(&Line::Total) && lines.contains(&Line::Reception),
                "{lines:?}"
            );
            // The budget's table adds its 机关运行经费, which the 决算's does not print.
            let mut budgeted = three_public(bud, TableKind::BudgetThreePublic);
            budgeted.retain(|l| l.0 != Line::AgencyOperating);
            assert_eq!(stated, budgeted, "{dept} {year}");
            if year == 2022 {
                continue; // the oldest budget's 上年预算数 are an imagined earlier budget's
            }
            // C003: this budget's 上年预算数 are last year's budget, row by row.
            let before = doc(dept, year - 1, "budget");
            for kind in [
                TableKind::BudgetGeneralExpenditure,
                TableKind::BudgetSummary,
            ] {
                let prior = column(bud, kind, ColKey::PriorYear);
                let key = if kind == TableKind::BudgetSummary {
                    ColKey::Budget
                } else {
                    ColKey::Total
                };
                let last = column(before, kind, key);
                assert!(prior.len() > 4, "{dept} {year} {kind:?}: {prior:?}");
                assert_eq!(prior, last, "{dept} {year} {kind:?}");
                compared += prior.len();
            }
        }
    }
    assert!(compared > 40, "{compared}");
    // Checked together, the series verifies its relations across documents and breaks none:
    // C001 for each opening balance, all funds and appropriations (2 departments × 2 later
    // years × 2); C003 for every 上年预算数 of the two later years' budgets; C004 for at least
    // the 合计, 公务用车 小计, 运行 and 接待 of each of the six department-years.
    let text = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(["check", "--relations"])
        .arg(&*dir)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(text.matches("✓ C001").count(), 8, "{text}");
    assert!(text.matches("✓ C003").count() > compared / 2, "{text}");
    assert!(text.matches("✓ C004").count() >= 6 * 4, "{text}");
    assert!(!text.contains("✗ C"), "{text}");
    assert!(text.contains("错误 0，警告 0，提示 0"), "{text}");
}

/// Whether a finding points at `cell`, or names it among the cells it relates.
fn names(f: &gouji::check::Finding, cell: &str) -> bool {
    std::iter::once(&f.location)
        .chain(&f.related)
        .any(|l| l.cell.as_deref() == Some(cell))
}

/// One row of injected.csv.
struct Row {
    path: String,
    cell: String,
    rule: String,
    reference: String,
}

/// A corpus of 2 departments × 3 years with both documents and six errors: seed 1 puts one of
/// each kind across documents (C001, C003, C004) and three a document shows alone.
fn injured() -> (Scratch, Vec<Row>) {
    let dir = series("injured", "1", "6");
    let rows = csv(&dir, "injected.csv");
    assert_eq!(
        rows[0],
        [
            "path",
            "sheet",
            "cell",
            "rule_expected",
            "original",
            "injected",
            "reference"
        ]
    );
    let rows = rows[1..]
        .iter()
        .map(|r| Row {
            path: r[0].clone(),
            cell: r[2].clone(),
            rule: r[3].clone(),
            reference: r[6].clone(),
        })
        .collect();
    (dir, rows)
}

/// The file a cross-document error's neighbour must be: last year's 决算 (C001), last year's
/// 预算 (C003), this year's 预算 (C004), in the same department.
fn neighbour(path: &str, rule: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let year: i32 = parts[1].parse().unwrap();
    let unit = parts[2].split('-').next().unwrap();
    let to = if rule == "C004" { year } else { year - 1 };
    let doc = if rule == "C001" {
        "决算公开表"
    } else {
        "部门预算公开表"
    };
    format!("{}/{to}/{unit}-{to}-{doc}.xlsx", parts[0])
}

/// In a corpus of budgets alone, an error across documents (C003) leaves its budget clean, and
/// a budget's own error (a 项's 基本支出 changed) fires exactly Y703 (合计 = 基本 + 项目) and T104
/// (款 = Σ 项), naming the cell.
#[test]
fn every_injured_budget_fires_exactly_its_rules() {
    let args = [
        "--kind",
        "budget",
        "--districts",
        "2",
        "--departments",
        "5",
        "--years",
        "3",
    ];
    let mut args = args.to_vec();
    args.extend(["--seed", "3", "--errors", "20"]);
    let dir = sample("budget-errors", &args);
    let rows = csv(&dir, "injected.csv");
    assert_eq!(rows.len(), 1 + 20);
    let (mut cross, mut own) = (0, 0);
    for r in &rows[1..] {
        let path = dir.join(&r[0]);
        if r[3] == "C003" {
            assert_eq!(r[6], neighbour(&r[0], "C003"));
            clean(&path);
            cross += 1;
            continue;
        }
        assert_eq!((r[3].as_str(), r[6].as_str()), ("Y703|T104", ""));
        let found = check_file(&path);
        let fired: std::collections::BTreeSet<&str> =
            found.findings.iter().map(|f| f.rule).collect();
        assert_eq!(fired, ["T104", "Y703"].into(), "{}", r[0]);
        assert!(found.findings.iter().all(|f| names(f, &r[2])), "{}", r[0]);
        own += 1;
    }
    assert!(cross > 3 && own > 3, "{cross} {own}");
}

#[test]
fn injected_errors_across_documents_name_both_files_and_leave_each_clean_alone() {
    let (dir, rows) = injured();
    assert_eq!(rows.len(), 6);
    let cross: Vec<&Row> = rows.iter().filter(|r| r.rule.starts_with('C')).collect();
    let rules: Vec<&str> = cross.iter().map(|r| r.rule.as_str()).collect();
    for rule in ["C001", "C003", "C004"] {
        assert!(rules.contains(&rule), "{rules:?}");
    }
    for r in &rows {
        if r.rule.starts_with('C') {
            assert_eq!(r.reference, neighbour(&r.path, &r.rule), "{}", r.path);
            assert!(dir.join(&r.reference).is_file() && dir.join(&r.path).is_file());
            // The change is carried through the sums it is part of: alone, the document is clean.
            clean(&dir.join(&r.path));
        } else {
            assert_eq!(r.reference, "", "{}", r.path);
            let found = check_file(&dir.join(&r.path));
            assert!(
                found
                    .findings
                    .iter()
                    .any(|f| r.rule.split('|').any(|c| c == f.rule) && names(f, &r.cell)),
                "{}: {:#?}",
                r.path,
                found.findings
            );
        }
    }
}

/// gouji's JSON findings on the corpus, checked as one batch.
fn findings_together(files: &[PathBuf]) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(["check", "--format", "json"])
        .args(files)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["findings"].as_array().unwrap().clone())
        .collect()
}

/// Whether gouji found the error of `r` at its cell, naming the reference file.
fn found(findings: &[Value], dir: &Path, r: &Row) -> bool {
    let (file, reference) = (dir.join(&r.path), dir.join(&r.reference));
    findings.iter().any(|f| {
        f["rule"] == r.rule.as_str()
            && f["location"]["file"].as_str() == file.to_str()
            && f["location"]["cell"] == r.cell.as_str()
            && f["related"]
                .as_array()
                .is_some_and(|rel| rel.iter().any(|l| l["file"].as_str() == reference.to_str()))
    })
}

/// Checked together, every injected error across documents is found in the injured file's
/// cell, naming the other file; and no finding across documents falls anywhere else.
#[test]
fn every_injected_error_across_documents_is_found_naming_both_files() {
    let (dir, rows) = injured();
    let findings = findings_together(&[dir.to_path_buf()]);
    for r in rows.iter().filter(|r| r.rule.starts_with('C')) {
        assert!(
            found(&findings, &dir, r),
            "{} {} {}: {findings:#?}",
            r.rule,
            r.path,
            r.cell
        );
    }
    for f in findings
        .iter()
        .filter(|f| f["rule"].as_str().is_some_and(|c| c.starts_with('C')))
    {
        let injured = rows.iter().any(|r| {
            f["rule"] == r.rule.as_str()
                && f["location"]["file"].as_str() == dir.join(&r.path).to_str()
        });
        assert!(injured, "{f:#}");
    }
}

/// Checked together, a bigger corpus with errors of every kind finds each where it was put,
/// and nothing else: no error put into one document shows in its neighbours (a changed 年末
/// or “三公” 预算数 is not drawn where next year's 决算 or the year's 预算 would see it too).
#[test]
fn in_a_both_corpus_every_finding_is_an_injected_error() {
    let args = [
        "--kind",
        "both",
        "--districts",
        "2",
        "--departments",
        "6",
        "--years",
        "3",
    ];
    let mut args = args.to_vec();
    args.extend(["--seed", "21", "--errors", "30"]);
    let dir = sample("every-error", &args);
    let rows = csv(&dir, "injected.csv");
    assert_eq!(rows.len(), 1 + 30);
    let findings = findings_together(&[dir.to_path_buf()]);
    let file = |r: &[String]| dir.join(&r[0]).to_string_lossy().into_owned();
    let cell = |f: &Value, c: &str| {
        f["location"]["cell"] == c
            || f["related"]
                .as_array()
                .is_some_and(|l| l.iter().any(|l| l["cell"] == c))
    };
    for r in &rows[1..] {
        let hit = findings.iter().any(|f| {
            r[3].split('|').any(|c| f["rule"] == c)
                && f["location"]["file"] == file(r).as_str()
                && cell(f, &r[2])
        });
        assert!(hit, "{r:?}");
    }
    for f in &findings {
        let listed = rows[1..].iter().any(|r| {
            r[3].split('|').any(|c| f["rule"] == c) && f["location"]["file"] == file(r).as_str()
        });
        assert!(listed, "{f:#}");
    }
    let kinds: std::collections::BTreeSet<&str> = rows[1..].iter().map(|r| r[3].as_str()).collect();
    for rule in ["C001", "C003", "C004", "Y703|T104", "S401", "S402"] {
        assert!(kinds.contains(rule), "{kinds:?}");
    }
}
