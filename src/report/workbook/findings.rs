//! 问题清单: a row per finding, filled by its severity, its place a link to the annotated copy
//! of its table or to its sentence on 说明.

use std::collections::HashMap;

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatUnderline, Url, Worksheet, XlsxError};

use crate::check::{Finding, Lang};
use crate::run::DocResult;

use super::formats::{end_list, fill, heading_row, Formats};
use super::{SentenceRows, SheetNames};

const HEADINGS: [&str; 12] = [
    "文档",
    "规则",
    "级别",
    "表",
    "位置",
    "期望值",
    "实际值",
    "差额",
    "容差",
    "单位",
    "说明",
    "所在句子",
];

/// Where the links of 问题清单 lead: the sheets the tables were copied to, the rows of 说明.
pub(super) struct Targets<'a> {
    pub sheets: &'a SheetNames,
    pub sentences: &'a SentenceRows,
}

pub(super) fn write(
    ws: &mut Worksheet,
    results: &[DocResult],
    fmt: &Formats,
    targets: &Targets,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name("问题清单")?;
    heading_row(ws, &HEADINGS, &fmt.header)?;
    let mut row = 1u32;
    for r in results {
        for f in &r.findings {
            write_row(ws, row, r, f, targets, lang)?;
            row += 1;
        }
    }
    end_list(
        ws,
        row.max(1) - 1,
        HEADINGS.len(),
        &[
            (0u16, 30.0),
            (3, 26.0),
            (4, 28.0),
            (5, 13.0),
            (6, 13.0),
            (7, 11.0),
            (8, 9.0),
            (10, 70.0),
            (11, 50.0),
        ],
    )?;
    Ok(())
}

fn write_row(
    ws: &mut Worksheet,
    row: u32,
    r: &DocResult,
    f: &Finding,
    targets: &Targets,
    lang: Lang,
) -> Result<(), XlsxError> {
    let base = Format::new()
        .set_background_color(fill(f.severity))
        .set_align(FormatAlign::Top);
    let money = base.clone().set_num_format("#,##0.00##");
    let wrap = base.clone().set_text_wrap();
    ws.write_string_with_format(row, 0, &r.source, &base)?;
    ws.write_string_with_format(row, 1, f.rule, &base)?;
    ws.write_string_with_format(row, 2, f.severity.label(lang), &base)?;
    ws.write_string_with_format(row, 3, f.table.clone().unwrap_or_default(), &base)?;
    let place = f.location.place();
    match link(r, f, targets) {
        Some(l) => {
            let linked = base
                .clone()
                .set_font_color(Color::RGB(0x0563C1))
                .set_underline(FormatUnderline::Single);
            ws.write_url_with_format(row, 4, Url::new(l).set_text(place), &linked)?;
        }
        None => {
            ws.write_string_with_format(row, 4, place, &base)?;
        }
    }
    for (c, v) in [
        (5u16, f.expected),
        (6, f.actual),
        (7, f.difference),
        (8, f.tolerance),
    ] {
        match v.and_then(|d| d.to_f64()) {
            Some(x) => ws.write_number_with_format(row, c, x, &money)?,
            None => ws.write_blank(row, c, &base)?,
        };
    }
    ws.write_string_with_format(row, 9, f.unit.map(|u| u.label()).unwrap_or(""), &base)?;
    ws.write_string_with_format(row, 10, f.message.get(lang), &wrap)?;
    ws.write_string_with_format(
        row,
        11,
        f.location.sentence.clone().unwrap_or_default(),
        &wrap,
    )?;
    Ok(())
}

/// The link of a finding's place: its cell on the copy of its table, or its sentence on 说明.
fn link(r: &DocResult, f: &Finding, targets: &Targets) -> Option<String> {
    match (&f.location.sheet, &f.location.cell) {
        (Some(s), Some(c)) => targets
            .sheets
            .get(&(f.location.file.to_string(), s.to_string()))
            .map(|name| format!("internal:'{name}'!{c}")),
        _ => {
            f.location.span?;
            let s = f.location.sentence.as_ref()?;
            let n = r
                .document
                .as_ref()?
                .narratives
                .iter()
                .find(|n| *n.file == *f.location.file)?;
            let sent = n.sentences.iter().find(|x| &x.text == s)?;
            let row = targets.sentences.get(&(n.file.clone(), sent.span))?;
            Some(format!("internal:'说明'!D{}", row + 1))
        }
    }
}

/// The row of the 说明 sheet each sentence is on: (file, span) → row.
pub(super) fn sentence_rows(results: &[DocResult]) -> SentenceRows {
    let mut out = HashMap::new();
    let mut row = 1u32;
    for r in results {
        for n in r.document.iter().flat_map(|d| &d.narratives) {
            for s in &n.sentences {
                out.insert((n.file.clone(), s.span), row);
                row += 1;
            }
        }
    }
    out
}
