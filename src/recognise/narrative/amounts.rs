//! Amounts: every figure the text states of its subject (and every budget figure), with the
//! concept it ends up with once breakdowns and balances have settled it.

use crate::model::narrative::Claim;

use super::annotation::{AnnotatedText, Role};
use super::balances::Balances;
use super::breakdowns::Breakdowns;

/// One claim per stated or budget figure, in text order.
pub fn claims(text: &AnnotatedText, breakdowns: &Breakdowns, balances: &Balances) -> Vec<Claim> {
    text.figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.stated() || f.role == Role::Budget)
        .map(|(i, f)| Claim::Amount {
            mention: f.mention(balances.concept(breakdowns, i).cloned()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::narrative::{Concept, Item, Scope};
    use crate::recognise::narrative::annotation::tests::annotated;

    #[test]
    fn stated_figures_with_settled_concepts() {
        let text = annotated("2016年度财政拨款收入3966.63万元,年初财政拨款结转和结余2.6万元,支出总计3895.53万元,年末财政拨款结转和结余73.7万元,增长40%。");
        let breakdowns = Breakdowns::find(&text);
        let balances = Balances::find(&text, &breakdowns);
        let got: Vec<(String, Option<Concept>)> = claims(&text, &breakdowns, &balances)
            .into_iter()
            .filter_map(|c| match c {
                Claim::Amount { mention } => Some((mention.quantity.raw, mention.concept)),
                _ => None,
            })
            .collect();
        let fiscal = |item| {
            Some(Concept {
                scope: Scope::Fiscal,
                item,
            })
        };
        assert_eq!(
            got,
            [
                ("3966.63万元".to_string(), fiscal(Item::Income)),
                ("2.6万元".to_string(), fiscal(Item::Opening)),
                ("3895.53万元".to_string(), fiscal(Item::Expenditure)),
                ("73.7万元".to_string(), fiscal(Item::Closing)),
            ]
        );
    }
}
