//! Across documents, budgets (issue 14): a budget's 上年预算数 column against last year's
//! budget (C003), a final account's “三公” 预算数 against the year's budget (C004), a budget
//! narrative's change against last year's budget (C005) and against last year's final account
//! (C006), and the real 江苏 series 2017–2019.

use std::path::{Path, PathBuf};

use gouji::check::Severity;
use gouji::run::{check_paths, DocResult};

use super::common::{d, Scratch};

/// The relations of one rule verified in a document, as `expected = actual`.
fn verified(r: &DocResult, code: &str) -> Vec<String> {
    r.checked
        .iter()
        .filter(|c| c.rule == code)
        .map(|c| c.formula())
        .collect()
}

fn of<'r>(results: &'r [DocResult], name: &str) -> &'r DocResult {
    results
        .iter()
        .find(|r| r.source.contains(name))
        .unwrap_or_else(|| panic!("no {name} among {:?}", sources(results)))
}

fn sources(results: &[DocResult]) -> Vec<&str> {
    results.iter().map(|r| r.source.as_str()).collect()
}

/// A 一般公共预算支出预算表 that prints last year's budget beside this year's, one class down
/// to one item: (上年预算数, 本年 合计, 基本, 项目).
fn expenditure(year: u32, prior: &str, total: &str, basic: &str, project: &str) -> String {
    let row = |code: &str, name: &str| format!("{code},{name},{prior},{total},{basic},{project}\n");
    format!(
        "{year}年一般公共预算支出预算表\n部门：江苏省人大常委会办公厅,,,,,单位：万元\n\
         科目编码,科目名称,上年预算数,本年预算数,,\n,,,合计,基本支出,项目支出\n{}{}{}{}",
        row("", "合计"),
        row("201", "一般公共服务支出"),
        row("20101", "人大事务"),
        row("2010101", "行政运行"),
    )
}

#[test]
fn c003_last_years_budget_column_is_last_years_budget() {
    let dir = Scratch::new("c003");
    let a = dir.write(
        "江苏省人大办公厅-2018-预算支出.csv",
        expenditure(2018, "912.34", "1012.34", "612.30", "400.04"),
    );
    let b = dir.write(
        "江苏省人大办公厅-2019-预算支出.csv",
        expenditure(2019, "1012.34", "1106.78", "706.74", "400.04"),
    );
    let results = check_paths(&[a.clone(), b.clone()]);
    let later = of(&results, "2019");
    // 2019's 上年预算数 1012.34 on each of its four rows is 2018's 本年预算数.
    assert_eq!(verified(later, "C003"), vec!["1012.34 = 1012.34"; 4]);
    assert!(later.findings.iter().all(|f| f.rule != "C003"));
    // The earlier budget has no neighbour before it: nothing stated, nothing verified.
    assert!(verified(of(&results, "2018"), "C003").is_empty());

    // 2019 printing 1,021.34 (two digits swapped) as last year's budget contradicts 2018's
    // 1,012.34: a warning on each row, placed in 2019's table and naming 2018's cell.
    let b = dir.write(
        "江苏省人大办公厅-2019-预算支出.csv",
        expenditure(2019, "1021.34", "1106.78", "706.74", "400.04"),
    );
    let results = check_paths(&[a, b]);
    let found: Vec<_> = of(&results, "2019")
        .findings
        .iter()
        .filter(|f| f.rule == "C003")
        .collect();
    assert_eq!(found.len(), 4, "{found:#?}");
    let f = found[0];
    assert_eq!(f.severity, Severity::Warning);
    let places: Vec<_> = f.places().collect();
    assert!(places[0].file.contains("2019") && places[0].cell.as_deref() == Some("C5"));
    assert!(places[1].file.contains("2018") && places[1].cell.as_deref() == Some("D5"));
}

const BUDGET_THREE_PUBLIC: &str = "“三公”经费、会议费、培训费支出预算表\n\
    部门：江苏省人大常委会办公厅,,,,,,,,单位：万元\n\
    合计,“三公”经费,,,,,,会议费,培训费\n\
    ,小计,因公出国（境）费,公务用车购置及运行维护费,,,公务接待费,,\n\
    ,,,小计,公务用车购置费,公务用车运行维护费,,,\n\
    2600.71,767.60,199.25,183.60,,183.60,384.75,1469.73,363.38\n";

/// A final account's “三公” table with its 预算数 column, 公务接待费 budgeted at `reception`.
fn account_three_public(total: &str, reception: &str) -> String {
    format!(
        "财政拨款“三公”经费支出决算表\n编制单位：江苏省人大常委会办公厅,,单位：万元\n项目,预算数,决算数\n\
         合计,{total},700.00\n1.因公出国（境）费,199.25,180.00\n2.公务用车购置及运行维护费,183.60,170.00\n\
         其中：公务用车购置费,,\n公务用车运行维护费,183.60,170.00\n3.公务接待费,{reception},350.00\n"
    )
}

#[test]
fn c004_a_final_accounts_budget_column_is_the_years_budget() {
    let dir = Scratch::new("c004");
    let budget = dir.write("江苏省人大办公厅-2019-预算表.csv", BUDGET_THREE_PUBLIC);
    let account = dir.write(
        "江苏省人大办公厅-2019-决算.csv",
        account_three_public("767.60", "384.75"),
    );
    let results = check_paths(&[budget.clone(), account.clone()]);
    // Five lines printed with a budget: 合计 (the budget's “三公” 小计, not its 合计 2600.71
    // that adds 会议费 and 培训费), 出国, 车 (小计 and 运行费), 接待.
    assert_eq!(
        verified(of(&results, "决算"), "C004"),
        [
            "767.60 = 767.60",
            "199.25 = 199.25",
            "183.60 = 183.60",
            "183.60 = 183.60",
            "384.75 = 384.75"
        ]
    );
    // 接待费 budgeted at 348.75 in the final account (and its 合计 following it) is not the
    // year's budget: a warning each, the budget's cell named.
    let account = dir.write(
        "江苏省人大办公厅-2019-决算.csv",
        account_three_public("731.60", "348.75"),
    );
    let results = check_paths(&[budget, account]);
    let found: Vec<_> = of(&results, "决算")
        .findings
        .iter()
        .filter(|f| f.rule == "C004")
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found.iter().all(|f| f.severity == Severity::Warning));
    let reception = found.iter().find(|f| f.actual == Some(d("348.75")));
    let reception = reception.expect("接待费 named");
    assert_eq!(reception.expected, Some(d("384.75")));
    let budget_cell = reception.places().nth(1).unwrap();
    assert!(budget_cell.file.contains("预算表") && budget_cell.cell.as_deref() == Some("G6"));
}

/// A 江苏 budget narrative stating its total and the change from last year's budget.
fn narrative(year: u32, total: &str, change: &str, rate: &str) -> String {
    format!(
        "江苏省人大常委会办公厅{year}年度部门预算\n一、收支预算总表情况说明\n\
         （1）一般公共预算收入预算{total}万元，与上年相比增加{change}万元，增长{rate}%。\n"
    )
}

#[test]
fn c005_a_budgets_change_implies_last_years_budget() {
    let dir = Scratch::new("c005");
    let a = dir.write(
        "江苏省人大办公厅-2017-预算说明.txt",
        narrative(2017, "13649.07", "844.15", "6.59"),
    );
    // The real figures: 15897.44 − 2248.37 = 13649.07, 2017's total; 2248.37 / 13649.07 = 16.47%.
    let b = dir.write(
        "江苏省人大办公厅-2018-预算说明.txt",
        narrative(2018, "15897.44", "2248.37", "16.47"),
    );
    let results = check_paths(&[a.clone(), b.clone()]);
    let later = of(&results, "2018");
    assert_eq!(verified(later, "C005"), ["13649.07 = 13649.07"]);
    assert!(later.findings.iter().all(|f| !f.rule.starts_with('C')));

    // The increase mistyped as 2284.37: the rate still fits 2017's budget, so the amount is blamed.
    let b = dir.write(
        "江苏省人大办公厅-2018-预算说明.txt",
        narrative(2018, "15897.44", "2284.37", "16.47"),
    );
    let results = check_paths(&[a, b]);
    let found: Vec<_> = of(&results, "2018")
        .findings
        .iter()
        .filter(|f| f.rule == "C005")
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = found[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        (f.expected, f.actual),
        (Some(d("13649.07")), Some(d("13613.07")))
    );
    assert!(f.message.zh.contains("错的是变动额"), "{}", f.message.zh);
    assert!(f.places().any(|p| p.file.contains("2017")));
}

fn real(name: &str) -> Option<PathBuf> {
    let p = Path::new("../shared/realdata/budgets").join(name);
    p.exists().then_some(p)
}

/// 江苏省人大常委会办公厅's budgets of 2017, 2018 and 2019 (the last as two PDFs, tables and
/// narrative): every document knows its department and year, and each year's stated changes
/// imply the year before's published budget — the series is consistent.
#[test]
fn the_real_jiangsu_series_is_consistent_across_years() {
    let names = [
        "江苏省人大办公厅-2017-预算.pdf",
        "江苏省人大办公厅-2018-预算.pdf",
        "江苏省人大办公厅-2019-预算表.pdf",
        "江苏省人大办公厅-2019-预算说明.pdf",
    ];
    let Some(paths) = names.iter().map(|n| real(n)).collect::<Option<Vec<_>>>() else {
        eprintln!("SKIPPED: ../shared/realdata/budgets is absent");
        return;
    };
    let results = check_paths(&paths);
    assert_eq!(results.len(), 3, "{:?}", sources(&results));
    // 2019's two PDFs are one document, named by what their names share in a folder of others.
    assert!(results[2]
        .source
        .ends_with("budgets/江苏省人大办公厅-2019-预算"));
    for r in &results {
        let d = r.document.as_ref().unwrap();
        assert_eq!(d.department.as_deref(), Some("江苏省人大常委会办公厅"));
    }
    let years: Vec<_> = results
        .iter()
        .map(|r| r.document.as_ref().unwrap().year)
        .collect();
    assert_eq!(years, [Some(2017), Some(2018), Some(2019)]);
    // 2018 against 2017: 收支总计 13649.07 (stated three times), 基本支出 7666.68, 项目支出
    // 5853.96, 机关运行经费 5619.31; 2019 against 2018: 收支总计 15897.44 (three times), 基本支出
    // 7877.76, 项目支出 6333.96, 因公出国（境）费 222.50, 公务接待费 427.50 and 1579.38. Each the
    // figure the earlier budget's narrative states, or where it states none its tables print
    // (2018's “三公” table: 222.50, 427.50).
    let c005 = |i: usize| verified(&results[i], "C005");
    assert!(c005(0).is_empty());
    assert_eq!(c005(1).len(), 6, "{:?}", c005(1));
    assert!(c005(1).contains(&"13649.07 = 13649.07".to_string()));
    assert!(c005(1).contains(&"5853.96 = 5853.96".to_string()));
    assert_eq!(c005(2).len(), 8, "{:?}", c005(2));
    assert!(c005(2).contains(&"15897.44 = 15897.44".to_string()));
    assert!(c005(2).contains(&"427.50 = 427.50".to_string()));
    for r in &results {
        let across: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.rule.starts_with('C'))
            .collect();
        assert!(across.is_empty(), "{}: {across:#?}", r.source);
    }
}

/// A 2025 budget narrative of 普陀区财政局 stating its change from 2024's outcome, beside the
/// 2024 final account of the sample (财政拨款本年支出合计 29,400,500 元 = 2,940.05 万元).
fn budget_after_sample(increase: &str) -> Vec<DocResult> {
    let dir = Scratch::new("c006");
    let sample = Path::new("samples/putuo-finance-2024/普陀区财政局-2024-决算公开表.xlsx");
    let account = dir.join("普陀区财政局-2024-决算公开表.xlsx");
    std::fs::copy(sample, &account).unwrap();
    let budget = dir.write(
        "普陀区财政局-2025-部门预算说明.txt",
        format!(
            "上海市普陀区财政局2025年度部门预算\n一、财政拨款支出预算情况说明\n\
             2025年财政拨款支出预算3200.00万元，比2024年执行数增加{increase}万元，增长8.84%。\n"
        ),
    );
    check_paths(&[account, budget])
}

#[test]
fn c006_a_budgets_change_from_last_years_outcome_meets_the_final_account() {
    // 3200.00 − 259.95 = 2940.05 万元 = the final account's 29,400,500 元.
    let results = budget_after_sample("259.95");
    let budget = of(&results, "预算");
    assert_eq!(verified(budget, "C006"), ["2940.05万元 = 29400500元"]);
    assert!(budget.findings.iter().all(|f| !f.rule.starts_with('C')));

    // 295.95 (two digits swapped) implies 2904.05; 8.84% still fits 2940.05, so the amount is
    // blamed. A warning: a budget's 执行数 is an estimate made before the account closed.
    let results = budget_after_sample("295.95");
    let found: Vec<_> = of(&results, "预算")
        .findings
        .iter()
        .filter(|f| f.rule == "C006")
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = found[0];
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        (f.expected, f.actual),
        (Some(d("2940.05")), Some(d("2904.05")))
    );
    assert!(f.message.zh.contains("错的是变动额"), "{}", f.message.zh);
    let account_cell = f.places().nth(1).unwrap();
    assert!(account_cell.file.contains("2024-决算公开表"));
    assert_eq!(account_cell.cell.as_deref(), Some("D119"));
}

/// A 2025 final account's narrative stating the year's budgets, beside the budget sample of
/// 普陀区商务委员会 2025 (its 一般公共预算 and 财政拨款 支出 371,514,655 元 = 37,151.47 万元).
fn account_after_budget(general: &str, fiscal: &str) -> Vec<DocResult> {
    let dir = Scratch::new("c004-narrative");
    let sample =
        Path::new("samples/putuo-commerce-budget-2025/普陀区商务委员会-2025-部门预算公开表.xlsx");
    let budget = dir.join("普陀区商务委员会-2025-部门预算公开表.xlsx");
    std::fs::copy(sample, &budget).unwrap();
    let account = dir.write(
        "普陀区商务委员会-2025-决算说明.txt",
        format!(
            "上海市普陀区商务委员会2025年度部门决算\n\
             2025年度一般公共预算财政拨款支出年初预算为{general}万元，支出决算为36000.00万元。\n\
             2025年度财政拨款支出年初预算为{fiscal}万元，支出决算为36000.00万元。\n"
        ),
    );
    check_paths(&[budget, account])
}

#[test]
fn c004_a_final_accounts_stated_budgets_are_the_years_budget() {
    // 37,151.47 万元 is the budget's 371,514,655 元 at two decimals: within its rounding.
    let results = account_after_budget("37151.47", "37151.47");
    let account = of(&results, "决算");
    assert_eq!(verified(account, "C004").len(), 2);
    assert!(account
        .findings
        .iter()
        .all(|f| f.rule != "C004" || f.severity == Severity::Info));
    // 37,115.47 (two digits swapped) for the 一般公共预算 is not the year's budget: a warning.
    let results = account_after_budget("37115.47", "37151.47");
    let found: Vec<_> = of(&results, "决算")
        .findings
        .iter()
        .filter(|f| f.rule == "C004" && f.severity == Severity::Warning)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].actual, Some(d("37115.47")));
    assert!(found[0]
        .message
        .zh
        .contains("一般公共预算财政拨款支出年初预算"));
}

/// Two items of one concept in last year's narrative (财政拨款收入 and 一般公共预算收入 are both the
/// appropriations' income to the concept dictionary; they differ where a department has
/// 政府性基金): this year's change is measured against the one worded as it is, never the first.
#[test]
fn c005_meets_last_years_budget_under_the_same_wording() {
    let dir = Scratch::new("c005-wording");
    let a = dir.write(
        "江苏省人大办公厅-2017-预算说明.txt",
        "江苏省人大常委会办公厅2017年度部门预算\n\
         （1）财政拨款收入预算15000.00万元，与上年相比增加1000.00万元，增长7.14%。\n\
         （2）一般公共预算收入预算13649.07万元，与上年相比增加844.15万元，增长6.59%。\n",
    );
    let b = dir.write(
        "江苏省人大办公厅-2018-预算说明.txt",
        narrative(2018, "15897.44", "2248.37", "16.47"),
    );
    let results = check_paths(&[a, b]);
    assert_eq!(
        verified(of(&results, "2018"), "C005"),
        ["13649.07 = 13649.07"]
    );
}
