//! The rules across documents, each a relation between a figure of this year's document and
//! one of last year's.

use rust_decimal::Decimal;

use crate::check::relation::{Outcome, Relation};
use crate::check::rules::narrative::{claims, in_unit, location, prior_year, table_term};
use crate::check::{rule, Context, Place, Term};
use crate::model::narrative::{Claim, Concept, Item, Scope};
use crate::model::{Document, Message};

use super::{AcrossRule, Neighbours};

rule! {
    /// 决算 N 的年初结转和结余 = 决算 N−1 的年末结转和结余：this year's opening balance, in all
    /// funds and in the appropriations (年初财政拨款结转和结余), is what last year's final account
    /// of the same department printed as its closing balance. A break means one of the two
    /// documents is wrong, or the balance was restated without a word.
    OpeningFollowsClosing = "C001", "opening-follows-closing", Error;
}

impl AcrossRule for OpeningFollowsClosing {
    fn check(&self, cx: &mut Context, n: &Neighbours) {
        let Some(prior) = n.prior_account else { return };
        for scope in [Scope::All, Scope::Fiscal] {
            let concept = |item| Concept { scope, item };
            let (Some((opening, table)), Some((closing, _))) = (
                table_term(cx.doc, &concept(Item::Opening)),
                table_term(prior, &concept(Item::Closing)),
            ) else {
                continue;
            };
            let fund = if scope == Scope::Fiscal {
                "财政拨款"
            } else {
                ""
            };
            let what = Message::new(
                format!(
                    "年初{fund}结转和结余 = 上年决算（{}）的年末{fund}结转和结余",
                    name(prior)
                ),
                format!(
                    "the opening balance = the closing balance of last year's final account ({})",
                    name(prior)
                ),
            );
            cx.relation(
                Some(table),
                Relation::equal(Self::META.code, what, opening, closing),
            );
        }
    }
}

rule! {
    /// 说明的上年数 = 上年决算：a change the narrative states (“本年收入合计X万元，比上年增加Y万元，
    /// 增长P%”) implies last year's figure (X − Y), which must be what last year's final account
    /// of the same department printed for that item. Where the rate P fits last year's figure and
    /// the amount does not, the finding blames the amount; where neither fits, the prior-year
    /// figure the text was written from is not the one published (a budget figure, an old draft).
    ChangeFollowsPriorAccount = "C002", "change-follows-prior-account", Error;
}

impl AcrossRule for ChangeFollowsPriorAccount {
    fn check(&self, cx: &mut Context, n: &Neighbours) {
        let Some(prior) = n.prior_account else { return };
        let doc = cx.doc;
        for (narrative, claim) in claims(doc) {
            let Claim::Change {
                concept: Some(c),
                rate,
                sentence,
                span,
                ..
            } = claim
            else {
                continue;
            };
            let (Some(py), Some((published, _))) =
                (prior_year(doc, narrative, claim), table_term(prior, c))
            else {
                continue;
            };
            let Some(printed) = published.figure else {
                continue;
            };
            let Some(last_year) = in_unit(printed, published.unit, py.current.unit) else {
                continue;
            };
            let stated = Term {
                label: format!("上年数 {}", py.prior_shown).into(),
                figure: Some(py.prior),
                unit: py.current.unit,
                place: Some(Place::Text(Box::new(location(narrative, *span, *sentence)))),
                finer_than: None,
            };
            let relation =
                |what| Relation::equal(Self::META.code, what, stated.clone(), published.clone());
            let Some(e) = relation(blame(prior, false)).evaluate() else {
                continue;
            };
            let rate_fits = e.outcome == Outcome::Broken
                && rate.as_ref().is_some_and(|r| {
                    fits(
                        r.figure.value,
                        r.figure.step,
                        py.current.figure.value,
                        last_year.value,
                    )
                });
            cx.relation(None, relation(blame(prior, rate_fits)));
        }
    }
}

/// What a C002 relation states, and when the rate fits last year's figure, which figure of the
/// sentence is at fault.
fn blame(prior: &Document, rate_fits: bool) -> Message {
    let doc = name(prior);
    let (zh, en) = if rate_fits {
        (
            "（增长率与上年决算相符，错的是变动额）",
            " (the rate fits last year's figure: the amount is wrong)",
        )
    } else {
        ("", "")
    };
    Message::new(
        format!("说明推得的上年数 = 上年决算（{doc}）公开的数{zh}"),
        format!("the prior year the change implies = what last year's final account ({doc}) printed{en}"),
    )
}

/// Whether a printed rate (in %, at its printed step) is the change from `last` to `now`.
fn fits(rate: Decimal, step: Decimal, now: Decimal, last: Decimal) -> bool {
    if last.is_zero() {
        return false;
    }
    let Some(true_rate) = (now - last)
        .checked_div(last)
        .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
    else {
        return false;
    };
    (true_rate.abs() - rate.abs()).abs() <= step / Decimal::TWO
}

/// A document as a finding names it: its department and year, else its source.
fn name(d: &Document) -> String {
    match (&d.department, d.year) {
        (Some(dep), Some(y)) => format!("{dep} {y}"),
        _ => d.source.clone(),
    }
}
