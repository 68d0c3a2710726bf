//! The rules between a final account and the same department's final account of the year
//! before: the balances it opens with, and the prior-year figures its changes imply.

use rust_decimal::Decimal;

use crate::check::rules::narrative::{claims, in_unit, location, prior_year, table_term};
use crate::check::{rule, Place, Term};
use crate::model::narrative::{Claim, Concept, Item, Scope};
use crate::model::{Document, DocumentKind, Message};

use super::{detached, AcrossRule, Digest, Key, Neighbour, StatedRate, Statement};

rule! {
    /// 决算 N 的年初结转和结余 = 决算 N−1 的年末结转和结余：this year's opening balance, in all
    /// funds and in the appropriations (年初财政拨款结转和结余), is what last year's final account
    /// of the same department printed as its closing balance. A break means one of the two
    /// documents is wrong, or the balance was restated without a word.
    OpeningFollowsClosing = "C001", "opening-follows-closing", Error;
}

impl AcrossRule for OpeningFollowsClosing {
    fn neighbour(&self) -> Neighbour {
        Neighbour::PriorAccount
    }

    fn statements(&self, doc: &Document) -> Vec<Statement> {
        if doc.kind != DocumentKind::FinalAccount {
            return Vec::new();
        }
        [Scope::All, Scope::Fiscal]
            .into_iter()
            .filter_map(|scope| {
                let concept = |item| Concept { scope, item };
                let (opening, _) = table_term(doc, &concept(Item::Opening))?;
                Some(Statement {
                    key: Key::Account(concept(Item::Closing)),
                    stated: detached(opening),
                    rate: None,
                })
            })
            .collect()
    }

    fn what(&self, prior: &Digest, s: &Statement, _: &Term, _: bool) -> Message {
        let fiscal = matches!(&s.key, Key::Account(c) if c.scope == Scope::Fiscal);
        let fund = if fiscal { "财政拨款" } else { "" };
        Message::new(
            format!(
                "年初{fund}结转和结余 = 上年决算（{}）的年末{fund}结转和结余",
                prior.name()
            ),
            format!(
                "the opening balance = the closing balance of last year's final account ({})",
                prior.name()
            ),
        )
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
    fn neighbour(&self) -> Neighbour {
        Neighbour::PriorAccount
    }

    fn statements(&self, doc: &Document) -> Vec<Statement> {
        if doc.kind != DocumentKind::FinalAccount {
            return Vec::new();
        }
        claims(doc)
            .filter_map(|(narrative, claim)| {
                let Claim::Change {
                    concept: Some(c),
                    rate,
                    sentence,
                    span,
                    ..
                } = claim
                else {
                    return None;
                };
                let py = prior_year(doc, narrative, claim)?;
                let place = location(narrative, *span, *sentence);
                Some(Statement {
                    key: Key::Account(c.clone()),
                    stated: Term {
                        label: format!("上年数 {}", py.prior_shown).into(),
                        figure: Some(py.prior),
                        unit: py.current.unit,
                        place: Some(Place::Text(Box::new(place))),
                        finer_than: None,
                    },
                    rate: rate.as_ref().map(|r| StatedRate {
                        rate: r.figure.value,
                        step: r.figure.step,
                        now: py.current.figure.value,
                    }),
                })
            })
            .collect()
    }

    fn what(&self, prior: &Digest, s: &Statement, theirs: &Term, broken: bool) -> Message {
        let rate_fits = broken && rate_fits(s, theirs);
        let doc = prior.name();
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
}

/// Whether the rate printed beside a stated change is the change from the neighbour's figure.
pub(super) fn rate_fits(s: &Statement, theirs: &Term) -> bool {
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
