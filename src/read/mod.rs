//! Readers: one per format, each turning a file into grids of raw cells.
//!
//! A reader knows files, not 决算: it hands on what a person would see on each sheet, and says
//! plainly what it could not read.

mod csv;
mod docx;
mod error;
mod guard;
mod html;
pub mod limits;
mod merges;
mod ods;
pub mod pdf;
mod tables;
pub mod text;
mod workbook;

use std::path::Path;
use std::sync::Arc;

use crate::model::{CellRef, Location};

/// Kept here for the readers that build it; the type is the model's.
pub use crate::model::Places;

pub use self::csv::read_csv;
pub use error::ReadError;
pub use html::read_html;
pub use tables::{Page, Tables};
pub use workbook::read_workbook;

/// Sheets taller than this are not 决算 tables (the largest real ones run to a few hundred rows);
/// reading them would only burn memory, so they are reported instead.
pub const MAX_ROWS: usize = 100_000;

/// A cell as the file holds it, before anyone decides what it means.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    /// A blank cell.
    Empty,
    /// A numeric cell. Its shortest round-trip decimal text is taken as the published figure.
    Number(f64),
    /// A text cell, as typed (amounts printed as text included).
    Text(String),
}

impl RawValue {
    /// The cell's text, as a person reads it (a number in its shortest form).
    pub fn text(&self) -> String {
        self.as_text().into_owned()
    }

    /// The cell's text, borrowed where it holds text.
    pub fn as_text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            RawValue::Empty => "".into(),
            RawValue::Number(n) => n.to_string().into(),
            RawValue::Text(t) => t.as_str().into(),
        }
    }

    /// Whether the cell shows nothing: empty, or only white space.
    pub fn is_empty(&self) -> bool {
        match self {
            RawValue::Empty => true,
            RawValue::Text(t) => t.trim().is_empty(),
            RawValue::Number(_) => false,
        }
    }
}

/// A merged range, inclusive, zero-based (first row, first col, last row, last col).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    /// Top left cell (row, column).
    pub first: (u32, u32),
    /// Bottom right cell (row, column).
    pub last: (u32, u32),
}

/// One sheet as a rectangle of raw cells, anchored at A1.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// The file the sheet was read from.
    pub file: String,
    /// The sheet's name (`PDF决算表` for the tables of a PDF).
    pub sheet: String,
    /// The cells, row by row; rows may be of different lengths.
    pub rows: Vec<Vec<RawValue>>,
    /// Merged ranges, as the file records them.
    pub merges: Vec<Merge>,
    /// For a grid rebuilt from a printed page: the page and box of its rows and cells.
    pub places: Option<Arc<Places>>,
}

impl Grid {
    /// The cell at a zero-based row and column; empty outside the grid.
    pub fn get(&self, row: usize, col: usize) -> &RawValue {
        static EMPTY: RawValue = RawValue::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    /// Where a cell is, as a user would look for it: sheet and cell, and the page for a PDF.
    pub fn location(&self, at: CellRef) -> Location {
        let mut loc = Location::cell(&self.file.as_str().into(), &self.sheet.as_str().into(), at);
        if let Some(p) = &self.places {
            p.locate(&mut loc, at);
        }
        loc
    }

    /// The width of the widest row.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The merge that covers a cell, if any.
    pub fn merge_at(&self, row: usize, col: usize) -> Option<&Merge> {
        let (r, c) = (row as u32, col as u32);
        self.merges
            .iter()
            .find(|m| m.first.0 <= r && r <= m.last.0 && m.first.1 <= c && c <= m.last.1)
    }
}

/// What reading one file gave: the sheets read, and the sheets that could not be.
#[derive(Debug, Default)]
pub struct ReadOutcome {
    /// The sheets read.
    pub grids: Vec<Grid>,
    /// Sheets that could not be read, each with its reason.
    pub problems: Vec<ReadError>,
}

/// The formats gouji takes as tables.
pub fn is_table_file(path: &Path) -> bool {
    matches!(
        extension(path).as_str(),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" | "csv" | "pdf"
    )
}

/// A path's extension in lower case, or empty.
pub fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Reads a table file of any supported format. A whole-file failure is an `Err`; a sheet that
/// cannot be read is a problem inside the outcome, and the other sheets are still read.
pub fn read_tables(path: &Path) -> Result<ReadOutcome, ReadError> {
    match extension(path).as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_workbook(path),
        "csv" => read_csv(path),
        other => Err(ReadError::Unsupported {
            file: path.display().to_string(),
            ext: if other.is_empty() {
                "无扩展名".into()
            } else {
                other.into()
            },
        }),
    }
}

/// Pages that may hold tables among their prose: .html, .htm, .docx.
pub fn is_page_file(path: &Path) -> bool {
    matches!(extension(path).as_str(), "html" | "htm" | "docx")
}

/// Reads a page (.html/.htm/.docx): its tables of figures as grids (or, asked so, as text) and
/// its prose as text. A page with neither is `Empty`.
pub fn read_page(path: &Path, tables: Tables) -> Result<Page, ReadError> {
    let file = path.display().to_string();
    let bytes = read_bytes(path)?;
    let page = match extension(path).as_str() {
        "docx" => docx::read_docx(&bytes, &file, tables)?,
        _ => html::read_html(&bytes, &file, tables),
    };
    if page.grids.is_empty() && page.problems.is_empty() && page.text.trim().is_empty() {
        return Err(ReadError::Empty { file });
    }
    Ok(page)
}

/// A file's bytes, or why they could not be read.
fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    std::fs::read(path).map_err(|e| ReadError::Io {
        file: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// Decodes bytes as UTF-8 (with or without BOM), else as GB18030 (a superset of GBK and GB2312),
/// which is what Chinese office software writes when it does not write UTF-8.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            text.into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_gbk() {
        assert_eq!(decode_text("合计".as_bytes()), "合计");
        assert_eq!(decode_text(b"\xEF\xBB\xBF\xE5\x90\x88"), "合");
        let (gbk, _, _) = encoding_rs::GBK.encode("本年收入合计,3997.99");
        assert_eq!(decode_text(&gbk), "本年收入合计,3997.99");
    }
}
