//! From paths on the command line to documents: expands folders, reads each file with the reader
//! for its format and recognises its tables. What cannot be read is returned, never dropped.

use std::path::{Path, PathBuf};

use crate::model::Document;
use crate::read::{self, ReadError};
use crate::recognise::{self, Problem};

/// One input document and everything that went wrong reading it short of failing.
#[derive(Debug)]
pub struct Loaded {
    pub document: Document,
    /// Cells or tables recognition could not make sense of.
    pub problems: Vec<Problem>,
    /// Sheets that could not be read while the rest of the file was.
    pub unread: Vec<ReadError>,
}

/// Files to read: each file given, and every readable file under each folder given, sorted so
/// that runs are repeatable. A path that does not exist is an error of its own.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut errors);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            errors.push(ReadError::Io {
                file: p.display().to_string(),
                reason: "文件或文件夹不存在".into(),
            });
        }
    }
    (files, errors)
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
        } else if read::is_table_file(&p) && !is_lock_file(&p) {
            files.push(p);
        }
    }
}

/// Office leaves `~$name.xlsx` lock files beside open workbooks; they are not workbooks.
fn is_lock_file(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("~$"))
}

/// Reads a narrative file into sentences and claims.
pub fn load_narrative(path: &Path) -> Result<crate::model::Narrative, ReadError> {
    let doc = read::text::read_text(path)?;
    Ok(recognise::narrative::read(&doc))
}

/// Reads and recognises one table file.
pub fn load(path: &Path) -> Result<Loaded, ReadError> {
    let outcome = read::read_tables(path)?;
    let source = path.display().to_string();
    let (document, problems) = recognise::document(&source, &outcome.grids);
    Ok(Loaded {
        document,
        problems,
        unread: outcome.problems,
    })
}
