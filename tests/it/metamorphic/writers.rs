//! Writers for the layouts: .xlsx through rust_xlsxwriter, .ods as a minimal package written here
//! (mimetype, manifest and a content.xml whose merged cells are `number-columns-spanned` /
//! `number-rows-spanned` over covered cells, as LibreOffice writes them), and CSV.

use std::io::Write;
use std::path::{Path, PathBuf};

use gouji::read::{Merge, RawValue};
use rust_xlsxwriter::{Format, Workbook};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::layouts::Sheet;

/// The sheets as an .xlsx workbook, merged ranges included.
pub fn xlsx(path: &Path, sheets: &[Sheet]) -> PathBuf {
    let mut book = Workbook::new();
    let plain = Format::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name).unwrap();
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                match v {
                    RawValue::Number(n) => ws.write_number(r as u32, c as u16, *n).map(drop),
                    RawValue::Text(t) => ws.write_string(r as u32, c as u16, t).map(drop),
                    RawValue::Empty => Ok(()),
                }
                .unwrap();
            }
        }
        for m in &sheet.merges {
            let first = sheet.rows[m.first.0 as usize]
                .get(m.first.1 as usize)
                .map(RawValue::text)
                .unwrap_or_default();
            ws.merge_range(
                m.first.0,
                m.first.1 as u16,
                m.last.0,
                m.last.1 as u16,
                &first,
                &plain,
            )
            .unwrap();
        }
    }
    book.save(path).unwrap();
    path.to_path_buf()
}

fn escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn covering(merges: &[Merge], r: u32, c: u32) -> Option<&Merge> {
    merges
        .iter()
        .find(|m| (m.first.0..=m.last.0).contains(&r) && (m.first.1..=m.last.1).contains(&c))
}

fn ods_cell(out: &mut String, v: &RawValue, span: Option<&Merge>) {
    let spans = span.map_or(String::new(), |m| {
        format!(
            " table:number-columns-spanned=\"{}\" table:number-rows-spanned=\"{}\"",
            m.last.1 - m.first.1 + 1,
            m.last.0 - m.first.0 + 1
        )
    });
    match v {
        RawValue::Empty => out.push_str(&format!("<table:table-cell{spans}/>")),
        RawValue::Number(n) => out.push_str(&format!(
            "<table:table-cell{spans} office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"
        )),
        RawValue::Text(t) => out.push_str(&format!(
            "<table:table-cell{spans} office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
            escape(t)
        )),
    }
}

/// The sheets as an .ods package: merged ranges as spans over covered cells.
pub fn ods(path: &Path, sheets: &[Sheet]) -> PathBuf {
    let mut body = String::new();
    for sheet in sheets {
        body.push_str(&format!(
            "<table:table table:name=\"{}\">",
            escape(&sheet.name)
        ));
        let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0).max(
            sheet
                .merges
                .iter()
                .map(|m| m.last.1 as usize + 1)
                .max()
                .unwrap_or(0),
        );
        for (r, row) in sheet.rows.iter().enumerate() {
            body.push_str("<table:table-row>");
            for c in 0..width {
                let v = row.get(c).unwrap_or(&RawValue::Empty);
                match covering(&sheet.merges, r as u32, c as u32) {
                    Some(m) if m.first == (r as u32, c as u32) => ods_cell(&mut body, v, Some(m)),
                    Some(_) => body.push_str("<table:covered-table-cell/>"),
                    None => ods_cell(&mut body, v, None),
                }
            }
            body.push_str("</table:table-row>");
        }
        body.push_str("</table:table>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
</manifest:manifest>";
    let mut zip = ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
    path.to_path_buf()
}

fn csv_field(v: &RawValue) -> String {
    let t = v.text();
    if t.contains([',', '"', '\n']) {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t
    }
}

/// One sheet as CSV: text only, no merges.
pub fn csv(path: &Path, sheet: &Sheet) -> PathBuf {
    let text: String = sheet
        .rows
        .iter()
        .map(|row| row.iter().map(csv_field).collect::<Vec<_>>().join(",") + "\n")
        .collect();
    std::fs::write(path, text).unwrap();
    path.to_path_buf()
}
