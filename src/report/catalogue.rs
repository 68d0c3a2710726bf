//! The rule catalogue as text (in either language) or JSON.

use serde_json::json;

use crate::check::{Lang, RuleMeta};

/// The catalogue as text: each rule's code, severity, name and doc comment.
pub fn text(rules: &[&RuleMeta], lang: Lang) -> String {
    let mut s = String::new();
    for m in rules {
        s.push_str(&format!(
            "{} {} [{}]\n",
            m.code,
            m.name,
            m.severity.label(lang)
        ));
        for line in m.doc.lines() {
            s.push_str(&format!("    {}\n", line.trim()));
        }
        s.push('\n');
    }
    s
}

/// The catalogue as JSON: a list of rules with code, name, severity and doc.
pub fn json(rules: &[&RuleMeta]) -> String {
    let v: Vec<_> = rules
        .iter()
        .map(|m| {
            json!({"code": m.code, "name": m.name, "severity": m.severity, "doc": m.doc.trim()})
        })
        .collect();
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
