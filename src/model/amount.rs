//! Money as published: units (元, 万元, 亿元) and figures that keep the step they were rounded to.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The unit a table or a sentence states its money in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Unit {
    /// 元
    #[serde(rename = "元")]
    Yuan,
    /// 万元, the unit a table is taken to be in when it states none.
    #[default]
    #[serde(rename = "万元")]
    WanYuan,
    /// 亿元
    #[serde(rename = "亿元")]
    YiYuan,
    /// Not money: a count of units, vehicles, people (only the narrative states these).
    #[serde(rename = "")]
    Count,
}

impl Unit {
    /// How many 元 one of this unit is.
    pub fn factor(self) -> Decimal {
        match self {
            Unit::Yuan | Unit::Count => Decimal::ONE,
            Unit::WanYuan => Decimal::from(10_000),
            Unit::YiYuan => Decimal::from(100_000_000),
        }
    }

    /// The unit as printed (万元); empty for a count.
    pub fn label(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
            Unit::YiYuan => "亿元",
            Unit::Count => "",
        }
    }

    /// The unit in English, for `--lang en`.
    pub fn label_en(self) -> &'static str {
        match self {
            Unit::Yuan => "yuan",
            Unit::WanYuan => "10k yuan",
            Unit::YiYuan => "100m yuan",
            Unit::Count => "",
        }
    }

    /// Reads 元 / 万元 / 亿元 (and 千元 is not used in 决算 tables, so it is not taken).
    pub fn parse(s: &str) -> Option<Unit> {
        let s = s.trim();
        if s.starts_with("亿元") {
            Some(Unit::YiYuan)
        } else if s.starts_with("万元") {
            Some(Unit::WanYuan)
        } else if s.starts_with('元') {
            Some(Unit::Yuan)
        } else {
            None
        }
    }
}

/// A published figure: its exact value and the step it was rounded to.
///
/// `3,997.99` has value 3997.99 and step 0.01: it stands for every true value in
/// [3997.985, 3997.995]. A relation holds "up to rounding" when those intervals meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The figure's exact value, as published.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// The rounding step of the figure as published, in its own unit (0.01 for two decimals).
    #[serde(with = "rust_decimal::serde::str")]
    pub step: Decimal,
}

impl Figure {
    /// A figure whose step follows from the decimals it shows.
    pub fn from_decimal(value: Decimal) -> Figure {
        Figure {
            value,
            step: Decimal::new(1, value.scale()),
        }
    }

    /// Half the rounding step: how far the true value may lie from the printed one.
    pub fn half_step(&self) -> Decimal {
        // A step is nearly always 10^-k, whose half is 5·10^-(k+1): written, not computed.
        if self.step.mantissa() == 1 && self.step.scale() < 28 {
            return Decimal::new(5, self.step.scale() + 1);
        }
        // Halving by multiplying: exact, and far cheaper than a decimal division.
        self.step * Decimal::new(5, 1)
    }

    /// The published text of the figure, with the decimals it was printed with.
    pub fn display(&self) -> String {
        let places = self.step.normalize().scale();
        let mut v = self.value;
        if v.scale() < places {
            v.rescale(places);
        }
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_steps_are_exact_and_keep_the_scale_a_product_would() {
        for (value, step) in [
            ("3997.99", "0.01"),
            ("732", "1"),
            ("12.3", "0.1"),
            ("1200", "100"),
            ("0.5", "0.5"),
            ("1", "0.0000000000000000000000000001"),
        ] {
            let f = Figure {
                value: value.parse().unwrap(),
                step: step.parse().unwrap(),
            };
            let product = f.step * Decimal::new(5, 1);
            assert_eq!(f.half_step(), product, "{step}");
            assert_eq!(f.half_step().to_string(), product.to_string(), "{step}");
        }
        assert_eq!(
            Figure::from_decimal("3997.99".parse().unwrap())
                .half_step()
                .to_string(),
            "0.005"
        );
    }
}
