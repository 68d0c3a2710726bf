//! The fixed shapes of the nine tables of a 2024 决算公开表: each one's title, its columns'
//! kinds and its header cells, as `examples/sample_putuo_finance.rs` lays them out.

/// What a column holds: text (labels, codes) or amounts; an empty cell gets its column's format.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ColumnKind {
    Text,
    Amount,
}
use ColumnKind::{Amount, Text};

/// A header cell: its row under the sheet's unit line and its column, the rows and columns it
/// spans, and its text.
#[derive(Clone, Copy, Debug)]
pub struct HeaderCell {
    pub row: u32,
    pub col: u16,
    pub rows: u32,
    pub cols: u16,
    pub text: &'static str,
}

const fn head(row: u32, col: u16, rows: u32, cols: u16, text: &'static str) -> HeaderCell {
    HeaderCell {
        row,
        col,
        rows,
        cols,
        text,
    }
}

const T1_KINDS: &[ColumnKind] = &[Text, Amount, Text, Amount];
const T1_HEADER: &[HeaderCell] = &[
    head(0, 0, 1, 2, "收入"),
    head(0, 2, 1, 2, "支出"),
    head(1, 0, 1, 1, "项目"),
    head(1, 1, 1, 1, "决算数"),
    head(1, 2, 1, 1, "项目"),
    head(1, 3, 1, 1, "决算数"),
];
const T2_KINDS: &[ColumnKind] = &[
    Text, Text, Amount, Amount, Amount, Amount, Amount, Amount, Amount,
];
const T2_HEADER: &[HeaderCell] = &[
    head(0, 0, 1, 2, "项目"),
    head(1, 0, 1, 1, "支出功能分类科目编码"),
    head(1, 1, 1, 1, "科目名称"),
    head(0, 2, 2, 1, "本年收入合计"),
    head(0, 3, 2, 1, "财政拨款收入"),
    head(0, 4, 2, 1, "上级补助收入"),
    head(0, 5, 2, 1, "事业收入"),
    head(0, 6, 2, 1, "经营收入"),
    head(0, 7, 2, 1, "附属单位上缴收入"),
    head(0, 8, 2, 1, "其他收入"),
];
const T3_KINDS: &[ColumnKind] = &[Text, Text, Amount, Amount, Amount, Amount, Amount, Amount];
const T3_HEADER: &[HeaderCell] = &[
    head(0, 0, 1, 2, "项目"),
    head(1, 0, 1, 1, "支出功能分类科目编码"),
    head(1, 1, 1, 1, "科目名称"),
    head(0, 2, 2, 1, "本年支出合计"),
    head(0, 3, 2, 1, "基本支出"),
    head(0, 4, 2, 1, "项目支出"),
    head(0, 5, 2, 1, "上缴上级支出"),
    head(0, 6, 2, 1, "经营支出"),
    head(0, 7, 2, 1, "对附属单位补助支出"),
];
const T4_KINDS: &[ColumnKind] = &[Text, Amount, Text, Amount, Amount, Amount, Amount];
const T4_HEADER: &[HeaderCell] = &[
    head(0, 0, 1, 2, "收入"),
    head(0, 2, 1, 5, "支出"),
    head(1, 0, 1, 1, "项目"),
    head(1, 1, 1, 1, "决算数"),
    head(1, 2, 1, 1, "项目"),
    head(1, 3, 1, 1, "合计"),
    head(1, 4, 1, 1, "一般公共预算财政拨款"),
    head(1, 5, 1, 1, "政府性基金预算财政拨款"),
    head(1, 6, 1, 1, "国有资本经营预算财政拨款"),
];
const T5_KINDS: &[ColumnKind] = &[Text, Text, Amount, Amount, Amount];
const T5_HEADER: &[HeaderCell] = &[
    head(0, 0, 1, 2, "项目"),
    head(1, 0, 1, 1, "支出功能分类科目编码"),
    head(1, 1, 1, 1, "科目名称"),
    head(0, 2, 2, 1, "合计"),
    head(0, 3, 2, 1, "基本支出"),
    head(0, 4, 2, 1, "项目支出"),
];
const T6_KINDS: &[ColumnKind] = &[Text, Text, Amount, Text, Text, Amount];
const T6_HEADER: &[HeaderCell] = &[
    head(0, 0, 1, 1, "经济分类科目编码"),
    head(0, 1, 1, 1, "科目名称"),
    head(0, 2, 1, 1, "决算数"),
    head(0, 3, 1, 1, "经济分类科目编码"),
    head(0, 4, 1, 1, "科目名称"),
    head(0, 5, 1, 1, "决算数"),
];
const T7_KINDS: &[ColumnKind] = &[
    Amount, Amount, Amount, Amount, Amount, Amount, Amount, Amount, Amount, Amount, Amount, Amount,
];
const T7_HEADER: &[HeaderCell] = &[
    head(0, 0, 1, 12, "财政拨款“三公”经费"),
    head(1, 0, 2, 2, "合计"),
    head(1, 2, 2, 2, "因公出国（境）费"),
    head(1, 4, 1, 6, "公务用车购置及运行费"),
    head(1, 10, 2, 2, "公务接待费"),
    head(2, 4, 1, 2, "小计"),
    head(2, 6, 1, 2, "公务用车购置费"),
    head(2, 8, 1, 2, "公务用车运行费"),
    head(3, 0, 1, 1, "预算数"),
    head(3, 1, 1, 1, "决算数"),
    head(3, 2, 1, 1, "预算数"),
    head(3, 3, 1, 1, "决算数"),
    head(3, 4, 1, 1, "预算数"),
    head(3, 5, 1, 1, "决算数"),
    head(3, 6, 1, 1, "预算数"),
    head(3, 7, 1, 1, "决算数"),
    head(3, 8, 1, 1, "预算数"),
    head(3, 9, 1, 1, "决算数"),
    head(3, 10, 1, 1, "预算数"),
    head(3, 11, 1, 1, "决算数"),
];
const T89_KINDS: &[ColumnKind] = &[Text, Text, Amount, Amount, Amount, Amount, Amount, Amount];
const T89_HEADER: &[HeaderCell] = &[
    head(0, 0, 1, 2, "项目"),
    head(1, 0, 1, 1, "支出功能分类科目编码"),
    head(1, 1, 1, 1, "科目名称"),
    head(0, 2, 2, 1, "年初结转和结余"),
    head(0, 3, 2, 1, "本年收入"),
    head(0, 4, 1, 3, "本年支出"),
    head(1, 4, 1, 1, "小计"),
    head(1, 5, 1, 1, "基本支出"),
    head(1, 6, 1, 1, "项目支出"),
    head(0, 7, 2, 1, "年末结转和结余"),
];

/// A table's fixed shape: its title, its columns' kinds and its header cells.
pub struct Layout {
    pub title: &'static str,
    pub kinds: &'static [ColumnKind],
    pub header: &'static [HeaderCell],
    pub header_rows: u32,
}

const fn layout(
    title: &'static str,
    kinds: &'static [ColumnKind],
    header: &'static [HeaderCell],
    header_rows: u32,
) -> Layout {
    Layout {
        title,
        kinds,
        header,
        header_rows,
    }
}

/// 一、收入支出决算总表.
pub const SUMMARY: Layout = layout("收入支出决算总表", T1_KINDS, T1_HEADER, 2);
/// 二、收入决算表.
pub const INCOME: Layout = layout("收入决算表", T2_KINDS, T2_HEADER, 2);
/// 三、支出决算表.
pub const SPENDING: Layout = layout("支出决算表", T3_KINDS, T3_HEADER, 2);
/// 四、财政拨款收入支出决算总表.
pub const FISCAL: Layout = layout("财政拨款收入支出决算总表", T4_KINDS, T4_HEADER, 2);
/// 五、一般公共预算财政拨款支出决算表.
pub const GENERAL: Layout = layout("一般公共预算财政拨款支出决算表", T5_KINDS, T5_HEADER, 2);
/// 六、一般公共预算财政拨款基本支出决算表.
pub const BASIC: Layout = layout("一般公共预算财政拨款基本支出决算表", T6_KINDS, T6_HEADER, 1);
/// 七、财政拨款“三公”经费支出决算表.
pub const THREE_PUBLIC: Layout = layout("财政拨款“三公”经费支出决算表", T7_KINDS, T7_HEADER, 4);
/// 八、政府性基金预算财政拨款收入支出决算表.
pub const GOVERNMENT_FUND: Layout = layout(
    "政府性基金预算财政拨款收入支出决算表",
    T89_KINDS,
    T89_HEADER,
    2,
);
/// 九、国有资本经营预算财政拨款收入支出决算表.
pub const STATE_CAPITAL: Layout = layout(
    "国有资本经营预算财政拨款收入支出决算表",
    T89_KINDS,
    T89_HEADER,
    2,
);
