//! Where the time of a batch goes: reading, recognising, checking, per workbook, on one core.
//! Usage: cargo run --release --example phases -- DIR
#[path = "common/mod.rs"]
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

// As the gouji binary does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut files = common::workbooks(Path::new(&dir));
    files.truncate(200);
    let (mut read, mut recog, mut check, mut whole) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    for f in &files {
        let t = Instant::now();
        let Ok(o) = gouji::read::read_tables(f) else {
            continue;
        };
        read += t.elapsed();
        let t = Instant::now();
        let (doc, problems) = gouji::recognise::document(&f.display().to_string(), &o.grids);
        recog += t.elapsed();
        let t = Instant::now();
        let c = gouji::check::run(&doc, &problems);
        check += t.elapsed();
        std::hint::black_box(c);
        let t = Instant::now();
        std::hint::black_box(gouji::run::check_file(f));
        whole += t.elapsed();
    }
    let n = files.len() as f64;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0 / n;
    println!(
        "per workbook: read {:.2} ms, recognise {:.2} ms, check {:.2} ms; check_file {:.2} ms",
        ms(read),
        ms(recog),
        ms(check),
        ms(whole)
    );
}
