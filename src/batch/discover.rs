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
    /// 决算, 部门预算 or 单位预算, when given: overrides the one the document tells.
    pub kind: Option<crate::model::DocumentKind>,
}

/// Reads a manifest (CSV with a header: path,district,department,year and optionally
/// department_kind and kind — 决算, 部门预算 or 单位预算); an unreadable one is an
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
            kind: crate::model::DocumentKind::said_in(&field(5)),
        }
    };
    Ok(records.iter().map(entry).collect())
}

/// The department a document's files are named for, with its district: `普陀区|财政局` for
/// `普陀区/2024/上海市普陀区财政局-2024-决算公开表.xlsx` and for `x/普陀区财政局-2023.pdf` alike.
/// It keeps a department's documents of every year and kind in one shard.
pub fn department_key(files: &[PathBuf]) -> String {
    let Some(first) = files.first() else {
        return String::new();
    };
    let path = first.display().to_string();
    let department = crate::recognise::department_from(&[], &path).unwrap_or(path);
    let district = district_of(first, &department);
    let local = crate::check::across::local_name(&department);
    let name = local.strip_prefix(district.as_str()).unwrap_or(&local);
    format!("{district}|{name}")
}

/// The `i`-th (from 1) of `n` shards of a sorted list of documents, a department's documents
/// never split: departments are dealt to shards in order, each to the shard its first document
/// falls in when the list is cut into `n` equal slices. The documents keep their order.
pub fn shard_by_department(groups: &[Vec<PathBuf>], i: usize, n: usize) -> Vec<Vec<PathBuf>> {
    if n == 0 || i == 0 || i > n {
        return Vec::new();
    }
    let keys: Vec<String> = groups.iter().map(|g| department_key(g)).collect();
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
    let mut shard_of = vec![0; groups.len()];
    let (mut seen, len) = (0, groups.len());
    for run in order.chunk_by(|a, b| keys[*a] == keys[*b]) {
        let shard = seen * n / len.max(1) + 1;
        for &g in run {
            shard_of[g] = shard;
        }
        seen += run.len();
    }
    (0..len)
        .filter(|g| shard_of[*g] == i)
        .map(|g| groups[g].clone())
        .collect()
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
            kind: m.kind.or(told.kind),
        },
        None => told,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_departments_documents_share_a_key_and_a_shard() {
        let p = |s: &str| vec![PathBuf::from(s)];
        let key = department_key(&p("c/普陀区/2024/上海市普陀区财政局-2024-决算公开表.xlsx"));
        assert_eq!(key, "普陀区|财政局");
        assert_eq!(
            department_key(&p("c/普陀区/2023/财政局-2023-预算.pdf")),
            key
        );
        assert_eq!(department_key(&p("x/普陀区财政局-2025-部门预算.pdf")), key);
        assert_ne!(department_key(&p("c/徐汇区/2024/财政局-2024.xlsx")), key);
        let groups: Vec<Vec<PathBuf>> = [
            "c/普陀区/2023/财政局-2023.xlsx",
            "c/普陀区/2023/教育局-2023.xlsx",
            "c/普陀区/2024/财政局-2024.xlsx",
            "c/普陀区/2024/教育局-2024.xlsx",
        ]
        .iter()
        .map(|s| p(s))
        .collect();
        // Departments dealt in the order of their keys (教育局 before 财政局 in code points).
        let one = shard_by_department(&groups, 1, 2);
        let two = shard_by_department(&groups, 2, 2);
        assert_eq!(one, vec![groups[1].clone(), groups[3].clone()]);
        assert_eq!(two, vec![groups[0].clone(), groups[2].clone()]);
        assert!(shard_by_department(&groups, 3, 2).is_empty());
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
