//! The floor of a batch: the time calamine alone takes to open every workbook under a folder and
//! read every cell of every sheet, on all cores, as `gouji batch` does. Used by bench/batch.sh.
//!
//! Usage: cargo run --release --example floor -- DIR

use std::path::{Path, PathBuf};
use std::time::Instant;

use calamine::{open_workbook_auto, Data, Reader};
use rayon::prelude::*;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "xlsx") {
            out.push(p);
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut files = Vec::new();
    walk(Path::new(&dir), &mut files);
    files.sort();
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
