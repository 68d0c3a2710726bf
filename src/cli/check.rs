//! `gouji check`: the findings of every document, as text or JSON; exit 1 at `--fail-on`.

use crate::check::Severity;
use crate::report::{self, Style};
use crate::run;

use super::{CliError, Format, Inputs, LangArg, SeverityArg};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    inputs: Inputs,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Messages in Chinese (default) or English.
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Exit 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: SeverityArg,
    /// Show findings at or above this severity (rounding notes are `info`).
    #[arg(long, value_enum, default_value = "info")]
    show: SeverityArg,
    /// Also list every relation verified, with its figures.
    #[arg(long)]
    relations: bool,
    /// Colour: auto (on a terminal), always, never.
    #[arg(long, default_value = "auto")]
    color: String,
}

/// Prints the findings; an unread document or a finding at `--fail-on` is the error.
pub fn run(args: Args) -> Result<(), CliError> {
    let results = run::check_paths(&args.inputs.paths);
    let lang = args.lang.into();
    let show: Severity = args.show.into();
    let out = match args.format {
        Format::Json => report::json::results(&results, lang),
        Format::Text => {
            let style = Style::detect(&args.color);
            let mut out = report::terminal::results(&results, lang, show, style);
            if args.relations {
                out.push_str(&report::terminal::relations(&results, lang));
            }
            out
        }
    };
    report::emit(&out);
    let fail_on: Severity = args.fail_on.into();
    if results.iter().any(|r| r.failed()) {
        Err(CliError::Unread)
    } else if results
        .iter()
        .flat_map(|r| r.findings.iter())
        .any(|f| f.severity >= fail_on)
    {
        Err(CliError::Findings)
    } else {
        Ok(())
    }
}
