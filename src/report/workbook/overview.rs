//! 概览: a row per document — who, when, the tables found and missing, the counts by severity,
//! the verdict, the key totals and why it could not be read.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::check::{missing_tables, Lang, Severity};
use crate::model::{Document, Side};
use crate::report::summary;
use crate::run::DocResult;

use super::formats::{dec, heading_row, verdict_fill, Formats};

/// The key totals, each a column in 万元 after the verdict.
const TOTALS: [&str; 6] = [
    "本年收入合计",
    "本年支出合计",
    "基本支出",
    "项目支出",
    "年末结转和结余",
    "“三公”经费决算",
];

/// The first column of the key totals.
const FIRST_TOTAL: u16 = 11;

/// The column of the reasons a document could not be read, after the totals.
const REASONS: u16 = FIRST_TOTAL + TOTALS.len() as u16;

fn headings() -> Vec<String> {
    let mut headings: Vec<String> = [
        "文档",
        "部门",
        "年度",
        "类型",
        "单位",
        "识别到的表",
        "缺少的表",
        "错误",
        "警告",
        "提示",
        "结论",
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    headings.extend(TOTALS.iter().map(|h| format!("{h}（万元）")));
    headings.push("无法读取的原因".into());
    headings
}

pub(super) fn write(
    ws: &mut Worksheet,
    results: &[DocResult],
    fmt: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name("概览")?;
    heading_row(ws, &headings(), &fmt.header)?;
    for (i, r) in results.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &r.source)?;
        if let Some(d) = &r.document {
            document_cells(ws, row, d, fmt, lang)?;
        }
        let count = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count() as f64;
        ws.write_number(row, 7, count(Severity::Error))?;
        ws.write_number(row, 8, count(Severity::Warning))?;
        ws.write_number(row, 9, count(Severity::Info))?;
        let verdict = r.verdict();
        let v_fmt = Format::new().set_background_color(verdict_fill(verdict));
        ws.write_string_with_format(row, 10, verdict.label(lang), &v_fmt)?;
        let reasons: Vec<String> = r.errors.iter().map(|e| e.text(lang)).collect();
        ws.write_string_with_format(row, REASONS, reasons.join("\n"), &fmt.text)?;
    }
    ws.set_column_width(0, 40)?;
    ws.set_column_width(1, 24)?;
    ws.set_column_width(5, 36)?;
    ws.set_column_width(6, 30)?;
    for c in FIRST_TOTAL..REASONS {
        ws.set_column_width(c, 14)?;
    }
    ws.set_column_width(REASONS, 50)?;
    ws.set_freeze_panes(1, 1)?;
    Ok(())
}

/// What a document read tells: department, year, kind, units, tables found and missing, key totals.
fn document_cells(
    ws: &mut Worksheet,
    row: u32,
    d: &Document,
    fmt: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.write_string(row, 1, d.department.clone().unwrap_or_default())?;
    if let Some(y) = d.year {
        ws.write_number(row, 2, f64::from(y))?;
    }
    let mut units: Vec<&str> = d.tables.iter().map(|t| t.unit.label()).collect();
    units.sort();
    units.dedup();
    ws.write_string(row, 3, d.kind.label(lang))?;
    ws.write_string(row, 4, units.join("、"))?;
    let found: Vec<&str> = d
        .tables
        .iter()
        .filter(|t| t.side != Some(Side::Expenditure))
        .map(|t| t.title.as_str())
        .collect();
    ws.write_string_with_format(row, 5, found.join("\n"), &fmt.text)?;
    let missing: Vec<&str> = missing_tables(d).iter().map(|k| k.title()).collect();
    ws.write_string_with_format(row, 6, missing.join("\n"), &fmt.text)?;
    for (k, (_, v)) in summary::key_totals(d).into_iter().enumerate() {
        dec(ws, row, FIRST_TOTAL + k as u16, v, &fmt.money)?;
    }
    Ok(())
}
