//! Rebuilds the 谯城区人力资源和社会保障局 2016 部门决算公开 tables as one .xlsx
//! workbook in the 2016 national seven-table layout:
//!
//!     cargo run --example sample_qiaocheng
//!
//! writes `samples/qiaocheng-hrss-2016/谯城区人社局-2016-决算公开表.xlsx`.
//!
//! The tables are RECONSTRUCTED, not the published ones. Every figure that the
//! narrative (`谯城区人社局-2016-决算说明.txt`) states is reproduced exactly;
//! everything else is illustrative, chosen so that the tables close. See the
//! sample's README.md for which is which. Two 0.01 gaps are deliberate and
//! come from the narrative itself:
//!
//! * 210 医疗卫生与计划生育支出 / 21011 行政事业单位医疗 = 1886.76, but its 项
//!   (1849.03 + 14.49 + 23.25) add to 1886.77 (tables 2, 3 and 5);
//! * 一般公共预算财政拨款基本支出 700.64 in table 5, but 人员经费 595.28 +
//!   公用经费 105.37 = 700.65 in table 6.
//!
//! `check()` re-reads the arrays below and asserts every other relation before
//! anything is written, so a change that breaks the arithmetic fails loudly.

use std::error::Error;
use std::path::Path;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};

const DEPT: &str = "部门：谯城区人力资源和社会保障局";
const UNIT: &str = "单位：万元";
const OUT_DIR: &str = "samples/qiaocheng-hrss-2016";
const OUT_FILE: &str = "谯城区人社局-2016-决算公开表.xlsx";

// ---------------------------------------------------------------------------
// Data (万元). In the detail tables a 0.0 means "no figure" and is written
// as a blank cell. Codes are 功能分类 类 (3 digits) / 款 (5) / 项 (7).
// ---------------------------------------------------------------------------

/// 2016 功能分类 classes, in the order the 总表 print them.
#[rustfmt::skip]
const CLASSES: [(&str, &str); 20] = [
    ("201", "一般公共服务支出"),
    ("202", "外交支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("210", "医疗卫生与计划生育支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("220", "国土海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("229", "其他支出"),
];

const NUMERALS: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七", "十八", "十九", "二十",
];

/// 表2 收入决算表: code, name,
/// [本年收入合计, 财政拨款收入, 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入].
/// Income = expenditure per row, except: 其他收入 31.36 in 2080101, and the
/// net carry-over 71.10 (年末 73.70 − 年初 2.60) attributed to 2080107.
#[rustfmt::skip]
const T2_TOTAL: [f64; 7] = [3997.99, 3966.63, 0.0, 0.0, 0.0, 0.0, 31.36];
#[rustfmt::skip]
const T2_ROWS: [(&str, &str, [f64; 7]); 27] = [
    ("201", "一般公共服务支出", [62.76, 62.76, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("20132", "组织事务", [62.76, 62.76, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2013201", "行政运行", [62.76, 62.76, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("208", "社会保障和就业支出", [1859.13, 1827.77, 0.0, 0.0, 0.0, 0.0, 31.36]),
    ("20801", "人力资源和社会保障管理事务", [1091.96, 1060.60, 0.0, 0.0, 0.0, 0.0, 31.36]),
    ("2080101", "行政运行", [331.36, 300.00, 0.0, 0.0, 0.0, 0.0, 31.36]),
    ("2080107", "社会保险业务管理事务", [421.10, 421.10, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2080108", "信息化建设", [80.00, 80.00, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2080109", "社会保险经办机构", [159.50, 159.50, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2080199", "其他人力资源和社会保障管理事务支出", [100.00, 100.00, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("20805", "行政事业单位离退休", [159.23, 159.23, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2080501", "归口管理的行政单位离退休", [60.00, 60.00, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2080502", "事业单位离退休", [45.00, 45.00, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2080505", "机关事业单位基本养老保险缴费支出", [54.23, 54.23, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("20899", "其他社会保障和就业支出", [607.94, 607.94, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2089901", "其他社会保障和就业支出", [607.94, 607.94, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("210", "医疗卫生与计划生育支出", [1886.76, 1886.76, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("21011", "行政事业单位医疗", [1886.76, 1886.76, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2101101", "行政单位医疗", [1849.03, 1849.03, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2101102", "事业单位医疗", [14.49, 14.49, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2101199", "其他行政事业单位医疗支出", [23.25, 23.25, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("216", "商业服务业等支出", [133.00, 133.00, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("21699", "其他商业服务业等支出", [133.00, 133.00, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2169901", "其他商业服务业等支出", [133.00, 133.00, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("221", "住房保障支出", [56.34, 56.34, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("22102", "住房改革支出", [56.34, 56.34, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ("2210201", "住房公积金", [56.34, 56.34, 0.0, 0.0, 0.0, 0.0, 0.0]),
];

/// 表3 支出决算表: code, name,
/// [本年支出合计, 基本支出, 项目支出, 上缴上级支出, 经营支出, 对附属单位补助支出].
/// = 表5 plus the 31.36 spent from 其他收入 (all 基本支出, in 2080101).
#[rustfmt::skip]
const T3_TOTAL: [f64; 6] = [3926.89, 732.00, 3194.89, 0.0, 0.0, 0.0];
#[rustfmt::skip]
const T3_ROWS: [(&str, &str, [f64; 6]); 27] = [
    ("201", "一般公共服务支出", [62.76, 62.76, 0.0, 0.0, 0.0, 0.0]),
    ("20132", "组织事务", [62.76, 62.76, 0.0, 0.0, 0.0, 0.0]),
    ("2013201", "行政运行", [62.76, 62.76, 0.0, 0.0, 0.0, 0.0]),
    ("208", "社会保障和就业支出", [1788.03, 538.41, 1249.62, 0.0, 0.0, 0.0]),
    ("20801", "人力资源和社会保障管理事务", [1020.86, 379.18, 641.68, 0.0, 0.0, 0.0]),
    ("2080101", "行政运行", [331.36, 279.18, 52.18, 0.0, 0.0, 0.0]),
    ("2080107", "社会保险业务管理事务", [350.00, 0.0, 350.00, 0.0, 0.0, 0.0]),
    ("2080108", "信息化建设", [80.00, 0.0, 80.00, 0.0, 0.0, 0.0]),
    ("2080109", "社会保险经办机构", [159.50, 100.00, 59.50, 0.0, 0.0, 0.0]),
    ("2080199", "其他人力资源和社会保障管理事务支出", [100.00, 0.0, 100.00, 0.0, 0.0, 0.0]),
    ("20805", "行政事业单位离退休", [159.23, 159.23, 0.0, 0.0, 0.0, 0.0]),
    ("2080501", "归口管理的行政单位离退休", [60.00, 60.00, 0.0, 0.0, 0.0, 0.0]),
    ("2080502", "事业单位离退休", [45.00, 45.00, 0.0, 0.0, 0.0, 0.0]),
    ("2080505", "机关事业单位基本养老保险缴费支出", [54.23, 54.23, 0.0, 0.0, 0.0, 0.0]),
    ("20899", "其他社会保障和就业支出", [607.94, 0.0, 607.94, 0.0, 0.0, 0.0]),
    ("2089901", "其他社会保障和就业支出", [607.94, 0.0, 607.94, 0.0, 0.0, 0.0]),
    ("210", "医疗卫生与计划生育支出", [1886.76, 34.49, 1852.27, 0.0, 0.0, 0.0]),
    ("21011", "行政事业单位医疗", [1886.76, 34.49, 1852.27, 0.0, 0.0, 0.0]),
    ("2101101", "行政单位医疗", [1849.03, 20.00, 1829.03, 0.0, 0.0, 0.0]),
    ("2101102", "事业单位医疗", [14.49, 14.49, 0.0, 0.0, 0.0, 0.0]),
    ("2101199", "其他行政事业单位医疗支出", [23.25, 0.0, 23.25, 0.0, 0.0, 0.0]),
    ("216", "商业服务业等支出", [133.00, 40.00, 93.00, 0.0, 0.0, 0.0]),
    ("21699", "其他商业服务业等支出", [133.00, 40.00, 93.00, 0.0, 0.0, 0.0]),
    ("2169901", "其他商业服务业等支出", [133.00, 40.00, 93.00, 0.0, 0.0, 0.0]),
    ("221", "住房保障支出", [56.34, 56.34, 0.0, 0.0, 0.0, 0.0]),
    ("22102", "住房改革支出", [56.34, 56.34, 0.0, 0.0, 0.0, 0.0]),
    ("2210201", "住房公积金", [56.34, 56.34, 0.0, 0.0, 0.0, 0.0]),
];

/// 表5 一般公共预算财政拨款支出决算表: code, name, [合计, 基本支出, 项目支出].
/// Class and 项 totals for 201, 208 (and its 款 20801/20805/20899), 210 (and
/// 2101101/2101102/2101199), 216, 221 and 2210201 are the narrative's; the
/// other 项 and every 基本/项目 split are illustrative.
#[rustfmt::skip]
const T5_TOTAL: [f64; 3] = [3895.53, 700.64, 3194.89];
#[rustfmt::skip]
const T5_ROWS: [(&str, &str, [f64; 3]); 27] = [
    ("201", "一般公共服务支出", [62.76, 62.76, 0.0]),
    ("20132", "组织事务", [62.76, 62.76, 0.0]),
    ("2013201", "行政运行", [62.76, 62.76, 0.0]),
    ("208", "社会保障和就业支出", [1756.67, 507.05, 1249.62]),
    ("20801", "人力资源和社会保障管理事务", [989.50, 347.82, 641.68]),
    ("2080101", "行政运行", [300.00, 247.82, 52.18]),
    ("2080107", "社会保险业务管理事务", [350.00, 0.0, 350.00]),
    ("2080108", "信息化建设", [80.00, 0.0, 80.00]),
    ("2080109", "社会保险经办机构", [159.50, 100.00, 59.50]),
    ("2080199", "其他人力资源和社会保障管理事务支出", [100.00, 0.0, 100.00]),
    ("20805", "行政事业单位离退休", [159.23, 159.23, 0.0]),
    ("2080501", "归口管理的行政单位离退休", [60.00, 60.00, 0.0]),
    ("2080502", "事业单位离退休", [45.00, 45.00, 0.0]),
    ("2080505", "机关事业单位基本养老保险缴费支出", [54.23, 54.23, 0.0]),
    ("20899", "其他社会保障和就业支出", [607.94, 0.0, 607.94]),
    ("2089901", "其他社会保障和就业支出", [607.94, 0.0, 607.94]),
    // Deliberate 0.01 gap: 1886.76 here, the three 项 below add to 1886.77.
    ("210", "医疗卫生与计划生育支出", [1886.76, 34.49, 1852.27]),
    ("21011", "行政事业单位医疗", [1886.76, 34.49, 1852.27]),
    ("2101101", "行政单位医疗", [1849.03, 20.00, 1829.03]),
    ("2101102", "事业单位医疗", [14.49, 14.49, 0.0]),
    ("2101199", "其他行政事业单位医疗支出", [23.25, 0.0, 23.25]),
    ("216", "商业服务业等支出", [133.00, 40.00, 93.00]),
    ("21699", "其他商业服务业等支出", [133.00, 40.00, 93.00]),
    ("2169901", "其他商业服务业等支出", [133.00, 40.00, 93.00]),
    ("221", "住房保障支出", [56.34, 56.34, 0.0]),
    ("22102", "住房改革支出", [56.34, 56.34, 0.0]),
    ("2210201", "住房公积金", [56.34, 56.34, 0.0]),
];

/// 表6 人员经费 (经济分类 301, 303): code, name, 决算数. Items illustrative.
#[rustfmt::skip]
const T6_PERSONNEL: [(&str, &str, f64); 20] = [
    ("301", "工资福利支出", 433.23),
    ("30101", "基本工资", 150.00),
    ("30102", "津贴补贴", 120.00),
    ("30103", "奖金", 15.00),
    ("30104", "社会保障缴费", 30.00),
    ("30106", "伙食补助费", 6.00),
    ("30107", "绩效工资", 40.00),
    ("30108", "机关事业单位基本养老保险缴费", 54.23),
    ("30109", "职业年金缴费", 10.00),
    ("30199", "其他工资福利支出", 8.00),
    ("303", "对个人和家庭的补助", 162.05),
    ("30301", "离休费", 20.00),
    ("30302", "退休费", 60.00),
    ("30304", "抚恤金", 3.00),
    ("30305", "生活补助", 2.00),
    ("30307", "医疗费", 14.49),
    ("30308", "助学金", 0.50),
    ("30309", "奖励金", 1.00),
    ("30311", "住房公积金", 56.34),
    ("30399", "其他对个人和家庭的补助支出", 4.72),
];
/// 人员经费合计 (narrative).
const T6_PERSONNEL_TOTAL: f64 = 595.28;

/// 表6 公用经费 (经济分类 302, 310): code, name, 决算数. Items illustrative;
/// 310 资本性支出 has no figure.
#[rustfmt::skip]
const T6_PUBLIC: [(&str, &str, f64); 23] = [
    ("302", "商品和服务支出", 105.37),
    ("30201", "办公费", 18.00),
    ("30202", "印刷费", 4.50),
    ("30203", "咨询费", 1.20),
    ("30204", "手续费", 0.30),
    ("30205", "水费", 1.80),
    ("30206", "电费", 6.50),
    ("30207", "邮电费", 5.20),
    ("30209", "物业管理费", 6.00),
    ("30211", "差旅费", 12.00),
    ("30213", "维修（护）费", 5.00),
    ("30215", "会议费", 3.50),
    ("30216", "培训费", 4.80),
    ("30217", "公务接待费", 2.60),
    ("30218", "专用材料费", 1.50),
    ("30226", "劳务费", 6.00),
    ("30227", "委托业务费", 3.00),
    ("30228", "工会经费", 7.20),
    ("30229", "福利费", 3.60),
    ("30231", "公务用车运行维护费", 6.40),
    ("30239", "其他交通费用", 2.00),
    ("30299", "其他商品和服务支出", 4.27),
    ("310", "资本性支出", 0.0),
];
/// 公用经费合计 (narrative; also the 机关运行经费).
const T6_PUBLIC_TOTAL: f64 = 105.37;

/// 表1 收入支出决算总表, income half: label, 金额.
#[rustfmt::skip]
const T1_INCOME: [(&str, f64); 6] = [
    ("一、财政拨款收入", 3966.63),
    ("二、上级补助收入", 0.0),
    ("三、事业收入", 0.0),
    ("四、经营收入", 0.0),
    ("五、附属单位上缴收入", 0.0),
    ("六、其他收入", 31.36),
];
/// 表1 expenditure by class (same order as CLASSES): = 表3 class rows.
#[rustfmt::skip]
const T1_CLASS: [f64; 20] = [
    62.76,    // 201
    0.0,      // 202
    0.0,      // 203
    0.0,      // 204
    0.0,      // 205
    0.0,      // 206
    0.0,      // 207
    1788.03,  // 208
    1886.76,  // 210
    0.0,      // 211
    0.0,      // 212
    0.0,      // 213
    0.0,      // 214
    0.0,      // 215
    133.00,   // 216
    0.0,      // 217
    0.0,      // 220
    56.34,    // 221
    0.0,      // 222
    0.0,      // 229
];
/// 表1 closing lines: (income label, amount, expenditure label, amount).
#[rustfmt::skip]
const T1_FOOT: [(&str, f64, &str, f64); 4] = [
    ("本年收入合计", 3997.99, "本年支出合计", 3926.89),
    ("用事业基金弥补收支差额", 0.0, "结余分配", 0.0),
    ("年初结转和结余", 2.60, "年末结转和结余", 73.70),
    ("收入总计", 4000.59, "支出总计", 4000.59),
];

/// 表4 财政拨款收入支出决算总表, income half.
#[rustfmt::skip]
const T4_INCOME: [(&str, f64); 2] = [
    ("一、一般公共预算财政拨款", 3966.63),
    ("二、政府性基金预算财政拨款", 0.0),
];
/// 表4 expenditure by class: [合计, 一般公共预算财政拨款, 政府性基金预算财政拨款] = 表5 class rows.
#[rustfmt::skip]
const T4_CLASS: [[f64; 3]; 20] = [
    [62.76, 62.76, 0.0],       // 201
    [0.0; 3],                  // 202
    [0.0; 3],                  // 203
    [0.0; 3],                  // 204
    [0.0; 3],                  // 205
    [0.0; 3],                  // 206
    [0.0; 3],                  // 207
    [1756.67, 1756.67, 0.0],   // 208
    [1886.76, 1886.76, 0.0],   // 210
    [0.0; 3],                  // 211
    [0.0; 3],                  // 212
    [0.0; 3],                  // 213
    [0.0; 3],                  // 214
    [0.0; 3],                  // 215
    [133.00, 133.00, 0.0],     // 216
    [0.0; 3],                  // 217
    [0.0; 3],                  // 220
    [56.34, 56.34, 0.0],       // 221
    [0.0; 3],                  // 222
    [0.0; 3],                  // 229
];
/// 表4 closing lines: (income label, amount, expenditure label, [合计, 一般公共预算, 政府性基金]).
/// An empty expenditure label leaves that half of the line blank.
#[rustfmt::skip]
const T4_FOOT: [(&str, f64, &str, [f64; 3]); 5] = [
    ("本年收入合计", 3966.63, "本年支出合计", [3895.53, 3895.53, 0.0]),
    ("年初财政拨款结转和结余", 2.60, "年末财政拨款结转和结余", [73.70, 73.70, 0.0]),
    ("一般公共预算财政拨款", 2.60, "", [0.0; 3]),
    ("政府性基金预算财政拨款", 0.0, "", [0.0; 3]),
    ("收入总计", 3969.23, "支出总计", [3969.23, 3969.23, 0.0]),
];

const T7_NOTE: &str =
    "注：本单位2016年度没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。";

// ---------------------------------------------------------------------------
// Arithmetic check (in 分, integers).
// ---------------------------------------------------------------------------

fn c(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

fn class_row<const N: usize>(rows: &[(&str, &str, [f64; N])], code: &str) -> [f64; N] {
    rows.iter()
        .find(|r| r.0 == code)
        .map(|r| r.2)
        .unwrap_or([0.0; N])
}

/// Checks a 类/款/项 table: every row total, parent = Σ children, 合计 = Σ 类.
/// Returns the (parent code, column) pairs where parent ≠ Σ children, with the difference in 分.
fn check_tree<const N: usize>(
    name: &str,
    total: &[f64; N],
    rows: &[(&str, &str, [f64; N])],
) -> Vec<(String, usize, i64)> {
    let mut gaps = Vec::new();
    let sum_row = |v: &[f64; N]| v[1..].iter().map(|&x| c(x)).sum::<i64>();
    assert_eq!(c(total[0]), sum_row(total), "{name}: 合计 row total");
    for (code, _, v) in rows {
        assert_eq!(c(v[0]), sum_row(v), "{name}: row {code} total ≠ Σ columns");
    }
    for col in 0..N {
        let classes: i64 = rows
            .iter()
            .filter(|r| r.0.len() == 3)
            .map(|r| c(r.2[col]))
            .sum();
        assert_eq!(c(total[col]), classes, "{name}: 合计 ≠ Σ 类, column {col}");
        for (code, _, v) in rows.iter().filter(|r| r.0.len() < 7) {
            let kids: i64 = rows
                .iter()
                .filter(|r| r.0.len() == code.len() + 2 && r.0.starts_with(code))
                .map(|r| c(r.2[col]))
                .sum();
            if kids != c(v[col]) {
                gaps.push((code.to_string(), col, kids - c(v[col])));
            }
        }
    }
    gaps
}

fn check() {
    // 表2, 表3, 表5: the only tree gap is 21011 (→ 210) vs its 项, +0.01 in the
    // total column and in the one column that carries the 210 money.
    let g2 = check_tree("表2", &T2_TOTAL, &T2_ROWS);
    assert_eq!(
        g2,
        vec![("21011".into(), 0, 1), ("21011".into(), 1, 1)],
        "表2 gaps"
    );
    let g3 = check_tree("表3", &T3_TOTAL, &T3_ROWS);
    assert_eq!(
        g3,
        vec![("21011".into(), 0, 1), ("21011".into(), 2, 1)],
        "表3 gaps"
    );
    let g5 = check_tree("表5", &T5_TOTAL, &T5_ROWS);
    assert_eq!(
        g5,
        vec![("21011".into(), 0, 1), ("21011".into(), 2, 1)],
        "表5 gaps"
    );

    // 表3 = 表5 + the 31.36 of 其他收入 spent as 基本支出 in 2080101 (and its parents).
    for ((code, _, v3), (code5, _, v5)) in T3_ROWS.iter().zip(T5_ROWS.iter()) {
        assert_eq!(code, code5);
        let extra = if ["208", "20801", "2080101"].contains(code) {
            3136
        } else {
            0
        };
        assert_eq!(c(v3[0]), c(v5[0]) + extra, "表3/表5 {code} total");
        assert_eq!(c(v3[1]), c(v5[1]) + extra, "表3/表5 {code} basic");
        assert_eq!(c(v3[2]), c(v5[2]), "表3/表5 {code} project");
    }
    // 表2 fiscal income = 表5 expenditure, except the 71.10 net carry-over in 2080107.
    for ((code, _, v2), (code5, _, v5)) in T2_ROWS.iter().zip(T5_ROWS.iter()) {
        assert_eq!(code, code5);
        let extra = if ["208", "20801", "2080107"].contains(code) {
            7110
        } else {
            0
        };
        assert_eq!(c(v2[1]), c(v5[0]) + extra, "表2/表5 {code} fiscal");
    }

    // 表1 收入支出决算总表.
    let income: i64 = T1_INCOME.iter().map(|l| c(l.1)).sum();
    let spend: i64 = T1_CLASS.iter().map(|&x| c(x)).sum();
    let [f_total, f_reserve, f_open, f_grand] = T1_FOOT;
    assert_eq!(income, c(f_total.1), "表1 本年收入合计");
    assert_eq!(spend, c(f_total.3), "表1 本年支出合计");
    assert_eq!(
        c(f_total.1) + c(f_reserve.1) + c(f_open.1),
        c(f_grand.1),
        "表1 收入总计"
    );
    assert_eq!(
        c(f_total.3) + c(f_reserve.3) + c(f_open.3),
        c(f_grand.3),
        "表1 支出总计"
    );
    assert_eq!(c(f_grand.1), c(f_grand.3), "表1 balance");
    for (i, (code, _)) in CLASSES.iter().enumerate() {
        assert_eq!(
            c(T1_CLASS[i]),
            c(class_row(&T3_ROWS, code)[0]),
            "表1/表3 class {code}"
        );
    }
    // 表1 = the detail tables' 合计 rows.
    assert_eq!(c(T1_INCOME[0].1), c(T2_TOTAL[1]), "表1/表2 财政拨款收入");
    for (i, (_, v)) in T1_INCOME.iter().enumerate() {
        assert_eq!(c(*v), c(T2_TOTAL[i + 1]), "表1/表2 income line {i}");
    }
    assert_eq!(c(f_total.1), c(T2_TOTAL[0]), "表1/表2 本年收入合计");
    assert_eq!(c(f_total.3), c(T3_TOTAL[0]), "表1/表3 本年支出合计");

    // 表4 财政拨款收入支出决算总表.
    let [g_total, g_open, g_open_gb, g_open_gf, g_grand] = T4_FOOT;
    let inc4: i64 = T4_INCOME.iter().map(|l| c(l.1)).sum();
    assert_eq!(inc4, c(g_total.1), "表4 本年收入合计");
    assert_eq!(
        c(g_open_gb.1) + c(g_open_gf.1),
        c(g_open.1),
        "表4 年初 split"
    );
    assert_eq!(c(g_total.1) + c(g_open.1), c(g_grand.1), "表4 收入总计");
    for line in [&g_total.3, &g_open.3, &g_grand.3] {
        assert_eq!(
            c(line[0]),
            c(line[1]) + c(line[2]),
            "表4 合计 = 一般 + 基金"
        );
    }
    for col in 0..3 {
        let s: i64 = T4_CLASS.iter().map(|v| c(v[col])).sum();
        assert_eq!(s, c(g_total.3[col]), "表4 本年支出合计 column {col}");
        assert_eq!(
            c(g_total.3[col]) + c(g_open.3[col]),
            c(g_grand.3[col]),
            "表4 支出总计"
        );
    }
    assert_eq!(c(g_grand.1), c(g_grand.3[0]), "表4 balance");
    for (i, (code, _)) in CLASSES.iter().enumerate() {
        let v = T4_CLASS[i];
        assert_eq!(c(v[0]), c(v[1]) + c(v[2]), "表4 class {code} row");
        assert_eq!(
            c(v[1]),
            c(class_row(&T5_ROWS, code)[0]),
            "表4/表5 class {code}"
        );
    }
    assert_eq!(c(g_total.3[1]), c(T5_TOTAL[0]), "表4/表5 合计");
    assert_eq!(c(T4_INCOME[0].1), c(T1_INCOME[0].1), "表4/表1 财政拨款收入");
    // 非财政拨款 = 其他收入, spent in full; carry-overs are all 财政拨款.
    assert_eq!(c(f_open.1), c(g_open.1), "年初结转和结余 all 财政拨款");
    assert_eq!(c(f_open.3), c(g_open.3[0]), "年末结转和结余 all 财政拨款");

    // 表6: items → classes → totals; totals vs 表5 基本支出 (deliberate 0.01).
    for (part, rows, total) in [
        ("人员经费", &T6_PERSONNEL[..], T6_PERSONNEL_TOTAL),
        ("公用经费", &T6_PUBLIC[..], T6_PUBLIC_TOTAL),
    ] {
        let classes: i64 = rows.iter().filter(|r| r.0.len() == 3).map(|r| c(r.2)).sum();
        assert_eq!(classes, c(total), "表6 {part}合计");
        for (code, _, v) in rows.iter().filter(|r| r.0.len() == 3) {
            let items: i64 = rows
                .iter()
                .filter(|r| r.0.len() == 5 && r.0.starts_with(code))
                .map(|r| c(r.2))
                .sum();
            assert_eq!(items, c(*v), "表6 class {code}");
        }
    }
    assert_eq!(
        c(T6_PERSONNEL_TOTAL) + c(T6_PUBLIC_TOTAL) - c(T5_TOTAL[1]),
        1,
        "表6 700.65 vs 表5 700.64 (the deliberate gap)"
    );

    // The narrative's figures.
    assert_eq!(c(f_total.1), 399799);
    assert_eq!(c(T1_INCOME[0].1), 396663);
    assert_eq!(c(T1_INCOME[5].1), 3136);
    assert_eq!(c(f_open.1), 260);
    assert_eq!(c(f_total.3), 392689);
    assert_eq!(c(T3_TOTAL[1]), 73200);
    assert_eq!(c(T3_TOTAL[2]), 319489);
    assert_eq!(c(f_open.3), 7370);
    assert_eq!(c(g_total.3[0]), 389553);
    assert_eq!(c(T5_TOTAL[1]), 70064);
    assert_eq!(c(T5_TOTAL[2]), 319489);
    let t5 = |code: &str| c(class_row(&T5_ROWS, code)[0]);
    assert_eq!(t5("201"), 6276);
    assert_eq!(t5("208"), 175667);
    assert_eq!(t5("20801"), 98950);
    assert_eq!(t5("20805"), 15923);
    assert_eq!(t5("20899"), 60794);
    assert_eq!(t5("210"), 188676);
    assert_eq!(t5("2101101"), 184903);
    assert_eq!(t5("2101102"), 1449);
    assert_eq!(t5("2101199"), 2325);
    assert_eq!(t5("216"), 13300);
    assert_eq!(t5("221"), 5634);
    assert_eq!(t5("2210201"), 5634);
    assert_eq!(c(T6_PERSONNEL_TOTAL), 59528);
    assert_eq!(c(T6_PUBLIC_TOTAL), 10537);
}

// ---------------------------------------------------------------------------
// Writing.
// ---------------------------------------------------------------------------

struct Fmt {
    title: Format,
    dept: Format,
    unit: Format,
    head: Format,
    text: Format,
    center: Format,
    code: Format,
    num: Format,
    int: Format,
    blank: Format,
    note: Format,
}

impl Fmt {
    fn new() -> Fmt {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_font_name("宋体")
            .set_font_size(10)
            .set_align(FormatAlign::VerticalCenter);
        Fmt {
            title: Format::new()
                .set_font_name("黑体")
                .set_font_size(16)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            dept: Format::new().set_font_name("宋体").set_font_size(10),
            unit: Format::new()
                .set_font_name("宋体")
                .set_font_size(10)
                .set_align(FormatAlign::Right),
            head: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: cell.clone().set_align(FormatAlign::Left),
            center: cell.clone().set_align(FormatAlign::Center),
            code: cell
                .clone()
                .set_align(FormatAlign::Left)
                .set_num_format("@"),
            num: cell
                .clone()
                .set_align(FormatAlign::Right)
                .set_num_format("#,##0.00"),
            int: cell
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("0"),
            blank: cell,
            note: Format::new().set_font_name("宋体").set_font_size(9),
        }
    }
}

type Res = Result<(), Box<dyn Error>>;

/// An amount, or a bordered blank when there is no figure.
fn amt(ws: &mut Worksheet, f: &Fmt, row: u32, col: u16, v: f64) -> Res {
    if v == 0.0 {
        ws.write_blank(row, col, &f.blank)?;
    } else {
        ws.write_number_with_format(row, col, v, &f.num)?;
    }
    Ok(())
}

fn text(ws: &mut Worksheet, fmt: &Format, row: u32, col: u16, s: &str) -> Res {
    if s.is_empty() {
        ws.write_blank(row, col, fmt)?;
    } else {
        ws.write_string_with_format(row, col, s, fmt)?;
    }
    Ok(())
}

/// Rows 1–2: title over the table width, department left, 单位 right.
fn heading(ws: &mut Worksheet, f: &Fmt, title: &str, last_col: u16) -> Res {
    ws.merge_range(0, 0, 0, last_col, title, &f.title)?;
    ws.set_row_height(0, 30)?;
    ws.write_string_with_format(1, 0, DEPT, &f.dept)?;
    ws.write_string_with_format(1, last_col, UNIT, &f.unit)?;
    Ok(())
}

/// Header of the 类/款/项 tables (rows 3–6): 项目 over code + name, then the
/// amount columns. `groups` are (label, sub-labels): no sub-labels = one
/// column merged down over rows 3–5.
fn tree_header(ws: &mut Worksheet, f: &Fmt, groups: &[(&str, &[&str])]) -> Res {
    ws.merge_range(2, 0, 2, 3, "项目", &f.head)?;
    ws.merge_range(3, 0, 3, 2, "科目编码", &f.head)?;
    ws.merge_range(3, 3, 4, 3, "科目名称", &f.head)?;
    for (i, s) in ["类", "款", "项"].iter().enumerate() {
        ws.write_string_with_format(4, i as u16, *s, &f.head)?;
    }
    ws.merge_range(5, 0, 5, 3, "栏次", &f.head)?;
    let mut col: u16 = 4;
    for (label, subs) in groups {
        if subs.is_empty() {
            ws.merge_range(2, col, 4, col, label, &f.head)?;
            col += 1;
        } else {
            let last = col + subs.len() as u16 - 1;
            ws.merge_range(2, col, 2, last, label, &f.head)?;
            for (k, s) in subs.iter().enumerate() {
                ws.merge_range(3, col + k as u16, 4, col + k as u16, s, &f.head)?;
            }
            col = last + 1;
        }
    }
    for k in 4..col {
        ws.write_string_with_format(5, k, (k - 3).to_string(), &f.center)?;
    }
    ws.set_row_height(3, 20)?;
    ws.set_row_height(4, 20)?;
    Ok(())
}

fn tree_widths(ws: &mut Worksheet, amount_cols: u16) -> Res {
    for k in 0..3 {
        ws.set_column_width(k, 5.5)?;
    }
    ws.set_column_width(3, 34)?;
    for k in 0..amount_cols {
        ws.set_column_width(4 + k, 13)?;
    }
    Ok(())
}

/// Body of a 类/款/项 table from row 7: 合计 row, then one row per code with
/// the code split over 类 | 款 | 项 as text ("208" | "01" | "01").
/// Returns the next free row.
fn tree_body<const N: usize>(
    ws: &mut Worksheet,
    f: &Fmt,
    total: Option<&[f64; N]>,
    rows: &[(&str, &str, [f64; N])],
) -> Result<u32, Box<dyn Error>> {
    let mut r: u32 = 6;
    ws.merge_range(r, 0, r, 3, "合计", &f.center)?;
    for k in 0..N {
        amt(ws, f, r, 4 + k as u16, total.map_or(0.0, |t| t[k]))?;
    }
    r += 1;
    for (code, name, v) in rows {
        let parts = [
            &code[..3],
            code.get(3..5).unwrap_or(""),
            code.get(5..7).unwrap_or(""),
        ];
        for (i, p) in parts.iter().enumerate() {
            text(ws, &f.code, r, i as u16, p)?;
        }
        text(ws, &f.text, r, 3, name)?;
        for (k, x) in v.iter().enumerate() {
            amt(ws, f, r, 4 + k as u16, *x)?;
        }
        r += 1;
    }
    Ok(r)
}

fn note(ws: &mut Worksheet, f: &Fmt, row: u32, s: &str) -> Res {
    ws.write_string_with_format(row, 0, s, &f.note)?;
    Ok(())
}

fn sheet1(ws: &mut Worksheet, f: &Fmt) -> Res {
    ws.set_name("表1 收入支出决算总表")?;
    heading(ws, f, "收入支出决算总表", 5)?;
    ws.merge_range(2, 0, 2, 2, "收入", &f.head)?;
    ws.merge_range(2, 3, 2, 5, "支出", &f.head)?;
    for (k, s) in ["项目", "行次", "金额", "项目", "行次", "金额"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(3, k as u16, *s, &f.head)?;
    }
    for (k, s) in ["栏次", "", "1", "栏次", "", "2"].iter().enumerate() {
        text(ws, &f.center, 4, k as u16, s)?;
    }
    let first: u32 = 5;
    let n = (CLASSES.len() + T1_FOOT.len()) as u32;
    let mut r = first;
    for (i, (_, name)) in CLASSES.iter().enumerate() {
        let (left, lv) = T1_INCOME.get(i).copied().unwrap_or(("", 0.0));
        text(ws, &f.text, r, 0, left)?;
        amt(ws, f, r, 2, lv)?;
        text(ws, &f.text, r, 3, &format!("{}、{}", NUMERALS[i], name))?;
        amt(ws, f, r, 5, T1_CLASS[i])?;
        r += 1;
    }
    for (left, lv, right, rv) in T1_FOOT {
        text(ws, &f.center, r, 0, left)?;
        amt(ws, f, r, 2, lv)?;
        text(ws, &f.center, r, 3, right)?;
        amt(ws, f, r, 5, rv)?;
        r += 1;
    }
    // 行次: 1… down the income half, continuing down the expenditure half.
    for i in 0..n {
        ws.write_number_with_format(first + i, 1, f64::from(i + 1), &f.int)?;
        ws.write_number_with_format(first + i, 4, f64::from(n + i + 1), &f.int)?;
    }
    note(
        ws,
        f,
        r,
        "注：本表反映部门本年度的总收支和年末结转结余情况。",
    )?;
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 6)?;
    ws.set_column_width(2, 14)?;
    ws.set_column_width(3, 30)?;
    ws.set_column_width(4, 6)?;
    ws.set_column_width(5, 14)?;
    Ok(())
}

fn sheet2(ws: &mut Worksheet, f: &Fmt) -> Res {
    ws.set_name("表2 收入决算表")?;
    heading(ws, f, "收入决算表", 10)?;
    tree_header(
        ws,
        f,
        &[
            ("本年收入合计", &[]),
            ("财政拨款收入", &[]),
            ("上级补助收入", &[]),
            ("事业收入", &[]),
            ("经营收入", &[]),
            ("附属单位上缴收入", &[]),
            ("其他收入", &[]),
        ],
    )?;
    let r = tree_body(ws, f, Some(&T2_TOTAL), &T2_ROWS)?;
    note(ws, f, r, "注：本表反映部门本年度取得的各项收入情况。")?;
    tree_widths(ws, 7)
}

fn sheet3(ws: &mut Worksheet, f: &Fmt) -> Res {
    ws.set_name("表3 支出决算表")?;
    heading(ws, f, "支出决算表", 9)?;
    tree_header(
        ws,
        f,
        &[
            ("本年支出合计", &[]),
            ("基本支出", &[]),
            ("项目支出", &[]),
            ("上缴上级支出", &[]),
            ("经营支出", &[]),
            ("对附属单位补助支出", &[]),
        ],
    )?;
    let r = tree_body(ws, f, Some(&T3_TOTAL), &T3_ROWS)?;
    note(ws, f, r, "注：本表反映部门本年度各项支出情况。")?;
    tree_widths(ws, 6)
}

fn sheet4(ws: &mut Worksheet, f: &Fmt) -> Res {
    ws.set_name("表4 财政拨款收入支出决算总表")?;
    heading(ws, f, "财政拨款收入支出决算总表", 7)?;
    ws.merge_range(2, 0, 2, 2, "收入", &f.head)?;
    ws.merge_range(2, 3, 2, 7, "支出", &f.head)?;
    let heads = [
        "项目",
        "行次",
        "金额",
        "项目",
        "行次",
        "合计",
        "一般公共预算财政拨款",
        "政府性基金预算财政拨款",
    ];
    for (k, s) in heads.iter().enumerate() {
        ws.write_string_with_format(3, k as u16, *s, &f.head)?;
    }
    for (k, s) in ["栏次", "", "1", "栏次", "", "2", "3", "4"]
        .iter()
        .enumerate()
    {
        text(ws, &f.center, 4, k as u16, s)?;
    }
    ws.set_row_height(3, 30)?;
    let first: u32 = 5;
    let n = (CLASSES.len() + T4_FOOT.len()) as u32;
    let mut r = first;
    for (i, (_, name)) in CLASSES.iter().enumerate() {
        let (left, lv) = T4_INCOME.get(i).copied().unwrap_or(("", 0.0));
        text(ws, &f.text, r, 0, left)?;
        amt(ws, f, r, 2, lv)?;
        text(ws, &f.text, r, 3, &format!("{}、{}", NUMERALS[i], name))?;
        for (k, v) in T4_CLASS[i].iter().enumerate() {
            amt(ws, f, r, 5 + k as u16, *v)?;
        }
        r += 1;
    }
    for (left, lv, right, rv) in T4_FOOT {
        let fmt = if left.ends_with("财政拨款") {
            &f.text
        } else {
            &f.center
        };
        text(ws, fmt, r, 0, left)?;
        amt(ws, f, r, 2, lv)?;
        text(ws, &f.center, r, 3, right)?;
        for (k, v) in rv.iter().enumerate() {
            amt(ws, f, r, 5 + k as u16, *v)?;
        }
        r += 1;
    }
    for i in 0..n {
        ws.write_number_with_format(first + i, 1, f64::from(i + 1), &f.int)?;
        ws.write_number_with_format(first + i, 4, f64::from(n + i + 1), &f.int)?;
    }
    note(
        ws,
        f,
        r,
        "注：本表反映部门本年度财政拨款总收支和年末结转结余情况。",
    )?;
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 6)?;
    ws.set_column_width(2, 13)?;
    ws.set_column_width(3, 30)?;
    ws.set_column_width(4, 6)?;
    for k in 5..8 {
        ws.set_column_width(k, 13)?;
    }
    Ok(())
}

fn sheet5(ws: &mut Worksheet, f: &Fmt) -> Res {
    ws.set_name("表5 一般公共预算财政拨款支出决算表")?;
    heading(ws, f, "一般公共预算财政拨款支出决算表", 6)?;
    tree_header(
        ws,
        f,
        &[("合计", &[]), ("基本支出", &[]), ("项目支出", &[])],
    )?;
    let r = tree_body(ws, f, Some(&T5_TOTAL), &T5_ROWS)?;
    note(
        ws,
        f,
        r,
        "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。",
    )?;
    tree_widths(ws, 3)
}

fn sheet6(ws: &mut Worksheet, f: &Fmt) -> Res {
    ws.set_name("表6 一般公共预算财政拨款基本支出决算表")?;
    heading(ws, f, "一般公共预算财政拨款基本支出决算表", 5)?;
    ws.merge_range(2, 0, 2, 2, "人员经费", &f.head)?;
    ws.merge_range(2, 3, 2, 5, "公用经费", &f.head)?;
    for (k, s) in [
        "科目编码",
        "科目名称",
        "决算数",
        "科目编码",
        "科目名称",
        "决算数",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(3, k as u16, *s, &f.head)?;
    }
    let first: u32 = 4;
    let n = T6_PERSONNEL.len().max(T6_PUBLIC.len());
    for i in 0..n {
        let r = first + i as u32;
        for (group, rows) in [(0u16, &T6_PERSONNEL[..]), (3u16, &T6_PUBLIC[..])] {
            let (code, name, v) = rows.get(i).copied().unwrap_or(("", "", 0.0));
            text(ws, &f.code, r, group, code)?;
            text(ws, &f.text, r, group + 1, name)?;
            amt(ws, f, r, group + 2, v)?;
        }
    }
    let r = first + n as u32;
    ws.merge_range(r, 0, r, 1, "人员经费合计", &f.center)?;
    amt(ws, f, r, 2, T6_PERSONNEL_TOTAL)?;
    ws.merge_range(r, 3, r, 4, "公用经费合计", &f.center)?;
    amt(ws, f, r, 5, T6_PUBLIC_TOTAL)?;
    note(
        ws,
        f,
        r + 1,
        "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
    )?;
    for (k, w) in [9.0, 28.0, 12.0, 9.0, 24.0, 12.0].iter().enumerate() {
        ws.set_column_width(k as u16, *w)?;
    }
    Ok(())
}

fn sheet7(ws: &mut Worksheet, f: &Fmt) -> Res {
    ws.set_name("表7 政府性基金预算财政拨款收入支出决算表")?;
    heading(ws, f, "政府性基金预算财政拨款收入支出决算表", 9)?;
    tree_header(
        ws,
        f,
        &[
            ("年初结转和结余", &[]),
            ("本年收入", &[]),
            ("本年支出", &["小计", "基本支出", "项目支出"]),
            ("年末结转和结余", &[]),
        ],
    )?;
    let rows: [(&str, &str, [f64; 6]); 0] = [];
    let r = tree_body(ws, f, None, &rows)?;
    note(ws, f, r, T7_NOTE)?;
    tree_widths(ws, 6)
}

fn main() -> Res {
    check();

    let f = Fmt::new();
    let mut wb = Workbook::new();
    // Fixed creation time so that re-running gives the same file.
    let created = ExcelDateTime::from_ymd(2017, 9, 1)?.and_hms(9, 0, 0)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("谯城区人力资源和社会保障局2016年度部门决算公开表（重构样本）")
            .set_author("gouji sample")
            .set_creation_datetime(&created),
    );
    sheet1(wb.add_worksheet(), &f)?;
    sheet2(wb.add_worksheet(), &f)?;
    sheet3(wb.add_worksheet(), &f)?;
    sheet4(wb.add_worksheet(), &f)?;
    sheet5(wb.add_worksheet(), &f)?;
    sheet6(wb.add_worksheet(), &f)?;
    sheet7(wb.add_worksheet(), &f)?;

    std::fs::create_dir_all(OUT_DIR)?;
    let path = Path::new(OUT_DIR).join(OUT_FILE);
    wb.save(&path)?;
    println!("wrote {}", path.display());
    Ok(())
}
