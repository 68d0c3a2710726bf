//! What a batch reads: the documents under the folders given, sorted, cut into shards, each
//! with its district, department and year — told by the files or set by a manifest.

use std::path::{Path, PathBuf};

use crate::load;
use crate::read::ReadError;

use super::row::Identity;

/// One line of a manifest: `path,district,department,year`.
#[derive(Clone, Debug, PartialEq)]
pub struct ManifestEntry {
    /// The document's file, as the manifest names it (relative to the manifest's folder, or
    /// absolute).
    pub path: String,
    /// The district (区) it belongs to.
    pub district: String,
    /// The department it is of.
    pub department: String,
    /// The year it reports on, when given.
    pub year: Option<i32>,
    /// The department kind (部门类别), when given: overrides the one its name folds onto.
    pub department_kind: String,
}

/// Reads a manifest (CSV with a header: path,district,department,year and optionally
/// department_kind); an unreadable one is an
/// input error naming it.
pub fn read_manifest(path: &Path) -> Result<Vec<ManifestEntry>, ReadError> {
    let records = super::csv_records(path)?;
    let entry = |rec: &csv::StringRecord| {
        let field = |k: usize| rec.get(k).unwrap_or("").trim().to_string();
        ManifestEntry {
            path: field(0),
            district: field(1),
            department: field(2),
            year: field(3).parse().ok(),
            department_kind: field(4),
        }
    };
    Ok(records.iter().map(entry).collect())
}

/// The `i`-th (from 1) of `n` slices of a sorted list: contiguous, sizes differing by at most one.
pub fn shard<T: Clone>(items: &[T], i: usize, n: usize) -> Vec<T> {
    if n == 0 || i == 0 || i > n {
        return Vec::new();
    }
    let len = items.len();
    let start = len * (i - 1) / n;
    let end = len * i / n;
    items[start..end].to_vec()
}

/// The district a path or a department name tells: a folder named …区/县/市/旗, else the district
/// inside “上海市普陀区财政局”.
pub fn district_of(path: &Path, department: &str) -> String {
    for comp in path.components().rev().skip(1) {
        let name = comp.as_os_str().to_string_lossy();
        let n = name.chars().count();
        if (2..=8).contains(&n) && name.ends_with(['区', '县', '旗']) {
            return name.to_string();
        }
    }
    let name: String = department
        .trim_start_matches(|c: char| c != '省' && c != '市')
        .trim_start_matches(['省', '市'])
        .to_string();
    let name = if name.is_empty() {
        department.to_string()
    } else {
        name
    };
    let chars: Vec<char> = name.chars().collect();
    for (i, c) in chars.iter().enumerate().take(6) {
        if matches!(c, '区' | '县' | '旗') && i >= 1 {
            return chars[..=i].iter().collect();
        }
    }
    String::new()
}

/// Document groups under the paths, sorted by the name reports give them (so that shards are
/// contiguous and their outputs concatenate in order), and the paths that do not exist.
pub fn documents(paths: &[PathBuf]) -> (Vec<Vec<PathBuf>>, Vec<ReadError>) {
    let (mut groups, missing) = load::expand(paths);
    groups.sort_by_cached_key(|g| load::source_of(g));
    (groups, missing)
}

/// The identity of a document: the manifest's entry for one of its files when there is one.
pub fn identity(files: &[PathBuf], told: Identity, manifest: &[ManifestEntry]) -> Identity {
    let entry = manifest.iter().find(|m| {
        files.iter().any(|f| {
            let f = f.to_string_lossy();
            f == m.path || f.ends_with(&format!("/{}", m.path.trim_start_matches("./")))
        })
    });
    match entry {
        Some(m) => Identity {
            district: if m.district.is_empty() {
                told.district
            } else {
                m.district.clone()
            },
            department: if m.department.is_empty() {
                told.department
            } else {
                m.department.clone()
            },
            year: m.year.or(told.year),
            department_kind: m.department_kind.clone(),
        },
        None => told,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_cover_the_list_once() {
        let items: Vec<u32> = (0..10).collect();
        let all: Vec<u32> = (1..=3).flat_map(|i| shard(&items, i, 3)).collect();
        assert_eq!(all, items);
        assert_eq!(shard(&items, 1, 3), vec![0, 1, 2]);
        assert!(shard(&items, 4, 3).is_empty());
    }

    #[test]
    fn districts_from_folders_and_names() {
        assert_eq!(
            district_of(Path::new("corpus/普陀区/2024/财政局.xlsx"), ""),
            "普陀区"
        );
        assert_eq!(
            district_of(Path::new("x/a.xlsx"), "上海市普陀区财政局"),
            "普陀区"
        );
        assert_eq!(
            district_of(Path::new("x/a.xlsx"), "谯城区人力资源和社会保障局"),
            "谯城区"
        );
        assert_eq!(district_of(Path::new("x/a.xlsx"), "财政局"), "");
    }
}
