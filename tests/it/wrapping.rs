//! Claims that are a property of a narrative's text, not of where its lines wrap: the real 财政局
//! sentence the printer cut before “（类）”, and every narrative the tests can read re-wrapped at
//! random widths with page breaks, page numbers and running heads between.

use gouji::check::Severity;
use gouji::run::check_file;

use super::common::d;
use super::pdf::real;

/// The 财政局 2024 决算 prints, on page 21, “一般公共预算财政拨款支出2940.05万元，主要用于以下方面：
/// 一般公共服务支出” and, on the next line, “（类）2106.66万元，占71.73%；…”. The “（类）” goes on
/// with the name before it, so the share is read against the 2940.05 of its sentence:
/// 2106.66 / 2940.05 = 71.65%, not the 71.73% printed — a true error. The other three shares
/// of the sentence hold (326.72 → 11.11%, 60.99 → 2.07%, 445.69 → 15.16%), and its four parts
/// sum to 2940.06 (a 0.01 rounding gap).
#[test]
fn the_finance_bureau_share_cut_before_its_class_is_checked() {
    let Some(p) = real("财政局-2024-决算.pdf") else {
        return;
    };
    let r = check_file(&p);
    let shares: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "N102" && f.severity == Severity::Error)
        .collect();
    assert_eq!(shares.len(), 1, "{shares:#?}");
    let f = shares[0];
    assert_eq!(f.actual, Some(d("71.73")));
    assert_eq!(f.expected, Some(d("71.6539")));
    assert_eq!(f.location.page, Some(21));
    let sentence = f.location.sentence.as_deref().unwrap_or_default();
    assert!(
        sentence.contains("一般公共服务支出（类）2106.66万元，占71.73%"),
        "{sentence}"
    );
    // No other error: the tables' gaps are 0.01–0.02 roundings.
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule)
        .collect();
    assert_eq!(errors, ["N102"]);
}
