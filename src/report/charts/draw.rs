//! Drawing one chart: title and legend, the value axis, and a row of horizontal bars per
//! category, each bar labelled with its amount.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;

use super::labels::{fit, money, number, tick};
use super::{style, Plot, AXIS, GRID, HEIGHT, INK, LABEL_PX, MUTED, PALETTE, WIDTH};

/// What drawing on a backend gives: nothing, or the backend's error.
pub(super) type DrawResult<DB> =
    Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The chart's plotting area: values across, rows (one unit each) up.
type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draws a horizontal bar chart (grouped when rows hold more than one value), first row on top.
pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &Plot,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    root.draw(&Text::new(
        plot.title.clone(),
        (WIDTH as i32 / 2, 28),
        style(40.0, &INK).pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    let legend = draw_legend(root, plot)?;
    let labels = RowLabels::fit(root, plot)?;
    let range = ValueRange::of(&plot.rows);
    let n = plot.rows.len();

    let top = if legend { 130 } else { 100 };
    let area = root.margin(top, 20, 30, 60);
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(70)
        .y_label_area_size(labels.width + 70)
        .build_cartesian_2d(range.lo..range.hi, 0.0..n as f64)?;
    let fmt = |v: &f64| tick(*v);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(8)
        .x_label_formatter(&fmt)
        .x_label_style(style(20.0, &MUTED))
        .x_desc(plot.axis.as_str())
        .y_desc(plot.category)
        .axis_desc_style(style(22.0, &MUTED))
        .bold_line_style(GRID)
        .light_line_style(WHITE)
        .axis_style(AXIS)
        .draw()?;
    draw_rows(root, &mut chart, plot, &labels, range.lo)?;
    // The zero line over the bars' roots.
    if range.lo < 0.0 {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (0.0, n as f64)],
            AXIS,
        )))?;
    }
    root.present()?;
    Ok(())
}

/// The legend of grouped bars, top right under the title, right to left; whether there was one
/// (a single bar per row needs none).
fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &Plot,
) -> Result<bool, DrawingAreaErrorKind<DB::ErrorType>> {
    let legend: Vec<_> = plot.bars.iter().filter(|(_, t)| !t.is_empty()).collect();
    if legend.len() <= 1 {
        return Ok(false);
    }
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
    Ok(true)
}

/// The rows' labels cut to fit, in the size the number of rows leaves room for, and the fonts
/// of labels and amounts.
struct RowLabels {
    texts: Vec<String>,
    font: TextStyle<'static>,
    value_font: TextStyle<'static>,
    /// The widest label, in pixels: the room the category axis needs.
    width: u32,
}

impl RowLabels {
    /// Room per row in pixels decides the label size: 24 px at most, 14 px at least.
    fn fit<DB: DrawingBackend>(
        root: &DrawingArea<DB, Shift>,
        plot: &Plot,
    ) -> Result<RowLabels, DrawingAreaErrorKind<DB::ErrorType>> {
        let plot_px = (HEIGHT - 230) as f64;
        let size = (plot_px / plot.rows.len().max(1) as f64 * 0.5).clamp(14.0, 24.0);
        let font = style(size, &INK);
        let value_font = style((size - 2.0).max(13.0), &MUTED);
        let texts: Vec<String> = plot
            .rows
            .iter()
            .map(|(l, _)| fit(root, l, &font, LABEL_PX))
            .collect();
        let mut width = 0;
        for l in &texts {
            width = width.max(root.estimate_text_size(l, &font)?.0);
        }
        Ok(RowLabels {
            texts,
            font,
            value_font,
            width,
        })
    }
}

/// The value axis: from zero (or past the lowest value) to past the highest, with room past
/// the bar ends for the amounts printed there.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ValueRange {
    lo: f64,
    hi: f64,
}

impl ValueRange {
    fn of(rows: &[(String, Vec<Decimal>)]) -> ValueRange {
        let values: Vec<f64> = rows
            .iter()
            .flat_map(|(_, v)| v.iter().map(|d| number(*d)))
            .collect();
        let hi = values.iter().copied().fold(0.0_f64, f64::max);
        let lo = values.iter().copied().fold(0.0_f64, f64::min);
        let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
        let x_hi = if hi > 0.0 || lo >= 0.0 {
            hi + span * 0.16
        } else {
            0.0
        };
        let x_lo = if lo < 0.0 { lo - span * 0.16 } else { 0.0 };
        let x_hi = if x_hi <= x_lo { x_lo + 1.0 } else { x_hi };
        ValueRange { lo: x_lo, hi: x_hi }
    }
}

/// Where the bars of a row sit in it: row i occupies [n-1-i, n-i]; its bars share the middle of
/// it (80 %, or less so that no bar gets thicker than about 90 px), with small gaps between them.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Bands {
    /// The height of one bar's band, in rows.
    band: f64,
    /// The space left above the first bar (and below the last), in rows.
    inset: f64,
}

impl Bands {
    fn new(row_px: f64, per_row: usize) -> Bands {
        let fill = (90.0 * per_row as f64 / row_px).min(0.8);
        Bands {
            band: fill / per_row as f64,
            inset: (1.0 - fill) / 2.0,
        }
    }

    /// The bottom and top of bar `j` in the row whose top is at `row_top`.
    fn bar(&self, row_top: f64, j: usize) -> (f64, f64) {
        let y1 = row_top - self.inset - self.band * j as f64 - self.band * 0.06;
        let y0 = row_top - self.inset - self.band * (j + 1) as f64 + self.band * 0.06;
        (y0, y1)
    }
}

/// Each row's label left of the axis, and its bars, each with its amount past its end.
fn draw_rows<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &mut Chart<'_, DB>,
    plot: &Plot,
    labels: &RowLabels,
    x_lo: f64,
) -> DrawResult<DB> {
    let n = plot.rows.len();
    let per_row = plot.bars.len().max(1);
    let row_px =
        (chart.backend_coord(&(x_lo, 0.0)).1 - chart.backend_coord(&(x_lo, 1.0)).1).max(1) as f64;
    let bands = Bands::new(row_px, per_row);
    for (i, ((_, row), label)) in plot.rows.iter().zip(&labels.texts).enumerate() {
        let row_top = (n - i) as f64;
        let (lx, ly) = chart.backend_coord(&(x_lo, row_top - 0.5));
        root.draw(&Text::new(
            label.clone(),
            (lx - 12, ly),
            labels.font.pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        for (j, value) in row.iter().enumerate() {
            // In a grouped chart a zero is an item with no figure that year: no bar, no label.
            if per_row > 1 && value.is_zero() {
                continue;
            }
            let color = plot.bars.get(j).map_or(PALETTE[0], |b| b.0);
            let (y0, y1) = bands.bar(row_top, j);
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
                labels.value_font.pos(Pos::new(h, VPos::Center)),
            ))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn rows(values: &[&[&str]]) -> Vec<(String, Vec<Decimal>)> {
        values
            .iter()
            .map(|v| {
                let figures = v.iter().map(|s| Decimal::from_str(s).unwrap()).collect();
                (String::new(), figures)
            })
            .collect()
    }

    fn close(a: ValueRange, lo: f64, hi: f64) -> bool {
        (a.lo - lo).abs() < 1e-9 && (a.hi - hi).abs() < 1e-9
    }

    /// The axis starts at zero for positive figures and leaves 16 % of the span past the ends
    /// for the amounts; negative figures push it below zero.
    #[test]
    fn the_value_axis_leaves_room_for_the_amounts() {
        let positive = ValueRange::of(&rows(&[&["3966.63"], &["31.36"]]));
        assert!(close(positive, 0.0, 3966.63 * 1.16), "{positive:?}");
        let mixed = ValueRange::of(&rows(&[&["-100"], &["20", "50"]]));
        assert!(close(mixed, -124.0, 74.0), "{mixed:?}");
        let negative = ValueRange::of(&rows(&[&["-10"]]));
        assert!(close(negative, -11.6, 0.0), "{negative:?}");
        let zero = ValueRange::of(&rows(&[&["0"]]));
        assert!(close(zero, 0.0, 0.16), "{zero:?}");
    }

    /// Bars fill 80 % of a tall row, but no bar gets thicker than 90 px in a thin one.
    #[test]
    fn bars_share_the_middle_of_their_row() {
        let tall = Bands::new(300.0, 2);
        assert!((tall.band - 0.3).abs() < 1e-12 && (tall.inset - 0.2).abs() < 1e-12);
        let thin = Bands::new(100.0, 2);
        assert!((thin.band - 0.4).abs() < 1e-12 && (thin.inset - 0.1).abs() < 1e-12);
        let (y0, y1) = thin.bar(3.0, 1);
        assert!((y1 - 2.476).abs() < 1e-12, "{y1}");
        assert!((y0 - 2.124).abs() < 1e-12, "{y0}");
    }
}
