//! Y709 — the note under an empty budget table names the table's own fund: a 政府性基金 table
//! that says “本部门无国有资本经营预算…” carries the note of another table's template.

use crate::check::{rule, Context, Finding, Message, Rule};
use crate::model::{names::norm, TableKind};

rule! {
    /// An empty 政府性基金 or 国有资本经营 budget table whose note speaks of the other fund
    /// (注：本部门无国有资本经营预算… under the 政府性基金 table): the note was copied from another
    /// table's template and does not say why this table is empty.
    NoteOfAnotherTable = "Y709", "budget-note-of-another-table", Warning;
}

/// The fund a table shows and the fund its note must not name instead.
const FUNDS: [(TableKind, &str, &str); 2] = [
    (
        TableKind::BudgetGovernmentFund,
        "政府性基金",
        "国有资本经营",
    ),
    (TableKind::BudgetStateCapital, "国有资本经营", "政府性基金"),
];

impl Rule for NoteOfAnotherTable {
    fn check(&self, cx: &mut Context) {
        let doc = cx.doc;
        for (kind, own, other) in FUNDS {
            for t in doc
                .tables
                .iter()
                .filter(|t| t.kind == kind && !t.has_figures())
            {
                let Some(note) = t
                    .notes
                    .iter()
                    .find(|n| norm(n).contains(other) && !norm(n).contains(own))
                else {
                    continue;
                };
                let what = Message::new(
                    format!("“{}”的说明写的是{other}预算：“{note}”，似从其他表的模板复制", t.title),
                    format!(
                        "the note under the {} speaks of another fund (\"{note}\"): copied from another table",
                        kind.title_en()
                    ),
                );
                cx.report(Finding::table_warning(Self::META.code, t, what));
            }
        }
    }
}
