//! report.xlsx: 概览, 问题清单, 核对关系 (the relations verified and those not checked), the
//! tables as published with the cells findings are about filled and annotated, 说明 (the
//! narrative by sentence), 数据 (every figure in long form) and 图表 (native Excel charts on that
//! data), each sheet in a module of its own.

mod charts;
mod data;
mod findings;
mod formats;
mod narrative;
mod overview;
pub(crate) mod print;
mod relations;
mod table_sheet;

use std::collections::HashMap;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use crate::check::Lang;
use crate::read::Grid;
use crate::run::DocResult;

use findings::Targets;
use formats::Formats;
pub(crate) use formats::{column_widths, end_list, fill, header_format, heading_row, verdict_fill};

fn io(e: XlsxError) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// The sheet each table was copied to: (file, sheet as read) → sheet name in the report.
type SheetNames = HashMap<(String, String), String>;

/// The row of 说明 each sentence is on: (file, span) → row.
type SentenceRows = HashMap<(String, (usize, usize)), u32>;

/// Sheet names are at most 31 characters, without []:*?/\ and unique in the workbook.
fn sheet_name(wanted: &str, used: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(28)
        .collect();
    let clean = if clean.trim().is_empty() {
        "表".to_string()
    } else {
        clean
    };
    let mut name = clean.clone();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
        name = format!("{}({n})", clean.chars().take(25).collect::<String>());
        n += 1;
    }
    used.push(name.clone());
    name
}

/// A sheet of the report holding a table as read: whose, which grid, under what name.
struct TableSheet<'a> {
    result: usize,
    grid: &'a Grid,
    name: String,
}

/// Every grid's sheet name, unique and clear of the report's own sheets; named before anything
/// is written so that 问题清单 can link to them.
fn table_sheets(results: &[DocResult]) -> (Vec<TableSheet<'_>>, SheetNames) {
    let mut used: Vec<String> = ["概览", "问题清单", "核对关系", "说明", "数据", "图表"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut names = SheetNames::new();
    let mut sheets = Vec::new();
    for (i, r) in results.iter().enumerate() {
        for g in &r.grids {
            let wanted = if results.len() > 1 {
                format!("{}-{}", i + 1, g.sheet)
            } else {
                g.sheet.clone()
            };
            let name = sheet_name(&wanted, &mut used);
            names.insert((g.file.clone(), g.sheet.clone()), name.clone());
            sheets.push(TableSheet {
                result: i,
                grid: g,
                name,
            });
        }
    }
    (sheets, names)
}

/// Every sheet set up for print; a table sheet repeats its own headings and names its document.
fn print_setup(
    book: &mut Workbook,
    results: &[DocResult],
    tables: &[TableSheet],
) -> Result<(), XlsxError> {
    let whole = match results {
        [one] => one.source.clone(),
        _ => "gouji 核对报告".to_string(),
    };
    for ws in book.worksheets_mut() {
        let name = ws.name();
        match tables.iter().find(|t| t.name == name) {
            Some(t) => {
                let doc = &results[t.result].source;
                print::setup(ws, print::header_rows(t.grid), doc)?;
            }
            // The report's own sheets have their headings in their first row; 图表 has none.
            None => print::setup(ws, (name != "图表").then_some(0), &whole)?,
        }
    }
    Ok(())
}

/// Writes the workbook to `path` atomically (a temporary file renamed into place).
pub fn write(results: &[DocResult], path: &Path, lang: Lang) -> std::io::Result<()> {
    let mut book = Workbook::new();
    // The same input gives the same workbook: a fixed creation time.
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(io)?;
    book.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_author("gouji"),
    );
    let fmt = Formats::new();
    let (tables, sheets) = table_sheets(results);
    overview::write(book.add_worksheet(), results, &fmt, lang).map_err(io)?;
    let sentences = findings::sentence_rows(results);
    let targets = Targets {
        sheets: &sheets,
        sentences: &sentences,
    };
    findings::write(book.add_worksheet(), results, &fmt, &targets, lang).map_err(io)?;
    relations::write(book.add_worksheet(), results, &fmt, lang).map_err(io)?;
    for t in &tables {
        let findings = &results[t.result].findings;
        table_sheet::write(book.add_worksheet(), t.grid, &t.name, findings, &fmt, lang)
            .map_err(io)?;
    }
    let narratives = |r: &DocResult| {
        r.document
            .as_ref()
            .is_some_and(|d| !d.narratives.is_empty())
    };
    if results.iter().any(narratives) {
        narrative::write(book.add_worksheet(), results, &fmt, lang).map_err(io)?;
    }
    data::write(book.add_worksheet(), results, &fmt).map_err(io)?;
    charts::write(book.add_worksheet(), results, &fmt).map_err(io)?;
    print_setup(&mut book, results, &tables).map_err(io)?;
    let tmp = path.with_extension("xlsx.tmp");
    book.save(&tmp)
        .map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())))?;
    std::fs::rename(&tmp, path)
}
