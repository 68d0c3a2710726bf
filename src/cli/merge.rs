//! `gouji merge`: the outputs of a batch's shards joined into one, as if it had run once.

use std::path::PathBuf;

use crate::batch;

use super::{batch::finish, CliError, LangArg, SeverityArg};

#[derive(clap::Args)]
pub struct Args {
    /// The output folders of the shards, in any order.
    #[arg(required = true)]
    parts: Vec<PathBuf>,
    #[arg(short, long)]
    output: PathBuf,
    #[arg(long, short)]
    quiet: bool,
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    #[arg(long, value_enum, default_value = "error")]
    fail_on: SeverityArg,
}

/// Joins the shards' outputs and ends as the batch would have.
pub fn run(args: Args) -> Result<(), CliError> {
    let outcome = batch::merge(&args.parts, &args.output, args.lang.into())?;
    finish(&outcome, &args.output, args.quiet, args.fail_on)
}
