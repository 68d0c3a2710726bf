//! 政府收支分类科目: the 功能分类 classes (类) by code and name, and the 经济分类 classes of
//! 基本支出, as the 2016 and the 2020s editions name them.

/// (code, current name, older names) of each 功能分类 class.
const FUNCTION_CLASSES: &[(&str, &str, &[&str])] = &[
    ("201", "一般公共服务支出", &[]),
    ("202", "外交支出", &[]),
    ("203", "国防支出", &[]),
    ("204", "公共安全支出", &[]),
    ("205", "教育支出", &[]),
    ("206", "科学技术支出", &[]),
    ("207", "文化旅游体育与传媒支出", &["文化体育与传媒支出"]),
    ("208", "社会保障和就业支出", &[]),
    ("209", "社会保险基金支出", &[]),
    (
        "210",
        "卫生健康支出",
        &["医疗卫生与计划生育支出", "医疗卫生支出"],
    ),
    ("211", "节能环保支出", &[]),
    ("212", "城乡社区支出", &[]),
    ("213", "农林水支出", &[]),
    ("214", "交通运输支出", &[]),
    (
        "215",
        "资源勘探工业信息等支出",
        &["资源勘探信息等支出", "资源勘探电力信息等支出"],
    ),
    ("216", "商业服务业等支出", &[]),
    ("217", "金融支出", &[]),
    ("219", "援助其他地区支出", &[]),
    (
        "220",
        "自然资源海洋气象等支出",
        &["国土海洋气象等支出", "国土资源气象等支出"],
    ),
    ("221", "住房保障支出", &[]),
    ("222", "粮油物资储备支出", &["粮油物资管理事务"]),
    ("223", "国有资本经营预算支出", &[]),
    ("224", "灾害防治及应急管理支出", &[]),
    ("227", "预备费", &[]),
    ("229", "其他支出", &[]),
    ("230", "转移性支出", &[]),
    ("231", "债务还本支出", &[]),
    ("232", "债务付息支出", &[]),
    ("233", "债务发行费用支出", &[]),
    ("234", "抗疫特别国债安排的支出", &[]),
];

/// The code of a 功能分类 class named as printed (`一般公共服务支出`, `医疗卫生与计划生育`, `卫生健康支出（类）`).
pub fn function_class_code(name: &str) -> Option<&'static str> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    // Every name a class goes by, with and without its trailing 支出, sorted for a binary search:
    // summary tables ask this for each of their lines, and a few string comparisons cost less
    // than hashing the name.
    static BY_NAME: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    let names = BY_NAME.get_or_init(|| {
        let mut m = HashMap::new();
        for (code, current, older) in FUNCTION_CLASSES {
            for n in std::iter::once(current).chain(older.iter()) {
                m.insert(*n, *code);
                m.entry(n.trim_end_matches("支出")).or_insert(*code);
            }
        }
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_unstable();
        v
    });
    let find = |n: &str| {
        names
            .binary_search_by(|(k, _)| (*k).cmp(n))
            .ok()
            .map(|i| names[i].1)
    };
    let name = name
        .strip_suffix("（类）")
        .or_else(|| name.strip_suffix("(类)"))
        .unwrap_or(name);
    find(name).or_else(|| find(name.strip_suffix("支出")?))
}

/// The name of a 功能分类 class by its 3-digit code (208 → 社会保障和就业支出).
pub fn function_class_name(code: &str) -> Option<&'static str> {
    FUNCTION_CLASSES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, n, _)| *n)
}

/// Whether a 经济分类 class of 基本支出 counts as 人员经费 (301 工资福利支出, 303 对个人和家庭的补助);
/// every other class (302 商品和服务支出, 310 资本性支出 …) is 公用经费.
pub fn is_personnel_class(code: &str) -> bool {
    code.starts_with("301") || code.starts_with("303")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_both_editions_find_their_code() {
        assert_eq!(function_class_code("一般公共服务支出"), Some("201"));
        assert_eq!(function_class_code("医疗卫生与计划生育支出"), Some("210"));
        assert_eq!(function_class_code("卫生健康支出（类）"), Some("210"));
        assert_eq!(function_class_code("社会保障和就业"), Some("208"));
        assert_eq!(function_class_code("国土海洋气象等支出"), Some("220"));
        assert_eq!(function_class_code("本年支出合计"), None);
        assert_eq!(function_class_name("221"), Some("住房保障支出"));
    }
}
