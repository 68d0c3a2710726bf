//! The narrative rules N101–N109 and N201 one by one, on short texts built from realistic 决算
//! sentences: for each a passing example (the relation verified, no finding) and a failing one
//! (a finding with its figures and the characters it names). Then the readers (GBK, HTML, Word,
//! empty and corrupt files) and a property test: no text makes the narrative reader panic.

use gouji::check::{Finding, Outcome, Severity};
use gouji::load::load_narrative;
use gouji::model::narrative::{Claim, Measure};
use gouji::read::ReadError;
use gouji::run::{check_file, check_paths, DocResult};
use rust_decimal::Decimal;

const TABLES: &str = "samples/qiaocheng-hrss-2016/谯城区人社局-2016-决算公开表.xlsx";

use super::common::d;

use super::common::Scratch;

/// Checks a text written to a .txt of its own.
fn check_text(text: &str) -> DocResult {
    let s = Scratch::new("check");
    let r = check_file(&s.write("某局-2016-决算说明.txt", text));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r
}

pub fn findings<'r>(r: &'r DocResult, rule: &str) -> Vec<&'r Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

/// The single finding of a rule.
fn only<'r>(r: &'r DocResult, rule: &str) -> &'r Finding {
    let f = findings(r, rule);
    assert_eq!(f.len(), 1, "{rule}: {:#?}", r.findings);
    f[0]
}

pub fn trace(r: &DocResult) -> Vec<String> {
    r.checked
        .iter()
        .map(|c| format!("{} {:?} {}", c.rule, c.outcome, c.formula()))
        .collect()
}

/// The relation was checked with this formula and outcome.
pub fn assert_checked(r: &DocResult, rule: &str, formula: &str, outcome: Outcome) {
    assert!(
        r.checked
            .iter()
            .any(|c| c.rule == rule && c.formula() == formula && c.outcome == outcome),
        "{rule} {outcome:?} {formula} not in {:#?}",
        trace(r)
    );
}

/// No finding at all, and every relation of the rule checked exactly.
fn assert_clean(r: &DocResult, rule: &str) {
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert!(
        r.checked.iter().any(|c| c.rule == rule),
        "{rule} never checked: {:#?}",
        trace(r)
    );
    assert!(
        r.checked
            .iter()
            .filter(|c| c.rule == rule)
            .all(|c| c.outcome == Outcome::Exact),
        "{:#?}",
        trace(r)
    );
}

/// The characters of a text a span names.
fn at(text: &str, span: Option<(usize, usize)>) -> String {
    let (a, b) = span.expect("a span");
    text.chars().skip(a).take(b - a).collect()
}

fn assert_figures(f: &Finding, expected: &str, actual: &str, difference: &str) {
    assert_eq!(f.expected, Some(d(expected)), "{f:#?}");
    assert_eq!(f.actual, Some(d(actual)), "{f:#?}");
    assert_eq!(f.difference, Some(d(difference)), "{f:#?}");
}

// ---------------------------------------------------------------------------------------------
// N101 breakdown
// ---------------------------------------------------------------------------------------------

#[test]
fn n101_breakdown_that_adds_up_passes() {
    let r = check_text(
        "本年收入合计3997.99万元，其中：财政拨款收入3966.63万元，占99.2%；其他收入31.36万元，占0.8%。\n",
    );
    assert_clean(&r, "N101");
    assert_checked(&r, "N101", "3997.99 = 3966.63 + 31.36", Outcome::Exact);
}

#[test]
fn n101_parts_exceeding_their_total_are_an_error_naming_the_total() {
    let text = "本年收入合计3997.99万元，其中：财政拨款收入3966.63万元，占99.2%；其他收入41.36万元，占0.8%。\n";
    let r = check_text(text);
    let f = only(&r, "N101");
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "4007.99", "3997.99", "-10");
    assert_eq!(at(text, f.location.span), "3997.99万元");
    assert_eq!(f.location.span, Some((6, 15)));
    assert!(f.location.file.ends_with("某局-2016-决算说明.txt"));
    assert_eq!(
        f.location.sentence.as_deref(),
        Some(text.trim_end()),
        "{f:#?}"
    );
    assert_checked(&r, "N101", "3997.99 = 3966.63 + 41.36", Outcome::Broken);
}

#[test]
fn n101_partial_qizhong_short_of_its_total_is_only_info() {
    let text = "本年收入合计3997.99万元，其中：财政拨款收入3900万元。\n";
    let r = check_text(text);
    assert!(
        r.findings.iter().all(|f| f.severity == Severity::Info),
        "{:#?}",
        r.findings
    );
    let f = only(&r, "N101");
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(f.expected, Some(d("3900")));
    assert_eq!(f.actual, Some(d("3997.99")));
    assert_eq!(f.difference.map(|x| x.abs()), Some(d("97.99")), "{f:#?}");
    assert_eq!(at(text, f.location.span), "3997.99万元");
    assert!(f.message.zh.contains("97.99"), "{}", f.message.zh);
    // `--relations` never marks it ✓: the sum does not hold as printed.
    assert_checked(&r, "N101", "3997.99 = 3900", Outcome::Broken);
}

#[test]
fn n101_numbered_list_under_a_total() {
    let good = "本年支出合计300万元，具体情况如下：\n(1)社会保障和就业支出100万元。\n(2)卫生健康支出110万元。\n(3)住房保障支出90万元。\n";
    let r = check_text(good);
    assert_clean(&r, "N101");
    assert_checked(&r, "N101", "300 = 100 + 110 + 90", Outcome::Exact);

    let bad = "本年支出合计300万元，具体情况如下：\n(1)社会保障和就业支出100万元。\n(2)卫生健康支出100万元。\n(3)住房保障支出90万元。\n";
    let r = check_text(bad);
    let f = only(&r, "N101");
    // A numbered list is all of its total: falling short is an error, not a partial 其中.
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "290", "300", "10");
    assert_eq!(at(bad, f.location.span), "300万元");
    assert_checked(&r, "N101", "300 = 100 + 100 + 90", Outcome::Broken);
}

// ---------------------------------------------------------------------------------------------
// N102 share
// ---------------------------------------------------------------------------------------------

#[test]
fn n102_share_at_its_printed_precision_passes() {
    let r = check_text(
        "本年支出合计3926.89万元，其中：基本支出732万元，占18.6%；项目支出3194.89万元，占81.4%。\n",
    );
    assert_clean(&r, "N102");
    assert_checked(
        &r,
        "N102",
        "732万元 / 3926.89万元 = 18.641% ≈ 18.6%",
        Outcome::Exact,
    );
    assert_checked(
        &r,
        "N102",
        "3194.89万元 / 3926.89万元 = 81.359% ≈ 81.4%",
        Outcome::Exact,
    );
    // 18.64% printed without decimals is 19%: the rounding interval 18.5–19.5 holds it.
    let r = check_text(
        "本年支出合计3926.89万元，其中：基本支出732万元，占19%；项目支出3194.89万元，占81.4%。\n",
    );
    assert_clean(&r, "N102");
    assert_checked(
        &r,
        "N102",
        "732万元 / 3926.89万元 = 18.64% ≈ 19%",
        Outcome::Exact,
    );
}

#[test]
fn n102_wrong_share_is_an_error_with_the_computed_share() {
    // Printed without decimals: expected is the computed share to 2 places.
    let text =
        "本年支出合计3926.89万元，其中：基本支出732万元，占20%；项目支出3194.89万元，占81.4%。\n";
    let r = check_text(text);
    let f = only(&r, "N102");
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "18.64", "20", "1.36");
    assert_eq!(f.tolerance, Some(d("0.5")));
    assert_eq!(at(text, f.location.span), "732万元，占20%");
    assert_checked(
        &r,
        "N102",
        "732万元 / 3926.89万元 = 18.64% ≈ 20%",
        Outcome::Broken,
    );

    // Printed with one decimal: expected to 3 places.
    let r = check_text(
        "本年支出合计3926.89万元，其中：基本支出732万元，占19.6%；项目支出3194.89万元，占81.4%。\n",
    );
    let f = only(&r, "N102");
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "18.641", "19.6", "0.959");
    assert_eq!(f.tolerance, Some(d("0.05")));
}

#[test]
fn n102_named_base_is_found_in_another_sentence() {
    let r = check_text("本年支出合计3926.89万元。\n财政拨款支出3895.53万元，占本年支出的99%。\n");
    assert_clean(&r, "N102");
    assert_checked(
        &r,
        "N102",
        "3895.53万元 / 3926.89万元 = 99.2% ≈ 99%",
        Outcome::Exact,
    );

    let text = "本年支出合计3926.89万元。\n财政拨款支出3895.53万元，占本年支出的95%。\n";
    let r = check_text(text);
    let f = only(&r, "N102");
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "99.2", "95", "-4.2");
    assert_eq!(at(text, f.location.span), "3895.53万元，占本年支出的95%");
    assert_eq!(
        f.location.sentence.as_deref(),
        Some("财政拨款支出3895.53万元，占本年支出的95%。")
    );
}

#[test]
fn n102_share_within_its_rounding_interval_passes() {
    // 700.64 / 3895.53 = 17.99%, printed 18%.
    let r = check_text(
        "财政拨款支出3895.53万元，其中：基本支出700.64万元，占18%；项目支出3194.89万元，占82%。\n",
    );
    assert_clean(&r, "N102");
    assert_checked(
        &r,
        "N102",
        "700.64万元 / 3895.53万元 = 17.99% ≈ 18%",
        Outcome::Exact,
    );
    assert_checked(
        &r,
        "N102",
        "3194.89万元 / 3895.53万元 = 82.01% ≈ 82%",
        Outcome::Exact,
    );
}

#[test]
fn n102_a_truncated_share_is_a_warning_that_says_so() {
    // The real 规划和自然资源局 2024 决算: 9746.50 / 9759.38 = 99.868%, printed 99.86% — cut off
    // at two decimals, not rounded (99.87%); the figures themselves agree.
    let text =
        "本年支出合计9759.38万元。\n一般公共预算财政拨款支出9746.50万元，占本年支出的99.86%。\n";
    let r = check_text(text);
    let f = only(&r, "N102");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.zh.contains("截尾"), "{}", f.message.zh);
    assert!(f.message.en.contains("truncated"), "{}", f.message.en);
    assert!(
        f.message.zh.ends_with("四舍五入应为 99.87%"),
        "{}",
        f.message.zh
    );
    assert_figures(f, "99.868", "99.86", "-0.008");
    assert_checked(
        &r,
        "N102",
        "9746.50万元 / 9759.38万元 = 99.868% ≈ 99.86%",
        Outcome::Broken,
    );
}

#[test]
fn n102_a_break_beyond_truncation_stays_an_error() {
    // 99.85% is more than one step below 99.868%: no truncation gives it.
    let text =
        "本年支出合计9759.38万元。\n一般公共预算财政拨款支出9746.50万元，占本年支出的99.85%。\n";
    let f = only(&check_text(text), "N102").clone();
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.zh.starts_with("占比与数字不符"),
        "{}",
        f.message.zh
    );
    // 6 / 1000 = 0.60%, printed 0.06%: a slipped decimal point, not a truncation.
    let text = "本年支出合计1000万元。\n公用经费6万元，占本年支出的0.06%。\n";
    let f = only(&check_text(text), "N102").clone();
    assert_eq!(f.severity, Severity::Error);
    assert_figures(&f, "0.6", "0.06", "-0.54");
}

/// The breakdown of the real 区委社会工作部 2024 决算, with its last share as printed.
fn breakdown(last: &str) -> String {
    format!(
        "一般公共预算财政拨款支出307.82万元，主要用于以下方面：一般公共服务支出（类）264.87万元，\
         占86.05%；社会保障和就业支出（类）10.82万元，占3.52%；卫生健康支出（类）2.71万元，\
         占0.88%；住房保障支出（类）29.42万元，占{last}%。\n"
    )
}

#[test]
fn n102_a_share_adjusted_so_the_shares_add_up_is_a_warning_that_says_so() {
    // 29.42 / 307.82 = 9.5575% rounds to 9.56%, but 86.05 + 3.52 + 0.88 + 9.56 = 100.01: the
    // last share was printed 9.55% so that the four add up to 100.00%.
    let r = check_text(&breakdown("9.55"));
    let f = only(&r, "N102");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.zh.contains("为凑足100%调整"), "{}", f.message.zh);
    assert!(
        f.message.en.contains("adjusted to add up"),
        "{}",
        f.message.en
    );
    assert_figures(f, "9.5575", "9.55", "-0.0075");
    // Rounded, the shares add up to 100.01%: nothing to say.
    let r = check_text(&breakdown("9.56"));
    assert!(findings(&r, "N102").is_empty(), "{:#?}", r.findings);
}

#[test]
fn n102_a_share_that_neither_adds_up_nor_truncates_stays_an_error() {
    // 9.45% leaves the shares at 99.90% and is 0.1 below 9.5575%: a wrong share.
    let f = only(&check_text(&breakdown("9.45")), "N102").clone();
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.zh.starts_with("占比与数字不符"),
        "{}",
        f.message.zh
    );
}

// ---------------------------------------------------------------------------------------------
// N103 change
// ---------------------------------------------------------------------------------------------

#[test]
fn n103_correct_changes_pass() {
    let r = check_text("社会保障和就业支出1756.67万元，比2015年增加476.68万元，增长37%。\n");
    assert_clean(&r, "N103");
    assert_checked(
        &r,
        "N103",
        "476.68万元 / (1756.67万元 − 476.68万元) = 37.24% ≈ 37%",
        Outcome::Exact,
    );
    let r = check_text("卫生健康支出56.34万元，比上年减少13.29万元，下降19%。\n");
    assert_clean(&r, "N103");
    assert_checked(
        &r,
        "N103",
        "13.29万元 / (56.34万元 + 13.29万元) = 19.09% ≈ 19%",
        Outcome::Exact,
    );
}

#[test]
fn n103_wrong_rate_is_an_error() {
    let text = "社会保障和就业支出1756.67万元，比2015年增加476.68万元，增长47%。\n";
    let r = check_text(text);
    let f = only(&r, "N103");
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "37.24", "47", "9.76");
    assert_eq!(at(text, f.location.span), "增加476.68万元，增长47%");
    assert_checked(
        &r,
        "N103",
        "476.68万元 / (1756.67万元 − 476.68万元) = 37.24% ≈ 47%",
        Outcome::Broken,
    );
}

#[test]
fn n103_increase_with_a_falling_rate_is_an_error() {
    let text = "社会保障和就业支出1756.67万元，比2015年增加476.68万元，下降37%。\n";
    let r = check_text(text);
    let f = only(&r, "N103");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.zh.contains("方向"), "{}", f.message.zh);
    assert_eq!(at(text, f.location.span), "增加476.68万元，下降37%");
    assert_checked(&r, "N103", "Up ≠ Down", Outcome::Broken);
}

#[test]
fn n103_rate_from_a_zero_prior_year_is_an_error_never_100_percent() {
    let text = "本年支出合计100万元，比上年增加100万元，增长100%。\n";
    let r = check_text(text);
    let f = only(&r, "N103");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.zh.contains("为零或负数"), "{}", f.message.zh);
    assert_checked(&r, "N103", "100万元 / (100万元 − 100万元)", Outcome::Broken);
    assert!(
        !r.checked
            .iter()
            .any(|c| c.rule == "N103" && c.outcome != Outcome::Broken),
        "{:#?}",
        trace(&r)
    );
}

#[test]
fn n103_growth_from_zero_is_the_same_error_in_every_wording() {
    // Each says the prior year was 0 or nothing, and prints a rate from it. The real
    // 区委社会工作部 2024 决算 (a department new in 2024) words it the first way four times.
    let wordings = [
        (
            "机关运行经费支出10.23万元，比2023年度增加10.23万元，增长100.00%。",
            "上年数为 (10.23万元 − 10.23万元) = 0",
        ),
        (
            "机关运行经费支出10.23万元，上年执行数为0万元，增加10.23万元，增长100.00%。",
            "上年执行数为0万元，为零",
        ),
        (
            "机关运行经费支出10.23万元，上年执行数为0万元，比上年增加100.00%。",
            "上年执行数为0万元，为零",
        ),
        (
            "机关运行经费支出10.23万元，上年无此项支出，比上年增长100%。",
            "上年无此项",
        ),
    ];
    for (text, prior) in wordings {
        let r = check_text(&format!("{text}\n"));
        let f = only(&r, "N103");
        assert_eq!(f.severity, Severity::Error, "{text}");
        let zh = &f.message.zh;
        assert!(zh.starts_with("“机关运行经费支出”"), "{zh}");
        assert!(zh.contains(prior), "{text}: {zh}");
        assert!(
            zh.ends_with("增长率是变动额除以上年数，上年为零时无定义"),
            "{zh}"
        );
        assert!(f.message.en.contains("undefined"), "{}", f.message.en);
    }
}

#[test]
fn n103_growth_from_a_stated_prior_year_that_is_not_zero_passes() {
    // 上年执行数 5, increased by 5: 10 is 100% more than 5.
    let r = check_text("机关运行经费支出10万元，上年执行数为5万元，增加5万元，增长100%。\n");
    assert!(findings(&r, "N103").is_empty(), "{:#?}", r.findings);
    assert_checked(
        &r,
        "N103",
        "5万元 / 上年执行数为5万元 = 100% ≈ 100%",
        Outcome::Exact,
    );
    // A wrong rate from a stated prior year names this year's item, not “上年执行数为”:
    // 5.23 / 5 = 104.6%, printed 50%.
    let text = "机关运行经费支出10.23万元，上年执行数为5万元，增加5.23万元，增长50%。\n";
    let f = only(&check_text(text), "N103").clone();
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message
            .zh
            .starts_with("“机关运行经费支出”变动率与变动额不符"),
        "{}",
        f.message.zh
    );
    assert_figures(&f, "104.6", "50", "-54.6");
    // Saying there was none last year is no finding without a rate from it.
    let r = check_text("机关运行经费支出10.23万元，上年无此项支出。\n");
    assert!(findings(&r, "N103").is_empty(), "{:#?}", r.findings);
}

// ---------------------------------------------------------------------------------------------
// N104 budget execution
// ---------------------------------------------------------------------------------------------

const BUDGET: &str =
    "（一）社会保障和就业支出（类）年初预算为200万元，支出决算为180万元，完成年初预算的";

#[test]
fn n104_budget_execution_that_agrees_passes() {
    let r = check_text(&format!(
        "{BUDGET}90%。决算数小于预算数的主要原因：部分项目结转下年实施。\n"
    ));
    assert_clean(&r, "N104");
    assert_checked(&r, "N104", "180万元 / 200万元 = 90% ≈ 90%", Outcome::Exact);
    assert_checked(&r, "N104", "180万元 vs 200万元 (Less)", Outcome::Exact);
}

#[test]
fn n104_wrong_completion_rate_is_an_error() {
    let text = format!("{BUDGET}95%。决算数小于预算数的主要原因：部分项目结转下年实施。\n");
    let r = check_text(&text);
    let f = only(&r, "N104");
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "90", "95", "5");
    assert_eq!(at(&text, f.location.span), "180万元，完成年初预算的95%");
    assert_checked(&r, "N104", "180万元 vs 200万元 (Less)", Outcome::Exact);
}

#[test]
fn n104_wording_greater_with_a_smaller_final_is_an_error() {
    let text = format!("{BUDGET}90%。决算数大于预算数的主要原因：追加预算。\n");
    let r = check_text(&text);
    let f = only(&r, "N104");
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "200", "180", "-20");
    assert_eq!(at(&text, f.location.span), "大于预算");
    assert_checked(&r, "N104", "180万元 vs 200万元 (Greater)", Outcome::Broken);
    assert_checked(&r, "N104", "180万元 / 200万元 = 90% ≈ 90%", Outcome::Exact);
}

// ---------------------------------------------------------------------------------------------
// N105 restatement
// ---------------------------------------------------------------------------------------------

#[test]
fn n105_restatement_within_rounding_is_info() {
    let text = "基本支出700.64万元，主要用于保障机构正常运转。\n2016年度基本支出700.65万元，其中：人员经费595.28万元，公用经费105.37万元。\n";
    let r = check_text(text);
    let f = only(&r, "N105");
    assert_eq!(f.severity, Severity::Info);
    assert_figures(f, "700.64", "700.65", "0.01");
    assert_eq!(at(text, f.location.span), "700.65万元");
    assert_eq!(f.related.len(), 1, "{f:#?}");
    assert_eq!(at(text, f.related[0].span), "700.64万元");
    assert!(r.findings.iter().all(|f| f.severity == Severity::Info));
    assert_checked(&r, "N105", "700.65 = 700.64", Outcome::Rounding);
}

#[test]
fn n105_restatement_beyond_rounding_is_an_error() {
    let text = "基本支出700.64万元，主要用于保障机构正常运转。\n2016年度基本支出710.64万元，其中：人员经费605.27万元，公用经费105.37万元。\n";
    let r = check_text(text);
    let f = only(&r, "N105");
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "700.64", "710.64", "10");
    assert_eq!(at(text, f.location.span), "710.64万元");
    assert_eq!(at(text, f.related[0].span), "700.64万元");
    assert_checked(&r, "N105", "710.64 = 700.64", Outcome::Broken);
}

#[test]
fn n105_different_scopes_are_not_restatements() {
    let r = check_text(
        "本年支出合计3926.89万元，其中：基本支出732万元，项目支出3194.89万元。\n财政拨款支出3895.53万元，其中：基本支出700.64万元，项目支出3194.89万元。\n",
    );
    assert!(findings(&r, "N105").is_empty(), "{:#?}", r.findings);
    assert!(
        !r.checked.iter().any(|c| c.rule == "N105"),
        "{:#?}",
        trace(&r)
    );
    assert_checked(&r, "N101", "3926.89 = 732 + 3194.89", Outcome::Exact);
    assert_checked(&r, "N101", "3895.53 = 700.64 + 3194.89", Outcome::Exact);
}

// ---------------------------------------------------------------------------------------------
// N106 balance, N107 listing, N108 placeholders, N109 机关运行经费
// ---------------------------------------------------------------------------------------------

#[test]
fn n106_balance_sentence() {
    let r = check_text(
        "2016年度收入3997.99万元，上年结转结余2.6万元，支出总计3926.89万元，年末结转结余73.7万元。\n",
    );
    assert_clean(&r, "N106");
    assert_checked(&r, "N106", "3997.99 + 2.6 = 3926.89 + 73.7", Outcome::Exact);

    let text = "2016年度收入3997.99万元，上年结转结余2.6万元，支出总计3926.89万元，年末结转结余83.7万元。\n";
    let r = check_text(text);
    let f = only(&r, "N106");
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "4007.99", "3997.99", "-10");
    assert_eq!(at(text, f.location.span), "3997.99万元");
    let related: Vec<String> = f.related.iter().map(|l| at(text, l.span)).collect();
    for x in ["3926.89万元", "83.7万元", "2.6万元"] {
        assert!(related.iter().any(|r| r == x), "{x} not in {related:?}");
    }
    assert_checked(
        &r,
        "N106",
        "3997.99 + 2.6 = 3926.89 + 83.7",
        Outcome::Broken,
    );
}

#[test]
fn n107_listing_counts_its_lines() {
    let r = check_text(
        "本部门所属单位共3个，详细情况见下表：\n谯城区人力资源和社会保障局\n谯城区就业服务中心\n谯城区社会保险事业管理局\n",
    );
    assert_clean(&r, "N107");
    assert_checked(&r, "N107", "3个 = 3 行", Outcome::Exact);

    let text =
        "本部门所属单位共3个，详细情况见下表：\n谯城区人力资源和社会保障局\n谯城区就业服务中心\n";
    let r = check_text(text);
    let f = only(&r, "N107");
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "2", "3", "1");
    assert_eq!(at(text, f.location.span), "3个");
    assert_checked(&r, "N107", "3个 = 2 行", Outcome::Broken);
}

#[test]
fn n108_template_leftovers_are_warnings_naming_their_text() {
    let text = "截止到日，本部门共有车辆2辆。\n本年收入合计XX万元，比上年增长（下降）5%。\n";
    let r = check_text(text);
    let f = findings(&r, "N108");
    assert_eq!(f.len(), 3, "{:#?}", r.findings);
    assert!(f.iter().all(|f| f.severity == Severity::Warning));
    let named: Vec<String> = f.iter().map(|f| at(text, f.location.span)).collect();
    assert_eq!(named[0], "截止到日");
    // The XX blank itself, not the 计 of 合计 before it.
    assert_eq!(named[1], "XX");
    assert_eq!(named[2], "增长（下降）");
    for (f, n) in f.iter().zip(&named) {
        assert!(
            f.message.zh.contains(n.as_str()),
            "{} lacks {n}",
            f.message.zh
        );
    }
    assert_eq!(
        f[2].location.sentence.as_deref(),
        Some("本年收入合计XX万元，比上年增长（下降）5%。")
    );

    let r = check_text("截至2016年12月31日，本部门共有车辆2辆。本年收入合计3997.99万元。\n");
    assert!(findings(&r, "N108").is_empty(), "{:#?}", r.findings);
}

#[test]
fn n108_a_reason_or_an_amount_left_blank() {
    let text = "基本支出比上年减少13.29万元，主要原因是。项目支出 万元。\n";
    let r = check_text(text);
    let named: Vec<String> = findings(&r, "N108")
        .iter()
        .map(|f| at(text, f.location.span))
        .collect();
    assert_eq!(named, ["原因是。", " 万元"], "{:#?}", r.findings);

    let filled = "基本支出比上年减少13.29万元，主要原因是人员减少。项目支出603.14万元。\n";
    assert!(findings(&check_text(filled), "N108").is_empty());
}

#[test]
fn n110_doubled_punctuation_and_unbalanced_quotes_are_warnings_with_their_span() {
    // The 2018 budget of 江苏省人大办公厅 prints “减少了该项支出。 。” (p.25); the rest is made up.
    let text = "不再列入本部门预算中，减少了该项支出。。\n“三公经费支出0.26万元。\n";
    let r = check_text(text);
    let f = findings(&r, "N110");
    assert_eq!(f.len(), 2, "{:#?}", r.findings);
    assert!(f.iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(at(text, f[0].location.span), "。。");
    assert_eq!(f[0].message.zh, "标点重复：“。。”");
    assert_eq!(at(text, f[1].location.span), "“");
    assert_eq!(
        f[1].location.sentence.as_deref(),
        Some("“三公经费支出0.26万元。")
    );

    let good = "“三公”经费支出0.26万元……主要用于公务接待——共2批次。\n";
    assert!(findings(&check_text(good), "N110").is_empty());
}

#[test]
fn n109_agency_operating_costs_above_public_expenses_warn() {
    let text = "2016年度机关运行经费110.37万元，公用经费105.37万元。\n";
    let r = check_text(text);
    let f = only(&r, "N109");
    assert_eq!(f.severity, Severity::Warning);
    assert_figures(f, "105.37", "110.37", "5");
    assert_eq!(at(text, f.location.span), "110.37万元");
    assert_eq!(at(text, f.related[0].span), "105.37万元");

    let r = check_text("2016年度机关运行经费105.37万元，公用经费105.37万元。\n");
    assert_clean(&r, "N109");
    assert_checked(&r, "N109", "105.37 = 105.37", Outcome::Exact);

    // Below 公用经费 is allowed.
    let r = check_text("2016年度机关运行经费95.37万元，公用经费105.37万元。\n");
    assert!(findings(&r, "N109").is_empty(), "{:#?}", r.findings);
}

// ---------------------------------------------------------------------------------------------
// N201 narrative vs tables
// ---------------------------------------------------------------------------------------------

/// The sample's tables and a text beside them, read as one document.
fn with_tables(text: &str) -> (Scratch, DocResult) {
    let s = Scratch::new("n201");
    std::fs::copy(TABLES, s.join("某局-2016-决算公开表.xlsx")).unwrap();
    s.write("某局-2016-决算说明.txt", text);
    let mut rs = check_paths(&[s.to_path_buf()]);
    assert_eq!(rs.len(), 1, "text and tables are one document");
    let r = rs.remove(0);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.document.as_ref().map(|d| d.narratives.len()), Some(1));
    (s, r)
}

#[test]
fn n201_figures_that_match_the_tables_pass() {
    let (_s, r) = with_tables(
        "本年收入合计3997.99万元，其中：财政拨款收入3966.63万元，占99.2%；其他收入31.36万元，占0.8%。\n",
    );
    assert!(
        findings(&r, "N201").is_empty(),
        "{:#?}",
        findings(&r, "N201")
    );
    assert!(
        r.findings
            .iter()
            .filter(|f| f.rule.starts_with('N'))
            .all(|f| f.severity != Severity::Error),
        "{:#?}",
        r.findings
    );
    for formula in ["3997.99 = 3997.99", "3966.63 = 3966.63", "31.36 = 31.36"] {
        assert_checked(&r, "N201", formula, Outcome::Exact);
    }
}

#[test]
fn n201_a_figure_the_tables_contradict_is_an_error_naming_the_cell() {
    let text = "本年收入合计3907.99万元。\n";
    let (_s, r) = with_tables(text);
    let f = only(&r, "N201");
    assert_eq!(f.severity, Severity::Error);
    assert_figures(f, "3997.99", "3907.99", "-90");
    assert_eq!(at(text, f.location.span), "3907.99万元");
    assert!(f.location.file.ends_with("某局-2016-决算说明.txt"));
    assert_eq!(f.table.as_deref(), Some("收入支出决算总表"));
    let cell = f
        .related
        .iter()
        .find(|l| l.cell.is_some())
        .expect("the table cell");
    assert_eq!(cell.sheet.as_deref(), Some("表1 收入支出决算总表"));
    assert_eq!(cell.cell.as_deref(), Some("C26"));
    assert!(cell.file.ends_with("某局-2016-决算公开表.xlsx"));
    assert_checked(&r, "N201", "3907.99 = 3997.99", Outcome::Broken);
}

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------

const INCOME: &str = "一、收入决算情况说明\n本年收入合计3997.99万元，其中：财政拨款收入3966.63万元，占99.2%；其他收入31.36万元，占0.8%。\n";

fn breakdowns(claims: &[Claim]) -> Vec<(Decimal, Vec<Decimal>)> {
    claims
        .iter()
        .filter_map(|c| match c {
            Claim::Breakdown { total, parts, .. } => Some((
                total.quantity.value(),
                parts.iter().map(|p| p.quantity.value()).collect(),
            )),
            _ => None,
        })
        .collect()
}

fn income_breakdown() -> Vec<(Decimal, Vec<Decimal>)> {
    vec![(d("3997.99"), vec![d("3966.63"), d("31.36")])]
}

#[test]
fn gbk_text_gives_the_claims_of_utf8() {
    let s = Scratch::new("gbk");
    let utf8 = load_narrative(&s.write("utf8.txt", INCOME)).unwrap();
    let (gbk_bytes, _, unmappable) = encoding_rs::GBK.encode(INCOME);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gbk_bytes).is_err(), "really GBK");
    let gbk = load_narrative(&s.write("gbk.txt", &gbk_bytes)).unwrap();
    assert_eq!(gbk.sentences, utf8.sentences);
    assert_eq!(gbk.claims, utf8.claims);
    assert_eq!(breakdowns(&gbk.claims), income_breakdown());
    let shares = gbk
        .claims
        .iter()
        .filter(|c| matches!(c, Claim::Share { .. }))
        .count();
    assert_eq!(shares, 2);

    let r = check_file(&s.join("gbk.txt"));
    assert_clean(&r, "N101");
    assert_checked(&r, "N101", "3997.99 = 3966.63 + 31.36", Outcome::Exact);
}

#[test]
fn html_page_is_read() {
    let s = Scratch::new("html");
    let html = "<html><head><meta charset=\"utf-8\"><style>p { margin: 0 }</style></head><body>\
        <h2>一、收入决算情况说明</h2>\
        <p>本年收入合计3997.99万元，其中：财政拨款收入3966.63万元，占99.2%；其他收入31.36万元，占0.8%。</p>\
        <p>本年支出合计&nbsp;3926.89万元，比上年增加1067.33万元，增长37.3%。</p>\
        <table><tr><th>项目</th><th>金额</th></tr><tr><td>本年支出合计</td><td>3926.89</td></tr></table>\
        <script>var total = '9999.99万元';</script></body></html>";
    let path = s.write("某局-2016-决算说明.html", html);
    let n = load_narrative(&path).unwrap();
    assert_eq!(breakdowns(&n.claims), income_breakdown());
    assert!(
        n.sentences
            .iter()
            .any(|x| x.text == "本年支出合计 3926.89万元，比上年增加1067.33万元，增长37.3%。"),
        "{:#?}",
        n.sentences
    );
    assert!(!n.sentences.iter().any(|x| x.text.contains("9999.99")));
    let r = check_file(&path);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_checked(&r, "N101", "3997.99 = 3966.63 + 31.36", Outcome::Exact);
    // 1067.33 / (3926.89 − 1067.33) = 37.32%.
    assert_checked(
        &r,
        "N103",
        "1067.33万元 / (3926.89万元 − 1067.33万元) = 37.325% ≈ 37.3%",
        Outcome::Exact,
    );
}

/// A minimal Word document: one paragraph per line.
fn docx(lines: &[&str]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
    )
    .unwrap();
    zip.start_file("word/document.xml", opts).unwrap();
    let mut body = String::new();
    for l in lines {
        // One run per clause, as Word splits them.
        body.push_str("<w:p>");
        for run in l.split_inclusive('，') {
            body.push_str(&format!(
                "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                run.replace('&', "&amp;")
            ));
        }
        body.push_str("</w:p>");
    }
    zip.write_all(
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
        .as_bytes(),
    )
    .unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn docx_is_read_and_its_claims_found() {
    let s = Scratch::new("docx");
    let path = s.write(
        "某局-2016-决算说明.docx",
        docx(&[
            "一、收入决算情况说明",
            "本年收入合计3997.99万元，其中：财政拨款收入3966.63万元，占99.2%；其他收入31.36万元，占0.8%。",
            "社会保障和就业支出1756.67万元，比2015年增加476.68万元，增长47%。",
        ]),
    );
    let n = load_narrative(&path).unwrap();
    assert_eq!(breakdowns(&n.claims), income_breakdown());
    assert!(
        n.sentences.iter().any(|x| x.text
            == "本年收入合计3997.99万元，其中：财政拨款收入3966.63万元，占99.2%；其他收入31.36万元，占0.8%。"),
        "{:#?}",
        n.sentences
    );
    let r = check_file(&path);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_checked(&r, "N101", "3997.99 = 3966.63 + 31.36", Outcome::Exact);
    let f = only(&r, "N103");
    assert_figures(f, "37.24", "47", "9.76");
    assert!(f.location.file.ends_with("某局-2016-决算说明.docx"));
}

#[test]
fn empty_text_is_read_error_empty() {
    let s = Scratch::new("empty");
    for (name, bytes) in [("空.txt", &b""[..]), ("空白.txt", &b"  \n\n\t\n"[..])] {
        let path = s.write(name, bytes);
        match load_narrative(&path) {
            Err(ReadError::Empty { file }) => assert!(file.ends_with(name), "{file}"),
            other => panic!("{name}: {other:?}"),
        }
        let r = check_file(&path);
        assert!(r.findings.is_empty());
        assert!(
            matches!(r.errors.as_slice(), [ReadError::Empty { .. }]),
            "{:?}",
            r.errors
        );
    }
}

#[test]
fn corrupt_docx_is_an_error_naming_the_file() {
    let s = Scratch::new("corrupt");
    let path = s.write("坏的说明.docx", b"PK\x03\x04 this is not a zip archive");
    let e = load_narrative(&path).unwrap_err();
    assert!(matches!(e, ReadError::Corrupt { .. }), "{e:?}");
    assert!(e.file().ends_with("坏的说明.docx"), "{e:?}");
    assert!(e.to_string().contains("坏的说明.docx"), "{e}");

    // A zip without word/document.xml is no Word document either.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let path = s.write("空壳.docx", bytes);
    let e = load_narrative(&path).unwrap_err();
    assert!(matches!(e, ReadError::Corrupt { .. }), "{e:?}");
    assert!(e.to_string().contains("空壳.docx"), "{e}");

    let r = check_file(&path);
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    assert!(r.errors[0].file().ends_with("空壳.docx"));
}

#[test]
fn quantities_keep_their_units() {
    let s = Scratch::new("units");
    let n = load_narrative(&s.write(
        "u.txt",
        "本年收入合计3,997.99万元。\n公务用车保有量2辆，单位共8个。\n",
    ))
    .unwrap();
    let amounts: Vec<(Decimal, Measure)> = n
        .claims
        .iter()
        .filter_map(|c| match c {
            Claim::Amount { mention } => {
                Some((mention.quantity.value(), mention.quantity.measure.clone()))
            }
            _ => None,
        })
        .collect();
    assert!(
        amounts.contains(&(d("3997.99"), Measure::Money(gouji::model::Unit::WanYuan))),
        "{amounts:?}"
    );
    assert!(amounts.contains(&(d("2"), Measure::Count("辆".into()))));
    assert!(amounts.contains(&(d("8"), Measure::Count("个".into()))));
}

// ---------------------------------------------------------------------------------------------
// Property: no text makes the reader or the rules panic
// ---------------------------------------------------------------------------------------------

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    ".",
    ",",
    "%",
    "％",
    "万元",
    "元",
    "亿元",
    "个",
    "辆",
    "其中",
    "其中：",
    "占",
    "比上年增加",
    "比2015年减少",
    "增长",
    "下降",
    "（1）",
    "(2)",
    "3、",
    "、",
    "，",
    "。",
    "：",
    "；",
    "\n",
    "\n\n",
    "本年收入合计",
    "本年支出合计",
    "基本支出",
    "项目支出",
    "财政拨款",
    "其他收入",
    "公用经费",
    "机关运行经费",
    "社会保障和就业支出",
    "年初预算为",
    "支出决算为",
    "完成年初预算的",
    "决算数大于预算数",
    "决算数小于预算数",
    "上年结转结余",
    "年末结转结余",
    "支出总计",
    "共",
    "详细情况见下表：",
    "具体情况如下：",
    "分别为",
    "XX",
    "截止到日",
    "增长（下降）",
    "占%",
    "为万元",
    "（",
    "）",
    " ",
    "\t",
    "\u{c}",
    "一、",
    "１２．５",
    "占本年支出的",
    "2016年度",
];

/// A random number as a 决算 prints them: 0, 7, 100, 3,997.99, 0.5 …
fn number(rng: &mut Lcg) -> String {
    let mut n = match rng.below(4) {
        0 => rng.below(10).to_string(),
        1 => rng.below(1000).to_string(),
        2 => format!("{},{:03}", 1 + rng.below(99), rng.below(1000)),
        _ => rng.below(100_000).to_string(),
    };
    if rng.below(2) == 0 {
        n.push('.');
        for _ in 0..rng.below(3) {
            n.push_str(&rng.below(10).to_string());
        }
    }
    n
}

/// A random text: mostly figures with units between the words of 决算 prose.
fn random_text(rng: &mut Lcg) -> String {
    const UNITS: &[&str] = &["万元", "万元", "元", "亿元", "%", "个", ""];
    let len = 1 + rng.below(60);
    let mut text = String::new();
    for _ in 0..len {
        if rng.below(3) == 0 {
            text.push_str(&number(rng));
            text.push_str(UNITS[rng.below(UNITS.len())]);
        } else {
            text.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    text
}

#[test]
fn random_texts_never_panic() {
    let s = Scratch::new("prop");
    let mut rng = Lcg(0x5eed_2016_0000_0001);
    for i in 0..400 {
        let text = random_text(&mut rng);
        let path = s.write(&format!("随机{i}.txt"), &text);
        let r = std::panic::catch_unwind(|| check_file(&path));
        match r {
            Ok(r) => {
                // Every finding names a span inside the text.
                let chars = text.chars().count();
                for f in &r.findings {
                    if let Some((a, b)) = f.location.span {
                        assert!(a <= b && b <= chars, "{f:#?} in {text:?}");
                    }
                }
            }
            Err(_) => panic!("panicked on {text:?}"),
        }
    }
}

#[test]
fn n111_years_that_fit_a_2016_final_account_pass() {
    // The reference narrative's own wording (谯城区人社局, 2016).
    let text = "谯城区人社局2016年度部门决算\n截至2016年12月31日，共有车辆2辆。本年收入合计3997.99万元，比2015年增加476.68万元，增长13.54%。与2015年相比，支出增加。\n";
    let r = check_text(text);
    assert_clean(&r, "N111");
    assert_checked(
        &r,
        "N111",
        "截至2016年12月31日: 2016 = 2016",
        Outcome::Exact,
    );
    assert_checked(&r, "N111", "比2015年增加: 2015 = 2015", Outcome::Exact);
}

#[test]
fn n111_a_year_carried_over_from_last_year_is_a_warning_naming_both() {
    // Last year's sentences left in this year's text: the balance date and the year compared.
    let text =
        "谯城区人社局2016年度部门决算\n截至2015年12月31日，共有车辆2辆。与2014年相比，支出增加。\n";
    let r = check_text(text);
    let f = findings(&r, "N111");
    assert_eq!(f.len(), 2, "{:#?}", r.findings);
    assert!(f.iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(at(text, f[0].location.span), "截至2015年12月31日");
    assert_eq!(
        f[0].message.zh,
        "年份与报告年度不符：“截至2015年12月31日”写的是 2015 年，2016 年度的公开应为 2016 年"
    );
    assert_eq!(at(text, f[1].location.span), "与2014年相比");
    assert!(
        f[1].message.zh.contains("应为 2015 年"),
        "{}",
        f[1].message.zh
    );
}

#[test]
fn n111_a_budget_dates_its_balances_at_the_end_of_the_year_before() {
    let s = Scratch::new("budget-years");
    let text = "某局2017年度部门预算\n截至2016年12月31日，共有车辆2辆。财政拨款收入比2016年预算增加10万元。\n";
    let r = check_file(&s.write("某局-2017-预算说明.txt", text));
    assert_clean(&r, "N111");
    assert_checked(
        &r,
        "N111",
        "截至2016年12月31日: 2016 = 2016",
        Outcome::Exact,
    );
}

#[test]
fn n201_a_figure_beside_a_blank_cell_has_no_counterpart() {
    // The sample's 总表 prints no 上级补助收入 (a blank cell, which is no figure, not 0).
    let (_s, r) = with_tables("本年收入合计3997.99万元，其中：上级补助收入12.00万元。\n");
    let f: Vec<_> = findings(&r, "N201")
        .into_iter()
        .filter(|f| f.message.zh.contains("空白"))
        .collect();
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].message.zh,
        "说明中的“上级补助收入”为 12.00万元，收入支出决算总表中对应的单元格为空白，没有可核对的数字"
    );
    assert_eq!(f[0].actual, Some(d("12.00")));
    // The blank cell under 金额, beside 二、上级补助收入 (财政拨款收入 3966.63 stands at C6).
    assert_eq!(f[0].related[0].cell.as_deref(), Some("C7"), "{:#?}", f[0]);

    // Saying 0 beside a blank says the same: nothing to report.
    let (_s, r) = with_tables("本年收入合计3997.99万元，其中：上级补助收入0万元。\n");
    assert!(
        !findings(&r, "N201")
            .iter()
            .any(|f| f.message.zh.contains("空白")),
        "{:#?}",
        r.findings
    );
}

#[test]
fn a_change_is_checked_against_its_own_current_figure_and_that_figure_against_the_table() {
    // The headline says 0 where the 总表 prints 3997.99; the change that follows is measured from
    // the headline's own 0 (a prior year of −476.68), so both breaks are reported.
    let (_s, r) =
        with_tables("2016年度收入合计0万元。与2015年相比，收入合计增加476.68万元，增长13.54%。\n");
    let table = findings(&r, "N201");
    assert!(
        table
            .iter()
            .any(|f| f.severity == Severity::Error && f.expected == Some(d("3997.99"))),
        "{:#?}",
        r.findings
    );
    let change = findings(&r, "N103");
    assert_eq!(change.len(), 1, "{:#?}", r.findings);
    assert_eq!(change[0].severity, Severity::Error);
}

#[test]
fn n103_growth_from_a_prior_year_stated_by_its_year() {
    // “2015年为0万元，增长100%” states the prior year by its number, with no 比 or 相比.
    let text = "2016年度机关运行经费支出10.23万元，2015年为0万元，增长100%。\n";
    let r = check_text(text);
    let f = findings(&r, "N103");
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!(f[0].severity, Severity::Error);
    assert!(
        f[0].message.zh.contains("上年为零时无定义"),
        "{}",
        f[0].message.zh
    );
}
