//! A folder of one file per table (issue 20 §4): `表1-收入支出决算总表.csv` … `表9-….csv`, named
//! without department or year, is one document for `check` and `batch` alike.

use std::ops::Range;
use std::path::{Path, PathBuf};

use gouji::model::TableKind;
use gouji::read::{read_workbook, Grid, RawValue};
use gouji::run::{check_file, check_paths};

use super::common::Scratch;
use super::html_tables::{table_relations, tables};
use super::samples::PUTUO;

fn csv_field(v: &RawValue) -> String {
    let t = v.text();
    if t.contains([',', '"', '\n']) {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t
    }
}

/// Rows of a grid as a CSV.
fn csv(g: &Grid, rows: Range<usize>) -> String {
    rows.map(|r| {
        let fields: Vec<String> = g.rows[r].iter().map(csv_field).collect();
        fields.join(",") + "\n"
    })
    .collect()
}

/// Rows of a grid as a workbook of one sheet, merges kept.
fn xlsx(g: &Grid, rows: Range<usize>, path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let top = rows.start;
    for r in rows.clone() {
        for (c, v) in g.rows[r].iter().enumerate() {
            let (row, col) = ((r - top) as u32, c as u16);
            match (v, g.merge_at(r, c)) {
                (_, Some(m)) if (m.first.0 as usize, m.first.1 as usize) != (r, c) => {}
                (_, Some(m)) if m.last.0 as usize >= rows.end => {}
                (_, Some(m)) => {
                    let last = ((m.last.0 as usize - top) as u32, m.last.1 as u16);
                    let format = rust_xlsxwriter::Format::new();
                    sheet
                        .merge_range(row, col, last.0, last.1, &v.text(), &format)
                        .unwrap();
                }
                (RawValue::Number(n), None) => drop(sheet.write_number(row, col, *n).unwrap()),
                (RawValue::Text(t), None) => drop(sheet.write_string(row, col, t).unwrap()),
                (RawValue::Empty, None) => {}
            }
        }
    }
    book.save(path).unwrap();
}

/// The sample's nine tables, a file each, named `表N-<title>`: CSV, or workbooks with the merges;
/// CSVs named `N.csv` by `ext` "number.csv".
fn write_tables(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let g: Grid = read_workbook(Path::new(PUTUO)).unwrap().grids.remove(0);
    std::fs::create_dir_all(dir).unwrap();
    tables(&g)
        .into_iter()
        .enumerate()
        .map(|(i, (title, under))| {
            // Each file holds its title row too, as a per-table export does.
            let rows = under.start - 1..under.end;
            let path = match ext {
                "number.csv" => dir.join(format!("{}.csv", i + 1)),
                _ => dir.join(format!("表{}-{}.{ext}", i + 1, title.trim())),
            };
            match ext {
                "csv" | "number.csv" => std::fs::write(&path, csv(&g, rows)).unwrap(),
                _ => xlsx(&g, rows, &path),
            }
            path
        })
        .collect()
}

#[test]
fn nine_files_named_for_their_tables_are_one_document() {
    let book = check_file(Path::new(PUTUO));
    assert_eq!(book.checked.len(), 166);
    let dir = Scratch::new("per-table");
    for ext in ["xlsx", "csv"] {
        let folder = dir.join(ext).join("决算");
        let files = write_tables(&folder, ext);
        assert_eq!(files.len(), 9);
        std::fs::write(folder.join("情况说明.txt"), "本部门2024年度决算公开如下。").unwrap();
        let results = check_paths(std::slice::from_ref(&folder));
        assert_eq!(results.len(), 1, "{ext}: one document, not nine");
        let r = &results[0];
        assert!(r.errors.is_empty(), "{ext}: {:?}", r.errors);
        let doc = r.document.as_ref().unwrap();
        for kind in TableKind::STANDARD {
            assert!(
                doc.tables.iter().any(|t| t.kind == kind),
                "{ext}: {kind:?} missing"
            );
        }
        // The folder's narrative joins the tables.
        assert_eq!(doc.narratives.len(), 1, "{ext}");
        assert!(!r.findings.iter().any(|f| f.rule == "M601"), "{ext}");
        // Named 表N-<title>, the files tell no department; the folder, named 决算, none either.
        assert_eq!(doc.department, None, "{ext}");
        assert_eq!(doc.source, folder.display().to_string());
        // Given one by one on the command line they are the same document; batch agrees.
        let one_by_one = check_paths(&files);
        assert_eq!(one_by_one.len(), 1, "{ext}");
        assert_eq!(table_relations(&one_by_one[0]), table_relations(r), "{ext}");
        let (groups, _) = gouji::batch::discover::documents(std::slice::from_ref(&folder));
        assert_eq!(groups.len(), 1, "{ext}");
        assert_eq!(groups[0].len(), 10, "{ext}");
        // No relation is lost to the split: the workbook's 166, each with its figures. A CSV has
        // no merged cells, so its “三公” table is read without its grouped header (issue 20 §1,
        // S401/S402 read 公务接待费 as 公务用车运行费); every other relation is the workbook's.
        let not_three_public = |v: Vec<(&'static str, String)>| -> Vec<_> {
            v.into_iter()
                .filter(|(rule, _)| ext == "xlsx" || !rule.starts_with("S4"))
                .collect()
        };
        assert_eq!(
            not_three_public(table_relations(r)),
            not_three_public(table_relations(&book)),
            "{ext}"
        );
    }
}

#[test]
fn two_departments_per_table_folders_side_by_side_are_two_documents() {
    let dir = Scratch::new("per-table-two");
    write_tables(&dir.join("普陀区财政局2024年决算"), "xlsx");
    write_tables(&dir.join("普陀区规划局2024年决算"), "xlsx");
    let results = check_paths(&[dir.to_path_buf()]);
    assert_eq!(results.len(), 2);
    let mut told: Vec<_> = results
        .iter()
        .map(|r| {
            let d = r.document.as_ref().unwrap();
            assert_eq!(r.checked.len(), 166, "{}", r.source);
            (d.department.clone().unwrap_or_default(), d.year)
        })
        .collect();
    told.sort();
    // The folders name department and year, their files only the tables.
    assert_eq!(
        told,
        vec![
            ("普陀区规划局".to_string(), Some(2024)),
            ("普陀区财政局".to_string(), Some(2024)),
        ]
    );
}

/// CSVs named only by a number are told by the title each holds on its first line.
#[test]
fn csv_files_named_by_number_are_one_document_by_their_titles() {
    let dir = Scratch::new("per-table-numbered");
    let folder = dir.join("决算");
    write_tables(&folder, "number.csv");
    let results = check_paths(std::slice::from_ref(&folder));
    assert_eq!(results.len(), 1, "one document, not nine");
    let doc = results[0].document.as_ref().unwrap();
    for kind in TableKind::STANDARD {
        assert!(
            doc.tables.iter().any(|t| t.kind == kind),
            "{kind:?} missing"
        );
    }
}
