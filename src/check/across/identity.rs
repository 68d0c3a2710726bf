//! Whether two documents are of one department: their names, with the province and city a
//! department may or may not print before its own name, are the same, or one is the other's
//! tail (财政局 in a 普陀区 folder, 普陀区财政局, 上海市普陀区财政局).

/// A department's name without the province or city before it (上海市普陀区财政局 → 普陀区财政局).
pub fn local_name(name: &str) -> String {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let mut rest = name.as_str();
    for mark in ['省', '市'] {
        // Only a leading place name: 2 to 4 characters ending in 省/市, with more after it.
        if let Some((head, tail)) = rest.split_once(mark) {
            if (2..=4).contains(&head.chars().count()) && tail.chars().count() >= 3 {
                rest = tail;
            }
        }
    }
    rest.to_string()
}

/// Whether two documents' departments are one; a document that names none is nobody's.
pub fn same_department(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let (a, b) = (local_name(a), local_name(b));
    let shorter = a.chars().count().min(b.chars().count());
    shorter >= 3 && (a.ends_with(&b) || b.ends_with(&a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Option<&str> {
        Some(name)
    }

    #[test]
    fn a_department_is_itself_with_or_without_its_city() {
        assert_eq!(local_name("上海市普陀区财政局"), "普陀区财政局");
        assert_eq!(local_name("江苏省人大办公厅"), "人大办公厅");
        assert!(same_department(
            named("上海市普陀区财政局"),
            named("普陀区财政局")
        ));
        assert!(same_department(named("普陀区财政局"), named("财政局")));
        assert!(!same_department(
            named("普陀区财政局"),
            named("徐汇区财政局")
        ));
        assert!(!same_department(
            named("普陀区财政局"),
            named("普陀区商务委员会")
        ));
        assert!(!same_department(named("局"), named("财政局")));
        assert!(!same_department(None, None));
    }
}
