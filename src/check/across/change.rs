//! What the rules on stated changes share (C002, C005, C006): the prior-year figure a change
//! implies, as a statement about a neighbour, and a message that blames the amount when the
//! rate printed beside it fits the neighbour's figure.

use rust_decimal::Decimal;

use crate::check::rules::narrative::{in_unit, location, prior_year};
use crate::check::{Place, Term};
use crate::model::narrative::{Claim, Narrative};
use crate::model::{Document, Message};

use super::{Key, StatedRate, Statement};

/// The prior-year figure a change claim implies (current − increase), keyed for the neighbour
/// that must print it; `None` for another claim, or a change whose current figure is unknown.
pub fn implied_prior(doc: &Document, n: &Narrative, claim: &Claim, key: Key) -> Option<Statement> {
    let Claim::Change {
        rate,
        sentence,
        span,
        ..
    } = claim
    else {
        return None;
    };
    let py = prior_year(doc, n, claim)?;
    Some(Statement {
        key,
        stated: Term {
            label: format!("上年数 {}", py.prior_shown).into(),
            figure: Some(py.prior),
            unit: py.current.unit,
            place: Some(Place::Text(Box::new(location(n, *span, *sentence)))),
            finer_than: None,
        },
        rate: rate.as_ref().map(|r| StatedRate {
            rate: r.figure.value,
            step: r.figure.step,
            now: py.current.figure.value,
        }),
        fallback: None,
    })
}

/// What a relation on a stated change says (`zh`, `en`), followed, when it is broken and the
/// rate fits the neighbour's figure, by which figure of the sentence is at fault.
pub fn blaming(zh: String, en: String, s: &Statement, theirs: &Term, broken: bool) -> Message {
    if broken && rate_fits(s, theirs) {
        Message::new(
            format!("{zh}（增长率与之相符，错的是变动额）"),
            format!("{en} (the rate fits it: the amount is wrong)"),
        )
    } else {
        Message::new(zh, en)
    }
}

/// Whether the rate printed beside a stated change is the change from the neighbour's figure.
fn rate_fits(s: &Statement, theirs: &Term) -> bool {
    let (Some(r), Some(printed)) = (s.rate, theirs.figure) else {
        return false;
    };
    in_unit(printed, theirs.unit, s.stated.unit)
        .is_some_and(|last| fits(r.rate, r.step, r.now, last.value))
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
