//! From paths on the command line to documents: expands folders, groups the files of one
//! disclosure (its tables and its narrative), reads each file with the reader for its format and
//! recognises it. What cannot be read is returned, never dropped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::model::{Document, Narrative};
use crate::read::{self, text, ReadError};
use crate::recognise::{self, Problem};

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

fn readable(p: &Path) -> bool {
    read::is_table_file(p) || text::is_text_file(p)
}

/// Office's `~$name.xlsx` lock files, hidden files, a folder's README and a corpus' own
/// `manifest.csv` / `injected.csv` are not disclosures.
fn skipped_in_folders(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = p.file_stem().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with("~$")
        || name.starts_with('.')
        || stem.eq_ignore_ascii_case("readme")
        || name.eq_ignore_ascii_case("manifest.csv")
        || name.eq_ignore_ascii_case("injected.csv")
}

/// The department and year a file name tells (`谯城区人社局-2016-决算说明.txt`), which groups a
/// narrative with its tables.
fn name_key(p: &Path) -> Option<String> {
    let s = p.display().to_string();
    let stem = p.file_stem().and_then(|n| n.to_str())?;
    let dept = recognise::department_from(&[], &s)?;
    let year = recognise::year_from(&[], stem)?;
    Some(format!("{dept}|{year}"))
}

/// The documents to read: the files given and the readable files under the folders given, each
/// group one disclosure. Files given on the command line that share a department and year (by
/// name) are one document; in a folder, files sharing them are, and a narrative with no such
/// name joins the folder's one table document when there is one. Sorted, so runs repeat.
pub fn expand(paths: &[PathBuf]) -> (Vec<Vec<PathBuf>>, Vec<ReadError>) {
    let mut groups: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut loose_texts: Vec<PathBuf> = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files, &mut errors);
            for f in files {
                let dir = f
                    .parent()
                    .map(|d| d.display().to_string())
                    .unwrap_or_default();
                match name_key(&f) {
                    Some(k) => groups.entry(format!("{dir}\u{0}{k}")).or_default().push(f),
                    None if text::is_text_file(&f) => loose_texts.push(f),
                    None => groups
                        .entry(format!("{}", f.display()))
                        .or_default()
                        .push(f),
                }
            }
        } else if p.exists() {
            let key = name_key(p).unwrap_or_else(|| p.display().to_string());
            groups
                .entry(format!("\u{0}{key}"))
                .or_default()
                .push(p.clone());
        } else {
            errors.push(ReadError::Io {
                file: p.display().to_string(),
                reason: "文件或文件夹不存在".into(),
            });
        }
    }
    // Only the documents found so far (tables, or files named for a department and year) take a
    // loose narrative in: two loose narratives in one folder are two documents.
    let found: Vec<(String, Option<PathBuf>)> = groups
        .iter()
        .map(|(k, fs)| (k.clone(), fs[0].parent().map(Path::to_path_buf)))
        .collect();
    for t in loose_texts {
        let dir = t.parent().map(Path::to_path_buf);
        let same_dir: Vec<String> = found
            .iter()
            .filter(|(_, d)| *d == dir)
            .map(|(k, _)| k.clone())
            .collect();
        match same_dir.as_slice() {
            [only] => groups.entry(only.clone()).or_default().push(t),
            _ => groups.entry(t.display().to_string()).or_default().push(t),
        }
    }
    let mut out: Vec<Vec<PathBuf>> = groups.into_values().collect();
    for g in &mut out {
        g.sort();
        g.dedup();
    }
    out.sort();
    (out, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<ReadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(ReadError::Io {
                file: dir.display().to_string(),
                reason: e.to_string(),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, files, errors);
        } else if readable(&p) && !skipped_in_folders(&p) {
            files.push(p);
        }
    }
}

/// What a document is called in reports: its file, or its folder when it has several files.
pub fn source_of(files: &[PathBuf]) -> String {
    match files {
        [one] => one.display().to_string(),
        [first, ..] => {
            let dir = first.parent();
            if files.iter().all(|f| f.parent() == dir) {
                dir.map(|d| d.display().to_string()).unwrap_or_default()
            } else {
                first.display().to_string()
            }
        }
        [] => String::new(),
    }
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

/// Reads a narrative file into sentences and claims.
pub fn load_narrative(path: &Path) -> Result<Narrative, ReadError> {
    let doc = text::read_text(path)?;
    Ok(recognise::narrative::read(&doc))
}

/// Reads and recognises one table file.
pub fn load(path: &Path) -> Result<Loaded, ReadError> {
    load_group(&[path.to_path_buf()])
}

/// Reads and recognises the files of one document. It fails only when none of them could be
/// read; otherwise what could not be read is in `unread`.
pub fn load_group(files: &[PathBuf]) -> Result<Loaded, ReadError> {
    let mut grids = Vec::new();
    let mut narratives = Vec::new();
    let mut titled_department = None;
    let mut unread = Vec::new();
    let mut read_any = false;
    for f in files {
        if text::is_text_file(f) {
            match load_narrative(f) {
                Ok(n) => {
                    narratives.push(n);
                    read_any = true;
                }
                Err(e) => unread.push(e),
            }
        } else if read::extension(f) == "pdf" {
            match read::pdf::read_pdf(f) {
                Ok(pdf) => {
                    let parts = recognise::pdf::assemble(&pdf);
                    grids.extend(parts.grid);
                    titled_department = titled_department.or(parts.department);
                    if let Some(text) = parts.narrative {
                        narratives.push(recognise::narrative::read(&text));
                    }
                    unread.extend(pdf.problems);
                    read_any = true;
                }
                Err(e) => unread.push(e),
            }
        } else {
            match read::read_tables(f) {
                Ok(o) => {
                    grids.extend(o.grids);
                    unread.extend(o.problems);
                    read_any = true;
                }
                Err(e) => unread.push(e),
            }
        }
    }
    if !read_any {
        if let Some(e) = unread.first() {
            if unread.len() == 1 {
                return Err(e.clone());
            }
        }
    }
    let first = files
        .first()
        .map(|f| f.display().to_string())
        .unwrap_or_default();
    let (mut document, problems) = recognise::document(&first, &grids);
    if titled_department.is_some() {
        document.department = titled_department;
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
