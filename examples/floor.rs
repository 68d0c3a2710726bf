//! The floor of a batch: the time calamine alone takes to open every workbook under a folder and
//! read every cell of every sheet, on all cores, as `gouji batch` does. Used by bench/batch.sh.
//!
//! Usage: cargo run --release --example floor -- DIR

#[path = "common/mod.rs"]
mod common;

use std::path::Path;
use std::time::Instant;

use calamine::{open_workbook_auto, Data, Reader};
use rayon::prelude::*;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let files = common::workbooks(Path::new(&dir));
    let start = Instant::now();
    let cells: usize = files
        .par_iter()
        .map(|f| {
            let Ok(mut book) = open_workbook_auto(f) else {
                return 0;
            };
            let mut n = 0;
            for name in book.sheet_names() {
                if let Ok(range) = book.worksheet_range(&name) {
                    n += range
                        .used_cells()
                        .filter(|(_, _, c)| !matches!(c, Data::Empty))
                        .count();
                }
            }
            n
        })
        .sum();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "floor: {} workbooks, {} cells, {:.3} s, {:.0} workbooks/s",
        files.len(),
        cells,
        secs,
        files.len() as f64 / secs
    );
}
