//! Which files make one document: the folders given walked, and their files grouped by the
//! department and year their names tell, or as the per-table files of one folder; a narrative
//! with no such name joins its folder's one document.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::model::{DocumentKind, TableKind};
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

/// The department, year and kind a file name tells (`谯城区人社局-2016-决算说明.txt`), which
/// groups a narrative with its tables. The kind keeps a department's 决算 and 预算 of one year
/// (and its 部门预算 and 单位预算) apart: they are documents of their own, checked against each
/// other. A name that says no kind is a final account's, as a document that says none is.
fn name_key(p: &Path) -> Option<String> {
    let s = p.display().to_string();
    let stem = p.file_stem().and_then(|n| n.to_str())?;
    let dept = recognise::department_from(&[], &s)?;
    let year = recognise::year_from(&[], stem)?;
    let kind = DocumentKind::said_in(stem).unwrap_or_default();
    Some(format!("{dept}|{year}|{}", kind.key()))
}

/// The documents to read: the files given and the readable files under the folders given, each
/// group one disclosure. Files given on the command line that share a department and year (by
/// name) are one document; in a folder, files sharing them are, so are files named for their
/// tables (see [`per_table_groups`]), and a narrative with no such name joins the folder's one
/// table document when there is one. Sorted, so runs repeat.
pub fn expand(paths: &[PathBuf]) -> (Vec<Vec<PathBuf>>, Vec<ReadError>) {
    let mut groups: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut loose_texts: Vec<PathBuf> = Vec::new();
    let mut per_table: Vec<PathBuf> = Vec::new();
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
                    None if table_name(&f).is_some() => per_table.push(f),
                    None => groups
                        .entry(format!("{}", f.display()))
                        .or_default()
                        .push(f),
                }
            }
        } else if p.exists() && name_key(p).is_none() && table_name(p).is_some() {
            per_table.push(p.clone());
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
    for (key, files) in per_table_groups(per_table) {
        groups.entry(key).or_default().extend(files);
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

/// What a document is called in reports: its file; or, when it has several files, its folder —
/// unless the folder holds other documents' files too, when it is the name its files share in
/// that folder (`budgets/江苏省人大办公厅-2019-预算` for `…-2019-预算表.pdf` and `…-2019-预算说明.pdf`).
pub fn source_of(files: &[PathBuf]) -> String {
    match files {
        [one] => one.display().to_string(),
        [first, ..] => {
            let dir = first.parent();
            if !files.iter().all(|f| f.parent() == dir) {
                return first.display().to_string();
            }
            let dir = dir.map(Path::to_path_buf).unwrap_or_default();
            match shared_name(files).filter(|_| holds_others(&dir, files)) {
                Some(name) => dir.join(name).display().to_string(),
                None => dir.display().to_string(),
            }
        }
        [] => String::new(),
    }
}

/// The start the files' names share, cut back to a separator (`江苏省人大办公厅-2019-预算`);
/// `None` when it is too short to tell anything.
fn shared_name(files: &[PathBuf]) -> Option<String> {
    let names: Vec<Vec<char>> = files
        .iter()
        .map(|f| {
            f.file_stem()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .chars()
                .collect()
        })
        .collect();
    let first = names.first()?;
    let common = (0..first.len())
        .take_while(|&i| names.iter().all(|n| n.get(i) == first.get(i)))
        .count();
    let name: String = first[..common].iter().collect();
    let name = name.trim_end_matches(['-', '_', ' ', '（', '(']);
    (name.chars().count() >= 4).then(|| name.to_string())
}

/// Whether a folder holds readable files besides these.
fn holds_others(dir: &Path, files: &[PathBuf]) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries
        .flatten()
        .map(|e| e.path())
        .any(|p| p.is_file() && readable(&p) && !skipped_in_folders(&p) && !files.contains(&p))
}

/// What a table file's name says of the one table it holds (`表1-收入支出决算总表.csv`,
/// `收入决算表.xlsx`, `财政局_表3.csv`) — or, for a CSV named by nothing else, its title line:
/// the table's number, the kind its title names, and what the name says before them.
#[derive(Debug, PartialEq)]
struct TableName {
    number: Option<u32>,
    kind: Option<TableKind>,
    prefix: Option<String>,
}

/// The name of a table file named for its table, not for its department and year.
fn table_name(p: &Path) -> Option<TableName> {
    if !read::is_table_file(p) {
        return None;
    }
    let stem = p.file_stem()?.to_str()?;
    let numbered = numbered(stem);
    let kind = recognise::from_title(stem);
    let prefix = match (&numbered, kind) {
        (Some((at, _)), _) => Some(stem[..*at].trim_end_matches('附')),
        (None, Some(k)) => stem.find(k.title()).map(|at| &stem[..at]),
        // A name that tells something else (谯城区人社局-2015-决算公开表.csv: its department and
        // year) names a document, not one of its tables: only a name that tells nothing (1.csv)
        // is looked into.
        (None, None) if tells_something(stem) => return None,
        (None, None) => {
            return csv_title(p).map(|kind| TableName {
                number: None,
                kind: Some(kind),
                prefix: None,
            })
        }
    };
    Some(TableName {
        number: numbered.map(|(_, n)| n),
        kind,
        prefix: prefix.map(|p| trim_separators(p).to_string()),
    })
}

/// Whether a file name says something of its own: a word in Chinese, or a year.
fn tells_something(stem: &str) -> bool {
    stem.chars().any(|c| c >= '\u{2E80}') || crate::model::names::year_in(stem).is_some()
}

/// The table a CSV's first lines title, for CSVs whose names tell nothing (`1.csv`): a CSV is
/// cheap to look into, a workbook is not, and per-table files are most often CSV exports.
fn csv_title(p: &Path) -> Option<TableKind> {
    use std::io::Read;
    if read::extension(p) != "csv" {
        return None;
    }
    let mut head = Vec::with_capacity(4096);
    std::fs::File::open(p)
        .ok()?
        .take(4096)
        .read_to_end(&mut head)
        .ok()?;
    // A UTF-8 character cut at the end of what was read is no sign of another encoding.
    let head = match std::str::from_utf8(&head) {
        Err(e) if e.error_len().is_none() => &head[..e.valid_up_to()],
        _ => &head[..],
    };
    read::decode_text(head)
        .lines()
        .take(6)
        .flat_map(|l| l.split(','))
        .find_map(|field| recognise::from_title(field.trim_matches(['"', ' '])))
}

/// Where a name numbers its table (`表1`, `附表 3`, `表１`), and the number.
fn numbered(stem: &str) -> Option<(usize, u32)> {
    stem.match_indices('表').find_map(|(at, t)| {
        let digits: String = stem[at + t.len()..]
            .trim_start()
            .chars()
            .map_while(|c| c.to_digit(10).or_else(|| fullwidth_digit(c)))
            .take(3)
            .map(|d| char::from_digit(d, 10).unwrap_or('0'))
            .collect();
        digits.parse().ok().map(|n| (at, n))
    })
}

fn fullwidth_digit(c: char) -> Option<u32> {
    ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)
}

/// A name without the separators and numbering around its parts.
fn trim_separators(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_digit() || "-_.、()（）【】[]".contains(c)
    })
}

/// Files named for their tables, grouped: a folder's are one document when no two of them name
/// the same table (or number); otherwise (two departments' tables side by side) each department's
/// are, told by what their names say before the table, and a file whose name says nothing of it
/// is a document of its own.
fn per_table_groups(files: Vec<PathBuf>) -> Vec<(String, Vec<PathBuf>)> {
    let mut by_dir: BTreeMap<PathBuf, Vec<(PathBuf, TableName)>> = BTreeMap::new();
    for f in files {
        if let Some(name) = table_name(&f) {
            let dir = f.parent().map(Path::to_path_buf).unwrap_or_default();
            by_dir.entry(dir).or_default().push((f, name));
        }
    }
    let mut out = Vec::new();
    for (dir, named) in by_dir {
        let dir = dir.display().to_string();
        let repeats = |same: &dyn Fn(&TableName, &TableName) -> bool| {
            named
                .iter()
                .enumerate()
                .any(|(i, (_, a))| named[i + 1..].iter().any(|(_, b)| same(a, b)))
        };
        let one_document = !repeats(&|a, b| a.kind.is_some() && a.kind == b.kind)
            && !repeats(&|a, b| a.number.is_some() && a.number == b.number);
        for (f, name) in named {
            let key = match (one_document, name.prefix) {
                (true, _) => format!("{dir}\u{1}"),
                (false, Some(prefix)) if !prefix.is_empty() => format!("{dir}\u{1}{prefix}"),
                _ => f.display().to_string(),
            };
            out.push((key, vec![f]));
        }
    }
    out
}

/// The path whose name tells a document's department and year: its first file's, or for files
/// named for their tables, what their names share before the table, else their folder's — up to
/// where it names the disclosure (决算, 预算, 公开); empty when nothing is left.
pub fn naming_source(files: &[PathBuf]) -> String {
    let tables: Vec<(&PathBuf, TableName)> = files
        .iter()
        .filter_map(|f| table_name(f).map(|n| (f, n)))
        .collect();
    let Some((first, _)) = tables.first() else {
        return files
            .first()
            .map(|f| f.display().to_string())
            .unwrap_or_default();
    };
    let prefixes: Vec<&str> = tables
        .iter()
        .filter_map(|(_, n)| n.prefix.as_deref())
        .collect();
    let shared: String = match prefixes.split_first() {
        Some((head, rest)) => head
            .chars()
            .enumerate()
            .take_while(|&(i, c)| rest.iter().all(|s| s.chars().nth(i) == Some(c)))
            .map(|(_, c)| c)
            .collect(),
        None => String::new(),
    };
    let dir = first.parent().unwrap_or(Path::new(""));
    let (base, name) = match trim_separators(&shared) {
        "" => (
            dir.parent().unwrap_or(Path::new("")),
            dir.file_name().and_then(|n| n.to_str()).unwrap_or(""),
        ),
        prefix => (dir, prefix),
    };
    let cut = ["决算", "预算", "公开"]
        .iter()
        .filter_map(|w| name.find(w))
        .min()
        .unwrap_or(name.len());
    match trim_separators(&name[..cut]) {
        "" => String::new(),
        name => base.join(name).display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(paths: &[&str]) -> Vec<Vec<String>> {
        let files = paths.iter().map(PathBuf::from).collect();
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, fs) in per_table_groups(files) {
            let fs = fs.iter().map(|f| f.display().to_string());
            groups.entry(k).or_default().extend(fs);
        }
        groups.into_values().collect()
    }

    #[test]
    fn a_folder_of_tables_named_for_them_is_one_document() {
        let name = table_name(Path::new("决算/附表3-支出决算表.csv")).unwrap();
        assert_eq!(name.number, Some(3));
        assert_eq!(name.kind, Some(TableKind::ExpenditureTable));
        assert_eq!(name.prefix.as_deref(), Some(""));
        assert_eq!(table_name(Path::new("决算/说明.docx")), None);
        assert_eq!(
            table_name(Path::new("决算/普陀区财政局决算公开表.xlsx")),
            None
        );
        assert_eq!(
            names(&[
                "a/表1-收入支出决算总表.csv",
                "a/表2-收入决算表.csv",
                "b/收入决算表.csv"
            ]),
            vec![
                vec!["a/表1-收入支出决算总表.csv", "a/表2-收入决算表.csv"],
                vec!["b/收入决算表.csv"]
            ]
        );
    }

    #[test]
    fn csv_files_named_by_number_are_told_by_their_titles() {
        let dir = std::env::temp_dir().join(format!("gouji-folders-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (gbk, _, _) = encoding_rs::GBK.encode("\"支出决算表\",,\n,,单位：万元\n");
        std::fs::write(dir.join("1.csv"), "收入决算表\n,,单位：万元\n").unwrap();
        std::fs::write(dir.join("2.csv"), &gbk[..]).unwrap();
        std::fs::write(dir.join("3.csv"), "项目,金额\n").unwrap();
        let kind = |n: &str| table_name(&dir.join(n)).and_then(|t| t.kind);
        assert_eq!(kind("1.csv"), Some(TableKind::IncomeTable));
        assert_eq!(kind("2.csv"), Some(TableKind::ExpenditureTable));
        assert_eq!(kind("3.csv"), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn several_files_are_named_by_what_their_names_share() {
        let files = |fs: &[&str]| fs.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert_eq!(
            shared_name(&files(&[
                "b/江苏省人大办公厅-2019-预算表.pdf",
                "b/江苏省人大办公厅-2019-预算说明.pdf"
            ]))
            .as_deref(),
            Some("江苏省人大办公厅-2019-预算")
        );
        assert_eq!(shared_name(&files(&["b/表1.csv", "b/说明.txt"])), None);
    }

    #[test]
    fn a_departments_final_account_and_budgets_of_one_year_are_documents_apart() {
        let key = |n: &str| name_key(Path::new(n)).unwrap();
        // The tables and the narrative of one 决算, or of one 预算 published as two PDFs, are one.
        assert_eq!(
            key("x/谯城区人社局-2016-决算公开表.xlsx"),
            key("x/谯城区人社局-2016-决算说明.txt")
        );
        assert_eq!(
            key("x/江苏省人大办公厅-2019-预算表.pdf"),
            key("x/江苏省人大办公厅-2019-预算说明.pdf")
        );
        // A name that says no kind is a final account's.
        assert_eq!(key("x/局-2016.xlsx"), key("x/局-2016-决算.pdf"));
        let final_account = key("x/普陀区商务委员会-2025-决算.pdf");
        let department = key("x/普陀区商务委员会-2025-部门预算.pdf");
        let unit = key("x/普陀区商务委员会-2025-单位预算.pdf");
        assert_ne!(final_account, department);
        assert_ne!(department, unit);
        assert_ne!(final_account, unit);
    }

    #[test]
    fn two_departments_tables_in_one_folder_are_two_documents() {
        assert_eq!(
            names(&[
                "a/人社局-收入决算表.csv",
                "a/人社局-支出决算表.csv",
                "a/财政局-收入决算表.csv",
                "a/财政局_表3.csv",
                "a/收入决算表.csv",
            ]),
            vec![
                vec!["a/人社局-收入决算表.csv", "a/人社局-支出决算表.csv"],
                vec!["a/财政局-收入决算表.csv", "a/财政局_表3.csv"],
                vec!["a/收入决算表.csv"],
            ]
        );
    }

    #[test]
    fn the_name_of_per_table_files_is_their_shared_prefix_or_their_folder() {
        let files = |fs: &[&str]| fs.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert_eq!(
            naming_source(&files(&[
                "x/普陀区财政局2024年决算/表1-收入支出决算总表.csv"
            ])),
            "x/普陀区财政局2024年"
        );
        assert_eq!(naming_source(&files(&["x/决算/表1-收入决算表.csv"])), "");
        assert_eq!(
            naming_source(&files(&["x/财政局-表1.csv", "x/财政局-表2.csv"])),
            "x/财政局"
        );
        assert_eq!(naming_source(&files(&["x/局-2024.xlsx"])), "x/局-2024.xlsx");
    }
}
