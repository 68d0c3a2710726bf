//! A 总表 (收入支出决算总表, 财政拨款收入支出决算总表): its income and expenditure halves printed
//! side by side, each read as a table of lines.

use std::sync::Arc;

use crate::model::{CellRef, Row, Side, Table};
use crate::recognise::columns;
use crate::recognise::lines::LineReader;

use super::{is_note, keyed_columns, Ctx};

/// The two halves of a 总表 printed side by side: 收入 | 支出.
pub(super) fn halves(
    ctx: &mut Ctx,
    base: &Table,
    paths: &[Vec<String>],
    data: &[usize],
) -> Vec<Table> {
    let width = paths.len();
    let split = (1..width)
        .find(|&c| paths[c].first().is_some_and(|p| p.starts_with("支出")))
        .or_else(|| {
            let items: Vec<usize> = (0..width)
                .filter(|&c| paths[c].iter().any(|p| p.contains("项目")))
                .collect();
            items.get(1).copied()
        })
        .unwrap_or(width);
    let mut out = Vec::new();
    for (side, from, to) in [(Side::Income, 0, split), (Side::Expenditure, split, width)] {
        if from >= to {
            continue;
        }
        let label_col = from;
        let amount_cols: Vec<usize> = (from + 1..to)
            .filter(|&c| !columns::is_line_number(&paths[c]))
            .collect();
        let mut t = base.clone();
        t.side = Some(side);
        t.columns = keyed_columns(paths, &amount_cols);
        let mut lines = LineReader::default();
        for &r in data {
            let name = ctx.text(r, label_col);
            if name.is_empty() || is_note(&name) {
                continue;
            }
            let name: Arc<str> = Arc::from(&*name);
            let (line, code) = lines.read(side, &name);
            let cells = amount_cols.iter().map(|&c| ctx.amount(r, c)).collect();
            t.rows.push(Row {
                code,
                name,
                line,
                cells,
                at: CellRef::new(r as u32, label_col as u32),
            });
        }
        out.push(t);
    }
    out
}
