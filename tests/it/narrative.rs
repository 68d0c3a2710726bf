//! The reference narrative (谯城区人社局2016年部门决算): every relation of the text verified, alone and
//! against the rebuilt tables of the sample.

use std::path::Path;

use gouji::check::{Outcome, Severity};
use gouji::run::{check_file, check_paths, DocResult};

const NARRATIVE: &str = "samples/qiaocheng-hrss-2016/谯城区人社局-2016-决算说明.txt";
const SEED: &str = "../shared/seeds/000_0ac41c42903ec22e.txt";

use super::common::{d, Scratch};

/// Every relation the reference text must be verified by, by its figures.
const VERIFIED: &[(&str, &str)] = &[
    ("N101", "3997.99 = 3966.63 + 31.36"),
    ("N102", "3966.63万元 / 3997.99万元 = 99.216% ≈ 99.2%"),
    ("N102", "31.36万元 / 3997.99万元 = 0.784% ≈ 0.8%"),
    ("N106", "3997.99 + 2.6 = 3926.89 + 73.7"),
    ("N106", "3966.63 + 2.6 = 3895.53 + 73.7"),
    ("N101", "3926.89 = 732 + 3194.89"),
    ("N102", "732万元 / 3926.89万元 = 18.641% ≈ 18.6%"),
    ("N102", "3194.89万元 / 3926.89万元 = 81.359% ≈ 81.4%"),
    ("N102", "3895.53万元 / 3926.89万元 = 99.2% ≈ 99%"),
    ("N101", "3895.53 = 700.64 + 3194.89"),
    ("N102", "700.64万元 / 3895.53万元 = 17.99% ≈ 18%"),
    ("N102", "3194.89万元 / 3895.53万元 = 82.01% ≈ 82%"),
    (
        "N103",
        "1116.9万元 / (3997.99万元 + 2.6万元 − 1116.9万元) = 38.732% ≈ 38.7%",
    ),
    (
        "N103",
        "1138.43万元 / (3966.63万元 + 2.6万元 − 1138.43万元) = 40.22% ≈ 40%",
    ),
    (
        "N103",
        "1067.33万元 / (3895.53万元 − 1067.33万元) = 37.74% ≈ 38%",
    ),
    (
        "N103",
        "476.68万元 / (1756.67万元 − 476.68万元) = 37.24% ≈ 37%",
    ),
    (
        "N103",
        "408.17万元 / (1886.76万元 − 408.17万元) = 27.605% ≈ 27.6%",
    ),
    ("N103", "13.29万元 / (56.34万元 + 13.29万元) = 19.09% ≈ 19%"),
    ("N101", "3895.53 = 62.76 + 1756.67 + 1886.76 + 133 + 56.34"),
    ("N101", "1756.67 = 989.5 + 159.23 + 607.94"),
    ("N101", "1886.76 = 1849.03 + 14.49 + 23.25"),
    ("N101", "56.34 = 56.34"),
    ("N101", "700.65 = 595.28 + 105.37"),
    ("N105", "700.65 = 700.64"),
    ("N109", "105.37 = 105.37"),
    ("N107", "8个 = 8 行"),
    ("N101", "2 = 1 + 1"),
];

fn assert_reference(r: &DocResult) {
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    for (rule, formula) in VERIFIED {
        assert!(
            r.checked
                .iter()
                .any(|c| c.rule == *rule && c.formula() == *formula),
            "{rule} {formula} not verified; verified: {:#?}",
            r.checked
                .iter()
                .map(|c| format!("{} {}", c.rule, c.formula()))
                .collect::<Vec<_>>()
        );
    }
    println!("{} relations verified in {}:", r.checked.len(), r.source);
    for c in &r.checked {
        println!("  {:?} {} {}", c.outcome, c.rule, c.formula());
    }
    // The two restatements that differ by rounding, as information with their size.
    let n105: Vec<_> = r.findings.iter().filter(|f| f.rule == "N105").collect();
    assert_eq!(n105.len(), 1);
    assert_eq!(n105[0].severity, Severity::Info);
    assert_eq!(n105[0].actual, Some(d("700.65")));
    assert_eq!(n105[0].expected, Some(d("700.64")));
    assert!(n105[0]
        .location
        .sentence
        .as_deref()
        .unwrap()
        .contains("财政拨款基本支出700.65万元"));
    let n101: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "N101" && f.severity == Severity::Info)
        .collect();
    assert_eq!(n101.len(), 1);
    assert_eq!(n101[0].expected, Some(d("1886.77")));
    assert_eq!(n101[0].actual, Some(d("1886.76")));
    // The blank date of “截止到日”, as a warning pointing at those characters.
    let n108: Vec<_> = r.findings.iter().filter(|f| f.rule == "N108").collect();
    assert_eq!(n108.len(), 1);
    assert_eq!(n108[0].severity, Severity::Warning);
    let (a, b) = n108[0].location.span.unwrap();
    let text = std::fs::read_to_string(&*n108[0].location.file).unwrap();
    let got: String = text.chars().skip(a).take(b - a).collect();
    assert_eq!(got, "截止到日");
}

#[test]
fn the_reference_narrative_verifies_every_relation() {
    assert_reference(&check_file(Path::new(NARRATIVE)));
}

#[test]
fn the_seed_file_as_given_reads_the_same() {
    if !Path::new(SEED).exists() {
        println!("skipped: {SEED} is not here (it is in CI, beside the clone)");
        return;
    }
    // The seed has a stray question before the text and unrelated policy text after it.
    assert_reference(&check_file(Path::new(SEED)));
}

#[test]
fn the_narrative_agrees_with_the_rebuilt_tables() {
    let results = check_paths(&["samples/qiaocheng-hrss-2016".into()]);
    assert_eq!(results.len(), 1, "narrative and tables are one document");
    let r = &results[0];
    let doc = r.document.as_ref().unwrap();
    assert_eq!(doc.narratives.len(), 1);
    assert_eq!(doc.tables.len(), 9);
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let against: Vec<_> = r.checked.iter().filter(|c| c.rule == "N201").collect();
    assert!(
        against.len() >= 30,
        "only {} narrative figures tied to tables",
        against.len()
    );
    // A few ties, each by its figures: income, a 款 named in the prose, the basic-expenditure split.
    for formula in [
        "3997.99 = 3997.99",
        "989.5 = 989.50",
        "595.28 = 595.28",
        "1849.03 = 1849.03",
        "73.7 = 73.70",
    ] {
        assert!(
            against
                .iter()
                .any(|c| c.formula() == formula && c.outcome == Outcome::Exact),
            "{formula} not tied: {:#?}",
            against.iter().map(|c| c.formula()).collect::<Vec<_>>()
        );
    }
    // 700.64 in the 一般公共预算 table against the narrative's 700.65: rounding, with the table cell named.
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "N201")
        .expect("the 700.65 restatement against the table");
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(f.related[0].cell.as_deref(), Some("F7"));
}

#[test]
fn policy_texts_give_no_false_error() {
    let seeds = Path::new("../shared/seeds");
    if !seeds.exists() {
        println!("skipped: ../shared/seeds is not here");
        return;
    }
    for entry in std::fs::read_dir(seeds).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            let r = check_file(&p);
            assert!(r.errors.is_empty(), "{:?}", r.errors);
            let errors: Vec<_> = r
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", p.display());
        }
    }
}

#[test]
fn two_loose_narratives_in_one_folder_are_two_documents() {
    let dir = Scratch::new("loose");
    std::fs::write(dir.join("甲.txt"), "本年收入合计100.00万元。").unwrap();
    std::fs::write(dir.join("乙.txt"), "本年支出合计90.00万元。").unwrap();
    let results = check_paths(&[dir.to_path_buf()]);
    let mut sources: Vec<&str> = results.iter().map(|r| r.source.as_str()).collect();
    sources.sort();
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(sources[0].ends_with("乙.txt") || sources[0].ends_with("甲.txt"));
}
