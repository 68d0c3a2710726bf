//! The relations across documents in a batch. Each document checked leaves its digest (the
//! figures a neighbour may quote and those it states of one, never the document), kept on disk;
//! once every document is read, the digests are related a group at a time, and each document's
//! cross-document findings are written to findings.ndjson after the documents' own and counted
//! into its summary row. Memory holds an index of the digests and one group's digests.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use crate::check::across::{judge, Digest};
use crate::check::{Checks, Finding, Lang, Severity};

use crate::run::Verdict;
use rayon::prelude::*;

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

/// The digests of a batch, kept on disk as they come (one JSON line each), so that a batch holds
/// no more of them than one department's at a time: only an index stays in memory — for each
/// digest its row, its group and where it is in the file.
pub struct Kept {
    path: PathBuf,
    file: BufWriter<File>,
    written: u64,
    index: Vec<Entry>,
}

/// Where one digest is kept, and the group it is related within.
struct Entry {
    group: String,
    row: usize,
    at: u64,
    len: usize,
}

impl Kept {
    /// Keeps digests in a new file at `path` (removed when dropped).
    pub fn new(path: PathBuf) -> std::io::Result<Kept> {
        let file = BufWriter::new(File::create(&path)?);
        Ok(Kept {
            path,
            file,
            written: 0,
            index: Vec::new(),
        })
    }

    /// Keeps the digest of the document of row `row`, whose row says its district.
    pub fn keep(&mut self, row: usize, district: &str, d: &Digest) -> std::io::Result<()> {
        let Some(group) = group_of(d, district) else {
            return Ok(());
        };
        let line = serde_json::to_vec(&d.compact()).map_err(std::io::Error::other)?;
        self.file.write_all(&line)?;
        self.file.write_all(b"\n")?;
        self.index.push(Entry {
            group,
            row,
            at: self.written,
            len: line.len(),
        });
        self.written += line.len() as u64 + 1;
        Ok(())
    }

    /// Relates the digests group by group, writes the findings (in the order of the rows, as
    /// the documents' own are) and counts them into the rows.
    pub fn settle(
        mut self,
        rows: &mut [SummaryRow],
        findings: &mut impl Write,
        lang: Lang,
    ) -> std::io::Result<()> {
        self.file.flush()?;
        self.index.sort_by(|a, b| a.group.cmp(&b.group));
        let groups: Vec<&[Entry]> = self.index.chunk_by(|a, b| a.group == b.group).collect();
        // Groups are related side by side, each read by its own handle; what comes back is
        // only the relations' outcome, row by row.
        let judged = groups
            .par_iter()
            .map(|group| {
                let mut file = File::open(&self.path)?;
                let digests = group
                    .iter()
                    .map(|e| read_at(&mut file, e))
                    .collect::<std::io::Result<Vec<Digest>>>()?;
                Ok(group.iter().map(|e| e.row).zip(judge(&digests)).collect())
            })
            .collect::<std::io::Result<Vec<Vec<(usize, Checks)>>>>()?;
        let mut lines: Vec<(usize, String)> = Vec::new();
        for (i, checks) in judged.into_iter().flatten() {
            let Some(row) = rows.get_mut(i) else { continue };
            lines.extend(
                checks
                    .findings
                    .iter()
                    .map(|f| (i, finding_line(f, row, lang))),
            );
            count(row, &checks.findings, !checks.checked.is_empty());
        }
        lines.sort_by_key(|(row, _)| *row);
        for (_, l) in lines {
            writeln!(findings, "{l}")?;
        }
        Ok(())
    }
}

impl Drop for Kept {
    /// The digests are the batch's scratch: gone once settled, or when the batch fails.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn read_at(file: &mut File, e: &Entry) -> std::io::Result<Digest> {
    let mut buf = vec![0; e.len];
    file.seek(SeekFrom::Start(e.at))?;
    file.read_exact(&mut buf)?;
    let d: Digest = serde_json::from_slice(&buf).map_err(std::io::Error::other)?;
    Ok(d.expanded())
}

/// The group a digest is related within: its district and the last three characters of its
/// department's name (财政局, 委员会, 办公厅). Two documents of one department always share it —
/// one's name ends with the other's, of three characters at least (see `same_department`) — so
/// relating group by group finds every pair relating them all at once would, and a group holds
/// a district's departments of one ending, never the whole batch. A document that names no
/// department is nobody's neighbour.
fn group_of(d: &Digest, district: &str) -> Option<String> {
    let name: Vec<char> = d.department.as_deref()?.chars().collect();
    let tail: String = name[name.len().saturating_sub(3)..].iter().collect();
    Some(format!("{district}|{tail}"))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn of(department: &str) -> Digest {
        Digest {
            department: Some(department.into()),
            ..Digest::default()
        }
    }

    #[test]
    fn a_departments_documents_fall_in_one_group() {
        let group = |d: &str, district: &str| group_of(&of(d), district);
        assert_eq!(
            group("上海市普陀区财政局", "普陀区"),
            group("财政局", "普陀区")
        );
        assert_eq!(
            group("中共上海市普陀区委社会工作部", "普陀区"),
            group("区委社会工作部", "普陀区")
        );
        assert_ne!(group("财政局", "普陀区"), group("财政局", "徐汇区"));
        assert_eq!(group_of(&Digest::default(), "普陀区"), None);
    }

    #[test]
    fn kept_digests_come_back_as_they_went() {
        let dir = std::env::temp_dir().join(format!("gouji-kept-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(".digests.tmp");
        let mut kept = Kept::new(path.clone()).unwrap();
        let mut d = of("普陀区财政局");
        d.year = Some(2024);
        let place = crate::model::Location::cell(
            &"局-2024.xlsx".into(),
            &"表".into(),
            crate::model::CellRef::new(6, 1),
        );
        let term = crate::check::Term {
            label: "年末结转和结余".into(),
            figure: Some(crate::model::Figure::from_decimal(
                rust_decimal::Decimal::new(5534, 2),
            )),
            unit: crate::model::Unit::WanYuan,
            place: Some(crate::check::Place::Text(Box::new(place))),
            finer_than: None,
        };
        d.published.push((
            crate::check::across::Key::Budget(
                crate::model::TableKind::BudgetSummary,
                crate::check::across::RowKey::Line(crate::model::Line::Total),
            ),
            term,
        ));
        // Kept, its places name their file by index; read back, by name again.
        assert!(d.compact().files == ["局-2024.xlsx".into()]);
        kept.keep(0, "普陀区", &d).unwrap();
        kept.keep(1, "普陀区", &of("普陀区教育局")).unwrap();
        kept.file.flush().unwrap();
        let mut file = File::open(&path).unwrap();
        assert_eq!(read_at(&mut file, &kept.index[0]).unwrap(), d);
        assert_eq!(kept.index[1].row, 1);
        let mut rows = vec![SummaryRow::default(), SummaryRow::default()];
        let mut out = Vec::new();
        kept.settle(&mut rows, &mut out, Lang::Zh).unwrap();
        assert!(out.is_empty() && !path.exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
