//! Prints the narrative text gouji reads from a PDF (the lines that are no part of a 决算
//! table, pages parted by form feeds) or from a .txt/.html/.docx, before it is rejoined: what the
//! narrative reader starts from, and the text the carrier script re-wraps.
//!
//! Usage: cargo run --example narrative_text -- FILE
use std::path::Path;

fn main() {
    let Some(file) = std::env::args().nth(1) else {
        eprintln!("usage: narrative_text FILE");
        std::process::exit(2);
    };
    let path = Path::new(&file);
    let text = if gouji::read::extension(path) == "pdf" {
        let pdf = gouji::read::pdf::read_pdf(path).unwrap_or_else(|e| panic!("{e:?}"));
        gouji::recognise::pdf::assemble(&pdf)
            .narrative
            .map(|d| d.text)
            .unwrap_or_default()
    } else {
        gouji::read::text::read_text(path)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .text
    };
    print!("{text}");
}
