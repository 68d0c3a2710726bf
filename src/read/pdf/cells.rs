//! The cells of a ruled table: the elementary cells between a region's rulings, joined where no
//! ruling is drawn between neighbours, each holding the glyphs whose centres fall in it.

use std::collections::HashMap;

use crate::read::Merge;

use super::geometry::{distinct, find, union, Glyph, Region, SNAP};

/// A cell as printed: its text and its box (x0, y0, x1, y1) on its page.
#[derive(Clone, Debug, PartialEq)]
pub struct TableCell {
    /// The cell's text, its lines joined.
    pub text: String,
    /// Its box on its page, in points.
    pub bbox: [f32; 4],
}

/// A row of a ruled table: the page it is printed on, and a cell for each column (none where
/// a merged cell covers it or it is empty).
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// The page, from 1.
    pub page: u32,
    /// A cell per column.
    pub cells: Vec<Option<TableCell>>,
}

/// A ruled table, over one page or continued over several.
#[derive(Clone, Debug, PartialEq)]
pub struct RuledTable {
    /// The page it starts on, from 1.
    pub first_page: u32,
    /// The top of the table on its first page.
    pub top: f32,
    /// The page it ends on.
    pub last_page: u32,
    /// The bottom of the table on its last page.
    pub bottom: f32,
    /// Its number of columns.
    pub width: usize,
    /// Its rows, top to bottom, over all its pages.
    pub rows: Vec<TableRow>,
    /// Merged cells, rows counted from the table's first row.
    pub merges: Vec<Merge>,
}

/// Reads the cells of a run of regions, all on the columns of the run's vertical rulings.
pub(super) fn build(run: Vec<Region>) -> RuledTable {
    let xs = distinct(run.iter().flat_map(|r| {
        r.segments
            .iter()
            .filter(|s| !s.horizontal)
            .map(|s| s.pos)
            .collect::<Vec<_>>()
    }));
    let width = xs.len().saturating_sub(1);
    let mut table = RuledTable {
        first_page: run[0].page,
        top: run[0].top,
        last_page: run[run.len() - 1].page,
        bottom: run[run.len() - 1].bottom,
        width,
        rows: Vec::new(),
        merges: Vec::new(),
    };
    for region in &run {
        read_region(region, &xs, &mut table);
    }
    table
}

/// Appends one region's rows to the table: every merged cell's text in its top-left elementary
/// cell, and a merge for every cell wider or taller than one.
fn read_region(region: &Region, xs: &[f32], table: &mut RuledTable) {
    let Some(mut grid) = Grid::new(region, xs) else {
        return;
    };
    grid.join_undrawn(region);
    let spans = grid.spans();
    let glyphs = grid.glyphs(region);
    let base = table.rows.len();
    for _ in 0..grid.rows {
        table.rows.push(TableRow {
            page: region.page,
            cells: vec![None; grid.cols],
        });
    }
    for (root, span) in spans {
        let text = glyphs.get(&root).map(|g| cell_text(g)).unwrap_or_default();
        if span.last_row > span.first_row || span.last_col > span.first_col {
            table.merges.push(Merge {
                first: ((base + span.first_row) as u32, span.first_col as u32),
                last: ((base + span.last_row) as u32, span.last_col as u32),
            });
        }
        if !text.is_empty() {
            table.rows[base + span.first_row].cells[span.first_col] = Some(TableCell {
                text,
                bbox: [
                    xs[span.first_col],
                    grid.ys[span.last_row + 1],
                    xs[span.last_col + 1],
                    grid.ys[span.first_row],
                ],
            });
        }
    }
    table.merges.sort_by_key(|m| (m.first, m.last));
}

/// One region's elementary cells, between consecutive distinct rulings, and which of them are
/// one merged cell (a union-find over the cells, numbered row by row).
struct Grid<'a> {
    /// The run's vertical ruling positions, left first.
    xs: &'a [f32],
    /// The region's horizontal ruling positions, top first.
    ys: Vec<f32>,
    rows: usize,
    cols: usize,
    parent: Vec<usize>,
}

/// A merged cell's extent in the elementary cells of its region, top-left to bottom-right.
struct Span {
    first_row: usize,
    first_col: usize,
    last_row: usize,
    last_col: usize,
}

impl<'a> Grid<'a> {
    /// The region's grid on the run's columns; none when the run has no column at all.
    fn new(region: &Region, xs: &'a [f32]) -> Option<Grid<'a>> {
        let mut ys = distinct(
            region
                .segments
                .iter()
                .filter(|s| s.horizontal)
                .map(|s| s.pos),
        );
        ys.reverse(); // top first
        let (rows, cols) = (ys.len() - 1, xs.len().saturating_sub(1));
        if cols == 0 {
            return None;
        }
        Some(Grid {
            xs,
            ys,
            rows,
            cols,
            parent: (0..rows * cols).collect(),
        })
    }

    fn id(&self, r: usize, c: usize) -> usize {
        r * self.cols + c
    }

    /// The merged cell the elementary cell at row `r`, column `c` belongs to.
    fn root(&mut self, r: usize, c: usize) -> usize {
        let id = self.id(r, c);
        find(&mut self.parent, id)
    }

    /// Joins every two neighbouring cells whose shared border is less than half drawn: a
    /// person reads them as one cell.
    fn join_undrawn(&mut self, region: &Region) {
        let (xs, ys) = (self.xs, &self.ys);
        for r in 0..self.rows {
            for c in 0..self.cols {
                let here = r * self.cols + c;
                if c + 1 < self.cols && !covered(region, false, xs[c + 1], ys[r + 1], ys[r]) {
                    union(&mut self.parent, here, here + 1);
                }
                if r + 1 < self.rows && !covered(region, true, ys[r + 1], xs[c], xs[c + 1]) {
                    union(&mut self.parent, here, here + self.cols);
                }
            }
        }
    }

    /// Each merged cell's extent, by its root.
    fn spans(&mut self) -> HashMap<usize, Span> {
        let mut span: HashMap<usize, Span> = HashMap::new();
        for r in 0..self.rows {
            for c in 0..self.cols {
                let root = self.root(r, c);
                let e = span.entry(root).or_insert(Span {
                    first_row: r,
                    first_col: c,
                    last_row: r,
                    last_col: c,
                });
                e.first_row = e.first_row.min(r);
                e.first_col = e.first_col.min(c);
                e.last_row = e.last_row.max(r);
                e.last_col = e.last_col.max(c);
            }
        }
        span
    }

    /// The region's glyphs by the merged cell their centres fall in; a glyph just outside the
    /// outer rulings goes to the nearest edge cell.
    fn glyphs(&mut self, region: &Region) -> HashMap<usize, Vec<Glyph>> {
        let mut glyphs: HashMap<usize, Vec<Glyph>> = HashMap::new();
        for g in &region.glyphs {
            let (cx, cy) = g.centre();
            let c = self
                .xs
                .partition_point(|&x| x <= cx)
                .saturating_sub(1)
                .min(self.cols - 1);
            let r = self
                .ys
                .partition_point(|&y| y >= cy)
                .saturating_sub(1)
                .min(self.rows - 1);
            let root = self.root(r, c);
            glyphs.entry(root).or_default().push(*g);
        }
        glyphs
    }
}

/// Whether the rulings at `pos` (horizontal or vertical) draw at least half of the border
/// from `lo` to `hi`: a border mostly left out is no border.
fn covered(region: &Region, horizontal: bool, pos: f32, lo: f32, hi: f32) -> bool {
    let len: f32 = region
        .segments
        .iter()
        .filter(|s| s.horizontal == horizontal && (s.pos - pos).abs() <= SNAP)
        .map(|s| (s.b.min(hi) - s.a.max(lo)).max(0.0))
        .sum();
    len >= 0.5 * (hi - lo)
}

/// The text of a cell: its lines top to bottom, joined as one (a wrapped label is one label).
fn cell_text(glyphs: &[Glyph]) -> String {
    super::lines::lines(glyphs.to_vec(), 0)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::rulings::test_rulings::h;
    use super::*;

    /// A border counts as drawn when its rulings (within SNAP of it) cover half its length.
    #[test]
    fn a_border_mostly_left_out_is_no_border() {
        let region = Region {
            page: 1,
            segments: vec![h(100.0, 0.0, 30.0), h(101.5, 60.0, 75.0)],
            glyphs: Vec::new(),
            left: 0.0,
            right: 100.0,
            top: 120.0,
            bottom: 80.0,
        };
        // 30 + 15 of 100 drawn: not a border; 30 + 15 of 80: a border.
        assert!(!covered(&region, true, 100.0, 0.0, 100.0));
        assert!(covered(&region, true, 100.0, 0.0, 80.0));
        // Vertical rulings are not asked about a horizontal border, nor rulings out of SNAP.
        assert!(!covered(&region, false, 100.0, 0.0, 80.0));
        assert!(!covered(&region, true, 103.0, 0.0, 30.0));
    }
}
