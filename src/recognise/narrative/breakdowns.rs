//! Breakdowns: a stated total and the figures that are its parts — “A，其中：b1…、b2…” and
//! “分别为” within a paragraph, and a numbered list (1) (2) … under the total of the paragraph
//! before it. They are the only passes that build on each other: a list's total is recognised
//! by being the total of a 其中, and a part says whose money it is through its total (under
//! 财政拨款支出, 基本支出 is the appropriations' 基本支出), which settles the concept of every
//! figure the later claims copy.

use rust_decimal::Decimal;

use crate::model::narrative::{Claim, Concept, Item, Measure, Mention};

use super::annotation::{AnnotatedText, Role};
use super::concepts::concept;
use super::lexicon::{BREAKDOWN_MARKERS, LIST_INTRO_ENDINGS, LIST_OF_WHICH_ENDINGS};
use super::sentences::{ends_sentence, is_heading, item_number};
use crate::model::names::prose_label;

/// A total and its parts, as indices into [`AnnotatedText::figures`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakdown {
    /// The stated total.
    pub total: usize,
    /// The parts, in text order.
    pub parts: Vec<usize>,
    /// The parts are meant to be all of the total (by the wording, by shares that add up to
    /// 100%, or as a numbered list).
    pub exhaustive: bool,
}

/// Every breakdown of the text, and the concept of every figure once parts have taken the scope
/// of their totals.
pub struct Breakdowns {
    /// Those within a paragraph first, then the numbered lists.
    list: Vec<Breakdown>,
    /// By figure index.
    concepts: Vec<Option<Concept>>,
}

/// How often scopes are handed down: a part of a part takes its scope once its total has
/// taken one, and breakdowns are not in the order of that nesting.
const INHERITANCE_ROUNDS: usize = 3;

impl Breakdowns {
    /// Finds the breakdowns within paragraphs, then the numbered lists (which need them), then
    /// hands scopes down from totals to parts.
    pub fn find(text: &AnnotatedText) -> Breakdowns {
        let mut list = within_paragraphs(text);
        let lists = numbered_lists(text, &list);
        list.extend(lists);
        let concepts = inherit_scopes(text, &list);
        Breakdowns { list, concepts }
    }

    /// The concept of a figure, with the scope of its breakdown.
    pub fn concept(&self, figure: usize) -> Option<&Concept> {
        self.concepts[figure].as_ref()
    }

    /// A figure with its label and its concept.
    pub fn mention(&self, text: &AnnotatedText, figure: usize) -> Mention {
        text.figures[figure].mention(self.concepts[figure].clone())
    }

    /// The first breakdown a figure is a part of.
    pub fn of_part(&self, figure: usize) -> Option<&Breakdown> {
        self.list.iter().find(|b| b.parts.contains(&figure))
    }

    /// One claim per breakdown, in order.
    pub fn claims(&self, text: &AnnotatedText) -> Vec<Claim> {
        self.list
            .iter()
            .map(|b| Claim::Breakdown {
                total: self.mention(text, b.total),
                parts: b.parts.iter().map(|&p| self.mention(text, p)).collect(),
                exhaustive: b.exhaustive,
            })
            .collect()
    }
}

/// A breakdown word at a character position of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct MarkerAt {
    pos: usize,
    opens: bool,
    exhaustive: bool,
}

/// The breakdown words of a paragraph in order. “中：” right after 其 is the 其中's own.
fn markers(paragraph: &str, chars: &[char]) -> Vec<MarkerAt> {
    let mut markers = Vec::new();
    for marker in BREAKDOWN_MARKERS {
        let mut from = 0;
        while let Some(b) = paragraph[from..].find(marker.word) {
            let pos = paragraph[..from + b].chars().count();
            let of_which_word = !marker.opens && pos > 0 && chars[pos - 1] == '其';
            if !of_which_word {
                markers.push(MarkerAt {
                    pos,
                    opens: marker.opens,
                    exhaustive: marker.exhaustive,
                });
            }
            from += b + marker.word.len();
        }
    }
    markers.sort();
    markers
}

/// “A，其中：b1…、b2…” and “分别为” within one paragraph.
fn within_paragraphs(text: &AnnotatedText) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (paragraph, p) in text.text.paragraphs.iter().enumerate() {
        let line = p.text();
        let chars = &p.chars;
        let markers = markers(&line, chars);
        let figures = text.in_paragraph(paragraph);
        for (k, marker) in markers.iter().enumerate() {
            if !marker.opens {
                continue;
            }
            let mut next = markers.get(k + 1).map_or(chars.len(), |x| x.pos);
            // Parts stay in the 其中's sentence, except in a numbered item, whose parts are
            // often described one sentence each: “其中：&A&决算…。&B&决算…。”.
            if item_number(&line).is_none() {
                if let Some(end) = (marker.pos..chars.len()).find(|&i| ends_sentence(chars[i])) {
                    next = next.min(end + 1);
                }
            }
            let Some(total) = figures.iter().copied().rfind(|&i| {
                let f = &text.figures[i];
                f.end <= marker.pos && f.stated()
            }) else {
                continue;
            };
            let mut parts: Vec<usize> = figures
                .iter()
                .copied()
                .filter(|&i| {
                    let f = &text.figures[i];
                    f.start > marker.pos
                        && f.start < next
                        && f.stated()
                        && f.same_family(&text.figures[total])
                })
                .collect();
            if parts.is_empty() {
                continue;
            }
            let mut near = figures.clone();
            let last = !markers[k + 1..].iter().any(|m| m.opens);
            if last && line.trim_end().ends_with(['；', ';']) {
                let (more, seen) = continued_parts(text, paragraph, total);
                parts.extend(more);
                near.extend(seen);
            }
            let covered = covered_by_shares(text, &near, &parts);
            out.push(Breakdown {
                total,
                parts,
                exhaustive: marker.exhaustive || covered,
            });
        }
    }
    out
}

/// How many lines a 其中 may run on to, one part a line.
const MAX_CONTINUED: usize = 12;

/// “…合计18330.37万元，其中：基本支出9312.9万元，占50.81%；” and then one part a line, each
/// ending in ；, the last in 。: the parts on the lines after, and every figure of those lines.
/// A line that is not one part (a heading, a numbered item, none or several figures) ends them.
fn continued_parts(text: &AnnotatedText, from: usize, total: usize) -> (Vec<usize>, Vec<usize>) {
    let (mut parts, mut seen) = (Vec::new(), Vec::new());
    let paragraphs = &text.text.paragraphs;
    for q in (from + 1..paragraphs.len()).take(MAX_CONTINUED) {
        let line = paragraphs[q].text();
        let line = line.trim();
        let figures = text.in_paragraph(q);
        let stated: Vec<usize> = figures
            .iter()
            .copied()
            .filter(|&i| {
                text.figures[i].stated() && text.figures[i].same_family(&text.figures[total])
            })
            .collect();
        let own_breakdown = BREAKDOWN_MARKERS.iter().any(|m| line.contains(m.word));
        let ends = line.ends_with(['；', ';', '。']);
        if stated.len() != 1
            || is_heading(line)
            || item_number(line).is_some()
            || own_breakdown
            || !ends
        {
            break;
        }
        parts.push(stated[0]);
        seen.extend(figures);
        if line.ends_with('。') {
            break;
        }
    }
    (parts, seen)
}

/// Parts each followed by a share (“其他收入31.36万元，占0.8%”) that add up to 100% cover
/// their total.
fn covered_by_shares(text: &AnnotatedText, figures: &[usize], parts: &[usize]) -> bool {
    let shares: Vec<Decimal> = parts
        .iter()
        .filter_map(|&p| {
            let part_end = text.figures[p].end;
            figures
                .iter()
                .find(|&&s| {
                    let share = &text.figures[s];
                    share.paragraph == text.figures[p].paragraph
                        && share.role == Role::Share
                        && share.start > part_end
                        && share.start <= part_end + 3
                })
                .map(|&s| text.figures[s].found.value)
        })
        .collect();
    let hundred: Decimal = shares.iter().copied().sum();
    shares.len() == parts.len()
        && hundred >= Decimal::new(995, 1)
        && hundred <= Decimal::new(1005, 1)
}

/// A paragraph introducing a numbered list (“具体情况如下：”, “其中：” at its end), followed by
/// paragraphs (1) (2) … each giving one part of the stated total.
fn numbered_lists(text: &AnnotatedText, within: &[Breakdown]) -> Vec<Breakdown> {
    let mut out: Vec<Breakdown> = Vec::new();
    for (paragraph, p) in text.text.paragraphs.iter().enumerate() {
        let line = p.text();
        let line = line.trim_end();
        let lists_first_figure = LIST_INTRO_ENDINGS.iter().any(|e| line.ends_with(e));
        let lists_last_figure = LIST_OF_WHICH_ENDINGS.iter().any(|e| line.ends_with(e));
        if !lists_first_figure && !lists_last_figure {
            continue;
        }
        let stated: Vec<usize> = text
            .in_paragraph(paragraph)
            .into_iter()
            .filter(|&i| text.figures[i].stated())
            .collect();
        // “…如下：” lists the parts of the paragraph's first figure only when that figure is
        // the paragraph's whole (the total of its 其中, or its only figure); a paragraph of
        // parts followed by their details lists no total.
        let total = if lists_first_figure {
            stated
                .first()
                .copied()
                .filter(|&f| stated.len() == 1 || within.iter().chain(&out).any(|b| b.total == f))
        } else {
            stated.last().copied()
        };
        let Some(total) = total else { continue };
        let items = list_items(text, paragraph, lists_last_figure);
        let parts: Vec<usize> = items
            .iter()
            .filter_map(|item| item_part(text, item, total))
            .collect();
        // An item whose figure cannot be read (its text cut or out of order) leaves the parts
        // short of the whole: they are then no claim that they add up to it.
        if parts.len() >= 2 && !sections_of_another(text, &items, &parts, total) {
            out.push(Breakdown {
                total,
                exhaustive: parts.len() == items.len(),
                parts,
            });
        }
    }
    out
}

/// How many paragraphs one list item may run to.
const MAX_ITEM_PARAGRAPHS: usize = 6;

/// The items after an intro paragraph, each as its paragraphs: an item runs from its number to
/// the next number, a heading or a blank.
fn list_items(text: &AnnotatedText, intro: usize, of_which: bool) -> Vec<Vec<usize>> {
    let mut items: Vec<Vec<usize>> = Vec::new();
    // “(1) (2)” under “2．” end where “3．” resumes the list above them: a list keeps its style.
    let bracketed = |line: &str| line.trim_start().starts_with(['(', '（']);
    // Under “…其中：” the items may be numbered （一）（二）, which elsewhere open sections.
    let number = |line: &str| {
        item_number(line).or_else(|| of_which.then(|| chinese_item_number(line)).flatten())
    };
    let mut style = None;
    for paragraph in intro + 1..text.text.paragraphs.len() {
        let line = text.text.paragraphs[paragraph].text();
        let same_style = *style.get_or_insert(bracketed(&line)) == bracketed(&line);
        if same_style && number(&line) == Some(items.len() as u32 + 1) {
            items.push(vec![paragraph]);
        } else if items
            .last()
            .is_some_and(|it| it.len() < MAX_ITEM_PARAGRAPHS)
            && !is_heading(line.trim())
            && item_number(&line).is_none()
            && !line.trim().is_empty()
        {
            if let Some(it) = items.last_mut() {
                it.push(paragraph);
            }
        } else {
            break;
        }
    }
    items
}

/// Items numbered （一）（二） that are sections rather than parts: “…增加基本支出844.15万元。其中：
/// （一）收入预算总计13649.07万元 （二）支出预算总计13649.07万元” — an item larger than the figure
/// before them is not a part of it.
fn sections_of_another(
    text: &AnnotatedText,
    items: &[Vec<usize>],
    parts: &[usize],
    total: usize,
) -> bool {
    let chinese = items
        .first()
        .and_then(|it| it.first())
        .is_some_and(|&p| chinese_item_number(&text.text.paragraphs[p].text()).is_some());
    let whole = text.figures[total].found.value;
    chinese && parts.iter().any(|&p| text.figures[p].found.value > whole)
}

/// The number of an item “（一）” … “（九）”, “（十）”.
fn chinese_item_number(line: &str) -> Option<u32> {
    let inner = line.trim_start().strip_prefix(['(', '（'])?;
    let mut chars = inner.chars();
    let first = chars.next()?;
    let n = "一二三四五六七八九十".chars().position(|c| c == first)?;
    matches!(chars.next(), Some(')' | '）')).then_some(n as u32 + 1)
}

/// The figure an item gives as its part of the total: its 决算数, else its first figure of the
/// total's measure.
fn item_part(text: &AnnotatedText, item: &[usize], total: usize) -> Option<usize> {
    let candidates: Vec<usize> = item
        .iter()
        .flat_map(|&paragraph| text.in_paragraph(paragraph))
        .filter(|&i| {
            let f = &text.figures[i];
            f.stated() && f.same_family(&text.figures[total])
        })
        .collect();
    candidates
        .iter()
        .copied()
        .find(|&i| text.figures[i].role == Role::Final)
        .or(candidates.first().copied())
}

/// Parts say whose money they are through their total: under 财政拨款支出, 基本支出 is the
/// appropriations' 基本支出. A part the dictionary does not know is tied by its name.
fn inherit_scopes(text: &AnnotatedText, list: &[Breakdown]) -> Vec<Option<Concept>> {
    let mut concepts: Vec<Option<Concept>> =
        text.figures.iter().map(|f| f.own_concept.clone()).collect();
    for _ in 0..INHERITANCE_ROUNDS {
        for breakdown in list {
            let Some(scope) = concepts[breakdown.total].as_ref().map(|c| c.scope) else {
                continue;
            };
            for &p in &breakdown.parts {
                let part = &text.figures[p];
                let named = prose_label(&part.subject);
                concepts[p] = concept(&part.subject, Some(scope)).or_else(|| {
                    (!named.is_empty() && matches!(part.found.measure, Measure::Money(_)))
                        .then_some(Concept {
                            scope,
                            item: Item::Subject(named),
                        })
                });
            }
        }
    }
    concepts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::narrative::Scope;
    use crate::recognise::narrative::annotation::tests::{annotated, QIAOCHENG};

    /// Each breakdown as the raw text of its total and parts.
    fn raw(text: &AnnotatedText, breakdowns: &Breakdowns) -> Vec<(String, Vec<String>, bool)> {
        let figure = |i: usize| text.figures[i].found.raw.clone();
        breakdowns
            .list
            .iter()
            .map(|b| {
                let parts = b.parts.iter().map(|&p| figure(p)).collect();
                (figure(b.total), parts, b.exhaustive)
            })
            .collect()
    }

    fn breakdown(total: &str, parts: &[&str], exhaustive: bool) -> (String, Vec<String>, bool) {
        let parts = parts.iter().map(|p| p.to_string()).collect();
        (total.to_string(), parts, exhaustive)
    }

    #[test]
    fn a_breakdown_whose_shares_add_up_is_whole_and_one_without_is_partial() {
        let text = annotated("本年收入合计3997.99万元,其中:财政拨款收入3966.63万元,占99.2%;其他收入31.36万元,占0.8%。\n2016年度财政拨款基本支出700.65万元,其中人员经费595.28万元,主要包括:基本工资、津贴补贴;公共经费105.37万元,主要包括:办公费、印刷费。");
        let found = Breakdowns::find(&text);
        assert_eq!(
            raw(&text, &found),
            [
                breakdown("3997.99万元", &["3966.63万元", "31.36万元"], true),
                breakdown("700.65万元", &["595.28万元", "105.37万元"], false),
            ]
        );
    }

    #[test]
    fn respectively_is_whole_and_a_figure_of_the_next_sentence_is_no_part() {
        let text = annotated("“三公”经费支出12.5万元，分别为公务接待费2.5万元、公务用车运行维护费10万元。会议费3万元。");
        let found = Breakdowns::find(&text);
        assert_eq!(
            raw(&text, &found),
            [breakdown("12.5万元", &["2.5万元", "10万元"], true)]
        );
    }

    #[test]
    fn a_numbered_list_after_of_which_breaks_down_the_last_figure() {
        let text = annotated("本年收入合计2946.25万元，本年支出合计2940.05万元，其中：\n(1)基本支出2336.91万元，占79.49%。\n(2)项目支出603.14万元，占20.51%。\n二、收入决算情况说明");
        let found = Breakdowns::find(&text);
        assert_eq!(
            raw(&text, &found),
            [breakdown(
                "2940.05万元",
                &["2336.91万元", "603.14万元"],
                true
            )]
        );
        // 本年支出合计 is of all funds, and so are its parts.
        let basic = found.concept(2).cloned();
        assert_eq!(
            basic,
            Some(Concept {
                scope: Scope::All,
                item: Item::Basic
            })
        );
    }

    #[test]
    fn a_numbered_list_with_an_item_whose_figure_is_lost_is_partial() {
        // pdftotext -layout printed item 3's 决算数 above its line, out of the item.
        let text = annotated("本年支出合计2940.05万元，其中：\n(1)基本支出1511.89万元。\n(2)项目支出10.00万元。\n(3)委托业务支出，支出决算为\n(4)其他支出135.25万元。\n二、收入决算情况说明");
        let found = Breakdowns::find(&text);
        let (total, parts, whole) = &raw(&text, &found)[0];
        assert_eq!(
            (total.as_str(), parts.len(), *whole),
            ("2940.05万元", 3, false)
        );
    }

    #[test]
    fn the_reference_narrative_lists_its_classes_and_hands_down_the_scope() {
        let text = annotated(QIAOCHENG);
        let found = Breakdowns::find(&text);
        let all = raw(&text, &found);
        let list = breakdown(
            "3895.53万元",
            &[
                "62.76万元",
                "1756.67万元",
                "1886.76万元",
                "133万元",
                "56.34万元",
            ],
            true,
        );
        assert_eq!(all.last(), Some(&list));
        let medical = breakdown(
            "1886.76万元",
            &["1849.03万元", "14.49万元", "23.25万元"],
            false,
        );
        assert!(all.contains(&medical), "{all:#?}");
        // 行政单位医疗 is a part of a part of 财政拨款支出: its scope comes down two levels.
        let at = |raw: &str| text.figures.iter().position(|f| f.found.raw == raw);
        let hospital = at("1849.03万元").map(|i| found.concept(i).cloned());
        assert_eq!(hospital.flatten().map(|c| c.scope), Some(Scope::Fiscal));
        let general = at("62.76万元").map(|i| found.concept(i).cloned());
        assert_eq!(
            general.flatten(),
            Some(Concept {
                scope: Scope::Fiscal,
                item: Item::FunctionClass("201".into())
            })
        );
        let basic = at("700.64万元").and_then(|i| found.of_part(i));
        let total = basic.map(|b| text.figures[b.total].subject.as_str());
        assert_eq!(total, Some("2016年度财政拨款支出"));
    }
}
