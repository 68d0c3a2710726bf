//! The narrative's percentages: a share of its base (N102), a change rate over the prior year
//! (N103) and a budget completion rate with its comparison wording (N104). Each printed
//! percentage is checked at the precision it is printed with.

use rust_decimal::Decimal;

use crate::check::{ratio, round_half_up, rule, Context, Finding, Outcome, Ratio, Rule, Severity};
use crate::model::narrative::{Claim, Comparison, Concept, Item, Mention, Quantity, ShareBase};
use crate::model::{Document, Figure, Location, Narrative};

use super::figures::{
    from_nothing, prior_year, resolve, this_year, three_public_in_sentence, Resolved,
};
use super::findings::{
    ComparisonWordWrong, CompletionMismatch, DirectionDisagrees, PercentSlip, RateMismatch,
    ShareMismatch, Slip, Wording, ZeroPriorYear,
};
use super::{claims, in_unit, location, pct, unit_of};

rule! {
    /// A share “占X%” equals its part over its base, at the precision X is printed with (占18%
    /// allows 17.5–18.5%, 2.10% allows 2.095–2.105%). The base is the one named (“占本年支出的99%”):
    /// the figure the share's own sentence states for it, else one the text states elsewhere — a
    /// figure of another sentence only when the concept dictionary ties both its label and the
    /// name after 占 to one item, and the finding names that label and its page — else the tables'.
    /// The “三公” total (占“三公”经费的26.69%) is the sum of the three items the sentence states
    /// (出国 + 车 + 接待), whatever other total a department divided by. An unnamed base is the
    /// total of the 其中 breakdown the part belongs to. A share whose base
    /// cannot be told is listed by `extract` only.
    /// A share its figures do not round to is a warning, not an error, when a printing habit
    /// explains it: cut off at its decimals (99.86% for 99.868%: “truncated”), or, among shares of
    /// one base in one sentence that add up to exactly 100%, off by no more than their rounding
    /// together (9.55% for 9.5575%: “adjusted to add up”). 0.06% for 0.60% stays an error.
    ShareOfBase = "N102", "narrative-share", Error;
}

rule! {
    /// A change from the prior year (“比2015年增加476.68万元，增长37%”) is consistent: the prior year
    /// is the current figure minus the increase (plus the decrease), and the rate is the change over
    /// the prior year at its printed precision; the direction words agree (增加 with 增长, 减少 with
    /// 下降/降低). A rate “from” a zero or absent prior year is an error, never 100%, however it
    /// is worded (增加X万元，增长100% where X is the whole figure; 上年执行数为0万元…增加100.00%;
    /// 上年无此项支出…增长100%): a rate is the change over the prior year, undefined from zero,
    /// so the text should say “上年无此项支出” and print no rate. A prior-year figure the
    /// sentence states (上年执行数为5万元) is the base the rate is checked against. The current
    /// figure is the one the sentence states, else the one the text states for that item
    /// (收支总计 = 收入 + 年初结转和结余 when only those are stated), else the tables'. A rate cut off
    /// at its decimals instead of rounded is a warning that says so (as for N102).
    ChangeRate = "N103", "narrative-change-rate", Error;
}

rule! {
    /// Budget execution (“年初预算为A万元，支出决算为B万元，完成年初预算的X%”): X = B / A, and the
    /// wording 决算数大于/小于/等于(基本持平)预算数 agrees with the two figures. A rate cut off at its
    /// decimals instead of rounded is a warning that says so (as for N102).
    BudgetExecution = "N104", "narrative-budget-execution", Error;
}

/// A percentage the text prints, against the ratio of the figures it should follow from.
struct PrintedPercent<'a> {
    printed: &'a Quantity,
    ratio: Ratio,
    /// For a share: how many shares of its base the text prints, when they add up to exactly
    /// 100% (one of them may have been moved so that they do).
    adds_up: Option<usize>,
}

impl PrintedPercent<'_> {
    /// The check as the trace shows it: `31.36 / 3997.99 = 0.7844% ≈ 0.78%`.
    fn formula(&self, numerator: &str, denominator: &str) -> String {
        let places = self.printed.figure.step.normalize().scale();
        let computed = pct(self.ratio.computed, places);
        format!(
            "{numerator} / {denominator} = {computed}% ≈ {}",
            self.printed.raw
        )
    }

    /// The percentage the figures give, rounded as the printed one is.
    fn should_be(&self) -> Decimal {
        self.ratio.rounded.normalize()
    }

    /// What explains a percentage its figures do not round to, if anything does: the shares of
    /// one base printed to add up to exactly 100% allow one of them to be off by the rounding of
    /// all of them (n half-steps); a percentage cut off at its decimals lies at most one step
    /// below the true one. A break beyond both (0.06% for 0.60%) is none of these.
    fn slip(&self) -> Option<Slip> {
        let (p, step) = (self.printed.figure.value, self.printed.figure.step);
        let (low, high) = (self.ratio.low, self.ratio.high);
        if let Some(n) = self.adds_up {
            let reach = self.printed.figure.half_step() * Decimal::from(n);
            if low - reach <= p && p <= high + reach {
                return Some(Slip::AdjustedToAddUp);
            }
        }
        (p >= Decimal::ZERO && p <= high && low < p + step).then_some(Slip::Truncated)
    }

    /// Records the check under `formula`, with a finding at `at` worded by `wording` unless the
    /// printed percentage is exactly the computed one (a gap rounding explains is `info`).
    fn record(
        self,
        cx: &mut Context,
        rule: &'static str,
        at: Location,
        formula: String,
        wording: &dyn Wording,
    ) {
        let outcome = self.ratio.outcome;
        let slip = (outcome == Outcome::Broken).then(|| self.slip()).flatten();
        let severity = match (outcome, slip) {
            (Outcome::Exact, _) => None,
            (Outcome::Rounding, _) => Some(Severity::Info),
            (Outcome::Broken, Some(_)) => Some(Severity::Warning),
            (Outcome::Broken, None) => Some(Severity::Error),
        };
        let message = match slip {
            Some(slip) => PercentSlip {
                slip,
                formula: formula.clone(),
                should_be: self.should_be(),
            }
            .message(),
            None => wording.message(),
        };
        let finding = severity.map(|severity| {
            let stated = self.printed.figure;
            let places = stated.step.normalize().scale();
            let expected = round_half_up(self.ratio.computed, places + 2).normalize();
            let mut f = Finding::new(rule, severity, at, message);
            f.expected = Some(expected);
            f.actual = Some(stated.value);
            f.difference = Some(stated.value - expected);
            f.tolerance = Some(stated.half_step());
            f
        });
        cx.verdict(rule, formula, outcome, finding);
    }
}

/// A share as the text prints it, with its base found.
struct Share<'d> {
    narrative: &'d Narrative,
    part: &'d Mention,
    percent: &'d Quantity,
    base: Resolved,
    /// The base as the finding names it: the words after 占 and the figure they were found to
    /// mean, with the label and page of a figure stated in another sentence.
    named: String,
    sentence: usize,
    /// Where the total of the 其中 the part belongs to stands, for a share of it.
    total: Option<(usize, usize)>,
}

/// The figure a share's named base (占本年支出合计的100%) stands for: the one its own sentence
/// states for that concept (for the “三公” total, the sum of its three items the sentence
/// states), else the one the text states elsewhere (a figure of another sentence only by the
/// concept the dictionary ties its label to, named with that label and its page), else the
/// tables'. With how the finding names it.
fn named_base(
    doc: &Document,
    n: &Narrative,
    c: &Concept,
    part: &Mention,
) -> Option<(Resolved, String)> {
    let same_sentence = super::amounts(n).find(|m| {
        m.concept.as_ref() == Some(c)
            && m.sentence == part.sentence
            && m.quantity.span != part.quantity.span
    });
    if let Some(m) = same_sentence {
        let r = Resolved {
            figure: m.quantity.figure,
            unit: unit_of(&m.quantity),
            shown: m.quantity.raw.clone(),
        };
        return Some((r, format!(" {}", m.quantity.raw)));
    }
    if c.item == Item::ThreePublicTotal {
        if let Some(r) = three_public_in_sentence(n, c.scope, part.sentence) {
            return Some((r.clone(), format!(" {}", r.shown)));
        }
    }
    let r = resolve(doc, n, c, part.quantity.span.0)?;
    let stated = super::amounts(n)
        .filter(|m| m.concept.as_ref() == Some(c) && m.quantity.raw == r.shown)
        .min_by_key(|m| m.quantity.span.0.abs_diff(part.quantity.span.0));
    let named = match stated {
        Some(m) => {
            let page = n.sentences.get(m.sentence).and_then(|s| s.page);
            let at = page.map(|p| format!("，p.{p}")).unwrap_or_default();
            format!("（{}{at}）{}", m.subject, r.shown)
        }
        None => format!(" {}", r.shown),
    };
    Some((r, named))
}

impl<'d> Share<'d> {
    /// Every share of the document whose base can be told.
    fn all(doc: &'d Document) -> Vec<Share<'d>> {
        let mut shares = Vec::new();
        for (n, claim) in claims(doc) {
            let Claim::Share {
                part,
                percent,
                base,
                sentence,
            } = claim
            else {
                continue;
            };
            let total = match base {
                ShareBase::Total(t) => Some(t.quantity.span),
                ShareBase::Named { .. } => None,
            };
            let (base, named) = match base {
                ShareBase::Total(t) => (
                    Resolved {
                        figure: t.quantity.figure,
                        unit: unit_of(&t.quantity),
                        shown: t.quantity.raw.clone(),
                    },
                    t.quantity.raw.clone(),
                ),
                ShareBase::Named {
                    concept: Some(c),
                    label,
                } => match named_base(doc, n, c, part) {
                    Some(base) => {
                        let label = label.replace(['“', '”'], "");
                        let named = format!("“{label}”{}", base.1);
                        (base.0, named)
                    }
                    None => continue,
                },
                ShareBase::Named { .. } => continue,
            };
            shares.push(Share {
                narrative: n,
                part,
                percent,
                base,
                named,
                sentence: *sentence,
                total,
            });
        }
        shares
    }

    /// The shares of one base printed in one sentence, or of one 其中 whose parts run on one a
    /// line (其中：…占A%；\n…占B%；), are a set that may have been made to add up to 100%.
    fn same_base(&self, other: &Share) -> bool {
        let one_set = match (self.total, other.total) {
            (Some(a), Some(b)) => a == b,
            _ => self.sentence == other.sentence,
        };
        std::ptr::eq(self.narrative, other.narrative)
            && one_set
            && self.base.shown == other.base.shown
            && self.base.figure.value == other.base.figure.value
    }
}

/// How many shares of each share's base its sentence prints, where they add up to exactly 100%
/// (and there are at least two).
fn adding_up(shares: &[Share]) -> Vec<Option<usize>> {
    shares
        .iter()
        .map(|s| {
            let set: Vec<&Share> = shares.iter().filter(|o| s.same_base(o)).collect();
            let total: Decimal = set.iter().map(|o| o.percent.figure.value).sum();
            (set.len() > 1 && total == Decimal::ONE_HUNDRED).then_some(set.len())
        })
        .collect()
}

impl Rule for ShareOfBase {
    fn check(&self, cx: &mut Context) {
        let shares = Share::all(cx.doc);
        for (share, adds_up) in shares.iter().zip(adding_up(&shares)) {
            let (part, percent, base) = (share.part, share.percent, &share.base);
            let Some(part_figure) =
                in_unit(part.quantity.figure, unit_of(&part.quantity), base.unit)
            else {
                continue;
            };
            let Some(r) = ratio(part_figure, base.figure, percent.figure) else {
                continue;
            };
            let check = PrintedPercent {
                printed: percent,
                ratio: r,
                adds_up,
            };
            let formula = check.formula(&part.quantity.raw, &base.shown);
            let wording = ShareMismatch {
                formula: formula.clone(),
                should_be: check.should_be(),
                base_label: share.named.clone(),
            };
            let span = (part.quantity.span.0, percent.span.1);
            let at = location(share.narrative, span, share.sentence);
            check.record(cx, Self::META.code, at, formula, &wording);
        }
    }
}

impl Rule for ChangeRate {
    fn check(&self, cx: &mut Context) {
        for (n, claim) in claims(cx.doc) {
            let Claim::Change {
                subject,
                delta,
                direction,
                rate,
                rate_direction,
                sentence,
                span,
                ..
            } = claim
            else {
                continue;
            };
            let here = location(n, *span, *sentence);
            // Named by the figure of this year, never by a prior-year label or by nothing.
            let subject = &this_year(cx.doc, n, claim).unwrap_or_else(|| subject.clone());
            if let (Some(rd), true) = (rate_direction, delta.is_some()) {
                if rd != direction {
                    let wording = DirectionDisagrees {
                        subject: subject.clone(),
                        amount: *direction,
                        rate: *rd,
                    };
                    let f = Finding::new(Self::META.code, Severity::Error, here, wording.message());
                    let formula = format!("{:?} ≠ {:?}", direction, rd);
                    cx.verdict(Self::META.code, formula, Outcome::Broken, Some(f));
                    continue;
                }
            }
            let Some(rate) = rate else {
                continue;
            };
            let Some(delta) = delta else {
                if let Some(wording) = from_nothing(cx.doc, n, claim) {
                    let formula = format!("{} / {}", rate.raw, wording.prior_shown);
                    wording.report(cx, here, formula);
                }
                continue;
            };
            let Some(years) = prior_year(cx.doc, n, claim) else {
                continue;
            };
            let prior_shown = years.prior_shown.clone();
            let Some(r) = ratio(years.change, years.prior, rate.figure) else {
                let wording = ZeroPriorYear {
                    subject: subject.clone(),
                    prior: Some(years.prior.value),
                    rate: rate.raw.clone(),
                    prior_shown: prior_shown.clone(),
                };
                wording.report(cx, here, format!("{} / {prior_shown}", delta.raw));
                continue;
            };
            let check = PrintedPercent {
                printed: rate,
                ratio: r,
                adds_up: None,
            };
            let formula = check.formula(&delta.raw, &prior_shown);
            let wording = RateMismatch {
                subject: subject.clone(),
                formula: formula.clone(),
                should_be: check.should_be(),
            };
            check.record(cx, Self::META.code, here, formula, &wording);
        }
    }
}

impl ZeroPriorYear {
    /// A rate from nothing is an error of wording in every form it takes: the rate is undefined.
    fn report(&self, cx: &mut Context, at: Location, formula: String) {
        let rule = ChangeRate::META.code;
        let f = Finding::new(rule, Severity::Error, at, self.message());
        cx.verdict(rule, formula, Outcome::Broken, Some(f));
    }
}

/// A budget execution claim, with its final figure in the budget's unit.
struct Execution<'a> {
    narrative: &'a Narrative,
    subject: &'a str,
    budget: &'a Quantity,
    final_: &'a Quantity,
    /// The final figure in the budget's unit.
    spent: Figure,
    sentence: usize,
}

impl Rule for BudgetExecution {
    fn check(&self, cx: &mut Context) {
        for (n, claim) in claims(cx.doc) {
            let Claim::Budget {
                subject,
                budget,
                final_,
                rate,
                wording,
                sentence,
                ..
            } = claim
            else {
                continue;
            };
            let Some(spent) = in_unit(final_.figure, unit_of(final_), unit_of(budget)) else {
                continue;
            };
            let execution = Execution {
                narrative: n,
                subject,
                budget,
                final_,
                spent,
                sentence: *sentence,
            };
            if let Some(rate) = rate {
                execution.completion(cx, rate);
            }
            if let Some((said, span)) = wording {
                execution.comparison(cx, *said, *span);
            }
        }
    }
}

impl Execution<'_> {
    /// 完成年初预算的X%: X = final / budget.
    fn completion(&self, cx: &mut Context, rate: &Quantity) {
        let Some(r) = ratio(self.spent, self.budget.figure, rate.figure) else {
            return;
        };
        let check = PrintedPercent {
            printed: rate,
            ratio: r,
            adds_up: None,
        };
        let formula = check.formula(&self.final_.raw, &self.budget.raw);
        let wording = CompletionMismatch {
            formula: formula.clone(),
            should_be: check.should_be(),
        };
        let at = location(
            self.narrative,
            (self.final_.span.0, rate.span.1),
            self.sentence,
        );
        check.record(cx, BudgetExecution::META.code, at, formula, &wording);
    }

    /// 决算数大于/小于/等于预算数: “equal” allows rounding or 1% of the budget (基本持平).
    fn comparison(&self, cx: &mut Context, said: Comparison, span: (usize, usize)) {
        let rule = BudgetExecution::META.code;
        let budget = self.budget.figure;
        let gap = self.spent.value - budget.value;
        let slack = self.spent.half_step() + budget.half_step();
        let roughly_equal = gap.abs() <= slack.max(budget.value.abs() / Decimal::ONE_HUNDRED);
        let holds = match said {
            Comparison::Greater => gap > slack,
            Comparison::Less => gap < -slack,
            Comparison::Equal => roughly_equal,
        };
        let formula = format!("{} vs {} ({said:?})", self.final_.raw, self.budget.raw);
        if holds {
            cx.verdict(rule, formula, Outcome::Exact, None);
            return;
        }
        let wording = ComparisonWordWrong {
            subject: self.subject.to_string(),
            said,
            final_: self.final_.raw.clone(),
            budget: self.budget.raw.clone(),
        };
        let at = location(self.narrative, span, self.sentence);
        let mut f = Finding::new(rule, Severity::Error, at, wording.message());
        f.expected = Some(budget.value);
        f.actual = Some(self.spent.value);
        f.difference = Some(gap);
        cx.verdict(rule, formula, Outcome::Broken, Some(f));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::narrative::Measure;
    use crate::model::Document;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn percent(value: &str) -> Quantity {
        Quantity {
            figure: Figure::from_decimal(d(value)),
            measure: Measure::Percent,
            span: (20, 25),
            raw: format!("{value}%"),
        }
    }

    /// 其他收入 `part`万元 of 本年收入 3997.99万元, printed as `printed`%: the check as recorded.
    fn share<'d>(doc: &'d Document, part: &str, printed: &str) -> (String, Context<'d>) {
        let printed = percent(printed);
        let figures = (
            Figure::from_decimal(d(part)),
            Figure::from_decimal(d("3997.99")),
        );
        let check = PrintedPercent {
            printed: &printed,
            ratio: ratio(figures.0, figures.1, printed.figure).unwrap(),
            adds_up: None,
        };
        let formula = check.formula(&format!("{part}万元"), "3997.99万元");
        let wording = ShareMismatch {
            formula: formula.clone(),
            base_label: "3997.99万元".into(),
            should_be: check.should_be(),
        };
        let mut cx = Context::new(doc);
        let at = Location {
            file: "说明.txt".into(),
            span: Some((0, 25)),
            ..Location::default()
        };
        check.record(
            &mut cx,
            ShareOfBase::META.code,
            at,
            formula.clone(),
            &wording,
        );
        (formula, cx)
    }

    #[test]
    fn an_exact_percentage_is_recorded_without_a_finding() {
        let doc = Document::default();
        let (formula, cx) = share(&doc, "31.36", "0.8");
        assert_eq!(formula, "31.36万元 / 3997.99万元 = 0.784% ≈ 0.8%");
        assert_eq!(cx.checked.len(), 1);
        assert_eq!(cx.checked[0].outcome, Outcome::Exact);
        assert_eq!(cx.checked[0].formula(), formula);
        assert!(cx.findings.is_empty());
    }

    #[test]
    fn a_wrong_percentage_is_an_error_with_the_computed_one_expected() {
        let doc = Document::default();
        let (formula, cx) = share(&doc, "31.36", "0.9");
        assert_eq!(formula, "31.36万元 / 3997.99万元 = 0.784% ≈ 0.9%");
        assert_eq!(cx.checked[0].outcome, Outcome::Broken);
        let f = &cx.findings[0];
        assert_eq!((f.rule, f.severity), ("N102", Severity::Error));
        assert_eq!(f.expected, Some(d("0.784")));
        assert_eq!(f.actual, Some(d("0.9")));
        assert_eq!(f.difference, Some(d("0.116")));
        assert_eq!(f.tolerance, Some(d("0.05")));
        assert_eq!(f.location.span, Some((0, 25)));
        assert_eq!(
            f.message.zh,
            format!("占比与数字不符：{formula}，按 3997.99万元 计应为 0.8%")
        );
    }

    #[test]
    fn a_percentage_rounding_explains_is_info() {
        let doc = Document::default();
        let (formula, cx) = share(&doc, "31.4", "0.78");
        assert_eq!(formula, "31.4万元 / 3997.99万元 = 0.7854% ≈ 0.78%");
        assert_eq!(cx.checked[0].outcome, Outcome::Rounding);
        assert_eq!(cx.findings[0].severity, Severity::Info);
        assert_eq!(cx.findings[0].expected, Some(d("0.7854")));
        assert!(cx.findings[0].message.zh.ends_with("应为 0.79%"));
    }
}
