//! Numbers in prose, with their units: 3,997.99万元, 99.2%, 8个, 2辆.

use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;

use crate::model::narrative::Measure;
use crate::model::{Figure, Unit};

/// A quantity found in a paragraph, by character offsets within that paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub value: Decimal,
    pub measure: Measure,
    pub start: usize,
    pub end: usize,
    pub raw: String,
}

impl Found {
    pub fn figure(&self) -> Figure {
        Figure::from_decimal(self.value)
    }
}

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"([0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?)\s*(亿元|万元|元|%|％|个|辆|人|套|家|台|名|所)",
        )
        // Cannot fire: the pattern is a constant, compiled (and so checked) by every test run.
        .unwrap_or_else(|e| unreachable!("the pattern is a constant: {e}"))
    })
}

/// Every quantity of a paragraph. A number directly after a digit, a letter or a decimal point
/// belongs to something else (a code, a version) and is skipped.
pub fn find(paragraph: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for cap in pattern().captures_iter(paragraph) {
        let (Some(whole), Some(num), Some(unit)) = (cap.get(0), cap.get(1), cap.get(2)) else {
            continue;
        };
        let before = paragraph[..whole.start()].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-') {
            continue;
        }
        let digits: String = num
            .as_str()
            .chars()
            .filter(|c| *c != ',' && *c != '，')
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '．' => '.',
                c => c,
            })
            .collect();
        let Ok(value) = digits.parse::<Decimal>() else {
            continue;
        };
        let measure = match unit.as_str() {
            "亿元" => Measure::Money(Unit::YiYuan),
            "万元" => Measure::Money(Unit::WanYuan),
            "元" => Measure::Money(Unit::Yuan),
            "%" | "％" => Measure::Percent,
            w => Measure::Count(w.to_string()),
        };
        let start = paragraph[..whole.start()].chars().count();
        let raw = whole.as_str().to_string();
        out.push(Found {
            value,
            measure,
            start,
            end: start + raw.chars().count(),
            raw,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_shares_and_counts() {
        let f = find("本年收入合计3,997.99万元，其中：财政拨款收入3966.63万元，占99.2%；共8个，车辆2辆，200万以上的设备0套，2016年");
        let got: Vec<(String, Measure)> = f
            .iter()
            .map(|q| (q.value.to_string(), q.measure.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("3997.99".into(), Measure::Money(Unit::WanYuan)),
                ("3966.63".into(), Measure::Money(Unit::WanYuan)),
                ("99.2".into(), Measure::Percent),
                ("8".into(), Measure::Count("个".into())),
                ("2".into(), Measure::Count("辆".into())),
                ("0".into(), Measure::Count("套".into())),
            ]
        );
        assert_eq!(f[0].start, 6);
        assert_eq!(f[0].raw, "3,997.99万元");
    }
}
