//! Glyphs outside tables, put into text lines in reading order.

use super::geometry::Glyph;

/// A printed line of text: its glyphs on one baseline, left to right.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    /// The page, from 1.
    pub page: u32,
    /// Its text.
    pub text: String,
    /// Its left end.
    pub x0: f32,
    /// Its right end.
    pub x1: f32,
    /// PDF user space: larger is higher on the page.
    pub baseline: f32,
    /// The size of its glyphs (the largest).
    pub size: f32,
    /// The line cut where the gap between glyphs is wider than a character: the cells of a
    /// table printed without rulings.
    pub runs: Vec<Run>,
}

/// Glyphs of a line with no wide gap between them.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Its text.
    pub text: String,
    /// Its left end.
    pub x0: f32,
    /// Its right end.
    pub x1: f32,
}

/// The page's glyphs as lines, top to bottom. Glyphs whose baselines differ by less than a third
/// of their size are one line (a superscript or a font change does not start a new one).
pub fn lines(mut glyphs: Vec<Glyph>, page: u32) -> Vec<TextLine> {
    glyphs.sort_by(|a, b| b.baseline.total_cmp(&a.baseline));
    let mut out = Vec::new();
    let mut current: Vec<Glyph> = Vec::new();
    for g in glyphs {
        let starts_new = current.first().is_some_and(|first| {
            (first.baseline - g.baseline).abs() > 0.35 * first.size.max(g.size)
        });
        if starts_new {
            out.extend(line_of(std::mem::take(&mut current), page));
        }
        current.push(g);
    }
    if !current.is_empty() {
        out.extend(line_of(current, page));
    }
    out
}

fn line_of(glyphs: Vec<Glyph>, page: u32) -> Option<TextLine> {
    let printed = || glyphs.iter().filter(|g| g.ch != ' ');
    let x0 = printed().map(|g| g.x).fold(f32::MAX, f32::min);
    let x1 = printed().map(|g| g.x + g.width).fold(f32::MIN, f32::max);
    printed().next()?;
    let baseline = glyphs[0].baseline;
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f32::max);
    Some(TextLine {
        page,
        text: text_of(&glyphs),
        x0,
        x1,
        baseline,
        size,
        runs: runs(&glyphs),
    })
}

fn runs(glyphs: &[Glyph]) -> Vec<Run> {
    let mut sorted = glyphs.to_vec();
    sorted.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut out = Vec::new();
    let mut current: Vec<Glyph> = Vec::new();
    // Spaces join nothing: a gap is measured between printed glyphs.
    for g in sorted.into_iter().filter(|g| g.ch != ' ') {
        if let Some(last) = current.last() {
            if g.x - (last.x + last.width) > 1.0 * g.size.max(last.size) {
                out.push(run_of(std::mem::take(&mut current), glyphs));
            }
        }
        current.push(g);
    }
    if !current.is_empty() {
        out.push(run_of(current, glyphs));
    }
    out
}

/// A run of printed glyphs, with the spaces of the line that fall inside it.
fn run_of(mut glyphs: Vec<Glyph>, line: &[Glyph]) -> Run {
    let (x0, x1) = (glyphs[0].x, glyphs[glyphs.len() - 1].x);
    glyphs.extend(line.iter().filter(|g| g.ch == ' ' && g.x > x0 && g.x < x1));
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    Run {
        text: text_of(&glyphs),
        x0: glyphs[0].x,
        x1: glyphs.last().map(|g| g.x + g.width).unwrap_or(glyphs[0].x),
    }
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

    fn word(s: &str, x: f32, baseline: f32) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, ch)| Glyph {
                ch,
                x: x + i as f32 * 12.0,
                width: 12.0,
                baseline,
                size: 12.0,
            })
            .collect()
    }

    #[test]
    fn lines_run_top_to_bottom_and_keep_wide_gaps_as_spaces() {
        let mut g = word("单位：万元", 400.0, 700.0);
        g.extend(word("收入决算表", 100.0, 730.0));
        g.extend(word("序号", 100.0, 680.0));
        g.extend(word("名称", 200.0, 680.5));
        let l = lines(g, 3);
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["收入决算表", "单位：万元", "序号 名称"]);
        let runs: Vec<&str> = l[2].runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(runs, ["序号", "名称"]);
        assert_eq!((l[2].runs[1].x0, l[2].runs[1].x1), (200.0, 224.0));
        assert_eq!(l[0].page, 3);
    }
}
