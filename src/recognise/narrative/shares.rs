//! Shares: “财政拨款收入3966.63万元，占99.2%” — a part, its percentage and what it is a share
//! of: the base named after 占 (“占本年支出的99%”), or else the total of the breakdown the
//! part belongs to.

use crate::model::narrative::{Claim, ShareBase};

use super::annotation::{AnnotatedText, Role};
use super::breakdowns::Breakdowns;
use super::concepts::concept;
use super::lexicon::{SHARE_LABEL_SUFFIXES, SHARE_WORD};

/// One claim per share whose part the sentence states before it.
pub fn claims(text: &AnnotatedText, breakdowns: &Breakdowns) -> Vec<Claim> {
    (0..text.figures.len())
        .filter_map(|i| share(text, breakdowns, i))
        .collect()
}

fn share(text: &AnnotatedText, breakdowns: &Breakdowns, percent: usize) -> Option<Claim> {
    let share = &text.figures[percent];
    if share.role != Role::Share {
        return None;
    }
    let chars = text.chars(share.paragraph);
    let share_word = (0..share.start)
        .rev()
        .find(|&i| chars[i] == SHARE_WORD)
        .unwrap_or(share.start);
    let label = base_label(chars.get(share_word + 1..share.start).unwrap_or_default());
    let part = (0..percent).rev().find(|&i| {
        let f = &text.figures[i];
        f.paragraph == share.paragraph
            && f.sentence == share.sentence
            && f.stated()
            && f.end <= share_word
    })?;
    let base = if label.is_empty() {
        match breakdowns.of_part(part) {
            Some(b) => ShareBase::Total(Box::new(breakdowns.mention(text, b.total))),
            None => ShareBase::Named {
                label,
                concept: None,
            },
        }
    } else {
        let concept = concept(&label, None);
        ShareBase::Named { label, concept }
    };
    Some(Claim::Share {
        part: breakdowns.mention(text, part),
        percent: share.quantity(),
        base,
        sentence: share.sentence,
    })
}

/// The base named between 占 and the number, without “的比重为” and the like.
fn base_label(between: &[char]) -> String {
    let label: String = between.iter().collect();
    let mut label = label.trim();
    for suffix in SHARE_LABEL_SUFFIXES {
        label = label.trim_end_matches(suffix);
    }
    label.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::narrative::{Concept, Item, Mention, Scope};
    use crate::recognise::narrative::annotation::tests::annotated;

    fn read(text: &str) -> Vec<Claim> {
        let text = annotated(text);
        claims(&text, &Breakdowns::find(&text))
    }

    /// Part, percentage and base of a share claim.
    fn parts(claim: &Claim) -> (&Mention, String, &ShareBase) {
        match claim {
            Claim::Share {
                part,
                percent,
                base,
                ..
            } => (part, percent.raw.clone(), base),
            other => panic!("not a share: {other:?}"),
        }
    }

    #[test]
    fn a_named_base() {
        let got = read("2016年度财政拨款支出3895.53万元,占本年支出的99%。");
        assert_eq!(got.len(), 1);
        let (part, percent, base) = parts(&got[0]);
        assert_eq!(part.quantity.raw, "3895.53万元");
        assert_eq!(percent, "99%");
        assert_eq!(
            base,
            &ShareBase::Named {
                label: "本年支出".into(),
                concept: Some(Concept {
                    scope: Scope::All,
                    item: Item::Expenditure
                })
            }
        );
    }

    #[test]
    fn a_base_implied_by_the_breakdown() {
        let got = read(
            "本年支出合计3926.89万元,其中:基本支出732万元,占18.6%;项目支出3194.89万元,占81.4%。",
        );
        assert_eq!(got.len(), 2);
        let (part, percent, base) = parts(&got[1]);
        assert_eq!(part.subject, "项目支出");
        assert_eq!(percent, "81.4%");
        let ShareBase::Total(total) = base else {
            panic!("not a total: {base:?}")
        };
        assert_eq!(total.quantity.raw, "3926.89万元");
        assert_eq!(total.subject, "本年支出合计");
    }

    #[test]
    fn a_share_with_no_part_before_it_is_no_claim() {
        assert_eq!(read("占本年支出的99%。"), []);
        let lone = read("其他收入31.36万元,占0.8%。");
        assert_eq!(
            parts(&lone[0]).2,
            &ShareBase::Named {
                label: String::new(),
                concept: None
            }
        );
        assert_eq!(
            base_label(&"本年支出的比重为".chars().collect::<Vec<_>>()),
            "本年支出"
        );
    }
}
