//! A table as published: values, merged ranges, two-decimal money; each cell a finding is about
//! filled by its worst severity and carrying a note with the findings' messages.

use std::collections::{BTreeMap, HashMap};

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Note, Worksheet, XlsxError};

use crate::check::{Finding, Lang, Severity};
use crate::read::{Grid, RawValue};

use super::formats::{fill, Formats};

/// The cells findings are about: (row, col) → the worst severity and the findings' lines.
type Marks = BTreeMap<(u32, u16), (Severity, Vec<String>)>;

pub(super) fn write(
    ws: &mut Worksheet,
    g: &Grid,
    name: &str,
    findings: &[Finding],
    fmt: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let marks = marks(g, findings, lang);
    let sheet = Sheet {
        grid: g,
        marks: &marks,
        money: &fmt.money,
    };
    sheet.merged_ranges(ws);
    let widths = sheet.cells(ws)?;
    for ((r, c), (_, messages)) in &marks {
        ws.insert_note(*r, *c, &Note::new(messages.join("\n")).set_author("gouji"))?;
    }
    for (c, w) in widths {
        ws.set_column_width(c, (w as f64 + 2.0).max(8.0))?;
    }
    Ok(())
}

/// The findings about cells of this grid, by cell.
fn marks(g: &Grid, findings: &[Finding], lang: Lang) -> Marks {
    let mut marks = Marks::new();
    for f in findings {
        if *f.location.file != *g.file || f.location.sheet.as_deref() != Some(g.sheet.as_str()) {
            continue;
        }
        let Some((r, c)) = f.location.cell.as_deref().and_then(parse_a1) else {
            continue;
        };
        let e = marks.entry((r, c)).or_insert((f.severity, Vec::new()));
        e.0 = e.0.max(f.severity);
        e.1.push(format!(
            "[{} {}] {}",
            f.rule,
            f.severity.label(lang),
            f.message.get(lang)
        ));
    }
    marks
}

/// A grid being copied, with the cells findings are about.
struct Sheet<'a> {
    grid: &'a Grid,
    marks: &'a Marks,
    money: &'a Format,
}

impl Sheet<'_> {
    /// A cell's format: money or plain, filled and bordered where a finding is about it.
    fn cell_format(&self, r: u32, c: u16, money: bool) -> Format {
        let base = if money {
            self.money.clone()
        } else {
            Format::new()
        };
        match self.marks.get(&(r, c)) {
            Some((s, _)) => base
                .set_background_color(fill(*s))
                .set_border(FormatBorder::Medium),
            None => base,
        }
    }

    fn in_merge(&self, r: u32, c: u16) -> bool {
        self.grid.merges.iter().any(|m| {
            m.first.0 <= r && r <= m.last.0 && u32::from(c) >= m.first.1 && u32::from(c) <= m.last.1
        })
    }

    fn merge_starts_at(&self, r: u32, c: u16) -> bool {
        self.grid
            .merges
            .iter()
            .any(|m| (m.first.0, m.first.1 as u16) == (r, c))
    }

    /// The merged ranges, each with the text of its first cell, centred.
    fn merged_ranges(&self, ws: &mut Worksheet) {
        for m in &self.grid.merges {
            if m.first == m.last {
                continue;
            }
            let text = self.grid.get(m.first.0 as usize, m.first.1 as usize).text();
            let f = self
                .cell_format(m.first.0, m.first.1 as u16, false)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap();
            // Overlapping ranges are a broken file's doing; the cells are still written after.
            let _ = ws.merge_range(
                m.first.0,
                m.first.1 as u16,
                m.last.0,
                m.last.1 as u16,
                &text,
                &f,
            );
        }
    }

    /// Every cell outside the merged ranges (and the numbers at their start); the width of each
    /// column written, in half-width characters.
    fn cells(&self, ws: &mut Worksheet) -> Result<HashMap<u16, usize>, XlsxError> {
        let mut widths: HashMap<u16, usize> = HashMap::new();
        for (r, row) in self.grid.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r32, c16) = (r as u32, c as u16);
                let starts_merge = self.merge_starts_at(r32, c16);
                if self.in_merge(r32, c16) && !starts_merge {
                    continue;
                }
                match v {
                    RawValue::Number(x) => {
                        let f = self.cell_format(r32, c16, true);
                        ws.write_number_with_format(r32, c16, *x, &f)?;
                        widen(&mut widths, c16, 12);
                    }
                    RawValue::Text(t) if !starts_merge => {
                        let f = self.cell_format(r32, c16, false);
                        ws.write_string_with_format(r32, c16, t, &f)?;
                        widen(&mut widths, c16, text_width(t).min(48));
                    }
                    RawValue::Empty if self.marks.contains_key(&(r32, c16)) => {
                        ws.write_blank(r32, c16, &self.cell_format(r32, c16, false))?;
                    }
                    _ => {}
                }
            }
        }
        Ok(widths)
    }
}

/// Makes a column at least `width` wide.
fn widen(widths: &mut HashMap<u16, usize>, col: u16, width: usize) {
    let w = widths.entry(col).or_insert(0);
    *w = (*w).max(width);
}

/// Half-width characters: a Chinese character counts two.
fn text_width(t: &str) -> usize {
    t.chars().map(|ch| if ch.is_ascii() { 1 } else { 2 }).sum()
}

fn parse_a1(a1: &str) -> Option<(u32, u16)> {
    let letters: String = a1.chars().take_while(|c| c.is_ascii_uppercase()).collect();
    let digits = &a1[letters.len()..];
    if letters.is_empty() || digits.is_empty() {
        return None;
    }
    let col = letters
        .chars()
        .fold(0u32, |n, c| n * 26 + (c as u32 - 'A' as u32 + 1))
        - 1;
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, u16::try_from(col).ok()?))
}
