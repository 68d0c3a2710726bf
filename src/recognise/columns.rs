//! Headers: several printed rows, merged cells, group headings over sub-columns. Each column gets
//! the path of headings above it (`本年支出/基本支出`) and, from that path, what it holds.

use crate::model::ColKey;
use crate::read::Grid;

use super::text::norm;

/// The heading path of every column over the given header rows.
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
            } else if grid.merges.is_empty() && c > 0 && !row[c - 1].is_empty() {
                // No merge information (CSV): a group heading is printed once, over the
                // first of its sub-columns; the columns after it that have a sub-heading
                // below and nothing here belong to the same group.
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
            if !t.is_empty() && paths[c].last() != Some(&t) {
                paths[c].push(t);
            }
        }
    }
    paths
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
    let key = match leaf {
        "小计" | "合计" if under("本年支出") && path.len() > 1 => {
            ColKey::CurrentExpenditure
        }
        "小计" if under("基本支出") => ColKey::Basic,
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
}
