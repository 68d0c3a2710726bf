//! The narrative of budgets (部门预算 / 单位预算): reconstructed sentences of both families
//! (江苏省, 上海市普陀区) for each relation, and the real budgets of ../shared (SKIPPED when absent),
//! where every error is one the printed page shows.

use std::process::Command;

use gouji::check::{Finding, Outcome, Severity};
use gouji::run::{check_file, check_group, DocResult, Verdict};

use super::common::{d, Scratch};
use super::narrative_rules::{assert_checked, findings, trace};

const BUDGETS: &str = "../shared/realdata/budgets";

/// Checks a budget narrative written to a .txt named as a 部门预算.
fn check_budget(text: &str) -> DocResult {
    let s = Scratch::new("budget");
    let r = check_file(&s.write("某委-2025-部门预算说明.txt", text));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r
}

/// Checks `good`, where `rule` verifies `formula` exactly and finds nothing, then `bad`, whose
/// result it returns.
fn exact_then_broken(good: &str, rule: &str, formula: &str, bad: &str) -> DocResult {
    let r = check_budget(good);
    assert_clean(&r, rule);
    assert_checked(&r, rule, formula, Outcome::Exact);
    check_budget(bad)
}

/// The one finding of a rule, an error.
fn only_error<'r>(r: &'r DocResult, rule: &str) -> &'r Finding {
    let f = findings(r, rule);
    assert_eq!(f.len(), 1, "{rule}: {:#?}", r.findings);
    assert_eq!(f[0].severity, Severity::Error);
    f[0]
}

/// No finding of a rule, and its relations checked exactly.
fn assert_clean(r: &DocResult, rule: &str) {
    assert!(findings(r, rule).is_empty(), "{:#?}", r.findings);
    assert!(
        r.checked.iter().any(|c| c.rule == rule),
        "{rule} never checked: {:#?}",
        trace(r)
    );
}

#[test]
fn the_first_item_of_a_budget_income_breakdown_counts_when_a_change_follows_it() {
    // Issue 13's first misfire: the 财政拨款收入 of the 其中 was dropped when its change clause
    // followed it, leaving 0 + 0 + 0 against 37,151.47. In a budget the 收入预算 is the stated
    // total (not the 预算数 of an execution sentence), and all four items are its parts.
    let r = check_budget(
        "2025年，上海市普陀区商务委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，\
         比2024年预算执行数增加24,558.18万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。\n",
    );
    assert_clean(&r, "N101");
    assert_checked(
        &r,
        "N101",
        "37151.47 = 37151.47 + 0 + 0 + 0",
        Outcome::Exact,
    );
}

#[test]
fn a_sub_list_ends_where_the_list_above_it_resumes() {
    // 江苏 2017: “2．公务用车购置及运行费 183.6 万元。其中：(1)…(2)…” and then “3．公务接待费”,
    // which is the next item of the list above, not a third part of 183.6.
    let r = check_budget(
        "2．公务用车购置及运行费预算支出183.6万元。其中：\n(1)公务用车购置为0万元，与上年持平。\n\
         (2)公务用车运行维护费预算支出183.6万元，与上年预算数持平。\n3．公务接待费预算支出427.5万元，与上年预算数持平。\n",
    );
    assert_clean(&r, "N101");
    assert_checked(&r, "N101", "183.6 = 0 + 183.6", Outcome::Exact);
}

/// 江苏 2017's wording: the base of the share is stated two paragraphs before it.
const FISCAL_SHARE: &str =
    "江苏省人大常委会办公厅本年支出预算合计13649.07万元，其中：基本支出7666.68万元。\n\
    江苏省人大常委会办公厅2017年度一般公共预算拨款安排的会议费预算支出1305.25万元。\n\
    江苏省人大常委会办公厅2017年财政拨款预算支出13649.07万元，占本年支出合计的PCT。\n";

#[test]
fn a_share_of_a_base_stated_elsewhere_takes_the_figure_its_name_is_tied_to() {
    // Issue 13's second misfire: 财政拨款预算支出…占本年支出合计的100% was divided by a figure of
    // another paragraph. The base is 本年支出合计: the 本年支出预算合计 stated before it.
    // A wrong share names its base: the words after 占, the label of the figure they were found
    // to mean, and that figure.
    let r = exact_then_broken(
        &FISCAL_SHARE.replace("PCT", "100%"),
        "N102",
        "13649.07万元 / 13649.07万元 = 100% ≈ 100%",
        &FISCAL_SHARE.replace("PCT", "90%"),
    );
    let f = only_error(&r, "N102");
    assert_eq!(
        f.message.zh,
        "占比与数字不符：13649.07万元 / 13649.07万元 = 100% ≈ 90%，\
         按 “本年支出合计”（江苏省人大常委会办公厅本年支出预算合计）13649.07万元 计应为 100%"
    );
    assert_eq!((f.expected, f.actual), (Some(d("100")), Some(d("90"))));
}

#[test]
fn a_share_whose_base_no_figure_is_tied_to_is_not_checked() {
    // 占部门预算的 names no item of the dictionary: no figure of another sentence is taken for it.
    let text = FISCAL_SHARE
        .replace("占本年支出合计的", "占部门预算的")
        .replace("PCT", "100%");
    let r = check_budget(&text);
    assert!(
        !r.checked.iter().any(|c| c.rule == "N102"),
        "{:#?}",
        trace(&r)
    );
    assert!(findings(&r, "N102").is_empty());
}

// ---------------------------------------------------------------------------------------------
// §2 Never a silent pass
// ---------------------------------------------------------------------------------------------

/// A table no one recognises: a title, a unit and figures, but no header of a standard table.
const STAFF_TABLE: &str =
    "2025年部门人员情况统计表\n,单位：人\n项目,人数,备注\n在职人员,12,\n退休人员,3,\n";

/// A recognised 收入决算表 (the one bad_input reads in GBK), to show the warning goes.
const INCOME_TABLE: &str = "收入决算表\n,,单位：万元\n项目,本年收入合计,财政拨款收入,其他收入\n\
    合计,3997.99,3966.63,31.36\n";

fn gouji(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[test]
fn a_document_whose_tables_nobody_recognises_is_not_checked_and_says_which_it_saw() {
    let s = Scratch::new("unrecognised");
    let staff = s.write("某委-2025-统计表.csv", STAFF_TABLE);
    let r = check_file(&staff);
    let f = findings(&r, "M601");
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].message.zh,
        "未找到任何可识别的标准表，未核对任何表内数字；所见的表：“某委-2025-统计表”（某委-2025-统计表!A1）"
    );
    assert_eq!(findings(&r, "M603").len(), 1, "{:#?}", r.findings);
    assert!(!r.was_checked());
    assert_eq!(r.verdict(), Verdict::NotChecked);

    // Once a standard table is recognised beside it, the document is checked: no such warning.
    let income = s.write("某委-2025-收入表.csv", INCOME_TABLE);
    let r = check_group(&[staff.clone(), income]);
    assert!(
        !findings(&r, "M601")
            .iter()
            .any(|f| f.message.zh.contains("未找到任何")),
        "{:#?}",
        r.findings
    );
    assert!(r.was_checked());
    assert_eq!(r.verdict(), Verdict::Warnings);

    // The terminal, extract and the batch say it too.
    let path = staff.to_str().unwrap();
    let (code, out, _) = gouji(&["check", path]);
    assert_eq!(code, 0);
    assert!(out.ends_with("无法读取 0，未核对 1\n"), "{out}");
    let (_, out, _) = gouji(&["extract", "--format", "text", path]);
    assert!(out.contains("未找到任何可识别的标准表"), "{out}");
    let batch_out = Scratch::new("unrecognised-batch");
    std::fs::remove_file(s.join("某委-2025-收入表.csv")).unwrap();
    let (_, _, err) = gouji(&[
        "batch",
        s.to_str().unwrap(),
        "-o",
        batch_out.to_str().unwrap(),
    ]);
    assert!(err.contains("未核对 1"), "{err}");
    let rows = gouji::batch::outputs::read_rows(&batch_out.join("summary.csv")).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].verdict, Verdict::NotChecked);
    let csv = std::fs::read_to_string(batch_out.join("summary.csv")).unwrap();
    assert!(csv.contains(",not_checked,"), "{csv}");
}

#[test]
fn table_titles_printed_in_the_text_are_the_tables_seen() {
    // What a tables-only budget PDF leaves when its unruled tables are not recognised: their
    // titles among lines of figures, and the contents page listing them first. Numbers of
    // tables (公开02表) and section headings (五、部门预算表) are no titles.
    // The pages part at form feeds, as pdftotext prints them. A text file without pages names
    // the tables it goes with, and shows none.
    let text = "目 录\n\n1.收支预算总表\n\n五、部门预算表\n\x0c\n收支预算总表\n\n\
        公开表一\n\n收入合计 18,330.37\n\x0c\n收入预算总表\n\n公开02表\n\n项目名称 金额\n";
    let s = Scratch::new("titles");
    let r = check_file(&s.write("某委-2019-预算表.txt", text));
    let f = findings(&r, "M601");
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!(
        f[0].message.zh,
        "未找到任何可识别的标准表，未核对任何表内数字；所见的表：“收支预算总表”（p.2）、“收入预算总表”（p.3）"
    );
    assert_eq!(r.verdict(), Verdict::NotChecked);
    let r = check_file(&s.write("某委-2019-预算说明.txt", text.replace('\x0c', "\n")));
    assert!(findings(&r, "M601").is_empty(), "{:#?}", r.findings);
}

#[test]
fn a_narrative_read_alone_with_figures_checked_is_no_missing_table() {
    let r = check_budget("收入预算100.00万元，其中：财政拨款收入100.00万元。\n");
    assert!(findings(&r, "M601").is_empty(), "{:#?}", r.findings);
    assert!(r.was_checked());
    assert_eq!(r.verdict(), Verdict::Clean);
    // A text with neither a table nor a checkable figure checks nothing.
    let r = check_budget("本部门主要职能是负责本区商务工作。\n");
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_eq!(r.verdict(), Verdict::NotChecked);
}

// ---------------------------------------------------------------------------------------------
// §5 The budget narrative
// ---------------------------------------------------------------------------------------------

#[test]
fn a_change_that_opens_its_sentence_is_of_the_figure_before_it() {
    // 江苏 2018 p.21: “单位预留机动经费预算数为1685.72万元。与上年相比增加1557.29万元，增长1312.56%。”
    // The prior year is 1685.72 − 1557.29 = 128.43 (2017's own 预算数), so the rate is
    // 1557.29 / 128.43 = 1212.56%: the printed 1312.56% is a typo of one digit.
    let text = "单位预留机动经费预算数为1685.72万元。与上年相比增加1557.29万元，增长RATE。\n";
    let r = exact_then_broken(
        &text.replace("RATE", "1212.56%"),
        "N103",
        "1557.29万元 / (1685.72万元 − 1557.29万元) = 1212.5594% ≈ 1212.56%",
        &text.replace("RATE", "1312.56%"),
    );
    let f = only_error(&r, "N103");
    assert_eq!(
        (f.expected, f.actual),
        (Some(d("1212.5594")), Some(d("1312.56")))
    );
    // With two figures before it, which one changed is a guess: no claim is checked.
    let r = check_budget(
        "基本支出预算数为7666.68万元，项目支出预算数为5853.96万元。与上年相比增加844.15万元，增长12.37%。\n",
    );
    assert!(
        !r.checked.iter().any(|c| c.rule == "N103"),
        "{:#?}",
        trace(&r)
    );
}

/// 江苏's “三公” sentence, with the three shares printed.
const THREE_PUBLIC: &str =
    "江苏省人大常委会办公厅2018年度一般公共预算拨款安排的“三公”经费预算支出中，\
    因公出国（境）费支出222.5万元，占“三公”经费的A；公务用车购置及运行费支出183.6万元，\
    占“三公”经费的B；公务接待费支出427.5万元，占“三公”经费的C。\n";

#[test]
fn three_public_items_are_shares_of_the_three_public_total() {
    // 江苏 2018 p.27: the total is 222.5 + 183.6 + 427.5 = 833.6, and 222.5 / 833.6 = 26.69%,
    // 427.5 / 833.6 = 51.28%; 183.6 / 833.6 = 22.02495% is printed 22.03% (a rounding note).
    let r = check_budget(
        &THREE_PUBLIC
            .replace('A', "26.69%")
            .replace('B', "22.03%")
            .replace('C', "51.28%"),
    );
    assert!(
        findings(&r, "N102")
            .iter()
            .all(|f| f.severity == Severity::Info),
        "{:#?}",
        r.findings
    );
    assert_checked(
        &r,
        "N102",
        "222.5万元 / (222.5万元 + 183.6万元 + 427.5万元) = 26.6915% ≈ 26.69%",
        Outcome::Exact,
    );
    assert_checked(
        &r,
        "N102",
        "427.5万元 / (222.5万元 + 183.6万元 + 427.5万元) = 51.2836% ≈ 51.28%",
        Outcome::Exact,
    );
    // 江苏 2017 p.28 prints 8.75%, 7.22% and 16.81% “of the 三公”: they are shares of 三公 + 会议费
    // 1305.25 + 培训费 403.75 = 2542.6 (222.5 / 2542.6 = 8.75%), and add up to 32.78%.
    let r = check_budget(
        &THREE_PUBLIC
            .replace('A', "8.75%")
            .replace('B', "7.22%")
            .replace('C', "16.81%"),
    );
    let f = findings(&r, "N102");
    assert_eq!(f.len(), 3, "{:#?}", r.findings);
    assert!(f.iter().all(|f| f.severity == Severity::Error));
    assert_eq!(
        f[0].message.zh,
        "占比与数字不符：222.5万元 / (222.5万元 + 183.6万元 + 427.5万元) = 26.6915% ≈ 8.75%，\
         按 “三公经费” (222.5万元 + 183.6万元 + 427.5万元) 计应为 26.69%"
    );
}

/// 江苏's expenditure structure: the 其中 runs on one part a line.
const STRUCTURE: &str = "三、支出预算情况说明\n江苏省人大常委会办公厅本年支出预算合计18330.37万元，\n其中：\n\
    基本支出9312.9万元，占50.81%；\n项目支出6459.58万元，占P%；\n单位预留机动经费2557.89万元，占13.95%；\n\
    结转下年资金0万元，占0%。\n四、财政拨款收支预算总体情况说明\n";

#[test]
fn a_breakdown_that_runs_on_one_part_a_line_is_summed_and_its_shares_checked() {
    // 江苏 2019 p.11: 9312.9 + 6459.58 + 2557.89 + 0 = 18330.37, and 6459.58 / 18330.37 = 35.24%.
    let r = check_budget(&STRUCTURE.replace('P', "35.24"));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_checked(
        &r,
        "N101",
        "18330.37 = 9312.9 + 6459.58 + 2557.89 + 0",
        Outcome::Exact,
    );
    assert_checked(
        &r,
        "N102",
        "6459.58万元 / 18330.37万元 = 35.2398% ≈ 35.24%",
        Outcome::Exact,
    );
    // A share its figures do not give is an error.
    let r = check_budget(&STRUCTURE.replace('P', "45.24"));
    let f = only_error(&r, "N102");
    assert_eq!(
        (f.expected, f.actual),
        (Some(d("35.2398")), Some(d("45.24")))
    );
}

#[test]
fn shares_of_a_run_on_breakdown_adjusted_to_add_up_are_a_warning() {
    // 江苏 2018 p.22: 1685.72 / 15897.44 = 10.6037% is printed 10.61% so that 49.55 + 39.84 +
    // 10.61 + 0 = 100.00: a slip of printing, not of figures.
    let text = "江苏省人大常委会办公厅部门本年支出预算合计15897.44万元，其中：\n\
        基本支出7877.76万元，占49.55%；\n项目支出6333.96万元，占39.84%；\n\
        单位预留机动经费1685.72万元，占10.61%；\n结转下年资金0万元，占0%。\n";
    let r = check_budget(text);
    let f = findings(&r, "N102");
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(
        f[0].message.zh.starts_with("百分比为凑足100%调整"),
        "{}",
        f[0].message.zh
    );
    assert_checked(
        &r,
        "N101",
        "15897.44 = 7877.76 + 6333.96 + 1685.72 + 0",
        Outcome::Exact,
    );
}

/// The 上海 item list: 安排 this year, the prior year's 执行数, the change and its rate.
const ITEM: &str =
    "1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”NOW万元，主要用于机关行政运行和\
    机关人员经费支出；比2024年执行数838.99万元增加100.00万元，增长11.92%。\n";

#[test]
fn an_item_headline_is_its_prior_year_plus_the_change() {
    // 838.99 + 100.00 = 938.99, and 100.00 / 838.99 = 11.92%: the rate is over the prior year
    // the comparison names, not over this year's figure.
    let r = check_budget(&ITEM.replace("NOW", "938.99"));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_checked(&r, "N112", "938.99 = 838.99 + 100.00", Outcome::Exact);
    assert_checked(
        &r,
        "N103",
        "100.00万元 / 比2024年执行数838.99万元 = 11.9191% ≈ 11.92%",
        Outcome::Exact,
    );
    // A headline that is not the prior year plus the change.
    let r = check_budget(&ITEM.replace("NOW", "983.99"));
    let f = only_error(&r, "N112");
    assert_eq!(
        (f.expected, f.actual),
        (Some(d("938.99")), Some(d("983.99")))
    );
    assert!(findings(&r, "N103").is_empty(), "{:#?}", r.findings);
}

#[test]
fn growth_from_a_zero_base_and_template_leftovers_in_budget_wording() {
    // 20 − 20 = 0 last year: a rate over nothing is undefined (N103).
    let r = check_budget("公务用车购置预算支出20万元，比上年预算增加20万元，增长100%。\n");
    only_error(&r, "N103");
    // A blank amount, a reason not given, an unresolved alternative (N108).
    let r = check_budget(
        "政府性基金支出预算支出 万元。\n财政拨款支出增加的主要原因是。\n\
         （2）政府性基金收入预算0万元，与上年相比增加（减少）0万元，增长（减少）0%。\n",
    );
    let said: Vec<&str> = findings(&r, "N108")
        .iter()
        .map(|f| f.message.zh.as_str())
        .collect();
    assert_eq!(
        said,
        [
            "模板内容未填写完整：“ 万元”",
            "模板内容未填写完整：“原因是。”",
            "模板内容未填写完整：“增加（减少）”",
            "模板内容未填写完整：“增长（减少）”",
        ]
    );
    // Also when a line break cuts it (a numbered line the rejoining keeps apart).
    let r = check_budget("（2）政府性基金收入预算0万元，与上年相比增加（减\n少）0万元。\n");
    let f = findings(&r, "N108");
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert_eq!(f[0].message.zh, "模板内容未填写完整：“增加（减少）”");
    // A budget compares with the year before (N111): 2025 compared with 2025 is a slip.
    let r = check_budget("2025年部门预算\n2025年“三公”经费预算数比2025年预算减少1.00万元。\n");
    let f = findings(&r, "N111");
    assert_eq!(f.len(), 1, "{:#?}", r.findings);
    assert!(
        f[0].message.zh.contains("应为 2024 年"),
        "{}",
        f[0].message.zh
    );
}

// ---------------------------------------------------------------------------------------------
// The real budgets of ../shared
// ---------------------------------------------------------------------------------------------

/// An error the narrative rules give on a real budget: (rule, page, expected, printed).
type RealError = (&'static str, u32, &'static str, &'static str);

/// Every narrative error of each real budget, each true on the printed page.
const REAL_ERRORS: [(&str, &[RealError]); 8] = [
    ("普陀区人民政府办公室-2025-单位预算.pdf", &[]),
    ("普陀区人民政府办公室-2025-部门预算.pdf", &[]),
    ("普陀区商务委员会-2025-单位预算.pdf", &[]),
    ("普陀区商务委员会-2025-部门预算.pdf", &[]),
    // p.28: “因公出国（境）费支出222.5万元，占“三公”经费的8.75%；公务用车购置及运行费支出183.6万元，
    // 占“三公”经费的7.22%；公务接待费支出427.5万元，占“三公”经费的16.81%”. The 三公 are
    // 222.5 + 183.6 + 427.5 = 833.6, of which 222.5 is 26.69% (the 2018 budget prints 26.69% for
    // the same figures); the printed shares are of 三公 + 会议费 1305.25 + 培训费 403.75 = 2542.6
    // (222.5 / 2542.6 = 8.75%) and add up to 32.78%, not 100%. 183.6 / 833.6 = 22.02%.
    (
        "江苏省人大办公厅-2017-预算.pdf",
        &[
            ("N102", 28, "26.6915", "8.75"),
            ("N102", 28, "22.025", "7.22"),
            ("N102", 28, "51.2836", "16.81"),
        ],
    ),
    // p.21: “单位预留机动经费预算数为1685.72万元。与上年相比增加1557.29万元，增长1312.56%。” The prior
    // year is 1685.72 − 1557.29 = 128.43 (the 2017 budget's 单位预留机动经费), and 1557.29 / 128.43
    // = 1212.56%: one digit of the rate is wrong.
    (
        "江苏省人大办公厅-2018-预算.pdf",
        &[("N103", 21, "1212.5594", "1312.56")],
    ),
    ("江苏省人大办公厅-2019-预算表.pdf", &[]),
    ("江苏省人大办公厅-2019-预算说明.pdf", &[]),
];

#[test]
fn real_budgets_give_only_the_narrative_errors_their_pages_show() {
    if !std::path::Path::new(BUDGETS).exists() {
        eprintln!("SKIPPED: {BUDGETS} is absent; the real-budget test did not run");
        return;
    }
    for (name, expected) in REAL_ERRORS {
        let r = check_file(&std::path::Path::new(BUDGETS).join(name));
        let got: Vec<(&str, u32, String, String)> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.rule.starts_with('N'))
            .map(|f| {
                let num =
                    |x: Option<rust_decimal::Decimal>| x.map(|v| v.to_string()).unwrap_or_default();
                (
                    f.rule,
                    f.location.page.unwrap_or(0),
                    num(f.expected),
                    num(f.actual),
                )
            })
            .collect();
        let want: Vec<(&str, u32, String, String)> = expected
            .iter()
            .map(|&(rule, page, e, a)| (rule, page, e.to_string(), a.to_string()))
            .collect();
        assert_eq!(got, want, "{name}: {:#?}", r.findings);
    }
}

#[test]
fn real_budgets_have_their_narrative_relations_verified() {
    if !std::path::Path::new(BUDGETS).exists() {
        eprintln!("SKIPPED: {BUDGETS} is absent; the real-budget test did not run");
        return;
    }
    let check = |name: &str| check_file(&std::path::Path::new(BUDGETS).join(name));
    // 上海: 收入预算 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入 (p.7 of each).
    let r = check("普陀区商务委员会-2025-部门预算.pdf");
    assert_checked(
        &r,
        "N101",
        "37151.47 = 37151.47 + 0 + 0 + 0",
        Outcome::Exact,
    );
    let r = check("普陀区人民政府办公室-2025-单位预算.pdf");
    assert_checked(&r, "N101", "9101.68 = 9101.68 + 0 + 0 + 0", Outcome::Exact);
    // and 三公 867.50 = 因公出国（境）费 839 + 公务用车 0 + 公务接待费 28.50 (其他相关情况说明).
    assert_checked(&r, "N101", "867.50 = 839 + 0 + 28.50", Outcome::Exact);
    // 江苏 2019: the expenditure structure and a rate of each kind.
    let r = check("江苏省人大办公厅-2019-预算说明.pdf");
    assert_checked(
        &r,
        "N101",
        "18330.37 = 9312.9 + 6459.58 + 2557.89 + 0",
        Outcome::Exact,
    );
    assert_checked(
        &r,
        "N102",
        "199.25万元 / (199.25万元 + 183.6万元 + 384.75万元) = 25.9575% ≈ 25.96%",
        Outcome::Exact,
    );
    assert_checked(
        &r,
        "N103",
        "872.17万元 / (2557.89万元 − 872.17万元) = 51.7387% ≈ 51.74%",
        Outcome::Exact,
    );
    // 江苏 2017: 财政拨款预算支出 13649.07 is 100% of 本年支出合计, the 本年支出预算合计 stated before.
    let r = check("江苏省人大办公厅-2017-预算.pdf");
    assert_checked(
        &r,
        "N102",
        "13649.07万元 / 13649.07万元 = 100% ≈ 100%",
        Outcome::Exact,
    );
    // 江苏 2019's tables alone: nothing of them is recognised yet, and the document says so.
    let r = check("江苏省人大办公厅-2019-预算表.pdf");
    if r.document.as_ref().is_some_and(|d| d.tables.is_empty()) {
        assert_eq!(r.verdict(), Verdict::NotChecked);
        assert!(
            findings(&r, "M601")
                .iter()
                .any(|f| f.message.zh.contains("“收支预算总表”（p.1）")),
            "{:#?}",
            r.findings
        );
    }
}

#[test]
fn the_same_change_stated_twice_states_one_amount() {
    // 江苏 2017 states 住房保障支出's change in the overview (p.23) and again under the
    // appropriations (p.25): 668.79 both times.
    let text = "（一）支出预算总计13649.07万元。\n3．住房保障支出1512.23万元，主要用于住房公积金和提租补贴发放。\
        与上年相比增加668.79万元，增长79.29%。\n五、财政拨款支出预算表情况说明\n\
        3. 住房保障支出1512.23万元，与上年相比增加AGAIN万元，增长79.29%。\n";
    let r = check_budget(&text.replace("AGAIN", "668.79"));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_checked(&r, "N113", "668.79 = 668.79", Outcome::Exact);
    let r = check_budget(&text.replace("AGAIN", "686.79"));
    let f = only_error(&r, "N113");
    assert!(
        f.message.zh.starts_with("同一变动前后表述一致不成立"),
        "{}",
        f.message.zh
    );
    // Against the prior year's execution, the same item may change by another amount.
    let r = check_budget(&text.replace("AGAIN", "686.79").replace(
        "3. 住房保障支出1512.23万元，与上年相比",
        "3. 住房保障支出1512.23万元，与上年执行数相比",
    ));
    assert!(findings(&r, "N113").is_empty(), "{:#?}", r.findings);
}

#[test]
fn an_arrangement_and_its_change_give_the_rate() {
    // 安排X万元，比上年预算增加Y万元，增长P%: P = Y / (X − Y); for a decrease P = Y / (X + Y).
    // 100.00 / 838.99 = 11.92%; 10.00 / 146.10 = 6.84%.
    let text = "（一）一般公共服务支出安排938.99万元，比上年预算增加100.00万元，增长UP。\n\
        （二）住房保障支出安排136.10万元，比上年执行数减少10.00万元，下降6.84%。\n";
    let r = check_budget(&text.replace("UP", "11.92%"));
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_checked(
        &r,
        "N103",
        "100.00万元 / (938.99万元 − 100.00万元) = 11.9191% ≈ 11.92%",
        Outcome::Exact,
    );
    assert_checked(
        &r,
        "N103",
        "10.00万元 / (136.10万元 + 10.00万元) = 6.8446% ≈ 6.84%",
        Outcome::Exact,
    );
    // The rate over this year's figure instead of the prior year's (100 / 938.99 = 10.65%).
    let r = check_budget(&text.replace("UP", "10.65%"));
    only_error(&r, "N103");
}

#[test]
fn a_three_public_total_and_its_items_numbered_in_chinese() {
    // 上海 2025 (区政府办公室): 三公 867.50 = 出国 839 + 车 0 + 接待 28.50, its items (一)(二)(三).
    let text = "一、2025年“三公”经费预算情况说明\n2025年“三公”经费预算数为867.50万元，与2024年预算持平。其中：\n\
        （一）因公出国（境）费839万元，与2024年预算持平。\n\
        （二）公务用车购置及运行费0万元，与2024年预算持平。其中：公务用车购置费0万元，与2024年预算持平；\
        公务用车运行费0万元，与2024年预算持平。\n（三）公务接待费RECEPTION万元，与2024年预算持平。\n\
        二、机关运行经费预算\n";
    let r = exact_then_broken(
        &text.replace("RECEPTION", "28.50"),
        "N101",
        "867.50 = 839 + 0 + 28.50",
        &text.replace("RECEPTION", "82.50"),
    );
    let f = only_error(&r, "N101");
    assert_eq!(
        (f.expected, f.actual),
        (Some(d("921.50")), Some(d("867.50")))
    );
    // 江苏 2017 p.23: (一)(二) under “…增加基本支出844.15万元。其中：” are the 收入 and 支出 totals,
    // each 13649.07, larger than 844.15: sections, not its parts — no sum is claimed.
    let r = check_budget(
        "江苏省人大常委会办公厅2017年度收入、支出预算总计13649.07万元，增加基本支出844.15万元。其中：\n\
         （一）收入预算总计13649.07万元。全部由省财政拨款。\n（二）支出预算总计13649.07万元。包括：\n",
    );
    assert!(findings(&r, "N101").is_empty(), "{:#?}", r.findings);
}
