//! Balances: income + opening = expenditure + closing, when one sentence states all four in
//! that order. In such a sentence “支出总计” can only mean the year's spending, and the scope of
//! one figure is the scope of all four, so the balance settles their concepts — for its own
//! claim and the amounts after it, not for the breakdowns, shares and changes read before.

use crate::model::narrative::{Claim, Concept, Item, Scope};

use super::annotation::AnnotatedText;
use super::breakdowns::Breakdowns;

/// The balances of the text and the concepts they settle.
pub struct Balances {
    claims: Vec<Claim>,
    /// Figures whose concept a balance settled, with that concept.
    settled: Vec<(usize, Concept)>,
}

/// The four figures of a balance, as indices into [`AnnotatedText::figures`].
struct Four {
    income: usize,
    opening: usize,
    expenditure: usize,
    closing: usize,
}

impl Balances {
    /// Looks for a balance in every sentence, by the concepts the breakdowns left.
    pub fn find(text: &AnnotatedText, breakdowns: &Breakdowns) -> Balances {
        let mut balances = Balances {
            claims: Vec::new(),
            settled: Vec::new(),
        };
        for sentence in 0..text.text.sentences.len() {
            let Some(four) = four(text, breakdowns, sentence) else {
                continue;
            };
            let fiscal = [four.income, four.opening, four.expenditure, four.closing]
                .iter()
                .any(|&i| {
                    breakdowns
                        .concept(i)
                        .is_some_and(|c| c.scope == Scope::Fiscal)
                });
            let scope = if fiscal { Scope::Fiscal } else { Scope::All };
            let mut mention = |figure: usize, item: Item| {
                let concept = Concept { scope, item };
                balances.settled.push((figure, concept.clone()));
                text.figures[figure].mention(Some(concept))
            };
            let claim = Claim::Balance {
                income: mention(four.income, Item::Income),
                opening: mention(four.opening, Item::Opening),
                expenditure: mention(four.expenditure, Item::Expenditure),
                closing: mention(four.closing, Item::Closing),
            };
            balances.claims.push(claim);
        }
        balances
    }

    /// One claim per balance, in sentence order.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The concept of a figure once balances have settled it.
    pub fn concept<'a>(&'a self, breakdowns: &'a Breakdowns, figure: usize) -> Option<&'a Concept> {
        match self.settled.iter().find(|(i, _)| *i == figure) {
            Some((_, concept)) => Some(concept),
            None => breakdowns.concept(figure),
        }
    }
}

/// The first stated income, opening, expenditure (or grand total) and closing of a sentence,
/// when it has all four in that order.
fn four(text: &AnnotatedText, breakdowns: &Breakdowns, sentence: usize) -> Option<Four> {
    let stated: Vec<usize> = (0..text.figures.len())
        .filter(|&i| text.figures[i].sentence == sentence && text.figures[i].stated())
        .collect();
    let find = |items: &[Item]| {
        stated.iter().copied().find(|&i| {
            breakdowns
                .concept(i)
                .is_some_and(|c| items.contains(&c.item))
        })
    };
    let four = Four {
        income: find(&[Item::Income])?,
        opening: find(&[Item::Opening])?,
        expenditure: find(&[Item::Expenditure, Item::GrandTotal])?,
        closing: find(&[Item::Closing])?,
    };
    (four.income < four.opening
        && four.opening < four.expenditure
        && four.expenditure < four.closing)
        .then_some(four)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::narrative::annotation::tests::annotated;

    fn read(text: &str) -> (Vec<Claim>, Vec<Option<Concept>>) {
        let text = annotated(text);
        let breakdowns = Breakdowns::find(&text);
        let balances = Balances::find(&text, &breakdowns);
        let concepts = (0..text.figures.len())
            .map(|i| balances.concept(&breakdowns, i).cloned())
            .collect();
        (balances.claims().to_vec(), concepts)
    }

    fn all(item: Item) -> Option<Concept> {
        Some(Concept {
            scope: Scope::All,
            item,
        })
    }

    #[test]
    fn the_reference_sentence_balances_and_its_grand_total_is_the_years_spending() {
        let (claims, concepts) = read("2016年度收入3997.99万元,上年结转结余2.6万元,支出总计3926.89万元,年末结转结余73.7万元。与2015年相比,收、支出总计增加1116.9万元,增长38.7%。");
        let [Claim::Balance {
            income,
            opening,
            expenditure,
            closing,
        }] = claims.as_slice()
        else {
            panic!("not one balance: {claims:#?}")
        };
        assert_eq!(income.quantity.raw, "3997.99万元");
        assert_eq!(opening.quantity.raw, "2.6万元");
        assert_eq!(expenditure.quantity.raw, "3926.89万元");
        assert_eq!(expenditure.subject, "支出总计");
        assert_eq!(expenditure.concept, all(Item::Expenditure));
        assert_eq!(closing.quantity.raw, "73.7万元");
        assert_eq!(concepts[2], all(Item::Expenditure));
        assert_eq!(concepts[3], all(Item::Closing));
    }

    #[test]
    fn figures_out_of_order_are_no_balance() {
        let (claims, concepts) =
            read("年末结转结余73.7万元,2016年度收入3997.99万元,上年结转结余2.6万元,支出总计3926.89万元。");
        assert_eq!(claims, []);
        assert_eq!(concepts[3], all(Item::GrandTotal));
    }
}
