//! Years named in words that say which year they must be: the title of the disclosure
//! (“2024年度部门决算”), a balance date at a year's end (“截至2024年12月31日”) and the year a
//! figure is compared with (“与2023年度相比”). A text copied from last year's shows itself here.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::narrative::{Claim, YearSaid};

use super::sentences::Text;

/// The wordings, each with what it makes of its year (the group `y`). Spaces are allowed
/// wherever PDF text puts them (“与 2023 年度相比”).
const WORDINGS: &[(&str, YearSaid)] = &[
    (
        r"(?P<y>20\d\d)\s*年度?\s*(?:部门|单位)\s*决算",
        YearSaid::FinalAccountTitle,
    ),
    (
        r"(?P<y>20\d\d)\s*年度?\s*(?:部门|单位)\s*预算",
        YearSaid::BudgetTitle,
    ),
    (
        r"(?:截至|截止到|截止至|截止)\s*(?P<y>20\d\d)\s*年\s*(?:12\s*月\s*31\s*日|底|末)",
        YearSaid::YearEnd,
    ),
    (
        r"(?:与|比|较)\s*(?P<y>20\d\d)\s*年度?\s*(?:相比|比较|同期|增加|减少|增长|下降|持平|预算|决算|执行)",
        YearSaid::ComparedWith,
    ),
];

fn wordings() -> &'static [(Regex, YearSaid)] {
    static RE: OnceLock<Vec<(Regex, YearSaid)>> = OnceLock::new();
    RE.get_or_init(|| {
        WORDINGS
            .iter()
            .filter_map(|(p, said)| Regex::new(p).ok().map(|re| (re, *said)))
            .collect()
    })
}

/// Every year so worded, paragraph by paragraph, in text order.
pub fn claims(text: &Text) -> Vec<Claim> {
    let mut out = Vec::new();
    for (paragraph, p) in text.paragraphs.iter().enumerate() {
        let line = p.text();
        let mut found: Vec<(usize, Claim)> = Vec::new();
        for (re, said) in wordings() {
            for cap in re.captures_iter(&line) {
                let (Some(whole), Some(year)) = (cap.get(0), cap.name("y")) else {
                    continue;
                };
                let Ok(year) = year.as_str().parse() else {
                    continue;
                };
                let a = line[..whole.start()].chars().count();
                let b = a + whole.as_str().chars().count();
                let claim = Claim::Year {
                    year,
                    said: *said,
                    text: whole.as_str().to_string(),
                    span: text.span(paragraph, a, b),
                    sentence: text.sentence_of(paragraph, a),
                };
                found.push((a, claim));
            }
        }
        found.sort_by_key(|(a, _)| *a);
        out.extend(found.into_iter().map(|(_, c)| c));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::TextDoc;
    use crate::recognise::narrative::rejoin::rejoin;

    fn found(source: &str) -> Vec<(i32, YearSaid, String)> {
        let doc = TextDoc::new("说明.txt", source.to_string());
        claims(&Text::cut(&doc, rejoin(source)))
            .into_iter()
            .map(|c| match c {
                Claim::Year {
                    year, said, span, ..
                } => (
                    year,
                    said,
                    source.chars().skip(span.0).take(span.1 - span.0).collect(),
                ),
                other => panic!("not a year: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn the_wordings_of_the_putuo_final_accounts() {
        let text = "上海市普陀区财政局2024年度部门决算\n截至2024年12月31日，本部门共有车辆2辆。与2023年度相比，收入支出总计减少56.95万元。比 2023 年度减少 13.29万元。";
        assert_eq!(
            found(text),
            vec![
                (2024, YearSaid::FinalAccountTitle, "2024年度部门决算".into()),
                (2024, YearSaid::YearEnd, "截至2024年12月31日".into()),
                (2023, YearSaid::ComparedWith, "与2023年度相比".into()),
                (2023, YearSaid::ComparedWith, "比 2023 年度减少".into()),
            ]
        );
    }

    #[test]
    fn the_wordings_of_a_budget() {
        let text = "普陀区商务委员会2025年部门预算\n财政拨款收入比2024年预算增加24万元。截至2024年8月31日，共有车辆1辆。";
        assert_eq!(
            found(text),
            vec![
                (2025, YearSaid::BudgetTitle, "2025年部门预算".into()),
                (2024, YearSaid::ComparedWith, "比2024年预算".into()),
            ]
        );
    }

    #[test]
    fn years_in_other_wordings_say_nothing_of_which_year_they_must_be() {
        assert_eq!(
            found("2016年12月起执行新标准，2023年度结转项目2个。"),
            vec![]
        );
    }
}
