//! The JSON printer: the model as read, findings, and the results of `check`.

use serde_json::{json, Value};

use crate::check::{Finding, Lang};
use crate::model::{Document, Table};
use crate::run::DocResult;

/// The canonical model of a document as JSON (`gouji extract`).
pub fn document(doc: &Document) -> String {
    serde_json::to_string_pretty(doc).unwrap_or_default() + "\n"
}

/// A narrative's sentences and claims as JSON (`gouji extract` on a text).
pub fn narrative(n: &crate::model::Narrative) -> String {
    serde_json::to_string_pretty(n).unwrap_or_default() + "\n"
}

/// A finding as JSON, its message in the language asked for.
pub fn finding(f: &Finding, lang: Lang) -> Value {
    let mut v = serde_json::to_value(f).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert(
            "message".into(),
            Value::String(f.message.get(lang).to_string()),
        );
    }
    v
}

fn table_summary(t: &Table) -> Value {
    json!({
        "kind": t.kind,
        "side": t.side,
        "title": t.title,
        "unit": t.unit,
        "sheet": t.sheet,
        "cell": t.at.a1(),
        "rows": t.rows.len(),
    })
}

/// `{"documents": [{source, department, year, tables, findings, errors}]}`.
pub fn results(results: &[DocResult], lang: Lang) -> String {
    let docs: Vec<Value> = results
        .iter()
        .map(|r| {
            let doc = r.document.as_ref();
            json!({
                "source": r.source,
                "department": doc.and_then(|d| d.department.clone()),
                "year": doc.and_then(|d| d.year),
                "tables": doc.map(|d| d.tables.iter().map(table_summary).collect::<Vec<_>>()).unwrap_or_default(),
                "findings": r.findings.iter().map(|f| finding(f, lang)).collect::<Vec<_>>(),
                "relations_checked": r.checked.len(),
                "relations_not_checked": crate::check::not_checked(&r.findings)
                    .map(|f| json!({ "rule": f.rule, "table": f.table, "message": f.message.get(lang) }))
                    .collect::<Vec<_>>(),
                "errors": r.errors.iter().map(|e| e.text(lang)).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "documents": docs })).unwrap_or_default() + "\n"
}
