//! report.xlsx: 概览, 问题清单, the tables as published with the cells findings are about filled
//! and annotated, 说明 (the narrative by sentence), 数据 (every figure in long form) and 图表
//! (native Excel charts on that data).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartType, Color, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Note, Url, Workbook, Worksheet, XlsxError,
};

use crate::check::{missing_tables, Finding, Lang, Severity};
use crate::model::Side;
use crate::read::{Grid, RawValue};
use crate::run::{DocResult, Verdict};

use super::summary;

fn io(e: XlsxError) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

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
        Verdict::Warnings => fill(Severity::Warning),
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

pub(crate) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
}

struct Formats {
    header: Format,
    money: Format,
    text: Format,
    title: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: header_format(),
            money: Format::new().set_num_format("#,##0.00"),
            text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            title: Format::new().set_bold().set_font_size(14),
        }
    }
}

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

fn dec(
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

/// Where in the report a finding's place is: (sheet, row, col) of the annotated copy.
type Places = HashMap<(String, String), String>;

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
    let mut used = vec![
        "概览".to_string(),
        "问题清单".to_string(),
        "说明".to_string(),
        "数据".to_string(),
        "图表".to_string(),
    ];
    // Table sheets are named first so that 问题清单 can link to them.
    let mut places: Places = HashMap::new();
    let mut table_sheets: Vec<(usize, &Grid, String)> = Vec::new();
    for (i, r) in results.iter().enumerate() {
        for g in &r.grids {
            let wanted = if results.len() > 1 {
                format!("{}-{}", i + 1, g.sheet)
            } else {
                g.sheet.clone()
            };
            let name = sheet_name(&wanted, &mut used);
            places.insert((g.file.clone(), g.sheet.clone()), name.clone());
            table_sheets.push((i, g, name));
        }
    }
    overview(book.add_worksheet(), results, &fmt, lang).map_err(io)?;
    let sentence_rows = sentence_rows(results);
    findings(
        book.add_worksheet(),
        results,
        &fmt,
        &places,
        &sentence_rows,
        lang,
    )
    .map_err(io)?;
    for (i, g, name) in &table_sheets {
        table_sheet(
            book.add_worksheet(),
            g,
            name,
            &results[*i].findings,
            &fmt,
            lang,
        )
        .map_err(io)?;
    }
    if results.iter().any(|r| {
        r.document
            .as_ref()
            .is_some_and(|d| !d.narratives.is_empty())
    }) {
        narrative_sheet(book.add_worksheet(), results, &fmt, lang).map_err(io)?;
    }
    data_sheet(book.add_worksheet(), results, &fmt).map_err(io)?;
    charts_sheet(book.add_worksheet(), results, &fmt).map_err(io)?;
    let tmp = path.with_extension("xlsx.tmp");
    book.save(&tmp)
        .map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())))?;
    std::fs::rename(&tmp, path)
}

fn overview(
    ws: &mut Worksheet,
    results: &[DocResult],
    fmt: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name("概览")?;
    let totals = [
        "本年收入合计",
        "本年支出合计",
        "基本支出",
        "项目支出",
        "年末结转和结余",
        "“三公”经费决算",
    ];
    let mut headers = vec![
        "文档",
        "部门",
        "年度",
        "单位",
        "识别到的表",
        "缺少的表",
        "错误",
        "警告",
        "提示",
        "结论",
    ];
    headers.extend(totals.iter().copied());
    headers.push("无法读取的原因");
    let headings: Vec<String> = headers
        .iter()
        .enumerate()
        .map(|(c, h)| {
            if c >= 10 && c < 10 + totals.len() {
                format!("{h}（万元）")
            } else {
                h.to_string()
            }
        })
        .collect();
    heading_row(ws, &headings, &fmt.header)?;
    for (i, r) in results.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &r.source)?;
        let count = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count() as f64;
        if let Some(d) = &r.document {
            ws.write_string(row, 1, d.department.clone().unwrap_or_default())?;
            if let Some(y) = d.year {
                ws.write_number(row, 2, f64::from(y))?;
            }
            let units: Vec<&str> = {
                let mut u: Vec<&str> = d.tables.iter().map(|t| t.unit.label()).collect();
                u.sort();
                u.dedup();
                u
            };
            ws.write_string(row, 3, units.join("、"))?;
            let found: Vec<&str> = d
                .tables
                .iter()
                .filter(|t| t.side != Some(Side::Expenditure))
                .map(|t| t.title.as_str())
                .collect();
            ws.write_string_with_format(row, 4, found.join("\n"), &fmt.text)?;
            let missing: Vec<&str> = missing_tables(d).iter().map(|k| k.title()).collect();
            ws.write_string_with_format(row, 5, missing.join("\n"), &fmt.text)?;
            for (k, (_, v)) in summary::key_totals(d).into_iter().enumerate() {
                dec(ws, row, 10 + k as u16, v, &fmt.money)?;
            }
        }
        ws.write_number(row, 6, count(Severity::Error))?;
        ws.write_number(row, 7, count(Severity::Warning))?;
        ws.write_number(row, 8, count(Severity::Info))?;
        let verdict = r.verdict();
        let v_fmt = Format::new().set_background_color(verdict_fill(verdict));
        ws.write_string_with_format(row, 9, verdict.label(lang), &v_fmt)?;
        let reasons: Vec<String> = r.errors.iter().map(|e| e.text(lang)).collect();
        ws.write_string_with_format(row, 10 + totals.len() as u16, reasons.join("\n"), &fmt.text)?;
    }
    ws.set_column_width(0, 40)?;
    ws.set_column_width(1, 24)?;
    ws.set_column_width(4, 36)?;
    ws.set_column_width(5, 30)?;
    for c in 10..10 + totals.len() as u16 {
        ws.set_column_width(c, 14)?;
    }
    ws.set_column_width(10 + totals.len() as u16, 50)?;
    ws.set_freeze_panes(1, 1)?;
    Ok(())
}

/// The row of the 说明 sheet each sentence is on: (file, sentence index) → row.
fn sentence_rows(results: &[DocResult]) -> HashMap<(String, (usize, usize)), u32> {
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

fn place(f: &Finding) -> String {
    f.location.place()
}

fn findings(
    ws: &mut Worksheet,
    results: &[DocResult],
    fmt: &Formats,
    places: &Places,
    sentences: &HashMap<(String, (usize, usize)), u32>,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name("问题清单")?;
    let headers = [
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
    heading_row(ws, &headers, &fmt.header)?;
    let mut row = 1u32;
    for r in results {
        for f in &r.findings {
            let base = Format::new()
                .set_background_color(fill(f.severity))
                .set_align(FormatAlign::Top);
            let money = base.clone().set_num_format("#,##0.00##");
            let wrap = base.clone().set_text_wrap();
            ws.write_string_with_format(row, 0, &r.source, &base)?;
            ws.write_string_with_format(row, 1, f.rule, &base)?;
            ws.write_string_with_format(row, 2, f.severity.label(lang), &base)?;
            ws.write_string_with_format(row, 3, f.table.clone().unwrap_or_default(), &base)?;
            let link = match (&f.location.sheet, &f.location.cell) {
                (Some(s), Some(c)) => places
                    .get(&(f.location.file.to_string(), s.to_string()))
                    .map(|name| format!("internal:'{name}'!{c}")),
                _ => f.location.span.and_then(|_| {
                    let s = f.location.sentence.as_ref()?;
                    let n = r
                        .document
                        .as_ref()?
                        .narratives
                        .iter()
                        .find(|n| *n.file == *f.location.file)?;
                    let sent = n.sentences.iter().find(|x| &x.text == s)?;
                    let row = sentences.get(&(n.file.clone(), sent.span))?;
                    Some(format!("internal:'说明'!D{}", row + 1))
                }),
            };
            match link {
                Some(l) => {
                    ws.write_url_with_format(
                        row,
                        4,
                        Url::new(l).set_text(place(f)),
                        &base
                            .clone()
                            .set_font_color(Color::RGB(0x0563C1))
                            .set_underline(rust_xlsxwriter::FormatUnderline::Single),
                    )?;
                }
                None => {
                    ws.write_string_with_format(row, 4, place(f), &base)?;
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
            row += 1;
        }
    }
    ws.autofilter(0, 0, row.max(1) - 1, headers.len() as u16 - 1)?;
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [
        (0u16, 30.0),
        (3, 26.0),
        (4, 28.0),
        (5, 13.0),
        (6, 13.0),
        (7, 11.0),
        (8, 9.0),
        (10, 70.0),
        (11, 50.0),
    ] {
        ws.set_column_width(c, w)?;
    }
    Ok(())
}

/// A sheet as published: values, merged ranges, two-decimal money; each cell a finding is about
/// filled by its worst severity and carrying a note with the findings' messages.
fn table_sheet(
    ws: &mut Worksheet,
    g: &Grid,
    name: &str,
    findings: &[Finding],
    fmt: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let mut marks: BTreeMap<(u32, u16), (Severity, Vec<String>)> = BTreeMap::new();
    for f in findings {
        if *f.location.file != *g.file || f.location.sheet.as_deref() != Some(g.sheet.as_str()) {
            continue;
        }
        let Some((r, c)) = f.location.cell.as_deref().and_then(parse_a1) else {
            continue;
        };
        let e = marks.entry((r, c)).or_insert((f.severity, Vec::new()));
        e.0 = e.0.max(f.severity);
        e.1.push(format!(
            "[{} {}] {}",
            f.rule,
            f.severity.label(lang),
            f.message.get(lang)
        ));
    }
    let cell_format = |r: u32, c: u16, money: bool| -> Format {
        let base = if money {
            fmt.money.clone()
        } else {
            Format::new()
        };
        match marks.get(&(r, c)) {
            Some((s, _)) => base
                .set_background_color(fill(*s))
                .set_border(FormatBorder::Medium),
            None => base,
        }
    };
    let merged_first: Vec<(u32, u16)> = g
        .merges
        .iter()
        .map(|m| (m.first.0, m.first.1 as u16))
        .collect();
    let in_merge = |r: u32, c: u16| {
        g.merges.iter().any(|m| {
            m.first.0 <= r && r <= m.last.0 && u32::from(c) >= m.first.1 && u32::from(c) <= m.last.1
        })
    };
    for m in &g.merges {
        if m.first == m.last {
            continue;
        }
        let text = g.get(m.first.0 as usize, m.first.1 as usize).text();
        let f = cell_format(m.first.0, m.first.1 as u16, false)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap();
        // Overlapping ranges are a broken file's doing; the cells are still written below.
        let _ = ws.merge_range(
            m.first.0,
            m.first.1 as u16,
            m.last.0,
            m.last.1 as u16,
            &text,
            &f,
        );
    }
    let mut widths: HashMap<u16, usize> = HashMap::new();
    for (r, row) in g.rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r32, c16) = (r as u32, c as u16);
            if in_merge(r32, c16) && !merged_first.contains(&(r32, c16)) {
                continue;
            }
            match v {
                RawValue::Number(x) => {
                    ws.write_number_with_format(r32, c16, *x, &cell_format(r32, c16, true))?;
                    let w = widths.entry(c16).or_insert(0);
                    *w = (*w).max(12);
                }
                RawValue::Text(t) if !merged_first.contains(&(r32, c16)) => {
                    ws.write_string_with_format(r32, c16, t, &cell_format(r32, c16, false))?;
                    let w = widths.entry(c16).or_insert(0);
                    *w = (*w).max(
                        t.chars()
                            .map(|ch| if ch.is_ascii() { 1 } else { 2 })
                            .sum::<usize>()
                            .min(48),
                    );
                }
                RawValue::Empty if marks.contains_key(&(r32, c16)) => {
                    ws.write_blank(r32, c16, &cell_format(r32, c16, false))?;
                }
                _ => {}
            }
        }
    }
    for ((r, c), (_, messages)) in &marks {
        ws.insert_note(*r, *c, &Note::new(messages.join("\n")).set_author("gouji"))?;
    }
    for (c, w) in widths {
        ws.set_column_width(c, (w as f64 + 2.0).max(8.0))?;
    }
    Ok(())
}

fn parse_a1(a1: &str) -> Option<(u32, u16)> {
    let letters: String = a1.chars().take_while(|c| c.is_ascii_uppercase()).collect();
    let digits = &a1[letters.len()..];
    if letters.is_empty() || digits.is_empty() {
        return None;
    }
    let col = letters
        .chars()
        .fold(0u32, |n, c| n * 26 + (c as u32 - 'A' as u32 + 1))
        - 1;
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, u16::try_from(col).ok()?))
}

fn narrative_sheet(
    ws: &mut Worksheet,
    results: &[DocResult],
    fmt: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name("说明")?;
    heading_row(ws, &["文档", "页", "位置", "句子"], &fmt.header)?;
    let mut row = 1u32;
    for r in results {
        for n in r.document.iter().flat_map(|d| &d.narratives) {
            for s in &n.sentences {
                let about: Vec<&Finding> = r
                    .findings
                    .iter()
                    .filter(|f| {
                        *f.location.file == *n.file
                            && f.location
                                .span
                                .is_some_and(|(a, _)| s.span.0 <= a && a < s.span.1)
                    })
                    .collect();
                ws.write_string(row, 0, &n.file)?;
                if let Some(p) = s.page {
                    ws.write_number(row, 1, f64::from(p))?;
                }
                ws.write_string(row, 2, format!("{}..{}", s.span.0, s.span.1))?;
                let worst = about.iter().map(|f| f.severity).max();
                let f = match worst {
                    Some(sev) => fmt.text.clone().set_background_color(fill(sev)),
                    None => fmt.text.clone(),
                };
                ws.write_string_with_format(row, 3, &s.text, &f)?;
                if !about.is_empty() {
                    let text: Vec<String> = about
                        .iter()
                        .map(|f| {
                            format!(
                                "[{} {}] {}",
                                f.rule,
                                f.severity.label(lang),
                                f.message.get(lang)
                            )
                        })
                        .collect();
                    ws.insert_note(row, 3, &Note::new(text.join("\n")).set_author("gouji"))?;
                }
                row += 1;
            }
        }
    }
    ws.set_column_width(0, 30)?;
    ws.set_column_width(3, 100)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn data_sheet(ws: &mut Worksheet, results: &[DocResult], fmt: &Formats) -> Result<(), XlsxError> {
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
    ws.autofilter(0, 0, row.max(1) - 1, headers.len() as u16 - 1)?;
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [
        (0u16, 30.0),
        (1, 20.0),
        (3, 30.0),
        (6, 30.0),
        (7, 20.0),
        (8, 16.0),
        (10, 22.0),
    ] {
        ws.set_column_width(c, w)?;
    }
    Ok(())
}

/// Native charts, each on a small block of its own data on the 图表 sheet, per document.
fn charts_sheet(ws: &mut Worksheet, results: &[DocResult], fmt: &Formats) -> Result<(), XlsxError> {
    ws.set_name("图表")?;
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
            if s.points.is_empty() {
                continue;
            }
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
                .set_categories(("图表", first, 0, last, 0))
                .set_values(("图表", first, 1, last, 1))
                .set_data_label(ChartDataLabel::new().show_value());
            chart.legend().set_hidden();
            ws.insert_chart(row, 3, &chart)?;
            row = (last + 2).max(row + 17);
        }
        let y = &c.year_on_year;
        if !y.points.is_empty() {
            for (col, h) in [(0u16, y.title), (1, "上年（万元）"), (2, "本年（万元）")]
            {
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
                    .set_categories(("图表", first, 0, last, 0))
                    .set_values(("图表", first, col, last, col))
                    .set_data_label(ChartDataLabel::new().show_value());
            }
            ws.insert_chart(row, 4, &chart)?;
            row = (last + 2).max(row + 17);
        }
        row += 1;
    }
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 14)?;
    Ok(())
}
