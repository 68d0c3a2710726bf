//! Charts a finance office puts in its report: each `summary::Charts` series as a bar chart and the
//! year-on-year comparison as a grouped bar chart, written as PNG and SVG with an embedded CJK font
//! (system fonts are never consulted, so the same input always gives the same bytes).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{register_font, FontStyle};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::summary;

/// A GB2312 subset of Noto Sans CJK SC (SIL OFL, see assets/fonts/OFL.txt).
const FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Regular-GB2312.otf");
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

/// Inserts thousands separators into a plain decimal number ("-1234.50" → "-1,234.50").
fn group(number: &str) -> String {
    let (sign, rest) = match number.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", number),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}{frac}")
}

/// A value in 万元 with two decimals and thousands separators: "3,997.99".
fn money(value: Decimal) -> String {
    group(&format!("{:.2}", value.round_dp(2)))
}

/// An axis tick: no decimals when whole.
fn tick(value: f64) -> String {
    if value.abs() < 1e-9 {
        "0".to_string()
    } else if (value - value.round()).abs() < 1e-9 {
        group(&format!("{:.0}", value))
    } else {
        group(&format!("{:.2}", value))
    }
}

fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// Cuts a label to `LABEL_CHARS` characters and to `max_px` pixels, marking the cut with "…".
fn fit<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &str,
    font: &TextStyle,
    max_px: u32,
) -> String {
    let label = label.trim();
    let chars: Vec<char> = label.chars().collect();
    let width = |s: &str| {
        area.estimate_text_size(s, font)
            .map(|(w, _)| w)
            .unwrap_or(0)
    };
    let mut keep = chars.len().min(LABEL_CHARS);
    if keep == chars.len() && width(label) <= max_px {
        return label.to_string();
    }
    keep = keep.saturating_sub(1);
    loop {
        let cut = format!("{}…", chars[..keep].iter().collect::<String>());
        if keep == 0 || width(&cut) <= max_px {
            return cut;
        }
        keep -= 1;
    }
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws a horizontal bar chart (grouped when rows hold more than one value), first row on top.
fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, plot: &Plot) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    root.draw(&Text::new(
        plot.title.clone(),
        (WIDTH as i32 / 2, 28),
        style(40.0, &INK).pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;

    // Legend for grouped bars, top right under the title.
    let legend: Vec<_> = plot.bars.iter().filter(|(_, t)| !t.is_empty()).collect();
    if legend.len() > 1 {
        let font = style(24.0, &INK);
        let mut x = WIDTH as i32 - 60;
        for (color, text) in legend.iter().rev() {
            let (w, _) = root.estimate_text_size(text, &font)?;
            x -= w as i32;
            root.draw(&Text::new(
                text.to_string(),
                (x, 96),
                font.pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            root.draw(&Rectangle::new(
                [(x - 34, 86), (x - 10, 106)],
                color.filled(),
            ))?;
            x -= 70;
        }
    }

    let n = plot.rows.len();
    let per_row = plot.bars.len().max(1);
    // Room per row in pixels decides the label size: 24 px at most, 14 px at least.
    let plot_px = (HEIGHT - 230) as f64;
    let label_size = (plot_px / n.max(1) as f64 * 0.5).clamp(14.0, 24.0);
    let label_font = style(label_size, &INK);
    let value_font = style((label_size - 2.0).max(13.0), &MUTED);
    let labels: Vec<String> = plot
        .rows
        .iter()
        .map(|(l, _)| fit(root, l, &label_font, LABEL_PX))
        .collect();
    let mut label_px = 0;
    for l in &labels {
        label_px = label_px.max(root.estimate_text_size(l, &label_font)?.0);
    }

    let values: Vec<f64> = plot
        .rows
        .iter()
        .flat_map(|(_, v)| v.iter().map(|d| number(*d)))
        .collect();
    let hi = values.iter().copied().fold(0.0_f64, f64::max);
    let lo = values.iter().copied().fold(0.0_f64, f64::min);
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    // Room past the bar ends for the value labels.
    let x_hi = if hi > 0.0 || lo >= 0.0 {
        hi + span * 0.16
    } else {
        0.0
    };
    let x_lo = if lo < 0.0 { lo - span * 0.16 } else { 0.0 };
    let x_hi = if x_hi <= x_lo { x_lo + 1.0 } else { x_hi };

    let top = if legend.len() > 1 { 130 } else { 100 };
    let area = root.margin(top, 20, 30, 60);
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(70)
        .y_label_area_size(label_px + 70)
        .build_cartesian_2d(x_lo..x_hi, 0.0..n as f64)?;
    let fmt = |v: &f64| tick(*v);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(8)
        .x_label_formatter(&fmt)
        .x_label_style(style(20.0, &MUTED))
        .x_desc("金额(万元)")
        .y_desc(plot.category)
        .axis_desc_style(style(22.0, &MUTED))
        .bold_line_style(GRID)
        .light_line_style(WHITE)
        .axis_style(AXIS)
        .draw()?;

    // Row i occupies [n-1-i, n-i]; its bars share the middle of it (80 %, or less so that no bar
    // gets thicker than about 90 px), with small gaps between them.
    let row_px =
        (chart.backend_coord(&(x_lo, 0.0)).1 - chart.backend_coord(&(x_lo, 1.0)).1).max(1) as f64;
    let fill = (90.0 * per_row as f64 / row_px).min(0.8);
    let band = fill / per_row as f64;
    let inset = (1.0 - fill) / 2.0;
    for (i, ((_, row), label)) in plot.rows.iter().zip(&labels).enumerate() {
        let row_top = (n - i) as f64;
        let (lx, ly) = chart.backend_coord(&(x_lo, row_top - 0.5));
        root.draw(&Text::new(
            label.clone(),
            (lx - 12, ly),
            label_font.pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        for (j, value) in row.iter().enumerate() {
            // In a grouped chart a zero is an item with no figure that year: no bar, no label.
            if per_row > 1 && value.is_zero() {
                continue;
            }
            let color = plot.bars.get(j).map_or(PALETTE[0], |b| b.0);
            let y1 = row_top - inset - band * j as f64 - band * 0.06;
            let y0 = row_top - inset - band * (j + 1) as f64 + band * 0.06;
            let v = number(*value);
            chart.draw_series(std::iter::once(Rectangle::new(
                [(0.0, y0), (v, y1)],
                color.filled(),
            )))?;
            let (bx, by) = chart.backend_coord(&(v, (y0 + y1) / 2.0));
            let (dx, h) = if v < 0.0 {
                (-8, HPos::Right)
            } else {
                (8, HPos::Left)
            };
            root.draw(&Text::new(
                money(*value),
                (bx + dx, by),
                value_font.pos(Pos::new(h, VPos::Center)),
            ))?;
        }
    }
    // The zero line over the bars' roots.
    if x_lo < 0.0 {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (0.0, n as f64)],
            AXIS,
        )))?;
    }
    root.present()?;
    Ok(())
}

static SEQUENCE: AtomicU64 = AtomicU64::new(0);

/// A temporary name in `dir` for `name`, keeping its extension (the PNG encoder goes by it).
fn temporary(dir: &Path, name: &str, ext: &str) -> PathBuf {
    let n = SEQUENCE.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}-{n}.tmp.{ext}", std::process::id()))
}

fn failed(path: &Path, what: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("{}: {what}", path.display()))
}

/// Renames `tmp` onto `path`, removing `tmp` when anything before went wrong.
fn settle(result: io::Result<()>, tmp: &Path, path: &Path) -> io::Result<()> {
    let result = result.and_then(|()| fs::rename(tmp, path).map_err(|e| failed(path, e)));
    if result.is_err() {
        let _ = fs::remove_file(tmp);
    }
    result
}

fn write_png(plot: &Plot, dir: &Path, path: &Path, name: &str) -> io::Result<()> {
    let mut pixels = vec![0u8; WIDTH as usize * HEIGHT as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root, plot).map_err(|e| failed(path, e))?;
        root.present().map_err(|e| failed(path, e))?;
    }
    let tmp = temporary(dir, name, "png");
    let written = fs::File::create(&tmp)
        .map_err(|e| failed(path, e))
        .and_then(|f| encode_png(io::BufWriter::new(f), &pixels).map_err(|e| failed(path, e)));
    settle(written, &tmp, path)
}

/// Charts are flat colours and text: the fast deflate after the Paeth filter makes files within a
/// few per cent of the encoder's default (adaptive filtering, default deflate) in 60% of its time.
fn encode_png(out: impl io::Write, pixels: &[u8]) -> image::ImageResult<()> {
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    use image::ImageEncoder;
    PngEncoder::new_with_quality(out, CompressionType::Fast, FilterType::Paeth).write_image(
        pixels,
        WIDTH,
        HEIGHT,
        image::ColorType::Rgb8,
    )
}

fn write_svg(plot: &Plot, dir: &Path, path: &Path, name: &str) -> io::Result<()> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root, plot).map_err(|e| failed(path, e))?;
    }
    let svg = svg.replace(
        &format!("font-family=\"{FAMILY}\""),
        &format!("font-family=\"{SVG_FAMILY}\""),
    );
    let tmp = temporary(dir, name, "svg");
    let written = fs::write(&tmp, svg.as_bytes()).map_err(|e| failed(path, e));
    settle(written, &tmp, path)
}

/// A bar chart of any figures: rows of labelled values, one bar per value and legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Bars {
    /// The whole title, unit included.
    pub title: String,
    /// What the rows are (the vertical axis' description).
    pub category: &'static str,
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
    fn formats_money_with_separators() {
        assert_eq!(money(d("3997.99")), "3,997.99");
        assert_eq!(money(d("31.36")), "31.36");
        assert_eq!(money(d("1234567.8")), "1,234,567.80");
        assert_eq!(money(d("-1279.994")), "-1,279.99");
        assert_eq!(money(d("0")), "0.00");
        assert_eq!(tick(1500.0), "1,500");
        assert_eq!(tick(2.5), "2.50");
        assert_eq!(tick(-0.0), "0");
        assert_eq!(tick(-500.0), "-500");
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
