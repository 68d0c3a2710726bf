//! A fuzzer on the stable toolchain: seeds (the samples, ../shared's seeds and real PDFs, the
//! regression inputs) are mutated — bytes flipped, spans cut, doubled and spliced, the XML parts
//! inside a workbook or .docx edited, figures and keywords of a text replaced — and each mutant
//! goes through the whole of `gouji check` (read, recognise, check). A panic is a bug: the
//! input is saved under fuzz/found/ with its message, to be fixed and kept in
//! fuzz/regressions/, which the tests replay. A mutant that takes over a minute is saved too.
//!
//! Usage: cargo run --release --example fuzz -- [MINUTES] [SEED]   (scripts/fuzz.sh)

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use gouji::read::ReadError;

/// What a text mutation may insert: the words and marks the readers and the narrative key on.
const TOKENS: &[&str] = &[
    "其中：",
    "万元",
    "元",
    "%",
    "增长",
    "减少",
    "增加",
    "下降",
    "比上年",
    "占",
    "合计",
    "总计",
    "类",
    "款",
    "项",
    "（",
    "）",
    "。",
    "，",
    "；",
    "\n",
    "\r\n",
    "\t",
    "<",
    ">",
    "\"",
    "&amp;",
    "&#x",
    "2024年",
    "201",
    "-",
    ",",
    ".",
    "0.00",
    "1e308",
    "NaN",
    "-0",
    "99999999999999999999999",
    "一般公共预算",
    "三公",
    "单位：万元",
    "收入支出决算总表",
    "决算表",
    "行次",
    "栏次",
    "<c r=\"XFD1\">",
    "</row>",
    "<row r=\"0\">",
    "rowspan=\"99999\"",
];

/// A small xorshift generator: the same seed makes the same run, so a finding can be replayed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A whole number in [lo, hi], both included.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
}

struct Seed {
    path: PathBuf,
    bytes: Vec<u8>,
}

fn seeds(dirs: &[&str]) -> Vec<Seed> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = dirs.iter().map(PathBuf::from).collect();
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(&p) {
                stack.extend(rd.flatten().map(|e| e.path()));
            }
        } else if gouji::read::is_table_file(&p)
            || gouji::read::text::is_text_file(&p)
            || ext(&p) == "pdf"
        {
            // Large PDFs make slow rounds; a real one of a few MB is still worth its time.
            if let Ok(bytes) = std::fs::read(&p) {
                if bytes.len() < 8 << 20 {
                    out.push(Seed { path: p, bytes });
                }
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn ext(p: &Path) -> String {
    gouji::read::extension(p)
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.range(0, items.len() as i64 - 1) as usize]
}

/// One mutation of raw bytes.
fn mutate_bytes(rng: &mut Rng, b: &mut Vec<u8>, other: &[u8]) {
    if b.is_empty() {
        b.extend_from_slice(pick(rng, TOKENS).as_bytes());
        return;
    }
    let at = rng.range(0, b.len() as i64 - 1) as usize;
    let len = rng.range(1, 64.min(b.len() - at) as i64) as usize;
    match rng.range(0, 6) {
        0 => b[at] ^= 1 << rng.range(0, 7),
        1 => {
            b.drain(at..at + len);
        }
        2 => {
            let span = b[at..at + len].to_vec();
            b.splice(at..at, span);
        }
        3 => b.truncate(at),
        4 => {
            let token = pick(rng, TOKENS).as_bytes();
            b.splice(at..at, token.iter().copied());
        }
        5 if !other.is_empty() => {
            let from = rng.range(0, other.len() as i64 - 1) as usize;
            let n = len.min(other.len() - from);
            b.splice(
                at..at + len.min(b.len() - at),
                other[from..from + n].iter().copied(),
            );
        }
        _ => {
            // A digit for another: figures that no longer add up, years that no longer fit.
            if let Some(d) = b[at..].iter().position(|c| c.is_ascii_digit()) {
                b[at + d] = b'0' + rng.range(0, 9) as u8;
            }
        }
    }
}

/// A zip package with one of its XML parts mutated, or None when it is no zip.
fn mutate_package(rng: &mut Rng, bytes: &[u8], other: &[u8]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let target = rng.range(0, zip.len() as i64 - 1) as usize;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).ok()?;
        let name = f.name().ok()?.to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).ok()?;
        if i == target {
            for _ in 0..rng.range(1, 8) {
                mutate_bytes(rng, &mut data, other);
            }
        }
        out.start_file(name, opts).ok()?;
        out.write_all(&data).ok()?;
    }
    Some(out.finish().ok()?.into_inner())
}

fn mutant(rng: &mut Rng, seed: &Seed, other: &Seed) -> Vec<u8> {
    let zipped = matches!(ext(&seed.path).as_str(), "xlsx" | "xlsm" | "ods" | "docx");
    if zipped && rng.range(0, 3) > 0 {
        if let Some(m) = mutate_package(rng, &seed.bytes, &other.bytes) {
            return m;
        }
    }
    let mut b = seed.bytes.clone();
    for _ in 0..rng.range(1, 6) {
        mutate_bytes(rng, &mut b, &other.bytes);
    }
    b
}

/// Runs one mutant through `gouji check` on a thread of its own; the panic's reason, if any.
fn run(file: &Path, limit: Duration) -> Result<Option<String>, ()> {
    let (tx, rx) = mpsc::channel();
    let f = file.to_path_buf();
    std::thread::spawn(move || {
        let r = gouji::run::check_file(&f);
        let panic = r.errors.iter().find_map(|e| match e {
            ReadError::Panicked { reason, .. } => Some(reason.clone()),
            _ => None,
        });
        let _ = tx.send(panic);
    });
    rx.recv_timeout(limit).map_err(|_| ())
}

fn save(dir: &Path, bytes: &[u8], ext: &str, why: &str) -> PathBuf {
    let hash = bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ *b as u64).wrapping_mul(0x100000001b3)
    });
    let path = dir.join(format!("{hash:016x}.{ext}"));
    let _ = std::fs::write(&path, bytes);
    let _ = std::fs::write(path.with_extension(format!("{ext}.why")), why);
    path
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let minutes: f64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let seed: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let seeds = seeds(&[
        "samples",
        "fuzz/regressions",
        "../shared/seeds",
        "../shared/realdata",
    ]);
    if seeds.is_empty() {
        eprintln!("fuzz: no seeds found (run from the project folder)");
        std::process::exit(2);
    }
    let found = Path::new("fuzz/found");
    let work = std::env::temp_dir().join(format!("gouji-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(found)
        .and_then(|_| std::fs::create_dir_all(&work))
        .expect("fuzz folders");
    // The panics are caught and counted; their default message would flood the terminal.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng::new(seed);
    let (start, end) = (Instant::now(), Duration::from_secs_f64(minutes * 60.0));
    let (mut runs, mut panics, mut slow) = (0u64, 0u64, 0u64);
    while start.elapsed() < end {
        let s = pick(&mut rng, &seeds);
        let other = pick(&mut rng, &seeds);
        let bytes = mutant(&mut rng, s, other);
        let e = ext(&s.path);
        let file = work.join(format!("mutant.{e}"));
        if std::fs::write(&file, &bytes).is_err() {
            continue;
        }
        runs += 1;
        match run(&file, Duration::from_secs(60)) {
            Ok(None) => {}
            Ok(Some(reason)) => {
                panics += 1;
                let p = save(
                    found,
                    &bytes,
                    &e,
                    &format!("panic from {}: {reason}", s.path.display()),
                );
                eprintln!("fuzz: panic ({reason}) saved as {}", p.display());
            }
            Err(()) => {
                slow += 1;
                let p = save(
                    found,
                    &bytes,
                    &e,
                    &format!("over a minute, from {}", s.path.display()),
                );
                eprintln!(
                    "fuzz: over a minute, saved as {}; stopping (its thread cannot be stopped)",
                    p.display()
                );
                break;
            }
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    println!(
        "fuzz: {runs} inputs from {} seeds in {:.1} min (seed {seed}): {panics} panics, {slow} over a minute",
        seeds.len(),
        start.elapsed().as_secs_f64() / 60.0
    );
    if panics + slow > 0 {
        std::process::exit(1);
    }
}
