//! The narrative's text itself: a count and the listing it announces (N107), and template
//! blanks left unfilled (N108).

use rust_decimal::Decimal;

use crate::check::{rule, Context, Finding, Outcome, Rule, Severity};
use crate::model::narrative::Claim;

use super::claims;
use super::findings::{ListingCountMismatch, TemplateBlank, Wording};
use super::location;

rule! {
    /// A count followed by the list it counts (“单位共8个，详细情况见下表：” and one line per unit)
    /// lists as many lines as it says.
    ListingCount = "N107", "narrative-listing-count", Error;
}

rule! {
    /// A template sentence left unfilled: placeholders (XX, ××), a blank date (“截止到日”, “年月日”),
    /// an unresolved alternative (“增长（下降）”), a blank figure (“为万元”, “占%”, “支出 万元”), a
    /// reason announced and not given (“主要原因是。”).
    TemplateLeftover = "N108", "template-leftover", Warning;
}

impl Rule for ListingCount {
    fn check(&self, cx: &mut Context) {
        for (n, claim) in claims(cx.doc) {
            let Claim::Listing {
                count,
                listed,
                sentence,
            } = claim
            else {
                continue;
            };
            let stated = count.figure.value;
            let got = Decimal::from(listed.len());
            let formula = format!("{} = {} 行", count.raw, listed.len());
            let f = (stated != got).then(|| {
                let wording = ListingCountMismatch {
                    stated: count.raw.clone(),
                    listed: listed.len(),
                };
                let mut f = Finding::new(
                    Self::META.code,
                    Severity::Error,
                    location(n, count.span, *sentence),
                    wording.message(),
                );
                f.expected = Some(got);
                f.actual = Some(stated);
                f.difference = Some(stated - got);
                f
            });
            let outcome = if f.is_some() {
                Outcome::Broken
            } else {
                Outcome::Exact
            };
            cx.verdict(Self::META.code, formula, outcome, f);
        }
    }
}

impl Rule for TemplateLeftover {
    fn check(&self, cx: &mut Context) {
        for (n, claim) in claims(cx.doc) {
            let Claim::Placeholder {
                text,
                span,
                sentence,
            } = claim
            else {
                continue;
            };
            let wording = TemplateBlank { text: text.clone() };
            cx.report(Finding::new(
                Self::META.code,
                Severity::Warning,
                location(n, *span, *sentence),
                wording.message(),
            ));
        }
    }
}
