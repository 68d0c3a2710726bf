//! Ruling lines: the straight lines a page's paths draw (stroked lines and rectangles, hairline
//! fills), and their turning when a page is read sideways.

use pdf_oxide::elements::{PathContent, PathOperation};

/// A straight ruling: horizontal at `pos` = y from `a` to `b` (x), or vertical at `pos` = x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// Horizontal (along x) or vertical (along y).
    pub horizontal: bool,
    /// Where it stands: y for a horizontal ruling, x for a vertical one.
    pub pos: f32,
    /// Where it starts along its direction.
    pub a: f32,
    /// Where it ends along its direction.
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

/// Rulings written the short way in tests of this reader.
#[cfg(test)]
pub(super) mod test_rulings {
    use super::Segment;

    /// A horizontal ruling at height `y` from `a` to `b`.
    pub fn h(y: f32, a: f32, b: f32) -> Segment {
        Segment {
            horizontal: true,
            pos: y,
            a,
            b,
        }
    }

    /// A vertical ruling at `x` from `a` to `b`.
    pub fn v(x: f32, a: f32, b: f32) -> Segment {
        Segment {
            horizontal: false,
            pos: x,
            a,
            b,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_rulings::{h, v};
    use super::*;

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
