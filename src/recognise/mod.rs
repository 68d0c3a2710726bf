//! Recognition: from grids of raw cells to the tables of the canonical model.
//!
//! Finds each table's title, unit line, header rows and data rows; tells which standard table it
//! is; reads codes split over 类/款/项 columns; reads both halves of the 总表 and the column groups
//! of the 基本支出 table. A table it cannot place is kept as `Unrecognised`, never dropped.

mod columns;
mod kind;
mod layout;
pub mod lines;
mod meta;
pub mod narrative;
pub mod pdf;
mod precision;
pub mod text;

pub use crate::model::Problem;
use crate::model::{Document, Table, TableKind};
use crate::read::Grid;

pub use kind::from_title;
pub use meta::{department_from, department_in_lines, department_in_title, kind_from, year_from};

/// The tables recognised on a document's grids, and what recognition could not read.
#[derive(Debug, Default)]
pub struct Recognised {
    /// Every table found, standard or not, in reading order.
    pub tables: Vec<Table>,
    /// Cells that should hold a figure and do not, tables with no unit line.
    pub problems: Vec<Problem>,
}

/// Recognises every table on every grid of one document.
pub fn recognise(grids: &[Grid]) -> Recognised {
    let mut out = Recognised::default();
    for grid in grids {
        for segment in layout::segments(grid) {
            layout::build(grid, &segment, &mut out);
        }
    }
    precision::settle(&mut out.tables);
    out
}

/// Recognises grids into a document, with department and year told from the tables and the file name.
pub fn document(source: &str, grids: &[Grid]) -> (Document, Vec<Problem>) {
    let rec = recognise(grids);
    let doc = Document {
        source: source.to_string(),
        department: meta::department_from(grids, source),
        year: meta::year_from(grids, source),
        kind: meta::kind_from(&[], grids, &[source.to_string()]),
        tables: rec.tables,
        narratives: Vec::new(),
        unread_pages: Vec::new(),
    };
    (doc, rec.problems)
}

/// Whether a kind is one of the standard tables (not `Unrecognised`).
pub fn is_standard(kind: TableKind) -> bool {
    kind != TableKind::Unrecognised
}
