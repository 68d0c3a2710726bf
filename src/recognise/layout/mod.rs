//! Where each table sits on a sheet and how its rows are laid out.
//!
//! This module cuts a sheet into tables and reads each one's unit, header and data rows; the
//! rows of each shape of table are read by its own module: `summary` (a 总表's two halves),
//! `coded` (rows of 功能分类 or 经济分类 codes) and `three_public` (the “三公” table).

use std::borrow::Cow;

use crate::model::{Cell, CellRef, ColKey, Column, Figure, Table, TableKind, Unit};
use crate::read::{Grid, RawValue};

use super::columns::{self, joined};
use super::kind;
use super::text::{self, label_cow, norm, AmountText};
use super::{Problem, Recognised};

mod coded;
mod summary;
mod three_public;

use coded::{basic, coded};
use summary::halves;
use three_public::three_public_table;

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
        step: None,
    };
    let mut ctx = Ctx {
        grid,
        problems: &mut out.problems,
    };
    let data: Vec<usize> = (data_start..seg.end).collect();
    let mut tables = match seg.kind {
        TableKind::IncomeExpenditureSummary
        | TableKind::FiscalSummary
        | TableKind::BudgetSummary
        | TableKind::BudgetFiscalSummary => halves(&mut ctx, &base, &paths, &data),
        // A budget prints its 经济分类 tables as one code column and amount columns (合计 |
        // 人员经费 | 公用经费), not as the 决算's column groups.
        k if k.is_budget() && k.has_economic_codes() => vec![coded(&mut ctx, base, &paths, &data)],
        k if k.has_economic_codes() => vec![basic(&mut ctx, base, &paths, &data)],
        TableKind::ThreePublic | TableKind::BudgetThreePublic => {
            vec![three_public_table(&mut ctx, base, &paths, &data)]
        }
        _ => vec![coded(&mut ctx, base, &paths, &data)],
    };
    if let Some(t) = tables.first_mut() {
        t.notes = notes(grid, &data, width);
        row_total_by_kind(t);
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
    // “编制单位：某某 单位：元” in one cell: the unit is after the 单位 that parses.
    t.match_indices("单位").find_map(|(i, w)| {
        let rest = &t[i + w.len()..];
        Unit::parse(rest.trim_start_matches([':', '：']))
    })
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
    // A line such as 本年收入合计 is printed in the first column; the same words further right,
    // alone on their row, are a group heading over the columns below (本年收入 over 合计 | 财政
    // 拨款收入 …).
    let in_first_column = !grid.get(r, 0).is_empty();
    first == "合计"
        || first.starts_with("本年") && in_first_column
        || texts.len() == 1 && first.starts_with('注')
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
            // “（无政府性基金支出）” printed alone under an empty table (江苏) is its note too.
            (n.starts_with('注')
                || n.starts_with("(无")
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

/// What a 合计 column is depends on the table. In the 收入决算表, 支出决算表 and 一般公共预算
/// 财政拨款支出决算表 every figure is of this year: the 合计 printed under a group heading that
/// covers only some columns (本年支出 over 合计 | 基本支出 | 项目支出, then 上缴上级支出 …) is the
/// row total all the same. In a fund table (年初 | 本年收入 | 本年支出 | 年末) nothing adds up the
/// whole row: its 本年支出合计, printed on one header row, is 本年支出.
fn row_total_by_kind(t: &mut Table) {
    let (from, to) = match t.kind {
        TableKind::IncomeTable
        | TableKind::ExpenditureTable
        | TableKind::GeneralBudgetExpenditure => (
            &[ColKey::CurrentIncome, ColKey::CurrentExpenditure][..],
            ColKey::Total,
        ),
        TableKind::GovernmentFund | TableKind::StateCapital => {
            (&[ColKey::Total][..], ColKey::CurrentExpenditure)
        }
        _ => return,
    };
    if t.col(to).is_some() {
        return;
    }
    let mut found = t
        .columns
        .iter_mut()
        .filter(|c| c.key.is_some_and(|k| from.contains(&k)));
    if let (Some(c), None) = (found.next(), found.next()) {
        c.key = Some(to);
    }
}

fn keyed_columns(paths: &[Vec<String>], cols: &[usize]) -> Vec<Column> {
    cols.iter()
        .map(|&c| Column {
            label: joined(&paths[c]),
            key: columns::key(&paths[c]),
        })
        .collect()
}
