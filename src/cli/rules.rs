//! `gouji rules`: the rule catalogue, as text or JSON.

use crate::check::{across, catalogue, Lang, RuleMeta};
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
    // The rules of one document, then those across documents.
    let rules: Vec<&'static RuleMeta> = catalogue()
        .into_iter()
        .map(|r| r.meta())
        .chain(across::catalogue().into_iter().map(|r| r.meta()))
        .collect();
    let out = match args.format {
        Format::Text => report::catalogue::text(&rules, Lang::from(args.lang)),
        Format::Json => report::catalogue::json(&rules),
    };
    report::emit(&out);
    Ok(())
}
