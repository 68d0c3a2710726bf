//! A published PDF as gouji reads every other input: its 决算 tables as one grid, the rest as the
//! narrative.
//!
//! A ruled table is a 决算 table when a 决算 title is printed just above it (or in its first
//! rows); its title, unit line and notes go into the grid with it, so that the same layout
//! recognition that reads workbooks reads it. Every other line — the 概况, the 情况说明, the
//! 名词解释, small tables such as the list of member units — is the narrative, page by page.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::model::PageBox;
use crate::read::pdf::{PdfDoc, RuledTable, TextLine};
use crate::read::text::TextDoc;
use crate::read::{Grid, Merge, Places, RawValue};

use super::kind::from_title;

mod unruled;

/// The sheet name of the grid rebuilt from a PDF's tables (it names the sheet in report.xlsx).
pub const SHEET: &str = "PDF决算表";

/// What a PDF gives to recognition: its 决算 tables as one grid, and its narrative.
#[derive(Debug)]
pub struct PdfParts {
    pub grid: Option<Grid>,
    pub narrative: Option<TextDoc>,
    /// The department its cover or a heading names (上海市普陀区财政局2024年度部门决算).
    pub department: Option<String>,
}

/// Something placed on a page, in reading order.
enum Item<'a> {
    Line(&'a TextLine),
    Table(usize),
}

pub fn assemble(doc: &PdfDoc) -> PdfParts {
    let pages = doc.pages.len();
    // Each page's lines and the tables that start on it, top to bottom.
    let mut items: Vec<Vec<(f32, Item)>> = (0..pages).map(|_| Vec::new()).collect();
    for p in &doc.pages {
        for l in &p.lines {
            items[(p.number - 1) as usize].push((l.baseline, Item::Line(l)));
        }
    }
    for (i, t) in doc.tables.iter().enumerate() {
        if let Some(v) = items.get_mut((t.first_page - 1) as usize) {
            v.push((t.top, Item::Table(i)));
        }
    }
    for v in &mut items {
        v.sort_by(|a, b| b.0.total_cmp(&a.0));
    }

    // Titles with no ruled table under them on their page head tables printed without rulings.
    let flat: Vec<&Item> = items
        .iter()
        .flat_map(|v| v.iter().map(|(_, i)| i))
        .collect();
    let mut unruled_at: HashMap<*const TextLine, Vec<&TextLine>> = HashMap::new();
    let mut taken: HashSet<*const TextLine> = HashSet::new();
    for (k, item) in flat.iter().enumerate() {
        let Item::Line(title) = item else { continue };
        if from_title(&title.text).is_none() || taken.contains(&(*title as *const _)) {
            continue;
        }
        let ruled_below = flat[k + 1..]
            .iter()
            .take_while(|i| match i {
                Item::Line(l) => l.page == title.page && from_title(&l.text).is_none(),
                Item::Table(_) => true,
            })
            .any(|i| matches!(i, Item::Table(t) if doc.tables[*t].first_page == title.page));
        if ruled_below {
            continue;
        }
        let following: Vec<&TextLine> = flat[k..]
            .iter()
            .map_while(|i| match i {
                Item::Line(l) => Some(*l),
                Item::Table(_) => None,
            })
            .collect();
        if let Some(lines) = unruled::take(&following) {
            taken.extend(lines.iter().map(|l| *l as *const TextLine));
            unruled_at.insert(*title as *const _, lines);
        }
    }

    let mut grid = GridBuilder::default();
    let mut narrative: Vec<Vec<String>> = vec![Vec::new(); pages];
    for (page, list) in items.iter().enumerate() {
        // Lines seen since the last table on this page: the candidates for the next title.
        let mut pending: Vec<&TextLine> = Vec::new();
        let mut last_table: Option<&RuledTable> = None;
        let mut last_note: Option<&TextLine> = None;
        for (_, item) in list {
            match item {
                Item::Line(l) => {
                    let key = *l as *const TextLine;
                    if let Some(lines) = unruled_at.get(&key) {
                        for l in pending.drain(..) {
                            narrative[page].push(l.text.clone());
                        }
                        grid.gap();
                        grid.unruled(&unruled::build(lines));
                        last_table = None;
                        continue;
                    }
                    if taken.contains(&key) {
                        continue;
                    }
                    if last_table.is_some_and(|t| is_note(l, t, last_note)) {
                        grid.line(l);
                        last_note = Some(l);
                    } else {
                        last_table = None;
                        pending.push(l);
                    }
                }
                Item::Table(i) => {
                    let table = &doc.tables[*i];
                    let title_at = pending.iter().rposition(|l| from_title(&l.text).is_some());
                    let titled_inside = table.rows.iter().take(3).any(|r| {
                        r.cells
                            .iter()
                            .flatten()
                            .any(|c| from_title(&c.text).is_some())
                    });
                    if title_at.is_some() || titled_inside {
                        let from = title_at.unwrap_or(pending.len());
                        for l in pending.drain(..from) {
                            narrative[page].push(l.text.clone());
                        }
                        grid.gap();
                        for l in pending.drain(..) {
                            grid.line(l);
                        }
                        grid.table(table);
                        last_table = Some(table);
                    } else {
                        for l in pending.drain(..) {
                            narrative[page].push(l.text.clone());
                        }
                        for r in &table.rows {
                            let text: Vec<&str> =
                                r.cells.iter().flatten().map(|c| c.text.as_str()).collect();
                            if !text.is_empty() {
                                narrative[r.page as usize - 1].push(text.join(" "));
                            }
                        }
                    }
                }
            }
        }
        for l in pending {
            narrative[page].push(l.text.clone());
        }
    }

    let text = narrative
        .iter()
        .map(|lines| lines.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\u{c}");
    let narrative = (text.chars().any(|c| !c.is_whitespace() && c != '\u{c}'))
        .then(|| TextDoc::paged(&doc.file, text));
    let department = doc
        .pages
        .iter()
        .flat_map(|p| p.lines.iter())
        .take(200)
        .find_map(|l| super::meta::department_in_title(&l.text));
    PdfParts {
        grid: grid.finish(&doc.file),
        narrative,
        department,
    }
}

/// A note under a table (注：…) and the lines it wraps onto.
fn is_note(l: &TextLine, t: &RuledTable, previous: Option<&TextLine>) -> bool {
    if l.page != t.last_page || l.baseline > t.bottom {
        return false;
    }
    unruled::is_note(l) || previous.is_some_and(|p| p.baseline - l.baseline < 1.8 * p.size)
}

#[derive(Default)]
struct GridBuilder {
    rows: Vec<Vec<RawValue>>,
    merges: Vec<Merge>,
    pages: Vec<u32>,
    boxes: HashMap<(u32, u32), PageBox>,
    approximate: Vec<(u32, u32)>,
}

impl GridBuilder {
    /// Two empty rows between tables, as a person would leave them on one sheet.
    fn gap(&mut self) {
        if !self.rows.is_empty() {
            for _ in 0..2 {
                let page = self.pages.last().copied().unwrap_or(1);
                self.rows.push(Vec::new());
                self.pages.push(page);
            }
        }
    }

    fn line(&mut self, l: &TextLine) {
        let row = self.rows.len() as u32;
        self.boxes.insert(
            (row, 0),
            PageBox {
                x0: l.x0,
                y0: l.baseline,
                x1: l.x1,
                y1: l.baseline + l.size,
            },
        );
        self.rows.push(vec![RawValue::Text(l.text.clone())]);
        self.pages.push(l.page);
    }

    fn table(&mut self, t: &RuledTable) {
        let base = self.rows.len() as u32;
        for (r, row) in t.rows.iter().enumerate() {
            let mut cells = vec![RawValue::Empty; t.width];
            for (c, cell) in row.cells.iter().enumerate() {
                if let Some(cell) = cell {
                    cells[c] = RawValue::Text(cell.text.clone());
                    let [x0, y0, x1, y1] = cell.bbox;
                    self.boxes
                        .insert((base + r as u32, c as u32), PageBox { x0, y0, x1, y1 });
                }
            }
            self.rows.push(cells);
            self.pages.push(row.page);
        }
        self.merges.extend(t.merges.iter().map(|m| Merge {
            first: (m.first.0 + base, m.first.1),
            last: (m.last.0 + base, m.last.1),
        }));
    }

    fn unruled(&mut self, t: &unruled::Built) {
        let first = self.rows.len() as u32;
        for l in &t.before {
            self.line(l);
        }
        for r in &t.rows {
            let row = self.rows.len() as u32;
            let mut cells = vec![RawValue::Empty; t.cols.len()];
            for (c, text, last) in &r.cells {
                cells[*c] = RawValue::Text(text.clone());
                self.boxes.insert(
                    (row, *c as u32),
                    PageBox {
                        x0: t.cols[*c].0,
                        y0: r.line.baseline,
                        x1: t.cols[*last].1,
                        y1: r.line.baseline + r.line.size,
                    },
                );
                if last > c {
                    self.merges.push(Merge {
                        first: (row, *c as u32),
                        last: (row, *last as u32),
                    });
                }
            }
            self.rows.push(cells);
            self.pages.push(r.line.page);
        }
        for l in &t.notes {
            self.line(l);
        }
        self.approximate
            .push((first, (self.rows.len() as u32).saturating_sub(1)));
    }

    fn finish(self, file: &str) -> Option<Grid> {
        (!self.rows.is_empty()).then(|| Grid {
            file: file.to_string(),
            sheet: SHEET.to_string(),
            rows: self.rows,
            merges: self.merges,
            places: Some(Arc::new(Places {
                row_pages: self.pages,
                boxes: self.boxes,
                approximate: self.approximate,
            })),
        })
    }
}
