//! L — links between tables: the 总表 against the 收入/支出决算表, the 财政拨款总表 against the
//! fund tables, and the 基本支出 table against the 一般公共预算 expenditure table.

use crate::check::{rule, Context, Message, Relation, Rule, Term};
use crate::model::{ColKey, Line, Side, Table, TableKind};

use super::{line_term, term, total_col};

rule! {
    /// 收入支出决算总表 (收入) agrees with the 合计 row of 收入决算表: 本年收入合计 with 本年收入合计;
    /// 财政拨款收入 (2016) — or 一般公共预算 + 政府性基金 + 国有资本经营预算财政拨款 (2020s) — with
    /// 财政拨款收入; 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入 and 其他收入 each with its column.
    SummaryIncomeVsIncomeTable = "L501", "summary-income-vs-income-table", Error;
}

rule! {
    /// 收入支出决算总表 (支出) agrees with 支出决算表: 本年支出合计 with its 合计 row, and each
    /// 功能分类 class line with the 本年支出合计 of that 类 row.
    SummaryExpenditureVsExpenditureTable = "L502", "summary-expenditure-vs-expenditure-table", Error;
}

rule! {
    /// 财政拨款收入支出决算总表 (支出) agrees with the fund tables: its 一般公共预算财政拨款 column with
    /// 一般公共预算财政拨款支出决算表 (本年支出合计 and each 类), its 政府性基金 column with the 政府性基金
    /// table's 本年支出, its 国有资本经营 column with the 国有资本经营 table's 本年支出.
    FiscalSummaryVsFundTables = "L503", "fiscal-summary-vs-fund-tables", Error;
}

rule! {
    /// Appropriation income agrees across tables: 财政拨款收入支出决算总表 本年收入合计 = 收入决算表
    /// 合计 财政拨款收入; and each fund's income line of 财政拨款总表 = the same line of 收入支出决算总表.
    FiscalIncomeAgrees = "L504", "fiscal-income-agrees", Error;
}

rule! {
    /// 一般公共预算财政拨款支出决算表 合计 基本支出 = 基本支出决算表 人员经费合计 + 公用经费合计
    /// (and its 人员经费 / 公用经费 columns, where printed, agree with each total).
    BasicVsBasicTable = "L505", "basic-vs-basic-table", Error;
}

fn total_row_term(t: &Table, key: ColKey) -> Option<Term> {
    let row = t.total_row()?;
    term(t, row, key)
}

impl Rule for SummaryIncomeVsIncomeTable {
    fn check(&self, cx: &mut Context) {
        let (Some(s), Some(it)) = (
            cx.doc
                .half(TableKind::IncomeExpenditureSummary, Side::Income),
            cx.doc.table(TableKind::IncomeTable),
        ) else {
            return;
        };
        let Some(col) = total_col(s) else { return };
        let pairs = [
            (Line::IncomeTotal, ColKey::Total),
            (Line::FiscalIncome, ColKey::FiscalGrant),
            (Line::SuperiorGrantIncome, ColKey::SuperiorGrant),
            (Line::BusinessIncome, ColKey::BusinessIncome),
            (Line::OperatingIncome, ColKey::OperatingIncome),
            (Line::SubsidiaryRemitIncome, ColKey::SubsidiaryRemit),
            (Line::OtherIncome, ColKey::OtherIncome),
        ];
        for (line, key) in pairs {
            let (Some(a), Some(b)) = (line_term(s, line, col), total_row_term(it, key)) else {
                continue;
            };
            let what = Message::new(
                format!("总表“{}”= 收入决算表合计“{}”", a.label, key.label()),
                format!(
                    "summary line '{}' = income table total '{}'",
                    a.label,
                    key.label()
                ),
            );
            cx.relation(Some(s), Relation::equal(Self::META.code, what, a, b));
        }
        let funds: Vec<Term> = [
            Line::GeneralBudgetIncome,
            Line::GovernmentFundIncome,
            Line::StateCapitalIncome,
        ]
        .iter()
        .filter_map(|l| line_term(s, *l, col))
        .collect();
        if let (false, Some(b)) = (funds.is_empty(), total_row_term(it, ColKey::FiscalGrant)) {
            let what = Message::new(
                "收入决算表合计“财政拨款收入”= 总表各类财政拨款收入之和",
                "income table appropriations = sum of the summary's fund lines",
            );
            cx.relation(Some(it), Relation::sum(Self::META.code, what, b, funds));
        }
    }
}

impl Rule for SummaryExpenditureVsExpenditureTable {
    fn check(&self, cx: &mut Context) {
        let (Some(s), Some(et)) = (
            cx.doc
                .half(TableKind::IncomeExpenditureSummary, Side::Expenditure),
            cx.doc.table(TableKind::ExpenditureTable),
        ) else {
            return;
        };
        class_lines_vs_table(cx, Self::META.code, s, total_col(s), et, ColKey::Total);
    }
}

/// Each class line and the 本年支出合计 line of a summary half against a coded table.
fn class_lines_vs_table(
    cx: &mut Context,
    code: &'static str,
    s: &Table,
    col: Option<usize>,
    t: &Table,
    key: ColKey,
) {
    let (Some(col), Some(tc)) = (col, t.col(key)) else {
        return;
    };
    if let (Some(a), Some(b)) = (
        line_term(s, Line::ExpenditureTotal, col),
        total_row_term(t, key),
    ) {
        let what = Message::new(
            format!("总表“本年支出合计”= {}合计", t.kind.title()),
            format!("summary expenditure total = {} total", t.kind.title_en()),
        );
        cx.relation(Some(s), Relation::equal(code, what, a, b));
    }
    for line in s
        .rows
        .iter()
        .filter(|r| r.line == Some(Line::FunctionClass))
    {
        let Some(class) = line.code.as_deref() else {
            continue;
        };
        // Most of the 26 classes are blank on both sides: nothing to say, nothing to build.
        let printed =
            |r: &crate::model::Row, c: usize| r.cell(c).is_some_and(|c| c.figure.is_some());
        if !printed(line, col) && !t.row_by_code(class).is_some_and(|r| printed(r, tc)) {
            continue;
        }
        let a = Term::cell(s, line, col);
        let b = match t.row_by_code(class) {
            Some(row) => Term::cell(t, row, tc),
            None => Term {
                label: class.into(),
                figure: None,
                unit: t.unit,
                place: None,
                finer_than: None,
            },
        };
        let what = Message::new(
            format!(
                "总表“{}”= {}“{}”类",
                line.name.trim(),
                t.kind.title(),
                class
            ),
            format!(
                "summary line {} = class {} of the {}",
                line.name.trim(),
                class,
                t.kind.title_en()
            ),
        );
        cx.relation(Some(s), Relation::equal(code, what, a, b));
    }
}

impl Rule for FiscalSummaryVsFundTables {
    fn check(&self, cx: &mut Context) {
        let Some(s) = cx.doc.half(TableKind::FiscalSummary, Side::Expenditure) else {
            return;
        };
        for (col_key, kind, key) in [
            (
                ColKey::GeneralBudget,
                TableKind::GeneralBudgetExpenditure,
                ColKey::Total,
            ),
            (
                ColKey::GovernmentFund,
                TableKind::GovernmentFund,
                ColKey::CurrentExpenditure,
            ),
            (
                ColKey::StateCapital,
                TableKind::StateCapital,
                ColKey::CurrentExpenditure,
            ),
        ] {
            let Some(t) = cx.doc.table(kind) else {
                continue;
            };
            let col = s.col(col_key).or_else(|| {
                // A 2016 财政拨款总表 with one amount column is all 一般公共预算.
                (col_key == ColKey::GeneralBudget && s.columns.len() == 1).then_some(0)
            });
            class_lines_vs_table(cx, Self::META.code, s, col, t, key);
        }
    }
}

impl Rule for FiscalIncomeAgrees {
    fn check(&self, cx: &mut Context) {
        let Some(f) = cx.doc.half(TableKind::FiscalSummary, Side::Income) else {
            return;
        };
        let Some(fc) = total_col(f) else { return };
        if let (Some(a), Some(b)) = (
            line_term(f, Line::IncomeTotal, fc),
            cx.doc
                .table(TableKind::IncomeTable)
                .and_then(|t| total_row_term(t, ColKey::FiscalGrant)),
        ) {
            let what = Message::new(
                "财政拨款总表“本年收入合计”= 收入决算表合计“财政拨款收入”",
                "appropriation summary income total = income table appropriations",
            );
            cx.relation(Some(f), Relation::equal(Self::META.code, what, a, b));
        }
        let Some(s) = cx
            .doc
            .half(TableKind::IncomeExpenditureSummary, Side::Income)
        else {
            return;
        };
        let Some(sc) = total_col(s) else { return };
        for line in [
            Line::GeneralBudgetIncome,
            Line::GovernmentFundIncome,
            Line::StateCapitalIncome,
        ] {
            if let (Some(a), Some(b)) = (line_term(f, line, fc), line_term(s, line, sc)) {
                let what = Message::new(
                    format!("财政拨款总表“{}”= 收入支出决算总表同一项", a.label),
                    format!(
                        "appropriation summary '{}' = the same line of the summary",
                        a.label
                    ),
                );
                cx.relation(Some(f), Relation::equal(Self::META.code, what, a, b));
            }
        }
    }
}

impl Rule for BasicVsBasicTable {
    fn check(&self, cx: &mut Context) {
        let (Some(g), Some(b)) = (
            cx.doc.table(TableKind::GeneralBudgetExpenditure),
            cx.doc.table(TableKind::GeneralBudgetBasicExpenditure),
        ) else {
            return;
        };
        let (Some(p), Some(q)) = (b.line(Line::PersonnelTotal), b.line(Line::PublicTotal)) else {
            return;
        };
        let (p, q) = (Term::cell(b, p, 0), Term::cell(b, q, 0));
        if let Some(basic) = total_row_term(g, ColKey::Basic) {
            let what = Message::new(
                "一般公共预算支出表合计“基本支出”= 基本支出表人员经费合计 + 公用经费合计",
                "general-budget basic expenditure = personnel + public totals of the basic table",
            );
            cx.relation(
                Some(g),
                Relation::sum(Self::META.code, what, basic, vec![p.clone(), q.clone()]),
            );
        }
        for (key, term_b) in [(ColKey::Personnel, p), (ColKey::Public, q)] {
            if let Some(a) = total_row_term(g, key) {
                let what = Message::new(
                    format!(
                        "一般公共预算支出表合计“{}”= 基本支出表{}合计",
                        key.label(),
                        key.label()
                    ),
                    format!("general-budget {} = the basic table's total", key.label()),
                );
                cx.relation(Some(g), Relation::equal(Self::META.code, what, a, term_b));
            }
        }
    }
}
