//! The nine tables of a 2024 决算公开表 built from a department's figures, and their writing to
//! one worksheet, stacked the way `examples/sample_putuo_finance.rs` lays them out.

use super::catalogue::{INCOME_LINES, PERSONNEL, PUBLIC, SUMMARY_LINES};
use super::layouts::{
    ColumnKind, HeaderCell, Layout, BASIC, FISCAL, GENERAL, GOVERNMENT_FUND, INCOME, SPENDING,
    STATE_CAPITAL, SUMMARY, THREE_PUBLIC,
};
use super::model::{LeafYear, Structure, Year};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// Hundredths of 万元; zero is printed blank.
    Amt(i64),
    Blank,
}

fn t(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Blank
    } else {
        Cell::Text(s.to_string())
    }
}

/// One table as it is written: its fixed shape, its rows of cells and a note under it.
pub struct Table {
    pub title: &'static str,
    pub kinds: &'static [ColumnKind],
    pub header: &'static [HeaderCell],
    pub header_rows: u32,
    pub rows: Vec<Vec<Cell>>,
    pub note: Option<String>,
}

/// Indices of the tables in [`build`]'s answer.
pub const T_SUMMARY: usize = 0;
/// 二、收入决算表.
pub const T_INCOME: usize = 1;
/// 三、支出决算表.
pub const T_SPENDING: usize = 2;
/// 四、财政拨款收入支出决算总表.
pub const T_FISCAL: usize = 3;
/// 五、一般公共预算财政拨款支出决算表.
pub const T_GENERAL: usize = 4;
/// 六、一般公共预算财政拨款基本支出决算表.
pub const T_BASIC: usize = 5;
/// 七、财政拨款“三公”经费支出决算表.
pub const T_THREE: usize = 6;

/// A 功能分类 row: code, name and the leaves' figures it sums.
pub struct CodeRow {
    pub code: &'static str,
    pub name: &'static str,
    pub sum: LeafYear,
}

pub fn add(a: &mut LeafYear, b: &LeafYear) {
    a.fiscal_basic += b.fiscal_basic;
    a.fiscal_project += b.fiscal_project;
    a.other_basic += b.other_basic;
    a.other_project += b.other_project;
    a.fiscal_income += b.fiscal_income;
    a.other_income += b.other_income;
}

/// 类, 款 and 项 rows in code order, each class and section the sum of what is under it
/// (`leaves` aligned with the structure's, in whatever unit they are).
pub fn code_rows(s: &Structure, leaves: &[LeafYear]) -> Vec<CodeRow> {
    let mut rows: Vec<CodeRow> = Vec::new();
    let (mut class_at, mut section_at) = (usize::MAX, usize::MAX);
    for (l, f) in s.leaves.iter().zip(leaves) {
        if class_at == usize::MAX || rows[class_at].code != l.class {
            class_at = rows.len();
            rows.push(CodeRow {
                code: l.class,
                name: l.class_name,
                sum: LeafYear::default(),
            });
            section_at = usize::MAX;
        }
        if section_at == usize::MAX || rows[section_at].code != l.section {
            section_at = rows.len();
            rows.push(CodeRow {
                code: l.section,
                name: l.section_name,
                sum: LeafYear::default(),
            });
        }
        add(&mut rows[class_at].sum, f);
        add(&mut rows[section_at].sum, f);
        rows.push(CodeRow {
            code: l.code,
            name: l.name,
            sum: f.clone(),
        });
    }
    rows
}

fn class_total(rows: &[CodeRow], code: &str, f: impl Fn(&LeafYear) -> i64) -> i64 {
    rows.iter()
        .find(|r| r.code == code)
        .map_or(0, |r| f(&r.sum))
}

/// What every table of one year is built from: the 功能分类 rows with their sums, the
/// department's total over all leaves, and the year's own figures (balances, 经济分类, 三公).
struct Figures<'a> {
    rows: Vec<CodeRow>,
    total: LeafYear,
    year: &'a Year,
}

impl Figures<'_> {
    /// The 类 row's figure `f`, or zero when the department spends nothing in that class.
    fn class(&self, code: &str, f: impl Fn(&LeafYear) -> i64) -> i64 {
        class_total(&self.rows, code, f)
    }
}

/// The nine tables of one department in one year.
pub fn build(s: &Structure, y: &Year, unit_name: &str) -> Vec<Table> {
    let mut total = LeafYear::default();
    for f in &y.leaves {
        add(&mut total, f);
    }
    let figures = Figures {
        rows: code_rows(s, &y.leaves),
        total,
        year: y,
    };
    let table = |layout: &Layout, rows, note| Table {
        title: layout.title,
        kinds: layout.kinds,
        header: layout.header,
        header_rows: layout.header_rows,
        rows,
        note,
    };
    let no_fund = |fund: &str| {
        Some(format!(
            "注：{unit_name}无{fund}预算财政拨款支出，故本表无数据。"
        ))
    };
    vec![
        table(&SUMMARY, summary_rows(&figures), None),
        table(&INCOME, income_rows(&figures), None),
        table(&SPENDING, spending_rows(&figures), None),
        table(&FISCAL, fiscal_summary_rows(&figures), None),
        table(&GENERAL, general_rows(&figures), None),
        table(&BASIC, basic_rows(y), None),
        table(&THREE_PUBLIC, three_public_rows(y), None),
        table(&GOVERNMENT_FUND, empty_fund_rows(), no_fund("政府性基金")),
        table(&STATE_CAPITAL, empty_fund_rows(), no_fund("国有资本经营")),
    ]
}

/// 一、收入支出决算总表: income lines beside the 类 totals, then the totals and balances, so that
/// 总计 balances on both sides.
fn summary_rows(figures: &Figures) -> Vec<Vec<Cell>> {
    use Cell::{Amt, Blank};
    let (total, y) = (&figures.total, figures.year);
    let mut t1 = Vec::new();
    for (i, &(code, line)) in SUMMARY_LINES.iter().enumerate() {
        let (inc_label, inc) = match INCOME_LINES.get(i) {
            Some(l) => (
                t(l),
                match i {
                    0 => Amt(total.fiscal_income),
                    7 => Amt(total.other_income),
                    _ => Blank,
                },
            ),
            None => (Blank, Blank),
        };
        t1.push(vec![
            inc_label,
            inc,
            t(line),
            Amt(figures.class(code, LeafYear::spent)),
        ]);
    }
    t1.push(vec![
        t("本年收入合计"),
        Amt(total.income()),
        t("本年支出合计"),
        Amt(total.spent()),
    ]);
    t1.push(vec![
        t("使用非财政拨款结余（含专用结余）"),
        Blank,
        t("结余分配"),
        Blank,
    ]);
    t1.push(vec![
        t("年初结转和结余"),
        Amt(y.opening()),
        t("年末结转和结余"),
        Amt(y.closing()),
    ]);
    let grand = total.income() + y.opening();
    t1.push(vec![t("总计"), Amt(grand), t("总计"), Amt(grand)]);
    t1
}

/// One row of 二、收入决算表: all income is 财政拨款 or 其他收入 in the synthetic departments.
fn income_row(code: &str, name: &str, f: &LeafYear) -> Vec<Cell> {
    use Cell::{Amt, Blank};
    vec![
        t(code),
        t(name),
        Amt(f.income()),
        Amt(f.fiscal_income),
        Blank,
        Blank,
        Blank,
        Blank,
        Amt(f.other_income),
    ]
}

/// 二、收入决算表: the 合计 row first, then every 功能分类 row.
fn income_rows(figures: &Figures) -> Vec<Vec<Cell>> {
    let mut rows = vec![income_row("", "合计", &figures.total)];
    rows.extend(
        figures
            .rows
            .iter()
            .map(|r| income_row(r.code, r.name, &r.sum)),
    );
    rows
}

/// 三、支出决算表: the 合计 row first, then every 功能分类 row split into 基本 and 项目.
fn spending_rows(figures: &Figures) -> Vec<Vec<Cell>> {
    use Cell::{Amt, Blank};
    let row = |code: &str, name: &str, f: &LeafYear| {
        vec![
            t(code),
            t(name),
            Amt(f.spent()),
            Amt(f.basic()),
            Amt(f.project()),
            Blank,
            Blank,
            Blank,
        ]
    };
    let mut rows = vec![row("", "合计", &figures.total)];
    rows.extend(figures.rows.iter().map(|r| row(r.code, r.name, &r.sum)));
    rows
}

/// 五、一般公共预算财政拨款支出决算表: every 功能分类 row's 财政拨款 part, the 合计 row last
/// (as the Putuo tables print it).
fn general_rows(figures: &Figures) -> Vec<Vec<Cell>> {
    use Cell::Amt;
    let row = |code: &str, name: &str, f: &LeafYear| {
        vec![
            t(code),
            t(name),
            Amt(f.fiscal()),
            Amt(f.fiscal_basic),
            Amt(f.fiscal_project),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = figures
        .rows
        .iter()
        .map(|r| row(r.code, r.name, &r.sum))
        .collect();
    rows.push(row("", "合计", &figures.total));
    rows
}

/// 四、财政拨款收入支出决算总表: only 一般公共预算 money, beside the 类 totals of its spending,
/// then its balances, so that 总计 balances on both sides.
fn fiscal_summary_rows(figures: &Figures) -> Vec<Vec<Cell>> {
    use Cell::{Amt, Blank};
    let y = figures.year;
    let fiscal_in = figures.total.fiscal_income;
    let fiscal_out = figures.total.fiscal();
    let opening = y.fiscal_opening;
    let closing = y.fiscal_closing();
    let mut t4 = Vec::new();
    for (i, &(code, line)) in SUMMARY_LINES.iter().enumerate() {
        let (label, amount) = match i {
            0 => (t("一、一般公共预算财政拨款"), Amt(fiscal_in)),
            1 => (t("二、政府性基金预算财政拨款"), Blank),
            2 => (t("三、国有资本经营预算财政拨款"), Blank),
            _ => (Blank, Blank),
        };
        let v = figures.class(code, LeafYear::fiscal);
        t4.push(vec![label, amount, t(line), Amt(v), Amt(v), Blank, Blank]);
    }
    t4.push(vec![
        t("本年收入合计"),
        Amt(fiscal_in),
        t("本年支出合计"),
        Amt(fiscal_out),
        Amt(fiscal_out),
        Blank,
        Blank,
    ]);
    t4.push(vec![
        t("年初财政拨款结转和结余"),
        Amt(opening),
        t("年末财政拨款结转和结余"),
        Amt(closing),
        Amt(closing),
        Blank,
        Blank,
    ]);
    let blank5 = || vec![Blank, Blank, Blank, Blank, Blank];
    let mut r = vec![t("一、一般公共预算财政拨款"), Amt(opening)];
    r.extend(blank5());
    t4.push(r);
    for l in ["二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"]
    {
        let mut r = vec![t(l), Blank];
        r.extend(blank5());
        t4.push(r);
    }
    let fiscal_grand = fiscal_in + opening;
    t4.push(vec![
        t("总计"),
        Amt(fiscal_grand),
        t("总计"),
        Amt(fiscal_grand),
        Amt(fiscal_grand),
        Blank,
        Blank,
    ]);
    t4
}

/// 六、一般公共预算财政拨款基本支出决算表: 人员经费 and 公用经费 side by side, each closed by
/// the sum of its 类 rows (three-digit codes; the 款 rows under them are already inside).
fn basic_rows(y: &Year) -> Vec<Vec<Cell>> {
    use Cell::{Amt, Blank};
    let mut t6 = Vec::new();
    for i in 0..PERSONNEL.len().max(PUBLIC.len()) {
        let mut row = Vec::with_capacity(6);
        for (list, values) in [(PERSONNEL, &y.personnel), (PUBLIC, &y.public)] {
            match list.get(i) {
                Some(&(code, name)) => {
                    row.extend([t(code), t(name), Amt(values[i])]);
                }
                None => row.extend([Blank, Blank, Blank]),
            }
        }
        t6.push(row);
    }
    t6.push(vec![
        Blank,
        t("人员经费合计"),
        Amt(class_sum(PERSONNEL, &y.personnel)),
        Blank,
        t("公用经费合计"),
        Amt(class_sum(PUBLIC, &y.public)),
    ]);
    t6
}

/// The sum of a 经济分类 list's 类 rows (three-digit codes): the 款 rows are parts of them.
pub fn class_sum(list: &[(&str, &str)], values: &[i64]) -> i64 {
    list.iter()
        .zip(values)
        .filter(|((c, _), _)| c.len() == 3)
        .map(|(_, x)| x)
        .sum()
}

/// 七、财政拨款“三公”经费支出决算表: one row of budget and final pairs; the 公务用车 小计 is
/// 购置 plus 运行, and 合计 adds 出国, 小计 and 接待.
fn three_public_rows(y: &Year) -> Vec<Vec<Cell>> {
    use Cell::Amt;
    let (b, f) = (y.three_budget, y.three_final);
    let (vb, vf) = (b[1] + b[2], f[1] + f[2]);
    vec![vec![
        Amt(b[0] + vb + b[3]),
        Amt(f[0] + vf + f[3]),
        Amt(b[0]),
        Amt(f[0]),
        Amt(vb),
        Amt(vf),
        Amt(b[1]),
        Amt(f[1]),
        Amt(b[2]),
        Amt(f[2]),
        Amt(b[3]),
        Amt(f[3]),
    ]]
}

/// 八/九: a fund the department has none of prints one blank 合计 row (and a note saying why).
fn empty_fund_rows() -> Vec<Vec<Cell>> {
    use Cell::Blank;
    vec![vec![
        Blank,
        t("合计"),
        Blank,
        Blank,
        Blank,
        Blank,
        Blank,
        Blank,
    ]]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 类 row already holds the 款 rows under it: only three-digit codes are added.
    #[test]
    fn class_sum_adds_only_the_class_rows() {
        let list = [
            ("301", "工资福利支出"),
            ("30101", "基本工资"),
            ("30102", "津贴补贴"),
            ("302", "商品和服务支出"),
            ("30201", "办公费"),
        ];
        assert_eq!(
            class_sum(&list, &[50_000, 30_000, 20_000, 7_500, 7_500]),
            57_500
        );
    }

    /// 公务用车 小计 is 购置 plus 运行; 合计 adds 出国, 小计 and 接待, budget and final apart.
    #[test]
    fn three_public_row_sums_vehicles_then_everything() {
        let y = Year {
            year: 2024,
            leaves: Vec::new(),
            fiscal_opening: 0,
            other_opening: 0,
            personnel: Vec::new(),
            public: Vec::new(),
            three_budget: [1_000, 20_000, 3_000, 400],
            three_final: [900, 18_000, 2_800, 350],
        };
        let rows = three_public_rows(&y);
        let amounts: Vec<i64> = rows[0]
            .iter()
            .map(|c| match c {
                Cell::Amt(v) => *v,
                _ => -1,
            })
            .collect();
        assert_eq!(
            amounts,
            [24_400, 22_050, 1_000, 900, 23_000, 20_800, 20_000, 18_000, 3_000, 2_800, 400, 350]
        );
    }
}
