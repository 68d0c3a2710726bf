//! T101 — row totals: on every row, a total column equals the columns it totals. The rule is a
//! table of formulas, one per standard table; one engine states them all.

use crate::check::{rule, Context, Message, Relation, Rule};
use crate::model::{ColKey, TableKind};

use super::term;

rule! {
    /// On every row, a total column equals the sum of the columns it totals:
    /// - 收入决算表: 本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入;
    /// - 支出决算表: 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出;
    /// - 一般公共预算财政拨款支出决算表: 合计 = 基本支出 + 项目支出, and 基本支出 = 人员经费 + 公用经费 where printed;
    /// - 财政拨款收入支出决算总表 (支出): 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算财政拨款;
    /// - 政府性基金 / 国有资本经营 tables: 本年支出 小计 = 基本支出 + 项目支出.
    /// A blank part counts as nothing; a blank total beside printed parts is a break.
    RowTotals = "T101", "row-total", Error;
}

const FORMULAS: &[(TableKind, ColKey, &[ColKey])] = &[
    (
        TableKind::IncomeTable,
        ColKey::Total,
        &[
            ColKey::FiscalGrant,
            ColKey::SuperiorGrant,
            ColKey::BusinessIncome,
            ColKey::OperatingIncome,
            ColKey::SubsidiaryRemit,
            ColKey::OtherIncome,
        ],
    ),
    (
        TableKind::ExpenditureTable,
        ColKey::Total,
        &[
            ColKey::Basic,
            ColKey::Project,
            ColKey::ToSuperior,
            ColKey::OperatingExpenditure,
            ColKey::ToSubsidiary,
        ],
    ),
    (
        TableKind::GeneralBudgetExpenditure,
        ColKey::Total,
        &[ColKey::Basic, ColKey::Project],
    ),
    (
        TableKind::GeneralBudgetExpenditure,
        ColKey::Basic,
        &[ColKey::Personnel, ColKey::Public],
    ),
    (
        TableKind::FiscalSummary,
        ColKey::Total,
        &[
            ColKey::GeneralBudget,
            ColKey::GovernmentFund,
            ColKey::StateCapital,
        ],
    ),
    (
        TableKind::GovernmentFund,
        ColKey::CurrentExpenditure,
        &[ColKey::Basic, ColKey::Project],
    ),
    (
        TableKind::StateCapital,
        ColKey::CurrentExpenditure,
        &[ColKey::Basic, ColKey::Project],
    ),
];

impl Rule for RowTotals {
    fn check(&self, cx: &mut Context) {
        for &(kind, total, parts) in FORMULAS {
            for t in cx.tables(kind) {
                if t.col(total).is_none() || !parts.iter().any(|p| t.col(*p).is_some()) {
                    continue;
                }
                let names: Vec<&str> = parts
                    .iter()
                    .filter(|p| t.col(**p).is_some())
                    .map(|p| p.label())
                    .collect();
                let what = std::sync::Arc::new(Message::new(
                    format!("{} = {}", total.label(), names.join(" + ")),
                    format!("row total {} = sum of its columns", total.label()),
                ));
                let printed = |row: &crate::model::Row, key| {
                    t.col(key)
                        .and_then(|c| row.cell(c))
                        .is_some_and(|c| c.figure.is_some())
                };
                for row in &t.rows {
                    // A row blank in the total and every part says nothing.
                    if !printed(row, total) && !parts.iter().any(|p| printed(row, *p)) {
                        continue;
                    }
                    let Some(total_term) = term(t, row, total) else {
                        continue;
                    };
                    let part_terms = parts.iter().filter_map(|p| term(t, row, *p));
                    let r = Relation::sum(Self::META.code, what.clone(), total_term, part_terms);
                    cx.relation(Some(t), r);
                }
            }
        }
    }
}
