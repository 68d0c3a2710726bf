//! Every figure of the text found once and annotated once: its place, its sentence, the label
//! before it, the part it plays in its sentence (an amount, a budget, a change, a share …) and the
//! concept its own label names. The passes after only read this; none changes it.

use crate::model::narrative::{Concept, Direction, Measure, Mention, Quantity, Sentence};

use super::concepts::concept;
use super::lexicon::{
    CLAUSE_STOPS, COMPLETION_WORDS, FALL_WORDS, LABEL_STOPS, RISE_TO, RISE_WORDS, SHARE_WORD,
};
use super::quantities::{self, Found};
use super::sentences::Text;
use crate::model::names::prose_label;
use crate::model::DocumentKind;

/// The part a figure plays in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A figure stated for its subject.
    Plain,
    /// 预算数 in a budget-execution sentence.
    Budget,
    /// 决算数 in a budget-execution sentence.
    Final,
    /// The amount of a change (“增加476.68万元”).
    Delta(Direction),
    /// The rate of a change (“增长37%”).
    Rate(Direction),
    /// “占X%”: the text between 占 and the number names the base, if any.
    Share,
    /// “完成年初预算的98.2%”.
    Completion,
    /// Any other percentage.
    OtherPercent,
}

/// A figure of the text with everything the claims need: where it is and what it is said of.
#[derive(Clone, Debug)]
pub struct Annotated {
    /// The number, its unit and its value.
    pub found: Found,
    /// The paragraph it stands in.
    pub paragraph: usize,
    /// Offsets of the number and its unit within the paragraph.
    pub start: usize,
    pub end: usize,
    /// The index of its sentence.
    pub sentence: usize,
    /// The label before the figure, as printed.
    pub subject: String,
    /// The part it plays in its sentence.
    pub role: Role,
    /// The concept the figure's own label names; a breakdown may give it the scope of its total.
    pub own_concept: Option<Concept>,
    /// Offsets of the number and its unit in the original text.
    pub span: (usize, usize),
}

impl Annotated {
    /// Money or a count, not a percentage.
    pub fn is_money_or_count(&self) -> bool {
        !matches!(self.found.measure, Measure::Percent)
    }

    /// A figure the text states of its subject (an amount, a 决算数), not a change or a budget.
    pub fn stated(&self) -> bool {
        matches!(self.role, Role::Plain | Role::Final) && self.is_money_or_count()
    }

    /// Both money (in any unit), or both the same other measure.
    pub fn same_family(&self, other: &Annotated) -> bool {
        match (&self.found.measure, &other.found.measure) {
            (Measure::Money(_), Measure::Money(_)) => true,
            (a, b) => a == b,
        }
    }

    /// The number as printed.
    pub fn quantity(&self) -> Quantity {
        Quantity {
            figure: self.found.figure(),
            measure: self.found.measure.clone(),
            span: self.span,
            raw: self.found.raw.clone(),
        }
    }

    /// The figure with its label, said to be of `concept`.
    pub fn mention(&self, concept: Option<Concept>) -> Mention {
        Mention {
            subject: self.subject.clone(),
            concept,
            quantity: self.quantity(),
            sentence: self.sentence,
        }
    }
}

/// The text with its figures, in the order they stand.
pub struct AnnotatedText {
    /// The paragraphs and sentences.
    pub text: Text,
    /// Every figure of the text, paragraph by paragraph.
    pub figures: Vec<Annotated>,
}

impl AnnotatedText {
    /// Finds and annotates the figures of every paragraph. In a budget the figures labelled
    /// 预算 are the ones it states (收入预算9101.68万元), not the 预算数 of an execution sentence.
    pub fn annotate(text: Text, kind: DocumentKind) -> AnnotatedText {
        let mut figures = Vec::new();
        for (paragraph, p) in text.paragraphs.iter().enumerate() {
            for found in quantities::find(&p.text()) {
                let (start, end) = (found.start, found.end);
                let subject = subject_before(&p.chars, start);
                let role = role(&p.chars, start, &found, &subject, kind);
                // A 决算数 in a budget-execution sentence is said of the item the sentence is
                // about, not of its label (“支出决算为1511.89万元” is not 本年支出).
                let own_concept = match role {
                    Role::Plain => concept(&subject, None),
                    _ => None,
                };
                figures.push(Annotated {
                    span: text.span(paragraph, start, end),
                    sentence: text.sentence_of(paragraph, start),
                    found,
                    paragraph,
                    start,
                    end,
                    subject,
                    role,
                    own_concept,
                });
            }
        }
        AnnotatedText { text, figures }
    }

    /// The indices of the figures of a paragraph.
    pub fn in_paragraph(&self, paragraph: usize) -> Vec<usize> {
        (0..self.figures.len())
            .filter(|&i| self.figures[i].paragraph == paragraph)
            .collect()
    }

    /// The characters of a paragraph.
    pub fn chars(&self, paragraph: usize) -> &[char] {
        &self.text.paragraphs[paragraph].chars
    }

    /// The sentences, for the narrative once every claim is read.
    pub fn into_sentences(self) -> Vec<Sentence> {
        self.text.sentences
    }
}

/// The label before a number: back to the last delimiter of the clause. Brackets are taken
/// whole (“因公出国（境）费”, “卫生健康支出（类）”); “收、支” stays one label.
pub fn subject_before(chars: &[char], pos: usize) -> String {
    let mut i = pos;
    let mut depth = 0usize;
    while i > 0 {
        let c = chars[i - 1];
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' if depth > 0 => depth -= 1,
            '(' | '（' => break,
            '、' if depth == 0 => {
                let joined = i >= 2 && chars[i - 2] == '收' && chars.get(i) == Some(&'支');
                if !joined {
                    break;
                }
            }
            c if depth == 0 && LABEL_STOPS.contains(&c) => break,
            _ => {}
        }
        i -= 1;
    }
    chars[i..pos].iter().collect::<String>().trim().to_string()
}

/// How many characters of direction word (and a 了) stand right before `pos`.
pub fn direction_word_len(chars: &[char], pos: usize) -> usize {
    let before: String = chars[pos.saturating_sub(4)..pos].iter().collect();
    let b = before.trim_end().trim_end_matches('了');
    let skipped = before.chars().count() - b.chars().count();
    RISE_WORDS
        .iter()
        .chain(FALL_WORDS)
        .filter(|w| b.ends_with(*w))
        .map(|w| w.chars().count() + skipped)
        .max()
        .unwrap_or(0)
}

/// The direction a word right before `start` gives the figure (“增加”, “降低了”), if any.
fn direction_before(chars: &[char], start: usize) -> Option<Direction> {
    let before: String = chars[start.saturating_sub(4)..start].iter().collect();
    let b = before.trim_end().trim_end_matches('了').trim_end();
    if RISE_WORDS.iter().any(|w| b.ends_with(w)) && !b.ends_with(RISE_TO) {
        Some(Direction::Up)
    } else if FALL_WORDS.iter().any(|w| b.ends_with(w)) {
        Some(Direction::Down)
    } else {
        None
    }
}

fn role(chars: &[char], start: usize, found: &Found, subject: &str, kind: DocumentKind) -> Role {
    let percent = matches!(found.measure, Measure::Percent);
    if let Some(direction) = direction_before(chars, start) {
        return if percent {
            Role::Rate(direction)
        } else {
            Role::Delta(direction)
        };
    }
    if percent {
        return percent_role(chars, start);
    }
    let s = prose_label(subject);
    if s.contains("决算") || s.ends_with("支出决算") {
        Role::Final
    } else if kind.is_budget() {
        Role::Plain
    } else if s.ends_with("预算") || s.ends_with("预算数") {
        // A label that ends in 预算 names a budget, whatever fund it names before
        // (“一般公共预算财政拨款支出年初预算为”, “三公经费财政拨款支出年初预算为”).
        Role::Budget
    } else if s.contains("预算") && !s.contains("财政拨款") && !s.starts_with("一般公共预算")
    {
        Role::Budget
    } else if subject.contains("决算为") || subject.ends_with("决算数为") {
        Role::Final
    } else {
        Role::Plain
    }
}

/// A percentage with no direction word: a share, a completion rate or another percentage. 占
/// may stand several characters before, with the base between: 占本年支出合计的99%.
fn percent_role(chars: &[char], start: usize) -> Role {
    let clause: String = chars[..start]
        .iter()
        .rev()
        .take_while(|c| !CLAUSE_STOPS.contains(c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if clause.contains(SHARE_WORD) {
        Role::Share
    } else if COMPLETION_WORDS.iter().any(|w| clause.contains(w)) {
        Role::Completion
    } else {
        Role::OtherPercent
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::model::narrative::{Item, Scope};
    use crate::read::text::TextDoc;
    use crate::recognise::narrative::rejoin::rejoin;

    /// The reference narrative of the samples.
    pub const QIAOCHENG: &str =
        include_str!("../../../samples/qiaocheng-hrss-2016/谯城区人社局-2016-决算说明.txt");

    /// A narrative read up to its annotated figures.
    pub fn annotated(text: &str) -> AnnotatedText {
        let doc = TextDoc::new("说明.txt", text.to_string());
        AnnotatedText::annotate(Text::cut(&doc, rejoin(text)), DocumentKind::FinalAccount)
    }

    /// The raw text, subject and role of every figure.
    fn roles(text: &str) -> Vec<(String, String, Role)> {
        annotated(text)
            .figures
            .into_iter()
            .map(|f| (f.found.raw, f.subject, f.role))
            .collect()
    }

    fn row(raw: &str, subject: &str, role: Role) -> (String, String, Role) {
        (raw.into(), subject.into(), role)
    }

    #[test]
    fn amounts_shares_and_changes() {
        let got = roles("2016年度财政拨款支出3895.53万元，占本年支出的99%。与2015年相比，财政拨款支出增加1067.33万元，增长38%。");
        assert_eq!(
            got,
            [
                row("3895.53万元", "2016年度财政拨款支出", Role::Plain),
                row("99%", "占本年支出的", Role::Share),
                row(
                    "1067.33万元",
                    "财政拨款支出增加",
                    Role::Delta(Direction::Up)
                ),
                row("38%", "增长", Role::Rate(Direction::Up)),
            ]
        );
    }

    #[test]
    fn budget_execution() {
        let got = roles("（一）社会保障和就业支出（类）年初预算为200万元，支出决算为180万元，完成年初预算的90%。住房保障支出比2015年减少了13.29万元。");
        assert_eq!(
            got,
            [
                row(
                    "200万元",
                    "（一）社会保障和就业支出（类）年初预算为",
                    Role::Budget
                ),
                row("180万元", "支出决算为", Role::Final),
                row("90%", "完成年初预算的", Role::Completion),
                row(
                    "13.29万元",
                    "住房保障支出比2015年减少了",
                    Role::Delta(Direction::Down)
                ),
            ]
        );
    }

    #[test]
    fn concepts_sentences_and_spans() {
        let text = annotated("本年收入合计3997.99万元，其中：财政拨款收入3966.63万元。\n因公出国（境）费0万元，共有车辆2辆。");
        let f = &text.figures;
        assert_eq!(
            f[0].own_concept,
            Some(Concept {
                scope: Scope::All,
                item: Item::Income
            })
        );
        assert_eq!(
            f[1].own_concept,
            Some(Concept {
                scope: Scope::Fiscal,
                item: Item::Income
            })
        );
        assert_eq!(f[1].subject, "财政拨款收入");
        assert_eq!(f[2].subject, "因公出国（境）费");
        assert_eq!(
            f[2].own_concept.as_ref().map(|c| &c.item),
            Some(&Item::OverseasTravel)
        );
        assert_eq!(f[3].found.measure, Measure::Count("辆".into()));
        assert_eq!(
            f.iter()
                .map(|f| (f.paragraph, f.sentence))
                .collect::<Vec<_>>(),
            [(0, 0), (0, 0), (1, 1), (1, 1)]
        );
        assert_eq!(f[1].span, (25, 34));
        assert_eq!(text.in_paragraph(1), [2, 3]);
    }

    #[test]
    fn labels_stop_at_their_clause() {
        let chars: Vec<char> = "与2015年相比，收、支出总计增加1116.9万元".chars().collect();
        assert_eq!(subject_before(&chars, 17), "收、支出总计增加");
        let chars: Vec<char> = "比2015年增加476.68万元".chars().collect();
        assert_eq!(direction_word_len(&chars, 8), 2);
        let chars: Vec<char> = "比2015年降低了19%".chars().collect();
        assert_eq!(direction_word_len(&chars, 9), 3);
    }

    #[test]
    fn a_label_ending_in_its_budget_names_a_budget_whatever_fund_comes_first() {
        // The real 2024 财政局 决算 (普陀区), p.21 and p.23.
        let got = roles("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元。“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元。");
        let budget: Vec<&str> = got
            .iter()
            .filter(|r| r.2 == Role::Budget)
            .map(|r| r.0.as_str())
            .collect();
        assert_eq!(budget, ["2993.92万元", "0.95万元"]);
        // The fund alone is no budget: it is the money the figure is of.
        let got = roles("一般公共预算财政拨款支出2940.05万元。");
        assert_eq!(got[0].2, Role::Plain);
    }
}
