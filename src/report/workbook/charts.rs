//! 图表: native charts, each on a small block of its own data, per document.

use rust_xlsxwriter::{Chart, ChartDataLabel, ChartType, Worksheet, XlsxError};

use crate::report::summary::{self, Comparison, Series};
use crate::run::DocResult;

use super::formats::{dec, Formats};

const SHEET: &str = "图表";

pub(super) fn write(
    ws: &mut Worksheet,
    results: &[DocResult],
    fmt: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET)?;
    let mut row = 0u32;
    for r in results {
        let Some(d) = &r.document else { continue };
        let c = summary::charts(d);
        if c.is_empty() {
            continue;
        }
        let who = format!(
            "{} {}",
            d.department.clone().unwrap_or_else(|| r.source.clone()),
            d.year.map(|y| format!("{y}年")).unwrap_or_default()
        );
        ws.write_string_with_format(row, 0, &who, &fmt.title)?;
        row += 1;
        for s in c.series() {
            if !s.points.is_empty() {
                row = series(ws, row, &who, s, fmt)?;
            }
        }
        if !c.year_on_year.points.is_empty() {
            row = year_on_year(ws, row, &who, &c.year_on_year, fmt)?;
        }
        row += 1;
    }
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 14)?;
    Ok(())
}

/// One series as a block of label and amount from `row`, its chart beside it; the row after.
fn series(
    ws: &mut Worksheet,
    row: u32,
    who: &str,
    s: &Series,
    fmt: &Formats,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, s.title, &fmt.header)?;
    ws.write_string_with_format(row, 1, "万元", &fmt.header)?;
    let first = row + 1;
    for (i, (label, v)) in s.points.iter().enumerate() {
        ws.write_string(first + i as u32, 0, label)?;
        dec(ws, first + i as u32, 1, Some(*v), &fmt.money)?;
    }
    let last = first + s.points.len() as u32 - 1;
    let kind = if s.stem == "expenditure" {
        ChartType::Bar
    } else {
        ChartType::Column
    };
    let mut chart = Chart::new(kind);
    chart
        .title()
        .set_name(&format!("{who} {}（万元）", s.title));
    chart
        .add_series()
        .set_name(s.title)
        .set_categories((SHEET, first, 0, last, 0))
        .set_values((SHEET, first, 1, last, 1))
        .set_data_label(ChartDataLabel::new().show_value());
    chart.legend().set_hidden();
    ws.insert_chart(row, 3, &chart)?;
    Ok((last + 2).max(row + 17))
}

/// The prior and the current year side by side from `row`, their chart beside them; the row after.
fn year_on_year(
    ws: &mut Worksheet,
    row: u32,
    who: &str,
    y: &Comparison,
    fmt: &Formats,
) -> Result<u32, XlsxError> {
    for (col, h) in [(0u16, y.title), (1, "上年（万元）"), (2, "本年（万元）")] {
        ws.write_string_with_format(row, col, h, &fmt.header)?;
    }
    let first = row + 1;
    for (i, (label, prior, current)) in y.points.iter().enumerate() {
        ws.write_string(first + i as u32, 0, label)?;
        dec(ws, first + i as u32, 1, Some(*prior), &fmt.money)?;
        dec(ws, first + i as u32, 2, Some(*current), &fmt.money)?;
    }
    let last = first + y.points.len() as u32 - 1;
    let mut chart = Chart::new(ChartType::Column);
    chart
        .title()
        .set_name(&format!("{who} {}（万元）", y.title));
    for (col, name) in [(1u16, "上年"), (2, "本年")] {
        chart
            .add_series()
            .set_name(name)
            .set_categories((SHEET, first, 0, last, 0))
            .set_values((SHEET, first, col, last, col))
            .set_data_label(ChartDataLabel::new().show_value());
    }
    ws.insert_chart(row, 4, &chart)?;
    Ok((last + 2).max(row + 17))
}
