//! The page builder: spans, headings, layout tables, limits.

use super::*;

fn text(s: &str) -> RawValue {
    RawValue::Text(s.into())
}

fn row(b: &mut PageBuilder, cells: &[(&str, usize, usize)]) {
    b.start_row();
    for (t, cs, rs) in cells {
        b.start_cell(*cs, *rs);
        b.text(t);
        b.end_cell();
    }
    b.end_row();
}

#[test]
fn spans_become_merges_and_the_heading_the_first_rows() {
    let mut b = PageBuilder::new("p.html", Spans::RowSpan, Tables::Grids);
    b.text("一段很长的说明文字，".repeat(10).as_str());
    b.line_end();
    b.text("收入决算表");
    b.line_end();
    b.start_table();
    row(&mut b, &[("项目", 1, 2), ("本年收入", 2, 1)]);
    row(&mut b, &[("财政拨款", 1, 1), ("其他", 1, 1)]);
    row(
        &mut b,
        &[("合计", 1, 1), ("3,997.99", 1, 1), ("31.36", 1, 1)],
    );
    b.end_table();
    b.text("后文");
    let page = b.finish();
    let g = &page.grids[0];
    assert_eq!(g.sheet, "表格1");
    assert_eq!(g.rows[0], vec![text("收入决算表")]);
    assert_eq!(
        g.rows[2],
        vec![RawValue::Empty, text("财政拨款"), text("其他")]
    );
    assert_eq!(g.rows[3][1], text("3,997.99"));
    assert_eq!(
        g.merges,
        vec![
            Merge {
                first: (1, 0),
                last: (2, 0)
            },
            Merge {
                first: (1, 1),
                last: (1, 2)
            }
        ]
    );
    assert!(page.text.contains("收入决算表") && page.text.contains("后文"));
    assert!(!page.text.contains("3,997.99"), "{}", page.text);
}

#[test]
fn word_cells_continue_the_merge_above() {
    let mut b = PageBuilder::new("p.docx", Spans::Continued, Tables::Grids);
    b.start_table();
    for (t, continues) in [("项目", false), ("", true), ("合计", false)] {
        b.start_row();
        b.start_cell(1, 1);
        b.cell_span(None, Some(continues));
        b.text(t);
        b.end_cell();
        b.start_cell(1, 1);
        b.text("1");
        b.end_row();
    }
    b.end_table();
    let g = &b.finish().grids[0];
    assert_eq!(g.merges.len(), 1);
    assert_eq!(g.merges[0].last, (1, 0));
    assert_eq!(g.rows[1], vec![RawValue::Empty, text("1")]);
}

#[test]
fn a_table_holding_a_table_or_prose_is_text() {
    let mut b = PageBuilder::new("p.html", Spans::RowSpan, Tables::Grids);
    b.start_table();
    b.start_row();
    b.start_cell(1, 1);
    b.text("导航");
    b.line_end();
    b.text("支出决算表");
    b.start_table();
    row(&mut b, &[("项目", 1, 1), ("合计", 1, 1)]);
    row(&mut b, &[("合计", 1, 1), ("1.00", 1, 1)]);
    b.end_table();
    b.text("说明");
    let page = b.finish();
    assert_eq!(page.grids.len(), 1);
    // Short lines above a table are its heading, up to the last table or a line of prose.
    assert_eq!(page.grids[0].rows[0], vec![text("导航")]);
    assert_eq!(page.grids[0].rows[1], vec![text("支出决算表")]);
    assert!(page.text.contains("导航") && page.text.contains("说明"));
    assert!(!page.text.contains("1.00"), "{}", page.text);
}

#[test]
fn a_long_note_under_figures_keeps_its_table_and_an_article_in_a_cell_is_text() {
    let note = format!(
        "注：{}",
        "本表反映部门本年度“三公”经费支出情况。".repeat(10)
    );
    let mut b = PageBuilder::new("p.html", Spans::RowSpan, Tables::Grids);
    b.start_table();
    row(
        &mut b,
        &[("项目", 1, 1), ("合计", 1, 1), ("公务接待费", 1, 1)],
    );
    row(
        &mut b,
        &[("决算数", 1, 1), ("1,234.50", 1, 1), ("(0.95)", 1, 1)],
    );
    row(&mut b, &[(note.as_str(), 3, 1)]);
    b.end_table();
    b.start_table();
    row(&mut b, &[("首页", 1, 1), ("政务公开", 1, 1)]);
    row(&mut b, &[(note.as_str(), 2, 1)]);
    b.end_table();
    let page = b.finish();
    assert_eq!(page.grids.len(), 1);
    assert_eq!(page.grids[0].get(2, 0).text(), note);
    assert!(page.text.contains("政务公开") && page.text.contains(&note));
}

#[test]
fn a_table_first_in_a_layout_table_is_headed_by_the_lines_above_that() {
    let mut b = PageBuilder::new("p.html", Spans::RowSpan, Tables::Grids);
    b.text("收入决算表");
    b.start_table();
    b.start_row();
    b.start_cell(1, 1);
    b.start_table();
    row(&mut b, &[("项目", 1, 1), ("合计", 1, 1)]);
    row(&mut b, &[("合计", 1, 1), ("1.00", 1, 1)]);
    b.end_table();
    let page = b.finish();
    assert_eq!(page.grids[0].rows[0], vec![text("收入决算表")]);
    assert_eq!(page.grids[0].get(2, 1).text(), "1.00");
}

#[test]
fn huge_spans_are_clipped() {
    let mut b = PageBuilder::new("p.html", Spans::RowSpan, Tables::Grids);
    b.start_table();
    row(&mut b, &[("a", 99_999_999, 999_999), ("b", 1, 1)]);
    row(&mut b, &[("c", 1, 0), ("d", 1, 1)]);
    b.end_table();
    let g = &b.finish().grids[0];
    assert_eq!(g.merges[0].last, (1, MAX_COLS as u32 - 1));
    assert!(g.rows.iter().all(|r| r.len() <= 1), "{:?}", g.rows);
}
