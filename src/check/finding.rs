//! Findings: the evidence a rule reports — rule, severity, place, expected and printed figures,
//! and a message in Chinese and English.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

use crate::model::{Lang, Location, Message, Table, Unit};

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A note: a gap rounding explains, a part of a total not named.
    Info,
    /// Something to look at: a blank left in the template, a table rebuilt from text positions.
    Warning,
    /// A relation the published figures break.
    Error,
}

impl Severity {
    /// The severity as printed (错误 / error).
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Info, Lang::Zh) => "提示",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
        }
    }
}

/// A finding is evidence: which rule, how bad, where, what was expected, what was found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// The code of the rule that found it (T101, N103 …).
    pub rule: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// What was found, in plain words.
    #[serde(skip)]
    pub message: Message,
    /// The table the finding is about (its standard title), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// Where: file and sheet!cell (with page and box for a PDF), or sentence and span.
    pub location: Location,
    /// The other figures the relation was computed from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Location>,
    /// What the relation requires (the sum of the parts, the computed percentage).
    #[serde(serialize_with = "opt_dec", skip_serializing_if = "Option::is_none")]
    pub expected: Option<Decimal>,
    /// What is printed.
    #[serde(serialize_with = "opt_dec", skip_serializing_if = "Option::is_none")]
    pub actual: Option<Decimal>,
    /// Printed less expected.
    #[serde(serialize_with = "opt_dec", skip_serializing_if = "Option::is_none")]
    pub difference: Option<Decimal>,
    /// The largest gap rounding alone could explain.
    #[serde(serialize_with = "opt_dec", skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<Decimal>,
    /// The unit of the figures above.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
}

/// A figure as text: at the decimals it carries up to two (142.40, as the tables print money),
/// without the trailing zeros of a longer computation (0.005, 71.6539).
fn opt_dec<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) if d.scale() <= 2 => s.serialize_str(&d.to_string()),
        Some(d) => s.serialize_str(&d.normalize().to_string()),
        None => s.serialize_none(),
    }
}

impl Finding {
    /// A finding with no figures; a relation's figures are added by the engine.
    pub fn new(
        rule: &'static str,
        severity: Severity,
        location: Location,
        message: Message,
    ) -> Finding {
        Finding {
            rule,
            severity,
            message,
            table: None,
            location,
            related: Vec::new(),
            expected: None,
            actual: None,
            difference: None,
            tolerance: None,
            unit: None,
        }
    }

    /// A warning about a whole table (missing figures, an unstated unit, relations not checked):
    /// placed at its title and naming it.
    pub fn table_warning(rule: &'static str, table: &Table, message: Message) -> Finding {
        let mut f = Finding::new(rule, Severity::Warning, table.location(table.at), message);
        f.table = Some(table.title.clone());
        f
    }

    /// Every place the finding names: its own location first, then the related figures.
    pub fn places(&self) -> impl Iterator<Item = &Location> {
        std::iter::once(&self.location).chain(self.related.iter())
    }
}
