//! The layout of a 上海-family 部门预算公开表 workbook, shared by `gouji sample --kind budget` and
//! `examples/sample_putuo_budget.rs`: one worksheet per table, the title in A1, the department
//! and the unit on the line under it, the headings on plain rows with no merged cells (a group
//! heading once, over its first column, as a CSV export prints it), then the rows and a note.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// The headings of the 上海 “三公”经费和机关运行经费预算表 (in 万元): 合计, 出国, 公务用车 (小计,
/// 购置, 运行), 接待, then 机关运行经费.
#[rustfmt::skip]
pub const THREE_PUBLIC_HEADER: &[&[&str]] = &[
    &["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"],
    &["合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费", ""],
    &["", "", "小计", "公务用车购置费", "公务用车运行费", "", ""],
];

/// One printed cell of a budget table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Printed {
    /// A label or a code.
    Text(String),
    /// An amount in hundredths of the table's unit (元 or 万元), printed with two decimals.
    Amount(i64),
    /// Nothing printed.
    Blank,
}

impl Printed {
    /// A label, or [`Printed::Blank`] for an empty one.
    pub fn text(s: &str) -> Printed {
        if s.is_empty() {
            Printed::Blank
        } else {
            Printed::Text(s.to_string())
        }
    }
}

/// One table on its own worksheet.
#[derive(Clone, Debug)]
pub struct BudgetSheet {
    /// The worksheet's name (`1 财务收支预算总表`).
    pub name: String,
    /// The table's title, in A1.
    pub title: String,
    /// `单位：元` or `单位：万元`, at the end of the second line.
    pub unit: &'static str,
    /// The heading rows, one text per column ("" where nothing is printed).
    pub header: Vec<Vec<String>>,
    /// The data rows.
    pub rows: Vec<Vec<Printed>>,
    /// The note under the table, if any.
    pub note: Option<String>,
}

impl BudgetSheet {
    /// The number of columns, as the last heading row prints them.
    pub fn width(&self) -> u16 {
        self.header.last().map_or(1, Vec::len).max(1) as u16
    }

    /// The sheet row (zero-based) of the first data row: under the title, the department line
    /// and the headings.
    pub fn first_data_row(&self) -> u32 {
        2 + self.header.len() as u32
    }
}

/// A whole workbook: its properties, the department line each sheet prints, its sheets.
#[derive(Clone, Debug)]
pub struct BudgetBook {
    /// The document title in the file's properties.
    pub title: String,
    /// A comment in the file's properties (the synthetic corpus says what it is).
    pub comment: Option<String>,
    /// The creation date in the file's properties, fixed so that bytes repeat: (y, m, d).
    pub created: (u16, u8, u8),
    /// The line under every title (`编制部门：上海市普陀区商务委员会`).
    pub department: String,
    /// The tables in print order.
    pub sheets: Vec<BudgetSheet>,
}

/// The workbook as bytes.
pub fn budget_workbook(book: &BudgetBook) -> Result<Vec<u8>, XlsxError> {
    let title = Format::new().set_bold().set_font_size(14);
    let money = Format::new().set_num_format("#,##0.00");
    let mut wb = Workbook::new();
    let (y, m, d) = book.created;
    let created = ExcelDateTime::from_ymd(y, m, d)?.and_hms(0, 0, 0)?;
    let mut props = DocProperties::new()
        .set_title(&book.title)
        .set_author("gouji sample");
    if let Some(comment) = &book.comment {
        props = props.set_comment(comment);
    }
    wb.set_properties(&props.set_creation_datetime(&created));
    for sheet in &book.sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&sheet.name)?;
        ws.set_column_width(1, 34)?;
        ws.write_string_with_format(0, 0, &sheet.title, &title)?;
        ws.write_string(1, 0, &book.department)?;
        ws.write_string(1, sheet.width() - 1, sheet.unit)?;
        let mut r = 2u32;
        for line in &sheet.header {
            for (c, text) in line.iter().enumerate() {
                if !text.is_empty() {
                    ws.write_string(r, c as u16, text)?;
                }
            }
            r += 1;
        }
        for line in &sheet.rows {
            for (c, cell) in line.iter().enumerate() {
                match cell {
                    Printed::Text(s) => ws.write_string(r, c as u16, s)?,
                    Printed::Amount(v) => {
                        ws.write_number_with_format(r, c as u16, *v as f64 / 100.0, &money)?
                    }
                    Printed::Blank => ws,
                };
            }
            r += 1;
        }
        if let Some(note) = &sheet.note {
            ws.write_string(r, 0, note)?;
        }
    }
    wb.save_to_buffer()
}
