//! `gouji report`: the workbook read back with calamine, the charts decoded.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};

use super::common::Scratch;

fn report(inputs: &[&str], out: &Path) -> i32 {
    let status = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .arg("report")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .status()
        .unwrap();
    status.code().unwrap_or(-1)
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

/// The text of every note (cell comment) in the workbook, from its XML.
fn notes(book: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(book).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with("xl/comments") {
            f.read_to_string(&mut all).unwrap();
        }
    }
    all
}

#[test]
fn qiaocheng_report_has_its_sheets_findings_and_annotated_cells() {
    let out = Scratch::new("qiaocheng");
    assert_eq!(report(&["samples/qiaocheng-hrss-2016"], &out), 0);
    let path = out.join("report.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let sheets = book.sheet_names();
    for s in [
        "概览",
        "问题清单",
        "表1 收入支出决算总表",
        "表5 一般公共预算财政拨款支出决算表",
        "说明",
        "数据",
        "图表",
    ] {
        assert!(sheets.iter().any(|x| x == s), "{s} missing from {sheets:?}");
    }
    let overview = book.worksheet_range("概览").unwrap();
    assert_eq!(
        text(overview.get((1, 1)).unwrap()),
        "谯城区人力资源和社会保障局"
    );
    assert_eq!(text(overview.get((1, 2)).unwrap()), "2016");
    assert_eq!(text(overview.get((1, 3)).unwrap()), "决算");
    assert_eq!(text(overview.get((1, 7)).unwrap()), "0", "no error");
    assert_eq!(text(overview.get((1, 10)).unwrap()), "有警告");
    assert_eq!(
        text(overview.get((1, 11)).unwrap()),
        "3997.99",
        "本年收入合计"
    );
    let findings = book.worksheet_range("问题清单").unwrap();
    let rows: Vec<Vec<String>> = findings
        .rows()
        .map(|r| r.iter().map(text).collect())
        .collect();
    assert_eq!(rows[0][1], "规则");
    assert_eq!(rows.len() - 1, 11, "{rows:#?}");
    let l505 = rows
        .iter()
        .find(|r| r[1] == "L505")
        .expect("the 700.64 / 700.65 gap");
    assert_eq!(l505[2], "提示");
    assert_eq!(l505[4], "表5 一般公共预算财政拨款支出决算表!F7");
    assert_eq!(l505[5], "700.65");
    assert_eq!(l505[6], "700.64");
    assert!(rows
        .iter()
        .any(|r| r[1] == "N108" && r[11].contains("截止到日")));
    // The annotated copy of the table: the cell keeps its figure and carries the finding's note.
    let t5 = book
        .worksheet_range("表5 一般公共预算财政拨款支出决算表")
        .unwrap();
    assert_eq!(text(t5.get((6, 5)).unwrap()), "700.64");
    let n = notes(&path);
    assert!(n.contains("[L505 提示]"), "{n}");
    assert!(
        n.contains("截止到日"),
        "the narrative sentence is annotated on 说明"
    );
    let data = book.worksheet_range("数据").unwrap();
    assert!(data
        .rows()
        .any(|r| text(&r[5]) == "2101101" && text(&r[8]) == "1849.03"));
    // Charts: each PNG decodes and is not blank; each SVG has its Chinese labels.
    for stem in ["income", "expenditure", "basic-project", "year-on-year"] {
        let png = out.join("charts").join(format!("{stem}.png"));
        let img = image::open(&png).unwrap().to_rgb8();
        assert_eq!(img.dimensions(), (1600, 900));
        let dark = img
            .pixels()
            .filter(|p| p.0.iter().map(|&v| u32::from(v)).sum::<u32>() < 200)
            .count();
        assert!(dark > 2_000, "{stem}.png looks blank ({dark} dark pixels)");
        let svg = std::fs::read_to_string(out.join("charts").join(format!("{stem}.svg"))).unwrap();
        assert!(svg.contains("谯城区人力资源和社会保障局"), "{stem}.svg");
    }
    let svg = std::fs::read_to_string(out.join("charts/income.svg")).unwrap();
    assert!(svg.contains("财政拨款收入") && svg.contains("其他收入"));
    let svg = std::fs::read_to_string(out.join("charts/expenditure.svg")).unwrap();
    assert!(svg.contains("社会保障和就业支出"));
}

#[test]
fn the_same_input_gives_the_same_report() {
    let (a, b) = (Scratch::new("same-a"), Scratch::new("same-b"));
    assert_eq!(report(&["samples/putuo-finance-2024"], &a), 0);
    assert_eq!(report(&["samples/putuo-finance-2024"], &b), 0);
    let read = |d: &Path| std::fs::read(d.join("report.xlsx")).unwrap();
    assert_eq!(read(&a), read(&b));
    let read = |d: &Path| std::fs::read(d.join("charts/expenditure.png")).unwrap();
    assert_eq!(read(&a), read(&b));
}

#[test]
fn putuo_report_marks_the_real_gaps_on_the_published_sheet() {
    let out = Scratch::new("putuo");
    assert_eq!(report(&["samples/putuo-finance-2024"], &out), 0);
    let path = out.join("report.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = book.worksheet_range("部门决算公开表").unwrap();
    // 总表 社会保障和就业支出 326.71 万元, printed here in 元, against 326.72 in the 支出决算表.
    assert_eq!(text(sheet.get((11, 3)).unwrap()), "3267100");
    assert!(notes(&path).contains("[L502 提示]"));
    let findings = book.worksheet_range("问题清单").unwrap();
    assert_eq!(findings.rows().count() - 1, 10);
}

#[test]
fn an_unreadable_document_gets_its_row_on_the_overview() {
    let dir = Scratch::new("bad-input");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("坏文件.xlsx"), b"not a workbook").unwrap();
    let out = dir.join("out");
    let code = report(
        &[
            dir.join("坏文件.xlsx").to_str().unwrap(),
            "samples/putuo-finance-2024",
        ],
        &out,
    );
    assert_eq!(code, 2, "an input could not be read");
    let mut book: Xlsx<_> = open_workbook(out.join("report.xlsx")).unwrap();
    let overview = book.worksheet_range("概览").unwrap();
    let rows: Vec<Vec<String>> = overview
        .rows()
        .map(|r| r.iter().map(text).collect())
        .collect();
    let bad = rows.iter().find(|r| r[0].ends_with("坏文件.xlsx")).unwrap();
    assert_eq!(bad[10], "无法读取");
    assert!(bad.last().unwrap().contains("损坏"));
    assert!(rows.iter().any(|r| r[1] == "普陀区财政局"));
}

/// One part of the workbook's package, as text.
fn part(book: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(book).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn the_report_prints_on_a4_landscape_one_page_wide_with_its_headings_on_every_page() {
    let out = Scratch::new("print");
    report(&["samples/qiaocheng-hrss-2016"], &out);
    let book = out.join("report.xlsx");
    // Sheet 4 (after 概览, 问题清单 and 核对关系) is 表1 收入支出决算总表, as published: its
    // title, unit line and three heading rows stand above its first row of figures.
    let sheet = part(&book, "xl/worksheets/sheet4.xml");
    assert!(sheet.contains(r#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape""#));
    assert!(sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#));
    assert!(sheet.contains(
        "<oddFooter>&amp;Lsamples/qiaocheng-hrss-2016&amp;C&amp;A&amp;R第 &amp;P 页 / 共 &amp;N 页"
    ));
    let workbook = part(&book, "xl/workbook.xml");
    assert!(workbook.contains(r#"<definedName name="_xlnm.Print_Titles" localSheetId="3">'表1 收入支出决算总表'!$1:$5</definedName>"#));
    assert!(workbook.contains(
        r#"<definedName name="_xlnm.Print_Titles" localSheetId="1">问题清单!$1:$1</definedName>"#
    ));
}

/// A 总表 printed with its 收入 half only: B205 and the links of its 支出 half were not checked,
/// and `--relations`, the JSON and 核对关系 say so beside the two that were (B201, B203).
#[test]
fn relations_not_checked_are_listed_beside_those_checked() {
    let dir = Scratch::new("unchecked");
    dir.write(
        "普陀区财政局-2024-表1-收入支出决算总表.csv",
        "收入支出决算总表\n单位：元\n收入,\n项目,决算数\n一、一般公共预算财政拨款收入,100\n本年收入合计,100\n总计,100\n",
    );
    let input = dir.to_str().unwrap();
    let (_, text, _) = super::cli::gouji(&["check", "--relations", input]);
    assert!(text.contains("已核对的关系 (2)"), "{text}");
    assert!(text.contains("未能核对的关系 (1)"), "{text}");
    assert!(
        text.contains("? M605 “收入支出决算总表”只识别出一半"),
        "{text}"
    );
    let (_, json, _) = super::cli::gouji(&["check", "--format", "json", input]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let unchecked = &v["documents"][0]["relations_not_checked"];
    assert_eq!(unchecked.as_array().unwrap().len(), 1);
    assert_eq!(unchecked[0]["table"], "收入支出决算总表");

    let out = Scratch::new("unchecked-report");
    assert_eq!(report(&[input], &out), 0);
    let mut book: Xlsx<_> = open_workbook(out.join("report.xlsx")).unwrap();
    let sheet = book.worksheet_range("核对关系").unwrap();
    let outcomes: Vec<String> = (1..sheet.height()).map(|r| text_at(&sheet, r, 2)).collect();
    assert_eq!(outcomes, ["相符", "相符", "未能核对"]);
    assert!(text_at(&sheet, 3, 3).contains("B205"));
}

/// The sample's 166 relations, all verified, and nothing left unchecked.
#[test]
fn the_relations_sheet_holds_every_relation_verified() {
    let out = Scratch::new("relations-sheet");
    assert_eq!(report(&["samples/putuo-finance-2024"], &out), 0);
    let mut book: Xlsx<_> = open_workbook(out.join("report.xlsx")).unwrap();
    let sheet = book.worksheet_range("核对关系").unwrap();
    assert_eq!(sheet.height(), 167, "a heading and 166 relations");
    assert_eq!(text_at(&sheet, 1, 1), "T101");
    assert!((1..167).all(|r| text_at(&sheet, r, 2) != "未能核对"));
}

fn text_at(sheet: &calamine::Range<calamine::Data>, r: usize, c: usize) -> String {
    sheet.get((r, c)).map(text).unwrap_or_default()
}

/// Printed through LibreOffice, the report of the 人社局 sample takes a sensible number of A4
/// pages: each sheet one page wide, so no table is cut into strips (SKIPPED without soffice).
#[test]
fn the_report_prints_to_a_sensible_number_of_pages() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        eprintln!("SKIPPED: LibreOffice (soffice) is not installed");
        return;
    };
    let out = Scratch::new("print-pdf");
    report(&["samples/qiaocheng-hrss-2016"], &out);
    let status = Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&*out)
        .arg(out.join("report.xlsx"))
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = gouji::read::pdf::read_pdf(&out.join("report.pdf")).unwrap();
    // Twelve sheets, the longest (数据, 272 rows; 说明) a few pages each: well under 60 pages,
    // where an unscaled print of the wide sheets would run to strips of every table.
    assert!(
        (12..60).contains(&pdf.pages.len()),
        "{} pages",
        pdf.pages.len()
    );
}
