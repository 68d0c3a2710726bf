//! Budget execution: “年初预算为A万元，支出决算为B万元，完成年初预算的X%。决算数小于预算数…” —
//! the budget, the final figure after it, the completion rate and the wording that compares
//! them, up to the next budget of the paragraph.

use crate::model::narrative::Claim;

use super::annotation::{AnnotatedText, Role};
use super::concepts::concept;
use super::lexicon::BUDGET_COMPARISONS;
use super::sentences::ends_sentence;

/// One claim per budget figure followed by its final figure.
pub fn claims(text: &AnnotatedText) -> Vec<Claim> {
    (0..text.figures.len())
        .filter_map(|i| budget(text, i))
        .collect()
}

fn budget(text: &AnnotatedText, at: usize) -> Option<Claim> {
    let figures = &text.figures;
    let budget = &figures[at];
    if budget.role != Role::Budget || !budget.is_money_or_count() {
        return None;
    }
    let paragraph = budget.paragraph;
    let next_budget = (at + 1..figures.len())
        .find(|&i| figures[i].paragraph != paragraph || figures[i].role == Role::Budget)
        .unwrap_or(figures.len());
    let final_ = (at + 1..next_budget).find(|&i| figures[i].role == Role::Final)?;
    let rate = (final_ + 1..next_budget).find(|&i| figures[i].role == Role::Completion);
    let chars = text.chars(paragraph);
    let until = match figures.get(next_budget) {
        Some(next) if next.paragraph == paragraph => next.start,
        _ => chars.len(),
    };
    let final_end = figures[final_].end;
    let after: String = chars[final_end..until].iter().collect();
    let wording = BUDGET_COMPARISONS.iter().find_map(|(word, comparison)| {
        after.find(word).map(|b| {
            let a = final_end + after[..b].chars().count();
            let span = text.text.span(paragraph, a, a + word.chars().count());
            (*comparison, span)
        })
    });
    let item_start = (0..budget.start)
        .rev()
        .find(|&i| ends_sentence(chars[i]))
        .map_or(0, |i| i + 1);
    let subject: String = chars[item_start..budget.start].iter().collect();
    Some(Claim::Budget {
        concept: concept(budgeted(&subject), None),
        subject: subject.trim().to_string(),
        budget: budget.quantity(),
        final_: figures[final_].quantity(),
        rate: rate.map(|r| figures[r].quantity()),
        wording,
        sentence: figures[final_].sentence,
    })
}

/// The item a budget label names, without the words that say it is a budget
/// (““三公”经费财政拨款支出年初预算为” → “三公”经费财政拨款支出).
fn budgeted(label: &str) -> &str {
    let l = label.trim().trim_end_matches('为');
    ["年初预算数", "年初预算", "预算数", "预算"]
        .iter()
        .find_map(|w| l.strip_suffix(w))
        .unwrap_or(l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::narrative::{Comparison, Item, Scope};
    use crate::recognise::narrative::annotation::tests::annotated;

    const BUDGET: &str =
        "（一）社会保障和就业支出（类）年初预算为200万元，支出决算为180万元，完成年初预算的90%。";

    #[test]
    fn budget_final_rate_and_wording() {
        let source = format!("{BUDGET}决算数小于预算数的主要原因：部分项目结转下年实施。");
        let got = claims(&annotated(&source));
        let [Claim::Budget {
            subject,
            concept,
            budget,
            final_,
            rate,
            wording: Some((comparison, span)),
            sentence,
        }] = got.as_slice()
        else {
            panic!("not one budget with wording: {got:#?}")
        };
        assert_eq!(subject, "（一）社会保障和就业支出（类）年初预算为");
        let class = concept.as_ref().map(|c| c.item.clone());
        assert_eq!(class, Some(Item::FunctionClass("208".into())));
        assert_eq!(budget.raw, "200万元");
        assert_eq!(final_.raw, "180万元");
        assert_eq!(rate.as_ref().map(|r| r.raw.as_str()), Some("90%"));
        assert_eq!(*comparison, Comparison::Less);
        let worded: String = source.chars().skip(span.0).take(span.1 - span.0).collect();
        assert_eq!(worded, "小于预算");
        assert_eq!(*sentence, 0);
    }

    #[test]
    fn without_wording_and_without_a_final_figure() {
        let got = claims(&annotated(BUDGET));
        assert!(matches!(
            got.as_slice(),
            [Claim::Budget { wording: None, .. }]
        ));
        assert_eq!(claims(&annotated("机关运行经费年初预算为120万元。")), []);
    }

    #[test]
    fn the_three_public_budget_names_its_item() {
        // The real 2024 财政局 决算 (普陀区), p.23.
        let got = claims(&annotated(
            "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%。",
        ));
        let [Claim::Budget {
            concept: Some(c), ..
        }] = got.as_slice()
        else {
            panic!("{got:#?}")
        };
        assert_eq!((c.scope, &c.item), (Scope::Fiscal, &Item::ThreePublicTotal));
    }
}
