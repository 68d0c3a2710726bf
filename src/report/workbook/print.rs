//! Page setup for every sheet gouji writes: finance offices print what they hand on. A4
//! landscape, one page wide, the header rows repeated on every page, and a footer naming the
//! document, the sheet and the page.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::read::{Grid, RawValue};

/// The paper size code of A4 in the xlsx format.
const A4: u8 = 9;

/// A footer may hold at most 255 characters; a document's name is cut well before that.
const MAX_NAME: usize = 80;

/// Sets up a sheet for print: `repeat` is the last header row to repeat on every page (rows
/// from the first), `document` the name the footer gives on its left.
pub(crate) fn setup(
    ws: &mut Worksheet,
    repeat: Option<u32>,
    document: &str,
) -> Result<(), XlsxError> {
    ws.set_paper_size(A4);
    ws.set_landscape();
    // One page wide, as many pages tall as the rows need.
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    if let Some(last) = repeat {
        ws.set_repeat_rows(0, last)?;
    }
    ws.set_footer(footer(document));
    Ok(())
}

/// The footer: the document on the left, the sheet in the middle, 第 n 页 / 共 m 页 on the right.
pub(crate) fn footer(document: &str) -> String {
    let name: String = document.chars().take(MAX_NAME).collect();
    // `&` starts a field code in a footer; a literal one is written twice.
    format!("&L{}&C&A&R第 &P 页 / 共 &N 页", name.replace('&', "&&"))
}

/// The rows above a table's first row of figures: its title, unit line and headings, which a
/// reader of page 3 still needs. None when the grid has no figures or they start at once.
pub(crate) fn header_rows(grid: &Grid) -> Option<u32> {
    let first = grid
        .rows
        .iter()
        .position(|row| row.iter().filter(|v| is_figure(v)).count() >= 2)?;
    // A header taller than a page's worth would repeat a page of its own.
    (1..=20).contains(&first).then(|| first as u32 - 1)
}

fn is_figure(v: &RawValue) -> bool {
    match v {
        RawValue::Number(_) => true,
        RawValue::Text(t) => {
            let t = t.trim();
            !t.is_empty()
                && t.chars().any(|c| c.is_ascii_digit())
                && t.chars().all(|c| c.is_ascii_digit() || ",.-".contains(c))
                && t.contains('.')
        }
        RawValue::Empty => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> RawValue {
        RawValue::Text(s.into())
    }

    #[test]
    fn a_table_repeats_its_title_unit_and_headings() {
        let grid = Grid {
            file: "x.xlsx".into(),
            sheet: "表1".into(),
            rows: vec![
                vec![text("收入支出决算总表")],
                vec![text("单位：万元")],
                vec![text("项目"), text("行次"), text("金额")],
                vec![text("栏次"), text(""), text("1")],
                vec![
                    text("一般公共预算财政拨款收入"),
                    text("1"),
                    text("2,940.05"),
                    RawValue::Number(1.0),
                ],
            ],
            merges: Vec::new(),
            places: None,
        };
        assert_eq!(header_rows(&grid), Some(3));
    }

    #[test]
    fn the_footer_names_the_document_and_escapes_its_ampersands() {
        assert_eq!(footer("A&B局"), "&LA&&B局&C&A&R第 &P 页 / 共 &N 页");
        assert!(footer(&"局".repeat(300)).chars().count() < 255);
    }
}
