//! The batch's summaries with polars: one frame of every document, written as parquet; each metric
//! as department kind × district; each kind of each district across years; and the departments
//! whose “三公” share stands far above the median of their kind.

use polars::prelude::*;
use polars_io::parquet::write::ParquetWriter;

use crate::model::DocumentKind;
use crate::report::batch::SummaryRow;
pub use crate::report::batch::{Comparisons, DistrictTotal, Matrix, Outlier, YearOnYear};
use crate::run::Verdict;

pub mod budget_vs_final;

use super::figures::{figures, By, Figures, Query};
use super::metric::{Metric, METRICS};

/// Departments at most on a district's chart; the rest are joined as 其他.
const VIEW_TOP: usize = 30;

/// A “三公” share this many times the median of its kind is an outlier …
pub const OUTLIER_RATIO: f64 = 2.0;
/// … when it is also this many percentage points above it (a median of 0.1% doubled is no news) …
pub const OUTLIER_MIN_POINTS: f64 = 0.5;
/// … and when at least this many departments of the kind tell their share that year.
pub const OUTLIER_PEERS: u32 = 3;

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
        "personnel" => num(|r| r.personnel),
        "public" => num(|r| r.public),
        "agency_operating" => num(|r| r.agency_operating),
        "opening" => num(|r| r.opening),
        "closing" => num(|r| r.closing),
        "tables" => count(|r| r.tables),
        "errors" => count(|r| r.errors),
        "warnings" => count(|r| r.warnings),
        "infos" => count(|r| r.infos),
        "cross_document_findings" => count(|r| r.cross_document_findings),
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

/// The outlier rule in words, for the heading of its table.
pub fn outlier_rule() -> String {
    format!(
        "同类部门至少 {OUTLIER_PEERS} 个，占比 ≥ 其中位数的 {OUTLIER_RATIO} 倍且高出 {OUTLIER_MIN_POINTS} 个百分点"
    )
}

/// The final accounts read that tell their year: what the comparisons compare (a budget is
/// compared with its final account only, never counted beside it).
pub fn final_accounts(df: LazyFrame) -> LazyFrame {
    df.filter(
        col("verdict")
            .neq(lit(Verdict::Unreadable.key()))
            .and(col("year").is_not_null())
            .and(col("kind").eq(lit(DocumentKind::FinalAccount.key()))),
    )
}

/// Every comparison of the batch, among the final accounts read that tell their year (none when
/// no document does), and each department's budget against its final account.
pub fn compare(df: &DataFrame) -> PolarsResult<Comparisons> {
    let planned = budget_vs_final::table(df)?;
    Ok(Comparisons {
        budget_vs_final: budget_vs_final::rows(&planned)?,
        execution: budget_vs_final::by_district(&planned)?,
        ..final_comparisons(df, &planned)?
    })
}

fn final_comparisons(df: &DataFrame, planned: &DataFrame) -> PolarsResult<Comparisons> {
    let read = final_accounts(df.clone().lazy());
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
    let mut by_kind: Vec<Matrix> = METRICS
        .iter()
        .map(|m| matrix(read.clone(), year, m))
        .collect::<PolarsResult<_>>()?;
    // A metric no final account tells (机关运行经费 where no narrative states it) is no table.
    by_kind.retain(|m| !m.kinds.is_empty());
    by_kind.extend(execution(planned, year)?);
    Ok(Comparisons {
        by_kind,
        years: years(read.clone(), year)?,
        outliers: outliers(read.clone(), year)?,
        outlier_rule: outlier_rule(),
        districts: district_totals(read)?,
        district_views: district_views(df)?,
        ..Comparisons::default()
    })
}

/// Each district's departments side by side: 本年支出合计 by department kind, in the latest year
/// the district has, with their errors and warnings.
fn district_views(df: &DataFrame) -> PolarsResult<Vec<(String, Figures)>> {
    let names = final_accounts(df.clone().lazy())
        .filter(col("district").neq(lit("")))
        .select([col("district")])
        .unique_stable(None, UniqueKeepStrategy::First)
        .sort(["district"], Default::default())
        .collect()?;
    strings(&names, "district")?
        .into_iter()
        .map(|district| {
            let query = Query {
                metric: METRICS[0],
                by: By::Kind,
                kind: None,
                district: Some(district.clone()),
                year: None,
                top: VIEW_TOP,
            };
            Ok((district, figures(df.clone(), &query)?))
        })
        .filter(|v| v.as_ref().map_or(true, |(_, f)| !f.bars.is_empty()))
        .collect()
}

/// A metric as department kind × district for one year: polars gives each cell's value, the
/// grid only places it.
fn matrix(read: LazyFrame, year: i32, metric: &Metric) -> PolarsResult<Matrix> {
    let cells = read
        .filter(col("year").eq(lit(year)).and(metric.told()))
        .group_by([col("department_kind"), col("district")])
        .agg([metric.value()]);
    grid(cells, metric.heading(), year)
}

/// Cells of department_kind, district and value placed as a [`Matrix`].
fn grid(cells: LazyFrame, heading: String, year: i32) -> PolarsResult<Matrix> {
    let cells = cells.collect()?;
    let (kind, district, value) = (
        strings(&cells, "department_kind")?,
        strings(&cells, "district")?,
        floats(&cells, "value")?,
    );
    let sorted = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v.dedup();
        v
    };
    let (kinds, districts) = (sorted(&kind), sorted(&district));
    let mut values = vec![vec![None; districts.len()]; kinds.len()];
    for i in 0..cells.height() {
        let k = kinds.binary_search(&kind[i]);
        let d = districts.binary_search(&district[i]);
        if let (Ok(k), Ok(d)) = (k, d) {
            values[k][d] = value[i];
        }
    }
    Ok(Matrix {
        heading,
        year: Some(year),
        kinds,
        districts,
        values,
    })
}

/// 预算执行率: each department's 决算 本年支出合计 over its 预算's, as [`budget_vs_final`] pairs
/// them, in percent, as kind × district for one year; none when no budget meets a final account.
fn execution(planned: &DataFrame, year: i32) -> PolarsResult<Option<Matrix>> {
    let cells = planned
        .clone()
        .lazy()
        .filter(
            col("year")
                .eq(lit(year))
                .and(col("budget").gt(lit(0.0)))
                .and(col("final").is_not_null()),
        )
        .with_column((col("final") / col("budget") * lit(100.0)).alias("value"));
    let m = grid(cells, "预算执行率（%）".into(), year)?;
    Ok((!m.kinds.is_empty()).then_some(m))
}

/// Each department kind of each district across years, with its change on the prior year.
fn years(read: LazyFrame, latest: i32) -> PolarsResult<Vec<YearOnYear>> {
    let keys = [col("district"), col("department_kind")];
    let share = Metric::by_key("三公占比").unwrap_or(METRICS[0]);
    let years = read
        .group_by([col("district"), col("department_kind"), col("year")])
        .agg([
            col("expenditure").sum(),
            when(share.told())
                .then(col("three_public"))
                .otherwise(lit(NULL).cast(DataType::Float64))
                .sum()
                .alias("part"),
            when(share.told())
                .then(col("expenditure"))
                .otherwise(lit(NULL).cast(DataType::Float64))
                .sum()
                .alias("whole"),
        ])
        .with_column(
            when(col("whole").gt(lit(0.0)))
                .then(col("part") / col("whole") * lit(100.0))
                .otherwise(lit(NULL).cast(DataType::Float64))
                .alias("share"),
        )
        .sort(["district", "department_kind", "year"], Default::default())
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
    let (dist, kind, yr, exp, prior, change, share) = (
        strings(&years, "district")?,
        strings(&years, "department_kind")?,
        ints(&years, "year")?,
        floats(&years, "expenditure")?,
        floats(&years, "prior")?,
        floats(&years, "change")?,
        floats(&years, "share")?,
    );
    Ok((0..years.height())
        .map(|i| YearOnYear {
            district: dist[i].clone(),
            kind: kind[i].clone(),
            year: yr[i].unwrap_or(latest),
            expenditure: exp[i],
            prior: prior[i].filter(|_| change[i].is_some()),
            change: change[i],
            three_public_share: share[i],
        })
        .collect())
}

/// “三公” share against the median of the departments of the same kind that year: an outlier
/// when at least [`OUTLIER_PEERS`] departments of the kind tell it and the share is at least
/// [`OUTLIER_RATIO`] times their median and [`OUTLIER_MIN_POINTS`] points above it.
fn outliers(read: LazyFrame, latest: i32) -> PolarsResult<Vec<Outlier>> {
    let by_peers = [col("department_kind"), col("year")];
    let shares = read
        .filter(
            col("expenditure")
                .gt(lit(0.0))
                .and(col("three_public").is_not_null())
                .and(col("department_kind").neq(lit(""))),
        )
        .with_column((col("three_public") / col("expenditure") * lit(100.0)).alias("share"))
        .with_column(col("share").median().over(by_peers.clone())?.alias("peers"))
        .with_column(col("share").count().over(by_peers)?.alias("n"))
        .filter(
            col("n")
                .gt_eq(lit(OUTLIER_PEERS))
                .and(col("share").gt_eq(col("peers") * lit(OUTLIER_RATIO)))
                .and(col("share").gt_eq(col("peers") + lit(OUTLIER_MIN_POINTS))),
        )
        .sort(["year", "department_kind", "district"], Default::default())
        .collect()?;
    let (dist, dept, kind, yr, share, peers, n) = (
        strings(&shares, "district")?,
        strings(&shares, "department")?,
        strings(&shares, "department_kind")?,
        ints(&shares, "year")?,
        floats(&shares, "share")?,
        floats(&shares, "peers")?,
        ints(&shares, "n")?,
    );
    Ok((0..shares.height())
        .map(|i| Outlier {
            district: dist[i].clone(),
            department: dept[i].clone(),
            kind: kind[i].clone(),
            year: yr[i].unwrap_or(latest),
            share: share[i].unwrap_or(0.0),
            peers: peers[i].unwrap_or(0.0),
            count: n[i].unwrap_or(0).max(0) as u32,
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
        let kind = super::super::kind::Aliases::default().kind_of(department, district);
        SummaryRow {
            source: format!("{district}/{year}/{department}.xlsx"),
            district: district.into(),
            department: department.into(),
            department_kind: kind,
            year: Some(year),
            expenditure: Some(exp),
            three_public: Some(three),
            verdict: Verdict::Clean,
            ..SummaryRow::default()
        }
    }

    #[test]
    fn pivots_kinds_years_and_outliers() {
        let mut budget = row("静安区", "静安区财政局", 2024, 9999.0, 99.0);
        budget.kind = DocumentKind::DepartmentBudget;
        let rows = vec![
            row("普陀区", "上海市普陀区财政局", 2023, 2800.0, 1.0),
            row("普陀区", "上海市普陀区财政局", 2024, 2940.05, 1.2),
            row("静安区", "静安区财政局", 2024, 3100.0, 1.5),
            budget,
            row("徐汇区", "徐汇区财政局", 2024, 2500.0, 60.0),
            row("长宁区", "财政局", 2024, 2600.0, 1.4),
            row("普陀区", "普陀区教育局", 2024, 9000.0, 3.0),
            row("徐汇区", "徐汇区卫健委", 2024, 800.0, 4.0),
            row("普陀区", "普陀区卫生健康委员会", 2024, 1000.0, 30.0),
        ];
        let c = compare(&frame(&rows).unwrap()).unwrap();
        let spent = &c.by_kind[0];
        assert_eq!(spent.heading, "本年支出合计（万元）");
        assert_eq!(spent.year, Some(2024));
        assert_eq!(
            spent.districts,
            vec!["徐汇区", "普陀区", "长宁区", "静安区"]
        );
        assert_eq!(spent.kinds, vec!["卫生健康委员会", "教育局", "财政局"]);
        // The budget of 静安区 is not counted beside its final account.
        assert_eq!(
            spent.values[2],
            [Some(2500.0), Some(2940.05), Some(2600.0), Some(3100.0)]
        );
        assert_eq!(spent.values[0][0], Some(800.0));
        assert_eq!(spent.values[1][0], None);
        let share = c
            .by_kind
            .iter()
            .find(|m| m.heading.starts_with("“三公”经费占"))
            .unwrap();
        assert_eq!(share.values[0][..2], [Some(0.5), Some(3.0)]);
        // 预算执行率: 静安区财政局's final 3100 over its budget 9999, the only pair of the batch.
        let rate = c.by_kind.last().unwrap();
        assert_eq!(rate.heading, "预算执行率（%）");
        assert_eq!(
            (&rate.kinds[..], &rate.districts[..]),
            (&["财政局".to_string()][..], &["静安区".to_string()][..])
        );
        assert!((rate.values[0][0].unwrap() - 31.003100310).abs() < 1e-6);
        let y = c
            .years
            .iter()
            .find(|y| y.year == 2024 && y.district == "普陀区" && y.kind == "财政局")
            .unwrap();
        assert_eq!(y.prior, Some(2800.0));
        assert!((y.change.unwrap() - 5.0017857).abs() < 1e-6);
        // 徐汇区财政局: 60 / 2500 = 2.4%, against a median of 0.051% (1.5/3100 and 1.4/2600, the middle two) of the four
        // 财政局 of 2024; 卫生健康委员会 has two departments only, however far apart.
        assert_eq!(c.outliers.len(), 1);
        let o = &c.outliers[0];
        assert_eq!(
            (o.district.as_str(), o.kind.as_str(), o.count),
            ("徐汇区", "财政局", 4)
        );
        assert!((o.share - 2.4).abs() < 1e-9);
        assert!(c.outlier_rule.contains("至少 3 个"));
        assert!(c.districts.contains(&DistrictTotal {
            district: "普陀区".into(),
            year: 2024,
            expenditure: 12940.05
        }));
    }
}
