//! X — a figure printed finer than its table: the precision a document's figures are printed
//! at is decided by all of them together (recognise/precision.rs), and one that shows more than
//! that is said, for it is where a figure was typed or changed by hand.

use crate::check::{rule, Context, Finding, Message, Rule, Severity, Term};

rule! {
    /// A figure is printed finer than the other figures of its unit: 29400501 元 in a table
    /// whose figures are all whole hundreds (converted from 万元 at two decimals), or 12.345 among
    /// figures of two decimals. The table's step is the one all its figures but an odd few agree
    /// on, so this one figure does not change how the others are compared; a relation it takes
    /// part in is broken when the gap is not a whole number of the table's steps, since the
    /// others' rounding cannot leave such a gap.
    FinerThanTable = "X002", "figure-finer-than-table", Warning;
}

impl Rule for FinerThanTable {
    fn check(&self, cx: &mut Context) {
        let mut found = Vec::new();
        for t in &cx.doc.tables {
            for row in &t.rows {
                for col in 0..row.cells.len() {
                    let term = Term::cell(t, row, col);
                    let (Some(step), Some(f)) = (term.finer_than, term.figure) else {
                        continue;
                    };
                    let (unit, unit_en) = (t.unit.label(), t.unit.label_en());
                    let (value, step) = (f.display(), step.normalize());
                    let message = Message::new(
                        format!(
                            "“{}”{value}{unit}比本表其他数字印得更细：它们都按{step}{unit}取整，\
                             此数却精确到{}{unit}（疑为手工改动）",
                            term.label,
                            f.step.normalize()
                        ),
                        format!(
                            "“{}” {value} {unit_en} is printed finer than the other figures of \
                             its table: they are rounded to {step} {unit_en}, this one to {} \
                             {unit_en} (changed by hand?)",
                            term.label,
                            f.step.normalize()
                        ),
                    );
                    let place = term.location().unwrap_or_default();
                    found.push(Finding::new(
                        Self::META.code,
                        Severity::Warning,
                        place,
                        message,
                    ));
                }
            }
        }
        for f in found {
            cx.report(f);
        }
    }
}
