//! Reading the text of cells the way a person reads it: amounts printed as text, codes.
//! Names are folded for comparison by [`crate::model::names`].

use std::borrow::Cow;

use rust_decimal::Decimal;

pub use crate::model::names::{label, label_cow, norm, norm_cow};

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

/// [`code`] borrowing where the cell is printed as plain digits.
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
    fn codes_are_read_from_their_digits() {
        assert_eq!(code("2080101"), Some("2080101".into()));
        assert_eq!(code("[208]"), Some("208".into()));
        assert_eq!(code(" 2080101 "), Some("2080101".into()));
        assert_eq!(code("２０８"), Some("208".into()));
        assert_eq!(code("208 01"), Some("20801".into()));
        assert_eq!(code("1234567890"), None);
        assert_eq!(code("合计"), None);
    }
}
