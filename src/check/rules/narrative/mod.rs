//! N — the narrative (情况说明) checked against itself and against the tables: a stated total
//! adds up to its parts, a share, a change rate or a budget completion rate follows from its
//! figures, income and balances balance, an item stated twice states one figure, a count
//! counts the lines it announces, no template blank is left, and each figure the tables also
//! print agrees with them.
//!
//! One file per kind of check: [`sums`] (N101, N105, N106, N109), [`ratios`] (N102–N104),
//! [`text`] (N107, N108) and [`tables`] (N201). What a finding says lives with its type in
//! [`findings`]; the figures a claim does not state itself are found in [`figures`].

mod concept_map;
mod figures;
mod findings;
mod ratios;
mod sums;
pub mod tables;
mod text;

pub use figures::{prior_year, PriorYear, Resolved};
pub use ratios::{BudgetExecution, ChangeRate, ShareOfBase};
pub use sums::{AgencyOperatingWithinPublic, BreakdownSum, NarrativeBalance, Restatement};
pub use text::{ListingCount, TemplateLeftover};

use rust_decimal::Decimal;

use crate::check::{round_half_up, Place, Term};
use crate::model::narrative::{Claim, Measure, Mention, Quantity};
use crate::model::{Document, Figure, Location, Narrative, Unit};

/// Every claim of every narrative of a document, with the narrative it is read from (which
/// places it and resolves what it leaves unstated).
pub fn claims(doc: &Document) -> impl Iterator<Item = (&Narrative, &Claim)> {
    doc.narratives
        .iter()
        .flat_map(|n| n.claims.iter().map(move |claim| (n, claim)))
}

/// The figures a narrative states with their subject (本年收入合计3997.99万元), in text order.
fn amounts(n: &Narrative) -> impl Iterator<Item = &Mention> {
    n.claims.iter().filter_map(|claim| match claim {
        Claim::Amount { mention } => Some(mention),
        _ => None,
    })
}

/// The unit a quantity is in: its money unit, or `Count` for percentages and counts.
fn unit_of(q: &Quantity) -> Unit {
    match &q.measure {
        Measure::Money(u) => *u,
        _ => Unit::Count,
    }
}

/// Where in a narrative a span of one of its sentences is.
fn location(n: &Narrative, span: (usize, usize), sentence: usize) -> Location {
    let s = n.sentences.get(sentence);
    Location {
        file: n.file.as_str().into(),
        span: Some(span),
        sentence: s.map(|s| s.text.clone()),
        page: s.and_then(|s| s.page),
        ..Location::default()
    }
}

/// A figure of the text as a term of a relation, placed where the text prints it.
fn term(n: &Narrative, m: &Mention) -> Term {
    Term {
        label: crate::recognise::narrative::clean(&m.subject).into(),
        figure: Some(m.quantity.figure),
        unit: unit_of(&m.quantity),
        place: Some(Place::Text(Box::new(location(
            n,
            m.quantity.span,
            m.sentence,
        )))),
    }
}

/// A figure in the unit of another (for ratios whose two figures differ in unit); `None` when
/// the converted figure is beyond what a decimal holds.
fn in_unit(f: Figure, from: Unit, to: Unit) -> Option<Figure> {
    if from == to {
        return Some(f);
    }
    let k = from.factor() / to.factor();
    Some(Figure {
        value: f.value.checked_mul(k)?,
        step: f.step.checked_mul(k)?,
    })
}

/// A percentage as the formulas print it: two more places than the printed one it is compared
/// with, so that the reader sees which way it rounds.
fn pct(d: Decimal, places: u32) -> String {
    round_half_up(d, places + 2).normalize().to_string()
}
