//! What kind of disclosure a document is: a final account (决算) or a budget (预算), and for a
//! budget whether it is the department's (部门预算, the department with its units) or one unit's
//! (单位预算). Rules apply by kind, and every output names it.

use serde::{Deserialize, Serialize};

use super::message::Lang;

/// The kind of a disclosure.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 决算: what was received and spent in the year reported on. A document that says nothing
    /// of its kind is taken as one, as gouji always did.
    #[default]
    FinalAccount,
    /// 部门预算: the budget of a department with its units.
    DepartmentBudget,
    /// 单位预算: the budget of one unit.
    UnitBudget,
}

impl DocumentKind {
    /// Whether the document is a budget of either kind.
    pub fn is_budget(self) -> bool {
        self != DocumentKind::FinalAccount
    }

    /// The stable key outputs use (summary.csv, findings.ndjson).
    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::FinalAccount => "final_account",
            DocumentKind::DepartmentBudget => "department_budget",
            DocumentKind::UnitBudget => "unit_budget",
        }
    }

    /// The name a finance officer uses.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DocumentKind::FinalAccount, Lang::Zh) => "决算",
            (DocumentKind::DepartmentBudget, Lang::Zh) => "部门预算",
            (DocumentKind::UnitBudget, Lang::Zh) => "单位预算",
            (DocumentKind::FinalAccount, Lang::En) => "final account",
            (DocumentKind::DepartmentBudget, Lang::En) => "department budget",
            (DocumentKind::UnitBudget, Lang::En) => "unit budget",
        }
    }

    /// The kind a title or a file name says, if it says one. The names of the budgets a 决算
    /// reports against (一般公共预算, 政府性基金预算, 国有资本经营预算, 年初预算) are not a budget's
    /// title, so they are read past; a bare 预算 is taken as a department's budget.
    pub fn said_in(text: &str) -> Option<DocumentKind> {
        let mut t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        for fund in [
            "一般公共预算",
            "政府性基金预算",
            "国有资本经营预算",
            "社会保险基金预算",
            "年初预算",
            "调整预算",
            "预算数",
            "预算单位",
            "预算部门",
        ] {
            t = t.replace(fund, "");
        }
        let at = |word: &str| t.find(word);
        let budget = at("预算");
        let account = at("决算");
        match (account, budget) {
            (Some(a), Some(b)) if a < b => Some(DocumentKind::FinalAccount),
            (Some(_), None) => Some(DocumentKind::FinalAccount),
            (_, Some(_)) if t.contains("单位预算") && !t.contains("部门预算") => {
                Some(DocumentKind::UnitBudget)
            }
            (_, Some(_)) => Some(DocumentKind::DepartmentBudget),
            (None, None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DocumentKind::*;

    #[test]
    fn titles_and_file_names_say_their_kind() {
        assert_eq!(
            DocumentKind::said_in("上海市普陀区财政局2024年度部门决算"),
            Some(FinalAccount)
        );
        assert_eq!(
            DocumentKind::said_in("2025年普陀区商务委员会单位预算"),
            Some(UnitBudget)
        );
        assert_eq!(
            DocumentKind::said_in("普陀区商务委员会-2025-部门预算.pdf"),
            Some(DepartmentBudget)
        );
        assert_eq!(
            DocumentKind::said_in("江苏省人大办公厅-2019-预算表"),
            Some(DepartmentBudget)
        );
        assert_eq!(
            DocumentKind::said_in("财务收支预算总表"),
            Some(DepartmentBudget)
        );
        // The 决算 tables name the budgets they report against: still a final account.
        assert_eq!(
            DocumentKind::said_in("一般公共预算财政拨款支出决算表"),
            Some(FinalAccount)
        );
        assert_eq!(DocumentKind::said_in("一般公共预算财政拨款支出表"), None);
        assert_eq!(DocumentKind::said_in("收入支出总表"), None);
    }
}
