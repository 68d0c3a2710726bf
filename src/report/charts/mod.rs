//! Charts a finance office puts in its report: each `summary::Charts` series as a bar chart and the
//! year-on-year comparison as a grouped bar chart, written as PNG and SVG with an embedded CJK font
//! (system fonts are never consulted, so the same input always gives the same bytes).
//!
//! This module holds the palette, the font and what is charted; `draw` draws one chart, `labels`
//! prints its amounts and cuts its labels, `output` writes the PNG and SVG files; `budget` reads
//! a budget's figures from its budget tables.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};
use rust_decimal::Decimal;

use super::summary;

pub(crate) mod budget;
mod draw;
mod labels;
mod output;

use output::{failed, write_png, write_svg};

/// A GB2312 subset of Noto Sans CJK SC (SIL OFL, see assets/fonts/OFL.txt).
const FONT_BYTES: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-Regular-GB2312.otf");
/// The family name the embedded font is registered under; every text uses it.
const FAMILY: &str = "gouji-sans";
/// What an SVG viewer falls back to: the SVG names the family, it does not embed the font.
const SVG_FAMILY: &str = "gouji-sans, 'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', \
                          'PingFang SC', 'Microsoft YaHei', sans-serif";

const WIDTH: u32 = 1600;
const HEIGHT: u32 = 900;
/// Longest category label, in characters, before it is cut with "…".
const LABEL_CHARS: usize = 16;
/// Widest category label, in pixels.
const LABEL_PX: u32 = 420;

const INK: RGBColor = RGBColor(31, 41, 55);
const MUTED: RGBColor = RGBColor(75, 85, 99);
const GRID: RGBColor = RGBColor(229, 231, 235);
const AXIS: RGBColor = RGBColor(156, 163, 175);
/// One colour per series chart, in `Charts::series()` order.
const PALETTE: [RGBColor; 3] = [
    RGBColor(37, 99, 235),
    RGBColor(13, 148, 136),
    RGBColor(217, 119, 6),
];
const PRIOR: RGBColor = RGBColor(148, 163, 184);
const CURRENT: RGBColor = RGBColor(37, 99, 235);

/// Registers the embedded font once; later calls return the first outcome.
fn ensure_font() -> io::Result<()> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    if *REGISTERED.get_or_init(|| register_font(FAMILY, FontStyle::Normal, FONT_BYTES).is_ok()) {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "the embedded chart font (NotoSansSC-Regular-GB2312.otf) could not be loaded",
        ))
    }
}

fn style(size: f64, color: &RGBColor) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(color)
}

/// One chart ready to draw: rows of (label, values), one value per bar of the row.
struct Plot {
    title: String,
    /// What the categories are (the vertical axis' description).
    category: &'static str,
    /// What the values are (the horizontal axis' description).
    axis: String,
    rows: Vec<(String, Vec<Decimal>)>,
    /// One colour per bar in a row, with the legend text when there is more than one.
    bars: Vec<(RGBColor, String)>,
}

fn title(department: &str, year: Option<i32>, what: &str) -> String {
    let year = year.map(|y| format!("{y}年")).unwrap_or_default();
    let head = [department.trim(), year.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if head.is_empty() {
        format!("{what}(万元)")
    } else {
        format!("{head} {what}(万元)")
    }
}

fn category(stem: &str) -> &'static str {
    match stem {
        "income" => "收入来源",
        "expenditure" => "功能分类",
        "basic-project" => "支出类型",
        _ => "项目",
    }
}

/// Every non-empty chart of `charts`, with its file stem.
fn plots(
    charts: &summary::Charts,
    department: &str,
    year: Option<i32>,
) -> Vec<(&'static str, Plot)> {
    let mut out = Vec::new();
    for (i, s) in charts.series().iter().enumerate() {
        if s.points.is_empty() {
            continue;
        }
        out.push((
            s.stem,
            Plot {
                title: title(department, year, s.title),
                category: category(s.stem),
                axis: MONEY_AXIS.into(),
                rows: s
                    .points
                    .iter()
                    .map(|(l, v)| (l.clone(), vec![*v]))
                    .collect(),
                bars: vec![(PALETTE[i % PALETTE.len()], String::new())],
            },
        ));
    }
    let c = &charts.year_on_year;
    if !c.points.is_empty() {
        out.push((
            c.stem,
            Plot {
                title: title(department, year, c.title),
                category: category(c.stem),
                axis: MONEY_AXIS.into(),
                rows: c
                    .points
                    .iter()
                    .map(|(l, prior, current)| (l.clone(), vec![*prior, *current]))
                    .collect(),
                bars: vec![(PRIOR, "上年".into()), (CURRENT, "本年".into())],
            },
        ));
    }
    out
}

/// The value axis of a chart of amounts.
const MONEY_AXIS: &str = "金额(万元)";

/// A bar chart of any figures: rows of labelled values, one bar per value and legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Bars {
    /// The whole title, unit included.
    pub title: String,
    /// What the rows are (the vertical axis' description).
    pub category: &'static str,
    /// The unit of the values: 万元, or % for shares.
    pub unit: &'static str,
    /// The rows: a label and one value per bar.
    pub rows: Vec<(String, Vec<Decimal>)>,
    /// One legend entry per bar of a row (one bar: an empty legend).
    pub legend: Vec<String>,
}

/// Colours for several bars a row: the palette's, then greys.
const SERIES: [RGBColor; 6] = [
    RGBColor(148, 163, 184),
    RGBColor(37, 99, 235),
    RGBColor(13, 148, 136),
    RGBColor(217, 119, 6),
    RGBColor(124, 58, 237),
    RGBColor(220, 38, 38),
];

/// Writes a [`Bars`] chart as `{stem}.png` and `{stem}.svg` into `dir`; nothing for no rows.
pub fn write_bars(chart: &Bars, dir: &Path, stem: &str) -> io::Result<Vec<PathBuf>> {
    if chart.rows.is_empty() {
        return Ok(Vec::new());
    }
    ensure_font()?;
    fs::create_dir_all(dir).map_err(|e| failed(dir, e))?;
    let bars = if chart.legend.len() <= 1 {
        vec![(PALETTE[0], String::new())]
    } else {
        chart
            .legend
            .iter()
            .enumerate()
            .map(|(i, l)| (SERIES[i % SERIES.len()], l.clone()))
            .collect()
    };
    let plot = Plot {
        title: chart.title.clone(),
        category: chart.category,
        axis: if chart.unit == "万元" {
            MONEY_AXIS.into()
        } else {
            format!("占比({})", chart.unit)
        },
        rows: chart.rows.clone(),
        bars,
    };
    let mut written = Vec::new();
    for ext in ["png", "svg"] {
        let name = format!("{stem}.{ext}");
        let path = dir.join(&name);
        if ext == "png" {
            write_png(&plot, dir, &path, &name)?;
        } else {
            write_svg(&plot, dir, &path, &name)?;
        }
        written.push(path);
    }
    Ok(written)
}

/// Writes every non-empty chart of `charts` as PNG and SVG into `dir` (created if missing), named
/// `{prefix}{stem}.png` / `.svg`, 1600×900, and returns the paths written. Each file is written to a
/// temporary name in `dir` and renamed into place (atomic). Errors are returned as
/// `std::io::Error` with a message naming the file; never panic (plotters' DrawingAreaErrorKind → io::Error).
pub fn write(
    charts: &summary::Charts,
    department: &str,
    year: Option<i32>,
    dir: &Path,
    prefix: &str,
) -> io::Result<Vec<PathBuf>> {
    let plots = plots(charts, department, year);
    if plots.is_empty() {
        return Ok(Vec::new());
    }
    ensure_font()?;
    fs::create_dir_all(dir).map_err(|e| failed(dir, e))?;
    let mut written = Vec::new();
    for (stem, plot) in &plots {
        let png = format!("{prefix}{stem}.png");
        let path = dir.join(&png);
        write_png(plot, dir, &path, &png)?;
        written.push(path);
        let svg = format!("{prefix}{stem}.svg");
        let path = dir.join(&svg);
        write_svg(plot, dir, &path, &svg)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;
    use summary::{Charts, Comparison, Series};

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn sample() -> Charts {
        Charts {
            income: Series {
                title: "收入构成",
                stem: "income",
                points: vec![
                    ("财政拨款收入".into(), d("3966.63")),
                    ("其他收入".into(), d("31.36")),
                ],
            },
            expenditure: Series {
                title: "支出按功能分类",
                stem: "expenditure",
                points: vec![
                    ("一般公共服务支出".into(), d("12.50")),
                    ("社会保障和就业支出".into(), d("1788.03")),
                    ("卫生健康支出".into(), d("96.42")),
                    ("住房保障支出".into(), d("101.04")),
                    (
                        "人力资源和社会保障管理事务人力资源和社会保障管理事务".into(),
                        d("2000.00"),
                    ),
                ],
            },
            basic_project: Series {
                title: "基本支出与项目支出",
                stem: "basic-project",
                points: vec![
                    ("基本支出".into(), d("1203.77")),
                    ("项目支出".into(), d("2794.22")),
                ],
            },
            year_on_year: Comparison {
                title: "本年与上年对比",
                stem: "year-on-year",
                points: vec![
                    ("收入合计".into(), d("3450.10"), d("3997.99")),
                    ("社会保障和就业".into(), d("1279.99"), d("1756.67")),
                    ("“三公”经费".into(), d("8.40"), d("6.25")),
                ],
            },
        }
    }

    fn empty() -> Charts {
        let mut c = sample();
        c.income.points.clear();
        c.expenditure.points.clear();
        c.basic_project.points.clear();
        c.year_on_year.points.clear();
        c
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("gouji-charts-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn titles() {
        assert_eq!(
            title("某某局", Some(2024), "收入构成"),
            "某某局 2024年 收入构成(万元)"
        );
        assert_eq!(title("某某局", None, "收入构成"), "某某局 收入构成(万元)");
        assert_eq!(title("", None, "收入构成"), "收入构成(万元)");
    }

    #[test]
    fn writes_readable_png_and_svg() {
        let dir = scratch("write");
        let paths = write(
            &sample(),
            "某市人力资源和社会保障局",
            Some(2024),
            &dir,
            "demo-",
        )
        .unwrap();
        let names: Vec<String> = paths
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "demo-income.png",
                "demo-income.svg",
                "demo-expenditure.png",
                "demo-expenditure.svg",
                "demo-basic-project.png",
                "demo-basic-project.svg",
                "demo-year-on-year.png",
                "demo-year-on-year.svg",
            ]
        );
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 8);

        for p in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "png"))
        {
            let img = image::open(p).unwrap().to_rgb8();
            assert_eq!(img.dimensions(), (1600, 900), "{}", p.display());
            let mut colours = std::collections::HashSet::new();
            let mut inked = 0usize;
            for px in img.pixels() {
                colours.insert(px.0);
                if px.0 != [255, 255, 255] {
                    inked += 1;
                }
            }
            assert!(
                colours.len() > 20,
                "{}: {} colours",
                p.display(),
                colours.len()
            );
            let share = inked as f64 / (1600.0 * 900.0);
            assert!(share > 0.02, "{}: {share} non-white", p.display());
            // The title band: dark anti-aliased glyph pixels, so the text really rendered.
            let mut dark = 0usize;
            for y in 20..80 {
                for x in 200..1400 {
                    let [r, g, b] = img.get_pixel(x, y).0;
                    if (r as u32 + g as u32 + b as u32) < 240 {
                        dark += 1;
                    }
                }
            }
            assert!(
                dark > 2000,
                "{}: {dark} dark pixels in the title",
                p.display()
            );
        }

        let svg = fs::read_to_string(dir.join("demo-income.svg")).unwrap();
        for needle in [
            "某市人力资源和社会保障局 2024年 收入构成(万元)",
            "财政拨款收入",
            "其他收入",
            "3,966.63",
            "31.36",
            "金额(万元)",
            "收入来源",
            "gouji-sans",
        ] {
            assert!(svg.contains(needle), "income.svg lacks {needle}");
        }
        let svg = fs::read_to_string(dir.join("demo-expenditure.svg")).unwrap();
        for needle in [
            "支出按功能分类",
            "社会保障和就业支出",
            "1,788.03",
            "人力资源和社会保障管理事务人力…",
            "2,000.00",
        ] {
            assert!(svg.contains(needle), "expenditure.svg lacks {needle}");
        }
        assert!(!svg.contains("人力资源和社会保障管理事务人力资"));
        let svg = fs::read_to_string(dir.join("demo-year-on-year.svg")).unwrap();
        for needle in [
            "本年与上年对比",
            "上年",
            "本年",
            "社会保障和就业",
            "1,279.99",
            "1,756.67",
            "“三公”经费",
        ] {
            assert!(svg.contains(needle), "year-on-year.svg lacks {needle}");
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn same_input_same_bytes() {
        let a = scratch("det-a");
        let b = scratch("det-b");
        let first = write(&sample(), "某局", Some(2023), &a, "").unwrap();
        let again = write(&sample(), "某局", Some(2023), &b, "").unwrap();
        assert_eq!(first.len(), again.len());
        for (x, y) in first.iter().zip(&again) {
            assert_eq!(
                fs::read(x).unwrap(),
                fs::read(y).unwrap(),
                "{}",
                x.display()
            );
        }
        // Writing over existing files gives the same bytes too.
        let before: Vec<Vec<u8>> = first.iter().map(|p| fs::read(p).unwrap()).collect();
        write(&sample(), "某局", Some(2023), &a, "").unwrap();
        let after: Vec<Vec<u8>> = first.iter().map(|p| fs::read(p).unwrap()).collect();
        assert!(before == after);
        let _ = fs::remove_dir_all(&a);
        let _ = fs::remove_dir_all(&b);
    }

    #[test]
    fn empty_charts_write_nothing() {
        let dir = scratch("empty");
        assert!(write(&empty(), "某局", Some(2024), &dir, "x-")
            .unwrap()
            .is_empty());
        assert!(!dir.exists());
        // One non-empty series writes just its two files.
        let mut one = empty();
        one.basic_project = sample().basic_project;
        let paths = write(&one, "某局", None, &dir, "").unwrap();
        assert_eq!(
            paths,
            [dir.join("basic-project.png"), dir.join("basic-project.svg")]
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn unwritable_directory_is_an_error_naming_the_file() {
        let dir = scratch("blocked");
        fs::write(&dir, b"a file, not a directory").unwrap();
        let err = write(&sample(), "某局", Some(2024), &dir, "").unwrap_err();
        assert!(err.to_string().contains("gouji-charts-blocked"), "{err}");
        let _ = fs::remove_file(&dir);
    }
}
