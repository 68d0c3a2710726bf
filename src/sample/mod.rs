//! `gouji sample`: a synthetic corpus of 决算公开表 workbooks for batch tests and benchmarks.
//!
//! One 9-table workbook per (district, department, year), laid out like
//! `samples/putuo-finance-2024`, printed in 万元 with two decimals. Every figure is generated in
//! hundredths of 万元 and summed upwards, so a clean workbook satisfies every relation gouji
//! checks exactly. `errors` workbooks get one figure changed (recorded in `injected.csv`), and
//! `unreadable` files that cannot be read are added. The same seed gives the same bytes.

pub mod budget_book;
mod catalogue;
mod layouts;
mod model;
mod rng;
mod sheet;
mod tables;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rng::Rng;
use tables::{Cell, Table};

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

/// Kinds of injected error: the table, the cells it may hit, the rules that should fire.
struct Kind {
    table: usize,
    rules: &'static str,
    cells: fn(&Table) -> Vec<(usize, u16)>,
}

fn code_len(row: &[Cell], col: usize) -> usize {
    match row.get(col) {
        Some(Cell::Text(s)) if s.bytes().all(|b| b.is_ascii_digit()) => s.len(),
        _ => 0,
    }
}

fn nonzero(row: &[Cell], col: u16) -> bool {
    matches!(row.get(col as usize), Some(Cell::Amt(v)) if *v != 0)
}

fn leaf_cells(t: &Table, cols: &[u16]) -> Vec<(usize, u16)> {
    let mut out = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        if code_len(row, 0) == 7 {
            out.extend(cols.iter().filter(|&&c| nonzero(row, c)).map(|&c| (r, c)));
        }
    }
    out
}

fn class_lines(t: &Table, col: u16) -> Vec<(usize, u16)> {
    (0..catalogue::SUMMARY_LINES.len().min(t.rows.len()))
        .filter(|&r| nonzero(&t.rows[r], col))
        .map(|r| (r, col))
        .collect()
}

const KINDS: &[Kind] = &[
    Kind {
        table: tables::T_SPENDING,
        rules: "T101|T104",
        cells: |t| leaf_cells(t, &[3, 4]),
    },
    Kind {
        table: tables::T_INCOME,
        rules: "T101|T104",
        cells: |t| leaf_cells(t, &[3]),
    },
    Kind {
        table: tables::T_GENERAL,
        rules: "T101|T104",
        cells: |t| leaf_cells(t, &[3, 4]),
    },
    Kind {
        table: tables::T_SUMMARY,
        rules: "B202|L502",
        cells: |t| class_lines(t, 3),
    },
    Kind {
        table: tables::T_FISCAL,
        rules: "T101|B202|L503",
        cells: |t| class_lines(t, 4),
    },
    Kind {
        table: tables::T_BASIC,
        rules: "E301",
        cells: |t| {
            let mut out = Vec::new();
            for (r, row) in t.rows.iter().enumerate() {
                for (code, amount) in [(0, 2), (3, 5)] {
                    if code_len(row, code) == 5 && nonzero(row, amount) {
                        out.push((r, amount));
                    }
                }
            }
            out
        },
    },
    Kind {
        table: tables::T_THREE,
        rules: "S401",
        cells: |t| {
            [10, 11]
                .into_iter()
                .filter(|&c| nonzero(&t.rows[0], c))
                .map(|c| (0, c))
                .collect()
        },
    },
    Kind {
        table: tables::T_THREE,
        rules: "S402",
        cells: |t| {
            [8, 9]
                .into_iter()
                .filter(|&c| nonzero(&t.rows[0], c))
                .map(|c| (0, c))
                .collect()
        },
    },
    Kind {
        table: tables::T_SUMMARY,
        // 年末结转和结余 (the row after 本年支出合计 and 结余分配).
        rules: "B204",
        cells: |t| {
            let r = catalogue::SUMMARY_LINES.len() + 2;
            if nonzero(&t.rows[r], 3) {
                vec![(r, 3)]
            } else {
                Vec::new()
            }
        },
    },
    Kind {
        table: tables::T_INCOME,
        // The 合计 row's 本年收入合计.
        rules: "T101|T102|L501",
        cells: |t| {
            if nonzero(&t.rows[0], 2) {
                vec![(0, 2)]
            } else {
                Vec::new()
            }
        },
    },
];

/// Changes one figure of the tables by 1.00–50.00 万元 (never a rounding gap).
fn inject(
    tables: &mut [Table],
    kind: usize,
    rng: &mut Rng,
) -> Option<(String, &'static str, i64, i64)> {
    let starts = sheet::first_data_rows(tables);
    for k in (0..KINDS.len()).map(|i| (kind + i) % KINDS.len()) {
        let spec = &KINDS[k];
        let cells = (spec.cells)(&tables[spec.table]);
        if cells.is_empty() {
            continue;
        }
        let (r, c) = cells[rng.index(cells.len())];
        let cell = &mut tables[spec.table].rows[r][c as usize];
        let Cell::Amt(old) = *cell else { continue };
        let delta = rng.range(100, 5000);
        let new = if old > delta + 100 && rng.chance(0.4) {
            old - delta
        } else {
            old + delta
        };
        *cell = Cell::Amt(new);
        let name = sheet::a1(starts[spec.table] + r as u32, c);
        return Some((name, spec.rules, old, new));
    }
    None
}

struct Job {
    index: usize,
    district: usize,
    department: usize,
    year: usize,
    inject: Option<usize>,
}

struct Made {
    index: usize,
    path: PathBuf,
    injected: Option<Injected>,
}

fn rel_path(district: usize, department: usize, year: usize) -> (String, String, i32, PathBuf) {
    let d = catalogue::district(district);
    let m = catalogue::department(department);
    let y = LAST_YEAR - year as i32;
    let rel = PathBuf::from(&d)
        .join(y.to_string())
        .join(format!("{d}{m}-{y}-决算公开表.xlsx"));
    (d, m, y, rel)
}

/// The bytes of one workbook and, if asked, the error put into it.
fn make(
    spec: &Spec,
    job: &Job,
    f: &sheet::Formats,
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
            let (cell, rules, old, new) =
                inject(&mut tbs, kind, &mut Rng::derive(spec.seed, &[3, d, m, y]))
                    .ok_or_else(|| err(path, "no figure to change"))?;
            Some(Injected {
                path: path.to_path_buf(),
                sheet: sheet::SHEET.to_string(),
                cell,
                rules: rules.split('|').map(str::to_string).collect(),
                original: sheet::show(old),
                injected: sheet::show(new),
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
    let mut manifest = String::from("path,district,department,year\n");
    for (m, job) in made.iter().zip(&jobs) {
        let (d, dept, y, rel) = rel_path(job.district, job.department, job.year);
        manifest.push_str(&format!(
            "{},{},{},{y}\n",
            csv_field(&slash(&rel)),
            csv_field(&d),
            csv_field(&dept)
        ));
        corpus.workbooks.push(m.path.clone());
    }
    corpus.injected = made.iter().filter_map(|m| m.injected.clone()).collect();
    add_unreadable(spec, dir, &mut corpus)?;

    write(&dir.join("manifest.csv"), manifest.as_bytes())?;
    write(
        &dir.join("injected.csv"),
        injected_csv(dir, &corpus).as_bytes(),
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
fn plan(spec: &Spec, n: usize) -> Vec<Job> {
    let mut master = Rng::derive(spec.seed, &[0]);
    let mut inject_kind = vec![None; n];
    for i in master.sample(n, spec.errors) {
        inject_kind[i] = Some(master.index(KINDS.len()));
    }
    let mut jobs = Vec::with_capacity(n);
    for district in 0..spec.districts {
        for department in 0..spec.departments {
            for year in 0..spec.years {
                let index = jobs.len();
                jobs.push(Job {
                    index,
                    district,
                    department,
                    year,
                    inject: inject_kind[index],
                });
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
                    let (_, _, _, rel) = rel_path(job.district, job.department, job.year);
                    let path = dir.join(&rel);
                    let made = make(spec, job, &f, &path).and_then(|(bytes, injected)| {
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
    for k in 0..spec.unreadable {
        let district = rng.index(spec.districts);
        let year = rng.index(spec.years);
        let d = catalogue::district(district);
        let y = LAST_YEAR - year as i32;
        let rel = PathBuf::from(&d)
            .join(y.to_string())
            .join(format!("{d}损坏文件{}-{y}-决算公开表.xlsx", k + 1));
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
fn injected_csv(dir: &Path, corpus: &Corpus) -> String {
    let mut injected = String::from("path,sheet,cell,rule_expected,original,injected\n");
    for i in &corpus.injected {
        let rel = i.path.strip_prefix(dir).unwrap_or(&i.path);
        injected.push_str(&format!(
            "{},{},{},{},{},{}\n",
            csv_field(&slash(rel)),
            csv_field(&i.sheet),
            csv_field(&i.cell),
            csv_field(&i.rules.join("|")),
            csv_field(&i.original),
            csv_field(&i.injected)
        ));
    }
    injected
}

fn readme(spec: &Spec, n: usize) -> String {
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
