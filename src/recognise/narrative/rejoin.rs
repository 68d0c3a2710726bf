//! Text as extracted from a PDF or pasted from a page is cut into lines mid-sentence, with page
//! numbers and running heads between. Paragraphs are rejoined before sentences are read, keeping
//! for every character of the rejoined text its offset in the original.

use super::lexicon::CHINESE_NUMERALS;
use super::sentences::pieces;

/// Rejoined text: paragraphs one per line, and the original offset of each character.
pub struct Joined {
    pub text: Vec<char>,
    pub origin: Vec<usize>,
}

/// A line that starts a new paragraph: a heading or a list item (一、 （一） (1) 1、 1.).
fn starts_block(line: &str) -> bool {
    let t = line.trim_start();
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let cn = CHINESE_NUMERALS;
    if matches!(first, '(' | '（' | '第' | '附' | '注') {
        return true;
    }
    if cn.contains(first) || first.is_ascii_digit() {
        let mut rest = t
            .chars()
            .skip_while(|c| cn.contains(*c) || c.is_ascii_digit());
        // “6.2万元” continues a number cut at the line end; “6.” followed by text is an item.
        return match (rest.next(), rest.next()) {
            (Some('、' | ')' | '）'), _) => true,
            (Some('.' | '．'), next) => !next.is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        };
    }
    false
}

/// Page numbers (“3”, “- 3 -”, “第3页”, “3/25”) are not text.
fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || t.chars().count() > 10 {
        return false;
    }
    let core = t
        .trim_matches(|c| c == '-' || c == '—' || c == '第' || c == '页')
        .replace(['/', '共'], "");
    !core.is_empty() && core.chars().all(|c| c.is_ascii_digit())
}

/// Rejoins hard-wrapped lines. A line is joined to the next when it does not end a sentence and
/// the next does not start a heading or list item. Lines that recur many times (running heads)
/// and page numbers are dropped.
pub fn rejoin(text: &str) -> Joined {
    let chars: Vec<char> = text.chars().collect();
    let lines: Vec<(usize, usize)> = pieces(&chars, |c| c == '\n' || c == '\u{c}')
        .into_iter()
        .map(|r| (r.start, r.end))
        .collect();
    let line_text = |&(a, b): &(usize, usize)| chars[a..b].iter().collect::<String>();
    let mut counts = std::collections::HashMap::new();
    for l in &lines {
        let t = line_text(l).trim().to_string();
        if !t.is_empty() && t.chars().count() <= 40 {
            *counts.entry(t).or_insert(0usize) += 1;
        }
    }
    let width = wrap_width(&lines, &chars);
    let wrapped = width.is_some();
    let mut out = Joined {
        text: Vec::with_capacity(chars.len()),
        origin: Vec::with_capacity(chars.len()),
    };
    // Whether the last line kept runs on into the next one.
    let mut runs_on = false;
    let mut any = false;
    for l in &lines {
        let t = line_text(l);
        let trimmed = t.trim();
        if trimmed.is_empty() {
            runs_on = false;
            continue;
        }
        if wrapped && (is_page_number(trimmed) || counts.get(trimmed).is_some_and(|&n| n >= 3)) {
            continue;
        }
        let indented = t.chars().take_while(|c| c.is_whitespace()).count() >= 2;
        if any && !(runs_on && !starts_block(trimmed) && !indented) {
            out.text.push('\n');
            out.origin.push(l.0);
        }
        any = true;
        let lead = t.chars().take_while(|c| c.is_whitespace()).count();
        for (i, c) in chars.iter().enumerate().take(l.1).skip(l.0 + lead) {
            out.text.push(*c);
            out.origin.push(i);
        }
        while out.text.last().is_some_and(|c| c.is_whitespace()) {
            out.text.pop();
            out.origin.pop();
        }
        // A full line runs on even when it ends a sentence: paragraphs have several, and a new
        // paragraph shows itself by its number or its indent.
        runs_on = width.is_some_and(|w| is_full(trimmed, w));
    }
    out
}

/// How wide a line prints: CJK and full-width characters take two columns, ASCII one.
fn display_width(line: &str) -> usize {
    line.trim()
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum()
}

/// The wrap width of a hard-wrapped text: the width most of its long lines share. PDF text is
/// cut at one width, so many lines print nearly as wide; texts whose lines are whole paragraphs
/// vary too much for that. Tables and headings between (short lines) do not matter.
fn wrap_width(lines: &[(usize, usize)], chars: &[char]) -> Option<usize> {
    let widths: Vec<usize> = lines
        .iter()
        .map(|(a, b)| display_width(&chars[*a..*b].iter().collect::<String>()))
        .filter(|&w| w >= 40)
        .collect();
    let mut best = (0, 0);
    for &w in &widths {
        let tol = w / 12;
        let near = widths
            .iter()
            .filter(|&&n| n + tol >= w && n <= w + tol)
            .count();
        if near > best.1 {
            best = (w, near);
        }
    }
    (best.1 >= 5 && best.1 * 5 >= widths.len()).then_some(best.0)
}

/// A line that runs to the wrap width, so that its sentence goes on in the next line. Digits and
/// spaces print narrower than the two-column estimate, so a full line may count a little wider.
fn is_full(line: &str, width: usize) -> bool {
    display_width(line) + width / 12 >= width
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(t: &str) -> String {
        rejoin(t).text.into_iter().collect()
    }

    /// Cuts a paragraph the way a PDF page does: at a fixed printed width.
    fn wrap(paragraph: &str, width: usize) -> String {
        let mut out = String::new();
        let mut w = 0;
        for c in paragraph.chars() {
            let cw = if c.is_ascii() { 1 } else { 2 };
            if w + cw > width {
                out.push('\n');
                w = 0;
            }
            out.push(c);
            w += cw;
        }
        out.push('\n');
        out
    }

    #[test]
    fn wrapped_lines_are_rejoined_and_page_numbers_dropped() {
        let p1 = "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。";
        let p2 = "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；";
        let p3 = "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%；一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。";
        let wrapped = format!(
            "一、收入支出决算总体情况说明\n{}二、收入决算情况说明\n{}- 3 -\n三、支出决算情况说明\n{}",
            wrap(p1, 76),
            wrap(p2, 76),
            wrap(p3, 76)
        );
        let j = joined(&wrapped);
        assert!(j.contains(&format!("\n{p1}\n二、")), "{j}");
        assert!(j.contains(&format!("\n{p2}\n三、")), "{j}");
        assert!(j.ends_with(p3), "{j}");
        assert!(!j.contains("- 3 -"));
        let r = rejoin(&wrapped);
        let i = r.text.iter().position(|&c| c == '2').unwrap();
        assert_eq!(wrapped.chars().nth(r.origin[i]), Some('2'));
    }

    #[test]
    fn paragraph_lines_stay_as_they_are() {
        let t = "第一段。\n第二段没有句号\n第三段。";
        assert_eq!(joined(t), "第一段。\n第二段没有句号\n第三段。");
    }
}
