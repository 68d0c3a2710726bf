//! Tables whose rows are codes: 功能分类 tables (收入/支出决算表, 一般公共预算 and fund tables),
//! their codes printed in one column or split over 类/款/项 columns, and the 基本支出 table's
//! 经济分类 column groups.

use std::sync::Arc;

use crate::model::{Cell, CellRef, ColKey, Column, Line, Row, Table};
use crate::recognise::columns;
use crate::recognise::text::{self, label_cow};

use super::{is_note, keyed_columns, Ctx};

/// Reads 科目编码 from one column or from 类/款/项 columns. Printed split codes often leave the
/// 类 (or 款) cell blank on the rows below it, so the last class and section seen are carried.
#[derive(Default)]
struct CodeReader {
    parents: Vec<String>,
}

impl CodeReader {
    /// The code printed on row `r` over `code_cols`, or none when none of them holds one (a
    /// row without a code leaves the parents carried as they are).
    fn read_row(&mut self, ctx: &Ctx, code_cols: &[usize], r: usize) -> Option<String> {
        let parts: Vec<Option<String>> = code_cols
            .iter()
            .map(|&c| text::code(&ctx.text(r, c)))
            .collect();
        if parts.iter().any(Option::is_some) {
            self.read(&parts)
        } else {
            None
        }
    }

    fn read(&mut self, parts: &[Option<String>]) -> Option<String> {
        if parts.len() == 1 {
            return parts[0].clone();
        }
        let depth = parts.iter().rposition(Option::is_some)?;
        let mut code = String::new();
        for (i, p) in parts.iter().enumerate().take(depth + 1) {
            match p {
                // A column that prints the whole code so far ("20801" in the 款 column).
                Some(p) if p.len() > 2 && i > 0 => code = p.clone(),
                Some(p) => code.push_str(p),
                None => code.push_str(
                    self.parents
                        .get(i)
                        .map(|parent| &parent[parent.len().min(code.len())..])
                        .unwrap_or(""),
                ),
            }
        }
        self.parents.truncate(depth);
        self.parents.push(code.clone());
        Some(code)
    }
}

/// Tables whose rows are 功能分类 codes (收入/支出决算表, 一般公共预算 and fund tables).
/// The columns that hold codes: those headed so, and left of the 科目名称 column, a column
/// holding nothing but short digit strings whatever its heading says (a heading over several
/// code columns read without rulings).
fn code_columns(ctx: &Ctx, paths: &[Vec<String>], data: &[usize]) -> Vec<usize> {
    let width = paths.len();
    let mut code_cols: Vec<usize> = (0..width)
        .filter(|&c| columns::is_code(&paths[c]))
        .collect();
    if let Some(named) = (0..width).find(|&c| columns::is_name(&paths[c])) {
        for (c, path) in paths.iter().enumerate().take(named) {
            // A 行次 column holds short digit strings too, and they are no codes.
            if code_cols.contains(&c) || columns::is_line_number(path) {
                continue;
            }
            let mut any = false;
            let codes = data.iter().all(|&r| {
                let t = ctx.text(r, c);
                any |= !t.is_empty();
                t.len() <= 7 && t.chars().all(|ch| ch.is_ascii_digit())
                    || matches!(t.as_ref(), "类" | "款" | "项")
            });
            if codes && any {
                code_cols.push(c);
            }
        }
        code_cols.sort_unstable();
    }
    code_cols
}

pub(super) fn coded(ctx: &mut Ctx, mut t: Table, paths: &[Vec<String>], data: &[usize]) -> Table {
    let width = paths.len();
    let code_cols = code_columns(ctx, paths, data);
    let name_col = (0..width)
        .find(|&c| columns::is_name(&paths[c]))
        .or_else(|| {
            // A budget's one-line table (江苏 支出预算总表: 合计 | 基本支出 | 项目支出 …) has
            // no name column: a column headed as an amount is none.
            (0..width).find(|&c| {
                let amount = t.kind.is_budget() && columns::key(&paths[c]).is_some();
                !code_cols.contains(&c) && !amount
            })
        });
    let label_cols: Vec<usize> = code_cols.iter().copied().chain(name_col).collect();
    let more_names = if t.kind.is_budget() {
        budget_label_cols(ctx, paths, data, &label_cols)
    } else {
        Vec::new()
    };
    let amount_cols: Vec<usize> = (0..width)
        .filter(|c| !label_cols.contains(c) && !columns::is_line_number(&paths[*c]))
        .filter(|c| !more_names.contains(c))
        // A column with no heading has no key either: only headed columns hold amounts.
        .filter(|&c| !paths[c].is_empty())
        .collect();
    t.columns = keyed_columns(paths, &amount_cols);
    let mut codes = CodeReader::default();
    for &r in data {
        let mut code = codes.read_row(ctx, &code_cols, r);
        let found = label_cols
            .iter()
            .map(|&c| ctx.text(r, c))
            // The template prints the 合计 row beside the 类/款/项 headings of the code columns.
            .find(|t| {
                !t.is_empty() && !text::is_code(t) && !matches!(t.as_ref(), "类" | "款" | "项")
            })
            .unwrap_or_default();
        // A budget's item under its group (一般公共预算资金 | 公共财政拨款（补助）资金): the
        // right-most name printed is the row's own.
        let finer = more_names
            .iter()
            .rev()
            .map(|&c| ctx.text(r, c))
            .find(|t| !t.is_empty());
        let found = finer.unwrap_or(found);
        let mut name: &str = &found;
        if code.is_none() {
            // "2080101 行政运行" printed in one cell.
            let digits = name.bytes().take_while(u8::is_ascii_digit).count();
            if digits >= 3 {
                code = Some(name[..digits].to_string());
                name = name[digits..].trim();
            }
        }
        if code.is_none() && repeats_header(ctx, paths, (&label_cols, &amount_cols), r) {
            continue;
        }
        let cells: Vec<Option<Cell>> = amount_cols.iter().map(|&c| ctx.amount(r, c)).collect();
        if is_note(name) || (code.is_none() && name.is_empty() && cells.iter().all(Option::is_none))
        {
            continue;
        }
        let line = (code.is_none() && label_cow(name) == "合计").then_some(Line::Total);
        t.rows.push(Row {
            code,
            name: name.into(),
            line,
            cells,
            at: CellRef::new(r as u32, label_cols.first().copied().unwrap_or(0) as u32),
        });
    }
    t
}

/// A header printed again where a table goes on over a page (合计 | 基本支出 | 项目支出 under
/// the columns so headed): no figure, and each of its amount cells holds its own column's
/// heading — or its name cell holds the name column's heading (项目) beside headings only, as
/// where the row repeats a group heading over every amount column, which the columns' paths
/// leave out as the table's own (一般公共预算支出 over 合计 | 基本支出 | 项目支出).
fn repeats_header(
    ctx: &Ctx,
    paths: &[Vec<String>],
    (label_cols, amount_cols): (&[usize], &[usize]),
    r: usize,
) -> bool {
    let texts: Vec<(usize, String)> = amount_cols
        .iter()
        .map(|&c| (c, text::norm(&ctx.text(r, c))))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    if texts.is_empty() {
        return false;
    }
    if texts.iter().all(|(c, t)| paths[*c].contains(t)) {
        return true;
    }
    let headed = label_cols.iter().any(|&c| {
        let t = text::norm(&ctx.text(r, c));
        !t.is_empty() && paths[c].contains(&t)
    });
    // No figure: no digit at all in what stands under the amount columns.
    headed
        && texts
            .iter()
            .all(|(_, t)| !t.chars().any(|ch| ch.is_ascii_digit()))
}

/// Columns of a budget table that hold names, not amounts, beyond the first name column: a
/// second 项目名称 column (items under their group), or columns where text outnumbers figures
/// (the 政府采购 table's 专项名称, 经济科目, 采购物品名称, 采购组织形式).
fn budget_label_cols(
    ctx: &Ctx,
    paths: &[Vec<String>],
    data: &[usize],
    taken: &[usize],
) -> Vec<usize> {
    (0..paths.len())
        .filter(|c| !taken.contains(c))
        .filter(|&c| {
            if columns::is_name(&paths[c]) {
                return true;
            }
            let (mut words, mut figures) = (0, 0);
            for &r in data {
                match text::amount(&ctx.text(r, c)) {
                    text::AmountText::Figure(_) => figures += 1,
                    text::AmountText::NotANumber => words += 1,
                    text::AmountText::NoFigure => {}
                }
            }
            words > figures
        })
        .collect()
}

/// The 基本支出 table: column groups side by side (人员经费 | 公用经费 …), each of code, name, amount.
pub(super) fn basic(ctx: &mut Ctx, t: Table, paths: &[Vec<String>], data: &[usize]) -> Table {
    let width = paths.len();
    let is_code = |c: usize| columns::is_code(&paths[c]);
    let starts: Vec<usize> = (0..width)
        .filter(|&c| is_code(c) && (c == 0 || !is_code(c - 1)))
        .collect();
    if starts.is_empty() {
        return coded(ctx, t, paths, data);
    }
    let mut t = t;
    t.columns = vec![Column {
        label: "决算数".into(),
        key: Some(ColKey::Amount),
    }];
    for (g, &start) in starts.iter().enumerate() {
        let end = starts.get(g + 1).copied().unwrap_or(width);
        let code_cols: Vec<usize> = (start..end).take_while(|&c| is_code(c)).collect();
        let rest: Vec<usize> = (start + code_cols.len()..end).collect();
        let name_col = rest
            .iter()
            .copied()
            .find(|&c| columns::is_name(&paths[c]))
            .or(rest.first().copied());
        let Some(amount_col) = rest.iter().copied().find(|&c| Some(c) != name_col) else {
            continue;
        };
        let mut codes = CodeReader::default();
        for &r in data {
            let code = codes.read_row(ctx, &code_cols, r);
            let name = code_cols
                .iter()
                .copied()
                .chain(name_col)
                .map(|c| ctx.text(r, c))
                .find(|t| !t.is_empty() && !text::is_code(t))
                .unwrap_or_default();
            let cell = ctx.amount(r, amount_col);
            if (code.is_none() && name.is_empty()) || is_note(&name) {
                continue;
            }
            let line = match label_cow(&name).as_ref() {
                "人员经费合计" | "人员经费" => Some(Line::PersonnelTotal),
                "公用经费合计" | "公用经费" => Some(Line::PublicTotal),
                "合计" => Some(Line::Total),
                _ => None,
            };
            if code.is_none() && line.is_none() && cell.is_none() {
                continue;
            }
            t.rows.push(Row {
                code,
                name: Arc::from(&*name),
                line,
                cells: vec![cell],
                at: CellRef::new(r as u32, start as u32),
            });
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{Grid, RawValue};
    use crate::recognise::recognise;

    #[test]
    fn split_codes_inherit_their_parents() {
        let mut r = CodeReader::default();
        let s = |v: &str| (!v.is_empty()).then(|| v.to_string());
        assert_eq!(r.read(&[s("208"), s(""), s("")]).as_deref(), Some("208"));
        assert_eq!(
            r.read(&[s("208"), s("01"), s("")]).as_deref(),
            Some("20801")
        );
        assert_eq!(r.read(&[s(""), s(""), s("01")]).as_deref(), Some("2080101"));
        assert_eq!(r.read(&[s(""), s("05"), s("")]).as_deref(), Some("20805"));
        assert_eq!(
            r.read(&[s("208"), s("05"), s("02")]).as_deref(),
            Some("2080502")
        );
        assert_eq!(r.read(&[s("210"), s(""), s("")]).as_deref(), Some("210"));
        assert_eq!(
            r.read(&[s(""), s("21011"), s("")]).as_deref(),
            Some("21011")
        );
    }
    /// The first table recognised on a sheet of text cells.
    fn first_table(rows: &[&[&str]]) -> crate::model::Table {
        let text = |t: &&str| {
            if t.is_empty() {
                RawValue::Empty
            } else {
                RawValue::Text(t.to_string())
            }
        };
        let grid = Grid {
            file: "t.csv".into(),
            sheet: "S".into(),
            rows: rows.iter().map(|r| r.iter().map(text).collect()).collect(),
            merges: Vec::new(),
            places: None,
        };
        recognise(&[grid]).tables.remove(0)
    }

    fn keys(t: &crate::model::Table) -> Vec<Option<ColKey>> {
        t.columns.iter().map(|c| c.key).collect()
    }

    /// 本年支出 alone on its row, over the columns, is a heading: not the table's first line,
    /// and not a part of each column's name.
    #[test]
    fn a_group_heading_row_over_the_columns_is_header() {
        let t = first_table(&[
            &["一般公共预算财政拨款支出决算表"],
            &["", "", "本年支出"],
            &["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            &["201", "一般公共服务支出", "10", "6", "4"],
            &["", "合计", "10", "6", "4"],
        ]);
        assert_eq!(
            keys(&t),
            [
                Some(ColKey::Total),
                Some(ColKey::Basic),
                Some(ColKey::Project)
            ]
        );
        let lines: Vec<_> = t.rows.iter().map(|r| (r.code.as_deref(), r.line)).collect();
        assert_eq!(lines, [(Some("201"), None), (None, Some(Line::Total))]);
    }

    /// A 行次 column before the codes numbers the lines; it is neither a code nor an amount.
    #[test]
    fn line_numbers_before_the_codes_are_no_codes() {
        let t = first_table(&[
            &["一般公共预算财政拨款支出决算表"],
            &[
                "行次",
                "科目编码",
                "科目名称",
                "合计",
                "基本支出",
                "项目支出",
            ],
            &["1", "", "合计", "10.00", "6.00", "4.00"],
            &["2", "201", "一般公共服务支出", "10.00", "6.00", "4.00"],
            &["3", "20101", "人大事务", "10.00", "6.00", "4.00"],
        ]);
        let lines: Vec<_> = t.rows.iter().map(|r| (r.code.as_deref(), r.line)).collect();
        assert_eq!(
            lines,
            [
                (None, Some(Line::Total)),
                (Some("201"), None),
                (Some("20101"), None)
            ]
        );
        assert_eq!(
            keys(&t),
            [
                Some(ColKey::Total),
                Some(ColKey::Basic),
                Some(ColKey::Project)
            ]
        );
    }

    /// The 合计 of a group over some columns is the 支出决算表's row total; the 本年支出合计 of a
    /// fund table is its 本年支出 (nothing adds up a fund table's whole row).
    #[test]
    fn a_total_column_means_what_its_table_adds_up() {
        let spending = first_table(&[
            &["支出决算表"],
            &["", "", "本年支出", "", "", "上缴上级支出"],
            &["科目编码", "科目名称", "合计", "基本支出", "项目支出", ""],
            &["201", "一般公共服务支出", "10", "6", "4", ""],
        ]);
        assert_eq!(keys(&spending)[0], Some(ColKey::Total));
        assert_eq!(keys(&spending)[3], Some(ColKey::ToSuperior));
        let fund = first_table(&[
            &["政府性基金预算财政拨款收入支出决算表"],
            &[
                "科目编码",
                "科目名称",
                "年初结转和结余",
                "本年收入",
                "本年支出合计",
                "基本支出",
                "项目支出",
                "年末结转和结余",
            ],
            &["229", "其他支出", "", "10", "10", "", "10", ""],
        ]);
        assert_eq!(
            keys(&fund),
            [
                Some(ColKey::Opening),
                Some(ColKey::CurrentIncome),
                Some(ColKey::CurrentExpenditure),
                Some(ColKey::Basic),
                Some(ColKey::Project),
                Some(ColKey::Closing)
            ]
        );
    }
}
