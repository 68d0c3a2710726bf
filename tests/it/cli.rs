//! The command line as a script sees it: output and exit statuses.

use std::process::Command;

pub fn gouji(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_sample_is_clean_and_json_has_the_documented_shape() {
    let (code, out, _) = gouji(&["check", "samples/qiaocheng-hrss-2016", "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let doc = &v["documents"][0];
    assert_eq!(
        doc["tables"].as_array().unwrap().len(),
        9,
        "7 tables, two of them in halves"
    );
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "L505")
        .unwrap();
    assert_eq!(f["severity"], "info");
    assert_eq!(f["expected"], "700.65");
    assert_eq!(f["actual"], "700.64");
    assert_eq!(f["difference"], "-0.01");
    assert_eq!(f["location"]["sheet"], "表5 一般公共预算财政拨款支出决算表");
    assert_eq!(f["location"]["cell"], "F7");
    assert!(f["message"].as_str().unwrap().contains("舍入"));
}

#[test]
fn english_messages_on_request() {
    let (_, out, _) = gouji(&[
        "check",
        "samples/qiaocheng-hrss-2016",
        "--lang",
        "en",
        "--format",
        "json",
    ]);
    assert!(out.contains("within rounding"), "{out}");
}

#[test]
fn fail_on_sets_the_exit_status() {
    let (code, _, _) = gouji(&["check", "samples/qiaocheng-hrss-2016", "--fail-on", "info"]);
    assert_eq!(code, 1);
    let (code, _, _) = gouji(&[
        "check",
        "samples/putuo-finance-2024",
        "--fail-on",
        "warning",
    ]);
    assert_eq!(code, 0);
}

#[test]
fn unreadable_input_and_bad_usage_exit_2() {
    let (code, out, _) = gouji(&["check", "does/not/exist.xlsx"]);
    assert_eq!(code, 2);
    assert!(out.contains("does/not/exist.xlsx"));
    let (code, _, _) = gouji(&["check", "--no-such-flag", "x"]);
    assert_eq!(code, 2);
    let (code, _, _) = gouji(&["extract", "does/not/exist.xlsx"]);
    assert_eq!(code, 2);
}

#[test]
fn rules_lists_the_catalogue() {
    let (code, out, _) = gouji(&["rules"]);
    assert_eq!(code, 0);
    for code in [
        "T101", "T102", "T103", "T104", "B201", "B205", "E301", "S401", "L501", "L505", "M601",
        "X001",
    ] {
        assert!(out.contains(code), "{code} missing");
    }
    assert!(out.contains("本年收入合计 = 财政拨款收入"));
}

#[test]
fn extract_prints_the_model_as_json() {
    let (code, out, _) = gouji(&[
        "extract",
        "samples/putuo-finance-2024/普陀区财政局-2024-决算公开表.xlsx",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["year"], 2024);
    let t = &v["tables"][2];
    assert_eq!(t["kind"], "income_table");
    assert_eq!(t["unit"], "元");
    assert_eq!(t["rows"][0]["cells"][0]["figure"]["value"], "29462500");
    assert_eq!(t["rows"][0]["cells"][0]["figure"]["step"], "100");
}
