//! Ruled tables from ruling lines and glyph positions.
//!
//! Coordinates are PDF user space in points, y growing upwards. A table is a connected set of
//! horizontal and vertical rulings; its elementary cells lie between consecutive distinct ruling
//! positions; two neighbouring cells with no ruling drawn between them are one merged cell, as a
//! person reads the printed page. A glyph belongs to the cell its centre falls in, so a label
//! wrapped onto two lines, or an amount set higher in its cell, stays in its row.

use pdf_oxide::elements::{PathContent, PathOperation};

use crate::read::Merge;

use super::lines::TextLine;
use super::Page;

/// A glyph: its character, the left end of its baseline, its advance and its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    pub ch: char,
    pub x: f32,
    pub width: f32,
    pub baseline: f32,
    pub size: f32,
}

impl Glyph {
    fn centre(&self) -> (f32, f32) {
        // The visual middle of a CJK glyph or a digit sits about a third of the size above the
        // baseline.
        (self.x + self.width / 2.0, self.baseline + 0.3 * self.size)
    }
}

/// A straight ruling: horizontal at `pos` = y from `a` to `b` (x), or vertical at `pos` = x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub horizontal: bool,
    pub pos: f32,
    pub a: f32,
    pub b: f32,
}

/// The quarter turns (0–3, counter-clockwise) an angle in degrees is, if it is one.
pub fn quarter_turns(degrees: f32) -> Option<u8> {
    let d = degrees.rem_euclid(360.0);
    (0..=4u8)
        .find(|&q| (d - 90.0 * f32::from(q)).abs() < 1.0)
        .map(|q| q % 4)
}

/// A point in the coordinates of a page turned back by `q` quarter turns, so that text set at
/// that angle reads left to right with y growing upwards.
pub fn turn((x, y): (f32, f32), q: u8) -> (f32, f32) {
    match q % 4 {
        0 => (x, y),
        1 => (y, -x),
        2 => (-x, -y),
        _ => (-y, x),
    }
}

impl Segment {
    /// The ruling in the coordinates of a page turned back by `q` quarter turns.
    pub fn turned(&self, q: u8) -> Option<Segment> {
        if q.is_multiple_of(4) {
            return Some(*self);
        }
        let (from, to) = if self.horizontal {
            ((self.a, self.pos), (self.b, self.pos))
        } else {
            ((self.pos, self.a), (self.pos, self.b))
        };
        let mut out = Vec::new();
        line(&mut out, turn(from, q), turn(to, q));
        out.pop()
    }
}

/// Thinner than this, a filled rectangle is a ruling drawn as a fill.
const HAIR: f32 = 2.5;
/// Rulings closer than this are one.
const SNAP: f32 = 2.0;

/// The rulings a page's paths draw: stroked lines and rectangles, and hairline filled rectangles.
pub fn segments(paths: &[PathContent]) -> Vec<Segment> {
    let mut out = Vec::new();
    for p in paths {
        let stroked = p.stroke_color.is_some();
        if !stroked && p.fill_color.is_none() {
            continue; // a clipping path draws nothing
        }
        let mut start = (0.0f32, 0.0f32);
        let mut cur = (0.0f32, 0.0f32);
        for op in &p.operations {
            match *op {
                PathOperation::MoveTo(x, y) => {
                    start = (x, y);
                    cur = (x, y);
                }
                PathOperation::LineTo(x, y) => {
                    if stroked {
                        line(&mut out, cur, (x, y));
                    }
                    cur = (x, y);
                }
                PathOperation::CurveTo(_, _, _, _, x, y) => cur = (x, y),
                PathOperation::ClosePath => {
                    if stroked {
                        line(&mut out, cur, start);
                    }
                    cur = start;
                }
                PathOperation::Rectangle(x, y, w, h) => {
                    let (x0, x1) = (x.min(x + w), x.max(x + w));
                    let (y0, y1) = (y.min(y + h), y.max(y + h));
                    let (w, h) = (x1 - x0, y1 - y0);
                    if h < HAIR && w >= HAIR {
                        out.push(Segment {
                            horizontal: true,
                            pos: (y0 + y1) / 2.0,
                            a: x0,
                            b: x1,
                        });
                    } else if w < HAIR && h >= HAIR {
                        out.push(Segment {
                            horizontal: false,
                            pos: (x0 + x1) / 2.0,
                            a: y0,
                            b: y1,
                        });
                    } else if stroked && w >= HAIR && h >= HAIR {
                        line(&mut out, (x0, y0), (x1, y0));
                        line(&mut out, (x0, y1), (x1, y1));
                        line(&mut out, (x0, y0), (x0, y1));
                        line(&mut out, (x1, y0), (x1, y1));
                    }
                    start = (x, y);
                    cur = (x, y);
                }
            }
        }
    }
    out
}

fn line(out: &mut Vec<Segment>, from: (f32, f32), to: (f32, f32)) {
    let (dx, dy) = ((to.0 - from.0).abs(), (to.1 - from.1).abs());
    if dy < 1.0 && dx >= HAIR {
        out.push(Segment {
            horizontal: true,
            pos: (from.1 + to.1) / 2.0,
            a: from.0.min(to.0),
            b: from.0.max(to.0),
        });
    } else if dx < 1.0 && dy >= HAIR {
        out.push(Segment {
            horizontal: false,
            pos: (from.0 + to.0) / 2.0,
            a: from.1.min(to.1),
            b: from.1.max(to.1),
        });
    }
}

/// One ruled table on one page, before its cells are read.
#[derive(Clone, Debug)]
pub struct Region {
    pub page: u32,
    segments: Vec<Segment>,
    glyphs: Vec<Glyph>,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

/// The page's ruled tables, top to bottom, and the glyphs that lie outside all of them.
pub fn tables(segments: &[Segment], glyphs: Vec<Glyph>, page: u32) -> (Vec<Region>, Vec<Glyph>) {
    let n = segments.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for i in 0..n {
        for j in i + 1..n {
            if touches(&segments[i], &segments[j]) {
                union(&mut parent, i, j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Segment>> = Default::default();
    for (i, s) in segments.iter().enumerate() {
        groups.entry(find(&mut parent, i)).or_default().push(*s);
    }
    let mut regions: Vec<Region> = groups
        .into_values()
        .filter_map(|segs| {
            let hs = distinct(segs.iter().filter(|s| s.horizontal).map(|s| s.pos));
            let vs = distinct(segs.iter().filter(|s| !s.horizontal).map(|s| s.pos));
            if hs.len() < 2 || vs.len() < 2 {
                return None; // an underline or a frame, not a table
            }
            let left = vs[0];
            let right = *vs.last()?;
            let bottom = hs[0];
            let top = *hs.last()?;
            (right - left > 20.0 && top - bottom > 10.0).then_some(Region {
                page,
                segments: segs,
                glyphs: Vec::new(),
                left,
                right,
                top,
                bottom,
            })
        })
        .collect();
    regions.sort_by(|a, b| b.top.total_cmp(&a.top));
    let mut rest = Vec::new();
    for g in glyphs {
        let (cx, cy) = g.centre();
        match regions.iter_mut().find(|r| {
            cx >= r.left - 1.0 && cx <= r.right + 1.0 && cy >= r.bottom - 1.0 && cy <= r.top + 1.0
        }) {
            Some(r) => r.glyphs.push(g),
            None => rest.push(g),
        }
    }
    (regions, rest)
}

fn touches(s: &Segment, t: &Segment) -> bool {
    let within = |v: f32, a: f32, b: f32| v >= a - SNAP && v <= b + SNAP;
    match (s.horizontal, t.horizontal) {
        (true, false) => within(t.pos, s.a, s.b) && within(s.pos, t.a, t.b),
        (false, true) => within(s.pos, t.a, t.b) && within(t.pos, s.a, s.b),
        _ => (s.pos - t.pos).abs() <= SNAP && s.a <= t.b + SNAP && t.a <= s.b + SNAP,
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Distinct positions, ascending, those within `SNAP` of each other taken as one.
fn distinct(values: impl Iterator<Item = f32>) -> Vec<f32> {
    let mut v: Vec<f32> = values.collect();
    v.sort_by(f32::total_cmp);
    let mut out: Vec<(f32, usize)> = Vec::new();
    for x in v {
        match out.last_mut() {
            Some((mean, n)) if x - *mean <= SNAP => {
                *mean = (*mean * *n as f32 + x) / (*n as f32 + 1.0);
                *n += 1;
            }
            _ => out.push((x, 1)),
        }
    }
    out.into_iter().map(|(m, _)| m).collect()
}

/// A cell as printed: its text and its box (x0, y0, x1, y1) on its page.
#[derive(Clone, Debug, PartialEq)]
pub struct TableCell {
    pub text: String,
    pub bbox: [f32; 4],
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub page: u32,
    pub cells: Vec<Option<TableCell>>,
}

/// A ruled table, over one page or continued over several.
#[derive(Clone, Debug, PartialEq)]
pub struct RuledTable {
    pub first_page: u32,
    /// The top of the table on its first page.
    pub top: f32,
    pub last_page: u32,
    pub bottom: f32,
    pub width: usize,
    pub rows: Vec<TableRow>,
    /// Merged cells, rows counted from the table's first row.
    pub merges: Vec<Merge>,
}

/// The page's tables, each table continued from the previous page joined to it. A table
/// continues when it is the first thing on its page but short lines (a running head, a unit
/// line), the previous page ended with a table, nothing but short lines came after it, and both
/// have the same outer edges.
pub fn join_continued(pages: Vec<Vec<Region>>, texts: &[Page]) -> Vec<RuledTable> {
    let mut runs: Vec<Vec<Region>> = Vec::new();
    let mut last_page_ended_in_table = false;
    for (i, regions) in pages.into_iter().enumerate() {
        let lines = texts.get(i).map(|p| p.lines.as_slice()).unwrap_or(&[]);
        let count = regions.len();
        for (k, region) in regions.into_iter().enumerate() {
            let opens_page = k == 0 && only_short(lines.iter().filter(|l| l.baseline > region.top));
            let continues = opens_page
                && last_page_ended_in_table
                && runs.last().and_then(|r| r.last()).is_some_and(|prev| {
                    prev.page + 1 == region.page
                        && (prev.left - region.left).abs() < 4.0
                        && (prev.right - region.right).abs() < 4.0
                });
            let ends_page = k + 1 == count;
            match runs.last_mut() {
                Some(run) if continues => run.push(region),
                _ => runs.push(vec![region]),
            }
            if ends_page {
                let bottom = runs.last().and_then(|r| r.last()).map(|r| r.bottom);
                last_page_ended_in_table = only_short(
                    lines
                        .iter()
                        .filter(|l| bottom.is_some_and(|b| l.baseline < b)),
                );
            }
        }
        if count == 0 {
            last_page_ended_in_table = false;
        }
    }
    runs.into_iter().map(build).collect()
}

/// Page numbers, running heads and unit lines: nothing that starts a new table or a paragraph.
fn only_short<'a>(mut lines: impl Iterator<Item = &'a TextLine>) -> bool {
    lines.all(|l| l.text.chars().count() <= 12 && !l.text.contains('表'))
}

/// Reads the cells of a run of regions, all on the columns of the run's vertical rulings.
fn build(run: Vec<Region>) -> RuledTable {
    let xs = distinct(run.iter().flat_map(|r| {
        r.segments
            .iter()
            .filter(|s| !s.horizontal)
            .map(|s| s.pos)
            .collect::<Vec<_>>()
    }));
    let width = xs.len().saturating_sub(1);
    let mut table = RuledTable {
        first_page: run[0].page,
        top: run[0].top,
        last_page: run[run.len() - 1].page,
        bottom: run[run.len() - 1].bottom,
        width,
        rows: Vec::new(),
        merges: Vec::new(),
    };
    for region in &run {
        read_region(region, &xs, &mut table);
    }
    table
}

fn read_region(region: &Region, xs: &[f32], table: &mut RuledTable) {
    let mut ys = distinct(
        region
            .segments
            .iter()
            .filter(|s| s.horizontal)
            .map(|s| s.pos),
    );
    ys.reverse(); // top first
    let (nr, nc) = (ys.len() - 1, xs.len().saturating_sub(1));
    if nc == 0 {
        return;
    }
    let covered = |horizontal: bool, pos: f32, lo: f32, hi: f32| -> bool {
        let len: f32 = region
            .segments
            .iter()
            .filter(|s| s.horizontal == horizontal && (s.pos - pos).abs() <= SNAP)
            .map(|s| (s.b.min(hi) - s.a.max(lo)).max(0.0))
            .sum();
        len >= 0.5 * (hi - lo)
    };
    let id = |r: usize, c: usize| r * nc + c;
    let mut parent: Vec<usize> = (0..nr * nc).collect();
    for r in 0..nr {
        for c in 0..nc {
            if c + 1 < nc && !covered(false, xs[c + 1], ys[r + 1], ys[r]) {
                union(&mut parent, id(r, c), id(r, c + 1));
            }
            if r + 1 < nr && !covered(true, ys[r + 1], xs[c], xs[c + 1]) {
                union(&mut parent, id(r, c), id(r + 1, c));
            }
        }
    }
    // Each merged cell: its span and its glyphs.
    let mut span: std::collections::HashMap<usize, (usize, usize, usize, usize)> =
        Default::default();
    for r in 0..nr {
        for c in 0..nc {
            let root = find(&mut parent, id(r, c));
            let e = span.entry(root).or_insert((r, c, r, c));
            e.0 = e.0.min(r);
            e.1 = e.1.min(c);
            e.2 = e.2.max(r);
            e.3 = e.3.max(c);
        }
    }
    let mut glyphs: std::collections::HashMap<usize, Vec<Glyph>> = Default::default();
    for g in &region.glyphs {
        let (cx, cy) = g.centre();
        let c = xs
            .partition_point(|&x| x <= cx)
            .saturating_sub(1)
            .min(nc - 1);
        let r = ys
            .partition_point(|&y| y >= cy)
            .saturating_sub(1)
            .min(nr - 1);
        let root = find(&mut parent, id(r, c));
        glyphs.entry(root).or_default().push(*g);
    }
    let base = table.rows.len();
    for _ in 0..nr {
        table.rows.push(TableRow {
            page: region.page,
            cells: vec![None; nc],
        });
    }
    for (root, (r0, c0, r1, c1)) in span {
        let text = glyphs.get(&root).map(|g| cell_text(g)).unwrap_or_default();
        if r1 > r0 || c1 > c0 {
            table.merges.push(Merge {
                first: ((base + r0) as u32, c0 as u32),
                last: ((base + r1) as u32, c1 as u32),
            });
        }
        if !text.is_empty() {
            table.rows[base + r0].cells[c0] = Some(TableCell {
                text,
                bbox: [xs[c0], ys[r1 + 1], xs[c1 + 1], ys[r0]],
            });
        }
    }
    table.merges.sort_by_key(|m| (m.first, m.last));
}

/// The text of a cell: its lines top to bottom, joined as one (a wrapped label is one label).
fn cell_text(glyphs: &[Glyph]) -> String {
    super::lines::lines(glyphs.to_vec(), 0)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

/// The glyphs of one line, left to right. A gap wider than half a character is a space; between
/// Latin letters or digits, so is a word space (about a quarter of the size).
pub fn text_of(glyphs: &[Glyph]) -> String {
    let mut sorted = glyphs.to_vec();
    sorted.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut out = String::new();
    let mut prev: Option<&Glyph> = None;
    let mut spaced = false;
    for g in &sorted {
        if g.ch == ' ' {
            spaced = true;
            continue;
        }
        if let Some(p) = prev {
            let gap = g.x - (p.x + p.width);
            let latin = p.ch.is_ascii_alphanumeric() && g.ch.is_ascii_alphanumeric();
            if gap > 0.6 * g.size || (latin && (spaced || gap > 0.15 * g.size)) {
                out.push(' ');
            }
        }
        out.push(g.ch);
        prev = Some(g);
        spaced = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f32, a: f32, b: f32) -> Segment {
        Segment {
            horizontal: true,
            pos: y,
            a,
            b,
        }
    }

    fn v(x: f32, a: f32, b: f32) -> Segment {
        Segment {
            horizontal: false,
            pos: x,
            a,
            b,
        }
    }

    /// Glyphs of `s` from `x` on `baseline`, 10 pt each.
    fn text(s: &str, x: f32, baseline: f32) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, ch)| Glyph {
                ch,
                x: x + 10.0 * i as f32,
                width: 10.0,
                baseline,
                size: 10.0,
            })
            .collect()
    }

    /// A three-column table, rows 20 pt high from y = 500 down: a heading row whose “项目” spans
    /// the first two columns (no ruling between them), then two body rows; the first body row's
    /// label wraps onto two lines around its amount's baseline.
    fn page() -> (Vec<Segment>, Vec<Glyph>) {
        let segments = vec![
            h(500.0, 0.0, 300.0),
            h(480.0, 0.0, 300.0),
            h(450.0, 0.0, 300.0),
            h(430.0, 0.0, 300.0),
            v(0.0, 430.0, 500.0),
            v(100.0, 430.0, 480.0), // not drawn in the heading row
            v(200.0, 430.0, 500.0),
            v(300.0, 430.0, 500.0),
        ];
        let mut glyphs = text("项目", 80.0, 485.0);
        glyphs.extend(text("决算数", 220.0, 485.0));
        glyphs.extend(text("201", 5.0, 461.0));
        glyphs.extend(text("机关事业单位", 105.0, 467.0));
        glyphs.extend(text("养老支出", 105.0, 455.0));
        glyphs.extend(text("1,234.50", 210.0, 461.0));
        glyphs.extend(text("合计", 105.0, 436.0));
        glyphs.extend(text("1,234.50", 210.0, 436.0));
        glyphs.extend(text("单位：万元", 200.0, 520.0));
        (segments, glyphs)
    }

    fn cell(t: &RuledTable, r: usize, c: usize) -> Option<&str> {
        t.rows[r].cells[c].as_ref().map(|c| c.text.as_str())
    }

    #[test]
    fn cells_merges_and_wrapped_labels() {
        let (segments, glyphs) = page();
        let (regions, rest) = tables(&segments, glyphs, 4);
        assert_eq!(regions.len(), 1);
        assert_eq!(text_of(&rest), "单位：万元");
        let t = join_continued(vec![regions], &[Page::default()]).remove(0);
        assert_eq!((t.rows.len(), t.width), (3, 3));
        assert_eq!(cell(&t, 0, 0), Some("项目"));
        assert_eq!(cell(&t, 0, 2), Some("决算数"));
        assert_eq!(
            t.merges,
            vec![Merge {
                first: (0, 0),
                last: (0, 1)
            }]
        );
        assert_eq!(cell(&t, 1, 0), Some("201"));
        assert_eq!(cell(&t, 1, 1), Some("机关事业单位养老支出"));
        assert_eq!(cell(&t, 1, 2), Some("1,234.50"));
        assert_eq!(cell(&t, 2, 1), Some("合计"));
        assert_eq!(t.rows[2].page, 4);
        assert_eq!(
            t.rows[1].cells[2].as_ref().unwrap().bbox,
            [200.0, 450.0, 300.0, 480.0]
        );
    }

    #[test]
    fn a_table_continued_on_the_next_page_is_one_table() {
        let (segments, glyphs) = page();
        let (first, _) = tables(&segments, glyphs, 1);
        // Page 2: the same columns, two body rows, no title above.
        let next = vec![
            h(700.0, 0.0, 300.0),
            h(680.0, 0.0, 300.0),
            h(660.0, 0.0, 300.0),
            v(0.0, 660.0, 700.0),
            v(100.0, 660.0, 700.0),
            v(200.0, 660.0, 700.0),
            v(300.0, 660.0, 700.0),
        ];
        let mut g = text("208", 5.0, 685.0);
        g.extend(text("9.00", 210.0, 685.0));
        let (second, _) = tables(&next, g, 2);
        let pages = [Page::default(), Page::default()];
        let joined = join_continued(vec![first.clone(), second.clone()], &pages);
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].rows.len(), 5);
        assert_eq!(cell(&joined[0], 3, 0), Some("208"));
        assert_eq!(cell(&joined[0], 3, 2), Some("9.00"));
        assert_eq!(joined[0].rows[3].page, 2);

        // A title above it makes it a table of its own.
        let titled = [
            Page::default(),
            Page {
                number: 2,
                lines: super::super::lines::lines(text("支出决算表", 100.0, 720.0), 2),
            },
        ];
        assert_eq!(join_continued(vec![first, second], &titled).len(), 2);
    }

    #[test]
    fn a_page_set_sideways_is_turned_back() {
        assert_eq!(quarter_turns(90.0), Some(1));
        assert_eq!(quarter_turns(-90.0), Some(3));
        assert_eq!(quarter_turns(359.6), Some(0));
        assert_eq!(quarter_turns(45.0), None);
        // Text running up the page (90°): a point further up is further right once turned back.
        assert!(turn((100.0, 300.0), 1).0 > turn((100.0, 200.0), 1).0);
        // A vertical ruling of a sideways table is a horizontal one of the table.
        let s = v(100.0, 200.0, 300.0).turned(1).unwrap();
        assert_eq!(s, h(-100.0, 200.0, 300.0));
        assert_eq!(h(50.0, 0.0, 10.0).turned(0), Some(h(50.0, 0.0, 10.0)));
    }

    #[test]
    fn hairline_rectangles_are_rulings_and_clipping_paths_are_not() {
        use pdf_oxide::elements::PathContent;
        let mut filled = PathContent::new(pdf_oxide::geometry::Rect::new(0.0, 0.0, 1.0, 1.0));
        filled.operations = vec![PathOperation::Rectangle(10.0, 100.0, 200.0, 0.5)];
        filled.fill_color = Some(pdf_oxide::layout::Color::black());
        filled.stroke_color = None;
        let mut clip = filled.clone();
        clip.fill_color = None;
        let s = segments(&[filled, clip]);
        assert_eq!(s, vec![h(100.25, 10.0, 210.0)]);
    }
}
