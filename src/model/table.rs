//! Tables as the model holds them: the standard 决算 tables, their columns, lines and rows, and
//! the document that gathers them.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{CellRef, Figure, Location, Unit};

/// The standard tables of a 部门决算 disclosure (7 in the 2016 set, 9 from about 2020).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 收入支出决算总表
    IncomeExpenditureSummary,
    /// 收入决算表
    IncomeTable,
    /// 支出决算表
    ExpenditureTable,
    /// 财政拨款收入支出决算总表
    FiscalSummary,
    /// 一般公共预算财政拨款支出决算表
    GeneralBudgetExpenditure,
    /// 一般公共预算财政拨款基本支出决算表
    GeneralBudgetBasicExpenditure,
    /// 一般公共预算财政拨款“三公”经费支出决算表
    ThreePublic,
    /// 政府性基金预算财政拨款收入支出决算表
    GovernmentFund,
    /// 国有资本经营预算财政拨款收入支出决算表
    StateCapital,
    /// 财务收支预算总表 / 收支预算总表 (a budget's two halves: 收入 | 支出)
    BudgetSummary,
    /// 收入预算总表
    BudgetIncome,
    /// 支出预算总表
    BudgetExpenditure,
    /// 财政拨款收支预算总表
    BudgetFiscalSummary,
    /// 财政拨款支出预算表（功能科目）
    BudgetFiscalExpenditure,
    /// 财政拨款基本支出预算表（经济科目）
    BudgetFiscalBasic,
    /// 一般公共预算支出功能分类预算表 / 一般公共预算支出预算表（功能科目）
    BudgetGeneralExpenditure,
    /// 一般公共预算基本支出部门预算经济分类预算表 / 一般公共预算基本支出预算表（经济科目）
    BudgetBasic,
    /// “三公”经费预算表 (with 机关运行经费, or with 会议费 and 培训费)
    BudgetThreePublic,
    /// 政府性基金预算支出功能分类预算表 / 政府性基金预算财政拨款支出预算表
    BudgetGovernmentFund,
    /// 国有资本经营预算支出功能分类预算表
    BudgetStateCapital,
    /// 一般公共预算机关运行经费支出预算表
    BudgetOperatingCost,
    /// 政府采购预算表
    BudgetProcurement,
    /// A table gouji could not place: kept and reported, never dropped.
    Unrecognised,
}

impl TableKind {
    /// The nine standard tables, in the order the template numbers them.
    pub const STANDARD: [TableKind; 9] = [
        TableKind::IncomeExpenditureSummary,
        TableKind::IncomeTable,
        TableKind::ExpenditureTable,
        TableKind::FiscalSummary,
        TableKind::GeneralBudgetExpenditure,
        TableKind::GeneralBudgetBasicExpenditure,
        TableKind::ThreePublic,
        TableKind::GovernmentFund,
        TableKind::StateCapital,
    ];

    /// The tables of a 部门预算 / 单位预算 that every family prints (the 上海 set of nine and the
    /// 江苏 set of twelve share these; 财政拨款支出/基本支出, 机关运行经费 and 政府采购 tables are
    /// printed by some families only and not demanded).
    pub const BUDGET_STANDARD: [TableKind; 8] = [
        TableKind::BudgetSummary,
        TableKind::BudgetIncome,
        TableKind::BudgetExpenditure,
        TableKind::BudgetFiscalSummary,
        TableKind::BudgetGeneralExpenditure,
        TableKind::BudgetBasic,
        TableKind::BudgetThreePublic,
        TableKind::BudgetGovernmentFund,
    ];

    /// Whether this is a table of a budget (预算) rather than of a final account (决算).
    pub fn is_budget(self) -> bool {
        matches!(
            self,
            TableKind::BudgetSummary
                | TableKind::BudgetIncome
                | TableKind::BudgetExpenditure
                | TableKind::BudgetFiscalSummary
                | TableKind::BudgetFiscalExpenditure
                | TableKind::BudgetFiscalBasic
                | TableKind::BudgetGeneralExpenditure
                | TableKind::BudgetBasic
                | TableKind::BudgetThreePublic
                | TableKind::BudgetGovernmentFund
                | TableKind::BudgetStateCapital
                | TableKind::BudgetOperatingCost
                | TableKind::BudgetProcurement
        )
    }

    /// Tables whose rows are 经济分类 codes (301 工资福利支出, 30101 基本工资 …).
    pub fn has_economic_codes(self) -> bool {
        matches!(
            self,
            TableKind::GeneralBudgetBasicExpenditure
                | TableKind::BudgetBasic
                | TableKind::BudgetFiscalBasic
                | TableKind::BudgetOperatingCost
        )
    }

    /// The standard name, as the national template prints it.
    pub fn title(self) -> &'static str {
        match self {
            TableKind::IncomeExpenditureSummary => "收入支出决算总表",
            TableKind::IncomeTable => "收入决算表",
            TableKind::ExpenditureTable => "支出决算表",
            TableKind::FiscalSummary => "财政拨款收入支出决算总表",
            TableKind::GeneralBudgetExpenditure => "一般公共预算财政拨款支出决算表",
            TableKind::GeneralBudgetBasicExpenditure => "一般公共预算财政拨款基本支出决算表",
            TableKind::ThreePublic => "一般公共预算财政拨款“三公”经费支出决算表",
            TableKind::GovernmentFund => "政府性基金预算财政拨款收入支出决算表",
            TableKind::StateCapital => "国有资本经营预算财政拨款收入支出决算表",
            TableKind::BudgetSummary => "财务收支预算总表",
            TableKind::BudgetIncome => "收入预算总表",
            TableKind::BudgetExpenditure => "支出预算总表",
            TableKind::BudgetFiscalSummary => "财政拨款收支预算总表",
            TableKind::BudgetFiscalExpenditure => "财政拨款支出预算表（功能科目）",
            TableKind::BudgetFiscalBasic => "财政拨款基本支出预算表（经济科目）",
            TableKind::BudgetGeneralExpenditure => "一般公共预算支出功能分类预算表",
            TableKind::BudgetBasic => "一般公共预算基本支出经济分类预算表",
            TableKind::BudgetThreePublic => "“三公”经费预算表",
            TableKind::BudgetGovernmentFund => "政府性基金预算支出功能分类预算表",
            TableKind::BudgetStateCapital => "国有资本经营预算支出功能分类预算表",
            TableKind::BudgetOperatingCost => "一般公共预算机关运行经费支出预算表",
            TableKind::BudgetProcurement => "政府采购预算表",
            TableKind::Unrecognised => "未识别表",
        }
    }

    /// The standard name in English, for `--lang en`.
    pub fn title_en(self) -> &'static str {
        match self {
            TableKind::IncomeExpenditureSummary => "income and expenditure summary",
            TableKind::IncomeTable => "income table",
            TableKind::ExpenditureTable => "expenditure table",
            TableKind::FiscalSummary => "fiscal appropriation summary",
            TableKind::GeneralBudgetExpenditure => "general-budget expenditure table",
            TableKind::GeneralBudgetBasicExpenditure => "general-budget basic expenditure table",
            TableKind::ThreePublic => "\"three public\" expenditure table",
            TableKind::GovernmentFund => "government fund table",
            TableKind::StateCapital => "state capital operation table",
            TableKind::BudgetSummary => "budget income and expenditure summary",
            TableKind::BudgetIncome => "budget income table",
            TableKind::BudgetExpenditure => "budget expenditure table",
            TableKind::BudgetFiscalSummary => "budget fiscal appropriation summary",
            TableKind::BudgetFiscalExpenditure => "budget fiscal appropriation expenditure table",
            TableKind::BudgetFiscalBasic => "budget fiscal appropriation basic expenditure table",
            TableKind::BudgetGeneralExpenditure => "budget general-budget expenditure table",
            TableKind::BudgetBasic => "budget general-budget basic expenditure table",
            TableKind::BudgetThreePublic => "budget \"three public\" expenditure table",
            TableKind::BudgetGovernmentFund => "budget government fund table",
            TableKind::BudgetStateCapital => "budget state capital operation table",
            TableKind::BudgetOperatingCost => "budget agency operating cost table",
            TableKind::BudgetProcurement => "budget government procurement table",
            TableKind::Unrecognised => "unrecognised table",
        }
    }

    /// Tables whose rows are 功能分类 codes (类/款/项).
    pub fn has_function_codes(self) -> bool {
        matches!(
            self,
            TableKind::IncomeTable
                | TableKind::ExpenditureTable
                | TableKind::GeneralBudgetExpenditure
                | TableKind::GovernmentFund
                | TableKind::StateCapital
                | TableKind::BudgetIncome
                | TableKind::BudgetExpenditure
                | TableKind::BudgetFiscalExpenditure
                | TableKind::BudgetGeneralExpenditure
                | TableKind::BudgetGovernmentFund
                | TableKind::BudgetStateCapital
        )
    }
}

/// Which half of a table printed as two halves side by side (收入 | 支出).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The 收入 half.
    Income,
    /// The 支出 half.
    Expenditure,
}

/// What a column holds, whatever its printed header says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColKey {
    /// 决算数 / 金额: the one amount column of a summary half or of the 基本支出 table.
    Amount,
    /// 合计 / 本年收入合计 / 本年支出合计
    Total,
    /// 财政拨款收入
    FiscalGrant,
    /// 上级补助收入
    SuperiorGrant,
    /// 事业收入
    BusinessIncome,
    /// 经营收入
    OperatingIncome,
    /// 附属单位上缴收入
    SubsidiaryRemit,
    /// 其他收入
    OtherIncome,
    /// 基本支出 (or its 小计)
    Basic,
    /// 人员经费
    Personnel,
    /// 公用经费
    Public,
    /// 项目支出
    Project,
    /// 上缴上级支出
    ToSuperior,
    /// 经营支出
    OperatingExpenditure,
    /// 对附属单位补助支出
    ToSubsidiary,
    /// 一般公共预算财政拨款
    GeneralBudget,
    /// 政府性基金预算财政拨款
    GovernmentFund,
    /// 国有资本经营预算财政拨款
    StateCapital,
    /// 年初结转和结余
    Opening,
    /// 本年收入
    CurrentIncome,
    /// 本年支出 (小计)
    CurrentExpenditure,
    /// 年末结转和结余
    Closing,
    /// 预算数
    Budget,
    /// 决算数 beside a 预算数
    Final,
    /// 单位预留机动经费 (a budget's reserve, 江苏)
    Reserve,
    /// 上年结转 (a budget's income carried in from last year)
    CarriedIn,
    /// 结转下年 (a budget's spending carried on to next year)
    CarriedOut,
    /// 财政专户管理资金 (a budget's income held in a special account)
    SpecialAccount,
    /// 上年预算数 / 上年执行数 / 上年决算数: last year's figure printed beside this year's in a
    /// budget, which no relation of this year's figures reads.
    PriorYear,
}

impl ColKey {
    /// The header the template prints for this column.
    pub fn label(self) -> &'static str {
        match self {
            ColKey::Amount => "决算数",
            ColKey::Total => "合计",
            ColKey::FiscalGrant => "财政拨款收入",
            ColKey::SuperiorGrant => "上级补助收入",
            ColKey::BusinessIncome => "事业收入",
            ColKey::OperatingIncome => "经营收入",
            ColKey::SubsidiaryRemit => "附属单位上缴收入",
            ColKey::OtherIncome => "其他收入",
            ColKey::Basic => "基本支出",
            ColKey::Personnel => "人员经费",
            ColKey::Public => "公用经费",
            ColKey::Project => "项目支出",
            ColKey::ToSuperior => "上缴上级支出",
            ColKey::OperatingExpenditure => "经营支出",
            ColKey::ToSubsidiary => "对附属单位补助支出",
            ColKey::GeneralBudget => "一般公共预算财政拨款",
            ColKey::GovernmentFund => "政府性基金预算财政拨款",
            ColKey::StateCapital => "国有资本经营预算财政拨款",
            ColKey::Opening => "年初结转和结余",
            ColKey::CurrentIncome => "本年收入",
            ColKey::CurrentExpenditure => "本年支出",
            ColKey::Closing => "年末结转和结余",
            ColKey::Budget => "预算数",
            ColKey::Final => "决算数",
            ColKey::Reserve => "单位预留机动经费",
            ColKey::CarriedIn => "上年结转",
            ColKey::CarriedOut => "结转下年",
            ColKey::PriorYear => "上年数",
            ColKey::SpecialAccount => "财政专户管理资金",
        }
    }
}

/// What a line of a statement-like table (总表 halves, 基本支出 totals, 三公 items) stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Line {
    /// 财政拨款收入 (2016: one line for all appropriations)
    FiscalIncome,
    /// 一般公共预算财政拨款(收入)
    GeneralBudgetIncome,
    /// 政府性基金预算财政拨款(收入)
    GovernmentFundIncome,
    /// 国有资本经营预算财政拨款(收入)
    StateCapitalIncome,
    /// 上级补助收入
    SuperiorGrantIncome,
    /// 事业收入
    BusinessIncome,
    /// 经营收入
    OperatingIncome,
    /// 附属单位上缴收入
    SubsidiaryRemitIncome,
    /// 其他收入
    OtherIncome,
    /// 本年收入合计
    IncomeTotal,
    /// 使用非财政拨款结余 / 用事业基金弥补收支差额
    UseOfReserves,
    /// 年初结转和结余
    Opening,
    /// 年初结转和结余 of the 一般公共预算财政拨款
    OpeningGeneralBudget,
    /// 年初结转和结余 of the 政府性基金预算财政拨款
    OpeningGovernmentFund,
    /// 年初结转和结余 of the 国有资本经营预算财政拨款
    OpeningStateCapital,
    /// 收入总计
    IncomeGrandTotal,
    /// A 功能分类 class line (一般公共服务支出 …): its code is in `Row::code`.
    FunctionClass,
    /// 本年支出合计
    ExpenditureTotal,
    /// 结余分配
    SurplusDistribution,
    /// 年末结转和结余
    Closing,
    /// 年末结转和结余 of the 一般公共预算财政拨款
    ClosingGeneralBudget,
    /// 年末结转和结余 of the 政府性基金预算财政拨款
    ClosingGovernmentFund,
    /// 年末结转和结余 of the 国有资本经营预算财政拨款
    ClosingStateCapital,
    /// 支出总计
    ExpenditureGrandTotal,
    /// 人员经费合计
    PersonnelTotal,
    /// 公用经费合计
    PublicTotal,
    /// 合计 (a table's grand total row)
    Total,
    /// 因公出国（境）费
    OverseasTravel,
    /// 公务用车购置及运行费
    Vehicles,
    /// 公务用车购置费
    VehiclePurchase,
    /// 公务用车运行(维护)费
    VehicleOperation,
    /// 公务接待费
    Reception,
    /// “三公”经费 小计, where a budget's table adds other items after it (合计 = 三公 + 会议费 + 培训费)
    ThreePublicSubtotal,
    /// 会议费, printed beside the “三公” items in a budget (江苏)
    Meetings,
    /// 培训费, printed beside the “三公” items in a budget (江苏)
    Training,
    /// 机关运行经费, printed beside the “三公” items in a budget (上海)
    AgencyOperating,
}

/// One published cell: its text, the figure it stands for (none for "-", "—" or blank) and its place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The text as published (“3,997.99”, “-”).
    pub raw: String,
    /// The figure the text stands for, at its printed precision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
    /// Where the cell is on its sheet.
    pub at: CellRef,
}

/// One column of a table: its printed header and what it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// The header as printed, levels joined by `/` (`本年支出/基本支出`).
    pub label: String,
    /// What the column holds, when recognised; `None` for a column no rule reads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<ColKey>,
}

/// One row of a table: its code and name, the line it stands for, and its cells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// 科目编码, joined when printed over 类/款/项 columns ("2080101").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The name as printed (科目名称, or the label of a line).
    pub name: Arc<str>,
    /// The line the row stands for in a statement-like table; `None` for code rows and lines
    /// gouji does not know.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<Line>,
    /// One entry per column of the table, `None` where the row has no cell there.
    pub cells: Vec<Option<Cell>>,
    /// Where the row's label is.
    pub at: CellRef,
}

impl Row {
    /// The cell in column `col`, if the row has one there.
    pub fn cell(&self, col: usize) -> Option<&Cell> {
        self.cells.get(col).and_then(|c| c.as_ref())
    }

    /// 类 (3 digits), 款 (5) or 项 (7): the depth of the code, 1 to 3.
    pub fn level(&self) -> Option<usize> {
        match self.code.as_deref().map(str::len) {
            Some(3) => Some(1),
            Some(5) => Some(2),
            Some(7) => Some(3),
            _ => None,
        }
    }
}

/// One recognised table: which standard table it is, its unit, columns and rows, and where it
/// was read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Which standard table it is.
    pub kind: TableKind,
    /// For a table printed as two halves side by side, which half this is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The title as printed.
    pub title: String,
    /// The unit its figures are in (单位：万元, 元).
    pub unit: Unit,
    /// False when no 单位 line was found and the unit is the default (万元).
    pub unit_stated: bool,
    /// The file the table was read from (a document may gather several files).
    pub file: std::sync::Arc<str>,
    /// The sheet it was read from (`PDF决算表` for a PDF).
    pub sheet: std::sync::Arc<str>,
    /// Where the title is (or the first cell of the table when it has none).
    pub at: CellRef,
    /// Its columns, left to right.
    pub columns: Vec<Column>,
    /// Its data rows, top to bottom (headers left out).
    pub rows: Vec<Row>,
    /// Notes printed with the table (注：本表无数据 …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Pages and boxes, for a table read from a PDF.
    #[serde(skip)]
    pub places: Option<std::sync::Arc<super::Places>>,
    /// Printed without rulings and rebuilt from the positions of its text: a break found in it
    /// may be a misreading, so it is said as a warning.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub approximate: bool,
    /// The rounding step its unit is printed at in this document, once decided (a figure
    /// printed finer than that keeps its own, finer step: X002).
    #[serde(skip)]
    pub step: Option<rust_decimal::Decimal>,
}

impl Table {
    /// The column holding `key`, if the table has one.
    pub fn col(&self, key: ColKey) -> Option<usize> {
        self.columns.iter().position(|c| c.key == Some(key))
    }

    /// The row that stands for `line`, if the table prints it.
    pub fn line(&self, line: Line) -> Option<&Row> {
        self.rows.iter().find(|r| r.line == Some(line))
    }

    /// The grand total row (合计), wherever the table prints it.
    pub fn total_row(&self) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| r.line == Some(Line::Total) || r.line == Some(Line::ExpenditureTotal))
    }

    /// The row of a 功能分类 code (“2080101”), if printed.
    pub fn row_by_code(&self, code: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.code.as_deref() == Some(code))
    }

    /// Whether the table holds any figure at all (a blank table wants a note saying why).
    pub fn has_figures(&self) -> bool {
        self.rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten())
            .any(|c| c.figure.is_some())
    }

    /// Where a cell of this table is, as a user would look for it: file, sheet and cell, and the
    /// page and box on a PDF.
    pub fn location(&self, at: CellRef) -> Location {
        let mut loc = Location::cell(&self.file, &self.sheet, at);
        if let Some(p) = &self.places {
            p.locate(&mut loc, at);
        }
        loc
    }
}

/// One disclosure: what one file (or one group of files) publishes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file or folder the document was read from, as given.
    pub source: String,
    /// The department, as the cover, the titles or the file name tell it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The year reported on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// A final account or a budget, as the cover, the titles or the file name tell it.
    #[serde(default)]
    pub kind: super::DocumentKind,
    /// Every table recognised, standard or not, in reading order.
    pub tables: Vec<Table>,
    /// The 情况说明 read from the document's text files.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub narratives: Vec<super::Narrative>,
    /// Pages of a PDF with no text layer (scanned) or that could not be read: what they hold
    /// is unknown, so nothing is concluded from its absence.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub unread_pages: Vec<u32>,
}

impl Document {
    /// The table of a kind printed whole (not as two halves).
    pub fn table(&self, kind: TableKind) -> Option<&Table> {
        self.tables
            .iter()
            .find(|t| t.kind == kind && t.side.is_none())
    }

    /// One half of a table printed as two halves side by side (the 总表).
    pub fn half(&self, kind: TableKind, side: Side) -> Option<&Table> {
        self.tables
            .iter()
            .find(|t| t.kind == kind && t.side == Some(side))
    }
}
