//! The texts a chart prints: amounts with thousands separators, axis ticks, and category labels
//! cut to the room they have.

use plotters::coord::Shift;
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::LABEL_CHARS;

/// Inserts thousands separators into a plain decimal number ("-1234.50" → "-1,234.50").
fn group(number: &str) -> String {
    let (sign, rest) = match number.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", number),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}{frac}")
}

/// A value in 万元 with two decimals and thousands separators: "3,997.99".
pub(super) fn money(value: Decimal) -> String {
    group(&format!("{:.2}", value.round_dp(2)))
}

/// An axis tick: no decimals when whole.
pub(super) fn tick(value: f64) -> String {
    if value.abs() < 1e-9 {
        "0".to_string()
    } else if (value - value.round()).abs() < 1e-9 {
        group(&format!("{:.0}", value))
    } else {
        group(&format!("{:.2}", value))
    }
}

/// A figure as the chart's coordinates take it (zero for one out of range, which no 决算 holds).
pub(super) fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// Cuts a label to `LABEL_CHARS` characters and to `max_px` pixels, marking the cut with "…".
pub(super) fn fit<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &str,
    font: &TextStyle,
    max_px: u32,
) -> String {
    let label = label.trim();
    let chars: Vec<char> = label.chars().collect();
    let width = |s: &str| {
        area.estimate_text_size(s, font)
            .map(|(w, _)| w)
            .unwrap_or(0)
    };
    let mut keep = chars.len().min(LABEL_CHARS);
    if keep == chars.len() && width(label) <= max_px {
        return label.to_string();
    }
    keep = keep.saturating_sub(1);
    loop {
        let cut = format!("{}…", chars[..keep].iter().collect::<String>());
        if keep == 0 || width(&cut) <= max_px {
            return cut;
        }
        keep -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formats_money_with_separators() {
        assert_eq!(money(d("3997.99")), "3,997.99");
        assert_eq!(money(d("31.36")), "31.36");
        assert_eq!(money(d("1234567.8")), "1,234,567.80");
        assert_eq!(money(d("-1279.994")), "-1,279.99");
        assert_eq!(money(d("0")), "0.00");
        assert_eq!(tick(1500.0), "1,500");
        assert_eq!(tick(2.5), "2.50");
        assert_eq!(tick(-0.0), "0");
        assert_eq!(tick(-500.0), "-500");
    }
}
