//! Typography an auditor flags in a published text: a punctuation mark doubled (“。。”, “，，”)
//! and a quotation mark that is opened and never closed, or closed and never opened, within its
//! paragraph. Both are read on the rejoined paragraphs, so a line break inside a pair of quotes
//! does not count against it.

use crate::model::narrative::{Claim, Slip};

use super::sentences::Text;

/// Marks that are never printed twice in a row in good text. The ellipsis (……) and the dash
/// (——) are printed doubled on purpose and are not among them.
const DOUBLED: &[char] = &['。', '，', '；', '：', '、', '！', '？', ',', ';'];

/// Every slip of every paragraph, paragraph by paragraph, in text order.
pub fn claims(text: &Text) -> Vec<Claim> {
    let mut out = Vec::new();
    for (paragraph, p) in text.paragraphs.iter().enumerate() {
        let mut slips: Vec<(Slip, usize, usize)> = doubled(&p.chars);
        slips.extend(unbalanced_quotes(&p.chars));
        slips.sort_by_key(|&(_, a, _)| a);
        for (slip, a, b) in touching_joined(slips) {
            out.push(Claim::Typography {
                slip,
                text: p.chars[a..b].iter().collect(),
                span: text.span(paragraph, a, b),
                sentence: text.sentence_of(paragraph, a),
            });
        }
    }
    out
}

/// Slips of one kind that touch are one slip: “医联体”“医共体” printed without its first and
/// last marks leaves ”“ in the middle, one place to correct, not two.
fn touching_joined(slips: Vec<(Slip, usize, usize)>) -> Vec<(Slip, usize, usize)> {
    let mut out: Vec<(Slip, usize, usize)> = Vec::with_capacity(slips.len());
    for (slip, a, b) in slips {
        match out.last_mut() {
            Some(last) if last.0 == slip && last.2 == a => last.2 = b,
            _ => out.push((slip, a, b)),
        }
    }
    out
}

/// Runs of one mark printed two or more times: (slip, start, end) in the paragraph.
fn doubled(chars: &[char]) -> Vec<(Slip, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|&&c| c == chars[i]).count();
        if run >= 2 && DOUBLED.contains(&chars[i]) {
            out.push((Slip::DoubledPunctuation, i, i + run));
        }
        i += run;
    }
    out
}

/// Curly quotation marks (“ ” and ‘ ’) that find no partner in their paragraph: a closing mark
/// with none open, and the opening marks still open at the paragraph's end.
fn unbalanced_quotes(chars: &[char]) -> Vec<(Slip, usize, usize)> {
    let mut out = Vec::new();
    for (open, close) in [('“', '”'), ('‘', '’')] {
        let mut opened: Vec<usize> = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            if c == open {
                opened.push(i);
            } else if c == close && opened.pop().is_none() {
                out.push((Slip::UnbalancedQuote, i, i + 1));
            }
        }
        out.extend(
            opened
                .into_iter()
                .map(|i| (Slip::UnbalancedQuote, i, i + 1)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::TextDoc;
    use crate::recognise::narrative::rejoin::rejoin;

    /// (slip, the characters at fault as the source prints them, sentence).
    fn found(source: &str) -> Vec<(Slip, String, usize)> {
        let doc = TextDoc::new("说明.txt", source.to_string());
        claims(&Text::cut(&doc, rejoin(source)))
            .into_iter()
            .map(|c| match c {
                Claim::Typography {
                    slip,
                    text,
                    span,
                    sentence,
                } => {
                    let at: String = source.chars().skip(span.0).take(span.1 - span.0).collect();
                    assert_eq!(at, text, "the span points at what was found");
                    (slip, text, sentence)
                }
                other => panic!("not typography: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn doubled_marks_are_found_with_their_span() {
        let text =
            "本年收入合计3997.99万元。。其中：财政拨款收入3966.63万元，，其他收入31.36万元。";
        assert_eq!(
            found(text),
            vec![
                (Slip::DoubledPunctuation, "。。".into(), 0),
                (Slip::DoubledPunctuation, "，，".into(), 2),
            ]
        );
    }

    #[test]
    fn ellipses_dashes_and_single_marks_are_good_text() {
        let text = "主要用于以下方面：……——一般公共服务支出（类）2106.66万元，占71.73%；“三公”经费0.26万元。";
        assert_eq!(found(text), vec![]);
    }

    #[test]
    fn marks_that_touch_are_one_slip() {
        let text = "医联体”“医共体建设处于初级阶段。";
        assert_eq!(found(text), vec![(Slip::UnbalancedQuote, "”“".into(), 0)]);
    }

    #[test]
    fn a_quotation_mark_left_open_or_closed_alone_is_found() {
        let text = "“三公经费支出0.26万元。\n公务接待费”0.26万元。\n“三公”经费0.26万元。";
        assert_eq!(
            found(text),
            vec![
                (Slip::UnbalancedQuote, "“".into(), 0),
                (Slip::UnbalancedQuote, "”".into(), 1),
            ]
        );
    }
}
