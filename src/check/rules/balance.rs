//! B — the balance identities of the two 总表: income lines, expenditure lines, grand totals on
//! both halves, and 收入总计 = 支出总计, in total and by fund.

use crate::check::{rule, Context, Message, Relation, Rule, Term};
use crate::model::{ColKey, Line, Side, Table, TableKind};

use super::{amount_cols, line_term, term, total_col};

rule! {
    /// In the income half of 收入支出决算总表 and 财政拨款收入支出决算总表, 本年收入合计 equals the
    /// sum of the income lines printed above it (财政拨款收入 or 一般公共预算 / 政府性基金 /
    /// 国有资本经营预算财政拨款, 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入).
    IncomeLines = "B201", "income-lines", Error;
}

rule! {
    /// In the expenditure half of both 总表, 本年支出合计 equals the sum of the 功能分类 class
    /// lines (一般公共服务支出 … 住房保障支出), in every amount column.
    ExpenditureLines = "B202", "expenditure-lines", Error;
}

rule! {
    /// 收入总计 = 本年收入合计 + 使用非财政拨款结余 (用事业基金弥补收支差额) + 年初结转和结余;
    /// in 财政拨款收入支出决算总表: 收入总计 = 本年收入合计 + 年初财政拨款结转和结余.
    IncomeGrandTotal = "B203", "income-grand-total", Error;
}

rule! {
    /// 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余 (财政拨款总表: + 年末财政拨款结转和结余),
    /// in every amount column.
    ExpenditureGrandTotal = "B204", "expenditure-grand-total", Error;
}

rule! {
    /// Both halves of a 总表 balance: 收入总计 = 支出总计.
    GrandTotalsBalance = "B205", "grand-totals-balance", Error;
}

rule! {
    /// Where a 总表 breaks 年初 (年末) 财政拨款结转和结余 down by fund, the line equals the sum of
    /// its 一般公共预算 / 政府性基金 / 国有资本经营 sub-lines.
    BalanceBreakdown = "B206", "balance-breakdown", Error;
}

rule! {
    /// On every row of the 政府性基金 and 国有资本经营 tables:
    /// 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出.
    FundRowBalance = "B207", "fund-row-balance", Error;
}

fn halves<'d>(cx: &Context<'d>, side: Side) -> Vec<&'d Table> {
    cx.doc
        .tables
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TableKind::IncomeExpenditureSummary | TableKind::FiscalSummary
            ) && t.side == Some(side)
        })
        .collect()
}

/// `total line = Σ lines` in every amount column of a half.
fn line_sum(
    cx: &mut Context,
    code: &'static str,
    t: &Table,
    total: Line,
    parts: &[Line],
    what: &Message,
) {
    if t.line(total).is_none() {
        return;
    }
    let what = std::sync::Arc::new(what.clone());
    for col in amount_cols(t) {
        let Some(total_term) = line_term(t, total, col) else {
            continue;
        };
        let terms: Vec<Term> = t
            .rows
            .iter()
            .filter(|r| r.line.is_some_and(|l| parts.contains(&l)))
            .map(|r| Term::cell(t, r, col))
            .collect();
        if terms.is_empty() {
            continue;
        }
        cx.relation(
            Some(t),
            Relation::sum(code, what.clone(), total_term, terms),
        );
    }
}

impl Rule for IncomeLines {
    fn check(&self, cx: &mut Context) {
        let what = Message::new(
            "本年收入合计 = Σ 收入项目",
            "income total = sum of income lines",
        );
        for t in halves(cx, Side::Income) {
            line_sum(
                cx,
                Self::META.code,
                t,
                Line::IncomeTotal,
                &[
                    Line::FiscalIncome,
                    Line::GeneralBudgetIncome,
                    Line::GovernmentFundIncome,
                    Line::StateCapitalIncome,
                    Line::SuperiorGrantIncome,
                    Line::BusinessIncome,
                    Line::OperatingIncome,
                    Line::SubsidiaryRemitIncome,
                    Line::OtherIncome,
                ],
                &what,
            );
        }
    }
}

impl Rule for ExpenditureLines {
    fn check(&self, cx: &mut Context) {
        let what = Message::new(
            "本年支出合计 = Σ 功能分类各类支出",
            "expenditure total = sum of function classes",
        );
        for t in halves(cx, Side::Expenditure) {
            line_sum(
                cx,
                Self::META.code,
                t,
                Line::ExpenditureTotal,
                &[Line::FunctionClass],
                &what,
            );
        }
    }
}

impl Rule for IncomeGrandTotal {
    fn check(&self, cx: &mut Context) {
        let what = Message::new(
            "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
            "income grand total = income total + reserves used + opening balance",
        );
        for t in halves(cx, Side::Income) {
            line_sum(
                cx,
                Self::META.code,
                t,
                Line::IncomeGrandTotal,
                &[Line::IncomeTotal, Line::UseOfReserves, Line::Opening],
                &what,
            );
        }
    }
}

impl Rule for ExpenditureGrandTotal {
    fn check(&self, cx: &mut Context) {
        let what = Message::new(
            "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
            "expenditure grand total = expenditure total + surplus distribution + closing balance",
        );
        for t in halves(cx, Side::Expenditure) {
            line_sum(
                cx,
                Self::META.code,
                t,
                Line::ExpenditureGrandTotal,
                &[
                    Line::ExpenditureTotal,
                    Line::SurplusDistribution,
                    Line::Closing,
                ],
                &what,
            );
        }
    }
}

impl Rule for GrandTotalsBalance {
    fn check(&self, cx: &mut Context) {
        for kind in [
            TableKind::IncomeExpenditureSummary,
            TableKind::FiscalSummary,
        ] {
            let (Some(inc), Some(exp)) = (
                cx.doc.half(kind, Side::Income),
                cx.doc.half(kind, Side::Expenditure),
            ) else {
                continue;
            };
            let (Some(ic), Some(ec)) = (total_col(inc), total_col(exp)) else {
                continue;
            };
            let (Some(a), Some(b)) = (
                line_term(inc, Line::IncomeGrandTotal, ic),
                line_term(exp, Line::ExpenditureGrandTotal, ec),
            ) else {
                continue;
            };
            let what = Message::new(
                "收入总计 = 支出总计",
                "income grand total = expenditure grand total",
            );
            cx.relation(Some(exp), Relation::equal(Self::META.code, what, b, a));
        }
    }
}

impl Rule for BalanceBreakdown {
    fn check(&self, cx: &mut Context) {
        let opening = [
            Line::OpeningGeneralBudget,
            Line::OpeningGovernmentFund,
            Line::OpeningStateCapital,
        ];
        let closing = [
            Line::ClosingGeneralBudget,
            Line::ClosingGovernmentFund,
            Line::ClosingStateCapital,
        ];
        for side in [Side::Income, Side::Expenditure] {
            for t in halves(cx, side) {
                for (total, parts, zh, en) in [
                    (
                        Line::Opening,
                        &opening,
                        "年初结转和结余 = Σ 各类财政拨款",
                        "opening balance = sum by fund",
                    ),
                    (
                        Line::Closing,
                        &closing,
                        "年末结转和结余 = Σ 各类财政拨款",
                        "closing balance = sum by fund",
                    ),
                ] {
                    if parts.iter().any(|p| t.line(*p).is_some()) {
                        let what = Message::new(zh, en);
                        line_sum(cx, Self::META.code, t, total, parts, &what);
                    }
                }
            }
        }
    }
}

impl Rule for FundRowBalance {
    fn check(&self, cx: &mut Context) {
        let what = std::sync::Arc::new(Message::new(
            "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出",
            "closing = opening + income − expenditure",
        ));
        for kind in [TableKind::GovernmentFund, TableKind::StateCapital] {
            for t in cx.tables(kind) {
                for row in &t.rows {
                    let (Some(closing), Some(opening), Some(income), Some(spent)) = (
                        term(t, row, ColKey::Closing),
                        term(t, row, ColKey::Opening),
                        term(t, row, ColKey::CurrentIncome),
                        term(t, row, ColKey::CurrentExpenditure),
                    ) else {
                        continue;
                    };
                    let r = Relation {
                        rule: Self::META.code,
                        what: what.clone(),
                        total: closing,
                        parts: vec![(1, opening), (1, income), (-1, spent)],
                    };
                    cx.relation(Some(t), r);
                }
            }
        }
    }
}
