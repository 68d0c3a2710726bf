//! `gouji sample`: a synthetic corpus of 决算公开表 and 部门预算公开表 workbooks for batch tests
//! and benchmarks.
//!
//! One 9-table 决算 workbook per (district, department, year), laid out like
//! `samples/putuo-finance-2024`, printed in 万元 with two decimals; with `--kind budget|both`,
//! a 9-table 预算 workbook laid out like `samples/putuo-commerce-budget-2025` (in 元). Every
//! figure is generated and summed upwards, so a clean workbook satisfies every relation gouji
//! checks exactly, and a department's documents agree with each other: 年初结转和结余 is last
//! year's 年末, a budget's 上年预算数 is last year's budget, the 决算's “三公” 预算数 is the
//! year's budget. `errors` workbooks get one figure changed (recorded in `injected.csv`), and
//! `unreadable` files that cannot be read are added. The same seed gives the same bytes.

mod budget;
pub mod budget_book;
mod catalogue;
mod inject;
mod layouts;
mod model;
mod rng;
mod series;
mod sheet;
mod tables;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use inject::{alone, cross_final, inject, Neighbour, FINAL_CROSS, KINDS};
use rng::Rng;
use series::{Doc, BUDGET_KINDS};

pub use series::SampleKind;

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// How many districts.
    pub districts: usize,
    /// How many departments per district.
    pub departments: usize,
    /// Years back from 2024 (1 = 2024 only, 2 = 2024 and 2023, …).
    pub years: usize,
    /// The seed of the random figures: one seed, one corpus, byte for byte.
    pub seed: u64,
    /// Workbooks given one wrong figure each (at most one error per workbook).
    pub errors: usize,
    /// Extra files that cannot be read (truncated, random bytes, password-protected).
    pub unreadable: usize,
    /// The documents of each department-year: 决算, 预算 or both.
    pub kind: SampleKind,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec {
            districts: 2,
            departments: 2,
            years: 1,
            seed: 1,
            errors: 0,
            unreadable: 0,
            kind: SampleKind::Final,
        }
    }
}

/// One injected error: where it is and which rules should find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Injected {
    /// The workbook.
    pub path: PathBuf,
    /// Its sheet.
    pub sheet: String,
    /// The cell changed (`E12`).
    pub cell: String,
    /// The codes of the rules that must find it.
    pub rules: Vec<String>,
    /// The figure as it was.
    pub original: String,
    /// The figure written instead.
    pub injected: String,
    /// The other document that contradicts it, for an error across documents.
    pub reference: Option<PathBuf>,
}

/// What was written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corpus {
    /// Every generated workbook (clean and injured), in manifest order.
    pub workbooks: Vec<PathBuf>,
    /// The errors injected, one per injured workbook.
    pub injected: Vec<Injected>,
    /// The files that cannot be read.
    pub unreadable: Vec<PathBuf>,
}

/// The first year of the corpus; further years go backwards from it.
pub const LAST_YEAR: i32 = 2024;

fn err(file: &Path, e: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("{}: {e}", file.display()))
}

fn invalid(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, msg)
}

struct Job {
    index: usize,
    district: usize,
    department: usize,
    year: usize,
    doc: Doc,
    inject: Option<usize>,
}

struct Made {
    index: usize,
    path: PathBuf,
    injected: Option<Injected>,
}

/// District, department, year and the path under the corpus folder of one document.
fn rel_path(
    doc: Doc,
    district: usize,
    department: usize,
    year: usize,
) -> (String, String, i32, PathBuf) {
    let d = catalogue::district(district);
    let m = catalogue::department(department);
    let y = LAST_YEAR - year as i32;
    let name = match doc {
        Doc::Final => format!("{d}{m}-{y}-决算公开表.xlsx"),
        Doc::Budget => format!("{d}{m}-{y}-部门预算公开表.xlsx"),
    };
    let rel = PathBuf::from(&d).join(y.to_string()).join(name);
    (d, m, y, rel)
}

/// The document a cross-document error in `job`'s document contradicts.
fn neighbour_path(dir: &Path, job: &Job, n: Neighbour) -> PathBuf {
    let (doc, year) = match n {
        Neighbour::PriorFinal => (Doc::Final, job.year + 1),
        Neighbour::Budget => (Doc::Budget, job.year),
        Neighbour::PriorBudget => (Doc::Budget, job.year + 1),
    };
    dir.join(rel_path(doc, job.district, job.department, year).3)
}

/// The bytes of one document and, if asked, the error put into it.
fn make(
    spec: &Spec,
    job: &Job,
    f: &sheet::Formats,
    dir: &Path,
) -> io::Result<(Vec<u8>, Option<Injected>)> {
    let path = dir.join(rel_path(job.doc, job.district, job.department, job.year).3);
    if job.doc == Doc::Final {
        return make_final(spec, job, f, dir, &path);
    }
    let (bytes, injury) = series::make_budget(spec, job, &path)?;
    let injected = injury.map(|i| Injected {
        path: path.clone(),
        sheet: i.sheet,
        cell: i.cell,
        rules: i.rules.split('|').map(str::to_string).collect(),
        original: sheet::show(i.old),
        injected: sheet::show(i.new),
        reference: i.neighbour.map(|n| neighbour_path(dir, job, n)),
    });
    Ok((bytes, injected))
}

/// The bytes of one 决算 and, if asked, the error put into it: one of [`KINDS`], or after them
/// one across documents where the neighbour it needs is in the corpus.
fn make_final(
    spec: &Spec,
    job: &Job,
    f: &sheet::Formats,
    dir: &Path,
    path: &Path,
) -> io::Result<(Vec<u8>, Option<Injected>)> {
    let (d, m, y) = (job.district as u64, job.department as u64, job.year as u64);
    let s = model::structure(
        &mut Rng::derive(spec.seed, &[1, d, m]),
        job.department,
        spec.years,
    );
    let figures = model::chained_year(&s, job.year, spec.years, |year| {
        Rng::derive(spec.seed, &[2, d, m, year as u64])
    });
    let unit_name = format!(
        "上海市{}{}",
        catalogue::district(job.district),
        catalogue::department(job.department)
    );
    let mut tbs = tables::build(&s, &figures, &unit_name);
    let injected = match job.inject {
        Some(kind) => {
            let mut rng = Rng::derive(spec.seed, &[3, d, m, y]);
            let has_prior = job.year + 1 < spec.years;
            let has_budget = spec.kind == SampleKind::Both;
            let cross = kind
                .checked_sub(KINDS.len())
                .and_then(|k| cross_final(&mut tbs, k, has_prior, has_budget, &mut rng));
            let (cell, rules, old, new, reference) = match cross {
                Some(c) => (
                    c.cell,
                    c.rule,
                    c.old,
                    c.new,
                    Some(neighbour_path(dir, job, c.neighbour)),
                ),
                None => {
                    let has_next = job.year > 0 && spec.kind != SampleKind::Final;
                    let keep = |k: &inject::Kind, col| alone(k, col, has_next, has_budget);
                    let (cell, rules, old, new) =
                        inject(&mut tbs, kind % KINDS.len(), &mut rng, &keep)
                            .ok_or_else(|| err(path, "no figure to change"))?;
                    (cell, rules, old, new, None)
                }
            };
            Some(Injected {
                path: path.to_path_buf(),
                sheet: sheet::SHEET.to_string(),
                cell,
                rules: rules.split('|').map(str::to_string).collect(),
                original: sheet::show(old),
                injected: sheet::show(new),
                reference,
            })
        }
        None => None,
    };
    let bytes = sheet::workbook(&tbs, f, &unit_name, figures.year).map_err(|e| err(path, e))?;
    Ok((bytes, injected))
}

fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| err(parent, e))?;
    }
    std::fs::write(path, bytes).map_err(|e| err(path, e))
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn slash(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// What Office writes for a password-protected .xlsx: an OLE compound file holding an
/// `EncryptedPackage` stream instead of a zip (enough of one for a reader to tell).
fn fake_encrypted() -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    bytes.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    bytes.resize(2048, 0);
    bytes
}

/// Writes the corpus under `dir` (created if needed): the workbooks, `manifest.csv`,
/// `injected.csv` and `README.txt`.
pub fn generate(spec: &Spec, dir: &Path) -> io::Result<Corpus> {
    let n = workbook_count(spec)?;
    std::fs::create_dir_all(dir).map_err(|e| err(dir, e))?;
    let jobs = plan(spec, n);
    let made = make_all(spec, &jobs, dir)?;

    let mut corpus = Corpus::default();
    // A corpus of 决算 only keeps the columns it always had; one with budgets says which is which.
    let final_only = spec.kind == SampleKind::Final;
    let mut manifest = String::from("path,district,department,year");
    // `gouji batch --manifest` reads a fifth column as department_kind: the names of the
    // catalogue are already the full forms it would fold a department to.
    manifest.push_str(if final_only {
        "\n"
    } else {
        ",department_kind,kind\n"
    });
    for (m, job) in made.iter().zip(&jobs) {
        let (d, dept, y, rel) = rel_path(job.doc, job.district, job.department, job.year);
        manifest.push_str(&format!(
            "{},{},{},{y}",
            csv_field(&slash(&rel)),
            csv_field(&d),
            csv_field(&dept)
        ));
        if !final_only {
            manifest.push_str(&format!(",{},{}", csv_field(&dept), job.doc.name()));
        }
        manifest.push('\n');
        corpus.workbooks.push(m.path.clone());
    }
    corpus.injected = made.iter().filter_map(|m| m.injected.clone()).collect();
    add_unreadable(spec, dir, &mut corpus)?;

    write(&dir.join("manifest.csv"), manifest.as_bytes())?;
    write(
        &dir.join("injected.csv"),
        injected_csv(dir, &corpus, spec.kind).as_bytes(),
    )?;
    write(&dir.join("README.txt"), readme(spec, n).as_bytes())?;
    Ok(corpus)
}

/// The number of workbooks `spec` asks for, or why it cannot be generated: at least one of
/// each, at most 24 years back, ten million workbooks, and one error per workbook.
fn workbook_count(spec: &Spec) -> io::Result<usize> {
    if spec.districts == 0 || spec.departments == 0 || spec.years == 0 {
        return Err(invalid(
            "districts, departments and years must each be at least 1".into(),
        ));
    }
    if spec.years > 24 {
        return Err(invalid(format!(
            "years must be at most 24 (2001–{LAST_YEAR}), not {}",
            spec.years
        )));
    }
    let n = spec
        .districts
        .checked_mul(spec.departments)
        .and_then(|x| x.checked_mul(spec.years))
        .and_then(|x| x.checked_mul(spec.kind.docs().len()))
        .filter(|&n| n <= 10_000_000)
        .ok_or_else(|| invalid("too many workbooks".into()))?;
    if spec.errors > n {
        return Err(invalid(format!(
            "cannot inject {} errors into {n} workbooks (one error per workbook)",
            spec.errors
        )));
    }
    Ok(n)
}

/// One job per workbook in manifest order, the injured ones and their kinds drawn first from
/// the master stream, so that which workbooks are injured does not depend on the workers.
/// A 决算 beside budgets is given an error across documents half the time, a budget its C003
/// half the time; a corpus of 决算 alone draws as it always did.
fn plan(spec: &Spec, n: usize) -> Vec<Job> {
    let docs = spec.kind.docs();
    let mut master = Rng::derive(spec.seed, &[0]);
    let mut inject_kind = vec![None; n];
    for i in master.sample(n, spec.errors) {
        inject_kind[i] = Some(match (spec.kind, docs[i % docs.len()]) {
            (SampleKind::Final, _) => master.index(KINDS.len()),
            (_, Doc::Budget) => master.index(BUDGET_KINDS),
            (_, Doc::Final) if master.chance(0.5) => KINDS.len() + master.index(FINAL_CROSS),
            (_, Doc::Final) => master.index(KINDS.len()),
        });
    }
    let mut jobs = Vec::with_capacity(n);
    for district in 0..spec.districts {
        for department in 0..spec.departments {
            for year in 0..spec.years {
                for &doc in docs {
                    let index = jobs.len();
                    jobs.push(Job {
                        index,
                        district,
                        department,
                        year,
                        doc,
                        inject: inject_kind[index],
                    });
                }
            }
        }
    }
    jobs
}

/// Makes and writes every job's workbook on all cores, each worker taking the next job; the
/// first failure stops the others. The answer is in job order, whichever worker made what.
fn make_all(spec: &Spec, jobs: &[Job], dir: &Path) -> io::Result<Vec<Made>> {
    let n = jobs.len();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<io::Result<Made>>> = Mutex::new(Vec::with_capacity(n));
    let workers = std::thread::available_parallelism()
        .map_or(1, |p| p.get())
        .min(n)
        .max(1);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                let f = sheet::Formats::new();
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let (_, _, _, rel) = rel_path(job.doc, job.district, job.department, job.year);
                    let path = dir.join(&rel);
                    let made = make(spec, job, &f, dir).and_then(|(bytes, injected)| {
                        write(&path, &bytes)?;
                        Ok(Made {
                            index: job.index,
                            path,
                            injected,
                        })
                    });
                    let failed = made.is_err();
                    mine.push(made);
                    if failed {
                        next.store(jobs.len(), Ordering::Relaxed);
                        break;
                    }
                }
                if let Ok(mut all) = results.lock() {
                    all.append(&mut mine);
                }
            });
        }
    });
    let results = results
        .into_inner()
        .map_err(|_| io::Error::other("a worker generating the corpus panicked"))?;
    let mut made = Vec::with_capacity(n);
    for r in results {
        made.push(r?);
    }
    made.sort_by_key(|m| m.index);
    if made.len() != n {
        return Err(io::Error::other(
            "a worker generating the corpus stopped early",
        ));
    }
    Ok(made)
}

/// Writes `spec.unreadable` files that cannot be read — a truncated workbook, random bytes, a
/// password-protected file, in turn — each recorded as an injected error of rule `unreadable`.
fn add_unreadable(spec: &Spec, dir: &Path, corpus: &mut Corpus) -> io::Result<()> {
    let mut rng = Rng::derive(spec.seed, &[4]);
    let title = match spec.kind {
        SampleKind::Budget => "部门预算公开表",
        _ => "决算公开表",
    };
    for k in 0..spec.unreadable {
        let district = rng.index(spec.districts);
        let year = rng.index(spec.years);
        let d = catalogue::district(district);
        let y = LAST_YEAR - year as i32;
        let rel = PathBuf::from(&d)
            .join(y.to_string())
            .join(format!("{d}损坏文件{}-{y}-{title}.xlsx", k + 1));
        let path = dir.join(&rel);
        let bytes = match k % 3 {
            0 => {
                let whole = corpus
                    .workbooks
                    .get(rng.index(corpus.workbooks.len()))
                    .map(std::fs::read)
                    .transpose()
                    .map_err(|e| err(&path, e))?
                    .unwrap_or_default();
                whole[..whole.len() / 3].to_vec()
            }
            1 => (0..4096).map(|_| rng.next_u64() as u8).collect(),
            _ => fake_encrypted(),
        };
        write(&path, &bytes)?;
        corpus.injected.push(Injected {
            path: path.clone(),
            sheet: String::new(),
            cell: String::new(),
            rules: vec!["unreadable".into()],
            original: String::new(),
            reference: None,
            injected: match k % 3 {
                0 => "truncated xlsx".into(),
                1 => "random bytes".into(),
                _ => "password-protected (OLE EncryptedPackage)".into(),
            },
        });
        corpus.unreadable.push(path);
    }
    Ok(())
}

/// `injected.csv`: one row per injected error, its path relative to the corpus folder.
/// With budgets, a last column `reference` names the other document of an error across
/// documents (empty for one found in its own document); a corpus of 决算 alone keeps its columns.
fn injected_csv(dir: &Path, corpus: &Corpus, kind: SampleKind) -> String {
    let rel = |p: &Path| slash(p.strip_prefix(dir).unwrap_or(p));
    let mut injected = String::from("path,sheet,cell,rule_expected,original,injected");
    injected.push_str(if kind == SampleKind::Final {
        "\n"
    } else {
        ",reference\n"
    });
    for i in &corpus.injected {
        injected.push_str(&format!(
            "{},{},{},{},{},{}",
            csv_field(&rel(&i.path)),
            csv_field(&i.sheet),
            csv_field(&i.cell),
            csv_field(&i.rules.join("|")),
            csv_field(&i.original),
            csv_field(&i.injected)
        ));
        if kind != SampleKind::Final {
            let reference = i.reference.as_deref().map(rel).unwrap_or_default();
            injected.push(',');
            injected.push_str(&csv_field(&reference));
        }
        injected.push('\n');
    }
    injected
}

fn readme(spec: &Spec, n: usize) -> String {
    if spec.kind != SampleKind::Final {
        return series::readme(spec, n);
    }
    format!(
        "本语料为合成数据（SYNTHETIC DATA），由 `gouji sample` 生成，并非任何部门的真实决算公开表。\n\
         This corpus is synthetic: generated by `gouji sample`, not a real disclosure of any department.\n\
         \n\
         districts={} departments={} years={} seed={} errors={} unreadable={}\n\
         workbooks: {n} ({{district}}/{{year}}/{{district}}{{department}}-{{year}}-决算公开表.xlsx), 9 tables each, in 万元.\n\
         \n\
         manifest.csv  path,district,department,year — every generated workbook (not the unreadable files).\n\
         injected.csv  path,sheet,cell,rule_expected,original,injected — one row per injected error;\n\
         \x20             unreadable files have rule_expected \"unreadable\".\n\
         Workbooks not listed in injected.csv satisfy every relation gouji checks exactly.\n",
        spec.districts, spec.departments, spec.years, spec.seed, spec.errors, spec.unreadable
    )
}

#[cfg(test)]
mod tests;
