//! Where a budget's tables print the figure a narrative concept speaks of: the budget side of the
//! concept map ([`super::concept_map`] reads the 决算 tables).
//!
//! The places are data: for each concept, the tables tried in order. A budget prints its own
//! figure for an item (its 预算数), so the “三公” items are read from the 预算数 column and a
//! 财政拨款 figure from the 财政拨款 tables; a label that names the 一般公共预算 (一般公共预算拨款支出
//! 预算) is read from the 一般公共预算 tables, which leave the 政府性基金 out.

use crate::check::Term;
use crate::model::narrative::{Concept, Item, Scope};
use crate::model::{names, ColKey, Document, Line, Row, Side, Table, TableKind};

use super::super::budget::economic_split;
use super::concept_map::cell_term;

/// Where a budget table prints a figure.
#[derive(Clone, Copy, Debug)]
enum Source {
    /// The 合计 row of a table, in the first of these columns the table has.
    Total(TableKind, &'static [ColKey]),
    /// A line of one half of a 总表, in its amount column.
    Half(TableKind, Side, Line),
    /// A line of the “三公” table, in its 预算数 column.
    ThreePublic(Line),
    /// The row of the concept's 功能分类 class (its code), in the table's total column.
    Class(TableKind),
    /// The class line of a 总表 half (支出 by 功能分类).
    ClassLine(TableKind, Side),
    /// The coded row whose name is the concept's label (a 款 or 项 named in the prose).
    Named(TableKind),
    /// The 合计 row's column that a label outside the dictionary names ([`NAMED_COLUMNS`]).
    Column(TableKind),
    /// The 人员经费 (301, 303) or 公用经费 (302, 310 …) of the 经济分类 table: its 合计 row's
    /// 人员经费/公用经费 column where printed (上海), else the sum of those class rows (江苏).
    Economic { personnel: bool },
}

use ColKey as K;
use Source as S;
use TableKind as T;

/// The budget columns the prose names by their header (江苏: “单位预留机动经费128.43万元”): read in
/// the 支出预算总表's 合计 row.
const NAMED_COLUMNS: [(&str, ColKey); 3] = [
    ("单位预留机动经费", K::Reserve),
    ("结转下年资金", K::CarriedOut),
    ("结转下年", K::CarriedOut),
];

/// 合计, or the one amount column of a table printed without one (江苏).
const AMOUNT: &[ColKey] = &[K::Total, K::Amount];

/// The places of a concept, in the order they are tried; `general` when the label names the
/// 一般公共预算 rather than all the 财政拨款.
fn sources(c: &Concept, general: bool) -> Vec<Source> {
    use Item as I;
    use Scope::{All, Fiscal};
    match (&c.item, c.scope, general) {
        (I::Income, All, _) => vec![S::Total(T::BudgetIncome, &[K::Total])],
        (I::Income, Fiscal, true) => vec![
            S::Half(
                T::BudgetFiscalSummary,
                Side::Income,
                Line::GeneralBudgetIncome,
            ),
            S::Half(T::BudgetSummary, Side::Income, Line::GeneralBudgetIncome),
        ],
        (I::Income, Fiscal, false) => vec![
            S::Total(T::BudgetIncome, &[K::FiscalGrant]),
            S::Half(T::BudgetSummary, Side::Income, Line::FiscalIncome),
        ],
        (I::BusinessIncome, All, _) => vec![S::Total(T::BudgetIncome, &[K::BusinessIncome])],
        (I::OperatingIncome, All, _) => vec![S::Total(T::BudgetIncome, &[K::OperatingIncome])],
        (I::OtherIncome, All, _) => vec![S::Total(T::BudgetIncome, &[K::OtherIncome])],
        (I::GrandTotal, All, _) => vec![S::Half(
            T::BudgetSummary,
            Side::Income,
            Line::IncomeGrandTotal,
        )],
        (I::GrandTotal, Fiscal, _) => vec![S::Half(
            T::BudgetFiscalSummary,
            Side::Income,
            Line::IncomeGrandTotal,
        )],
        (I::Expenditure, All, _) => vec![S::Total(T::BudgetExpenditure, &[K::Total])],
        (I::Expenditure, Fiscal, true) => {
            vec![S::Total(T::BudgetGeneralExpenditure, AMOUNT)]
        }
        (I::Expenditure, Fiscal, false) => vec![
            S::Total(T::BudgetFiscalExpenditure, AMOUNT),
            S::Half(
                T::BudgetFiscalSummary,
                Side::Expenditure,
                Line::ExpenditureGrandTotal,
            ),
        ],
        _ => spending_sources(c, general),
    }
}

/// The places of an expenditure item: 基本/项目支出, 人员/公用经费, 机关运行经费, a 功能分类 class
/// or a named 款/项, the “三公” items.
fn spending_sources(c: &Concept, general: bool) -> Vec<Source> {
    use Item as I;
    use Scope::{All, Fiscal};
    match (&c.item, c.scope) {
        (I::Basic, All) => vec![S::Total(T::BudgetExpenditure, &[K::Basic])],
        (I::Project, All) => vec![S::Total(T::BudgetExpenditure, &[K::Project])],
        // 基本支出 is paid from the 一般公共预算 (the funds pay for projects), so the 经济分类
        // table's 合计 stands for the 财政拨款 基本支出 where no 财政拨款 table prints it.
        (I::Basic, Fiscal) if general => vec![
            S::Total(T::BudgetGeneralExpenditure, &[K::Basic]),
            S::Total(T::BudgetBasic, AMOUNT),
        ],
        (I::Basic, Fiscal) => vec![
            S::Total(T::BudgetFiscalBasic, AMOUNT),
            S::Total(T::BudgetGeneralExpenditure, &[K::Basic]),
            S::Total(T::BudgetBasic, AMOUNT),
        ],
        (I::Project, Fiscal) if general => {
            vec![S::Total(T::BudgetGeneralExpenditure, &[K::Project])]
        }
        (I::Personnel, _) => vec![S::Economic { personnel: true }],
        (I::Public, _) => vec![S::Economic { personnel: false }],
        (I::AgencyOperating, _) => vec![
            S::ThreePublic(Line::AgencyOperating),
            S::Total(T::BudgetOperatingCost, AMOUNT),
        ],
        (I::FunctionClass(_), All) => vec![
            S::Class(T::BudgetExpenditure),
            S::ClassLine(T::BudgetSummary, Side::Expenditure),
        ],
        (I::FunctionClass(_), Fiscal) if general => vec![S::Class(T::BudgetGeneralExpenditure)],
        (I::FunctionClass(_), Fiscal) => vec![
            S::Class(T::BudgetFiscalExpenditure),
            S::ClassLine(T::BudgetFiscalSummary, Side::Expenditure),
        ],
        (I::Subject(_), All) => vec![
            S::Column(T::BudgetExpenditure),
            S::Named(T::BudgetExpenditure),
        ],
        (I::Subject(_), Fiscal) => vec![S::Named(T::BudgetGeneralExpenditure)],
        // 江苏 adds 会议费 and 培训费 below a “三公” 小计; 上海's 合计 is the “三公” alone.
        (I::ThreePublicTotal, _) => vec![
            S::ThreePublic(Line::ThreePublicSubtotal),
            S::ThreePublic(Line::Total),
        ],
        (I::OverseasTravel, _) => vec![S::ThreePublic(Line::OverseasTravel)],
        (I::Vehicles, _) => vec![S::ThreePublic(Line::Vehicles)],
        (I::VehiclePurchase, _) => vec![S::ThreePublic(Line::VehiclePurchase)],
        (I::VehicleOperation, _) => vec![S::ThreePublic(Line::VehicleOperation)],
        (I::Reception, _) => vec![S::ThreePublic(Line::Reception)],
        _ => Vec::new(),
    }
}

/// Where a budget's tables print a figure: the cells that add up to it (one, or the 经济分类
/// classes of 人员/公用经费) and their table.
#[derive(Debug)]
pub struct Printed<'d> {
    /// The cells whose sum is the figure.
    pub terms: Vec<Term>,
    /// The table they are printed in.
    pub table: &'d Table,
}

impl Printed<'_> {
    fn has_figure(&self) -> bool {
        self.terms.iter().any(|t| t.figure.is_some())
    }
}

/// The budget tables' figure for a concept the label `subject` names: the first place the
/// tables print it, else the first place they leave blank.
pub fn budget_tables_term<'d>(
    doc: &'d Document,
    c: &Concept,
    subject: &str,
) -> Option<Printed<'d>> {
    let general = names::prose_label(subject).contains("一般公共预算");
    let places: Vec<Printed> = sources(c, general)
        .into_iter()
        .filter_map(|s| place(doc, c, s))
        .collect();
    let at = places
        .iter()
        .position(Printed::has_figure)
        .unwrap_or_default();
    places.into_iter().nth(at)
}

/// The cells of one source, if the document prints its table, row and column.
fn place<'d>(doc: &'d Document, c: &Concept, s: Source) -> Option<Printed<'d>> {
    let one = |t: &'d Table, row: &Row, col: usize| Printed {
        terms: vec![cell_term(t, row, col)],
        table: t,
    };
    match s {
        S::Total(kind, keys) => {
            let t = doc.table(kind)?;
            let col = keys.iter().find_map(|k| t.col(*k))?;
            Some(one(t, budget_total_row(t)?, col))
        }
        S::Half(kind, side, line) => {
            let t = doc.half(kind, side)?;
            Some(one(t, t.line(line)?, amount_col(t)?))
        }
        S::ThreePublic(line) => {
            let t = doc.table(T::BudgetThreePublic)?;
            Some(one(t, t.line(line)?, t.col(K::Budget)?))
        }
        S::Class(kind) => {
            let Item::FunctionClass(code) = &c.item else {
                return None;
            };
            let t = doc.table(kind)?;
            let col = AMOUNT.iter().find_map(|k| t.col(*k))?;
            Some(one(t, t.row_by_code(code)?, col))
        }
        S::ClassLine(kind, side) => {
            let Item::FunctionClass(code) = &c.item else {
                return None;
            };
            let t = doc.half(kind, side)?;
            let row = t
                .rows
                .iter()
                .find(|r| r.line == Some(Line::FunctionClass) && r.code.as_deref() == Some(code))?;
            Some(one(t, row, amount_col(t)?))
        }
        S::Column(kind) => {
            let Item::Subject(name) = &c.item else {
                return None;
            };
            let label = names::label(name);
            let (_, key) = NAMED_COLUMNS.iter().find(|(n, _)| label == *n)?;
            let t = doc.table(kind)?;
            Some(one(t, budget_total_row(t)?, t.col(*key)?))
        }
        S::Named(kind) => {
            let Item::Subject(name) = &c.item else {
                return None;
            };
            let t = doc.table(kind)?;
            let col = AMOUNT.iter().find_map(|k| t.col(*k))?;
            let row = t
                .rows
                .iter()
                .filter(|r| r.code.is_some() && names::label(&r.name) == names::label(name))
                .min_by_key(|r| r.code.as_ref().map_or(0, String::len))?;
            Some(one(t, row, col))
        }
        S::Economic { personnel } => {
            let (terms, table) = economic_split(doc, personnel)?;
            Some(Printed { terms, table })
        }
    }
}

/// A budget table's 合计 row: the one recognised as such, else an uncoded row printed without a
/// label or as 合计/总计 (江苏 prints its 支出预算总表's 合计 above the classes, its label cell
/// blank).
pub(crate) fn budget_total_row(t: &Table) -> Option<&Row> {
    t.line(Line::Total).or_else(|| {
        t.rows.iter().find(|r| {
            let l = names::label(&r.name);
            r.code.is_none() && (l.is_empty() || l == "合计" || l == "总计")
        })
    })
}

/// The amount column of a 总表 half: 合计 where printed, else its one amount column.
fn amount_col(t: &Table) -> Option<usize> {
    t.col(K::Total)
        .or_else(|| t.col(K::Amount))
        .or_else(|| t.col(K::Budget))
        .or_else(|| (0..t.columns.len()).find(|&c| t.columns[c].key.is_some()))
}
