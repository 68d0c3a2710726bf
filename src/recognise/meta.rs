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

/// The department a cover or heading names: “上海市普陀区财政局2024年度部门决算”.
pub fn department_in_title(line: &str) -> Option<String> {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let at = t.find("部门决算")?;
    let head = &t[..at];
    let year = head
        .rfind("20")
        .filter(|&i| year_in(&head[i..]).is_some())?;
    let name = head[..year].trim_start_matches(|c: char| {
        c == '第' || c == '部' || c == '分' || "一二三四五六七八九十".contains(c)
    });
    let name = name.strip_prefix("部分").unwrap_or(name);
    (name.chars().count() >= 2 && name.chars().count() <= 40).then(|| name.to_string())
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
