//! C — across documents: what a department publishes one year against what it published
//! before, and its final account against its budget. Each document is checked alone first and
//! leaves a [`Digest`]: the figures a neighbour may quote and the figures it states of one.
//! Among the digests given together, a document finds its neighbours (the same department's
//! final account or budget of the year before, its budget of the same year) and each rule
//! relates what the document states to what the neighbour printed, with the usual rounding
//! semantics (see `check/relation.rs`). A finding is placed in the later document and names the
//! neighbour and its cell as the reference. A document without its neighbour is checked as
//! before, and says nothing of them: the relations not stated are not counted as verified.

mod budget_changes;
mod budget_rules;
mod change;
mod digest;
mod identity;
mod rules;

use crate::model::{Document, DocumentKind, Message};

use super::relation::{Outcome, Relation};
use super::{Checks, Described, Term};

pub use budget_changes::{BudgetChangeFollowsPriorAccount, BudgetChangeFollowsPriorBudget};
pub use budget_rules::{AccountBudgetFollowsBudget, PriorBudgetColumnFollows};
pub use digest::{detached, Digest, Key, RowKey, StatedRate, Statement};
pub use identity::{local_name, same_department};
pub use rules::{ChangeFollowsPriorAccount, OpeningFollowsClosing};

/// The document a rule relates a document to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Neighbour {
    /// The same department's final account of the year before.
    PriorAccount,
    /// The same department's budget of the same kind (部门 or 单位) of the year before.
    PriorBudget,
    /// The same department's 部门预算 of the same year.
    SameYearBudget,
}

/// A rule between a document and one of its neighbours: what the document states of the
/// neighbour, and what the relation between the two figures says.
pub trait AcrossRule: Described + Sync {
    /// The neighbour the rule relates a document to.
    fn neighbour(&self) -> Neighbour;

    /// What `doc` states of that neighbour (nothing for a document the rule is not about).
    fn statements(&self, doc: &Document) -> Vec<Statement>;

    /// What the relation between a statement and the neighbour's figure says; `broken` when it
    /// does not hold, for a rule that then says which figure is at fault.
    fn what(&self, neighbour: &Digest, s: &Statement, theirs: &Term, broken: bool) -> Message;
}

/// Every rule across documents, in catalogue order.
pub fn catalogue() -> Vec<&'static dyn AcrossRule> {
    vec![
        &OpeningFollowsClosing,
        &ChangeFollowsPriorAccount,
        &PriorBudgetColumnFollows,
        &AccountBudgetFollowsBudget,
        &BudgetChangeFollowsPriorBudget,
        &BudgetChangeFollowsPriorAccount,
    ]
}

/// The digest of a document under the whole catalogue.
pub fn digest(doc: &Document) -> Digest {
    Digest::of(doc, &catalogue())
}

/// The neighbour of `digests[i]` a rule relates it to, among `digests`.
pub fn neighbour(digests: &[Digest], i: usize, which: Neighbour) -> Option<&Digest> {
    let doc = &digests[i];
    let year = doc.year?;
    let (kind, year) = match which {
        Neighbour::PriorAccount => (DocumentKind::FinalAccount, year - 1),
        Neighbour::PriorBudget if doc.kind.is_budget() => (doc.kind, year - 1),
        Neighbour::PriorBudget => return None,
        Neighbour::SameYearBudget => (DocumentKind::DepartmentBudget, year),
    };
    digests.iter().find(|d| {
        d.kind == kind
            && d.year == Some(year)
            && same_department(d.department.as_deref(), doc.department.as_deref())
    })
}

/// The relations across the documents given, one entry per digest (empty where a document has
/// no neighbour the rules need).
pub fn judge(digests: &[Digest]) -> Vec<Checks> {
    let rules = catalogue();
    (0..digests.len())
        .map(|i| {
            let mut out = Checks::default();
            for (rule, statements) in rules.iter().zip(&digests[i].statements) {
                // A rule the document states nothing for needs no neighbour looked for.
                if statements.is_empty() {
                    continue;
                }
                let Some(n) = neighbour(digests, i, rule.neighbour()) else {
                    continue;
                };
                for s in statements {
                    relate(*rule, n, s, &mut out);
                }
            }
            out
        })
        .collect()
}

/// One statement against the neighbour's figure under its key, when the neighbour prints one.
fn relate(rule: &dyn AcrossRule, n: &Digest, s: &Statement, out: &mut Checks) {
    let Some(theirs) = n.figure_for(s) else {
        return;
    };
    let meta = rule.meta();
    let relation = |broken| {
        let what = rule.what(n, s, theirs, broken);
        Relation::equal(meta.code, what, s.stated.clone(), theirs.clone())
    };
    let broken = relation(false)
        .evaluate()
        .is_some_and(|e| e.outcome == Outcome::Broken);
    out.relation_as(relation(broken), meta.severity);
}

/// The relations across the documents checked together, one entry per document.
pub fn check(docs: &[&Document]) -> Vec<Checks> {
    let digests: Vec<Digest> = docs.iter().map(|d| digest(d)).collect();
    judge(&digests)
}
