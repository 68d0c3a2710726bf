//! M605 — an account of what could not be checked: a standard table with figures whose columns
//! or lines the relations need were not recognised. The relations that would have read them are
//! silently absent otherwise, and a document would look clean that was never checked.

use crate::check::{rule, Context, Finding, Message, Rule};
use crate::model::{ColKey, Line, Side, Table, TableKind};

rule! {
    /// A standard table that prints figures lacks a column or a line its relations read (a
    /// header gouji did not recognise, a half of a 总表 read as something else): the relations
    /// named in the finding were not checked. Its severity is a warning, so that a document
    /// whose expected relations went unchecked is never given a clean verdict.
    RelationsNotChecked = "M605", "relations-not-checked", Warning;
}

/// What a standard table must show for its relations to be checked, and the rules that read it.
struct Needs {
    kind: TableKind,
    side: Option<Side>,
    columns: &'static [ColKey],
    lines: &'static [Line],
    rules: &'static str,
}

/// The columns of a fund table (政府性基金, 国有资本经营预算) each row's balance reads (本年支出
/// split into 基本支出 | 项目支出 is not printed in every year's template, so not required).
const FUND_COLUMNS: &[ColKey] = &[
    ColKey::Opening,
    ColKey::CurrentIncome,
    ColKey::CurrentExpenditure,
    ColKey::Closing,
];

/// The columns and lines each standard table's relations read.
const NEEDS: &[Needs] = &[
    Needs {
        kind: TableKind::IncomeExpenditureSummary,
        side: Some(Side::Income),
        columns: &[],
        lines: &[Line::IncomeTotal, Line::IncomeGrandTotal],
        rules: "B201 B203 B205 L501",
    },
    Needs {
        kind: TableKind::IncomeExpenditureSummary,
        side: Some(Side::Expenditure),
        columns: &[],
        lines: &[Line::ExpenditureTotal, Line::ExpenditureGrandTotal],
        rules: "B202 B204 B205 L502",
    },
    Needs {
        kind: TableKind::FiscalSummary,
        side: Some(Side::Income),
        columns: &[],
        lines: &[Line::IncomeTotal, Line::IncomeGrandTotal],
        rules: "B201 B203 B205 L504",
    },
    Needs {
        kind: TableKind::FiscalSummary,
        side: Some(Side::Expenditure),
        columns: &[ColKey::Total, ColKey::GeneralBudget],
        lines: &[Line::ExpenditureTotal, Line::ExpenditureGrandTotal],
        rules: "T101 B202 B204 B205 L503",
    },
    Needs {
        kind: TableKind::IncomeTable,
        side: None,
        columns: &[ColKey::Total],
        lines: &[],
        rules: "T101 T102 L501",
    },
    Needs {
        kind: TableKind::ExpenditureTable,
        side: None,
        columns: &[ColKey::Total, ColKey::Basic, ColKey::Project],
        lines: &[],
        rules: "T101 T102 L502",
    },
    Needs {
        kind: TableKind::GeneralBudgetExpenditure,
        side: None,
        columns: &[ColKey::Total, ColKey::Basic, ColKey::Project],
        lines: &[],
        rules: "T101 T102 L503 L505",
    },
    Needs {
        kind: TableKind::GeneralBudgetBasicExpenditure,
        side: None,
        columns: &[],
        lines: &[Line::PersonnelTotal, Line::PublicTotal],
        rules: "E302 L505",
    },
    Needs {
        kind: TableKind::GovernmentFund,
        side: None,
        columns: FUND_COLUMNS,
        lines: &[],
        rules: "B207 L503",
    },
    Needs {
        kind: TableKind::StateCapital,
        side: None,
        columns: FUND_COLUMNS,
        lines: &[],
        rules: "B207 L503",
    },
    Needs {
        kind: TableKind::ThreePublic,
        side: None,
        columns: &[ColKey::Budget, ColKey::Final],
        lines: &[Line::Total],
        rules: "S401 S402",
    },
    Needs {
        kind: TableKind::BudgetExpenditure,
        side: None,
        columns: &[ColKey::Total, ColKey::Basic, ColKey::Project],
        lines: &[],
        rules: "Y703 Y707 T102",
    },
    Needs {
        kind: TableKind::BudgetThreePublic,
        side: None,
        columns: &[ColKey::Budget],
        lines: &[Line::Total],
        rules: "Y705",
    },
];

/// The headers and lines a table lacks of those its relations read.
fn missing(t: &Table, needs: &Needs) -> Vec<&'static str> {
    let columns = needs.columns.iter().filter(|&&k| t.col(k).is_none());
    let lines = needs.lines.iter().filter(|&&l| t.line(l).is_none());
    columns
        .map(|k| k.label())
        .chain(lines.map(|l| line_label(*l)))
        .collect()
}

/// A line as the template prints it.
fn line_label(l: Line) -> &'static str {
    match l {
        Line::IncomeTotal => "本年收入合计",
        Line::IncomeGrandTotal => "收入总计",
        Line::ExpenditureTotal => "本年支出合计",
        Line::ExpenditureGrandTotal => "支出总计",
        Line::PersonnelTotal => "人员经费合计",
        Line::PublicTotal => "公用经费合计",
        _ => "合计",
    }
}

impl Rule for RelationsNotChecked {
    fn check(&self, cx: &mut Context) {
        lone_halves(cx);
        for needs in NEEDS {
            for t in cx.tables(needs.kind).filter(|t| t.side == needs.side) {
                let lacking = missing(t, needs);
                if lacking.is_empty() || !t.has_figures() {
                    continue;
                }
                let what = lacking.join("、");
                cx.report(Finding::table_warning(
                    Self::META.code,
                    t,
                    Message::new(
                        format!(
                            "“{}”中未识别出“{what}”，以下关系未能核对：{}",
                            t.title, needs.rules
                        ),
                        format!(
                            "the {} has no recognised '{what}': these relations were not checked: {}",
                            t.kind.title_en(),
                            needs.rules
                        ),
                    ),
                ));
            }
        }
    }
}

/// A 总表 of which one half was found and not the other (its 支出 half stacked under its 收入
/// half and read as more income lines): the balance identities and links of the missing half
/// were not checked.
fn lone_halves(cx: &mut Context) {
    for (kind, rule) in [
        (TableKind::IncomeExpenditureSummary, "B205"),
        (TableKind::FiscalSummary, "B205"),
        (TableKind::BudgetSummary, "Y701"),
        (TableKind::BudgetFiscalSummary, "Y701"),
    ] {
        let half = |side| cx.doc.half(kind, side);
        let (found, lost) = match (half(Side::Income), half(Side::Expenditure)) {
            (Some(t), None) => (t, "支出"),
            (None, Some(t)) => (t, "收入"),
            _ => continue,
        };
        if !found.has_figures() {
            continue;
        }
        let lost_en = if lost == "支出" {
            "expenditure"
        } else {
            "income"
        };
        cx.report(Finding::table_warning(
            RelationsNotChecked::META.code,
            found,
            Message::new(
                format!("“{}”只识别出一半，未找到其{lost}部分，两半之间的平衡关系（{rule} 等）未能核对", found.title),
                format!("only one half of the {} was found, not its {lost_en} half: the balance between the halves ({rule} …) was not checked", kind.title_en()),
            ),
        ));
    }
}
