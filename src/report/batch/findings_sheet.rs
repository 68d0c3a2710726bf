//! 问题清单: a row per finding of the batch, as read back from findings.ndjson, filled by its
//! severity.

use rust_xlsxwriter::{Format, Worksheet};

use crate::check::Lang;
use crate::model::Location;
use crate::report::workbook::{end_list, fill, header_format, heading_row};

use super::{io, FindingLine};

/// Excel's row limit, less the header: findings past it are left to findings.ndjson.
const MAX_FINDING_ROWS: u32 = 1_048_575;

const HEADINGS: [&str; 12] = [
    "文档",
    "区",
    "部门",
    "年度",
    "规则",
    "级别",
    "表",
    "位置",
    "期望值",
    "实际值",
    "差额",
    "说明",
];

pub(super) fn write(
    ws: &mut Worksheet,
    findings: impl Iterator<Item = std::io::Result<FindingLine>>,
    lang: Lang,
) -> std::io::Result<()> {
    ws.set_name("问题清单").map_err(io)?;
    heading_row(ws, &HEADINGS, &header_format()).map_err(io)?;
    let mut row = 1u32;
    for finding in findings {
        if row > MAX_FINDING_ROWS {
            break;
        }
        write_row(ws, row, &finding?, lang).map_err(io)?;
        row += 1;
    }
    end_list(
        ws,
        row.max(2) - 1,
        HEADINGS.len(),
        &[(0u16, 40.0), (2, 20.0), (6, 26.0), (7, 30.0), (11, 80.0)],
    )
    .map_err(io)?;
    Ok(())
}

fn write_row(
    ws: &mut Worksheet,
    row: u32,
    f: &FindingLine,
    lang: Lang,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let format = Format::new().set_background_color(fill(f.severity));
    let cells = [
        f.source.clone(),
        f.district.clone(),
        f.department.clone(),
        f.year.map(|y| y.to_string()).unwrap_or_default(),
        f.rule.clone(),
        f.severity.label(lang).to_string(),
        f.table.clone().unwrap_or_default(),
        place(&f.location),
    ];
    for (i, t) in cells.iter().enumerate() {
        ws.write_string_with_format(row, i as u16, t, &format)?;
    }
    for (k, figure) in [f.expected, f.actual, f.difference].iter().enumerate() {
        if let Some(x) = figure {
            ws.write_number_with_format(row, 8 + k as u16, *x, &format)?;
        }
    }
    ws.write_string_with_format(row, 11, &f.message, &format)?;
    Ok(())
}

/// `sheet!B7` for a cell, `file @120..145` for a sentence, else the file.
fn place(loc: &Location) -> String {
    match (&loc.sheet, &loc.cell, loc.span) {
        (Some(sheet), Some(cell), _) => format!("{sheet}!{cell}"),
        (_, _, Some((start, end))) => format!("{} @{start}..{end}", loc.file),
        _ => loc.file.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_a_cell_a_span_or_the_file() {
        let mut loc = Location::file("说明.txt");
        assert_eq!(place(&loc), "说明.txt");
        loc.span = Some((120, 145));
        assert_eq!(place(&loc), "说明.txt @120..145");
        let mut cell = Location::file("a.pdf");
        cell.sheet = Some("收入".into());
        cell.cell = Some("B7".into());
        cell.page = Some(3);
        assert_eq!(place(&cell), "收入!B7");
    }
}
