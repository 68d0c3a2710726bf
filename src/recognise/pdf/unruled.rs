//! Tables printed without rulings: rebuilt from the positions of their text.
//!
//! Columns are where the figures and codes of the body lines are: the x-ranges of their runs,
//! overlapping ones taken as one column (amounts are right-aligned, labels left-aligned, so a
//! column's runs overlap each other and not their neighbours'). Headings go to the columns they
//! stand over, a heading over several columns a merged cell. A label wrapped onto a line of its
//! own, closer to a body line than a line apart, is joined to that line's row.

use crate::read::pdf::{Run, TextLine};

use super::super::kind::from_title;
use super::super::text;

/// A line of the table, as cells: (column, text, last column it spans).
pub struct Row<'a> {
    pub line: &'a TextLine,
    pub cells: Vec<(usize, String, usize)>,
}

pub struct Built<'a> {
    /// Title, unit and notes: printed as lines, one cell each.
    pub before: Vec<&'a TextLine>,
    pub rows: Vec<Row<'a>>,
    pub notes: Vec<&'a TextLine>,
    /// Each column's x-range.
    pub cols: Vec<(f32, f32)>,
}

fn is_figure(t: &str) -> bool {
    matches!(text::amount(t), text::AmountText::Figure(_))
}

fn is_code(t: &str) -> bool {
    let n = t.chars().count();
    (3..=7).contains(&n) && t.chars().all(|c| c.is_ascii_digit())
}

/// A body line: it holds a figure or starts with a code.
fn is_body(l: &TextLine) -> bool {
    !is_page_number(l)
        && (l.runs.iter().any(|r| is_figure(&r.text))
            || l.runs.first().is_some_and(|r| is_code(&r.text)))
}

/// A page number printed alone (“2”, “─7─”): no figure of a table, so a table of contents
/// followed by one is still no table.
fn is_page_number(l: &TextLine) -> bool {
    let t = l.text.trim().trim_matches(['-', '─', '—', ' ']);
    l.runs.len() == 1 && !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

/// A line of prose: one long run, not a table line.
fn is_prose(l: &TextLine) -> bool {
    l.runs.len() == 1 && l.text.chars().count() >= 25
}

/// A line that opens a note under a table (注：… / 说明：…).
pub fn is_note(l: &TextLine) -> bool {
    let t = l.text.trim_start();
    // “（无政府性基金支出）” printed alone under an empty table (江苏) is its note too.
    let bracketed_none =
        t.starts_with(['(', '（']) && t.trim_start_matches(['(', '（']).starts_with('无');
    t.starts_with('注') || t.starts_with("说明") || bracketed_none
}

/// The lines an unruled table takes, from its title on: its unit line, headings, body lines and
/// notes, over page breaks while the next page goes on with table lines. `None` when what follows
/// the title is not a table (a table of contents, a heading in the prose).
pub fn take<'a>(lines: &[&'a TextLine]) -> Option<Vec<&'a TextLine>> {
    let mut out = vec![*lines.first()?];
    let mut body = 0;
    let mut cells = 0;
    let mut in_notes = false;
    for l in &lines[1..] {
        if from_title(&l.text).is_some() {
            break;
        }
        if in_notes {
            if is_note(l) || (!is_body(l) && l.runs.len() == 1 && !is_prose(l)) {
                out.push(l);
                continue;
            }
            break;
        }
        if is_note(l) {
            in_notes = true;
            out.push(l);
            continue;
        }
        if is_prose(l) {
            break;
        }
        if is_body(l) {
            body += 1;
        }
        if l.runs.len() >= 2 {
            cells += 1;
        }
        out.push(l);
    }
    // A table has figures, or (an empty one) a unit line and a heading of several columns; a
    // table of contents has neither.
    let unit = out.iter().take(3).any(|l| l.text.contains("单位"));
    (body >= 1 || (unit && cells >= 1)).then_some(out)
}

/// Ranges joined where they overlap, ascending.
fn joined(mut spans: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match out.last_mut() {
            Some(last) if a <= last.1 + 1.0 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Columns: the x-ranges of the runs of body lines, overlapping ranges joined; then headings
/// standing where no figure is (a column empty in every row) add their own.
fn columns(body: &[&TextLine], header: &[&TextLine]) -> Vec<(f32, f32)> {
    let cols = joined(
        body.iter()
            .flat_map(|l| l.runs.iter().map(|r| (r.x0, r.x1)))
            .collect(),
    );
    let free: Vec<(f32, f32)> = header
        .iter()
        .flat_map(|l| l.runs.iter().map(|r| (r.x0, r.x1)))
        .filter(|&(a, b)| !cols.iter().any(|&(c0, c1)| a < c1 && b > c0))
        .collect();
    let mut all = cols;
    all.extend(joined(free));
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    all
}

/// The columns a run stands over: those it overlaps by a quarter of the narrower of the two (a
/// heading a little wider than its narrow code column does not reach the next), else the nearest.
fn place(run: &Run, cols: &[(f32, f32)]) -> (usize, usize) {
    let overlap = |c: usize| (run.x1.min(cols[c].1) - run.x0.max(cols[c].0)).max(0.0);
    let narrower = |c: usize| (run.x1 - run.x0).min(cols[c].1 - cols[c].0).max(1.0);
    let mut over: Vec<usize> = (0..cols.len())
        .filter(|&c| overlap(c) >= 0.25 * narrower(c))
        .collect();
    if over.is_empty() {
        over.extend(
            (0..cols.len())
                .filter(|&c| overlap(c) > 0.0)
                .max_by(|&a, &b| overlap(a).total_cmp(&overlap(b))),
        );
    }
    match (over.first(), over.last()) {
        (Some(&a), Some(&b)) => (a, b),
        _ => {
            let mid = (run.x0 + run.x1) / 2.0;
            let near = (0..cols.len())
                .min_by(|&a, &b| {
                    let d = |c: usize| ((cols[c].0 + cols[c].1) / 2.0 - mid).abs();
                    d(a).total_cmp(&d(b))
                })
                .unwrap_or(0);
            (near, near)
        }
    }
}

/// Lines closer than a line apart are one printed row: a label wrapped around its amounts, an
/// amount set higher in its row than its label.
fn chains<'a>(lines: &[&'a TextLine]) -> Vec<Vec<&'a TextLine>> {
    let mut out: Vec<Vec<&TextLine>> = Vec::new();
    for l in lines {
        match out.last_mut() {
            Some(chain)
                if chain.last().is_some_and(|p| {
                    p.page == l.page && p.baseline - l.baseline < 0.95 * p.size.max(l.size)
                }) =>
            {
                chain.push(l)
            }
            _ => out.push(vec![l]),
        }
    }
    out
}

/// The cells of lines printed as one row: runs over the same column joined top to bottom.
fn cells_of(
    lines: &[&TextLine],
    cols: &[(f32, f32)],
    spanning: bool,
) -> Vec<(usize, String, usize)> {
    let mut cells: Vec<(usize, String, usize)> = Vec::new();
    for l in lines {
        for r in &l.runs {
            let (a, b) = place(r, cols);
            if (b > a) != spanning {
                continue;
            }
            match cells.iter_mut().find(|c| c.0 == a) {
                Some(c) => {
                    c.1.push_str(&r.text);
                    c.2 = c.2.max(b);
                }
                None => cells.push((a, r.text.clone(), b)),
            }
        }
    }
    cells.sort_by_key(|c| c.0);
    cells
}

pub fn build<'a>(lines: &[&'a TextLine]) -> Built<'a> {
    // Title and unit line: up to the 单位 line, or the title alone.
    let unit = lines.iter().take(4).position(|l| l.text.contains("单位"));
    let head = unit.map(|u| u + 1).unwrap_or(1);
    let notes_at = lines.iter().position(|l| is_note(l)).unwrap_or(lines.len());
    let table = &lines[head.min(notes_at)..notes_at];
    let rows_of_lines = chains(table);
    let first_body = rows_of_lines
        .iter()
        .position(|c| c.iter().any(|l| is_body(l)))
        .unwrap_or(rows_of_lines.len());
    let header: Vec<&TextLine> = rows_of_lines[..first_body]
        .iter()
        .flatten()
        .copied()
        .collect();
    let body: Vec<&TextLine> = rows_of_lines[first_body..]
        .iter()
        .flatten()
        .copied()
        .filter(|l| is_body(l))
        .collect();
    let cols = columns(&body, &header);

    let mut rows: Vec<Row> = Vec::new();
    // Headings over several columns, each line of them a row; then the headings of single
    // columns, however many lines each is printed on, as one row.
    for l in &header {
        let cells = cells_of(&[l], &cols, true);
        if !cells.is_empty() {
            rows.push(Row { line: l, cells });
        }
    }
    if let Some(first) = header.first() {
        rows.push(Row {
            line: first,
            cells: cells_of(&header, &cols, false),
        });
    }
    for chain in &rows_of_lines[first_body..] {
        let mut cells = cells_of(chain, &cols, false);
        cells.extend(cells_of(chain, &cols, true));
        cells.sort_by_key(|c| c.0);
        let line = chain
            .iter()
            .find(|l| is_body(l))
            .copied()
            .unwrap_or(chain[0]);
        rows.push(Row { line, cells });
    }
    Built {
        before: lines[..head.min(notes_at)].to_vec(),
        rows,
        notes: lines[notes_at..].to_vec(),
        cols,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of runs: (text, x0) at 12 pt, each glyph 12 pt wide.
    fn line(baseline: f32, runs: &[(&str, f32)]) -> TextLine {
        let runs: Vec<Run> = runs
            .iter()
            .map(|&(t, x)| Run {
                text: t.to_string(),
                x0: x,
                x1: x + 12.0 * t.chars().count() as f32,
            })
            .collect();
        TextLine {
            page: 1,
            text: runs
                .iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            x0: runs[0].x0,
            x1: runs.last().unwrap().x1,
            baseline,
            size: 12.0,
            runs,
        }
    }

    #[test]
    fn a_table_of_contents_is_not_a_table() {
        let toc = [
            line(700.0, &[("一、收入支出决算总表", 100.0)]),
            line(680.0, &[("二、收入决算表", 100.0)]),
            line(660.0, &[("三、支出决算表", 100.0)]),
        ];
        let refs: Vec<&TextLine> = toc.iter().collect();
        assert!(take(&refs).is_none());
    }

    #[test]
    fn columns_rows_and_a_wrapped_label() {
        let lines = [
            line(700.0, &[("支出决算表", 200.0)]),
            line(680.0, &[("单位：万元", 400.0)]),
            line(
                660.0,
                &[
                    ("科目编码", 50.0),
                    ("科目名称", 150.0),
                    ("合计", 320.0),
                    ("基本支出", 400.0),
                ],
            ),
            line(
                640.0,
                &[
                    ("201", 50.0),
                    ("一般公共服务支出", 150.0),
                    ("12.50", 320.0),
                    ("10.00", 410.0),
                ],
            ),
            // A label wrapped around its amounts: 7.8 pt above and below their baseline.
            line(617.8, &[("机关事业单位基本养老", 150.0)]),
            line(
                610.0,
                &[("2080505", 50.0), ("2.50", 332.0), ("2.50", 422.0)],
            ),
            line(602.2, &[("保险缴费支出", 150.0)]),
            line(580.0, &[("注：本表反映部门本年度支出情况。", 50.0)]),
            line(
                500.0,
                &[(
                    "这是一段很长的说明文字，不属于任何表格，而是情况说明的正文内容。",
                    50.0,
                )],
            ),
        ];
        let refs: Vec<&TextLine> = lines.iter().collect();
        let taken = take(&refs).expect("a table");
        assert_eq!(taken.len(), 8, "the prose after the note is not taken");
        let built = build(&taken);
        assert_eq!(built.cols.len(), 4);
        let text = |r: usize| -> Vec<(usize, &str)> {
            built.rows[r]
                .cells
                .iter()
                .map(|c| (c.0, c.1.as_str()))
                .collect()
        };
        assert_eq!(
            text(0),
            [
                (0, "科目编码"),
                (1, "科目名称"),
                (2, "合计"),
                (3, "基本支出")
            ]
        );
        assert_eq!(
            text(1),
            [
                (0, "201"),
                (1, "一般公共服务支出"),
                (2, "12.50"),
                (3, "10.00")
            ]
        );
        assert_eq!(
            text(2),
            [
                (0, "2080505"),
                (1, "机关事业单位基本养老保险缴费支出"),
                (2, "2.50"),
                (3, "2.50")
            ]
        );
        assert_eq!(built.notes.len(), 1);
    }
}
