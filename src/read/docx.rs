//! The Word reader (.docx): its paragraphs as text, its `w:tbl` tables of figures as grids, merged
//! cells included (`w:gridSpan` across, `w:vMerge` down, `w:gridBefore` for a row starting late).

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::html::decode_entities;
use super::tables::{Page, PageBuilder, Spans, Tables};
use super::ReadError;

/// Reads a Word document's bytes: its tables (as grids or as text) and its text. A package that
/// cannot be opened is `Corrupt`, with the reason.
pub fn read_docx(bytes: &[u8], file: &str, tables: Tables) -> Result<Page, ReadError> {
    let corrupt = |reason: String| ReadError::Corrupt {
        file: file.to_string(),
        reason,
    };
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| corrupt(e.to_string()))?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|e| corrupt(format!("word/document.xml: {e}")))?
        .read_to_string(&mut xml)
        .map_err(|e| corrupt(e.to_string()))?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut b = PageBuilder::new(file, Spans::Continued, tables);
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                in_text |= e.name().as_ref() == "w:t";
                element(&mut b, &e);
            }
            Ok(Event::Empty(e)) => element(&mut b, &e),
            Ok(Event::End(e)) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => b.line_end(),
                "w:tc" => b.end_cell(),
                "w:tr" => b.end_row(),
                "w:tbl" => b.end_table(),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                b.text(&decode_entities(t.as_ref()));
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                let name: &str = r.as_ref();
                b.text(&decode_entities(&format!("&{name};")));
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(corrupt(format!("word/document.xml: {e}"))),
            _ => {}
        }
    }
    Ok(b.finish())
}

/// What an opening or empty element does: tables, rows, cells and their spans; tabs and breaks.
fn element(b: &mut PageBuilder, e: &BytesStart<'_>) {
    match e.name().as_ref() {
        "w:tbl" => b.start_table(),
        "w:tr" => b.start_row(),
        "w:tc" => b.start_cell(1, 1),
        "w:gridSpan" => b.cell_span(val(e).and_then(|v| v.parse().ok()), None),
        // `w:vMerge` alone, or `w:val="continue"`, continues the cell above; "restart" starts one.
        "w:vMerge" => b.cell_span(None, Some(val(e).as_deref() != Some("restart"))),
        // A row that starts a few grid columns in: as many empty columns first.
        "w:gridBefore" => {
            if let Some(n) = val(e).and_then(|v| v.parse::<usize>().ok()) {
                b.start_cell(n, 1);
                b.end_cell();
            }
        }
        "w:tab" => b.text("\t"),
        "w:br" | "w:cr" => b.line_end(),
        _ => {}
    }
}

/// An element's `w:val`.
fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == "w:val")
        .map(|a| a.value.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::RawValue;
    use std::io::Write;

    fn docx(body: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#
        );
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    fn p(t: &str) -> String {
        format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>")
    }

    fn tc(props: &str, t: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(t))
    }

    #[test]
    fn merged_cells_become_merges_and_the_paragraph_above_the_title() {
        let body = format!(
            "{}{}<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr></w:tbl>{}",
            p("说明第一段。"),
            p("收入决算表"),
            tc(r#"<w:vMerge w:val="restart"/>"#, "项目"),
            tc(r#"<w:gridSpan w:val="2"/>"#, "本年收入"),
            tc("<w:vMerge/>", ""),
            tc("", "财政拨款"),
            tc("", "其他"),
            tc("", "3,997.99"),
            tc("", "31.36"),
            p("说明第二段。"),
        );
        let page = read_docx(&docx(&body), "说明.docx", Tables::Grids).unwrap();
        let g = &page.grids[0];
        let text = |s: &str| RawValue::Text(s.into());
        assert_eq!(g.rows[0], vec![text("收入决算表")]);
        assert_eq!(
            g.rows[2],
            vec![RawValue::Empty, text("财政拨款"), text("其他")]
        );
        assert_eq!(
            g.rows[3],
            vec![RawValue::Empty, text("3,997.99"), text("31.36")]
        );
        let spans: Vec<_> = g.merges.iter().map(|m| (m.first, m.last)).collect();
        assert_eq!(spans, vec![((1, 0), (2, 0)), ((1, 1), (1, 2))]);
        assert!(page.text.contains("说明第一段。") && page.text.contains("说明第二段。"));
        assert!(!page.text.contains("3,997.99"));
    }

    #[test]
    fn a_broken_word_document_is_corrupt_with_its_reason() {
        match read_docx(b"PK\x03\x04junk", "说明.docx", Tables::Text) {
            Err(ReadError::Corrupt { file, reason }) => {
                assert_eq!(file, "说明.docx");
                assert!(reason.contains("Zip"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
    }
}
