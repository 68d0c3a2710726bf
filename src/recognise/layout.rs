//! Where each table sits on a sheet and how its rows are laid out.

use std::borrow::Cow;
use std::sync::Arc;

use crate::model::{
    Cell, CellRef, ColKey, Column, Figure, Line, Row, Side, Table, TableKind, Unit,
};
use crate::read::{Grid, RawValue};

use super::columns::{self, joined};
use super::kind;
use super::lines::{three_public, LineReader};
use super::text::{self, label_cow, norm, AmountText};
use super::{Problem, Recognised};

/// A stretch of rows holding one table: from its title (or the sheet's top) to the next title.
pub struct Segment {
    pub kind: TableKind,
    pub title: String,
    pub title_row: Option<usize>,
    pub start: usize,
    pub end: usize,
}

/// Cuts a sheet into tables at their titles. A sheet with no title is one table, named by the
/// sheet's own name when that is a title; otherwise it is kept as unrecognised if it holds figures.
pub fn segments(grid: &Grid) -> Vec<Segment> {
    let mut titles = Vec::new();
    for (r, row) in grid.rows.iter().enumerate() {
        // Titles are text, and a title row holds little else.
        if row.iter().filter(|v| !v.is_empty()).count() > 3 {
            continue;
        }
        if let Some((k, t)) = row.iter().find_map(|v| match v {
            RawValue::Text(t) => kind::from_title(t).map(|k| (k, t.trim().to_string())),
            _ => None,
        }) {
            titles.push((r, k, t));
        }
    }
    let mut out = Vec::new();
    let first = titles.first().map_or(grid.rows.len(), |t| t.0);
    if first > 0 && holds_figures(grid, 0, first) {
        let (kind, title) = match kind::from_title(&format!("{}决算表", grid.sheet))
            .filter(|_| titles.is_empty())
        {
            Some(k) => (k, grid.sheet.clone()),
            None => (TableKind::Unrecognised, grid.sheet.clone()),
        };
        out.push(Segment {
            kind,
            title,
            title_row: None,
            start: 0,
            end: first,
        });
    }
    for (i, (r, k, t)) in titles.iter().enumerate() {
        let end = titles.get(i + 1).map_or(grid.rows.len(), |n| n.0);
        out.push(Segment {
            kind: *k,
            title: t.clone(),
            title_row: Some(*r),
            start: r + 1,
            end,
        });
    }
    out
}

fn holds_figures(grid: &Grid, from: usize, to: usize) -> bool {
    (from..to).any(|r| {
        grid.rows[r].iter().any(|v| match v {
            RawValue::Number(_) => true,
            RawValue::Text(t) => matches!(text::amount(t), AmountText::Figure(_)),
            RawValue::Empty => false,
        })
    })
}

/// Builds the table(s) of one segment (two for a 总表: its income and expenditure halves).
pub fn build(grid: &Grid, seg: &Segment, out: &mut Recognised) {
    let width = (seg.start..seg.end)
        .map(|r| grid.rows.get(r).map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    let mut unit = None;
    let mut header = Vec::new();
    let mut data_start = seg.end;
    for r in seg.start..seg.end {
        let texts: Vec<Cow<str>> = (0..width)
            .map(|c| normed(grid.get(r, c)))
            .filter(|t| !t.is_empty())
            .collect();
        if let Some(u) = texts.iter().find_map(|t| unit_in(t)) {
            unit = Some(u);
        }
        if texts.is_empty() || is_meta_row(&texts) {
            continue;
        }
        if texts[0].starts_with("栏次") {
            continue;
        }
        if is_data_row(grid, r, width, &texts) {
            data_start = r;
            break;
        }
        header.push(r);
    }
    let paths = columns::paths(grid, &header, width);
    let at = CellRef::new(seg.title_row.unwrap_or(seg.start) as u32, 0);
    let base = Table {
        kind: seg.kind,
        side: None,
        title: seg.title.clone(),
        unit: unit.unwrap_or_default(),
        unit_stated: unit.is_some(),
        file: grid.file.as_str().into(),
        sheet: grid.sheet.as_str().into(),
        at,
        columns: Vec::new(),
        rows: Vec::new(),
        notes: Vec::new(),
        places: grid.places.clone(),
        approximate: grid
            .places
            .as_ref()
            .is_some_and(|p| p.is_approximate(at.row)),
    };
    let mut ctx = Ctx {
        grid,
        problems: &mut out.problems,
    };
    let data: Vec<usize> = (data_start..seg.end).collect();
    let mut tables = match seg.kind {
        TableKind::IncomeExpenditureSummary | TableKind::FiscalSummary => {
            halves(&mut ctx, &base, &paths, &data)
        }
        TableKind::GeneralBudgetBasicExpenditure => vec![basic(&mut ctx, base, &paths, &data)],
        TableKind::ThreePublic => vec![three_public_table(&mut ctx, base, &paths, &data)],
        _ => vec![coded(&mut ctx, base, &paths, &data)],
    };
    if let Some(t) = tables.first_mut() {
        t.notes = notes(grid, &data, width);
    }
    out.tables.append(&mut tables);
}

struct Ctx<'a> {
    grid: &'a Grid,
    problems: &'a mut Vec<Problem>,
}

impl<'a> Ctx<'a> {
    /// The trimmed text of a cell, borrowed from the grid where the cell holds text.
    fn text(&self, r: usize, c: usize) -> Cow<'a, str> {
        let grid: &'a Grid = self.grid;
        match grid.get(r, c).as_text() {
            Cow::Borrowed(t) => Cow::Borrowed(t.trim()),
            Cow::Owned(t) => Cow::Owned(t.trim().to_string()),
        }
    }

    /// The cell at (r, c) as an amount: a figure, nothing (blank, "-", "—"), or a problem.
    fn amount(&mut self, r: usize, c: usize) -> Option<Cell> {
        let at = CellRef::new(r as u32, c as u32);
        let (raw, parsed) = match self.grid.get(r, c) {
            RawValue::Empty => return None,
            RawValue::Number(f) => match text::from_f64_text(*f) {
                Some((d, text)) => (text, AmountText::Figure(d)),
                None => (f.to_string(), AmountText::NotANumber),
            },
            RawValue::Text(t) => (t.trim().to_string(), text::amount(t)),
        };
        let figure = match parsed {
            AmountText::Figure(d) => Some(Figure::from_decimal(d)),
            AmountText::NoFigure => None,
            AmountText::NotANumber => {
                self.problems.push(Problem {
                    location: self.grid.location(at),
                    zh: format!("此处应为金额，却是文字“{raw}”，未参与核对"),
                    en: format!("an amount is expected here but the cell holds the text \"{raw}\"; not checked"),
                });
                None
            }
        };
        Some(Cell { raw, figure, at })
    }
}

/// A cell's text as [`norm`] gives it, borrowed from the grid where nothing needs folding.
fn normed(v: &RawValue) -> Cow<'_, str> {
    match v.as_text() {
        Cow::Borrowed(t) => text::norm_cow(t),
        Cow::Owned(t) => Cow::Owned(norm(&t)),
    }
}

fn unit_in(t: &str) -> Option<Unit> {
    // A character search rules out nearly every cell before the search for the word.
    if !t.contains('单') {
        return None;
    }
    let i = t.find("单位")?;
    let rest = &t[i + "单位".len()..];
    let rest = rest.trim_start_matches([':', '：']);
    Unit::parse(rest)
}

fn is_meta_row(texts: &[Cow<str>]) -> bool {
    texts.iter().all(|t| {
        t.contains('单') && (t.contains("单位:") || t.contains("单位："))
            || t.starts_with("部门:")
            || t.starts_with("部门：")
            || t.starts_with("编制")
            || t.starts_with("公开")
            || t.starts_with("表")
                && t.chars().count() <= 4
                && t.chars().skip(1).all(|c| c.is_ascii_digit() || c == '-')
    })
}

const HEADER_WORDS: &[&str] = &[
    "项目",
    "科目",
    "编码",
    "名称",
    "行次",
    "预算数",
    "决算数",
    "金额",
    "收入",
    "支出",
    "经费",
    "结转",
    "小计",
    "合计",
    "因公出国",
    "公务用车",
    "公务接待",
];

/// A data row holds a figure or a code, or is a labelled line such as 合计 — unless it reads as
/// headings (several heading words and no figure).
fn is_data_row(grid: &Grid, r: usize, width: usize, texts: &[Cow<str>]) -> bool {
    let has_amount = (0..width).any(|c| match grid.get(r, c) {
        RawValue::Number(_) => true,
        RawValue::Text(t) => matches!(text::amount(t), AmountText::Figure(_)) && !text::is_code(t),
        RawValue::Empty => false,
    });
    if has_amount {
        return true;
    }
    if texts
        .iter()
        .any(|t| text::code_text(t).is_some_and(|c| c.len() >= 3))
    {
        return true;
    }
    let headingish = texts
        .iter()
        .filter(|t| HEADER_WORDS.iter().any(|w| t.contains(w)))
        .take(2)
        .count();
    if headingish >= 2 {
        return false;
    }
    let first = label_cow(&texts[0]);
    first == "合计" || first.starts_with("本年") || texts.len() == 1 && first.starts_with('注')
}

/// Notes printed under a table (注：… 本表无数据).
fn notes(grid: &Grid, data: &[usize], width: usize) -> Vec<String> {
    data.iter()
        .filter_map(|&r| {
            let first = (0..width).find_map(|c| match grid.get(r, c) {
                RawValue::Text(t) if !t.trim().is_empty() => Some(t.trim()),
                RawValue::Number(_) => Some(""),
                _ => None,
            })?;
            // Nearly every row is a line of figures: a look for the words before any copy.
            if first.is_empty() || !first.contains(['注', '无', '没']) {
                return None;
            }
            let n = norm(first);
            (n.starts_with('注')
                || n.contains("无数据")
                || n.contains("无此项")
                || n.contains("没有"))
            .then(|| first.to_string())
        })
        .collect()
}

fn is_note(t: &str) -> bool {
    // Character searches: a note starts with 注 or says 本表无数据.
    if !t.contains('注') && !t.contains('无') {
        return false;
    }
    let n = norm(t);
    n.starts_with('注') || n.contains("本表无数据")
}

fn keyed_columns(paths: &[Vec<String>], cols: &[usize]) -> Vec<Column> {
    cols.iter()
        .map(|&c| Column {
            label: joined(&paths[c]),
            key: columns::key(&paths[c]),
        })
        .collect()
}

/// The two halves of a 总表 printed side by side: 收入 | 支出.
fn halves(ctx: &mut Ctx, base: &Table, paths: &[Vec<String>], data: &[usize]) -> Vec<Table> {
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

/// Reads 科目编码 from one column or from 类/款/项 columns. Printed split codes often leave the
/// 类 (or 款) cell blank on the rows below it, so the last class and section seen are carried.
#[derive(Default)]
struct CodeReader {
    parents: Vec<String>,
}

impl CodeReader {
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
fn coded(ctx: &mut Ctx, mut t: Table, paths: &[Vec<String>], data: &[usize]) -> Table {
    let width = paths.len();
    let mut code_cols: Vec<usize> = (0..width)
        .filter(|&c| columns::is_code(&paths[c]))
        .collect();
    // Left of the 科目名称 column, a column holding nothing but short digit strings holds codes
    // whatever its heading says (a heading over several code columns read without rulings).
    if let Some(named) = (0..width).find(|&c| columns::is_name(&paths[c])) {
        for c in 0..named {
            if code_cols.contains(&c) {
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
    let name_col = (0..width)
        .find(|&c| columns::is_name(&paths[c]))
        .or_else(|| (0..width).find(|c| !code_cols.contains(c)));
    let label_cols: Vec<usize> = code_cols.iter().copied().chain(name_col).collect();
    let amount_cols: Vec<usize> = (0..width)
        .filter(|c| !label_cols.contains(c) && !columns::is_line_number(&paths[*c]))
        // A column with no heading has no key either: only headed columns hold amounts.
        .filter(|&c| !paths[c].is_empty())
        .collect();
    t.columns = keyed_columns(paths, &amount_cols);
    let mut codes = CodeReader::default();
    for &r in data {
        let parts: Vec<Option<String>> = code_cols
            .iter()
            .map(|&c| text::code(&ctx.text(r, c)))
            .collect();
        let mut code = if parts.iter().any(Option::is_some) {
            codes.read(&parts)
        } else {
            None
        };
        let found = label_cols
            .iter()
            .map(|&c| ctx.text(r, c))
            // The template prints the 合计 row beside the 类/款/项 headings of the code columns.
            .find(|t| {
                !t.is_empty() && !text::is_code(t) && !matches!(t.as_ref(), "类" | "款" | "项")
            })
            .unwrap_or_default();
        let mut name: &str = &found;
        if code.is_none() {
            // "2080101 行政运行" printed in one cell.
            let digits = name.bytes().take_while(u8::is_ascii_digit).count();
            if digits >= 3 {
                code = Some(name[..digits].to_string());
                name = name[digits..].trim();
            }
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

/// The 基本支出 table: column groups side by side (人员经费 | 公用经费 …), each of code, name, amount.
fn basic(ctx: &mut Ctx, t: Table, paths: &[Vec<String>], data: &[usize]) -> Table {
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
            let parts: Vec<Option<String>> = code_cols
                .iter()
                .map(|&c| text::code(&ctx.text(r, c)))
                .collect();
            let code = if parts.iter().any(Option::is_some) {
                codes.read(&parts)
            } else {
                None
            };
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

/// The “三公” table, printed either with the items as rows or as column groups over one data row;
/// both become rows of items with 预算数 and 决算数 columns.
fn three_public_table(ctx: &mut Ctx, mut t: Table, paths: &[Vec<String>], data: &[usize]) -> Table {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
