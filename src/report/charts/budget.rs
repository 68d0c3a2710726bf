//! What a budget's charts show, read from its budget tables (the 决算 tables they replace are not
//! printed in a budget): income by source, expenditure by 功能分类 class, 基本支出 against 项目支出
//! (and 江苏's 单位预留机动经费), and this year against the prior year where a table prints a 上年
//! column beside its 预算数. All in 万元; a source or item the budget leaves blank or at 0 is not
//! charted.

use rust_decimal::Decimal;

use crate::check::budget_total_row;
use crate::model::{names, ColKey, Document, Line, Row, Side, Table, TableKind};
use crate::report::summary::{figure, nonzero};

/// The columns of a 收入预算总表 that are sources of income.
const SOURCES: [ColKey; 9] = [
    ColKey::FiscalGrant,
    ColKey::SpecialAccount,
    ColKey::SuperiorGrant,
    ColKey::BusinessIncome,
    ColKey::OperatingIncome,
    ColKey::SubsidiaryRemit,
    ColKey::OtherIncome,
    ColKey::CarriedIn,
    ColKey::Opening,
];

/// Income by source: the 收入预算总表's 合计 row, column by column (财政拨款收入, 事业收入 …),
/// else the numbered sources of the 总表's income half (一、财政拨款 二、财政专户管理资金 …) and
/// its 上年结转.
pub(crate) fn income(doc: &Document) -> Vec<(String, Decimal)> {
    if let Some(t) = doc.table(TableKind::BudgetIncome) {
        let row = budget_total_row(t);
        let points = nonzero(
            t.columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.key.is_some_and(|k| SOURCES.contains(&k)))
                .map(|(i, c)| (header(&c.label), figure(t, row, Some(i))))
                .collect(),
        );
        if !points.is_empty() {
            return points;
        }
    }
    let Some(t) = doc.half(TableKind::BudgetSummary, Side::Income) else {
        return Vec::new();
    };
    let sources = t.rows.iter().filter(|r| numbered(r) || carried_in(r));
    nonzero(
        sources
            .map(|r| (names::label(&r.name), figure(t, Some(r), amount_col(t))))
            .collect(),
    )
}

/// Expenditure by 功能分类 class: the class rows of the 支出预算总表, else the class lines of the
/// 总表's expenditure half.
pub(crate) fn expenditure(doc: &Document) -> Vec<(String, Decimal)> {
    if let Some(t) = doc.table(TableKind::BudgetExpenditure) {
        let col = t.col(ColKey::Total).or_else(|| t.col(ColKey::Amount));
        let points = nonzero(
            t.rows
                .iter()
                .filter(|r| r.level() == Some(1))
                .map(|r| (names::label(&r.name), figure(t, Some(r), col)))
                .collect(),
        );
        if !points.is_empty() {
            return points;
        }
    }
    let halves = doc
        .tables
        .iter()
        .filter(|t| t.kind == TableKind::BudgetSummary && t.side == Some(Side::Expenditure));
    for t in halves {
        let points = nonzero(
            t.rows
                .iter()
                .filter(|r| r.line == Some(Line::FunctionClass))
                .map(|r| (names::label(&r.name), figure(t, Some(r), amount_col(t))))
                .collect(),
        );
        if !points.is_empty() {
            return points;
        }
    }
    Vec::new()
}

/// 基本支出, 项目支出 and, where printed, 单位预留机动经费 and 结转下年: the 支出预算总表's 合计 row.
pub(crate) fn basic_project(doc: &Document) -> Vec<(String, Decimal)> {
    let Some(t) = doc.table(TableKind::BudgetExpenditure) else {
        return Vec::new();
    };
    let row = budget_total_row(t);
    nonzero(
        [
            ColKey::Basic,
            ColKey::Project,
            ColKey::Reserve,
            ColKey::CarriedOut,
        ]
        .iter()
        .map(|k| (k.label().to_string(), figure(t, row, t.col(*k))))
        .collect(),
    )
}

/// This year against the prior year where a budget table prints a 上年 column beside its own
/// figure: the table's 合计 (or, in the “三公” table, each item), labelled with the table's
/// standard name. Item, prior year and this year, in 万元.
pub(crate) fn prior_year_columns(doc: &Document) -> Vec<(String, Decimal, Decimal)> {
    let mut out = Vec::new();
    for t in doc.tables.iter().filter(|t| t.kind.is_budget()) {
        let (Some(prior), Some(current)) = (t.col(ColKey::PriorYear), current_col(t)) else {
            continue;
        };
        let rows: Vec<&Row> = if t.kind == TableKind::BudgetThreePublic {
            t.rows.iter().filter(|r| r.line.is_some()).collect()
        } else {
            t.line(Line::Total).into_iter().collect()
        };
        for r in rows {
            let p = figure(t, Some(r), Some(prior));
            let (Some(p), Some(c)) = (p, figure(t, Some(r), Some(current))) else {
                continue;
            };
            let label = format!("{} {}", t.kind.title(), names::label(&r.name));
            if !out.iter().any(|(l, _, _)| *l == label) {
                out.push((label, p, c));
            }
        }
    }
    out
}

/// This year's column of a table that also prints the prior year's.
fn current_col(t: &Table) -> Option<usize> {
    [ColKey::Total, ColKey::Budget, ColKey::Amount]
        .iter()
        .find_map(|k| t.col(*k))
}

/// The amount column of a 总表 half.
fn amount_col(t: &Table) -> Option<usize> {
    current_col(t).or_else(|| (0..t.columns.len()).find(|&c| t.columns[c].key.is_some()))
}

/// A column's header without the levels above it (`本年收入/财政拨款收入` → 财政拨款收入).
fn header(label: &str) -> String {
    names::label(label.rsplit('/').next().unwrap_or(label))
}

/// A source numbered as the 总表 numbers its items: 一、… 二、…
fn numbered(r: &Row) -> bool {
    let raw = r.name.trim();
    raw.chars()
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c))
        && raw.contains('、')
}

/// 上年结转 (资金): last year's money spent this year, a source of the budget.
fn carried_in(r: &Row) -> bool {
    names::label(&r.name).starts_with("上年结转")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, CellRef, Column, Figure, Unit};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn row(name: &str, line: Option<Line>, figures: &[Option<&str>]) -> Row {
        let cells = figures
            .iter()
            .enumerate()
            .map(|(i, f)| {
                f.map(|f| Cell {
                    raw: f.into(),
                    figure: Some(Figure::from_decimal(d(f))),
                    at: CellRef::new(0, i as u32),
                })
            })
            .collect();
        Row {
            code: None,
            name: name.into(),
            line,
            cells,
            at: CellRef::new(0, 0),
        }
    }

    fn table(kind: TableKind, columns: &[(&str, ColKey)], rows: Vec<Row>) -> Table {
        Table {
            kind,
            unit: Unit::WanYuan,
            columns: columns
                .iter()
                .map(|(l, k)| Column {
                    label: l.to_string(),
                    key: Some(*k),
                })
                .collect(),
            rows,
            side: None,
            title: kind.title().into(),
            unit_stated: true,
            file: "预算.xlsx".into(),
            sheet: "表".into(),
            at: CellRef::new(0, 0),
            notes: Vec::new(),
            places: None,
            approximate: false,
            step: None,
        }
    }

    #[test]
    fn a_prior_year_column_gives_this_year_against_the_last() {
        let three = table(
            TableKind::BudgetThreePublic,
            &[
                ("上年预算数", ColKey::PriorYear),
                ("预算数", ColKey::Budget),
            ],
            vec![
                row("合计", Some(Line::Total), &[Some("12.00"), Some("10.50")]),
                row(
                    "公务接待费",
                    Some(Line::Reception),
                    &[Some("2.00"), Some("0.50")],
                ),
                row("说明", None, &[Some("1"), Some("1")]),
            ],
        );
        let doc = Document {
            tables: vec![three],
            ..Document::default()
        };
        assert_eq!(
            prior_year_columns(&doc),
            [
                ("“三公”经费预算表 合计".to_string(), d("12.00"), d("10.50")),
                (
                    "“三公”经费预算表 公务接待费".to_string(),
                    d("2.00"),
                    d("0.50")
                ),
            ]
        );
    }

    #[test]
    fn the_summary_half_gives_the_numbered_sources_and_last_years_money() {
        let mut half = table(
            TableKind::BudgetSummary,
            &[("收入/金额", ColKey::Amount)],
            vec![
                row("一、财政拨款", Some(Line::FiscalIncome), &[Some("100.00")]),
                row("1.一般公共预算", None, &[Some("100.00")]),
                row("二、财政专户管理资金", None, &[Some("5.00")]),
                row("三、其他资金", None, &[None]),
                row("当年收入小计", None, &[Some("105.00")]),
                row("上年结转资金", None, &[Some("7.00")]),
                row("收入合计", None, &[Some("112.00")]),
            ],
        );
        half.side = Some(Side::Income);
        let doc = Document {
            tables: vec![half],
            ..Document::default()
        };
        assert_eq!(
            income(&doc),
            [
                ("财政拨款".to_string(), d("100.00")),
                ("财政专户管理资金".to_string(), d("5.00")),
                ("上年结转资金".to_string(), d("7.00")),
            ]
        );
    }
}
