//! Where the tables print the figure a narrative concept speaks of.

use crate::check::Term;
use crate::model::narrative::{Concept, Item, Scope};
use crate::model::{ColKey, Document, Line, Side, Table, TableKind};

/// The table figure of a concept: the first of the places the standard tables print it.
pub fn table_term<'d>(doc: &'d Document, c: &Concept) -> Option<(Term, &'d Table)> {
    use Item as I;
    use Scope::{All, Fiscal};
    let ies_in = doc.half(TableKind::IncomeExpenditureSummary, Side::Income);
    let ies_out = doc.half(TableKind::IncomeExpenditureSummary, Side::Expenditure);
    let fs_in = doc.half(TableKind::FiscalSummary, Side::Income);
    let fs_out = doc.half(TableKind::FiscalSummary, Side::Expenditure);
    let income = doc.table(TableKind::IncomeTable);
    let spent = doc.table(TableKind::ExpenditureTable);
    let gbe = doc.table(TableKind::GeneralBudgetExpenditure);
    let basic = doc.table(TableKind::GeneralBudgetBasicExpenditure);
    let three = doc.table(TableKind::ThreePublic);
    let candidates: Vec<Option<(Term, &Table)>> = match (&c.item, c.scope) {
        (I::Income, All) => vec![
            line(ies_in, Line::IncomeTotal),
            total(income, ColKey::Total),
        ],
        (I::Income, Fiscal) => vec![
            line(fs_in, Line::IncomeTotal),
            line(ies_in, Line::FiscalIncome),
            total(income, ColKey::FiscalGrant),
        ],
        (I::SuperiorGrantIncome, All) => vec![
            line(ies_in, Line::SuperiorGrantIncome),
            total(income, ColKey::SuperiorGrant),
        ],
        (I::BusinessIncome, All) => vec![
            line(ies_in, Line::BusinessIncome),
            total(income, ColKey::BusinessIncome),
        ],
        (I::OperatingIncome, All) => vec![
            line(ies_in, Line::OperatingIncome),
            total(income, ColKey::OperatingIncome),
        ],
        (I::SubsidiaryRemitIncome, All) => vec![
            line(ies_in, Line::SubsidiaryRemitIncome),
            total(income, ColKey::SubsidiaryRemit),
        ],
        (I::OtherIncome, All) => vec![
            line(ies_in, Line::OtherIncome),
            total(income, ColKey::OtherIncome),
        ],
        (I::Opening, All) => vec![line(ies_in, Line::Opening)],
        (I::Opening, Fiscal) => vec![line(fs_in, Line::Opening)],
        (I::Closing, All) => vec![line(ies_out, Line::Closing)],
        (I::Closing, Fiscal) => vec![line(fs_out, Line::Closing)],
        (I::Expenditure, All) => vec![
            line(ies_out, Line::ExpenditureTotal),
            total(spent, ColKey::Total),
        ],
        (I::Expenditure, Fiscal) => vec![
            line(fs_out, Line::ExpenditureTotal),
            total(gbe, ColKey::Total),
        ],
        (I::GrandTotal, All) => vec![line(ies_in, Line::IncomeGrandTotal)],
        (I::GrandTotal, Fiscal) => vec![line(fs_in, Line::IncomeGrandTotal)],
        (I::Basic, All) => vec![total(spent, ColKey::Basic)],
        (I::Basic, Fiscal) => vec![total(gbe, ColKey::Basic)],
        (I::Project, All) => vec![total(spent, ColKey::Project)],
        (I::Project, Fiscal) => vec![total(gbe, ColKey::Project)],
        (I::Personnel, _) => vec![line(basic, Line::PersonnelTotal)],
        (I::Public, _) => vec![line(basic, Line::PublicTotal)],
        (I::FunctionClass(code), All) => vec![
            code_row(spent, code, ColKey::Total),
            class_line(ies_out, code),
        ],
        (I::FunctionClass(code), Fiscal) => {
            vec![code_row(gbe, code, ColKey::Total), class_line(fs_out, code)]
        }
        (I::Subject(name), All) => vec![named_row(spent, name, ColKey::Total)],
        (I::Subject(name), Fiscal) => vec![named_row(gbe, name, ColKey::Total)],
        (I::ThreePublicTotal, _) => vec![final_of(three, Line::Total)],
        (I::OverseasTravel, _) => vec![final_of(three, Line::OverseasTravel)],
        (I::Vehicles, _) => vec![final_of(three, Line::Vehicles)],
        (I::VehiclePurchase, _) => vec![final_of(three, Line::VehiclePurchase)],
        (I::VehicleOperation, _) => vec![final_of(three, Line::VehicleOperation)],
        (I::Reception, _) => vec![final_of(three, Line::Reception)],
        _ => Vec::new(),
    };
    candidates
        .into_iter()
        .flatten()
        .find(|(t, _)| t.figure.is_some() || t.place.is_some())
}

fn line(t: Option<&Table>, l: Line) -> Option<(Term, &Table)> {
    let t = t?;
    let col = t
        .col(ColKey::Total)
        .or_else(|| t.col(ColKey::Amount))
        .or_else(|| (!t.columns.is_empty()).then_some(0))?;
    Some((Term::cell(t, t.line(l)?, col), t))
}

fn total(t: Option<&Table>, key: ColKey) -> Option<(Term, &Table)> {
    let t = t?;
    Some((Term::cell(t, t.total_row()?, t.col(key)?), t))
}

fn code_row<'t>(t: Option<&'t Table>, code: &str, key: ColKey) -> Option<(Term, &'t Table)> {
    let t = t?;
    Some((Term::cell(t, t.row_by_code(code)?, t.col(key)?), t))
}

fn class_line<'t>(t: Option<&'t Table>, code: &str) -> Option<(Term, &'t Table)> {
    let t = t?;
    let row = t
        .rows
        .iter()
        .find(|r| r.line == Some(Line::FunctionClass) && r.code.as_deref() == Some(code))?;
    let col = t.col(ColKey::Total).or_else(|| t.col(ColKey::Amount))?;
    Some((Term::cell(t, row, col), t))
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
                && crate::recognise::text::label(&r.name) == crate::recognise::text::label(name)
        })
        .min_by_key(|r| r.code.as_ref().map_or(0, String::len))?;
    Some((Term::cell(t, row, t.col(key)?), t))
}

fn final_of(t: Option<&Table>, l: Line) -> Option<(Term, &Table)> {
    let t = t?;
    Some((Term::cell(t, t.line(l)?, t.col(ColKey::Final)?), t))
}
