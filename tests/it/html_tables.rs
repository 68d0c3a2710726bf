//! Tables published as a web page or inside a Word document (issue 20 §3): the sample workbook
//! written out as HTML (whole sheet, or a page per table as government sites post it, UTF-8 or
//! GBK, as LibreOffice saves it) and as .docx gives the workbook's tables, relations and findings.

use std::ops::Range;
use std::path::Path;

use gouji::check::Severity;
use gouji::read::{read_workbook, Grid, RawValue};
use gouji::run::{check_file, DocResult};

use super::common::Scratch;
use super::samples::PUTUO;

/// The sample's one sheet, as calamine reads it.
fn sample_grid() -> Grid {
    read_workbook(Path::new(PUTUO)).unwrap().grids.remove(0)
}

fn cell_text(v: &RawValue) -> String {
    v.text()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The rows and columns a cell spans, or `None` for a cell a merge covers.
fn spans(g: &Grid, r: usize, c: usize) -> Option<(usize, usize)> {
    match g.merge_at(r, c) {
        Some(m) if (m.first.0 as usize, m.first.1 as usize) != (r, c) => None,
        Some(m) => Some((
            (m.last.0 - m.first.0 + 1) as usize,
            (m.last.1 - m.first.1 + 1) as usize,
        )),
        None => Some((1, 1)),
    }
}

/// Rows of a grid as an HTML table, merges as `rowspan`/`colspan`; `libre` writes what
/// LibreOffice writes (a <colgroup>, unquoted attributes, sdval, <font>/<b>, &nbsp; for blanks).
fn html_table(g: &Grid, rows: Range<usize>, libre: bool) -> String {
    let width = g.width();
    let mut out = String::from("<table cellspacing=\"0\" border=\"0\">\n");
    if libre {
        out.push_str(&format!(
            "\t<colgroup span=\"{width}\" width=\"85\"></colgroup>\n"
        ));
    }
    for r in rows {
        out.push_str("\t<tr>\n");
        for c in 0..width {
            let Some((rs, cs)) = spans(g, r, c) else {
                continue;
            };
            let v = g.get(r, c);
            let mut attrs = String::new();
            if rs > 1 {
                attrs += &if libre {
                    format!(" rowspan={rs}")
                } else {
                    format!(" rowspan=\"{rs}\"")
                };
            }
            if cs > 1 {
                attrs += &format!(" colspan='{cs}'");
            }
            let text = match (v, libre) {
                (RawValue::Empty, true) => "&nbsp;".to_string(),
                (RawValue::Number(n), true) => {
                    attrs += &format!(" sdval=\"{n}\" sdnum=\"2052;0;0.00\"");
                    format!("<font color=\"#000000\">{n}</font>")
                }
                (RawValue::Text(_), true) => format!("<b><font size=3>{}</font></b>", cell_text(v)),
                _ => cell_text(v),
            };
            out.push_str(&format!("\t\t<td{attrs} align=left>{text}</td>\n"));
        }
        out.push_str("\t</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

/// The rows where the sample's tables start: their titles, alone on their row.
fn title_rows(g: &Grid) -> Vec<usize> {
    (0..g.rows.len())
        .filter(|&r| {
            let texts: Vec<_> = g.rows[r].iter().filter(|v| !v.is_empty()).collect();
            matches!(texts.as_slice(), [RawValue::Text(t)] if gouji::recognise::from_title(t).is_some())
        })
        .collect()
}

/// Each table of the grid: its title and the rows under it.
pub fn tables(g: &Grid) -> Vec<(String, Range<usize>)> {
    let starts = title_rows(g);
    starts
        .iter()
        .enumerate()
        .map(|(i, &r)| {
            let end = starts.get(i + 1).copied().unwrap_or(g.rows.len());
            (g.get(r, 0).text(), r + 1..end)
        })
        .collect()
}

/// The sample as a government site posts it: navigation and scripts, a layout table around the
/// article, prose, then each table under its title paragraph.
fn site_page(g: &Grid, charset: &str) -> String {
    let mut body = String::new();
    for (title, rows) in tables(g) {
        body += &format!("<p align=\"center\"><strong>{title}</strong></p>\n");
        body += &html_table(g, rows, false);
    }
    format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">\
         <title>上海市普陀区财政局2024年度部门决算</title><style>td {{ border: 1px }}</style>\
         <script>var nav = '<table><tr><td>1</td></tr></table>';</script></head><body>\
         <table class=\"layout\"><tr><td><a href=\"/\">首页</a> | <a href=\"/zwgk\">政务公开</a></td></tr>\
         <tr><td><h2>上海市普陀区财政局2024年度部门决算</h2>\
         <p>以下为本部门决算公开的九张表格，请查阅。</p>\n{body}</td></tr></table>\
         <!-- <table><tr><td>注释里的表</td><td>1</td></tr></table> --></body></html>"
    )
}

/// What must be the same whatever the layout: the rule, how much it matters, the figures and the
/// wording (which names tables and lines, not cells).
fn fingerprint(r: &DocResult) -> Vec<String> {
    let mut out: Vec<String> = r
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {:?} {:?} {:?} {}",
                f.rule, f.severity, f.expected, f.actual, f.message.zh
            )
        })
        .collect();
    out.sort();
    out
}

fn titles(r: &DocResult) -> Vec<(gouji::model::TableKind, String)> {
    let doc = r.document.as_ref().unwrap();
    doc.tables
        .iter()
        .map(|t| (t.kind, t.title.clone()))
        .collect()
}

/// The relations between tables, each with its figures: a page's prose adds its own (N111: the
/// year its title prints against the tables').
pub fn table_relations(r: &DocResult) -> Vec<(&'static str, String)> {
    let mut v: Vec<_> = r
        .checked
        .iter()
        .filter(|c| !c.rule.starts_with('N'))
        .map(|c| (c.rule, c.formula()))
        .collect();
    v.sort();
    v
}

/// The workbook's tables, relations and findings, and those of a copy.
fn assert_same(name: &str, copy: &DocResult, book: &DocResult) {
    assert!(copy.errors.is_empty(), "{name}: {:?}", copy.errors);
    assert_eq!(titles(copy), titles(book), "{name}");
    // Each table as `extract` prints it (columns, lines, codes, figures), where it is left out.
    let model = |r: &DocResult| {
        let text = gouji::report::terminal::tables(r.document.as_ref().unwrap());
        let place = regex::Regex::new(r"\S+![A-Z]+[0-9]+").unwrap();
        place.replace_all(&text, "").into_owned()
    };
    assert_eq!(model(copy), model(book), "{name}");
    assert_eq!(table_relations(copy), table_relations(book), "{name}");
    assert_eq!(fingerprint(copy), fingerprint(book), "{name}");
    let (c, b) = (
        copy.document.as_ref().unwrap(),
        book.document.as_ref().unwrap(),
    );
    assert_eq!(c.year, b.year, "{name}");
}

const STEM: &str = "普陀区财政局-2024-决算公开表";

#[test]
fn the_sample_as_one_html_table_gives_the_workbooks_findings_at_the_same_cells() {
    let g = sample_grid();
    let book = check_file(Path::new(PUTUO));
    // 166 relations, ten Info findings: the test would pass vacuously on an empty result.
    assert_eq!(book.checked.len(), 166);
    let dir = Scratch::new("html-sheet");
    let page = format!(
        "<html><body>{}</body></html>",
        html_table(&g, 0..g.rows.len(), false)
    );
    let copy = check_file(&dir.write(&format!("{STEM}.html"), page));
    assert_same("one table", &copy, &book);
    let cells = |r: &DocResult| -> Vec<_> {
        let mut v: Vec<_> = r
            .findings
            .iter()
            .map(|f| (f.rule, f.location.cell.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(cells(&copy), cells(&book));
    assert!(copy
        .findings
        .iter()
        .all(|f| f.location.sheet.as_deref() == Some("表格1")));
    let department = |r: &DocResult| r.document.as_ref().unwrap().department.clone();
    assert_eq!(department(&copy), department(&book));
    assert!(
        copy.document.unwrap().narratives.is_empty(),
        "no prose on the page"
    );
}

/// A figure changed on the page is an error naming its cell on the page: C150 is the 合计 of
/// 一般公共预算财政拨款支出决算表's first amount column (in 元), 29400500 = Σ of its four 类
/// (21066600 + 3267200 + 609900 + 4456900 = 29400600, within rounding); printed 29500500, it is
/// 99900 over.
#[test]
fn a_changed_figure_on_the_page_is_an_error_at_its_cell() {
    let mut g = sample_grid();
    assert_eq!(g.get(149, 2).text(), "29400500");
    g.rows[149][2] = RawValue::Text("29500500".into());
    let dir = Scratch::new("html-planted");
    let page = html_table(&g, 0..g.rows.len(), false);
    let r = check_file(&dir.write(&format!("{STEM}.html"), page));
    let t102: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "T102" && f.location.cell.as_deref() == Some("C150"))
        .collect();
    assert_eq!(t102.len(), 1, "{:#?}", r.findings);
    assert_eq!(t102[0].severity, Severity::Error);
    assert_eq!(t102[0].location.sheet.as_deref(), Some("表格1"));
    assert_eq!(t102[0].actual, Some("29500500".parse().unwrap()));
}

#[test]
fn the_sample_as_a_government_page_gives_the_workbooks_findings() {
    let g = sample_grid();
    assert_eq!(tables(&g).len(), 9);
    let book = check_file(Path::new(PUTUO));
    let dir = Scratch::new("html-site");
    let utf8 = check_file(&dir.write(&format!("{STEM}.html"), site_page(&g, "utf-8")));
    assert_same("site page", &utf8, &book);
    let doc = utf8.document.as_ref().unwrap();
    // The page's heading names the department more fully than the file name.
    assert_eq!(doc.department.as_deref(), Some("上海市普陀区财政局"));
    // Nine tables of figures, each a grid of its own named in reading order.
    assert_eq!(utf8.grids.len(), 9);
    assert_eq!(utf8.grids[8].sheet, "表格9");
    // The prose is the narrative; the tables' figures are not also sentences of it.
    let text: String = doc.narratives[0]
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert!(text.contains("以下为本部门决算公开的九张表格"), "{text}");
    assert!(
        !text.contains("2940.05") && !text.contains("注释里的表"),
        "{text}"
    );

    let page = site_page(&g, "gbk");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&page);
    assert!(!unmappable);
    let gbk = check_file(&dir.write(&format!("{STEM}-gbk.html"), gbk));
    assert_same("GBK page", &gbk, &book);
}

/// What LibreOffice's “HTML Document (Calc)” writes for the workbook: a heading naming the sheet
/// above its one table. The heading is the grid's first row, so each cell is a row lower.
#[test]
fn the_sample_as_libreoffice_saves_it_gives_the_workbooks_findings() {
    let g = sample_grid();
    let book = check_file(Path::new(PUTUO));
    let page = format!(
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">\n<html>\n<head>\n\
         \t<meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"/>\n\t<title></title>\n\
         \t<meta name=\"generator\" content=\"LibreOffice 7.3.7.2 (Linux)\"/>\n\
         \t<style type=\"text/css\">\n\t\tbody,div,table,thead,tbody,tfoot,tr,th,td,p {{ font-family:\"Liberation Sans\"; font-size:x-small }}\n\t</style>\n\
         </head>\n<body>\n<a name=\"table0\"><h1>Sheet 1: <em>部门决算公开表</em></h1></a>\n{}\
         <!-- ************************************************************************** -->\n</body>\n</html>\n",
        html_table(&g, 0..g.rows.len(), true)
    );
    let dir = Scratch::new("html-libre");
    let copy = check_file(&dir.write(&format!("{STEM}.html"), page));
    assert_same("LibreOffice", &copy, &book);
    assert_eq!(
        copy.grids[0].rows[0],
        vec![RawValue::Text("Sheet 1: 部门决算公开表".into())]
    );
    let e301 = |r: &DocResult| -> Vec<Option<String>> {
        r.findings
            .iter()
            .filter(|f| f.rule == "E301")
            .map(|f| f.location.cell.clone())
            .collect()
    };
    assert_eq!(e301(&book), vec![Some("C156".into()), Some("F156".into())]);
    assert_eq!(e301(&copy), vec![Some("C157".into()), Some("F157".into())]);
}

/// The rows of a table as a Word `w:tbl`: `w:gridSpan` across, `w:vMerge` down.
fn word_table(g: &Grid, rows: Range<usize>) -> String {
    let mut out = String::from("<w:tbl><w:tblPr/><w:tblGrid/>");
    for r in rows {
        out.push_str("<w:tr>");
        let mut c = 0;
        while c < g.width() {
            let (props, text, cs) = match g.merge_at(r, c) {
                Some(m) if m.first.1 as usize != c => {
                    c += 1;
                    continue;
                }
                Some(m) => {
                    let cs = (m.last.1 - m.first.1 + 1) as usize;
                    let down = match (m.first.0 == m.last.0, m.first.0 as usize == r) {
                        (true, _) => "",
                        (false, true) => "<w:vMerge w:val=\"restart\"/>",
                        (false, false) => "<w:vMerge/>",
                    };
                    let text = if m.first.0 as usize == r {
                        cell_text(g.get(r, c))
                    } else {
                        String::new()
                    };
                    (format!("<w:gridSpan w:val=\"{cs}\"/>{down}"), text, cs)
                }
                None => (String::new(), cell_text(g.get(r, c)), 1),
            };
            out += &format!(
                "<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"
            );
            c += cs;
        }
        out.push_str("</w:tr>");
    }
    out + "</w:tbl>"
}

fn word_document(body: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    write!(
        zip,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    )
    .unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn the_sample_as_tables_in_a_word_document_gives_the_workbooks_findings() {
    let g = sample_grid();
    let book = check_file(Path::new(PUTUO));
    let para = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let mut body = para("上海市普陀区财政局2024年度部门决算情况说明。以下为决算公开表。");
    for (title, rows) in tables(&g) {
        body += &para(&title);
        body += &word_table(&g, rows);
    }
    let dir = Scratch::new("docx");
    let copy = check_file(&dir.write(&format!("{STEM}.docx"), word_document(&body)));
    assert_same("Word", &copy, &book);
    let doc = copy.document.as_ref().unwrap();
    assert_eq!(doc.department.as_deref(), Some("上海市普陀区财政局"));
    let text: String = doc.narratives[0]
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert!(!text.contains("2940.05"), "{text}");
}

/// On the command line: the page's nine tables and 166 relations (before: `识别到的表 (0)`,
/// `核对关系数: 0`, a clean exit); `extract` prints its tables, each named by its 表格N.
#[test]
fn check_and_extract_read_the_tables_of_a_page() {
    let g = sample_grid();
    let dir = Scratch::new("html-cli");
    let page = format!(
        "<html><body>{}</body></html>",
        html_table(&g, 0..g.rows.len(), false)
    );
    let f = dir.write(&format!("{STEM}.html"), page);
    let f = f.to_str().unwrap();
    let (code, out, err) = super::cli::gouji(&["check", f]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("识别到的表 (9)") && out.contains("核对关系数: 166"),
        "{out}"
    );
    let (code, out, _) = super::cli::gouji(&["extract", f, "--format", "text"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("== 收入支出决算总表 (IncomeExpenditureSummary Income) 表格1!A1"),
        "{out}"
    );
}

/// A 情况说明.docx beside the workbook that repeats one of its tables is the document's narrative:
/// its table is not read a second time.
#[test]
fn a_word_narrative_beside_the_workbook_adds_no_table() {
    let g = sample_grid();
    let book = check_file(Path::new(PUTUO));
    let (title, rows) = tables(&g).remove(6);
    assert!(title.contains("三公"), "{title}");
    let para = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let body = para("“三公”经费支出情况如下表。") + &para(&title) + &word_table(&g, rows);
    let dir = Scratch::new("docx-beside");
    std::fs::copy(PUTUO, dir.join(format!("{STEM}.xlsx"))).unwrap();
    dir.write("普陀区财政局-2024-决算说明.docx", word_document(&body));
    let results = gouji::run::check_paths(&[dir.to_path_buf()]);
    assert_eq!(results.len(), 1);
    let r = &results[0];
    let doc = r.document.as_ref().unwrap();
    assert_eq!(
        doc.tables.len(),
        book.document.as_ref().unwrap().tables.len()
    );
    assert_eq!(doc.narratives.len(), 1);
    assert_eq!(table_relations(r), table_relations(&book));
}
