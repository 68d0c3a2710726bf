//! The department and year a document is about, told from its text and its file name.

use crate::model::DocumentKind;
use crate::read::Grid;

use super::text::norm;
use crate::model::names::{year_at, year_in};

/// The year: a 20xx followed by 年 or standing between separators in the file name.
pub fn year_from(grids: &[Grid], source: &str) -> Option<i32> {
    // Only text: a figure such as 2,059.37 in the first rows is no year.
    grids
        .iter()
        .flat_map(|g| g.rows.iter().take(6).flatten())
        .filter_map(|v| match v {
            crate::read::RawValue::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .chain(std::iter::once(source))
        .find_map(year_in)
}

/// A final account or a budget: the disclosure's own title in its narrative (“2025年部门预算”) is
/// surest, then the tables' titles (“财务收支预算总表”), then the file names; a document that says
/// nothing is a final account.
pub fn kind_from(titles: &[&str], grids: &[Grid], files: &[String]) -> DocumentKind {
    let table_titles = grids.iter().flat_map(|g| {
        g.rows.iter().take(4).flatten().filter_map(|v| match v {
            crate::read::RawValue::Text(t) if t.contains('表') => Some(t.as_str()),
            _ => None,
        })
    });
    let names = files.iter().map(|f| {
        std::path::Path::new(f)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(f)
    });
    titles
        .iter()
        .copied()
        .chain(table_titles)
        .chain(names)
        .find_map(DocumentKind::said_in)
        .unwrap_or_default()
}

/// The department: a “部门：…” / “编制单位：…” / “单位名称：…” cell, else the file name before its year.
pub fn department_from(grids: &[Grid], source: &str) -> Option<String> {
    for g in grids {
        for row in g.rows.iter().take(8) {
            for v in row {
                // Every key has 部 or 单: a character search rules out the other cells uncopied.
                let crate::read::RawValue::Text(raw) = v else {
                    continue;
                };
                if !raw.contains(['部', '单']) {
                    continue;
                }
                let t = norm(raw);
                for (key, key_cn) in [
                    ("编制部门:", "编制部门："),
                    ("编制单位:", "编制单位："),
                    ("部门名称:", "部门名称："),
                    ("单位名称:", "单位名称："),
                    ("部门:", "部门："),
                ] {
                    let rest = t.strip_prefix(key).or_else(|| t.strip_prefix(key_cn));
                    if let Some(rest) = rest {
                        let name = rest.split("单位").next().unwrap_or(rest).trim();
                        if !name.is_empty() {
                            return Some(name.to_string());
                        }
                    }
                }
            }
        }
    }
    let stem = std::path::Path::new(source)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    // At the year itself, not at a “20” before it (第20区财政局-2024-…).
    let cut = year_at(stem).map_or(stem.len(), |(i, _)| i);
    let name = stem[..cut].trim_end_matches(['-', '_', ' ']);
    (!name.is_empty()).then(|| name.to_string())
}

/// The department a cover or heading names: “上海市普陀区财政局2024年度部门决算”,
/// “江苏省人大常委会办公厅2018年度部门预算公开”.
pub fn department_in_title(line: &str) -> Option<String> {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let at = ["部门决算", "部门预算", "单位决算", "单位预算"]
        .iter()
        .filter_map(|w| t.find(w))
        .min()?;
    let head = &t[..at];
    // The title follows its year directly: “2025年区级部门预算” is the district's, not a department's.
    let year = head
        .rfind("20")
        .filter(|&i| year_in(&head[i..]).is_some())
        .filter(|&i| matches!(head.get(i + 4..), Some("年" | "年度")))?;
    let name = head[..year].trim_start_matches(|c: char| {
        c == '第' || c == '部' || c == '分' || "一二三四五六七八九十".contains(c)
    });
    let name = name.strip_prefix("部分").unwrap_or(name);
    (name.chars().count() >= 2 && name.chars().count() <= 40).then(|| name.to_string())
}

/// The department the first lines of a document name: a heading on one line, else a cover
/// that prints the name on one line and “2017 年度部门预算” on the next (or breaks the title
/// inside: “…办公厅2018年度部门” / “预算公开”).
pub fn department_in_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Option<String> {
    let lines: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).take(200).collect();
    // The cover first, its lines alone or up to three joined (further in, lines joined are
    // prose): the cover prints the full name where the contents may shorten it (省人大办公厅).
    // A line that is a title alone is never joined to the line before it (a stray line above
    // a title is no part of the name).
    (0..lines.len()).find_map(|i| {
        let joined = if i < 12 { 3 } else { 1 };
        (1..=joined).filter(|n| i + n <= lines.len()).find_map(|n| {
            let alone = (n > 1)
                .then(|| department_in_title(lines[i + n - 1]))
                .flatten();
            alone.or_else(|| department_in_title(&lines[i..i + n].concat()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn department_from_a_cover_title() {
        assert_eq!(
            department_in_title("上海市普陀区规划和自然资源局 2024 年度部门决算").as_deref(),
            Some("上海市普陀区规划和自然资源局")
        );
        assert_eq!(
            department_in_title("第二部分 上海市普陀区财政局2024年度部门决算表").as_deref(),
            Some("上海市普陀区财政局")
        );
        assert_eq!(department_in_title("2024年度部门决算"), None);
        assert_eq!(
            department_in_title("江苏省人大常委会办公厅2019年度部门预算公开").as_deref(),
            Some("江苏省人大常委会办公厅")
        );
        let cover = |text: &'static str| department_in_lines(text.lines());
        assert_eq!(
            cover("江苏省人大常委会办公厅\n2017 年度部门预算\n目 录").as_deref(),
            Some("江苏省人大常委会办公厅")
        );
        assert_eq!(
            cover("江苏省人大常委会办公厅2018年度部门\n预算公开\n1").as_deref(),
            Some("江苏省人大常委会办公厅")
        );
        assert_eq!(cover("目 录\n第一部分 部门概况"), None);
        assert_eq!(
            cover("市级人社局社会保险业务档案管理数量大概是多少\n\n谯城区人社局2016年部门决算情况")
                .as_deref(),
            Some("谯城区人社局")
        );
        assert_eq!(
            cover("江苏省人大常委会办公厅\n2017 年度部门预算\n第二部分 省人大办公厅 2017 年度部门预算表")
                .as_deref(),
            Some("江苏省人大常委会办公厅")
        );
        assert_eq!(
            cover("中共上海市普陀区委\n社会工作部 2024 年度\n部门决算\n目").as_deref(),
            Some("中共上海市普陀区委社会工作部")
        );
        // A district's budget book names the district; its department is found elsewhere.
        assert_eq!(department_in_title("上海市普陀区2025年区级部门预算"), None);
        assert_eq!(department_in_title("收入支出决算总表"), None);
    }

    #[test]
    fn year_and_department_from_file_names() {
        assert_eq!(year_in("谯城区人社局2016年部门决算"), Some(2016));
        assert_eq!(year_in("单位：万元"), None);
        assert_eq!(year_in("120161"), None);
        assert_eq!(year_in("2059.37"), None);
        assert_eq!(year_in("2,059.37"), None);
        assert_eq!(
            department_from(&[], "samples/x/普陀区财政局-2024-决算公开表.xlsx").as_deref(),
            Some("普陀区财政局")
        );
        assert_eq!(
            department_from(&[], "x/第20区/2024/第20区财政局-2024-决算公开表.xlsx").as_deref(),
            Some("第20区财政局")
        );
    }
}
