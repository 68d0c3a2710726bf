//! Headers: several printed rows, merged cells, group headings over sub-columns. Each column gets
//! the path of headings above it (`本年支出/基本支出`) and, from that path, what it holds.

use crate::model::ColKey;
use crate::read::Grid;

use super::text::norm;

/// The heading path of every column over the given header rows. A heading printed as one text
/// (`本年支出-合计`, `本年支出_基本支出`) is the same path as the same headings on two rows; a
/// group heading over every amount column is the table's, not a column's, and is dropped (so
/// `本年支出` over 合计 | 基本支出 | 项目支出 gives the columns 合计 | 基本支出 | 项目支出).
pub fn paths(grid: &Grid, header: &[usize], width: usize) -> Vec<Vec<String>> {
    let text = |r: usize, c: usize| norm(&grid.get(r, c).as_text());
    let mut paths = vec![Vec::<String>::new(); width];
    for (i, &r) in header.iter().enumerate() {
        let mut row: Vec<String> = (0..width).map(|c| text(r, c)).collect();
        for c in 0..width {
            if !row[c].is_empty() {
                continue;
            }
            if let Some(m) = grid.merge_at(r, c) {
                row[c] = text(m.first.0 as usize, m.first.1 as usize);
            } else if grid.merges.is_empty()
                && c > 0
                && !row[c - 1].is_empty()
                && paths[c] == paths[c - 1]
            {
                // No merge information (CSV): a group heading is printed once, over the
                // first of its sub-columns; the columns after it that have a sub-heading
                // below and nothing here belong to the same group — but never across the
                // edge of a group above (公务接待费 is not under 公务用车购置及运行费).
                let below = header[i + 1..].iter().any(|&rr| !text(rr, c).is_empty());
                let below_left = header[i + 1..]
                    .iter()
                    .any(|&rr| !text(rr, c - 1).is_empty());
                if below && below_left {
                    row[c] = row[c - 1].clone();
                }
            }
        }
        for (c, t) in row.into_iter().enumerate() {
            for part in flattened(&t) {
                if paths[c].last().map(String::as_str) != Some(part) {
                    paths[c].push(part.to_string());
                }
            }
        }
    }
    drop_table_heading(&mut paths);
    paths
}

/// The headings one header cell prints: `本年支出-合计` is 本年支出 over 合计. Only text on both
/// sides of the mark splits (a lone `-` or a number range stays whole).
fn flattened(t: &str) -> Vec<&str> {
    if t.is_empty() {
        return Vec::new();
    }
    let parts: Vec<&str> = t.split(['-', '_', '－', '—', '/']).collect();
    let words = |p: &&str| !p.is_empty() && !p.chars().all(|c| c.is_ascii_digit());
    if parts.len() > 1 && parts.iter().all(words) {
        parts
    } else {
        vec![t]
    }
}

/// Drops the first heading when every amount column (two or more) is under it: a group heading
/// over the whole table (本年支出, 本年收入, 财政拨款“三公”经费) says nothing about any column.
fn drop_table_heading(paths: &mut [Vec<String>]) {
    let amounts: Vec<usize> = (0..paths.len())
        .filter(|&c| {
            let p = &paths[c];
            !p.is_empty() && !is_code(p) && !is_name(p) && !is_line_number(p)
        })
        .collect();
    let Some(&first) = amounts.first() else {
        return;
    };
    // 收入 and 支出 over a 总表's columns say which half they are: that is meaning, kept.
    let Some(top) = paths[first]
        .first()
        .filter(|t| !matches!(t.as_str(), "收入" | "支出"))
        .cloned()
    else {
        return;
    };
    let shared = amounts
        .iter()
        .all(|&c| paths[c].len() > 1 && paths[c][0] == top);
    if amounts.len() < 2 || !shared {
        return;
    }
    for &c in &amounts {
        paths[c].remove(0);
    }
}

pub fn joined(path: &[String]) -> String {
    path.join("/")
}

pub fn is_line_number(path: &[String]) -> bool {
    path.iter()
        .any(|p| p.contains("行次") || p.contains("栏次"))
}

pub fn is_code(path: &[String]) -> bool {
    path.iter()
        .any(|p| p.contains("编码") || p == "类" || p == "款" || p == "项")
        || path
            .last()
            .is_some_and(|p| p == "类" || p == "款" || p == "项")
}

pub fn is_name(path: &[String]) -> bool {
    path.iter().any(|p| p.contains("名称"))
}

/// What a column holds, from the headings above it.
pub fn key(path: &[String]) -> Option<ColKey> {
    let leaf = path.last()?.as_str();
    let under = |s: &str| path.iter().any(|p| p.contains(s));
    // Last year's figures beside this year's (上年预算数, 上年执行数, 上年 over 预算数 | 执行数): not
    // this year's 预算数 or 合计, whatever their leaf says; 上年结转 is this year's income.
    if under("上年") && !under("结转") {
        return Some(ColKey::PriorYear);
    }
    let key = match leaf {
        "小计" | "合计" if under("本年支出") && path.len() > 1 => {
            ColKey::CurrentExpenditure
        }
        "小计" if under("基本支出") => ColKey::Basic,
        // A 小计 is a group's own total, never the table's: 本年支出小计 on one header row.
        "本年支出小计" => ColKey::CurrentExpenditure,
        "合计" | "小计" | "本年收入合计" | "本年支出合计" | "合计数" => {
            ColKey::Total
        }
        l if l.contains("财政拨款收入") => ColKey::FiscalGrant,
        l if l.contains("上级补助") => ColKey::SuperiorGrant,
        l if l.contains("事业收入") => ColKey::BusinessIncome,
        l if l.contains("经营收入") => ColKey::OperatingIncome,
        l if l.contains("附属单位上缴") => ColKey::SubsidiaryRemit,
        l if l.contains("其他收入") => ColKey::OtherIncome,
        l if l.contains("人员经费") => ColKey::Personnel,
        l if l.contains("公用经费") => ColKey::Public,
        l if l.contains("基本支出") => ColKey::Basic,
        l if l.contains("项目支出") => ColKey::Project,
        l if l.contains("上缴上级") => ColKey::ToSuperior,
        l if l.contains("经营支出") => ColKey::OperatingExpenditure,
        l if l.contains("对附属单位") => ColKey::ToSubsidiary,
        l if l.contains("一般公共预算") => ColKey::GeneralBudget,
        l if l.contains("政府性基金") => ColKey::GovernmentFund,
        l if l.contains("国有资本经营") => ColKey::StateCapital,
        l if l.contains("年初") => ColKey::Opening,
        l if l.contains("年末") => ColKey::Closing,
        "本年收入" => ColKey::CurrentIncome,
        "本年支出" => ColKey::CurrentExpenditure,
        l if l.contains("预算数") => ColKey::Budget,
        l if l.contains("决算数") || l.contains("金额") || l.contains("决算") => {
            ColKey::Amount
        }
        _ => return budget_key(leaf),
    };
    Some(key)
}

/// The columns only a budget prints (江苏: 单位预留机动经费, 结转下年资金; 上年结转, 专户).
fn budget_key(leaf: &str) -> Option<ColKey> {
    let key = match leaf {
        l if l.contains("机动经费") => ColKey::Reserve,
        l if l.contains("结转下年") => ColKey::CarriedOut,
        l if l.contains("上年结转") => ColKey::CarriedIn,
        l if l.contains("专户") => ColKey::SpecialAccount,
        // The one amount column of the 江苏 机关运行经费 table (机关运行经费支出).
        l if l.contains("机关运行经费") => ColKey::Amount,
        _ => return None,
    };
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{Merge, RawValue};

    fn grid(rows: &[&[&str]], merges: Vec<Merge>) -> Grid {
        Grid {
            file: "t.xlsx".into(),
            sheet: "S".into(),
            rows: rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|t| {
                            if t.is_empty() {
                                RawValue::Empty
                            } else {
                                RawValue::Text(t.to_string())
                            }
                        })
                        .collect()
                })
                .collect(),
            merges,
            places: None,
        }
    }

    #[test]
    fn last_years_figures_are_not_this_years() {
        let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(key(&path(&["上年预算数"])), Some(ColKey::PriorYear));
        assert_eq!(key(&path(&["上年执行数"])), Some(ColKey::PriorYear));
        assert_eq!(key(&path(&["上年", "合计"])), Some(ColKey::PriorYear));
        assert_eq!(key(&path(&["本年预算数"])), Some(ColKey::Budget));
        assert_eq!(key(&path(&["上年结转"])), Some(ColKey::CarriedIn));
    }

    #[test]
    fn csv_group_headings_reach_their_sub_columns() {
        let g = grid(
            &[
                &["项目", "", "年初结转和结余", "本年支出", "", ""],
                &["科目编码", "科目名称", "", "小计", "基本支出", "项目支出"],
            ],
            Vec::new(),
        );
        let p = paths(&g, &[0, 1], 6);
        assert_eq!(joined(&p[4]), "本年支出/基本支出");
        assert_eq!(key(&p[3]), Some(ColKey::CurrentExpenditure));
        assert_eq!(key(&p[4]), Some(ColKey::Basic));
        assert_eq!(key(&p[2]), Some(ColKey::Opening));
        assert!(is_code(&p[0]) && is_name(&p[1]));
    }

    #[test]
    fn merged_headings_fill_their_range() {
        let g = grid(
            &[&["收入", "", "支出", ""], &["项目", "金额", "项目", "金额"]],
            vec![
                Merge {
                    first: (0, 0),
                    last: (0, 1),
                },
                Merge {
                    first: (0, 2),
                    last: (0, 3),
                },
            ],
        );
        let p = paths(&g, &[0, 1], 4);
        assert_eq!(joined(&p[3]), "支出/金额");
        assert_eq!(key(&p[3]), Some(ColKey::Amount));
    }

    /// The false error: without merges, 公务接待费's columns took the 运行费 heading
    /// printed to their left, one row down, across the edge of their own group.
    #[test]
    fn csv_headings_stay_inside_the_group_above() {
        let g = grid(
            &[
                &[
                    "合计",
                    "",
                    "公务用车购置及运行费",
                    "",
                    "",
                    "",
                    "公务接待费",
                    "",
                ],
                &["", "", "小计", "", "公务用车运行费", "", "", ""],
                &[
                    "预算数",
                    "决算数",
                    "预算数",
                    "决算数",
                    "预算数",
                    "决算数",
                    "预算数",
                    "决算数",
                ],
            ],
            Vec::new(),
        );
        let p = paths(&g, &[0, 1, 2], 8);
        assert_eq!(joined(&p[3]), "公务用车购置及运行费/小计/决算数");
        assert_eq!(joined(&p[5]), "公务用车购置及运行费/公务用车运行费/决算数");
        assert_eq!(joined(&p[6]), "公务接待费/预算数");
        assert_eq!(joined(&p[7]), "公务接待费/决算数");
    }

    /// 本年支出 over all of 合计 | 基本支出 | 项目支出 names the table, not a column: 合计 is the
    /// row total, as in the standard header.
    #[test]
    fn a_group_heading_over_every_amount_column_is_dropped() {
        let merged = |first, last| Merge { first, last };
        let g = grid(
            &[
                &["项目", "", "本年支出", "", ""],
                &["", "", "合计", "基本支出", "项目支出"],
                &["支出功能分类科目编码", "科目名称", "", "", ""],
            ],
            vec![
                merged((0, 0), (1, 1)),
                merged((0, 2), (0, 4)),
                merged((1, 2), (2, 2)),
                merged((1, 3), (2, 3)),
                merged((1, 4), (2, 4)),
            ],
        );
        let p = paths(&g, &[0, 1, 2], 5);
        let keys: Vec<_> = p.iter().map(|p| key(p)).collect();
        assert_eq!(
            keys[2..],
            [
                Some(ColKey::Total),
                Some(ColKey::Basic),
                Some(ColKey::Project)
            ]
        );
        assert!(is_code(&p[0]) && is_name(&p[1]));
    }

    /// One header row whose cells print the headings joined: the same paths as two rows.
    #[test]
    fn flattened_headings_are_paths() {
        let g = grid(
            &[&[
                "科目编码",
                "科目名称",
                "年初结转和结余",
                "本年支出-小计",
                "本年支出_基本支出",
                "本年支出—项目支出",
                "2023-2024",
            ]],
            Vec::new(),
        );
        let p = paths(&g, &[0], 7);
        assert_eq!(p[4], ["本年支出", "基本支出"]);
        assert_eq!(key(&p[3]), Some(ColKey::CurrentExpenditure));
        assert_eq!(key(&p[4]), Some(ColKey::Basic));
        assert_eq!(key(&p[5]), Some(ColKey::Project));
        assert_eq!(p[6], ["2023-2024"]);
        // The same header with its group and sub-heading run together.
        let one = vec!["本年支出小计".to_string()];
        assert_eq!(key(&one), Some(ColKey::CurrentExpenditure));
    }
}
