//! Merged ranges of an .ods workbook, which calamine does not give.
//!
//! An OpenDocument sheet records a merged range on its first cell
//! (`table:number-columns-spanned` / `table:number-rows-spanned`) and leaves `covered-table-cell`s
//! in its place; without them, a group heading printed once over its sub-columns (公务用车购置及
//! 运行费 over 小计 | 购置费 | 运行费) reaches none of them, and an item is taken for its neighbour.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::Merge;

/// content.xml beyond this is not read for merges (a 决算 workbook's is well under a megabyte).
const MAX_CONTENT: u64 = 64 << 20;

/// Each sheet's merged ranges, by sheet name; empty when the package holds no readable content.xml.
pub fn merges(bytes: &[u8]) -> Vec<(String, Vec<Merge>)> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Vec::new();
    };
    let Ok(entry) = zip.by_name("content.xml") else {
        return Vec::new();
    };
    let mut xml = String::new();
    if entry.take(MAX_CONTENT).read_to_string(&mut xml).is_err() {
        return Vec::new();
    }
    merges_in(&xml)
}

/// Where the reader is: the sheet, its row and the column of the next cell.
#[derive(Default)]
struct Cursor {
    row: u32,
    col: u32,
    row_repeat: u32,
}

fn merges_in(xml: &str) -> Vec<(String, Vec<Merge>)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out: Vec<(String, Vec<Merge>)> = Vec::new();
    let mut at = Cursor::default();
    loop {
        let (e, empty) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                if e.name().as_ref() == "table:table-row" {
                    at.row = at.row.saturating_add(at.row_repeat);
                }
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => continue,
        };
        match e.name().as_ref() {
            "table:table" => {
                out.push((attr(&e, "table:name").unwrap_or_default(), Vec::new()));
                at = Cursor::default();
            }
            "table:table-row" => {
                at.col = 0;
                at.row_repeat = number(&e, "table:number-rows-repeated").max(1);
                if empty {
                    at.row = at.row.saturating_add(at.row_repeat);
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let cols = number(&e, "table:number-columns-spanned");
                let rows = number(&e, "table:number-rows-spanned");
                if (cols > 1 || rows > 1) && e.name().as_ref() == "table:table-cell" {
                    if let Some((_, sheet)) = out.last_mut() {
                        sheet.push(Merge {
                            first: (at.row, at.col),
                            last: (
                                at.row.saturating_add(rows.max(1) - 1),
                                at.col.saturating_add(cols.max(1) - 1),
                            ),
                        });
                    }
                }
                let repeat = number(&e, "table:number-columns-repeated").max(1);
                at.col = at.col.saturating_add(repeat);
            }
            _ => {}
        }
    }
    out
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            quick_xml::escape::unescape(&a.value)
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
        })
}

/// A count attribute, 0 when absent or unreadable; capped so that a hostile file cannot overflow.
fn number(e: &BytesStart, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(0)
        .min(1 << 20)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_become_merges_counting_repeated_rows_and_cells() {
        let xml = r#"<office:spreadsheet><table:table table:name="表7">
<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2"/>
<table:table-cell table:number-columns-spanned="6" table:number-rows-spanned="1"><text:p>公务用车购置及运行费</text:p></table:table-cell>
<table:covered-table-cell table:number-columns-repeated="5"/>
<table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="2"/><table:covered-table-cell/></table:table-row>
</table:table><table:table table:name="B"><table:table-row><table:table-cell/></table:table-row></table:table>
</office:spreadsheet>"#;
        let m = merges_in(xml);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].0, "表7");
        assert_eq!(
            m[0].1,
            vec![
                Merge {
                    first: (2, 2),
                    last: (2, 7)
                },
                Merge {
                    first: (2, 8),
                    last: (3, 9)
                }
            ]
        );
        assert!(m[1].1.is_empty());
    }
    #[test]
    fn a_broken_package_or_content_gives_no_merges() {
        assert!(merges(b"PK\x03\x04 not a zip").is_empty());
        assert!(merges(b"").is_empty());
        let cut = r#"<table:table table:name="A"><table:table-row><table:table-cell table:number-columns-spanned="99999999999"#;
        assert_eq!(merges_in(cut), vec![("A".to_string(), Vec::new())]);
        let huge = r#"<table:table table:name="A"><table:table-row table:number-rows-repeated="4294967295"/><table:table-row><table:table-cell table:number-rows-spanned="4294967295"/></table:table-row></table:table>"#;
        let m = merges_in(huge);
        assert_eq!(m[0].1.len(), 1, "{m:?}");
    }
}
