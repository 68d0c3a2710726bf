//! The batch's summaries with polars: one frame of every document, written as parquet; key figures
//! as department × district (a lazy pivot on the districts present); each department across years;
//! and the departments whose “三公” share stands far above their peers'.

use std::sync::Arc;

use polars::frame::PivotColumnNaming;
use polars::prelude::*;
use polars_io::parquet::write::ParquetWriter;

use crate::report::batch::SummaryRow;
pub use crate::report::batch::{Comparisons, DistrictTotal, Matrix, Outlier, YearOnYear};
use crate::run::Verdict;

/// A share this many times the peers' median (and at least this many points above) is an outlier.
const OUTLIER_RATIO: f64 = 2.0;
const OUTLIER_MIN_POINTS: f64 = 0.5;

/// The batch's rows as a polars frame, one row per document, for the comparisons and
/// summary.parquet.
pub fn frame(rows: &[SummaryRow]) -> PolarsResult<DataFrame> {
    let text =
        |f: fn(&SummaryRow) -> &str| rows.iter().map(|r| f(r).to_string()).collect::<Vec<_>>();
    let num = |f: fn(&SummaryRow) -> Option<f64>| rows.iter().map(f).collect::<Vec<_>>();
    let count = |f: fn(&SummaryRow) -> u32| rows.iter().map(f).collect::<Vec<_>>();
    df!(
        "source" => text(|r| &r.source),
        "district" => text(|r| &r.district),
        "department" => text(|r| &r.department),
        "department_kind" => text(|r| &r.department_kind),
        "year" => rows.iter().map(|r| r.year).collect::<Vec<_>>(),
        "kind" => text(|r| r.kind.key()),
        "unit" => text(|r| &r.unit),
        "income" => num(|r| r.income),
        "expenditure" => num(|r| r.expenditure),
        "basic" => num(|r| r.basic),
        "project" => num(|r| r.project),
        "three_public" => num(|r| r.three_public),
        "tables" => count(|r| r.tables),
        "errors" => count(|r| r.errors),
        "warnings" => count(|r| r.warnings),
        "infos" => count(|r| r.infos),
        "verdict" => text(|r| r.verdict.key()),
        "failure" => text(|r| &r.failure),
    )
}

/// Writes a frame as parquet, atomically (a half-written file is never left under the name).
pub fn write_parquet(df: &DataFrame, path: &std::path::Path) -> std::io::Result<()> {
    // Buffered: the writer emits thousands of small pieces (thrift headers, page by page), and
    // written straight to the file each was a system call of its own.
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    ParquetWriter::new(&mut file)
        .finish(&mut df.clone())
        .map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())))?;
    std::io::Write::flush(&mut file)
}

fn strings(df: &DataFrame, name: &str) -> PolarsResult<Vec<String>> {
    let c = df.column(name)?.str()?.clone();
    Ok((0..c.len())
        .map(|i| c.get(i).unwrap_or("").to_string())
        .collect())
}

fn floats(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    let c = df.column(name)?.cast(&DataType::Float64)?;
    let c = c.f64()?;
    Ok((0..c.len()).map(|i| c.get(i)).collect())
}

fn ints(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<i32>>> {
    let c = df.column(name)?.cast(&DataType::Int32)?;
    let c = c.i32()?;
    Ok((0..c.len()).map(|i| c.get(i)).collect())
}

/// Every comparison of the batch, among the documents read that tell their year; none when no
/// document does.
pub fn compare(df: &DataFrame) -> PolarsResult<Comparisons> {
    let read = df.clone().lazy().filter(
        col("verdict")
            .neq(lit(Verdict::Unreadable.key()))
            .and(col("year").is_not_null()),
    );
    let latest = read
        .clone()
        .select([col("year").max()])
        .collect()?
        .column("year")?
        .cast(&DataType::Int32)?
        .i32()?
        .get(0);
    let Some(year) = latest else {
        return Ok(Comparisons::default());
    };
    Ok(Comparisons {
        expenditure: matrix(read.clone(), year)?,
        years: years(read.clone(), year)?,
        outliers: outliers(read.clone(), year)?,
        districts: district_totals(read)?,
    })
}

/// Department × district for the latest year. The lazy pivot wants the districts up front.
fn matrix(read: LazyFrame, year: i32) -> PolarsResult<Matrix> {
    let this_year = read.filter(col("year").eq(lit(year)));
    let districts = this_year
        .clone()
        .select([col("district")])
        .unique_stable(None, UniqueKeepStrategy::First)
        .sort(["district"], Default::default())
        .collect()?;
    let district_names = strings(&districts, "district")?;
    let pivot = this_year
        .select([col("department"), col("district"), col("expenditure")])
        .pivot(
            cols(["district"]),
            Arc::new(districts),
            cols(["department"]),
            cols(["expenditure"]),
            element().first(),
            true,
            "_".into(),
            PivotColumnNaming::Auto,
        )
        .sort(["department"], Default::default())
        .collect()?;
    let departments = strings(&pivot, "department")?;
    let by_district: Vec<Vec<Option<f64>>> = district_names
        .iter()
        .map(|d| floats(&pivot, d))
        .collect::<PolarsResult<_>>()?;
    Ok(Matrix {
        measure: "本年支出合计",
        year: Some(year),
        values: (0..departments.len())
            .map(|i| {
                by_district
                    .iter()
                    .map(|col| col.get(i).copied().flatten())
                    .collect()
            })
            .collect(),
        departments,
        districts: district_names,
    })
}

/// Each department of each district across years, with its change on the prior year.
fn years(read: LazyFrame, latest: i32) -> PolarsResult<Vec<YearOnYear>> {
    let keys = [col("district"), col("department")];
    let years = read
        .select([
            col("district"),
            col("department"),
            col("year"),
            col("expenditure"),
        ])
        .sort(["district", "department", "year"], Default::default())
        .with_column(
            col("expenditure")
                .shift(lit(1))
                .over(keys.clone())?
                .alias("prior"),
        )
        .with_column(col("year").shift(lit(1)).over(keys)?.alias("prior_year"))
        .with_column(
            when(
                col("prior_year")
                    .eq(col("year") - lit(1))
                    .and(col("prior").gt(lit(0.0))),
            )
            .then((col("expenditure") - col("prior")) / col("prior") * lit(100.0))
            .otherwise(lit(NULL).cast(DataType::Float64))
            .alias("change"),
        )
        .collect()?;
    let (dist, dept, yr, exp, prior, change) = (
        strings(&years, "district")?,
        strings(&years, "department")?,
        ints(&years, "year")?,
        floats(&years, "expenditure")?,
        floats(&years, "prior")?,
        floats(&years, "change")?,
    );
    Ok((0..years.height())
        .map(|i| YearOnYear {
            district: dist[i].clone(),
            department: dept[i].clone(),
            year: yr[i].unwrap_or(latest),
            expenditure: exp[i],
            prior: prior[i].filter(|_| change[i].is_some()),
            change: change[i],
        })
        .collect())
}

/// “三公” share against the median of the same department in the other districts.
fn outliers(read: LazyFrame, latest: i32) -> PolarsResult<Vec<Outlier>> {
    let by_peers = [col("department"), col("year")];
    let shares = read
        .filter(
            col("expenditure")
                .gt(lit(0.0))
                .and(col("three_public").is_not_null()),
        )
        .with_column((col("three_public") / col("expenditure") * lit(100.0)).alias("share"))
        .with_column(col("share").median().over(by_peers.clone())?.alias("peers"))
        .with_column(col("share").count().over(by_peers)?.alias("n"))
        .filter(
            col("n")
                .gt(lit(2))
                .and(col("share").gt(col("peers") * lit(OUTLIER_RATIO)))
                .and(col("share").gt(col("peers") + lit(OUTLIER_MIN_POINTS))),
        )
        .sort(["year", "department", "district"], Default::default())
        .collect()?;
    let (dist, dept, yr, share, peers) = (
        strings(&shares, "district")?,
        strings(&shares, "department")?,
        ints(&shares, "year")?,
        floats(&shares, "share")?,
        floats(&shares, "peers")?,
    );
    Ok((0..shares.height())
        .map(|i| Outlier {
            district: dist[i].clone(),
            department: dept[i].clone(),
            year: yr[i].unwrap_or(latest),
            share: share[i].unwrap_or(0.0),
            peers: peers[i].unwrap_or(0.0),
        })
        .collect())
}

/// What the departments of each district spent, year by year.
fn district_totals(read: LazyFrame) -> PolarsResult<Vec<DistrictTotal>> {
    let totals = read
        .group_by([col("district"), col("year")])
        .agg([col("expenditure").sum()])
        .sort(["district", "year"], Default::default())
        .collect()?;
    let (dist, yr, exp) = (
        strings(&totals, "district")?,
        ints(&totals, "year")?,
        floats(&totals, "expenditure")?,
    );
    Ok((0..totals.height())
        .filter_map(|i| {
            Some(DistrictTotal {
                district: dist[i].clone(),
                year: yr[i]?,
                expenditure: exp[i]?,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(district: &str, department: &str, year: i32, exp: f64, three: f64) -> SummaryRow {
        SummaryRow {
            source: format!("{district}/{year}/{department}.xlsx"),
            district: district.into(),
            department: department.into(),
            year: Some(year),
            expenditure: Some(exp),
            three_public: Some(three),
            verdict: Verdict::Clean,
            ..SummaryRow::default()
        }
    }

    #[test]
    fn pivots_years_and_outliers() {
        let rows = vec![
            row("普陀区", "财政局", 2023, 2800.0, 1.0),
            row("普陀区", "财政局", 2024, 2940.05, 1.2),
            row("静安区", "财政局", 2024, 3100.0, 1.5),
            row("徐汇区", "财政局", 2024, 2500.0, 60.0),
            row("长宁区", "财政局", 2024, 2600.0, 1.4),
            row("普陀区", "教育局", 2024, 9000.0, 3.0),
        ];
        let c = compare(&frame(&rows).unwrap()).unwrap();
        assert_eq!(c.expenditure.year, Some(2024));
        assert_eq!(
            c.expenditure.districts,
            vec!["徐汇区", "普陀区", "长宁区", "静安区"]
        );
        assert_eq!(c.expenditure.departments, vec!["教育局", "财政局"]);
        assert_eq!(c.expenditure.values[1][1], Some(2940.05));
        assert_eq!(c.expenditure.values[0][0], None);
        let y = c
            .years
            .iter()
            .find(|y| y.year == 2024 && y.district == "普陀区" && y.department == "财政局")
            .unwrap();
        assert_eq!(y.prior, Some(2800.0));
        assert!((y.change.unwrap() - 5.0017857).abs() < 1e-6);
        assert_eq!(c.outliers.len(), 1);
        assert_eq!(c.outliers[0].district, "徐汇区");
        assert!((c.outliers[0].share - 2.4).abs() < 1e-9);
        assert!(c.districts.contains(&DistrictTotal {
            district: "普陀区".into(),
            year: 2024,
            expenditure: 11940.05
        }));
    }
}
