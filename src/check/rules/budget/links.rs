//! Y707 — links between a budget's tables: the same figure wherever it is printed.

use crate::check::{rule, Context, Message, Relation, Rule, Term};
use crate::model::{names::label_cow, ColKey, Line, Row, Side, Table, TableKind};

use super::{kind_of, Kind};

rule! {
    /// A budget's tables agree where they print the same figure:
    /// - 收支总表 收入总计 = 收入预算总表 合计; 收支总表 支出 (功能分类) 总计 = 支出预算总表 合计, and
    ///   each 功能分类 class line = that 类 row's 合计 in 支出预算总表;
    /// - 收支总表 财政拨款 (收入) = 财政拨款收支总表 收入总计 = 收入预算总表 合计 财政拨款收入;
    /// - 财政拨款收支总表 一般公共预算 (收入) = 一般公共预算支出表 合计;
    /// - 一般公共预算支出表 合计 基本支出 = 一般公共预算基本支出 (经济分类) 表 合计, or, where the
    ///   支出表 prints no 基本支出 column (江苏), 财政拨款收支总表 基本支出 = 财政拨款基本支出表 合计;
    /// - 支出预算总表 合计 基本支出 / 项目支出 = 收支总表 (支出用途) 基本支出 / 项目支出;
    /// - a 收支总表 printed by 人员经费 | 公用经费 (上海 单位预算): its 支出总计 人员经费 / 公用经费 =
    ///   the 经济分类 table's 合计 人员经费 / 公用经费.
    BudgetLinks = "Y707", "budget-links", Error;
}

/// The first amount column of a table or half: 合计 where printed, else its one amount column.
fn amount_col(t: &Table) -> Option<usize> {
    // Last year's column (上年预算数), printed before this year's or after it, is never the one.
    t.col(ColKey::Total)
        .or_else(|| t.col(ColKey::Amount))
        .or_else(|| t.col(ColKey::Budget))
        .or_else(|| {
            (0..t.columns.len()).find(|&c| t.columns[c].key.is_some_and(|k| k != ColKey::PriorYear))
        })
}

/// A table's grand total in its column `key` (or its first amount column): the 合计 row, or the
/// 总计 line, or the one row of a one-line table.
fn total(t: &Table, key: Option<ColKey>) -> Option<Term> {
    let col = match key {
        Some(k) => t.col(k)?,
        None => amount_col(t)?,
    };
    let row = t
        .rows
        .iter()
        .find(|r| r.line == Some(Line::Total))
        .or_else(|| t.rows.iter().find(|r| kind_of(r) == Some(Kind::GrandTotal)))
        .or_else(|| (t.rows.len() == 1).then(|| &t.rows[0]))?;
    Some(Term::cell(t, row, col))
}

/// The line of a half whose label starts with `word`, in its first amount column.
fn line(t: &Table, word: &str) -> Option<Term> {
    let row: &Row = t
        .rows
        .iter()
        .find(|r| label_cow(r.name.trim()).starts_with(word))?;
    Some(Term::cell(t, row, amount_col(t)?))
}

fn halves(doc: &crate::model::Document, kind: TableKind, side: Side) -> Vec<&Table> {
    doc.tables
        .iter()
        .filter(|t| t.kind == kind && t.side == Some(side))
        .collect()
}

fn link(cx: &mut Context, zh: String, en: &str, a: Option<Term>, b: Option<Term>, at: &Table) {
    let (Some(a), Some(b)) = (a, b) else { return };
    let what = Message::new(zh, en);
    cx.relation(
        Some(at),
        Relation::equal(BudgetLinks::META.code, what, a, b),
    );
}

impl Rule for BudgetLinks {
    fn check(&self, cx: &mut Context) {
        let doc = cx.doc;
        let income = doc.table(TableKind::BudgetIncome);
        let spending = doc.table(TableKind::BudgetExpenditure);
        let general = doc.table(TableKind::BudgetGeneralExpenditure);
        let summary_in = halves(doc, TableKind::BudgetSummary, Side::Income);
        let summary_out = halves(doc, TableKind::BudgetSummary, Side::Expenditure);
        let fiscal_in = halves(doc, TableKind::BudgetFiscalSummary, Side::Income);
        let fiscal_out = halves(doc, TableKind::BudgetFiscalSummary, Side::Expenditure);
        if let (Some(s), Some(i)) = (summary_in.first(), income) {
            let grand = s.rows.iter().find(|r| kind_of(r) == Some(Kind::GrandTotal));
            let a = grand.and_then(|r| Some(Term::cell(s, r, amount_col(s)?)));
            link(
                cx,
                "收支总表收入总计 = 收入预算总表合计".into(),
                "summary income = income table total",
                a,
                total(i, None),
                i,
            );
            link(
                cx,
                "收支总表“财政拨款收入”= 收入预算总表合计“财政拨款收入”".into(),
                "summary appropriations = income table appropriations",
                line(s, "财政拨款"),
                total(i, Some(ColKey::FiscalGrant)),
                i,
            );
        }
        expenditure_links(cx, &summary_out, spending);
        if let (Some(s), Some(f)) = (summary_in.first(), fiscal_in.first()) {
            let grand = f.rows.iter().find(|r| kind_of(r) == Some(Kind::GrandTotal));
            let b = grand.and_then(|r| Some(Term::cell(f, r, amount_col(f)?)));
            link(
                cx,
                "收支总表“财政拨款”= 财政拨款收支总表收入总计".into(),
                "summary appropriations = fiscal summary income",
                line(s, "财政拨款"),
                b,
                f,
            );
        }
        if let (Some(f), Some(g)) = (fiscal_in.first(), general) {
            link(
                cx,
                "财政拨款收支总表“一般公共预算”= 一般公共预算支出表合计".into(),
                "fiscal summary general budget = general-budget table total",
                line(f, "一般公共预算"),
                total(g, None),
                g,
            );
        }
        basic_links(cx, general, &fiscal_out, &summary_out);
    }
}

/// The 收支总表's 支出 against the 支出预算总表: its 总计 and classes where it prints the
/// 功能分类, its 基本支出 and 项目支出 lines where it prints them by use.
fn expenditure_links(cx: &mut Context, summary_out: &[&Table], spending: Option<&Table>) {
    for s in summary_out {
        let by_function = s.rows.iter().any(|r| r.line == Some(Line::FunctionClass));
        let Some(e) = spending.filter(|_| by_function) else {
            continue;
        };
        let grand = s.rows.iter().find(|r| kind_of(r) == Some(Kind::GrandTotal));
        let a = grand.and_then(|r| Some(Term::cell(s, r, amount_col(s)?)));
        link(
            cx,
            "收支总表支出总计 = 支出预算总表合计".into(),
            "summary expenditure = expenditure table total",
            a,
            total(e, None),
            e,
        );
        classes_agree(cx, s, e);
    }
    for s in summary_out {
        let Some(e) = spending else { continue };
        for (word, key) in [("基本支出", ColKey::Basic), ("项目支出", ColKey::Project)] {
            link(
                cx,
                format!("收支总表“{word}”= 支出预算总表合计“{word}”"),
                "summary use line = expenditure table total",
                line(s, word),
                total(e, Some(key)),
                e,
            );
        }
    }
}

/// 基本支出 of the expenditure tables against the 经济分类 tables' 合计.
fn basic_links(
    cx: &mut Context,
    general: Option<&Table>,
    fiscal_out: &[&Table],
    summary_out: &[&Table],
) {
    let doc = cx.doc;
    // A 总表 printed by 人员经费 | 公用经费 | 项目支出 (上海 单位预算): its 总计 splits as the
    // 经济分类 table's 合计 does.
    if let Some(b) = doc.table(TableKind::BudgetBasic) {
        for s in summary_out {
            for key in [ColKey::Personnel, ColKey::Public] {
                let label = key.label();
                link(
                    cx,
                    format!("收支总表支出总计“{label}”= 基本支出表合计“{label}”"),
                    "summary personnel/public = basic table's",
                    total(s, Some(key)),
                    total(b, Some(key)),
                    b,
                );
            }
        }
    }
    if let (Some(g), Some(b)) = (general, doc.table(TableKind::BudgetBasic)) {
        link(
            cx,
            "一般公共预算支出表合计“基本支出”= 基本支出表合计".into(),
            "general-budget basic = basic table total",
            total(g, Some(ColKey::Basic)),
            total(b, None),
            b,
        );
    }
    if let Some(b) = doc.table(TableKind::BudgetFiscalBasic) {
        for f in fiscal_out {
            link(
                cx,
                "财政拨款收支总表“基本支出”= 财政拨款基本支出表合计".into(),
                "fiscal summary basic = fiscal basic table total",
                line(f, "基本支出"),
                total(b, None),
                b,
            );
        }
    }
}

/// Each 功能分类 class line of a summary half = that 类 row's 合计 in the expenditure table.
fn classes_agree(cx: &mut Context, s: &Table, e: &Table) {
    let Some(col) = amount_col(s) else { return };
    for r in s
        .rows
        .iter()
        .filter(|r| r.line == Some(Line::FunctionClass))
    {
        let Some(code) = r.code.as_deref() else {
            continue;
        };
        let Some(row) = e.row_by_code(code) else {
            continue;
        };
        let b = amount_col(e).map(|c| Term::cell(e, row, c));
        let a = Some(Term::cell(s, r, col));
        link(
            cx,
            format!(
                "收支总表“{}”= 支出预算总表 {code}",
                label_cow(r.name.trim())
            ),
            "summary class line = expenditure table class",
            a,
            b,
            e,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellRef, Column, Unit};

    fn with_columns(keys: &[Option<ColKey>]) -> Table {
        Table {
            kind: TableKind::BudgetSummary,
            side: Some(Side::Income),
            title: "财务收支预算总表".into(),
            unit: Unit::Yuan,
            unit_stated: true,
            file: "x.xlsx".into(),
            sheet: "1".into(),
            at: CellRef::new(0, 0),
            columns: keys
                .iter()
                .map(|k| Column {
                    label: String::new(),
                    key: *k,
                })
                .collect(),
            rows: Vec::new(),
            notes: Vec::new(),
            places: None,
            approximate: false,
            step: None,
        }
    }

    #[test]
    fn last_years_column_is_never_the_amount_linked() {
        // 项目 | 上年预算数 | 预算数: this year's budget, wherever last year's is printed.
        let t = with_columns(&[None, Some(ColKey::PriorYear), Some(ColKey::Budget)]);
        assert_eq!(amount_col(&t), Some(2));
        let t = with_columns(&[None, Some(ColKey::PriorYear), Some(ColKey::Amount)]);
        assert_eq!(amount_col(&t), Some(2));
        let t = with_columns(&[None, Some(ColKey::PriorYear)]);
        assert_eq!(amount_col(&t), None);
    }
}
