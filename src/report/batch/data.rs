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
    /// The document, as the batch found it.
    pub source: String,
    /// The district (区).
    pub district: String,
    /// The department.
    pub department: String,
    /// The department kind (部门类别): the name without its region, short forms folded.
    #[serde(default)]
    pub department_kind: String,
    /// The year reported on.
    pub year: Option<i32>,
    /// A final account or a budget.
    #[serde(default)]
    pub kind: crate::model::DocumentKind,
    /// The unit its tables state (万元, 元), or the units joined when they differ.
    pub unit: String,
    /// 本年收入合计, in 万元 like the four figures after it.
    pub income: Option<f64>,
    /// 本年支出合计
    pub expenditure: Option<f64>,
    /// 基本支出
    pub basic: Option<f64>,
    /// 项目支出
    pub project: Option<f64>,
    /// “三公”经费决算
    pub three_public: Option<f64>,
    /// Standard tables recognised.
    pub tables: u32,
    /// Findings that are errors.
    pub errors: u32,
    /// Findings that are warnings.
    pub warnings: u32,
    /// Findings that are notes (rounding).
    pub infos: u32,
    /// What the check came to.
    pub verdict: Verdict,
    /// Why the document (or part of it) could not be read.
    pub failure: String,
    /// Its findings across documents (against its neighbours of the batch), counted in the
    /// counts above too.
    #[serde(default)]
    pub cross_document_findings: u32,
}

/// A figure as department kind × district, for the latest year of the batch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matrix {
    /// The figure compared and its unit: 本年支出合计（万元）.
    pub heading: String,
    /// The year compared, the latest of the batch.
    pub year: Option<i32>,
    /// The rows: department kinds, sorted.
    pub kinds: Vec<String>,
    /// The columns: districts, sorted.
    pub districts: Vec<String>,
    /// `values[kind][district]`.
    pub values: Vec<Vec<Option<f64>>>,
}

/// A department kind in a district, year by year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearOnYear {
    /// The district.
    pub district: String,
    /// The department kind.
    pub kind: String,
    /// The year.
    pub year: i32,
    /// 本年支出合计 that year, in 万元.
    pub expenditure: Option<f64>,
    /// 本年支出合计 the year before, in 万元, when the batch holds it.
    pub prior: Option<f64>,
    /// Percent change on the prior year.
    pub change: Option<f64>,
    /// “三公”经费 over 本年支出合计 that year, in percent.
    pub three_public_share: Option<f64>,
}

/// A department whose “三公” share of expenditure stands far above the median of its kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlier {
    /// The district.
    pub district: String,
    /// The department, as named.
    pub department: String,
    /// Its kind.
    pub kind: String,
    /// The year.
    pub year: i32,
    /// “三公” / 本年支出合计, in percent.
    pub share: f64,
    /// The median share of the departments of its kind that year, in percent.
    pub peers: f64,
    /// How many departments of its kind that year tell the share.
    pub count: u32,
}

/// What the departments of a district spent in a year, in 万元.
#[derive(Clone, Debug, PartialEq)]
pub struct DistrictTotal {
    /// The district.
    pub district: String,
    /// The year.
    pub year: i32,
    /// The sum of its departments' 本年支出合计.
    pub expenditure: f64,
}

/// One bar: its label, its value and what it is made of.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The district, year or kind, or 其他.
    pub label: String,
    /// The metric's value, in 万元 or percent.
    pub value: Option<f64>,
    /// The documents it sums.
    pub documents: u32,
    /// Their findings that are errors.
    pub errors: u32,
    /// Their findings that are warnings.
    pub warnings: u32,
}

/// A comparison: the year compared (when one is) and its bars, largest first (by year: in order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// The year the documents are of, when one was chosen.
    pub year: Option<i32>,
    /// The bars.
    pub bars: Vec<Bar>,
}

/// The batch's comparisons across departments, districts and years.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparisons {
    /// Each metric as department kind × district, latest year.
    pub by_kind: Vec<Matrix>,
    /// Each department kind of each district against its prior year.
    pub years: Vec<YearOnYear>,
    /// Departments whose “三公” share is far above the median of their kind.
    pub outliers: Vec<Outlier>,
    /// The rule that names an outlier, as its table's heading states it.
    pub outlier_rule: String,
    /// Each district's total by year, for rankings and trends.
    pub districts: Vec<DistrictTotal>,
    /// Each district's departments side by side (本年支出合计, latest year), with their findings.
    pub district_views: Vec<(String, Figures)>,
}

/// One line of findings.ndjson as 问题清单 shows it: the document's identity and one finding.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FindingLine {
    /// The document.
    #[serde(default)]
    pub source: String,
    /// The district.
    #[serde(default)]
    pub district: String,
    /// The department.
    #[serde(default)]
    pub department: String,
    /// The year.
    pub year: Option<i32>,
    /// The rule's code.
    #[serde(default)]
    pub rule: String,
    /// How much it matters.
    pub severity: Severity,
    /// The table it is about, if any.
    pub table: Option<String>,
    /// Where.
    #[serde(default)]
    pub location: Location,
    /// What the relation requires.
    #[serde(default, deserialize_with = "figure")]
    pub expected: Option<f64>,
    /// What is printed.
    #[serde(default, deserialize_with = "figure")]
    pub actual: Option<f64>,
    /// Printed less expected.
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
