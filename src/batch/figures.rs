//! The figures `gouji compare` draws: one metric of a batch's summary.parquet, grouped by
//! district, year or department kind, the groups past the top N joined as 其他. The documents
//! are not read again, and every figure is computed by polars from the batch's own rows.

use std::path::Path;

use polars::prelude::*;
use polars_io::parquet::read::ParquetReader;
use polars_io::SerReader;

use super::compare::final_accounts;
use super::metric::Metric;
pub use crate::report::batch::{Bar, Figures};

/// What the bars of a comparison are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    /// One bar per district.
    District,
    /// One bar per year, in order.
    Year,
    /// One bar per department kind: with `--district`, the district's departments side by side.
    Kind,
}

impl By {
    fn column(self) -> &'static str {
        match self {
            By::District => "district",
            By::Year => "year",
            By::Kind => "department_kind",
        }
    }

    /// What a bar is, as the chart's axis and the CSV's first column name it.
    pub fn label(self) -> &'static str {
        match self {
            By::District => "区",
            By::Year => "年度",
            By::Kind => "部门类别",
        }
    }
}

/// Which documents are compared, and how.
#[derive(Clone, Debug)]
pub struct Query {
    /// The figure compared.
    pub metric: Metric,
    /// What a bar is.
    pub by: By,
    /// Only this department kind.
    pub kind: Option<String>,
    /// Only this district.
    pub district: Option<String>,
    /// Only this year; the latest of the documents chosen when none is given (but by year).
    pub year: Option<i32>,
    /// Bars at most before the rest are joined as 其他 (never by year).
    pub top: usize,
}

/// The label of the bar that joins the groups past the top N.
pub const OTHERS: &str = "其他";

/// The rows of a batch's summary.parquet.
pub fn read(path: &Path) -> PolarsResult<DataFrame> {
    read_columns(path, None)
}

/// The columns of summary.parquet a query reads, so that only they are decoded (the lazy scan
/// that would push this down itself needs polars' `parquet` feature and its network stack).
pub fn columns(q: &Query) -> Vec<String> {
    let mut names = vec![
        "district",
        "department_kind",
        "year",
        "kind",
        "verdict",
        "errors",
        "warnings",
        q.metric.column,
    ];
    names.extend(q.metric.of);
    names.into_iter().map(String::from).collect()
}

/// The rows of a batch's summary.parquet, only the columns named when some are.
pub fn read_columns(path: &Path, columns: Option<Vec<String>>) -> PolarsResult<DataFrame> {
    let file = std::fs::File::open(path)
        .map_err(|e| polars_err!(ComputeError: "{}: {e}", path.display()))?;
    ParquetReader::new(file).with_columns(columns).finish()
}

fn latest(lf: LazyFrame) -> PolarsResult<Option<i32>> {
    let df = lf.select([col("year").max()]).collect()?;
    Ok(df.column("year")?.cast(&DataType::Int32)?.i32()?.get(0))
}

/// The figures of a query on the rows of a batch.
pub fn figures(df: DataFrame, q: &Query) -> PolarsResult<Figures> {
    let mut lf = final_accounts(df.lazy()).filter(q.metric.told());
    if let Some(k) = &q.kind {
        lf = lf.filter(col("department_kind").eq(lit(k.clone())));
    }
    if let Some(d) = &q.district {
        lf = lf.filter(col("district").eq(lit(d.clone())));
    }
    let year = match (q.year, q.by) {
        (Some(y), _) => Some(y),
        (None, By::Year) => None,
        (None, _) => latest(lf.clone())?,
    };
    if let Some(y) = year {
        lf = lf.filter(col("year").eq(lit(y)));
    }
    let mut totals: Vec<Expr> = q.metric.sums().into();
    totals.push(len().cast(DataType::Int64).alias("documents"));
    totals.push(col("errors").cast(DataType::Int64).sum());
    totals.push(col("warnings").cast(DataType::Int64).sum());
    let groups = lf
        .group_by([col(q.by.column()).cast(DataType::String).alias("label")])
        .agg(totals)
        .with_column(q.metric.of_sums());
    let (order, descending) = match q.by {
        By::Year => (["label", "label"], [false, false]),
        _ => (["value", "label"], [true, false]),
    };
    let ranked = groups
        .sort(
            order,
            SortMultipleOptions::default()
                .with_order_descending_multi(descending)
                .with_nulls_last(true),
        )
        .with_row_index("rank", None);
    let top = if q.by == By::Year {
        u32::MAX
    } else {
        q.top.max(1) as u32
    };
    // The groups past the top N joined into one bar, its value taken from their joined sums.
    let bars = ranked
        .with_column(
            when(col("rank").lt(lit(top)))
                .then(col("label"))
                .otherwise(lit(OTHERS))
                .alias("label"),
        )
        .group_by([col("label")])
        .agg([
            col("rank").min(),
            col("part").sum(),
            col("whole").sum(),
            col("documents").sum(),
            col("errors").sum(),
            col("warnings").sum(),
        ])
        .with_column(q.metric.of_sums())
        .sort(["rank"], Default::default())
        .collect()?;
    Ok(Figures {
        year,
        bars: to_bars(&bars)?,
    })
}

fn to_bars(df: &DataFrame) -> PolarsResult<Vec<Bar>> {
    let label = df.column("label")?.str()?.clone();
    let value = df.column("value")?.cast(&DataType::Float64)?;
    let value = value.f64()?;
    let count = |name: &str| -> PolarsResult<Vec<u32>> {
        let c = df.column(name)?.cast(&DataType::Int64)?;
        let c = c.i64()?;
        Ok((0..c.len())
            .map(|i| c.get(i).unwrap_or(0).clamp(0, i64::from(u32::MAX)) as u32)
            .collect())
    };
    let (documents, errors, warnings) = (count("documents")?, count("errors")?, count("warnings")?);
    Ok((0..df.height())
        .map(|i| Bar {
            label: match label.get(i).unwrap_or("") {
                "" => "（未知）".to_string(),
                l => l.to_string(),
            },
            value: value.get(i),
            documents: documents[i],
            errors: errors[i],
            warnings: warnings[i],
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::compare::frame;
    use super::*;
    use crate::report::batch::SummaryRow;
    use crate::run::Verdict;

    fn row(district: &str, kind: &str, year: i32, exp: f64, three: f64) -> SummaryRow {
        SummaryRow {
            source: format!("{district}/{year}/{kind}.xlsx"),
            district: district.into(),
            department: format!("{district}{kind}"),
            department_kind: kind.into(),
            year: Some(year),
            expenditure: Some(exp),
            three_public: Some(three),
            errors: 1,
            verdict: Verdict::Errors,
            ..SummaryRow::default()
        }
    }

    fn query(metric: &str, by: By) -> Query {
        Query {
            metric: Metric::by_key(metric).unwrap(),
            by,
            kind: None,
            district: None,
            year: None,
            top: 2,
        }
    }

    #[test]
    fn bars_sorted_the_rest_joined_as_others() {
        let rows = vec![
            row("甲区", "财政局", 2024, 100.0, 1.0),
            row("乙区", "财政局", 2024, 400.0, 2.0),
            row("丙区", "财政局", 2024, 300.0, 6.0),
            row("丁区", "财政局", 2024, 200.0, 1.0),
            row("甲区", "教育局", 2024, 900.0, 9.0),
            row("甲区", "财政局", 2023, 50.0, 1.0),
        ];
        let df = frame(&rows).unwrap();
        let mut q = query("三公占比", By::District);
        q.kind = Some("财政局".into());
        let f = figures(df.clone(), &q).unwrap();
        assert_eq!(f.year, Some(2024));
        let labels: Vec<&str> = f.bars.iter().map(|b| b.label.as_str()).collect();
        // 丙区 2%, 甲区 1%, then 乙区 0.5% and 丁区 0.5% joined: 3 / 600 = 0.5%.
        assert_eq!(labels, ["丙区", "甲区", OTHERS]);
        assert_eq!(f.bars[0].value, Some(2.0));
        assert_eq!(f.bars[2].value, Some(0.5));
        assert_eq!((f.bars[2].documents, f.bars[2].errors), (2, 2));
        let f = figures(df.clone(), &query("支出", By::Year)).unwrap();
        let years: Vec<(&str, Option<f64>)> =
            f.bars.iter().map(|b| (b.label.as_str(), b.value)).collect();
        assert_eq!(years, [("2023", Some(50.0)), ("2024", Some(1900.0))]);
        let mut q = query("支出", By::Kind);
        q.district = Some("甲区".into());
        let f = figures(df, &q).unwrap();
        let kinds: Vec<(&str, Option<f64>)> =
            f.bars.iter().map(|b| (b.label.as_str(), b.value)).collect();
        assert_eq!(kinds, [("教育局", Some(900.0)), ("财政局", Some(100.0))]);
    }
}
