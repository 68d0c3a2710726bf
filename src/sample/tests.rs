use std::collections::BTreeSet;

use super::*;
use crate::check::Severity;
use crate::run::check_file;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gouji-sample-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn spec(errors: usize, unreadable: usize) -> Spec {
    Spec {
        districts: 2,
        departments: 2,
        years: 2,
        seed: 42,
        errors,
        unreadable,
        kind: SampleKind::Final,
    }
}

fn names_cell(f: &crate::check::Finding, path: &Path, cell: &str) -> bool {
    let file = path.display().to_string();
    std::iter::once(&f.location)
        .chain(&f.related)
        .any(|l| l.cell.as_deref() == Some(cell) && *l.file == *file)
}

#[test]
fn clean_corpus_has_no_finding_at_all() {
    let dir = temp_dir("clean");
    let corpus = generate(&spec(0, 0), &dir).unwrap();
    assert_eq!(corpus.workbooks.len(), 8);
    assert!(corpus.injected.is_empty());
    for wb in &corpus.workbooks {
        let r = check_file(wb);
        assert!(r.errors.is_empty(), "{}: {:?}", wb.display(), r.errors);
        assert!(r.findings.is_empty(), "{}: {:#?}", wb.display(), r.findings);
        let doc = r.document.as_ref().unwrap();
        assert!(
            doc.tables.len() >= 9,
            "{}: {} tables",
            wb.display(),
            doc.tables.len()
        );
        assert!(
            r.checked.len() > 100,
            "{}: {} relations",
            wb.display(),
            r.checked.len()
        );
    }
    let manifest = std::fs::read_to_string(dir.join("manifest.csv")).unwrap();
    assert_eq!(manifest.lines().count(), 9);
    assert!(manifest.starts_with("path,district,department,year\n"));
    assert!(manifest.contains("普陀区/2024/普陀区财政局-2024-决算公开表.xlsx,普陀区,财政局,2024"));
    assert!(std::fs::read_to_string(dir.join("README.txt"))
        .unwrap()
        .contains("synthetic"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn injected_errors_are_found_where_they_were_put() {
    let dir = temp_dir("errors");
    let corpus = generate(&spec(3, 0), &dir).unwrap();
    assert_eq!(corpus.injected.len(), 3);
    let injured: BTreeSet<&PathBuf> = corpus.injected.iter().map(|i| &i.path).collect();
    assert_eq!(injured.len(), 3, "one error per workbook");
    for wb in &corpus.workbooks {
        let r = check_file(wb);
        let errors: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        match corpus.injected.iter().find(|i| &i.path == wb) {
            None => assert!(r.findings.is_empty(), "{}: {:#?}", wb.display(), r.findings),
            Some(i) => {
                assert!(
                    errors
                        .iter()
                        .any(|f| names_cell(f, wb, &i.cell) && i.rules.iter().any(|r| r == f.rule)),
                    "{i:?}: {errors:#?}"
                );
            }
        }
    }
    let csv = std::fs::read_to_string(dir.join("injected.csv")).unwrap();
    assert_eq!(csv.lines().count(), 4);
    assert!(csv.starts_with("path,sheet,cell,rule_expected,original,injected\n"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every kind of injected error makes exactly the rules it announces fire, naming the cell.
#[test]
fn every_kind_of_error_fires_its_rules() {
    let dir = temp_dir("kinds");
    std::fs::create_dir_all(&dir).unwrap();
    let f = sheet::Formats::new();
    let s = spec(0, 0);
    for (kind, spec_k) in KINDS.iter().enumerate() {
        let mut tried = 0;
        for department in 0..6 {
            let job = Job {
                index: 0,
                district: 0,
                department,
                year: 0,
                doc: Doc::Final,
                inject: Some(kind),
            };
            let path = dir.join(format!("k{kind}-{department}-2024.xlsx"));
            let (bytes, injected) = make_final(&s, &job, &f, &dir, &path).unwrap();
            let injected = injected.unwrap();
            if injected.rules.join("|") != spec_k.rules {
                continue; // the kind had no figure here and another was used
            }
            tried += 1;
            std::fs::write(&path, bytes).unwrap();
            let r = check_file(&path);
            let fired: BTreeSet<&str> = r
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.rule)
                .collect();
            let expected: BTreeSet<&str> = injected.rules.iter().map(String::as_str).collect();
            assert_eq!(fired, expected, "{injected:?}: {:#?}", r.findings);
            assert!(
                r.findings.iter().all(|f| f.severity == Severity::Error),
                "{injected:?}: {:#?}",
                r.findings
            );
            assert!(
                r.findings
                    .iter()
                    .any(|f| names_cell(f, &path, &injected.cell)),
                "{injected:?}: {:#?}",
                r.findings
            );
        }
        assert!(tried > 0, "kind {kind} never applied");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unreadable_files_fail_to_read() {
    let dir = temp_dir("unreadable");
    let corpus = generate(
        &Spec {
            districts: 1,
            departments: 1,
            years: 1,
            seed: 3,
            errors: 0,
            unreadable: 3,
            kind: SampleKind::Final,
        },
        &dir,
    )
    .unwrap();
    assert_eq!(corpus.unreadable.len(), 3);
    assert_eq!(corpus.injected.len(), 3);
    for p in &corpus.unreadable {
        let r = check_file(p);
        assert!(
            r.document.is_none() && r.failed(),
            "{}: {:?}",
            p.display(),
            r.findings
        );
    }
    assert!(corpus
        .injected
        .iter()
        .all(|i| i.rules == ["unreadable"] && corpus.unreadable.contains(&i.path)));
    // The readable workbook is not grouped with them.
    let r = check_file(&corpus.workbooks[0]);
    assert!(r.errors.is_empty() && r.findings.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap();
                out.push((p.strip_prefix(dir).unwrap().to_path_buf(), bytes));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn same_seed_same_bytes() {
    let (a, b, c) = (temp_dir("det-a"), temp_dir("det-b"), temp_dir("det-c"));
    generate(&spec(2, 3), &a).unwrap();
    generate(&spec(2, 3), &b).unwrap();
    generate(
        &Spec {
            seed: 43,
            ..spec(2, 3)
        },
        &c,
    )
    .unwrap();
    let (fa, fb, fc) = (files(&a), files(&b), files(&c));
    assert_eq!(fa.len(), 8 + 3 + 3);
    assert!(fa == fb, "same seed, different bytes");
    assert!(fa != fc, "different seeds, same bytes");
    for d in [a, b, c] {
        let _ = std::fs::remove_dir_all(&d);
    }
}

#[test]
fn years_follow_the_department_trend() {
    let s = spec(0, 0);
    for department in 0..4 {
        let st = model::structure(
            &mut Rng::derive(s.seed, &[1, 0, department]),
            department as usize,
            3,
        );
        let totals: Vec<i64> = (0..3)
            .map(|y| {
                model::year(
                    &st,
                    y,
                    &mut Rng::derive(s.seed, &[2, 0, department, y as u64]),
                )
                .spent()
            })
            .collect();
        for y in 1..3 {
            assert_ne!(totals[y], totals[y - 1]);
            // Growth of 3–15% a year, with ±3% noise on each 项.
            let g = totals[y - 1] as f64 / totals[y] as f64 - 1.0;
            let trend = st.growth[y - 1];
            assert!((g - trend).abs() < 0.07, "{department}: {g} vs {trend}");
        }
    }
}

#[test]
fn a_bad_spec_is_refused() {
    let dir = temp_dir("bad");
    assert!(generate(
        &Spec {
            districts: 0,
            ..spec(0, 0)
        },
        &dir
    )
    .is_err());
    assert!(generate(
        &Spec {
            errors: 9,
            ..spec(0, 0)
        },
        &dir
    )
    .is_err());
}

/// A spec is refused before anything is written, with the reason; a good one gives its count.
#[test]
fn workbook_count_is_the_product_or_the_reason_it_cannot_be() {
    assert_eq!(workbook_count(&spec(8, 0)).unwrap(), 8);
    let refusal = |s: Spec| workbook_count(&s).unwrap_err().to_string();
    assert_eq!(
        refusal(spec(9, 0)),
        "cannot inject 9 errors into 8 workbooks (one error per workbook)"
    );
    assert_eq!(
        refusal(Spec {
            years: 25,
            ..spec(0, 0)
        }),
        "years must be at most 24 (2001–2024), not 25"
    );
    assert_eq!(
        refusal(Spec {
            districts: 0,
            ..spec(0, 0)
        }),
        "districts, departments and years must each be at least 1"
    );
    assert_eq!(
        refusal(Spec {
            districts: 10_000,
            departments: 1_001,
            ..spec(0, 0)
        }),
        "too many workbooks"
    );
}
