//! The same sentence printed twice in a document is checked the same way each time (issue 15
//! §8): a narrative followed by a copy of itself gives, on the copy, exactly the findings it
//! gives on the original, and the original's own findings do not change.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::common::Scratch;

/// (rule, severity, expected, actual, span start relative to the copy it falls in)
type Key = (String, String, String, String, usize);

fn findings(path: &Path) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["documents"][0]["findings"].as_array().unwrap().clone()
}

/// The findings on the narrative, keyed by where they fall from `from` on, before `to`.
fn on_text(findings: &[Value], from: usize, to: usize) -> Vec<Key> {
    let mut keys: Vec<Key> = findings
        .iter()
        .filter_map(|f| {
            let start = f["location"]["span"][0].as_u64()? as usize;
            (from..to).contains(&start).then(|| {
                let s = |k: &str| f[k].to_string();
                (
                    s("rule"),
                    s("severity"),
                    s("expected"),
                    s("actual"),
                    start - from,
                )
            })
        })
        .collect();
    keys.sort();
    keys
}

fn doubled(folder: &str, narrative: &str, tag: &str) {
    let dir = Scratch::new(tag);
    let text = std::fs::read_to_string(Path::new(folder).join(narrative)).unwrap();
    for e in std::fs::read_dir(folder).unwrap().flatten() {
        if e.file_name().to_str() != Some(narrative) {
            std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
        }
    }
    // Offsets are in characters; the copy starts one line after the original ends.
    let n = text.chars().count() + 1;
    dir.write(narrative, format!("{text}\n{text}"));
    let original = findings(Path::new(folder));
    let twice = findings(&dir);
    let once = on_text(&original, 0, usize::MAX);
    assert!(!once.is_empty(), "the narrative has findings to compare");
    assert_eq!(
        on_text(&twice, 0, n),
        once,
        "the original's findings are kept"
    );
    assert_eq!(
        on_text(&twice, n, usize::MAX),
        once,
        "the copy gets the same ones"
    );
}

#[test]
fn a_narrative_printed_twice_gets_the_same_findings_on_each_copy() {
    // 谯城区人社局 2016: N108 “截止到日”, and three N105 rounding notes (700.65 = 700.64 …).
    doubled(
        "samples/qiaocheng-hrss-2016",
        "谯城区人社局-2016-决算说明.txt",
        "repeated-qiaocheng",
    );
}
