//! Bad input never panics: each gives a clear message naming the file (and sheet and cell).

use std::path::Path;

use gouji::check::Severity;
use gouji::read::ReadError;
use gouji::run::{check_file, check_paths};

use super::common::Scratch;

#[test]
fn corrupt_workbook_names_the_file_and_the_reason() {
    let dir = Scratch::new("corrupt");
    let f = dir.join("坏文件.xlsx");
    std::fs::write(&f, b"PK\x03\x04 this is not really a zip").unwrap();
    let r = check_file(&f);
    assert!(r.document.is_none());
    let msg = r.errors[0].to_string();
    assert!(msg.contains("坏文件.xlsx") && msg.contains("损坏"), "{msg}");
}

#[test]
fn password_protected_workbook_is_said_to_be_so() {
    let dir = Scratch::new("encrypted");
    let f = dir.join("加密.xlsx");
    // What Office writes for a password-protected .xlsx: an OLE compound file holding an
    // EncryptedPackage stream instead of a zip.
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    bytes.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    bytes.resize(2048, 0);
    std::fs::write(&f, bytes).unwrap();
    let r = check_file(&f);
    assert!(
        matches!(r.errors[0], ReadError::Encrypted { .. }),
        "{:?}",
        r.errors
    );
    assert!(r.errors[0].to_string().contains("密码"));
}

#[test]
fn text_where_a_number_must_be_names_the_cell() {
    let dir = Scratch::new("text");
    let f = dir.join("收入决算表.csv");
    std::fs::write(
        &f,
        "收入决算表\n,,单位：万元\n项目,本年收入合计,财政拨款收入,其他收入\n合计,约四千,3966.63,31.36\n",
    )
    .unwrap();
    let r = check_file(&f);
    let x: Vec<_> = r.findings.iter().filter(|f| f.rule == "X001").collect();
    assert_eq!(x.len(), 1, "{:#?}", r.findings);
    assert_eq!(x[0].location.cell.as_deref(), Some("B4"));
    assert!(x[0].message.zh.contains("约四千"));
}

#[test]
fn gbk_csv_is_decoded() {
    let dir = Scratch::new("gbk");
    let f = dir.join("income.csv");
    let text = "收入决算表\n,,单位：万元\n项目,本年收入合计,财政拨款收入,其他收入\n合计,\"3,997.99\",３９６６．６３,(31.36)\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    std::fs::write(&f, &gbk).unwrap();
    let r = check_file(&f);
    let doc = r.document.unwrap();
    assert_eq!(doc.tables[0].kind, gouji::model::TableKind::IncomeTable);
    // 3,997.99 ≠ 3,966.63 + (−31.36): the parenthesised negative is read as one.
    let t101: Vec<_> = r.findings.iter().filter(|f| f.rule == "T101").collect();
    assert_eq!(t101[0].expected, Some("3935.27".parse().unwrap()));
    assert_eq!(t101[0].severity, Severity::Error);
}

#[test]
fn a_sheet_with_no_table_and_an_empty_file_are_reported() {
    let dir = Scratch::new("nothing");
    let f = dir.join("notes.csv");
    std::fs::write(&f, "会议纪要\n今天讨论了工作安排\n").unwrap();
    let r = check_file(&f);
    assert!(r.errors.is_empty());
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "M601" && f.message.zh.contains("未找到")));
    let e = dir.join("empty.csv");
    std::fs::write(&e, "").unwrap();
    let r = check_file(&e);
    assert!(matches!(r.errors[0], ReadError::Empty { .. }));
}

#[test]
fn a_million_row_sheet_is_refused_by_name() {
    let dir = Scratch::new("huge");
    let f = dir.join("huge.csv");
    let mut s = String::with_capacity(12_000_000);
    for i in 0..1_000_000 {
        s.push_str(&format!("{i},1.00\n"));
    }
    std::fs::write(&f, s).unwrap();
    let r = check_file(&f);
    match &r.errors[0] {
        ReadError::SheetTooLarge { rows, sheet, .. } => {
            assert_eq!(*rows, 1_000_000);
            assert_eq!(sheet, "huge");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_workbook_sheet_too_tall_is_refused_and_the_others_read() {
    let dir = Scratch::new("tall-xlsx");
    let f = dir.join("tall.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let tall = book.add_worksheet().set_name("附表").unwrap();
    tall.write_string(0, 0, "收入决算表").unwrap();
    tall.write_number(149_999, 0, 1.0).unwrap();
    let ok = book.add_worksheet().set_name("收入决算表").unwrap();
    ok.write_string(0, 0, "收入决算表").unwrap();
    ok.write_string(1, 0, "合计").unwrap();
    ok.write_number(1, 1, 12.5).unwrap();
    book.save(&f).unwrap();
    let r = check_file(&f);
    match &r.errors[..] {
        [ReadError::SheetTooLarge { rows, sheet, .. }] => {
            assert_eq!(*rows, 150_000);
            assert_eq!(sheet, "附表");
        }
        other => panic!("{other:?}"),
    }
    let doc = r.document.expect("the other sheet is read");
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(&*doc.tables[0].sheet, "收入决算表");
}

#[test]
fn one_bad_file_in_a_folder_does_not_stop_the_others() {
    let dir = Scratch::new("folder");
    std::fs::write(dir.join("a-bad.xlsx"), b"garbage").unwrap();
    std::fs::copy(super::samples::QIAOCHENG, dir.join("b-good.xlsx")).unwrap();
    let results = check_paths(&[dir.to_path_buf(), Path::new("no/such/file.xlsx").into()]);
    assert_eq!(results.len(), 3);
    let good = results
        .iter()
        .find(|r| r.source.ends_with("b-good.xlsx"))
        .unwrap();
    assert!(good.document.is_some() && good.errors.is_empty());
    let bad = results
        .iter()
        .find(|r| r.source.ends_with("a-bad.xlsx"))
        .unwrap();
    assert!(bad.failed());
    assert!(results.iter().any(|r| r.source.contains("no/such")));
}

/// Random grids mixing titles, headings, codes, amounts, units and junk: recognition and the whole
/// catalogue must take them without a panic (a fixed-seed generator keeps failures repeatable).
#[test]
fn random_grids_never_panic() {
    use gouji::read::{Grid, Merge, RawValue};
    const WORDS: &[&str] = &[
        "收入支出决算总表",
        "收入决算表",
        "支出决算表",
        "财政拨款收入支出决算总表",
        "一般公共预算财政拨款基本支出决算表",
        "“三公”经费支出决算表",
        "政府性基金预算财政拨款收入支出决算表",
        "单位：万元",
        "单位：元",
        "项目",
        "科目编码",
        "科目名称",
        "类",
        "款",
        "项",
        "合计",
        "本年收入合计",
        "本年支出合计",
        "年初结转和结余",
        "年末结转和结余",
        "收入总计",
        "支出总计",
        "人员经费合计",
        "公用经费合计",
        "因公出国（境）费",
        "预算数",
        "决算数",
        "小计",
        "201",
        "20801",
        "2080101",
        "301",
        "30101",
        "-",
        "—",
        "(13.29)",
        "３９９７．９９",
        "1,234.5",
        "注：本表无数据",
        "栏次",
        "行次",
        "",
        "9999999999999999999999999999",
        "0.000000001",
        "abc",
        "一、",
        "收入",
        "支出",
    ];
    let mut seed: u64 = 0x2016_2024;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    for _ in 0..300 {
        let rows = 1 + next(40);
        let cols = 1 + next(12);
        let grid = Grid {
            file: "random.xlsx".into(),
            sheet: "S".into(),
            rows: (0..rows)
                .map(|_| {
                    (0..cols)
                        .map(|_| match next(4) {
                            0 => RawValue::Empty,
                            1 => RawValue::Number((next(1_000_000) as f64 - 5000.0) / 100.0),
                            _ => RawValue::Text(WORDS[next(WORDS.len())].to_string()),
                        })
                        .collect()
                })
                .collect(),
            merges: (0..next(4))
                .map(|_| {
                    let (r, c) = (next(rows) as u32, next(cols) as u32);
                    Merge {
                        first: (r, c),
                        last: (r + next(3) as u32, c + next(3) as u32),
                    }
                })
                .collect(),
            places: None,
        };
        let (doc, problems) = gouji::recognise::document("random.xlsx", &[grid]);
        let _ = gouji::check::run(&doc, &problems);
    }
}

/// Checking the file ended without a panic caught (the guard would report it as unread).
fn assert_not_panicked(f: &Path) {
    let r = check_file(f);
    let panicked = r
        .errors
        .iter()
        .any(|e| matches!(e, ReadError::Panicked { .. }));
    assert!(!panicked, "{}: {:?}", f.display(), r.errors);
}

/// Pages with broken markup never panic: unclosed cells, rows and tables, stray end tags, a
/// table inside a cell, spans of a million, an unclosed comment or script.
#[test]
fn broken_html_pages_are_read_as_far_as_they_go() {
    let dir = Scratch::new("bad-html");
    let pages = [
        "<table><tr><td>收入决算表<td>1<tr><td rowspan=999999 colspan=99999>x<td>2",
        "</td></tr></table><td colspan=-3>合计</td><table><table><tr><td>1</table>",
        "<p>收入决算表</p><table><tr><td><table><tr><td>a<td>b<tr><td>c<td>1.0</table></td><td>2",
        "<table><tr><td rowspan='0' colspan=\"2\">a</td></tr><tr><td>b</td></tr><!-- <table>",
        "<script>var t = '<table>'; <table><tr><td>1<td>2<tr><td>3<td>4",
        "<table><caption>支出决算表<tr><th colspan=1e9>项目<th rowspan=>金额<tr><td>合计<td>&#xFFFFFFFF;&#99999999;",
        "<",
        "<table",
        "<<<>>>&&&;;",
    ];
    for (i, html) in pages.iter().enumerate() {
        let f = dir.write(&format!("坏网页{i}.html"), html);
        assert_not_panicked(&f);
        let _ = gouji::read::read_page(&f, gouji::read::Tables::Grids);
    }
    // Spans are cut to the table: a million rows down is to its last row, columns at most 256.
    let f = dir.write("spans.html", pages[0]);
    let page = gouji::read::read_page(&f, gouji::read::Tables::Grids).unwrap();
    let m = page.grids[0].merges[0];
    assert_eq!((m.first, m.last), ((1, 0), (1, 255)));
    // The table inside a cell is read as a grid, the one around it as text.
    let f = dir.write("nested.html", pages[2]);
    let page = gouji::read::read_page(&f, gouji::read::Tables::Grids).unwrap();
    assert_eq!(page.grids.len(), 1);
    // Its heading is the title above the table around it.
    assert_eq!(page.grids[0].get(0, 0).text(), "收入决算表");
    assert_eq!(page.grids[0].get(2, 1).text(), "1.0");
    assert!(
        page.text.contains('2') && !page.text.contains("1.0"),
        "{}",
        page.text
    );
}

/// A table that would lay out more cells than any 决算 table (a span pushing every row 255
/// columns right) is reported, named, not read; the page is not held in memory many times over.
#[test]
fn an_html_table_too_large_is_reported_not_read() {
    let dir = Scratch::new("huge-html");
    let mut html = String::from("<table><tr><td rowspan=0 colspan=255>x<td>y");
    for _ in 0..9000 {
        html.push_str("<tr><td>1<td>2");
    }
    let f = dir.write("大表.html", html);
    let page = gouji::read::read_page(&f, gouji::read::Tables::Grids).unwrap();
    assert!(page.grids.is_empty());
    match page.problems.as_slice() {
        [ReadError::SheetTooLarge { sheet, rows, .. }] => {
            assert_eq!(sheet, "表格1");
            assert_eq!(*rows, 9001);
        }
        other => panic!("{other:?}"),
    }
}

/// Word documents with broken XML, without their document part, or with nested tables and merges
/// that continue nothing: an error naming the file, or the tables read as far as they go.
#[test]
fn broken_word_documents_never_panic() {
    use std::io::Write;
    let dir = Scratch::new("bad-docx");
    let docx = |part: &str, xml: &str| {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(part, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    };
    let f = dir.write("无正文.docx", docx("word/other.xml", "<x/>"));
    assert!(matches!(
        check_file(&f).errors.as_slice(),
        [ReadError::Corrupt { .. }]
    ));
    let f = dir.write(
        "坏.docx",
        docx("word/document.xml", "<w:body><w:p><w:t>收入</w:x>"),
    );
    match check_file(&f).errors.as_slice() {
        [ReadError::Corrupt { file, reason }] => {
            assert!(
                file.ends_with("坏.docx") && reason.contains("document.xml"),
                "{reason}"
            );
        }
        other => panic!("{other:?}"),
    }
    let cell = |props: &str, t: &str| {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>")
    };
    let body = format!(
        "<w:body><w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"99999999999\"/></w:trPr>{}{}</w:tr>\
         <w:tr>{}<w:tc><w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body>",
        cell("<w:vMerge/>", "续"),
        cell("<w:gridSpan w:val=\"-1\"/>", "x"),
        cell("<w:gridSpan w:val=\"999999999999999999999\"/><w:vMerge w:val=\"restart\"/>", "a"),
        cell("<w:vMerge/>", "b"),
        cell("", "1"),
        cell("<w:vMerge/>", ""),
        cell("", "2"),
    );
    let f = dir.write("嵌套.docx", docx("word/document.xml", &body));
    assert_not_panicked(&f);
    let page = gouji::read::read_page(&f, gouji::read::Tables::Grids).unwrap();
    // The inner table: b continued below, 1 over 2.
    assert_eq!(page.grids.len(), 1);
    assert_eq!(page.grids[0].merges.len(), 1);
    assert_eq!(page.grids[0].get(1, 1).text(), "2");
}
