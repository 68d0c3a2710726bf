//! N112 — a change that states both its years agrees with itself: the 上海 item lists of a
//! budget (“…（项）938.99万元，主要用于…；比2024年执行数838.99万元增加100.00万元，增长11.92%”)
//! print this year, the prior year and the change, and this year = prior year + increase.

use crate::check::{rule, Context, Place, Relation, Rule, Term};
use crate::model::narrative::{Claim, Direction, Measure, Mention, Quantity};
use crate::model::Narrative;

use super::figures::names_prior_year;
use super::findings::{Statement, Wording};
use super::{amounts, claims, location, term, unit_of};

rule! {
    /// A change that states both years (“…（项）938.99万元，主要用于…；比2024年执行数838.99万元
    /// 增加100.00万元”) agrees: this year's figure = the prior year's + the increase (− the
    /// decrease). The prior year is the figure the comparison names (比上年执行数A万元, 上年预算数为A
    /// 万元), this year the one the sentence states before it; the rate, if printed, is N103's.
    ChangeStatesBothYears = "N112", "narrative-change-both-years", Error;
}

impl Rule for ChangeStatesBothYears {
    fn check(&self, cx: &mut Context) {
        let year = cx.doc.year;
        for (n, claim) in claims(cx.doc) {
            let Claim::Change {
                current: Some(prior),
                delta: Some(delta),
                direction,
                sentence,
                ..
            } = claim
            else {
                continue;
            };
            if !names_prior_year(&prior.subject, year) {
                continue;
            }
            let Some(now) = this_year_before(n, prior, *sentence, year) else {
                continue;
            };
            let change = change_term(n, delta, *direction, *sentence);
            let (total, parts) = match direction {
                Direction::Up => (term(n, now), [term(n, prior), change]),
                Direction::Down => (term(n, prior), [term(n, now), change]),
            };
            let what = Statement::ChangeStatesBothYears.message();
            let r = Relation::sum(Self::META.code, what, total, parts);
            cx.relation(None, r);
        }
    }
}

/// The figure the sentence states for this year before the prior year's: the last money figure
/// before it that names no prior year.
fn this_year_before<'n>(
    n: &'n Narrative,
    prior: &Mention,
    sentence: usize,
    year: Option<i32>,
) -> Option<&'n Mention> {
    amounts(n)
        .filter(|m| m.sentence == sentence && m.quantity.span.1 <= prior.quantity.span.0)
        .filter(|m| matches!(m.quantity.measure, Measure::Money(_)))
        .filter(|m| !names_prior_year(&m.subject, year))
        .last()
}

/// The amount of a change as a term of the sum, labelled by its direction.
fn change_term(n: &Narrative, delta: &Quantity, direction: Direction, sentence: usize) -> Term {
    let label = match direction {
        Direction::Up => "增加",
        Direction::Down => "减少",
    };
    Term {
        label: label.into(),
        figure: Some(delta.figure),
        unit: unit_of(delta),
        place: Some(Place::Text(Box::new(location(n, delta.span, sentence)))),
        finer_than: None,
    }
}
