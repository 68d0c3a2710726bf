//! 数据: every figure of every table in long form, for filters and pivot tables.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::model::Side;
use crate::run::DocResult;

use super::formats::{dec, end_list, heading_row, Formats};

pub(super) fn write(
    ws: &mut Worksheet,
    results: &[DocResult],
    fmt: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name("数据")?;
    let headers = [
        "文档",
        "部门",
        "年度",
        "表",
        "半表",
        "科目编码",
        "科目名称",
        "栏目",
        "金额",
        "单位",
        "来源",
    ];
    heading_row(ws, &headers, &fmt.header)?;
    let mut row = 1u32;
    for r in results {
        let Some(d) = &r.document else { continue };
        for t in &d.tables {
            for tr in &t.rows {
                for (ci, cell) in tr.cells.iter().enumerate() {
                    let Some(cell) = cell else { continue };
                    let Some(f) = cell.figure else { continue };
                    ws.write_string(row, 0, &r.source)?;
                    ws.write_string(row, 1, d.department.clone().unwrap_or_default())?;
                    if let Some(y) = d.year {
                        ws.write_number(row, 2, f64::from(y))?;
                    }
                    ws.write_string(row, 3, &t.title)?;
                    ws.write_string(
                        row,
                        4,
                        match t.side {
                            Some(Side::Income) => "收入",
                            Some(Side::Expenditure) => "支出",
                            None => "",
                        },
                    )?;
                    ws.write_string(row, 5, tr.code.clone().unwrap_or_default())?;
                    ws.write_string(row, 6, tr.name.trim())?;
                    ws.write_string(
                        row,
                        7,
                        t.columns.get(ci).map(|c| c.label.as_str()).unwrap_or(""),
                    )?;
                    dec(ws, row, 8, Some(f.value), &fmt.money)?;
                    ws.write_string(row, 9, t.unit.label())?;
                    ws.write_string(row, 10, format!("{}!{}", t.sheet, cell.at.a1()))?;
                    row += 1;
                }
            }
        }
    }
    end_list(
        ws,
        row.max(1) - 1,
        headers.len(),
        &[
            (0u16, 30.0),
            (1, 20.0),
            (3, 30.0),
            (6, 30.0),
            (7, 20.0),
            (8, 16.0),
            (10, 22.0),
        ],
    )?;
    Ok(())
}
