//! 核对关系: every relation verified, with its figures and outcome, and after them the relations
//! that could not be checked (M605's account: the table, what it lacks, the rules not run) — so
//! that the workbook shows what was left unchecked as plainly as what was checked.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::check::{not_checked, Lang, Outcome, Severity};
use crate::run::DocResult;

use super::formats::{end_list, fill, heading_row, Formats};

const HEADINGS: [&str; 4] = ["文档", "规则", "结果", "关系"];

/// What came of a relation, as the sheet says it.
fn outcome(o: Outcome, lang: Lang) -> &'static str {
    match (o, lang) {
        (Outcome::Exact, Lang::Zh) => "相符",
        (Outcome::Rounding, Lang::Zh) => "舍入误差之内",
        (Outcome::Broken, Lang::Zh) => "不符",
        (Outcome::Exact, Lang::En) => "exact",
        (Outcome::Rounding, Lang::En) => "within rounding",
        (Outcome::Broken, Lang::En) => "broken",
    }
}

pub(super) fn write(
    ws: &mut Worksheet,
    results: &[DocResult],
    fmt: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name("核对关系")?;
    heading_row(ws, &HEADINGS, &fmt.header)?;
    let broken = Format::new().set_background_color(fill(Severity::Error));
    let unchecked = Format::new().set_background_color(fill(Severity::Warning));
    let not_checked_word = match lang {
        Lang::Zh => "未能核对",
        Lang::En => "not checked",
    };
    let mut row = 1u32;
    for r in results {
        for c in &r.checked {
            ws.write_string(row, 0, &r.source)?;
            ws.write_string(row, 1, c.rule)?;
            if c.outcome == Outcome::Broken {
                ws.write_string_with_format(row, 2, outcome(c.outcome, lang), &broken)?;
            } else {
                ws.write_string(row, 2, outcome(c.outcome, lang))?;
            }
            ws.write_string(row, 3, c.formula())?;
            row += 1;
        }
        for f in not_checked(&r.findings) {
            ws.write_string(row, 0, &r.source)?;
            ws.write_string(row, 1, f.rule)?;
            ws.write_string_with_format(row, 2, not_checked_word, &unchecked)?;
            ws.write_string(row, 3, f.message.get(lang))?;
            row += 1;
        }
    }
    end_list(
        ws,
        row.max(1) - 1,
        HEADINGS.len(),
        &[(0u16, 30.0), (1, 8.0), (2, 14.0), (3, 90.0)],
    )?;
    Ok(())
}
