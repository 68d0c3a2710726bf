//! Y703 — row totals of budget tables: on every row, 合计 equals the columns it totals. The
//! formulas are data, one per table kind, as T101 states them for the 决算 tables.

use crate::check::{rule, Context, Message, Relation, Rule};
use crate::model::{ColKey, Row, Table, TableKind};

use super::super::term;

rule! {
    /// On every row of a budget table, a total column equals the columns it totals:
    /// - 收入预算总表: 合计 = 财政拨款收入 + 财政专户管理资金 + 事业收入 + 事业单位经营收入 + 其他收入 + 上年结转;
    /// - 支出预算总表, 一般公共预算, 财政拨款, 政府性基金 and 国有资本经营 tables: 合计 = 基本支出 +
    ///   项目支出 (+ 单位预留机动经费 + 结转下年), and 基本支出 = 人员经费 + 公用经费 where printed;
    /// - 基本支出 (经济分类) tables: 合计 = 人员经费 + 公用经费;
    /// - 财务收支预算总表 (支出) printed by 人员经费 | 公用经费 | 项目支出: 合计 = their sum;
    /// - 财政拨款收支预算总表 (支出): 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算.
    ///
    /// A blank part counts as nothing; a blank total beside printed parts is a break.
    BudgetRowTotals = "Y703", "budget-row-total", Error;
}

/// A formula: the tables it is stated for, the total column, its parts, and a column whose
/// presence means the parts overlap (基本支出 printed beside 人员经费 and 公用经费).
struct Formula {
    kinds: &'static [TableKind],
    total: ColKey,
    parts: &'static [ColKey],
    unless: Option<ColKey>,
}

const SPENDING: &[TableKind] = &[
    TableKind::BudgetSummary,
    TableKind::BudgetExpenditure,
    TableKind::BudgetGeneralExpenditure,
    TableKind::BudgetFiscalExpenditure,
    TableKind::BudgetGovernmentFund,
    TableKind::BudgetStateCapital,
];

const ECONOMIC: &[TableKind] = &[
    TableKind::BudgetBasic,
    TableKind::BudgetFiscalBasic,
    TableKind::BudgetOperatingCost,
];

const FORMULAS: &[Formula] = &[
    Formula {
        kinds: &[TableKind::BudgetIncome],
        total: ColKey::Total,
        parts: &[
            ColKey::FiscalGrant,
            ColKey::SpecialAccount,
            ColKey::BusinessIncome,
            ColKey::OperatingIncome,
            ColKey::OtherIncome,
            ColKey::CarriedIn,
        ],
        unless: None,
    },
    Formula {
        kinds: SPENDING,
        total: ColKey::Total,
        parts: &[
            ColKey::Basic,
            ColKey::Project,
            ColKey::Reserve,
            ColKey::CarriedOut,
        ],
        unless: None,
    },
    Formula {
        kinds: SPENDING,
        total: ColKey::Total,
        parts: &[
            ColKey::Personnel,
            ColKey::Public,
            ColKey::Project,
            ColKey::Reserve,
            ColKey::CarriedOut,
        ],
        unless: Some(ColKey::Basic),
    },
    // A 总表's 合计 under 本年支出 is keyed as the 决算's 本年支出 column.
    Formula {
        kinds: &[TableKind::BudgetSummary],
        total: ColKey::CurrentExpenditure,
        parts: &[ColKey::Basic, ColKey::Project, ColKey::Reserve],
        unless: None,
    },
    Formula {
        kinds: &[TableKind::BudgetSummary],
        total: ColKey::CurrentExpenditure,
        parts: &[
            ColKey::Personnel,
            ColKey::Public,
            ColKey::Project,
            ColKey::Reserve,
        ],
        unless: Some(ColKey::Basic),
    },
    Formula {
        kinds: SPENDING,
        total: ColKey::Basic,
        parts: &[ColKey::Personnel, ColKey::Public],
        unless: None,
    },
    Formula {
        kinds: ECONOMIC,
        total: ColKey::Total,
        parts: &[ColKey::Personnel, ColKey::Public],
        unless: None,
    },
    Formula {
        kinds: &[TableKind::BudgetFiscalSummary],
        total: ColKey::Total,
        parts: &[
            ColKey::GeneralBudget,
            ColKey::GovernmentFund,
            ColKey::StateCapital,
        ],
        unless: None,
    },
];

impl Rule for BudgetRowTotals {
    fn check(&self, cx: &mut Context) {
        for f in FORMULAS {
            let tables: Vec<&Table> = cx
                .doc
                .tables
                .iter()
                .filter(|t| f.kinds.contains(&t.kind))
                .collect();
            for t in tables {
                let present: Vec<ColKey> = f
                    .parts
                    .iter()
                    .copied()
                    .filter(|p| t.col(*p).is_some())
                    .collect();
                // 合计 = 基本支出 + 项目支出 only where 基本支出 is printed: a table that prints
                // 人员经费 and 公用经费 instead is stated by the formula that names them.
                let basic_missing =
                    f.parts.contains(&ColKey::Basic) && t.col(ColKey::Basic).is_none();
                if t.col(f.total).is_none()
                    || present.is_empty()
                    || basic_missing
                    || f.unless.is_some_and(|u| t.col(u).is_some())
                {
                    continue;
                }
                let names: Vec<&str> = present.iter().map(|p| p.label()).collect();
                let what = std::sync::Arc::new(Message::new(
                    format!("{} = {}", f.total.label(), names.join(" + ")),
                    format!("row total {} = sum of its columns", f.total.label()),
                ));
                for row in &t.rows {
                    row_total(cx, t, row, f.total, &present, &what);
                }
            }
        }
    }
}

fn row_total(
    cx: &mut Context,
    t: &Table,
    row: &Row,
    total: ColKey,
    parts: &[ColKey],
    what: &std::sync::Arc<Message>,
) {
    let printed = |key| {
        t.col(key)
            .and_then(|c| row.cell(c))
            .is_some_and(|c| c.figure.is_some())
    };
    // A row blank in the total and every part says nothing.
    if !printed(total) && !parts.iter().any(|p| printed(*p)) {
        return;
    }
    let Some(total_term) = term(t, row, total) else {
        return;
    };
    let part_terms = parts.iter().filter_map(|p| term(t, row, *p));
    let r = Relation::sum(
        BudgetRowTotals::META.code,
        what.clone(),
        total_term,
        part_terms,
    );
    cx.relation(Some(t), r);
}
