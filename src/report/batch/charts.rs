//! charts/ of a batch: districts ranked by the expenditure of their departments, each
//! district's expenditure across years, each district's departments side by side
//! (charts/districts/), each district's 预算 against 决算 by year (charts/budget-vs-final/); and
//! the chart and CSV of any comparison (`gouji compare`).

use std::path::{Path, PathBuf};

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

use crate::report::charts::{write_bars, Bars};

use super::{Comparisons, DistrictExecution, DistrictTotal, Figures};

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
    let mut written = execution(&c.execution, &dir.join("budget-vs-final"))?;
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
    for (district, figures) in &c.district_views {
        let name = district_label(district);
        let chart = FiguresChart {
            title: format!(
                "{}{name} 各部门本年支出合计(万元)",
                figures.year.map(|y| format!("{y}年 ")).unwrap_or_default()
            ),
            by: "部门类别",
            heading: "本年支出合计（万元）",
            unit: "万元",
        };
        written.extend(write_figures(
            &chart,
            figures,
            &dir.join("districts"),
            &name,
        )?);
    }
    Ok(written)
}

/// charts/budget-vs-final/{district}.{png,svg}: a district's 预算 beside its 决算, year by year,
/// of the departments that publish both.
fn execution(rows: &[DistrictExecution], dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    // The rows come sorted by district and year.
    let mut districts: Vec<&str> = rows.iter().map(|r| r.district.as_str()).collect();
    districts.dedup();
    for d in districts {
        let name = district_label(d);
        let years = rows
            .iter()
            .filter(|r| r.district == d)
            .map(|r| {
                let values = vec![dec(r.budget), dec(r.final_account)];
                (format!("{}年", r.year), values)
            })
            .collect();
        let bars = Bars {
            title: format!("{name} 预算与决算支出合计逐年对比(万元)"),
            category: "年度",
            unit: "万元",
            rows: years,
            legend: vec!["预算".into(), "决算".into()],
        };
        written.extend(write_bars(&bars, dir, &name)?);
    }
    Ok(written)
}

/// How a comparison's chart and CSV name what they show.
pub struct FiguresChart<'a> {
    /// The chart's title, unit included.
    pub title: String,
    /// What a bar is: 区, 年度, 部门类别.
    pub by: &'static str,
    /// The figure and its unit, as the CSV's column says it.
    pub heading: &'a str,
    /// 万元, or % for shares.
    pub unit: &'static str,
}

/// Writes a comparison as `{stem}.csv` (a row a bar: its value, documents, errors and warnings)
/// and `{stem}.png` / `.svg` (horizontal bars in the order given) into `dir`; the paths written.
pub fn write_figures(
    chart: &FiguresChart,
    f: &Figures,
    dir: &Path,
    stem: &str,
) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let csv = dir.join(format!("{stem}.csv"));
    let tmp = dir.join(format!(".{stem}.csv.tmp"));
    write_csv(chart, f, &tmp)
        .and_then(|_| std::fs::rename(&tmp, &csv))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })?;
    let by_year = chart.by == "年度";
    let bars = Bars {
        title: chart.title.clone(),
        category: chart.by,
        unit: chart.unit,
        rows: f
            .bars
            .iter()
            .map(|b| {
                let v = vec![b.value.map_or(Decimal::ZERO, dec)];
                match by_year {
                    true => (format!("{}年", b.label), v),
                    false => (b.label.clone(), v),
                }
            })
            .collect(),
        legend: Vec::new(),
    };
    let mut written = vec![csv];
    written.extend(write_bars(&bars, dir, stem)?);
    Ok(written)
}

fn write_csv(chart: &FiguresChart, f: &Figures, path: &Path) -> std::io::Result<()> {
    let mut w = csv::Writer::from_path(path).map_err(std::io::Error::other)?;
    w.write_record([chart.by, chart.heading, "文档数", "错误", "警告"])
        .map_err(std::io::Error::other)?;
    for b in &f.bars {
        let value = b.value.map(|v| format!("{v:.2}")).unwrap_or_default();
        let counts = [b.documents, b.errors, b.warnings].map(|n| n.to_string());
        w.write_record([b.label.as_str(), &value, &counts[0], &counts[1], &counts[2]])
            .map_err(std::io::Error::other)?;
    }
    w.flush()
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
