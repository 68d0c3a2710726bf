//! The rules, one file per family:
//! T — sums inside a table (rows, code hierarchy); B — balance identities;
//! E — the 基本支出 table; S — “三公” 经费; L — links between tables; Y — budgets (部门预算 /
//! 单位预算, in budget/); N — the narrative, alone and against the tables; M — completeness; X — input that could
//! not be read as a figure, or printed finer than its table.

mod balance;
mod basic;
mod budget;
pub mod completeness;
mod hierarchy;
pub mod input;
mod links;
pub mod narrative;
mod precision;
mod row_totals;
mod three_public;
pub(crate) mod unchecked;

use crate::model::{ColKey, Line, Row, Table};

use super::{Rule, Term};

pub fn all() -> Vec<&'static dyn Rule> {
    vec![
        &row_totals::RowTotals,
        &hierarchy::TotalIsSumOfClasses,
        &hierarchy::ClassIsSumOfSections,
        &hierarchy::SectionIsSumOfItems,
        &balance::IncomeLines,
        &balance::ExpenditureLines,
        &balance::IncomeGrandTotal,
        &balance::ExpenditureGrandTotal,
        &balance::GrandTotalsBalance,
        &balance::BalanceBreakdown,
        &balance::FundRowBalance,
        &basic::ClassIsSumOfItems,
        &basic::PersonnelAndPublicTotals,
        &three_public::ThreePublicTotal,
        &three_public::VehicleCosts,
        &links::SummaryIncomeVsIncomeTable,
        &links::SummaryExpenditureVsExpenditureTable,
        &links::FiscalSummaryVsFundTables,
        &links::FiscalIncomeAgrees,
        &links::BasicVsBasicTable,
        &budget::TotalsBalance,
        &budget::HalvesAddUp,
        &budget::BudgetRowTotals,
        &budget::EconomicClasses,
        &budget::BudgetThreePublicTotal,
        &budget::ThreePublicWithMeetings,
        &budget::BudgetLinks,
        &budget::ProcurementTotal,
        &budget::NoteOfAnotherTable,
        &budget::AgencyOperatingVsPublic,
        &narrative::BreakdownSum,
        &narrative::ShareOfBase,
        &narrative::ChangeRate,
        &narrative::BudgetExecution,
        &narrative::Restatement,
        &narrative::NarrativeBalance,
        &narrative::ListingCount,
        &narrative::TemplateLeftover,
        &narrative::AgencyOperatingWithinPublic,
        &narrative::Typography,
        &narrative::YearsFitTheReport,
        &narrative::ChangeStatesBothYears,
        &narrative::ChangeStatedTwice,
        &narrative::tables::NarrativeVsTables,
        &narrative::BudgetItemVsTable,
        &completeness::MissingTable,
        &completeness::EmptyTable,
        &completeness::UnrecognisedTable,
        &completeness::UnitNotStated,
        &unchecked::RelationsNotChecked,
        &input::UnreadableFigure,
        &precision::FinerThanTable,
    ]
}

/// The term of a row in the column holding `key`, if the table has that column.
fn term(t: &Table, row: &Row, key: ColKey) -> Option<Term> {
    t.col(key).map(|c| Term::cell(t, row, c))
}

/// The term of a line in a statement table, in its column `col`.
fn line_term(t: &Table, line: Line, col: usize) -> Option<Term> {
    t.line(line).map(|r| Term::cell(t, r, col))
}

/// The amount columns of a statement half: the one 决算数 column, or each column of a
/// multi-column half (合计 | 一般公共预算 | 政府性基金 | 国有资本经营).
fn amount_cols(t: &Table) -> Vec<usize> {
    (0..t.columns.len())
        .filter(|&c| t.columns[c].key.is_some())
        .collect()
}

/// The column that carries a half's total: 合计 when present, else its one amount column.
fn total_col(t: &Table) -> Option<usize> {
    t.col(ColKey::Total)
        .or_else(|| t.col(ColKey::Amount))
        .or_else(|| amount_cols(t).first().copied())
}
