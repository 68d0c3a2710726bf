//! `--kind budget|both`: a department's 部门预算 beside its 决算, year after year, and the
//! errors put into a budget — one that breaks its own rules, or a 上年预算数 that last year's
//! budget contradicts (C003).

use std::path::Path;

use super::budget::{self, B_GENERAL};
use super::budget_book::{budget_workbook, BudgetBook, Printed};
use super::inject::Neighbour;
use super::model;
use super::rng::Rng;
use super::sheet::a1;
use super::{catalogue, err, Job, Spec};

/// Which documents a corpus holds for every (district, department, year).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SampleKind {
    /// The 决算公开表 only (the corpus of earlier versions, byte for byte).
    #[default]
    Final,
    /// The 部门预算公开表 only.
    Budget,
    /// Both: each department-year's 决算 and 预算, consistent with each other.
    Both,
}

/// One of a corpus's documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doc {
    /// A 决算公开表.
    Final,
    /// A 部门预算公开表.
    Budget,
}

impl SampleKind {
    /// The documents of each department-year, in manifest order.
    pub fn docs(self) -> &'static [Doc] {
        match self {
            SampleKind::Final => &[Doc::Final],
            SampleKind::Budget => &[Doc::Budget],
            SampleKind::Both => &[Doc::Final, Doc::Budget],
        }
    }

    /// The name `--kind` takes and manifest.csv prints.
    pub fn name(self) -> &'static str {
        match self {
            SampleKind::Final => "final",
            SampleKind::Budget => "budget",
            SampleKind::Both => "both",
        }
    }
}

impl Doc {
    /// As manifest.csv prints it.
    pub fn name(self) -> &'static str {
        match self {
            Doc::Final => "final",
            Doc::Budget => "budget",
        }
    }
}

/// The kinds of error a budget may get: C003 (cross-document), then one of its own.
pub const BUDGET_KINDS: usize = 2;

/// What an injured budget says: the sheet and cell, the rules, the figures in hundredths of
/// 元 and the neighbour it contradicts, if any.
pub struct BudgetInjury {
    pub sheet: String,
    pub cell: String,
    pub rules: &'static str,
    pub old: i64,
    pub new: i64,
    pub neighbour: Option<Neighbour>,
}

/// The workbook of a department's budget of the job's year and, if asked, its error.
pub fn make_budget(
    spec: &Spec,
    job: &Job,
    path: &Path,
) -> std::io::Result<(Vec<u8>, Option<BudgetInjury>)> {
    let (d, m) = (job.district as u64, job.department as u64);
    let s = model::structure(
        &mut Rng::derive(spec.seed, &[1, d, m]),
        job.department,
        spec.years,
    );
    // The year before the corpus's oldest is drawn like any other: the oldest budget's
    // 上年预算数 are an imagined earlier budget's figures.
    let plan = |index: usize| {
        let year = model::year(
            &s,
            index,
            &mut Rng::derive(spec.seed, &[2, d, m, index as u64]),
        );
        budget::budget(
            &s,
            &year,
            &mut Rng::derive(spec.seed, &[5, d, m, index as u64]),
        )
    };
    let (this, prior) = (plan(job.year), plan(job.year + 1));
    let unit_name = format!(
        "上海市{}{}",
        catalogue::district(job.district),
        catalogue::department(job.department)
    );
    let mut book = budget::book(&s, &this, &prior, &unit_name);
    let injury = match job.inject {
        Some(kind) => {
            let mut rng = Rng::derive(spec.seed, &[6, d, m, job.year as u64]);
            let has_prior = job.year + 1 < spec.years;
            let hit = (kind == 0 && has_prior)
                .then(|| prior_budget(&mut book, &mut rng))
                .flatten()
                .or_else(|| own_error(&mut book, &mut rng));
            Some(hit.ok_or_else(|| err(path, "no figure to change"))?)
        }
        None => None,
    };
    let bytes = budget_workbook(&book).map_err(|e| err(path, e))?;
    Ok((bytes, injury))
}

fn code(row: &[Printed]) -> &str {
    match row.first() {
        Some(Printed::Text(s)) if s.bytes().all(|b| b.is_ascii_digit()) => s,
        _ => "",
    }
}

/// Adds `delta` to an amount cell (a blank one counts as nothing); its figure before.
fn raise(row: &mut [Printed], col: usize, delta: i64) -> i64 {
    let Some(cell) = row.get_mut(col) else {
        return 0;
    };
    let old = match cell {
        Printed::Amount(v) => *v,
        _ => 0,
    };
    *cell = Printed::Amount(old + delta);
    old
}

/// The row of a 项 (7-digit code) drawn at random among those of sheet `sheet` with an amount
/// in column `col`.
fn some_item(book: &BudgetBook, sheet: usize, col: usize, rng: &mut Rng) -> Option<usize> {
    let rows = &book.sheets.get(sheet)?.rows;
    let items: Vec<usize> = (0..rows.len())
        .filter(|&r| {
            code(&rows[r]).len() == 7 && matches!(rows[r].get(col), Some(Printed::Amount(_)))
        })
        .collect();
    items.get(rng.index(items.len())).copied()
}

/// C003: one 项's 上年预算数 raised by 10–5,000 元, with its 款, 类 and 合计, as a prior-year
/// figure copied from a draft: the column still adds up, and only last year's budget
/// contradicts it.
fn prior_budget(book: &mut BudgetBook, rng: &mut Rng) -> Option<BudgetInjury> {
    let r = some_item(book, B_GENERAL, 2, rng)?;
    let delta = rng.range(10, 5000) * 100;
    let sheet = &mut book.sheets[B_GENERAL];
    let item = code(&sheet.rows[r]).to_string();
    let last = sheet.rows.len() - 1;
    let mut old = 0;
    for i in 0..sheet.rows.len() {
        let c = code(&sheet.rows[i]);
        let chain = i == last || (!c.is_empty() && c.len() < 7 && item.starts_with(c));
        if i == r {
            old = raise(&mut sheet.rows[i], 2, delta);
        } else if chain {
            raise(&mut sheet.rows[i], 2, delta);
        }
    }
    Some(BudgetInjury {
        sheet: sheet.name.clone(),
        cell: a1(sheet.first_data_row() + r as u32, 2),
        rules: "C003",
        old,
        new: old + delta,
        neighbour: Some(Neighbour::PriorBudget),
    })
}

/// A budget's own error: one 项's 基本支出 in the 支出预算总表 changed by 10–5,000 元, so that
/// its 合计 is no longer 基本 + 项目 and its 款 no longer the sum of its 项.
fn own_error(book: &mut BudgetBook, rng: &mut Rng) -> Option<BudgetInjury> {
    const SPENDING: usize = 2;
    let r = some_item(book, SPENDING, 3, rng)?;
    let delta = rng.range(10, 5000) * 100;
    let sheet = &mut book.sheets[SPENDING];
    let old = raise(&mut sheet.rows[r], 3, delta);
    Some(BudgetInjury {
        sheet: sheet.name.clone(),
        cell: a1(sheet.first_data_row() + r as u32, 3),
        rules: "Y703|T104",
        old,
        new: old + delta,
        neighbour: None,
    })
}

/// README.txt of a corpus with budgets.
pub fn readme(spec: &Spec, n: usize) -> String {
    let mut files = String::new();
    if spec.kind == SampleKind::Both {
        files.push_str(
            "  {district}/{year}/{district}{department}-{year}-决算公开表.xlsx (9 tables, in 万元)\n",
        );
    }
    files.push_str(
        "  {district}/{year}/{district}{department}-{year}-部门预算公开表.xlsx (9 sheets, in 元; “三公” in 万元)\n",
    );
    let agree = match spec.kind {
        SampleKind::Both => {
            "A department's documents agree: 决算 N 年初结转和结余 = 决算 N−1 年末 (C001); 预算 N 上年预算数 =\n\
             预算 N−1 (C003; the oldest budget's are an imagined earlier budget's); 决算 N “三公” 预算数 = 预算 N (C004).\n"
        }
        _ => {
            "A department's budgets agree: 预算 N 上年预算数 = 预算 N−1 (C003; the oldest budget's are an\n\
             imagined earlier budget's).\n"
        }
    };
    format!(
        "本语料为合成数据（SYNTHETIC DATA），由 `gouji sample` 生成，并非任何部门的真实决算或预算公开表。\n\
         This corpus is synthetic: generated by `gouji sample`, not a real disclosure of any department.\n\
         \n\
         districts={} departments={} years={} seed={} errors={} unreadable={} kind={}\n\
         workbooks: {n}, per department and year:\n\
         {files}{agree}\
         \n\
         manifest.csv  path,district,department,year,department_kind,kind — every generated workbook (not the\n\
         \x20             unreadable files); kind is final (决算) or budget (预算).\n\
         injected.csv  path,sheet,cell,rule_expected,original,injected,reference — one row per injected error;\n\
         \x20             reference names the other document of an error across documents (C001, C003, C004),\n\
         \x20             whose document alone stays consistent (the sums it is part of carry the change);\n\
         \x20             unreadable files have rule_expected \"unreadable\".\n\
         Workbooks not listed in injected.csv satisfy every relation gouji checks exactly.\n",
        spec.districts,
        spec.departments,
        spec.years,
        spec.seed,
        spec.errors,
        spec.unreadable,
        spec.kind.name()
    )
}
