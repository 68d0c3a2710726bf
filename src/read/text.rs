//! Narrative readers: .txt/.md (UTF-8 or GBK), .html and .docx, each giving plain text in
//! reading order with the character offsets where pages start.

use std::io::Read;
use std::path::Path;

use quick_xml::events::Event;

use super::{decode_text, extension, ReadError};

/// A narrative as plain text. Offsets are in characters, not bytes, so that spans name what a
/// person counts.
#[derive(Clone, Debug, PartialEq)]
pub struct TextDoc {
    /// The file the text was read from.
    pub file: String,
    /// The text, with form feeds where pages break.
    pub text: String,
    /// Character offsets where pages 2, 3 … start (a form feed in extracted text); empty when
    /// the text has no pages.
    pub page_starts: Vec<usize>,
    /// True when the text comes from pages (a PDF), even a single one.
    pub paged: bool,
}

impl TextDoc {
    /// A text of a file, its pages found at its form feeds.
    pub fn new(file: &str, text: String) -> TextDoc {
        let page_starts: Vec<usize> = text
            .chars()
            .enumerate()
            .filter(|(_, c)| *c == '\u{c}')
            .map(|(i, _)| i + 1)
            .collect();
        TextDoc {
            file: file.to_string(),
            text,
            paged: !page_starts.is_empty(),
            page_starts,
        }
    }

    /// Text read from printed pages, separated by form feeds.
    pub fn paged(file: &str, text: String) -> TextDoc {
        TextDoc {
            paged: true,
            ..TextDoc::new(file, text)
        }
    }

    /// The page (from 1) a character offset is on, when the text has pages.
    pub fn page_of(&self, offset: usize) -> Option<u32> {
        if !self.paged {
            return None;
        }
        Some(1 + self.page_starts.iter().filter(|&&s| s <= offset).count() as u32)
    }
}

/// The formats gouji takes as narratives: .txt, .md, .html, .htm, .docx.
pub fn is_text_file(path: &Path) -> bool {
    matches!(
        extension(path).as_str(),
        "txt" | "md" | "html" | "htm" | "docx"
    )
}

/// Reads a narrative file as text: UTF-8 or GB18030, HTML without its markup, the paragraphs of a
/// .docx.
pub fn read_text(path: &Path) -> Result<TextDoc, ReadError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    let text = match extension(path).as_str() {
        "html" | "htm" => html_text(&decode_text(&bytes)),
        "docx" => docx_text(&bytes, &file)?,
        _ => decode_text(&bytes),
    };
    if text.trim().is_empty() {
        return Err(ReadError::Empty { file });
    }
    Ok(TextDoc::new(&file, text))
}

/// The text of an HTML page: block ends become line breaks, table cells tabs; scripts, styles
/// and tags go; entities are decoded.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&source_breaks(&rest[..lt])));
        let after = &rest[lt..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after[1..gt].trim().to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &after[gt + 1..];
        if !tag.starts_with('/') && (name == "script" || name == "style") {
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = lower.find(&close).map_or("", |i| &rest[i..]);
            continue;
        }
        match name.as_str() {
            "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            | "table" | "section" => out.push('\n'),
            "td" | "th" if tag.starts_with('/') => out.push('\t'),
            _ => {}
        }
    }
    out.push_str(&decode_entities(&source_breaks(rest)));
    out
}

/// Line breaks in an HTML page's source are no line breaks on the page: a run of white space
/// that holds one goes, as a browser drops it, at the edge of a tag or next to a CJK character,
/// and is one space between two ASCII words.
fn source_breaks(text: &str) -> String {
    if !text.contains(['\n', '\r']) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_whitespace() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let run = &chars[start..i];
        if !run.iter().any(|c| matches!(c, '\n' | '\r')) {
            out.extend(run);
            continue;
        }
        let ascii_both =
            start > 0 && i < chars.len() && chars[start - 1].is_ascii() && chars[i].is_ascii();
        if ascii_both {
            out.push(' ');
        }
    }
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &after[1..e];
            let c = match ent {
                "nbsp" => Some(' '),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                    u32::from_str_radix(&ent[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of a Word document: paragraphs as lines, table cells separated by tabs. A package
/// that cannot be opened is `Corrupt`, with the reason.
fn docx_text(bytes: &[u8], file: &str) -> Result<String, ReadError> {
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
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if name(e.name()) == "w:t" => in_text = true,
            Ok(Event::End(e)) => match name(e.name()) {
                x if x == "w:t" => in_text = false,
                x if x == "w:p" || x == "w:tr" => out.push('\n'),
                x if x == "w:tc" => out.push('\t'),
                _ => {}
            },
            Ok(Event::Empty(e)) => match name(e.name()) {
                x if x == "w:tab" => out.push('\t'),
                x if x == "w:br" || x == "w:cr" => out.push('\n'),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                let raw = t.as_ref().to_string();
                out.push_str(&decode_entities(&raw));
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                out.push_str(&decode_entities(&format!("&{};", r.as_ref() as &str)));
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(corrupt(format!("word/document.xml: {e}"))),
            _ => {}
        }
    }
    Ok(out)
}

fn name(q: quick_xml::name::QName<'_>) -> String {
    q.into_inner().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_blocks_become_lines_and_entities_decode() {
        let t = html_text(
            "<html><style>p{}</style><p>本年收入合计3,997.99万元&nbsp;其中：</p><table><tr><td>合计</td><td>1&amp;2</td></tr></table><script>var a=1;</script>",
        );
        assert!(t.contains("本年收入合计3,997.99万元 其中："), "{t}");
        assert!(t.contains("合计\t1&2\t"), "{t}");
        assert!(!t.contains("var a"));
    }

    #[test]
    fn source_line_breaks_are_not_page_line_breaks() {
        let t = html_text("<p>\n  本年收入合计2946.25万元，其中：\n  财政拨款收入2940.05万元<br>\n其他 收入\n6.2万元</p>\n<p>see\nmore</p>");
        assert_eq!(
            t,
            "\n本年收入合计2946.25万元，其中：财政拨款收入2940.05万元\n其他 收入6.2万元\n\nsee more\n"
        );
    }

    #[test]
    fn a_broken_word_document_is_corrupt_with_its_reason() {
        match docx_text(b"PK\x03\x04junk", "说明.docx") {
            Err(ReadError::Corrupt { file, reason }) => {
                assert_eq!(file, "说明.docx");
                assert!(reason.contains("Zip"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn pages_start_after_form_feeds() {
        let d = TextDoc::new("x.txt", "第一页\u{c}第二页".into());
        assert_eq!(d.page_of(0), Some(1));
        assert_eq!(d.page_of(5), Some(2));
    }
}
