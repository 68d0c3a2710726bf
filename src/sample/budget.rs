//! A department's 部门预算 of one year, drawn beside its 决算 from the same structure, and its
//! nine tables in the 上海 2025 family (`samples/putuo-commerce-budget-2025`): eight in 元, the
//! “三公” table in 万元. The budget's “三公” figures are the ones its 决算 prints as 预算数, and
//! two tables print a 上年预算数 column holding the same rows of the year before's budget.

use super::budget_book::{BudgetBook, BudgetSheet, Printed, THREE_PUBLIC_HEADER};
use super::catalogue::{PERSONNEL, PUBLIC};
use super::model::{econ, scale, LeafYear, Structure, Year};
use super::rng::Rng;
use super::tables::{add, class_sum, code_rows, CodeRow};

/// One year's budget: 功能分类 leaves and 经济分类 lines in 元, “三公” in hundredths of 万元.
pub struct Budget {
    /// The budget year.
    pub year: i32,
    /// Aligned with the structure's leaves; income fields hold what funds each leaf's spending.
    pub leaves: Vec<LeafYear>,
    /// Aligned with [`PERSONNEL`]; class rows hold their sums.
    pub personnel: Vec<i64>,
    /// Aligned with [`PUBLIC`]; class rows hold their sums.
    pub public: Vec<i64>,
    /// [出国, 购置, 运行, 接待], the figures the year's 决算 prints as 预算数.
    pub three: [i64; 4],
}

/// The index of the 一般公共预算支出功能分类预算表 in [`book`]'s sheets.
pub const B_GENERAL: usize = 4;

/// The budget of the year `y` was drawn for: each amount of the year's outcome, in 元, planned
/// 5% below to 6% above it, and the appropriation's 基本支出 split into 经济分类 anew.
pub fn budget(s: &Structure, y: &Year, rng: &mut Rng) -> Budget {
    let mut plan = |hundredths: i64| {
        if hundredths == 0 {
            0
        } else {
            scale(hundredths * 100, rng.float(0.95, 1.06)).max(100)
        }
    };
    let mut leaves = Vec::with_capacity(y.leaves.len());
    for f in &y.leaves {
        let mut b = LeafYear {
            fiscal_basic: plan(f.fiscal_basic),
            fiscal_project: plan(f.fiscal_project),
            other_basic: plan(f.other_basic),
            other_project: plan(f.other_project),
            ..LeafYear::default()
        };
        b.fiscal_income = b.fiscal();
        b.other_income = b.other_basic + b.other_project;
        leaves.push(b);
    }
    let basic: i64 = leaves.iter().map(|l| l.fiscal_basic).sum();
    let personnel_total = scale(basic, s.personnel_share * rng.float(0.97, 1.03)).min(basic);
    let public_total = basic - personnel_total;
    let p301 = scale(personnel_total, rng.float(0.85, 0.97));
    let p302 = scale(public_total, rng.float(0.8, 0.97));
    Budget {
        year: y.year,
        personnel: econ(
            PERSONNEL,
            &s.personnel_weights,
            &[p301, personnel_total - p301],
            rng,
        ),
        public: econ(PUBLIC, &s.public_weights, &[p302, public_total - p302], rng),
        leaves,
        three: y.three_budget,
    }
}

const NUMERALS: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const CODED: &str = "功能分类科目编码";
const NAMED: &str = "功能分类科目名称";
const PRIOR: &str = "上年预算数";

fn yuan(v: i64) -> Printed {
    if v == 0 {
        Printed::Blank
    } else {
        Printed::Amount(v * 100)
    }
}

fn text(s: &str) -> Printed {
    Printed::text(s)
}

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect()
}

// The heading rows of the sheets, as the 上海 2025 family prints them; 上年预算数 is printed after
// this year's figure in the 总表 and before it in the 一般公共预算 table, as templates differ.
#[rustfmt::skip]
const SUMMARY_HEAD: &[&[&str]] = &[
    &["收入", "", "", "支出", "", ""],
    &["项目", "预算数", PRIOR, "项目", "预算数", PRIOR],
];
#[rustfmt::skip]
const INCOME_HEAD: &[&[&str]] = &[
    &["项目", "", "收入预算", "", "", "", ""],
    &[CODED, NAMED, "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"],
];
#[rustfmt::skip]
const FISCAL_HEAD: &[&[&str]] = &[
    &["财政拨款收入", "", "财政拨款支出", "", "", "", ""],
    &["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
];
#[rustfmt::skip]
const GENERAL_HEAD: &[&[&str]] = &[
    &["项目", "", PRIOR, "一般公共预算支出", "", ""],
    &[CODED, NAMED, "", "合计", "基本支出", "项目支出"],
];
#[rustfmt::skip]
const ECONOMIC_HEAD: &[&[&str]] = &[
    &["项目", "", "一般公共预算基本支出", "", ""],
    &["部门预算经济分类科目编码", "经济分类科目名称", "合计", "人员经费", "公用经费"],
];

/// What the tables of one budget are printed from.
struct Plan {
    rows: Vec<CodeRow>,
    total: LeafYear,
}

impl Plan {
    fn new(s: &Structure, budget: &Budget) -> Plan {
        let mut total = LeafYear::default();
        budget.leaves.iter().for_each(|l| add(&mut total, l));
        Plan {
            rows: code_rows(s, &budget.leaves),
            total,
        }
    }

    /// The 类 rows with their printed line names (一、…, 二、…).
    fn classes(&self) -> Vec<(String, &LeafYear)> {
        self.rows
            .iter()
            .filter(|r| r.code.len() == 3)
            .enumerate()
            .map(|(i, r)| {
                let n = NUMERALS.get(i).copied().unwrap_or("十");
                (format!("{n}、{}", r.name), &r.sum)
            })
            .collect()
    }
}

/// The nine sheets of one department's budget, `prior` being the year before's budget.
pub fn book(s: &Structure, this: &Budget, prior: &Budget, unit_name: &str) -> BudgetBook {
    let (now, before) = (Plan::new(s, this), Plan::new(s, prior));
    let year = this.year;
    let sheet = |n: usize, name: &str, title: &str, header, rows| BudgetSheet {
        name: format!("{n} {name}"),
        title: format!("{year}年部门{title}"),
        unit: "单位：元",
        header,
        rows,
        note: None,
    };
    let empty = |n: usize, fund: &str| {
        let mut t = sheet(
            n,
            &format!("{fund}预算支出"),
            &format!("{fund}预算支出功能分类预算表"),
            by_use(&format!("{fund}预算支出")),
            empty_rows(),
        );
        t.note = Some(format!(
            "注:本部门{year}年无{fund}预算财政拨款安排的预算，故本表为空表。"
        ));
        t
    };
    let sheets = vec![
        sheet(
            1,
            "财务收支预算总表",
            "财务收支预算总表",
            strings(SUMMARY_HEAD),
            summary_rows(&now, &before),
        ),
        sheet(
            2,
            "收入预算总表",
            "收入预算总表",
            strings(INCOME_HEAD),
            income_rows(&now),
        ),
        sheet(
            3,
            "支出预算总表",
            "支出预算总表",
            by_use("支出预算"),
            coded_rows(&now, |f| [f.spent(), f.basic(), f.project()]),
        ),
        sheet(
            4,
            "财政拨款收支预算总表",
            "财政拨款收支预算总表",
            strings(FISCAL_HEAD),
            fiscal_rows(&now),
        ),
        sheet(
            5,
            "一般公共预算支出",
            "一般公共预算支出功能分类预算表",
            strings(GENERAL_HEAD),
            general_rows(&now, &before),
        ),
        empty(6, "政府性基金"),
        empty(7, "国有资本经营"),
        sheet(
            8,
            "基本支出经济分类",
            "一般公共预算基本支出部门预算经济分类预算表",
            strings(ECONOMIC_HEAD),
            economic_rows(this),
        ),
        three_public_sheet(this, year),
    ];
    BudgetBook {
        title: format!("{unit_name}{year}年部门预算公开表（合成数据）"),
        comment: Some("Synthetic data generated by `gouji sample`; not a real disclosure.".into()),
        created: (2025, 6, 1),
        department: format!("编制部门：{unit_name}"),
        sheets,
    }
}

/// The headings of a 功能分类 table of 合计 | 基本支出 | 项目支出 under its group heading.
fn by_use(group: &str) -> Vec<Vec<String>> {
    strings(&[
        &["项目", "", group, "", ""],
        &[CODED, NAMED, "合计", "基本支出", "项目支出"],
    ])
}

fn empty_rows() -> Vec<Vec<Printed>> {
    vec![vec![
        Printed::Blank,
        text("合计"),
        Printed::Blank,
        Printed::Blank,
        Printed::Blank,
    ]]
}

/// 财务收支预算总表: the income lines beside the department's 类, this year's budget then last
/// year's on both halves, then the two 总计.
fn summary_rows(now: &Plan, before: &Plan) -> Vec<Vec<Printed>> {
    let income = |p: &Plan| {
        let (fiscal, other) = (p.total.fiscal_income, p.total.other_income);
        [fiscal, fiscal, 0, 0, 0, 0, other]
    };
    let lines = [
        "一、财政拨款收入",
        "1. 一般公共预算资金",
        "2. 政府性基金",
        "3. 国有资本经营预算",
        "二、事业收入",
        "三、事业单位经营收入",
        "四、其他收入",
    ];
    let (inc_now, inc_before) = (income(now), income(before));
    let (cls_now, cls_before) = (now.classes(), before.classes());
    let mut rows = Vec::new();
    for i in 0..lines.len().max(cls_now.len()) {
        let mut row = match lines.get(i) {
            Some(l) => vec![text(l), yuan(inc_now[i]), yuan(inc_before[i])],
            None => vec![Printed::Blank; 3],
        };
        match (cls_now.get(i), cls_before.get(i)) {
            (Some((name, f)), b) => {
                row.extend([
                    text(name),
                    yuan(f.spent()),
                    yuan(b.map_or(0, |b| b.1.spent())),
                ]);
            }
            _ => row.extend([Printed::Blank, Printed::Blank, Printed::Blank]),
        }
        rows.push(row);
    }
    let (t, b) = (now.total.income(), before.total.income());
    rows.push(vec![
        text("收入总计"),
        yuan(t),
        yuan(b),
        text("支出总计"),
        yuan(now.total.spent()),
        yuan(before.total.spent()),
    ]);
    rows
}

/// Every 功能分类 row (类, 款, 项) with the amounts `f` gives, the 合计 row last.
fn coded_rows<const N: usize>(p: &Plan, f: impl Fn(&LeafYear) -> [i64; N]) -> Vec<Vec<Printed>> {
    let row = |code: &str, name: &str, l: &LeafYear| {
        let mut r = vec![text(code), text(name)];
        r.extend(f(l).into_iter().map(yuan));
        r
    };
    let mut rows: Vec<_> = p.rows.iter().map(|r| row(r.code, r.name, &r.sum)).collect();
    rows.push(row("", "合计", &p.total));
    rows
}

/// 收入预算总表: each row's 合计 from 财政拨款 and 其他收入, the sources of the synthetic budgets.
fn income_rows(p: &Plan) -> Vec<Vec<Printed>> {
    coded_rows(p, |f| [f.income(), f.fiscal_income, 0, 0, f.other_income])
}

/// 一般公共预算支出功能分类预算表: the appropriation's rows, each with last year's budget of the
/// same row first (the rows are the department's 项, the same every year).
fn general_rows(now: &Plan, before: &Plan) -> Vec<Vec<Printed>> {
    let prior: Vec<i64> = before
        .rows
        .iter()
        .map(|r| r.sum.fiscal())
        .chain([before.total.fiscal()])
        .collect();
    let mut rows = coded_rows(now, |f| [0, f.fiscal(), f.fiscal_basic, f.fiscal_project]);
    for (row, p) in rows.iter_mut().zip(prior) {
        row[2] = yuan(p);
    }
    rows
}

/// 财政拨款收支预算总表: 一般公共预算 money only, beside its 类.
fn fiscal_rows(p: &Plan) -> Vec<Vec<Printed>> {
    let lines = [
        "一、一般公共预算资金",
        "二、政府性基金",
        "三、国有资本经营预算",
    ];
    let classes = p.classes();
    let fiscal = p.total.fiscal_income;
    let mut rows = Vec::new();
    for i in 0..lines.len().max(classes.len()) {
        let mut row = match lines.get(i) {
            Some(l) => vec![text(l), yuan(if i == 0 { fiscal } else { 0 })],
            None => vec![Printed::Blank, Printed::Blank],
        };
        match classes.get(i) {
            Some((name, f)) => row.extend([
                text(name),
                yuan(f.fiscal()),
                yuan(f.fiscal()),
                Printed::Blank,
                Printed::Blank,
            ]),
            None => row.extend(vec![Printed::Blank; 5]),
        }
        rows.push(row);
    }
    let out = p.total.fiscal();
    rows.push(vec![
        text("收入总计"),
        yuan(fiscal),
        text("支出总计"),
        yuan(out),
        yuan(out),
        Printed::Blank,
        Printed::Blank,
    ]);
    rows
}

/// 一般公共预算基本支出经济分类预算表: the printed 经济分类 lines in code order, 301 and 303 as
/// 人员经费 and the rest as 公用经费, the 合计 row last.
fn economic_rows(b: &Budget) -> Vec<Vec<Printed>> {
    let mut lines: Vec<(&str, &str, i64, bool)> = Vec::new();
    for (list, values, personnel) in [(PERSONNEL, &b.personnel, true), (PUBLIC, &b.public, false)] {
        for (&(code, name), &v) in list.iter().zip(values.iter()) {
            if v != 0 {
                lines.push((code, name, v, personnel));
            }
        }
    }
    lines.sort_by_key(|l| l.0);
    let mut rows: Vec<Vec<Printed>> = lines
        .iter()
        .map(|&(code, name, v, personnel)| {
            let (p, q) = if personnel { (v, 0) } else { (0, v) };
            vec![text(code), text(name), yuan(v), yuan(p), yuan(q)]
        })
        .collect();
    let (p, q) = (
        class_sum(PERSONNEL, &b.personnel),
        class_sum(PUBLIC, &b.public),
    );
    rows.push(vec![
        Printed::Blank,
        text("合计"),
        yuan(p + q),
        yuan(p),
        yuan(q),
    ]);
    rows
}

/// “三公”经费和机关运行经费预算表, in 万元: 合计, 出国, 公务用车 (小计, 购置, 运行), 接待, and the
/// 机关运行经费, which is the 公用经费 of the 经济分类 table rounded to the hundredth of 万元.
fn three_public_sheet(b: &Budget, year: i32) -> BudgetSheet {
    let [abroad, purchase, running, reception] = b.three;
    let cars = purchase + running;
    let operating = (class_sum(PUBLIC, &b.public) + 50) / 100;
    let amount = |v: i64| {
        if v == 0 {
            Printed::Blank
        } else {
            Printed::Amount(v)
        }
    };
    BudgetSheet {
        name: "9 三公经费和机关运行经费".into(),
        title: format!("{year}年部门“三公”经费和机关运行经费预算表"),
        unit: "单位：万元",
        header: strings(THREE_PUBLIC_HEADER),
        rows: vec![[
            abroad + cars + reception,
            abroad,
            cars,
            purchase,
            running,
            reception,
            operating,
        ]
        .into_iter()
        .map(amount)
        .collect()],
        note: None,
    }
}
