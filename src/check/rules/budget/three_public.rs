//! Y705–Y706 — a budget's “三公” table: the “三公” total and its vehicles, and the 合计 that adds
//! 会议费 and 培训费 (江苏).

use crate::check::{rule, Context, Message, Rule};
use crate::model::{Line, Table, TableKind};

use super::super::three_public::{sum_lines, vehicle_costs};

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
            TableKind::BudgetThreePublic,
            Self::META.code,
            total,
            &[Line::OverseasTravel, Line::Vehicles, Line::Reception],
            Message::new(
                "“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
                "three-public total = overseas travel + vehicles + reception",
            ),
        );
        vehicle_costs(cx, TableKind::BudgetThreePublic, Self::META.code);
    }
}

impl Rule for ThreePublicWithMeetings {
    fn check(&self, cx: &mut Context) {
        // 合计 is 三公 + 会议费 + 培训费 only where the table prints a “三公” 小计.
        let subtotal = |t: &&Table| t.line(Line::ThreePublicSubtotal).is_some();
        if !cx
            .tables(TableKind::BudgetThreePublic)
            .any(|t| subtotal(&t))
        {
            return;
        }
        sum_lines(
            cx,
            TableKind::BudgetThreePublic,
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
