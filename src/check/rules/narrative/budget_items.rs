//! N202 — a budget's list of what the appropriations pay for (上海: “1.“一般公共服务支出（类）商贸
//! 事务（款）行政运行（项）”938.99万元，主要用于…”): each headline against the row of the 功能分类
//! tables it names.

use crate::check::{rule, Context, Relation, Rule, Severity, Term};
use crate::model::narrative::{Claim, Measure};
use crate::model::{names, ColKey, Document, Row, Table, TableKind};

use super::findings::{Statement, Wording};
use super::{claims, printed_as_rounded, term};

rule! {
    /// In a budget, each item of the list of what the 财政拨款 pay for that names its 类, 款 and
    /// 项 (“一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元) equals that row's 合计 in the
    /// 一般公共预算支出功能分类 table (with the same row of the 政府性基金 and 国有资本经营 tables
    /// where they print it), rounding-aware across units: 9,389,913 元 is 938.99万元, and a
    /// headline whose rounding interval misses the row's figure is an error. A headline whose
    /// 类/款/项 the tables do not print is not checked.
    BudgetItemVsTable = "N202", "budget-item-vs-table", Error;
}

/// The tables whose 功能分类 rows add up to the 财政拨款 a headline speaks of; the first names
/// the row in messages.
const FUND_TABLES: [TableKind; 3] = [
    TableKind::BudgetGeneralExpenditure,
    TableKind::BudgetGovernmentFund,
    TableKind::BudgetStateCapital,
];

impl Rule for BudgetItemVsTable {
    fn check(&self, cx: &mut Context) {
        let doc = cx.doc;
        if !doc.kind.is_budget() {
            return;
        }
        for (n, claim) in claims(doc) {
            let Claim::Amount { mention } = claim else {
                continue;
            };
            if !matches!(mention.quantity.measure, Measure::Money(_)) {
                continue;
            }
            let Some(path) = headline_path(&mention.subject) else {
                continue;
            };
            let rows = fund_rows(doc, &path);
            let Some((first, _)) = rows.first() else {
                continue;
            };
            let what = Statement::SameAsTable {
                subject: names::prose_label(&mention.subject),
                table: first.title.clone(),
                table_en: first.kind.title_en(),
            };
            let table = *first;
            let parts = rows.into_iter().map(|(_, cell)| cell);
            let r = Relation::sum(Self::META.code, what.message(), term(n, mention), parts);
            let Some(mut e) = r.evaluate() else { continue };
            if e.outcome == crate::check::Outcome::Rounding && printed_as_rounded(&r) {
                e.outcome = crate::check::Outcome::Exact;
            }
            cx.relation_evaluated(Some(table), r, e, Severity::Error);
        }
    }
}

/// The 类, 款 and 项 a headline names, in that order (at least the 类 and its 款), when the
/// label is nothing but them, in either of the 上海 wordings: “1.“卫生健康支出（类）行政事业单位
/// 医疗（款)行政单位医疗（项）”” or “9.“卫生健康支出-行政事业单位医疗-行政单位医疗”科目”.
fn headline_path(subject: &str) -> Option<Vec<String>> {
    let l = names::label(subject);
    if let Some(dashed) = l.strip_suffix("科目") {
        let path: Vec<String> = dashed.split('-').map(str::to_string).collect();
        let named = (2..=3).contains(&path.len()) && path.iter().all(|p| !p.is_empty());
        return named.then_some(path);
    }
    let mut rest = l.as_str();
    let mut path = Vec::new();
    for mark in ["(类)", "(款)", "(项)"] {
        let Some(i) = rest.find(mark) else { break };
        path.push(rest[..i].to_string());
        rest = &rest[i + mark.len()..];
    }
    let named = path.len() >= 2 && rest.is_empty() && path.iter().all(|p| !p.is_empty());
    named.then_some(path)
}

/// The cell of the row a path names in each fund table that prints it.
fn fund_rows<'d>(doc: &'d Document, path: &[String]) -> Vec<(&'d Table, Term)> {
    FUND_TABLES
        .iter()
        .filter_map(|k| doc.table(*k))
        .filter_map(|t| {
            let row = row_of(t, path)?;
            let col = t.col(ColKey::Total).or_else(|| t.col(ColKey::Amount))?;
            Some((t, Term::cell(t, row, col)))
        })
        .collect()
}

/// The row of the deepest level a path names, each level found among the rows under the one
/// above it (款 “其他商业服务业等支出” and its 项 of the same name are told apart by depth).
fn row_of<'t>(t: &'t Table, path: &[String]) -> Option<&'t Row> {
    let mut found: Option<&Row> = None;
    for (depth, name) in path.iter().enumerate() {
        let parent = found.and_then(|r| r.code.as_deref()).unwrap_or("");
        found = Some(t.rows.iter().find(|r| {
            r.level() == Some(depth + 1)
                && r.code.as_deref().is_some_and(|c| c.starts_with(parent))
                && names::label(&r.name) == *name
        })?);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_names_its_class_section_and_item() {
        assert_eq!(
            headline_path("1.“一般公共服务支出（类）商贸事务（款）行政运行（项）”"),
            Some(vec![
                "一般公共服务支出".to_string(),
                "商贸事务".into(),
                "行政运行".into()
            ])
        );
        // The PDF mixes full- and half-width brackets.
        assert_eq!(
            headline_path("11.“卫生健康支出（类）行政事业单位医疗（款)行政单位医疗（项）”")
                .map(|p| p.len()),
            Some(3)
        );
        // A label that only mentions a class, or says more after the 项, is not a headline.
        assert_eq!(headline_path("一般公共服务支出（类）"), None);
        assert_eq!(headline_path("行政运行（项）支出"), None);
        assert_eq!(headline_path("机关运行经费"), None);
        assert_eq!(
            headline_path("9.“卫生健康支出-行政事业单位医疗-行政单位医疗”科目"),
            Some(vec![
                "卫生健康支出".to_string(),
                "行政事业单位医疗".into(),
                "行政单位医疗".into()
            ])
        );
        assert_eq!(headline_path("政府经济分类科目"), None);
    }
}
