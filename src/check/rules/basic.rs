//! E — the 一般公共预算财政拨款基本支出决算表: 经济分类 classes against their 款, and the
//! 人员经费 and 公用经费 totals against their classes.

use crate::check::{rule, Context, Message, Relation, Rule, Term};
use crate::model::{classification, Line, Row, Table, TableKind};

rule! {
    /// In 一般公共预算财政拨款基本支出决算表, each 经济分类 class (301 工资福利支出, 302 商品和服务支出,
    /// 303 对个人和家庭的补助, 310 资本性支出 …) equals the sum of its 款 (5-digit) rows.
    ClassIsSumOfItems = "E301", "economic-class-is-sum-of-items", Error;
}

rule! {
    /// In 一般公共预算财政拨款基本支出决算表: 人员经费合计 = the 人员经费 classes (301 + 303);
    /// 公用经费合计 = the 公用经费 classes (302, 310 and the rest); and where a 合计 is printed,
    /// 合计 = 人员经费合计 + 公用经费合计. A class that is not printed counts as the sum of its items.
    PersonnelAndPublicTotals = "E302", "personnel-and-public-totals", Error;
}

fn basic_tables<'d>(cx: &Context<'d>) -> Vec<&'d Table> {
    cx.tables(TableKind::GeneralBudgetBasicExpenditure)
        .collect()
}

fn items<'t>(t: &'t Table, class: &'t str) -> impl Iterator<Item = &'t Row> + 't {
    t.rows.iter().filter(move |r| {
        r.code
            .as_deref()
            .is_some_and(|c| c.len() == 5 && c.starts_with(class))
    })
}

impl Rule for ClassIsSumOfItems {
    fn check(&self, cx: &mut Context) {
        for t in basic_tables(cx) {
            for class in t.rows.iter().filter(|r| r.level() == Some(1)) {
                let code = class.code.as_deref().unwrap_or("");
                let parts: Vec<Term> = items(t, code).map(|r| Term::cell(t, r, 0)).collect();
                if parts.is_empty() {
                    continue;
                }
                let what = Message::new("经济分类 类 = Σ 款", "economic class = sum of its items");
                cx.relation(
                    Some(t),
                    Relation::sum(Self::META.code, what, Term::cell(t, class, 0), parts),
                );
            }
        }
    }
}

impl Rule for PersonnelAndPublicTotals {
    fn check(&self, cx: &mut Context) {
        for t in basic_tables(cx) {
            // Each class, printed or (when only its items are) as the sum of its items.
            let mut classes: Vec<String> = t
                .rows
                .iter()
                .filter_map(|r| r.code.as_deref())
                .filter(|c| c.len() >= 3)
                .map(|c| c[..3].to_string())
                .collect();
            classes.dedup();
            let mut seen: Vec<String> = Vec::new();
            let (mut personnel, mut public) = (Vec::new(), Vec::new());
            for class in classes {
                if seen.contains(&class) {
                    continue;
                }
                seen.push(class.clone());
                let terms: Vec<Term> = match t.row_by_code(&class) {
                    Some(row) => vec![Term::cell(t, row, 0)],
                    None => items(t, &class).map(|r| Term::cell(t, r, 0)).collect(),
                };
                if classification::is_personnel_class(&class) {
                    personnel.extend(terms);
                } else {
                    public.extend(terms);
                }
            }
            for (line, parts, zh, en) in [
                (
                    Line::PersonnelTotal,
                    personnel,
                    "人员经费合计 = 301 + 303",
                    "personnel total = 301 + 303",
                ),
                (
                    Line::PublicTotal,
                    public,
                    "公用经费合计 = Σ 公用经费各类",
                    "public-expense total = sum of its classes",
                ),
            ] {
                if let Some(row) = t.line(line) {
                    let what = Message::new(zh, en);
                    cx.relation(
                        Some(t),
                        Relation::sum(Self::META.code, what, Term::cell(t, row, 0), parts),
                    );
                }
            }
            if let (Some(total), Some(p), Some(q)) = (
                t.line(Line::Total),
                t.line(Line::PersonnelTotal),
                t.line(Line::PublicTotal),
            ) {
                let what = Message::new(
                    "合计 = 人员经费合计 + 公用经费合计",
                    "total = personnel + public expenses",
                );
                let parts = vec![Term::cell(t, p, 0), Term::cell(t, q, 0)];
                cx.relation(
                    Some(t),
                    Relation::sum(Self::META.code, what, Term::cell(t, total, 0), parts),
                );
            }
        }
    }
}
