//! What a document's digest (the figures the relations across documents keep of it) costs: its
//! size as a batch keeps it, and the time to make, write and read it back, with one published
//! figure as written.
//!
//! Usage: cargo run --release --example digest_size -- FILE
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let r = gouji::run::check_file(std::path::Path::new(&p));
    let d = gouji::check::across::digest(r.document.as_ref().unwrap()).compact();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..100 {
        n = serde_json::to_vec(&d).unwrap().len();
    }
    let enc = t.elapsed() / 100;
    let v = serde_json::to_vec(&d).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..100 {
        let _: gouji::check::across::Digest = serde_json::from_slice(&v).unwrap();
    }
    let dec = t.elapsed() / 100;
    let t = std::time::Instant::now();
    for _ in 0..100 {
        let _ = gouji::check::across::digest(r.document.as_ref().unwrap());
    }
    let dig = t.elapsed() / 100;
    println!("{}", serde_json::to_string(&d.published[0]).unwrap());
    let mut unique: Vec<&gouji::check::Term> = Vec::new();
    for (_, t) in &d.published {
        if !unique.contains(&t) {
            unique.push(t);
        }
    }
    println!("unique published terms {}", unique.len());
    println!(
        "bytes {n} published {} statements {:?} encode {enc:?} decode {dec:?} digest {dig:?}",
        d.published.len(),
        d.statements.iter().map(|s| s.len()).collect::<Vec<_>>()
    );
}
