//! The rules between a budget and the documents it follows or that follow it: its 上年预算数
//! column against last year's budget, and the final account's 预算数 against the year's budget.

use crate::check::rules::narrative::{claims, location};
use crate::check::{rule, Lang, Place, Term};
use crate::model::narrative::{Claim, Measure};
use crate::model::{ColKey, Document, DocumentKind, Line, Message, TableKind};

use super::digest::{row_key, three_public_line};
use super::{detached, AcrossRule, Digest, Key, Neighbour, RowKey, Statement};

rule! {
    /// 预算 N 的上年预算数 = 预算 N−1 的本年预算数：a budget table that prints last year's budget
    /// beside this year's (a column 上年预算数) quotes what the same department's budget of last
    /// year published for the same row (科目编码 or line). A difference is a warning: the
    /// figure is wrong, or last year's budget was restated on this year's basis (机构改革, 口径调整)
    /// without a word. A column of 上年执行数 is an estimate of the outcome, not last year's
    /// budget, and is not compared.
    PriorBudgetColumnFollows = "C003", "prior-budget-column-follows", Warning;
}

impl AcrossRule for PriorBudgetColumnFollows {
    fn neighbour(&self) -> Neighbour {
        Neighbour::PriorBudget
    }

    fn statements(&self, doc: &Document) -> Vec<Statement> {
        let mut out = Vec::new();
        for t in doc.tables.iter().filter(|t| t.kind.is_budget()) {
            let budget_column = t.columns.iter().position(|c| {
                c.key == Some(ColKey::PriorYear)
                    && c.label.contains("预算")
                    && !c.label.contains("执行")
            });
            let Some(col) = budget_column else { continue };
            for row in &t.rows {
                let (Some(key), Some(cell)) = (row_key(row), row.cell(col)) else {
                    continue;
                };
                if cell.figure.is_some() {
                    out.push(Statement {
                        key: Key::Budget(t.kind, key),
                        stated: detached(Term::cell(t, row, col)),
                        rate: None,
                        fallback: None,
                    });
                }
            }
        }
        out
    }

    fn what(&self, prior: &Digest, _: &Statement, _: &Term, _: bool) -> Message {
        Message::new(
            format!(
                "上年预算数 = 上年预算（{}）的本年预算数",
                prior.name(Lang::Zh)
            ),
            format!(
                "last year's budget column = what last year's budget ({}) published",
                prior.name(Lang::En)
            ),
        )
    }
}

rule! {
    /// 决算的预算数 = 当年预算：the 预算数 a final account's “三公” table prints for each item
    /// (合计, 因公出国（境）费, 公务用车购置及运行费, 购置费, 运行费, 公务接待费), and the budget its
    /// narrative states for an item (“三公”经费年初预算为X万元, 一般公共预算财政拨款支出年初预算为Y万元),
    /// is what the same department's 部门预算 of that year published (its narrative, else its
    /// tables; within the 一般公共预算 when the sentence says so). A difference is a warning: the budget was adjusted in the
    /// year (追加, 调整), which the narrative should say, or one of the two figures is wrong.
    AccountBudgetFollowsBudget = "C004", "account-budget-follows-budget", Warning;
}

impl AcrossRule for AccountBudgetFollowsBudget {
    fn neighbour(&self) -> Neighbour {
        Neighbour::SameYearBudget
    }

    fn statements(&self, doc: &Document) -> Vec<Statement> {
        if doc.kind != DocumentKind::FinalAccount {
            return Vec::new();
        }
        let mut out = table_budgets(doc);
        out.extend(narrative_budgets(doc));
        out
    }

    fn what(&self, budget: &Digest, s: &Statement, _: &Term, _: bool) -> Message {
        let item = s.stated.label.clone();
        Message::new(
            format!(
                "决算的预算数（{item}）= 当年预算（{}）的预算数（不同则是年中调整或数字有误）",
                budget.name(Lang::Zh)
            ),
            format!(
                "the budget a final account states ({item}) = the year's budget ({}) (a difference is an adjustment in the year or a mistake)",
                budget.name(Lang::En)
            ),
        )
    }
}

/// The key under which a budget's “三公” table prints a line: its “三公” total as a subtotal.
fn budget_three_public(line: Line) -> Key {
    let line = if line == Line::Total {
        Line::ThreePublicSubtotal
    } else {
        line
    };
    Key::Budget(TableKind::BudgetThreePublic, RowKey::Line(line))
}

/// The 预算数 column of the final account's “三公” table, line by line.
fn table_budgets(doc: &Document) -> Vec<Statement> {
    let Some(t) = doc.table(TableKind::ThreePublic) else {
        return Vec::new();
    };
    let Some(col) = t.col(ColKey::Budget) else {
        return Vec::new();
    };
    t.rows
        .iter()
        .filter(|r| r.cell(col).is_some_and(|c| c.figure.is_some()))
        .filter_map(|r| {
            Some(Statement {
                key: budget_three_public(r.line?),
                stated: detached(Term::cell(t, r, col)),
                rate: None,
                fallback: None,
            })
        })
        .collect()
}

/// The budgets the narrative states for its items (“三公”经费财政拨款支出年初预算为X万元,
/// 一般公共预算财政拨款支出年初预算为Y万元).
fn narrative_budgets(doc: &Document) -> Vec<Statement> {
    claims(doc)
        .filter_map(|(n, claim)| {
            let Claim::Budget {
                concept: Some(c),
                budget,
                sentence,
                subject,
                ..
            } = claim
            else {
                return None;
            };
            let Measure::Money(unit) = budget.measure else {
                return None;
            };
            // The “三公” items by their table line; any other item by what the budget states
            // of it, within its 一般公共预算 when the sentence says so.
            let key = match three_public_line(&c.item) {
                Some(line) => budget_three_public(line),
                None if subject.contains("一般公共预算") => Key::BudgetGeneral(c.clone()),
                None => Key::BudgetConcept(c.clone()),
            };
            Some(Statement {
                key,
                stated: Term {
                    label: crate::model::names::prose_label(subject).into(),
                    figure: Some(budget.figure),
                    unit,
                    place: Some(Place::Text(Box::new(location(n, budget.span, *sentence)))),
                    finer_than: None,
                },
                rate: None,
                fallback: None,
            })
        })
        .collect()
}
