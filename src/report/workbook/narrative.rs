//! 说明: the narrative sentence by sentence, each a finding is about filled by its worst
//! severity and carrying a note with the findings' messages.

use rust_xlsxwriter::{Note, Worksheet, XlsxError};

use crate::check::{Finding, Lang};
use crate::run::DocResult;

use super::formats::{fill, heading_row, Formats};

pub(super) fn write(
    ws: &mut Worksheet,
    results: &[DocResult],
    fmt: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name("说明")?;
    heading_row(ws, &["文档", "页", "位置", "句子"], &fmt.header)?;
    let mut row = 1u32;
    for r in results {
        for n in r.document.iter().flat_map(|d| &d.narratives) {
            for s in &n.sentences {
                let about: Vec<&Finding> = r
                    .findings
                    .iter()
                    .filter(|f| {
                        *f.location.file == *n.file
                            && f.location
                                .span
                                .is_some_and(|(a, _)| s.span.0 <= a && a < s.span.1)
                    })
                    .collect();
                ws.write_string(row, 0, &n.file)?;
                if let Some(p) = s.page {
                    ws.write_number(row, 1, f64::from(p))?;
                }
                ws.write_string(row, 2, format!("{}..{}", s.span.0, s.span.1))?;
                let worst = about.iter().map(|f| f.severity).max();
                let f = match worst {
                    Some(sev) => fmt.text.clone().set_background_color(fill(sev)),
                    None => fmt.text.clone(),
                };
                ws.write_string_with_format(row, 3, &s.text, &f)?;
                if !about.is_empty() {
                    let text: Vec<String> = about
                        .iter()
                        .map(|f| {
                            format!(
                                "[{} {}] {}",
                                f.rule,
                                f.severity.label(lang),
                                f.message.get(lang)
                            )
                        })
                        .collect();
                    ws.insert_note(row, 3, &Note::new(text.join("\n")).set_author("gouji"))?;
                }
                row += 1;
            }
        }
    }
    ws.set_column_width(0, 30)?;
    ws.set_column_width(3, 100)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}
