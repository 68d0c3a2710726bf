//! charts/ of a batch: districts ranked by the expenditure of their departments, and each
//! district's expenditure across years.

use std::path::{Path, PathBuf};

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

use crate::report::charts::{write_bars, Bars};

use super::{Comparisons, DistrictTotal};

fn dec(v: f64) -> Decimal {
    Decimal::from_f64(v).map_or(Decimal::ZERO, |d| d.round_dp(2))
}

/// A district's name on a chart, the unknown one named as such.
fn district_label(d: &str) -> String {
    if d.is_empty() {
        "（未知区）".into()
    } else {
        d.to_string()
    }
}

/// charts/ranking.{png,svg}: districts by the expenditure of their departments, latest year;
/// charts/trend.{png,svg}: each district's expenditure year by year.
pub fn write_charts(c: &Comparisons, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    let Some(latest) = c.districts.iter().map(|t| t.year).max() else {
        return Ok(written);
    };
    let mut ranking: Vec<(String, Vec<Decimal>)> = c
        .districts
        .iter()
        .filter(|t| t.year == latest)
        .map(|t| (district_label(&t.district), vec![dec(t.expenditure)]))
        .collect();
    ranking.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    written.extend(write_bars(
        &Bars {
            title: format!("{latest}年 各区部门支出合计排名(万元)"),
            category: "区",
            unit: "万元",
            rows: ranking,
            legend: Vec::new(),
        },
        dir,
        "ranking",
    )?);
    let mut years: Vec<i32> = c.districts.iter().map(|t| t.year).collect();
    years.sort();
    years.dedup();
    if years.len() > 1 {
        let years: Vec<i32> = years.into_iter().rev().take(6).rev().collect();
        written.extend(write_bars(
            &Bars {
                title: "各区部门支出合计逐年对比(万元)".into(),
                category: "区",
                unit: "万元",
                rows: trend(&c.districts, &years),
                legend: years.iter().map(|y| format!("{y}年")).collect(),
            },
            dir,
            "trend",
        )?);
    }
    Ok(written)
}

/// Each district's expenditure in each of `years` (zero where it has none), by district name.
fn trend(totals: &[DistrictTotal], years: &[i32]) -> Vec<(String, Vec<Decimal>)> {
    let mut names: Vec<&str> = totals.iter().map(|t| t.district.as_str()).collect();
    names.sort();
    names.dedup();
    names
        .iter()
        .map(|d| {
            let values = years
                .iter()
                .map(|y| {
                    totals
                        .iter()
                        .find(|t| t.district == *d && t.year == *y)
                        .map_or(Decimal::ZERO, |t| dec(t.expenditure))
                })
                .collect();
            (district_label(d), values)
        })
        .collect()
}
