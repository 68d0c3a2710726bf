//! The nine tables of a 2024 决算公开表 built from a department's figures, and their writing to
//! one worksheet, stacked the way `examples/sample_putuo_finance.rs` lays them out.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::catalogue::{INCOME_LINES, PERSONNEL, PUBLIC, SUMMARY_LINES};
use super::model::{LeafYear, Structure, Year};

pub const SHEET: &str = "部门决算公开表";

/// Column kinds: text (labels, codes) or amount.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum K {
    T,
    A,
}
use K::{A, T};

/// A header cell: (row offset, first col, row span, col span, text).
type H = (u32, u16, u32, u16, &'static str);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// Hundredths of 万元; zero is printed blank.
    Amt(i64),
    Blank,
}

fn t(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Blank
    } else {
        Cell::Text(s.to_string())
    }
}

pub struct Table {
    pub title: &'static str,
    pub kinds: &'static [K],
    pub header: &'static [H],
    pub header_rows: u32,
    pub rows: Vec<Vec<Cell>>,
    pub note: Option<String>,
}

/// Indices of the tables in [`build`]'s answer.
pub const T_SUMMARY: usize = 0;
pub const T_INCOME: usize = 1;
pub const T_SPENDING: usize = 2;
pub const T_FISCAL: usize = 3;
pub const T_GENERAL: usize = 4;
pub const T_BASIC: usize = 5;
pub const T_THREE: usize = 6;

const T1_KINDS: &[K] = &[T, A, T, A];
const T1_HEADER: &[H] = &[
    (0, 0, 1, 2, "收入"),
    (0, 2, 1, 2, "支出"),
    (1, 0, 1, 1, "项目"),
    (1, 1, 1, 1, "决算数"),
    (1, 2, 1, 1, "项目"),
    (1, 3, 1, 1, "决算数"),
];
const T2_KINDS: &[K] = &[T, T, A, A, A, A, A, A, A];
const T2_HEADER: &[H] = &[
    (0, 0, 1, 2, "项目"),
    (1, 0, 1, 1, "支出功能分类科目编码"),
    (1, 1, 1, 1, "科目名称"),
    (0, 2, 2, 1, "本年收入合计"),
    (0, 3, 2, 1, "财政拨款收入"),
    (0, 4, 2, 1, "上级补助收入"),
    (0, 5, 2, 1, "事业收入"),
    (0, 6, 2, 1, "经营收入"),
    (0, 7, 2, 1, "附属单位上缴收入"),
    (0, 8, 2, 1, "其他收入"),
];
const T3_KINDS: &[K] = &[T, T, A, A, A, A, A, A];
const T3_HEADER: &[H] = &[
    (0, 0, 1, 2, "项目"),
    (1, 0, 1, 1, "支出功能分类科目编码"),
    (1, 1, 1, 1, "科目名称"),
    (0, 2, 2, 1, "本年支出合计"),
    (0, 3, 2, 1, "基本支出"),
    (0, 4, 2, 1, "项目支出"),
    (0, 5, 2, 1, "上缴上级支出"),
    (0, 6, 2, 1, "经营支出"),
    (0, 7, 2, 1, "对附属单位补助支出"),
];
const T4_KINDS: &[K] = &[T, A, T, A, A, A, A];
const T4_HEADER: &[H] = &[
    (0, 0, 1, 2, "收入"),
    (0, 2, 1, 5, "支出"),
    (1, 0, 1, 1, "项目"),
    (1, 1, 1, 1, "决算数"),
    (1, 2, 1, 1, "项目"),
    (1, 3, 1, 1, "合计"),
    (1, 4, 1, 1, "一般公共预算财政拨款"),
    (1, 5, 1, 1, "政府性基金预算财政拨款"),
    (1, 6, 1, 1, "国有资本经营预算财政拨款"),
];
const T5_KINDS: &[K] = &[T, T, A, A, A];
const T5_HEADER: &[H] = &[
    (0, 0, 1, 2, "项目"),
    (1, 0, 1, 1, "支出功能分类科目编码"),
    (1, 1, 1, 1, "科目名称"),
    (0, 2, 2, 1, "合计"),
    (0, 3, 2, 1, "基本支出"),
    (0, 4, 2, 1, "项目支出"),
];
const T6_KINDS: &[K] = &[T, T, A, T, T, A];
const T6_HEADER: &[H] = &[
    (0, 0, 1, 1, "经济分类科目编码"),
    (0, 1, 1, 1, "科目名称"),
    (0, 2, 1, 1, "决算数"),
    (0, 3, 1, 1, "经济分类科目编码"),
    (0, 4, 1, 1, "科目名称"),
    (0, 5, 1, 1, "决算数"),
];
const T7_KINDS: &[K] = &[A, A, A, A, A, A, A, A, A, A, A, A];
const T7_HEADER: &[H] = &[
    (0, 0, 1, 12, "财政拨款“三公”经费"),
    (1, 0, 2, 2, "合计"),
    (1, 2, 2, 2, "因公出国（境）费"),
    (1, 4, 1, 6, "公务用车购置及运行费"),
    (1, 10, 2, 2, "公务接待费"),
    (2, 4, 1, 2, "小计"),
    (2, 6, 1, 2, "公务用车购置费"),
    (2, 8, 1, 2, "公务用车运行费"),
    (3, 0, 1, 1, "预算数"),
    (3, 1, 1, 1, "决算数"),
    (3, 2, 1, 1, "预算数"),
    (3, 3, 1, 1, "决算数"),
    (3, 4, 1, 1, "预算数"),
    (3, 5, 1, 1, "决算数"),
    (3, 6, 1, 1, "预算数"),
    (3, 7, 1, 1, "决算数"),
    (3, 8, 1, 1, "预算数"),
    (3, 9, 1, 1, "决算数"),
    (3, 10, 1, 1, "预算数"),
    (3, 11, 1, 1, "决算数"),
];
const T89_KINDS: &[K] = &[T, T, A, A, A, A, A, A];
const T89_HEADER: &[H] = &[
    (0, 0, 1, 2, "项目"),
    (1, 0, 1, 1, "支出功能分类科目编码"),
    (1, 1, 1, 1, "科目名称"),
    (0, 2, 2, 1, "年初结转和结余"),
    (0, 3, 2, 1, "本年收入"),
    (0, 4, 1, 3, "本年支出"),
    (1, 4, 1, 1, "小计"),
    (1, 5, 1, 1, "基本支出"),
    (1, 6, 1, 1, "项目支出"),
    (0, 7, 2, 1, "年末结转和结余"),
];

/// A 功能分类 row: code, name and the leaves' figures it sums.
struct CodeRow {
    code: &'static str,
    name: &'static str,
    sum: LeafYear,
}

fn add(a: &mut LeafYear, b: &LeafYear) {
    a.fiscal_basic += b.fiscal_basic;
    a.fiscal_project += b.fiscal_project;
    a.other_basic += b.other_basic;
    a.other_project += b.other_project;
    a.fiscal_income += b.fiscal_income;
    a.other_income += b.other_income;
}

/// 类, 款 and 项 rows in code order, each class and section the sum of what is under it.
fn code_rows(s: &Structure, y: &Year) -> Vec<CodeRow> {
    let mut rows: Vec<CodeRow> = Vec::new();
    let (mut class_at, mut section_at) = (usize::MAX, usize::MAX);
    for (l, f) in s.leaves.iter().zip(&y.leaves) {
        if class_at == usize::MAX || rows[class_at].code != l.class {
            class_at = rows.len();
            rows.push(CodeRow {
                code: l.class,
                name: l.class_name,
                sum: LeafYear::default(),
            });
            section_at = usize::MAX;
        }
        if section_at == usize::MAX || rows[section_at].code != l.section {
            section_at = rows.len();
            rows.push(CodeRow {
                code: l.section,
                name: l.section_name,
                sum: LeafYear::default(),
            });
        }
        add(&mut rows[class_at].sum, f);
        add(&mut rows[section_at].sum, f);
        rows.push(CodeRow {
            code: l.code,
            name: l.name,
            sum: f.clone(),
        });
    }
    rows
}

fn class_total(rows: &[CodeRow], code: &str, f: impl Fn(&LeafYear) -> i64) -> i64 {
    rows.iter()
        .find(|r| r.code == code)
        .map_or(0, |r| f(&r.sum))
}

/// The nine tables of one department in one year.
pub fn build(s: &Structure, y: &Year, unit_name: &str) -> Vec<Table> {
    let rows = code_rows(s, y);
    let mut total = LeafYear::default();
    for f in &y.leaves {
        add(&mut total, f);
    }
    use Cell::{Amt, Blank};

    // 一、收入支出决算总表
    let mut t1 = Vec::new();
    for (i, &(code, line)) in SUMMARY_LINES.iter().enumerate() {
        let (inc_label, inc) = match INCOME_LINES.get(i) {
            Some(l) => (
                t(l),
                match i {
                    0 => Amt(total.fiscal_income),
                    7 => Amt(total.other_income),
                    _ => Blank,
                },
            ),
            None => (Blank, Blank),
        };
        t1.push(vec![
            inc_label,
            inc,
            t(line),
            Amt(class_total(&rows, code, LeafYear::spent)),
        ]);
    }
    t1.push(vec![
        t("本年收入合计"),
        Amt(total.income()),
        t("本年支出合计"),
        Amt(total.spent()),
    ]);
    t1.push(vec![
        t("使用非财政拨款结余（含专用结余）"),
        Blank,
        t("结余分配"),
        Blank,
    ]);
    t1.push(vec![
        t("年初结转和结余"),
        Amt(y.opening()),
        t("年末结转和结余"),
        Amt(y.closing()),
    ]);
    let grand = total.income() + y.opening();
    t1.push(vec![t("总计"), Amt(grand), t("总计"), Amt(grand)]);

    // 二、收入决算表 / 三、支出决算表 / 五、一般公共预算财政拨款支出决算表
    let income_row = |code: &str, name: &str, f: &LeafYear| {
        vec![
            t(code),
            t(name),
            Amt(f.income()),
            Amt(f.fiscal_income),
            Blank,
            Blank,
            Blank,
            Blank,
            Amt(f.other_income),
        ]
    };
    let spending_row = |code: &str, name: &str, f: &LeafYear| {
        vec![
            t(code),
            t(name),
            Amt(f.spent()),
            Amt(f.basic()),
            Amt(f.project()),
            Blank,
            Blank,
            Blank,
        ]
    };
    let general_row = |code: &str, name: &str, f: &LeafYear| {
        vec![
            t(code),
            t(name),
            Amt(f.fiscal()),
            Amt(f.fiscal_basic),
            Amt(f.fiscal_project),
        ]
    };
    let mut t2 = vec![income_row("", "合计", &total)];
    let mut t3 = vec![spending_row("", "合计", &total)];
    let mut t5 = Vec::new();
    for r in &rows {
        t2.push(income_row(r.code, r.name, &r.sum));
        t3.push(spending_row(r.code, r.name, &r.sum));
        t5.push(general_row(r.code, r.name, &r.sum));
    }
    t5.push(general_row("", "合计", &total));

    // 四、财政拨款收入支出决算总表
    let fiscal_in = total.fiscal_income;
    let fiscal_out = total.fiscal();
    let opening = y.fiscal_opening;
    let closing = y.fiscal_closing();
    let mut t4 = Vec::new();
    for (i, &(code, line)) in SUMMARY_LINES.iter().enumerate() {
        let (label, amount) = match i {
            0 => (t("一、一般公共预算财政拨款"), Amt(fiscal_in)),
            1 => (t("二、政府性基金预算财政拨款"), Blank),
            2 => (t("三、国有资本经营预算财政拨款"), Blank),
            _ => (Blank, Blank),
        };
        let v = class_total(&rows, code, LeafYear::fiscal);
        t4.push(vec![label, amount, t(line), Amt(v), Amt(v), Blank, Blank]);
    }
    t4.push(vec![
        t("本年收入合计"),
        Amt(fiscal_in),
        t("本年支出合计"),
        Amt(fiscal_out),
        Amt(fiscal_out),
        Blank,
        Blank,
    ]);
    t4.push(vec![
        t("年初财政拨款结转和结余"),
        Amt(opening),
        t("年末财政拨款结转和结余"),
        Amt(closing),
        Amt(closing),
        Blank,
        Blank,
    ]);
    let blank5 = || vec![Blank, Blank, Blank, Blank, Blank];
    let mut r = vec![t("一、一般公共预算财政拨款"), Amt(opening)];
    r.extend(blank5());
    t4.push(r);
    for l in ["二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"]
    {
        let mut r = vec![t(l), Blank];
        r.extend(blank5());
        t4.push(r);
    }
    let fiscal_grand = fiscal_in + opening;
    t4.push(vec![
        t("总计"),
        Amt(fiscal_grand),
        t("总计"),
        Amt(fiscal_grand),
        Amt(fiscal_grand),
        Blank,
        Blank,
    ]);

    // 六、一般公共预算财政拨款基本支出决算表
    let mut t6 = Vec::new();
    for i in 0..PERSONNEL.len().max(PUBLIC.len()) {
        let mut row = Vec::with_capacity(6);
        for (list, values) in [(PERSONNEL, &y.personnel), (PUBLIC, &y.public)] {
            match list.get(i) {
                Some(&(code, name)) => {
                    row.extend([t(code), t(name), Amt(values[i])]);
                }
                None => row.extend([Blank, Blank, Blank]),
            }
        }
        t6.push(row);
    }
    let class_sum = |list: &[(&str, &str)], v: &[i64]| -> i64 {
        list.iter()
            .zip(v)
            .filter(|((c, _), _)| c.len() == 3)
            .map(|(_, x)| x)
            .sum()
    };
    t6.push(vec![
        Blank,
        t("人员经费合计"),
        Amt(class_sum(PERSONNEL, &y.personnel)),
        Blank,
        t("公用经费合计"),
        Amt(class_sum(PUBLIC, &y.public)),
    ]);

    // 七、财政拨款“三公”经费支出决算表
    let (b, f) = (y.three_budget, y.three_final);
    let (vb, vf) = (b[1] + b[2], f[1] + f[2]);
    let t7 = vec![vec![
        Amt(b[0] + vb + b[3]),
        Amt(f[0] + vf + f[3]),
        Amt(b[0]),
        Amt(f[0]),
        Amt(vb),
        Amt(vf),
        Amt(b[1]),
        Amt(f[1]),
        Amt(b[2]),
        Amt(f[2]),
        Amt(b[3]),
        Amt(f[3]),
    ]];

    let empty_fund = || {
        vec![vec![
            Blank,
            t("合计"),
            Blank,
            Blank,
            Blank,
            Blank,
            Blank,
            Blank,
        ]]
    };
    let table = |title, kinds, header, header_rows, rows, note| Table {
        title,
        kinds,
        header,
        header_rows,
        rows,
        note,
    };
    vec![
        table("收入支出决算总表", T1_KINDS, T1_HEADER, 2, t1, None),
        table("收入决算表", T2_KINDS, T2_HEADER, 2, t2, None),
        table("支出决算表", T3_KINDS, T3_HEADER, 2, t3, None),
        table("财政拨款收入支出决算总表", T4_KINDS, T4_HEADER, 2, t4, None),
        table(
            "一般公共预算财政拨款支出决算表",
            T5_KINDS,
            T5_HEADER,
            2,
            t5,
            None,
        ),
        table(
            "一般公共预算财政拨款基本支出决算表",
            T6_KINDS,
            T6_HEADER,
            1,
            t6,
            None,
        ),
        table(
            "财政拨款“三公”经费支出决算表",
            T7_KINDS,
            T7_HEADER,
            4,
            t7,
            None,
        ),
        table(
            "政府性基金预算财政拨款收入支出决算表",
            T89_KINDS,
            T89_HEADER,
            2,
            empty_fund(),
            Some(format!(
                "注：{unit_name}无政府性基金预算财政拨款支出，故本表无数据。"
            )),
        ),
        table(
            "国有资本经营预算财政拨款收入支出决算表",
            T89_KINDS,
            T89_HEADER,
            2,
            empty_fund(),
            Some(format!(
                "注：{unit_name}无国有资本经营预算财政拨款支出，故本表无数据。"
            )),
        ),
    ]
}

/// The sheet row (zero-based) of each table's first data row.
pub fn first_data_rows(tables: &[Table]) -> Vec<u32> {
    let mut out = Vec::with_capacity(tables.len());
    let mut r = 0u32;
    for tb in tables {
        out.push(r + 2 + tb.header_rows);
        r += 2 + tb.header_rows + tb.rows.len() as u32 + u32::from(tb.note.is_some()) + 2;
    }
    out
}

/// A cell's name the way a spreadsheet user writes it (`C17`).
pub fn a1(row: u32, col: u16) -> String {
    let mut c = col as u32 + 1;
    let mut letters = Vec::new();
    while c > 0 {
        letters.push((b'A' + ((c - 1) % 26) as u8) as char);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// An amount in hundredths of 万元, printed the way the cell shows it (without grouping).
pub fn show(v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", v.abs() / 100, v.abs() % 100)
}

/// The few formats every workbook uses; built once per worker.
pub struct Formats {
    title: Format,
    unit: Format,
    head: Format,
    text: Format,
    amount: Format,
    note: Format,
}

impl Formats {
    pub fn new() -> Formats {
        let border = FormatBorder::Thin;
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            unit: Format::new().set_align(FormatAlign::Right),
            head: Format::new()
                .set_bold()
                .set_border(border)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            text: Format::new().set_border(border),
            amount: Format::new().set_border(border).set_num_format("#,##0.00"),
            note: Format::new(),
        }
    }
}

fn write_table(
    ws: &mut Worksheet,
    f: &Formats,
    tb: &Table,
    top: u32,
    unit_name: &str,
) -> Result<u32, XlsxError> {
    let last = tb.kinds.len() as u16 - 1;
    let mut r = top;
    ws.merge_range(r, 0, r, last, tb.title, &f.title)?;
    r += 1;
    ws.write_string_with_format(r, 0, format!("部门：{unit_name}"), &f.note)?;
    ws.write_string_with_format(r, last, "单位：万元", &f.unit)?;
    r += 1;
    for &(ro, c, rs, cs, text) in tb.header {
        let (r1, r2) = (r + ro, r + ro + rs - 1);
        let (c1, c2) = (c, c + cs - 1);
        if r1 == r2 && c1 == c2 {
            ws.write_string_with_format(r1, c1, text, &f.head)?;
        } else {
            ws.merge_range(r1, c1, r2, c2, text, &f.head)?;
        }
    }
    r += tb.header_rows;
    for row in &tb.rows {
        for (c, (cell, kind)) in row.iter().zip(tb.kinds).enumerate() {
            let c = c as u16;
            let blank = if *kind == K::A { &f.amount } else { &f.text };
            match cell {
                Cell::Text(s) => ws.write_string_with_format(r, c, s, &f.text)?,
                Cell::Amt(0) | Cell::Blank => ws.write_blank(r, c, blank)?,
                Cell::Amt(v) => ws.write_number_with_format(r, c, *v as f64 / 100.0, &f.amount)?,
            };
        }
        r += 1;
    }
    if let Some(note) = &tb.note {
        ws.merge_range(r, 0, r, last, note, &f.note)?;
        r += 1;
    }
    Ok(r)
}

/// The workbook as bytes: one sheet, the tables stacked with two empty rows between them.
pub fn workbook(
    tables: &[Table],
    f: &Formats,
    unit_name: &str,
    year: i32,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed date: the corpus must repeat byte for byte.
    let created = ExcelDateTime::from_ymd(2025, 6, 1)?.and_hms(0, 0, 0)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{unit_name}{year}年度部门决算公开表（合成数据）"))
            .set_author("gouji sample")
            .set_comment("Synthetic data generated by `gouji sample`; not a real disclosure.")
            .set_creation_datetime(&created),
    );
    let ws = wb.add_worksheet();
    ws.set_name(SHEET)?;
    for (c, w) in [
        30.0, 34.0, 16.0, 34.0, 16.0, 16.0, 16.0, 16.0, 16.0, 12.0, 12.0, 12.0,
    ]
    .into_iter()
    .enumerate()
    {
        ws.set_column_width(c as u16, w)?;
    }
    let mut r = 0u32;
    for tb in tables {
        r = write_table(ws, f, tb, r, unit_name)? + 2;
    }
    wb.save_to_buffer()
}
