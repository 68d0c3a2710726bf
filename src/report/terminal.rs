//! The terminal printer: findings by document and table, the relations verified, the tables
//! as read.

use std::collections::BTreeMap;

use crate::check::{Finding, Lang, Severity};
use crate::model::Document;
use crate::run::DocResult;

use super::Style;

fn severity_colour(s: Severity) -> &'static str {
    match s {
        Severity::Error => "1;31",
        Severity::Warning => "33",
        Severity::Info => "36",
    }
}

/// Findings grouped by document and table, then a count by severity.
pub fn results(results: &[DocResult], lang: Lang, show: Severity, style: Style) -> String {
    let mut s = String::new();
    let mut totals = [0usize; 3];
    for r in results {
        document_head(&mut s, r, lang, style);
        for f in &r.findings {
            totals[f.severity as usize] += 1;
        }
        findings(&mut s, &r.findings, lang, show, style);
        s.push('\n');
    }
    let [info, warn, err] = totals;
    let failed = results.iter().filter(|r| r.failed()).count();
    // A document nothing of which was checked is counted apart: it is no pass.
    let unchecked = results
        .iter()
        .filter(|r| r.verdict() == crate::run::Verdict::NotChecked)
        .count();
    s.push_str(&match lang {
        Lang::Zh => format!(
            "共 {} 个文件：错误 {err}，警告 {warn}，提示 {info}，无法读取 {failed}，未核对 {unchecked}\n",
            results.len()
        ),
        Lang::En => format!(
            "{} files: {err} errors, {warn} warnings, {info} info, {failed} unreadable, {unchecked} not checked\n",
            results.len()
        ),
    });
    s
}

/// A document's name, department and year, why it could not be read, the tables found and the
/// number of relations checked.
fn document_head(s: &mut String, r: &DocResult, lang: Lang, style: Style) {
    let header = match &r.document {
        Some(d) => format!(
            "{}  {}{} {}",
            r.source,
            d.department.clone().unwrap_or_default(),
            d.year.map(|y| format!(" {y}")).unwrap_or_default(),
            d.kind.label(lang)
        ),
        None => r.source.clone(),
    };
    s.push_str(&style.paint("1", &header));
    s.push('\n');
    for e in &r.errors {
        s.push_str(&format!(
            "  {} {}\n",
            style.paint("1;31", "无法读取:"),
            e.text(lang)
        ));
    }
    let Some(d) = &r.document else { return };
    let kinds: Vec<&str> = d
        .tables
        .iter()
        .filter(|t| t.side != Some(crate::model::Side::Expenditure))
        .map(|t| t.title.as_str())
        .collect();
    let (tables, relations) = match lang {
        Lang::Zh => ("识别到的表", "核对关系数"),
        Lang::En => ("tables", "relations checked"),
    };
    s.push_str(&format!(
        "  {tables} ({}): {}\n",
        kinds.len(),
        kinds.join("、")
    ));
    s.push_str(&format!("  {relations}: {}\n", r.checked.len()));
}

/// The findings at or above `show`, by table: severity, rule, place, message and the sentence.
fn findings(s: &mut String, all: &[Finding], lang: Lang, show: Severity, style: Style) {
    let mut by_table: BTreeMap<String, Vec<&Finding>> = BTreeMap::new();
    for f in all.iter().filter(|f| f.severity >= show) {
        by_table
            .entry(f.table.clone().unwrap_or_default())
            .or_default()
            .push(f);
    }
    for (table, findings) in by_table {
        if !table.is_empty() {
            s.push_str(&format!("  [{}]\n", table));
        }
        for f in findings {
            let sev = style.paint(severity_colour(f.severity), f.severity.label(lang));
            let place = f.location.place();
            s.push_str(&format!(
                "    {} {} {} {}\n",
                sev,
                f.rule,
                place,
                f.message.get(lang)
            ));
            if let Some(sentence) = &f.location.sentence {
                s.push_str(&format!("        「{}」\n", excerpt(sentence, 60)));
            }
        }
    }
}

fn excerpt(text: &str, max: usize) -> String {
    let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= max {
        t
    } else {
        format!("{}…", t.chars().take(max).collect::<String>())
    }
}

/// Every relation verified, rule by rule: what an auditor re-does with a calculator.
pub fn relations(results: &[DocResult], lang: Lang) -> String {
    let mut s = String::new();
    for r in results {
        let title = if lang == Lang::Zh {
            "已核对的关系"
        } else {
            "relations verified"
        };
        s.push_str(&format!("{} — {title} ({})\n", r.source, r.checked.len()));
        for c in &r.checked {
            let mark = match c.outcome {
                crate::check::Outcome::Exact => "✓",
                crate::check::Outcome::Rounding => "≈",
                crate::check::Outcome::Broken => "✗",
            };
            s.push_str(&format!("  {mark} {} {}\n", c.rule, c.formula()));
        }
        // What could not be checked, so that a short list is never taken for a whole one.
        let unchecked: Vec<&Finding> = crate::check::not_checked(&r.findings).collect();
        let title = if lang == Lang::Zh {
            "未能核对的关系"
        } else {
            "relations not checked"
        };
        s.push_str(&format!("{} — {title} ({})\n", r.source, unchecked.len()));
        for f in unchecked {
            s.push_str(&format!("  ? {} {}\n", f.rule, f.message.get(lang)));
        }
    }
    s
}

/// The recognised tables as plain text, for `extract --format text`.
pub fn tables(doc: &Document) -> String {
    let mut s = String::new();
    for t in &doc.tables {
        s.push_str(&format!(
            "== {} ({:?}{}) {}!{} [{}]\n",
            t.title,
            t.kind,
            t.side.map(|x| format!(" {x:?}")).unwrap_or_default(),
            t.sheet,
            t.at.a1(),
            t.unit.label()
        ));
        let cols: Vec<String> = t
            .columns
            .iter()
            .map(|c| {
                format!(
                    "{}{}",
                    c.label,
                    c.key.map(|k| format!("<{k:?}>")).unwrap_or_default()
                )
            })
            .collect();
        s.push_str(&format!("   columns: {}\n", cols.join(" | ")));
        for r in &t.rows {
            let cells: Vec<String> = r
                .cells
                .iter()
                .map(|c| {
                    c.as_ref()
                        .and_then(|c| c.figure)
                        .map_or("·".into(), |f| f.display())
                })
                .collect();
            s.push_str(&format!(
                "   {:>8} {} {} | {}\n",
                r.code.clone().unwrap_or_default(),
                r.name,
                r.line.map(|l| format!("<{l:?}>")).unwrap_or_default(),
                cells.join(" | ")
            ));
        }
        for n in &t.notes {
            s.push_str(&format!("   注 {n}\n"));
        }
    }
    s
}
