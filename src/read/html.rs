//! The HTML reader: a page as a browser shows it, its `<table>`s of figures as grids (with their
//! `rowspan`/`colspan`) and the rest as text, in the encoding its `<meta charset>` names.
//!
//! Hand-written rather than a parser crate: a page is read for its text and its tables only, and
//! a tolerant scan (unclosed cells and rows close at the next, unclosed tables at the end, stray
//! end tags are ignored, `<script>`/`<style>` skipped) is short and cannot panic.

use super::tables::{Page, PageBuilder, Spans, Tables};

/// Reads an HTML page's bytes: its tables (as grids or as text) and its text.
pub fn read_html(bytes: &[u8], file: &str, tables: Tables) -> Page {
    page(&decode(bytes), file, tables)
}

/// The text of an HTML page: block ends become line breaks, table cells tabs; scripts, styles
/// and tags go; entities are decoded.
pub fn html_text(html: &str) -> String {
    page(html, "", Tables::Text).text
}

/// The page's characters: UTF-8 when the bytes are (a page re-saved as UTF-8 often keeps its
/// old `charset=gb2312`), else the encoding its `<meta>` names, else GB18030, the superset of
/// the GBK and GB2312 government sites use.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let declared = declared_charset(bytes)
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .filter(|e| *e != encoding_rs::UTF_8 && *e != encoding_rs::GBK);
    let (text, _, _) = declared.unwrap_or(encoding_rs::GB18030).decode(bytes);
    text.into_owned()
}

/// The `charset` a page's head declares (`<meta charset="gbk">`, or `content="text/html;
/// charset=gb2312"`), looked for in its first bytes, which are ASCII in every encoding it may name.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// A tag as written: its lower-case name, whether it closes, and its attributes' source.
struct Tag<'a> {
    name: String,
    closing: bool,
    attrs: &'a str,
}

impl Tag<'_> {
    /// An attribute's value (quoted or not), when the tag has it.
    fn attr(&self, key: &str) -> Option<String> {
        let lower = self.attrs.to_ascii_lowercase();
        let mut from = 0;
        while let Some(i) = lower[from..].find(key) {
            let at = from + i;
            from = at + key.len();
            let before = lower[..at].chars().next_back();
            if before.is_some_and(|c| !c.is_whitespace()) {
                continue;
            }
            let rest = lower[from..].trim_start();
            let Some(rest) = rest.strip_prefix('=') else {
                continue;
            };
            let rest = rest.trim_start();
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest
                    .split([' ', '\t', '\n', '\r', '>'])
                    .next()
                    .unwrap_or(""),
            };
            return Some(value.to_string());
        }
        None
    }

    /// A span attribute: a count of at least 0, 1 when absent or unreadable (`colspan="2px"`
    /// reads as 2, as browsers read it).
    fn span(&self, key: &str) -> usize {
        let Some(v) = self.attr(key) else {
            return 1;
        };
        let digits: String = v.trim().chars().take_while(char::is_ascii_digit).collect();
        digits.get(..9).unwrap_or(&digits).parse().unwrap_or(1)
    }
}

/// The tag at the start of `after` (which starts with `<`), and the length it takes; `None` for
/// a `<` that starts no tag, and the whole rest for a tag never closed.
fn tag_at(after: &str) -> (Option<Tag<'_>>, usize) {
    let end = after.find('>').map_or(after.len(), |i| i + 1);
    let inner = after[1..end].trim_end_matches('>');
    let closing = inner.starts_with('/');
    let body = inner.trim_start_matches('/');
    let name: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() {
        return (None, end);
    }
    let attrs = &body[name.len()..];
    (
        Some(Tag {
            name,
            closing,
            attrs,
        }),
        end,
    )
}

/// Reads a page's markup into its tables and text.
fn page(html: &str, file: &str, tables: Tables) -> Page {
    let mut b = PageBuilder::new(file, Spans::RowSpan, tables);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        b.text(&decode_entities(&source_breaks(&rest[..lt])));
        let after = &rest[lt..];
        if let Some(comment) = after.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |i| &comment[i + 3..]);
            continue;
        }
        let (tag, len) = tag_at(after);
        rest = &after[len..];
        let Some(tag) = tag else {
            continue;
        };
        let raw_text = tag.name == "script" || tag.name == "style";
        if raw_text && !tag.closing && !tag.attrs.trim_end().ends_with('/') {
            let close = format!("</{}", tag.name);
            let lower = rest.to_ascii_lowercase();
            rest = lower.find(&close).map_or("", |i| &rest[i..]);
            continue;
        }
        element(&mut b, &tag);
    }
    b.text(&decode_entities(&source_breaks(rest)));
    b.finish()
}

/// What a tag does to the page: tables, rows and cells; blocks end lines.
fn element(b: &mut PageBuilder, tag: &Tag<'_>) {
    match (tag.name.as_str(), tag.closing) {
        ("table", false) => b.start_table(),
        ("table", true) => b.end_table(),
        ("tr", false) => b.start_row(),
        ("tr", true) => b.end_row(),
        ("td" | "th", false) => b.start_cell(tag.span("colspan"), tag.span("rowspan")),
        ("td" | "th", true) => b.end_cell(),
        ("caption", closing) => b.caption(!closing),
        ("br" | "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "section", _) => {
            b.line_end()
        }
        _ => {}
    }
}

/// Line breaks in an HTML page's source are no line breaks on the page: a run of white space
/// that holds one goes, as a browser drops it, at the edge of a tag or next to a CJK character,
/// and is one space between two ASCII words.
fn source_breaks(text: &str) -> String {
    if !text.contains(['\n', '\r']) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_whitespace() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let run = &chars[start..i];
        if !run.iter().any(|c| matches!(c, '\n' | '\r')) {
            out.extend(run);
            continue;
        }
        let ascii_both =
            start > 0 && i < chars.len() && chars[start - 1].is_ascii() && chars[i].is_ascii();
        if ascii_both {
            out.push(' ');
        }
    }
    out
}

/// Character references decoded: the named ones pages use, and numeric ones.
pub(super) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &after[1..e];
            let c = match ent {
                "nbsp" => Some(' '),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                    u32::from_str_radix(&ent[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::RawValue;

    #[test]
    fn html_blocks_become_lines_and_entities_decode() {
        let t = html_text(
            "<html><style>p{}</style><p>本年收入合计3,997.99万元&nbsp;其中：</p><table><tr><td>合计</td><td>1&amp;2</td></tr></table><script>var a=1;</script>",
        );
        assert!(t.contains("本年收入合计3,997.99万元 其中："), "{t}");
        assert!(t.contains("合计\t1&2\t"), "{t}");
        assert!(!t.contains("var a"));
    }

    #[test]
    fn source_line_breaks_are_not_page_line_breaks() {
        let t = html_text("<p>\n  本年收入合计2946.25万元，其中：\n  财政拨款收入2940.05万元<br>\n其他 收入\n6.2万元</p>\n<p>see\nmore</p>");
        assert_eq!(
            t,
            "\n本年收入合计2946.25万元，其中：财政拨款收入2940.05万元\n其他 收入6.2万元\n\nsee more\n"
        );
    }

    #[test]
    fn a_table_of_figures_is_a_grid_and_not_text() {
        // What LibreOffice writes: unquoted spans, <colgroup>, sdval, nested <font>/<b>, &nbsp;.
        let p = read_html(
            r#"<p><b>收入决算表</b></p><table><colgroup span="3" width="85"></colgroup>
            <tr><td rowspan=2><b>项目</b><td colspan='2' align=center>本年收入</tr>
            <tr><td>财政拨款<td>其他</tr>
            <tr><td>合计</td><td sdval="3997.99" sdnum="2052;0;#,##0.00"><font>3,997.99</font></td><td>&nbsp;</td></tr>
            </table><p>说明</p>"#
                .as_bytes(),
            "x.html",
            Tables::Grids,
        );
        let g = &p.grids[0];
        assert_eq!(g.rows[0], vec![RawValue::Text("收入决算表".into())]);
        assert_eq!(g.rows[2][1], RawValue::Text("财政拨款".into()));
        assert_eq!(g.rows[3][1], RawValue::Text("3,997.99".into()));
        assert_eq!(g.rows[3].len(), 2, "the blank cell at the end is no column");
        assert_eq!(g.merges.len(), 2);
        assert!(!p.text.contains("3,997.99") && p.text.contains("说明"));
    }

    #[test]
    fn the_declared_charset_is_read_when_the_bytes_are_not_utf8() {
        let (gbk, _, _) = encoding_rs::GBK.encode("<meta charset=\"gbk\"><p>合计</p>");
        assert_eq!(html_text(&decode(&gbk)), "\n合计\n");
        let (big5, _, _) = encoding_rs::BIG5.encode("<meta charset=big5><p>決算</p>");
        assert_eq!(html_text(&decode(&big5)), "\n決算\n");
        // Re-saved as UTF-8, a page often keeps the charset it was written in.
        let resaved = "<meta content=\"text/html; charset=gb2312\"><p>合计</p>";
        assert_eq!(html_text(&decode(resaved.as_bytes())), "\n合计\n");
    }
}
