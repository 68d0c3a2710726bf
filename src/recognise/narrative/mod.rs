//! Reading the 情况说明: rejoin the text, cut it into sentences, find every quantity with its
//! subject, and turn them into claims a rule can verify.

mod claims;
mod concepts;
mod lexicon;
mod quantities;
mod rejoin;
mod sentences;

pub use concepts::{clean, concept};

use crate::model::Narrative;
use crate::read::text::TextDoc;

/// Reads a narrative into sentences and claims. Never fails: text with no figure gives no claim.
pub fn read(doc: &TextDoc) -> Narrative {
    let joined = rejoin::rejoin(&doc.text);
    claims::Reader::new(doc, &joined).read()
}
