//! 预算 against 决算 (issue 14 §3): for each department and year, what its budget planned to
//! spend, what its final account says it spent, the execution rate, and its carry-over chain
//! (this year's 年初结转和结余 against last year's 年末). A budget and a final account are one
//! department's when they share district, department kind and year: the kind is the name without
//! its region and short forms folded, so 普陀区财政局's budget meets 上海市普陀区财政局's final
//! account. Every figure is computed by polars from the batch's rows.

use polars::prelude::*;

use crate::model::DocumentKind;
use crate::report::batch::{BudgetVsFinal, DistrictExecution};
use crate::run::Verdict;

use super::{floats, ints, strings};

/// Two balances closer than this (万元) are one: the rows keep figures to 0.01 万元, so half of
/// that is what two equal printed figures can differ by once carried as binary fractions.
pub const SAME_BALANCE: f64 = 0.005;

/// The figures of the table, in 万元 or percent, in its order.
const FIGURES: [&str; 6] = [
    "budget",
    "final",
    "execution_rate",
    "opening",
    "closing",
    "prior_closing",
];

/// The groups a budget and a final account meet in.
const KEYS: [&str; 3] = ["district", "department_kind", "year"];

fn keys() -> Vec<Expr> {
    KEYS.iter().map(|k| col(*k)).collect()
}

fn is(kind: DocumentKind) -> Expr {
    col("kind").eq(lit(kind.key()))
}

/// The sum of `value` over the documents of a group where `when` holds; none (not zero) when
/// no such document tells it.
fn total(when_: Expr, value: &str, name: &str) -> Expr {
    let told = when(when_)
        .then(col(value))
        .otherwise(lit(NULL).cast(DataType::Float64));
    when(told.clone().count().gt(lit(0)))
        .then(told.sum())
        .otherwise(lit(NULL).cast(DataType::Float64))
        .alias(name)
}

fn none() -> Expr {
    lit(NULL).cast(DataType::Float64)
}

/// The table as polars makes it: a row per district, department kind and year of the documents
/// read that tell their year and kind, sorted by them (budget_vs_final.parquet).
pub fn table(df: &DataFrame) -> PolarsResult<DataFrame> {
    let final_ = is(DocumentKind::FinalAccount);
    let (dept, unit) = (
        is(DocumentKind::DepartmentBudget),
        is(DocumentKind::UnitBudget),
    );
    // The department as its final account names it, else as its department budget does.
    let rank = when(final_.clone())
        .then(lit(0))
        .otherwise(when(dept.clone()).then(lit(1)).otherwise(lit(2)));
    df.clone()
        .lazy()
        .filter(
            col("verdict")
                .neq(lit(Verdict::Unreadable.key()))
                .and(col("year").is_not_null())
                .and(col("department_kind").neq(lit(""))),
        )
        .with_column(rank.alias("rank"))
        .group_by(keys())
        .agg([
            col("department")
                .sort_by([col("rank")], SortMultipleOptions::default())
                .first(),
            total(final_.clone(), "expenditure", "final"),
            total(dept, "expenditure", "department_budget"),
            total(unit, "expenditure", "unit_budget"),
            total(final_.clone(), "opening", "opening"),
            total(final_, "closing", "closing"),
            col("cross_document_findings")
                .cast(DataType::Int64)
                .sum()
                .alias("cross_document_findings"),
        ])
        .with_columns([
            when(col("department_budget").is_not_null())
                .then(lit(DocumentKind::DepartmentBudget.key()))
                .otherwise(
                    when(col("unit_budget").is_not_null())
                        .then(lit(DocumentKind::UnitBudget.key()))
                        .otherwise(lit("")),
                )
                .alias("budget_kind"),
            when(col("department_budget").is_not_null())
                .then(col("department_budget"))
                .otherwise(col("unit_budget"))
                .alias("budget"),
        ])
        .with_column(
            when(col("budget").gt(lit(0.0)))
                .then(col("final") / col("budget") * lit(100.0))
                .otherwise(none())
                .alias("execution_rate"),
        )
        .sort(KEYS, Default::default())
        .with_columns(chain()?)
        .select(
            [
                "district",
                "department",
                "department_kind",
                "year",
                "budget_kind",
            ]
            .into_iter()
            .chain(FIGURES)
            .chain(["opening_is_prior_closing", "cross_document_findings"])
            .map(col)
            .collect::<Vec<_>>(),
        )
        .collect()
}

/// Last year's 年末结转和结余 of the same district and kind (when the batch holds last year),
/// and whether this year's 年初 is it.
fn chain() -> PolarsResult<[Expr; 2]> {
    let by = [col("district"), col("department_kind")];
    let last_year = col("year").shift(lit(1)).over(by.clone())?;
    let prior = when(last_year.eq(col("year") - lit(1)))
        .then(col("closing").shift(lit(1)).over(by)?)
        .otherwise(none());
    let gap = col("opening") - prior.clone();
    let same = when(
        prior
            .clone()
            .is_not_null()
            .and(col("opening").is_not_null()),
    )
    .then(
        gap.clone()
            .lt(lit(SAME_BALANCE))
            .and(gap.gt(lit(-SAME_BALANCE))),
    )
    .otherwise(lit(NULL).cast(DataType::Boolean));
    Ok([
        prior.alias("prior_closing"),
        same.alias("opening_is_prior_closing"),
    ])
}

/// The rows of the [`table`].
pub fn rows(t: &DataFrame) -> PolarsResult<Vec<BudgetVsFinal>> {
    let (district, department, kind, budget_kind) = (
        strings(t, "district")?,
        strings(t, "department")?,
        strings(t, "department_kind")?,
        strings(t, "budget_kind")?,
    );
    let year = ints(t, "year")?;
    let [budget, final_, rate, opening, closing, prior] = FIGURES.map(|c| floats(t, c));
    let (budget, final_, rate) = (budget?, final_?, rate?);
    let (opening, closing, prior) = (opening?, closing?, prior?);
    let same = t.column("opening_is_prior_closing")?.bool()?.clone();
    let cross = ints(t, "cross_document_findings")?;
    Ok((0..t.height())
        .map(|i| BudgetVsFinal {
            district: district[i].clone(),
            department: department[i].clone(),
            department_kind: kind[i].clone(),
            year: year[i].unwrap_or_default(),
            budget_kind: budget_kind[i].clone(),
            budget: budget[i],
            final_account: final_[i],
            execution_rate: rate[i],
            opening: opening[i],
            closing: closing[i],
            prior_closing: prior[i],
            opening_is_prior_closing: same.get(i),
            cross_document_findings: cross[i].unwrap_or(0).max(0) as u32,
        })
        .collect())
}

/// Each district's 预算 and 决算 by year, summed over the departments of the [`table`] that
/// publish both that year (a department with only one of them would weigh on one side alone).
pub fn by_district(t: &DataFrame) -> PolarsResult<Vec<DistrictExecution>> {
    let sums = t
        .clone()
        .lazy()
        .filter(col("budget").is_not_null().and(col("final").is_not_null()))
        .group_by([col("district"), col("year")])
        .agg([col("budget").sum(), col("final").sum()])
        .sort(["district", "year"], Default::default())
        .collect()?;
    let (district, year) = (strings(&sums, "district")?, ints(&sums, "year")?);
    let (budget, final_) = (floats(&sums, "budget")?, floats(&sums, "final")?);
    Ok((0..sums.height())
        .filter_map(|i| {
            Some(DistrictExecution {
                district: district[i].clone(),
                year: year[i]?,
                budget: budget[i]?,
                final_account: final_[i]?,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::frame;
    use super::*;
    use crate::report::batch::SummaryRow;

    /// A document of 普陀区's 财政局, read.
    fn row(kind: DocumentKind, name: &str, year: i32, spent: f64) -> SummaryRow {
        let mut r = SummaryRow::default();
        (r.district, r.department_kind) = ("普陀区".into(), "财政局".into());
        (r.source, r.department) = (format!("{name}-{year}-{}", kind.key()), name.into());
        (r.year, r.kind, r.expenditure) = (Some(year), kind, Some(spent));
        r
    }

    #[test]
    fn a_budget_meets_its_final_account_and_the_balances_chain() {
        let mut f23 = row(
            DocumentKind::FinalAccount,
            "上海市普陀区财政局",
            2023,
            515.91,
        );
        f23.closing = Some(6.51);
        let mut f24 = row(
            DocumentKind::FinalAccount,
            "上海市普陀区财政局",
            2024,
            557.62,
        );
        (f24.opening, f24.closing) = (Some(6.51), Some(9.08));
        f24.cross_document_findings = 1;
        let mut b24 = row(DocumentKind::DepartmentBudget, "普陀区财政局", 2024, 600.0);
        b24.cross_document_findings = 2;
        let unit = row(DocumentKind::UnitBudget, "普陀区财政局", 2024, 590.0);
        let b25 = row(DocumentKind::UnitBudget, "普陀区财政局", 2025, 640.0);
        let df = frame(&[f23, f24, b24, unit, b25]).unwrap();
        let t = table(&df).unwrap();
        let got = rows(&t).unwrap();
        assert_eq!(got.len(), 3);
        // 2023: a final account alone, its prior year not in the batch.
        assert_eq!((got[0].budget, got[0].final_account), (None, Some(515.91)));
        assert_eq!(got[0].opening_is_prior_closing, None);
        // 2024: the department budget wins over the unit's; 557.62 / 600 = 92.94%; 年初 6.51 is
        // 2023's 年末; the findings of both documents counted.
        let y24 = &got[1];
        assert_eq!(y24.department, "上海市普陀区财政局");
        assert_eq!(
            (y24.budget_kind.as_str(), y24.budget),
            ("department_budget", Some(600.0))
        );
        assert!((y24.execution_rate.unwrap() - 92.936_666).abs() < 1e-5);
        assert_eq!(
            (y24.prior_closing, y24.opening_is_prior_closing),
            (Some(6.51), Some(true))
        );
        assert_eq!(y24.cross_document_findings, 3);
        // 2025: a unit budget alone, no final account yet, no rate.
        assert_eq!(
            (got[2].budget_kind.as_str(), got[2].budget),
            ("unit_budget", Some(640.0))
        );
        assert_eq!((got[2].final_account, got[2].execution_rate), (None, None));
        let d = by_district(&t).unwrap();
        assert_eq!(
            d,
            [DistrictExecution {
                district: "普陀区".into(),
                year: 2024,
                budget: 600.0,
                final_account: 557.62
            }]
        );
    }

    #[test]
    fn a_broken_chain_is_told() {
        let mut f23 = row(DocumentKind::FinalAccount, "财政局", 2023, 1.0);
        f23.closing = Some(367.97);
        let mut f24 = row(DocumentKind::FinalAccount, "财政局", 2024, 1.0);
        f24.opening = Some(377.45);
        let mut f26 = row(DocumentKind::FinalAccount, "财政局", 2026, 1.0);
        f26.opening = Some(0.0);
        let got = rows(&table(&frame(&[f23, f24, f26]).unwrap()).unwrap()).unwrap();
        assert_eq!(
            (got[1].prior_closing, got[1].opening_is_prior_closing),
            (Some(367.97), Some(false))
        );
        // 2025 is missing: 2026 has no prior year to chain to.
        assert_eq!(
            (got[2].prior_closing, got[2].opening_is_prior_closing),
            (None, None)
        );
    }
}
