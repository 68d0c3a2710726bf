//! The precision each figure was published with.
//!
//! A spreadsheet number loses its trailing zeros (732.00 is stored as 732), so a figure's own
//! digits understate its precision. Tables are printed with uniform decimals: within a document,
//! all figures in one unit take the finest step any of them shows. When every figure of a unit is
//! a whole multiple of 10, 100 … (a table in 元 converted from 万元 at two decimals shows only
//! multiples of 100), that multiple is the step they were rounded to — if at least
//! `MIN_FIGURES` non-zero figures agree, so that a few round numbers are not taken for a pattern.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::model::{Table, Unit};

const MIN_FIGURES: usize = 8;

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
        for cell in t.rows.iter_mut().flat_map(|r| r.cells.iter_mut().flatten()) {
            if let Some(f) = cell.figure.as_mut() {
                // A figure printed with more decimals than the rest keeps its own finer step.
                if f.step > step || step >= Decimal::TEN {
                    f.step = step;
                }
            }
        }
    }
}

fn step_of(values: &[Decimal]) -> Decimal {
    let finest = values
        .iter()
        .map(|v| v.normalize().scale())
        .max()
        .unwrap_or(0);
    if finest > 0 {
        return Decimal::new(1, finest);
    }
    let nonzero: Vec<&Decimal> = values.iter().filter(|v| !v.is_zero()).collect();
    if nonzero.len() < MIN_FIGURES {
        return Decimal::ONE;
    }
    let mut step = Decimal::ONE;
    for _ in 0..4 {
        let next = step * Decimal::TEN;
        if nonzero.iter().all(|v| (**v % next).is_zero()) {
            step = next;
        } else {
            break;
        }
    }
    step
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
    }

    #[test]
    fn whole_hundreds_mean_a_hundred_step() {
        let vals: Vec<Decimal> = [29400500, 6200, 21600, 100, 1511900, 8300, 900, 84600]
            .iter()
            .map(|&v| Decimal::from(v))
            .collect();
        assert_eq!(step_of(&vals), d("100"));
        let few = [d("100"), d("200")];
        assert_eq!(step_of(&few), Decimal::ONE);
        let mixed: Vec<Decimal> = (1..=10).map(|v| Decimal::from(v * 100 + 1)).collect();
        assert_eq!(step_of(&mixed), Decimal::ONE);
    }
}
