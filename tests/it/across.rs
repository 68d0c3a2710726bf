//! Across documents (issue 14): a department's final account against its last one. The
//! synthetic corpus chains its years (each opening balance is the year before's closing one),
//! so its one break is the error injected into a closing balance; the 人社局 sample's narrative
//! is checked against a 2015 final account rebuilt from what its changes imply.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::common::Scratch;

fn check(paths: &[&Path], extra: &[&str]) -> (Vec<Value>, String) {
    let json = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(["check", "--format", "json"])
        .args(paths)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    let text = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(["check", "--relations"])
        .args(extra)
        .args(paths)
        .output()
        .unwrap();
    let docs = v["documents"].as_array().unwrap().clone();
    (docs, String::from_utf8_lossy(&text.stdout).to_string())
}

fn across(docs: &[Value]) -> Vec<&Value> {
    docs.iter()
        .flat_map(|d| d["findings"].as_array().unwrap())
        .filter(|f| f["rule"].as_str().is_some_and(|r| r.starts_with('C')))
        .collect()
}

#[test]
fn each_year_opens_with_the_closing_balance_of_the_year_before() {
    let (docs, relations) = check(&[Path::new("samples/districts/静安区")], &[]);
    // Three departments over 2023–2024: six C001 relations (all funds and appropriations),
    // all verified but one.
    assert_eq!(relations.matches("C001").count(), 6 + 1, "{relations}");
    let found = across(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    let f = found[0];
    // injected.csv: 静安区卫生健康委员会 2023's 年末结转和结余 (D33) was changed from 377.45 to
    // 367.97; 2024's opening balance (B33) still prints 377.45.
    assert_eq!(f["severity"], "error");
    assert!(f["location"]["file"]
        .as_str()
        .unwrap()
        .contains("静安区卫生健康委员会-2024"));
    assert_eq!(f["location"]["cell"], "B33");
    assert_eq!(
        (f["expected"].as_str(), f["actual"].as_str()),
        (Some("367.97"), Some("377.45"))
    );
    let reference = &f["related"][0];
    assert!(reference["file"]
        .as_str()
        .unwrap()
        .contains("静安区卫生健康委员会-2023"));
    assert_eq!(reference["cell"], "D33");
}

/// The 2015 财政拨款收入支出决算总表 the 2016 narrative implies: 财政拨款支出 3895.53 − 1067.33 =
/// 2828.20; 收支总计 (3966.63 + 2.6) − 1138.43 = 2830.80; the closing balance 2.60 that 2016
/// opens with.
fn prior_year(spent: &str, closing: &str, total: &str) -> String {
    format!(
        "财政拨款收入支出决算总表\n编制单位：谯城区人力资源和社会保障局\n单位：万元\n\
         收入,,支出,,,,\n项目,金额,项目,合计,一般公共预算财政拨款,政府性基金预算财政拨款,国有资本经营预算财政拨款\n\
         一、一般公共预算财政拨款,{total},208 社会保障和就业支出,{spent},{spent},,\n\
         本年收入合计,{total},本年支出合计,{spent},{spent},,\n\
         年初财政拨款结转和结余,0.00,年末财政拨款结转和结余,{closing},{closing},,\n\
         总计,{total},总计,{total},{total},,\n"
    )
}

fn with_prior(tag: &str, csv: String) -> (Vec<Value>, String) {
    let dir = Scratch::new(tag);
    let file = dir.write("谯城区人社局-2015-决算公开表.csv", csv);
    check(&[&file, Path::new("samples/qiaocheng-hrss-2016")], &[])
}

#[test]
fn the_changes_a_narrative_states_follow_from_last_years_final_account() {
    let (docs, relations) = with_prior("prior-good", prior_year("2828.20", "2.60", "2830.80"));
    assert!(across(&docs).is_empty(), "{:?}", across(&docs));
    // 财政拨款支出 and 财政拨款收、支出总计 against 2015's figures; both opening balances.
    assert!(relations.matches("✓ C002").count() >= 2, "{relations}");
    assert!(relations.contains("✓ C001"), "{relations}");
}

#[test]
fn a_change_whose_rate_fits_last_year_but_not_its_amount_is_blamed_on_the_amount() {
    // 2015 printed 2818.20: the narrative's 增加1067.33万元 implies 2828.20, while its 增长38%
    // fits 2818.20 ((3895.53 − 2818.20) / 2818.20 = 38.2%).
    let (docs, _) = with_prior("prior-bad", prior_year("2818.20", "12.60", "2830.80"));
    let found = across(&docs);
    let c002: Vec<_> = found.iter().filter(|f| f["rule"] == "C002").collect();
    assert_eq!(c002.len(), 1, "{found:?}");
    assert_eq!(
        (c002[0]["expected"].as_str(), c002[0]["actual"].as_str()),
        (Some("2818.20"), Some("2828.20"))
    );
    let message = c002[0]["message"].as_str().unwrap();
    assert!(message.contains("错的是变动额"), "{message}");
    let en = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(["rules"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&en.stdout).contains("C002 change-follows-prior-account"));
    // 2015 closed with 12.60, 2016 opened with 2.60.
    let c001: Vec<_> = found.iter().filter(|f| f["rule"] == "C001").collect();
    assert_eq!(c001.len(), 1, "{found:?}");
    assert_eq!(
        (c001[0]["expected"].as_str(), c001[0]["actual"].as_str()),
        (Some("12.60"), Some("2.60"))
    );
}
