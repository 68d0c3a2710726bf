//! 对比: each metric as department kind × district (the first with a native chart beside it),
//! each kind of each district across years, and the “三公” outliers.

use rust_xlsxwriter::{Chart, ChartType, Color, Format, Worksheet, XlsxError};

use crate::report::workbook::header_format;

use super::{money, opt, Comparisons, Matrix, Outlier, YearOnYear};

const SHEET: &str = "对比";

/// The formats the sheet's three blocks share.
struct Formats {
    header: Format,
    money: Format,
    percent: Format,
    heading: Format,
}

pub(super) fn write(ws: &mut Worksheet, c: &Comparisons) -> Result<(), XlsxError> {
    ws.set_name(SHEET)?;
    let fmt = Formats {
        header: header_format(),
        money: money(),
        percent: Format::new().set_num_format("0.00"),
        heading: Format::new().set_bold().set_font_size(13),
    };
    let mut row = 0;
    for (i, m) in c.by_kind.iter().enumerate() {
        row = matrix(ws, row, m, i == 0, &fmt)?;
    }
    let row = years(ws, row, &c.years, &fmt)?;
    outliers(ws, row + 3, &c.outliers, &c.outlier_rule, &fmt)?;
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 22)?;
    Ok(())
}

/// A metric as department kind × district from `row`, with a native column chart beside it when
/// `charted`; the row the next block starts on.
fn matrix(
    ws: &mut Worksheet,
    row: u32,
    x: &Matrix,
    charted: bool,
    fmt: &Formats,
) -> Result<u32, XlsxError> {
    let year = x.year.map(|y| format!("{y}年 ")).unwrap_or_default();
    ws.write_string_with_format(
        row,
        0,
        format!("{year}{}：部门类别 × 区", x.heading),
        &fmt.heading,
    )?;
    let top = row + 1;
    let number = if x.heading.ends_with("（%）") {
        &fmt.percent
    } else {
        &fmt.money
    };
    ws.write_string_with_format(top, 0, "部门类别", &fmt.header)?;
    for (j, d) in x.districts.iter().enumerate() {
        ws.write_string_with_format(top, 1 + j as u16, d, &fmt.header)?;
    }
    for (i, kind) in x.kinds.iter().enumerate() {
        let r = top + 1 + i as u32;
        ws.write_string(r, 0, kind)?;
        for (j, v) in x.values[i].iter().enumerate() {
            opt(ws, r, 1 + j as u16, *v, number)?;
        }
    }
    if charted && !x.districts.is_empty() && !x.kinds.is_empty() {
        let mut chart = Chart::new(ChartType::Column);
        chart
            .title()
            .set_name(&format!("{year}各区同类部门{}", x.heading));
        let last_col = x.districts.len() as u16;
        for i in 0..x.kinds.len().min(10) {
            let r = top + 1 + i as u32;
            chart
                .add_series()
                .set_name((SHEET, r, 0))
                .set_categories((SHEET, top, 1, top, last_col))
                .set_values((SHEET, r, 1, r, last_col));
        }
        ws.insert_chart(row, last_col + 3, &chart)?;
    }
    // Room for the chart (15 rows) below a short table.
    let used = x.kinds.len() as u32 + 3;
    Ok(top + if charted { used.max(17) } else { used })
}

/// A heading and a row of column headers from `row`; the row of the headers.
fn block_head(
    ws: &mut Worksheet,
    row: u32,
    heading: &str,
    columns: &[&str],
    fmt: &Formats,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(row, 0, heading, &fmt.heading)?;
    for (i, t) in columns.iter().enumerate() {
        ws.write_string_with_format(row + 1, i as u16, *t, &fmt.header)?;
    }
    Ok(row + 1)
}

/// The same department across years from `row`; the row of its last line.
fn years(
    ws: &mut Worksheet,
    row: u32,
    years: &[YearOnYear],
    fmt: &Formats,
) -> Result<u32, XlsxError> {
    let mut row = block_head(
        ws,
        row,
        "同类部门逐年对比（本年支出合计，万元）",
        &[
            "区",
            "部门类别",
            "年度",
            "本年支出合计",
            "上年",
            "变动（%）",
            "“三公”占比（%）",
        ],
        fmt,
    )?;
    for y in years {
        row += 1;
        ws.write_string(row, 0, &y.district)?;
        ws.write_string(row, 1, &y.kind)?;
        ws.write_number(row, 2, f64::from(y.year))?;
        opt(ws, row, 3, y.expenditure, &fmt.money)?;
        opt(ws, row, 4, y.prior, &fmt.money)?;
        opt(ws, row, 5, y.change, &fmt.percent)?;
        opt(ws, row, 6, y.three_public_share, &fmt.percent)?;
    }
    Ok(row)
}

/// The documents whose “三公” share stands far above their peers', from `row`.
fn outliers(
    ws: &mut Worksheet,
    row: u32,
    outliers: &[Outlier],
    rule: &str,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let mut row = block_head(
        ws,
        row,
        &format!("“三公”经费占比远高于同类部门（{rule}）"),
        &[
            "区",
            "部门类别",
            "年度",
            "“三公”占本年支出（%）",
            "同类部门中位数（%）",
            "同类部门数",
            "部门",
        ],
        fmt,
    )?;
    let flag = Format::new()
        .set_background_color(Color::RGB(0xFFEB9C))
        .set_num_format("0.00");
    for o in outliers {
        row += 1;
        ws.write_string(row, 0, &o.district)?;
        ws.write_string(row, 1, &o.kind)?;
        ws.write_number(row, 2, f64::from(o.year))?;
        ws.write_number_with_format(row, 3, o.share, &flag)?;
        ws.write_number_with_format(row, 4, o.peers, &fmt.percent)?;
        ws.write_number(row, 5, f64::from(o.count))?;
        ws.write_string(row, 6, &o.department)?;
    }
    Ok(())
}
