//! Y710 — a budget's 机关运行经费 against the 公用经费 of its 经济分类 table.

use crate::check::{rule, Context, Message, Outcome, Relation, Rule, Severity, Term};
use crate::model::{ColKey, Document, Line, Table, TableKind};

use super::super::narrative::printed_as_rounded;
use super::economic_split;

rule! {
    /// 机关运行经费 as a budget's tables print it (the “三公” table's 机关运行经费 column, 上海, or
    /// the 机关运行经费 table's 合计, 江苏) = the 公用经费 of the 一般公共预算基本支出 经济分类
    /// table (its 公用经费 column, else 302 + 310 …): the MoF defines it as the 日常公用经费 of the
    /// 基本支出, and the budgets of both families print them equal (上海 2025: 171.01万元 =
    /// 1,710,062 元). A difference is a warning, not an error: since 2017 the MoF also counts the
    /// running costs paid from project funds (江苏 2017 prints 5,619.31万元 against a 公用经费
    /// of 1,585.96万元 and says so), and it counts the 行政 units and those 参照公务员法管理 only.
    AgencyOperatingVsPublic = "Y710", "budget-agency-operating-vs-public", Warning;
}

impl Rule for AgencyOperatingVsPublic {
    fn check(&self, cx: &mut Context) {
        let doc = cx.doc;
        let (Some((agency, table)), Some((public, _))) =
            (agency_operating(doc), economic_split(doc, false))
        else {
            return;
        };
        let what = Message::new(
            "机关运行经费 = 一般公共预算基本支出 公用经费",
            "agency operating costs = public expenses of the basic expenditure",
        );
        let r = Relation::sum(Self::META.code, what, agency, public);
        let Some(mut e) = r.evaluate() else { return };
        if e.outcome == Outcome::Rounding && printed_as_rounded(&r) {
            e.outcome = Outcome::Exact;
        }
        cx.relation_evaluated(Some(table), r, e, Severity::Warning);
    }
}

/// The 机关运行经费 the budget tables print: the “三公” table's, else the 机关运行经费 table's 合计.
fn agency_operating(doc: &Document) -> Option<(Term, &Table)> {
    let three = doc.table(TableKind::BudgetThreePublic).and_then(|t| {
        let cell = Term::cell(t, t.line(Line::AgencyOperating)?, t.col(ColKey::Budget)?);
        Some((cell, t))
    });
    let own = || {
        let t = doc.table(TableKind::BudgetOperatingCost)?;
        let col = t.col(ColKey::Total).or_else(|| t.col(ColKey::Amount))?;
        Some((Term::cell(t, t.line(Line::Total)?, col), t))
    };
    three
        .filter(|(c, _)| c.figure.is_some())
        .or_else(own)
        .filter(|(c, _)| c.figure.is_some())
}
