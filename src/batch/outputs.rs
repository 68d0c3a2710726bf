//! The outputs of a batch, each written to a temporary name and renamed into place:
//! summary.csv, summary.parquet, findings.ndjson, budget_vs_final.csv and .parquet,
//! summary.xlsx and charts/.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use crate::check::Lang;
use crate::report::batch::{write_charts, write_workbook, FindingLine};

use super::compare;
use super::row::SummaryRow;
use super::Outcome;

fn other(path: &Path, e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(format!("{}: {e}", path.display()))
}

/// Writes to `path` through a temporary file in the same folder, renamed into place.
pub fn atomically(
    path: &Path,
    write: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    match write(&tmp) {
        Ok(()) => std::fs::rename(&tmp, path),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Writes the rows as a CSV (summary.csv, budget_vs_final.csv), atomically.
pub fn write_rows<T: serde::Serialize>(rows: &[T], path: &Path) -> std::io::Result<()> {
    atomically(path, |tmp| {
        let mut w = csv::Writer::from_path(tmp).map_err(|e| other(path, e))?;
        for r in rows {
            w.serialize(r).map_err(|e| other(path, e))?;
        }
        w.flush()
    })
}

/// Reads the rows of a summary.csv back (for `gouji merge`).
pub fn read_rows(path: &Path) -> std::io::Result<Vec<SummaryRow>> {
    let mut r = csv::Reader::from_path(path).map_err(|e| other(path, e))?;
    r.deserialize()
        .map(|x| x.map_err(|e| other(path, e)))
        .collect()
}

/// The findings of a batch read back, a line at a time (never all in memory); a line that is
/// not a finding is passed over.
pub fn read_findings(
    path: &Path,
) -> std::io::Result<impl Iterator<Item = std::io::Result<FindingLine>>> {
    let f = std::fs::File::open(path).map_err(|e| other(path, e))?;
    Ok(std::io::BufReader::new(f)
        .lines()
        .filter_map(|line| match line {
            Ok(l) => serde_json::from_str(&l).ok().map(Ok),
            Err(e) => Some(Err(e)),
        }))
}

/// Every output from the rows and the findings already streamed to `findings_tmp`.
pub fn write_all(
    mut rows: Vec<SummaryRow>,
    findings_tmp: &Path,
    out: &Path,
    lang: Lang,
) -> std::io::Result<Outcome> {
    rows.sort_by(|a, b| a.source.cmp(&b.source));
    let mut written: Vec<PathBuf> = Vec::new();
    let findings = out.join("findings.ndjson");
    std::fs::rename(findings_tmp, &findings)?;
    written.push(findings.clone());
    let frame = compare::frame(&rows).map_err(|e| other(out, e))?;
    let csv_path = out.join("summary.csv");
    let parquet = out.join("summary.parquet");
    let xlsx = out.join("summary.xlsx");
    let planned_csv = out.join("budget_vs_final.csv");
    let planned_parquet = out.join("budget_vs_final.parquet");
    // The outputs are independent once the comparisons are made: written side by side, and
    // the rows (csv, parquet) while the comparisons are still being made.
    let ((csv_done, parquet_done), compared) = rayon::join(
        || {
            rayon::join(
                || write_rows(&rows, &csv_path),
                || {
                    atomically(&parquet, |tmp| compare::write_parquet(&frame, tmp))?;
                    let planned = compare::budget_vs_final::table(&frame)
                        .map_err(|e| other(&planned_parquet, e))?;
                    atomically(&planned_parquet, |tmp| {
                        compare::write_parquet(&planned, tmp)
                    })
                },
            )
        },
        || -> std::io::Result<_> {
            let comparisons = compare::compare(&frame).map_err(|e| other(out, e))?;
            write_rows(&comparisons.budget_vs_final, &planned_csv)?;
            let (xlsx_done, charts) = rayon::join(
                || {
                    atomically(&xlsx, |tmp| {
                        let findings = read_findings(&findings)?;
                        write_workbook(&rows, &comparisons, findings, tmp, lang)
                    })
                },
                || write_charts(&comparisons, &out.join("charts")),
            );
            Ok((xlsx_done, charts))
        },
    );
    let (xlsx_done, charts) = compared?;
    csv_done?;
    written.push(csv_path);
    parquet_done?;
    written.push(parquet);
    written.extend([planned_csv, planned_parquet]);
    xlsx_done?;
    written.push(xlsx);
    written.extend(charts?);
    Ok(Outcome { rows, written })
}
