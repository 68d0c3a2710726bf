//! The concept dictionary: which standard item a label of the prose speaks of.
//!
//! Matching is by whole label (after the year, ordinals, “&” marks and “决算/为” are stripped and
//! the fund scope is taken off), never by substring: “一般公共预算当年财政拨款” is not 财政拨款收入,
//! and a label gouji does not know stays untied rather than guessed.

use crate::model::classification;
use crate::model::names::prose_label;
use crate::model::narrative::{Concept, Item, Scope};

/// The concept a label names, with the scope of its breakdown when it states none of its own.
pub fn concept(label: &str, inherited: Option<Scope>) -> Option<Concept> {
    let mut l = prose_label(label);
    let mut scope = None;
    for p in ["一般公共预算财政拨款", "一般公共预算", "财政拨款"] {
        if let Some(i) = l.find(p) {
            scope = Some(Scope::Fiscal);
            l.replace_range(i..i + p.len(), "");
            // “一般公共预算拨款支出预算”: the fund's 拨款 is its appropriations.
            if let Some(rest) = l.strip_prefix("拨款") {
                l = rest.to_string();
            }
            break;
        }
    }
    // “本年基本支出” is 基本支出: the year is the narrative's own.
    let this_year = l.strip_prefix("本年").filter(|r| !r.is_empty());
    let item = planned_item(&l)
        .or_else(|| this_year.and_then(planned_item))
        // “上海市普陀区财政局2024年度收入支出总计”: the year after the name goes too.
        .or_else(|| without_organisation(&l).and_then(|rest| planned_item(&prose_label(rest))))?;
    Some(Concept {
        scope: scope.or(inherited).unwrap_or(Scope::All),
        item,
    })
}

/// The item of a label, also as a budget words it (收入预算, 财政拨款预算支出, 本年支出预算合计,
/// 基本支出预算数): the budget's own figure for the item. A label about another year's budget or
/// its execution (上年预算, 预算执行数, 年初预算) names no item of this one.
fn planned_item(l: &str) -> Option<Item> {
    spent_item(l).or_else(|| {
        let other = ["上年", "执行", "年初", "调整"]
            .iter()
            .any(|w| l.contains(w));
        if other || !l.contains("预算") {
            return None;
        }
        spent_item(&l.replace("预算数", "").replace("预算", ""))
    })
}

/// The item of a label, also as the spending on a fee (因公出国（境）费支出, 公务接待费支出).
fn spent_item(l: &str) -> Option<Item> {
    item(l).or_else(|| {
        let fee = l.strip_suffix("支出").filter(|f| f.ends_with('费'))?;
        item(fee)
    })
}

/// “谯城区人社局机关运行经费” → “机关运行经费”: the label after the name of a body that spends.
fn without_organisation(l: &str) -> Option<&str> {
    [
        "局",
        "部门",
        "委员会",
        "委",
        "办公室",
        "厅",
        "办",
        "院",
        "中心",
        "本级",
        "单位",
        "部",
    ]
    .iter()
    // “…委员会财政拨款的机关运行经费预算”: the 的 after the name goes with it.
    .filter_map(|s| {
        l.rfind(s)
            .map(|i| l[i + s.len()..].trim_start_matches('的'))
    })
    .filter(|rest| !rest.is_empty())
    .min_by_key(|rest| rest.len())
}

fn item(l: &str) -> Option<Item> {
    let item = match l {
        "收入" | "本年收入" | "本年收入合计" | "收入合计" | "总收入" | "年度收入" => {
            Item::Income
        }
        "上级补助收入" => Item::SuperiorGrantIncome,
        "事业收入" => Item::BusinessIncome,
        "经营收入" => Item::OperatingIncome,
        "附属单位上缴收入" => Item::SubsidiaryRemitIncome,
        "其他收入" => Item::OtherIncome,
        "支出" | "本年支出" | "本年支出合计" | "支出合计" | "总支出" | "年度支出" => {
            Item::Expenditure
        }
        "收入总计"
        | "支出总计"
        | "收支总计"
        | "收、支出总计"
        | "收入支出总计"
        | "收支出总计"
        | "收入、支出总计" => Item::GrandTotal,
        "上年结转结余" | "上年结转和结余" | "年初结转和结余" | "年初结转结余" | "上年结转" => {
            Item::Opening
        }
        "年末结转结余" | "年末结转和结余" => Item::Closing,
        "基本支出" => Item::Basic,
        "项目支出" => Item::Project,
        "人员经费" | "人员支出" => Item::Personnel,
        "公用经费" | "公共经费" | "公用支出" | "日常公用经费" => Item::Public,
        "机关运行经费" => Item::AgencyOperating,
        "三公经费" | "三公经费支出" => Item::ThreePublicTotal,
        "因公出国(境)费" | "因公出国（境）费" | "因公出国(境)经费" | "因公出国（境）经费" => {
            Item::OverseasTravel
        }
        "公务用车购置及运行费" | "公务用车购置及运行维护费" => Item::Vehicles,
        "公务用车购置费" | "公务用车购置" => Item::VehiclePurchase,
        "公务用车运行费" | "公务用车运行维护费" => Item::VehicleOperation,
        "公务接待费" => Item::Reception,
        _ => {
            return classification::function_class_code(l)
                .map(|c| Item::FunctionClass(c.to_string()))
        }
    };
    Some(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(label: &str) -> Option<(Scope, Item)> {
        concept(label, None).map(|c| (c.scope, c.item))
    }

    #[test]
    fn labels_of_the_reference_narrative() {
        assert_eq!(c("2016年度收入"), Some((Scope::All, Item::Income)));
        assert_eq!(c("其中:财政拨款收入"), Some((Scope::Fiscal, Item::Income)));
        assert_eq!(
            c("年初财政拨款结转和结余"),
            Some((Scope::Fiscal, Item::Opening))
        );
        assert_eq!(
            c("2016年度财政拨款基本支出"),
            Some((Scope::Fiscal, Item::Basic))
        );
        assert_eq!(c("公共经费"), Some((Scope::All, Item::Public)));
        assert_eq!(
            c("&一般公共服务&2016年度决算"),
            Some((Scope::All, Item::FunctionClass("201".into())))
        );
        assert_eq!(
            c("卫生健康支出（类）"),
            Some((Scope::All, Item::FunctionClass("210".into())))
        );
        assert_eq!(
            c("2016年度谯城区人社局机关运行经费"),
            Some((Scope::All, Item::AgencyOperating))
        );
        assert_eq!(c("一般公共预算当年财政拨款"), None);
        assert_eq!(prose_label("&行政单位医疗&决算"), "行政单位医疗");
        assert_eq!(prose_label("(5)&住房保障支出&2016年度决算"), "住房保障支出");
        assert_eq!(prose_label("一般公共服务"), "一般公共服务");
        assert_eq!(c("本年基本支出"), Some((Scope::All, Item::Basic)));
        // The headline of the real 2024 财政局 决算 (普陀区), with its name and year before it.
        assert_eq!(
            c("上海市普陀区财政局2024年度收入支出总计"),
            Some((Scope::All, Item::GrandTotal))
        );
        assert_eq!(
            c("上海市普陀区财政局2024年度财政拨款收入支出总计"),
            Some((Scope::Fiscal, Item::GrandTotal))
        );
        assert_eq!(prose_label("年初预算为"), "年初预算");
    }

    #[test]
    fn labels_of_budgets() {
        assert_eq!(
            c("上海市普陀区商务委员会收入预算"),
            Some((Scope::All, Item::Income))
        );
        assert_eq!(
            c("财政拨款支出预算"),
            Some((Scope::Fiscal, Item::Expenditure))
        );
        assert_eq!(
            c("财政拨款预算支出"),
            Some((Scope::Fiscal, Item::Expenditure))
        );
        assert_eq!(
            c("一般公共预算拨款支出预算"),
            Some((Scope::Fiscal, Item::Expenditure))
        );
        assert_eq!(
            c("江苏省人大常委会办公厅本年支出预算合计"),
            Some((Scope::All, Item::Expenditure))
        );
        assert_eq!(c("基本支出预算数"), Some((Scope::All, Item::Basic)));
        assert_eq!(
            c("因公出国（境）费支出"),
            Some((Scope::All, Item::OverseasTravel))
        );
        assert_eq!(
            c("（2）公务用车运行维护费预算支出"),
            Some((Scope::All, Item::VehicleOperation))
        );
        assert_eq!(
            c("3．公务接待费预算支出"),
            Some((Scope::All, Item::Reception))
        );
        assert_eq!(c("项目经费支出"), None);
        // 上海's wording names the body and its 财政拨款 before a 的.
        assert_eq!(
            c("2025年上海市普陀区商务委员会财政拨款的机关运行经费预算为"),
            Some((Scope::Fiscal, Item::AgencyOperating))
        );
        // Another year's budget, or its execution, is not this budget's item.
        assert_eq!(c("上年预算收入"), None);
        assert_eq!(c("2024年预算执行数"), None);
        assert_eq!(c("年初预算"), None);
    }
}
