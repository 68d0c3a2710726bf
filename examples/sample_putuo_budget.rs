//! Writes `samples/putuo-commerce-budget-2025/普陀区商务委员会-2025-部门预算公开表.xlsx`.
//!
//! The figures are transcribed from the published PDF of 上海市普陀区商务委员会 2025 年部门预算
//! (nine tables; eight in 元, the “三公” table in 万元) and kept below exactly as printed.
//! Its layout differs from the 决算 samples on purpose: one worksheet per table, the title in
//! A1, the headings printed on plain rows with no merged cells (a group heading once, over its
//! first column, as a CSV export prints it), split 类/款/项 codes joined into one column.
//!
//! The workbook's layout is the library's (`gouji::sample::budget_book`), which `gouji sample
//! --kind budget` writes its synthetic budgets with.
//!
//! Run: `cargo run --example sample_putuo_budget`

use gouji::sample::budget_book::{
    budget_workbook, BudgetBook, BudgetSheet, Printed, THREE_PUBLIC_HEADER,
};

const OUT_DIR: &str = "samples/putuo-commerce-budget-2025";
const OUT_FILE: &str =
    "samples/putuo-commerce-budget-2025/普陀区商务委员会-2025-部门预算公开表.xlsx";
const DEPARTMENT: &str = "编制部门：上海市普陀区商务委员会";

/// One table: its sheet, title, unit, heading rows, data rows (amounts as printed, "" where
/// nothing is printed) and the note under it.
struct Sheet {
    name: &'static str,
    title: &'static str,
    unit: &'static str,
    header: &'static [&'static [&'static str]],
    /// The group heading of a 功能分类 table of 合计 | 基本支出 | 项目支出 (its header then).
    group: Option<&'static str>,
    rows: &'static [&'static [&'static str]],
    note: Option<&'static str>,
}

/// The cells a sheet prints on a data row: the 收入预算总表 takes code, name and 合计 of the
/// 支出预算总表 and prints the 合计 again as 财政拨款收入, the only source of this budget.
fn printed<'a>(sheet: &Sheet, row: &[&'a str]) -> Vec<&'a str> {
    if sheet.name.starts_with("2 ") {
        vec![row[0], row[1], row[2], row[2], "", "", ""]
    } else {
        row.to_vec()
    }
}

#[rustfmt::skip]
const SUMMARY_ROWS: &[&[&str]] = &[
    &["一、财政拨款收入", "371,514,655.00", "一、一般公共服务支出", "21,601,733.00"],
    &["1. 一般公共预算资金", "371,514,655.00", "二、科学技术支出", "17,200,000.00"],
    &["2. 政府性基金", "", "三、社会保障和就业支出", "3,808,085.00"],
    &["3. 国有资本经营预算", "", "四、卫生健康支出", "881,803.00"],
    &["二、事业收入", "", "五、资源勘探工业信息等支出", "293,810,000.00"],
    &["三、事业单位经营收入", "", "六、商业服务业等支出", "31,364,000.00"],
    &["四、其他收入", "", "七、住房保障支出", "2,849,034.00"],
    &["收入总计", "371,514,655.00", "支出总计", "371,514,655.00"],
];

#[rustfmt::skip]
const FISCAL_ROWS: &[&[&str]] = &[
    &["一、一般公共预算资金", "371,514,655.00", "一、一般公共服务支出", "21,601,733.00", "21,601,733.00", "", ""],
    &["二、政府性基金", "", "二、科学技术支出", "17,200,000.00", "17,200,000.00", "", ""],
    &["三、国有资本经营预算", "", "三、社会保障和就业支出", "3,808,085.00", "3,808,085.00", "", ""],
    &["", "", "四、卫生健康支出", "881,803.00", "881,803.00", "", ""],
    &["", "", "五、资源勘探工业信息等支出", "293,810,000.00", "293,810,000.00", "", ""],
    &["", "", "六、商业服务业等支出", "31,364,000.00", "31,364,000.00", "", ""],
    &["", "", "七、住房保障支出", "2,849,034.00", "2,849,034.00", "", ""],
    &["收入总计", "371,514,655.00", "支出总计", "371,514,655.00", "371,514,655.00", "", ""],
];

#[rustfmt::skip]
const SPENDING_ROWS: &[&[&str]] = &[
    &["201", "一般公共服务支出", "21,601,733.00", "12,291,733.00", "9,310,000.00"],
    &["20113", "商贸事务", "21,601,733.00", "12,291,733.00", "9,310,000.00"],
    &["2011301", "行政运行", "9,389,913.00", "9,389,913.00", ""],
    &["2011302", "一般行政管理事务", "4,545,000.00", "", "4,545,000.00"],
    &["2011350", "事业运行", "2,901,820.00", "2,901,820.00", ""],
    &["2011399", "其他商贸事务支出", "4,765,000.00", "", "4,765,000.00"],
    &["206", "科学技术支出", "17,200,000.00", "", "17,200,000.00"],
    &["20605", "科技条件与服务", "17,200,000.00", "", "17,200,000.00"],
    &["2060503", "科技条件专项", "17,200,000.00", "", "17,200,000.00"],
    &["208", "社会保障和就业支出", "3,808,085.00", "3,808,085.00", ""],
    &["20805", "行政事业单位养老支出", "3,808,085.00", "3,808,085.00", ""],
    &["2080501", "行政单位离退休", "1,661,216.00", "1,661,216.00", ""],
    &["2080502", "事业单位离退休", "17,280.00", "17,280.00", ""],
    &["2080505", "机关事业单位基本养老保险缴费支出", "1,410,886.00", "1,410,886.00", ""],
    &["2080506", "机关事业单位职业年金缴费支出", "705,443.00", "705,443.00", ""],
    &["2080599", "其他行政事业单位养老支出", "13,260.00", "13,260.00", ""],
    &["210", "卫生健康支出", "881,803.00", "881,803.00", ""],
    &["21011", "行政事业单位医疗", "881,803.00", "881,803.00", ""],
    &["2101101", "行政单位医疗", "631,941.00", "631,941.00", ""],
    &["2101102", "事业单位医疗", "249,862.00", "249,862.00", ""],
    &["215", "资源勘探工业信息等支出", "293,810,000.00", "", "293,810,000.00"],
    &["21508", "支持中小企业发展和管理支出", "293,810,000.00", "", "293,810,000.00"],
    &["2150899", "其他支持中小企业发展和管理支出", "293,810,000.00", "", "293,810,000.00"],
    &["216", "商业服务业等支出", "31,364,000.00", "", "31,364,000.00"],
    &["21699", "其他商业服务业等支出", "31,364,000.00", "", "31,364,000.00"],
    &["2169999", "其他商业服务业等支出", "31,364,000.00", "", "31,364,000.00"],
    &["221", "住房保障支出", "2,849,034.00", "2,849,034.00", ""],
    &["22102", "住房改革支出", "2,849,034.00", "2,849,034.00", ""],
    &["2210201", "住房公积金", "1,361,034.00", "1,361,034.00", ""],
    &["2210203", "购房补贴", "1,488,000.00", "1,488,000.00", ""],
    &["", "合计", "371,514,655.00", "19,830,655.00", "351,684,000.00"],
];

#[rustfmt::skip]
const ECONOMIC_ROWS: &[&[&str]] = &[
    &["301", "工资福利支出", "16,671,057.00", "16,671,057.00", ""],
    &["30101", "基本工资", "1,952,616.00", "1,952,616.00", ""],
    &["30102", "津贴补贴", "7,533,376.00", "7,533,376.00", ""],
    &["30107", "绩效工资", "1,852,114.00", "1,852,114.00", ""],
    &["30108", "机关事业单位基本养老保险缴费", "1,410,886.00", "1,410,886.00", ""],
    &["30109", "职业年金缴费", "705,443.00", "705,443.00", ""],
    &["30110", "职工基本医疗保险缴费", "881,803.00", "881,803.00", ""],
    &["30112", "其他社会保障缴费", "36,918.00", "36,918.00", ""],
    &["30113", "住房公积金", "1,361,034.00", "1,361,034.00", ""],
    &["30199", "其他工资福利支出", "936,867.00", "936,867.00", ""],
    &["302", "商品和服务支出", "1,632,062.00", "", "1,632,062.00"],
    &["30201", "办公费", "273,900.00", "", "273,900.00"],
    &["30202", "印刷费", "5,000.00", "", "5,000.00"],
    &["30204", "手续费", "1,500.00", "", "1,500.00"],
    &["30207", "邮电费", "15,000.00", "", "15,000.00"],
    &["30211", "差旅费", "80,000.00", "", "80,000.00"],
    &["30213", "维修（护）费", "10,000.00", "", "10,000.00"],
    &["30216", "培训费", "5,000.00", "", "5,000.00"],
    &["30217", "公务接待费", "10,000.00", "", "10,000.00"],
    &["30226", "劳务费", "25,000.00", "", "25,000.00"],
    &["30227", "委托业务费", "180,000.00", "", "180,000.00"],
    &["30228", "工会经费", "194,962.00", "", "194,962.00"],
    &["30229", "福利费", "423,360.00", "", "423,360.00"],
    &["30239", "其他交通费用", "284,480.00", "", "284,480.00"],
    &["30299", "其他商品和服务支出", "123,860.00", "", "123,860.00"],
    &["303", "对个人和家庭的补助", "1,449,536.00", "1,449,536.00", ""],
    &["30301", "离休费", "251,936.00", "251,936.00", ""],
    &["30302", "退休费", "1,197,600.00", "1,197,600.00", ""],
    &["310", "资本性支出", "78,000.00", "", "78,000.00"],
    &["31002", "办公设备购置", "78,000.00", "", "78,000.00"],
    &["", "合计", "19,830,655.00", "18,120,593.00", "1,710,062.00"],
];

const EMPTY_ROWS: &[&[&str]] = &[&["", "合计", "", "", ""]];

/// In 万元, as the PDF prints this one table.
const THREE_PUBLIC_ROWS: &[&[&str]] = &[&["1.00", "", "", "", "", "1.00", "171.01"]];

const CODED_HEADER: &str = "功能分类科目编码";
const NAME_HEADER: &str = "功能分类科目名称";

/// A 功能分类 table of 合计 | 基本支出 | 项目支出 under its group heading, in 元.
fn by_function(
    name: &'static str,
    title: &'static str,
    group: &'static str,
    rows: &'static [&'static [&'static str]],
    note: Option<&'static str>,
) -> Sheet {
    Sheet {
        name,
        title,
        unit: "单位：元",
        header: &[],
        group: Some(group),
        rows,
        note,
    }
}

/// The heading rows of a sheet.
fn header(sheet: &Sheet) -> Vec<Vec<&'static str>> {
    match sheet.group {
        Some(group) => vec![
            vec!["项目", "", group, "", ""],
            vec![CODED_HEADER, NAME_HEADER, "合计", "基本支出", "项目支出"],
        ],
        None => sheet.header.iter().map(|h| h.to_vec()).collect(),
    }
}

/// The nine tables in the order the PDF prints them.
fn sheets() -> Vec<Sheet> {
    vec![
        Sheet {
            name: "1 财务收支预算总表",
            title: "2025年部门财务收支预算总表",
            unit: "单位：元",
            header: &[
                &["本年收入", "", "本年支出", ""],
                &["项目", "预算数", "项目", "预算数"],
            ],
            group: None,
            rows: SUMMARY_ROWS,
            note: None,
        },
        Sheet {
            name: "2 收入预算总表",
            title: "2025年部门收入预算总表",
            unit: "单位：元",
            header: &[
                &["项目", "", "收入预算", "", "", "", ""],
                &[
                    CODED_HEADER,
                    NAME_HEADER,
                    "合计",
                    "财政拨款收入",
                    "事业收入",
                    "事业单位经营收入",
                    "其他收入",
                ],
            ],
            // Every row is 财政拨款收入 alone: the 支出预算总表's rows with their 合计 twice.
            group: None,
            rows: SPENDING_ROWS,
            note: None,
        },
        by_function(
            "3 支出预算总表",
            "2025年部门支出预算总表",
            "支出预算",
            SPENDING_ROWS,
            None,
        ),
        Sheet {
            name: "4 财政拨款收支预算总表",
            title: "2025年部门财政拨款收支预算总表",
            unit: "单位：元",
            header: &[
                &["财政拨款收入", "", "财政拨款支出", "", "", "", ""],
                &[
                    "项目",
                    "预算数",
                    "项目",
                    "合计",
                    "一般公共预算",
                    "政府性基金预算",
                    "国有资本经营预算",
                ],
            ],
            group: None,
            rows: FISCAL_ROWS,
            note: None,
        },
        // Every yuan of this department is 一般公共预算: the PDF prints the rows of table 3 again.
        by_function(
            "5 一般公共预算支出",
            "2025年部门一般公共预算支出功能分类预算表",
            "一般公共预算支出",
            SPENDING_ROWS,
            None,
        ),
        by_function(
            "6 政府性基金预算支出",
            "2025年部门政府性基金预算支出功能分类预算表",
            "政府性基金预算支出",
            EMPTY_ROWS,
            Some("注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。"),
        ),
        by_function(
            "7 国有资本经营预算支出",
            "2025年部门国有资本经营预算支出功能分类预算表",
            "国有资本经营预算支出",
            EMPTY_ROWS,
            Some("注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。"),
        ),
        Sheet {
            name: "8 基本支出经济分类",
            title: "2025年部门一般公共预算基本支出部门预算经济分类预算表",
            unit: "单位：元",
            header: &[
                &["项目", "", "一般公共预算基本支出", "", ""],
                &[
                    "部门预算经济分类科目编码",
                    "经济分类科目名称",
                    "合计",
                    "人员经费",
                    "公用经费",
                ],
            ],
            group: None,
            rows: ECONOMIC_ROWS,
            note: None,
        },
        Sheet {
            name: "9 三公经费和机关运行经费",
            title: "2025年部门“三公”经费和机关运行经费预算表",
            unit: "单位：万元",
            header: THREE_PUBLIC_HEADER,
            group: None,
            rows: THREE_PUBLIC_ROWS,
            note: None,
        },
    ]
}

/// "371,514,655.00" → 37151465500 hundredths as printed; `None` for a label.
fn amount(text: &str) -> Option<i64> {
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    let (whole, cents) = plain.split_once('.')?;
    Some(whole.parse::<i64>().ok()? * 100 + cents.parse::<i64>().ok()?)
}

/// A sheet as the library writes it: headings and rows as printed, amounts exact.
fn book_sheet(sheet: &Sheet) -> BudgetSheet {
    let cell = |text: &str| match amount(text) {
        Some(v) => Printed::Amount(v),
        None => Printed::text(text),
    };
    BudgetSheet {
        name: sheet.name.to_string(),
        title: sheet.title.to_string(),
        unit: sheet.unit,
        header: header(sheet)
            .into_iter()
            .map(|line| line.into_iter().map(str::to_string).collect())
            .collect(),
        rows: sheet
            .rows
            .iter()
            .map(|row| printed(sheet, row).into_iter().map(cell).collect())
            .collect(),
        note: sheet.note.map(str::to_string),
    }
}

fn main() -> std::io::Result<()> {
    let book = BudgetBook {
        title: "上海市普陀区商务委员会2025年部门预算公开表".to_string(),
        comment: None,
        created: (2025, 2, 1),
        department: DEPARTMENT.to_string(),
        sheets: sheets().iter().map(book_sheet).collect(),
    };
    let bytes = budget_workbook(&book).map_err(std::io::Error::other)?;
    std::fs::create_dir_all(OUT_DIR)?;
    std::fs::write(OUT_FILE, bytes)?;
    println!("wrote {OUT_FILE}");
    Ok(())
}
