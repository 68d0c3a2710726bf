//! C — across documents: what a department publishes one year against what it published
//! before. Each document is checked alone first; then, among the documents given together, a
//! final account finds its department's final account of the year before, and the rules here
//! state relations between the two: the opening balances are last year's closing ones, and the
//! prior-year figures its changes imply are what last year's document printed. A finding is
//! placed in the later document and names the earlier one's cell as its reference. A document
//! without its neighbour is checked as before, and says nothing of them.

mod identity;
mod rules;

use crate::model::{Document, DocumentKind};

use super::{Checks, Context, Described};

pub use identity::same_department;
pub use rules::{ChangeFollowsPriorAccount, OpeningFollowsClosing};

/// A document's neighbours among the documents given with it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Neighbours<'d> {
    /// The same department's final account of the year before.
    pub prior_account: Option<&'d Document>,
}

/// A rule between a document and its neighbours.
pub trait AcrossRule: Described + Sync {
    /// States the relations between `cx.doc` and its neighbours into `cx`.
    fn check(&self, cx: &mut Context, neighbours: &Neighbours);
}

/// Every rule across documents, in catalogue order.
pub fn catalogue() -> Vec<&'static dyn AcrossRule> {
    vec![&OpeningFollowsClosing, &ChangeFollowsPriorAccount]
}

/// The neighbours of `docs[i]` among `docs`.
pub fn neighbours<'d>(docs: &[&'d Document], i: usize) -> Neighbours<'d> {
    let doc = docs[i];
    let prior_account = doc.year.and_then(|year| {
        docs.iter().copied().find(|d| {
            d.kind == DocumentKind::FinalAccount
                && d.year == Some(year - 1)
                && same_department(d, doc)
        })
    });
    Neighbours { prior_account }
}

/// The findings and relations across documents, one entry per document of `docs` (empty where
/// a document has no neighbour).
pub fn check(docs: &[&Document]) -> Vec<Checks> {
    (0..docs.len())
        .map(|i| {
            let n = neighbours(docs, i);
            let mut cx = Context::new(docs[i]);
            if n.prior_account.is_some() && docs[i].kind == DocumentKind::FinalAccount {
                for rule in catalogue() {
                    rule.check(&mut cx, &n);
                }
            }
            Checks {
                findings: cx.findings,
                checked: cx.checked,
            }
        })
        .collect()
}
