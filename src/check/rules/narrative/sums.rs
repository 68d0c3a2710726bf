//! The narrative's sums: a total and its parts (N101), one item stated twice (N105), the
//! balance of income and expenditure (N106), and 机关运行经费 within 公用经费 (N109).

use rust_decimal::Decimal;

use crate::check::{rule, Context, Finding, Outcome, Relation, Rule, Severity};
use crate::model::narrative::{Claim, Concept, Item, Measure, Mention, Scope};
use crate::model::Narrative;

use super::findings::{PartialBreakdown, Statement, Wording};
use super::{amounts, claims, term, unit_of};

rule! {
    /// A total and its parts stated together (“本年收入合计3997.99万元，其中：财政拨款收入3966.63万元…
    /// 其他收入31.36万元”, “分别为”, a numbered list (1)…(5) under a stated total) add up: total = Σ parts.
    /// Parts that exceed their total are an error; parts that fall short are an error only when
    /// they are meant to be all of it (their shares add up to 100%, or a list or “分别为” gives
    /// them) — a plain 其中 may name only some parts, and is then noted as `info`.
    BreakdownSum = "N101", "narrative-breakdown-sum", Error;
}

rule! {
    /// The same item stated twice (基本支出 700.64 万元 here, 700.65 万元 there) states the same
    /// figure: a difference rounding explains is `info`, any other an error. Items are told apart
    /// by their scope too: 本年支出's 基本支出 is not 财政拨款's.
    Restatement = "N105", "narrative-restatement", Error;
}

rule! {
    /// A sentence giving income, opening balance, expenditure and closing balance together
    /// (“收入3997.99万元，上年结转结余2.6万元，支出总计3926.89万元，年末结转结余73.7万元”) balances:
    /// 收入 + 年初结转和结余 = 支出 + 年末结转和结余.
    NarrativeBalance = "N106", "narrative-balance", Error;
}

rule! {
    /// 机关运行经费 is the part of 公用经费 that keeps the offices running, so it cannot exceed the
    /// 公用经费 the text states (most 决算 state them equal). Exceeding it is a warning.
    AgencyOperatingWithinPublic = "N109", "agency-operating-within-public", Warning;
}

impl Rule for BreakdownSum {
    fn check(&self, cx: &mut Context) {
        for (n, claim) in claims(cx.doc) {
            let Claim::Breakdown {
                total,
                parts,
                exhaustive,
            } = claim
            else {
                continue;
            };
            let r = Relation::sum(
                Self::META.code,
                Statement::TotalOfParts.message(),
                term(n, total),
                parts.iter().map(|p| term(n, p)),
            );
            let Some(e) = r.evaluate() else { continue };
            let short = e.actual.is_some_and(|a| a > e.expected);
            if e.outcome == Outcome::Broken && short && !exhaustive {
                // A partial 其中: the parts named are fewer than the whole.
                let wording = PartialBreakdown {
                    total: total.quantity.raw.clone(),
                    named: e.expected,
                    unnamed: e.difference,
                    formula: r.formula(),
                };
                let mut f = Finding::new(
                    Self::META.code,
                    Severity::Info,
                    term(n, total).location().unwrap_or_default(),
                    wording.message(),
                );
                f.expected = Some(e.expected);
                f.actual = e.actual;
                f.difference = Some(e.difference);
                f.unit = Some(e.unit);
                // The relation does not hold as printed, even though a partial 其中 is no
                // error: the trace says so (✗), and the finding's severity says how much.
                cx.verdict(Self::META.code, r.formula(), Outcome::Broken, Some(f));
                continue;
            }
            cx.relation_evaluated(None, r, e, Severity::Error);
        }
    }
}

impl Rule for Restatement {
    fn check(&self, cx: &mut Context) {
        let doc = cx.doc;
        for n in &doc.narratives {
            let mut firsts: Vec<(&Concept, &Mention)> = Vec::new();
            for mention in amounts(n) {
                let Some(c) = &mention.concept else { continue };
                if matches!(c.item, Item::Subject(_))
                    || !matches!(mention.quantity.measure, Measure::Money(_))
                {
                    continue;
                }
                match firsts.iter().find(|(k, _)| *k == c) {
                    None => firsts.push((c, mention)),
                    Some((_, first)) => {
                        if in_yuan(first) == in_yuan(mention) {
                            continue;
                        }
                        let r = Relation::equal(
                            Self::META.code,
                            Statement::StatedTwice.message(),
                            term(n, mention),
                            term(n, first),
                        );
                        cx.relation(None, r);
                    }
                }
            }
        }
    }
}

/// A stated figure in 元, to tell two statements of one figure in different units apart from
/// two different figures.
fn in_yuan(m: &Mention) -> Decimal {
    m.quantity.figure.value * unit_of(&m.quantity).factor()
}

impl Rule for NarrativeBalance {
    fn check(&self, cx: &mut Context) {
        for (n, claim) in claims(cx.doc) {
            let Claim::Balance {
                income,
                opening,
                expenditure,
                closing,
            } = claim
            else {
                continue;
            };
            let fiscal = income
                .concept
                .as_ref()
                .is_some_and(|c| c.scope == Scope::Fiscal);
            let r = Relation {
                rule: Self::META.code,
                what: Statement::Balance { fiscal }.message().into(),
                total: term(n, income),
                parts: vec![
                    (1, term(n, expenditure)),
                    (1, term(n, closing)),
                    (-1, term(n, opening)),
                ],
            };
            cx.relation(None, r);
        }
    }
}

impl Rule for AgencyOperatingWithinPublic {
    fn check(&self, cx: &mut Context) {
        let doc = cx.doc;
        for n in &doc.narratives {
            let (Some(agency), Some(public)) = (
                first_of(n, Item::AgencyOperating),
                first_of(n, Item::Public),
            ) else {
                continue;
            };
            let r = Relation::equal(
                Self::META.code,
                Statement::AgencyWithinPublic.message(),
                term(n, agency),
                term(n, public),
            );
            let Some(e) = r.evaluate() else { continue };
            // Below 公用经费 is allowed: only a 机关运行经费 above it is reported.
            let severity = if e.difference > Decimal::ZERO {
                Severity::Warning
            } else {
                Severity::Info
            };
            if e.outcome == Outcome::Broken && severity == Severity::Info {
                cx.verdict(Self::META.code, r.formula(), Outcome::Exact, None);
                continue;
            }
            cx.relation_evaluated(None, r, e, severity);
        }
    }
}

/// The first figure a narrative states for an item, of any scope.
fn first_of(n: &Narrative, item: Item) -> Option<&Mention> {
    amounts(n).find(|m| m.concept.as_ref().is_some_and(|k| k.item == item))
}
