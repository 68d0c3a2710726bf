//! The fills and formats every workbook gouji writes shares: a finding's severity, a document's
//! verdict, the header row.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use crate::check::Severity;
use crate::run::Verdict;

/// The fill of a cell or row a finding of this severity is about.
pub(crate) fn fill(s: Severity) -> Color {
    match s {
        Severity::Error => Color::RGB(0xFFC7CE),
        Severity::Warning => Color::RGB(0xFFEB9C),
        Severity::Info => Color::RGB(0xDDEBF7),
    }
}

/// The fill of a document's verdict.
pub(crate) fn verdict_fill(v: Verdict) -> Color {
    match v {
        Verdict::Unreadable | Verdict::Errors => fill(Severity::Error),
        Verdict::Warnings | Verdict::NotChecked => fill(Severity::Warning),
        Verdict::Clean => Color::RGB(0xC6EFCE),
    }
}

/// Writes a sheet's heading row (row 1) in the header format.
pub(crate) fn heading_row<S: AsRef<str>>(
    ws: &mut Worksheet,
    headings: &[S],
    format: &Format,
) -> Result<(), XlsxError> {
    for (c, h) in headings.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h.as_ref(), format)?;
    }
    Ok(())
}

/// Sets the widths of the columns named, in characters.
pub(crate) fn column_widths(ws: &mut Worksheet, widths: &[(u16, f64)]) -> Result<(), XlsxError> {
    for &(c, w) in widths {
        ws.set_column_width(c, w)?;
    }
    Ok(())
}

/// The end of a sheet that lists rows under its heading: a filter over the rows down to
/// `last_row`, the heading frozen, the widths of the columns named.
pub(crate) fn end_list(
    ws: &mut Worksheet,
    last_row: u32,
    columns: usize,
    widths: &[(u16, f64)],
) -> Result<(), XlsxError> {
    ws.autofilter(0, 0, last_row, columns as u16 - 1)?;
    ws.set_freeze_panes(1, 0)?;
    column_widths(ws, widths)
}

/// The format of every header row gouji writes.
pub(crate) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
}

/// The formats of report.xlsx, made once.
pub(super) struct Formats {
    pub header: Format,
    pub money: Format,
    pub text: Format,
    pub title: Format,
}

impl Formats {
    pub fn new() -> Formats {
        Formats {
            header: header_format(),
            money: Format::new().set_num_format("#,##0.00"),
            text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            title: Format::new().set_bold().set_font_size(14),
        }
    }
}

/// Writes an amount where there is one.
pub(super) fn dec(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    d: Option<Decimal>,
    f: &Format,
) -> Result<(), XlsxError> {
    if let Some(v) = d.and_then(|d| d.to_f64()) {
        ws.write_number_with_format(row, col, v, f)?;
    }
    Ok(())
}
