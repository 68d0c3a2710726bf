//! Reading the 情况说明: rejoin the text, cut it into sentences, find every quantity with its
//! subject, and turn them into claims a rule can verify.
//!
//! The reading runs in stages, each taking what the one before produced, so that the order of
//! the passes is in their types rather than in the order of calls:
//!
//! 1. `rejoin` puts hard-wrapped lines back into paragraphs (after `layout` has parted the
//!    columns of a line and put back the tails `pdftotext -layout` prints out of order);
//!    `sentences::Text` cuts them into
//!    sentences, keeping the way back to the original offsets.
//! 2. `annotation::AnnotatedText` finds every figure once, with its label, its role in the
//!    sentence and the concept its label names. Nothing after changes it.
//! 3. `breakdowns::Breakdowns` finds 其中 / 分别为 breakdowns, then the numbered lists (which
//!    recognise their total as the total of a 其中), then hands the scope of each total down to
//!    its parts. Its concepts are the ones breakdowns, shares and changes copy.
//! 4. Shares, changes, budgets, listings, placeholders, years and typography each read the
//!    annotated text (and the breakdowns, where concepts or totals matter) and return their
//!    claims.
//! 5. `balances::Balances` finds income + opening = expenditure + closing sentences and settles
//!    the concepts of those four figures; `amounts` can only be read with those settled
//!    concepts, so the amount claims carry them while the claims before do not.
//!
//! The claims come out as: breakdowns, shares, changes, budgets, balances, listings,
//! placeholders, years, typography, amounts.

mod amounts;
mod annotation;
mod balances;
mod breakdowns;
mod budgets;
mod changes;
mod concepts;
mod layout;
mod lexicon;
mod listings;
mod placeholders;
mod quantities;
mod rejoin;
mod sentences;
mod shares;
mod typography;
mod years;

pub use concepts::concept;

use crate::model::narrative::{Claim, YearSaid};
use crate::model::{DocumentKind, Narrative};
use crate::read::text::TextDoc;

use annotation::AnnotatedText;
use balances::Balances;
use breakdowns::Breakdowns;
use sentences::Text;

/// Reads a narrative into sentences and claims. Never fails: text with no figure gives no claim.
pub fn read(doc: &TextDoc) -> Narrative {
    let cut = Text::cut(doc, rejoin::rejoin(&doc.text));
    let years = years::claims(&cut);
    let text = AnnotatedText::annotate(cut, kind_of(&years, &doc.file));
    let breakdowns = Breakdowns::find(&text);
    let balances = Balances::find(&text, &breakdowns);
    let mut claims = breakdowns.claims(&text);
    claims.extend(shares::claims(&text, &breakdowns));
    claims.extend(changes::claims(&text, &breakdowns));
    claims.extend(budgets::claims(&text));
    claims.extend_from_slice(balances.claims());
    claims.extend(listings::claims(&text));
    claims.extend(placeholders::claims(&text.text));
    claims.extend(years);
    claims.extend(typography::claims(&text.text));
    claims.extend(amounts::claims(&text, &breakdowns, &balances));
    Narrative {
        file: doc.file.clone(),
        sentences: text.into_sentences(),
        claims,
    }
}

/// Whether the narrative is a budget's or a final account's, as the document's kind is told
/// (its disclosure title “2025年部门预算”, else its file name): a budget's 预算 figures are the
/// ones it states, which the annotation must know before the document's kind is settled.
fn kind_of(years: &[Claim], file: &str) -> DocumentKind {
    let titles = years.iter().filter_map(|c| match c {
        Claim::Year {
            said: YearSaid::FinalAccountTitle | YearSaid::BudgetTitle,
            text,
            ..
        } => Some(text.as_str()),
        _ => None,
    });
    let name = std::path::Path::new(file)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(file);
    titles
        .chain(std::iter::once(name))
        .find_map(DocumentKind::said_in)
        .unwrap_or_default()
}

/// The paragraphs a narrative is read in, once its hard-wrapped lines are rejoined and its page
/// numbers and running heads dropped: what a re-wrapped copy of the same text must give back.
pub fn paragraphs(doc: &TextDoc) -> Vec<String> {
    let joined = rejoin::rejoin(&doc.text);
    joined
        .text
        .split(|&c| c == '\n')
        .map(|p| p.iter().collect())
        .collect()
}
