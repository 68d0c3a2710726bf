//! Y704 — the 经济分类 tables of a budget (一般公共预算基本支出, 财政拨款基本支出, 机关运行经费):
//! classes against their 款, 合计 against the classes, and the 人员经费 / 公用经费 split.

use crate::check::{rule, Context, Message, Relation, Rule, Term};
use crate::model::{classification, ColKey, Document, Line, Row, Table, TableKind};

rule! {
    /// In a budget's 经济分类 table (一般公共预算基本支出, 财政拨款基本支出, 机关运行经费), in every
    /// amount column: each class (301, 302, 303, 310 …) = Σ its 款 (5-digit) rows; 合计 = Σ classes
    /// (a class not printed counts as the sum of its 款); and where the table prints 人员经费 and
    /// 公用经费 columns, the 合计 row's 人员经费 = the 合计 of the 人员经费 classes (301 + 303) and
    /// its 公用经费 = the 合计 of the others (302, 310 …).
    EconomicClasses = "Y704", "budget-economic-classes", Error;
}

fn class_of(r: &Row) -> Option<&str> {
    r.code.as_deref().filter(|c| c.len() >= 3).map(|c| &c[..3])
}

/// The printed class rows, or where a class is not printed, its 款 rows.
fn classes(t: &Table) -> Vec<(String, Vec<&Row>)> {
    let mut out: Vec<(String, Vec<&Row>)> = Vec::new();
    for r in &t.rows {
        let Some(class) = class_of(r) else { continue };
        if out.iter().any(|(c, _)| c == class) {
            continue;
        }
        let rows = match t.row_by_code(class) {
            Some(row) => vec![row],
            None => t
                .rows
                .iter()
                .filter(|r| class_of(r) == Some(class))
                .collect(),
        };
        out.push((class.to_string(), rows));
    }
    out
}

impl Rule for EconomicClasses {
    fn check(&self, cx: &mut Context) {
        let tables: Vec<&Table> = cx
            .doc
            .tables
            .iter()
            .filter(|t| t.kind.is_budget() && t.kind.has_economic_codes())
            .collect();
        for t in tables {
            let classes = classes(t);
            let total = t.rows.iter().find(|r| r.line == Some(Line::Total));
            for col in 0..t.columns.len() {
                for class in t.rows.iter().filter(|r| r.level() == Some(1)) {
                    let code = class.code.as_deref().unwrap_or("");
                    let items: Vec<Term> = t
                        .rows
                        .iter()
                        .filter(|r| {
                            r.code
                                .as_deref()
                                .is_some_and(|c| c.len() == 5 && c.starts_with(code))
                        })
                        .map(|r| Term::cell(t, r, col))
                        .collect();
                    if items.is_empty() {
                        continue;
                    }
                    let what =
                        Message::new("经济分类 类 = Σ 款", "economic class = sum of its items");
                    let r = Relation::sum(Self::META.code, what, Term::cell(t, class, col), items);
                    cx.relation(Some(t), r);
                }
                if let (Some(total), false) = (total, classes.is_empty()) {
                    let parts = classes
                        .iter()
                        .flat_map(|(_, rows)| rows.iter().map(|r| Term::cell(t, r, col)));
                    let what = Message::new(
                        "合计 = Σ 经济分类 类",
                        "total = sum of the economic classes",
                    );
                    let r = Relation::sum(Self::META.code, what, Term::cell(t, total, col), parts);
                    cx.relation(Some(t), r);
                }
            }
            split(cx, t, &classes, total);
        }
    }
}

/// 人员经费 = 301 + 303 and 公用经费 = the rest, on the 合计 row of a table with both columns.
fn split(cx: &mut Context, t: &Table, classes: &[(String, Vec<&Row>)], total: Option<&Row>) {
    let (Some(total), Some(all), Some(pc), Some(uc)) = (
        total,
        t.col(ColKey::Total),
        t.col(ColKey::Personnel),
        t.col(ColKey::Public),
    ) else {
        return;
    };
    for (col, personnel, zh, en) in [
        (
            pc,
            true,
            "人员经费 = 301 + 303 各类合计",
            "personnel = classes 301 + 303",
        ),
        (
            uc,
            false,
            "公用经费 = 302、310 等各类合计",
            "public expenses = the other classes",
        ),
    ] {
        let parts = classes
            .iter()
            .filter(|(c, _)| classification::is_personnel_class(c) == personnel)
            .flat_map(|(_, rows)| rows.iter().map(|r| Term::cell(t, r, all)));
        let what = Message::new(zh, en);
        let r = Relation::sum(
            EconomicClasses::META.code,
            what,
            Term::cell(t, total, col),
            parts,
        );
        cx.relation(Some(t), r);
    }
}

/// 人员经费 (`personnel`) or 公用经费 of a budget's 一般公共预算基本支出 经济分类 table, as the cells
/// that add up to it: the 合计 row's 人员经费/公用经费 column where printed (上海), else the class
/// rows that make it (301 + 303, or 302 + 310 …, 江苏), in the table's amount column.
pub(crate) fn economic_split(doc: &Document, personnel: bool) -> Option<(Vec<Term>, &Table)> {
    let t = doc.table(TableKind::BudgetBasic)?;
    let key = if personnel {
        ColKey::Personnel
    } else {
        ColKey::Public
    };
    if let (Some(col), Some(total)) = (t.col(key), t.line(Line::Total)) {
        return Some((vec![Term::cell(t, total, col)], t));
    }
    let col = t.col(ColKey::Total).or_else(|| t.col(ColKey::Amount))?;
    let terms: Vec<Term> = t
        .rows
        .iter()
        .filter(|r| r.level() == Some(1))
        .filter(|r| {
            r.code
                .as_deref()
                .is_some_and(|c| classification::is_personnel_class(c) == personnel)
        })
        .map(|r| Term::cell(t, r, col))
        .collect();
    (!terms.is_empty()).then_some((terms, t))
}
