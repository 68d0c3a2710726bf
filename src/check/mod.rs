//! The rule catalogue: every relation a 决算 disclosure must satisfy, one small unit per rule.
//!
//! Each rule has a stable code, a name, a severity and a doc comment that is also what
//! `gouji rules` prints. Rules read the canonical model only; they know nothing of file formats.

pub mod across;
mod finding;
mod relation;
mod rules;

pub use rules::completeness::{missing_tables, no_standard_table};
pub(crate) use rules::narrative::budget_total_row;
pub use rules::narrative::{claims, prior_year, PriorYear, Resolved};

pub use crate::model::{Lang, Message};
pub use finding::{Finding, Severity};
pub use relation::{
    ratio, round_half_up, row_label, Evaluation, Outcome, Place, Ratio, Relation, Term,
};

use crate::model::Problem;
use crate::model::{Document, Table, TableKind};

/// What the catalogue prints for a rule.
#[derive(Debug)]
pub struct RuleMeta {
    /// The stable code (T101, N103 …).
    pub code: &'static str,
    /// The stable name (`row-totals`).
    pub name: &'static str,
    /// The severity of a real break (rounding gaps are always `info`).
    pub severity: Severity,
    /// The doc comment of the rule, which `gouji rules` prints.
    pub doc: &'static str,
}

/// The catalogue entry of a rule; `rule!` implements it from the rule's doc comment.
pub trait Described {
    /// The rule's entry in the catalogue.
    fn meta(&self) -> &'static RuleMeta;
}

/// One rule of the catalogue: it reads the document and states relations or findings in the
/// context.
pub trait Rule: Described + Sync {
    /// Checks one document, writing what it verified and found into `cx`.
    fn check(&self, cx: &mut Context);
}

/// Declares a rule: its doc comment becomes its catalogue entry.
macro_rules! rule {
    ($(#[doc = $doc:literal])+ $name:ident = $code:literal, $slug:literal, $sev:ident;) => {
        $(#[doc = $doc])+
        pub struct $name;
        impl $name {
            /// The rule's entry in the catalogue.
            pub const META: $crate::check::RuleMeta = $crate::check::RuleMeta {
                code: $code,
                name: $slug,
                severity: $crate::check::Severity::$sev,
                doc: concat!($($doc, "\n"),+),
            };
        }
        impl $crate::check::Described for $name {
            fn meta(&self) -> &'static $crate::check::RuleMeta {
                &Self::META
            }
        }
    };
}
pub(crate) use rule;

/// A relation as it was evaluated: the trace of everything a check verified.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The code of the rule that stated it.
    pub rule: &'static str,
    /// The formula of a check that is not a sum (`31.36 / 3997.99 = 0.78% ≈ 0.8%`); sums give
    /// theirs from `relation`, only when asked (most relations are never printed).
    pub stated: Option<String>,
    /// Exact, up to rounding, or broken.
    pub outcome: Outcome,
    /// The figures of a sum relation; `None` for ratios and counts.
    pub relation: Option<Relation>,
}

impl Checked {
    /// The relation with its figures (`3997.99 = 3966.63 + 31.36`).
    pub fn formula(&self) -> String {
        match (&self.stated, &self.relation) {
            (Some(f), _) => f.clone(),
            (None, Some(r)) => r.formula(),
            (None, None) => String::new(),
        }
    }
}

/// What rules read and write while checking one document.
pub struct Context<'d> {
    /// The document checked.
    pub doc: &'d Document,
    /// Every relation verified, in the order stated.
    pub checked: Vec<Checked>,
    /// What is reported.
    pub findings: Vec<Finding>,
}

impl<'d> Context<'d> {
    /// A context for one document, with room for the relations its tables state.
    pub fn new(doc: &'d Document) -> Context<'d> {
        // Rules state about two relations per table row: room for them at once, rather than a
        // list of large entries copied as it grows.
        let rows: usize = doc.tables.iter().map(|t| t.rows.len()).sum();
        Context {
            doc,
            checked: Vec::with_capacity(rows * 2),
            findings: Vec::new(),
        }
    }

    /// The tables of one kind (a 总表 gives two halves).
    pub fn tables(&self, kind: TableKind) -> impl Iterator<Item = &'d Table> {
        self.doc.tables.iter().filter(move |t| t.kind == kind)
    }

    /// Evaluates a relation, keeps it in the trace and reports it unless it holds exactly.
    pub fn relation(&mut self, table: Option<&Table>, relation: Relation) {
        self.relation_as(table, relation, Severity::Error);
    }

    /// Like [`Context::relation`], for relations whose break is less than an error.
    pub fn relation_as(&mut self, table: Option<&Table>, relation: Relation, broken: Severity) {
        let Some(evaluation) = relation.evaluate() else {
            return;
        };
        self.relation_evaluated(table, relation, evaluation, broken);
    }

    /// Records a relation already evaluated (a rule may look at the outcome first).
    pub fn relation_evaluated(
        &mut self,
        table: Option<&Table>,
        relation: Relation,
        evaluation: Evaluation,
        broken: Severity,
    ) {
        record(
            &mut self.findings,
            &mut self.checked,
            table,
            (relation, evaluation),
            broken,
        );
    }

    /// Records a check that is not a sum (a ratio, a count, a wording) and its finding, if any.
    pub fn verdict(
        &mut self,
        rule: &'static str,
        formula: String,
        outcome: Outcome,
        finding: Option<Finding>,
    ) {
        self.checked.push(Checked {
            rule,
            stated: Some(formula),
            outcome,
            relation: None,
        });
        if let Some(f) = finding {
            self.findings.push(f);
        }
    }

    /// Reports a finding that is not a relation (a missing table, a template blank).
    pub fn report(&mut self, finding: Finding) {
        self.findings.push(finding);
    }
}

/// The decimals a relation's figures are printed with in the unit it is evaluated in (732.00 and
/// 142.40 keep theirs, though a spreadsheet stores 732 and 142.4); `None` when none is printed in
/// that unit.
fn printed_places(r: &Relation, e: &Evaluation) -> Option<u32> {
    r.terms()
        .filter(|t| t.unit == e.unit)
        .filter_map(|t| t.figure)
        .map(|f| f.step.normalize().scale())
        .max()
}

/// A figure of a finding at the decimals its relation is printed with, where it has no more.
fn at_places(d: rust_decimal::Decimal, places: Option<u32>) -> rust_decimal::Decimal {
    let d = d.normalize();
    match places {
        Some(p) if d.scale() <= p => {
            let mut shown = d;
            shown.rescale(p);
            shown
        }
        _ => d,
    }
}

/// What a finding on a relation says: a gap within rounding (`info`), or a break (`error`),
/// with the figures as printed.
fn relation_message(r: &Relation, e: &Evaluation) -> (Severity, Message) {
    let (unit, formula) = (e.unit, r.formula());
    let (difference, expected) = (e.difference, e.expected);
    if e.outcome == Outcome::Rounding {
        let tolerance = e.tolerance;
        return (
            Severity::Info,
            Message::new(
                format!(
                    "{}：相差 {difference}{}，在舍入误差 ±{tolerance} 之内（{formula}）",
                    r.what.zh,
                    unit.label(),
                ),
                format!(
                    "{}: off by {difference} {}, within rounding ±{tolerance} ({formula})",
                    r.what.en,
                    unit.label_en(),
                ),
            ),
        );
    }
    let actual = e.actual.map_or("空白".to_string(), |a| a.to_string());
    let actual_en = e.actual.map_or("blank".to_string(), |a| a.to_string());
    (
        Severity::Error,
        Message::new(
            format!(
                "{}不成立：应为 {expected}，实为 {actual}，相差 {difference}{}（{formula}）",
                r.what.zh,
                unit.label(),
            ),
            format!(
                "{} does not hold: expected {expected}, found {actual_en}, off by {difference} {} ({formula})",
                r.what.en,
                unit.label_en(),
            ),
        ),
    )
}

fn relation_finding(table: Option<&Table>, r: &Relation, e: &Evaluation) -> Finding {
    let places = printed_places(r, e);
    let e = &Evaluation {
        expected: at_places(e.expected, places),
        actual: e.actual.map(|a| at_places(a, places)),
        difference: at_places(e.difference, places),
        tolerance: e.tolerance.normalize(),
        ..e.clone()
    };
    let unit = e.unit;
    let (severity, message) = relation_message(r, e);
    let location = r
        .total
        .location()
        .or_else(|| r.parts.iter().find_map(|(_, t)| t.location()))
        .or_else(|| table.map(|t| t.location(t.at)))
        .unwrap_or_default();
    let related = r
        .parts
        .iter()
        .filter_map(|(_, t)| t.location())
        .filter(|l| *l != location)
        .collect();
    Finding {
        rule: r.rule,
        severity,
        message,
        table: table.map(|t| t.title.clone()),
        location,
        related,
        expected: Some(e.expected),
        actual: e.actual,
        difference: Some(e.difference),
        tolerance: Some(e.tolerance),
        unit: Some(unit),
    }
}

/// Every rule, in catalogue order.
pub fn catalogue() -> Vec<&'static dyn Rule> {
    rules::all()
}

/// The findings that account for relations not checked (M605): a table lacking a column or a
/// line its relations read, or a 总表 found by one half only. `--relations` and report.xlsx list
/// them beside the relations verified.
pub fn not_checked(findings: &[Finding]) -> impl Iterator<Item = &Finding> {
    let code = rules::unchecked::RelationsNotChecked::META.code;
    findings.iter().filter(move |f| f.rule == code)
}

/// The outcome of checking one document.
#[derive(Debug, Default)]
pub struct Checks {
    /// What is reported, in the order rules found it.
    pub findings: Vec<Finding>,
    /// Every relation verified.
    pub checked: Vec<Checked>,
}

impl Checks {
    /// Evaluates a relation of no one table (one across documents), keeps it in the trace and
    /// reports it unless it holds exactly; a real break is `broken`.
    pub fn relation_as(&mut self, relation: Relation, broken: Severity) {
        if let Some(evaluation) = relation.evaluate() {
            let (findings, checked) = (&mut self.findings, &mut self.checked);
            record(findings, checked, None, (relation, evaluation), broken);
        }
    }
}

/// Keeps an evaluated relation in the trace and reports it unless it holds exactly.
fn record(
    findings: &mut Vec<Finding>,
    checked: &mut Vec<Checked>,
    table: Option<&Table>,
    (relation, evaluation): (Relation, Evaluation),
    broken: Severity,
) {
    if evaluation.outcome != Outcome::Exact {
        let mut f = relation_finding(table, &relation, &evaluation);
        if f.severity == Severity::Error {
            f.severity = broken;
        }
        findings.push(f);
    }
    checked.push(Checked {
        rule: relation.rule,
        stated: None,
        outcome: evaluation.outcome,
        relation: Some(relation),
    });
}

/// A break in a table rebuilt from text positions alone (a PDF table printed without rulings)
/// may be a column misread rather than a slip of the accounts: it is a warning that says so.
fn soften_in_approximate_tables(doc: &Document, findings: &mut [Finding]) {
    let spans: Vec<(&str, &str, u32, u32)> = doc
        .tables
        .iter()
        .filter(|t| t.approximate)
        .map(|t| {
            let last = t.rows.iter().map(|r| r.at.row).max().unwrap_or(t.at.row);
            (&*t.file, &*t.sheet, t.at.row, last)
        })
        .collect();
    if spans.is_empty() {
        return;
    }
    for f in findings
        .iter_mut()
        .filter(|f| f.severity == Severity::Error)
    {
        let l = &f.location;
        let Some(row) = l.cell.as_deref().and_then(crate::model::CellRef::from_a1) else {
            continue;
        };
        let inside = spans.iter().any(|&(file, sheet, a, b)| {
            &*l.file == file && l.sheet.as_deref() == Some(sheet) && a <= row.row && row.row <= b
        });
        if inside {
            f.severity = Severity::Warning;
            f.message
                .zh
                .push_str("（此表印刷时无框线，按文字位置重建，也可能是列读错位）");
            f.message
                .en
                .push_str(" (this table is printed without rulings and was rebuilt from text positions: the columns may be misread)");
        }
    }
}

/// Runs the whole catalogue over a document; recognition problems become findings too.
pub fn run(doc: &Document, problems: &[Problem]) -> Checks {
    let mut cx = Context::new(doc);
    for p in problems {
        cx.report(rules::input::finding(p));
    }
    for rule in catalogue() {
        rule.check(&mut cx);
    }
    let mut findings = cx.findings;
    soften_in_approximate_tables(doc, &mut findings);
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.location.file.cmp(&b.location.file))
            .then_with(|| a.rule.cmp(b.rule))
    });
    Checks {
        findings,
        checked: cx.checked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figure, Unit};

    fn d(s: &str) -> rust_decimal::Decimal {
        s.parse().unwrap()
    }

    /// A figure as a spreadsheet stores it (142.4) in a table printed at two decimals.
    fn printed(label: &str, value: &str) -> Term {
        Term {
            label: label.into(),
            figure: Some(Figure {
                value: d(value),
                step: d("0.01"),
            }),
            unit: Unit::WanYuan,
            place: None,
            finer_than: None,
        }
    }

    #[test]
    fn a_broken_relation_shows_its_figures_at_their_printed_decimals() {
        // A real break of the districts sample: 94.87 printed where the parts add to 142.40.
        let r = Relation::sum(
            "T101",
            Message::new("合计 = Σ", "total = sum"),
            printed("合计", "94.87"),
            [printed("基本支出", "139.2"), printed("项目支出", "3.2")],
        );
        let e = r.evaluate().unwrap();
        let f = relation_finding(None, &r, &e);
        assert!(
            f.message.zh.contains("应为 142.40，实为 94.87"),
            "{}",
            f.message.zh
        );
        assert_eq!(f.expected.map(|x| x.to_string()), Some("142.40".into()));
        assert_eq!(f.tolerance.map(|x| x.to_string()), Some("0.015".into()));
    }
}
