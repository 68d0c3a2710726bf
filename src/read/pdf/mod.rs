//! PDF with a text layer: every glyph with its position, and the ruling lines tables are drawn
//! with, turned into the pages' text lines and ruled tables.
//!
//! The reader knows geometry, not 决算: a ruled table is a set of connected ruling lines, its
//! cells are the spaces between them, and a cell whose border is not drawn is merged with its
//! neighbour. Which tables are 决算 tables, and where the narrative is, recognition decides.
//!
//! pdf_oxide gives the glyphs exactly (measured on the real Putuo documents: every decimal as
//! printed); its own text and table extraction split numbers and miss tables, so rows and columns
//! are rebuilt here from positions.

mod cells;
mod geometry;
mod lines;
mod rulings;

use std::fmt;
use std::panic::AssertUnwindSafe;

use super::guard::guarded;
use std::path::Path;

use pdf_oxide::document::PdfDocument;

pub use cells::{RuledTable, TableCell, TableRow};
pub use geometry::Glyph;
pub use lines::{Run, TextLine};
pub use rulings::Segment;

use super::ReadError;

/// One page: the text lines outside ruled tables, in reading order (top to bottom).
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// From 1, as printed by a PDF viewer.
    pub number: u32,
    /// Its text lines outside ruled tables, top to bottom.
    pub lines: Vec<TextLine>,
}

/// A PDF as the reader sees it: pages of text lines and the ruled tables, a table continued over
/// a page break joined into one.
#[derive(Clone, Debug, Default)]
pub struct PdfDoc {
    /// The file, as given.
    pub file: String,
    /// Its pages, in order.
    pub pages: Vec<Page>,
    /// Its ruled tables, in reading order; a table continued over a page break is one.
    pub tables: Vec<RuledTable>,
    /// Pages that could not be read, or that have no text layer.
    pub problems: Vec<ReadError>,
}

/// Reads a PDF. Fails for a file that is not a PDF, is damaged beyond reading, needs a password,
/// or has no text layer at all; a page that cannot be read is a problem, and the other pages are
/// still read.
pub fn read_pdf(path: &Path) -> Result<PdfDoc, ReadError> {
    read_pdf_with(path, Rulings::Used)
}

/// Whether ruling lines are used to rebuild tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rulings {
    /// Tables are rebuilt from the lines they are drawn with.
    Used,
    /// Read as if no rulings were drawn, as tables printed without lines are: every glyph is
    /// then in a text line, and recognition rebuilds tables from the lines' positions.
    Ignored,
}

/// Reads the PDF at `path`, with or without its rulings (see [`read_pdf`]).
pub fn read_pdf_with(path: &Path, rulings: Rulings) -> Result<PdfDoc, ReadError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    read_pdf_bytes(&file, bytes, rulings)
}

/// Reads a PDF already in memory; `file` names it in every problem (see [`read_pdf`]).
pub fn read_pdf_bytes(file: &str, bytes: Vec<u8>, rulings: Rulings) -> Result<PdfDoc, ReadError> {
    let corrupt = |reason: String| ReadError::Corrupt {
        file: file.to_string(),
        reason,
    };
    let doc = open(file, bytes)?;
    let count = guarded(AssertUnwindSafe(|| doc.page_count()))
        .map_err(|_| corrupt("无法读取页数".into()))?
        .map_err(|e| corrupt(e.to_string()))?;
    if count == 0 {
        return Err(ReadError::Empty {
            file: file.to_string(),
        });
    }
    let read = read_pages(&doc, file, count, rulings);
    let refused = read
        .doc
        .problems
        .iter()
        .find(|p| matches!(p, ReadError::Inflates { .. }));
    if let (false, Some(refused)) = (read.any_text, refused) {
        return Err(refused.clone());
    }
    if !read.any_text {
        return Err(ReadError::NoTextLayer {
            file: file.to_string(),
            pages: if read.scanned.is_empty() {
                (1..=count as u32).collect()
            } else {
                read.scanned
            },
        });
    }
    let mut out = read.doc;
    for page in read.scanned {
        out.problems.push(ReadError::NoTextLayer {
            file: file.to_string(),
            pages: vec![page],
        });
    }
    out.tables = geometry::join_continued(read.page_tables, &out.pages);
    Ok(out)
}

/// Parses the file and opens it with the empty password if it has only an owner password; a
/// file that is no PDF, that the parser cannot read, or that needs a user password fails.
fn open(file: &str, bytes: Vec<u8>) -> Result<PdfDocument, ReadError> {
    let corrupt = |reason: String| ReadError::Corrupt {
        file: file.to_string(),
        reason,
    };
    // The header may follow a little junk (readers allow 1 KiB of it).
    if !bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Err(corrupt("不是 PDF 文件（缺少 %PDF 文件头）".into()));
    }
    // The parser is third-party code meeting hostile input: a panic inside it is a corrupt file,
    // never a crash of the batch.
    let doc = guarded(AssertUnwindSafe(|| PdfDocument::from_bytes(bytes)))
        .map_err(|_| corrupt("PDF 解析器无法解析此文件".into()))?
        .map_err(|e| match e {
            pdf_oxide::error::Error::EncryptedPdf => ReadError::Encrypted {
                file: file.to_string(),
            },
            other => corrupt(other.to_string()),
        })?;
    if doc.is_encrypted() {
        // An owner password alone (printing or copying restricted) still opens with the empty
        // user password; a user password cannot be guessed.
        let opened = guarded(AssertUnwindSafe(|| doc.authenticate(b"")));
        if !matches!(opened, Ok(Ok(true))) {
            return Err(ReadError::Encrypted {
                file: file.to_string(),
            });
        }
    }
    Ok(doc)
}

/// Every page read, before the document is judged: whether any page had text decides between
/// a document without a text layer and one with a few scanned pages.
struct PagesRead {
    /// The pages (one per page, empty where nothing could be read) and the pages' problems.
    doc: PdfDoc,
    /// Each page's ruled tables, in page order, not yet joined over page breaks.
    page_tables: Vec<Vec<geometry::Region>>,
    /// Pages without text that hold images: scanned.
    scanned: Vec<u32>,
    any_text: bool,
}

/// Reads every page: a page that fails is a problem and stays empty, a page without text is
/// empty (and scanned if it holds images), and the others give their text lines and tables.
fn read_pages(doc: &PdfDocument, file: &str, count: usize, rulings: Rulings) -> PagesRead {
    let mut read = PagesRead {
        doc: PdfDoc {
            file: file.to_string(),
            ..PdfDoc::default()
        },
        page_tables: Vec::new(),
        scanned: Vec::new(),
        any_text: false,
    };
    for index in 0..count {
        let number = index as u32 + 1;
        let content = guarded(AssertUnwindSafe(|| read_page(doc, index, rulings)))
            .unwrap_or(Err(PageError::Panicked));
        let (lines, tables) = match content {
            Err(reason) => {
                read.doc.problems.push(ReadError::PdfPage {
                    file: file.to_string(),
                    page: number,
                    reason: reason.to_string(),
                });
                (Vec::new(), Vec::new())
            }
            Ok(content) if content.glyphs.iter().all(|g| g.ch == ' ') => {
                if let Some(refused) = bomb(doc, index, file) {
                    read.doc.problems.push(refused);
                } else if content.has_images {
                    read.scanned.push(number);
                }
                (Vec::new(), Vec::new())
            }
            Ok(content) => {
                read.any_text = true;
                let (tables, rest) = geometry::tables(&content.segments, content.glyphs, number);
                (lines::lines(rest, number), tables)
            }
        };
        read.doc.pages.push(Page { number, lines });
        read.page_tables.push(tables);
    }
    read
}

/// A page whose content stream the parser refused to inflate past its limit shows no text, as
/// a scanned page does; asked again for its content, the parser says why, and the page is
/// reported as refused rather than as scanned.
fn bomb(doc: &PdfDocument, index: usize, file: &str) -> Option<ReadError> {
    let refused = guarded(AssertUnwindSafe(|| doc.get_page_content_data(index)))
        .ok()?
        .err()?;
    let reason = refused.to_string();
    reason
        .contains("safety limit")
        .then(|| ReadError::Inflates {
            file: file.to_string(),
            part: format!(
                "第 {} 页内容流 / page {} content stream",
                index + 1,
                index + 1
            ),
            size: crate::read::limits::max_pdf_stream(),
            limit: crate::read::limits::max_pdf_stream(),
            ratio: None,
        })
}

/// What one page holds before it is put in order.
struct PageContent {
    glyphs: Vec<Glyph>,
    segments: Vec<Segment>,
    has_images: bool,
}

/// Why one page could not be read: the page is then a problem, and the other pages are still read.
#[derive(Debug)]
enum PageError {
    /// The parser could not give the page's characters.
    Parser(pdf_oxide::error::Error),
    /// The parser panicked on the page.
    Panicked,
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::Parser(e) => e.fmt(f),
            PageError::Panicked => f.write_str("PDF 解析器在此页出错"),
        }
    }
}

/// Whether a point is on the printed page. Text drawn off the page (a spreadsheet printed
/// with the next sheets past the page's edge, 江苏 2017) is in the file but on no printed page:
/// it is no part of the document. A page whose box cannot be read keeps all its text.
fn on_page(doc: &PdfDocument, index: usize) -> impl Fn(f32, f32) -> bool {
    let (x0, y0, x1, y1) =
        doc.get_page_media_box(index)
            .unwrap_or((f32::MIN, f32::MIN, f32::MAX, f32::MAX));
    let margin = 2.0;
    let (left, right) = (x0.min(x1) - margin, x0.max(x1) + margin);
    let (bottom, top) = (y0.min(y1) - margin, y0.max(y1) + margin);
    move |x, y| (left..=right).contains(&x) && (bottom..=top).contains(&y)
}

/// One page's printed glyphs in the orientation most of its text is set in, its ruling lines
/// turned the same way (none when rulings are ignored or there is no text), and whether a page
/// without text holds images.
fn read_page(doc: &PdfDocument, index: usize, rulings: Rulings) -> Result<PageContent, PageError> {
    let chars = doc.extract_chars(index).map_err(PageError::Parser)?;
    let on_page = on_page(doc, index);
    // Spaces are kept: where glyph advances are not known exactly (text set sideways), they are
    // what tells words apart.
    let printed: Vec<_> = chars
        .iter()
        .filter(|c| c.char == ' ' || !(c.char.is_whitespace() || c.char.is_control()))
        .filter(|c| on_page(c.origin_x, c.origin_y))
        .collect();
    // A landscape table can be set sideways on a portrait page: the page is read in the
    // orientation most of its text is set in. Glyphs at any other angle are stamps and
    // watermarks, not text of the page.
    let mut turns = [0usize; 4];
    for c in printed.iter().filter(|c| c.char != ' ') {
        if let Some(q) = rulings::quarter_turns(c.rotation_degrees) {
            turns[q as usize] += 1;
        }
    }
    let q = (0..4u8)
        .max_by_key(|&q| (turns[q as usize], 4 - q))
        .unwrap_or(0);
    let glyphs: Vec<Glyph> = printed
        .iter()
        .filter(|c| rulings::quarter_turns(c.rotation_degrees) == Some(q))
        .map(|c| {
            let (x, baseline) = rulings::turn((c.origin_x, c.origin_y), q);
            Glyph {
                ch: c.char,
                x,
                // The box is upright on the page: a glyph set sideways advances along its height.
                width: if q.is_multiple_of(2) {
                    c.advance_width.max(c.bbox.width).max(0.1)
                } else {
                    c.bbox.height.max(0.1)
                },
                baseline,
                size: if c.font_size > 0.5 {
                    c.font_size
                } else {
                    c.bbox.height.max(1.0)
                },
            }
        })
        .collect();
    let has_images = glyphs.iter().all(|g| g.ch == ' ')
        && doc
            .extract_images(index)
            .map(|i| !i.is_empty())
            .unwrap_or(false);
    let segments = if glyphs.iter().all(|g| g.ch == ' ') || rulings == Rulings::Ignored {
        Vec::new()
    } else {
        doc.extract_paths(index)
            .map(|paths| {
                rulings::segments(&paths)
                    .into_iter()
                    .filter_map(|s| s.turned(q))
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok(PageContent {
        glyphs,
        segments,
        has_images,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page's problem is reported in the words users have seen so far.
    #[test]
    fn a_page_error_says_what_the_parser_said() {
        assert_eq!(PageError::Panicked.to_string(), "PDF 解析器在此页出错");
        assert_eq!(
            PageError::Parser(pdf_oxide::error::Error::InvalidPdf("bad xref".into())).to_string(),
            pdf_oxide::error::Error::InvalidPdf("bad xref".into()).to_string()
        );
        assert!(PageError::Parser(pdf_oxide::error::Error::EncryptedPdf)
            .to_string()
            .starts_with("PDF is encrypted and requires a password."));
    }
}
