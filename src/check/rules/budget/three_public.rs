//! Y705–Y706 — a budget's “三公” table: the “三公” total and its vehicles, and the 合计 that adds
//! 会议费 and 培训费 (江苏).

use crate::check::{rule, Context, Message, Relation, Rule, Term};
use crate::model::{Line, Table, TableKind};

rule! {
    /// In a budget's “三公” 经费 table: “三公” (its 小计 where 会议费 and 培训费 follow, else its
    /// 合计) = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费, and 公务用车购置及运行费 =
    /// 公务用车购置费 + 公务用车运行（维护）费.
    BudgetThreePublicTotal = "Y705", "budget-three-public-total", Error;
}

rule! {
    /// In a budget's “三公”经费、会议费、培训费 table (江苏): 合计 = “三公”经费小计 + 会议费 + 培训费.
    ThreePublicWithMeetings = "Y706", "budget-three-public-with-meetings", Error;
}

fn sum_lines(cx: &mut Context, code: &'static str, total: Line, parts: &[Line], what: Message) {
    let what = std::sync::Arc::new(what);
    let tables: Vec<&Table> = cx.tables(TableKind::BudgetThreePublic).collect();
    for t in tables {
        let Some(total_row) = t.line(total) else {
            continue;
        };
        // 合计 is 三公 + 会议费 + 培训费 only where the table prints a “三公” 小计.
        if parts.contains(&Line::ThreePublicSubtotal) && t.line(Line::ThreePublicSubtotal).is_none()
        {
            continue;
        }
        let terms: Vec<Term> = parts
            .iter()
            .filter_map(|p| t.line(*p))
            .map(|r| Term::cell(t, r, 0))
            .collect();
        if terms.is_empty() {
            continue;
        }
        let r = Relation::sum(code, what.clone(), Term::cell(t, total_row, 0), terms);
        cx.relation(Some(t), r);
    }
}

impl Rule for BudgetThreePublicTotal {
    fn check(&self, cx: &mut Context) {
        let tables: Vec<&Table> = cx.tables(TableKind::BudgetThreePublic).collect();
        let subtotal = tables
            .iter()
            .any(|t| t.line(Line::ThreePublicSubtotal).is_some());
        let total = if subtotal {
            Line::ThreePublicSubtotal
        } else {
            Line::Total
        };
        sum_lines(
            cx,
            Self::META.code,
            total,
            &[Line::OverseasTravel, Line::Vehicles, Line::Reception],
            Message::new(
                "“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
                "three-public total = overseas travel + vehicles + reception",
            ),
        );
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

impl Rule for ThreePublicWithMeetings {
    fn check(&self, cx: &mut Context) {
        sum_lines(
            cx,
            Self::META.code,
            Line::Total,
            &[Line::ThreePublicSubtotal, Line::Meetings, Line::Training],
            Message::new(
                "合计 = “三公”经费小计 + 会议费 + 培训费",
                "total = three-public subtotal + meetings + training",
            ),
        );
    }
}
