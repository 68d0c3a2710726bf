//! The work of `check`, apart from its printing: every document read, recognised and checked.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::check::{self, Checked, Finding, Lang, Severity};
use crate::load;
use crate::model::Document;
use crate::read::ReadError;

/// What checking one document gave: the document and its findings, or why it could not be read.
#[derive(Debug)]
pub struct DocResult {
    /// The file or folder checked, as given.
    pub source: String,
    /// The document read, or `None` when it could not be read at all.
    pub document: Option<Document>,
    /// Every finding, in the order found.
    pub findings: Vec<Finding>,
    /// Every relation verified.
    pub checked: Vec<Checked>,
    /// Why files or sheets of the document could not be read.
    pub errors: Vec<ReadError>,
    /// The sheets as read (kept for reports; empty for a narrative alone).
    pub grids: Vec<crate::read::Grid>,
}

/// The rules whose relations hold no figure: a document with only these checked is not checked.
const NO_FIGURE: [&str; 1] = ["N111"];

/// What checking a document came to, as 概览 and 汇总 say it: read or not, and its worst finding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Read, with nothing above a note.
    #[default]
    Clean,
    /// Read, with warnings and no error.
    Warnings,
    /// Read, with at least one error.
    Errors,
    /// Read, but with neither a table recognised nor a relation to verify: not a pass, whatever
    /// its findings (a budget's tables gouji cannot read yet, a file of notes).
    #[serde(rename = "not_checked")]
    NotChecked,
    /// Not read (or its checking failed).
    Unreadable,
}

impl Verdict {
    /// Every verdict, from the best.
    pub const ALL: [Verdict; 5] = [
        Verdict::Clean,
        Verdict::Warnings,
        Verdict::Errors,
        Verdict::NotChecked,
        Verdict::Unreadable,
    ];

    /// The verdict of a document read (or not) whose worst finding is `worst`, and in which
    /// something was `checked` (a table recognised or a relation verified); notes alone are
    /// clean. An error stands whether or not anything else was checked.
    pub fn of(read: bool, worst: Option<Severity>, checked: bool) -> Verdict {
        match (read, worst) {
            (false, _) => Verdict::Unreadable,
            (true, Some(Severity::Error)) => Verdict::Errors,
            _ if !checked => Verdict::NotChecked,
            (true, Some(Severity::Warning)) => Verdict::Warnings,
            (true, _) => Verdict::Clean,
        }
    }

    /// The key summary.csv and summary.parquet hold, which is also the English word.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Clean => "clean",
            Verdict::Warnings => "warnings",
            Verdict::Errors => "errors",
            Verdict::NotChecked => "not_checked",
            Verdict::Unreadable => "unreadable",
        }
    }

    /// The word 概览 and 汇总 show.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Verdict::Clean, Lang::Zh) => "通过",
            (Verdict::Warnings, Lang::Zh) => "有警告",
            (Verdict::Errors, Lang::Zh) => "有错误",
            (Verdict::NotChecked, Lang::Zh) => "未核对",
            (Verdict::Unreadable, Lang::Zh) => "无法读取",
            (Verdict::NotChecked, Lang::En) => "not checked",
            (v, Lang::En) => v.key(),
        }
    }
}

impl DocResult {
    /// Whether a file or part of the document could not be read.
    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
    }

    /// What the document came to.
    pub fn verdict(&self) -> Verdict {
        let worst = self.findings.iter().map(|f| f.severity).max();
        Verdict::of(self.document.is_some(), worst, self.was_checked())
    }

    /// Whether anything of the document was checked: a table recognised (an empty one checked
    /// for its note) or a relation of figures verified. A year that fits (N111) is no figure.
    pub fn was_checked(&self) -> bool {
        let recognised = self.document.as_ref().is_some_and(|d| {
            d.tables
                .iter()
                .any(|t| t.kind != crate::model::TableKind::Unrecognised)
        });
        recognised || self.checked.iter().any(|c| !NO_FIGURE.contains(&c.rule))
    }

    /// A document none of whose files could be read (or whose checking failed), with the reasons.
    pub fn unreadable(source: String, errors: Vec<ReadError>) -> DocResult {
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

/// Checks files and folders: each document found, read, recognised and checked; a path that
/// cannot be read is a document of its own that says why.
pub fn check_paths(paths: &[PathBuf]) -> Vec<DocResult> {
    let (groups, missing) = load::expand(paths);
    let mut out: Vec<DocResult> = missing
        .into_iter()
        .map(|e| DocResult::unreadable(e.file().to_string(), vec![e]))
        .collect();
    for files in groups {
        out.push(check_group(&files));
    }
    across(&mut out);
    out
}

/// The relations across the documents checked together (a department's final account against
/// its last one), added to the later document's findings and relations.
pub fn across(results: &mut [DocResult]) {
    let checks = {
        let docs: Vec<&Document> = results.iter().filter_map(|r| r.document.as_ref()).collect();
        check::across::check(&docs)
    };
    let with_docs = results.iter_mut().filter(|r| r.document.is_some());
    for (r, c) in with_docs.zip(checks) {
        if c.findings.is_empty() && c.checked.is_empty() {
            continue;
        }
        r.findings.extend(c.findings);
        r.findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
        r.checked.extend(c.checked);
    }
}

/// Checks one file as a document of its own.
pub fn check_file(file: &Path) -> DocResult {
    check_group(&[file.to_path_buf()])
}

/// Checks files that make one document (tables and narrative), never panicking: a bug while
/// checking makes the document one not checked, with the reason.
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
    fn the_worst_finding_makes_the_verdict_and_its_words() {
        assert_eq!(
            Verdict::of(false, Some(Severity::Info), true),
            Verdict::Unreadable
        );
        assert_eq!(
            Verdict::of(true, Some(Severity::Error), true),
            Verdict::Errors
        );
        assert_eq!(
            Verdict::of(true, Some(Severity::Warning), true),
            Verdict::Warnings
        );
        assert_eq!(
            Verdict::of(true, Some(Severity::Info), true),
            Verdict::Clean
        );
        assert_eq!(Verdict::of(true, None, true), Verdict::Clean);
        // Nothing checked is no pass, with or without warnings; an error still stands.
        assert_eq!(Verdict::of(true, None, false), Verdict::NotChecked);
        assert_eq!(
            Verdict::of(true, Some(Severity::Warning), false),
            Verdict::NotChecked
        );
        assert_eq!(
            Verdict::of(true, Some(Severity::Error), false),
            Verdict::Errors
        );
        let zh: Vec<&str> = Verdict::ALL.iter().map(|v| v.label(Lang::Zh)).collect();
        assert_eq!(zh, ["通过", "有警告", "有错误", "未核对", "无法读取"]);
        let en: Vec<&str> = Verdict::ALL.iter().map(|v| v.label(Lang::En)).collect();
        assert_eq!(
            en,
            ["clean", "warnings", "errors", "not checked", "unreadable"]
        );
        let keys: Vec<&str> = Verdict::ALL.iter().map(|v| v.key()).collect();
        assert_eq!(
            keys,
            ["clean", "warnings", "errors", "not_checked", "unreadable"]
        );
        let json = serde_json::to_string(&Verdict::NotChecked).unwrap();
        assert_eq!(json, "\"not_checked\"");
        let r = DocResult::unreadable("x".into(), Vec::new());
        assert_eq!(r.verdict(), Verdict::Unreadable);
    }

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
