//! Reading the text of cells the way a person reads it: full-width forms, separators, blanks.

use std::borrow::Cow;

use rust_decimal::Decimal;

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

/// What an amount cell says.
#[derive(Debug, PartialEq)]
pub enum AmountText {
    /// A figure.
    Figure(Decimal),
    /// "-", "—", blank: no figure, which is not 0.
    NoFigure,
    /// Text where a number must be.
    NotANumber,
}

/// Reads an amount printed as text: "3,997.99", "３９９７．９９", "(13.29)", "-13.29", "—".
pub fn amount(s: &str) -> AmountText {
    // Most text cells are labels: one character no amount prints rules them out before any copy.
    let possible = |c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || c.is_whitespace()
            || matches!(
                c,
                '.' | '．'
                    | ','
                    | '，'
                    | '¥'
                    | '￥'
                    | '-'
                    | '－'
                    | '−'
                    | '—'
                    | '–'
                    | '/'
                    | '／'
                    | '─'
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | '+'
                    | '＋'
                    | '\u{3000}'
            )
    };
    if !s.chars().all(possible) {
        return AmountText::NotANumber;
    }
    let t: String = norm(s)
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | '¥' | '￥'))
        .map(|c| match c {
            '－' | '−' => '-',
            c => c,
        })
        .collect();
    if t.is_empty() || t.chars().all(|c| matches!(c, '-' | '—' | '–' | '/' | '─')) {
        return AmountText::NoFigure;
    }
    let (neg, body) = match t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => (true, inner.to_string()),
        None => (false, t.clone()),
    };
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
    {
        return AmountText::NotANumber;
    }
    match body.parse::<Decimal>() {
        Ok(d) if neg => AmountText::Figure(-d),
        Ok(d) => AmountText::Figure(d),
        Err(_) => AmountText::NotANumber,
    }
}

/// The decimal a spreadsheet's binary number stands for: its shortest round-trip text, with the
/// noise of binary arithmetic (3997.9900000000002) rounded off at 8 places.
pub fn from_f64(f: f64) -> Option<Decimal> {
    from_f64_text(f).map(|(d, _)| d)
}

/// Like [`from_f64`], with the figure's text as published (its shortest round-trip form).
pub fn from_f64_text(f: f64) -> Option<(Decimal, String)> {
    if !f.is_finite() {
        return None;
    }
    // Nearly every published figure has at most two decimals. When k/100 is the very double the
    // cell holds (IEEE division rounds correctly, so this is what parsing "k/100" gives), it is
    // also the shortest text that round-trips below 10^12, where doubles lie far closer together
    // than 0.01: the same answer as the general path, without formatting the float.
    if f.abs() < 1e12 {
        let k = (f * 100.0).round();
        if k / 100.0 == f {
            return Some(hundredths(k as i64));
        }
    }
    let text = f.to_string();
    let d: Decimal = text.parse().ok()?;
    if d.scale() > 8 {
        let d = d.round_dp(8).normalize();
        Some((d, d.to_string()))
    } else {
        Some((d, text))
    }
}

/// k/100 as a decimal and its shortest text: 399799 → 3997.99, 1250 → 12.5, 73200 → 732.
fn hundredths(k: i64) -> (Decimal, String) {
    let (n, scale) = match (k % 100, k % 10) {
        (0, _) => (k / 100, 0),
        (_, 0) => (k / 10, 1),
        _ => (k, 2),
    };
    let a = k.unsigned_abs();
    let mut text = String::with_capacity(16);
    if k < 0 {
        text.push('-');
    }
    // The integer part's digits, written backwards into a small buffer: no formatting machinery
    // for the hundreds of figures of every document.
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut whole = a / 100;
    loop {
        at -= 1;
        digits[at] = b'0' + (whole % 10) as u8;
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    text.extend(digits[at..].iter().map(|&d| d as char));
    let cents = (a % 100) as u8;
    if cents != 0 {
        text.push('.');
        text.push((b'0' + cents / 10) as char);
        if !cents.is_multiple_of(10) {
            text.push((b'0' + cents % 10) as char);
        }
    }
    (Decimal::new(n, scale), text)
}

/// A 科目编码 as printed: digits only ("2080101", "208 01 01" joined by the caller).
pub fn code(s: &str) -> Option<String> {
    code_text(s).map(Cow::into_owned)
}

/// Whether a cell reads as a 科目编码, without copying it.
pub fn is_code(s: &str) -> bool {
    code_text(s).is_some()
}

pub fn code_text(s: &str) -> Option<Cow<'_, str>> {
    // Most codes are printed as plain digits: taken as they are.
    let t = s.trim_ascii();
    if !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Cow::Borrowed(t));
    }
    // Most cells are labels or amounts: a character no code has rules them out before any copy.
    let possible = |c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || c.is_whitespace()
            || matches!(c, '[' | ']' | '【' | '】' | '［' | '］')
    };
    if !s.chars().all(possible) {
        return None;
    }
    let n = norm(s);
    let n = n.trim_matches(['[', ']', '【', '】']);
    (!n.is_empty() && n.len() <= 9 && n.chars().all(|c| c.is_ascii_digit()))
        .then(|| Cow::Owned(n.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn amounts_as_text() {
        assert_eq!(amount("3,997.99"), AmountText::Figure(dec("3997.99")));
        assert_eq!(amount("３９９７．９９"), AmountText::Figure(dec("3997.99")));
        assert_eq!(amount("(13.29)"), AmountText::Figure(dec("-13.29")));
        assert_eq!(amount("（13.29）"), AmountText::Figure(dec("-13.29")));
        assert_eq!(amount("-13.29"), AmountText::Figure(dec("-13.29")));
        assert_eq!(amount(" 732.00 "), AmountText::Figure(dec("732.00")));
        assert_eq!(amount("-"), AmountText::NoFigure);
        assert_eq!(amount("—"), AmountText::NoFigure);
        assert_eq!(amount("——"), AmountText::NoFigure);
        assert_eq!(amount(""), AmountText::NoFigure);
        assert_eq!(amount("约三千"), AmountText::NotANumber);
        assert_eq!(amount("12.3.4"), AmountText::NotANumber);
    }

    #[test]
    fn two_decimal_figures_read_as_the_general_path_reads_them() {
        let general = |f: f64| {
            let t = f.to_string();
            let d: Decimal = t.parse().unwrap();
            (d, t)
        };
        for f in [
            0.0,
            0.01,
            0.1,
            0.29,
            1.0,
            12.5,
            476.68,
            3997.99,
            -13.29,
            99.86,
            1234567.89,
            -0.07,
            -0.5,
            -1.2,
            100.0,
            0.05,
            10.1,
            5e11,
            999999999999.99,
        ] {
            let (d, t) = from_f64_text(f).unwrap();
            assert_eq!((d, t), general(f), "{f}");
            assert_eq!(d.scale(), general(f).0.scale(), "{f}");
        }
        assert_eq!(from_f64_text(1.005), Some((dec("1.005"), "1.005".into())));
        assert_eq!(from_f64_text(0.123), Some((dec("0.123"), "0.123".into())));
        // A negative zero is printed as the zero it is.
        assert_eq!(from_f64_text(-0.0), Some((dec("0"), "0".into())));
    }

    #[test]
    fn binary_noise_is_rounded_off() {
        assert_eq!(from_f64(3997.9900000000002), Some(dec("3997.99")));
        assert_eq!(from_f64(732.0), Some(dec("732")));
        assert_eq!(from_f64(f64::NAN), None);
    }

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
        assert_eq!(code("2080101"), Some("2080101".into()));
        assert_eq!(code("[208]"), Some("208".into()));
        assert_eq!(code(" 2080101 "), Some("2080101".into()));
        assert_eq!(code("２０８"), Some("208".into()));
        assert_eq!(code("208 01"), Some("20801".into()));
        assert_eq!(code("1234567890"), None);
        assert_eq!(code("合计"), None);
    }
}
