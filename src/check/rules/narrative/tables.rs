//! Narrative figures against the tables of the same document (N201), through the concept map
//! of where the tables print each item.

use crate::check::{rule, Context, Finding, Message, Outcome, Relation, Rule, Severity, Term};
use crate::model::narrative::{Claim, Measure, Mention, Quantity};
use crate::model::{Narrative, Table};

use super::budget_map::{budget_tables_term, Printed};
use super::concept_map::{budget_term, table_term};
use super::findings::{Statement, Wording};
use super::{claims, location, printed_as_rounded, term};

rule! {
    /// Each figure of the narrative that the concept dictionary ties to a table (本年收入合计,
    /// 财政拨款收入, 其他收入, 年初/年末结转和结余, 本年支出合计, 基本/项目支出 of all funds or of the
    /// appropriations, 人员经费, 公用经费, each 功能分类 class, the 款/项 named in a breakdown,
    /// the “三公” items, their 预算数 and 决算数 where a budget sentence gives them) equals the
    /// table's figure, rounding-aware across units. A figure the
    /// narrative states where the table's cell is blank has no counterpart: a warning naming
    /// both (a blank is no figure, not 0). In a budget the same holds against the budget
    /// tables' 预算数: 收入/支出预算, 财政拨款 (the 一般公共预算 tables where the label names the
    /// 一般公共预算), 事业/其他收入, 基本/项目支出 and 江苏's 单位预留机动经费, 人员/公用经费 (the
    /// 经济分类 classes 301 + 303 and 302 + 310 … where no column prints them), 机关运行经费, the
    /// “三公” items and the 功能分类 classes; 37,151.47万元 for a table's 371,514,655 元 is the
    /// same figure at the narrative's decimals. Checked only when text and tables are read as one
    /// document (same folder and name, or given together).
    NarrativeVsTables = "N201", "narrative-vs-tables", Error;
}

impl Rule for NarrativeVsTables {
    fn check(&self, cx: &mut Context) {
        let doc = cx.doc;
        if doc.tables.is_empty() {
            return;
        }
        if doc.kind.is_budget() {
            return budget_ties(cx);
        }
        for (n, claim) in claims(doc) {
            match claim {
                Claim::Amount { mention } => {
                    let Some(c) = &mention.concept else { continue };
                    tie(cx, n, mention, table_term(doc, c));
                }
                Claim::Budget {
                    subject,
                    concept: Some(c),
                    budget,
                    final_,
                    sentence,
                    ..
                } if c.item.is_three_public() => {
                    let said = |quantity: &Quantity| Mention {
                        subject: subject.clone(),
                        concept: Some(c.clone()),
                        quantity: quantity.clone(),
                        sentence: *sentence,
                    };
                    tie(cx, n, &said(budget), budget_term(doc, c));
                    tie(cx, n, &said(final_), table_term(doc, c));
                }
                _ => {}
            }
        }
    }
}

/// A budget's narrative against its budget tables: each figure the concept dictionary ties
/// against the tables' 预算数 for it (one cell, or the 经济分类 classes that add up to it).
fn budget_ties(cx: &mut Context) {
    let doc = cx.doc;
    for (n, claim) in claims(doc) {
        let Claim::Amount { mention } = claim else {
            continue;
        };
        let Some(c) = &mention.concept else { continue };
        if !matches!(mention.quantity.measure, Measure::Money(_)) {
            continue;
        }
        let Some(Printed { terms, table }) = budget_tables_term(doc, c, &mention.subject) else {
            continue;
        };
        if terms.iter().all(|t| t.figure.is_none()) {
            if let [cell] = terms.as_slice() {
                blank_counterpart(cx, n, mention, cell, table);
            }
            continue;
        }
        let what = Statement::SameAsTable {
            subject: crate::model::names::prose_label(&mention.subject),
            table: table.title.clone(),
            table_en: table.kind.title_en(),
        };
        let said = term(n, mention);
        let r = Relation::sum(NarrativeVsTables::META.code, what.message(), said, terms);
        let Some(mut e) = r.evaluate() else { continue };
        if e.outcome == Outcome::Rounding && printed_as_rounded(&r) {
            e.outcome = Outcome::Exact;
        }
        cx.relation_evaluated(Some(table), r, e, Severity::Error);
    }
}

/// A money figure of the narrative against the table's figure for it.
fn tie(cx: &mut Context, n: &Narrative, mention: &Mention, printed: Option<(Term, &Table)>) {
    if !matches!(mention.quantity.measure, Measure::Money(_)) {
        return;
    }
    let Some((t, table)) = printed else { return };
    if t.figure.is_none() {
        blank_counterpart(cx, n, mention, &t, table);
        return;
    }
    let what = Statement::SameAsTable {
        subject: crate::model::names::prose_label(&mention.subject),
        table: table.title.clone(),
        table_en: table.kind.title_en(),
    };
    let r = Relation::equal(
        NarrativeVsTables::META.code,
        what.message(),
        term(n, mention),
        t,
    );
    cx.relation(Some(table), r);
}

/// N201: a figure of the narrative whose table cell is blank.
#[derive(Clone, Debug, PartialEq)]
pub struct NoCounterpart {
    /// The narrative's label.
    pub subject: String,
    /// The figure as printed (“0.95万元”).
    pub printed: String,
    /// The table's title.
    pub table: String,
}

impl Wording for NoCounterpart {
    fn message(&self) -> Message {
        let NoCounterpart {
            subject,
            printed,
            table,
        } = self;
        Message::new(
            format!("说明中的“{subject}”为 {printed}，{table}中对应的单元格为空白，没有可核对的数字"),
            format!("the narrative's '{subject}' is {printed}, but its cell in the {table} is blank: nothing to check it against"),
        )
    }
}

/// A narrative figure beside a blank cell: nothing to compare, so say so unless the narrative
/// says 0 too.
fn blank_counterpart(
    cx: &mut Context,
    n: &Narrative,
    mention: &Mention,
    cell: &Term,
    table: &Table,
) {
    let q = &mention.quantity;
    let formula = format!("{} = （空白）", q.raw);
    if q.value().is_zero() {
        cx.verdict(NarrativeVsTables::META.code, formula, Outcome::Exact, None);
        return;
    }
    let wording = NoCounterpart {
        subject: crate::model::names::prose_label(&mention.subject),
        printed: q.raw.clone(),
        table: table.title.clone(),
    };
    let mut f = Finding::new(
        NarrativeVsTables::META.code,
        Severity::Warning,
        location(n, q.span, mention.sentence),
        wording.message(),
    );
    f.table = Some(table.title.clone());
    f.related = cell.location().into_iter().collect();
    f.actual = Some(q.value());
    cx.verdict(
        NarrativeVsTables::META.code,
        formula,
        Outcome::Broken,
        Some(f),
    );
}
