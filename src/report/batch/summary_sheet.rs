//! 汇总: a row per document of the batch, its verdict filled by its colour.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::check::Lang;
use crate::report::workbook::{column_widths, header_format, heading_row, verdict_fill};

use super::{money, SummaryRow};

const HEADINGS: [&str; 24] = [
    "文档",
    "区",
    "部门",
    "部门类别",
    "年度",
    "类型",
    "单位",
    "本年收入合计（万元）",
    "本年支出合计（万元）",
    "基本支出（万元）",
    "项目支出（万元）",
    "“三公”经费（万元）",
    "人员经费（万元）",
    "公用经费（万元）",
    "机关运行经费（万元）",
    "年初结转和结余（万元）",
    "年末结转和结余（万元）",
    "识别到的表",
    "错误",
    "警告",
    "提示",
    "跨文档问题",
    "结论",
    "无法读取的原因",
];

/// The last of the money columns, which start at 7 (本年收入合计).
const MONEY_END: u16 = 16;

pub(super) fn write(ws: &mut Worksheet, rows: &[SummaryRow], lang: Lang) -> Result<(), XlsxError> {
    ws.set_name("汇总")?;
    heading_row(ws, &HEADINGS, &header_format())?;
    // The money columns carry their format as columns: a format named per cell is looked up in
    // the writer's table cell by cell, thousands of times over a region.
    let m = money();
    for c in 7..=MONEY_END {
        ws.set_column_format(c, &m)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &r.source)?;
        ws.write_string(row, 1, &r.district)?;
        ws.write_string(row, 2, &r.department)?;
        ws.write_string(row, 3, &r.department_kind)?;
        if let Some(y) = r.year {
            ws.write_number(row, 4, f64::from(y))?;
        }
        ws.write_string(row, 5, r.kind.label(lang))?;
        ws.write_string(row, 6, &r.unit)?;
        let money = [
            r.income,
            r.expenditure,
            r.basic,
            r.project,
            r.three_public,
            r.personnel,
            r.public,
            r.agency_operating,
            r.opening,
            r.closing,
        ];
        for (k, v) in money.iter().enumerate() {
            if let Some(v) = v {
                ws.write_number(row, 7 + k as u16, *v)?;
            }
        }
        let counts = [
            r.tables,
            r.errors,
            r.warnings,
            r.infos,
            r.cross_document_findings,
        ];
        for (k, v) in counts.iter().enumerate() {
            ws.write_number(row, MONEY_END + 1 + k as u16, f64::from(*v))?;
        }
        let f = Format::new().set_background_color(verdict_fill(r.verdict));
        ws.write_string_with_format(row, 22, r.verdict.label(lang), &f)?;
        ws.write_string(row, 23, &r.failure)?;
    }
    ws.autofilter(0, 0, rows.len() as u32, HEADINGS.len() as u16 - 1)?;
    ws.set_freeze_panes(1, 3)?;
    column_widths(
        ws,
        &[
            (0u16, 50.0),
            (1, 10.0),
            (2, 22.0),
            (3, 16.0),
            (7, 14.0),
            (8, 14.0),
            (9, 14.0),
            (10, 14.0),
            (11, 14.0),
            (12, 14.0),
            (13, 14.0),
            (14, 14.0),
            (15, 14.0),
            (16, 14.0),
            (23, 50.0),
        ],
    )?;
    Ok(())
}
