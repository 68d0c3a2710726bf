//! What one document brings to the relations across documents, kept apart from the document:
//! the figures a neighbour may quote (its published figures, by key) and the figures it states
//! of a neighbour (its statements). A digest is small — some dozens of terms, each placed by a
//! resolved location rather than the document's page boxes — so that a batch keeps one for every
//! document it checks and relates them once all are read, holding no document.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::check::{Lang, Place, Term};
use crate::model::narrative::{Concept, Item, Scope};
use crate::model::{ColKey, Document, DocumentKind, Line, TableKind};

use super::AcrossRule;

/// What a published figure is, as a neighbour names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Key {
    /// A final account's table figure for a narrative concept (年末结转和结余, 本年收入合计 …).
    Account(Concept),
    /// A budget's figure for a narrative concept, as its narrative states it this year (the
    /// first it states), else as its tables print it.
    BudgetConcept(Concept),
    /// A budget's figure for a narrative concept under one wording (“一般公共预算收入预算”,
    /// “收入、支出预算总计”, years and the department's name left out), as its narrative states it.
    BudgetStated(Concept, String),
    /// A budget's figure for a narrative concept within its 一般公共预算 (without 政府性基金),
    /// as its 一般公共预算 tables print it.
    BudgetGeneral(Concept),
    /// A budget table's figure for this year (本年预算数): the table and its row.
    Budget(TableKind, RowKey),
}

/// A row as two documents of one family both print it: by its 科目编码, else by its line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowKey {
    /// A 功能分类 or 经济分类 code.
    Code(String),
    /// A statement line (合计, 一般公共预算拨款收入 …).
    Line(Line),
}

/// A rate printed beside a stated figure, and the current figure it is a change to: when the
/// stated figure differs from the neighbour's, whether the rate fits the neighbour's figure tells
/// which of the two the text has wrong.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatedRate {
    /// The rate as printed, in %.
    pub rate: Decimal,
    /// Its printed step (0.01 for 12.34%).
    pub step: Decimal,
    /// The current figure, in the stated figure's unit.
    pub now: Decimal,
}

/// A figure a document states of a neighbour: the key the neighbour prints it under, and the
/// figure as this document states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// The figure the neighbour must print.
    pub key: Key,
    /// The figure as this document states it.
    pub stated: Term,
    /// A rate beside it, when the statement is a change.
    pub rate: Option<StatedRate>,
    /// Where the neighbour may print the figure when it prints nothing under `key` (the item
    /// under another wording, or in its tables).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<Key>,
}

/// A document as the relations across documents see it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    /// The document's source, as given.
    pub source: String,
    /// Its department, as recognised.
    pub department: Option<String>,
    /// Its year.
    pub year: Option<i32>,
    /// 决算, 部门预算 or 单位预算.
    pub kind: DocumentKind,
    /// The figures a neighbour may quote.
    pub published: Vec<(Key, Term)>,
    /// For each rule of the catalogue (same order), what the document states of a neighbour.
    pub statements: Vec<Vec<Statement>>,
    /// In a compacted digest, the files its places name (each place names its file as `#i`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<std::sync::Arc<str>>,
}

impl Digest {
    /// The digest of a document under the rules given.
    pub fn of(doc: &Document, rules: &[&dyn AcrossRule]) -> Digest {
        let mut published = Vec::new();
        if doc.kind == DocumentKind::FinalAccount {
            account_figures(doc, &mut published);
        } else {
            budget_figures(doc, &mut published);
            super::budget_changes::narrative_figures(doc, &mut published);
            budget_concepts(doc, &mut published);
        }
        Digest {
            source: doc.source.clone(),
            department: doc.department.clone(),
            year: doc.year,
            kind: doc.kind,
            published,
            statements: rules.iter().map(|r| r.statements(doc)).collect(),
            files: Vec::new(),
        }
    }

    /// The digest as it is kept aside: each file its places name written once (a place names
    /// its file as `#i`, an index into `files`), a third of its size.
    pub fn compact(&self) -> Digest {
        let mut d = self.clone();
        let mut files: Vec<std::sync::Arc<str>> = Vec::new();
        for term in d.terms_mut() {
            if let Some(Place::Text(loc)) = &mut term.place {
                let i = files
                    .iter()
                    .position(|f| *f == loc.file)
                    .unwrap_or_else(|| {
                        files.push(loc.file.clone());
                        files.len() - 1
                    });
                loc.file = format!("#{i}").into();
            }
        }
        d.files = files;
        d
    }

    /// A compacted digest with its places naming their files again.
    pub fn expanded(mut self) -> Digest {
        let files = std::mem::take(&mut self.files);
        for term in self.terms_mut() {
            if let Some(Place::Text(loc)) = &mut term.place {
                let i = loc
                    .file
                    .strip_prefix('#')
                    .and_then(|i| i.parse::<usize>().ok());
                if let Some(f) = i.and_then(|i| files.get(i)) {
                    loc.file = f.clone();
                }
            }
        }
        self
    }

    fn terms_mut(&mut self) -> impl Iterator<Item = &mut Term> {
        let published = self.published.iter_mut().map(|(_, t)| t);
        let stated = self.statements.iter_mut().flatten().map(|s| &mut s.stated);
        published.chain(stated)
    }

    /// The figure the document publishes for a statement: under its key, else its fallback.
    pub fn figure_for(&self, s: &Statement) -> Option<&Term> {
        self.figure(&s.key)
            .or_else(|| s.fallback.as_ref().and_then(|k| self.figure(k)))
    }

    /// The figure the document publishes under a key.
    pub fn figure(&self, key: &Key) -> Option<&Term> {
        self.published
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| t)
    }

    /// The document as a finding names it: its department, year and kind, else its source.
    pub fn name(&self, lang: Lang) -> String {
        match (&self.department, self.year, lang) {
            (Some(dep), Some(y), Lang::Zh) => format!("{dep} {y}年{}", self.kind.label(lang)),
            (Some(dep), Some(y), Lang::En) => format!("{dep} {y} {}", self.kind.label(lang)),
            _ => self.source.clone(),
        }
    }
}

/// A term kept apart from its document: its place resolved to file, sheet, cell and page, so
/// that it holds none of the document's page boxes.
pub fn detached(mut term: Term) -> Term {
    if let Some(p @ Place::Cell { .. }) = &term.place {
        term.place = Some(Place::Text(Box::new(p.location())));
    }
    term
}

/// Every item a final account's narrative may state a change or a prior figure of: the items
/// of the dictionary, and each 功能分类 class its tables print.
fn account_items(doc: &Document) -> Vec<Item> {
    let mut items = vec![
        Item::Income,
        Item::SuperiorGrantIncome,
        Item::BusinessIncome,
        Item::OperatingIncome,
        Item::SubsidiaryRemitIncome,
        Item::OtherIncome,
        Item::Opening,
        Item::Closing,
        Item::Expenditure,
        Item::GrandTotal,
        Item::Basic,
        Item::Project,
        Item::Personnel,
        Item::Public,
        Item::AgencyOperating,
        Item::ThreePublicTotal,
        Item::OverseasTravel,
        Item::Vehicles,
        Item::VehiclePurchase,
        Item::VehicleOperation,
        Item::Reception,
    ];
    let mut classes: Vec<&str> = doc
        .tables
        .iter()
        .flat_map(|t| t.rows.iter())
        .filter_map(|r| r.code.as_deref().filter(|c| c.len() == 3))
        .collect();
    classes.sort_unstable();
    classes.dedup();
    items.extend(
        classes
            .into_iter()
            .map(|c| Item::FunctionClass(c.to_string())),
    );
    items
}

fn account_figures(doc: &Document, out: &mut Vec<(Key, Term)>) {
    use crate::check::rules::narrative::table_term;
    for item in account_items(doc) {
        for scope in [Scope::All, Scope::Fiscal] {
            let c = Concept {
                scope,
                item: item.clone(),
            };
            if let Some((t, _)) = table_term(doc, &c) {
                out.push((Key::Account(c), detached(t)));
            }
        }
    }
}

/// A budget's table figures for the narrative's items, as next year's budget quotes them: after
/// what its own narrative states (first in `out`), the figure its tables print for each item
/// the narrative does not state.
fn budget_concepts(doc: &Document, out: &mut Vec<(Key, Term)>) {
    use crate::check::rules::narrative::budget_tables_term;
    for item in account_items(doc) {
        for scope in [Scope::All, Scope::Fiscal] {
            let c = Concept {
                scope,
                item: item.clone(),
            };
            let key = Key::BudgetConcept(c.clone());
            let general = Key::BudgetGeneral(c.clone());
            let key = (!out.iter().any(|(k, _)| *k == key)).then_some(key);
            let keys = key.map(|k| (k, "")).into_iter();
            for (key, subject) in keys.chain([(general, "一般公共预算")]) {
                // A figure that is a sum of cells (江苏's 人员经费 = 301 + 303) is not quoted.
                let Some(printed) = budget_tables_term(doc, &c, subject) else {
                    continue;
                };
                if let [term] = &printed.terms[..] {
                    if term.figure.is_some() {
                        out.push((key, detached(term.clone())));
                    }
                }
            }
        }
    }
}

pub(crate) use crate::check::rules::narrative::three_public_line;

/// The columns of a budget table that hold this year's figures, as a later budget's 上年预算数
/// column quotes them.
pub const THIS_YEAR: [ColKey; 3] = [ColKey::Total, ColKey::Amount, ColKey::Budget];

fn budget_figures(doc: &Document, out: &mut Vec<(Key, Term)>) {
    for t in doc.tables.iter().filter(|t| t.kind.is_budget()) {
        let Some(col) = THIS_YEAR.iter().find_map(|k| t.col(*k)) else {
            continue;
        };
        // A “三公” table that adds 会议费 and 培训费 (江苏) prints the “三公” total as a subtotal;
        // one that does not prints it as its 合计. Either is quoted as the subtotal.
        let alias =
            t.kind == TableKind::BudgetThreePublic && t.line(Line::ThreePublicSubtotal).is_none();
        for row in &t.rows {
            let Some(key) = row_key(row) else { continue };
            let term = Term::cell(t, row, col);
            if term.figure.is_none() {
                continue;
            }
            let term = detached(term);
            if alias && key == RowKey::Line(Line::Total) {
                let subtotal = RowKey::Line(Line::ThreePublicSubtotal);
                out.push((Key::Budget(t.kind, subtotal), term.clone()));
            }
            out.push((Key::Budget(t.kind, key), term));
        }
    }
}

/// How a row is named across documents; a row of neither a code nor a known line is not.
pub fn row_key(row: &crate::model::Row) -> Option<RowKey> {
    match (&row.code, row.line) {
        (Some(code), _) => Some(RowKey::Code(code.clone())),
        (None, Some(line)) => Some(RowKey::Line(line)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_neighbour_is_named_in_the_findings_language() {
        let d = Digest {
            source: "x/局-2023.xlsx".into(),
            department: Some("上海市静安区卫生健康委员会".into()),
            year: Some(2023),
            ..Digest::default()
        };
        assert_eq!(d.name(Lang::Zh), "上海市静安区卫生健康委员会 2023年决算");
        assert_eq!(
            d.name(Lang::En),
            "上海市静安区卫生健康委员会 2023 final account"
        );
        let unnamed = Digest {
            department: None,
            ..d
        };
        assert_eq!(unnamed.name(Lang::En), "x/局-2023.xlsx");
    }
}
