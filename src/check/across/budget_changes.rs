//! A budget's narrative against last year's budget: the change it states from last year's
//! budget implies last year's figure, which last year's budget published.

use crate::check::rules::narrative::{claims, location, prior_year};
use crate::check::{rule, Lang, Place, Term};
use crate::model::narrative::{Claim, Concept, Narrative};
use crate::model::{Document, Message};

use super::change::{blaming, implied_prior};
use super::{AcrossRule, Digest, Key, Neighbour, Statement};

rule! {
    /// 预算说明的上年数 = 上年预算：a budget's narrative that states a change from last year
    /// (“收入预算总计15897.44万元，与上年相比增加2248.37万元，增长16.47%”) implies last year's
    /// budget (15897.44 − 2248.37 = 13649.07), which the same department's budget of last year
    /// stated for the same item. A change from last year's 执行数 (an outcome, not a budget) is
    /// not compared. Where the rate fits last year's figure and the amount does not, the finding
    /// blames the amount.
    BudgetChangeFollowsPriorBudget = "C005", "budget-change-follows-prior-budget", Error;
}

impl AcrossRule for BudgetChangeFollowsPriorBudget {
    fn neighbour(&self) -> Neighbour {
        Neighbour::PriorBudget
    }

    fn statements(&self, doc: &Document) -> Vec<Statement> {
        stated_priors(doc, false)
    }

    fn what(&self, prior: &Digest, s: &Statement, theirs: &Term, broken: bool) -> Message {
        let (doc, doc_en) = (prior.name(Lang::Zh), prior.name(Lang::En));
        blaming(
            format!("说明推得的上年预算数 = 上年预算（{doc}）所列的数"),
            format!(
                "last year's budget the change implies = what last year's budget ({doc_en}) stated"
            ),
            s,
            theirs,
            broken,
        )
    }
}

/// The prior-year figures a budget's narrative implies by the changes it states, keyed for
/// the neighbour: from last year's budget, or (`outcome`) from last year's outcome.
fn stated_priors(doc: &Document, outcome: bool) -> Vec<Statement> {
    if !doc.kind.is_budget() {
        return Vec::new();
    }
    changes(doc, outcome)
        .filter_map(|(n, claim, c)| {
            if outcome {
                return implied_prior(doc, n, claim, Key::Account(c.clone()));
            }
            // Last year's budget as it was worded the same way, else as it stated the item.
            let worded = Key::BudgetStated(c.clone(), wording(claim));
            let mut s = implied_prior(doc, n, claim, worded)?;
            s.fallback = Some(Key::BudgetConcept(c.clone()));
            Some(s)
        })
        .collect()
}

/// How a change's subject is worded, the year and what stands before it (the department's
/// name) left out: “江苏省人大常委会办公厅2018年度收入、支出预算总计” → “收入、支出预算总计”.
fn wording(claim: &Claim) -> String {
    let Claim::Change { subject, .. } = claim else {
        return String::new();
    };
    let chars: Vec<char> = subject.chars().collect();
    let after_year = (0..chars.len().saturating_sub(4))
        .rev()
        .find(|&i| {
            chars[i..i + 4].iter().all(char::is_ascii_digit) && chars.get(i + 4) == Some(&'年')
        })
        .map_or(0, |i| i + 5);
    let rest: String = chars[after_year..].iter().collect();
    crate::model::names::prose_label(rest.trim_start_matches('度'))
}

/// The changes a budget's narrative states, with their item: from last year's budget, or
/// (`outcome`) from last year's outcome (上年执行数, 上年决算).
fn changes(doc: &Document, outcome: bool) -> impl Iterator<Item = (&Narrative, &Claim, &Concept)> {
    claims(doc).filter_map(move |(n, claim)| {
        let Claim::Change {
            concept: Some(c),
            sentence,
            ..
        } = claim
        else {
            return None;
        };
        let text = n.sentences.get(*sentence).map_or("", |s| s.text.as_str());
        let from_outcome = text.contains("执行") || text.contains("决算");
        (from_outcome == outcome).then_some((n, claim, c))
    })
}

rule! {
    /// 预算说明的上年执行数 = 上年决算：a budget's narrative that states a change from last year's
    /// outcome (“比2024年执行数增加X万元”) implies last year's outcome, which the same
    /// department's final account of last year printed for that item. The budget is written
    /// before the final account is closed, so a difference is a warning: the estimate was not
    /// the outcome, or one of the figures is wrong.
    BudgetChangeFollowsPriorAccount = "C006", "budget-change-follows-prior-account", Warning;
}

impl AcrossRule for BudgetChangeFollowsPriorAccount {
    fn neighbour(&self) -> Neighbour {
        Neighbour::PriorAccount
    }

    fn statements(&self, doc: &Document) -> Vec<Statement> {
        stated_priors(doc, true)
    }

    fn what(&self, prior: &Digest, s: &Statement, theirs: &Term, broken: bool) -> Message {
        let (doc, doc_en) = (prior.name(Lang::Zh), prior.name(Lang::En));
        blaming(
            format!("说明推得的上年执行数 = 上年决算（{doc}）公开的数"),
            format!("last year's outcome the change implies = what last year's final account ({doc_en}) printed"),
            s,
            theirs,
            broken,
        )
    }
}

/// The figures a budget's narrative states for its items this year, as next year's budget
/// quotes them: the current figure of each change it states, the first for each item.
pub fn narrative_figures(doc: &Document, out: &mut Vec<(Key, Term)>) {
    for (n, claim, concept) in changes(doc, false) {
        let keys = [
            Key::BudgetStated(concept.clone(), wording(claim)),
            Key::BudgetConcept(concept.clone()),
        ];
        let (Some(py), Claim::Change { sentence, span, .. }) = (prior_year(doc, n, claim), claim)
        else {
            continue;
        };
        for key in keys {
            if out.iter().any(|(k, _)| *k == key) {
                continue;
            }
            let term = Term {
                label: py.current.shown.clone().into(),
                figure: Some(py.current.figure),
                unit: py.current.unit,
                place: Some(Place::Text(Box::new(location(n, *span, *sentence)))),
                finer_than: None,
            };
            out.push((key, term));
        }
    }
}
