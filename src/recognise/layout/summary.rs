//! A 总表 (收入支出决算总表, 财政拨款收入支出决算总表): its income and expenditure halves printed
//! side by side, each read as a table of lines.

use std::sync::Arc;

use crate::model::{classification, CellRef, Row, Side, Table};
use crate::recognise::columns;
use crate::recognise::lines::LineReader;
use crate::recognise::text::label_cow;

use super::{is_note, keyed_columns, Ctx};

/// Where a budget 总表 prints its expenditure a second time, by use (支出用途: 基本支出, 项目支出,
/// 单位预留机动经费) beside the 功能分类 (江苏): the column of its item names, which becomes a
/// second expenditure half.
fn by_use(base: &Table, paths: &[Vec<String>], split: usize) -> Option<usize> {
    if !base.kind.is_budget() {
        return None;
    }
    (split + 2..paths.len()).find(|&c| {
        paths[c].iter().any(|p| p.contains("支出用途"))
            && paths[c]
                .last()
                .is_some_and(|p| p.contains("项目") || p.contains("名称"))
    })
}

/// The two halves of a 总表 printed side by side: 收入 | 支出 (and, in a budget that prints it,
/// 支出 by use as a second expenditure half).
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
    let by_use = by_use(base, paths, split);
    let mut parts = vec![(Side::Income, 0, split), (Side::Expenditure, split, width)];
    if let Some(u) = by_use {
        parts = vec![
            (Side::Income, 0, split),
            (Side::Expenditure, split, u),
            (Side::Expenditure, u, width),
        ];
    }
    let mut out = Vec::new();
    for (side, from, to) in parts {
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
            let mut name = ctx.text(r, label_col);
            if let Some(u) = by_use {
                // 江苏 prints the totals of both expenditure parts once: the label (当年支出小计,
                // 结转下年资金, 支出合计) under the 功能分类 names, the figure under 支出用途. They
                // belong to the part by use.
                let figure_in_use = (u + 1..width).any(|c| !ctx.text(r, c).is_empty());
                let figure_here = (split + 1..u).any(|c| !ctx.text(r, c).is_empty());
                let class =
                    classification::function_class_code(&label_cow(&ctx.text(r, split))).is_some();
                let shared = !class && !figure_here && ctx.text(r, u).is_empty();
                if shared && label_col == split && figure_in_use {
                    continue;
                }
                if shared && label_col == u {
                    name = ctx.text(r, split);
                }
            }
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
