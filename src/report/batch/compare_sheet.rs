//! 对比: the key figure as department × district with a native chart beside it, each department
//! across years, and the “三公” outliers.

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
    let row = matrix(ws, &c.expenditure, &fmt)?;
    let row = years(ws, row, &c.years, &fmt)?;
    outliers(ws, row + 3, &c.outliers, &fmt)?;
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 22)?;
    Ok(())
}

/// Department × district, latest year, from the top of the sheet, and the district totals as a
/// native column chart beside it; the row the next block starts on.
fn matrix(ws: &mut Worksheet, x: &Matrix, fmt: &Formats) -> Result<u32, XlsxError> {
    let year = x.year.map(|y| format!("{y}年 ")).unwrap_or_default();
    ws.write_string_with_format(
        0,
        0,
        format!("{year}{}（万元）：部门 × 区", x.measure),
        &fmt.heading,
    )?;
    let top = 1;
    ws.write_string_with_format(top, 0, "部门", &fmt.header)?;
    for (j, d) in x.districts.iter().enumerate() {
        ws.write_string_with_format(top, 1 + j as u16, d, &fmt.header)?;
    }
    for (i, dept) in x.departments.iter().enumerate() {
        let r = top + 1 + i as u32;
        ws.write_string(r, 0, dept)?;
        for (j, v) in x.values[i].iter().enumerate() {
            opt(ws, r, 1 + j as u16, *v, &fmt.money)?;
        }
    }
    if !x.districts.is_empty() && !x.departments.is_empty() {
        let mut chart = Chart::new(ChartType::Column);
        chart
            .title()
            .set_name(&format!("{year}各区部门支出（万元）"));
        let last_col = x.districts.len() as u16;
        for i in 0..x.departments.len().min(10) {
            let r = top + 1 + i as u32;
            chart
                .add_series()
                .set_name((SHEET, r, 0))
                .set_categories((SHEET, top, 1, top, last_col))
                .set_values((SHEET, r, 1, r, last_col));
        }
        ws.insert_chart(0, last_col + 3, &chart)?;
    }
    Ok(top + x.departments.len() as u32 + 3)
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
        "同一部门逐年对比（本年支出合计，万元）",
        &["区", "部门", "年度", "本年支出合计", "上年", "变动（%）"],
        fmt,
    )?;
    for y in years {
        row += 1;
        ws.write_string(row, 0, &y.district)?;
        ws.write_string(row, 1, &y.department)?;
        ws.write_number(row, 2, f64::from(y.year))?;
        opt(ws, row, 3, y.expenditure, &fmt.money)?;
        opt(ws, row, 4, y.prior, &fmt.money)?;
        opt(ws, row, 5, y.change, &fmt.percent)?;
    }
    Ok(row)
}

/// The documents whose “三公” share stands far above their peers', from `row`.
fn outliers(
    ws: &mut Worksheet,
    row: u32,
    outliers: &[Outlier],
    fmt: &Formats,
) -> Result<(), XlsxError> {
    let mut row = block_head(
        ws,
        row,
        "“三公”经费占比远高于同类部门（≥ 同部门各区中位数的 2 倍）",
        &[
            "区",
            "部门",
            "年度",
            "“三公”占本年支出（%）",
            "同类部门中位数（%）",
        ],
        fmt,
    )?;
    let flag = Format::new()
        .set_background_color(Color::RGB(0xFFEB9C))
        .set_num_format("0.00");
    for o in outliers {
        row += 1;
        ws.write_string(row, 0, &o.district)?;
        ws.write_string(row, 1, &o.department)?;
        ws.write_number(row, 2, f64::from(o.year))?;
        ws.write_number_with_format(row, 3, o.share, &flag)?;
        ws.write_number_with_format(row, 4, o.peers, &fmt.percent)?;
    }
    Ok(())
}
