//! M — completeness: every standard table of the document's set is there, has figures or a
//! note saying why not, is recognised, and states its unit.

use crate::check::{rule, Context, Finding, Message, Rule, Severity};
use crate::model::{Document, Location, Side, TableKind};

rule! {
    /// A standard table of the set the document belongs to is not there. Documents of 2019 or
    /// earlier (with no “三公” or 国有资本经营 table) are held to the 7-table set of 2016: 收入支出决算总表,
    /// 收入决算表, 支出决算表, 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表, 基本支出决算表,
    /// 政府性基金预算财政拨款收入支出决算表; later ones to the 9-table set, which adds the “三公” and the
    /// 国有资本经营 tables. A budget is held to the tables every budget family prints instead, each
    /// missing one named (收支总表, 收入总表, 支出总表, 财政拨款收支总表 …). A document in which no standard
    /// table is recognised gets one finding, not one per table, which lists the table titles it
    /// did see, with their pages: the tables gouji kept unrecognised and the titles printed in
    /// its text (收支预算总表, p.1), so that nothing reads as a clean pass. A narrative read alone,
    /// with no table title in it, is a document of its own and gets none. A PDF with scanned
    /// pages gets none: the tables may be on them (the pages are reported as not read).
    MissingTable = "M601", "missing-table", Warning;
}

rule! {
    /// A standard table is printed with no figure at all and no note saying why (注：本单位无…,
    /// 本表无数据, 无此项支出, 没有…支出, 未发生, 不涉及). An empty table is allowed only with such a
    /// note: the template's own note of what a table shows (注：本表反映部门本年度…情况) says
    /// nothing of why it is empty, so a blank template gets this for each of its tables.
    EmptyTable = "M602", "empty-table-without-note", Warning;
}

rule! {
    /// A table (or a block of figures) that gouji could not place among the standard tables. It is
    /// kept in the extracted model, but none of its figures is checked.
    UnrecognisedTable = "M603", "unrecognised-table", Warning;
}

rule! {
    /// A table states no unit (单位：元 / 万元 / 亿元). gouji takes 万元, the unit of the national
    /// template, but links to other tables are only as good as that guess.
    UnitNotStated = "M604", "unit-not-stated", Warning;
}

const SET_2016: [TableKind; 7] = [
    TableKind::IncomeExpenditureSummary,
    TableKind::IncomeTable,
    TableKind::ExpenditureTable,
    TableKind::FiscalSummary,
    TableKind::GeneralBudgetExpenditure,
    TableKind::GeneralBudgetBasicExpenditure,
    TableKind::GovernmentFund,
];

/// The standard tables the document's set wants and it does not have (the 7-table set of 2016
/// up to 2019, the 9-table set after). Empty when it has no 决算 table at all.
pub fn missing_tables(doc: &crate::model::Document) -> Vec<TableKind> {
    let has = |k: TableKind| doc.tables.iter().any(|t| t.kind == k);
    let none = !TableKind::STANDARD.iter().any(|k| has(*k));
    if !doc.unread_pages.is_empty() || none || doc.kind.is_budget() {
        return Vec::new();
    }
    let set: &[TableKind] = if nine_table_set(doc) {
        &TableKind::STANDARD
    } else {
        &SET_2016
    };
    set.iter().copied().filter(|k| !has(*k)).collect()
}

fn nine_table_set(doc: &crate::model::Document) -> bool {
    let has = |k: TableKind| doc.tables.iter().any(|t| t.kind == k);
    doc.year.is_some_and(|y| y >= 2020)
        || has(TableKind::ThreePublic)
        || has(TableKind::StateCapital)
}

impl Rule for MissingTable {
    fn check(&self, cx: &mut Context) {
        let has = |k: TableKind| cx.doc.tables.iter().any(|t| t.kind == k);
        let here = Location::file(cx.doc.source.clone());
        if !cx.doc.unread_pages.is_empty() {
            // A scanned page may hold any table; its read error already says it was not checked.
            return;
        }
        if let Some(message) = no_standard_table(cx.doc) {
            cx.report(Finding::new(
                Self::META.code,
                Severity::Warning,
                here,
                message,
            ));
            return;
        }
        if cx.doc.kind.is_budget() {
            missing_budget_tables(cx);
            return;
        }
        if !TableKind::STANDARD.iter().any(|k| has(*k)) {
            return;
        }
        let edition = if nine_table_set(cx.doc) { "9" } else { "7" };
        for kind in missing_tables(cx.doc) {
            cx.report(Finding::new(
                Self::META.code,
                Severity::Warning,
                here.clone(),
                Message::new(
                    format!(
                        "缺少标准决算表“{}”（{} 张表的公开口径）",
                        kind.title(),
                        edition
                    ),
                    format!(
                        "the standard {} is missing ({}-table set)",
                        kind.title_en(),
                        edition
                    ),
                ),
            ));
        }
    }
}

/// A budget is held to the tables every budget family prints ([`TableKind::BUDGET_STANDARD`]);
/// one with tables but none of them is said once, and a budget read as narrative alone (江苏
/// publishes its 预算说明 apart from its 预算表) is not a budget missing its tables.
fn missing_budget_tables(cx: &mut Context) {
    let has = |k: TableKind| cx.doc.tables.iter().any(|t| t.kind == k);
    let here = Location::file(cx.doc.source.clone());
    let code = MissingTable::META.code;
    if !TableKind::BUDGET_STANDARD.iter().any(|k| has(*k)) {
        if cx.doc.tables.is_empty() {
            return;
        }
        let what = Message::new("未找到任何预算表", "no budget table found");
        cx.report(Finding::new(code, Severity::Warning, here, what));
        return;
    }
    let missing: Vec<TableKind> = TableKind::BUDGET_STANDARD
        .into_iter()
        .filter(|k| !has(*k))
        .collect();
    for kind in missing {
        let what = Message::new(
            format!("缺少预算表“{}”", kind.title()),
            format!("the budget's {} is missing", kind.title_en()),
        );
        cx.report(Finding::new(code, Severity::Warning, here.clone(), what));
    }
}

/// What M601 says of a document in which no standard table is recognised, naming the tables
/// it did see; `None` when one is recognised, or for a narrative read alone that names no table.
pub fn no_standard_table(doc: &Document) -> Option<Message> {
    if doc.tables.iter().any(|t| t.kind != TableKind::Unrecognised) {
        return None;
    }
    let seen = tables_seen(doc);
    // A narrative read alone is a document of its own, not a workbook missing its tables.
    if seen.is_empty() && doc.tables.is_empty() && !doc.narratives.is_empty() {
        return None;
    }
    if seen.is_empty() {
        return Some(Message::new(
            "未找到任何可识别的标准表，也未见任何表格标题",
            "no standard table recognised, and no table title seen",
        ));
    }
    let shown = |of: &str| {
        let mut names: Vec<String> = seen
            .iter()
            .take(SEEN_LISTED)
            .map(|(title, at)| format!("“{title}”{at}"))
            .collect();
        if seen.len() > SEEN_LISTED {
            names.push(format!("… ({})", seen.len()));
        }
        names.join(of)
    };
    Some(Message::new(
        format!(
            "未找到任何可识别的标准表，未核对任何表内数字；所见的表：{}",
            shown("、")
        ),
        format!(
            "no standard table recognised, no table figure checked; tables seen: {}",
            shown(", ")
        ),
    ))
}

/// How many titles M601 names before it gives their number.
const SEEN_LISTED: usize = 12;

/// The tables a document shows without gouji recognising any: those kept unrecognised, then the
/// titles its printed pages show on a line of their own (“收支预算总表”), each once, where it is
/// printed last (after the contents page that lists it), with its page.
pub fn tables_seen(doc: &Document) -> Vec<(String, String)> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for t in doc
        .tables
        .iter()
        .filter(|t| t.side != Some(Side::Expenditure))
    {
        let loc = t.location(t.at);
        let at = match loc.page {
            Some(p) => format!("（p.{p}）"),
            None => format!("（{}!{}）", t.sheet, t.at.a1()),
        };
        seen.push((t.title.clone(), at));
    }
    // Only a printed page shows a table: a 说明 in a text file names the tables it goes with.
    for sentence in doc.narratives.iter().flat_map(|n| &n.sentences) {
        let (Some(page), Some(title)) = (sentence.page, table_title(&sentence.text)) else {
            continue;
        };
        seen.retain(|(t, _)| *t != title);
        seen.push((title, format!("（p.{page}）")));
    }
    seen
}

/// A line of the text that is a table's title (“4．2025年部门财政拨款收支预算总表” → the title
/// without its number): short, ending in 表, no clause of a sentence and no section heading.
fn table_title(line: &str) -> Option<String> {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let n = t.chars().count();
    let sentence = t.contains(['，', '。', '；', '：', ',', ';', ':']);
    let about = ["本表", "见", "注", "如下"].iter().any(|w| t.contains(w));
    // A section heading (五、部门预算表, 第二部分…预算表) or a table's number (公开01表).
    let heading = t
        .chars()
        .next()
        .is_some_and(|c| "一二三四五六七八九十（(第".contains(c))
        || t.starts_with("公开");
    if !t.ends_with('表') || !(4..=40).contains(&n) || sentence || about || heading {
        return None;
    }
    // “4．2025年…表” in the contents: the 4． goes, the year stays.
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let title = match t[digits..].strip_prefix(['.', '．', '、']) {
        Some(rest) if digits > 0 => rest,
        _ => &t,
    };
    (title.chars().count() >= 3).then(|| title.to_string())
}

impl Rule for EmptyTable {
    fn check(&self, cx: &mut Context) {
        let doc = cx.doc;
        for t in &doc.tables {
            if t.kind == TableKind::Unrecognised || t.side == Some(Side::Expenditure) {
                continue;
            }
            // Both halves of a 总表 are one printed table: empty only if both are.
            let other_half = doc.tables.iter().find(|o| {
                o.kind == t.kind && o.side == Some(Side::Expenditure) && o.file == t.file
            });
            let figures = t.has_figures() || other_half.is_some_and(|o| o.has_figures());
            if figures || t.notes.iter().any(|n| says_why_empty(n)) {
                continue;
            }
            cx.report(Finding::table_warning(
                Self::META.code,
                t,
                Message::new(
                    format!(
                        "“{}”没有任何数字，也没有说明原因（如“本表无数据”）",
                        t.title
                    ),
                    format!(
                        "the {} holds no figure and no note saying why",
                        t.kind.title_en()
                    ),
                ),
            ));
        }
    }
}

/// Whether a note explains why its table holds no figure (本表无数据, 没有…支出, 未发生 …), as
/// opposed to saying what the table shows.
fn says_why_empty(note: &str) -> bool {
    note.contains('无')
        || ["没有", "未发生", "不涉及", "为零"]
            .iter()
            .any(|w| note.contains(w))
}

impl Rule for UnrecognisedTable {
    fn check(&self, cx: &mut Context) {
        let doc = cx.doc;
        for t in doc
            .tables
            .iter()
            .filter(|t| t.kind == TableKind::Unrecognised)
        {
            cx.report(Finding::table_warning(
                Self::META.code,
                t,
                Message::new(
                    format!("“{}”不是可识别的标准决算表，已保留但未核对", t.title),
                    format!(
                        "'{}' is not a recognised standard table: kept, not checked",
                        t.title
                    ),
                ),
            ));
        }
    }
}

impl Rule for UnitNotStated {
    fn check(&self, cx: &mut Context) {
        let doc = cx.doc;
        for t in doc.tables.iter().filter(|t| {
            !t.unit_stated && t.kind != TableKind::Unrecognised && t.side != Some(Side::Expenditure)
        }) {
            cx.report(Finding::table_warning(
                Self::META.code,
                t,
                Message::new(
                    format!("“{}”未注明金额单位，按万元处理", t.title),
                    format!(
                        "the {} states no unit; taken as 10k yuan",
                        t.kind.title_en()
                    ),
                ),
            ));
        }
    }
}
