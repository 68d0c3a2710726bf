//! The errors put into a corpus: one figure of a 决算 changed so that its own rules break
//! (the kinds below), or a figure changed so that the document stays consistent alone and
//! only its neighbour contradicts it (年初结转和结余 against last year's 决算, a 上年预算数 against
//! last year's 预算, a “三公” 预算数 against this year's 预算).

use super::catalogue;
use super::rng::Rng;
use super::sheet;
use super::tables::{self, Cell, Table};

/// Kinds of injected error: the table, the cells it may hit, the rules that should fire.
pub struct Kind {
    pub table: usize,
    pub rules: &'static str,
    pub cells: fn(&Table) -> Vec<(usize, u16)>,
}

fn code_len(row: &[Cell], col: usize) -> usize {
    match row.get(col) {
        Some(Cell::Text(s)) if s.bytes().all(|b| b.is_ascii_digit()) => s.len(),
        _ => 0,
    }
}

fn nonzero(row: &[Cell], col: u16) -> bool {
    matches!(row.get(col as usize), Some(Cell::Amt(v)) if *v != 0)
}

fn leaf_cells(t: &Table, cols: &[u16]) -> Vec<(usize, u16)> {
    let mut out = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        if code_len(row, 0) == 7 {
            out.extend(cols.iter().filter(|&&c| nonzero(row, c)).map(|&c| (r, c)));
        }
    }
    out
}

fn class_lines(t: &Table, col: u16) -> Vec<(usize, u16)> {
    (0..catalogue::SUMMARY_LINES.len().min(t.rows.len()))
        .filter(|&r| nonzero(&t.rows[r], col))
        .map(|r| (r, col))
        .collect()
}

pub const KINDS: &[Kind] = &[
    Kind {
        table: tables::T_SPENDING,
        rules: "T101|T104",
        cells: |t| leaf_cells(t, &[3, 4]),
    },
    Kind {
        table: tables::T_INCOME,
        rules: "T101|T104",
        cells: |t| leaf_cells(t, &[3]),
    },
    Kind {
        table: tables::T_GENERAL,
        rules: "T101|T104",
        cells: |t| leaf_cells(t, &[3, 4]),
    },
    Kind {
        table: tables::T_SUMMARY,
        rules: "B202|L502",
        cells: |t| class_lines(t, 3),
    },
    Kind {
        table: tables::T_FISCAL,
        rules: "T101|B202|L503",
        cells: |t| class_lines(t, 4),
    },
    Kind {
        table: tables::T_BASIC,
        rules: "E301",
        cells: |t| {
            let mut out = Vec::new();
            for (r, row) in t.rows.iter().enumerate() {
                for (code, amount) in [(0, 2), (3, 5)] {
                    if code_len(row, code) == 5 && nonzero(row, amount) {
                        out.push((r, amount));
                    }
                }
            }
            out
        },
    },
    Kind {
        table: tables::T_THREE,
        rules: "S401",
        cells: |t| {
            [10, 11]
                .into_iter()
                .filter(|&c| nonzero(&t.rows[0], c))
                .map(|c| (0, c))
                .collect()
        },
    },
    Kind {
        table: tables::T_THREE,
        rules: "S402",
        cells: |t| {
            [8, 9]
                .into_iter()
                .filter(|&c| nonzero(&t.rows[0], c))
                .map(|c| (0, c))
                .collect()
        },
    },
    Kind {
        table: tables::T_SUMMARY,
        // 年末结转和结余 (the row after 本年支出合计 and 结余分配).
        rules: "B204",
        cells: |t| {
            let r = catalogue::SUMMARY_LINES.len() + 2;
            if nonzero(&t.rows[r], 3) {
                vec![(r, 3)]
            } else {
                Vec::new()
            }
        },
    },
    Kind {
        table: tables::T_INCOME,
        // The 合计 row's 本年收入合计.
        rules: "T101|T102|L501",
        cells: |t| {
            if nonzero(&t.rows[0], 2) {
                vec![(0, 2)]
            } else {
                Vec::new()
            }
        },
    },
];

/// Changes one figure of the tables by 1.00–50.00 万元 (never a rounding gap).
/// Only the cells `keep` lets through are drawn from: beside its neighbours a 决算 must not be
/// given an error they would also see (see [`alone`]).
pub fn inject(
    tables: &mut [Table],
    kind: usize,
    rng: &mut Rng,
    keep: &dyn Fn(&Kind, u16) -> bool,
) -> Option<(String, &'static str, i64, i64)> {
    let starts = sheet::first_data_rows(tables);
    for k in (0..KINDS.len()).map(|i| (kind + i) % KINDS.len()) {
        let spec = &KINDS[k];
        let mut cells = (spec.cells)(&tables[spec.table]);
        cells.retain(|&(_, c)| keep(spec, c));
        if cells.is_empty() {
            continue;
        }
        let (r, c) = cells[rng.index(cells.len())];
        let cell = &mut tables[spec.table].rows[r][c as usize];
        let Cell::Amt(old) = *cell else { continue };
        let delta = rng.range(100, 5000);
        let new = if old > delta + 100 && rng.chance(0.4) {
            old - delta
        } else {
            old + delta
        };
        *cell = Cell::Amt(new);
        let name = sheet::a1(starts[spec.table] + r as u32, c);
        return Some((name, spec.rules, old, new));
    }
    None
}

/// Whether an error of `kind` in column `col` stays inside its 决算 when its neighbours are in the
/// corpus (`has_next`: next year's 决算; `has_budget`: the year's 预算): a changed 年末结转和结余
/// (B204) would break next year's C001 too, and a “三公” 预算数 (the even columns) the C004 of
/// the year's budget, so those are not drawn there.
pub fn alone(kind: &Kind, col: u16, has_next: bool, has_budget: bool) -> bool {
    let closing = kind.rules == "B204" && has_next;
    let budgeted = kind.table == tables::T_THREE && col.is_multiple_of(2) && has_budget;
    !closing && !budgeted
}

/// The document a cross-document error contradicts, seen from the injured one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Neighbour {
    /// The same department's 决算 of the year before.
    PriorFinal,
    /// The same department's 预算 of the same year.
    Budget,
    /// The same department's 预算 of the year before.
    PriorBudget,
}

/// An error only a neighbouring document shows: the cell named, the rule that must find it, the
/// figure before and after, and the neighbour.
pub struct CrossInjury {
    pub cell: String,
    pub rule: &'static str,
    pub old: i64,
    pub new: i64,
    pub neighbour: Neighbour,
}

/// The cross-document kinds a 决算 may get, after [`KINDS`]: C001 then C004.
pub const FINAL_CROSS: usize = 2;

/// A 决算's cross-document error `which` (0: C001, 1: C004), or `None` where the neighbour it
/// needs is not in the corpus (`has_prior`: last year's 决算; `has_budget`: this year's 预算).
pub fn cross_final(
    tables: &mut [Table],
    which: usize,
    has_prior: bool,
    has_budget: bool,
    rng: &mut Rng,
) -> Option<CrossInjury> {
    let starts = sheet::first_data_rows(tables);
    let (table, cells, injury) = match which {
        0 if has_prior => (
            tables::T_SUMMARY,
            opening(&mut tables[tables::T_SUMMARY], rng)?,
            ("C001", Neighbour::PriorFinal),
        ),
        1 if has_budget => (
            tables::T_THREE,
            three_public_budget(&mut tables[tables::T_THREE], rng)?,
            ("C004", Neighbour::Budget),
        ),
        _ => return None,
    };
    let (r, c, old, new) = cells;
    Some(CrossInjury {
        cell: sheet::a1(starts[table] + r as u32, c),
        rule: injury.0,
        old,
        new,
        neighbour: injury.1,
    })
}

fn amount(t: &Table, r: usize, c: u16) -> i64 {
    match t.rows.get(r).and_then(|row| row.get(c as usize)) {
        Some(Cell::Amt(v)) => *v,
        _ => 0,
    }
}

fn raise(t: &mut Table, r: usize, c: u16, delta: i64) {
    let v = amount(t, r, c);
    if let Some(cell) = t.rows.get_mut(r).and_then(|row| row.get_mut(c as usize)) {
        *cell = Cell::Amt(v + delta);
    }
}

/// C001: the 收入支出决算总表's 年初结转和结余 raised by 1.00–50.00 万元, as an opening balance
/// restated without a word; 结余分配 takes the difference and both 总计 grow by it, so the table
/// still balances and its 年末结转和结余 is still what next year's 决算 opens with.
fn opening(t: &mut Table, rng: &mut Rng) -> Option<(usize, u16, i64, i64)> {
    let lines = catalogue::SUMMARY_LINES.len();
    let (distribution, balances, grand) = (lines + 1, lines + 2, lines + 3);
    if t.rows.len() <= grand {
        return None;
    }
    let delta = rng.range(100, 5000);
    let old = amount(t, balances, 1);
    raise(t, balances, 1, delta);
    raise(t, distribution, 3, delta);
    raise(t, grand, 1, delta);
    raise(t, grand, 3, delta);
    Some((balances, 1, old, old + delta))
}

/// C004: one “三公” item's 预算数 in the 决算 raised by 0.10–3.00 万元 with its 小计 and 合计, as a
/// budget figure copied wrong: the table still adds up, and only the year's 预算 contradicts it.
fn three_public_budget(t: &mut Table, rng: &mut Rng) -> Option<(usize, u16, i64, i64)> {
    // 预算数 columns of 出国, 购置, 运行 and 接待; 小计 is column 4 and 合计 column 0.
    let items: Vec<u16> = [2, 6, 8, 10]
        .into_iter()
        .filter(|&c| amount(t, 0, c) != 0)
        .collect();
    let &c = items.get(rng.index(items.len()))?;
    let delta = rng.range(10, 300);
    let old = amount(t, 0, c);
    raise(t, 0, c, delta);
    if c == 6 || c == 8 {
        raise(t, 0, 4, delta);
    }
    raise(t, 0, 0, delta);
    Some((0, c, old, old + delta))
}
