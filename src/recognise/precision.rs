//! The precision each figure was published with.
//!
//! A spreadsheet number loses its trailing zeros (732.00 is stored as 732), so a figure's own
//! digits understate its precision: its own step (0.01 for 3997.99, 100 for 29400500) is only an
//! upper bound on the table's. Tables are printed with uniform decimals, so within a document all
//! figures in one unit share one step, decided by the figures together so that one odd figure
//! cannot move it:
//!
//! - the step is the coarsest one that all figures but an odd few (at most one in fifty, and at
//!   least one) are whole multiples of: a figure printed finer than that is the odd one, not a
//!   sign that all the others lost their decimals;
//! - a step coarser than the finest any figure shows (a whole-hundred step in 元, a table
//!   converted from 万元 at two decimals) is taken only when at least `MIN_FIGURES` non-zero
//!   figures agree on it, so that a few round numbers are not taken for a pattern.
//!
//! A figure printed finer than its table keeps its own step; the table records the step it is
//! printed at, so that the check can say so (X002) and judge the figure's relations by it.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::model::{Table, Unit};

const MIN_FIGURES: usize = 8;
/// The coarsest step looked for: 10^4 (a table in 元 of figures rounded to whole 万元).
const COARSEST: u32 = 4;

/// Decides each unit's step and gives it to every figure in that unit that is not printed finer.
pub fn settle(tables: &mut [Table]) {
    let mut by_unit: HashMap<Unit, Vec<Decimal>> = HashMap::new();
    for t in tables.iter() {
        let figures = t
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten())
            .filter_map(|c| c.figure);
        by_unit
            .entry(t.unit)
            .or_default()
            .extend(figures.map(|f| f.value));
    }
    let steps: HashMap<Unit, Decimal> = by_unit
        .into_iter()
        .map(|(u, vals)| (u, step_of(&vals)))
        .collect();
    for t in tables.iter_mut() {
        let Some(&step) = steps.get(&t.unit) else {
            continue;
        };
        t.step = Some(step);
        for cell in t.rows.iter_mut().flat_map(|r| r.cells.iter_mut().flatten()) {
            if let Some(f) = cell.figure.as_mut() {
                // A figure printed finer than its table keeps its own finer step.
                if f.value.is_zero() || own_step(f.value) >= step {
                    f.step = step;
                } else {
                    f.step = f.step.min(own_step(f.value));
                }
            }
        }
    }
}

/// The coarsest power of ten a non-zero figure is a whole multiple of (up to 10^4): 0.01 for
/// 3997.99, 1 for 732, 100 for 29400500.
fn own_step(v: Decimal) -> Decimal {
    let v = v.normalize();
    if v.scale() > 0 {
        return Decimal::new(1, v.scale());
    }
    let mut step = Decimal::ONE;
    for _ in 0..COARSEST {
        let next = step * Decimal::TEN;
        if (v % next).is_zero() {
            step = next;
        } else {
            break;
        }
    }
    step
}

fn step_of(values: &[Decimal]) -> Decimal {
    let own: Vec<Decimal> = values
        .iter()
        .filter(|v| !v.is_zero())
        .map(|v| own_step(*v))
        .collect();
    let finest = own.iter().copied().min().unwrap_or(Decimal::ONE);
    // At most one figure in fifty, and at least one, may be printed finer than the rest.
    let odd_allowed = (own.len() / 50).max(1);
    let mut s = Decimal::new(10i64.pow(COARSEST), 0);
    while s >= finest {
        let finer = own.iter().filter(|o| **o < s).count();
        let agreeing = own.len() - finer;
        let enough = agreeing >= MIN_FIGURES;
        if (finer == 0 && (s <= Decimal::ONE || enough)) || (finer <= odd_allowed && enough) {
            return s;
        }
        s /= Decimal::TEN;
    }
    finest.min(Decimal::ONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn finest_decimals_set_the_step() {
        assert_eq!(step_of(&[d("732"), d("3997.99"), d("2.6")]), d("0.01"));
        assert_eq!(step_of(&[d("732"), d("3")]), d("1"));
        assert_eq!(step_of(&[]), d("1"));
    }

    fn hundreds() -> Vec<Decimal> {
        [29400500, 6200, 21600, 100, 1511900, 8300, 900, 84600]
            .iter()
            .map(|&v| Decimal::from(v))
            .collect()
    }

    #[test]
    fn whole_hundreds_mean_a_hundred_step() {
        assert_eq!(step_of(&hundreds()), d("100"));
        let few = [d("100"), d("200")];
        assert_eq!(step_of(&few), Decimal::ONE);
        let mixed: Vec<Decimal> = (1..=10).map(|v| Decimal::from(v * 100 + 1)).collect();
        assert_eq!(step_of(&mixed), Decimal::ONE);
    }

    #[test]
    fn one_odd_figure_does_not_move_the_step() {
        // 29400501 is printed to the 元 among whole hundreds: it is the odd one.
        let mut vals = hundreds();
        vals.push(d("29400501"));
        assert_eq!(step_of(&vals), d("100"));
        // Two odd figures among nine are not a few: the table is taken to be printed to the 元.
        vals.push(d("101"));
        assert_eq!(step_of(&vals), d("1"));
        // One figure with three decimals among figures of two keeps its own step.
        let mut cents: Vec<Decimal> = (1..=10).map(|v| Decimal::new(v * 101, 2)).collect();
        cents.push(d("12.345"));
        assert_eq!(step_of(&cents), d("0.01"));
        // … but not when too few agree on two decimals to say so.
        assert_eq!(step_of(&[d("1.25"), d("12.345")]), d("0.001"));
    }
}
