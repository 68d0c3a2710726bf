//! The relations across documents in a batch. Each document checked leaves its digest (small:
//! the figures a neighbour may quote and those it states of one, never the document); once every
//! document is read, the digests are related, and each document's cross-document findings are
//! written to findings.ndjson after the documents' own and counted into its summary row.

use std::io::Write;

use crate::check::across::{judge, Digest};
use crate::check::{Finding, Lang, Severity};
use crate::run::Verdict;

use super::row::SummaryRow;

/// One line of findings.ndjson: a finding and the identity of its document, as its row has it.
pub fn finding_line(f: &Finding, row: &SummaryRow, lang: Lang) -> String {
    let mut v = crate::report::json::finding(f, lang);
    if let serde_json::Value::Object(m) = &mut v {
        m.insert("source".into(), row.source.clone().into());
        m.insert("district".into(), row.district.clone().into());
        m.insert("department".into(), row.department.clone().into());
        m.insert("department_kind".into(), row.department_kind.clone().into());
        m.insert("year".into(), serde_json::json!(row.year));
        m.insert("kind".into(), row.kind.key().into());
    }
    v.to_string()
}

/// Relates the digests (each with the index of its document's row), writes the findings and
/// counts them into the rows.
pub fn settle(
    digests: Vec<(usize, Digest)>,
    rows: &mut [SummaryRow],
    findings: &mut impl Write,
    lang: Lang,
) -> std::io::Result<()> {
    let (at, digests): (Vec<usize>, Vec<Digest>) = digests.into_iter().unzip();
    for (i, checks) in at.into_iter().zip(judge(&digests)) {
        let Some(row) = rows.get_mut(i) else { continue };
        for f in &checks.findings {
            writeln!(findings, "{}", finding_line(f, row, lang))?;
        }
        count(row, &checks.findings, !checks.checked.is_empty());
    }
    Ok(())
}

/// A row with the findings across documents added: its counts, its verdict, and how many of
/// its findings are across documents.
fn count(row: &mut SummaryRow, found: &[Finding], verified: bool) {
    let n = |s: Severity| found.iter().filter(|f| f.severity == s).count() as u32;
    row.errors += n(Severity::Error);
    row.warnings += n(Severity::Warning);
    row.infos += n(Severity::Info);
    row.cross_document_findings += found.len() as u32;
    if row.verdict == Verdict::Unreadable {
        return;
    }
    let worst = [
        (row.errors, Severity::Error),
        (row.warnings, Severity::Warning),
        (row.infos, Severity::Info),
    ]
    .into_iter()
    .find(|(count, _)| *count > 0)
    .map(|(_, s)| s);
    let checked = row.verdict != Verdict::NotChecked || verified;
    row.verdict = Verdict::of(true, worst, checked);
}
