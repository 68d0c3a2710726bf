//! A batch's summary.parquet of N synthetic rows, without checking a document: the input of
//! bench/compare.sh, which times `gouji compare` on the outputs of a 10,000-document batch.
//! Rows are spread over 40 districts, 50 department kinds and the years back from 2024, their
//! figures drawn from a fixed seed (one N, one file).
//!
//! Usage: cargo run --example summary_rows -- N OUT_DIR

use std::path::PathBuf;

use gouji::batch::compare::{frame, write_parquet};
use gouji::batch::SummaryRow;
use gouji::run::Verdict;

const DISTRICTS: usize = 40;
const KINDS: usize = 50;

/// A figure in 万元 to the hundredth, from a linear congruential stream (no dependency).
struct Stream(u64);

impl Stream {
    fn next(&mut self, low: f64, high: f64) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let unit = (self.0 >> 11) as f64 / (1u64 << 53) as f64;
        ((low + unit * (high - low)) * 100.0).round() / 100.0
    }
}

fn row(i: usize, s: &mut Stream) -> SummaryRow {
    let (district, kind) = (i % DISTRICTS, (i / DISTRICTS) % KINDS);
    let year = 2024 - (i / (DISTRICTS * KINDS)) as i32;
    let district = format!("第{}区", district + 1);
    let kind = format!("部门类别{}", kind + 1);
    let spent = s.next(200.0, 30_000.0);
    let basic = (spent * s.next(0.3, 0.9) * 100.0).round() / 100.0;
    let personnel = (basic * s.next(0.6, 0.9) * 100.0).round() / 100.0;
    SummaryRow {
        source: format!("{district}/{year}/{district}{kind}-{year}-决算公开表.xlsx"),
        department: format!("上海市{district}{kind}"),
        district,
        department_kind: kind,
        year: Some(year),
        unit: "万元".into(),
        income: Some(spent + s.next(-50.0, 50.0)),
        expenditure: Some(spent),
        basic: Some(basic),
        project: Some(((spent - basic) * 100.0).round() / 100.0),
        three_public: Some(s.next(0.0, spent * 0.02)),
        personnel: Some(personnel),
        public: Some(((basic - personnel) * 100.0).round() / 100.0),
        agency_operating: Some(s.next(0.0, basic - personnel)),
        opening: Some(s.next(0.0, 500.0)),
        closing: Some(s.next(0.0, 500.0)),
        tables: 9,
        errors: u32::from(i.is_multiple_of(7)),
        verdict: if i.is_multiple_of(7) {
            Verdict::Errors
        } else {
            Verdict::Clean
        },
        ..SummaryRow::default()
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "out".into()));
    let mut s = Stream(2016);
    let rows: Vec<SummaryRow> = (0..n).map(|i| row(i, &mut s)).collect();
    let result = std::fs::create_dir_all(&out)
        .map_err(|e| e.to_string())
        .and_then(|_| frame(&rows).map_err(|e| e.to_string()))
        .and_then(|df| write_parquet(&df, &out.join("summary.parquet")).map_err(|e| e.to_string()));
    match result {
        Ok(()) => println!("{n} rows → {}", out.join("summary.parquet").display()),
        Err(e) => {
            eprintln!("summary_rows: {e}");
            std::process::exit(1);
        }
    }
}
