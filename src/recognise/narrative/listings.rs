//! Listings: “单位共8个，详细情况见下表：” and the lines that follow, one name each, so that
//! the count can be held against the names listed.

use crate::model::narrative::{Claim, Measure};

use super::annotation::AnnotatedText;
use super::lexicon::{LISTING_COUNT_WORD, LISTING_INTRO_ENDINGS};
use super::sentences::{is_heading, Text};

/// A listed line is a short name: longer lines are prose.
const MAX_LISTED_CHARS: usize = 40;

/// One claim per count (“共8个”) in a paragraph that introduces the lines after it.
pub fn claims(text: &AnnotatedText) -> Vec<Claim> {
    (0..text.figures.len())
        .filter_map(|i| listing(text, i))
        .collect()
}

fn listing(text: &AnnotatedText, at: usize) -> Option<Claim> {
    let count = &text.figures[at];
    let Measure::Count(_) = count.found.measure else {
        return None;
    };
    let chars = text.chars(count.paragraph);
    let before: String = chars[count.start.saturating_sub(3)..count.start]
        .iter()
        .collect();
    let paragraph = text.text.paragraphs[count.paragraph].text();
    let intro = LISTING_INTRO_ENDINGS
        .iter()
        .any(|e| paragraph.trim_end().ends_with(e));
    if !before.contains(LISTING_COUNT_WORD) || !intro {
        return None;
    }
    let listed = listed_lines(&text.text, count.paragraph);
    (!listed.is_empty()).then(|| Claim::Listing {
        count: count.quantity(),
        listed,
        sentence: count.sentence,
    })
}

/// The spans of the name lines after an intro paragraph, up to a blank, a long line, a line
/// with a digit or a full stop, or a heading.
fn listed_lines(text: &Text, intro: usize) -> Vec<(usize, usize)> {
    let mut listed = Vec::new();
    for paragraph in intro + 1..text.paragraphs.len() {
        let line = text.paragraphs[paragraph].text();
        let line = line.trim();
        if line.is_empty()
            || line.chars().count() > MAX_LISTED_CHARS
            || line.chars().any(|c| c.is_ascii_digit() || c == '。')
            || is_heading(line)
        {
            break;
        }
        let len = text.paragraphs[paragraph].chars.len();
        listed.push(text.span(paragraph, 0, len));
    }
    listed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::narrative::annotation::tests::annotated;

    const UNITS: &str = "纳入谯城区人社局2016年度部门决算编制范围的单位共8个,详细情况见下表:\n区人社局本级\n区医疗保险管理中心\n区档案管理中心\n三、谯城区人社局2016年度部门决算说明";

    #[test]
    fn the_lines_after_the_count_up_to_a_heading() {
        let got = claims(&annotated(UNITS));
        let [Claim::Listing {
            count,
            listed,
            sentence,
        }] = got.as_slice()
        else {
            panic!("not one listing: {got:#?}")
        };
        assert_eq!(count.raw, "8个");
        let names: Vec<String> = listed
            .iter()
            .map(|&(a, b)| UNITS.chars().skip(a).take(b - a).collect())
            .collect();
        assert_eq!(
            names,
            ["区人社局本级", "区医疗保险管理中心", "区档案管理中心"]
        );
        assert_eq!(*sentence, 0);
    }

    #[test]
    fn a_count_without_gong_or_without_an_intro_lists_nothing() {
        assert_eq!(
            claims(&annotated("单位8个,详细情况见下表:\n区人社局本级")),
            []
        );
        assert_eq!(
            claims(&annotated(
                "共有车辆2辆,其中一般公务用车1辆。\n区人社局本级"
            )),
            []
        );
    }
}
