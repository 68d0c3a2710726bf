//! Where the tables print the figure a narrative concept speaks of.

use crate::check::{Place, Term};
use crate::model::narrative::{Concept, Item, Scope};
use crate::model::{CellRef, ColKey, Document, Line, Row, Side, Table, TableKind};

/// The table figure of a concept: the first of the places the standard tables print it, else
/// the first place they leave blank (a blank is no figure, and the narrative's figure beside it
/// has no counterpart).
pub fn table_term<'d>(doc: &'d Document, c: &Concept) -> Option<(Term, &'d Table)> {
    let places: Vec<(Term, &Table)> = Sources::of(doc).places(c).into_iter().flatten().collect();
    let printed = places.iter().position(|(t, _)| t.figure.is_some());
    let placed = places.iter().position(|(t, _)| t.place.is_some());
    let at = printed.or(placed)?;
    places.into_iter().nth(at)
}

/// The table's 预算数 of a concept: the “三公” table prints a budget beside each of its items.
pub fn budget_term<'d>(doc: &'d Document, c: &Concept) -> Option<(Term, &'d Table)> {
    let t = doc.table(TableKind::ThreePublic)?;
    let line = three_public_line(&c.item)?;
    Some((cell_term(t, t.line(line)?, t.col(ColKey::Budget)?), t))
}

/// The line of a “三公” table that prints an item.
pub(crate) fn three_public_line(item: &Item) -> Option<Line> {
    Some(match item {
        Item::ThreePublicTotal => Line::Total,
        Item::OverseasTravel => Line::OverseasTravel,
        Item::Vehicles => Line::Vehicles,
        Item::VehiclePurchase => Line::VehiclePurchase,
        Item::VehicleOperation => Line::VehicleOperation,
        Item::Reception => Line::Reception,
        _ => return None,
    })
}

/// The term of a table cell; a blank cell, which recognition keeps no cell for, is placed where
/// its column stands in the other rows.
pub(super) fn cell_term(t: &Table, row: &Row, col: usize) -> Term {
    let mut term = Term::cell(t, row, col);
    if term.place.is_none() {
        let column = t.rows.iter().find_map(|r| r.cell(col)).map(|c| c.at.col);
        term.place = column.map(|c| Place::Cell {
            file: t.file.clone(),
            sheet: t.sheet.clone(),
            at: CellRef::new(row.at.row, c),
            pages: t.places.clone(),
        });
    }
    term
}

/// The standard tables (and statement halves) that print the items a narrative speaks of.
struct Sources<'d> {
    /// 收入支出决算总表, its income and expenditure halves.
    ies_in: Option<&'d Table>,
    ies_out: Option<&'d Table>,
    /// 财政拨款收入支出决算总表, its two halves.
    fs_in: Option<&'d Table>,
    fs_out: Option<&'d Table>,
    income: Option<&'d Table>,
    spent: Option<&'d Table>,
    /// 一般公共预算财政拨款支出决算表 and its 基本支出 table.
    gbe: Option<&'d Table>,
    basic: Option<&'d Table>,
    three: Option<&'d Table>,
}

impl<'d> Sources<'d> {
    fn of(doc: &'d Document) -> Sources<'d> {
        Sources {
            ies_in: doc.half(TableKind::IncomeExpenditureSummary, Side::Income),
            ies_out: doc.half(TableKind::IncomeExpenditureSummary, Side::Expenditure),
            fs_in: doc.half(TableKind::FiscalSummary, Side::Income),
            fs_out: doc.half(TableKind::FiscalSummary, Side::Expenditure),
            income: doc.table(TableKind::IncomeTable),
            spent: doc.table(TableKind::ExpenditureTable),
            gbe: doc.table(TableKind::GeneralBudgetExpenditure),
            basic: doc.table(TableKind::GeneralBudgetBasicExpenditure),
            three: doc.table(TableKind::ThreePublic),
        }
    }

    /// Where the tables print a concept, in the order they are tried.
    fn places(&self, c: &Concept) -> Vec<Option<(Term, &'d Table)>> {
        use Item as I;
        use Scope::{All, Fiscal};
        let s = self;
        match (&c.item, c.scope) {
            (I::Income, All) => vec![
                line(s.ies_in, Line::IncomeTotal),
                total(s.income, ColKey::Total),
            ],
            (I::Income, Fiscal) => vec![
                line(s.fs_in, Line::IncomeTotal),
                line(s.ies_in, Line::FiscalIncome),
                total(s.income, ColKey::FiscalGrant),
            ],
            (I::SuperiorGrantIncome, All) => vec![
                line(s.ies_in, Line::SuperiorGrantIncome),
                total(s.income, ColKey::SuperiorGrant),
            ],
            (I::BusinessIncome, All) => vec![
                line(s.ies_in, Line::BusinessIncome),
                total(s.income, ColKey::BusinessIncome),
            ],
            (I::OperatingIncome, All) => vec![
                line(s.ies_in, Line::OperatingIncome),
                total(s.income, ColKey::OperatingIncome),
            ],
            (I::SubsidiaryRemitIncome, All) => vec![
                line(s.ies_in, Line::SubsidiaryRemitIncome),
                total(s.income, ColKey::SubsidiaryRemit),
            ],
            (I::OtherIncome, All) => vec![
                line(s.ies_in, Line::OtherIncome),
                total(s.income, ColKey::OtherIncome),
            ],
            (I::Opening, All) => vec![line(s.ies_in, Line::Opening)],
            (I::Opening, Fiscal) => vec![line(s.fs_in, Line::Opening)],
            (I::Closing, All) => vec![line(s.ies_out, Line::Closing)],
            (I::Closing, Fiscal) => vec![line(s.fs_out, Line::Closing)],
            (I::Expenditure, All) => vec![
                line(s.ies_out, Line::ExpenditureTotal),
                total(s.spent, ColKey::Total),
            ],
            (I::Expenditure, Fiscal) => vec![
                line(s.fs_out, Line::ExpenditureTotal),
                total(s.gbe, ColKey::Total),
            ],
            (I::GrandTotal, All) => vec![line(s.ies_in, Line::IncomeGrandTotal)],
            (I::GrandTotal, Fiscal) => vec![line(s.fs_in, Line::IncomeGrandTotal)],
            _ => self.spending_places(c),
        }
    }

    /// Where the tables print an expenditure item: 基本/项目支出, 人员/公用经费, a 功能分类 class
    /// or a named 款/项, the “三公” items.
    fn spending_places(&self, c: &Concept) -> Vec<Option<(Term, &'d Table)>> {
        use Item as I;
        use Scope::{All, Fiscal};
        let s = self;
        match (&c.item, c.scope) {
            (I::Basic, All) => vec![total(s.spent, ColKey::Basic)],
            (I::Basic, Fiscal) => vec![total(s.gbe, ColKey::Basic)],
            (I::Project, All) => vec![total(s.spent, ColKey::Project)],
            (I::Project, Fiscal) => vec![total(s.gbe, ColKey::Project)],
            (I::Personnel, _) => vec![line(s.basic, Line::PersonnelTotal)],
            (I::Public, _) => vec![line(s.basic, Line::PublicTotal)],
            (I::FunctionClass(code), All) => vec![
                code_row(s.spent, code, ColKey::Total),
                class_line(s.ies_out, code),
            ],
            (I::FunctionClass(code), Fiscal) => vec![
                code_row(s.gbe, code, ColKey::Total),
                class_line(s.fs_out, code),
            ],
            (I::Subject(name), All) => vec![named_row(s.spent, name, ColKey::Total)],
            (I::Subject(name), Fiscal) => vec![named_row(s.gbe, name, ColKey::Total)],
            (I::ThreePublicTotal, _) => vec![final_of(s.three, Line::Total)],
            (I::OverseasTravel, _) => vec![final_of(s.three, Line::OverseasTravel)],
            (I::Vehicles, _) => vec![final_of(s.three, Line::Vehicles)],
            (I::VehiclePurchase, _) => vec![final_of(s.three, Line::VehiclePurchase)],
            (I::VehicleOperation, _) => vec![final_of(s.three, Line::VehicleOperation)],
            (I::Reception, _) => vec![final_of(s.three, Line::Reception)],
            _ => Vec::new(),
        }
    }
}

fn line(t: Option<&Table>, l: Line) -> Option<(Term, &Table)> {
    let t = t?;
    let col = t
        .col(ColKey::Total)
        .or_else(|| t.col(ColKey::Amount))
        .or_else(|| (!t.columns.is_empty()).then_some(0))?;
    Some((cell_term(t, t.line(l)?, col), t))
}

fn total(t: Option<&Table>, key: ColKey) -> Option<(Term, &Table)> {
    let t = t?;
    Some((cell_term(t, t.total_row()?, t.col(key)?), t))
}

fn code_row<'t>(t: Option<&'t Table>, code: &str, key: ColKey) -> Option<(Term, &'t Table)> {
    let t = t?;
    Some((cell_term(t, t.row_by_code(code)?, t.col(key)?), t))
}

fn class_line<'t>(t: Option<&'t Table>, code: &str) -> Option<(Term, &'t Table)> {
    let t = t?;
    let row = t
        .rows
        .iter()
        .find(|r| r.line == Some(Line::FunctionClass) && r.code.as_deref() == Some(code))?;
    let col = t.col(ColKey::Total).or_else(|| t.col(ColKey::Amount))?;
    Some((cell_term(t, row, col), t))
}

/// A coded row whose name is exactly the label; the shortest code when several share it
/// (款 “其他社会保障和就业支出” and its 项 of the same name hold the same figure).
fn named_row<'t>(t: Option<&'t Table>, name: &str, key: ColKey) -> Option<(Term, &'t Table)> {
    let t = t?;
    let row = t
        .rows
        .iter()
        .filter(|r| {
            r.code.is_some()
                && crate::model::names::label(&r.name) == crate::model::names::label(name)
        })
        .min_by_key(|r| r.code.as_ref().map_or(0, String::len))?;
    Some((cell_term(t, row, t.col(key)?), t))
}

fn final_of(t: Option<&Table>, l: Line) -> Option<(Term, &Table)> {
    let t = t?;
    Some((cell_term(t, t.line(l)?, t.col(ColKey::Final)?), t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let path = "samples/qiaocheng-hrss-2016/谯城区人社局-2016-决算公开表.xlsx";
        crate::load::load(std::path::Path::new(path))
            .unwrap()
            .document
    }

    /// The figure and table kind the tables give for a concept.
    fn printed(doc: &Document, scope: Scope, item: Item) -> Option<(String, TableKind)> {
        let (t, table) = table_term(doc, &Concept { scope, item })?;
        Some((t.figure?.display(), table.kind))
    }

    #[test]
    fn each_concept_is_found_where_the_standard_tables_print_it() {
        let doc = sample();
        let found = |scope, item| printed(&doc, scope, item);
        assert_eq!(
            found(Scope::All, Item::Income),
            Some(("3997.99".into(), TableKind::IncomeExpenditureSummary))
        );
        assert_eq!(
            found(Scope::Fiscal, Item::Income),
            Some(("3966.63".into(), TableKind::FiscalSummary))
        );
        assert_eq!(
            found(Scope::Fiscal, Item::Basic),
            Some(("700.64".into(), TableKind::GeneralBudgetExpenditure))
        );
        assert_eq!(
            found(Scope::All, Item::FunctionClass("208".into())).map(|(_, k)| k),
            Some(TableKind::ExpenditureTable)
        );
        // 机关运行经费 has no place in the standard tables.
        assert_eq!(found(Scope::All, Item::AgencyOperating), None);
    }
}
