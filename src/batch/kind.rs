//! The department kind (部门类别): what a department is, whatever region it serves, so that the
//! 卫生健康委员会 of one district is compared with the 卫生健康委员会 of the others. A name loses
//! its region (上海市徐汇区卫生健康委员会 → 卫生健康委员会) and a common short form is folded onto
//! the full name (卫健委 → 卫生健康委员会) by [`ALIASES`], which `--aliases FILE.csv` extends.
//! A unit below a department (…中心, …所) is matched whole, never by a part of its name, so it
//! keeps a kind of its own.

use std::collections::HashMap;
use std::path::Path;

use crate::model::names::norm;
use crate::read::ReadError;

/// Short forms and variants as districts print them, each with the kind it folds onto. A kind
/// that is already its own full name needs no line here.
pub const ALIASES: &[(&str, &str)] = &[
    ("卫健委", "卫生健康委员会"),
    ("卫生健康委", "卫生健康委员会"),
    ("卫生和健康委员会", "卫生健康委员会"),
    ("卫生和计划生育委员会", "卫生健康委员会"),
    ("卫计委", "卫生健康委员会"),
    ("人社局", "人力资源和社会保障局"),
    ("人力社保局", "人力资源和社会保障局"),
    ("人力资源社会保障局", "人力资源和社会保障局"),
    ("发改委", "发展和改革委员会"),
    ("发展改革委", "发展和改革委员会"),
    ("发展改革委员会", "发展和改革委员会"),
    ("区委办", "区委办公室"),
    ("区府办", "区政府办公室"),
    ("区政府办", "区政府办公室"),
    ("人民政府办公室", "区政府办公室"),
    ("教体局", "教育局"),
    ("规划资源局", "规划和自然资源局"),
    ("规资局", "规划和自然资源局"),
    ("规土局", "规划和自然资源局"),
    ("环保局", "生态环境局"),
    ("生态环境保护局", "生态环境局"),
    ("文旅局", "文化旅游局"),
    ("文化和旅游局", "文化旅游局"),
    ("交通委", "交通委员会"),
    ("市场监管局", "市场监督管理局"),
    ("国资委", "国有资产监督管理委员会"),
    ("民宗办", "民族宗教事务办公室"),
    ("退役军人局", "退役军人事务局"),
    ("医保局", "医疗保障局"),
    ("应急局", "应急管理局"),
];

/// The folding of names onto kinds: the built-in table, extended (or overridden) by a file.
#[derive(Clone, Debug)]
pub struct Aliases(HashMap<String, String>);

impl Default for Aliases {
    fn default() -> Self {
        Aliases(
            ALIASES
                .iter()
                .map(|(a, k)| (norm(a), k.to_string()))
                .collect(),
        )
    }
}

impl Aliases {
    /// The built-in table with the lines of a CSV of `alias,kind` (a header line first) added;
    /// a line of the file wins over the built-in one for the same alias.
    pub fn with_file(path: &Path) -> Result<Aliases, ReadError> {
        let mut aliases = Aliases::default();
        for (i, rec) in super::csv_records(path)?.iter().enumerate() {
            let field = |k: usize| rec.get(k).map(norm).unwrap_or_default();
            let (alias, kind) = (field(0), field(1));
            if alias.is_empty() || kind.is_empty() {
                return Err(ReadError::Corrupt {
                    file: path.display().to_string(),
                    reason: format!("第 {} 行：应为“简称,部门类别”两列", i + 2),
                });
            }
            aliases.0.insert(alias, kind);
        }
        Ok(aliases)
    }

    /// The kind of a department named `department` in `district`: its name without the region,
    /// folded onto the full name when it is a known short form.
    pub fn kind_of(&self, department: &str, district: &str) -> String {
        let (name, district) = (norm(department), norm(district));
        let bare = without_region(&name, &district);
        match self.0.get(bare) {
            Some(kind) => kind.clone(),
            None => bare.to_string(),
        }
    }
}

/// The name without the province or city before it and the district it is of (上海市普陀区财政局
/// → 财政局). Without a known district, a 区/县/旗 among the first characters ends the region,
/// unless the name would be left too short to be a department.
fn without_region<'a>(name: &'a str, district: &str) -> &'a str {
    let name = strip_city(name);
    if !district.is_empty() {
        if let Some(rest) = name.strip_prefix(district).filter(|r| !r.is_empty()) {
            // 普陀区委社会工作部 is the district's Party committee's: 区委社会工作部.
            if rest.starts_with('委') {
                let last = district.chars().last().map_or(0, char::len_utf8);
                return &name[district.len() - last..];
            }
            return rest;
        }
    }
    let at = name
        .char_indices()
        .take(6)
        .skip(1)
        .find(|(_, c)| matches!(c, '区' | '县' | '旗'));
    match at {
        // 普陀区委… keeps its 区: the district's Party committee.
        Some((i, c)) if name[i + c.len_utf8()..].starts_with('委') => &name[i..],
        Some((i, c)) if name[i + c.len_utf8()..].chars().count() >= 2 => &name[i + c.len_utf8()..],
        _ => name,
    }
}

/// The name without a leading 中共 and province or city (上海市, 安徽省亳州市).
fn strip_city(name: &str) -> &str {
    let mut name = name.strip_prefix("中共").unwrap_or(name);
    // Two characters at least before 省 or 市: 城市管理局 is no city's.
    for end in ['省', '市'] {
        let at = name
            .char_indices()
            .take(5)
            .skip(2)
            .find(|(_, c)| *c == end)
            .map(|(i, c)| i + c.len_utf8());
        if let Some(i) = at.filter(|&i| name[i..].chars().count() >= 2) {
            name = &name[i..];
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_region_and_short_forms_fold() {
        let a = Aliases::default();
        // (name, district known, kind)
        let cases = [
            ("上海市徐汇区卫生健康委员会", "徐汇区", "卫生健康委员会"),
            ("谯城区人力资源和社会保障局", "", "人力资源和社会保障局"),
            ("谯城区人社局", "", "人力资源和社会保障局"),
            ("普陀区卫健委", "普陀区", "卫生健康委员会"),
            ("上海市普陀区财政局", "", "财政局"),
            ("安徽省亳州市谯城区发改委", "", "发展和改革委员会"),
            ("财政局", "普陀区", "财政局"),
            ("城市管理行政执法局", "", "城市管理行政执法局"),
            // 区委 is the district's Party committee, not the end of a district's name …
            ("区委办", "", "区委办公室"),
            ("普陀区区委办", "普陀区", "区委办公室"),
            ("区委社会工作部", "徐汇区", "区委社会工作部"),
            // … and keeps its 区 after one, as the real 2024 决算 of 普陀区 names it.
            ("中共上海市普陀区委社会工作部", "普陀区", "区委社会工作部"),
            ("中共普陀区委社会工作部", "", "区委社会工作部"),
            // A unit below a department keeps its own kind.
            ("普陀区疾病预防控制中心", "普陀区", "疾病预防控制中心"),
            (
                "上海市普陀区卫健委所属疾病预防控制中心",
                "普陀区",
                "卫健委所属疾病预防控制中心",
            ),
        ];
        for (name, district, kind) in cases {
            assert_eq!(a.kind_of(name, district), kind, "{name}");
        }
    }

    #[test]
    fn a_file_adds_and_overrides_aliases() {
        let dir = std::env::temp_dir().join(format!("gouji-aliases-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("aliases.csv");
        std::fs::write(
            &path,
            "简称,部门类别\n卫体委,卫生健康委员会\n文旅局,文化和旅游局\n",
        )
        .unwrap();
        let a = Aliases::with_file(&path).unwrap();
        assert_eq!(a.kind_of("徐汇区卫体委", "徐汇区"), "卫生健康委员会");
        assert_eq!(a.kind_of("徐汇区文旅局", "徐汇区"), "文化和旅游局");
        assert_eq!(a.kind_of("徐汇区卫健委", "徐汇区"), "卫生健康委员会");
        std::fs::write(&path, "简称,部门类别\n卫体委\n").unwrap();
        assert!(Aliases::with_file(&path).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
