//! PDFs as published: the three real 2024 决算 of 上海市普陀区 in ../shared/realdata, and PDFs
//! made here (a scanned page, a damaged file).
//!
//! The figures below were read off the printed pages by eye (and agree with `pdftotext -layout`
//! of the same pages); each document's list covers every table it has figures in.

use std::path::{Path, PathBuf};

use gouji::check::Severity;
use gouji::model::{ColKey, Document, Side, TableKind};
use gouji::run::{check_file, DocResult};

use super::common::d;

const REALDATA: &str = "../shared/realdata/putuo-2024";

/// A real document, or `None` (and a line saying so) where ../shared is not there.
pub fn real(name: &str) -> Option<PathBuf> {
    let p = Path::new(REALDATA).join(name);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} is absent; the real-PDF test did not run",
            p.display()
        );
        None
    }
}

use ColKey::{
    Amount, Basic, Budget, Final, FiscalGrant, GeneralBudget, OtherIncome, Project, Total,
};
use Side::{Expenditure as Out, Income as In};
use TableKind::*;

/// (table, side of a 总表, row: a code or the printed label, column, figure as printed).
type Expect = (TableKind, Option<Side>, &'static str, ColKey, &'static str);

fn figure(doc: &Document, e: &Expect) -> Option<String> {
    let (kind, side, row, col, _) = *e;
    let is_code = row.chars().all(|c| c.is_ascii_digit());
    doc.tables
        .iter()
        .filter(|t| t.kind == kind && (side.is_none() || t.side == side))
        .find_map(|t| {
            let r = t.rows.iter().find(|r| {
                if is_code {
                    r.code.as_deref() == Some(row)
                } else {
                    r.name.split_whitespace().collect::<String>() == row
                }
            })?;
            let cell = r.cell(t.col(col)?)?;
            Some(cell.figure.as_ref()?.value.to_string())
        })
}

fn assert_figures(r: &DocResult, expected: &[Expect]) {
    let doc = r.document.as_ref().expect("document read");
    let wrong: Vec<String> = expected
        .iter()
        .filter_map(|e| {
            let got = figure(doc, e);
            (got.as_deref() != Some(e.4))
                .then(|| format!("{:?} {:?} {} {:?}: {got:?} ≠ {}", e.0, e.1, e.2, e.3, e.4))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} figures differ:\n{}",
        wrong.len(),
        expected.len(),
        wrong.join("\n")
    );
}

fn kinds(r: &DocResult) -> Vec<TableKind> {
    let mut k: Vec<TableKind> = r
        .document
        .as_ref()
        .unwrap()
        .tables
        .iter()
        .map(|t| t.kind)
        .collect();
    k.dedup();
    k
}

const FINANCE: &[Expect] = &[
    (
        IncomeExpenditureSummary,
        Some(In),
        "一、一般公共预算财政拨款收入",
        Amount,
        "2940.05",
    ),
    (
        IncomeExpenditureSummary,
        Some(In),
        "八、其他收入",
        Amount,
        "6.20",
    ),
    (
        IncomeExpenditureSummary,
        Some(In),
        "本年收入合计",
        Amount,
        "2946.25",
    ),
    (
        IncomeExpenditureSummary,
        Some(In),
        "年初结转和结余",
        Amount,
        "49.14",
    ),
    (
        IncomeExpenditureSummary,
        Some(In),
        "总计",
        Amount,
        "2995.39",
    ),
    (
        IncomeExpenditureSummary,
        Some(Out),
        "201",
        Amount,
        "2106.66",
    ),
    (IncomeExpenditureSummary, Some(Out), "208", Amount, "326.71"),
    (IncomeExpenditureSummary, Some(Out), "221", Amount, "445.69"),
    (
        IncomeExpenditureSummary,
        Some(Out),
        "年末结转和结余",
        Amount,
        "55.34",
    ),
    (IncomeTable, None, "合计", Total, "2946.25"),
    (IncomeTable, None, "合计", OtherIncome, "6.20"),
    (IncomeTable, None, "2010601", Total, "1511.90"),
    (IncomeTable, None, "2010601", FiscalGrant, "1511.89"),
    (IncomeTable, None, "2010601", OtherIncome, "0.01"),
    (IncomeTable, None, "2010602", OtherIncome, "6.19"),
    // 机关事业单位基本养老保险缴费支出: its label wraps onto two printed lines.
    (IncomeTable, None, "2080505", Total, "160.75"),
    (IncomeTable, None, "2210203", FiscalGrant, "258.50"),
    (ExpenditureTable, None, "合计", Basic, "2336.91"),
    (ExpenditureTable, None, "合计", Project, "603.14"),
    (ExpenditureTable, None, "2010601", Basic, "1503.52"),
    (ExpenditureTable, None, "2010601", Project, "8.37"),
    (ExpenditureTable, None, "2080506", Total, "80.38"),
    (
        FiscalSummary,
        Some(In),
        "一、一般公共预算财政拨款",
        Amount,
        "2940.05",
    ),
    (
        FiscalSummary,
        Some(In),
        "年初财政拨款结转和结余",
        Amount,
        "21.63",
    ),
    (FiscalSummary, Some(In), "总计", Amount, "2961.68"),
    (FiscalSummary, Some(Out), "208", GeneralBudget, "326.71"),
    (
        FiscalSummary,
        Some(Out),
        "年末财政拨款结转和结余",
        Total,
        "21.63",
    ),
    (GeneralBudgetExpenditure, None, "合计", Total, "2940.05"),
    (GeneralBudgetExpenditure, None, "2010608", Project, "449.52"),
    (GeneralBudgetExpenditure, None, "2101101", Basic, "60.99"),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "301",
        Amount,
        "2082.85",
    ),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "30102",
        Amount,
        "1238.58",
    ),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "30302",
        Amount,
        "69.10",
    ),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "人员经费合计",
        Amount,
        "2152.26",
    ),
    (GeneralBudgetBasicExpenditure, None, "302", Amount, "171.07"),
    (GeneralBudgetBasicExpenditure, None, "30213", Amount, "2.83"),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "公用经费合计",
        Amount,
        "184.65",
    ),
    (ThreePublic, None, "合计", Budget, "0.95"),
];

const PLANNING: &[Expect] = &[
    (
        IncomeExpenditureSummary,
        Some(In),
        "一、一般公共预算财政拨款收入",
        Amount,
        "9746.50",
    ),
    (
        IncomeExpenditureSummary,
        Some(In),
        "年初结转和结余",
        Amount,
        "112.88",
    ),
    (
        IncomeExpenditureSummary,
        Some(In),
        "总计",
        Amount,
        "9859.38",
    ),
    (IncomeExpenditureSummary, Some(Out), "208", Amount, "754.75"),
    (
        IncomeExpenditureSummary,
        Some(Out),
        "212",
        Amount,
        "3845.25",
    ),
    (
        IncomeExpenditureSummary,
        Some(Out),
        "220",
        Amount,
        "4461.67",
    ),
    (
        IncomeExpenditureSummary,
        Some(Out),
        "本年支出合计",
        Amount,
        "9759.38",
    ),
    (
        IncomeExpenditureSummary,
        Some(Out),
        "年末结转和结余",
        Amount,
        "100.00",
    ),
    (IncomeTable, None, "合计", Total, "9746.50"),
    (IncomeTable, None, "2080501", Total, "54.53"),
    (IncomeTable, None, "2080505", FiscalGrant, "446.11"),
    (IncomeTable, None, "2101102", Total, "196.29"),
    (IncomeTable, None, "2200150", Total, "4416.67"),
    (IncomeTable, None, "2210203", Total, "171.49"),
    (ExpenditureTable, None, "合计", Total, "9759.38"),
    (ExpenditureTable, None, "合计", Basic, "5377.64"),
    (ExpenditureTable, None, "2120101", Project, "8.77"),
    (ExpenditureTable, None, "21202", Basic, "488.68"),
    (ExpenditureTable, None, "2200199", Project, "45.00"),
    (
        FiscalSummary,
        Some(In),
        "一、一般公共预算财政拨款",
        Amount,
        "9746.50",
    ),
    (FiscalSummary, Some(Out), "212", Total, "3832.36"),
    (FiscalSummary, Some(Out), "220", GeneralBudget, "4461.67"),
    (GeneralBudgetExpenditure, None, "合计", Basic, "5364.75"),
    (GeneralBudgetExpenditure, None, "212", Basic, "1572.70"),
    (GeneralBudgetExpenditure, None, "21201", Total, "1092.80"),
    (
        GeneralBudgetExpenditure,
        None,
        "2200150",
        Project,
        "2077.09",
    ),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "301",
        Amount,
        "4816.14",
    ),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "30107",
        Amount,
        "1594.02",
    ),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "30199",
        Amount,
        "481.23",
    ),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "人员经费合计",
        Amount,
        "4884.09",
    ),
    (GeneralBudgetBasicExpenditure, None, "302", Amount, "440.90"),
    // Printed in the right-hand column group, its label wrapped below its code.
    (
        GeneralBudgetBasicExpenditure,
        None,
        "30209",
        Amount,
        "82.20",
    ),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "30228",
        Amount,
        "56.29",
    ),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "公用经费合计",
        Amount,
        "480.66",
    ),
    (ThreePublic, None, "合计", Budget, "2.85"),
    (ThreePublic, None, "公务接待费", Final, "0.39"),
];

const SOCIAL: &[Expect] = &[
    (
        IncomeExpenditureSummary,
        Some(In),
        "一、一般公共预算财政拨款收入",
        Amount,
        "307.82",
    ),
    (IncomeExpenditureSummary, Some(In), "总计", Amount, "307.82"),
    (IncomeExpenditureSummary, Some(Out), "201", Amount, "264.87"),
    (IncomeExpenditureSummary, Some(Out), "208", Amount, "10.82"),
    (IncomeExpenditureSummary, Some(Out), "210", Amount, "2.71"),
    (IncomeExpenditureSummary, Some(Out), "221", Amount, "29.42"),
    (IncomeTable, None, "合计", FiscalGrant, "307.82"),
    (IncomeTable, None, "20139", Total, "264.87"),
    (IncomeTable, None, "2013901", Total, "51.32"),
    (IncomeTable, None, "2013950", FiscalGrant, "11.31"),
    (IncomeTable, None, "2013999", Total, "202.24"),
    (IncomeTable, None, "2080505", Total, "6.18"),
    (IncomeTable, None, "2101102", Total, "0.49"),
    (IncomeTable, None, "2210201", Total, "17.70"),
    (ExpenditureTable, None, "合计", Basic, "105.58"),
    (ExpenditureTable, None, "201", Basic, "62.63"),
    (ExpenditureTable, None, "2013999", Project, "202.24"),
    (ExpenditureTable, None, "2080506", Basic, "4.64"),
    (ExpenditureTable, None, "2210203", Total, "11.72"),
    (FiscalSummary, Some(In), "本年收入合计", Amount, "307.82"),
    (FiscalSummary, Some(Out), "201", GeneralBudget, "264.87"),
    (FiscalSummary, Some(Out), "221", Total, "29.42"),
    (GeneralBudgetExpenditure, None, "合计", Project, "202.24"),
    (GeneralBudgetExpenditure, None, "2101101", Total, "2.22"),
    (GeneralBudgetExpenditure, None, "22102", Basic, "29.42"),
    (GeneralBudgetBasicExpenditure, None, "301", Amount, "95.36"),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "30101",
        Amount,
        "14.12",
    ),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "30113",
        Amount,
        "17.70",
    ),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "人员经费合计",
        Amount,
        "95.36",
    ),
    (GeneralBudgetBasicExpenditure, None, "30201", Amount, "3.78"),
    (GeneralBudgetBasicExpenditure, None, "30239", Amount, "2.43"),
    (GeneralBudgetBasicExpenditure, None, "30299", Amount, "0.20"),
    (
        GeneralBudgetBasicExpenditure,
        None,
        "公用经费合计",
        Amount,
        "10.23",
    ),
];

/// The nine tables of the 2024 set, in the order a disclosure prints them.
const NINE: [TableKind; 9] = TableKind::STANDARD;

/// Rules over tables: every finding of theirs on a real document is rounding noise, never more
/// than 0.02 万元, and said as info.
fn assert_table_gaps_are_info(r: &DocResult, at_least: usize) {
    let table_rules: Vec<_> = r
        .findings
        .iter()
        .filter(|f| !f.rule.starts_with('N') && !f.rule.starts_with('M'))
        .collect();
    for f in &table_rules {
        assert_eq!(f.severity, Severity::Info, "{f:#?}");
        let gap = f.difference.expect("a gap has a difference").abs();
        assert!(gap <= d("0.02"), "{f:#?}");
        assert!(
            f.location.page.is_some() && f.location.bbox.is_some(),
            "{:?}",
            f.location
        );
    }
    assert!(
        table_rules.len() >= at_least,
        "{} table gaps",
        table_rules.len()
    );
}

#[test]
fn finance_bureau_pdf_reads_all_nine_tables_as_printed() {
    let Some(p) = real("财政局-2024-决算.pdf") else {
        return;
    };
    let r = check_file(&p);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(kinds(&r), NINE);
    let doc = r.document.as_ref().unwrap();
    assert_eq!(doc.year, Some(2024));
    assert_eq!(doc.department.as_deref(), Some("上海市普陀区财政局"));
    assert_figures(&r, FINANCE);
    // The real 0.01–0.02 gaps (总表 326.71 against the 208 class 326.72, the 302 class 171.07
    // against its items' 171.09 …) and nothing worse.
    assert_table_gaps_are_info(&r, 10);
    let at = r
        .findings
        .iter()
        .find(|f| f.rule == "E301" && [f.expected, f.actual].contains(&Some(d("171.09"))))
        .expect("the 302 class gap");
    assert_eq!(at.location.page, Some(16));
    // The narrative is read, with its pages.
    assert!(!doc.narratives.is_empty());
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule.starts_with('N') && f.location.page == Some(21)));
}

#[test]
fn planning_bureau_pdf_and_its_real_slips() {
    let Some(p) = real("规划和自然资源局-2024-决算.pdf") else {
        return;
    };
    let r = check_file(&p);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(kinds(&r), NINE);
    assert_figures(&r, PLANNING);
    assert_table_gaps_are_info(&r, 10);
    let said = |rule: &str, needle: &str| {
        r.findings.iter().any(|f| {
            f.rule == rule
                && f.location
                    .sentence
                    .as_deref()
                    .is_some_and(|s| s.contains(needle))
        })
    };
    // 9746.50 / 9759.38 = 99.868%, printed 99.86%: cut off, not rounded (99.87%) — a warning
    // that says so, for the figures themselves agree.
    let share = r
        .findings
        .iter()
        .find(|f| f.rule == "N102" && f.actual == Some(d("99.86")))
        .expect("the 99.86% share");
    assert_eq!(share.severity, Severity::Warning);
    assert!(share.message.zh.contains("截尾"), "{}", share.message.zh);
    // p.21: “一般公共预算财政拨款支出年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的
    // 95.45%”: 9746.50 / 10210.34 = 95.457%, cut off too (rounded: 95.46%).
    let completion = r
        .findings
        .iter()
        .find(|f| f.rule == "N104" && f.actual == Some(d("95.45")))
        .expect("the 95.45% completion");
    assert_eq!(completion.severity, Severity::Warning);
    assert!(
        completion.message.zh.contains("截尾"),
        "{}",
        completion.message.zh
    );
    // The template's “下降（增长）” left unresolved.
    assert!(said("N108", "下降（增长）"));
    // The narrative's 人员经费 4896.98 is not the 基本支出 table's 4884.09.
    let n201 = r
        .findings
        .iter()
        .find(|f| f.rule == "N201" && f.actual == Some(d("4896.98")))
        .expect("人员经费 slip");
    assert_eq!(n201.severity, Severity::Error);
    assert_eq!(n201.expected, Some(d("4884.09")));
}

#[test]
fn social_work_department_pdf_reads_as_printed() {
    let Some(p) = real("区委社会工作部-2024-决算.pdf") else {
        return;
    };
    let r = check_file(&p);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(kinds(&r), NINE);
    assert_figures(&r, SOCIAL);
    assert_table_gaps_are_info(&r, 2);
    // Empty fund tables come with their printed note, so they are not “empty with no note”.
    assert!(
        !r.findings.iter().any(|f| f.rule == "M602"),
        "{:#?}",
        r.findings
    );
    // 29.42 / 307.82 = 9.5575%, printed 9.55% beside 86.05%, 3.52% and 0.88% of the same
    // 307.82: rounded, the four would add up to 100.01%; 9.55% makes them 100.00%. A warning
    // that says the share was adjusted to add up.
    let share = r
        .findings
        .iter()
        .find(|f| f.rule == "N102" && f.actual == Some(d("9.55")))
        .expect("the 9.55% share");
    assert_eq!(share.severity, Severity::Warning);
    assert!(
        share.message.zh.contains("为凑足100%调整"),
        "{}",
        share.message.zh
    );
}

/// What a page made here holds.
enum Made {
    /// A line of ASCII text in Helvetica.
    Text(&'static str),
    /// A picture of a page and nothing else, as a scanner makes it.
    Scan,
    /// Lines of text set sideways (running up the page), as a landscape table on a portrait page.
    Sideways(&'static [&'static str]),
    /// A line on the page and one drawn below its bottom edge, where no one sees it.
    OffPage(&'static str, &'static str),
}

/// A small valid PDF, built object by object with a correct cross-reference table.
fn make_pdf(pages: &[Made]) -> Vec<u8> {
    let n = pages.len();
    // Objects: 1 catalog, 2 pages, 3 font, 4 image, then per page: page, contents.
    let mut objects: Vec<Vec<u8>> = Vec::new();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 5 + 2 * i)).collect();
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
    let pixels: Vec<u8> = (0..64 * 64)
        .map(|i| if (i / 64 + i % 64) % 7 == 0 { 0 } else { 255 })
        .collect();
    let mut image = format!(
        "<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {} >>\nstream\n",
        pixels.len()
    )
    .into_bytes();
    image.extend(&pixels);
    image.extend(b"\nendstream");
    objects.push(image);
    for (i, page) in pages.iter().enumerate() {
        let contents = match page {
            Made::Text(t) => format!("BT /F1 12 Tf 72 720 Td ({t}) Tj ET"),
            Made::Scan => "q 595 0 0 842 0 0 cm /Im0 Do Q".to_string(),
            // Each line further right on the page is further down in reading order.
            Made::Sideways(lines) => lines
                .iter()
                .enumerate()
                .map(|(i, t)| format!("BT /F1 12 Tf 0 1 -1 0 {} 100 Tm ({t}) Tj ET", 100 + 20 * i))
                .collect::<Vec<_>>()
                .join("\n"),
            Made::OffPage(on, off) => {
                format!(
                    "BT /F1 12 Tf 72 720 Td ({on}) Tj ET\nBT /F1 12 Tf 72 -300 Td ({off}) Tj ET"
                )
            }
        };
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im0 4 0 R >> >> /Contents {} 0 R >>",
                6 + 2 * i
            )
            .into_bytes(),
        );
        objects.push(
            format!(
                "<< /Length {} >>\nstream\n{contents}\nendstream",
                contents.len()
            )
            .into_bytes(),
        );
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

use super::common::Scratch;

#[test]
fn a_scanned_pdf_is_reported_as_scanned_with_no_table_findings() {
    let dir = Scratch::new("scan");
    let p = write(
        &dir,
        "某局-2024-决算.pdf",
        &make_pdf(&[Made::Scan, Made::Scan]),
    );
    let r = check_file(&p);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_eq!(r.errors.len(), 1);
    let e = &r.errors[0];
    assert!(
        matches!(e, gouji::read::ReadError::NoTextLayer { pages, .. } if pages == &[1, 2]),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .contains("第 1–2 页没有文字层（扫描件），未检查"),
        "{e}"
    );
    let english = e.text(gouji::check::Lang::En);
    assert!(
        english.contains("page 1, 2") || english.contains("page 1–2"),
        "{english}"
    );
}

#[test]
fn a_scanned_page_among_text_pages_silences_missing_table_findings() {
    let dir = Scratch::new("mixed");
    let p = write(
        &dir,
        "某局-2024-决算.pdf",
        &make_pdf(&[
            Made::Text("Annual accounts 2024"),
            Made::Scan,
            Made::Text("The end"),
        ]),
    );
    let r = check_file(&p);
    let doc = r.document.as_ref().expect("the text pages are read");
    assert_eq!(doc.unread_pages, vec![2]);
    assert!(
        matches!(&r.errors[..], [gouji::read::ReadError::NoTextLayer { pages, .. }] if pages == &[2]),
        "{:?}",
        r.errors
    );
    assert!(
        !r.findings.iter().any(|f| f.rule == "M601"),
        "{:#?}",
        r.findings
    );
    // Its text pages are read as the narrative, with their page numbers.
    let q = write(
        &dir,
        "某局-2024-决算-文字.pdf",
        &make_pdf(&[Made::Text("Annual accounts 2024")]),
    );
    let r = check_file(&q);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let doc = r.document.unwrap();
    assert!(
        doc.narratives[0]
            .sentences
            .iter()
            .any(|s| s.text.contains("Annual accounts 2024")),
        "{:?}",
        doc.narratives
    );
    assert_eq!(doc.narratives[0].sentences[0].page, Some(1));
}

#[test]
fn damaged_and_fake_pdfs_are_errors_naming_the_file() {
    let dir = Scratch::new("bad");
    let good = make_pdf(&[Made::Text("Hello")]);
    let cut = write(&dir, "cut.pdf", &good[..good.len() / 3]);
    let fake = write(
        &dir,
        "fake.pdf",
        "这不是PDF，只是改了扩展名的文本".as_bytes(),
    );
    let empty = write(&dir, "empty.pdf", b"");
    for p in [&cut, &fake, &empty] {
        let r = check_file(p);
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
        assert_eq!(r.errors.len(), 1, "{p:?}: {:?}", r.errors);
        assert!(r.errors[0].to_string().contains(&p.display().to_string()));
    }
    assert!(check_file(&fake).errors[0].to_string().contains("不是 PDF"));
}

#[test]
fn command_line_exit_statuses_for_pdfs() {
    use super::cli::gouji;
    let dir = Scratch::new("cli");
    let scan = write(&dir, "扫描件.pdf", &make_pdf(&[Made::Scan]));
    let (code, out, err) = gouji(&["check", scan.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        format!("{out}{err}").contains("第 1 页没有文字层（扫描件），未检查"),
        "{out}{err}"
    );

    // A real document in JSON: table findings carry the page and the printed box.
    let Some(p) = real("区委社会工作部-2024-决算.pdf") else {
        return;
    };
    let (code, out, _) = gouji(&["check", p.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1, "the narrative's real slips are errors");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = v["documents"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "L505")
        .expect("the 105.58 / 95.36 + 10.23 gap");
    assert_eq!(f["severity"], "info");
    assert_eq!(f["location"]["page"], 12);
    assert_eq!(f["location"]["box"].as_array().map(Vec::len), Some(4));
    assert_eq!(f["difference"], "-0.01");
}

/// The three documents read as if their tables had no rulings (as some publishers print them):
/// the tables are rebuilt from text positions alone.
fn check_unruled(p: &Path) -> (Document, Vec<gouji::check::Finding>) {
    use gouji::read::pdf::{read_pdf_with, Rulings};
    let pdf = read_pdf_with(p, Rulings::Ignored).unwrap();
    let parts = gouji::recognise::pdf::assemble(&pdf);
    let grids: Vec<_> = parts.grid.into_iter().collect();
    let (doc, problems) = gouji::recognise::document(&p.display().to_string(), &grids);
    let findings = gouji::check::run(&doc, &problems).findings;
    (doc, findings)
}

#[test]
fn tables_printed_without_rulings_are_rebuilt_from_text_positions() {
    for (name, expected) in [
        ("财政局-2024-决算.pdf", FINANCE),
        ("规划和自然资源局-2024-决算.pdf", PLANNING),
        ("区委社会工作部-2024-决算.pdf", SOCIAL),
    ] {
        let Some(p) = real(name) else { return };
        let (doc, findings) = check_unruled(&p);
        let mut kinds: Vec<TableKind> = doc.tables.iter().map(|t| t.kind).collect();
        kinds.dedup();
        assert_eq!(kinds, NINE, "{name}");
        assert!(doc.tables.iter().all(|t| t.approximate), "{name}");
        let wrong: Vec<&Expect> = expected
            .iter()
            .filter(|e| figure(&doc, e).as_deref() != Some(e.4))
            .collect();
        eprintln!(
            "{name}: {} of {} figures differ without rulings",
            wrong.len(),
            expected.len()
        );
        // Tables whose headings are one level deep read as printed; the multi-level headings of
        // the 财政拨款总表 and the “三公” table are where positions alone can mislead.
        let simple = [
            IncomeExpenditureSummary,
            IncomeTable,
            ExpenditureTable,
            GeneralBudgetBasicExpenditure,
        ];
        let misread: Vec<_> = wrong.iter().filter(|e| simple.contains(&e.0)).collect();
        assert!(misread.is_empty(), "{name}: {misread:?}");
        // At most one figure in eight is misread, and then only in those two tables.
        assert!(wrong.len() * 8 <= expected.len(), "{name}: {wrong:?}");
        // What rulings alone tell apart may be misread; it is never said as an error.
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error && !f.rule.starts_with('N'))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn text_set_sideways_is_read_in_its_own_orientation() {
    let dir = Scratch::new("sideways");
    let p = write(
        &dir,
        "某局-2024-决算.pdf",
        &make_pdf(&[Made::Sideways(&["First line of the page", "Second line"])]),
    );
    let r = check_file(&p);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let doc = r.document.unwrap();
    let text: Vec<&str> = doc.narratives[0]
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    let joined = text.join(" ");
    let first = joined.find("First line of the page").expect(&joined);
    let second = joined.find("Second line").expect(&joined);
    assert!(first < second, "{joined}");
}

#[test]
fn a_pdf_locked_with_a_user_password_is_an_error_and_one_with_an_owner_password_is_read() {
    use pdf_oxide::writer::{DocumentBuilder, PageSize};
    let dir = Scratch::new("locked");
    let locked = |user: &str| {
        let mut b = DocumentBuilder::new();
        b.page(PageSize::A4)
            .at(72.0, 700.0)
            .text("Annual accounts 2024")
            .done();
        b.to_bytes_encrypted(user, "owner-pw").unwrap()
    };
    let p = write(&dir, "locked.pdf", &locked("user-pw"));
    let r = check_file(&p);
    assert!(
        matches!(&r.errors[..], [gouji::read::ReadError::Encrypted { .. }]),
        "{:?}",
        r.errors
    );
    assert!(r.errors[0].to_string().contains("密码"), "{}", r.errors[0]);
    let (code, _, _) = super::cli::gouji(&["check", p.to_str().unwrap()]);
    assert_eq!(code, 2);

    // Printing and copying restricted by an owner password alone: it opens, and is read.
    let q = write(&dir, "restricted.pdf", &locked(""));
    let r = check_file(&q);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let doc = r.document.unwrap();
    assert!(doc.narratives[0]
        .sentences
        .iter()
        .any(|s| s.text.contains("Annual accounts 2024")));
}

/// The national template prints every table blank. Its notes say what each table shows (注：本表
/// 反映…情况), which does not explain an empty table, except the two fund tables' 说明 (…没有…
/// 故本表无数据): seven tables are empty with no note saying why (the 总表's two halves are one).
#[test]
fn the_blank_template_is_empty_table_by_table() {
    let Some(p) = real("部门决算模板-2024.pdf") else {
        return;
    };
    let r = check_file(&p);
    let empty: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule == "M602")
        .filter_map(|f| f.table.as_deref())
        .collect();
    assert_eq!(empty.len(), 7, "{empty:?}");
    assert!(!empty
        .iter()
        .any(|t| t.contains("政府性基金") || t.contains("国有资本")));
}

/// A PDF saved under a name without its year (as a department's web site serves it) still
/// reports on 2024: its cover says “上海市普陀区财政局2024年度部门决算”.
/// A spreadsheet printed to PDF may leave the next sheets' text drawn past the page's edge (江苏
/// 2017's p.11 carries two tables of the following pages 800 points below its bottom): what no
/// printed page shows is no part of the document.
#[test]
fn text_drawn_off_the_page_is_not_read() {
    use gouji::read::pdf::{read_pdf_with, Rulings};
    let dir = Scratch::new("off-page");
    let p = write(
        &dir,
        "off.pdf",
        &make_pdf(&[Made::OffPage("on the page", "below the page")]),
    );
    let doc = read_pdf_with(&p, Rulings::Used).unwrap();
    let lines: Vec<&str> = doc.pages[0].lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(lines, ["on the page"]);
}

#[test]
fn the_year_comes_from_the_cover_when_the_file_name_has_none() {
    let Some(p) = real("财政局-2024-决算.pdf") else {
        return;
    };
    let dir = Scratch::new("no-year");
    let renamed = dir.join("财政局部门决算.pdf");
    std::fs::copy(&p, &renamed).unwrap();
    let r = check_file(&renamed);
    let doc = r.document.as_ref().unwrap();
    assert_eq!(doc.year, Some(2024));
    assert_eq!(doc.department.as_deref(), Some("上海市普陀区财政局"));
}

/// The headlines of the 情况说明 are tied to the 总表s, whatever name and year stand before them.
/// p.21 of the real 财政局 决算 prints “上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元”, where
/// its 财政拨款收入支出决算总表 prints 总计 2961.68: a real slip of the published text, an error.
/// Its 收入支出总计 2995.39 agrees with the 收入支出决算总表.
#[test]
fn the_finance_bureau_headline_totals_are_tied_to_the_summaries() {
    let Some(p) = real("财政局-2024-决算.pdf") else {
        return;
    };
    let r = check_file(&p);
    let headline: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "N201" && f.severity == Severity::Error)
        .collect();
    assert_eq!(headline.len(), 1, "{headline:#?}");
    assert_eq!(headline[0].expected, Some(d("2961.68")));
    assert_eq!(headline[0].actual, Some(d("0.3")));
    assert_eq!(headline[0].location.page, Some(21));
    assert!(r
        .checked
        .iter()
        .any(|c| c.rule == "N201" && c.formula() == "2995.39 = 2995.39"));
}
