//! `gouji rules`: the rule catalogue, as text or JSON.

use crate::check::{catalogue, Lang};
use crate::report;

use super::{CliError, Format, LangArg};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
}

/// Prints the catalogue.
pub fn run(args: Args) -> Result<(), CliError> {
    let rules = catalogue();
    let out = match args.format {
        Format::Text => report::catalogue::text(&rules, Lang::from(args.lang)),
        Format::Json => report::catalogue::json(&rules),
    };
    report::emit(&out);
    Ok(())
}
