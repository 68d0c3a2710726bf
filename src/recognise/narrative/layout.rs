//! What `pdftotext -layout` does to the lines of a page, undone before they are rejoined: it
//! keeps columns side by side on one line, parted by wide runs of spaces, and sorts a page's
//! lines by their height, so that a line's tail set a little higher is printed above it.

use super::rejoin::{starts_block, Joined, MARKS};

/// Adds the line `chars[from..]` to the rejoined text, without its trailing spaces. The columns
/// of a columned line go each on a line of its own: the halves of a two-column page, or the
/// cells of a table's row, belong to different paragraphs.
pub(super) fn push_line(out: &mut Joined, chars: &[char], from: usize, columned: bool) {
    let wide = |i: usize| {
        chars
            .get(i..i + 3)
            .is_some_and(|w| w.iter().all(|c| c.is_whitespace()))
    };
    let mut gap = false;
    for (i, c) in chars.iter().enumerate().skip(from) {
        if columned && (gap || wide(i)) && c.is_whitespace() {
            if !gap {
                out.text.push('\n');
                out.origin.push(i);
            }
            gap = true;
            continue;
        }
        gap = false;
        out.text.push(*c);
        out.origin.push(i);
    }
    while out.text.last().is_some_and(|c| c.is_whitespace()) {
        out.text.pop();
        out.origin.pop();
    }
}

/// The lines in reading order, each with whether it is a tail put back at the end of the line
/// before. `pdftotext -layout` sorts the lines of a page by their height, and prints a line's tail
/// set a little higher just above it (“15.16%；” above “…住房保障支出（类）445.69万元，占”). Such a
/// tail begins with a figure and its unit and ends a clause, follows a line that ends one (or a
/// heading), and stands just above a line that ends its paragraph mid-clause: no sentence stops
/// there, so the tail is read where it belongs.
pub(super) fn reading_order(
    lines: &[(usize, usize)],
    chars: &[char],
) -> Vec<((usize, usize), bool)> {
    let text = |i: usize| {
        lines
            .get(i)
            .map(|&(a, b)| chars[a..b].iter().collect::<String>())
    };
    let printed = |i: &usize| text(*i).is_some_and(|t| !t.trim().is_empty());
    let indented = |t: &str| t.chars().take_while(|c| c.is_whitespace()).count() >= 2;
    // The line before a tail at `i`, when it is one.
    let displaced = |i: usize| -> Option<usize> {
        let (tail, next) = (text(i)?, text(i + 1)?);
        let b = (0..i).rev().find(printed)?;
        let before = text(b)?;
        let after = (i + 2..lines.len()).find(printed);
        let closed =
            before.trim_end().ends_with(['。', '；', ';', '：', ':']) || starts_block(&before);
        let mid_clause = next
            .trim_end()
            .chars()
            .last()
            .is_some_and(|c| !c.is_ascii() && !MARKS.contains(c));
        let ends_paragraph = after
            .is_none_or(|k| k > i + 2 && text(k).is_some_and(|t| starts_block(&t) || indented(&t)));
        (!indented(&tail)
            && is_quantity_clause(tail.trim())
            && closed
            && mid_clause
            && ends_paragraph)
            .then_some(b)
    };
    let mut order = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let Some(b) = displaced(i) else {
            order.push((lines[i], false));
            i += 1;
            continue;
        };
        // The room the tail took is no paragraph break where the line below goes on with the
        // paragraph above (it is not indented, and that one is no heading).
        let goes_on = text(i + 1).is_some_and(|t| !indented(&t))
            && text(b).is_some_and(|t| !starts_block(&t));
        if goes_on {
            order.truncate(order.len() - (i - b - 1));
        }
        order.push((lines[i + 1], false));
        order.push((lines[i], true));
        i += 2;
    }
    order
}

/// A clause that is a figure with its unit (“15.16%；”, “603.14万元，占20.51%；”), ending with a
/// semicolon or full stop.
fn is_quantity_clause(t: &str) -> bool {
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    rest.len() < t.len()
        && t.starts_with(|c: char| c.is_ascii_digit())
        && ["%", "％", "万元", "亿元", "千元", "元"]
            .iter()
            .any(|u| rest.starts_with(u))
        && t.ends_with(['；', ';', '。'])
}

/// A line whose words stand in columns (a table's row, or two columns of a page side by side, as
/// `pdftotext -layout` prints them): not prose, and no measure of the wrap width.
pub(super) fn is_columned(line: &str) -> bool {
    line.trim().contains("   ")
}
