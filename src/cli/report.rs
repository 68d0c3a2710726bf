use std::path::PathBuf;

use crate::check::Lang;
use crate::report;
use crate::run::{self, Options};

use super::{Inputs, LangArg, CLEAN, INPUT_ERROR};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    inputs: Inputs,
    /// The folder to write report.xlsx and charts/ into (created if missing).
    #[arg(short, long)]
    output: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
}

/// Writes DIR/report.xlsx and DIR/charts/. Exit 0 when both are written and every input was
/// read, 2 when an input could not be read (it has its row on 概览) or the report could not be written.
pub fn run(args: Args) -> u8 {
    let lang: Lang = args.lang.into();
    let results = run::check_paths(&args.inputs.paths, &Options::default());
    if let Err(e) = std::fs::create_dir_all(&args.output) {
        eprintln!("gouji: {}: {e}", args.output.display());
        return INPUT_ERROR;
    }
    let book = args.output.join("report.xlsx");
    if let Err(e) = report::workbook::write(&results, &book, lang) {
        eprintln!("gouji: {}: {e}", book.display());
        return INPUT_ERROR;
    }
    let dir = args.output.join("charts");
    let mut written = Vec::new();
    for (i, r) in results.iter().enumerate() {
        let Some(d) = &r.document else { continue };
        let charts = report::summary::charts(d);
        let department = d.department.clone().unwrap_or_else(|| r.source.clone());
        let prefix = if results.len() > 1 {
            format!("{:02}-", i + 1)
        } else {
            String::new()
        };
        match report::charts::write(&charts, &department, d.year, &dir, &prefix) {
            Ok(mut paths) => written.append(&mut paths),
            Err(e) => {
                eprintln!("gouji: {}: {e}", dir.display());
                return INPUT_ERROR;
            }
        }
    }
    eprintln!(
        "gouji: wrote {} and {} charts in {}",
        book.display(),
        written.len(),
        dir.display()
    );
    if results.iter().any(|r| r.failed()) {
        INPUT_ERROR
    } else {
        CLEAN
    }
}
