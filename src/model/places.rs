//! Where the rows and cells of a grid rebuilt from a printed page stand: the page of each row and
//! the box of each cell, so that a finding on a PDF names the page and the printed box.

use std::collections::HashMap;

use super::{CellRef, Location, PageBox};

/// Where the rows and cells of a grid rebuilt from a PDF are printed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Places {
    /// The page (from 1) of each grid row.
    pub row_pages: Vec<u32>,
    /// The box of each non-empty cell, by (row, column).
    pub boxes: HashMap<(u32, u32), PageBox>,
    /// Rows (first, last) of tables printed without rulings, rebuilt from text positions alone.
    pub approximate: Vec<(u32, u32)>,
}

impl Places {
    /// Whether a grid row lies in a table rebuilt from text positions alone.
    pub fn is_approximate(&self, row: u32) -> bool {
        self.approximate.iter().any(|&(a, b)| a <= row && row <= b)
    }

    /// Adds the page and box of a cell to a location.
    pub fn locate(&self, loc: &mut Location, at: CellRef) {
        loc.page = self.row_pages.get(at.row as usize).copied();
        loc.bbox = self.boxes.get(&(at.row, at.col)).copied();
    }
}
