//! Y — the budget (部门预算 / 单位预算) catalogue: each half of a budget 总表 adds up and the
//! two balance, row totals, the 经济分类 classes, the “三公” table, the links between budget
//! tables, the 政府采购 total, the note under an empty table and 机关运行经费 against the 公用经费
//! of the 经济分类 table. The 功能分类 hierarchy (T102–T104) applies to budget tables as it is.

mod agency;
mod economic;
mod links;
mod notes;
mod procurement;
mod rows;
mod summary;
mod three_public;

use crate::model::{names::label_cow, Row, Table};

pub use agency::AgencyOperatingVsPublic;
pub(crate) use economic::economic_split;
pub use economic::EconomicClasses;
pub use links::BudgetLinks;
pub use notes::NoteOfAnotherTable;
pub use procurement::ProcurementTotal;
pub use rows::BudgetRowTotals;
pub use summary::{HalvesAddUp, TotalsBalance};
pub use three_public::{BudgetThreePublicTotal, ThreePublicWithMeetings};

/// The budget tables of a document.
fn budget_tables<'d>(cx: &crate::check::Context<'d>) -> impl Iterator<Item = &'d Table> {
    cx.doc.tables.iter().filter(|t| t.kind.is_budget())
}

/// What a line of a budget 总表 (or of the 江苏 收入预算总表) stands for, told from its label:
/// the families number and name them differently (收入总计 / 收入合计, 当年收入小计).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// 收入总计 / 支出总计 / 收入合计 (when a 小计 is printed above it) / 合计
    GrandTotal,
    /// 当年收入小计 / 本年收入合计 / 本年支出合计
    CurrentTotal,
    /// 上年结转 (资金) / 结转下年 (资金)
    Carried,
    /// 一、… : an item of the half
    Item,
    /// 1. … : a sub-item of the item above it
    SubItem,
}

/// The kind of a budget line from its printed label (the ordinal is read before it is folded).
fn kind_of(row: &Row) -> Option<Kind> {
    let raw = row.name.trim();
    let l = label_cow(raw);
    if l.contains("总计") || l == "合计" {
        return Some(Kind::GrandTotal);
    }
    // 当年收入 without its 小计: the label wrapped onto a second line (江苏 2017).
    let current = ["本年收入合计", "本年支出合计", "当年收入", "当年支出"];
    if l.contains("小计") || current.iter().any(|w| l.starts_with(w)) {
        return Some(Kind::CurrentTotal);
    }
    if l.contains("收入合计") || l.contains("支出合计") {
        return Some(Kind::GrandTotal);
    }
    if l.contains("上年结转") || l.contains("结转下年") {
        return Some(Kind::Carried);
    }
    let mut chars = raw.chars();
    let first = chars.next()?;
    if "一二三四五六七八九十".contains(first) && raw.contains('、') {
        return Some(Kind::Item);
    }
    if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        return Some(Kind::SubItem);
    }
    None
}

/// The label of a row with its ordinal and quotes folded away, for messages.
fn name(row: &Row) -> String {
    label_cow(row.name.trim()).into_owned()
}
