//! N110 — typography an auditor flags in the narrative: doubled punctuation and quotation marks
//! without their partner. Each is a warning with its span; none changes a figure.

use crate::check::{rule, Context, Finding, Message, Rule, Severity};
use crate::model::narrative::{Claim, Slip};

use super::findings::Wording;
use super::{claims, location};

rule! {
    /// Typography left wrong in the narrative: the same punctuation mark twice in a row (“。。”,
    /// “，，”, “；；”; the ellipsis …… and the dash —— are meant doubled), and a quotation mark
    /// opened and never closed in its paragraph, or closed and never opened (“三公经费). A blank
    /// left in the template is N108.
    Typography = "N110", "narrative-typography", Warning;
}

/// N110: one slip, with the characters at fault.
#[derive(Clone, Debug, PartialEq)]
pub struct TypographySlip {
    /// What kind of slip.
    pub slip: Slip,
    /// The characters at fault, as printed.
    pub text: String,
}

impl Wording for TypographySlip {
    fn message(&self) -> Message {
        let text = &self.text;
        match self.slip {
            Slip::DoubledPunctuation => Message::new(
                format!("标点重复：“{text}”"),
                format!("punctuation doubled: \"{text}\""),
            ),
            Slip::UnbalancedQuote => Message::new(
                format!("引号不成对：「{text}」在本段中没有与之对应的引号"),
                format!("unbalanced quotation mark: \"{text}\" has no partner in its paragraph"),
            ),
        }
    }
}

impl Rule for Typography {
    fn check(&self, cx: &mut Context) {
        for (n, claim) in claims(cx.doc) {
            let Claim::Typography {
                slip,
                text,
                span,
                sentence,
            } = claim
            else {
                continue;
            };
            let wording = TypographySlip {
                slip: *slip,
                text: text.clone(),
            };
            cx.report(Finding::new(
                Self::META.code,
                Severity::Warning,
                location(n, *span, *sentence),
                wording.message(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_slip_says_what_is_wrong_in_both_languages() {
        let doubled = TypographySlip {
            slip: Slip::DoubledPunctuation,
            text: "。。".into(),
        };
        assert_eq!(doubled.message().zh, "标点重复：“。。”");
        assert_eq!(doubled.message().en, "punctuation doubled: \"。。\"");
        let quote = TypographySlip {
            slip: Slip::UnbalancedQuote,
            text: "“".into(),
        };
        assert_eq!(
            quote.message().zh,
            "引号不成对：「“」在本段中没有与之对应的引号"
        );
    }
}
