//! Placeholders: a template sentence left unfilled — “XX万元”, “截止到日”, “增长（下降）”,
//! “大于（小于）”, “为万元”, “占%”, a reason announced and not given (“主要原因是。”), an amount
//! left out (“支出 万元”).

use std::sync::OnceLock;

use regex::Regex;

use crate::model::narrative::Claim;

use super::sentences::Text;

/// The patterns of a template left unfilled. Where a pattern needs a character around the
/// placeholder, the placeholder itself is its group `p`.
const PATTERNS: &[&str] = &[
    r"(截至|截止到|截止至|截止)\s*日",
    r"(^|[^0-9])\s年\s*月\s*日",
    r"(?:^|[^A-Za-z])(?P<p>[XＸ×]{2,}|[xｘ]{2,})(?:[\p{Han}%％]|$)",
    r"(增加|增长|上升)[（(](减少|下降|降低)[）)]|(减少|下降|降低)[（(](增加|增长|上升)[）)]",
    r"(大于|小于|等于)[（(](大于|小于|等于)[）)]",
    r"(为|计|达|合计)\s*(万元|亿元)",
    r"占\s*[%％]",
    // A reason announced and not given: “主要原因是。”, “原因为：；”.
    r"原因(?:是|为|主要是)?\s*[:：]?\s*[。；;]",
    // An amount left out between its subject and its unit: “支出 万元”.
    r"\p{Han}(?P<p>\s+(?:万元|亿元))",
];

fn patterns() -> &'static [Regex] {
    static RE: OnceLock<Vec<Regex>> = OnceLock::new();
    RE.get_or_init(|| PATTERNS.iter().filter_map(|p| Regex::new(p).ok()).collect())
}

/// Every placeholder of every paragraph, pattern by pattern.
pub fn claims(text: &Text) -> Vec<Claim> {
    let mut out = Vec::new();
    for (paragraph, p) in text.paragraphs.iter().enumerate() {
        let line = p.text();
        for re in patterns() {
            for cap in re.captures_iter(&line) {
                // The placeholder itself, without the character the pattern needed around it.
                let Some(m) = cap.name("p").or_else(|| cap.get(0)) else {
                    continue;
                };
                let a = line[..m.start()].chars().count();
                let b = a + m.as_str().chars().count();
                out.push(Claim::Placeholder {
                    text: m.as_str().to_string(),
                    span: text.span(paragraph, a, b),
                    sentence: text.sentence_of(paragraph, a),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::TextDoc;
    use crate::recognise::narrative::rejoin::rejoin;

    fn found(source: &str) -> Vec<(String, String, usize)> {
        let doc = TextDoc::new("说明.txt", source.to_string());
        claims(&Text::cut(&doc, rejoin(source)))
            .into_iter()
            .map(|c| match c {
                Claim::Placeholder {
                    text,
                    span,
                    sentence,
                } => {
                    let at = source.chars().skip(span.0).take(span.1 - span.0).collect();
                    (text, at, sentence)
                }
                other => panic!("not a placeholder: {other:?}"),
            })
            .collect()
    }

    fn row(text: &str, sentence: usize) -> (String, String, usize) {
        (text.into(), text.into(), sentence)
    }

    #[test]
    fn blanks_of_the_reference_narrative_and_of_templates() {
        assert_eq!(
            found("截止到日,谯城区人社局共有车辆2辆。"),
            [row("截止到日", 0)]
        );
        assert_eq!(
            found("本年收入XX万元。与上年相比增长（下降）5%，支出为万元，占%。"),
            [
                row("XX", 0),
                row("增长（下降）", 1),
                row("为万元", 1),
                row("占%", 1),
            ]
        );
    }

    #[test]
    fn a_reason_or_an_amount_left_out() {
        assert_eq!(
            found("基本支出比上年减少13.29万元，主要原因是。项目支出 万元。"),
            [row("原因是。", 0), row(" 万元", 1)]
        );
        // A reason given after the colon, or a list of reasons on the lines after it, is filled.
        assert_eq!(
            found("主要原因是：人员减少。其他原因：\n1.退休人员增加。"),
            []
        );
    }

    #[test]
    fn filled_figures_and_codes_are_no_placeholders() {
        assert_eq!(
            found("截至2016年12月31日，本年收入3997.99万元，占99.2%。"),
            []
        );
        assert_eq!(found("项目编号ABXX01。"), []);
    }
}
