//! What the narrative rules say, in Chinese and English: each kind of finding is a type holding
//! the figures it names and owning its wording (as ruff's violations own their messages), and
//! so is each relation a rule states. Checks build these values; none writes a message itself.

use rust_decimal::Decimal;

use crate::check::Message;
use crate::model::narrative::{Comparison, Direction};

/// The wording of a finding or a relation, in both languages.
pub trait Wording {
    /// The message a finding carries, or the description of a relation.
    fn message(&self) -> Message;
}

/// N101: a partial 其中 whose named parts fall short of the total.
#[derive(Clone, Debug, PartialEq)]
pub struct PartialBreakdown {
    /// The total as printed (`3997.99万元`).
    pub total: String,
    /// What the named parts add up to.
    pub named: Decimal,
    /// What the parts leave unnamed.
    pub unnamed: Decimal,
    pub formula: String,
}

impl Wording for PartialBreakdown {
    fn message(&self) -> Message {
        let (total, named, unnamed, formula) = (
            &self.total,
            self.named.normalize(),
            self.unnamed.normalize(),
            &self.formula,
        );
        Message::new(
            format!("“其中”只列出部分构成：合计 {total}，所列各项之和 {named}，其余 {unnamed} 未列出（{formula}）"),
            format!("the 其中 names only some parts: total {total}, parts add to {named}, {unnamed} not named ({formula})"),
        )
    }
}

/// N102: a share “占X%” that its part and base do not give.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareMismatch {
    pub formula: String,
    /// The base as printed or found (`3997.99万元`, `本年支出合计 3926.89`).
    pub base_label: String,
    /// The percentage the figures give, at the printed precision.
    pub should_be: Decimal,
}

impl Wording for ShareMismatch {
    fn message(&self) -> Message {
        let (formula, base, should_be) = (&self.formula, &self.base_label, self.should_be);
        Message::new(
            format!("占比与数字不符：{formula}，按 {base} 计应为 {should_be}%"),
            format!("share does not match its figures: {formula}; of {base} it is {should_be}%"),
        )
    }
}

/// Why a percentage that its figures do not round to is still only a slip of printing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slip {
    /// Cut off at the printed decimals instead of rounded (99.86% for 99.868%).
    Truncated,
    /// One share of a breakdown moved so that the printed shares add up to 100% (9.55% for
    /// 9.5575% beside 86.05%, 3.52% and 0.88%).
    AdjustedToAddUp,
}

/// N102–N104: a percentage its figures do not round to, which truncation or adjusting the
/// shares to add up to 100% explains: a warning, for the figures themselves agree.
#[derive(Clone, Debug, PartialEq)]
pub struct PercentSlip {
    pub slip: Slip,
    pub formula: String,
    /// The percentage the figures give, rounded as the printed one is.
    pub should_be: Decimal,
}

impl Wording for PercentSlip {
    fn message(&self) -> Message {
        let (formula, should_be) = (&self.formula, self.should_be);
        match self.slip {
            Slip::Truncated => Message::new(
                format!("百分比系截尾所得，未四舍五入：{formula}，四舍五入应为 {should_be}%"),
                format!("percentage truncated, not rounded: {formula}; rounded it is {should_be}%"),
            ),
            Slip::AdjustedToAddUp => Message::new(
                format!("百分比为凑足100%调整：{formula}，各项合计为100%，此项四舍五入应为 {should_be}%"),
                format!("percentage adjusted to add up to 100%: {formula}; rounded it is {should_be}%"),
            ),
        }
    }
}

/// The words of a direction, as a finding names them.
fn direction_word(d: Direction) -> &'static str {
    match d {
        Direction::Up => "增加/增长",
        Direction::Down => "减少/下降",
    }
}

/// N103: the amount goes one way and the rate the other (“增加…下降”).
#[derive(Clone, Debug, PartialEq)]
pub struct DirectionDisagrees {
    pub subject: String,
    pub amount: Direction,
    pub rate: Direction,
}

impl Wording for DirectionDisagrees {
    fn message(&self) -> Message {
        let subject = &self.subject;
        let (amount, rate) = (direction_word(self.amount), direction_word(self.rate));
        Message::new(
            format!("“{subject}”变动方向前后矛盾：金额为{amount}，比率却为{rate}"),
            format!("'{subject}': the amount and the rate move in opposite directions"),
        )
    }
}

/// N103: a rate “from” a prior year that is zero, negative or absent: a rate is the change over
/// the prior year, so from nothing it is undefined — never 100%.
#[derive(Clone, Debug, PartialEq)]
pub struct ZeroPriorYear {
    pub subject: String,
    /// How the prior year follows (`(3997.99万元 − 476.68万元)`), or where the text states it
    /// (`上年执行数为0万元`, `上年无`).
    pub prior_shown: String,
    /// The prior year; `None` when the text says there was none.
    pub prior: Option<Decimal>,
    /// The rate as printed.
    pub rate: String,
}

impl Wording for ZeroPriorYear {
    fn message(&self) -> Message {
        let (subject, shown, rate) = (&self.subject, &self.prior_shown, &self.rate);
        let (zh, en) = match self.prior {
            // Stated (“上年执行数为0万元”), not derived.
            Some(_) if !shown.starts_with('(') => (
                format!("{shown}，为零"),
                format!("the prior year is zero ({shown})"),
            ),
            Some(p) => {
                let p = p.normalize();
                (
                    format!("上年数为 {shown} = {p}，为零或负数"),
                    format!("the prior year {shown} = {p} is zero or negative"),
                )
            }
            None => (
                format!("上年无此项（{shown}）"),
                format!("the prior year had none ({shown})"),
            ),
        };
        Message::new(
            format!("“{subject}”{zh}，无法计算增长率 {rate}：增长率是变动额除以上年数，上年为零时无定义"),
            format!("'{subject}': {en}; no rate {rate} can follow from it: a rate is the change over the prior year, undefined when that is zero"),
        )
    }
}

/// N103: a rate that does not follow from the change over the prior year.
#[derive(Clone, Debug, PartialEq)]
pub struct RateMismatch {
    pub subject: String,
    pub formula: String,
    pub should_be: Decimal,
}

impl Wording for RateMismatch {
    fn message(&self) -> Message {
        let (subject, formula, should_be) = (&self.subject, &self.formula, self.should_be);
        Message::new(
            format!("“{subject}”变动率与变动额不符：{formula}，应为 {should_be}%"),
            format!("'{subject}': the rate does not follow from the change: {formula}; should be {should_be}%"),
        )
    }
}

/// N104: a completion rate that the final and budget figures do not give.
#[derive(Clone, Debug, PartialEq)]
pub struct CompletionMismatch {
    pub formula: String,
    pub should_be: Decimal,
}

impl Wording for CompletionMismatch {
    fn message(&self) -> Message {
        let (formula, should_be) = (&self.formula, self.should_be);
        Message::new(
            format!("预算完成率与数字不符：{formula}，应为 {should_be}%"),
            format!("budget completion does not match: {formula}; should be {should_be}%"),
        )
    }
}

/// N104: 决算数大于/小于/等于预算数 said of figures that say otherwise.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonWordWrong {
    pub subject: String,
    pub said: Comparison,
    /// The final and budget figures as printed.
    pub final_: String,
    pub budget: String,
}

impl Wording for ComparisonWordWrong {
    fn message(&self) -> Message {
        let word = match self.said {
            Comparison::Greater => "大于",
            Comparison::Less => "小于",
            Comparison::Equal => "等于（持平）",
        };
        let (subject, said) = (self.subject.trim(), self.said);
        let (final_, budget) = (&self.final_, &self.budget);
        Message::new(
            format!("{subject}：称决算数{word}预算数，但决算数 {final_} 与预算数 {budget} 不符此说"),
            format!("says the final figure is {said:?} the budget, but final {final_} vs budget {budget} says otherwise"),
        )
    }
}

/// N107: a count the listing under it does not have.
#[derive(Clone, Debug, PartialEq)]
pub struct ListingCountMismatch {
    /// The count as printed (`8个`).
    pub stated: String,
    pub listed: usize,
}

impl Wording for ListingCountMismatch {
    fn message(&self) -> Message {
        let (stated, listed) = (&self.stated, self.listed);
        Message::new(
            format!("称共 {stated}，其后列出 {listed} 行"),
            format!("says {stated} but lists {listed} lines"),
        )
    }
}

/// N108: a template blank left in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateBlank {
    pub text: String,
}

impl Wording for TemplateBlank {
    fn message(&self) -> Message {
        let text = &self.text;
        Message::new(
            format!("模板内容未填写完整：“{text}”"),
            format!("a template blank was left unfilled: \"{text}\""),
        )
    }
}

/// What a narrative rule's relation states; its findings, when it breaks, begin with it.
#[derive(Clone, Debug, PartialEq)]
pub enum Statement {
    /// N101
    TotalOfParts,
    /// N105
    StatedTwice,
    /// N106, of all funds or (`fiscal`) of the appropriations.
    Balance { fiscal: bool },
    /// N109
    AgencyWithinPublic,
    /// N112
    ChangeStatesBothYears,
    /// N113
    ChangeStatedTwice,
    /// N201: a figure of the text against the table that prints it.
    SameAsTable {
        subject: String,
        table: String,
        table_en: &'static str,
    },
}

impl Wording for Statement {
    fn message(&self) -> Message {
        match self {
            Statement::TotalOfParts => Message::new(
                "说明中的合计 = Σ 其中各项",
                "a stated total = the sum of its parts",
            ),
            Statement::StatedTwice => {
                Message::new("同一项目前后表述一致", "the same item stated twice agrees")
            }
            Statement::Balance { fiscal } => {
                let scope = if *fiscal { "财政拨款" } else { "" };
                Message::new(
                    format!("{scope}收入 + 年初结转和结余 = 支出 + 年末结转和结余"),
                    "income + opening balance = expenditure + closing balance",
                )
            }
            Statement::AgencyWithinPublic => Message::new(
                "机关运行经费 ≤ 公用经费",
                "agency operating costs ≤ public expenses",
            ),
            Statement::ChangeStatedTwice => Message::new(
                "同一变动前后表述一致",
                "the same change stated twice agrees",
            ),
            Statement::ChangeStatesBothYears => Message::new(
                "本年数 = 上年数 + 增加额（上年数 = 本年数 + 减少额）",
                "this year = the prior year + the increase (prior year = this year + the decrease)",
            ),
            Statement::SameAsTable {
                subject,
                table,
                table_en,
            } => Message::new(
                format!("说明中的“{subject}”= {table}"),
                format!("the narrative's '{subject}' = the {table_en}"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn said(w: &dyn Wording) -> (String, String) {
        let m = w.message();
        (m.zh, m.en)
    }

    #[test]
    fn a_partial_breakdown_names_what_is_left_out() {
        let w = PartialBreakdown {
            total: "3997.99万元".into(),
            named: d("3966.630"),
            unnamed: d("31.360"),
            formula: "3997.99 = 3966.63 + …".into(),
        };
        assert_eq!(
            said(&w),
            (
                "“其中”只列出部分构成：合计 3997.99万元，所列各项之和 3966.63，其余 31.36 未列出（3997.99 = 3966.63 + …）".into(),
                "the 其中 names only some parts: total 3997.99万元, parts add to 3966.63, 31.36 not named (3997.99 = 3966.63 + …)".into()
            )
        );
    }

    #[test]
    fn percent_mismatches_say_what_the_figures_give() {
        let share = ShareMismatch {
            formula: "31.36万元 / 3997.99万元 = 0.784% ≈ 0.9%".into(),
            base_label: "3997.99万元".into(),
            should_be: d("0.8"),
        };
        assert_eq!(
            said(&share),
            (
                "占比与数字不符：31.36万元 / 3997.99万元 = 0.784% ≈ 0.9%，按 3997.99万元 计应为 0.8%".into(),
                "share does not match its figures: 31.36万元 / 3997.99万元 = 0.784% ≈ 0.9%; of 3997.99万元 it is 0.8%".into()
            )
        );
        let rate = RateMismatch {
            subject: "社会保障和就业支出".into(),
            formula: "f".into(),
            should_be: d("37"),
        };
        assert_eq!(
            said(&rate),
            (
                "“社会保障和就业支出”变动率与变动额不符：f，应为 37%".into(),
                "'社会保障和就业支出': the rate does not follow from the change: f; should be 37%"
                    .into()
            )
        );
        let completion = CompletionMismatch {
            formula: "f".into(),
            should_be: d("95.5"),
        };
        assert_eq!(
            said(&completion),
            (
                "预算完成率与数字不符：f，应为 95.5%".into(),
                "budget completion does not match: f; should be 95.5%".into()
            )
        );
    }

    #[test]
    fn change_findings_name_the_subject_and_the_prior_year() {
        let w = DirectionDisagrees {
            subject: "本年支出".into(),
            amount: Direction::Up,
            rate: Direction::Down,
        };
        assert_eq!(
            said(&w),
            (
                "“本年支出”变动方向前后矛盾：金额为增加/增长，比率却为减少/下降".into(),
                "'本年支出': the amount and the rate move in opposite directions".into()
            )
        );
        let w = ZeroPriorYear {
            subject: "本年支出合计".into(),
            prior_shown: "(100万元 − 100万元)".into(),
            prior: Some(d("0.00")),
            rate: "100%".into(),
        };
        assert_eq!(
            said(&w),
            (
                "“本年支出合计”上年数为 (100万元 − 100万元) = 0，为零或负数，无法计算增长率 100%：增长率是变动额除以上年数，上年为零时无定义".into(),
                "'本年支出合计': the prior year (100万元 − 100万元) = 0 is zero or negative; no rate 100% can follow from it: a rate is the change over the prior year, undefined when that is zero".into()
            )
        );
    }

    #[test]
    fn a_wrong_comparison_word_is_named_in_chinese_and_by_its_variant_in_english() {
        let w = ComparisonWordWrong {
            subject: " 一般公共预算财政拨款支出 ".into(),
            said: Comparison::Equal,
            final_: "120万元".into(),
            budget: "100万元".into(),
        };
        assert_eq!(
            said(&w),
            (
                "一般公共预算财政拨款支出：称决算数等于（持平）预算数，但决算数 120万元 与预算数 100万元 不符此说".into(),
                "says the final figure is Equal the budget, but final 120万元 vs budget 100万元 says otherwise".into()
            )
        );
    }

    #[test]
    fn text_findings_quote_the_text() {
        let w = ListingCountMismatch {
            stated: "8个".into(),
            listed: 7,
        };
        assert_eq!(
            said(&w),
            (
                "称共 8个，其后列出 7 行".into(),
                "says 8个 but lists 7 lines".into()
            )
        );
        let w = TemplateBlank {
            text: "XX万元".into(),
        };
        assert_eq!(
            said(&w),
            (
                "模板内容未填写完整：“XX万元”".into(),
                "a template blank was left unfilled: \"XX万元\"".into()
            )
        );
    }

    #[test]
    fn statements_name_the_scope_and_the_table() {
        assert_eq!(
            said(&Statement::Balance { fiscal: true }).0,
            "财政拨款收入 + 年初结转和结余 = 支出 + 年末结转和结余"
        );
        assert_eq!(
            said(&Statement::Balance { fiscal: false }).0,
            "收入 + 年初结转和结余 = 支出 + 年末结转和结余"
        );
        let w = Statement::SameAsTable {
            subject: "本年收入合计".into(),
            table: "收入支出决算总表".into(),
            table_en: "income and expenditure summary",
        };
        assert_eq!(
            said(&w),
            (
                "说明中的“本年收入合计”= 收入支出决算总表".into(),
                "the narrative's '本年收入合计' = the income and expenditure summary".into()
            )
        );
        assert_eq!(
            said(&Statement::TotalOfParts),
            (
                "说明中的合计 = Σ 其中各项".into(),
                "a stated total = the sum of its parts".into()
            )
        );
    }
}
