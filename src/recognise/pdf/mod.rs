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

mod titles;
mod unruled;

/// The sheet name of the grid rebuilt from a PDF's tables (it names the sheet in report.xlsx).
pub const SHEET: &str = "PDF决算表";

/// What a PDF gives to recognition: its 决算 tables as one grid, and its narrative.
#[derive(Debug)]
pub struct PdfParts {
    /// The 决算 tables, stacked into one grid with their titles, unit lines and notes; `None` when
    /// the PDF has none.
    pub grid: Option<Grid>,
    /// Everything else as text, page by page: the narrative.
    pub narrative: Option<TextDoc>,
    /// The department its cover or a heading names (上海市普陀区财政局2024年度部门决算).
    pub department: Option<String>,
}

/// Something placed on a page, in reading order.
enum Item<'a> {
    Line(&'a TextLine),
    Table(usize),
}

/// Splits a PDF into its 决算 tables (one grid) and its narrative, page by page in reading order.
pub fn assemble(doc: &PdfDoc) -> PdfParts {
    let rejoined = titles::rejoined(doc);
    let doc = rejoined.as_ref().unwrap_or(doc);
    let items = placed(doc);
    let unruled = find_unruled(doc, &items);
    let mut assembly = Assembly {
        grid: GridBuilder::default(),
        narrative: vec![Vec::new(); doc.pages.len()],
    };
    for (page, list) in items.iter().enumerate() {
        assembly.page(doc, page, list, &unruled);
    }

    let text = assembly
        .narrative
        .iter()
        .map(|lines| lines.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\u{c}");
    let narrative = (text.chars().any(|c| !c.is_whitespace() && c != '\u{c}'))
        .then(|| TextDoc::paged(&doc.file, text));
    let department = super::meta::department_in_lines(
        doc.pages
            .iter()
            .flat_map(|p| p.lines.iter())
            .map(|l| l.text.as_str()),
    );
    PdfParts {
        grid: assembly.grid.finish(&doc.file),
        narrative,
        department,
    }
}

/// Each page's lines and the tables that start on it, top to bottom.
fn placed(doc: &PdfDoc) -> Vec<Vec<Item<'_>>> {
    // Each item with its height on the page, until they are in order.
    let mut items: Vec<Vec<(f32, Item)>> = (0..doc.pages.len()).map(|_| Vec::new()).collect();
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
    items
        .into_iter()
        .map(|mut v| {
            v.sort_by(|a, b| b.0.total_cmp(&a.0));
            v.into_iter().map(|(_, item)| item).collect()
        })
        .collect()
}

/// Tables printed without rulings: their lines by the title that heads them, and every line
/// any of them took (which is then not narrative).
struct Unruled<'a> {
    at: HashMap<*const TextLine, Vec<&'a TextLine>>,
    taken: HashSet<*const TextLine>,
}

/// Titles with no ruled table under them on their page head tables printed without rulings:
/// the lines after such a title, up to the next ruled table, are read as one if they look it.
fn find_unruled<'a>(doc: &PdfDoc, items: &[Vec<Item<'a>>]) -> Unruled<'a> {
    let flat: Vec<&Item> = items.iter().flat_map(|v| v.iter()).collect();
    let mut found = Unruled {
        at: HashMap::new(),
        taken: HashSet::new(),
    };
    for (k, item) in flat.iter().enumerate() {
        let Item::Line(title) = item else { continue };
        if from_title(&title.text).is_none() || found.taken.contains(&(*title as *const _)) {
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
            found
                .taken
                .extend(lines.iter().map(|l| *l as *const TextLine));
            found.at.insert(*title as *const _, lines);
        }
    }
    found
}

/// What assembling writes: the grid of 决算 tables and each page's narrative lines.
struct Assembly {
    grid: GridBuilder,
    narrative: Vec<Vec<String>>,
}

/// Where the reading of one page stands between two of its items.
struct PageState<'a> {
    page: usize,
    /// Lines seen since the last table on this page: the candidates for the next title.
    pending: Vec<&'a TextLine>,
    /// The 决算 table just read, whose notes may follow.
    last_table: Option<&'a RuledTable>,
    last_note: Option<&'a TextLine>,
}

impl Assembly {
    /// Reads one page's items in order; the lines left pending at its end are narrative.
    fn page<'a>(&mut self, doc: &'a PdfDoc, page: usize, list: &[Item<'a>], unruled: &Unruled) {
        let mut state = PageState {
            page,
            pending: Vec::new(),
            last_table: None,
            last_note: None,
        };
        for item in list {
            match item {
                Item::Line(l) => self.line(l, &mut state, unruled),
                Item::Table(i) => self.table(&doc.tables[*i], &mut state),
            }
        }
        self.narrate(page, state.pending.drain(..));
    }

    /// A line: the title of an unruled table (read into the grid with its lines), a line of one
    /// (already read), a note under the last table, or a line pending until the next table.
    fn line<'a>(&mut self, l: &'a TextLine, state: &mut PageState<'a>, unruled: &Unruled) {
        let key = l as *const TextLine;
        if let Some(lines) = unruled.at.get(&key) {
            self.narrate(state.page, state.pending.drain(..));
            self.grid.gap();
            self.grid.unruled(&unruled::build(lines));
            state.last_table = None;
            return;
        }
        if unruled.taken.contains(&key) {
            return;
        }
        if state
            .last_table
            .is_some_and(|t| is_note(l, t, state.last_note))
        {
            self.grid.line(l);
            state.last_note = Some(l);
        } else {
            state.last_table = None;
            state.pending.push(l);
        }
    }

    /// A ruled table: a 决算 table when a title is pending above it or printed in its first
    /// rows (then it goes into the grid with its title and unit lines); otherwise its rows are
    /// narrative, as the lines above it are.
    fn table<'a>(&mut self, table: &'a RuledTable, state: &mut PageState<'a>) {
        let title_at = state
            .pending
            .iter()
            .rposition(|l| from_title(&l.text).is_some());
        let titled_inside = table.rows.iter().take(3).any(|r| {
            r.cells
                .iter()
                .flatten()
                .any(|c| from_title(&c.text).is_some())
        });
        if title_at.is_some() || titled_inside {
            let from = title_at.unwrap_or(state.pending.len());
            self.narrate(state.page, state.pending.drain(..from));
            self.grid.gap();
            for l in state.pending.drain(..) {
                self.grid.line(l);
            }
            self.grid.table(table);
            state.last_table = Some(table);
        } else {
            self.narrate(state.page, state.pending.drain(..));
            for r in &table.rows {
                let text: Vec<&str> = r.cells.iter().flatten().map(|c| c.text.as_str()).collect();
                if !text.is_empty() {
                    self.narrative[r.page as usize - 1].push(text.join(" "));
                }
            }
        }
    }

    /// Lines that are no part of a 决算 table: the page's narrative.
    fn narrate<'a>(&mut self, page: usize, lines: impl Iterator<Item = &'a TextLine>) {
        for l in lines {
            self.narrative[page].push(l.text.clone());
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::pdf::Page;

    fn line(page: u32, text: &str, baseline: f32) -> TextLine {
        TextLine {
            page,
            text: text.into(),
            x0: 50.0,
            x1: 300.0,
            baseline,
            size: 12.0,
            runs: Vec::new(),
        }
    }

    fn table(first_page: u32, top: f32) -> RuledTable {
        RuledTable {
            first_page,
            top,
            last_page: first_page,
            bottom: top - 100.0,
            width: 2,
            rows: Vec::new(),
            merges: Vec::new(),
        }
    }

    /// Lines and tables are put on the page a table starts on, highest first.
    #[test]
    fn items_are_placed_top_to_bottom_on_their_pages() {
        let doc = PdfDoc {
            file: "a.pdf".into(),
            pages: vec![
                Page {
                    number: 1,
                    lines: vec![
                        line(1, "注：本表无数据", 300.0),
                        line(1, "收入决算表", 700.0),
                    ],
                },
                Page {
                    number: 2,
                    lines: vec![line(2, "2", 40.0)],
                },
            ],
            tables: vec![table(2, 600.0), table(1, 650.0)],
            problems: Vec::new(),
        };
        let seen: Vec<Vec<String>> = placed(&doc)
            .iter()
            .map(|page| {
                page.iter()
                    .map(|item| match item {
                        Item::Line(l) => l.text.clone(),
                        Item::Table(t) => format!("table {t}"),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(
            seen,
            [
                vec!["收入决算表", "table 1", "注：本表无数据"],
                vec!["table 0", "2"]
            ]
        );
    }
}
