//! From paths on the command line to documents: expands folders, groups the files of one
//! disclosure (its tables and its narrative), reads each file with the reader for its format and
//! recognises it. What cannot be read is returned, never dropped.

use std::path::{Path, PathBuf};

use crate::model::{Document, Narrative};
use crate::read::{self, text, ReadError};
use crate::recognise::{self, Problem};

mod folders;

pub use folders::{expand, source_of};

/// One input document and everything that went wrong reading it short of failing.
#[derive(Debug)]
pub struct Loaded {
    /// The document as recognised: its tables and its narratives.
    pub document: Document,
    /// Cells or tables recognition could not make sense of.
    pub problems: Vec<Problem>,
    /// Files or sheets that could not be read while the rest of the document was.
    pub unread: Vec<ReadError>,
    /// The sheets as read, for reports that show the tables as published.
    pub grids: Vec<crate::read::Grid>,
}

/// The year of the first disclosure title a narrative prints (“2024年度部门决算”, “2025年部门预算”).
fn title_year(narratives: &[Narrative]) -> Option<i32> {
    use crate::model::narrative::{Claim, YearSaid};
    narratives
        .iter()
        .flat_map(|n| &n.claims)
        .find_map(|c| match c {
            Claim::Year {
                year,
                said: YearSaid::FinalAccountTitle | YearSaid::BudgetTitle,
                ..
            } => Some(*year),
            _ => None,
        })
}

/// The disclosure titles a narrative prints (“2025年部门预算”), in text order.
fn disclosure_titles(narratives: &[Narrative]) -> Vec<&str> {
    use crate::model::narrative::{Claim, YearSaid};
    narratives
        .iter()
        .flat_map(|n| &n.claims)
        .filter_map(|c| match c {
            Claim::Year {
                said: YearSaid::FinalAccountTitle | YearSaid::BudgetTitle,
                text,
                ..
            } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The department a page's heading names (上海市普陀区财政局2024年度部门决算), as a PDF's cover
/// does: its tables, unlike a workbook's, seldom carry a 编制单位 line.
fn page_department(text: &str) -> Option<String> {
    recognise::department_in_lines(text.lines())
}

/// Reads a narrative file into sentences and claims.
pub fn load_narrative(path: &Path) -> Result<Narrative, ReadError> {
    let doc = text::read_text(path)?;
    Ok(recognise::narrative::read(&doc))
}

/// Reads and recognises one table file.
pub fn load(path: &Path) -> Result<Loaded, ReadError> {
    load_group(&[path.to_path_buf()])
}

/// What the files of one document gave so far.
#[derive(Default)]
struct Parts {
    grids: Vec<crate::read::Grid>,
    narratives: Vec<Narrative>,
    titled_department: Option<String>,
    /// The department a text narrative's title names: taken when the tables name none.
    narrative_department: Option<String>,
    unread: Vec<ReadError>,
    /// Other files of the document hold its tables: a page (a 情况说明.docx beside the workbook)
    /// is its narrative, its tables as text, so that no table is read twice.
    pages_are_narrative: bool,
}

impl Parts {
    /// Reads one file of the document with the reader for its format.
    fn read(&mut self, f: &Path) -> Result<(), ReadError> {
        let page = if self.pages_are_narrative {
            None
        } else {
            page_tables(f)?
        };
        if let Some(page) = page {
            let text = text::TextDoc::new(&f.display().to_string(), page.text);
            self.titled_department = self
                .titled_department
                .take()
                .or_else(|| page_department(&text.text));
            if !text.text.trim().is_empty() {
                self.narratives.push(recognise::narrative::read(&text));
            }
            self.grids.extend(page.grids);
            self.unread.extend(page.problems);
        } else if text::is_text_file(f) {
            let doc = text::read_text(f)?;
            self.narrative_department = self
                .narrative_department
                .take()
                .or_else(|| page_department(&doc.text));
            self.narratives.push(recognise::narrative::read(&doc));
        } else if read::extension(f) == "pdf" {
            let pdf = read::pdf::read_pdf(f)?;
            let parts = recognise::pdf::assemble(&pdf);
            self.grids.extend(parts.grid);
            self.titled_department = self.titled_department.take().or(parts.department);
            if let Some(text) = parts.narrative {
                self.narratives.push(recognise::narrative::read(&text));
            }
            self.unread.extend(pdf.problems);
        } else {
            let o = read::read_tables(f)?;
            self.grids.extend(o.grids);
            self.unread.extend(o.problems);
        }
        Ok(())
    }
}

/// A page (.html, .docx) holding 决算 tables, read with them as grids; `None` for any other file,
/// and for a page whose tables are none of the 决算 tables (a 情况说明 setting a few figures
/// out in rows), which is read as text, tables included.
pub fn page_tables(f: &Path) -> Result<Option<read::Page>, ReadError> {
    if !read::is_page_file(f) {
        return Ok(None);
    }
    let page = read::read_page(f, read::Tables::Grids)?;
    let standard = recognise::recognise(&page.grids)
        .tables
        .iter()
        .any(|t| recognise::is_standard(t.kind));
    Ok(standard.then_some(page))
}

/// Reads and recognises the files of one document. It fails only when none of them could be
/// read; otherwise what could not be read is in `unread`.
pub fn load_group(files: &[PathBuf]) -> Result<Loaded, ReadError> {
    let mut parts = Parts {
        pages_are_narrative: files.iter().any(|f| read::is_table_file(f)),
        ..Parts::default()
    };
    let mut read_any = false;
    for f in files {
        match parts.read(f) {
            Ok(()) => read_any = true,
            Err(e) => parts.unread.push(e),
        }
    }
    let Parts {
        grids,
        narratives,
        titled_department,
        narrative_department,
        unread,
        ..
    } = parts;
    if !read_any {
        if let Some(e) = unread.first() {
            if unread.len() == 1 {
                return Err(e.clone());
            }
        }
    }
    let (mut document, problems) = recognise::document(&folders::naming_source(files), &grids);
    if titled_department.is_some() {
        document.department = titled_department;
    } else if recognise::department_from(&grids, "").is_none() && narrative_department.is_some() {
        // A table's 编制单位 is surest; a narrative's title before the file name.
        document.department = narrative_department;
    }
    // The title a disclosure prints (2024年度部门决算) tells its year before a file name does.
    if recognise::year_from(&grids, "").is_none() {
        document.year = title_year(&narratives).or(document.year);
    }
    document.unread_pages = unread
        .iter()
        .flat_map(|e| match e {
            ReadError::NoTextLayer { pages, .. } => pages.clone(),
            ReadError::PdfPage { page, .. } => vec![*page],
            _ => Vec::new(),
        })
        .collect();
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    document.kind = recognise::kind_from(&disclosure_titles(&narratives), &grids, &names);
    document.source = source_of(files);
    document.narratives = narratives;
    Ok(Loaded {
        document,
        problems,
        unread,
        grids,
    })
}
