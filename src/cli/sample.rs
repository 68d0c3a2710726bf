//! `gouji sample`: writes a synthetic corpus of 决算公开表 and 部门预算公开表 workbooks (see
//! [`crate::sample`]).

use std::path::PathBuf;
use std::time::Instant;

use crate::sample::{generate, SampleKind, Spec};

use super::CliError;

#[derive(clap::Args)]
pub struct Args {
    /// Number of districts (普陀区, 静安区, … then 第N区).
    #[arg(long, default_value_t = 2)]
    pub districts: usize,
    /// Departments per district (财政局, 教育局, … then 部门N).
    #[arg(long, default_value_t = 2)]
    pub departments: usize,
    /// Years per department, back from 2024.
    #[arg(long, default_value_t = 1)]
    pub years: usize,
    /// Seed of the generator: the same seed writes the same bytes.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Workbooks to give one wrong figure each (listed in injected.csv).
    #[arg(long, default_value_t = 0)]
    pub errors: usize,
    /// Unreadable files to add (truncated, random bytes, password-protected).
    #[arg(long, default_value_t = 0)]
    pub unreadable: usize,
    /// The documents of each department-year: final (决算), budget (部门预算) or both.
    #[arg(long, value_enum, default_value_t = KindArg::Final)]
    pub kind: KindArg,
    /// Where to write the corpus.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// `--kind`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum KindArg {
    /// 决算公开表 only.
    Final,
    /// 部门预算公开表 only.
    Budget,
    /// Both, consistent with each other.
    Both,
}

impl From<KindArg> for SampleKind {
    fn from(k: KindArg) -> SampleKind {
        match k {
            KindArg::Final => SampleKind::Final,
            KindArg::Budget => SampleKind::Budget,
            KindArg::Both => SampleKind::Both,
        }
    }
}

/// Writes the corpus and says what it holds.
pub fn run(args: Args) -> Result<(), CliError> {
    let spec = Spec {
        districts: args.districts,
        departments: args.departments,
        years: args.years,
        seed: args.seed,
        errors: args.errors,
        unreadable: args.unreadable,
        kind: args.kind.into(),
    };
    let start = Instant::now();
    let corpus = generate(&spec, &args.output).map_err(CliError::Sample)?;
    let errors = corpus.injected.len() - corpus.unreadable.len();
    let what = match spec.kind {
        SampleKind::Final => "决算公开表",
        SampleKind::Budget => "部门预算公开表",
        SampleKind::Both => "决算和部门预算公开表",
    };
    println!(
        "已生成 {} 个{what}（注入错误 {} 处，无法读取的文件 {} 个）：{}，用时 {:.2} 秒",
        corpus.workbooks.len(),
        errors,
        corpus.unreadable.len(),
        args.output.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
