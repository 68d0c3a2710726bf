//! The command line: one module per subcommand, each doing its work and handing the result to a printer.

mod batch;
mod check;
mod compare;
pub mod error;
mod extract;
mod merge;
mod report;
mod rules;
mod sample;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::check::{Lang, Severity};

pub use error::{CliError, CLEAN, FINDINGS, INPUT_ERROR};

#[derive(Parser)]
#[command(name = "gouji", version, about = "勾稽：核对部门决算公开表的数字关系")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The most one part of an .xlsx/.ods/.docx package may inflate to, in MiB; a part over it
    /// (a zip bomb) is refused before it is read.
    #[arg(long, global = true, value_name = "MIB", default_value_t = crate::read::limits::DEFAULT_MAX_INFLATE >> 20)]
    max_inflate: u64,
}

#[derive(Subcommand)]
enum Command {
    /// Check every relation in the tables of the given files or folders.
    Check(check::Args),
    /// Check every document under the given folders, in parallel, and summarise and compare them.
    Batch(batch::Args),
    /// Join the outputs of batch shards into one.
    Merge(merge::Args),
    /// Draw a metric of a batch's outputs by district, year or department kind (PNG, SVG, CSV).
    Compare(compare::Args),
    /// Print the canonical model gouji reads from a file.
    Extract(extract::Args),
    /// Write report.xlsx and charts (PNG and SVG) for the given files or folders.
    Report(report::Args),
    /// Print the rule catalogue.
    Rules(rules::Args),
    /// Generate a synthetic corpus of 决算 workbooks (districts × departments × years).
    Sample(sample::Args),
}

/// How `check` and `extract` print: for people or for programs.
#[derive(Clone, Copy, ValueEnum, Default)]
pub enum Format {
    /// Plain text, for people.
    #[default]
    Text,
    /// JSON, for programs.
    Json,
}

/// The language of messages (`--lang`).
#[derive(Clone, Copy, ValueEnum, Default)]
pub enum LangArg {
    /// Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// A severity given on the command line (`--fail-on`, `--show`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SeverityArg {
    /// Errors only: relations the figures break.
    Error,
    /// Warnings and errors.
    Warning,
    /// Everything, rounding notes included.
    Info,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Error => Severity::Error,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Info => Severity::Info,
        }
    }
}

#[derive(clap::Args)]
struct Inputs {
    /// Files (.pdf; .xlsx .xlsm .xls .xlsb .ods .csv tables; .html .htm .docx pages, tables and
    /// prose; .txt .md narratives) or folders to read.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// Runs the command line and maps its outcome, once, to what is printed and the exit status.
pub fn main() -> ExitCode {
    match try_main() {
        Ok(()) => ExitCode::from(CLEAN),
        Err(e) => {
            e.report();
            ExitCode::from(e.code())
        }
    }
}

fn try_main() -> Result<(), CliError> {
    let cli = Cli::try_parse()?;
    crate::read::limits::set_max_inflate(cli.max_inflate.saturating_mul(1 << 20));
    // The PDF reader bounds each stream it inflates by this variable (256 MiB when unset).
    // Set before any thread is started.
    if std::env::var_os("PDF_OXIDE_MAX_DECOMPRESS_MB").is_none() {
        let mib = crate::read::limits::max_pdf_stream() >> 20;
        std::env::set_var("PDF_OXIDE_MAX_DECOMPRESS_MB", mib.to_string());
    }
    match cli.command {
        Command::Check(a) => check::run(a),
        Command::Batch(a) => batch::run(a),
        Command::Merge(a) => merge::run(a),
        Command::Compare(a) => compare::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Report(a) => report::run(a),
        Command::Rules(a) => rules::run(a),
        Command::Sample(a) => sample::run(a),
    }
}
