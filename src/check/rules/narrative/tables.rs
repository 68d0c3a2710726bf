//! Narrative figures against the tables of the same document (N201), through the concept map
//! of where the tables print each item.

use crate::check::{rule, Context, Relation, Rule};
use crate::model::narrative::{Claim, Measure};

use super::concept_map::table_term;
use super::findings::{Statement, Wording};
use super::{claims, term};

rule! {
    /// Each figure of the narrative that the concept dictionary ties to a table (本年收入合计,
    /// 财政拨款收入, 其他收入, 年初/年末结转和结余, 本年支出合计, 基本/项目支出 of all funds or of the
    /// appropriations, 人员经费, 公用经费, each 功能分类 class, the 款/项 named in a breakdown,
    /// the “三公” items) equals the table's figure, rounding-aware across units. Checked only when
    /// text and tables are read as one document (same folder and name, or given together).
    NarrativeVsTables = "N201", "narrative-vs-tables", Error;
}

impl Rule for NarrativeVsTables {
    fn check(&self, cx: &mut Context) {
        let doc = cx.doc;
        if doc.tables.is_empty() {
            return;
        }
        for (n, claim) in claims(doc) {
            let Claim::Amount { mention } = claim else {
                continue;
            };
            let Some(c) = &mention.concept else { continue };
            if !matches!(mention.quantity.measure, Measure::Money(_)) {
                continue;
            }
            let Some((t, table)) = table_term(doc, c) else {
                continue;
            };
            let what = Statement::SameAsTable {
                subject: crate::model::names::prose_label(&mention.subject),
                table: table.title.clone(),
                table_en: table.kind.title_en(),
            };
            let r = Relation::equal(Self::META.code, what.message(), term(n, mention), t);
            cx.relation(Some(table), r);
        }
    }
}
