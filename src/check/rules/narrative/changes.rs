//! Changes checked against their own figures: N112 — a change that states both its years
//! agrees with itself (the 上海 item lists of a budget: “…（项）938.99万元，主要用于…；比2024年
//! 执行数838.99万元增加100.00万元”, this year = prior year + increase); N113 — the same change
//! stated twice states one amount.

use crate::check::{rule, Context, Place, Relation, Rule, Term};
use crate::model::narrative::{Claim, Concept, Direction, Measure, Mention, Quantity};
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

rule! {
    /// The same change stated twice in one document (财政拨款支出预算…比2024年预算增加24,491.71万元
    /// in the overview, again where the appropriations are broken down) states the same amount:
    /// the same item (by the concept dictionary) of the same figure this year, measured against
    /// the same prior year (预算 or 执行数), in the same direction. A difference rounding explains
    /// is `info`, any other an error.
    ChangeStatedTwice = "N113", "narrative-change-restated", Error;
}

/// A change as N113 compares it.
struct Stated<'n> {
    narrative: &'n Narrative,
    concept: &'n Concept,
    current: &'n Mention,
    delta: &'n Quantity,
    direction: Direction,
    /// Against the prior year's execution (执行数) rather than its budget.
    executed: bool,
    /// Said of the general budget alone (一般公共预算), which the dictionary counts as 财政拨款.
    general: bool,
    sentence: usize,
}

impl Stated<'_> {
    fn same_change(&self, o: &Stated) -> bool {
        std::ptr::eq(self.narrative, o.narrative)
            && self.concept == o.concept
            && self.direction == o.direction
            && self.executed == o.executed
            && self.general == o.general
            && self.current.quantity.figure.value == o.current.quantity.figure.value
    }
}

fn stated_changes(n: &Narrative) -> Vec<Stated<'_>> {
    n.claims
        .iter()
        .filter_map(|claim| {
            let Claim::Change {
                concept,
                current: Some(current),
                delta: Some(delta),
                direction,
                sentence,
                ..
            } = claim
            else {
                return None;
            };
            let concept = concept.as_ref().or(current.concept.as_ref())?;
            let text = n.sentences.get(*sentence).map_or("", |s| s.text.as_str());
            Some(Stated {
                narrative: n,
                concept,
                current,
                delta,
                direction: *direction,
                executed: text.contains("执行"),
                general: current.subject.contains("一般公共预算"),
                sentence: *sentence,
            })
        })
        .collect()
}

impl Rule for ChangeStatedTwice {
    fn check(&self, cx: &mut Context) {
        for n in &cx.doc.narratives {
            let changes = stated_changes(n);
            for (i, later) in changes.iter().enumerate() {
                let Some(first) = changes[..i].iter().find(|f| f.same_change(later)) else {
                    continue;
                };
                if first.sentence == later.sentence {
                    continue;
                }
                let r = Relation::equal(
                    Self::META.code,
                    Statement::ChangeStatedTwice.message(),
                    change_term(n, later.delta, later.direction, later.sentence),
                    change_term(n, first.delta, first.direction, first.sentence),
                );
                cx.relation(None, r);
            }
        }
    }
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
