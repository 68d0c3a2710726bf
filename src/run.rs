//! The work of `check`, apart from its printing: every input read, recognised and checked.

use std::path::PathBuf;

use crate::check::{self, Checked, Finding};
use crate::load;
use crate::model::Document;
use crate::read::ReadError;

#[derive(Default)]
pub struct Options {}

/// What checking one input gave: its document and findings, or why it could not be read.
#[derive(Debug)]
pub struct DocResult {
    pub source: String,
    pub document: Option<Document>,
    pub findings: Vec<Finding>,
    pub checked: Vec<Checked>,
    /// Why the file, or some of its sheets, could not be read.
    pub errors: Vec<ReadError>,
}

impl DocResult {
    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
    }
}

pub fn check_paths(paths: &[PathBuf], _opts: &Options) -> Vec<DocResult> {
    let (files, missing) = load::expand(paths);
    let mut out: Vec<DocResult> = missing
        .into_iter()
        .map(|e| DocResult {
            source: e.file().to_string(),
            document: None,
            findings: Vec::new(),
            checked: Vec::new(),
            errors: vec![e],
        })
        .collect();
    for file in files {
        out.push(check_file(&file));
    }
    out
}

pub fn check_file(file: &std::path::Path) -> DocResult {
    let source = file.display().to_string();
    match load::load(file) {
        Ok(loaded) => {
            let checks = check::run(&loaded.document, &loaded.problems);
            DocResult {
                source,
                document: Some(loaded.document),
                findings: checks.findings,
                checked: checks.checked,
                errors: loaded.unread,
            }
        }
        Err(e) => DocResult {
            source,
            document: None,
            findings: Vec::new(),
            checked: Vec::new(),
            errors: vec![e],
        },
    }
}
