//! N111 — the years a disclosure names fit the year it reports on: its title, its balance dates
//! and the year it compares with. A text carried over from last year's disclosure shows here.

use crate::check::{rule, Context, Finding, Message, Outcome, Rule, Severity};
use crate::model::narrative::{Claim, YearSaid};
use crate::model::{Document, Location};

use super::findings::Wording;
use super::{claims, location};

rule! {
    /// The years a disclosure names fit the year it reports on (the one its tables' headings or
    /// its file name give, else its title's): “2024年度部门决算” and a table title's year are that year; a balance date
    /// “截至2024年12月31日” / “截至2024年底” is that year in a final account and the year before
    /// in a budget; the year compared with (“与2023年度相比”, “比2023年增加”, “较2024年预算”) is
    /// the year before. A year that does not fit is a warning naming both years.
    YearsFitTheReport = "N111", "years-fit-the-report", Warning;
}

/// N111: a year printed where another was due.
#[derive(Clone, Debug, PartialEq)]
pub struct YearMismatch {
    /// The words as printed.
    pub text: String,
    /// The year printed.
    pub printed: i32,
    /// The year the wording calls for.
    pub due: i32,
    /// The year the disclosure reports on.
    pub reporting: i32,
}

impl Wording for YearMismatch {
    fn message(&self) -> Message {
        let YearMismatch {
            text,
            printed,
            due,
            reporting,
        } = self;
        Message::new(
            format!("年份与报告年度不符：“{text}”写的是 {printed} 年，{reporting} 年度的公开应为 {due} 年"),
            format!("the year does not fit the report: \"{text}\" says {printed}, where a disclosure for {reporting} calls for {due}"),
        )
    }
}

/// The year a disclosure reports on: the document's (its tables' headings, its file name), else
/// its title's, so that a title carried over from last year is itself checked; and whether it
/// is a budget.
fn reporting_year(doc: &Document) -> Option<(i32, bool)> {
    let title_year = claims(doc).find_map(|(_, c)| match c {
        Claim::Year {
            year,
            said: YearSaid::FinalAccountTitle | YearSaid::BudgetTitle,
            ..
        } => Some(*year),
        _ => None,
    });
    let year = doc.year.or(title_year)?;
    Some((year, doc.kind.is_budget()))
}

/// The year a wording calls for in a disclosure for `year`.
fn due(said: YearSaid, year: i32, budget: bool) -> i32 {
    match said {
        YearSaid::FinalAccountTitle | YearSaid::BudgetTitle => year,
        YearSaid::YearEnd if budget => year - 1,
        YearSaid::YearEnd => year,
        YearSaid::ComparedWith => year - 1,
    }
}

impl Rule for YearsFitTheReport {
    fn check(&self, cx: &mut Context) {
        let Some((year, budget)) = reporting_year(cx.doc) else {
            return;
        };
        let mut mentions: Vec<(i32, i32, String, Location)> = Vec::new();
        for (n, claim) in claims(cx.doc) {
            if let Claim::Year {
                year: printed,
                said,
                text,
                span,
                sentence,
            } = claim
            {
                let at = location(n, *span, *sentence);
                mentions.push((*printed, due(*said, year, budget), text.clone(), at));
            }
        }
        for t in &cx.doc.tables {
            if let Some(printed) = crate::model::names::year_in(&t.title) {
                mentions.push((printed, year, t.title.clone(), t.location(t.at)));
            }
        }
        for (printed, due, text, at) in mentions {
            let formula = format!("{text}: {printed} = {due}");
            let f = (printed != due).then(|| {
                let wording = YearMismatch {
                    text,
                    printed,
                    due,
                    reporting: year,
                };
                Finding::new(Self::META.code, Severity::Warning, at, wording.message())
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
