use std::path::PathBuf;

use crate::batch;

use super::{batch::finish, LangArg, SeverityArg, INPUT_ERROR};

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

pub fn run(args: Args) -> u8 {
    match batch::merge(&args.parts, &args.output, args.lang.into()) {
        Ok(outcome) => finish(&outcome, &args.output, args.quiet, args.fail_on),
        Err(e) => {
            eprintln!("gouji: {e}");
            INPUT_ERROR
        }
    }
}
