//! Titles wrapped over two lines (“…会议费、培训费支出预算” / “表”): the lone 表 is put back on
//! the line above, so that the title is found as printed.

use crate::read::pdf::PdfDoc;

use super::from_title;

/// A copy of the document with each wrapped title rejoined, or `None` when it has none (the
/// usual case: no copy is made).
pub fn rejoined(doc: &PdfDoc) -> Option<PdfDoc> {
    let wrapped = |p: &crate::read::pdf::Page, i: usize| {
        i > 0
            && p.lines[i].text.trim() == "表"
            && p.lines[i - 1].page == p.lines[i].page
            && from_title(&p.lines[i - 1].text).is_none()
            && from_title(&format!("{}表", p.lines[i - 1].text.trim_end())).is_some()
    };
    let any = doc
        .pages
        .iter()
        .any(|p| (0..p.lines.len()).any(|i| wrapped(p, i)));
    if !any {
        return None;
    }
    let mut out = doc.clone();
    for (page, original) in out.pages.iter_mut().zip(&doc.pages) {
        let mut i = original.lines.len();
        while i > 1 {
            i -= 1;
            if wrapped(original, i) {
                let above = &mut page.lines[i - 1];
                above.text = format!("{}表", above.text.trim_end());
                page.lines.remove(i);
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::pdf::{Page, TextLine};

    fn line(text: &str, baseline: f32) -> TextLine {
        TextLine {
            page: 1,
            text: text.to_string(),
            x0: 100.0,
            x1: 300.0,
            baseline,
            size: 12.0,
            runs: Vec::new(),
        }
    }

    fn doc(lines: Vec<TextLine>) -> PdfDoc {
        PdfDoc {
            file: "t.pdf".into(),
            pages: vec![Page { number: 1, lines }],
            ..PdfDoc::default()
        }
    }

    #[test]
    fn a_lone_table_word_goes_back_on_its_title() {
        let d = doc(vec![
            line("“三公”经费、会议费、培训费支出预算", 700.0),
            line("表", 686.0),
            line("部门： 江苏省人大常委会办公厅 单位：万元", 660.0),
        ]);
        let r = rejoined(&d).expect("a wrapped title");
        let texts: Vec<&str> = r.pages[0].lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "“三公”经费、会议费、培训费支出预算表",
                "部门： 江苏省人大常委会办公厅 单位：万元"
            ]
        );
    }

    #[test]
    fn a_lone_table_word_under_prose_stays() {
        let d = doc(vec![line("详见下表", 700.0), line("表", 686.0)]);
        assert!(rejoined(&d).is_none());
    }
}
