//! What a batch's printers are handed: plain data made by the batch (a row per document, the
//! comparisons across districts and years, the findings read back a line at a time), so that
//! the printers need nothing of the batch itself.

use serde::{Deserialize, Deserializer, Serialize};

use crate::check::Severity;
use crate::model::Location;
use crate::run::Verdict;

/// One document of a batch: who, when, the key totals, the counts by severity and the verdict.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SummaryRow {
    pub source: String,
    pub district: String,
    pub department: String,
    pub year: Option<i32>,
    pub unit: String,
    /// 本年收入合计, 本年支出合计, 基本支出, 项目支出, “三公”经费决算 — in 万元.
    pub income: Option<f64>,
    pub expenditure: Option<f64>,
    pub basic: Option<f64>,
    pub project: Option<f64>,
    pub three_public: Option<f64>,
    pub tables: u32,
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
    pub verdict: Verdict,
    /// Why the document (or part of it) could not be read.
    pub failure: String,
}

/// A key figure as department × district, for the latest year of the batch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matrix {
    pub measure: &'static str,
    pub year: Option<i32>,
    pub departments: Vec<String>,
    pub districts: Vec<String>,
    /// `values[department][district]`, in 万元.
    pub values: Vec<Vec<Option<f64>>>,
}

/// A department in a district, year by year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearOnYear {
    pub district: String,
    pub department: String,
    pub year: i32,
    pub expenditure: Option<f64>,
    pub prior: Option<f64>,
    /// Percent change on the prior year.
    pub change: Option<f64>,
}

/// A document whose “三公” share of expenditure stands far above its department's peers.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlier {
    pub district: String,
    pub department: String,
    pub year: i32,
    /// “三公” / 本年支出合计, in percent.
    pub share: f64,
    /// The median share of the same department across districts that year, in percent.
    pub peers: f64,
}

/// What the departments of a district spent in a year, in 万元.
#[derive(Clone, Debug, PartialEq)]
pub struct DistrictTotal {
    pub district: String,
    pub year: i32,
    pub expenditure: f64,
}

/// The batch's comparisons across departments, districts and years.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparisons {
    pub expenditure: Matrix,
    pub years: Vec<YearOnYear>,
    pub outliers: Vec<Outlier>,
    /// Each district's total by year, for rankings and trends.
    pub districts: Vec<DistrictTotal>,
}

/// One line of findings.ndjson as 问题清单 shows it: the document's identity and one finding.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FindingLine {
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub district: String,
    #[serde(default)]
    pub department: String,
    pub year: Option<i32>,
    #[serde(default)]
    pub rule: String,
    pub severity: Severity,
    pub table: Option<String>,
    #[serde(default)]
    pub location: Location,
    #[serde(default, deserialize_with = "figure")]
    pub expected: Option<f64>,
    #[serde(default, deserialize_with = "figure")]
    pub actual: Option<f64>,
    #[serde(default, deserialize_with = "figure")]
    pub difference: Option<f64>,
    /// In the language the batch was run in.
    #[serde(default)]
    pub message: String,
}

/// A figure as findings.ndjson writes it (decimal text), as the number a sheet shows.
fn figure<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let text: Option<String> = Option::deserialize(d)?;
    Ok(text.and_then(|t| t.parse().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_line_reads_back_typed() {
        let line = r#"{"rule":"T001","severity":"warning","table":"收入决算表","location":{"file":"a.xlsx","sheet":"收入","cell":"B7"},"expected":"3997.99","actual":"3997.9","difference":"0.09","message":"不平","source":"a.xlsx","district":"普陀区","department":"财政局","year":2024}"#;
        let f: FindingLine = serde_json::from_str(line).unwrap();
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.location.cell.as_deref(), Some("B7"));
        assert_eq!(f.location.sheet.as_deref(), Some("收入"));
        assert_eq!(f.expected, Some(3997.99));
        assert_eq!(f.difference, Some(0.09));
        assert_eq!((f.year, f.district.as_str()), (Some(2024), "普陀区"));
        let bare: FindingLine = serde_json::from_str(r#"{"severity":"info"}"#).unwrap();
        assert_eq!(
            (bare.expected, bare.year, bare.message.as_str()),
            (None, None, "")
        );
    }

    #[test]
    fn a_summary_row_keeps_its_verdict_key_in_csv() {
        let row = SummaryRow {
            source: "a.xlsx".into(),
            verdict: Verdict::Unreadable,
            ..SummaryRow::default()
        };
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(&row).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert!(
            text.lines().nth(1).unwrap().contains(",unreadable,"),
            "{text}"
        );
        let back: SummaryRow = csv::Reader::from_reader(text.as_bytes())
            .deserialize()
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(back, row);
    }
}
