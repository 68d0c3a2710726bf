//! S — the “三公” 经费 table: its total and the vehicle costs, for 预算数 and 决算数.

use crate::check::{rule, Context, Message, Relation, Rule, Term};
use crate::model::{Line, Table, TableKind};

rule! {
    /// In the “三公” 经费 table, for 预算数 and for 决算数:
    /// 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费.
    ThreePublicTotal = "S401", "three-public-total", Error;
}

rule! {
    /// In the “三公” 经费 table, for 预算数 and for 决算数:
    /// 公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费.
    VehicleCosts = "S402", "vehicle-costs", Error;
}

fn sum_lines(cx: &mut Context, code: &'static str, total: Line, parts: &[Line], what: Message) {
    let what = std::sync::Arc::new(what);
    let tables: Vec<&Table> = cx.tables(TableKind::ThreePublic).collect();
    for t in tables {
        let Some(total_row) = t.line(total) else {
            continue;
        };
        for col in 0..t.columns.len() {
            let terms: Vec<Term> = parts
                .iter()
                .filter_map(|p| t.line(*p))
                .map(|r| Term::cell(t, r, col))
                .collect();
            if terms.is_empty() {
                continue;
            }
            let r = Relation::sum(code, what.clone(), Term::cell(t, total_row, col), terms);
            cx.relation(Some(t), r);
        }
    }
}

impl Rule for ThreePublicTotal {
    fn check(&self, cx: &mut Context) {
        sum_lines(
            cx,
            Self::META.code,
            Line::Total,
            &[Line::OverseasTravel, Line::Vehicles, Line::Reception],
            Message::new(
                "“三公”合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
                "three-public total = overseas travel + vehicles + reception",
            ),
        );
    }
}

impl Rule for VehicleCosts {
    fn check(&self, cx: &mut Context) {
        sum_lines(
            cx,
            Self::META.code,
            Line::Vehicles,
            &[Line::VehiclePurchase, Line::VehicleOperation],
            Message::new(
                "公务用车购置及运行费 = 购置费 + 运行费",
                "vehicle costs = purchase + operation",
            ),
        );
    }
}
