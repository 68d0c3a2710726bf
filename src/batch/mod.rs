//! `gouji batch`: every document under the folders given, checked in parallel with a bounded
//! number of results in flight, each result streamed to disk in input order as it comes, then summarised and compared across districts and
//! years. A document that fails is a row with its reason; the batch goes on.

pub mod across;
pub mod compare;
pub mod discover;
pub mod figures;
pub mod kind;
pub mod metric;
pub mod outputs;
pub mod row;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, PoisonError};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::check::across::Digest;
use crate::check::Lang;
use crate::run::{self, DocResult};

pub use row::{Identity, SummaryRow};

/// Results waiting to be written at most: bounds the memory a batch takes whatever its size.
const IN_FLIGHT: usize = 64;

/// How a batch runs: which slice, what overrides what the files tell, how it shows progress.
pub struct Options {
    /// Check only the i-th (from 1) of n slices of the sorted document list.
    pub shard: Option<(usize, usize)>,
    /// Whether to relate a department's documents to each other (the C rules).
    pub across: bool,
    /// Lines of `--manifest` that override the district, department and year the files tell.
    pub manifest: Vec<discover::ManifestEntry>,
    /// Whether to draw a progress bar (on a terminal).
    pub progress: bool,
    /// The language of the findings written to findings.ndjson and summary.xlsx.
    pub lang: Lang,
    /// How department names fold onto department kinds.
    pub aliases: kind::Aliases,
}

/// What a batch leaves behind besides its files.
pub struct Outcome {
    /// One row per document, in the sorted order of the document list.
    pub rows: Vec<SummaryRow>,
    /// The files written, in the order written.
    pub written: Vec<PathBuf>,
}

/// The records of a small CSV the user hands a batch (a manifest, aliases), its header line
/// passed over, in whatever encoding it was saved in; a file that cannot be read, or a line that
/// cannot be parsed, is an input error naming it (the line counted from 1, the header included).
pub fn csv_records(path: &Path) -> Result<Vec<csv::StringRecord>, crate::read::ReadError> {
    use crate::read::ReadError;
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    let text = crate::read::decode_text(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .enumerate()
        .map(|(i, rec)| {
            rec.map_err(|e| ReadError::Corrupt {
                file: file.clone(),
                reason: format!("第 {} 行：{e}", i + 2),
            })
        })
        .collect()
}

fn told_identity(files: &[PathBuf], r: &DocResult) -> Identity {
    let department = r
        .document
        .as_ref()
        .and_then(|d| d.department.clone())
        .unwrap_or_default();
    let first = files.first().map(PathBuf::as_path).unwrap_or(Path::new(""));
    Identity {
        district: discover::district_of(first, &department),
        department,
        year: r
            .document
            .as_ref()
            .and_then(|d| d.year)
            .or_else(|| crate::recognise::year_from(&[], &first.display().to_string())),
        department_kind: String::new(),
        kind: None,
    }
}

/// A document checked, as the batch keeps it: its summary row, its lines of findings.ndjson,
/// and its digest for the relations across documents.
struct Done {
    row: SummaryRow,
    lines: Vec<String>,
    digest: Option<Digest>,
}

/// The results waiting for their turn to be written, and where they go.
struct Ordered<'a, W: Write> {
    next: usize,
    ahead: BTreeMap<usize, Done>,
    rows: &'a mut Vec<SummaryRow>,
    digests: across::Kept,
    findings: &'a mut W,
    failed: Option<std::io::Error>,
    bar: &'a ProgressBar,
}

impl<W: Write> Ordered<'_, W> {
    /// Writes every result whose turn has come; whether the turn moved.
    fn write_ready(&mut self) -> bool {
        let from = self.next;
        while let Some(Done { row, lines, digest }) = self.ahead.remove(&self.next) {
            self.next += 1;
            self.bar.inc(1);
            if let Some(d) = digest.filter(|_| self.failed.is_none()) {
                if let Err(e) = self.digests.keep(self.rows.len(), &row.district, &d) {
                    self.failed = Some(e);
                }
            }
            self.rows.push(row);
            if self.failed.is_some() {
                continue;
            }
            for l in lines {
                if let Err(e) = self
                    .findings
                    .write_all(l.as_bytes())
                    .and_then(|_| self.findings.write_all(b"\n"))
                {
                    self.failed = Some(e);
                    break;
                }
            }
        }
        self.next != from
    }
}

/// A bar of documents done on stderr, or none.
fn progress_bar(documents: usize, shown: bool) -> ProgressBar {
    let bar = ProgressBar::new(documents as u64);
    if shown {
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} 文档 {per_sec} 剩余 {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    } else {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar
}

/// One document checked: its summary row and its lines of findings.ndjson (the document itself
/// is dropped here, before it waits for its turn).
fn check_one(files: &[PathBuf], opts: &Options) -> Done {
    let mut r = run::check_group(files);
    let mut id = discover::identity(files, told_identity(files, &r), &opts.manifest);
    if id.department_kind.is_empty() {
        id.department_kind = opts.aliases.kind_of(&id.department, &id.district);
    }
    // Who the batch says the document is, the manifest first, is who its neighbours meet.
    if let Some(d) = r.document.as_mut() {
        if !id.department.is_empty() {
            d.department = Some(id.department.clone());
        }
        d.year = id.year.or(d.year);
        d.kind = id.kind.unwrap_or(d.kind);
    }
    let row = row::row(&r, &id);
    let lines = r
        .findings
        .iter()
        .map(|f| across::finding_line(f, &row, opts.lang))
        .collect();
    Done {
        row,
        lines,
        digest: r
            .document
            .as_ref()
            .filter(|_| opts.across)
            .map(crate::check::across::digest),
    }
}

/// Checks every document and writes OUT/findings.ndjson as it goes; returns the summary rows.
pub fn check_all(
    paths: &[PathBuf],
    opts: &Options,
    out: &Path,
) -> std::io::Result<(Vec<SummaryRow>, PathBuf)> {
    std::fs::create_dir_all(out)?;
    let (groups, missing) = discover::documents(paths);
    let groups = match opts.shard {
        Some((i, n)) => discover::shard_by_department(&groups, i, n),
        None => groups,
    };
    let findings_tmp = out.join(".findings.ndjson.tmp");
    let mut findings = std::io::BufWriter::new(std::fs::File::create(&findings_tmp)?);
    let bar = progress_bar(groups.len(), opts.progress);
    let mut rows: Vec<SummaryRow> = missing
        .into_iter()
        .map(|e| {
            let r = DocResult::unreadable(e.file().to_string(), vec![e]);
            row::row(&r, &Identity::default())
        })
        .collect();
    // Workers take documents in order (par_bridge). The worker that finishes a document writes
    // it, and every later one already done, when its turn has come; one finished early waits in
    // memory. No thread sits waiting to write, no barrier holds the cores, and at most IN_FLIGHT
    // results wait at once: a worker ahead of that many waits for the turn to move on.
    let state = Mutex::new(Ordered {
        next: 0,
        ahead: BTreeMap::new(),
        rows: &mut rows,
        digests: across::Kept::new(out.join(".digests.ndjson.tmp"))?,
        findings: &mut findings,
        failed: None,
        bar: &bar,
    });
    let moved = Condvar::new();
    groups
        .iter()
        .enumerate()
        .par_bridge()
        .for_each(|(i, files)| {
            let done = check_one(files, opts);
            let mut s = state.lock().unwrap_or_else(PoisonError::into_inner);
            // The awaited document is being checked by another worker (documents are taken in
            // order, and checking one runs no rayon work of its own, so a worker never holds two),
            // and that worker never waits here: the turn always moves on.
            while i != s.next && s.ahead.len() >= IN_FLIGHT {
                s = moved.wait(s).unwrap_or_else(PoisonError::into_inner);
            }
            s.ahead.insert(i, done);
            if s.write_ready() {
                moved.notify_all();
            }
        });
    let state = state.into_inner().unwrap_or_else(PoisonError::into_inner);
    if let Some(e) = state.failed {
        return Err(e);
    }
    state.digests.settle(&mut rows, &mut findings, opts.lang)?;
    bar.finish_and_clear();
    findings.flush()?;
    drop(findings);
    Ok((rows, findings_tmp))
}

/// A batch from start to finish: check, then write every output.
pub fn run(paths: &[PathBuf], opts: &Options, out: &Path) -> std::io::Result<Outcome> {
    let (rows, findings_tmp) = check_all(paths, opts, out)?;
    outputs::write_all(rows, &findings_tmp, out, opts.lang)
}

/// Joins the outputs of shards into one, as if the batch had run once: the rows, and the
/// findings in the order one run writes them — each document's own in the order of the sorted
/// document list, then those across documents in the same order. A shard holds every document
/// of its departments, so its findings across documents are all there are.
pub fn merge(parts: &[PathBuf], out: &Path, lang: Lang) -> std::io::Result<Outcome> {
    std::fs::create_dir_all(out)?;
    let mut rows = Vec::new();
    let mut lines: Vec<(bool, String, String)> = Vec::new();
    for p in parts {
        rows.extend(outputs::read_rows(&p.join("summary.csv"))?);
        let f = p.join("findings.ndjson");
        let text = std::fs::read_to_string(&f)
            .map_err(|e| std::io::Error::other(format!("{}: {e}", f.display())))?;
        lines.extend(text.lines().map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_default();
            let across = v["rule"].as_str().is_some_and(|r| r.starts_with('C'));
            let source = v["source"].as_str().unwrap_or_default().to_string();
            (across, source, l.to_string())
        }));
    }
    // Stable: a document's findings keep their order.
    lines.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let findings_tmp = out.join(".findings.ndjson.tmp");
    let mut findings = std::io::BufWriter::new(std::fs::File::create(&findings_tmp)?);
    for (_, _, l) in lines {
        writeln!(findings, "{l}")?;
    }
    findings.flush()?;
    drop(findings);
    outputs::write_all(rows, &findings_tmp, out, lang)
}
