//! N — the narrative (情况说明) against itself: its breakdowns, shares, changes, budget execution,
//! balances, restatements, listings and template leftovers.

use rust_decimal::Decimal;

use crate::check::{
    ratio, round_half_up, rule, Context, Finding, Message, Outcome, Place, Relation, Rule,
    Severity, Term,
};
use crate::model::narrative::{
    Claim, Comparison, Concept, Direction, Item, Measure, Mention, Quantity, Scope, ShareBase,
};
use crate::model::{Document, Figure, Location, Narrative, Unit};

mod concept_map;

use concept_map::table_term;

rule! {
    /// A total and its parts stated together (“本年收入合计3997.99万元，其中：财政拨款收入3966.63万元…
    /// 其他收入31.36万元”, “分别为”, a numbered list (1)…(5) under a stated total) add up: total = Σ parts.
    /// Parts that exceed their total are an error; parts that fall short are an error only when
    /// they are meant to be all of it (their shares add up to 100%, or a list or “分别为” gives
    /// them) — a plain 其中 may name only some parts, and is then noted as `info`.
    BreakdownSum = "N101", "narrative-breakdown-sum", Error;
}

rule! {
    /// A share “占X%” equals its part over its base, at the precision X is printed with (占18%
    /// allows 17.5–18.5%, 2.10% allows 2.095–2.105%). The base is the one named (“占本年支出的99%”,
    /// found among the figures the text or the tables state) or, unnamed, the total of the 其中
    /// breakdown the part belongs to. A share whose base cannot be told is listed by `extract` only.
    ShareOfBase = "N102", "narrative-share", Error;
}

rule! {
    /// A change from the prior year (“比2015年增加476.68万元，增长37%”) is consistent: the prior year
    /// is the current figure minus the increase (plus the decrease), and the rate is the change over
    /// the prior year at its printed precision; the direction words agree (增加 with 增长, 减少 with
    /// 下降/降低). A rate “from” a zero or absent prior year is an error, never 100%. The current
    /// figure is the one the sentence states, else the one the text states for that item
    /// (收支总计 = 收入 + 年初结转和结余 when only those are stated), else the tables'.
    ChangeRate = "N103", "narrative-change-rate", Error;
}

rule! {
    /// Budget execution (“年初预算为A万元，支出决算为B万元，完成年初预算的X%”): X = B / A, and the
    /// wording 决算数大于/小于/等于(基本持平)预算数 agrees with the two figures.
    BudgetExecution = "N104", "narrative-budget-execution", Error;
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
    /// A count followed by the list it counts (“单位共8个，详细情况见下表：” and one line per unit)
    /// lists as many lines as it says.
    ListingCount = "N107", "narrative-listing-count", Error;
}

rule! {
    /// A template sentence left unfilled: placeholders (XX, ××), a blank date (“截止到日”, “年月日”),
    /// an unresolved alternative (“增长（下降）”), a blank figure (“为万元”, “占%”).
    TemplateLeftover = "N108", "template-leftover", Warning;
}

rule! {
    /// 机关运行经费 is the part of 公用经费 that keeps the offices running, so it cannot exceed the
    /// 公用经费 the text states (most 决算 state them equal). Exceeding it is a warning.
    AgencyOperatingWithinPublic = "N109", "agency-operating-within-public", Warning;
}

fn unit_of(q: &Quantity) -> Unit {
    match &q.measure {
        Measure::Money(u) => *u,
        _ => Unit::Count,
    }
}

pub fn location(n: &Narrative, span: (usize, usize), sentence: usize) -> Location {
    let s = n.sentences.get(sentence);
    Location {
        file: n.file.as_str().into(),
        span: Some(span),
        sentence: s.map(|s| s.text.clone()),
        page: s.and_then(|s| s.page),
        ..Location::default()
    }
}

pub fn term(n: &Narrative, m: &Mention) -> Term {
    Term {
        label: crate::recognise::narrative::clean(&m.subject).into(),
        figure: Some(m.quantity.figure),
        unit: unit_of(&m.quantity),
        place: Some(Place::Text(Box::new(location(
            n,
            m.quantity.span,
            m.sentence,
        )))),
    }
}

fn mentions<'n>(n: &'n Narrative, c: &Concept) -> impl Iterator<Item = &'n Mention> + 'n {
    let c = c.clone();
    n.claims.iter().filter_map(move |cl| match cl {
        Claim::Amount { mention } if mention.concept.as_ref() == Some(&c) => Some(mention),
        _ => None,
    })
}

/// The figure of a concept in 万元-or-whatever, as the text states it nearest before `at`, else
/// derived (收支总计 = 收入 + 年初), else as the tables print it.
fn resolve(
    doc: &Document,
    n: &Narrative,
    c: &Concept,
    at: usize,
) -> Option<(Figure, Unit, String)> {
    let found: Vec<&Mention> = mentions(n, c).collect();
    let pick = found
        .iter()
        .rfind(|m| m.quantity.span.0 < at)
        .or(found.first());
    if let Some(m) = pick {
        return Some((
            m.quantity.figure,
            unit_of(&m.quantity),
            m.quantity.raw.clone(),
        ));
    }
    if c.item == Item::GrandTotal {
        let part = |item| {
            resolve(
                doc,
                n,
                &Concept {
                    scope: c.scope,
                    item,
                },
                at,
            )
        };
        if let (Some((a, ua, ra)), Some((b, ub, rb))) = (part(Item::Income), part(Item::Opening)) {
            if ua == ub {
                let f = Figure {
                    value: a.value + b.value,
                    step: a.step + b.step,
                };
                return Some((f, ua, format!("{ra} + {rb}")));
            }
        }
    }
    let (t, _) = table_term(doc, c)?;
    let f = t.figure?;
    Some((f, t.unit, format!("{} {}", t.label, f.display())))
}

/// A figure of this year and of the prior year, as a narrative's change states or implies it.
#[derive(Clone, Debug, PartialEq)]
pub struct YearOnYear {
    pub label: String,
    pub current: Decimal,
    pub prior: Decimal,
    pub unit: Unit,
}

/// Every change of the narratives whose current figure is known: the prior year follows from it
/// and the stated increase or decrease. For comparison charts.
pub fn year_on_year(doc: &Document) -> Vec<YearOnYear> {
    let mut out: Vec<YearOnYear> = Vec::new();
    for n in &doc.narratives {
        for claim in &n.claims {
            let Claim::Change {
                subject,
                concept,
                current,
                delta: Some(delta),
                direction,
                span,
                ..
            } = claim
            else {
                continue;
            };
            let cur = match (current, concept) {
                (Some(m), _) => Some((m.quantity.figure, unit_of(&m.quantity))),
                (None, Some(c)) => resolve(doc, n, c, span.0).map(|(f, u, _)| (f, u)),
                (None, None) => None,
            };
            let Some((cur, unit)) = cur else { continue };
            if !matches!(unit, Unit::Yuan | Unit::WanYuan | Unit::YiYuan) {
                continue;
            }
            let d = in_unit(delta.figure, unit_of(delta), unit).value;
            let prior = match direction {
                Direction::Down => cur.value + d,
                Direction::Up => cur.value - d,
                Direction::Flat => cur.value,
            };
            let label = crate::recognise::narrative::clean(subject);
            if prior < Decimal::ZERO || label.is_empty() || out.iter().any(|y| y.label == label) {
                continue;
            }
            out.push(YearOnYear {
                label,
                current: cur.value,
                prior,
                unit,
            });
        }
    }
    out
}

/// A figure in the unit of another (for ratios whose two figures differ in unit).
fn in_unit(f: Figure, from: Unit, to: Unit) -> Figure {
    if from == to {
        return f;
    }
    let k = from.factor() / to.factor();
    Figure {
        value: f.value * k,
        step: f.step * k,
    }
}

fn pct(d: Decimal, places: u32) -> String {
    round_half_up(d, places + 2).normalize().to_string()
}

/// A finding about a percentage: expected the computed one, found the printed one.
#[allow(clippy::too_many_arguments)]
fn ratio_finding(
    rule: &'static str,
    n: &Narrative,
    span: (usize, usize),
    sentence: usize,
    outcome: Outcome,
    computed: Decimal,
    stated: &Quantity,
    zh: String,
    en: String,
) -> Option<Finding> {
    let severity = match outcome {
        Outcome::Exact => return None,
        Outcome::Rounding => Severity::Info,
        Outcome::Broken => Severity::Error,
    };
    let places = stated.figure.step.normalize().scale();
    let expected = round_half_up(computed, places + 2).normalize();
    let mut f = Finding::new(
        rule,
        severity,
        location(n, span, sentence),
        Message::new(zh, en),
    );
    f.expected = Some(expected);
    f.actual = Some(stated.figure.value);
    f.difference = Some(stated.figure.value - expected);
    f.tolerance = Some(stated.figure.half_step());
    Some(f)
}

fn narratives<'d>(cx: &Context<'d>) -> &'d [Narrative] {
    &cx.doc.narratives
}

impl Rule for BreakdownSum {
    fn check(&self, cx: &mut Context) {
        for n in narratives(cx) {
            for claim in &n.claims {
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
                    Message::new(
                        "说明中的合计 = Σ 其中各项",
                        "a stated total = the sum of its parts",
                    ),
                    term(n, total),
                    parts.iter().map(|p| term(n, p)),
                );
                let Some(e) = r.evaluate() else { continue };
                let short = e.actual.is_some_and(|a| a > e.expected);
                if e.outcome == Outcome::Broken && short && !exhaustive {
                    // A partial 其中: the parts named are fewer than the whole.
                    let unnamed = e.difference.normalize();
                    let mut f = Finding::new(
                        Self::META.code,
                        Severity::Info,
                        term(n, total).location().unwrap_or_default(),
                        Message::new(
                            format!("“其中”只列出部分构成：合计 {}，所列各项之和 {}，其余 {} 未列出（{}）", total.quantity.raw, e.expected.normalize(), unnamed, r.formula()),
                            format!("the 其中 names only some parts: total {}, parts add to {}, {} not named ({})", total.quantity.raw, e.expected.normalize(), unnamed, r.formula()),
                        ),
                    );
                    f.expected = Some(e.expected);
                    f.actual = e.actual;
                    f.difference = Some(e.difference);
                    f.unit = Some(e.unit);
                    cx.verdict(Self::META.code, r.formula(), Outcome::Exact, Some(f));
                    continue;
                }
                cx.relation_evaluated(None, r, e, Severity::Error);
            }
        }
    }
}

impl Rule for ShareOfBase {
    fn check(&self, cx: &mut Context) {
        for n in narratives(cx) {
            for claim in &n.claims {
                let Claim::Share {
                    part,
                    percent,
                    base,
                    sentence,
                } = claim
                else {
                    continue;
                };
                let (base_fig, base_unit, base_label) = match base {
                    ShareBase::Total(t) => (
                        t.quantity.figure,
                        unit_of(&t.quantity),
                        t.quantity.raw.clone(),
                    ),
                    ShareBase::Named {
                        concept: Some(c), ..
                    } => match resolve(cx.doc, n, c, part.quantity.span.0) {
                        Some(x) => x,
                        None => continue,
                    },
                    ShareBase::Named { .. } => continue,
                };
                let part_fig = in_unit(part.quantity.figure, unit_of(&part.quantity), base_unit);
                let Some(r) = ratio(part_fig, base_fig, percent.figure) else {
                    continue;
                };
                let places = percent.figure.step.normalize().scale();
                let formula = format!(
                    "{} / {} = {}% ≈ {}",
                    part.quantity.raw,
                    base_label,
                    pct(r.computed, places),
                    percent.raw
                );
                let span = (part.quantity.span.0, percent.span.1);
                let f = ratio_finding(
                    Self::META.code,
                    n,
                    span,
                    *sentence,
                    r.outcome,
                    r.computed,
                    percent,
                    format!(
                        "占比与数字不符：{formula}，按 {} 计应为 {}%",
                        base_label,
                        r.rounded.normalize()
                    ),
                    format!(
                        "share does not match its figures: {formula}; should be {}%",
                        r.rounded.normalize()
                    ),
                );
                cx.verdict(Self::META.code, formula, r.outcome, f);
            }
        }
    }
}

fn direction_word(d: Direction) -> &'static str {
    match d {
        Direction::Up => "增加/增长",
        Direction::Down => "减少/下降",
        Direction::Flat => "持平",
    }
}

impl Rule for ChangeRate {
    fn check(&self, cx: &mut Context) {
        for n in narratives(cx) {
            for claim in &n.claims {
                let Claim::Change {
                    subject,
                    concept,
                    current,
                    delta,
                    direction,
                    rate,
                    rate_direction,
                    sentence,
                    span,
                } = claim
                else {
                    continue;
                };
                let here = location(n, *span, *sentence);
                if let (Some(rd), true) = (rate_direction, delta.is_some()) {
                    if rd != direction {
                        let f = Finding::new(
                            Self::META.code,
                            Severity::Error,
                            here.clone(),
                            Message::new(
                                format!("“{subject}”变动方向前后矛盾：金额为{}，比率却为{}", direction_word(*direction), direction_word(*rd)),
                                format!("'{subject}': the amount and the rate move in opposite directions"),
                            ),
                        );
                        cx.verdict(
                            Self::META.code,
                            format!("{:?} ≠ {:?}", direction, rd),
                            Outcome::Broken,
                            Some(f),
                        );
                        continue;
                    }
                }
                let (Some(delta), Some(rate)) = (delta, rate) else {
                    continue;
                };
                let current = match (current, concept) {
                    (Some(m), _) => Some((
                        m.quantity.figure,
                        unit_of(&m.quantity),
                        m.quantity.raw.clone(),
                    )),
                    (None, Some(c)) => resolve(cx.doc, n, c, span.0),
                    (None, None) => None,
                };
                let Some((cur, cur_unit, cur_label)) = current else {
                    continue;
                };
                let d = in_unit(delta.figure, unit_of(delta), cur_unit);
                let prior = Figure {
                    value: match direction {
                        Direction::Down => cur.value + d.value,
                        _ => cur.value - d.value,
                    },
                    step: cur.step + d.step,
                };
                let sign = if *direction == Direction::Down {
                    "+"
                } else {
                    "−"
                };
                let prior_text = format!("({cur_label} {sign} {})", delta.raw);
                let Some(r) = ratio(d, prior, rate.figure) else {
                    let f = Finding::new(
                        Self::META.code,
                        Severity::Error,
                        here,
                        Message::new(
                            format!("“{subject}”上年数为 {} = {}，为零或负数，无法计算增长率 {}", prior_text, prior.value.normalize(), rate.raw),
                            format!("'{subject}': the prior year {} = {} is zero or negative; no rate {} can follow from it", prior_text, prior.value.normalize(), rate.raw),
                        ),
                    );
                    cx.verdict(
                        Self::META.code,
                        format!("{} / {prior_text}", delta.raw),
                        Outcome::Broken,
                        Some(f),
                    );
                    continue;
                };
                let places = rate.figure.step.normalize().scale();
                let formula = format!(
                    "{} / {} = {}% ≈ {}",
                    delta.raw,
                    prior_text,
                    pct(r.computed, places),
                    rate.raw
                );
                let f = ratio_finding(
                    Self::META.code,
                    n,
                    *span,
                    *sentence,
                    r.outcome,
                    r.computed,
                    rate,
                    format!("“{subject}”变动率与变动额不符：{formula}，应为 {}%", r.rounded.normalize()),
                    format!("'{subject}': the rate does not follow from the change: {formula}; should be {}%", r.rounded.normalize()),
                );
                cx.verdict(Self::META.code, formula, r.outcome, f);
            }
        }
    }
}

impl Rule for BudgetExecution {
    fn check(&self, cx: &mut Context) {
        for n in narratives(cx) {
            for claim in &n.claims {
                let Claim::Budget {
                    subject,
                    budget,
                    final_,
                    rate,
                    wording,
                    sentence,
                } = claim
                else {
                    continue;
                };
                let fin = in_unit(final_.figure, unit_of(final_), unit_of(budget));
                if let Some(rate) = rate {
                    if let Some(r) = ratio(fin, budget.figure, rate.figure) {
                        let places = rate.figure.step.normalize().scale();
                        let formula = format!(
                            "{} / {} = {}% ≈ {}",
                            final_.raw,
                            budget.raw,
                            pct(r.computed, places),
                            rate.raw
                        );
                        let f = ratio_finding(
                            Self::META.code,
                            n,
                            (final_.span.0, rate.span.1),
                            *sentence,
                            r.outcome,
                            r.computed,
                            rate,
                            format!(
                                "预算完成率与数字不符：{formula}，应为 {}%",
                                r.rounded.normalize()
                            ),
                            format!(
                                "budget completion does not match: {formula}; should be {}%",
                                r.rounded.normalize()
                            ),
                        );
                        cx.verdict(Self::META.code, formula, r.outcome, f);
                    }
                }
                let Some((said, span)) = wording else {
                    continue;
                };
                let gap = fin.value - budget.figure.value;
                let slack = fin.half_step() + budget.figure.half_step();
                let roughly_equal =
                    gap.abs() <= slack.max(budget.figure.value.abs() / Decimal::ONE_HUNDRED);
                let holds = match said {
                    Comparison::Greater => gap > slack,
                    Comparison::Less => gap < -slack,
                    Comparison::Equal => roughly_equal,
                };
                let formula = format!("{} vs {} ({said:?})", final_.raw, budget.raw);
                let f = (!holds).then(|| {
                    let word = match said {
                        Comparison::Greater => "大于",
                        Comparison::Less => "小于",
                        Comparison::Equal => "等于（持平）",
                    };
                    let mut f = Finding::new(
                        Self::META.code,
                        Severity::Error,
                        location(n, *span, *sentence),
                        Message::new(
                            format!("{}：称决算数{word}预算数，但决算数 {} 与预算数 {} 不符此说", subject.trim(), final_.raw, budget.raw),
                            format!("says the final figure is {said:?} the budget, but final {} vs budget {} says otherwise", final_.raw, budget.raw),
                        ),
                    );
                    f.expected = Some(budget.figure.value);
                    f.actual = Some(fin.value);
                    f.difference = Some(gap);
                    f
                });
                let outcome = if holds {
                    Outcome::Exact
                } else {
                    Outcome::Broken
                };
                cx.verdict(Self::META.code, formula, outcome, f);
            }
        }
    }
}

impl Rule for Restatement {
    fn check(&self, cx: &mut Context) {
        for n in narratives(cx) {
            let mut firsts: Vec<(&Concept, &Mention)> = Vec::new();
            for claim in &n.claims {
                let Claim::Amount { mention } = claim else {
                    continue;
                };
                let Some(c) = &mention.concept else { continue };
                if matches!(c.item, Item::Subject(_))
                    || !matches!(mention.quantity.measure, Measure::Money(_))
                {
                    continue;
                }
                match firsts.iter().find(|(k, _)| *k == c) {
                    None => firsts.push((c, mention)),
                    Some((_, first)) => {
                        if first.quantity.figure.value * unit_of(&first.quantity).factor()
                            == mention.quantity.figure.value * unit_of(&mention.quantity).factor()
                        {
                            continue;
                        }
                        let r = Relation::equal(
                            Self::META.code,
                            Message::new(
                                "同一项目前后表述一致",
                                "the same item stated twice agrees",
                            ),
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

impl Rule for NarrativeBalance {
    fn check(&self, cx: &mut Context) {
        for n in narratives(cx) {
            for claim in &n.claims {
                let Claim::Balance {
                    income,
                    opening,
                    expenditure,
                    closing,
                } = claim
                else {
                    continue;
                };
                let scope = if income
                    .concept
                    .as_ref()
                    .is_some_and(|c| c.scope == Scope::Fiscal)
                {
                    "财政拨款"
                } else {
                    ""
                };
                let r = Relation {
                    rule: Self::META.code,
                    what: Message::new(
                        format!("{scope}收入 + 年初结转和结余 = 支出 + 年末结转和结余"),
                        "income + opening balance = expenditure + closing balance",
                    )
                    .into(),
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
}

impl Rule for ListingCount {
    fn check(&self, cx: &mut Context) {
        for n in narratives(cx) {
            for claim in &n.claims {
                let Claim::Listing {
                    count,
                    listed,
                    sentence,
                } = claim
                else {
                    continue;
                };
                let stated = count.figure.value;
                let got = Decimal::from(listed.len());
                let formula = format!("{} = {} 行", count.raw, listed.len());
                let f = (stated != got).then(|| {
                    let mut f = Finding::new(
                        Self::META.code,
                        Severity::Error,
                        location(n, count.span, *sentence),
                        Message::new(
                            format!("称共 {}，其后列出 {} 行", count.raw, listed.len()),
                            format!("says {} but lists {} lines", count.raw, listed.len()),
                        ),
                    );
                    f.expected = Some(got);
                    f.actual = Some(stated);
                    f.difference = Some(stated - got);
                    f
                });
                let outcome = if f.is_some() {
                    Outcome::Broken
                } else {
                    Outcome::Exact
                };
                cx.verdict(Self::META.code, formula, outcome, f);
            }
        }
    }
}

impl Rule for TemplateLeftover {
    fn check(&self, cx: &mut Context) {
        for n in narratives(cx) {
            for claim in &n.claims {
                let Claim::Placeholder {
                    text,
                    span,
                    sentence,
                } = claim
                else {
                    continue;
                };
                cx.report(Finding::new(
                    Self::META.code,
                    Severity::Warning,
                    location(n, *span, *sentence),
                    Message::new(
                        format!("模板内容未填写完整：“{text}”"),
                        format!("a template blank was left unfilled: \"{text}\""),
                    ),
                ));
            }
        }
    }
}

impl Rule for AgencyOperatingWithinPublic {
    fn check(&self, cx: &mut Context) {
        for n in narratives(cx) {
            let find = |item: Item| {
                n.claims.iter().find_map(|c| match c {
                    Claim::Amount { mention }
                        if mention.concept.as_ref().is_some_and(|k| k.item == item) =>
                    {
                        Some(mention)
                    }
                    _ => None,
                })
            };
            let (Some(agency), Some(public)) = (find(Item::AgencyOperating), find(Item::Public))
            else {
                continue;
            };
            let r = Relation::equal(
                Self::META.code,
                Message::new(
                    "机关运行经费 ≤ 公用经费",
                    "agency operating costs ≤ public expenses",
                ),
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

/// Narrative figures against the tables of the same document.
pub mod tables {
    use super::*;

    rule! {
        /// Each figure of the narrative that the concept dictionary ties to a table (本年收入合计,
        /// 财政拨款收入, 其他收入, 年初/年末结转和结余, 本年支出合计, 基本/项目支出 of all funds or of the
        /// appropriations, 人员经费, 公用经费, each 功能分类 class, the 款/项 named in a breakdown,
        /// the “三公” items) equals the table's figure, rounding-aware across units. Checked only when
        /// text and tables are read as one document (same folder and name, or given together).
        NarrativeVsTables = "N201", "narrative-vs-tables", Error;
    }

    impl Rule for NarrativeVsTables {
        fn check(&self, cx: &mut Context) {
            if cx.doc.tables.is_empty() {
                return;
            }
            for n in narratives(cx) {
                for claim in &n.claims {
                    let Claim::Amount { mention } = claim else {
                        continue;
                    };
                    let Some(c) = &mention.concept else { continue };
                    if !matches!(mention.quantity.measure, Measure::Money(_)) {
                        continue;
                    }
                    let Some((t, table)) = table_term(cx.doc, c) else {
                        continue;
                    };
                    let what = Message::new(
                        format!(
                            "说明中的“{}”= {}",
                            crate::recognise::narrative::clean(&mention.subject),
                            table.title
                        ),
                        format!(
                            "the narrative's '{}' = the {}",
                            crate::recognise::narrative::clean(&mention.subject),
                            table.kind.title_en()
                        ),
                    );
                    let r = Relation::equal(Self::META.code, what, term(n, mention), t);
                    cx.relation(Some(table), r);
                }
            }
        }
    }
}
