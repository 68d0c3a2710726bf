//! Rounding-aware, exact comparison of published figures.
//!
//! Each figure stands for the interval its rounding allows (3,997.99 → [3997.985, 3997.995]).
//! A relation `total = Σ ± parts` is exact when the printed figures satisfy it, holds up to
//! rounding when the intervals still meet (|gap| ≤ the sum of the half-steps), and is broken
//! otherwise. All arithmetic is in exact decimals, in 元, whatever unit each table states.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Cell, CellRef, Figure, Location, Places, Row, Table, Unit};

use crate::model::Message;

/// One operand of a relation: a published figure (or its absence), its unit and its place.
/// Serialised only to be kept aside (a batch's digests, see `check/across`).
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Term {
    /// The name of the figure, for the formula (“2080101 行政单位离退休”, “本年收入合计”).
    pub label: Arc<str>,
    /// The figure, or `None` where nothing is printed (“-”, blank).
    pub figure: Option<Figure>,
    /// The unit the figure is printed in.
    pub unit: Unit,
    /// Where it is printed, when a finding may need to say.
    pub place: Option<Place>,
    /// The step the figure's table is printed at, when the figure is printed finer than that
    /// (29400501 元 in a table of whole hundreds): see [`Relation::evaluate`].
    pub finer_than: Option<Decimal>,
}

/// Where a term is printed. A table cell is only named (`B7`, its page and box) when a finding
/// needs it: a document states hundreds of relations, nearly all of which hold.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub enum Place {
    /// A cell of a table.
    Cell {
        /// The file the table was read from.
        file: Arc<str>,
        /// The sheet it was read from.
        sheet: Arc<str>,
        /// The cell.
        at: CellRef,
        /// Pages and boxes, for a table read from a PDF (not kept aside: a place kept aside
        /// is resolved first, see `check::across::detached`).
        #[serde(skip)]
        pages: Option<Arc<Places>>,
    },
    /// A figure of the narrative: its file, sentence and span.
    Text(Box<Location>),
}

impl Place {
    /// The place as a finding names it (file, sheet!cell, page and box, or sentence and span).
    pub fn location(&self) -> Location {
        match self {
            Place::Cell {
                file,
                sheet,
                at,
                pages,
            } => {
                let mut loc = Location::cell(file, sheet, *at);
                if let Some(p) = pages {
                    p.locate(&mut loc, *at);
                }
                loc
            }
            Place::Text(loc) => (**loc).clone(),
        }
    }
}

impl Term {
    /// The figure of a row in a column of a table; a blank cell is a term with no figure.
    /// The label is the row's name: relations are many and their terms are named in messages only.
    pub fn cell(table: &Table, row: &Row, col: usize) -> Term {
        let cell: Option<&Cell> = row.cell(col);
        Term {
            label: match trimmed(&row.name) {
                t if t.len() == row.name.len() => row.name.clone(),
                t => t.into(),
            },
            figure: cell.and_then(|c| c.figure),
            unit: table.unit,
            place: cell.map(|c| Place::Cell {
                file: table.file.clone(),
                sheet: table.sheet.clone(),
                at: c.at,
                pages: table.places.clone(),
            }),
            finer_than: table
                .step
                .filter(|s| cell.and_then(|c| c.figure).is_some_and(|f| f.step < *s)),
        }
    }

    /// Where the term is printed, if known.
    pub fn location(&self) -> Option<Location> {
        self.place.as_ref().map(Place::location)
    }

    /// The figure and its half-step in 元 (`Ok(None)` for a blank); `Err` when a figure is too
    /// large to compute with (beyond 10^28 元, so never a real budget figure).
    fn yuan(&self) -> Result<Option<(Decimal, Decimal)>, Overflow> {
        let Some(f) = self.figure else {
            return Ok(None);
        };
        let k = self.unit.factor();
        match (f.value.checked_mul(k), f.half_step().checked_mul(k)) {
            (Some(v), Some(h)) => Ok(Some((v, h))),
            _ => Err(Overflow),
        }
    }
}

/// `s.trim()`, without decoding the ends where their lead bytes show they are not white space
/// (ASCII below `!` and the leads of U+0085, U+00A0, U+1680 and U+2000–U+3000 are the only ones
/// that can begin one): recognised names are trimmed already, and relations name thousands.
fn trimmed(s: &str) -> &str {
    let spacelike = |lead: u8| lead <= b' ' || matches!(lead, 0xC2 | 0xE1 | 0xE2 | 0xE3);
    let b = s.as_bytes();
    let last_lead = b.iter().rposition(|&x| x & 0xC0 != 0x80);
    match (b.first(), last_lead) {
        (Some(&first), Some(i)) if !spacelike(first) && !spacelike(b[i]) => s,
        _ => s.trim(),
    }
}

/// A row's name for a formula: its code and name (“2080101 行政单位离退休”), or its name.
pub fn row_label(row: &Row) -> String {
    match &row.code {
        Some(code) => format!("{code} {}", row.name.trim()),
        None => row.name.trim().to_string(),
    }
}

#[derive(Debug)]
struct Overflow;

/// A relation the published figures must satisfy: `total = Σ sign·part`.
#[derive(Clone, Debug)]
pub struct Relation {
    /// The code of the rule that states the relation.
    pub rule: &'static str,
    /// What the relation says, for people (`合计 = Σ 类`).
    /// Shared by the many relations one rule states alike (one per row of a table).
    pub what: Arc<Message>,
    /// The figure the parts must add up to.
    pub total: Term,
    /// The parts, each with its sign (+1 added, −1 taken away).
    pub parts: Vec<(i8, Term)>,
}

impl Relation {
    /// `total = Σ parts`, every part added.
    pub fn sum(
        rule: &'static str,
        what: impl Into<Arc<Message>>,
        total: Term,
        parts: impl IntoIterator<Item = Term>,
    ) -> Relation {
        Relation {
            rule,
            what: what.into(),
            total,
            parts: parts.into_iter().map(|p| (1, p)).collect(),
        }
    }

    /// `left = right`: two printings of one figure.
    pub fn equal(
        rule: &'static str,
        what: impl Into<Arc<Message>>,
        left: Term,
        right: Term,
    ) -> Relation {
        Relation::sum(rule, what, left, vec![right])
    }

    /// Every figure the relation reads.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        std::iter::once(&self.total).chain(self.parts.iter().map(|(_, t)| t))
    }

    /// The formula with its figures, e.g. `3997.99 = 3966.63 + 31.36`; subtracted parts are
    /// written on the left (`3997.99 + 2.6 = 3926.89 + 73.7`), as a person would.
    pub fn formula(&self) -> String {
        // Figures of one unit are shown bare; of several (a narrative's 万元 against a table's
        // 元), each with its unit, so that 2940.05万元 = 29400500元 reads as the same figure.
        let mixed = self
            .terms()
            .filter(|t| t.figure.is_some())
            .any(|t| t.unit != self.total.unit);
        let show = |t: &Term| match t.figure {
            Some(f) if mixed => format!("{}{}", f.display(), t.unit.label()),
            Some(f) => f.display(),
            None => "—".to_string(),
        };
        let printed = |neg: bool| {
            self.parts
                .iter()
                .filter(move |(s, t)| t.figure.is_some() && (*s < 0) == neg)
                .map(|(_, t)| show(t))
        };
        let left: Vec<String> = std::iter::once(show(&self.total))
            .chain(printed(true))
            .collect();
        let right: Vec<String> = printed(false).collect();
        let right = if right.is_empty() {
            "0".to_string()
        } else {
            right.join(" + ")
        };
        format!("{} = {}", left.join(" + "), right)
    }

    /// Compares the printed figures, rounding-aware; `None` when the total and all parts are
    /// unprinted, or the sum overflows.
    pub fn evaluate(&self) -> Option<Evaluation> {
        // Figures in one unit are added as they are; mixed units meet in 元.
        let one_unit = self
            .terms()
            .filter(|t| t.figure.is_some())
            .all(|t| t.unit == self.total.unit);
        let value = |t: &Term| -> Result<Option<(Decimal, Decimal)>, Overflow> {
            if one_unit {
                Ok(t.figure.map(|f| (f.value, f.half_step())))
            } else {
                t.yuan()
            }
        };
        let total = value(&self.total).ok()?;
        let mut expected = Decimal::ZERO;
        let mut slack = total.map_or(Decimal::ZERO, |(_, h)| h);
        let mut printed_parts = false;
        for (s, t) in &self.parts {
            if let Some((v, h)) = value(t).ok()? {
                // Signs are ±1: no multiplication for them.
                let v = match s {
                    1 => v,
                    -1 => -v,
                    s => Decimal::from(*s).checked_mul(v)?,
                };
                expected = expected.checked_add(v)?;
                slack = slack.checked_add(h)?;
                printed_parts = true;
            }
        }
        if total.is_none() && !printed_parts {
            return None;
        }
        let actual = total.map_or(Decimal::ZERO, |(v, _)| v);
        if total.is_none() && expected.is_zero() {
            return None;
        }
        let gap = actual.checked_sub(expected)?;
        let outcome = if gap.is_zero() {
            Outcome::Exact
        } else if self.off_the_tables_step(one_unit, gap) {
            Outcome::Broken
        } else if gap.abs() <= slack && total.is_some() {
            Outcome::Rounding
        } else {
            Outcome::Broken
        };
        let unit = if total.is_some() {
            self.total.unit
        } else {
            self.parts
                .iter()
                .find(|(_, t)| t.figure.is_some())
                .map_or(self.total.unit, |(_, t)| t.unit)
        };
        let k = if one_unit {
            Decimal::ONE
        } else {
            unit.factor()
        };
        let in_unit = |v: Decimal| if k == Decimal::ONE { v } else { v / k };
        Some(Evaluation {
            outcome,
            expected: in_unit(expected),
            actual: total.map(|(v, _)| in_unit(v)),
            difference: in_unit(gap),
            tolerance: in_unit(slack),
            unit,
        })
    }
}

impl Relation {
    /// Whether a figure printed finer than its table leaves a gap that no rounding of the table
    /// explains. Every other figure is a whole multiple of the table's step (whole hundreds in a
    /// table of 元 converted from 万元), so their rounding only ever leaves gaps in whole steps:
    /// a gap of 1 元 there comes from the one figure printed to the 元, and says that it was
    /// changed by hand, not rounded.
    fn off_the_tables_step(&self, one_unit: bool, gap: Decimal) -> bool {
        let in_compared = |t: &Term, v: Decimal| {
            if one_unit {
                Some(v)
            } else {
                v.checked_mul(t.unit.factor())
            }
        };
        let Some(step) = self
            .terms()
            .filter_map(|t| in_compared(t, t.finer_than?))
            .max()
        else {
            return false;
        };
        let whole = |v: Decimal| (v % step).is_zero();
        let others_whole = self
            .terms()
            .filter(|t| t.finer_than.is_none())
            .filter_map(|t| in_compared(t, t.figure?.value))
            .all(whole);
        others_whole && !whole(gap)
    }
}

/// How a relation fares against the printed figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The printed figures satisfy it exactly.
    Exact,
    /// It holds only up to rounding: the gap is within the sum of the figures' half-steps
    /// (`info`).
    Rounding,
    /// It does not hold: the gap is larger than rounding can explain (an `error`, or the rule's
    /// severity).
    Broken,
}

/// The result of evaluating a relation, in the unit of its total.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Exact, up to rounding, or broken.
    pub outcome: Outcome,
    /// What the total should be: the sum of the parts.
    pub expected: Decimal,
    /// `None` when the total is not printed while its parts are.
    pub actual: Option<Decimal>,
    /// The printed total less the expected one.
    pub difference: Decimal,
    /// The largest gap rounding alone could explain (the half-steps added up).
    pub tolerance: Decimal,
    /// The unit of the figures above (the total's).
    pub unit: Unit,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_as_trim_does() {
        for s in [
            "合计",
            " 合计 ",
            "\u{3000}合计\u{3000}",
            "合计\u{00A0}",
            "\u{2003}一般公共服务支出",
            "a b",
            "",
            " ",
            "支出\t",
            "（一）工资",
        ] {
            assert_eq!(trimmed(s), s.trim(), "{s:?}");
        }
    }

    fn term(v: &str) -> Term {
        Term {
            label: v.into(),
            figure: Some(Figure::from_decimal(v.parse().unwrap())),
            unit: Unit::WanYuan,
            place: None,
            finer_than: None,
        }
    }

    fn rel(total: &str, parts: &[&str]) -> Relation {
        Relation::sum(
            "T",
            Message::new("", ""),
            term(total),
            parts.iter().map(|p| term(p)),
        )
    }

    #[test]
    fn exact_rounding_and_broken() {
        let e = rel("3997.99", &["3966.63", "31.36"]).evaluate().unwrap();
        assert_eq!(e.outcome, Outcome::Exact);
        let e = rel("1886.76", &["1849.03", "14.49", "23.25"])
            .evaluate()
            .unwrap();
        assert_eq!(e.outcome, Outcome::Rounding);
        assert_eq!(e.difference, "-0.01".parse().unwrap());
        assert_eq!(e.tolerance, "0.02".parse().unwrap());
        let e = rel("1887.76", &["1849.03", "14.49", "23.25"])
            .evaluate()
            .unwrap();
        assert_eq!(e.outcome, Outcome::Broken);
    }

    #[test]
    fn units_are_converted_before_comparing() {
        let mut yuan = term("39979900.00");
        yuan.unit = Unit::Yuan;
        let r = Relation::equal("T", Message::new("", ""), term("3997.99"), yuan);
        assert_eq!(r.evaluate().unwrap().outcome, Outcome::Exact);
    }

    #[test]
    fn figures_too_large_to_add_are_left_unchecked_not_a_panic() {
        let huge = "79228162514264337593543950335";
        assert_eq!(rel(huge, &[huge, "1"]).evaluate(), None);
        let mut r = rel("1", &[huge]);
        r.parts[0].1.unit = Unit::YiYuan;
        assert_eq!(r.evaluate(), None);
    }

    #[test]
    fn a_figure_finer_than_its_table_breaks_what_rounding_would_excuse() {
        let yuan = |v: &str, finer: bool| Term {
            unit: Unit::Yuan,
            figure: Some(Figure {
                value: v.parse().unwrap(),
                step: if finer {
                    Decimal::ONE
                } else {
                    Decimal::ONE_HUNDRED
                },
            }),
            finer_than: finer.then_some(Decimal::ONE_HUNDRED),
            ..term(v)
        };
        let r = |total, odd| {
            let parts = vec![yuan("21066600", false), yuan(odd, true)];
            Relation::sum("T", Message::new("", ""), yuan(total, false), parts)
        };
        // 29400500 = 21066600 + 8334000 (one 元 more): no rounding to whole hundreds gives 1 元.
        assert_eq!(
            r("29400500", "8334001").evaluate().unwrap().outcome,
            Outcome::Broken
        );
        // A gap of whole hundreds is still rounding, and an exact sum exact.
        assert_eq!(
            r("29400701", "8334001").evaluate().unwrap().outcome,
            Outcome::Rounding
        );
        assert_eq!(
            r("29400601", "8334001").evaluate().unwrap().outcome,
            Outcome::Exact
        );
        let mut whole = r("29400600", "8333900");
        whole.parts[1].1.finer_than = None;
        assert_eq!(whole.evaluate().unwrap().outcome, Outcome::Rounding);
        whole.parts[1].1.finer_than = Some(Decimal::ONE_HUNDRED);
        assert_eq!(whole.evaluate().unwrap().outcome, Outcome::Rounding);
    }

    #[test]
    fn a_blank_total_with_printed_parts_is_broken() {
        let mut r = rel("1", &["2.5"]);
        r.total.figure = None;
        let e = r.evaluate().unwrap();
        assert_eq!(e.outcome, Outcome::Broken);
        assert_eq!(e.actual, None);
        let mut r = rel("1", &[]);
        r.total.figure = None;
        assert_eq!(r.evaluate(), None);
    }
}

/// A percentage computed from two figures against the percentage printed: `part / base = X%`.
#[derive(Clone, Debug, PartialEq)]
pub struct Ratio {
    /// The percentage the printed figures give, exactly.
    pub computed: Decimal,
    /// That percentage rounded the way the printed one was.
    pub rounded: Decimal,
    /// The range of percentages the figures' rounding allows: its lower end …
    pub low: Decimal,
    /// … and its upper end.
    pub high: Decimal,
    /// Whether the printed percentage lies in that range exactly, up to rounding, or not at all.
    pub outcome: Outcome,
}

/// Rounds half away from zero, as percentages are printed (banker's rounding would make 18.5 → 18).
pub fn round_half_up(d: Decimal, places: u32) -> Decimal {
    d.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Checks `num / den × 100 = stated` with each figure standing for its rounding interval.
/// `None` when the base may be zero or negative: no share or rate can be computed from it.
pub fn ratio(num: Figure, den: Figure, stated: Figure) -> Option<Ratio> {
    let hundred = Decimal::ONE_HUNDRED;
    let (n, hn) = (num.value, num.half_step());
    let (d, hd) = (den.value, den.half_step());
    if d - hd <= Decimal::ZERO {
        return None;
    }
    let computed = n.checked_div(d)?.checked_mul(hundred)?;
    let places = stated.step.normalize().scale();
    let rounded = round_half_up(computed, places);
    let corners = [
        (n - hn).checked_div(d + hd)?,
        (n - hn).checked_div(d - hd)?,
        (n + hn).checked_div(d + hd)?,
        (n + hn).checked_div(d - hd)?,
    ];
    let low = corners.iter().copied().min()?.checked_mul(hundred)?;
    let high = corners.iter().copied().max()?.checked_mul(hundred)?;
    let (p, hp) = (stated.value, stated.half_step());
    let outcome = if rounded == p {
        Outcome::Exact
    } else if low <= p + hp && high >= p - hp {
        Outcome::Rounding
    } else {
        Outcome::Broken
    };
    Some(Ratio {
        computed,
        rounded,
        low,
        high,
        outcome,
    })
}

#[cfg(test)]
mod ratio_tests {
    use super::*;

    fn f(s: &str) -> Figure {
        Figure::from_decimal(s.parse().unwrap())
    }

    #[test]
    fn shares_of_the_reference_narrative() {
        let r = ratio(f("3966.63"), f("3997.99"), f("99.2")).unwrap();
        assert_eq!(r.outcome, Outcome::Exact);
        let r = ratio(f("700.64"), f("3895.53"), f("18")).unwrap();
        assert_eq!(r.outcome, Outcome::Exact);
        // 408.17 / (1886.76 − 408.17) = 27.605…% → 27.6%
        let r = ratio(f("408.17"), f("1478.59"), f("27.6")).unwrap();
        assert_eq!(r.outcome, Outcome::Exact);
        let r = ratio(f("31.36"), f("3997.99"), f("0.9")).unwrap();
        assert_eq!(r.outcome, Outcome::Broken);
        assert_eq!(ratio(f("1"), f("0"), f("5")), None);
    }

    #[test]
    fn a_share_that_only_rounding_explains_is_rounding() {
        // 1 / 8 = 12.5%; printed figures of 1 and 8 (±0.5) allow 6.7%–20%.
        let r = ratio(f("1"), f("8"), f("13")).unwrap();
        assert_eq!(r.rounded, "13".parse().unwrap());
        let r = ratio(f("1"), f("8"), f("14")).unwrap();
        assert_eq!(r.outcome, Outcome::Rounding);
    }
}
