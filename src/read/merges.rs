//! Merged ranges of an .xlsx, each sheet inflated only once.
//!
//! calamine reads a sheet's cells but not, in the same pass, its `<mergeCells>` (they follow the
//! cells, and asking calamine for them tokenises the sheet again). So each sheet's XML is
//! inflated here, its `<mergeCell ref="A1:C1"/>` elements found by a byte search, and the
//! package re-laid for calamine with those sheets *stored*: it reads them without inflating them
//! a second time. The workbook's own parts, inflated here to find the sheets, are stored too;
//! every other part of the package is copied as it is, still compressed.
//!
//! Since the package is re-laid anyway, calamine is also spared work whose results nothing reads:
//! the sheets lose their empty cells, and styles.xml everything but the number formats that tell
//! dates (see [`without_empty_cells`] and [`value_styles`] for when they are given whole).

use std::borrow::Cow;
use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::Merge;

/// A sheet whose XML inflates beyond this is left to calamine's streaming reader (and its merged
/// ranges to calamine too), so that a hostile package cannot make us hold gigabytes.
const MAX_SHEET_XML: u64 = 256 << 20;

/// A workbook package with its sheets inflated once.
pub struct Unpacked {
    /// The same package, its sheets stored rather than deflated, for calamine.
    pub package: Vec<u8>,
    /// (sheet name, merged ranges) for every sheet.
    pub merges: Vec<(String, Vec<Merge>)>,
}

/// `None` when the package is not laid out as expected; the caller then gives calamine the
/// original bytes and asks it for merged ranges.
pub fn unpack(bytes: &[u8]) -> Option<Unpacked> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let workbook = entry(&mut zip, "xl/workbook.xml")?;
    let rels = entry(&mut zip, "xl/_rels/workbook.xml.rels")?;
    let mut sheets = Vec::new();
    for tag in elements(&workbook, "<sheet ") {
        let name = unescape(attr(tag, "name")?);
        let id = attr(tag, "r:id")?;
        let rel = elements(&rels, "<Relationship ").find(|r| attr(r, "Id") == Some(id))?;
        let target = attr(rel, "Target")?;
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        };
        sheets.push((name, path));
    }
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len() * 4)));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let mut merges = Vec::new();
    for i in 0..zip.len() {
        let name = zip.name_for_index(i)?.ok()?.into_owned();
        // Already inflated here: stored, so that calamine need not inflate them again.
        let read_here = match name.as_str() {
            "xl/workbook.xml" => Some(Cow::Borrowed(workbook.as_str())),
            "xl/_rels/workbook.xml.rels" => Some(Cow::Borrowed(rels.as_str())),
            "xl/styles.xml" => {
                let xml = entry(&mut zip, &name)?;
                Some(Cow::Owned(value_styles(&xml).unwrap_or(xml)))
            }
            // Its colours only paint fonts, fills and borders: no value depends on it.
            "xl/theme/theme1.xml" => continue,
            _ => None,
        };
        if let Some(xml) = read_here {
            out.start_file(name, stored).ok()?;
            out.write_all(xml.as_bytes()).ok()?;
            continue;
        }
        match sheets.iter().find(|(_, path)| *path == name) {
            Some((sheet, _)) => {
                let f = zip.by_index(i).ok()?;
                if f.size() > MAX_SHEET_XML {
                    return None;
                }
                // Inflated straight into a buffer of the declared size; a package whose sizes
                // lie is left to calamine.
                let mut xml = vec![0; f.size() as usize];
                let mut f = f;
                f.read_exact(&mut xml).ok()?;
                if f.read(&mut [0]).ok()? != 0 {
                    return None;
                }
                merges.push((
                    sheet.clone(),
                    merged_ranges(std::str::from_utf8(&xml).ok()?),
                ));
                let xml = without_empty_cells(xml);
                out.start_file(name, stored).ok()?;
                out.write_all(&xml).ok()?;
            }
            None => out.raw_copy_file(zip.by_index_raw(i).ok()?).ok()?,
        }
    }
    // A sheet the workbook names but the package lacks: calamine will say so.
    if merges.len() != sheets.len() {
        return None;
    }
    Some(Unpacked {
        package: out.finish().ok()?.into_inner(),
        merges,
    })
}

/// The sheet's XML without its empty cells. A self-closing `<c r="B6" s="5"/>` holds no value: it
/// is a blank cell that carries only a style, a border most often, and in a bordered table half
/// the cells are such. calamine would parse each one to give nothing. The XML is given whole where
/// dropping cells could move others: a cell without its `r` takes its place from the cell before
/// it, and CDATA could hold text that merely looks like a cell.
fn without_empty_cells(xml: Vec<u8>) -> Vec<u8> {
    use memchr::memmem;
    if memmem::find(&xml, b"<![CDATA[").is_some() {
        return xml;
    }
    let mut kept = Vec::with_capacity(xml.len());
    let mut from = 0;
    // '<' cannot stand inside an attribute's value, so every match opens an element (or sits in
    // a comment, where dropping it changes nothing).
    for start in memmem::find_iter(&xml, b"<c ") {
        // A “<c ” inside the tag just dropped: the XML is broken, and calamine says how.
        if start < from {
            return xml;
        }
        let Some(len) = memchr::memchr(b'>', &xml[start..]) else {
            return xml;
        };
        let end = start + len + 1;
        let tag = &xml[start..end];
        if !tag.starts_with(b"<c r=\"") && memmem::find(tag, b" r=\"").is_none() {
            return xml;
        }
        if tag.ends_with(b"/>") {
            kept.extend_from_slice(&xml[from..start]);
            from = end;
        }
    }
    if from == 0 {
        return xml;
    }
    kept.extend_from_slice(&xml[from..]);
    kept
}

/// The `<mergeCell>` ranges of one sheet's XML: they sit after its cells, in `<mergeCells>`.
fn merged_ranges(xml: &str) -> Vec<Merge> {
    let Some(at) = xml.rfind("<mergeCells") else {
        return Vec::new();
    };
    // Split at each '<' (a byte search), not by a search for the whole tag per element.
    xml[at..]
        .split('<')
        .filter_map(|tag| {
            let tag = tag.strip_prefix("mergeCell")?;
            range(attr(tag.split('>').next()?, "ref")?)
        })
        .collect()
}

/// What calamine needs of styles.xml to read values: the number formats, and each cell format's
/// `numFmtId` (a date is told by its format). Fonts, fills and borders, and the theme that colours
/// them, cost calamine a parse per workbook (a twentieth of a batch) and change no value. `None`
/// when the stylesheet is not laid out as expected: it is then given whole.
fn value_styles(xml: &str) -> Option<String> {
    let root = xml.find("<styleSheet")?;
    let root_end = root + xml[root..].find('>')? + 1;
    if xml[..root_end].ends_with("/>") {
        return None;
    }
    let formats = block(xml, "numFmts");
    let xfs = block(xml, "cellXfs")?;
    let mut out = String::with_capacity(root_end + formats.map_or(0, str::len) + xfs.len());
    out.push_str(&xml[..root_end]);
    out.push_str(formats.unwrap_or_default());
    out.push_str("<cellXfs>");
    for xf in elements(xfs, "<xf").filter(|t| t[3..].starts_with([' ', '/']) || t.len() == 3) {
        match attr(xf, "numFmtId") {
            Some(id) => {
                out.push_str("<xf numFmtId=\"");
                out.push_str(id);
                out.push_str("\"/>");
            }
            None => out.push_str("<xf/>"),
        }
    }
    out.push_str("</cellXfs></styleSheet>");
    Some(out)
}

/// The element `<name …>…</name>` (or `<name …/>`), whole, where it first appears.
fn block<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let start = xml
        .match_indices(&open)
        .map(|(at, _)| at)
        .find(|&at| xml[at + open.len()..].starts_with([' ', '>', '/']))?;
    let open_end = start + xml[start..].find('>')? + 1;
    if xml[..open_end].ends_with("/>") {
        return Some(&xml[start..open_end]);
    }
    let close = format!("</{name}>");
    let end = open_end + xml[open_end..].find(&close)? + close.len();
    Some(&xml[start..end])
}

fn entry(zip: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let f = zip.by_name(name).ok()?;
    let mut s = String::with_capacity(f.size().min(1 << 20) as usize);
    f.take(MAX_SHEET_XML).read_to_string(&mut s).ok()?;
    Some(s)
}

/// The text of each element starting with `open` (up to its closing `>`).
fn elements<'a>(xml: &'a str, open: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let mut rest = xml;
    std::iter::from_fn(move || {
        let at = rest.find(open)?;
        let tail = &rest[at..];
        let end = tail.find('>')?;
        rest = &tail[end..];
        Some(&tail[..end])
    })
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        let rest = &tag[at + name.len()..];
        if tag[..at].ends_with(' ') {
            if let Some(value) = rest.strip_prefix("=\"") {
                return value.find('"').map(|end| &value[..end]);
            }
        }
        from = at + name.len();
    }
    None
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// "B3:D4" → rows 2..=3, cols 1..=3 (zero-based).
fn range(r: &str) -> Option<Merge> {
    let (a, b) = r.split_once(':').unwrap_or((r, r));
    let (r1, c1) = cell(a)?;
    let (r2, c2) = cell(b)?;
    Some(Merge {
        first: (r1.min(r2), c1.min(c2)),
        last: (r1.max(r2), c1.max(c2)),
    })
}

/// "$B$3" → (2, 1), zero-based.
fn cell(a1: &str) -> Option<(u32, u32)> {
    let (mut row, mut col, mut digits) = (0u32, 0u32, false);
    for b in a1.bytes() {
        match b {
            b'$' => {}
            b'A'..=b'Z' | b'a'..=b'z' if !digits => {
                let letter = (b.to_ascii_uppercase() - b'A') as u32 + 1;
                col = col.checked_mul(26)?.checked_add(letter)?;
            }
            b'0'..=b'9' => {
                digits = true;
                row = row.checked_mul(10)?.checked_add((b - b'0') as u32)?;
            }
            _ => return None,
        }
    }
    if !digits {
        return None;
    }
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One part of a package, inflated.
    fn part(package: &[u8], name: &str) -> String {
        let mut zip = ZipArchive::new(Cursor::new(package)).unwrap();
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    #[test]
    fn ranges_and_attributes() {
        assert_eq!(
            range("B3:D4"),
            Some(Merge {
                first: (2, 1),
                last: (3, 3)
            })
        );
        assert_eq!(
            range("AA10"),
            Some(Merge {
                first: (9, 26),
                last: (9, 26)
            })
        );
        assert_eq!(
            attr(
                r#"<sheet name="表1 &amp; 附" sheetId="1" r:id="rId1""#,
                "r:id"
            ),
            Some("rId1")
        );
        assert_eq!(attr(r#"<sheet name="id" id="7""#, "id"), Some("7"));
        assert_eq!(attr(r#"<sheet name="x""#, "id"), None);
        assert_eq!(unescape("表1 &amp; 附"), "表1 & 附");
        assert_eq!(cell("$B$3"), Some((2, 1)));
        assert_eq!(cell("b3"), Some((2, 1)));
        assert_eq!(cell("B"), None);
        assert_eq!(cell("3B"), None);
        assert_eq!(cell("A0"), None);
    }

    #[test]
    fn the_samples_merges_match_calamines() {
        use calamine::{open_workbook, Reader, Xlsx};
        let path = "samples/qiaocheng-hrss-2016/谯城区人社局-2016-决算公开表.xlsx";
        let bytes = std::fs::read(path).unwrap();
        let unpacked = unpack(&bytes).unwrap();
        let scanned = unpacked.merges;
        let mut book: Xlsx<_> = open_workbook(path).unwrap();
        assert_eq!(scanned.len(), book.sheet_names().len());
        for (name, merges) in &scanned {
            let theirs: Vec<Merge> = book
                .merge_cells_by_sheet_name(name)
                .unwrap()
                .into_iter()
                .map(|d| Merge {
                    first: d.start,
                    last: d.end,
                })
                .collect();
            assert_eq!(merges, &theirs, "{name}");
            assert!(!merges.is_empty());
        }
    }

    #[test]
    fn the_repacked_package_holds_the_same_cells_and_stores_its_sheets() {
        use calamine::{Reader, Xlsx};
        let bytes =
            std::fs::read("samples/qiaocheng-hrss-2016/谯城区人社局-2016-决算公开表.xlsx").unwrap();
        let unpacked = unpack(&bytes).unwrap();
        let mut before: Xlsx<_> = Xlsx::new(Cursor::new(&bytes[..])).unwrap();
        let mut after: Xlsx<_> = Xlsx::new(Cursor::new(&unpacked.package[..])).unwrap();
        assert_eq!(before.sheet_names(), after.sheet_names());
        for name in before.sheet_names() {
            let a = before.worksheet_range(&name).unwrap();
            let b = after.worksheet_range(&name).unwrap();
            assert_eq!(a, b, "{name}");
            assert!(a.used_cells().count() > 10, "{name}");
        }
        let mut zip = ZipArchive::new(Cursor::new(&unpacked.package[..])).unwrap();
        for part in ["xl/worksheets/sheet1.xml", "xl/workbook.xml"] {
            let stored = zip.by_name(part).unwrap().compression();
            assert_eq!(stored, CompressionMethod::Stored, "{part}");
        }
        let props = zip.by_name("docProps/app.xml").unwrap().compression();
        assert_eq!(props, CompressionMethod::Deflated);
        assert!(zip.by_name("xl/theme/theme1.xml").is_err());
    }

    /// Dates, times, percentages and custom formats are told by the cell formats calamine keeps;
    /// fonts, fills, borders and alignment are left out and change no value.
    #[test]
    fn cells_read_alike_with_only_the_formats_that_tell_values() {
        use calamine::{Data, Reader, Xlsx};
        use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let bold = Format::new().set_bold().set_border(FormatBorder::Thin);
        let money = Format::new()
            .set_num_format("#,##0.00")
            .set_align(FormatAlign::Right);
        let date = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
        let time = Format::new().set_num_format("hh:mm");
        let share = Format::new().set_num_format("0.0%").set_bold();
        sheet.write_with_format(0, 0, "收入", &bold).unwrap();
        sheet.write_with_format(0, 1, 3997.99, &money).unwrap();
        let day = ExcelDateTime::from_ymd(2024, 12, 31).unwrap();
        sheet.write_datetime_with_format(1, 0, &day, &date).unwrap();
        let noon = ExcelDateTime::from_hms(12, 30, 0).unwrap();
        sheet
            .write_datetime_with_format(1, 1, &noon, &time)
            .unwrap();
        sheet.write_with_format(2, 0, 0.992, &share).unwrap();
        sheet.write(2, 1, 45657).unwrap();
        let bytes = book.save_to_buffer().unwrap();

        let unpacked = unpack(&bytes).unwrap();
        let styles = part(&unpacked.package, "xl/styles.xml");
        assert!(!styles.contains("<font"), "{styles}");
        assert!(styles.contains("<numFmt "), "{styles}");

        let mut before: Xlsx<_> = Xlsx::new(Cursor::new(&bytes[..])).unwrap();
        let mut after: Xlsx<_> = Xlsx::new(Cursor::new(&unpacked.package[..])).unwrap();
        let a = before.worksheet_range("Sheet1").unwrap();
        let b = after.worksheet_range("Sheet1").unwrap();
        assert_eq!(a, b);
        assert!(matches!(b.get((1, 0)), Some(Data::DateTime(d)) if d.is_datetime()));
        assert!(matches!(b.get((2, 1)), Some(Data::Float(_))));
    }

    #[test]
    fn empty_cells_are_dropped_only_where_no_other_cell_can_move() {
        let kept =
            |xml: &str| String::from_utf8(without_empty_cells(xml.as_bytes().to_vec())).unwrap();
        assert_eq!(
            kept(
                r#"<row r="6"><c r="A6" s="4" t="s"><v>9</v></c><c r="B6" s="5"/><c r="C6" s="4"><v>1.5</v></c><c r="D6" s="5" /></row><cols><col min="1"/></cols>"#
            ),
            r#"<row r="6"><c r="A6" s="4" t="s"><v>9</v></c><c r="C6" s="4"><v>1.5</v></c></row><cols><col min="1"/></cols>"#
        );
        // Without `r`, C6 would take B6's place.
        let positional = r#"<row><c s="4"><v>9</v></c><c s="5"/><c s="4"><v>1.5</v></c></row>"#;
        assert_eq!(kept(positional), positional);
        let mixed = r#"<row><c r="A1" s="5"/><c s="4"><v>1</v></c></row>"#;
        assert_eq!(kept(mixed), mixed);
        let cdata = r#"<c r="A1"><is><t><![CDATA[<c r="B1"/>]]></t></is></c><c r="B1"/>"#;
        assert_eq!(kept(cdata), cdata);
        let r_later = r#"<c s="5" r="B1"/><c t="s" r="C1"><v>0</v></c>"#;
        assert_eq!(kept(r_later), r#"<c t="s" r="C1"><v>0</v></c>"#);
    }

    /// Blank bordered cells between and after values: the same cells, the same places, once
    /// dropped from the XML calamine reads.
    #[test]
    fn a_sheet_without_its_empty_cells_reads_the_same() {
        use calamine::{DataType, Reader, Xlsx};
        use rust_xlsxwriter::{Format, FormatBorder, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let boxed = Format::new().set_border(FormatBorder::Thin);
        for r in 0..6u32 {
            for c in 0..5u16 {
                sheet.write_blank(r, c, &boxed).unwrap();
            }
        }
        sheet.write_with_format(1, 0, "科目", &boxed).unwrap();
        sheet.write_with_format(1, 3, 3997.99, &boxed).unwrap();
        sheet.write_with_format(4, 4, "合计", &boxed).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let unpacked = unpack(&bytes).unwrap();
        let xml = part(&unpacked.package, "xl/worksheets/sheet1.xml");
        assert_eq!(xml.matches("<c ").count(), 3, "{xml}");

        let mut before: Xlsx<_> = Xlsx::new(Cursor::new(&bytes[..])).unwrap();
        let mut after: Xlsx<_> = Xlsx::new(Cursor::new(&unpacked.package[..])).unwrap();
        let cells = |book: &mut Xlsx<_>| {
            let mut reader = book.worksheet_cells_reader("Sheet1").unwrap();
            let mut found = Vec::new();
            while let Some(cell) = reader.next_cell().unwrap() {
                if !cell.get_value().is_empty() {
                    found.push((cell.get_position(), cell.get_value().as_string().unwrap()));
                }
            }
            found
        };
        let a = cells(&mut before);
        assert_eq!(a, cells(&mut after));
        assert_eq!(
            a,
            [
                ((1, 0), "科目".to_string()),
                ((1, 3), "3997.99".to_string()),
                ((4, 4), "合计".to_string())
            ]
        );
    }

    #[test]
    fn a_stylesheet_keeps_its_formats_and_each_cell_format_its_number_format() {
        let xml = r#"<?xml version="1.0"?><styleSheet xmlns="m"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="1"><font><b/></font></fonts><cellStyleXfs count="1"><xf numFmtId="9"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf fontId="1" numFmtId="164"><alignment horizontal="right"/></xf><xf fontId="0"/></cellXfs><cellStyles/></styleSheet>"#;
        assert_eq!(
            value_styles(xml).unwrap(),
            r#"<?xml version="1.0"?><styleSheet xmlns="m"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf/></cellXfs></styleSheet>"#
        );
        assert_eq!(
            value_styles("<x:styleSheet><x:cellXfs/></x:styleSheet>"),
            None
        );
        assert_eq!(
            block("<a><numFmts count=\"0\"/></a>", "numFmts"),
            Some("<numFmts count=\"0\"/>")
        );
    }

    #[test]
    fn a_package_that_is_not_a_workbook_is_left_to_calamine() {
        assert!(unpack(b"PK\x03\x04 not really a zip").is_none());
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        w.start_file("hello.txt", SimpleFileOptions::default())
            .unwrap();
        w.write_all(b"hi").unwrap();
        let zip = w.finish().unwrap().into_inner();
        assert!(unpack(&zip).is_none());
    }
}
