//! The metamorphic suite (issue 20 §5): the samples laid out as departments publish them —
//! merged or unmerged headers, group headings, flattened headers, 行次 before 项目, a 总表's halves
//! stacked, 栏次 rows present or absent, codes split over 类/款/项, amounts as text or in 元 / 万元,
//! one sheet for all tables or one per table, one CSV per table in a folder, .ods — must give the
//! same tables, the same number of relations verified and the same findings as the original; and
//! one planted change must be reported at its cell in every layout. The 财政局 sample (9 tables on
//! one sheet, 元, 166 relations) and the 人社局 sample (7 sheets, 万元, 222 relations) are each
//! changed the other way round where they differ.

mod layouts;
mod writers;

use std::path::{Path, PathBuf};

use gouji::check::Severity;
use gouji::model::CellRef;
use gouji::read::{read_tables, RawValue};
use gouji::recognise::text::{amount, AmountText};
use gouji::run::{check_paths, DocResult};
use rust_decimal::Decimal;

use super::common::Scratch;
use super::samples::{PUTUO, QIAOCHENG};
use layouts::{Piece, Sheet};

/// How a layout is saved.
#[derive(Clone, Copy, Debug)]
enum Saved {
    /// One .xlsx workbook.
    Xlsx,
    /// One .ods workbook.
    Ods,
    /// One CSV per sheet, in one folder, each named with department, year and its table.
    Csv,
}

/// A layout: a change of form, one sheet for all tables or one per table, and a format.
struct Layout {
    name: &'static str,
    change: fn(&mut [Piece]),
    per_table: bool,
    saved: Saved,
}

impl Layout {
    /// Every table on one sheet of an .xlsx.
    const fn sheet(name: &'static str, change: fn(&mut [Piece])) -> Layout {
        Layout {
            name,
            change,
            per_table: false,
            saved: Saved::Xlsx,
        }
    }

    /// One table per sheet of an .xlsx.
    const fn tables(name: &'static str, change: fn(&mut [Piece])) -> Layout {
        Layout {
            per_table: true,
            ..Layout::sheet(name, change)
        }
    }

    /// The same, saved otherwise.
    const fn saved(self, saved: Saved) -> Layout {
        Layout { saved, ..self }
    }
}

fn none(_: &mut [Piece]) {}

/// The 财政局 sample's layouts.
const LAYOUTS: &[Layout] = &[
    Layout::sheet("rewritten", none),
    Layout::tables("per-table sheets", none),
    Layout::sheet("unmerged headers", layouts::unmerged),
    Layout::sheet("text amounts with separators", |p| {
        layouts::amounts(p, layouts::with_separators)
    }),
    Layout::sheet("万元", layouts::in_wan),
    Layout::tables("split codes", layouts::split_codes),
    Layout::sheet("group headings", layouts::group_headings),
    Layout::sheet("group headings unmerged", |p| {
        layouts::group_headings(p);
        layouts::unmerged(p);
    }),
    Layout::sheet("flattened with -", |p| {
        layouts::group_headings(p);
        layouts::flattened(p, "-");
    }),
    Layout::tables("flattened with _", |p| {
        layouts::group_headings(p);
        layouts::flattened(p, "_");
    }),
    Layout::sheet("行次 first", layouts::line_numbers_first),
    Layout::sheet("one-row headers", layouts::lowest_headings),
    Layout::sheet("stacked 总表", |p| layouts::stacked(p, true)),
    Layout::sheet(
        "总表 halves one after the other, each titled",
        layouts::halves_apart,
    ),
    Layout::sheet("stacked 总表 without 收入/支出 rows", |p| {
        layouts::stacked(p, false)
    }),
    Layout::sheet(
        "stacked 总表 without 收入/支出 rows, 行次 first",
        |p| {
            layouts::line_numbers_first(p);
            layouts::stacked(p, false);
        },
    ),
    Layout::tables("stacked 总表 with 行次 first, per-table CSV", |p| {
        layouts::line_numbers_first(p);
        layouts::stacked(p, true);
    })
    .saved(Saved::Csv),
    Layout::sheet(
        "a group heading over some columns",
        layouts::partial_group_headings,
    ),
    Layout::sheet("a group heading over some columns, unmerged", |p| {
        layouts::partial_group_headings(p);
        layouts::unmerged(p);
    }),
    Layout::sheet("栏次 rows", layouts::column_numbers),
    Layout::sheet("ods", none).saved(Saved::Ods),
    Layout::tables("ods group headings", layouts::group_headings).saved(Saved::Ods),
    Layout::tables("csv per table", none).saved(Saved::Csv),
    Layout::tables(
        "csv per table, group headings, split codes, text amounts",
        |p| {
            layouts::group_headings(p);
            layouts::split_codes(p);
            layouts::amounts(p, layouts::with_separators);
        },
    )
    .saved(Saved::Csv),
];

/// The 人社局 sample's layouts: its one-sheet-per-table form changed the other way round.
const QIAOCHENG_LAYOUTS: &[Layout] = &[
    Layout::tables("rewritten", none),
    Layout::sheet("one sheet", none),
    Layout::tables("unmerged headers", layouts::unmerged),
    Layout::tables("元", layouts::in_yuan),
    Layout::tables("text amounts with separators", |p| {
        layouts::amounts(p, layouts::with_separators)
    }),
    Layout::tables("no 栏次 rows", layouts::without_column_numbers),
    Layout::tables("行次 before 项目", layouts::line_numbers_moved_first),
    Layout::tables("one-row headers", layouts::lowest_headings),
    Layout::tables("flattened with -", |p| layouts::flattened(p, "-")),
    Layout::tables("ods", none).saved(Saved::Ods),
    Layout::tables("csv per table", none).saved(Saved::Csv),
    Layout::tables("csv per table, no 栏次 rows, 行次 first", |p| {
        layouts::without_column_numbers(p);
        layouts::line_numbers_moved_first(p);
    })
    .saved(Saved::Csv),
];

/// A sample, the layouts it is laid out in, and the figure planted in it.
struct Source {
    path: &'static str,
    /// Department and year, as the files written are named.
    named: &'static str,
    relations: usize,
    layouts: &'static [Layout],
    /// The planted change: a figure of the 一般公共预算财政拨款支出决算表 as printed, and what
    /// it is changed to.
    planted: (&'static str, &'static str),
}

/// The 财政局 sample, 9 tables on one sheet in 元.
const PUTUO_SOURCE: Source = Source {
    path: PUTUO,
    named: "普陀区财政局-2024",
    relations: 166,
    layouts: LAYOUTS,
    // 行政运行: 15,118,900 元 printed as 15,128,900 (+1 万元), so that its row no longer adds up
    // (15,035,200 + 83,700 = 15,118,900).
    planted: ("15118900", "15128900"),
};

/// The 人社局 sample: 7 tables, one per sheet, in 万元, codes over 类/款/项, 行次 after 项目,
/// 栏次 rows.
const QIAOCHENG_SOURCE: Source = Source {
    path: QIAOCHENG,
    named: "谯城区人社局-2016",
    relations: 222,
    layouts: QIAOCHENG_LAYOUTS,
    // 行政单位医疗: 1,849.03 万元 printed as 1,859.03, so that 20 + 1,829.03 no longer makes it.
    planted: ("1849.03", "1859.03"),
};

/// The layout written into `dir`; the sheets as written (a CSV's sheet is its file's stem).
fn write(source: &Source, layout: &Layout, pieces: &[Piece], dir: &Path) -> Vec<Sheet> {
    let mut sheets = if layout.per_table {
        layouts::per_table(pieces)
    } else {
        layouts::one_sheet("部门决算公开表", pieces)
    };
    let stem = format!("{}-决算公开表", source.named);
    match layout.saved {
        Saved::Xlsx => drop(writers::xlsx(&dir.join(format!("{stem}.xlsx")), &sheets)),
        Saved::Ods => drop(writers::ods(&dir.join(format!("{stem}.ods")), &sheets)),
        Saved::Csv => {
            for (sheet, piece) in sheets.iter_mut().zip(pieces) {
                sheet.name = format!("{}-{}-{}", source.named, sheet.name, piece.kind.title());
                writers::csv(&dir.join(format!("{}.csv", sheet.name)), sheet);
            }
        }
    }
    sheets
}

fn original(source: &Source) -> Vec<Piece> {
    let read = read_tables(Path::new(source.path)).unwrap();
    read.grids.iter().flat_map(layouts::pieces).collect()
}

/// What must not change with the layout: each table's kind, side, column keys, lines and codes;
/// the number of relations verified; each finding's rule, severity, table and figures (in 元).
#[derive(Debug, PartialEq)]
struct Outcome {
    tables: Vec<String>,
    checked: usize,
    findings: Vec<String>,
}

fn outcome(r: &DocResult) -> Outcome {
    let doc = r.document.as_ref().expect("read");
    let tables = doc
        .tables
        .iter()
        .map(|t| {
            let keys: Vec<_> = t.columns.iter().map(|c| c.key).collect();
            let lines: Vec<_> = t.rows.iter().map(|r| (r.line, r.code.clone())).collect();
            format!("{:?} {:?} {keys:?} {lines:?}", t.kind, t.side)
        })
        .collect();
    let mut findings: Vec<String> = r
        .findings
        .iter()
        .map(|f| {
            let yuan = |d: Option<Decimal>| {
                d.map(|d| (d * f.unit.map_or(Decimal::ONE, |u| u.factor())).normalize())
            };
            format!(
                "{} {:?} {:?} {:?} {:?} {:?}",
                f.rule,
                f.severity,
                f.table,
                yuan(f.expected),
                yuan(f.actual),
                yuan(f.difference)
            )
        })
        .collect();
    findings.sort();
    Outcome {
        tables,
        checked: r.checked.len(),
        findings,
    }
}

fn check_dir(dir: &Path) -> DocResult {
    let mut docs = check_paths(&[PathBuf::from(dir)]);
    assert_eq!(docs.len(), 1, "one document in {}", dir.display());
    docs.remove(0)
}

/// Each layout of the source checked against the source itself.
fn same_as_the_original(source: &Source) {
    let want = outcome(&gouji::run::check_file(Path::new(source.path)));
    assert_eq!(want.checked, source.relations);
    let mut wrong = Vec::new();
    for layout in source.layouts {
        let dir = Scratch::new("layout");
        let mut pieces = original(source);
        (layout.change)(&mut pieces);
        write(source, layout, &pieces, &dir);
        let got = outcome(&check_dir(&dir));
        if got != want {
            wrong.push(describe(layout.name, &want, &got));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn every_layout_of_the_finance_bureau_reads_as_the_original() {
    same_as_the_original(&PUTUO_SOURCE);
}

#[test]
fn every_layout_of_the_hrss_bureau_reads_as_the_original() {
    same_as_the_original(&QIAOCHENG_SOURCE);
}

/// What a layout changed, in a few lines.
fn describe(name: &str, want: &Outcome, got: &Outcome) -> String {
    let mut out = format!("{name}: {} relations (want {})", got.checked, want.checked);
    for (w, g) in want.tables.iter().zip(&got.tables) {
        if w != g {
            out += &format!("\n  table want {w}\n        got  {g}");
        }
    }
    if want.tables.len() != got.tables.len() {
        out += &format!(
            "\n  {} tables (want {})",
            got.tables.len(),
            want.tables.len()
        );
    }
    for f in got.findings.iter().filter(|f| !want.findings.contains(f)) {
        out += &format!("\n  + {f}");
    }
    for f in want.findings.iter().filter(|f| !got.findings.contains(f)) {
        out += &format!("\n  - {f}");
    }
    out
}

fn plant(source: &Source, pieces: &mut [Piece]) {
    let p = pieces
        .iter_mut()
        .find(|p| p.kind == gouji::model::TableKind::GeneralBudgetExpenditure)
        .unwrap();
    let cell = p
        .rows
        .iter_mut()
        .flatten()
        .find(|v| v.text() == source.planted.0)
        .unwrap();
    *cell = RawValue::Number(source.planted.1.parse().unwrap());
}

/// Where the planted figure was written, in whatever unit: sheet and cell.
fn planted_at(source: &Source, sheets: &[Sheet]) -> (String, String) {
    let planted: Decimal = source.planted.1.parse().unwrap();
    let wan = Decimal::from(10_000);
    for s in sheets {
        for (r, row) in s.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let value = match v {
                    RawValue::Number(n) => Decimal::try_from(*n).ok(),
                    RawValue::Text(t) => match amount(t) {
                        AmountText::Figure(d) => Some(d),
                        _ => None,
                    },
                    RawValue::Empty => None,
                };
                if value.is_some_and(|d| [d, d * wan, d / wan].contains(&planted)) {
                    return (s.name.clone(), CellRef::new(r as u32, c as u32).a1());
                }
            }
        }
    }
    panic!("the planted figure was not written")
}

/// The planted change, in every layout of the source, is an error naming its cell.
fn planted_change_found(source: &Source) {
    let mut missed = Vec::new();
    for layout in source.layouts {
        let dir = Scratch::new("planted");
        let mut pieces = original(source);
        plant(source, &mut pieces);
        (layout.change)(&mut pieces);
        let sheets = write(source, layout, &pieces, &dir);
        let (sheet, cell) = planted_at(source, &sheets);
        let r = check_dir(&dir);
        let found = r.findings.iter().any(|f| {
            f.severity == Severity::Error
                && f.places().any(|l| {
                    l.sheet.as_deref() == Some(sheet.as_str()) && l.cell.as_deref() == Some(&cell)
                })
        });
        if !found {
            missed.push(format!("{}: nothing at {sheet}!{cell}", layout.name));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn a_planted_change_is_found_at_its_cell_in_every_layout_of_the_finance_bureau() {
    planted_change_found(&PUTUO_SOURCE);
}

#[test]
fn a_planted_change_is_found_at_its_cell_in_every_layout_of_the_hrss_bureau() {
    planted_change_found(&QIAOCHENG_SOURCE);
}
