//! Which files make one document: the folders given walked, and their files grouped by the
//! department and year their names tell, or as the per-table files of one folder; a narrative
//! with no such name joins its folder's one document.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::read::{self, text, ReadError};
use crate::recognise;

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
