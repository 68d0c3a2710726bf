//! Ruled tables from ruling lines and glyph positions.
//!
//! Coordinates are PDF user space in points, y growing upwards. A table is a connected set of
//! horizontal and vertical rulings; this module finds those regions on a page, gives each the
//! glyphs inside it, and joins a table continued over a page break. Its elementary cells lie
//! between consecutive distinct ruling positions; two neighbouring cells with no ruling drawn
//! between them are one merged cell, as a person reads the printed page (see `cells`). A glyph
//! belongs to the cell its centre falls in, so a label wrapped onto two lines, or an amount set
//! higher in its cell, stays in its row.

use super::cells::{self, RuledTable};
use super::lines::TextLine;
use super::rulings::Segment;
use super::Page;

/// Rulings closer than this are one.
pub(super) const SNAP: f32 = 2.0;

/// A glyph: its character, the left end of its baseline, its advance and its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    /// The character.
    pub ch: char,
    /// The left end of its baseline.
    pub x: f32,
    /// Its advance.
    pub width: f32,
    /// Its baseline (PDF user space: larger is higher on the page).
    pub baseline: f32,
    /// Its font size.
    pub size: f32,
}

impl Glyph {
    pub(super) fn centre(&self) -> (f32, f32) {
        // The visual middle of a CJK glyph or a digit sits about a third of the size above the
        // baseline.
        (self.x + self.width / 2.0, self.baseline + 0.3 * self.size)
    }
}

/// One ruled table on one page, before its cells are read.
#[derive(Clone, Debug)]
pub struct Region {
    pub page: u32,
    pub(super) segments: Vec<Segment>,
    pub(super) glyphs: Vec<Glyph>,
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

/// The representative of `i`'s set (a union-find over rulings or cells), shortening the path.
pub(super) fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Joins the sets of `a` and `b`, the lower index representing both.
pub(super) fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Distinct positions, ascending, those within `SNAP` of each other taken as one.
pub(super) fn distinct(values: impl Iterator<Item = f32>) -> Vec<f32> {
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
    runs.into_iter().map(cells::build).collect()
}

/// Page numbers, running heads and unit lines: nothing that starts a new table or a paragraph.
fn only_short<'a>(mut lines: impl Iterator<Item = &'a TextLine>) -> bool {
    lines.all(|l| l.text.chars().count() <= 12 && !l.text.contains('表'))
}

#[cfg(test)]
mod tests {
    use super::super::lines::text_of;
    use super::super::rulings::test_rulings::{h, v};
    use super::*;
    use crate::read::Merge;

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
}
