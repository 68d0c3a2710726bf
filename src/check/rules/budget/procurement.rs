//! Y708 — a budget's 政府采购预算表: its 合计 against its 货物, 工程 and 服务 lines.

use crate::check::{rule, Context, Message, Relation, Rule, Term};
use crate::model::{Line, Table, TableKind};

use super::{kind_of, Kind};

rule! {
    /// In a budget's 政府采购预算表, 合计 = 货物 + 工程 + 服务: the sum of the lines numbered
    /// 一、二、三 (一、货物A, 二、工程B, 三、服务C), in the column that prints the 合计.
    ProcurementTotal = "Y708", "budget-procurement-total", Error;
}

impl Rule for ProcurementTotal {
    fn check(&self, cx: &mut Context) {
        let tables: Vec<&Table> = cx.tables(TableKind::BudgetProcurement).collect();
        for t in tables {
            let Some(total) = t.rows.iter().find(|r| r.line == Some(Line::Total)) else {
                continue;
            };
            // The amount column is the one the 合计 is printed in (its heading, 总计 or 金额,
            // varies).
            let Some(col) = (0..t.columns.len())
                .find(|&c| total.cell(c).is_some_and(|cell| cell.figure.is_some()))
            else {
                continue;
            };
            let items: Vec<Term> = t
                .rows
                .iter()
                .filter(|r| kind_of(r) == Some(Kind::Item))
                .map(|r| Term::cell(t, r, col))
                .collect();
            if items.is_empty() {
                continue;
            }
            let what = Message::new(
                "政府采购合计 = 货物 + 工程 + 服务",
                "procurement total = goods + works + services",
            );
            let r = Relation::sum(Self::META.code, what, Term::cell(t, total, col), items);
            cx.relation(Some(t), r);
        }
    }
}
