//! The rejoined text cut into paragraphs and sentences, with the way back from a place in a
//! paragraph to the characters of the original text, and the shapes of paragraphs the passes
//! look for (a numbered item, a heading).

use std::ops::Range;

use crate::model::narrative::Sentence;
use crate::read::text::TextDoc;

use super::lexicon::{CHINESE_NUMERALS, SENTENCE_ENDS};
use super::rejoin::Joined;

/// One paragraph of the rejoined text (one line of it).
pub struct Paragraph {
    /// Offset of the paragraph's first character in the rejoined text.
    at: usize,
    /// The paragraph's characters, without its line end.
    pub chars: Vec<char>,
}

impl Paragraph {
    /// The paragraph as a string.
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Characters [a, b) of the paragraph, cut to its length.
    pub fn slice(&self, a: usize, b: usize) -> String {
        self.chars[a.min(self.chars.len())..b.min(self.chars.len())]
            .iter()
            .collect()
    }
}

/// Where a sentence stands: its paragraph and its characters [start, end) in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentencePlace {
    /// The index of the paragraph.
    pub paragraph: usize,
    /// The sentence's first character in the paragraph.
    pub start: usize,
    /// One past its last character (its end mark, if any).
    pub end: usize,
}

/// The text in paragraphs and sentences.
pub struct Text {
    /// The original offset of each character of the rejoined text.
    origin: Vec<usize>,
    /// The paragraphs, one per line of the rejoined text.
    pub paragraphs: Vec<Paragraph>,
    /// The sentences as the narrative gives them out, in order.
    pub sentences: Vec<Sentence>,
    /// Where each of `sentences` stands, by the same index.
    pub places: Vec<SentencePlace>,
}

impl Text {
    /// Cuts rejoined text into paragraphs (at line ends) and sentences (at sentence ends and
    /// paragraph ends). Blank sentences are left out.
    pub fn cut(doc: &TextDoc, joined: Joined) -> Text {
        let paragraphs = pieces(&joined.text, |c| c == '\n')
            .into_iter()
            .map(|r| Paragraph {
                at: r.start,
                chars: joined.text[r].to_vec(),
            })
            .collect();
        let mut text = Text {
            origin: joined.origin,
            paragraphs,
            sentences: Vec::new(),
            places: Vec::new(),
        };
        for paragraph in 0..text.paragraphs.len() {
            for (start, end) in sentence_bounds(&text.paragraphs[paragraph].chars) {
                let sentence = text.paragraphs[paragraph].slice(start, end);
                let sentence = sentence.trim();
                if sentence.is_empty() {
                    continue;
                }
                let span = text.span(paragraph, start, end);
                text.sentences.push(Sentence {
                    span,
                    text: sentence.to_string(),
                    page: doc.page_of(span.0),
                });
                text.places.push(SentencePlace {
                    paragraph,
                    start,
                    end,
                });
            }
        }
        text
    }

    /// The original offsets of characters [a, b) of a paragraph.
    pub fn span(&self, paragraph: usize, a: usize, b: usize) -> (usize, usize) {
        let at = self.paragraphs[paragraph].at;
        let first = self.origin.get(at + a).copied().unwrap_or(0);
        let last = self
            .origin
            .get(at + b.max(a + 1) - 1)
            .map_or(first, |o| o + 1);
        (first, last.max(first))
    }

    /// The sentence a character of a paragraph is in; the first one when it is in none (a blank).
    pub fn sentence_of(&self, paragraph: usize, pos: usize) -> usize {
        self.places
            .iter()
            .position(|p| p.paragraph == paragraph && p.start <= pos && pos < p.end)
            .unwrap_or(0)
    }
}

/// The pieces of `chars` between the characters that `cuts` at, the last running to the end.
pub fn pieces(chars: &[char], cuts: impl Fn(char) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if cuts(*c) {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..chars.len());
    out
}

/// Whether a character ends a sentence.
pub fn ends_sentence(c: char) -> bool {
    SENTENCE_ENDS.contains(&c)
}

/// The sentences of a paragraph as [start, end), each with its end mark, blank ones included.
fn sentence_bounds(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if ends_sentence(*c) || i + 1 == chars.len() {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    out
}

/// The number of a list item: (1) （1） 1、 1. 1．
pub fn item_number(text: &str) -> Option<u32> {
    let t = text.trim_start();
    let inner = t.trim_start_matches(['(', '（']);
    let digits: String = inner.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() {
        return None;
    }
    let rest = &inner[digits.len()..];
    let bracketed = t.starts_with(['(', '（']);
    let ok = if bracketed {
        rest.starts_with([')', '）'])
    } else {
        rest.starts_with(['、', '.', '．'])
    };
    ok.then(|| digits.parse().ok()).flatten()
}

/// A heading line: 一、 （一） 三、谯城区…
pub fn is_heading(line: &str) -> bool {
    let t = line.trim_start_matches(['(', '（']);
    let n = t
        .chars()
        .take_while(|c| CHINESE_NUMERALS.contains(*c))
        .count();
    n > 0
        && t.chars()
            .nth(n)
            .is_some_and(|c| matches!(c, '、' | ')' | '）'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::narrative::rejoin::rejoin;

    fn cut(text: &str) -> Text {
        let doc = TextDoc::new("说明.txt", text.to_string());
        Text::cut(&doc, rejoin(text))
    }

    #[test]
    fn sentences_end_at_full_stops_and_paragraph_ends() {
        let text = cut("(一)2016年度收入支出决算情况说明\n本年收入合计3997.99万元。与2015年相比，增长38.7%，主要原因：一是人员工资增加");
        let sentences: Vec<&str> = text.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            sentences,
            [
                "(一)2016年度收入支出决算情况说明",
                "本年收入合计3997.99万元。",
                "与2015年相比，增长38.7%，主要原因：一是人员工资增加",
            ]
        );
        assert_eq!(
            text.places[2],
            SentencePlace {
                paragraph: 1,
                start: 16,
                end: 46,
            }
        );
        assert_eq!(text.sentences[1].span, (20, 36));
        assert_eq!(text.sentence_of(1, 20), 2);
        assert_eq!(text.sentences[0].page, None);
    }

    #[test]
    fn spans_lead_back_to_the_original_text() {
        let original = "  本年支出合计3926.89万元。\n\n  基本支出732万元。";
        let text = cut(original);
        let (a, b) = text.sentences[1].span;
        let back: String = original.chars().skip(a).take(b - a).collect();
        assert_eq!(back, "基本支出732万元。");
        assert_eq!(text.span(1, 4, 10), (26, 32));
        assert_eq!(text.sentences[0].span, (2, 18));
    }

    #[test]
    fn pages_of_sentences() {
        let doc = TextDoc::new("说明.txt", "第一页。\u{c}第二页。".to_string());
        let text = Text::cut(&doc, rejoin(&doc.text));
        let pages: Vec<Option<u32>> = text.sentences.iter().map(|s| s.page).collect();
        assert_eq!(pages, [Some(1), Some(2)]);
    }

    #[test]
    fn items_and_headings() {
        assert_eq!(
            item_number("(2)&社会保障和就业&2016年度决算1756.67万元"),
            Some(2)
        );
        assert_eq!(item_number("（12）其他"), Some(12));
        assert_eq!(item_number("3、公务接待费"), Some(3));
        assert_eq!(
            item_number("5. 一般公共预算财政拨款收入支出决算公开表"),
            Some(5)
        );
        assert_eq!(item_number("2016年度收入3997.99万元"), None);
        assert_eq!(item_number("(3、其他"), None);
        assert!(is_heading("三、谯城区人社局2016年度部门决算说明"));
        assert!(is_heading("(八)、其他重要事项的情况说明"));
        assert!(!is_heading("一般公共服务"));
        assert!(!is_heading("(1)&一般公共服务&"));
    }

    #[test]
    fn pieces_keep_the_last_one() {
        let chars: Vec<char> = "甲\n乙丙\n".chars().collect();
        assert_eq!(pieces(&chars, |c| c == '\n'), [0..1, 2..4, 5..5]);
    }
}
