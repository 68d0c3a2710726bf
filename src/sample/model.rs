//! The figures of one department in one year, generated in hundredths of 万元 (the printed
//! precision) and summed upwards, so that every table derived from them agrees exactly.

use super::catalogue::{self, Use, PERSONNEL, PUBLIC};
use super::rng::{split, Rng};

/// One 项 (7-digit 功能分类 subject) the department spends on.
#[derive(Clone, Debug)]
pub struct LeafDef {
    pub class: &'static str,
    pub class_name: &'static str,
    pub section: &'static str,
    pub section_name: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub used: Use,
    /// 2024 fiscal expenditure before noise, in hundredths of 万元.
    pub base: i64,
    /// Share of 基本支出 for a mixed 项.
    pub basic_share: f64,
    /// Whether the 项 also has non-appropriation income and spending.
    pub other: bool,
}

/// What stays the same for a department across years: its subjects, its size, its trend.
#[derive(Clone, Debug)]
pub struct Structure {
    pub leaves: Vec<LeafDef>,
    /// Growth from the year before to this one, per year back from 2024 (index 0 = 2024).
    pub growth: Vec<f64>,
    pub personnel_share: f64,
    pub personnel_weights: Vec<u64>,
    pub public_weights: Vec<u64>,
    pub abroad: bool,
    pub vehicle_purchase: bool,
}

/// Amounts in hundredths of 万元.
#[derive(Clone, Debug, Default)]
pub struct LeafYear {
    pub fiscal_basic: i64,
    pub fiscal_project: i64,
    pub other_basic: i64,
    pub other_project: i64,
    pub fiscal_income: i64,
    pub other_income: i64,
}

impl LeafYear {
    pub fn basic(&self) -> i64 {
        self.fiscal_basic + self.other_basic
    }
    pub fn project(&self) -> i64 {
        self.fiscal_project + self.other_project
    }
    pub fn fiscal(&self) -> i64 {
        self.fiscal_basic + self.fiscal_project
    }
    pub fn spent(&self) -> i64 {
        self.basic() + self.project()
    }
    pub fn income(&self) -> i64 {
        self.fiscal_income + self.other_income
    }
}

#[derive(Clone, Debug)]
pub struct Year {
    pub year: i32,
    pub leaves: Vec<LeafYear>,
    pub fiscal_opening: i64,
    pub other_opening: i64,
    /// Aligned with [`PERSONNEL`]; class rows (3-digit) hold their sums.
    pub personnel: Vec<i64>,
    /// Aligned with [`PUBLIC`]; class rows hold their sums.
    pub public: Vec<i64>,
    /// [出国, 购置, 运行, 接待] as budgeted and as spent.
    pub three_budget: [i64; 4],
    pub three_final: [i64; 4],
}

impl Year {
    pub fn fiscal_income(&self) -> i64 {
        self.leaves.iter().map(|l| l.fiscal_income).sum()
    }
    pub fn other_income(&self) -> i64 {
        self.leaves.iter().map(|l| l.other_income).sum()
    }
    pub fn fiscal_spent(&self) -> i64 {
        self.leaves.iter().map(LeafYear::fiscal).sum()
    }
    pub fn spent(&self) -> i64 {
        self.leaves.iter().map(LeafYear::spent).sum()
    }
    pub fn fiscal_closing(&self) -> i64 {
        self.fiscal_opening + self.fiscal_income() - self.fiscal_spent()
    }
    pub fn opening(&self) -> i64 {
        self.fiscal_opening + self.other_opening
    }
    pub fn closing(&self) -> i64 {
        self.opening() + self.fiscal_income() + self.other_income() - self.spent()
    }
}

fn pick_some<T: Copy>(rng: &mut Rng, pool: &[T], max: usize, keep_first: bool) -> Vec<usize> {
    let n = rng.range(1, max.min(pool.len()) as i64) as usize;
    let mut idx = if keep_first {
        let mut rest = rng.sample(pool.len() - 1, n - 1);
        rest.iter_mut().for_each(|i| *i += 1);
        rest.push(0);
        rest
    } else {
        rng.sample(pool.len(), n)
    };
    idx.sort_unstable();
    idx
}

/// The department's subjects, size and trend, from its own stream.
pub fn structure(rng: &mut Rng, department: usize, years: usize) -> Structure {
    let main = match catalogue::DEPARTMENTS.get(department) {
        Some(&(_, class, section)) => MainSubject { class, section },
        None => {
            let (_, class, section) =
                catalogue::DEPARTMENTS[rng.index(catalogue::DEPARTMENTS.len())];
            MainSubject { class, section }
        }
    };
    let classes = pick_classes(rng, main.class);
    let leaves = leaf_defs(rng, &classes, &main);
    let growth = (0..years)
        .map(|_| {
            let g = rng.float(0.03, 0.15);
            if rng.chance(0.7) {
                g
            } else {
                -g
            }
        })
        .collect();
    let personnel_weights = personnel_weights(rng);
    let public_weights = public_weights(rng);
    Structure {
        leaves,
        growth,
        personnel_share: rng.float(0.7, 0.9),
        personnel_weights,
        public_weights,
        abroad: rng.chance(0.3),
        vehicle_purchase: rng.chance(0.25),
    }
}

/// The 类 and 款 a department is named for (财政局: 201 and 20106): its biggest spending.
struct MainSubject {
    class: &'static str,
    section: &'static str,
}

/// Two to four 类 in code order: the department's own, then common ones (社会保障, 卫生健康, …)
/// drawn in a random order until there are enough.
fn pick_classes(rng: &mut Rng, main_class: &'static str) -> Vec<&'static str> {
    let n_classes = rng.range(2, 4) as usize;
    let mut classes = vec![main_class];
    for i in rng.sample(catalogue::COMMON.len(), catalogue::COMMON.len()) {
        let c = catalogue::COMMON[i];
        if classes.len() < n_classes && !classes.contains(&c) {
            classes.push(c);
        }
    }
    classes.sort_unstable();
    classes
}

/// The 项 of the department's classes, with the department's size (500 万 to 30,000 万,
/// log-uniform) split between them by weight — the main class weighs most — and one or two
/// of them, more often than not, given non-appropriation money too.
fn leaf_defs(rng: &mut Rng, classes: &[&'static str], main: &MainSubject) -> Vec<LeafDef> {
    // Size of the department in hundredths of 万元.
    let size = (rng.float(500f64.ln(), 30_000f64.ln()).exp() * 100.0) as i64;
    let mut leaves = Vec::new();
    for &code in classes {
        let Some(class) = catalogue::class(code) else {
            continue;
        };
        class_leaves(rng, class, main, &mut leaves);
    }
    let weights: Vec<u64> = leaves.iter().map(|l| l.base as u64).collect();
    for (l, b) in leaves.iter_mut().zip(split(size, &weights)) {
        l.base = b.max(100);
    }
    if rng.chance(0.6) {
        let n = leaves.len();
        let k = rng.range(1, 2) as usize;
        for i in rng.sample(n, k) {
            leaves[i].other = true;
        }
    }
    leaves
}

/// One class's 项: one to three of its 款 (the department's own first), one to three 项 of
/// each, each weighted (its `base`, before the size is split) heavier in the main class.
fn class_leaves(
    rng: &mut Rng,
    class: &catalogue::Class,
    main: &MainSubject,
    leaves: &mut Vec<LeafDef>,
) {
    let mut sections: Vec<usize> = (0..class.sections.len()).collect();
    if let Some(p) = class.sections.iter().position(|s| s.code == main.section) {
        sections.swap(0, p);
    }
    let n_sec = rng.range(1, 3.min(sections.len() as i64)) as usize;
    let mut chosen: Vec<usize> = sections[..1].to_vec();
    for i in rng.sample(sections.len() - 1, n_sec - 1) {
        chosen.push(sections[i + 1]);
    }
    chosen.sort_by_key(|&i| class.sections[i].code);
    for si in chosen {
        let sec = &class.sections[si];
        for ii in pick_some(rng, sec.items, 3, true) {
            let (code, name, used) = sec.items[ii];
            let weight = match (class.code == main.class, used) {
                (true, _) => rng.float(3.0, 10.0),
                (false, _) => rng.float(0.3, 2.0),
            };
            leaves.push(LeafDef {
                class: class.code,
                class_name: class.name,
                section: sec.code,
                section_name: sec.name,
                code,
                name,
                used,
                base: (weight * 1000.0) as i64,
                basic_share: rng.float(0.75, 0.98),
                other: false,
            });
        }
    }
}

/// How 人员经费 is shared between its 款 (工资 and 津贴 most, a few others sometimes); the 类
/// rows weigh nothing, being the sums.
fn personnel_weights(rng: &mut Rng) -> Vec<u64> {
    PERSONNEL
        .iter()
        .map(|&(code, _)| match code {
            _ if code.len() == 3 => 0,
            "30101" => rng.range(150, 250) as u64,
            "30102" => rng.range(300, 600) as u64,
            "30103" | "30107" | "30108" | "30113" => rng.range(50, 150) as u64,
            "30109" | "30110" => rng.range(20, 80) as u64,
            "30302" => rng.range(20, 60) as u64,
            _ if rng.chance(0.35) => rng.range(1, 30) as u64,
            _ => 0,
        })
        .collect()
}

/// How 公用经费 is shared between its 款; the ones the “三公” table decides weigh nothing here.
fn public_weights(rng: &mut Rng) -> Vec<u64> {
    PUBLIC
        .iter()
        .map(|&(code, _)| match code {
            _ if code.len() == 3 => 0,
            "30201" | "30228" | "30229" => rng.range(50, 150) as u64,
            "30231" => 0, // 公务用车运行维护费 is set from the “三公” table.
            "30217" => 0,
            "30212" => 0,
            _ if rng.chance(0.4) => rng.range(5, 80) as u64,
            _ => 0,
        })
        .collect()
}

pub fn scale(x: i64, f: f64) -> i64 {
    ((x as f64) * f).round() as i64
}

/// Puts `total` into the items of a class list (codes of 5 digits), and each class row the sum
/// of its items. `shares` gives the split between the class rows in order.
pub fn econ(list: &[(&str, &str)], weights: &[u64], totals: &[i64], rng: &mut Rng) -> Vec<i64> {
    let mut out = vec![0i64; list.len()];
    let mut class_rows = Vec::new();
    for (i, (code, _)) in list.iter().enumerate() {
        if code.len() == 3 {
            class_rows.push(i);
        }
    }
    for (k, &start) in class_rows.iter().enumerate() {
        let end = class_rows.get(k + 1).copied().unwrap_or(list.len());
        let total = totals.get(k).copied().unwrap_or(0);
        let mut w: Vec<u64> = weights[start + 1..end]
            .iter()
            .map(|&w| {
                if w == 0 {
                    0
                } else {
                    w * 90 + rng.range(0, 20) as u64 * w
                }
            })
            .collect();
        if w.iter().all(|&x| x == 0) && !w.is_empty() {
            let last = w.len() - 1;
            w[last] = 1; // 其他… takes it all
        }
        let parts = split(total, &w);
        out[start + 1..end].copy_from_slice(&parts);
        out[start] = total;
    }
    out
}

/// One 项's figures in one year: its base grown back to the year with a little noise, split
/// into 基本 and 项目 by its use; the appropriation received sometimes a little above what it
/// spent, and a 项 with other money given some income and spending of it.
fn leaf_year(l: &LeafDef, factor: f64, rng: &mut Rng) -> LeafYear {
    let total = scale(l.base, factor * rng.float(0.97, 1.03)).max(100);
    let mut ly = LeafYear::default();
    match l.used {
        Use::Basic => ly.fiscal_basic = total,
        Use::Project => ly.fiscal_project = total,
        Use::Mixed => {
            ly.fiscal_basic = scale(total, l.basic_share * rng.float(0.98, 1.02)).min(total);
            ly.fiscal_project = total - ly.fiscal_basic;
        }
    }
    ly.fiscal_income = ly.fiscal();
    if rng.chance(0.3) {
        ly.fiscal_income += scale(total, rng.float(0.0, 0.015));
    }
    if l.other {
        ly.other_income = scale(total, rng.float(0.005, 0.04)).max(1);
        let spent = scale(ly.other_income, rng.float(0.6, 1.1)).max(1);
        match l.used {
            Use::Basic => ly.other_basic = spent,
            _ => ly.other_project = spent,
        }
    }
    ly
}

/// The “三公” figures [出国, 购置, 运行, 接待] as budgeted and as spent (30–100% of the
/// budget), in hundredths of 万元 (100 = 1 万元); 出国 and 购置 only where the department has them.
fn three_public(s: &Structure, rng: &mut Rng) -> ([i64; 4], [i64; 4]) {
    let abroad = if s.abroad { rng.range(200, 1500) } else { 0 };
    let purchase = if s.vehicle_purchase && rng.chance(0.5) {
        rng.range(1000, 3000)
    } else {
        0
    };
    let running = rng.range(200, 2000);
    let reception = rng.range(20, 500);
    let three_budget = [abroad, purchase, running, reception];
    let mut three_final = [0; 4];
    for (f, b) in three_final.iter_mut().zip(three_budget) {
        *f = scale(b, rng.float(0.3, 1.0));
    }
    (three_budget, three_final)
}

/// The figures of year index `y` (0 = 2024) whose opening balances are the closing balances of
/// the year before it in the corpus (index `y + 1`), as a department's final accounts follow
/// one another; the corpus's first year opens as its own stream says. Each year is drawn from
/// its own stream (`stream(index)`), so a workbook is made without the others.
pub fn chained_year(s: &Structure, y: usize, years: usize, stream: impl Fn(usize) -> Rng) -> Year {
    let oldest = years.max(y + 1) - 1;
    let mut figures = year(s, oldest, &mut stream(oldest));
    for index in (y..oldest).rev() {
        let before = figures;
        figures = year(s, index, &mut stream(index));
        figures.fiscal_opening = before.fiscal_closing();
        figures.other_opening = before.closing() - before.fiscal_closing();
    }
    figures
}

/// The figures of year index `y` (0 = 2024) from the year's own stream.
pub fn year(s: &Structure, y: usize, rng: &mut Rng) -> Year {
    let factor: f64 = s.growth[..y].iter().map(|g| 1.0 / (1.0 + g)).product();
    let mut leaves = Vec::with_capacity(s.leaves.len());
    for l in &s.leaves {
        leaves.push(leaf_year(l, factor, rng));
    }
    let all: i64 = leaves.iter().map(LeafYear::spent).sum();
    let fiscal_opening = if rng.chance(0.3) {
        0
    } else {
        scale(all, rng.float(0.0, 0.02))
    };
    let other_in: i64 = leaves.iter().map(|l| l.other_income).sum();
    let other_out: i64 = leaves.iter().map(|l| l.other_basic + l.other_project).sum();
    let other_opening = (other_out - other_in).max(0)
        + if other_in > 0 {
            scale(all, rng.float(0.0, 0.01))
        } else {
            0
        };

    let basic: i64 = leaves.iter().map(|l| l.fiscal_basic).sum();
    let personnel_total = scale(basic, s.personnel_share * rng.float(0.97, 1.03)).min(basic);
    let public_total = basic - personnel_total;
    let p301 = scale(personnel_total, rng.float(0.85, 0.97));
    let p302 = scale(public_total, rng.float(0.8, 0.97));
    let personnel = econ(
        PERSONNEL,
        &s.personnel_weights,
        &[p301, personnel_total - p301],
        rng,
    );

    let (three_budget, three_final) = three_public(s, rng);
    // The vehicle running costs are booked under 30231 where 公用经费 can hold them.
    let mut public = econ(PUBLIC, &s.public_weights, &[p302, public_total - p302], rng);
    let at = |code: &str| PUBLIC.iter().position(|&(c, _)| c == code);
    if let (Some(i), Some(j)) = (at("30231"), at("30201")) {
        let moved = three_final[2].min(public[j]);
        public[j] -= moved;
        public[i] += moved;
    }
    Year {
        year: 2024 - y as i32,
        leaves,
        fiscal_opening,
        other_opening,
        personnel,
        public,
        three_budget,
        three_final,
    }
}
