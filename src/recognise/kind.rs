//! Which standard table a title names: a 决算 table (…决算表) or a budget table (…预算表).

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

/// Budget titles, most specific first, for both families: 上海 (2025年部门财务收支预算总表,
/// …一般公共预算支出功能分类预算表) and 江苏 (收支预算总表, 财政拨款支出预算表（功能科目）).
/// The “三公” table of 江苏 is titled …一般公共预算“三公”经费… and its 机关运行经费 table
/// 一般公共预算机关运行经费…, so both come before the 一般公共预算 tables; the fund tables are
/// named 财政拨款政府性基金… as often as 政府性基金预算财政拨款…, so they come before 财政拨款.
const BUDGET_TITLES: &[(&str, TableKind)] = &[
    ("三公", TableKind::BudgetThreePublic),
    ("机关运行经费", TableKind::BudgetOperatingCost),
    ("政府采购", TableKind::BudgetProcurement),
    ("政府性基金", TableKind::BudgetGovernmentFund),
    ("国有资本经营", TableKind::BudgetStateCapital),
    ("财政拨款收支", TableKind::BudgetFiscalSummary),
    ("一般公共预算基本支出", TableKind::BudgetBasic),
    ("财政拨款基本支出", TableKind::BudgetFiscalBasic),
    ("一般公共预算支出", TableKind::BudgetGeneralExpenditure),
    ("财政拨款支出预算", TableKind::BudgetFiscalExpenditure),
    ("收支预算总", TableKind::BudgetSummary),
    ("收入支出预算总", TableKind::BudgetSummary),
    ("收入预算", TableKind::BudgetIncome),
    ("支出预算总", TableKind::BudgetExpenditure),
    // The national template names them without 预算: 收支总表, 收入总表, 支出总表.
    ("收支总表", TableKind::BudgetSummary),
    ("收入总表", TableKind::BudgetIncome),
    ("支出总表", TableKind::BudgetExpenditure),
];

/// The kind a title names, if it is the title of a 决算 table (…决算表 / …决算公开表 /
/// …决算总表) or of a budget table (…预算表 / …预算总表), and not a sentence that merely
/// mentions one.
pub fn from_title(text: &str) -> Option<TableKind> {
    // Most cells are not titles: a cheap look before any normalising.
    if !text.contains('表') || !text.contains(['算', '总', '支']) || text.chars().count() > 80 {
        return None;
    }
    let t = label(text).replace("公开", "");
    // `label` folds the full-width comma to ','.
    if t.chars().count() > 45 || t.contains(['。', '，', ',']) || t.contains("说明") {
        return None;
    }
    let titles = if t.contains("决算表") || t.contains("决算总表") {
        TITLES
    } else if !t.contains('决') && is_budget_title(&t) {
        BUDGET_TITLES
    } else {
        return None;
    };
    titles
        .iter()
        .find(|(frag, _)| t.contains(frag))
        .map(|(_, k)| *k)
}

/// A budget table's title: …预算表 / …预算总表 (上海, 江苏), or, in the national template,
/// a title that ends in 总表 or 支出表 (部门收支总表, 一般公共预算支出表).
fn is_budget_title(t: &str) -> bool {
    t.contains("预算表") || t.contains("预算总表") || t.ends_with("总表") || t.ends_with("支出表")
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

    #[test]
    fn budget_titles_of_both_families() {
        use TableKind::*;
        let cases = [
            ("2025年部门财务收支预算总表", BudgetSummary),
            ("2025年预算单位收入预算总表", BudgetIncome),
            ("2025年部门支出预算总表", BudgetExpenditure),
            ("4．2025年部门财政拨款收支预算总表", BudgetFiscalSummary),
            (
                "2025年部门一般公共预算支出功能分类预算表",
                BudgetGeneralExpenditure,
            ),
            (
                "2025年部门政府性基金预算支出功能分类预算表",
                BudgetGovernmentFund,
            ),
            (
                "2025年部门国有资本经营预算支出功能分类预算表",
                BudgetStateCapital,
            ),
            (
                "2025年部门一般公共预算基本支出部门预算经济分类预算表",
                BudgetBasic,
            ),
            (
                "2025年部门“三公”经费和机关运行经费预算表",
                BudgetThreePublic,
            ),
            ("收支预算总表", BudgetSummary),
            ("财政拨款支出预算表（功能科目）", BudgetFiscalExpenditure),
            ("财政拨款基本支出预算表（经济科目）", BudgetFiscalBasic),
            (
                "一般公共预算支出预算表（功能科目）",
                BudgetGeneralExpenditure,
            ),
            ("一般公共预算基本支出预算表（经济科目）", BudgetBasic),
            (
                "九、一般公共预算“三公”经费、会议费、培训费支出预算表",
                BudgetThreePublic,
            ),
            ("财政拨款政府性基金支出预算表", BudgetGovernmentFund),
            ("一般公共预算机关运行经费支出预算表", BudgetOperatingCost),
            ("2019年政府采购预算表", BudgetProcurement),
            // The national template's names.
            ("部门收支总表", BudgetSummary),
            ("部门收入总表", BudgetIncome),
            ("部门支出总表", BudgetExpenditure),
            ("财政拨款收支总表", BudgetFiscalSummary),
            ("一般公共预算支出表", BudgetGeneralExpenditure),
            ("一般公共预算基本支出表", BudgetBasic),
            ("一般公共预算“三公”经费支出表", BudgetThreePublic),
            ("政府性基金预算支出表", BudgetGovernmentFund),
            ("国有资本经营预算支出表", BudgetStateCapital),
        ];
        for (title, kind) in cases {
            assert_eq!(from_title(title), Some(kind), "{title}");
        }
        // A heading of the budget's parts and a narrative heading are no table's title.
        assert_eq!(from_title("第二部分 2018年度部门预算表"), None);
        assert_eq!(from_title("一、2025年“三公”经费预算情况说明"), None);
        assert_eq!(
            from_title("款支出安排数与《财政拨款收支预算总表》的财政拨款数一致，"),
            None
        );
        // The 决算 tables keep their own kinds although their names hold 预算.
        assert_eq!(
            from_title("一般公共预算财政拨款支出决算表"),
            Some(GeneralBudgetExpenditure)
        );
    }
}
