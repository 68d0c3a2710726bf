//! The figures a claim leans on without stating them: a concept's figure found in the text or
//! the tables, the prior year a change implies, and a prior year the text says was nothing.
//! N102 and N103 check against them; the report charts this year against the prior year from
//! the same [`prior_year`].

use crate::model::narrative::{Claim, Concept, Direction, Item, Mention, Quantity, Scope};
use rust_decimal::Decimal;

use crate::model::{Document, Figure, Narrative, Unit};

use super::concept_map::table_term;
use super::findings::ZeroPriorYear;
use super::{amounts, in_unit, unit_of};

/// A figure a check uses and how to show where it came from: as printed (`3997.99万元`), as
/// derived (`3966.63万元 + 2.6万元`) or as a table prints it (`本年收入合计 3997.99`).
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The figure.
    pub figure: Figure,
    /// The unit the figure is in, as printed (a table's unit for a table's figure).
    pub unit: Unit,
    /// The figure as a formula shows it.
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

/// The “三公” total a sentence gives by its three items (因公出国（境）费, 公务用车购置及运行费 — or its
/// two parts —, 公务接待费), each stated once in it in one unit: “因公出国（境）费支出222.5万元，
/// 占“三公”经费的26.69%；公务用车购置及运行费支出183.6万元…；公务接待费支出427.5万元…”.
pub(super) fn three_public_in_sentence(
    n: &Narrative,
    scope: Scope,
    sentence: usize,
) -> Option<Resolved> {
    let stated: Vec<&Mention> = amounts(n)
        .filter(|m| m.sentence == sentence && m.concept.as_ref().is_some_and(|c| c.scope == scope))
        .collect();
    let one = |item: Item| -> Option<&Mention> {
        let mut of = stated
            .iter()
            .filter(|m| m.concept.as_ref().is_some_and(|c| c.item == item));
        let m = of.next()?;
        of.next().is_none().then_some(*m)
    };
    let vehicles = match one(Item::Vehicles) {
        Some(v) => vec![v],
        None => vec![one(Item::VehiclePurchase)?, one(Item::VehicleOperation)?],
    };
    let mut items = vec![one(Item::OverseasTravel)?];
    items.extend(vehicles);
    items.push(one(Item::Reception)?);
    let unit = unit_of(&items[0].quantity);
    if items.iter().any(|m| unit_of(&m.quantity) != unit) {
        return None;
    }
    let shown: Vec<&str> = items.iter().map(|m| m.quantity.raw.as_str()).collect();
    Some(Resolved {
        figure: Figure {
            value: items.iter().map(|m| m.quantity.figure.value).sum(),
            step: items.iter().map(|m| m.quantity.figure.step).sum(),
        },
        unit,
        shown: format!("({})", shown.join(" + ")),
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
    /// This year's figure, stated or found.
    pub current: Resolved,
    /// The stated increase or decrease, in the current figure's unit.
    pub change: Figure,
    /// The prior year in the current figure's unit; its step carries both figures' rounding.
    pub prior: Figure,
    /// How the prior year follows, for a formula: `(3997.99万元 − 476.68万元)`, or the prior
    /// year's figure as the text states it (`上年执行数为0万元`).
    pub prior_shown: String,
}

/// Whether a figure's subject names the prior year (上年执行数为, 上年决算数, 2023年为), not a
/// comparison with it (比上年, 与2023年度相比).
pub fn names_prior_year(subject: &str, year: Option<i32>) -> bool {
    let prior = year.map(|y| format!("{}年", y - 1));
    let of_prior = subject.contains("上年")
        || subject.contains("上一年")
        || prior.is_some_and(|p| subject.contains(&p));
    // “比2024年执行数838.99万元增加100万元”: the figure the comparison names is the prior year's.
    let compared_figure = ["执行数", "预算数", "决算数", "预算", "执行"]
        .iter()
        .any(|w| subject.trim_end().ends_with(w));
    let comparing = ["相比", "比上年", "较上年", "比20", "较20"];
    if comparing.iter().any(|w| subject.contains(w)) && !compared_figure {
        return false;
    }
    of_prior
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
    if let Some(m) = current
        .as_ref()
        .filter(|m| names_prior_year(&m.subject, doc.year))
    {
        // “上年执行数为0万元，增加10.23万元”: the figure the change follows is the prior year's.
        return stated_prior(m, delta, *direction);
    }
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
        },
        step: current.figure.step.checked_add(change.step)?,
    };
    let sign = if *direction == Direction::Down {
        "+"
    } else {
        "−"
    };
    Some(PriorYear {
        prior_shown: format!("({} {sign} {})", current.shown, delta.raw),
        current,
        change,
        prior,
    })
}

/// The two years of a change that follows a stated prior-year figure: this year is the prior
/// year plus the increase (less the decrease).
fn stated_prior(m: &Mention, delta: &Quantity, direction: Direction) -> Option<PriorYear> {
    let unit = unit_of(&m.quantity);
    let prior = m.quantity.figure;
    let change = in_unit(delta.figure, unit_of(delta), unit)?;
    let now = match direction {
        Direction::Up => prior.value.checked_add(change.value)?,
        Direction::Down => prior.value.checked_sub(change.value)?,
    };
    let sign = if direction == Direction::Down {
        "−"
    } else {
        "+"
    };
    let prior_shown = format!("{}{}", m.subject.trim(), m.quantity.raw);
    Some(PriorYear {
        current: Resolved {
            figure: Figure {
                value: now,
                step: prior.step.checked_add(change.step)?,
            },
            unit,
            shown: format!("({} {sign} {})", m.quantity.raw, delta.raw),
        },
        change,
        prior,
        prior_shown,
    })
}

/// What the text says a prior year was not: 0 (“上年执行数为0万元”) or nothing at all (“上年无此项
/// 支出”).
const NONE_LAST_YEAR: [&str; 5] = ["上年无", "上年度无", "上年未", "上年没有", "上年度未"];

/// What a change with no subject of its own, or one that names the prior year (“上年执行数为”),
/// is a change of: the figure the sentence states before it for this year.
pub(super) fn this_year(doc: &Document, n: &Narrative, claim: &Claim) -> Option<String> {
    let Claim::Change {
        subject,
        sentence,
        span,
        ..
    } = claim
    else {
        return None;
    };
    if !subject.trim().is_empty() && !names_prior_year(subject, doc.year) {
        return None;
    }
    amounts(n)
        .filter(|m| m.sentence == *sentence && m.quantity.span.1 <= span.0)
        .filter(|m| !names_prior_year(&m.subject, doc.year))
        .last()
        .map(|m| m.subject.clone())
}

/// A rising rate printed alone (“比上年增加100.00%”) in a sentence that says the prior year was
/// zero or had nothing: the rate has no base.
pub(super) fn from_nothing(doc: &Document, n: &Narrative, claim: &Claim) -> Option<ZeroPriorYear> {
    let Claim::Change {
        subject,
        rate: Some(rate),
        rate_direction,
        direction,
        sentence,
        ..
    } = claim
    else {
        return None;
    };
    if rate_direction.unwrap_or(*direction) != Direction::Up || rate.figure.value <= Decimal::ZERO {
        return None;
    }
    let before: Vec<&Mention> = amounts(n)
        .filter(|m| m.sentence == *sentence && m.quantity.span.1 <= rate.span.0)
        .collect();
    let names_prior = |m: &&&Mention| names_prior_year(&m.subject, doc.year);
    let stated = before
        .iter()
        .rfind(|m| names_prior(m) && m.quantity.figure.value.is_zero());
    let text = n.sentences.get(*sentence).map_or("", |s| s.text.as_str());
    let (prior, prior_shown) = match stated {
        Some(m) => (
            Some(m.quantity.figure.value),
            format!("{}{}", m.subject.trim(), m.quantity.raw),
        ),
        None => (
            None,
            NONE_LAST_YEAR
                .iter()
                .find(|w| text.contains(*w))?
                .to_string(),
        ),
    };
    let subject = this_year(doc, n, claim).unwrap_or_else(|| subject.clone());
    Some(ZeroPriorYear {
        subject,
        prior,
        rate: rate.raw.clone(),
        prior_shown,
    })
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::model::narrative::{Measure, Mention, Quantity, Scope};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn money(value: &str, unit: Unit, start: usize) -> Quantity {
        let raw = format!("{value}{}", unit.label());
        Quantity {
            figure: Figure::from_decimal(d(value)),
            measure: Measure::Money(unit),
            span: (start, start + raw.chars().count()),
            raw,
        }
    }

    fn concept(scope: Scope, item: Item) -> Concept {
        Concept { scope, item }
    }

    fn amount(c: Concept, quantity: Quantity) -> Claim {
        Claim::Amount {
            mention: Mention {
                subject: "本年收入合计".into(),
                concept: Some(c),
                quantity,
                sentence: 0,
            },
        }
    }

    /// “本年收入合计比上年增加…”, at character 40, with what the sentence states.
    fn change(
        c: Option<Concept>,
        current: Option<Quantity>,
        delta: Quantity,
        direction: Direction,
    ) -> Claim {
        Claim::Change {
            subject: "本年收入合计".into(),
            current: current.map(|quantity| Mention {
                subject: "本年收入合计".into(),
                concept: c.clone(),
                quantity,
                sentence: 0,
            }),
            concept: c,
            delta: Some(delta),
            direction,
            rate: None,
            rate_direction: None,
            sentence: 0,
            span: (40, 60),
        }
    }

    fn narrative(claims: Vec<Claim>) -> Narrative {
        Narrative {
            file: "说明.txt".into(),
            claims,
            ..Narrative::default()
        }
    }

    fn years(n: &Narrative, claim: &Claim) -> Option<PriorYear> {
        let doc = Document::default();
        prior_year(&doc, n, claim)
    }

    #[test]
    fn an_increase_is_taken_from_the_figure_the_sentence_states() {
        let income = concept(Scope::All, Item::Income);
        let claim = change(
            Some(income),
            Some(money("3997.99", Unit::WanYuan, 10)),
            money("476.68", Unit::WanYuan, 45),
            Direction::Up,
        );
        let y = years(&narrative(vec![]), &claim).unwrap();
        assert_eq!(y.current.shown, "3997.99万元");
        assert_eq!(y.current.unit, Unit::WanYuan);
        assert_eq!(y.change.value, d("476.68"));
        assert_eq!(y.prior.value, d("3521.31"));
        // Both figures' rounding carries into the prior year's.
        assert_eq!(y.prior.step, d("0.02"));
    }

    #[test]
    fn a_decrease_is_added_back() {
        let down = change(
            None,
            Some(money("56.34", Unit::WanYuan, 0)),
            money("13.29", Unit::WanYuan, 20),
            Direction::Down,
        );
        let n = narrative(vec![]);
        assert_eq!(years(&n, &down).unwrap().prior.value, d("69.63"));
    }

    #[test]
    fn a_change_in_another_unit_is_measured_in_the_current_figures_unit() {
        let claim = change(
            None,
            Some(money("3997.99", Unit::WanYuan, 0)),
            money("4766800", Unit::Yuan, 20),
            Direction::Up,
        );
        let y = years(&narrative(vec![]), &claim).unwrap();
        assert_eq!(y.change.value, d("476.68"));
        assert_eq!(y.prior.value, d("3521.31"));
    }

    #[test]
    fn an_unstated_current_figure_is_the_one_the_text_states_nearest_before() {
        let income = concept(Scope::All, Item::Income);
        let claim = change(
            Some(income.clone()),
            None,
            money("100", Unit::WanYuan, 45),
            Direction::Up,
        );
        let n = narrative(vec![
            amount(income.clone(), money("3000.00", Unit::WanYuan, 0)),
            amount(income.clone(), money("3997.99", Unit::WanYuan, 20)),
            amount(income, money("4100.00", Unit::WanYuan, 70)),
            claim.clone(),
        ]);
        let y = years(&n, &claim).unwrap();
        assert_eq!(y.current.shown, "3997.99万元");
        assert_eq!(y.prior.value, d("3897.99"));
    }

    #[test]
    fn a_grand_total_not_stated_is_income_plus_the_opening_balance() {
        let claim = change(
            Some(concept(Scope::All, Item::GrandTotal)),
            None,
            money("100.59", Unit::WanYuan, 45),
            Direction::Up,
        );
        let n = narrative(vec![
            amount(
                concept(Scope::All, Item::Income),
                money("3997.99", Unit::WanYuan, 0),
            ),
            amount(
                concept(Scope::All, Item::Opening),
                money("2.6", Unit::WanYuan, 20),
            ),
        ]);
        let y = years(&n, &claim).unwrap();
        assert_eq!(y.current.shown, "3997.99万元 + 2.6万元");
        assert_eq!(y.current.figure.value, d("4000.59"));
        assert_eq!(y.prior.value, d("3900.00"));
    }

    #[test]
    fn no_prior_year_without_a_stated_change_or_a_current_figure() {
        let n = narrative(vec![]);
        let income = concept(Scope::All, Item::Income);
        // Nothing states 本年收入 and the document has no table.
        let unknown = change(
            Some(income.clone()),
            None,
            money("100", Unit::WanYuan, 45),
            Direction::Up,
        );
        assert_eq!(years(&n, &unknown), None);
        let unnamed = change(None, None, money("100", Unit::WanYuan, 45), Direction::Up);
        assert_eq!(years(&n, &unnamed), None);
        let mut rate_only = change(
            Some(income.clone()),
            Some(money("3997.99", Unit::WanYuan, 0)),
            money("1", Unit::WanYuan, 45),
            Direction::Up,
        );
        if let Claim::Change { delta, .. } = &mut rate_only {
            *delta = None;
        }
        assert_eq!(years(&n, &rate_only), None);
        let not_a_change = amount(income, money("3997.99", Unit::WanYuan, 0));
        assert_eq!(years(&n, &not_a_change), None);
    }
}
