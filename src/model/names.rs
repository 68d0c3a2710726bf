//! Names as a person reads them: full-width forms, white space, quotes and ordinals folded, so
//! that a row printed “一、一般公共服务支出” in one table and “一般公共服务支出” in another, or a
//! label spaced out across a cell, compare equal. Recognition finds rows by these names and the
//! rules look rows up by them; the labels of the prose are stripped to the item they name.

use std::borrow::Cow;

/// Folds full-width ASCII to half-width and drops every kind of white space, so that
/// “ 本 年 收 入 合 计 ” and “本年收入合计” compare equal.
pub fn norm(s: &str) -> String {
    norm_cow(s).into_owned()
}

/// [`norm`], borrowing a text that has nothing to fold.
pub fn norm_cow(s: &str) -> Cow<'_, str> {
    if plain(s, false) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(norm_folded(s))
}

fn norm_folded(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(half_width)
        .collect()
}

/// Like [`norm`], and also drops quotes, brackets' style and a leading ordinal (一、 （一） 1. ①),
/// which numbering styles vary between editions.
pub fn label(s: &str) -> String {
    label_cow(s).into_owned()
}

/// [`label`], borrowing the part of a text that has nothing to fold.
pub fn label_cow(s: &str) -> Cow<'_, str> {
    if plain(s, true) {
        let o = strip_ordinal(s);
        return Cow::Borrowed(o.strip_prefix("其中:").unwrap_or(o));
    }
    Cow::Owned(label_folded(s))
}

fn label_folded(s: &str) -> String {
    // One pass: full-width forms fold to half-width (（ → (), spaces and quotes go.
    let mut n = String::with_capacity(s.len());
    n.extend(
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
            .map(half_width)
            .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'')),
    );
    let ordinal_off = strip_ordinal(&n);
    let stripped = ordinal_off.strip_prefix("其中:").unwrap_or(ordinal_off);
    if stripped.len() == n.len() {
        n
    } else {
        stripped.to_string()
    }
}

/// Whether a text has nothing [`norm`] (or, with `quotes`, [`label`]) would fold or drop, told
/// from its bytes alone: no ASCII control or space, and none of the UTF-8 sequences of the other
/// white space (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000),
/// of quotes (U+2018–U+201D) or of full-width forms (U+FF01–U+FF5E). Most labels are plain CJK
/// (with 、 and 。), which this lets through uncopied.
fn plain(s: &str, quotes: bool) -> bool {
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    b.iter().enumerate().all(|(i, &x)| match x {
        0..=b' ' => false,
        b'"' | b'\'' => !quotes,
        0xC2 => !matches!(at(i + 1), 0x85 | 0xA0),
        0xE1 => !(at(i + 1) == 0x9A && at(i + 2) == 0x80),
        // U+2000–U+203F holds the spaces, separators and quotes; U+205F is one more space.
        0xE2 => at(i + 1) != 0x80 && !(at(i + 1) == 0x81 && at(i + 2) == 0x9F),
        0xE3 => !(at(i + 1) == 0x80 && at(i + 2) == 0x80),
        0xEF => !matches!(at(i + 1), 0xBC | 0xBD),
        _ => true,
    })
}

fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

fn strip_ordinal(s: &str) -> &str {
    let numeral = |c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
    };
    // Most labels start with no ordinal: their first character says so.
    match s.chars().next() {
        Some(c @ '①'..='⑩') => return &s[c.len_utf8()..],
        Some(c) if c == '(' || c == '（' || numeral(c) => {}
        _ => return s,
    }
    let b = s.trim_start_matches(['(', '（']);
    let digits = b
        .char_indices()
        .take_while(|&(_, c)| numeral(c))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = digits {
        let rest = &b[end..];
        for sep in ["、", ")", "）", ".", "．"] {
            if let Some(r) = rest.strip_prefix(sep) {
                return r.trim_start_matches(['、', '.']);
            }
        }
    }
    s
}

/// A label of the prose (the words before a figure of the 情况说明) with what does not name the
/// item stripped: years, ordinals, marks, verbs (“(5)&住房保障支出&2016年度决算” → 住房保障支出).
/// The narrative's concept dictionary matches these, and the rules name a figure by them.
pub fn prose_label(label: &str) -> String {
    let mut l: String = label
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '&' | '“' | '”' | '"' | '‘' | '’'))
        .collect();
    loop {
        let before = l.clone();
        l = strip_list_number(&l).to_string();
        // A trailing year: “住房保障支出2016年度” once “决算” has gone.
        for y in ["年度", "年"] {
            if let Some(r) = l.strip_suffix(y) {
                let digits = r.chars().rev().take_while(|c| c.is_ascii_digit()).count();
                if digits == 4 && r.chars().count() > 4 {
                    l = r.chars().take(r.chars().count() - 4).collect();
                }
            }
        }
        // A leading year: 2016年度, 2016年, 2024年度的.
        let digits = l.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits == 4 {
            let rest: String = l.chars().skip(4).collect();
            for y in ["年度", "年"] {
                if let Some(r) = rest.strip_prefix(y) {
                    l = r.trim_start_matches('的').to_string();
                    break;
                }
            }
        }
        for p in [
            "其中",
            "一是",
            "二是",
            "全年",
            "本年度",
            "当年度",
            "上述",
            "截至年底",
            "年末共有",
            "共有",
        ] {
            if let Some(r) = l.strip_prefix(p) {
                l = r.to_string();
            }
        }
        for s in [
            "（类）",
            "(类)",
            "（款）",
            "(款)",
            "（项）",
            "(项)",
            "支出决算为",
            "决算数为",
            "决算为",
            "决算数",
            "决算",
            "共计",
            "合计为",
            "总额为",
            "总额",
            "达到",
            "达",
            "为",
            "是",
            "约",
        ] {
            if l.ends_with(s) && l.chars().count() > s.chars().count() {
                l.truncate(l.len() - s.len());
            }
        }
        l = l
            .trim_matches(|c: char| "，,、：:；;（）()。".contains(c))
            .to_string();
        if l == before {
            return l;
        }
    }
}

/// “(1)”, “（一）”, “1、”, “一、” before a label of the prose.
fn strip_list_number(l: &str) -> &str {
    let cn = "一二三四五六七八九十";
    let inner = l.trim_start_matches(['(', '（']);
    let n: usize = inner
        .chars()
        .take_while(|c| c.is_ascii_digit() || cn.contains(*c))
        .map(char::len_utf8)
        .sum();
    if n == 0 {
        return l;
    }
    let rest = &inner[n..];
    let bracketed = inner.len() < l.len();
    let sep: &[char] = if bracketed {
        &[')', '）']
    } else {
        &['、', '.', '．']
    };
    match rest.strip_prefix(sep) {
        // “一般公共服务” starts with 一 but is no ordinal: a separator must follow.
        Some(r) => r,
        None => l,
    }
}

/// The first year (20xx) a text names, standing apart from other digits and not the head of a
/// figure (2,059.37 and 2059.37 are no years): “2024年度”, “财政局-2024-决算”.
pub fn year_in(t: &str) -> Option<i32> {
    year_at(t).map(|(_, y)| y)
}

/// The first year in a text (as [`year_in`] finds it) and the byte offset it starts at.
pub fn year_at(t: &str) -> Option<(usize, i32)> {
    // Bytes suffice: digits are ASCII, and no byte of a longer UTF-8 character is one (or is
    // '.', ',' or '%'), so a neighbour that is not an ASCII digit is seen as such either way.
    let b = t.as_bytes();
    for i in 0..b.len().saturating_sub(3) {
        let window = &b[i..i + 4];
        if !window.starts_with(b"20") || !window.iter().all(u8::is_ascii_digit) {
            continue;
        }
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        let after_ok = b
            .get(i + 4)
            .is_none_or(|c| !c.is_ascii_digit() && !matches!(c, b'.' | b',' | b'%'));
        if before_ok && after_ok {
            let year = std::str::from_utf8(window).ok()?.parse().ok()?;
            return Some((i, year));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_texts_skip_the_fold_and_read_the_same() {
        for t in [
            "一般公共服务支出",
            "一、一般公共服务支出",
            "（一）财政拨款收入",
            "(一)财政拨款收入",
            "1.因公出国（境）费",
            "2.公务用车",
            "其中:公务用车购置费",
            "其中：公务用车购置费",
            "①人员经费",
            " 本 年 收 入 合 计 ",
            "本年收入合计\u{3000}",
            "“三公”经费",
            "\"三公\"经费",
            "ＡＢＣ１２３",
            "a\u{00A0}b",
            "2080101",
            "",
            "注",
            "一、一般公共预算财政拨款",
            "项目支出。",
            "a\u{2003}b",
            "a\u{2028}b",
            "a\u{205F}b",
            "a\u{1680}b",
            "a\u{0085}b",
            "‘三公’",
            "①",
            "⑩其他",
            "——",
            "…",
        ] {
            assert_eq!(label(t), label_folded(t), "{t:?}");
            assert_eq!(norm(t), norm_folded(t), "{t:?}");
        }
        assert!(plain("一般公共服务支出", true));
        assert!(!plain("“三公”经费", true));
        assert!(plain("\"三公\"", false) && !plain("\"三公\"", true));
    }

    #[test]
    fn labels_lose_ordinals_and_spaces() {
        assert_eq!(label("一、一般公共服务支出"), "一般公共服务支出");
        assert_eq!(label("（一）财政拨款收入"), "财政拨款收入");
        assert_eq!(
            label("二十六、抗疫特别国债安排的支出"),
            "抗疫特别国债安排的支出"
        );
        assert_eq!(label("  本 年 收 入 合 计 "), "本年收入合计");
        assert_eq!(label("其中：公务用车购置费"), "公务用车购置费");
        assert_eq!(label("1.因公出国（境）费"), "因公出国(境)费");
    }
}
