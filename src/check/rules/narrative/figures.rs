//! The figures a claim leans on without stating them: a concept's figure found in the text or
//! the tables, and the prior year a change implies. N102 and N103 check against them; the
//! report charts this year against the prior year from the same [`prior_year`].

use crate::model::narrative::{Claim, Concept, Direction, Item};
use crate::model::{Document, Figure, Narrative, Unit};

use super::concept_map::table_term;
use super::{amounts, in_unit, unit_of};

/// A figure a check uses and how to show where it came from: as printed (`3997.99万元`), as
/// derived (`3966.63万元 + 2.6万元`) or as a table prints it (`本年收入合计 3997.99`).
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub figure: Figure,
    pub unit: Unit,
    pub shown: String,
}

/// The figure of a concept as the text states it nearest before character `at` (else first),
/// else derived (收支总计 = 收入 + 年初结转和结余), else as the tables print it.
pub(super) fn resolve(doc: &Document, n: &Narrative, c: &Concept, at: usize) -> Option<Resolved> {
    let found: Vec<_> = amounts(n)
        .filter(|m| m.concept.as_ref() == Some(c))
        .collect();
    let pick = found
        .iter()
        .rfind(|m| m.quantity.span.0 < at)
        .or(found.first());
    if let Some(m) = pick {
        return Some(Resolved {
            figure: m.quantity.figure,
            unit: unit_of(&m.quantity),
            shown: m.quantity.raw.clone(),
        });
    }
    if c.item == Item::GrandTotal {
        if let Some(total) = grand_total(doc, n, c, at) {
            return Some(total);
        }
    }
    let (t, _) = table_term(doc, c)?;
    let figure = t.figure?;
    Some(Resolved {
        figure,
        unit: t.unit,
        shown: format!("{} {}", t.label, figure.display()),
    })
}

/// 收入支出总计 from its two parts the text states, when they are in one unit.
fn grand_total(doc: &Document, n: &Narrative, c: &Concept, at: usize) -> Option<Resolved> {
    let part = |item| {
        let scope = c.scope;
        resolve(doc, n, &Concept { scope, item }, at)
    };
    let (income, opening) = (part(Item::Income)?, part(Item::Opening)?);
    if income.unit != opening.unit {
        return None;
    }
    Some(Resolved {
        figure: Figure {
            value: income.figure.value + opening.figure.value,
            step: income.figure.step + opening.figure.step,
        },
        unit: income.unit,
        shown: format!("{} + {}", income.shown, opening.shown),
    })
}

/// A change's two years: the current figure, the stated change in its unit, and the prior year
/// that follows (current − increase, current + decrease; a level change leaves it as it is).
#[derive(Clone, Debug, PartialEq)]
pub struct PriorYear {
    pub current: Resolved,
    pub change: Figure,
    pub prior: Figure,
}

/// The prior year of a change claim that states its amount (“比上年增加476.68万元”): measured
/// from the current figure the sentence states, else the one the text or the tables give for
/// its item. `None` for other claims, a change of rate alone, or a current figure not known.
pub fn prior_year(doc: &Document, n: &Narrative, claim: &Claim) -> Option<PriorYear> {
    let Claim::Change {
        concept,
        current,
        delta: Some(delta),
        direction,
        span,
        ..
    } = claim
    else {
        return None;
    };
    let current = match (current, concept) {
        (Some(m), _) => Resolved {
            figure: m.quantity.figure,
            unit: unit_of(&m.quantity),
            shown: m.quantity.raw.clone(),
        },
        (None, Some(c)) => resolve(doc, n, c, span.0)?,
        (None, None) => return None,
    };
    let change = in_unit(delta.figure, unit_of(delta), current.unit)?;
    let now = current.figure.value;
    let prior = Figure {
        value: match direction {
            Direction::Up => now.checked_sub(change.value)?,
            Direction::Down => now.checked_add(change.value)?,
            Direction::Flat => now,
        },
        step: current.figure.step.checked_add(change.step)?,
    };
    Some(PriorYear {
        current,
        change,
        prior,
    })
}
