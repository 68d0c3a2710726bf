//! `gouji report`: report.xlsx and charts/ for the documents given.

use std::path::PathBuf;

use crate::check::Lang;
use crate::report;
use crate::run;

use super::{CliError, Inputs, LangArg};

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
pub fn run(args: Args) -> Result<(), CliError> {
    let lang: Lang = args.lang.into();
    let results = run::check_paths(&args.inputs.paths);
    std::fs::create_dir_all(&args.output).map_err(|e| CliError::at(&args.output, e))?;
    let book = args.output.join("report.xlsx");
    report::workbook::write(&results, &book, lang).map_err(|e| CliError::at(&book, e))?;
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
        let mut paths = report::charts::write(&charts, &department, d.year, &dir, &prefix)
            .map_err(|e| CliError::at(&dir, e))?;
        written.append(&mut paths);
    }
    eprintln!(
        "gouji: wrote {} and {} charts in {}",
        book.display(),
        written.len(),
        dir.display()
    );
    if results.iter().any(|r| r.failed()) {
        Err(CliError::Unread)
    } else {
        Ok(())
    }
}
