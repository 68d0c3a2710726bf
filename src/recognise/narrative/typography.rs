//! Typography an auditor flags in a published text: a punctuation mark doubled (“。。”, “，，”)
//! and a quotation mark that is opened and never closed, or closed and never opened. Marks are
//! paired within a passage: paragraphs that run on into the next one (the last does not end a
//! sentence) are one passage, so a line break inside a pair of quotes never counts against it,
//! whichever way a copy of the text breaks its lines.

use crate::model::narrative::{Claim, Slip};

use super::sentences::Text;

/// Marks that are never printed twice in a row in good text. The ellipsis (……) and the dash
/// (——) are printed doubled on purpose and are not among them.
const DOUBLED: &[char] = &['。', '，', '；', '：', '、', '！', '？', ',', ';'];

/// Marks a paragraph ends with when its sentence is done; a paragraph ending otherwise runs on.
const PASSAGE_ENDS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '：', ':'];

/// A slip and the characters [start, end) of its paragraph it stands on.
type Found = (Slip, usize, usize);

/// Every slip of every paragraph, in text order.
pub fn claims(text: &Text) -> Vec<Claim> {
    let mut slips: Vec<Vec<Found>> = text.paragraphs.iter().map(|p| doubled(&p.chars)).collect();
    for (paragraph, slip) in passages(text).iter().flat_map(|p| p.unbalanced_quotes()) {
        slips[paragraph].push(slip);
    }
    let mut out = Vec::new();
    for (paragraph, mut found) in slips.into_iter().enumerate() {
        found.sort_by_key(|&(_, a, _)| a);
        let chars = &text.paragraphs[paragraph].chars;
        for (slip, a, b) in touching_joined(found) {
            out.push(Claim::Typography {
                slip,
                text: chars[a..b].iter().collect(),
                span: text.span(paragraph, a, b),
                sentence: text.sentence_of(paragraph, a),
            });
        }
    }
    out
}

/// Paragraphs read as one for pairing quotation marks: each character with its paragraph and
/// its place there.
struct Passage {
    chars: Vec<(char, usize, usize)>,
}

/// The passages of a text: a paragraph that does not end a sentence runs on into the next.
fn passages(text: &Text) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut runs_on = false;
    for (i, p) in text.paragraphs.iter().enumerate() {
        let placed = p.chars.iter().enumerate().map(|(j, &c)| (c, i, j));
        match out.last_mut() {
            Some(last) if runs_on => last.chars.extend(placed),
            _ => out.push(Passage {
                chars: placed.collect(),
            }),
        }
        let last = p.chars.iter().rev().find(|c| !c.is_whitespace());
        runs_on = last.is_some_and(|c| !PASSAGE_ENDS.contains(c));
    }
    out
}

impl Passage {
    /// Curly quotation marks (“ ” and ‘ ’) that find no partner in the passage: a closing mark
    /// with none open, and the opening marks still open at its end; by paragraph and place.
    fn unbalanced_quotes(&self) -> Vec<(usize, Found)> {
        let mut out = Vec::new();
        for (open, close) in [('“', '”'), ('‘', '’')] {
            let mut opened: Vec<(usize, usize)> = Vec::new();
            for &(c, paragraph, at) in &self.chars {
                if c == open {
                    opened.push((paragraph, at));
                } else if c == close && opened.pop().is_none() {
                    out.push((paragraph, (Slip::UnbalancedQuote, at, at + 1)));
                }
            }
            out.extend(
                opened
                    .into_iter()
                    .map(|(paragraph, at)| (paragraph, (Slip::UnbalancedQuote, at, at + 1))),
            );
        }
        out
    }
}

/// Slips of one kind that touch are one slip: “医联体”“医共体” printed without its first and
/// last marks leaves ”“ in the middle, one place to correct, not two.
fn touching_joined(slips: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(slips.len());
    for (slip, a, b) in slips {
        match out.last_mut() {
            Some(last) if last.0 == slip && last.2 == a => last.2 = b,
            _ => out.push((slip, a, b)),
        }
    }
    out
}

/// Runs of one mark printed two or more times: (slip, start, end) in the paragraph.
fn doubled(chars: &[char]) -> Vec<Found> {
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
    fn a_pair_of_quotes_cut_by_a_paragraph_break_is_a_pair() {
        // A copy of the real 规划和自然资源局 决算 breaks its line inside “事业收入”.
        let text =
            "四、其他收入：指单位取得的除“财政拨款收入”、“事业收\n入”、“经营收入”等以外的收入。";
        assert_eq!(found(text), vec![]);
        // Past the end of a sentence the pair is broken.
        let text = "指“事业收。\n入”。";
        assert_eq!(found(text).len(), 2);
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
