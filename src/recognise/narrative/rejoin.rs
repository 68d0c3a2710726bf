//! Text as extracted from a PDF or pasted from a page is cut into lines mid-sentence, with page
//! numbers and running heads between. Paragraphs are rejoined before sentences are read, keeping
//! for every character of the rejoined text its offset in the original.

use std::collections::{HashMap, HashSet};

use super::layout::{is_columned, push_line, reading_order};
use super::lexicon::CHINESE_NUMERALS;
use super::sentences::pieces;

/// Rejoined text: paragraphs one per line, and the original offset of each character.
pub struct Joined {
    pub text: Vec<char>,
    pub origin: Vec<usize>,
}

/// A line that starts a new paragraph: a heading or a list item (一、 （一） (1) 1、 1. 第一条
/// 附件 注：). A bracket that holds no number (（类） （以下简称…）) continues a name instead.
pub(super) fn starts_block(line: &str) -> bool {
    let t = line.trim_start();
    let Some(first) = t.chars().next() else {
        return false;
    };
    let numeral = |c: char| CHINESE_NUMERALS.contains(c) || c.is_ascii_digit();
    match first {
        '(' | '（' => {
            let mut rest = t.chars().skip(1).skip_while(|c| c.is_whitespace());
            let mut digits = 0;
            let mut after = None;
            for c in rest.by_ref() {
                if numeral(c) {
                    digits += 1;
                } else {
                    after = Some(c);
                    break;
                }
            }
            digits > 0 && matches!(after, Some(')' | '）'))
        }
        '第' => {
            let rest: String = t.chars().skip(1).skip_while(|c| numeral(*c)).collect();
            t.chars().nth(1).is_some_and(numeral)
                && ["条", "部分", "章", "节"]
                    .iter()
                    .any(|w| rest.starts_with(w))
        }
        '附' => ["附件", "附表", "附注", "附录"]
            .iter()
            .any(|w| t.starts_with(w)),
        '注' => t
            .chars()
            .nth(1)
            .is_some_and(|c| matches!(c, '：' | ':' | '1' | '１')),
        _ if numeral(first) => {
            let mut rest = t.chars().skip_while(|c| numeral(*c));
            // “6.2万元” continues a number cut at the line end; “6.” followed by text is an item.
            match (rest.next(), rest.next()) {
                (Some('、' | ')' | '）'), _) => true,
                (Some('.' | '．'), next) => !next.is_some_and(|c| c.is_ascii_digit()),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Marks no paragraph starts with and no sentence breaks off before.
pub(super) const MARKS: &str = "，,。；;：:、）)》」』”’%％！？!?.．";

/// A line no paragraph can start with, so that it goes on with the line before whatever their
/// widths: one that starts with a closing bracket or punctuation, a unit (万元, %, the 元 of a
/// 万 that ends the line before), or a bracket that tells what the name before it is (（类）
/// （款） （项） （以下简称…）).
fn must_continue(before: Option<char>, line: &str) -> bool {
    let t = line.trim_start();
    let Some(first) = t.chars().next() else {
        return false;
    };
    // “13.52万” and “元，下降8.65%”: a unit cut in two.
    if first == '元' && before.is_some_and(|c| matches!(c, '万' | '亿' | '千')) {
        return true;
    }
    const UNITS: &[&str] = &["万元", "亿元", "千元"];
    const QUALIFIERS: &[&str] = &[
        "（类）",
        "（款）",
        "（项）",
        "(类)",
        "(款)",
        "(项)",
        "（以下简称",
        "(以下简称",
    ];
    MARKS.contains(first)
        || UNITS.iter().any(|u| t.starts_with(u))
        || QUALIFIERS.iter().any(|q| t.starts_with(q))
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
    let heads = running_heads(&lines, &chars);
    let width = wrap_width(&lines, &chars);
    let wrapped = width.is_some();
    let mut out = Joined {
        text: Vec::with_capacity(chars.len()),
        origin: Vec::with_capacity(chars.len()),
    };
    // The width of the last line kept while it may run on into the next one; whether it ends
    // where no paragraph can.
    let mut last: Option<usize> = None;
    let mut open = false;
    let double_spaced = is_double_spaced(&lines);
    let mut blank_before = false;
    let mut any = false;
    let mut after_columns = false;
    for (l, tail) in &reading_order(&lines, &chars) {
        let t = line_text(l);
        let trimmed = t.trim();
        if trimmed.is_empty() {
            // A page break is no paragraph break: prose goes on over the page. Nor is one blank
            // line in a text set double-spaced (pdftotext -layout sets some so), where two are.
            let page_break = chars.get(l.1) == Some(&'\u{c}');
            let spacing = double_spaced && !blank_before;
            if !((page_break || spacing) && is_prose(&out.text)) {
                (last, open) = (None, false);
            }
            blank_before = !page_break;
            continue;
        }
        blank_before = false;
        if wrapped && (is_page_number(trimmed) || heads.contains(trimmed)) {
            continue;
        }
        let indented = t.chars().take_while(|c| c.is_whitespace()).count() >= 2;
        let runs_on = open || last.is_some_and(|lw| width.is_some_and(|w| is_full(lw, trimmed, w)));
        // A line in columns (a table's row, two columns of a page) is no prose: it joins no
        // line and none joins it.
        let columned = is_columned(trimmed);
        let joins = !columned
            && !after_columns
            && (*tail
                || must_continue(out.text.last().copied(), trimmed)
                || (runs_on && !starts_block(trimmed) && !indented));
        if any && !joins {
            out.text.push('\n');
            out.origin.push(l.0);
        }
        any = true;
        let lead = t.chars().take_while(|c| c.is_whitespace()).count();
        push_line(&mut out, &chars[..l.1], l.0 + lead, columned);
        after_columns = columned;
        // A full line runs on even when it ends a sentence: paragraphs have several, and a new
        // paragraph shows itself by its number or its indent.
        (last, open) = match columned {
            true => (None, false),
            false => (Some(display_width(&t)), open_ended(trimmed)),
        };
    }
    out
}

/// Running heads and footers: short lines printed again and again, mostly next to a page's edge
/// (a page number or a form feed), at three edges at least. A sentence a document repeats in its prose (“决算数与预算数
/// 基本持平。”) or the last word of its headings (“说明”) is no head, however often it recurs.
fn running_heads(lines: &[(usize, usize)], chars: &[char]) -> HashSet<String> {
    let text = |&(a, b): &(usize, usize)| chars[a..b].iter().collect::<String>();
    let numbered: Vec<bool> = lines.iter().map(|l| is_page_number(&text(l))).collect();
    let at_edge = |i: usize| {
        let (a, b) = lines[i];
        let feed_after = chars.get(b) == Some(&'\u{c}')
            || (chars.get(b) == Some(&'\n') && chars.get(b + 1) == Some(&'\u{c}'));
        let feed_before = a > 0 && chars[a - 1] == '\u{c}';
        feed_after
            || feed_before
            || (i > 0 && numbered[i - 1])
            || numbered.get(i + 1).copied().unwrap_or(false)
    };
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let t = text(l).trim().to_string();
        if !t.is_empty() && t.chars().count() <= 40 {
            let c = counts.entry(t).or_insert((0, 0));
            c.0 += 1;
            c.1 += usize::from(at_edge(i));
        }
    }
    counts
        .into_iter()
        .filter(|(_, (all, at_edge))| *at_edge >= 3 && at_edge * 3 >= all * 2)
        .map(|(t, _)| t)
        .collect()
}

/// Whether most lines of a text are followed by one blank line: its paragraphs are then parted by
/// two, or by their indents.
fn is_double_spaced(lines: &[(usize, usize)]) -> bool {
    let blank = |i: usize| lines.get(i).is_some_and(|(a, b)| a == b);
    let printed = (0..lines.len()).filter(|&i| !blank(i)).count();
    let single = (0..lines.len())
        .filter(|&i| !blank(i) && blank(i + 1) && !blank(i + 2) && i + 2 < lines.len())
        .count();
    printed >= 10 && single * 2 >= printed
}

/// A line that stops where no paragraph can end: after an opening bracket or quote, a comma or
/// an enumeration comma, or a “其中：” whose parts follow (unless they follow as numbered items).
fn open_ended(line: &str) -> bool {
    line.ends_with(['（', '(', '“', '《', '‘', '，', ',', '、'])
        || ["其中：", "其中:"].iter().any(|w| line.ends_with(w))
}

/// Whether the paragraph rejoined so far reads as prose that a page break or a blank line may
/// cut: a table's row (figures parted by spaces) is not, and a title on the next page does not
/// continue it.
fn is_prose(text: &[char]) -> bool {
    let paragraph = text.rsplit(|&c| c == '\n').next().unwrap_or_default();
    !paragraph
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == ' ' && w[2].is_ascii_digit())
}

/// How wide a line prints, its indent included: CJK and full-width characters take two
/// columns, ASCII one.
fn display_width(line: &str) -> usize {
    line.trim_end()
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum()
}

/// How far below the wrap width a full line may stop: a wide character that did not fit, and
/// digits and spaces printing narrower than the two-column estimate.
fn tolerance(width: usize) -> usize {
    (width / 12).max(1)
}

/// The wrap width of a hard-wrapped text: the width most of its lines share, with few lines
/// wider. PDF text is cut at one width, so many lines print nearly as wide; texts whose lines are
/// whole paragraphs vary too much for that, and have many lines wider than any width their short
/// lines share. Tables and headings between (short lines) do not matter.
fn wrap_width(lines: &[(usize, usize)], chars: &[char]) -> Option<usize> {
    let widths: Vec<usize> = lines
        .iter()
        .map(|(a, b)| chars[*a..*b].iter().collect::<String>())
        .filter(|l| !is_columned(l))
        .map(|l| display_width(&l))
        .filter(|&w| w >= 8)
        .collect();
    let mut best = (0, 0);
    for &w in &widths {
        let tol = tolerance(w);
        let near = widths
            .iter()
            .filter(|&&n| n + tol >= w && n <= w + tol)
            .count();
        let wider = widths.iter().filter(|&&n| n > w + tol).count();
        let at_least = widths.iter().filter(|&&n| n + tol >= w).count();
        let fits = near >= 5 && near * 5 >= at_least && wider * 4 <= near;
        if fits && (near > best.1 || (near == best.1 && w > best.0)) {
            best = (w, near);
        }
    }
    (best.1 > 0).then_some(best.0)
}

/// Whether a line `last` columns wide ran to the wrap width, so that its sentence goes on in the
/// `next` line: it did when the first word of the next (a figure is one word, a CJK character
/// another) would not have fitted at its end.
fn is_full(last: usize, next: &str, width: usize) -> bool {
    let figure: usize = next
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '%'))
        .count();
    last + tolerance(width) + figure.saturating_sub(2) >= width
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

    /// Lines alike but for a number (`{n}` in `template`), to set a wrap width.
    fn numbered_lines(template: &str, numbers: std::ops::Range<u32>) -> String {
        numbers
            .map(|n| template.replace("{n}", &n.to_string()))
            .collect()
    }

    /// A full first line (the wrap width is found from the other lines) and the line after it.
    fn after_full_line(next: &str) -> String {
        let full = "一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出";
        let filler = "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收";
        let mut text = String::new();
        for _ in 0..5 {
            text.push_str(filler);
            text.push('\n');
        }
        joined(&format!("{text}{full}\n{next}"))
            .rsplit('\n')
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Each line, after a full line ending in “支出”, follows it after `joint` (a line end, or
    /// nothing when it goes on with it).
    fn assert_after_full_line(lines: &[&str], joint: &str) {
        for line in lines {
            let got = after_full_line(line);
            assert!(got.ends_with(&format!("支出{joint}{line}")), "{got}");
        }
    }

    #[test]
    fn numbered_items_start_a_paragraph() {
        let items = [
            "（一）基本支出",
            "(1)人员经费",
            "1.工资福利",
            "1、工资福利",
            "一、收入",
        ];
        assert_after_full_line(&items, "\n");
        assert_after_full_line(&["第一部分 概况", "附件：名词解释", "注：本表无数据"], "\n");
    }

    #[test]
    fn brackets_that_name_and_marks_continue_the_line_before() {
        let continued = [
            "（类）2106.66万元，占71.73%；",
            "（款）财政事务",
            "（项）。",
            "（以下简称“本局”）负责",
            "（境）费支出决算持平；",
            "）开支的其他养老支出。",
            "，占71.73%；",
            "、公务接待费",
            "15.16%；",
            "万元，与上年相比持平。",
            "%，下降1.87%。",
            "第三方评估",
        ];
        assert_after_full_line(&continued, "");
    }

    #[test]
    fn marks_and_units_continue_even_a_short_line() {
        let j = joined("合计15897.44\n万元。\n行政单位离退休\n（项）。\n减少13.52万\n元，下降8.65%。\n第二段。");
        let expected =
            "合计15897.44万元。\n行政单位离退休（项）。\n减少13.52万元，下降8.65%。\n第二段。";
        assert_eq!(j, expected);
    }

    #[test]
    fn parts_go_on_after_of_which_unless_they_are_numbered() {
        let j = joined("金额2319.21万元，\n其中：\n货物122.43万元。\n其中：\n1、行政运行");
        assert_eq!(
            j,
            "金额2319.21万元，其中：货物122.43万元。\n其中：\n1、行政运行"
        );
    }

    #[test]
    fn a_page_break_does_not_end_a_sentence() {
        let p = "与2023年度相比，一般公共预算财政拨款支出增加（减少）63.14万元，下降2.10%，主要原因是人员进出及退休变化。";
        let lines: Vec<String> = wrap(p, 40).lines().map(String::from).collect();
        let paged = format!(
            "{}\n\u{c}{}\n",
            lines[..2].join("\n"),
            lines[2..].join("\n")
        );
        let mut text = String::new();
        for n in 1..4 {
            text.push_str(&wrap(&p.replace("63.14", &format!("{n}.5")), 40));
        }
        let j = joined(&format!("{text}{paged}"));
        assert_eq!(j.lines().last(), Some(p), "{j:?}");
    }

    #[test]
    fn a_page_break_after_a_table_row_or_a_heading_ends_it() {
        let rows = "合计 91,016,775.35 24,606,775.35 66,410,000.00\n\u{c}2025年预算单位财政拨款收支预算总表";
        assert_eq!(
            joined(rows),
            "合计 91,016,775.35 24,606,775.35 66,410,000.00\n2025年预算单位财政拨款收支预算总表"
        );
    }

    #[test]
    fn a_double_spaced_text_parts_paragraphs_by_indents_not_single_blank_lines() {
        let mut text = numbered_lines(
            "  本年支出合计{n}万元，其中：基本支出1万元，占1%；\n\n",
            10..18,
        );
        text.push_str("  一般公共服务支出（类）264.87 万元，占 86.05%；社会保障和就业\n\n");
        text.push_str("支出（类）10.82 万元，占 3.52%。\n\n\n  第二段。\n");
        let j = joined(&text);
        assert!(
            j.contains("\n一般公共服务支出（类）264.87 万元，占 86.05%；社会保障和就业支出（类）10.82 万元，占 3.52%。\n第二段。"),
            "{j}"
        );
    }

    #[test]
    fn columned_lines_do_not_set_the_wrap_width() {
        assert!(is_columned(
            "八、其他收入        八、社会保障和就业支出    10.82"
        ));
        assert!(!is_columned(
            "  一般公共预算财政拨款支出 307.82 万元，主要用于以下方面："
        ));
    }

    #[test]
    fn columned_lines_are_no_prose_and_their_columns_part() {
        let mut text = numbered_lines(
            "本年收入合计{n}万元，其中：财政拨款收入1万元，占1%；其他\n",
            10..16,
        );
        text.push_str("本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目\n");
        text.push_str("八、其他收入        八、社会保障和就业支出    10.82\n");
        text.push_str("支出603.14万元，占20.51%；\n");
        let j = joined(&text);
        assert!(
            j.ends_with(
                "项目\n八、其他收入\n八、社会保障和就业支出\n10.82\n支出603.14万元，占20.51%；"
            ),
            "{j}"
        );
    }

    #[test]
    fn a_tail_printed_above_its_line_is_put_back() {
        let mut text = numbered_lines(
            "本年收入合计{n}万元，其中：财政拨款收入1万元，占1%；其他\n",
            10..16,
        );
        text.push_str(
            "（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；\n\n",
        );
        text.push_str("15.16%；\n卫生健康支出（类）60.99万元，占\n\n\n  （三）具体情况\n");
        let j = joined(&text);
        assert!(
            j.contains("占11.11%；卫生健康支出（类）60.99万元，占15.16%；\n（三）"),
            "{j}"
        );
        // After a heading the line below starts its own paragraph; the tail still ends it.
        let t = "  三、支出决算情况说明\n\n\n603.14万元，占20.51%；\n    本年支出合计2940.05万元，其中：项目支出\n\n\n  四、收入\n";
        assert_eq!(
            joined(t),
            "三、支出决算情况说明\n本年支出合计2940.05万元，其中：项目支出603.14万元，占20.51%；\n四、收入"
        );
        // A figure after an open line is no tail: it stays where it is (these short lines set no
        // wrap width, so each stays a line).
        let t = "  二、收入\n\n合计占\n15.16%；\n其他收入\n\n  三、支出\n";
        assert_eq!(joined(t), "二、收入\n合计占\n15.16%；\n其他收入\n三、支出");
    }

    #[test]
    fn paragraph_lines_stay_as_they_are() {
        let t = "第一段。\n第二段没有句号\n第三段。";
        assert_eq!(joined(t), "第一段。\n第二段没有句号\n第三段。");
    }
}
