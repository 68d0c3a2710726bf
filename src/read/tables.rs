//! Tables inside pages (an HTML `<table>`, a Word `w:tbl`) laid out as grids, and the prose
//! around them kept apart as the page's text.
//!
//! Both page readers feed one [`PageBuilder`] with what they meet in reading order: text, line
//! ends, tables, rows and cells with their spans. A table of figures becomes a grid, the lines
//! right above it (its title, its unit line) its first rows, as a workbook prints them; a table
//! used only to lay a page out (one holding other tables, a single column, or prose) stays text.
//! A table's text is never also the page's text, or its figures would be read twice.

use super::{Grid, Merge, RawValue, ReadError, MAX_ROWS};

/// No 决算 table is this wide (the widest real ones have about twenty columns): cells placed past
/// it are dropped and spans clipped, so that `colspan=99999` costs nothing.
const MAX_COLS: usize = 256;
/// The cells one table may lay out (its rows' widths summed), so that a page of a few megabytes
/// cannot ask for gigabytes.
const MAX_CELLS: usize = 2_000_000;
/// Lines above a table taken as its heading: a 附表 number, the title, the 编制单位 and unit line.
const MAX_HEADING_LINES: usize = 4;
/// A line longer than this is prose, not a title or a unit line, and ends the heading (as a
/// sentence, one with a 。, does).
const MAX_HEADING_CHARS: usize = 60;
/// A cell this long holds prose: its table lays a page out and is read as text.
const MAX_CELL_CHARS: usize = 150;

/// How a page's cells say they reach down into the rows below.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spans {
    /// HTML: a cell's `rowspan` covers the rows below, whose cells skip the columns it holds.
    RowSpan,
    /// Word: each row has its own cell in a merged column, marked as continuing the one above.
    Continued,
}

/// Whether a page's tables of figures are read as grids, or as text like the rest of the page
/// (a 情况说明 whose tables are none of the 决算 tables is prose with figures set out in rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tables {
    /// Tables of figures as grids, apart from the text.
    Grids,
    /// Every table as text.
    Text,
}

/// What a page gives: its tables as grids, its text without them, and the tables it could not lay
/// out.
#[derive(Debug, Default)]
pub struct Page {
    /// The tables of figures, one grid each (`表格1`, `表格2` … in the order they end).
    pub grids: Vec<Grid>,
    /// The page's text, tables of figures left out.
    pub text: String,
    /// Tables too large to be 决算 tables, left unread.
    pub problems: Vec<ReadError>,
}

/// One cell as the page writes it.
#[derive(Debug, Default)]
struct SourceCell {
    text: String,
    colspan: usize,
    rowspan: usize,
    continues: bool,
    /// Where in `text` the last nested table ended: the heading of the next one starts there.
    mark: usize,
}

/// A table being read.
#[derive(Debug, Default)]
struct Frame {
    rows: Vec<Vec<SourceCell>>,
    row: Option<Vec<SourceCell>>,
    cell: Option<SourceCell>,
    caption: Option<String>,
    in_caption: bool,
    /// It holds another table: it lays the page out.
    nested: bool,
    headings: Vec<String>,
}

impl Frame {
    fn close_cell(&mut self) {
        if let Some(c) = self.cell.take() {
            self.row.get_or_insert_with(Vec::new).push(c);
        }
    }

    fn close_row(&mut self) {
        self.close_cell();
        if let Some(r) = self.row.take() {
            self.rows.push(r);
        }
    }

    /// A table of figures: rows and columns, nothing nested, and no prose in its cells unless
    /// figures stand beside it (a 决算 table may end with a long 注 row; a page laid out in a
    /// table holds its article in a cell, and no figures).
    fn is_data(&self) -> bool {
        let cells = || self.rows.iter().flatten().map(|c| c.text.trim());
        let prose = cells().any(|t| t.chars().count() > MAX_CELL_CHARS);
        !self.nested
            && self.rows.len() >= 2
            && self.rows.iter().any(|r| r.len() >= 2)
            && (!prose || cells().filter(|t| is_figure(t)).count() >= 2)
    }

    /// A layout table as text, as a browser shows it: a line per row, cells apart by tabs.
    fn text(&self) -> String {
        let mut out = String::new();
        if let Some(c) = &self.caption {
            out.push_str(c);
            out.push('\n');
        }
        for row in &self.rows {
            out.push('\n');
            for c in row {
                out.push_str(&c.text);
                out.push('\t');
            }
            out.push('\n');
        }
        out
    }
}

/// Builds a [`Page`] from what a page reader meets in reading order.
pub struct PageBuilder {
    file: String,
    spans: Spans,
    tables: Tables,
    body: String,
    body_mark: usize,
    frames: Vec<Frame>,
    page: Page,
}

impl PageBuilder {
    /// A builder for the page of a file, its cells spanning rows as `spans` says.
    pub fn new(file: &str, spans: Spans, tables: Tables) -> PageBuilder {
        PageBuilder {
            file: file.to_string(),
            spans,
            tables,
            body: String::new(),
            body_mark: 0,
            frames: Vec::new(),
            page: Page::default(),
        }
    }

    /// Where text goes now: the open cell or caption, or the page; nowhere between a table's
    /// cells (a browser would move such text out, and it is white space in practice).
    fn sink(&mut self) -> Option<&mut String> {
        match self.frames.last_mut() {
            None => Some(&mut self.body),
            Some(f) if f.in_caption => Some(f.caption.get_or_insert_with(String::new)),
            Some(f) => f.cell.as_mut().map(|c| &mut c.text),
        }
    }

    /// Text as the page shows it.
    pub fn text(&mut self, s: &str) {
        if let Some(sink) = self.sink() {
            sink.push_str(s);
        }
    }

    /// The end of a line (a paragraph, a `<br>`).
    pub fn line_end(&mut self) {
        self.text("\n");
    }

    /// The lines just above where a table starts, since the last table there.
    fn heading(&mut self) -> Vec<String> {
        let (text, mark) = match self.frames.last() {
            None => (&self.body, self.body_mark),
            Some(f) => match &f.cell {
                Some(c) if !f.in_caption => (&c.text, c.mark),
                _ => return Vec::new(),
            },
        };
        let mut lines = Vec::new();
        // Blank lines are passed over, but not without end: a page is not read backwards.
        let above = text
            .get(mark..)
            .unwrap_or("")
            .lines()
            .rev()
            .take(10 * MAX_HEADING_LINES);
        for line in above {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let prose = line.chars().count() > MAX_HEADING_CHARS || line.contains('。');
            if prose || lines.len() == MAX_HEADING_LINES {
                break;
            }
            lines.push(line.to_string());
        }
        lines.reverse();
        // A table first in the first cell of a table laying the page out is headed by what is
        // above that one.
        match self.frames.last() {
            Some(f)
                if lines.is_empty()
                    && f.rows.is_empty()
                    && f.row.as_ref().is_some_and(Vec::is_empty) =>
            {
                f.headings.clone()
            }
            _ => lines,
        }
    }

    /// A table starts.
    pub fn start_table(&mut self) {
        self.line_end();
        let headings = self.heading();
        if let Some(f) = self.frames.last_mut() {
            f.nested = true;
        }
        self.frames.push(Frame {
            headings,
            ..Frame::default()
        });
    }

    /// A row starts (an unclosed row or cell before it ends).
    pub fn start_row(&mut self) {
        if let Some(f) = self.frames.last_mut() {
            f.close_row();
            f.in_caption = false;
            f.row = Some(Vec::new());
        }
    }

    /// A row ends.
    pub fn end_row(&mut self) {
        if let Some(f) = self.frames.last_mut() {
            f.close_row();
        }
    }

    /// A cell starts, spanning `colspan` columns and (HTML) `rowspan` rows, 0 meaning to the end.
    pub fn start_cell(&mut self, colspan: usize, rowspan: usize) {
        if let Some(f) = self.frames.last_mut() {
            f.close_cell();
            f.in_caption = false;
            f.cell = Some(SourceCell {
                colspan,
                rowspan,
                ..SourceCell::default()
            });
        }
    }

    /// The open cell's spans, for formats that state them inside the cell (Word's `w:tcPr`):
    /// its columns, and whether it continues the merged cell above.
    pub fn cell_span(&mut self, colspan: Option<usize>, continues: Option<bool>) {
        if let Some(c) = self.frames.last_mut().and_then(|f| f.cell.as_mut()) {
            c.colspan = colspan.unwrap_or(c.colspan);
            c.continues = continues.unwrap_or(c.continues);
        }
    }

    /// A cell ends.
    pub fn end_cell(&mut self) {
        if let Some(f) = self.frames.last_mut() {
            f.close_cell();
        }
    }

    /// A caption starts or ends: its text is the table's title.
    pub fn caption(&mut self, open: bool) {
        if let Some(f) = self.frames.last_mut() {
            f.in_caption = open;
        }
    }

    /// A table ends: a table of figures becomes a grid, any other its text.
    pub fn end_table(&mut self) {
        let Some(mut f) = self.frames.pop() else {
            return;
        };
        f.close_row();
        if self.tables == Tables::Text || !f.is_data() {
            let text = f.text();
            self.text(&text);
            self.line_end();
            return;
        }
        let sheet = format!(
            "表格{}",
            self.page.grids.len() + self.page.problems.len() + 1
        );
        match layout(&self.file, sheet, f, self.spans) {
            Ok(grid) => self.page.grids.push(grid),
            Err(e) => self.page.problems.push(e),
        }
        self.line_end();
        // The next table's heading starts below this one.
        match self.frames.last_mut() {
            None => self.body_mark = self.body.len(),
            Some(f) => {
                if let Some(c) = f.cell.as_mut() {
                    c.mark = c.text.len();
                }
            }
        }
    }

    /// The page, tables left open at its end closed.
    pub fn finish(mut self) -> Page {
        while !self.frames.is_empty() {
            self.end_table();
        }
        self.page.text = self.body;
        self.page
    }
}

/// Text that reads as a figure: digits, with the separators, signs and brackets amounts carry.
fn is_figure(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && text.chars().all(|c| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || ".,%()-－—．，（） ".contains(c)
        })
}

/// A cell's text as a value: its lines trimmed, blank lines dropped.
fn value(text: &str) -> RawValue {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        RawValue::Empty
    } else {
        RawValue::Text(lines.join("\n"))
    }
}

/// Lays a table's cells out on a grid, with its heading lines as the first rows: each cell at
/// the first column free in its row, a merge for each span.
fn layout(file: &str, sheet: String, f: Frame, spans: Spans) -> Result<Grid, ReadError> {
    let mut rows: Vec<Vec<RawValue>> = f
        .headings
        .into_iter()
        .chain(f.caption.map(|c| c.trim().to_string()))
        .filter(|t| !t.is_empty())
        .map(|t| vec![RawValue::Text(t)])
        .collect();
    let top = rows.len();
    let total = top + f.rows.len();
    let too_large = |max| ReadError::SheetTooLarge {
        file: file.to_string(),
        sheet: sheet.clone(),
        rows: total,
        max,
    };
    if total > MAX_ROWS {
        return Err(too_large(MAX_ROWS));
    }
    let n = f.rows.len();
    let mut columns = Columns::default();
    let mut cells = 0;
    for (r, source) in f.rows.into_iter().enumerate() {
        let row = columns.lay_out(source, r, n, (r + top) as u32, spans);
        cells += row.len();
        if cells > MAX_CELLS {
            let width = row.len().max(1);
            return Err(too_large(MAX_CELLS / width));
        }
        rows.push(row);
    }
    let mut merges = columns.merges;
    merges.retain(|m| m.first != m.last);
    Ok(Grid {
        file: file.to_string(),
        sheet,
        rows,
        merges,
        places: None,
    })
}

/// A table's columns as its rows are laid out, with the merges found so far.
#[derive(Default)]
struct Columns {
    /// Per column: the first row (of the table) no span from above covers.
    free_from: Vec<usize>,
    /// Per column: the merge a Word cell below may continue.
    open: Vec<Option<usize>>,
    merges: Vec<Merge>,
}

impl Columns {
    /// Lays out row `r` of a table of `n` rows at grid row `at`: each cell at the first column
    /// free, its spans as a merge; the row's values, without blank cells at its end (nothing on
    /// the page, and no column of the table).
    fn lay_out(
        &mut self,
        source: Vec<SourceCell>,
        r: usize,
        n: usize,
        at: u32,
        spans: Spans,
    ) -> Vec<RawValue> {
        let mut row = Vec::new();
        let mut col = 0;
        for cell in source {
            if spans == Spans::RowSpan {
                while self.free_from.get(col).is_some_and(|&free| free > r) {
                    col += 1;
                }
            }
            if col >= MAX_COLS {
                break;
            }
            let cs = cell.colspan.clamp(1, MAX_COLS - col);
            if self.free_from.len() < col + cs {
                self.free_from.resize(col + cs, 0);
                self.open.resize(col + cs, None);
            }
            let continued =
                self.open[col].filter(|&m| cell.continues && self.merges[m].last.0 + 1 == at);
            if let Some(m) = continued {
                self.merges[m].last.0 = at;
                col += cs;
                continue;
            }
            let rs = match (spans, cell.rowspan) {
                (Spans::Continued, _) => 1,
                (Spans::RowSpan, 0) => n - r,
                (Spans::RowSpan, s) => s.min(n - r),
            };
            for c in col..col + cs {
                self.free_from[c] = r + rs;
                self.open[c] = None;
            }
            self.open[col] = Some(self.merges.len());
            self.merges.push(Merge {
                first: (at, col as u32),
                last: (at + rs as u32 - 1, (col + cs - 1) as u32),
            });
            row.resize(col + 1, RawValue::Empty);
            row[col] = value(&cell.text);
            col += cs;
        }
        while row.last().is_some_and(RawValue::is_empty) {
            row.pop();
        }
        row
    }
}

#[cfg(test)]
mod tests;
