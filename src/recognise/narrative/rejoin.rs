//! Text as extracted from a PDF or pasted from a page is cut into lines mid-sentence, with page
//! numbers and running heads between. Paragraphs are rejoined before sentences are read, keeping
//! for every character of the rejoined text its offset in the original.

/// Rejoined text: paragraphs one per line, and the original offset of each character.
pub struct Joined {
    pub text: Vec<char>,
    pub origin: Vec<usize>,
}

const ENDS: &[char] = &['。', '！', '？', '!', '?'];

/// A line that starts a new paragraph: a heading or a list item (一、 （一） (1) 1、 1.).
fn starts_block(line: &str) -> bool {
    let t = line.trim_start();
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let cn = "一二三四五六七八九十";
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
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if *c == '\n' || *c == '\u{c}' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, chars.len()));
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
    let mut open = false;
    for l in &lines {
        let t = line_text(l);
        let trimmed = t.trim();
        if trimmed.is_empty() {
            if open {
                out.text.push('\n');
                out.origin.push(l.0);
                open = false;
            }
            continue;
        }
        if wrapped && (is_page_number(trimmed) || counts.get(trimmed).is_some_and(|&n| n >= 3)) {
            continue;
        }
        if open && (!wrapped || starts_block(trimmed)) {
            out.text.push('\n');
            out.origin.push(l.0);
        }
        let lead = t.chars().take_while(|c| c.is_whitespace()).count();
        for (i, c) in chars.iter().enumerate().take(l.1).skip(l.0 + lead) {
            out.text.push(*c);
            out.origin.push(i);
        }
        while out.text.last().is_some_and(|c| c.is_whitespace()) {
            out.text.pop();
            out.origin.pop();
        }
        // In wrapped text a paragraph ends at a sentence end, or where its last line stops short.
        let short = width
            .is_some_and(|w| trimmed.chars().filter(|c| !c.is_whitespace()).count() * 10 < w * 7);
        if wrapped && (trimmed.ends_with(ENDS) || short) {
            out.text.push('\n');
            out.origin.push(l.1);
            open = false;
        } else {
            open = true;
        }
    }
    out
}

/// The wrap width of a hard-wrapped text: when at least 40% of its non-empty lines have nearly the
/// same length (and that length is a real line, 20 characters or more), it is the width they were
/// cut at. Texts whose lines are whole paragraphs vary too much in length to have one.
fn wrap_width(lines: &[(usize, usize)], chars: &[char]) -> Option<usize> {
    let lens: Vec<usize> = lines
        .iter()
        .map(|(a, b)| chars[*a..*b].iter().filter(|c| !c.is_whitespace()).count())
        .filter(|&n| n > 0)
        .collect();
    if lens.len() < 5 {
        return None;
    }
    let mut best = (0, 0);
    for &w in &lens {
        if w < 20 {
            continue;
        }
        let near = lens.iter().filter(|&&n| n + 3 >= w && n <= w + 3).count();
        if near > best.1 || (near == best.1 && w > best.0) {
            best = (w, near);
        }
    }
    (best.1 * 10 >= lens.len() * 4).then_some(best.0 + 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(t: &str) -> String {
        rejoin(t).text.into_iter().collect()
    }

    #[test]
    fn wrapped_lines_are_rejoined_and_page_numbers_dropped() {
        let t = "本年收入合计2946.25万元，其中：财政拨\n款收入2940.05万元，占99.79%；其他收入\n- 3 -\n6.2万元，占0.21%。本年支出合计2940.0\n5万元，其中：基本支出2336.91万元，占7\n9.49%；项目支出603.14万元。\n二、支出决算情况说明\n本年支出合计2940.05万元，其中：基本支\n出2336.91万元，占79.49%；项目支出603\n.14万元，占20.51%。\n";
        let j = joined(t);
        assert!(
            j.starts_with("本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%。本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元。\n二、支出决算情况说明\n本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%。"),
            "{j}"
        );
        assert!(!j.contains("- 3 -"));
        let r = rejoin(t);
        let i = r.text.iter().position(|&c| c == '2').unwrap();
        assert_eq!(t.chars().nth(r.origin[i]), Some('2'));
    }

    #[test]
    fn paragraph_lines_stay_as_they_are() {
        let t = "第一段。\n第二段没有句号\n第三段。";
        assert_eq!(joined(t), "第一段。\n第二段没有句号\n第三段。");
    }
}
