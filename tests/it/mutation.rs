//! Mutation test: every published amount that takes part in a relation is changed in turn by a
//! non-rounding amount (+1, ×10, two digits swapped) and must be caught as an `error` naming it.
//!
//! "+1" is one unit of the table (1 万元 in a 万元 table), but never less than 100 rounding steps:
//! in the 9-table sample, printed in 元 converted from 万元 at two decimals, a figure's step is
//! 100 元, so +1 元 would be a change within rounding, and there "+1" is +10,000 元 (1 万元).

use std::collections::BTreeSet;
use std::path::Path;

use gouji::check::{self, Severity};
use gouji::read::{read_tables, Grid, RawValue};
use gouji::recognise;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::samples::{BUDGET, PUTUO, QIAOCHENG};

/// (grid index, row, col, rounding step) of every cell some relation of an error rule read (an
/// advisory rule, such as Y710's 机关运行经费 against 公用经费, reports a break as a warning).
fn cells_in_relations(path: &str, grids: &[Grid]) -> BTreeSet<(usize, usize, usize, Decimal)> {
    let (doc, problems) = recognise::document(path, grids);
    let checks = check::run(&doc, &problems);
    assert!(
        checks.findings.iter().all(|f| f.severity < Severity::Error),
        "the sample itself must be free of errors"
    );
    let advisory: Vec<&str> = check::catalogue()
        .iter()
        .map(|r| r.meta())
        .filter(|m| m.severity < Severity::Error)
        .map(|m| m.code)
        .collect();
    let mut cells = BTreeSet::new();
    for c in &checks.checked {
        let Some(relation) = c.relation.as_ref().filter(|r| !advisory.contains(&r.rule)) else {
            continue;
        };
        for t in relation.terms() {
            let (Some(loc), Some(fig)) = (t.location(), t.figure) else {
                continue;
            };
            let g = grids
                .iter()
                .position(|g| Some(g.sheet.as_str()) == loc.sheet.as_deref())
                .unwrap();
            let (row, col) = parse_a1(loc.cell.as_deref().unwrap());
            cells.insert((g, row, col, fig.step));
        }
    }
    cells
}

fn parse_a1(a1: &str) -> (usize, usize) {
    let letters: String = a1.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let col = letters
        .chars()
        .fold(0, |n, c| n * 26 + (c as usize - 'A' as usize + 1))
        - 1;
    let row: usize = a1[letters.len()..].parse().unwrap();
    (row - 1, col)
}

fn value(v: &RawValue) -> Decimal {
    match v {
        RawValue::Number(f) => recognise::text::from_f64(*f).unwrap(),
        RawValue::Text(t) => match recognise::text::amount(t) {
            recognise::text::AmountText::Figure(d) => d,
            other => panic!("not a figure: {other:?}"),
        },
        RawValue::Empty => panic!("empty"),
    }
}

/// Swaps the first two adjacent digits that differ.
fn swap_digits(d: Decimal) -> Option<Decimal> {
    let s = d.to_string();
    let mut chars: Vec<char> = s.chars().collect();
    let digits: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i].is_ascii_digit())
        .collect();
    let pair = digits.windows(2).find(|w| chars[w[0]] != chars[w[1]])?;
    chars.swap(pair[0], pair[1]);
    chars.iter().collect::<String>().parse().ok()
}

fn mutate_and_check(path: &str) -> (usize, usize, Vec<String>) {
    let grids = read_tables(Path::new(path)).unwrap().grids;
    let cells = cells_in_relations(path, &grids);
    let (mut changed, mut caught, mut missed) = (0, 0, Vec::new());
    for &(g, row, col, step) in &cells {
        let original = value(grids[g].get(row, col));
        let one = Decimal::ONE.max(step * Decimal::ONE_HUNDRED);
        let mutations = [
            ("+1", Some(original + one)),
            ("×10", Some(original * Decimal::TEN)),
            ("swap", swap_digits(original)),
        ];
        for (name, m) in mutations {
            let Some(m) = m.filter(|m| *m != original) else {
                continue;
            };
            let mut grids = grids.clone();
            grids[g].rows[row][col] = RawValue::Number(m.to_f64().unwrap());
            let (doc, problems) = recognise::document(path, &grids);
            let checks = check::run(&doc, &problems);
            let cell = gouji::model::CellRef::new(row as u32, col as u32).a1();
            let sheet = &grids[g].sheet;
            let hit = checks.findings.iter().any(|f| {
                f.severity == Severity::Error
                    && f.places().any(|l| {
                        l.sheet.as_deref() == Some(sheet.as_str())
                            && l.cell.as_deref() == Some(cell.as_str())
                    })
            });
            changed += 1;
            if hit {
                caught += 1;
            } else {
                missed.push(format!("{sheet}!{cell} {original} {name} → {m}"));
            }
        }
    }
    (changed, caught, missed)
}

#[test]
fn every_related_amount_changed_is_caught_qiaocheng() {
    let (changed, caught, missed) = mutate_and_check(QIAOCHENG);
    println!("qiaocheng: changed {changed}, caught {caught}");
    assert!(changed > 300, "only {changed} mutations");
    assert!(missed.is_empty(), "missed {}: {missed:#?}", missed.len());
}

#[test]
fn every_related_amount_changed_is_caught_putuo() {
    let (changed, caught, missed) = mutate_and_check(PUTUO);
    println!("putuo: changed {changed}, caught {caught}");
    assert!(changed > 300, "only {changed} mutations");
    assert!(missed.is_empty(), "missed {}: {missed:#?}", missed.len());
}

/// The budget sample (nine tables of a 部门预算, in 元 and one in 万元): every figure some
/// budget relation reads, changed, is an error naming its cell.
#[test]
fn every_related_amount_changed_is_caught_budget() {
    let (changed, caught, missed) = mutate_and_check(BUDGET);
    println!("budget: changed {changed}, caught {caught}");
    assert!(changed > 300, "only {changed} mutations");
    assert!(missed.is_empty(), "missed {}: {missed:#?}", missed.len());
}

/// One figure of the 元 sample (every figure a whole hundred: 万元 at two decimals) changed by
/// +1 元 is printed finer than its table. The table's step stays 100 元, so no rounding gap
/// elsewhere becomes an error; the changed figure is said (X002), and every relation it takes
/// part in is broken: the others' rounding leaves gaps in whole hundreds only, never of 1 元.
#[test]
fn one_figure_finer_than_its_table_moves_nothing_else() {
    let grids = read_tables(Path::new(PUTUO)).unwrap().grids;
    let cells = cells_in_relations(PUTUO, &grids);
    assert!(cells.iter().all(|c| c.3 == Decimal::ONE_HUNDRED));
    let (doc, problems) = recognise::document(PUTUO, &grids);
    let unchanged = check::run(&doc, &problems);
    assert!(!unchanged.findings.iter().any(|f| f.rule == "X002"));
    assert!(cells.len() > 100, "only {} cells", cells.len());
    for &(g, row, col, _) in &cells {
        let original = value(grids[g].get(row, col));
        let mut grids = grids.clone();
        let m = original + Decimal::ONE;
        grids[g].rows[row][col] = RawValue::Number(m.to_f64().unwrap());
        let (doc, problems) = recognise::document(PUTUO, &grids);
        let checks = check::run(&doc, &problems);
        let cell = gouji::model::CellRef::new(row as u32, col as u32).a1();
        let names_it = |l: &gouji::model::Location| l.cell.as_deref() == Some(cell.as_str());
        let what = format!("{cell} {original} → {m}");
        for f in &checks.findings {
            if f.severity == Severity::Error {
                assert!(f.places().any(names_it), "{what}: error elsewhere: {f:?}");
            }
        }
        let x002 = checks.findings.iter().filter(|f| f.rule == "X002");
        assert_eq!(
            x002.map(|f| f.location.cell.clone()).collect::<Vec<_>>(),
            [Some(cell.clone())],
            "{what}"
        );
        let mut its = 0;
        for c in &checks.checked {
            let Some(r) = &c.relation else { continue };
            if r.terms()
                .any(|t| t.location().is_some_and(|l| names_it(&l)))
            {
                its += 1;
                assert_eq!(c.outcome, check::Outcome::Broken, "{what}: {}", r.formula());
            }
        }
        assert!(its > 0, "{what} takes part in no relation");
    }
}
