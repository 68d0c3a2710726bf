//! The work of `check`, apart from its printing: every document read, recognised and checked.

use std::path::{Path, PathBuf};

use crate::check::{self, Checked, Finding};
use crate::load;
use crate::model::Document;
use crate::read::ReadError;

#[derive(Default)]
pub struct Options {}

/// What checking one document gave: the document and its findings, or why it could not be read.
#[derive(Debug)]
pub struct DocResult {
    pub source: String,
    pub document: Option<Document>,
    pub findings: Vec<Finding>,
    pub checked: Vec<Checked>,
    /// Why files or sheets of the document could not be read.
    pub errors: Vec<ReadError>,
    /// The sheets as read (kept for reports; empty for a narrative alone).
    pub grids: Vec<crate::read::Grid>,
}

impl DocResult {
    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
    }

    fn unreadable(source: String, errors: Vec<ReadError>) -> DocResult {
        DocResult {
            source,
            document: None,
            findings: Vec::new(),
            checked: Vec::new(),
            errors,
            grids: Vec::new(),
        }
    }
}

pub fn check_paths(paths: &[PathBuf], _opts: &Options) -> Vec<DocResult> {
    let (groups, missing) = load::expand(paths);
    let mut out: Vec<DocResult> = missing
        .into_iter()
        .map(|e| DocResult::unreadable(e.file().to_string(), vec![e]))
        .collect();
    for files in groups {
        out.push(check_group(&files));
    }
    out
}

pub fn check_file(file: &Path) -> DocResult {
    check_group(&[file.to_path_buf()])
}

pub fn check_group(files: &[PathBuf]) -> DocResult {
    let source = load::source_of(files);
    guarded(&source, || checked_group(files, source.clone()))
}

/// Bad input must never panic. Should a bug make it, the document is reported as not checked,
/// with the reason, and the documents after it are still checked (a batch waiting on it goes on).
fn guarded(source: &str, check: impl FnOnce() -> DocResult) -> DocResult {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        DocResult::unreadable(
            source.to_string(),
            vec![ReadError::Panicked {
                file: source.to_string(),
                reason,
            }],
        )
    })
}

fn checked_group(files: &[PathBuf], source: String) -> DocResult {
    match load::load_group(files) {
        Ok(loaded) => {
            let checks = check::run(&loaded.document, &loaded.problems);
            DocResult {
                source,
                document: Some(loaded.document),
                findings: checks.findings,
                checked: checks.checked,
                errors: loaded.unread,
                grids: loaded.grids,
            }
        }
        Err(e) => DocResult::unreadable(source, vec![e]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_checking_is_a_document_not_checked_with_its_reason() {
        // The panic's message goes to this test's captured output.
        let r = guarded("局-2016-决算公开表.xlsx", || {
            panic!("index out of bounds")
        });
        assert!(r.failed() && r.document.is_none());
        match &r.errors[..] {
            [ReadError::Panicked { file, reason }] => {
                assert_eq!(file, "局-2016-决算公开表.xlsx");
                assert_eq!(reason, "index out of bounds");
            }
            other => panic!("{other:?}"),
        }
        let ok = guarded("x", || DocResult::unreadable("x".into(), Vec::new()));
        assert!(!ok.failed());
    }
}
