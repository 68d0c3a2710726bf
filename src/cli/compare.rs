//! `gouji compare`: a chart (PNG and SVG) and its figures (CSV) drawn from a batch's
//! summary.parquet, by district, year or department kind, without reading a document again.

use std::path::{Path, PathBuf};

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use crate::batch::figures::{self, By, Figures, Query};
use crate::batch::kind::Aliases;
use crate::batch::metric::{Metric, METRICS};
use crate::report::batch::{write_figures, FiguresChart};

use super::CliError;

/// What a bar is (`--by`).
#[derive(Clone, Copy, clap::ValueEnum)]
enum ByArg {
    /// One bar per district.
    District,
    /// One bar per year.
    Year,
    /// One bar per department kind (with --district: the district's departments side by side).
    Kind,
}

#[derive(clap::Args)]
pub struct Args {
    /// The output folder of a batch (its summary.parquet is read).
    batch: PathBuf,
    /// The figure compared.
    #[arg(long, value_parser = metric_parser())]
    metric: Metric,
    /// What a bar is.
    #[arg(long, value_enum, default_value = "district")]
    by: ByArg,
    /// Only departments of this kind (a short form such as 卫健委 is folded as in the batch).
    #[arg(long)]
    kind: Option<String>,
    /// Only this district.
    #[arg(long)]
    district: Option<String>,
    /// Only this year (by default the latest, except --by year).
    #[arg(long)]
    year: Option<i32>,
    /// Bars at most; the rest are joined as 其他.
    #[arg(long, default_value_t = 20)]
    top: usize,
    /// Where to write the chart and the CSV (by default BATCH/compare).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// The metrics as `--metric` takes them, each with its description in `--help`.
fn metric_parser() -> impl TypedValueParser<Value = Metric> {
    PossibleValuesParser::new(
        METRICS
            .iter()
            .map(|m| PossibleValue::new(m.key).help(m.heading())),
    )
    .map(|key| Metric::by_key(&key).unwrap_or(METRICS[0]))
}

/// Draws the comparison asked for and says where it went.
pub fn run(args: Args) -> Result<(), CliError> {
    let parquet = args.batch.join("summary.parquet");
    let query = Query {
        metric: args.metric,
        by: match args.by {
            ByArg::District => By::District,
            ByArg::Year => By::Year,
            ByArg::Kind => By::Kind,
        },
        kind: args.kind.map(|k| Aliases::default().kind_of(&k, "")),
        district: args.district,
        year: args.year,
        top: args.top,
    };
    let rows = figures::read_columns(&parquet, Some(figures::columns(&query)))
        .map_err(|e| io(&parquet, e))?;
    let figures = figures::figures(rows, &query).map_err(|e| io(&parquet, e))?;
    let dir = args.output.unwrap_or_else(|| args.batch.join("compare"));
    let (title, stem) = names(&query, &figures);
    let heading = query.metric.heading();
    let chart = FiguresChart {
        title,
        by: query.by.label(),
        heading: &heading,
        unit: query.metric.unit,
    };
    let written =
        write_figures(&chart, &figures, &dir, &stem).map_err(|e| CliError::at(&dir, e))?;
    if figures.bars.is_empty() {
        eprintln!("gouji compare: 没有符合条件的决算（{stem}）");
    }
    for w in written {
        println!("{}", w.display());
    }
    Ok(())
}

fn io(path: &Path, e: impl std::fmt::Display) -> CliError {
    CliError::at(path, std::io::Error::other(e.to_string()))
}

/// The chart's title and the files' stem: 2024年 卫生健康委员会 “三公”经费决算（万元）按区.
fn names(q: &Query, f: &Figures) -> (String, String) {
    let year = f.year.map(|y| format!("{y}年"));
    let scope: Vec<String> = [year, q.district.clone(), q.kind.clone()]
        .into_iter()
        .flatten()
        .collect();
    let title = format!(
        "{} {}({})按{}",
        scope.join(" "),
        q.metric.label,
        q.metric.unit,
        q.by.label()
    );
    let mut stem = vec![q.metric.key.to_string(), format!("按{}", q.by.label())];
    stem.extend(scope);
    let stem = stem.join("-").replace(
        ['/', '\\', ' ', '%', ':', '*', '?', '"', '<', '>', '|'],
        "_",
    );
    (title.trim().to_string(), stem)
}
