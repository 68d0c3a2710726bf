//! X — input recognition could not read as a figure: each problem met while reading the
//! tables becomes a finding naming its cell.

use crate::check::{rule, Context, Finding, Message, Rule, Severity};
use crate::model::Problem;

rule! {
    /// A cell where a figure must stand holds text that is not a number (“约三千”, “12.3.4”).
    /// The cell takes part in no relation, so everything it should tie to goes unchecked: the
    /// finding names the cell so that it can be corrected. "-", "—" and blank cells mean *no figure*
    /// and are not reported.
    UnreadableFigure = "X001", "unreadable-figure", Warning;
}

impl Rule for UnreadableFigure {
    /// Recognition reports these as it reads; `check::run` turns each into a finding.
    fn check(&self, _cx: &mut Context) {}
}

pub fn finding(p: &Problem) -> Finding {
    Finding::new(
        UnreadableFigure::META.code,
        Severity::Warning,
        p.location.clone(),
        Message::new(p.zh.clone(), p.en.clone()),
    )
}
