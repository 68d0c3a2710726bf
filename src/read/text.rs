//! Narrative readers: .txt/.md (UTF-8 or GBK), .html and .docx, each giving plain text in
//! reading order with the character offsets where pages start.

use std::path::Path;

use super::{decode_text, extension, ReadError};

pub use super::html::html_text;

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
/// .docx, tables included (to read a page's tables as grids, see [`super::read_page`]).
pub fn read_text(path: &Path) -> Result<TextDoc, ReadError> {
    let file = path.display().to_string();
    let text = if super::is_page_file(path) {
        super::read_page(path, super::Tables::Text)?.text
    } else {
        decode_text(&super::read_bytes(path)?)
    };
    if text.trim().is_empty() {
        return Err(ReadError::Empty { file });
    }
    Ok(TextDoc::new(&file, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_start_after_form_feeds() {
        let d = TextDoc::new("x.txt", "第一页\u{c}第二页".into());
        assert_eq!(d.page_of(0), Some(1));
        assert_eq!(d.page_of(5), Some(2));
    }
}
