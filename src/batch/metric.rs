//! The figures a finance office compares between departments, as data: each a column of the
//! batch's summary (an amount in 万元), or one column's share of another (in percent). A group
//! of documents (a district, a kind, a year) is given one value by polars: the sum of the
//! amounts, or the sum of the parts over the sum of the wholes — never an average of shares,
//! which would weigh a small department as much as a large one.

use polars::prelude::*;

/// One figure compared across departments, districts and years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Metric {
    /// Its name on the command line (`--metric 三公`).
    pub key: &'static str,
    /// Its name in a heading or a chart's title.
    pub label: &'static str,
    /// 万元 or %.
    pub unit: &'static str,
    /// The column of summary.parquet summed.
    pub column: &'static str,
    /// For a share: the column it is a share of.
    pub of: Option<&'static str>,
}

/// Every metric, in the order the sheets and `gouji compare --help` list them; the first is the
/// one summary.xlsx charts.
pub const METRICS: &[Metric] = &[
    amount("支出", "本年支出合计", "expenditure"),
    amount("收入", "本年收入合计", "income"),
    amount("基本支出", "基本支出", "basic"),
    amount("项目支出", "项目支出", "project"),
    share("基本支出占比", "基本支出占本年支出", "basic"),
    share("项目支出占比", "项目支出占本年支出", "project"),
    amount("三公", "“三公”经费决算", "three_public"),
    share("三公占比", "“三公”经费占本年支出", "three_public"),
    amount("人员经费", "人员经费", "personnel"),
    amount("公用经费", "公用经费", "public"),
    amount("机关运行经费", "机关运行经费", "agency_operating"),
];

const fn amount(key: &'static str, label: &'static str, column: &'static str) -> Metric {
    Metric {
        key,
        label,
        unit: "万元",
        column,
        of: None,
    }
}

const fn share(key: &'static str, label: &'static str, column: &'static str) -> Metric {
    Metric {
        key,
        label,
        unit: "%",
        column,
        of: Some("expenditure"),
    }
}

impl Metric {
    /// The metric named `key` on the command line.
    pub fn by_key(key: &str) -> Option<Metric> {
        METRICS.iter().copied().find(|m| m.key == key)
    }

    /// The documents that tell this figure: the column given, and for a share a whole above zero.
    pub fn told(&self) -> Expr {
        let has = col(self.column).is_not_null();
        match self.of {
            Some(of) => has.and(col(of).gt(lit(0.0))),
            None => has,
        }
    }

    /// The value of a group of documents that tell it, named `value`.
    pub fn value(&self) -> Expr {
        let sum = col(self.column).cast(DataType::Float64).sum();
        match self.of {
            Some(of) => sum / col(of).cast(DataType::Float64).sum() * lit(100.0),
            None => sum,
        }
        .alias("value")
    }

    /// The sums a group's value is made of, named `part` and `whole` (the whole of an amount is
    /// its count of documents, unused), so that groups can be joined (其他) before the value is
    /// taken by [`Metric::of_sums`].
    pub fn sums(&self) -> [Expr; 2] {
        let part = col(self.column).cast(DataType::Float64).sum().alias("part");
        let whole = match self.of {
            Some(of) => col(of).cast(DataType::Float64).sum(),
            None => len().cast(DataType::Float64),
        };
        [part, whole.alias("whole")]
    }

    /// The value, named `value`, from the columns `part` and `whole` of [`Metric::sums`].
    pub fn of_sums(&self) -> Expr {
        match self.of {
            Some(_) => col("part") / col("whole") * lit(100.0),
            None => col("part"),
        }
        .alias("value")
    }

    /// The heading of a table or chart of it: 本年支出合计（万元）.
    pub fn heading(&self) -> String {
        format!("{}（{}）", self.label, self.unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_is_the_sum_of_parts_over_the_sum_of_wholes() {
        let df = df!(
            "expenditure" => [Some(100.0), Some(300.0), Some(0.0), Some(50.0)],
            "three_public" => [Some(2.0), Some(4.0), Some(9.0), None],
        )
        .unwrap();
        let m = Metric::by_key("三公占比").unwrap();
        let v = df
            .clone()
            .lazy()
            .filter(m.told())
            .select([m.value()])
            .collect()
            .unwrap();
        // (2 + 4) / (100 + 300): the 0 whole and the untold part are left out.
        assert_eq!(v.column("value").unwrap().f64().unwrap().get(0), Some(1.5));
        let m = Metric::by_key("三公").unwrap();
        let v = df.lazy().filter(m.told()).select([m.value()]).collect();
        let v = v.unwrap();
        assert_eq!(v.column("value").unwrap().f64().unwrap().get(0), Some(15.0));
        assert_eq!(m.heading(), "“三公”经费决算（万元）");
        assert!(Metric::by_key("利润").is_none());
    }
}
