//! The narrative of budgets (部门预算 / 单位预算): reconstructed sentences of both families
//! (江苏省, 上海市普陀区) for each relation, and the real budgets of ../shared (SKIPPED when absent),
//! where every error is one the printed page shows.

use gouji::check::{Finding, Outcome, Severity};
use gouji::run::{check_file, DocResult};

use super::common::{d, Scratch};

/// Checks a budget narrative written to a .txt named as a 部门预算.
fn check_budget(text: &str) -> DocResult {
    let s = Scratch::new("budget");
    let r = check_file(&s.write("某委-2025-部门预算说明.txt", text));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r
}

fn findings<'r>(r: &'r DocResult, rule: &str) -> Vec<&'r Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

fn trace(r: &DocResult) -> Vec<String> {
    r.checked
        .iter()
        .map(|c| format!("{} {:?} {}", c.rule, c.outcome, c.formula()))
        .collect()
}

/// The relation was checked with this formula and outcome.
fn assert_checked(r: &DocResult, rule: &str, formula: &str, outcome: Outcome) {
    assert!(
        r.checked
            .iter()
            .any(|c| c.rule == rule && c.formula() == formula && c.outcome == outcome),
        "{rule} {outcome:?} {formula} not in {:#?}",
        trace(r)
    );
}

/// No finding of a rule, and its relations checked exactly.
fn assert_clean(r: &DocResult, rule: &str) {
    assert!(findings(r, rule).is_empty(), "{:#?}", r.findings);
    assert!(
        r.checked.iter().any(|c| c.rule == rule),
        "{rule} never checked: {:#?}",
        trace(r)
    );
}

#[test]
fn the_first_item_of_a_budget_income_breakdown_counts_when_a_change_follows_it() {
    // Issue 13's first misfire: the 财政拨款收入 of the 其中 was dropped when its change clause
    // followed it, leaving 0 + 0 + 0 against 37,151.47. In a budget the 收入预算 is the stated
    // total (not the 预算数 of an execution sentence), and all four items are its parts.
    let r = check_budget(
        "2025年，上海市普陀区商务委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，\
         比2024年预算执行数增加24,558.18万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。\n",
    );
    assert_clean(&r, "N101");
    assert_checked(
        &r,
        "N101",
        "37151.47 = 37151.47 + 0 + 0 + 0",
        Outcome::Exact,
    );
}

#[test]
fn a_sub_list_ends_where_the_list_above_it_resumes() {
    // 江苏 2017: “2．公务用车购置及运行费 183.6 万元。其中：(1)…(2)…” and then “3．公务接待费”,
    // which is the next item of the list above, not a third part of 183.6.
    let r = check_budget(
        "2．公务用车购置及运行费预算支出183.6万元。其中：\n(1)公务用车购置为0万元，与上年持平。\n\
         (2)公务用车运行维护费预算支出183.6万元，与上年预算数持平。\n3．公务接待费预算支出427.5万元，与上年预算数持平。\n",
    );
    assert_clean(&r, "N101");
    assert_checked(&r, "N101", "183.6 = 0 + 183.6", Outcome::Exact);
}

/// 江苏 2017's wording: the base of the share is stated two paragraphs before it.
const FISCAL_SHARE: &str =
    "江苏省人大常委会办公厅本年支出预算合计13649.07万元，其中：基本支出7666.68万元。\n\
    江苏省人大常委会办公厅2017年度一般公共预算拨款安排的会议费预算支出1305.25万元。\n\
    江苏省人大常委会办公厅2017年财政拨款预算支出13649.07万元，占本年支出合计的PCT。\n";

#[test]
fn a_share_of_a_base_stated_elsewhere_takes_the_figure_its_name_is_tied_to() {
    // Issue 13's second misfire: 财政拨款预算支出…占本年支出合计的100% was divided by a figure of
    // another paragraph. The base is 本年支出合计: the 本年支出预算合计 stated before it.
    let r = check_budget(&FISCAL_SHARE.replace("PCT", "100%"));
    assert_clean(&r, "N102");
    assert_checked(
        &r,
        "N102",
        "13649.07万元 / 13649.07万元 = 100% ≈ 100%",
        Outcome::Exact,
    );
    // A wrong share names its base: the words after 占, the label of the figure they were found
    // to mean, and that figure.
    let r = check_budget(&FISCAL_SHARE.replace("PCT", "90%"));
    let f = findings(&r, "N102");
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(
        f[0].message.zh,
        "占比与数字不符：13649.07万元 / 13649.07万元 = 100% ≈ 90%，\
         按 “本年支出合计”（江苏省人大常委会办公厅本年支出预算合计）13649.07万元 计应为 100%"
    );
    assert_eq!(
        (f[0].expected, f[0].actual),
        (Some(d("100")), Some(d("90")))
    );
}

#[test]
fn a_share_whose_base_no_figure_is_tied_to_is_not_checked() {
    // 占部门预算的 names no item of the dictionary: no figure of another sentence is taken for it.
    let text = FISCAL_SHARE
        .replace("占本年支出合计的", "占部门预算的")
        .replace("PCT", "100%");
    let r = check_budget(&text);
    assert!(
        !r.checked.iter().any(|c| c.rule == "N102"),
        "{:#?}",
        trace(&r)
    );
    assert!(findings(&r, "N102").is_empty());
}
