//! What a printed line label stands for, in statement-like tables.

use crate::model::{classification, Line, Side};

use super::text::label_cow;

/// Reads the lines of one half of a summary table in order. Fund names recur (一般公共预算财政拨款
/// is an income line and, under 年初结转和结余, an opening-balance line), so the reader keeps
/// track of which block it is in.
#[derive(Default)]
pub struct LineReader {
    in_opening: bool,
    in_closing: bool,
}

impl LineReader {
    /// The line a label names and, for a function class, its code.
    pub fn read(&mut self, side: Side, name: &str) -> (Option<Line>, Option<String>) {
        let l = label_cow(name);
        if l.is_empty() {
            return (None, None);
        }
        // A character search first: most lines have neither word.
        if l.contains('结') && l.contains("结转") {
            if l.contains("年初") {
                self.in_opening = true;
                return (Some(Line::Opening), None);
            }
            if l.contains("年末") {
                self.in_closing = true;
                return (Some(Line::Closing), None);
            }
        }
        if l.contains('总') && l.contains("总计") {
            self.in_opening = false;
            self.in_closing = false;
            let line = match side {
                Side::Income => Line::IncomeGrandTotal,
                Side::Expenditure => Line::ExpenditureGrandTotal,
            };
            return (Some(line), None);
        }
        let fund = fund_of(&l);
        if self.in_opening {
            if let Some(f) = fund {
                return (Some(f.opening()), None);
            }
        }
        if self.in_closing {
            if let Some(f) = fund {
                return (Some(f.closing()), None);
            }
        }
        if let Some(line) = fixed_line(&l) {
            return (Some(line), None);
        }
        if let Some(f) = fund {
            return (Some(f.income()), None);
        }
        if side == Side::Expenditure {
            if let Some(code) = classification::function_class_code(&l) {
                return (Some(Line::FunctionClass), Some(code.to_string()));
            }
        }
        (None, None)
    }
}

#[derive(Clone, Copy)]
enum Fund {
    GeneralBudget,
    Government,
    StateCapital,
}

impl Fund {
    fn income(self) -> Line {
        match self {
            Fund::GeneralBudget => Line::GeneralBudgetIncome,
            Fund::Government => Line::GovernmentFundIncome,
            Fund::StateCapital => Line::StateCapitalIncome,
        }
    }
    fn opening(self) -> Line {
        match self {
            Fund::GeneralBudget => Line::OpeningGeneralBudget,
            Fund::Government => Line::OpeningGovernmentFund,
            Fund::StateCapital => Line::OpeningStateCapital,
        }
    }
    fn closing(self) -> Line {
        match self {
            Fund::GeneralBudget => Line::ClosingGeneralBudget,
            Fund::Government => Line::ClosingGovernmentFund,
            Fund::StateCapital => Line::ClosingStateCapital,
        }
    }
}

fn fund_of(l: &str) -> Option<Fund> {
    if l.starts_with("一般公共预算") {
        Some(Fund::GeneralBudget)
    } else if l.starts_with("政府性基金") {
        Some(Fund::Government)
    } else if l.starts_with("国有资本经营预算财政") || l.starts_with("国有资本经营预算拨款")
    {
        Some(Fund::StateCapital)
    } else {
        None
    }
}

fn fixed_line(l: &str) -> Option<Line> {
    let line = match l {
        "财政拨款收入" | "财政拨款" => Line::FiscalIncome,
        "上级补助收入" => Line::SuperiorGrantIncome,
        "事业收入" => Line::BusinessIncome,
        "经营收入" => Line::OperatingIncome,
        "附属单位上缴收入" => Line::SubsidiaryRemitIncome,
        "其他收入" => Line::OtherIncome,
        "本年收入合计" | "本年收入" => Line::IncomeTotal,
        "本年支出合计" | "本年支出" => Line::ExpenditureTotal,
        "结余分配" => Line::SurplusDistribution,
        "人员经费合计" | "人员经费" => Line::PersonnelTotal,
        "公用经费合计" | "公用经费" => Line::PublicTotal,
        "合计" => Line::Total,
        _ if l.starts_with("使用非财政拨款结余") || l.starts_with("用事业基金弥补") => {
            Line::UseOfReserves
        }
        _ => return three_public_labelled(l),
    };
    Some(line)
}

/// The items of the “三公” table, by row label or column header.
pub fn three_public(l: &str) -> Option<Line> {
    three_public_labelled(&label_cow(l))
}

fn three_public_labelled(l: &str) -> Option<Line> {
    // Every item's name has 公 or 购: a character search rules out the other lines at once.
    if !l.contains(['公', '购']) {
        return None;
    }
    if l.contains("因公出国") {
        Some(Line::OverseasTravel)
    } else if l.contains("购置及运行") {
        Some(Line::Vehicles)
    } else if l.contains("公务用车购置") {
        Some(Line::VehiclePurchase)
    } else if l.contains("公务用车运行") {
        Some(Line::VehicleOperation)
    } else if l.contains("公务接待") {
        Some(Line::Reception)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fund_lines_after_opening_are_opening_lines() {
        let mut r = LineReader::default();
        assert_eq!(
            r.read(Side::Income, "一、一般公共预算财政拨款").0,
            Some(Line::GeneralBudgetIncome)
        );
        assert_eq!(
            r.read(Side::Income, "本年收入合计").0,
            Some(Line::IncomeTotal)
        );
        assert_eq!(
            r.read(Side::Income, "年初财政拨款结转和结余").0,
            Some(Line::Opening)
        );
        assert_eq!(
            r.read(Side::Income, "一、一般公共预算财政拨款").0,
            Some(Line::OpeningGeneralBudget)
        );
        assert_eq!(r.read(Side::Income, "总计").0, Some(Line::IncomeGrandTotal));
    }

    #[test]
    fn function_classes_carry_their_code() {
        let mut r = LineReader::default();
        assert_eq!(
            r.read(Side::Expenditure, "八、社会保障和就业支出"),
            (Some(Line::FunctionClass), Some("208".into()))
        );
        assert_eq!(
            r.read(Side::Expenditure, "使用非财政拨款结余（含专用结余）")
                .0,
            Some(Line::UseOfReserves)
        );
    }
}
