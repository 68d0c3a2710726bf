//! The narrative (情况说明) as claims: every figure of the prose with what it speaks of, its
//! sentence and its character span.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Figure, Unit};

/// What a quantity measures.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Money in a unit (万元, 元, 亿元).
    Money(Unit),
    /// A percentage (占99.2%, 增长37%, 完成98.2%).
    Percent,
    /// A count, with its measure word (个, 辆, 人, 套 …).
    Count(String),
}

/// A number as printed in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The number as a figure, with the step its printed decimals imply.
    pub figure: Figure,
    /// What the number measures.
    pub measure: Measure,
    /// Character offsets [start, end) of the number and its unit in the text.
    pub span: (usize, usize),
    /// The number and its unit as printed (“3,997.99万元”).
    pub raw: String,
}

impl Quantity {
    /// The number's exact value.
    pub fn value(&self) -> Decimal {
        self.figure.value
    }
}

/// Whose money a figure is: all funds of the department, or the 财政拨款 (appropriations) only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// All funds of the department (本年收入合计, 基本支出 …).
    All,
    /// The appropriations only (财政拨款收入, 财政拨款基本支出 …).
    Fiscal,
}

/// The standard items a narrative speaks of, as the concept dictionary names them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// 本年收入(合计); with `Scope::Fiscal`, 财政拨款收入.
    Income,
    /// 上级补助收入
    SuperiorGrantIncome,
    /// 事业收入
    BusinessIncome,
    /// 经营收入
    OperatingIncome,
    /// 附属单位上缴收入
    SubsidiaryRemitIncome,
    /// 其他收入
    OtherIncome,
    /// 年初(上年)结转和结余
    Opening,
    /// 年末结转和结余
    Closing,
    /// 本年支出(合计)
    Expenditure,
    /// 收入支出总计
    GrandTotal,
    /// 基本支出
    Basic,
    /// 项目支出
    Project,
    /// 人员经费
    Personnel,
    /// 公用经费 (公共经费)
    Public,
    /// 机关运行经费
    AgencyOperating,
    /// A 功能分类 class by code (“社会保障和就业支出” → 208).
    FunctionClass(String),
    /// A label outside the dictionary, given a scope by the breakdown it is part of (a 款 or 项
    /// named in the prose, “行政单位医疗”): tied to a table row of that name, never restated.
    Subject(String),
    /// “三公”经费 and its items.
    ThreePublicTotal,
    /// 因公出国（境）费
    OverseasTravel,
    /// 公务用车购置及运行（维护）费
    Vehicles,
    /// 公务用车购置费
    VehiclePurchase,
    /// 公务用车运行（维护）费
    VehicleOperation,
    /// 公务接待费
    Reception,
}

impl Item {
    /// “三公”经费 or one of its items.
    pub fn is_three_public(&self) -> bool {
        matches!(
            self,
            Item::ThreePublicTotal
                | Item::OverseasTravel
                | Item::Vehicles
                | Item::VehiclePurchase
                | Item::VehicleOperation
                | Item::Reception
        )
    }
}

/// A standard item and whose money it is: what a label of the prose is tied to in the tables.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Concept {
    /// Whose money: all funds or the appropriations.
    pub scope: Scope,
    /// Which item.
    pub item: Item,
}

/// A figure of the text and the label it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The label as printed before the figure (“本年收入合计”, “&行政单位医疗&决算”).
    pub subject: String,
    /// The standard item the label names, when the concept dictionary knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concept: Option<Concept>,
    /// The figure as printed, with its span.
    pub quantity: Quantity,
    /// Index of the sentence in [`Narrative::sentences`].
    pub sentence: usize,
}

/// Which way a change goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增加 / 增长 / 上升 / 提高
    Up,
    /// 减少 / 下降 / 降低
    Down,
}

/// How a final figure stands against its budget, as the text words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// 大于预算 / 超过预算
    Greater,
    /// 小于预算 / 低于预算
    Less,
    /// 等于预算 / 与预算数持平 / 基本持平
    Equal,
}

/// What a share is a share of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareBase {
    /// Named in the sentence (“占本年支出的99%”).
    Named {
        /// The base as printed between 占 and the number (“本年支出合计”).
        label: String,
        /// The standard item the base names, when the concept dictionary knows it.
        #[serde(skip_serializing_if = "Option::is_none")]
        concept: Option<Concept>,
    },
    /// The total of the enclosing 其中 breakdown.
    Total(Box<Mention>),
}

/// What a narrative states that a rule can verify, each with its figures and their spans.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // claims are few per document; boxing would only add noise
pub enum Claim {
    /// A figure with its subject.
    Amount {
        /// The figure and the label it is stated for.
        mention: Mention,
    },
    /// “合计A，其中：b1、b2…”, “分别为”, a numbered list under a stated total.
    Breakdown {
        /// The stated total.
        total: Mention,
        /// The parts, in the order printed.
        parts: Vec<Mention>,
        /// True when the parts are meant to be all of the total (their shares add up to 100%, or a
        /// numbered list or “分别为” gives them); a partial 其中 may fall short of its total.
        exhaustive: bool,
    },
    /// “占X%”.
    Share {
        /// The figure the share is stated for.
        part: Mention,
        /// The percentage printed.
        percent: Quantity,
        /// What it is a share of.
        base: ShareBase,
        /// Index of the sentence in [`Narrative::sentences`].
        sentence: usize,
    },
    /// “比2015年增加X万元，增长Y%”, “持平”.
    Change {
        /// The label of what changed, as printed (its own, or that of the current figure).
        subject: String,
        /// The standard item that changed, when known.
        #[serde(skip_serializing_if = "Option::is_none")]
        concept: Option<Concept>,
        /// The current figure the change is measured from, when the text gives it.
        #[serde(skip_serializing_if = "Option::is_none")]
        current: Option<Mention>,
        /// The amount of the change (“增加476.68万元”), when printed.
        #[serde(skip_serializing_if = "Option::is_none")]
        delta: Option<Quantity>,
        /// The direction of the amount's word (增加 / 减少).
        direction: Direction,
        /// The rate of the change (“增长37%”), when printed.
        #[serde(skip_serializing_if = "Option::is_none")]
        rate: Option<Quantity>,
        /// The direction of the rate's word (增长 / 下降), which must agree with the amount's.
        #[serde(skip_serializing_if = "Option::is_none")]
        rate_direction: Option<Direction>,
        /// Index of the sentence in [`Narrative::sentences`].
        sentence: usize,
        /// Character offsets [start, end) of the change, from its direction word to its last figure.
        span: (usize, usize),
    },
    /// “年初预算为A…支出决算为B…完成年初预算的X%”, “决算数大于/小于/等于预算数”.
    Budget {
        /// What was budgeted, as printed before the budget figure (“一般公共预算财政拨款支出年初预算为”).
        subject: String,
        /// The standard item budgeted, when the concept dictionary knows it (“三公”经费 …).
        #[serde(skip_serializing_if = "Option::is_none")]
        concept: Option<Concept>,
        /// The budget (年初预算数).
        budget: Quantity,
        /// The outcome (决算数).
        #[serde(rename = "final")]
        final_: Quantity,
        /// The completion rate printed (“完成年初预算的98.2%”), if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        rate: Option<Quantity>,
        /// The comparison worded (决算数大于预算数 …) and its span, if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        wording: Option<(Comparison, (usize, usize))>,
        /// Index of the sentence in [`Narrative::sentences`].
        sentence: usize,
    },
    /// Income + opening = expenditure + closing, stated in one sentence.
    Balance {
        /// 收入 (本年收入, or 财政拨款收入)
        income: Mention,
        /// 年初结转和结余
        opening: Mention,
        /// 支出 (本年支出)
        expenditure: Mention,
        /// 年末结转和结余
        closing: Mention,
    },
    /// “单位共8个，详细情况见下表” followed by the listed lines.
    Listing {
        /// The count printed (“共8个”).
        count: Quantity,
        /// The character spans of the listed lines, one per line.
        listed: Vec<(usize, usize)>,
        /// Index of the sentence in [`Narrative::sentences`].
        sentence: usize,
    },
    /// A year the text names in words that say which year it must be: the title of the
    /// disclosure, a balance date, the year compared with.
    Year {
        /// The year printed.
        year: i32,
        /// What the wording makes of it.
        said: YearSaid,
        /// The words as printed (“截至2024年12月31日”, “与2023年度相比”).
        text: String,
        /// Character offsets [start, end) of them.
        span: (usize, usize),
        /// Index of the sentence in [`Narrative::sentences`].
        sentence: usize,
    },
    /// A slip of typography an auditor flags: doubled punctuation, an unclosed quotation.
    Typography {
        /// What kind of slip.
        slip: Slip,
        /// The characters at fault, as printed (“。。”, “““).
        text: String,
        /// Character offsets [start, end) of them.
        span: (usize, usize),
        /// Index of the sentence in [`Narrative::sentences`].
        sentence: usize,
    },
    /// A template sentence left unfilled: XX, a blank date, “增长（下降）”.
    Placeholder {
        /// The placeholder as printed (“XX”, “截止到日”, “增长（下降）”).
        text: String,
        /// Character offsets [start, end) of the placeholder.
        span: (usize, usize),
        /// Index of the sentence in [`Narrative::sentences`].
        sentence: usize,
    },
}

/// What the wording around a year makes of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSaid {
    /// The title of a final account (2024年度部门决算, 2024年单位决算): the reporting year.
    FinalAccountTitle,
    /// The title of a budget (2025年部门预算): the year budgeted for.
    BudgetTitle,
    /// A balance date at a year's end (截至2024年12月31日, 截至2024年底): the reporting year of a
    /// final account, the year before a budget's.
    YearEnd,
    /// The year a figure is compared with (与2023年度相比, 比2023年增加, 较2024年预算): the year
    /// before.
    ComparedWith,
}

/// A slip of typography in a published text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slip {
    /// The same punctuation mark twice in a row (“。。”, “，，”, “；；”).
    DoubledPunctuation,
    /// A quotation mark opened and not closed in its paragraph, or closed and never opened.
    UnbalancedQuote,
}

/// One sentence of the narrative, as the claims point to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Character offsets [start, end) in the text the narrative was read from.
    pub span: (usize, usize),
    /// The sentence, rejoined where the text was hard-wrapped.
    pub text: String,
    /// The page the sentence starts on, when the text has pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// A narrative read into sentences and claims.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Narrative {
    /// The file the narrative was read from.
    pub file: String,
    /// Its sentences, in reading order.
    pub sentences: Vec<Sentence>,
    /// Every claim found, by kind: breakdowns, shares, changes, budgets, balances, listings,
    /// placeholders, years, typography, then amounts.
    pub claims: Vec<Claim>,
}
