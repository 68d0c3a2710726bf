//! One row per document: who, when, the key totals, the counts by severity and the verdict.

use crate::check::Severity;
pub use crate::report::batch::SummaryRow;
use crate::report::summary;
use crate::run::DocResult;

/// Who a document is about, as told by its tables and path or by the manifest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Identity {
    /// The district (区), from the manifest or the folder the document sits in.
    pub district: String,
    /// The department, from the manifest, the tables or the file name.
    pub department: String,
    /// The year, from the manifest, the tables or the file name.
    pub year: Option<i32>,
    /// The department kind (部门类别), from the manifest or the department's name.
    pub department_kind: String,
    /// 决算, 部门预算 or 单位预算, when the manifest sets it.
    pub kind: Option<crate::model::DocumentKind>,
}

/// The summary row of one checked document: who it is, its key totals in 万元, its counts by severity
/// and its verdict.
pub fn row(result: &DocResult, id: &Identity) -> SummaryRow {
    let count = |s: Severity| result.findings.iter().filter(|f| f.severity == s).count() as u32;
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let mut row = SummaryRow {
        source: result.source.clone(),
        district: id.district.clone(),
        department: id.department.clone(),
        department_kind: id.department_kind.clone(),
        year: id.year,
        errors,
        warnings,
        infos,
        verdict: result.verdict(),
        failure: result
            .errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("; "),
        ..SummaryRow::default()
    };
    if let Some(d) = &result.document {
        row.kind = d.kind;
        let mut units: Vec<&str> = d.tables.iter().map(|t| t.unit.label()).collect();
        units.sort();
        units.dedup();
        row.unit = units.join("/");
        row.tables = d
            .tables
            .iter()
            .filter(|t| t.side != Some(crate::model::Side::Expenditure))
            .count() as u32;
        // The balances as spending_totals reads them (an empty line is zero) before key_totals'.
        let mut totals = summary::spending_totals(d);
        totals.extend(summary::key_totals(d));
        let get = |name: &str| {
            totals
                .iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, v)| *v)
                .and_then(|v| rust_decimal::prelude::ToPrimitive::to_f64(&v))
        };
        row.income = get("本年收入合计");
        row.expenditure = get("本年支出合计");
        row.basic = get("基本支出");
        row.project = get("项目支出");
        row.three_public = get("“三公”经费决算");
        row.personnel = get("人员经费");
        row.public = get("公用经费");
        row.agency_operating = get("机关运行经费");
        row.opening = get("年初结转和结余");
        row.closing = get("年末结转和结余");
    }
    row
}
