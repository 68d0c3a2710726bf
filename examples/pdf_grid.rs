//! Prints the grid gouji rebuilds from a PDF, row by row with its page, then the tables
//! recognised in it and the findings. `-n` reads it as if no rulings were drawn.
//!
//! Usage: cargo run --example pdf_grid -- FILE.pdf [-n] [FROM [TO]]
use gouji::read::pdf::{read_pdf_with, Rulings};
fn main() {
    let mut a: Vec<String> = std::env::args().collect();
    let rulings = if a.iter().any(|x| x == "-n") {
        Rulings::Ignored
    } else {
        Rulings::Used
    };
    a.retain(|x| x != "-n");
    let doc = read_pdf_with(std::path::Path::new(&a[1]), rulings).unwrap();
    let parts = gouji::recognise::pdf::assemble(&doc);
    let g = parts.grid.unwrap();
    let from: usize = a.get(2).map(|s| s.parse().unwrap()).unwrap_or(0);
    let to: usize = a
        .get(3)
        .map(|s| s.parse().unwrap())
        .unwrap_or(g.rows.len())
        .min(g.rows.len());
    for (i, r) in g.rows.iter().enumerate().skip(from).take(to - from) {
        let cells: Vec<String> = r.iter().map(|c| c.text()).collect();
        println!(
            "{i:4} p{} | {}",
            g.places.as_ref().unwrap().row_pages[i],
            cells.join(" | ")
        );
    }
    let (d, p) = gouji::recognise::document(&a[1], &[g]);
    let c = gouji::check::run(&d, &p);
    let kinds: Vec<_> = d.tables.iter().map(|t| format!("{:?}", t.kind)).collect();
    println!("tables: {}", kinds.join(", "));
    for t in &d.tables {
        let cols: Vec<String> = t
            .columns
            .iter()
            .map(|c| format!("{}<{:?}>", c.label, c.key))
            .collect();
        println!(
            "  {:?} {:?} rows={} cols: {}",
            t.kind,
            t.side,
            t.rows.len(),
            cols.join(" | ")
        );
    }
    for f in &c.findings {
        println!(
            "{} {:?} {} {}",
            f.rule,
            f.severity,
            f.location.place(),
            f.message.zh
        );
    }
}
