//! Changes on the year before: “比2015年增加476.68万元，增长37%” — the amount and the rate of a
//! change, what it is a change of (its own label, the figure it follows in its sentence, or the
//! one figure of the sentence before when it opens its own: “…为1685.72万元。与上年相比增加…”)
//! and the current figure it is measured from.

use crate::model::narrative::{Claim, Concept};

use super::annotation::{direction_word_len, subject_before, AnnotatedText, Role};
use super::breakdowns::Breakdowns;
use super::concepts::concept;
use super::lexicon::CHANGE_MARKERS;
use crate::model::names::prose_label;

/// How far (in characters) after an amount its rate may start: “增加476.68万元，增长37%”.
const RATE_REACH: usize = 12;

/// One claim per change the text measures against an earlier year.
pub fn claims(text: &AnnotatedText, breakdowns: &Breakdowns) -> Vec<Claim> {
    (0..text.figures.len())
        .filter_map(|i| change(text, breakdowns, i))
        .collect()
}

/// What a change is a change of.
struct Changed {
    subject: String,
    concept: Option<Concept>,
    /// The current figure, as an index into [`AnnotatedText::figures`].
    current: Option<usize>,
}

fn change(text: &AnnotatedText, breakdowns: &Breakdowns, at: usize) -> Option<Claim> {
    let figure = &text.figures[at];
    let (delta, direction) = match figure.role {
        Role::Delta(direction) if figure.is_money_or_count() => (Some(at), direction),
        // A rate with no amount before it in its clause stands alone.
        Role::Rate(direction) if !delta_before(text, at) => (None, direction),
        _ => return None,
    };
    let chars = text.chars(figure.paragraph);
    let place = text.text.places.get(figure.sentence)?;
    let before: String = chars[place.start.min(figure.start)..figure.start]
        .iter()
        .collect();
    if place.paragraph != figure.paragraph || !CHANGE_MARKERS.iter().any(|w| before.contains(w)) {
        return None;
    }
    let rate = match delta {
        Some(_) => (at + 1..text.figures.len())
            .take_while(|&i| {
                let f = &text.figures[i];
                f.paragraph == figure.paragraph && f.sentence == figure.sentence
            })
            .find(|&i| {
                let f = &text.figures[i];
                matches!(f.role, Role::Rate(_)) && f.start <= figure.end + RATE_REACH
            }),
        None => Some(at),
    };
    let word_at = figure.start - direction_word_len(chars, figure.start);
    let changed = changed(text, breakdowns, at, word_at);
    let end = rate.map_or(figure.end, |r| text.figures[r].end.max(figure.end));
    Some(Claim::Change {
        subject: changed.subject,
        concept: changed.concept,
        current: changed.current.map(|c| breakdowns.mention(text, c)),
        delta: delta.map(|i| text.figures[i].quantity()),
        direction,
        rate: rate.map(|r| text.figures[r].quantity()),
        rate_direction: rate.and_then(|r| match text.figures[r].role {
            Role::Rate(direction) => Some(direction),
            _ => None,
        }),
        sentence: figure.sentence,
        span: text.text.span(figure.paragraph, word_at, end),
    })
}

/// An amount of change just before a rate, in its clause: the rate is that amount's.
fn delta_before(text: &AnnotatedText, rate: usize) -> bool {
    let r = &text.figures[rate];
    (0..rate).rev().take(2).any(|i| {
        let f = &text.figures[i];
        f.paragraph == r.paragraph
            && matches!(f.role, Role::Delta(_))
            && r.start <= f.end + RATE_REACH
    })
}

/// The change's own label before its direction word (“住房保障支出比2015年减少”), or else the
/// subject of the figure it follows. The current figure is the nearest stated one before it in
/// its sentence — of the same concept when the change names its own subject.
fn changed(text: &AnnotatedText, breakdowns: &Breakdowns, at: usize, word_at: usize) -> Changed {
    let figure = &text.figures[at];
    let own = subject_before(text.chars(figure.paragraph), word_at);
    let own_clean = prose_label(&own);
    let has_own =
        !(own_clean.is_empty() || own_clean.ends_with("相比") || own_clean.starts_with('比'));
    let own_concept = if has_own { concept(&own, None) } else { None };
    let current = (0..at).rev().find(|&i| {
        let f = &text.figures[i];
        f.paragraph == figure.paragraph
            && f.sentence == figure.sentence
            && f.stated()
            && f.same_family(figure)
            && (!has_own
                || (own_concept.is_some() && breakdowns.concept(i) == own_concept.as_ref()))
    });
    if has_own {
        return Changed {
            subject: own,
            concept: own_concept,
            current,
        };
    }
    // “…预算数为1685.72万元。与上年相比增加1557.29万元”: a change that opens its sentence is
    // of the one figure the sentence before states.
    let current = current.or_else(|| figure_before(text, at));
    match current {
        Some(c) => Changed {
            subject: text.figures[c].subject.clone(),
            concept: breakdowns.concept(c).cloned(),
            current,
        },
        None => Changed {
            subject: String::new(),
            concept: None,
            current,
        },
    }
}

/// The only stated figure (of the change's measure) of the sentence before the change's, in
/// its paragraph; none when that sentence states several, which would leave it a guess.
fn figure_before(text: &AnnotatedText, at: usize) -> Option<usize> {
    let figure = &text.figures[at];
    let previous = figure.sentence.checked_sub(1)?;
    let stated: Vec<usize> = (0..at)
        .filter(|&i| {
            let f = &text.figures[i];
            f.paragraph == figure.paragraph
                && f.sentence == previous
                && f.stated()
                && f.same_family(figure)
        })
        .collect();
    match stated[..] {
        [one] => Some(one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::narrative::{Item, Scope};
    use crate::recognise::narrative::annotation::tests::annotated;

    /// A change claim as raw text, for comparing with the wording.
    #[derive(Debug, PartialEq)]
    struct Seen {
        subject: String,
        concept: Option<Concept>,
        current: Option<String>,
        delta: Option<String>,
        rate: Option<String>,
        /// The text the change's span covers.
        wording: String,
    }

    fn read(source: &str) -> Vec<Seen> {
        let text = annotated(source);
        let breakdowns = Breakdowns::find(&text);
        claims(&text, &breakdowns)
            .into_iter()
            .map(|c| match c {
                Claim::Change {
                    subject,
                    concept,
                    current,
                    delta,
                    rate,
                    span,
                    ..
                } => Seen {
                    subject,
                    concept,
                    current: current.map(|m| m.quantity.raw),
                    delta: delta.map(|q| q.raw),
                    rate: rate.map(|q| q.raw),
                    wording: source.chars().skip(span.0).take(span.1 - span.0).collect(),
                },
                other => panic!("not a change: {other:?}"),
            })
            .collect()
    }

    fn concept_of(scope: Scope, item: Item) -> Option<Concept> {
        Some(Concept { scope, item })
    }

    #[test]
    fn a_change_without_its_own_subject_is_of_the_figure_before() {
        let got = read("2016年度财政拨款支出3895.53万元,占本年支出的99%。与2015年相比,财政拨款支出增加1067.33万元,增长38%。\n(2)&社会保障和就业&2016年度决算1756.67万元,比2015年增加476.68万元,增长37%,主要原因一是项目资金增加。");
        assert_eq!(
            got,
            [
                // Its own subject, and no current figure in its sentence.
                Seen {
                    subject: "财政拨款支出".into(),
                    concept: concept_of(Scope::Fiscal, Item::Expenditure),
                    current: None,
                    delta: Some("1067.33万元".into()),
                    rate: Some("38%".into()),
                    wording: "增加1067.33万元,增长38%".into(),
                },
                Seen {
                    subject: "(2)&社会保障和就业&2016年度决算".into(),
                    concept: concept_of(Scope::All, Item::FunctionClass("208".into())),
                    current: Some("1756.67万元".into()),
                    delta: Some("476.68万元".into()),
                    rate: Some("37%".into()),
                    wording: "增加476.68万元,增长37%".into(),
                },
            ]
        );
    }

    #[test]
    fn a_change_with_its_own_subject_finds_its_current_figure_by_concept() {
        let got = read("本年支出合计3926.89万元,基本支出732万元,与2015年相比,本年支出合计增加1116.9万元,增长38.7%。");
        assert_eq!(
            got,
            [Seen {
                subject: "本年支出合计".into(),
                concept: concept_of(Scope::All, Item::Expenditure),
                current: Some("3926.89万元".into()),
                delta: Some("1116.9万元".into()),
                rate: Some("38.7%".into()),
                wording: "增加1116.9万元,增长38.7%".into(),
            }]
        );
    }

    #[test]
    fn a_rate_alone_and_a_change_against_nothing() {
        let got =
            read("(5)&住房保障支出&2016年度决算56.34万元,比2015年降低19%。\n人员经费增加20万元。");
        // A rate is measured from no amount of money, and names no subject of its own.
        assert_eq!(
            got,
            [Seen {
                subject: String::new(),
                concept: None,
                current: None,
                delta: None,
                rate: Some("19%".into()),
                wording: "降低19%".into(),
            }]
        );
    }
}
