//! The sample's tables cut apart and laid out again as departments publish them: group headings,
//! flattened headers, 行次 first, a 总表's halves stacked, 栏次 rows, codes split over 类/款/项,
//! amounts as text or in 万元. Each layout is a change of form only: the figures stay the same.

use gouji::model::TableKind;
use gouji::read::{Grid, Merge, RawValue};
use gouji::recognise::from_title;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// One table of the sample: its rows from its title down, and its merged ranges (relative).
#[derive(Clone, Debug)]
pub struct Piece {
    pub kind: TableKind,
    pub rows: Vec<Vec<RawValue>>,
    pub merges: Vec<Merge>,
}

/// A sheet as a writer lays it down.
#[derive(Clone, Debug)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<RawValue>>,
    pub merges: Vec<Merge>,
}

fn text(v: &RawValue) -> String {
    v.as_text().trim().to_string()
}

fn s(t: &str) -> RawValue {
    RawValue::Text(t.to_string())
}

/// The sheet cut at its titles, as gouji cuts it.
pub fn pieces(g: &Grid) -> Vec<Piece> {
    let titles: Vec<(usize, TableKind)> = (0..g.rows.len())
        .filter(|&r| g.rows[r].iter().filter(|v| !v.is_empty()).count() <= 3)
        .filter_map(|r| {
            g.rows[r]
                .iter()
                .find_map(|v| from_title(&text(v)))
                .map(|k| (r, k))
        })
        .collect();
    titles
        .iter()
        .enumerate()
        .map(|(i, &(from, kind))| {
            let to = titles.get(i + 1).map_or(g.rows.len(), |t| t.0);
            let merges = g
                .merges
                .iter()
                .filter(|m| (from..to).contains(&(m.first.0 as usize)))
                .map(|m| Merge {
                    first: (m.first.0 - from as u32, m.first.1),
                    last: (m.last.0 - from as u32, m.last.1),
                })
                .collect();
            Piece {
                kind,
                rows: g.rows[from..to].to_vec(),
                merges,
            }
        })
        .collect()
}

impl Piece {
    /// The first row holding a figure: where the header ends.
    pub fn data_start(&self) -> Option<usize> {
        (0..self.rows.len()).find(|&r| {
            self.rows[r]
                .iter()
                .any(|v| matches!(v, RawValue::Number(_)))
                || self.rows[r].first().is_some_and(|v| text(v) == "合计")
                || self.rows[r].get(1).is_some_and(|v| text(v) == "合计")
        })
    }

    /// The first header row: the one after the title and the unit.
    fn header_start(&self) -> usize {
        (1..self.rows.len())
            .find(|&r| !self.rows[r].iter().any(|v| text(v).starts_with("单位")))
            .unwrap_or(1)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    fn find_col(&self, r: usize, label: &str) -> Option<usize> {
        self.rows[r].iter().position(|v| text(v) == label)
    }

    fn set(&mut self, r: usize, c: usize, v: RawValue) {
        if self.rows[r].len() <= c {
            self.rows[r].resize(c + 1, RawValue::Empty);
        }
        self.rows[r][c] = v;
    }

    fn merge(&mut self, first: (usize, usize), last: (usize, usize)) {
        self.merges.retain(|m| {
            let inside = |(r, c): (u32, u32)| {
                (first.0 as u32..=last.0 as u32).contains(&r)
                    && (first.1 as u32..=last.1 as u32).contains(&c)
            };
            !inside(m.first) && !inside(m.last)
        });
        if first != last {
            self.merges.push(Merge {
                first: (first.0 as u32, first.1 as u32),
                last: (last.0 as u32, last.1 as u32),
            });
        }
    }

    fn insert_row(&mut self, at: usize, row: Vec<RawValue>) {
        self.rows.insert(at, row);
        for m in &mut self.merges {
            if m.first.0 >= at as u32 {
                m.first.0 += 1;
            }
            if m.last.0 >= at as u32 {
                m.last.0 += 1;
            }
        }
    }

    fn insert_col(&mut self, at: usize, fill: impl Fn(usize) -> RawValue) {
        for (r, row) in self.rows.iter_mut().enumerate() {
            if row.len() < at {
                row.resize(at, RawValue::Empty);
            }
            row.insert(at, fill(r));
        }
        for m in &mut self.merges {
            if m.first.1 >= at as u32 {
                m.first.1 += 1;
            }
            if m.last.1 >= at as u32 {
                m.last.1 += 1;
            }
        }
    }
}

/// Every piece stacked on one sheet, a blank row between.
pub fn one_sheet(name: &str, pieces: &[Piece]) -> Vec<Sheet> {
    let mut sheet = Sheet {
        name: name.into(),
        rows: Vec::new(),
        merges: Vec::new(),
    };
    for p in pieces {
        let at = sheet.rows.len() as u32;
        sheet.rows.extend(p.rows.iter().cloned());
        sheet.rows.push(Vec::new());
        sheet.merges.extend(p.merges.iter().map(|m| Merge {
            first: (m.first.0 + at, m.first.1),
            last: (m.last.0 + at, m.last.1),
        }));
    }
    vec![sheet]
}

/// One sheet per table, named 表N.
pub fn per_table(pieces: &[Piece]) -> Vec<Sheet> {
    pieces
        .iter()
        .enumerate()
        .map(|(i, p)| Sheet {
            name: format!("表{}", i + 1),
            rows: p.rows.clone(),
            merges: p.merges.clone(),
        })
        .collect()
}

/// Every amount changed by `f`: the numbers of a table but its 行次 and 栏次 (codes are text in
/// the samples).
pub fn amounts(pieces: &mut [Piece], f: impl Fn(Decimal) -> RawValue) {
    for p in pieces.iter_mut() {
        // 行次 and 栏次 numbers are no amounts.
        let numbering = |v: &RawValue| matches!(text(v).as_str(), "行次" | "栏次");
        let line_numbers: Vec<usize> = (0..p.width())
            .filter(|&c| p.rows.iter().any(|r| r.get(c).is_some_and(numbering)))
            .collect();
        for row in p.rows.iter_mut().filter(|r| !r.iter().any(numbering)) {
            for (c, v) in row.iter_mut().enumerate() {
                if let (RawValue::Number(n), false) = (&v, line_numbers.contains(&c)) {
                    *v = f(Decimal::try_from(*n).unwrap().normalize());
                }
            }
        }
    }
}

/// An amount as text with thousands separators and two decimals: `29,400,500.00`.
pub fn with_separators(d: Decimal) -> RawValue {
    let fixed = format!("{:.2}", d);
    let (int, frac) = fixed.split_once('.').unwrap();
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (i, ch) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*ch);
    }
    RawValue::Text(format!("{out}.{frac}"))
}

/// The tables in 万元: every amount divided by 10,000 and the unit stated so.
pub fn in_wan(pieces: &mut [Piece]) {
    rescale(pieces, Decimal::new(1, 4), "单位：元", "单位：万元");
}

/// The tables in 元: every amount times 10,000 and the unit stated so.
pub fn in_yuan(pieces: &mut [Piece]) {
    rescale(pieces, Decimal::from(10_000), "单位：万元", "单位：元");
}

fn rescale(pieces: &mut [Piece], factor: Decimal, from: &str, to: &str) {
    amounts(pieces, |d| RawValue::Number((d * factor).to_f64().unwrap()));
    for v in pieces.iter_mut().flat_map(|p| p.rows.iter_mut().flatten()) {
        if text(v) == from {
            *v = s(to);
        }
    }
}

/// The 栏次 rows left out, as many departments print the tables.
pub fn without_column_numbers(pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        while let Some(r) = (0..p.rows.len()).find(|&r| p.rows[r].iter().any(|v| text(v) == "栏次"))
        {
            p.rows.remove(r);
            let r = r as u32;
            p.merges.retain(|m| m.first.0 != r || m.last.0 != r);
            for m in p.merges.iter_mut() {
                m.first.0 -= u32::from(m.first.0 > r);
                m.last.0 -= u32::from(m.last.0 >= r);
            }
        }
    }
}

/// Each 行次 column printed after its 项目 column moved before it.
pub fn line_numbers_moved_first(pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        let Some(h) = (0..p.rows.len()).find(|&r| p.find_col(r, "行次").is_some()) else {
            continue;
        };
        let numbered: Vec<usize> = (1..p.rows[h].len())
            .filter(|&c| text(&p.rows[h][c]) == "行次" && text(&p.rows[h][c - 1]) == "项目")
            .collect();
        for c in numbered {
            for row in p.rows.iter_mut().skip(h).filter(|row| row.len() > c) {
                row.swap(c - 1, c);
            }
        }
    }
}

/// The merged ranges dropped, as a workbook saved without them (or a CSV) has none.
pub fn unmerged(pieces: &mut [Piece]) {
    for p in pieces {
        p.merges.clear();
    }
}

/// A group heading over every amount column of the coded tables: `本年收入` over 合计 | 财政拨款收入
/// …, `本年支出` over 合计 | 基本支出 | 项目支出 ….
pub fn group_headings(pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        let group = match p.kind {
            TableKind::IncomeTable => "本年收入",
            TableKind::ExpenditureTable | TableKind::GeneralBudgetExpenditure => "本年支出",
            _ => continue,
        };
        let last = p.width() - 1;
        group_heading(p, group, 2, last);
    }
}

/// `本年支出` over 合计 | 基本支出 | 项目支出 of the 支出决算表 only, its other columns beside it.
pub fn partial_group_headings(pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        if p.kind == TableKind::ExpenditureTable {
            group_heading(p, "本年支出", 2, 4);
        }
    }
}

/// A group heading in a row of its own over the columns `first..=last`.
fn group_heading(p: &mut Piece, group: &str, first: usize, last: usize) {
    let h = p.header_start();
    let mut row = vec![RawValue::Empty; last + 1];
    row[first] = s(group);
    p.insert_row(h, row);
    // The columns outside the group, merged down the header, keep spanning it, one row taller.
    let mut raised = Vec::new();
    for m in p.merges.iter_mut() {
        let outside = !(first as u32..=last as u32).contains(&m.first.1);
        if m.first.0 == h as u32 + 1 && outside {
            m.first.0 = h as u32;
            raised.push(m.first.1 as usize);
        }
    }
    // Their headings go up with them: a merged range shows its first cell.
    for c in raised {
        let heading = p.rows[h + 1].get(c).cloned().unwrap_or(RawValue::Empty);
        p.set(h, c, heading);
        p.set(h + 1, c, RawValue::Empty);
    }
    p.merge((h, first), (h, last));
    // The 合计 heading of a table printed under a group is 合计 (本年支出合计 → 合计).
    for c in first..=last {
        let t = p.rows[h + 1].get(c).map(text).unwrap_or_default();
        if let Some(rest) = t.strip_prefix(group) {
            p.set(h + 1, c, s(rest));
        }
    }
}

/// Every header printed on one row, its headings joined by `sep` (`本年支出-合计`); no merges.
pub fn flattened(pieces: &mut [Piece], sep: &str) {
    one_row(pieces, true, |path| path.join(sep));
}

/// Every header printed on one row of its lowest headings, as many departments print it (a
/// group's 小计 run together with its group: 本年支出小计); no merges. Not the “三公” table,
/// whose 预算数 | 决算数 repeat under each item.
pub fn lowest_headings(pieces: &mut [Piece]) {
    one_row(pieces, false, |path| match path {
        [.., group, sub]
            if group.starts_with("本年") && matches!(sub.as_str(), "小计" | "合计") =>
        {
            format!("{group}{sub}")
        }
        [.., last] => last.clone(),
        [] => String::new(),
    });
}

fn one_row(pieces: &mut [Piece], three_public: bool, heading: impl Fn(&[String]) -> String) {
    for p in pieces.iter_mut() {
        let (Some(end), h) = (p.data_start(), p.header_start()) else {
            continue;
        };
        if p.kind == TableKind::ThreePublic && !three_public || end <= h + 1 {
            continue;
        }
        let width = p.width();
        let mut paths = vec![Vec::<String>::new(); width];
        // A 栏次 row stays a row of its own, under the header.
        let numbering: Vec<usize> = (h..end)
            .filter(|&r| p.rows[r].iter().any(|v| text(v) == "栏次"))
            .collect();
        for r in (h..end).filter(|r| !numbering.contains(r)) {
            for (c, path) in paths.iter_mut().enumerate() {
                let at = p
                    .merges
                    .iter()
                    .find(|m| {
                        (m.first.0..=m.last.0).contains(&(r as u32))
                            && (m.first.1..=m.last.1).contains(&(c as u32))
                    })
                    .map_or((r, c), |m| (m.first.0 as usize, m.first.1 as usize));
                let t = text(p.rows[at.0].get(at.1).unwrap_or(&RawValue::Empty));
                if !t.is_empty() && path.last() != Some(&t) {
                    path.push(t);
                }
            }
        }
        let row = paths.iter().map(|p| s(&heading(p))).collect();
        let kept: Vec<Vec<RawValue>> = numbering.iter().map(|&r| p.rows[r].clone()).collect();
        p.rows.splice(h..end, std::iter::once(row).chain(kept));
        p.merges.clear();
    }
}

/// The 总表s, each with the first row of its header and of its data.
fn summaries(pieces: &mut [Piece]) -> impl Iterator<Item = (&mut Piece, usize, usize)> {
    pieces
        .iter_mut()
        .filter(|p| {
            matches!(
                p.kind,
                TableKind::IncomeExpenditureSummary | TableKind::FiscalSummary
            )
        })
        .map(|p| {
            let (h, end) = (p.header_start(), p.data_start().unwrap());
            (p, h, end)
        })
}

/// A 行次 column before each 项目 column of the 总表s, numbering their lines.
pub fn line_numbers_first(pieces: &mut [Piece]) {
    for (p, h, end) in summaries(pieces) {
        let items: Vec<usize> = (0..p.width())
            .filter(|&c| text(p.rows[h + 1].get(c).unwrap_or(&RawValue::Empty)) == "项目")
            .collect();
        for (i, &c) in items.iter().enumerate().rev() {
            let base = i * 100;
            let labelled: Vec<bool> = p
                .rows
                .iter()
                .map(|row| row.get(c).is_some_and(|v| !v.is_empty()))
                .collect();
            p.insert_col(c, |r| {
                if r == h + 1 {
                    s("行次")
                } else if r >= end && labelled[r] {
                    RawValue::Number((base + r - end + 1) as f64)
                } else {
                    RawValue::Empty
                }
            });
            // The 收入 / 支出 heading spans its 行次 column too, printed in its first cell.
            for m in p.merges.iter_mut() {
                if m.first == (h as u32, c as u32 + 1) {
                    m.first.1 = c as u32;
                }
            }
            let heading = p.rows[h].get(c + 1).cloned().unwrap_or(RawValue::Empty);
            p.set(h, c, heading);
            p.set(h, c + 1, RawValue::Empty);
        }
    }
}

/// A 总表's 支出 half printed under its 收入 half: its own header row (under a row reading 支出
/// when `headings`), its lines.
pub fn stacked(pieces: &mut [Piece], headings: bool) {
    for (p, h, end) in summaries(pieces) {
        let split = p.find_col(h, "支出").unwrap();
        let take = |rows: &[Vec<RawValue>], from: usize, to: usize| -> Vec<Vec<RawValue>> {
            rows.iter()
                .map(|r| {
                    (from..to)
                        .map(|c| r.get(c).cloned().unwrap_or(RawValue::Empty))
                        .collect()
                })
                .collect()
        };
        let width = p.width();
        let left = take(&p.rows, 0, split);
        let right = take(&p.rows, split, width);
        let income: Vec<_> = left[end..]
            .iter()
            .filter(|r| r.iter().any(|v| !v.is_empty()))
            .cloned()
            .collect();
        let spending: Vec<_> = right[end..]
            .iter()
            .filter(|r| r.iter().any(|v| !v.is_empty()))
            .cloned()
            .collect();
        let mut rows: Vec<Vec<RawValue>> = p.rows[..h].to_vec();
        if headings {
            rows.push(vec![s("收入")]);
        }
        rows.extend(left[h + 1..end].iter().cloned());
        rows.extend(income);
        if headings {
            rows.push(vec![s("支出")]);
        }
        rows.extend(right[h + 1..end].iter().cloned());
        rows.extend(spending);
        p.rows = rows;
        p.merges.retain(|m| m.first.0 < h as u32);
    }
}

/// A 总表's halves printed one after the other, each under the 总表's title and unit line: the
/// 支出 half read alone, as from a page, sheet or file of its own.
pub fn halves_apart(pieces: &mut [Piece]) {
    stacked(pieces, true);
    for (p, h, _) in summaries(pieces) {
        let at = (1..p.rows.len())
            .find(|&r| p.rows[r].len() == 1 && text(&p.rows[r][0]) == "支出")
            .unwrap();
        // The title and the unit line, as each half's page prints them.
        for r in (0..h).rev() {
            let row = p.rows[r].clone();
            p.insert_row(at, row);
        }
    }
}

/// A 栏次 row under the header of the coded tables: 栏次 | | 1 | 2 | ….
pub fn column_numbers(pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        if !matches!(
            p.kind,
            TableKind::IncomeTable
                | TableKind::ExpenditureTable
                | TableKind::GeneralBudgetExpenditure
        ) {
            continue;
        }
        let end = p.data_start().unwrap();
        let width = p.width();
        let mut row = vec![s("栏次"), RawValue::Empty];
        row.extend((2..width).map(|c| RawValue::Number((c - 1) as f64)));
        p.insert_row(end, row);
    }
}

/// 科目编码 printed over 类 | 款 | 项 columns, as the national template prints it.
pub fn split_codes(pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        if !p.kind.has_function_codes() {
            continue;
        }
        let Some(end) = p.data_start() else { continue };
        let h = p.header_start();
        p.insert_col(1, |_| RawValue::Empty);
        p.insert_col(1, |_| RawValue::Empty);
        for r in end..p.rows.len() {
            let code = text(&p.rows[r][0]);
            if code.len() < 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let parts = [
                &code[..3],
                code.get(3..5).unwrap_or(""),
                code.get(5..).unwrap_or(""),
            ];
            for (i, part) in parts.iter().enumerate() {
                p.set(
                    r,
                    i,
                    if part.is_empty() {
                        RawValue::Empty
                    } else {
                        s(part)
                    },
                );
            }
        }
        // The header: 科目编码 over 类 | 款 | 项, in a row of its own.
        let code_row = (h..end)
            .find(|&r| text(&p.rows[r][0]).contains("编码"))
            .unwrap();
        p.merge((code_row, 0), (code_row, 2));
        let mut row = vec![s("类"), s("款"), s("项")];
        row.resize(p.width(), RawValue::Empty);
        p.insert_row(code_row + 1, row);
        // The headings beside 科目编码 reach down over the 类 | 款 | 项 row.
        for m in p.merges.iter_mut() {
            if m.last.0 == code_row as u32 && m.first.1 > 2 {
                m.last.0 += 1;
            }
        }
        p.merge((code_row, 3), (code_row + 1, 3));
    }
}
