//! The “三公” table, printed either with the items as rows or as column groups over one data row.

use std::sync::Arc;

use crate::model::{CellRef, ColKey, Column, Line, Row, Table};
use crate::recognise::columns::joined;
use crate::recognise::lines::three_public;
use crate::recognise::text::label_cow;

use super::{is_note, Ctx};

/// The “三公” table, printed either with the items as rows or as column groups over one data row;
/// both become rows of items with 预算数 and 决算数 columns.
pub(super) fn three_public_table(
    ctx: &mut Ctx,
    mut t: Table,
    paths: &[Vec<String>],
    data: &[usize],
) -> Table {
    let width = paths.len();
    let items: Vec<Option<Line>> = paths
        .iter()
        .map(|path| {
            path.iter().rev().find_map(|p| {
                if label_cow(p) == "合计" {
                    Some(Line::Total)
                } else {
                    three_public(p)
                }
            })
        })
        .collect();
    let item_of = |c: usize| items[c];
    let by_columns = items.iter().filter(|i| i.is_some()).count() >= 3;
    t.columns = vec![
        Column {
            label: "预算数".into(),
            key: Some(ColKey::Budget),
        },
        Column {
            label: "决算数".into(),
            key: Some(ColKey::Final),
        },
    ];
    let which = |c: usize| -> Option<usize> {
        let p = joined(&paths[c]);
        if p.contains("预算") {
            Some(0)
        } else if p.contains("决算") || p.contains("金额") {
            Some(1)
        } else {
            None
        }
    };
    if by_columns {
        let Some(&r) = data.iter().find(|&&r| {
            (0..width).any(|c| !ctx.grid.get(r, c).is_empty() && !is_note(&ctx.text(r, c)))
        }) else {
            return t;
        };
        for c in 0..width {
            let (Some(item), Some(slot)) = (item_of(c), which(c)) else {
                continue;
            };
            let cell = ctx.amount(r, c);
            let i = match t.rows.iter().position(|row| row.line == Some(item)) {
                Some(i) => i,
                None => {
                    t.rows.push(Row {
                        code: None,
                        name: three_public_name(item).into(),
                        line: Some(item),
                        cells: vec![None, None],
                        at: CellRef::new(r as u32, c as u32),
                    });
                    t.rows.len() - 1
                }
            };
            t.rows[i].cells[slot] = cell;
        }
        return t;
    }
    let label_col = (0..width).find(|&c| which(c).is_none()).unwrap_or(0);
    let slots: Vec<(usize, usize)> = (0..width)
        .filter(|&c| c != label_col)
        .filter_map(|c| which(c).map(|s| (c, s)))
        .collect();
    for &r in data {
        let name = ctx.text(r, label_col);
        if name.is_empty() || is_note(&name) {
            continue;
        }
        let name: Arc<str> = Arc::from(&*name);
        let line = if label_cow(&name) == "合计" {
            Some(Line::Total)
        } else {
            three_public(&name)
        };
        let mut cells = vec![None, None];
        for &(c, s) in &slots {
            cells[s] = ctx.amount(r, c);
        }
        t.rows.push(Row {
            code: None,
            name,
            line,
            cells,
            at: CellRef::new(r as u32, label_col as u32),
        });
    }
    t
}

fn three_public_name(line: Line) -> &'static str {
    match line {
        Line::Total => "合计",
        Line::OverseasTravel => "因公出国（境）费",
        Line::Vehicles => "公务用车购置及运行费",
        Line::VehiclePurchase => "公务用车购置费",
        Line::VehicleOperation => "公务用车运行费",
        Line::Reception => "公务接待费",
        _ => "",
    }
}
