//! Where things are: a cell (`B7`), a box on a printed page, and the location a finding names —
//! file and sheet!cell, page and box, or sentence and character span.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A cell by zero-based row and column, printed the way a spreadsheet user names it (`B7`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CellRef {
    /// Zero-based row.
    pub row: u32,
    /// Zero-based column.
    pub col: u32,
}

impl CellRef {
    /// The cell at a zero-based row and column.
    pub fn new(row: u32, col: u32) -> CellRef {
        CellRef { row, col }
    }

    /// The cell an `A1` name names.
    pub fn from_a1(name: &str) -> Option<CellRef> {
        let letters: String = name
            .chars()
            .take_while(|c| c.is_ascii_uppercase())
            .collect();
        let digits = &name[letters.len()..];
        if letters.is_empty() || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let col = letters
            .bytes()
            .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
        let row: u32 = digits.parse().ok()?;
        Some(CellRef::new(row.checked_sub(1)?, col - 1))
    }

    /// The cell's name as a spreadsheet user writes it (`B7`).
    pub fn a1(&self) -> String {
        // Thousands of cells are named per document: letters and digits are written into one
        // small buffer, with no formatting machinery.
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut row = self.row as u64 + 1;
        while row > 0 {
            i -= 1;
            buf[i] = b'0' + (row % 10) as u8;
            row /= 10;
        }
        let mut col = self.col as u64 + 1;
        while col > 0 {
            i -= 1;
            buf[i] = b'A' + ((col - 1) % 26) as u8;
            col = (col - 1) / 26;
        }
        std::str::from_utf8(&buf[i..])
            .unwrap_or_default()
            .to_string()
    }
}

/// A box on a printed page, in points from the page's lower left corner (PDF user space).
/// Written as `[x0, y0, x1, y1]` to a hundredth of a point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "[f64; 4]", from = "[f64; 4]")]
pub struct PageBox {
    /// Left edge.
    pub x0: f32,
    /// Bottom edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top edge.
    pub y1: f32,
}

// Boxes come from one reading of one file; they are compared as read, never computed with.
impl Eq for PageBox {}

impl From<PageBox> for [f64; 4] {
    fn from(b: PageBox) -> [f64; 4] {
        [b.x0, b.y0, b.x1, b.y1].map(|v| (f64::from(v) * 100.0).round() / 100.0)
    }
}

impl From<[f64; 4]> for PageBox {
    fn from(v: [f64; 4]) -> PageBox {
        PageBox {
            x0: v[0] as f32,
            y0: v[1] as f32,
            x1: v[2] as f32,
            y1: v[3] as f32,
        }
    }
}

/// Where a figure or a finding is: a file plus a sheet and cell, a page, or a character span.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// Shared with the table it points into: a document names thousands of cells.
    pub file: Arc<str>,
    /// The sheet, for a figure of a table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<Arc<str>>,
    /// The cell's name (`B7`), for a figure of a table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// The page (from 1), for a figure printed in a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The printed box of a cell on its page, for a table read from a PDF.
    #[serde(rename = "box", skip_serializing_if = "Option::is_none")]
    pub bbox: Option<PageBox>,
    /// Character offsets [start, end) in the text the sentence was read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<(usize, usize)>,
    /// The sentence, for a figure of the narrative.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

impl Location {
    /// A whole file, for what concerns it all (a missing table, a file not read).
    pub fn file(file: impl Into<Arc<str>>) -> Location {
        Location {
            file: file.into(),
            ..Location::default()
        }
    }

    /// A cell of a sheet.
    pub fn cell(file: &Arc<str>, sheet: &Arc<str>, at: CellRef) -> Location {
        Location {
            file: file.clone(),
            sheet: Some(sheet.clone()),
            cell: Some(at.a1()),
            ..Location::default()
        }
    }

    /// Where in its file: `sheet!B7`, with `p.3` for a table read from a PDF; else `short()`.
    pub fn place(&self) -> String {
        match (&self.sheet, &self.cell, self.page) {
            (Some(sh), Some(c), Some(p)) => format!("{sh}!{c} p.{p}"),
            (Some(sh), Some(c), None) => format!("{sh}!{c}"),
            _ => self.short(),
        }
    }

    /// `file sheet!B7`, `file p.3`, `file @120..145`.
    pub fn short(&self) -> String {
        let mut s = self.file.to_string();
        match (&self.sheet, &self.cell) {
            (Some(sh), Some(c)) => s.push_str(&format!(" {sh}!{c}")),
            (Some(sh), None) => s.push_str(&format!(" {sh}")),
            _ => {}
        }
        if let Some(p) = self.page {
            s.push_str(&format!(" p.{p}"));
        }
        if let Some((a, b)) = self.span {
            s.push_str(&format!(" @{a}..{b}"));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_names() {
        assert_eq!(CellRef::new(0, 0).a1(), "A1");
        assert_eq!(CellRef::new(6, 1).a1(), "B7");
        assert_eq!(CellRef::new(0, 25).a1(), "Z1");
        assert_eq!(CellRef::new(9, 26).a1(), "AA10");
        assert_eq!(CellRef::new(0, 701).a1(), "ZZ1");
        assert_eq!(CellRef::new(0, 702).a1(), "AAA1");
        for (r, c) in [(0, 0), (6, 1), (9, 26), (0, 701), (41, 702)] {
            let at = CellRef::new(r, c);
            assert_eq!(CellRef::from_a1(&at.a1()), Some(at));
        }
        assert_eq!(CellRef::from_a1("A0"), None);
        assert_eq!(CellRef::from_a1("12"), None);
    }
}
