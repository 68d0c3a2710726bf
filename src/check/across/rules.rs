//! The rules between a final account and the same department's final account of the year
//! before: the balances it opens with, and the prior-year figures its changes imply.

use crate::check::rules::narrative::{claims, table_term};
use crate::check::{rule, Lang, Term};
use crate::model::narrative::{Claim, Concept, Item, Scope};
use crate::model::{Document, DocumentKind, Message};

use super::change::{blaming, implied_prior};
use super::{detached, AcrossRule, Digest, Key, Neighbour, Statement};

rule! {
    /// 决算 N 的年初结转和结余 = 决算 N−1 的年末结转和结余：this year's opening balance, in all
    /// funds and in the appropriations (年初财政拨款结转和结余), is what last year's final account
    /// of the same department printed as its closing balance. A break means one of the two
    /// documents is wrong, or the balance was restated without a word.
    OpeningFollowsClosing = "C001", "opening-follows-closing", Error;
}

impl AcrossRule for OpeningFollowsClosing {
    fn neighbour(&self) -> Neighbour {
        Neighbour::PriorAccount
    }

    fn statements(&self, doc: &Document) -> Vec<Statement> {
        if doc.kind != DocumentKind::FinalAccount {
            return Vec::new();
        }
        [Scope::All, Scope::Fiscal]
            .into_iter()
            .filter_map(|scope| {
                let concept = |item| Concept { scope, item };
                let (opening, _) = table_term(doc, &concept(Item::Opening))?;
                Some(Statement {
                    key: Key::Account(concept(Item::Closing)),
                    stated: detached(opening),
                    rate: None,
                    fallback: None,
                })
            })
            .collect()
    }

    fn what(&self, prior: &Digest, s: &Statement, _: &Term, _: bool) -> Message {
        let fiscal = matches!(&s.key, Key::Account(c) if c.scope == Scope::Fiscal);
        let fund = if fiscal { "财政拨款" } else { "" };
        Message::new(
            format!(
                "年初{fund}结转和结余 = 上年决算（{}）的年末{fund}结转和结余",
                prior.name(Lang::Zh)
            ),
            format!(
                "the opening balance = the closing balance of last year's final account ({})",
                prior.name(Lang::En)
            ),
        )
    }
}

rule! {
    /// 说明的上年数 = 上年决算：a change the narrative states (“本年收入合计X万元，比上年增加Y万元，
    /// 增长P%”) implies last year's figure (X − Y), which must be what last year's final account
    /// of the same department printed for that item. Where the rate P fits last year's figure and
    /// the amount does not, the finding blames the amount; where neither fits, the prior-year
    /// figure the text was written from is not the one published (a budget figure, an old draft).
    ChangeFollowsPriorAccount = "C002", "change-follows-prior-account", Error;
}

impl AcrossRule for ChangeFollowsPriorAccount {
    fn neighbour(&self) -> Neighbour {
        Neighbour::PriorAccount
    }

    fn statements(&self, doc: &Document) -> Vec<Statement> {
        if doc.kind != DocumentKind::FinalAccount {
            return Vec::new();
        }
        claims(doc)
            .filter_map(|(n, claim)| match claim {
                Claim::Change {
                    concept: Some(c), ..
                } => implied_prior(doc, n, claim, Key::Account(c.clone())),
                _ => None,
            })
            .collect()
    }

    fn what(&self, prior: &Digest, s: &Statement, theirs: &Term, broken: bool) -> Message {
        let (doc, doc_en) = (prior.name(Lang::Zh), prior.name(Lang::En));
        blaming(
            format!("说明推得的上年数 = 上年决算（{doc}）公开的数"),
            format!("the prior year the change implies = what last year's final account ({doc_en}) printed"),
            s,
            theirs,
            broken,
        )
    }
}
