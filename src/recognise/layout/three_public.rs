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
    let items = if t.kind.is_budget() {
        budget_column_items(paths)
    } else {
        column_items(paths)
    };
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
    if items.iter().filter(|i| i.is_some()).count() >= 3 {
        by_columns(ctx, t, paths, &items, data)
    } else {
        by_rows(ctx, t, paths, data)
    }
}

/// The slot of a row's cells the 预算数 goes in.
const BUDGET: usize = 0;
/// The slot of a row's cells the 决算数 goes in.
const FINAL: usize = 1;

/// Each column's “三公” item (合计 included) named in its heading, the lowest heading first: three
/// or more make a table printed as column groups.
fn column_items(paths: &[Vec<String>]) -> Vec<Option<Line>> {
    paths
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
        .collect()
}

/// A budget's columns: the “三公” items, and beside them the 小计 of the “三公” when 会议费 and
/// 培训费 follow it (合计 is then their sum: 江苏), and 机关运行经费 (上海).
fn budget_column_items(paths: &[Vec<String>]) -> Vec<Option<Line>> {
    let items = column_items(paths);
    paths
        .iter()
        .zip(items)
        .map(|(path, item)| {
            let leaf = path.last().map(|p| label_cow(p));
            let parent = path.len().checked_sub(2).and_then(|i| path.get(i));
            match leaf.as_deref() {
                Some("小计") if parent.is_some_and(|p| p.contains("三公")) => {
                    Some(Line::ThreePublicSubtotal)
                }
                // A 上海 sub-heading names the vehicle item by its last word alone.
                Some("购置费") => Some(Line::VehiclePurchase),
                Some("运行费" | "运行维护费") => Some(Line::VehicleOperation),
                Some(l) if l.contains("会议") => Some(Line::Meetings),
                Some(l) if l.contains("培训") => Some(Line::Training),
                Some(l) if l.contains("机关运行经费") => Some(Line::AgencyOperating),
                _ => item,
            }
        })
        .collect()
}

/// Whether a column holds 预算数 or 决算数 (决算 or 金额 in its heading), or neither. Every
/// figure of a budget is a 预算数.
fn slot(paths: &[Vec<String>], c: usize, budget: bool) -> Option<usize> {
    let p = joined(&paths[c]);
    if budget && (p.contains("项目") || p.contains("名称")) {
        None
    } else if budget || p.contains("预算") {
        Some(BUDGET)
    } else if p.contains("决算") || p.contains("金额") {
        Some(FINAL)
    } else {
        None
    }
}

/// Items as column groups: the first data row that is no note holds every figure, each put in
/// its item's row (made when first met, at its first column).
fn by_columns(
    ctx: &mut Ctx,
    mut t: Table,
    paths: &[Vec<String>],
    items: &[Option<Line>],
    data: &[usize],
) -> Table {
    let width = paths.len();
    let Some(&r) = data.iter().find(|&&r| {
        (0..width).any(|c| !ctx.grid.get(r, c).is_empty() && !is_note(&ctx.text(r, c)))
    }) else {
        return t;
    };
    for (c, item) in items.iter().enumerate() {
        let (Some(item), Some(slot)) = (*item, slot(paths, c, t.kind.is_budget())) else {
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
    t
}

/// Items as rows: the first column that is neither 预算 nor 决算 holds the item's name, the
/// others its two figures.
fn by_rows(ctx: &mut Ctx, mut t: Table, paths: &[Vec<String>], data: &[usize]) -> Table {
    let width = paths.len();
    let label_col = (0..width)
        .find(|&c| slot(paths, c, t.kind.is_budget()).is_none())
        .unwrap_or(0);
    let slots: Vec<(usize, usize)> = (0..width)
        .filter(|&c| c != label_col)
        .filter_map(|c| slot(paths, c, t.kind.is_budget()).map(|s| (c, s)))
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

/// The name a row made from a column group gets: the item as the template prints it.
fn three_public_name(line: Line) -> &'static str {
    match line {
        Line::Total => "合计",
        Line::OverseasTravel => "因公出国（境）费",
        Line::Vehicles => "公务用车购置及运行费",
        Line::VehiclePurchase => "公务用车购置费",
        Line::VehicleOperation => "公务用车运行费",
        Line::Reception => "公务接待费",
        Line::ThreePublicSubtotal => "“三公”经费小计",
        Line::Meetings => "会议费",
        Line::Training => "培训费",
        Line::AgencyOperating => "机关运行经费",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(headings: &[&str]) -> Vec<String> {
        headings.iter().map(|h| h.to_string()).collect()
    }

    /// The lowest heading naming an item wins: 购置费 under 购置及运行费 is the purchase alone.
    #[test]
    fn a_column_is_the_item_its_lowest_heading_names() {
        let paths = [
            path(&["财政拨款“三公”经费", "合计", "预算数"]),
            path(&["财政拨款“三公”经费", "因公出国（境）费", "决算数"]),
            path(&["公务用车购置及运行费", "公务用车购置费", "预算数"]),
            path(&["公务用车购置及运行费", "小计", "决算数"]),
            path(&["项目"]),
        ];
        assert_eq!(
            column_items(&paths),
            [
                Some(Line::Total),
                Some(Line::OverseasTravel),
                Some(Line::VehiclePurchase),
                Some(Line::Vehicles),
                None
            ]
        );
    }

    #[test]
    fn a_column_holds_the_budget_the_final_figure_or_neither() {
        let paths = [
            path(&["项目"]),
            path(&["2024年预算数"]),
            path(&["决算数"]),
            path(&["金额"]),
        ];
        let slots: Vec<_> = (0..paths.len()).map(|c| slot(&paths, c, false)).collect();
        assert_eq!(slots, [None, Some(BUDGET), Some(FINAL), Some(FINAL)]);
    }
}
