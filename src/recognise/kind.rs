//! Which standard table a title names.

use crate::model::TableKind;

use super::text::label;

/// Title fragments, most specific first: "财政拨款收入支出决算总表" must be tried before
/// "收入支出决算总表", "基本支出" before the plain 一般公共预算 table.
const TITLES: &[(&str, TableKind)] = &[
    ("三公", TableKind::ThreePublic),
    ("基本支出决算", TableKind::GeneralBudgetBasicExpenditure),
    (
        "政府性基金预算财政拨款收入支出决算",
        TableKind::GovernmentFund,
    ),
    ("政府性基金预算财政拨款支出决算", TableKind::GovernmentFund),
    (
        "国有资本经营预算财政拨款收入支出决算",
        TableKind::StateCapital,
    ),
    ("国有资本经营预算财政拨款支出决算", TableKind::StateCapital),
    (
        "一般公共预算财政拨款收入支出决算",
        TableKind::GeneralBudgetExpenditure,
    ),
    (
        "一般公共预算财政拨款支出决算",
        TableKind::GeneralBudgetExpenditure,
    ),
    ("财政拨款收入支出决算总", TableKind::FiscalSummary),
    ("财政拨款收入支出决算", TableKind::FiscalSummary),
    ("收入支出决算总", TableKind::IncomeExpenditureSummary),
    ("收入支出决算", TableKind::IncomeExpenditureSummary),
    ("收入决算", TableKind::IncomeTable),
    ("支出决算", TableKind::ExpenditureTable),
];

/// The kind a title names, if it is the title of a 决算 table: it must read as one
/// (…决算表 / …决算公开表 / …决算总表) and not as a sentence that merely mentions one.
pub fn from_title(text: &str) -> Option<TableKind> {
    // Most cells are not titles: a cheap look before any normalising.
    if !text.contains('决') || !text.contains('表') || text.chars().count() > 80 {
        return None;
    }
    let t = label(text).replace("公开", "");
    if t.chars().count() > 45 || !(t.contains("决算表") || t.contains("决算总表")) {
        return None;
    }
    if t.contains('。') || t.contains("说明") || t.contains('，') {
        return None;
    }
    TITLES
        .iter()
        .find(|(frag, _)| t.contains(frag))
        .map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_of_both_editions() {
        use TableKind::*;
        assert_eq!(
            from_title("收入支出决算总表"),
            Some(IncomeExpenditureSummary)
        );
        assert_eq!(
            from_title("表1 收入支出决算公开表"),
            Some(IncomeExpenditureSummary)
        );
        assert_eq!(from_title("收入决算表"), Some(IncomeTable));
        assert_eq!(from_title("支出决算表"), Some(ExpenditureTable));
        assert_eq!(from_title("财政拨款收入支出决算总表"), Some(FiscalSummary));
        assert_eq!(
            from_title("一般公共预算财政拨款支出决算表"),
            Some(GeneralBudgetExpenditure)
        );
        assert_eq!(
            from_title("一般公共预算财政拨款基本支出决算表"),
            Some(GeneralBudgetBasicExpenditure)
        );
        assert_eq!(
            from_title("一般公共预算财政拨款“三公”经费支出决算表"),
            Some(ThreePublic)
        );
        assert_eq!(
            from_title("财政拨款“三公”经费支出决算表"),
            Some(ThreePublic)
        );
        assert_eq!(
            from_title("政府性基金预算财政拨款收入支出决算表"),
            Some(GovernmentFund)
        );
        assert_eq!(
            from_title("国有资本经营预算财政拨款收入支出决算表"),
            Some(StateCapital)
        );
        assert_eq!(from_title("七、财政拨款“三公”经费支出决算情况说明"), None);
        assert_eq!(from_title("本年收入合计"), None);
    }
}
