//! Y701–Y702 — a budget 总表 (财务收支预算总表, 财政拨款收支预算总表): its halves balance, and
//! each half adds up from its lines.

use crate::check::{rule, Context, Message, Relation, Rule, Term};
use crate::model::{Row, Side, Table};

use super::{budget_tables, kind_of, name, Kind};

rule! {
    /// In a budget 总表 (财务收支预算总表 / 收支预算总表, 财政拨款收支预算总表), 收入总计 (收入合计)
    /// equals 支出总计 (支出合计) in the expenditure half's first (合计) column, and in the second
    /// expenditure half a 江苏 总表 prints by use (基本支出, 项目支出, 单位预留机动经费).
    TotalsBalance = "Y701", "budget-totals-balance", Error;
}

rule! {
    /// Each half of a budget 总表 adds up, in every amount column: 本年 (当年) 小计 = Σ its items
    /// (一、… — 财政拨款收入, 事业收入, 其他收入 …; the 功能分类 classes; 基本支出 + 项目支出 +
    /// 单位预留机动经费); 总计 = 小计 + 上年结转 (结转下年); where no 小计 is printed, 总计 = Σ items +
    /// 结转; and an item with sub-items (1. 一般公共预算资金, 2. 政府性基金 …) = Σ its sub-items.
    HalvesAddUp = "Y702", "budget-halves-add-up", Error;
}

/// The amount columns of a half: every column with a key.
fn amount_cols(t: &Table) -> Vec<usize> {
    (0..t.columns.len())
        .filter(|&c| t.columns[c].key.is_some())
        .collect()
}

fn first_of(t: &Table, kind: Kind) -> Option<&Row> {
    t.rows.iter().find(|r| kind_of(r) == Some(kind))
}

impl Rule for TotalsBalance {
    fn check(&self, cx: &mut Context) {
        let incomes: Vec<&Table> = budget_tables(cx)
            .filter(|t| t.side == Some(Side::Income))
            .collect();
        for income in incomes {
            let Some(total_in) = first_of(income, Kind::GrandTotal) else {
                continue;
            };
            let Some(&col_in) = amount_cols(income).first() else {
                continue;
            };
            let halves: Vec<&Table> = budget_tables(cx)
                .filter(|t| t.side == Some(Side::Expenditure) && t.kind == income.kind)
                .filter(|t| t.file == income.file && t.at == income.at)
                .collect();
            for half in halves {
                let Some(total_out) = first_of(half, Kind::GrandTotal) else {
                    continue;
                };
                // The first column of a multi-column half is its 合计.
                let Some(&col_out) = amount_cols(half).first() else {
                    continue;
                };
                let what = Message::new(
                    format!("{} = {}", name(total_in), name(total_out)),
                    "budget income total = expenditure total",
                );
                let r = Relation::equal(
                    Self::META.code,
                    what,
                    Term::cell(income, total_in, col_in),
                    Term::cell(half, total_out, col_out),
                );
                cx.relation(Some(half), r);
            }
        }
    }
}

impl Rule for HalvesAddUp {
    fn check(&self, cx: &mut Context) {
        let halves: Vec<&Table> = budget_tables(cx).filter(|t| t.side.is_some()).collect();
        for t in halves {
            for col in amount_cols(t) {
                half_adds_up(cx, t, col);
            }
        }
    }
}

/// The relations of one half in one column.
fn half_adds_up(cx: &mut Context, t: &Table, col: usize) {
    let code = HalvesAddUp::META.code;
    let kinds: Vec<Option<Kind>> = t.rows.iter().map(kind_of).collect();
    let items: Vec<&Row> = t
        .rows
        .iter()
        .zip(&kinds)
        .filter(|(_, k)| **k == Some(Kind::Item))
        .map(|(r, _)| r)
        .collect();
    let carried: Vec<&Row> = t
        .rows
        .iter()
        .zip(&kinds)
        .filter(|(_, k)| **k == Some(Kind::Carried))
        .map(|(r, _)| r)
        .collect();
    let cell = |r: &Row| Term::cell(t, r, col);
    let current = first_of(t, Kind::CurrentTotal);
    let grand = first_of(t, Kind::GrandTotal);
    if let (Some(total), false) = (current.or(grand), items.is_empty()) {
        // With no 小计, the 总计 is the items and what is carried.
        let parts = items
            .iter()
            .chain(if current.is_none() { &carried[..] } else { &[] })
            .map(|r| cell(r));
        let what = Message::new(
            format!("{} = Σ 各项", name(total)),
            "subtotal = sum of its lines",
        );
        cx.relation(Some(t), Relation::sum(code, what, cell(total), parts));
    }
    if let (Some(current), Some(grand)) = (current, grand) {
        let parts = std::iter::once(current)
            .chain(carried.iter().copied())
            .map(cell);
        let what = Message::new(
            format!("{} = {} + 结转", name(grand), name(current)),
            "total = subtotal + carried",
        );
        cx.relation(Some(t), Relation::sum(code, what, cell(grand), parts));
    }
    // An item followed by sub-items (1. 2. 3.) is their sum.
    for (i, row) in t.rows.iter().enumerate() {
        if kinds[i] != Some(Kind::Item) {
            continue;
        }
        let subs: Vec<&Row> = t.rows[i + 1..]
            .iter()
            .zip(&kinds[i + 1..])
            .take_while(|(_, k)| **k == Some(Kind::SubItem))
            .map(|(r, _)| r)
            .collect();
        if subs.is_empty() {
            continue;
        }
        let what = Message::new(
            format!("{} = Σ 其中各项", name(row)),
            "item = sum of its sub-items",
        );
        let r = Relation::sum(code, what, cell(row), subs.iter().map(|r| cell(r)));
        cx.relation(Some(t), r);
    }
}
