//! The narrative (情况说明) as claims: every figure of the prose with what it speaks of, its
//! sentence and its character span.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Figure, Unit};

/// What a quantity measures.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Money(Unit),
    Percent,
    /// A count, with its measure word (个, 辆, 人, 套 …).
    Count(String),
}

/// A number as printed in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub figure: Figure,
    pub measure: Measure,
    /// Character offsets [start, end) of the number and its unit in the text.
    pub span: (usize, usize),
    pub raw: String,
}

impl Quantity {
    pub fn value(&self) -> Decimal {
        self.figure.value
    }
}

/// Whose money a figure is: all funds of the department, or the 财政拨款 (appropriations) only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    All,
    Fiscal,
}

/// The standard items a narrative speaks of, as the concept dictionary names them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// 本年收入(合计); with `Scope::Fiscal`, 财政拨款收入.
    Income,
    SuperiorGrantIncome,
    BusinessIncome,
    OperatingIncome,
    SubsidiaryRemitIncome,
    OtherIncome,
    /// 年初(上年)结转和结余
    Opening,
    /// 年末结转和结余
    Closing,
    /// 本年支出(合计)
    Expenditure,
    /// 收入支出总计
    GrandTotal,
    Basic,
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
    OverseasTravel,
    Vehicles,
    VehiclePurchase,
    VehicleOperation,
    Reception,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Concept {
    pub scope: Scope,
    pub item: Item,
}

/// A figure of the text and the label it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The label as printed before the figure (“本年收入合计”, “&行政单位医疗&决算”).
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concept: Option<Concept>,
    pub quantity: Quantity,
    /// Index of the sentence in [`Narrative::sentences`].
    pub sentence: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    Flat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    Greater,
    Less,
    Equal,
}

/// What a share is a share of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareBase {
    /// Named in the sentence (“占本年支出的99%”).
    Named {
        label: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        concept: Option<Concept>,
    },
    /// The total of the enclosing 其中 breakdown.
    Total(Box<Mention>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // claims are few per document; boxing would only add noise
pub enum Claim {
    /// A figure with its subject.
    Amount { mention: Mention },
    /// “合计A，其中：b1、b2…”, “分别为”, a numbered list under a stated total.
    Breakdown {
        total: Mention,
        parts: Vec<Mention>,
        /// True when the parts are meant to be all of the total (their shares add up to 100%, or a
        /// numbered list or “分别为” gives them); a partial 其中 may fall short of its total.
        exhaustive: bool,
    },
    /// “占X%”.
    Share {
        part: Mention,
        percent: Quantity,
        base: ShareBase,
        sentence: usize,
    },
    /// “比2015年增加X万元，增长Y%”, “持平”.
    Change {
        subject: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        concept: Option<Concept>,
        /// The current figure the change is measured from, when the text gives it.
        #[serde(skip_serializing_if = "Option::is_none")]
        current: Option<Mention>,
        #[serde(skip_serializing_if = "Option::is_none")]
        delta: Option<Quantity>,
        direction: Direction,
        #[serde(skip_serializing_if = "Option::is_none")]
        rate: Option<Quantity>,
        #[serde(skip_serializing_if = "Option::is_none")]
        rate_direction: Option<Direction>,
        sentence: usize,
        span: (usize, usize),
    },
    /// “年初预算为A…支出决算为B…完成年初预算的X%”, “决算数大于/小于/等于预算数”.
    Budget {
        subject: String,
        budget: Quantity,
        #[serde(rename = "final")]
        final_: Quantity,
        #[serde(skip_serializing_if = "Option::is_none")]
        rate: Option<Quantity>,
        #[serde(skip_serializing_if = "Option::is_none")]
        wording: Option<(Comparison, (usize, usize))>,
        sentence: usize,
    },
    /// Income + opening = expenditure + closing, stated in one sentence.
    Balance {
        income: Mention,
        opening: Mention,
        expenditure: Mention,
        closing: Mention,
    },
    /// “单位共8个，详细情况见下表” followed by the listed lines.
    Listing {
        count: Quantity,
        listed: Vec<(usize, usize)>,
        sentence: usize,
    },
    /// A template sentence left unfilled: XX, a blank date, “增长（下降）”.
    Placeholder {
        text: String,
        span: (usize, usize),
        sentence: usize,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: (usize, usize),
    pub text: String,
    /// The page the sentence starts on, when the text has pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// A narrative read into sentences and claims.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Narrative {
    pub file: String,
    pub sentences: Vec<Sentence>,
    pub claims: Vec<Claim>,
}
