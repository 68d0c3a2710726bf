//! `gouji batch`: every document under the folders given, checked and summarised; and the exit
//! status a batch (or a merge of its shards) ends with.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::batch::{self, discover, kind, Options};
use crate::check::Lang;
use crate::run::Verdict;

use super::{CliError, LangArg, SeverityArg};

#[derive(clap::Args)]
pub struct Args {
    /// Folders (or files) to read: every document under them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Where to write summary.xlsx, summary.csv, summary.parquet, findings.ndjson and charts/.
    #[arg(short, long)]
    output: PathBuf,
    /// A CSV of path,district,department,year[,department_kind] that overrides what the files tell.
    #[arg(long)]
    manifest: Option<PathBuf>,
    /// A CSV of alias,department_kind (header first) that folds more short forms of department
    /// names onto one kind, besides the built-in table (src/batch/kind.rs).
    #[arg(long)]
    aliases: Option<PathBuf>,
    /// Check only the i-th of n shards of the document list (i from 1), e.g. 2/3; a
    /// department's documents of every year and kind stay in one shard.
    #[arg(long, value_parser = parse_shard)]
    shard: Option<(usize, usize)>,
    /// Check each document alone: no relations across a department's documents (C rules).
    #[arg(long)]
    no_across: bool,
    /// No progress bar (it is also off when stderr is not a terminal).
    #[arg(long, short)]
    quiet: bool,
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Exit 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: SeverityArg,
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (i, n) = s.split_once('/').ok_or("shard is i/n, e.g. 2/3")?;
    let (i, n): (usize, usize) = (
        i.trim().parse().map_err(|_| "shard i is a number")?,
        n.trim().parse().map_err(|_| "shard n is a number")?,
    );
    if n == 0 || i == 0 || i > n {
        return Err(format!("shard {i}/{n}: i must be from 1 to n"));
    }
    Ok((i, n))
}

/// Runs the batch and ends with its closing line and status.
pub fn run(args: Args) -> Result<(), CliError> {
    let manifest = match args.manifest.as_deref() {
        Some(path) => discover::read_manifest(path)?,
        None => Vec::new(),
    };
    let aliases = match args.aliases.as_deref() {
        Some(path) => kind::Aliases::with_file(path)?,
        None => kind::Aliases::default(),
    };
    let lang: Lang = args.lang.into();
    let opts = Options {
        aliases,
        shard: args.shard,
        across: !args.no_across,
        manifest,
        progress: !args.quiet && std::io::stderr().is_terminal(),
        lang,
    };
    let outcome = batch::run(&args.paths, &opts, &args.output)?;
    finish(&outcome, &args.output, args.quiet, args.fail_on)
}

/// The exit status of a batch, as `check`'s: 2 when a document could not be read, 1 when a
/// finding reaches `--fail-on`, else 0.
pub fn finish(
    outcome: &batch::Outcome,
    out: &std::path::Path,
    quiet: bool,
    fail_on: SeverityArg,
) -> Result<(), CliError> {
    let rows = &outcome.rows;
    if !quiet {
        let counts: Vec<String> = Verdict::ALL
            .iter()
            .map(|&v| {
                let n = rows.iter().filter(|r| r.verdict == v).count();
                format!("{} {n}", v.label(Lang::Zh))
            })
            .collect();
        eprintln!(
            "gouji: {} 个文档：{} → {}",
            rows.len(),
            counts.join("，"),
            out.display()
        );
    }
    let reached = |r: &batch::SummaryRow| match fail_on {
        SeverityArg::Error => r.errors > 0,
        SeverityArg::Warning => r.errors + r.warnings > 0,
        SeverityArg::Info => r.errors + r.warnings + r.infos > 0,
    };
    if rows
        .iter()
        .any(|r| r.verdict == Verdict::Unreadable || !r.failure.is_empty())
    {
        Err(CliError::Unread)
    } else if rows.iter().any(reached) {
        Err(CliError::Findings)
    } else {
        Ok(())
    }
}
