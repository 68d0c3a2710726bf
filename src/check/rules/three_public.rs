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

/// `total` = Σ `parts` in every column of each “三公” table of `kind` (the 决算's, or a
/// budget's: the budget rules state theirs with it).
pub(super) fn sum_lines(
    cx: &mut Context,
    kind: TableKind,
    code: &'static str,
    total: Line,
    parts: &[Line],
    what: Message,
) {
    let what = std::sync::Arc::new(what);
    let tables: Vec<&Table> = cx.tables(kind).collect();
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
            TableKind::ThreePublic,
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

/// 公务用车购置及运行费 = 购置费 + 运行费 in each “三公” table of `kind`.
pub(super) fn vehicle_costs(cx: &mut Context, kind: TableKind, code: &'static str) {
    sum_lines(
        cx,
        kind,
        code,
        Line::Vehicles,
        &[Line::VehiclePurchase, Line::VehicleOperation],
        Message::new(
            "公务用车购置及运行费 = 购置费 + 运行费",
            "vehicle costs = purchase + operation",
        ),
    );
}

impl Rule for VehicleCosts {
    fn check(&self, cx: &mut Context) {
        vehicle_costs(cx, TableKind::ThreePublic, Self::META.code);
    }
}
