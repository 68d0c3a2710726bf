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

/// The unresolved alternatives, which a line break may cut (“增加（减\n少）”).
const ALTERNATIVES: &str =
    r"(增加|增长|上升)[（(](减少|下降|降低)[）)]|(减少|下降|降低)[（(](增加|增长|上升)[）)]";

/// How many characters either side of a line break an alternative may reach.
const BREAK_REACH: usize = 6;

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
    out.extend(across_breaks(text));
    out
}

/// Unresolved alternatives a line break cuts that the rejoining kept (a short line, a list
/// item): the end of one paragraph and the start of the next read as one.
fn across_breaks(text: &Text) -> Vec<Claim> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(re) = RE.get_or_init(|| Regex::new(ALTERNATIVES).ok()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (paragraph, pair) in text.paragraphs.windows(2).enumerate() {
        let (first, next) = (&pair[0].chars, &pair[1].chars);
        let from = first.len().saturating_sub(BREAK_REACH);
        let tail: String = first[from..].iter().collect();
        let head: String = next.iter().take(BREAK_REACH).collect();
        let joined = format!("{tail}{head}");
        for m in re.find_iter(&joined) {
            if m.start() >= tail.len() || m.end() <= tail.len() {
                continue;
            }
            let a = from + joined[..m.start()].chars().count();
            let b = joined[tail.len()..m.end()].chars().count();
            let start = text.span(paragraph, a, first.len()).0;
            let end = text.span(paragraph + 1, 0, b).1;
            out.push(Claim::Placeholder {
                text: m.as_str().to_string(),
                span: (start, end),
                sentence: text.sentence_of(paragraph, a),
            });
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
    fn an_alternative_cut_by_a_line_break() {
        let source = "（2）政府性基金收入预算0万元，与上年相比增加（减\n少）0万元。";
        let got = found(source);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "增加（减少）");
        assert_eq!(got[0].1, "增加（减\n少）");
        assert_eq!(
            found("与上年相比增加\n（减少）0万元。")[0].0,
            "增加（减少）"
        );
        assert_eq!(found("与上年相比增加。\n（一）减少0万元。"), []);
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
