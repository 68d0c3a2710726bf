use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

use crate::model::{Location, Unit};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A message in both languages; the printer picks one.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub zh: String,
    pub en: String,
}

impl Message {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Message {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// A finding is evidence: which rule, how bad, where, what was expected, what was found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    #[serde(skip)]
    pub message: Message,
    /// The table the finding is about (its standard title), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    pub location: Location,
    /// The other figures the relation was computed from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Location>,
    #[serde(serialize_with = "opt_dec", skip_serializing_if = "Option::is_none")]
    pub expected: Option<Decimal>,
    #[serde(serialize_with = "opt_dec", skip_serializing_if = "Option::is_none")]
    pub actual: Option<Decimal>,
    #[serde(serialize_with = "opt_dec", skip_serializing_if = "Option::is_none")]
    pub difference: Option<Decimal>,
    /// The largest gap rounding alone could explain.
    #[serde(serialize_with = "opt_dec", skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
}

fn opt_dec<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.normalize().to_string()),
        None => s.serialize_none(),
    }
}

impl Finding {
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

    /// Every place the finding names: its own location first, then the related figures.
    pub fn places(&self) -> impl Iterator<Item = &Location> {
        std::iter::once(&self.location).chain(self.related.iter())
    }
}
