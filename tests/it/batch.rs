//! `gouji batch` and `gouji merge` over the synthetic corpus of samples/districts.

use polars_io::parquet::read::ParquetReader;
use polars_io::SerReader;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use gouji::run::Verdict;

const CORPUS: &str = "samples/districts";

use super::common::Scratch;

fn gouji(args: &[&str]) -> i32 {
    Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .status()
        .unwrap()
        .code()
        .unwrap_or(-1)
}

/// injected.csv: path,sheet,cell,rule_expected,original,injected.
fn injected() -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_path(Path::new(CORPUS).join("injected.csv")).unwrap();
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn rows(out: &Path) -> Vec<gouji::batch::SummaryRow> {
    gouji::batch::outputs::read_rows(&out.join("summary.csv")).unwrap()
}

fn in_corpus(path: &str) -> String {
    let p = Path::new(path);
    if p.starts_with(CORPUS) {
        path.to_string()
    } else {
        Path::new(CORPUS).join(p).display().to_string()
    }
}

#[test]
fn a_batch_finds_exactly_the_injected_errors_and_the_unreadable_files() {
    let out = Scratch::new("corpus");
    let code = gouji(&["batch", CORPUS, "-o", out.to_str().unwrap(), "--quiet"]);
    assert_eq!(code, 2, "unreadable files make the exit status 2");
    let rows = rows(&out);
    let workbooks = walk(Path::new(CORPUS));
    assert_eq!(rows.len(), workbooks.len(), "one row per document");
    let expected = injected();
    let broken: BTreeSet<String> = expected
        .iter()
        .filter(|r| r[3] != "unreadable")
        .map(|r| in_corpus(&r[0]))
        .collect();
    let unreadable: BTreeSet<String> = expected
        .iter()
        .filter(|r| r[3] == "unreadable")
        .map(|r| in_corpus(&r[0]))
        .collect();
    assert!(broken.len() >= 3 && unreadable.len() >= 2);
    for r in rows.iter().filter(|r| r.verdict != Verdict::Unreadable) {
        // Who and when, told by the path and the tables (a figure like 2,059.37 is no year).
        assert!(matches!(r.year, Some(2023 | 2024)), "{r:?}");
        assert!(
            ["普陀区", "静安区", "徐汇区"].contains(&r.district.as_str()),
            "{r:?}"
        );
        assert!(
            r.department.starts_with(&format!("上海市{}", r.district)),
            "{r:?}"
        );
    }
    for r in &rows {
        if unreadable.contains(&r.source) {
            assert_eq!(r.verdict, Verdict::Unreadable, "{}", r.source);
            assert!(!r.failure.is_empty());
        } else if broken.contains(&r.source) {
            assert_eq!(r.verdict, Verdict::Errors, "{}", r.source);
        } else if r.source.contains("静安区卫生健康委员会-2024") {
            // Its 2023 closing balance (D33) was injured: 2024's opening balance no longer
            // follows it (C001), its one error, found across the two documents.
            assert_eq!((r.errors, r.cross_document_findings), (1, 1), "{r:?}");
            assert_eq!(r.verdict, Verdict::Errors);
        } else {
            assert_eq!(r.verdict, Verdict::Clean, "{} {:?}", r.source, r);
        }
    }
    // Each injected cell is named by an error of findings.ndjson.
    let findings = std::fs::read_to_string(out.join("findings.ndjson")).unwrap();
    let lines: Vec<serde_json::Value> = findings
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for e in expected.iter().filter(|r| r[3] != "unreadable") {
        let (source, sheet, cell) = (in_corpus(&e[0]), &e[1], &e[2]);
        let hit = lines.iter().any(|f| {
            f["source"] == source.as_str()
                && f["severity"] == "error"
                && std::iter::once(&f["location"])
                    .chain(f["related"].as_array().into_iter().flatten())
                    .any(|l| l["sheet"] == sheet.as_str() && l["cell"] == cell.as_str())
        });
        assert!(hit, "{source} {sheet}!{cell} not reported");
    }
    // Every output is there.
    for f in [
        "summary.xlsx",
        "summary.csv",
        "summary.parquet",
        "findings.ndjson",
        "charts/ranking.png",
        "charts/trend.svg",
    ] {
        assert!(out.join(f).exists(), "{f} missing");
    }
    // summary.parquet reads back with one row per document.
    let file = std::fs::File::open(out.join("summary.parquet")).unwrap();
    let frame = ParquetReader::new(file).finish().unwrap();
    assert_eq!(frame.height(), rows.len());
    assert_eq!(
        frame.column("department").unwrap().str().unwrap().get(0),
        Some(rows[0].department.as_str())
    );
    // summary.xlsx prints A4 landscape, one page wide, with the row of headings on every page.
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(out.join("summary.xlsx")).unwrap()).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(
        sheet.contains(r#"paperSize="9" fitToHeight="0" orientation="landscape""#),
        "{sheet}"
    );
    assert!(sheet.contains("gouji 批量汇总"));
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "xlsx") {
            out.push(p);
        }
    }
    out
}

#[test]
fn three_shards_merged_equal_one_run() {
    let whole = Scratch::new("whole");
    gouji(&["batch", CORPUS, "-o", whole.to_str().unwrap(), "--quiet"]);
    let mut parts = Vec::new();
    // Merged out of order on purpose: merge puts the shards back in order.
    for i in [3, 1, 2] {
        let p = Scratch::new(&format!("shard{i}"));
        gouji(&[
            "batch",
            CORPUS,
            "-o",
            p.to_str().unwrap(),
            "--quiet",
            "--shard",
            &format!("{i}/3"),
        ]);
        assert!(!rows(&p).is_empty(), "shard {i} is empty");
        parts.push(p);
    }
    let merged = Scratch::new("merged");
    let mut args = vec!["merge".to_string()];
    args.extend(parts.iter().map(|p| p.display().to_string()));
    args.extend(["-o".into(), merged.display().to_string(), "--quiet".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    gouji(&args);
    for f in ["summary.csv", "findings.ndjson"] {
        assert_eq!(
            std::fs::read_to_string(whole.join(f)).unwrap(),
            std::fs::read_to_string(merged.join(f)).unwrap(),
            "{f} differs"
        );
    }
    let frame = |d: &Path| gouji::batch::compare::frame(&rows(d)).unwrap();
    assert!(frame(&whole).equals_missing(&frame(&merged)));
}

#[test]
fn a_manifest_overrides_what_the_files_tell() {
    let first = walk(Path::new(CORPUS)).into_iter().min().unwrap();
    let dir = Scratch::new("manifest");
    std::fs::create_dir_all(&dir).unwrap();
    let manifest = dir.join("manifest.csv");
    std::fs::write(
        &manifest,
        format!(
            "path,district,department,year,department_kind,kind\n{},测试区,测试局,2031,,部门预算\n",
            first.display()
        ),
    )
    .unwrap();
    let out = dir.join("out");
    gouji(&[
        "batch",
        CORPUS,
        "-o",
        out.to_str().unwrap(),
        "--quiet",
        "--manifest",
        manifest.to_str().unwrap(),
    ]);
    let rows = rows(&out);
    let r = rows
        .iter()
        .find(|r| r.source == first.display().to_string())
        .unwrap();
    assert_eq!(
        (r.district.as_str(), r.department.as_str(), r.year),
        ("测试区", "测试局", Some(2031))
    );
    // The manifest's kind column makes the workbook a budget, for its row and its neighbours.
    assert_eq!(r.kind, gouji::model::DocumentKind::DepartmentBudget);
}
