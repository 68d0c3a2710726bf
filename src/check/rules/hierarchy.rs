//! T102–T104 — the 功能分类 code hierarchy of a table: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in
//! every amount column.

use crate::check::{rule, Context, Message, Relation, Rule, Term};
use crate::model::{Line, Row, Table};

rule! {
    /// In every table of 功能分类 codes (收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表, the
    /// 政府性基金 and 国有资本经营 tables), the 合计 row equals the sum of the 类 (3-digit) rows, in
    /// every amount column. A 类 that is not printed counts as the sum of its 款 (or 项) rows.
    TotalIsSumOfClasses = "T102", "total-is-sum-of-classes", Error;
}

rule! {
    /// Each 类 row equals the sum of its 款 (5-digit) rows, in every amount column. A 款 that is
    /// not printed counts as the sum of its 项 rows. A 类 printed without any row under it is not checked.
    ClassIsSumOfSections = "T103", "class-is-sum-of-sections", Error;
}

rule! {
    /// Each 款 row equals the sum of its 项 (7-digit) rows, in every amount column.
    /// A 款 printed without any 项 under it is not checked.
    SectionIsSumOfItems = "T104", "section-is-sum-of-items", Error;
}

/// The rows of a coded table by depth, and the figure of a node printed or not.
struct Tree<'t> {
    rows: Vec<&'t Row>,
}

impl<'t> Tree<'t> {
    fn new(table: &'t Table) -> Tree<'t> {
        Tree {
            rows: table.rows.iter().filter(|r| r.level().is_some()).collect(),
        }
    }

    fn at(&self, level: usize) -> impl Iterator<Item = &'t Row> + '_ {
        self.rows
            .iter()
            .copied()
            .filter(move |r| r.level() == Some(level))
    }

    /// The printed children of `code` at `level`, or, where a child is not printed, its own
    /// children: the same rows in every column, so found once per parent.
    fn effective(&self, prefix: &str, level: usize) -> Vec<&'t Row> {
        let len = [0, 3, 5, 7][level];
        let mut codes: Vec<&str> = self
            .rows
            .iter()
            .filter_map(|r| r.code.as_deref())
            .filter(|c| c.len() >= len && c.starts_with(prefix) && c.len() > prefix.len())
            .map(|c| &c[..len])
            .collect();
        codes.dedup();
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for code in codes {
            if seen.contains(&code) {
                continue;
            }
            seen.push(code);
            match self.rows.iter().find(|r| r.code.as_deref() == Some(code)) {
                Some(row) => out.push(*row),
                None if level < 3 => out.extend(self.effective(code, level + 1)),
                None => {}
            }
        }
        out
    }
}

fn coded_tables<'d>(cx: &Context<'d>) -> Vec<&'d Table> {
    cx.doc
        .tables
        .iter()
        .filter(|t| t.kind.has_function_codes())
        .collect()
}

impl Rule for TotalIsSumOfClasses {
    fn check(&self, cx: &mut Context) {
        for t in coded_tables(cx) {
            let Some(total) = t.rows.iter().find(|r| r.line == Some(Line::Total)) else {
                continue;
            };
            let tree = Tree::new(t);
            if tree.rows.is_empty() {
                continue;
            }
            let classes = tree.effective("", 1);
            let what = std::sync::Arc::new(Message::new("合计 = Σ 类", "total = sum of classes"));
            for col in 0..t.columns.len() {
                let r = Relation::sum(
                    Self::META.code,
                    what.clone(),
                    Term::cell(t, total, col),
                    classes.iter().map(|r| Term::cell(t, r, col)),
                );
                cx.relation(Some(t), r);
            }
        }
    }
}

fn parent_is_sum(cx: &mut Context, code: &'static str, level: usize, what: Message) {
    let what = std::sync::Arc::new(what);
    for t in coded_tables(cx) {
        let tree = Tree::new(t);
        for parent in tree.at(level) {
            let Some(prefix) = parent.code.as_deref() else {
                continue;
            };
            let below: Vec<&Row> = tree
                .rows
                .iter()
                .copied()
                .filter(|r| {
                    r.code
                        .as_deref()
                        .is_some_and(|c| c.len() > prefix.len() && c.starts_with(prefix))
                })
                .collect();
            if below.is_empty() {
                continue;
            }
            let printed = |r: &Row, col: usize| r.cell(col).is_some_and(|c| c.figure.is_some());
            let mut children: Option<Vec<&Row>> = None;
            for col in 0..t.columns.len() {
                // A column blank for the parent and everything under it says nothing.
                if !printed(parent, col) && !below.iter().any(|r| printed(r, col)) {
                    continue;
                }
                let rows = children.get_or_insert_with(|| tree.effective(prefix, level + 1));
                if rows.is_empty() {
                    break;
                }
                let parts = rows.iter().map(|r| Term::cell(t, r, col));
                let r = Relation::sum(code, what.clone(), Term::cell(t, parent, col), parts);
                cx.relation(Some(t), r);
            }
        }
    }
}

impl Rule for ClassIsSumOfSections {
    fn check(&self, cx: &mut Context) {
        parent_is_sum(
            cx,
            Self::META.code,
            1,
            Message::new("类 = Σ 款", "class = sum of its sections"),
        );
    }
}

impl Rule for SectionIsSumOfItems {
    fn check(&self, cx: &mut Context) {
        parent_is_sum(
            cx,
            Self::META.code,
            2,
            Message::new("款 = Σ 项", "section = sum of its items"),
        );
    }
}
