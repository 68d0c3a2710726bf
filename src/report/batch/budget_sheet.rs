//! 预算与决算: a row per department and year, its 预算 against its 决算 (execution rate), its
//! carry-over chain and the count of its cross-document findings; a broken chain filled.

use rust_xlsxwriter::{Color, Format, Worksheet, XlsxError};

use crate::check::Lang;
use crate::model::DocumentKind;
use crate::report::workbook::{end_list, header_format, heading_row};

use super::{money, opt, BudgetVsFinal};

const HEADINGS: [&str; 13] = [
    "区",
    "部门",
    "部门类别",
    "年度",
    "预算类型",
    "预算支出合计（万元）",
    "决算支出合计（万元）",
    "执行率（%）",
    "年初结转和结余（万元）",
    "年末结转和结余（万元）",
    "上年年末结转和结余（万元）",
    "年初 = 上年年末",
    "跨文档问题",
];

/// The budget's kind as the sheet names it, in the batch's language.
fn budget_label(key: &str, lang: Lang) -> &'static str {
    [DocumentKind::DepartmentBudget, DocumentKind::UnitBudget]
        .into_iter()
        .find(|k| k.key() == key)
        .map_or("", |k| k.label(lang))
}

pub(super) fn write(
    ws: &mut Worksheet,
    rows: &[BudgetVsFinal],
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name("预算与决算")?;
    heading_row(ws, &HEADINGS, &header_format())?;
    let (m, percent) = (money(), Format::new().set_num_format("0.00"));
    let broken = Format::new().set_background_color(Color::RGB(0xFFC7CE));
    for (i, b) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &b.district)?;
        ws.write_string(r, 1, &b.department)?;
        ws.write_string(r, 2, &b.department_kind)?;
        ws.write_number(r, 3, f64::from(b.year))?;
        ws.write_string(r, 4, budget_label(&b.budget_kind, lang))?;
        opt(ws, r, 5, b.budget, &m)?;
        opt(ws, r, 6, b.final_account, &m)?;
        opt(ws, r, 7, b.execution_rate, &percent)?;
        for (k, v) in [b.opening, b.closing, b.prior_closing].iter().enumerate() {
            opt(ws, r, 8 + k as u16, *v, &m)?;
        }
        match b.opening_is_prior_closing {
            Some(true) => {
                ws.write_string(r, 11, "是")?;
            }
            Some(false) => {
                ws.write_string_with_format(r, 11, "否", &broken)?;
            }
            None => {}
        }
        ws.write_number(r, 12, f64::from(b.cross_document_findings))?;
    }
    end_list(
        ws,
        rows.len().max(1) as u32,
        HEADINGS.len(),
        &[(0u16, 10.0), (1, 30.0), (2, 22.0), (5, 14.0), (6, 14.0)],
    )
}
