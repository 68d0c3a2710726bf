//! The figures a finance office charts: income by source, expenditure by function class, basic
//! against project expenditure, this year against the prior year — all in 万元, taken from the
//! tables where they are printed (a budget's from its budget tables) and from the narrative where
//! they are not.

use rust_decimal::Decimal;

use crate::check::{claims, prior_year};
use crate::model::narrative::{Claim, Item, Scope};
use crate::model::{classification, ColKey, Document, Line, Side, Table, TableKind, Unit};
use crate::report::charts::budget;

/// One chart: labelled values in 万元.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The chart's title (收入构成 …) and its file-name stem (income …).
    pub title: &'static str,
    /// The file-name stem of its chart (income …).
    pub stem: &'static str,
    /// The labels and their values.
    pub points: Vec<(String, Decimal)>,
}

/// This year against the prior year, item by item, in 万元.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The chart's title.
    pub title: &'static str,
    /// The file-name stem of its chart.
    pub stem: &'static str,
    /// Each item with this year's and the prior year's value.
    pub points: Vec<(String, Decimal, Decimal)>,
}

/// The charts of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Charts {
    /// 收入构成: income by source.
    pub income: Series,
    /// 支出构成: expenditure by 功能分类 class.
    pub expenditure: Series,
    /// 基本支出与项目支出.
    pub basic_project: Series,
    /// This year against the prior year, where the narrative's changes give it.
    pub year_on_year: Comparison,
}

impl Charts {
    /// The three single-series charts.
    pub fn series(&self) -> [&Series; 3] {
        [&self.income, &self.expenditure, &self.basic_project]
    }

    /// Whether no chart has anything to draw.
    pub fn is_empty(&self) -> bool {
        self.series().iter().all(|s| s.points.is_empty()) && self.year_on_year.points.is_empty()
    }
}

fn wan(value: Decimal, unit: Unit) -> Decimal {
    (value * unit.factor() / Unit::WanYuan.factor()).round_dp(2)
}

/// The figure of a row in a column, in 万元.
pub(crate) fn figure(
    t: &Table,
    row: Option<&crate::model::Row>,
    col: Option<usize>,
) -> Option<Decimal> {
    let f = row?.cell(col?)?.figure?;
    Some(wan(f.value, t.unit))
}

fn amount_col(t: &Table) -> Option<usize> {
    t.col(ColKey::Total)
        .or_else(|| t.col(ColKey::Amount))
        .or(Some(0))
}

/// A figure the narrative states for a concept, in 万元.
fn stated(doc: &Document, scope: Scope, item: &Item) -> Option<Decimal> {
    doc.narratives
        .iter()
        .flat_map(|n| &n.claims)
        .find_map(|c| match c {
            Claim::Amount { mention } => {
                let k = mention.concept.as_ref()?;
                if k.scope == scope && &k.item == item {
                    match mention.quantity.measure {
                        crate::model::narrative::Measure::Money(u) => {
                            Some(wan(mention.quantity.value(), u))
                        }
                        _ => None,
                    }
                } else {
                    None
                }
            }
            _ => None,
        })
}

const INCOME_LINES: [(Line, &str); 9] = [
    (Line::FiscalIncome, "财政拨款收入"),
    (Line::GeneralBudgetIncome, "一般公共预算财政拨款"),
    (Line::GovernmentFundIncome, "政府性基金预算财政拨款"),
    (Line::StateCapitalIncome, "国有资本经营预算财政拨款"),
    (Line::SuperiorGrantIncome, "上级补助收入"),
    (Line::BusinessIncome, "事业收入"),
    (Line::OperatingIncome, "经营收入"),
    (Line::SubsidiaryRemitIncome, "附属单位上缴收入"),
    (Line::OtherIncome, "其他收入"),
];

/// The points that have a figure other than 0.
pub(crate) fn nonzero(points: Vec<(String, Option<Decimal>)>) -> Vec<(String, Decimal)> {
    points
        .into_iter()
        .filter_map(|(l, v)| v.filter(|v| !v.is_zero()).map(|v| (l, v)))
        .collect()
}

fn income(doc: &Document) -> Vec<(String, Decimal)> {
    if doc.kind.is_budget() {
        let points = budget::income(doc);
        if !points.is_empty() {
            return points;
        }
    }
    if let Some(t) = doc.half(TableKind::IncomeExpenditureSummary, Side::Income) {
        let col = amount_col(t);
        let points = nonzero(
            INCOME_LINES
                .iter()
                .map(|(l, name)| (name.to_string(), figure(t, t.line(*l), col)))
                .collect(),
        );
        if !points.is_empty() {
            return points;
        }
    }
    if let Some(t) = doc.table(TableKind::IncomeTable) {
        let row = t.total_row();
        let points = nonzero(
            [
                ColKey::FiscalGrant,
                ColKey::SuperiorGrant,
                ColKey::BusinessIncome,
                ColKey::OperatingIncome,
                ColKey::SubsidiaryRemit,
                ColKey::OtherIncome,
            ]
            .iter()
            .map(|k| (k.label().to_string(), figure(t, row, t.col(*k))))
            .collect(),
        );
        if !points.is_empty() {
            return points;
        }
    }
    nonzero(vec![
        (
            "财政拨款收入".into(),
            stated(doc, Scope::Fiscal, &Item::Income),
        ),
        (
            "事业收入".into(),
            stated(doc, Scope::All, &Item::BusinessIncome),
        ),
        (
            "其他收入".into(),
            stated(doc, Scope::All, &Item::OtherIncome),
        ),
    ])
}

fn expenditure(doc: &Document) -> Vec<(String, Decimal)> {
    if doc.kind.is_budget() {
        let points = budget::expenditure(doc);
        if !points.is_empty() {
            return points;
        }
    }
    if let Some(t) = doc.table(TableKind::ExpenditureTable) {
        let col = t.col(ColKey::Total);
        let points = nonzero(
            t.rows
                .iter()
                .filter(|r| r.level() == Some(1))
                .map(|r| (r.name.trim().to_string(), figure(t, Some(r), col)))
                .collect(),
        );
        if !points.is_empty() {
            return points;
        }
    }
    if let Some(t) = doc.half(TableKind::IncomeExpenditureSummary, Side::Expenditure) {
        let col = amount_col(t);
        let points = nonzero(
            t.rows
                .iter()
                .filter(|r| r.line == Some(Line::FunctionClass))
                .map(|r| {
                    let name = r
                        .code
                        .as_deref()
                        .and_then(classification::function_class_name)
                        .map_or_else(|| r.name.trim().to_string(), str::to_string);
                    (name, figure(t, Some(r), col))
                })
                .collect(),
        );
        if !points.is_empty() {
            return points;
        }
    }
    let mut out = Vec::new();
    for n in &doc.narratives {
        for c in &n.claims {
            if let Claim::Amount { mention } = c {
                if let (Some(k), crate::model::narrative::Measure::Money(u)) =
                    (&mention.concept, &mention.quantity.measure)
                {
                    if let Item::FunctionClass(code) = &k.item {
                        let name = classification::function_class_name(code)
                            .unwrap_or(code)
                            .to_string();
                        if !out.iter().any(|(l, _)| *l == name) {
                            out.push((name, wan(mention.quantity.value(), *u)));
                        }
                    }
                }
            }
        }
    }
    out
}

fn basic_project(doc: &Document) -> Vec<(String, Decimal)> {
    if doc.kind.is_budget() {
        let points = budget::basic_project(doc);
        if !points.is_empty() {
            return points;
        }
    }
    if let Some(t) = doc.table(TableKind::ExpenditureTable) {
        let row = t.total_row();
        let points = nonzero(vec![
            ("基本支出".into(), figure(t, row, t.col(ColKey::Basic))),
            ("项目支出".into(), figure(t, row, t.col(ColKey::Project))),
        ]);
        if !points.is_empty() {
            return points;
        }
    }
    nonzero(vec![
        ("基本支出".into(), stated(doc, Scope::All, &Item::Basic)),
        ("项目支出".into(), stated(doc, Scope::All, &Item::Project)),
    ])
}

/// A figure of this year and of the prior year, as a narrative's change states or implies it.
#[derive(Clone, Debug, PartialEq)]
pub struct YearOnYear {
    /// The item as the narrative names it (本年收入合计).
    pub label: String,
    /// This year's figure.
    pub current: Decimal,
    /// The prior year's, as the change implies it.
    pub prior: Decimal,
    /// The unit of both figures: 元, 万元 or 亿元.
    pub unit: Unit,
}

/// Every change of the narratives that states its amount and whose current figure is known, in
/// money: the prior year is the one N103 checks the rate against. A change whose prior year
/// would be negative, or whose item has no name or was charted already, is left out.
pub fn year_on_year(doc: &Document) -> Vec<YearOnYear> {
    let mut out: Vec<YearOnYear> = Vec::new();
    for (n, claim) in claims(doc) {
        let Claim::Change { subject, .. } = claim else {
            continue;
        };
        let Some(years) = prior_year(doc, n, claim) else {
            continue;
        };
        let unit = years.current.unit;
        if !matches!(unit, Unit::Yuan | Unit::WanYuan | Unit::YiYuan) {
            continue;
        }
        let label = crate::model::names::prose_label(subject);
        let prior = years.prior.value;
        if prior < Decimal::ZERO || label.is_empty() || out.iter().any(|y| y.label == label) {
            continue;
        }
        out.push(YearOnYear {
            label,
            current: years.current.figure.value,
            prior,
            unit,
        });
    }
    out
}

/// The charts of a document, from its tables and its narrative.
pub fn charts(doc: &Document) -> Charts {
    Charts {
        income: Series {
            title: "收入构成",
            stem: "income",
            points: income(doc),
        },
        expenditure: Series {
            title: "支出按功能分类",
            stem: "expenditure",
            points: expenditure(doc),
        },
        basic_project: Series {
            title: "基本支出与项目支出",
            stem: "basic-project",
            points: basic_project(doc),
        },
        year_on_year: Comparison {
            title: "本年与上年对比",
            stem: "year-on-year",
            points: compared(doc),
        },
    }
}

/// This year against the prior year: the 上年 columns of a budget's tables, then each change
/// the narrative states about an item not charted already.
fn compared(doc: &Document) -> Vec<(String, Decimal, Decimal)> {
    let mut points = budget::prior_year_columns(doc);
    for y in year_on_year(doc) {
        if !points.iter().any(|(l, _, _)| *l == y.label) {
            points.push((y.label, wan(y.prior, y.unit), wan(y.current, y.unit)));
        }
    }
    points
}

/// The totals 概览 shows for a document, in 万元, from the tables or else the narrative.
pub fn key_totals(doc: &Document) -> Vec<(&'static str, Option<Decimal>)> {
    let ies_in = doc.half(TableKind::IncomeExpenditureSummary, Side::Income);
    let ies_out = doc.half(TableKind::IncomeExpenditureSummary, Side::Expenditure);
    let line = |t: Option<&Table>, l: Line| t.and_then(|t| figure(t, t.line(l), amount_col(t)));
    let spent = doc.table(TableKind::ExpenditureTable);
    let total = |t: Option<&Table>, k: ColKey| t.and_then(|t| figure(t, t.total_row(), t.col(k)));
    let three = doc
        .table(TableKind::ThreePublic)
        .and_then(|t| figure(t, t.line(Line::Total), t.col(ColKey::Final)));
    vec![
        (
            "本年收入合计",
            line(ies_in, Line::IncomeTotal).or_else(|| stated(doc, Scope::All, &Item::Income)),
        ),
        (
            "本年支出合计",
            line(ies_out, Line::ExpenditureTotal)
                .or_else(|| stated(doc, Scope::All, &Item::Expenditure)),
        ),
        (
            "基本支出",
            total(spent, ColKey::Basic).or_else(|| stated(doc, Scope::All, &Item::Basic)),
        ),
        (
            "项目支出",
            total(spent, ColKey::Project).or_else(|| stated(doc, Scope::All, &Item::Project)),
        ),
        (
            "年末结转和结余",
            line(ies_out, Line::Closing).or_else(|| stated(doc, Scope::All, &Item::Closing)),
        ),
        (
            "“三公”经费决算",
            three.or_else(|| stated(doc, Scope::All, &Item::ThreePublicTotal)),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::TextDoc;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn document(text: &str) -> Document {
        let narrative = crate::recognise::narrative::read(&TextDoc::new("说明.txt", text.into()));
        Document {
            narratives: vec![narrative],
            ..Document::default()
        }
    }

    #[test]
    fn year_on_year_takes_the_prior_year_from_the_stated_change() {
        let doc = document(
            "本年收入合计3997.99万元，比2015年增加476.68万元，增长13.5%。\
             本年支出合计3926.89万元，比上年减少73.11万元，下降1.8%。\n",
        );
        let got = year_on_year(&doc);
        assert_eq!(
            got,
            vec![
                YearOnYear {
                    label: "本年收入合计".into(),
                    current: d("3997.99"),
                    prior: d("3521.31"),
                    unit: Unit::WanYuan,
                },
                YearOnYear {
                    label: "本年支出合计".into(),
                    current: d("3926.89"),
                    prior: d("4000.00"),
                    unit: Unit::WanYuan,
                },
            ]
        );
    }

    #[test]
    fn year_on_year_leaves_out_counts_negative_prior_years_and_repeats() {
        let doc = document(
            "公务用车5辆，比上年增加1辆。\
             本年支出合计100万元，比上年增加150万元。\
             本年收入合计3997.99万元，比上年增加476.68万元。\
             本年收入合计3997.99万元，比上年增加1万元。\n",
        );
        let got = year_on_year(&doc);
        let labels: Vec<&str> = got.iter().map(|y| y.label.as_str()).collect();
        assert_eq!(labels, ["本年收入合计"]);
        assert_eq!(got[0].prior, d("3521.31"));
    }
}
