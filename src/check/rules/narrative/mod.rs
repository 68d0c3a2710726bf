//! N — the narrative (情况说明) checked against itself and against the tables: a stated total
//! adds up to its parts, a share, a change rate or a budget completion rate follows from its
//! figures, income and balances balance, an item stated twice states one figure, a count
//! counts the lines it announces, no template blank is left, and each figure the tables also
//! print agrees with them.
//!
//! One file per kind of check: [`sums`] (N101, N105, N106, N109), [`ratios`] (N102–N104),
//! [`text`] (N107, N108), [`typography`] (N110), [`years`] (N111), [`changes`] (N112, N113),
//! [`tables`] (N201; a budget's tables through [`budget_map`]) and [`budget_items`] (N202). What
//! a finding says lives with its type in [`findings`]; the figures a claim does not state itself
//! are found in [`figures`].

mod budget_items;
mod budget_map;
mod changes;
mod concept_map;
mod figures;
mod findings;
mod ratios;
mod sums;
pub mod tables;
mod text;
mod typography;
mod years;

pub use budget_items::BudgetItemVsTable;
pub(crate) use budget_map::{budget_tables_term, budget_total_row};
pub use changes::{ChangeStatedTwice, ChangeStatesBothYears};
pub(crate) use concept_map::{table_term, three_public_line};
pub use figures::{prior_year, PriorYear, Resolved};
pub use ratios::{BudgetExecution, ChangeRate, ShareOfBase};
pub use sums::{AgencyOperatingWithinPublic, BreakdownSum, NarrativeBalance, Restatement};
pub use text::{ListingCount, TemplateLeftover};
pub use typography::Typography;
pub use years::YearsFitTheReport;

use rust_decimal::Decimal;

use crate::check::{round_half_up, Place, Relation, Term};
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
pub(crate) fn location(n: &Narrative, span: (usize, usize), sentence: usize) -> Location {
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
        label: crate::model::names::prose_label(&m.subject).into(),
        figure: Some(m.quantity.figure),
        unit: unit_of(&m.quantity),
        place: Some(Place::Text(Box::new(location(
            n,
            m.quantity.span,
            m.sentence,
        )))),
        finer_than: None,
    }
}

/// A figure in the unit of another (for ratios whose two figures differ in unit); `None` when
/// the converted figure is beyond what a decimal holds.
pub(crate) fn in_unit(f: Figure, from: Unit, to: Unit) -> Option<Figure> {
    if from == to {
        return Some(f);
    }
    let k = from.factor() / to.factor();
    Some(Figure {
        value: f.value.checked_mul(k)?,
        step: f.step.checked_mul(k)?,
    })
}

/// Whether a relation's total is the sum of its parts rounded at the total's printed precision
/// (371,514,655.00 元 printed as 37,151.47万元): the same figure in a coarser unit, not a figure
/// that differs by rounding.
pub(crate) fn printed_as_rounded(r: &Relation) -> bool {
    let said = &r.total;
    let Some(f) = said.figure else { return false };
    let mut sum = Decimal::ZERO;
    for (_, t) in &r.parts {
        let Some(v) = t.figure.and_then(|p| in_unit(p, t.unit, said.unit)) else {
            return false;
        };
        let Some(s) = sum.checked_add(v.value) else {
            return false;
        };
        sum = s;
    }
    round_half_up(sum, f.step.normalize().scale()) == f.value
}

/// A percentage as the formulas print it: two more places than the printed one it is compared
/// with, so that the reader sees which way it rounds.
fn pct(d: Decimal, places: u32) -> String {
    round_half_up(d, places + 2).normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::TextDoc;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn narrative(file: &str, text: &str) -> Narrative {
        crate::recognise::narrative::read(&TextDoc::new(file, text.into()))
    }

    #[test]
    fn claims_come_with_their_narrative_in_order() {
        let doc = Document {
            narratives: vec![
                narrative("收入.txt", "本年收入合计3997.99万元。\n"),
                narrative("支出.txt", "本年支出合计3926.89万元。\n"),
            ],
            ..Document::default()
        };
        let seen: Vec<(&str, &str)> = claims(&doc)
            .map(|(n, claim)| match claim {
                Claim::Amount { mention } => (n.file.as_str(), mention.quantity.raw.as_str()),
                _ => (n.file.as_str(), ""),
            })
            .collect();
        assert_eq!(
            seen,
            [("收入.txt", "3997.99万元"), ("支出.txt", "3926.89万元")]
        );
        let stated: Vec<&str> = amounts(&doc.narratives[1])
            .map(|m| m.subject.as_str())
            .collect();
        assert_eq!(stated, ["本年支出合计"]);
    }

    #[test]
    fn a_term_of_the_text_is_placed_in_its_sentence() {
        let n = narrative("说明.txt", "一、概况。本年收入合计3997.99万元。\n");
        let Some(Claim::Amount { mention }) = n.claims.first() else {
            panic!("{:#?}", n.claims)
        };
        let t = term(&n, mention);
        assert_eq!(&*t.label, "本年收入合计");
        assert_eq!(t.figure.map(|f| f.value), Some(d("3997.99")));
        assert_eq!(t.unit, Unit::WanYuan);
        let at = t.location().unwrap();
        assert_eq!(at.span, Some(mention.quantity.span));
        assert_eq!(at.sentence.as_deref(), Some("本年收入合计3997.99万元。"));
    }

    #[test]
    fn amounts_convert_between_units_and_overflow_is_no_figure() {
        let wan = Figure::from_decimal(d("476.68"));
        let yuan = in_unit(wan, Unit::WanYuan, Unit::Yuan).unwrap();
        assert_eq!((yuan.value, yuan.step), (d("4766800"), d("100")));
        assert_eq!(in_unit(wan, Unit::WanYuan, Unit::WanYuan), Some(wan));
        let huge = Figure::from_decimal(Decimal::MAX);
        assert_eq!(in_unit(huge, Unit::YiYuan, Unit::Yuan), None);
    }

    #[test]
    fn formulas_show_two_more_places_than_the_printed_percentage() {
        assert_eq!(pct(d("0.784395"), 1), "0.784");
        assert_eq!(pct(d("37.2415"), 0), "37.24");
        assert_eq!(pct(d("50.000"), 0), "50");
    }
}
