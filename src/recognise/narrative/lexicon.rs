//! The words the narrative reader looks for, kept together so that a wording a department uses
//! and gouji does not yet know is added in one place, not hunted for in the passes.

use crate::model::narrative::Comparison;

/// Characters that end a sentence.
pub const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?'];

/// The numerals of headings and ordinals: 一、 （三） 十二、.
pub const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

/// Where the label before a figure stops (outside brackets): the end of its clause.
pub const LABEL_STOPS: &[char] = &['，', ',', '；', ';', '。', '：', ':', '\t', '！', '？'];

/// Where the clause of a percentage starts, looking back for 占 or 完成.
pub const CLAUSE_STOPS: &[char] = &['，', ',', '；', ';', '。', '：', ':'];

/// Words before an amount or a rate that say it went up (“增加476.68万元”, “增长37%”).
pub const RISE_WORDS: &[&str] = &["增加", "增长", "上升", "提高", "多"];

/// Words before an amount or a rate that say it went down (“减少13.29万元”, “降低19%”).
pub const FALL_WORDS: &[&str] = &["减少", "下降", "降低", "减"];

/// “增加到” gives the new figure, not the change.
pub const RISE_TO: &str = "增加到";

/// Words before a change that say what it is measured against (“比2015年增加”, “与上年相比”), or
/// that state the prior year itself (“上年执行数为”, “2023年为0万元”).
pub const CHANGE_MARKERS: &[&str] = &[
    "比",
    "较",
    "相比",
    "同比",
    "上年",
    "上一年",
    "年为",
    "年度为",
];

/// A percentage whose clause holds 占 is a share (“占本年支出的99%”).
pub const SHARE_WORD: char = '占';

/// A percentage whose clause holds one of these is a budget's completion rate.
pub const COMPLETION_WORDS: &[&str] = &["完成", "执行率"];

/// Trailing words of a share's base label, taken off in this order (“占本年支出的比重为”).
pub const SHARE_LABEL_SUFFIXES: &[&str] = &["的比例为", "的比重为", "的比重", "比重为", "的"];

/// A word that opens or closes the parts of a figure within its paragraph.
pub struct BreakdownMarker {
    /// The word as printed.
    pub word: &'static str,
    /// “其中”, “分别为” open a breakdown; “医院中：” only closes the one before it, as it opens
    /// a breakdown of a part.
    pub opens: bool,
    /// The wording says the parts are all of the total (“分别为”).
    pub exhaustive: bool,
}

/// The words of a breakdown within a paragraph.
pub const BREAKDOWN_MARKERS: &[BreakdownMarker] = &[
    marker("其中", true, false),
    marker("分别为", true, true),
    marker("分别是", true, true),
    marker("以下方面", true, true),
    marker("中:", false, false),
    marker("中：", false, false),
];

const fn marker(word: &'static str, opens: bool, exhaustive: bool) -> BreakdownMarker {
    BreakdownMarker {
        word,
        opens,
        exhaustive,
    }
}

/// Endings of a paragraph whose first figure the numbered paragraphs after it break down
/// (“具体情况如下：”).
pub const LIST_INTRO_ENDINGS: &[&str] = &["如下:", "如下：", "如下", "以下方面:", "以下方面："];

/// Endings of a paragraph whose last figure the numbered paragraphs after it break down.
pub const LIST_OF_WHICH_ENDINGS: &[&str] = &["其中:", "其中："];

/// Endings of a paragraph followed by the lines it counts (“单位共8个，详细情况见下表：”).
pub const LISTING_INTRO_ENDINGS: &[&str] = &["见下表:", "见下表：", "如下:", "如下：", "见下表"];

/// The word before a count that a listing follows (“共8个”).
pub const LISTING_COUNT_WORD: char = '共';

/// How a final figure is said to compare with its budget, first match wins.
pub const BUDGET_COMPARISONS: &[(&str, Comparison)] = &[
    ("大于预算", Comparison::Greater),
    ("超过预算", Comparison::Greater),
    ("小于预算", Comparison::Less),
    ("低于预算", Comparison::Less),
    ("等于预算", Comparison::Equal),
    ("基本持平", Comparison::Equal),
    ("与预算数持平", Comparison::Equal),
    ("预算数持平", Comparison::Equal),
];
