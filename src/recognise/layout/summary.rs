//! A 总表 (收入支出决算总表, 财政拨款收入支出决算总表): its income and expenditure halves printed
//! side by side, or the 支出 half printed under the 收入 half with a header of its own; each half
//! read as a table of lines.

use std::sync::Arc;

use crate::model::{classification, CellRef, Row, Side, Table};
use crate::read::RawValue;
use crate::recognise::columns;
use crate::recognise::lines::LineReader;
use crate::recognise::text::{self, label_cow, AmountText};

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

/// The columns of a 总表 that prints its expenditure by use too: where the 支出 half starts, where
/// its part by use starts, and the table's width.
#[derive(Clone, Copy)]
struct ByUse {
    split: usize,
    at: usize,
    width: usize,
}

/// The two halves of a 总表: side by side (收入 | 支出, and in a budget that prints it, 支出 by use
/// as a second expenditure half), or stacked (支出 under 收入).
pub(super) fn halves(
    ctx: &mut Ctx,
    base: &Table,
    paths: &[Vec<String>],
    data: &[usize],
) -> Vec<Table> {
    let width = paths.len();
    // From the first column: a 支出 half printed alone (its own sheet or file) is all 支出.
    let split = (0..width)
        .find(|&c| paths[c].first().is_some_and(|p| p.starts_with("支出")))
        .or_else(|| {
            let items: Vec<usize> = (0..width)
                .filter(|&c| paths[c].iter().any(|p| p.contains("项目")))
                .collect();
            items.get(1).copied()
        })
        .unwrap_or(width);
    // A half is as wide as its header: a wider unit line, or the other half's columns printed
    // under it, are not its own.
    let headed = |p: &[Vec<String>]| p.iter().rposition(|h| !h.is_empty()).map_or(0, |c| c + 1);
    if split == width {
        if let Some((income, header, spending)) = stacked(ctx, data, width) {
            let lower = columns::paths(ctx.grid, header, width);
            let (upper_width, lower_width) = (headed(paths), headed(&lower));
            return vec![
                half(
                    ctx,
                    base,
                    Side::Income,
                    paths,
                    (0, upper_width),
                    income,
                    None,
                ),
                half(
                    ctx,
                    base,
                    Side::Expenditure,
                    &lower,
                    (0, lower_width),
                    spending,
                    None,
                ),
            ];
        }
    }
    let width = headed(paths);
    let split = split.min(width);
    let use_at = by_use(base, paths, split).map(|at| ByUse { split, at, width });
    let parts = match use_at {
        Some(u) => vec![
            (Side::Income, 0, split),
            (Side::Expenditure, split, u.at),
            (Side::Expenditure, u.at, width),
        ],
        None => vec![(Side::Income, 0, split), (Side::Expenditure, split, width)],
    };
    parts
        .into_iter()
        .filter(|&(_, from, to)| from < to)
        .map(|(side, from, to)| half(ctx, base, side, paths, (from, to), data, use_at))
        .collect()
}

/// The name of a line in a 总表 that prints its expenditure by use: 江苏 prints the totals of
/// both expenditure parts once, the label (当年支出小计, 结转下年资金, 支出合计) under the 功能分类
/// names and the figure under 支出用途; they belong to the part by use. `None`: not this part's.
fn by_use_name<'c>(
    ctx: &'c Ctx,
    r: usize,
    label_col: usize,
    u: ByUse,
) -> Option<std::borrow::Cow<'c, str>> {
    let figure_in_use = (u.at + 1..u.width).any(|c| !ctx.text(r, c).is_empty());
    let figure_here = (u.split + 1..u.at).any(|c| !ctx.text(r, c).is_empty());
    let class = classification::function_class_code(&label_cow(&ctx.text(r, u.split))).is_some();
    let shared = !class && !figure_here && ctx.text(r, u.at).is_empty();
    if shared && label_col == u.split && figure_in_use {
        return None;
    }
    if shared && label_col == u.at {
        return Some(ctx.text(r, u.split));
    }
    Some(ctx.text(r, label_col))
}

/// A 支出 half printed under the 收入 half: the rows of the income half, the header rows of the
/// expenditure half (after a row reading 支出, up to its first line) and its lines.
fn stacked<'d>(
    ctx: &Ctx,
    data: &'d [usize],
    width: usize,
) -> Option<(&'d [usize], &'d [usize], &'d [usize])> {
    let texts = |r: usize| -> Vec<String> {
        (0..width)
            .map(|c| ctx.text(r, c).into_owned())
            .filter(|t| !t.is_empty())
            .collect()
    };
    // The header: rows of two or more headings and no figure (an expenditure line prints its
    // label alone, or with a figure or a 行次 number).
    let figures = |r: usize| {
        (0..width).any(|c| match ctx.grid.get(r, c) {
            RawValue::Number(_) => true,
            RawValue::Text(t) => matches!(text::amount(t), AmountText::Figure(_)),
            RawValue::Empty => false,
        })
    };
    let heading = |r: usize| !figures(r) && texts(r).len() >= 2;
    // The 支出 half starts at a row reading 支出, or at a header row of its own (项目 | 决算数 …)
    // after the 收入 half's lines.
    let marker = data.iter().enumerate().position(|(i, &r)| {
        let t = texts(r);
        matches!(t.as_slice(), [t] if label_cow(t) == "支出")
            || i > 0 && heading(r) && t.iter().any(|h| label_cow(h) == "项目")
    })?;
    let from = if heading(data[marker]) {
        marker
    } else {
        marker + 1
    };
    let lines = data[from..]
        .iter()
        .position(|&r| !heading(r))
        .map_or(data.len(), |i| from + i);
    if lines == from {
        return None;
    }
    Some((&data[..marker], &data[from..lines], &data[lines..]))
}

/// One half over the columns `from..to`: the first column that is no 行次 holds the line's name.
fn half(
    ctx: &mut Ctx,
    base: &Table,
    side: Side,
    paths: &[Vec<String>],
    (from, to): (usize, usize),
    data: &[usize],
    use_at: Option<ByUse>,
) -> Table {
    let label_col = (from..to)
        .find(|&c| !columns::is_line_number(&paths[c]))
        .unwrap_or(from);
    let amount_cols: Vec<usize> = (label_col + 1..to)
        .filter(|&c| !columns::is_line_number(&paths[c]))
        .collect();
    let mut t = base.clone();
    t.side = Some(side);
    t.columns = keyed_columns(paths, &amount_cols);
    let mut lines = LineReader::default();
    for &r in data {
        let name = match use_at {
            Some(u) => match by_use_name(ctx, r, label_col, u) {
                Some(name) => name,
                None => continue,
            },
            None => ctx.text(r, label_col),
        };
        if name.is_empty() || is_note(&name) || name.starts_with("栏次") {
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
    t
}

#[cfg(test)]
mod tests {
    use crate::model::{ColKey, Line, Side};
    use crate::read::{Grid, RawValue};
    use crate::recognise::recognise;

    fn grid(rows: &[&[&str]]) -> Grid {
        let cell = |t: &&str| match t.parse::<f64>() {
            Ok(n) => RawValue::Number(n),
            Err(_) if t.is_empty() => RawValue::Empty,
            Err(_) => RawValue::Text(t.to_string()),
        };
        Grid {
            file: "t.csv".into(),
            sheet: "S".into(),
            rows: rows.iter().map(|r| r.iter().map(cell).collect()).collect(),
            merges: Vec::new(),
            places: None,
        }
    }

    /// A half's side, lines and column keys.
    type Half = (Option<Side>, Vec<Option<Line>>, Vec<Option<ColKey>>);

    /// Each half's side, lines and column keys, in order.
    fn halves(g: &Grid) -> Vec<Half> {
        recognise(std::slice::from_ref(g))
            .tables
            .iter()
            .map(|t| {
                let lines = t.rows.iter().map(|r| r.line).collect();
                let keys = t.columns.iter().map(|c| c.key).collect();
                (t.side, lines, keys)
            })
            .collect()
    }

    #[test]
    fn a_spending_half_printed_under_the_income_half_is_read_as_beside_it() {
        let side_by_side = grid(&[
            &["财政拨款收入支出决算总表"],
            &["收入", "", "支出"],
            &["项目", "决算数", "项目", "合计", "一般公共预算财政拨款"],
            &[
                "一、一般公共预算财政拨款",
                "100",
                "一、一般公共服务支出",
                "100",
                "100",
            ],
            &["本年收入合计", "100", "本年支出合计", "100", "100"],
            &["总计", "100", "总计", "100", "100"],
        ]);
        let stacked = grid(&[
            &["财政拨款收入支出决算总表"],
            &["收入"],
            &["项目", "决算数"],
            &["一、一般公共预算财政拨款", "100"],
            &["本年收入合计", "100"],
            &["总计", "100"],
            &["支出"],
            &["项目", "合计", "一般公共预算财政拨款"],
            &["一、一般公共服务支出", "100", "100"],
            &["本年支出合计", "100", "100"],
            &["总计", "100", "100"],
        ]);
        let want = halves(&side_by_side);
        assert_eq!(want[1].1[0], Some(Line::FunctionClass));
        assert_eq!(
            want[1].2,
            [Some(ColKey::Total), Some(ColKey::GeneralBudget)]
        );
        assert_eq!(halves(&stacked), want);
    }

    #[test]
    fn a_spending_half_under_its_own_header_and_no_heading_is_found_too() {
        let stacked = |marker: bool| {
            let mut rows: Vec<&[&str]> = vec![
                &["收入支出决算总表"],
                &["项目", "决算数"],
                &["一、一般公共预算财政拨款收入", "100"],
                &["总计", "100"],
            ];
            if marker {
                rows.push(&["支出"]);
            }
            rows.extend([
                &["项目", "决算数"] as &[&str],
                &["一、一般公共服务支出", "100"],
                &["总计", "100"],
            ]);
            halves(&grid(&rows))
        };
        let want = stacked(true);
        assert_eq!(want.len(), 2);
        assert_eq!(
            want[1].1,
            [Some(Line::FunctionClass), Some(Line::ExpenditureGrandTotal)]
        );
        assert_eq!(stacked(false), want);
    }

    #[test]
    fn a_spending_half_printed_alone_is_the_spending_half() {
        let alone = grid(&[
            &["收入支出决算总表"],
            &["支出"],
            &["项目", "决算数"],
            &["一、一般公共服务支出", "100"],
            &["本年支出合计", "100"],
        ]);
        let got = halves(&alone);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, Some(Side::Expenditure));
        assert_eq!(
            got[0].1,
            [Some(Line::FunctionClass), Some(Line::ExpenditureTotal)]
        );
    }

    #[test]
    fn line_numbers_before_the_item_column_are_not_its_names() {
        let items_first = grid(&[
            &["收入支出决算总表"],
            &["收入", "", "支出"],
            &["项目", "决算数", "项目", "决算数"],
            &[
                "一、一般公共预算财政拨款收入",
                "100",
                "一、一般公共服务支出",
                "100",
            ],
            &["本年收入合计", "100", "本年支出合计", "100"],
        ]);
        let numbers_first = grid(&[
            &["收入支出决算总表"],
            &["收入", "", "", "支出"],
            &["行次", "项目", "决算数", "行次", "项目", "决算数"],
            &[
                "1",
                "一、一般公共预算财政拨款收入",
                "100",
                "31",
                "一、一般公共服务支出",
                "100",
            ],
            &["2", "本年收入合计", "100", "32", "本年支出合计", "100"],
        ]);
        let want = halves(&items_first);
        assert_eq!(
            want[0].1,
            [Some(Line::GeneralBudgetIncome), Some(Line::IncomeTotal)]
        );
        assert_eq!(halves(&numbers_first), want);
    }
}
