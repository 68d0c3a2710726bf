//! The names and codes the synthetic corpus is made of: districts, departments, 功能分类 and
//! 经济分类 subjects, and the fixed lines of the two 总表 (2024 template).

pub const DISTRICTS: &[&str] = &[
    "普陀区",
    "静安区",
    "徐汇区",
    "长宁区",
    "杨浦区",
    "虹口区",
    "黄浦区",
    "闵行区",
    "宝山区",
    "嘉定区",
];

/// Department name and the 功能分类 class (and section) its main work is booked under. Some are
/// named by the short form districts print (人社局, 规划资源局, 文旅局, 环保局, 交通委), as real
/// ones are, so that a batch's folding of names onto kinds (batch/kind.rs) meets them; the first
/// three keep their full names, which samples/districts was generated with.
pub const DEPARTMENTS: &[(&str, &str, &str)] = &[
    ("财政局", "201", "20106"),
    ("教育局", "205", "20501"),
    ("卫生健康委员会", "210", "21001"),
    ("民政局", "208", "20802"),
    ("人社局", "208", "20801"),
    ("规划资源局", "220", "22001"),
    ("区委社会工作部", "201", "20136"),
    ("文旅局", "207", "20701"),
    ("环保局", "211", "21101"),
    ("交通委", "214", "21401"),
];

pub fn district(i: usize) -> String {
    DISTRICTS
        .get(i)
        .map(|s| s.to_string())
        .unwrap_or_else(|| format!("第{}区", i + 1))
}

pub fn department(i: usize) -> String {
    DEPARTMENTS
        .get(i)
        .map(|s| s.0.to_string())
        .unwrap_or_else(|| format!("部门{}", i + 1))
}

/// How a 项 is spent: all 基本支出, all 项目支出, or mostly basic with a project part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    Basic,
    Project,
    Mixed,
}
use Use::{Basic, Mixed, Project};

pub struct Section {
    pub code: &'static str,
    pub name: &'static str,
    pub items: &'static [(&'static str, &'static str, Use)],
}

pub struct Class {
    pub code: &'static str,
    pub name: &'static str,
    pub sections: &'static [Section],
}

pub const CLASSES: &[Class] = &[
    Class {
        code: "201",
        name: "一般公共服务支出",
        sections: &[
            Section {
                code: "20106",
                name: "财政事务",
                items: &[
                    ("2010601", "行政运行", Mixed),
                    ("2010602", "一般行政管理事务", Project),
                    ("2010607", "信息化建设", Project),
                    ("2010608", "财政委托业务支出", Project),
                ],
            },
            Section {
                code: "20103",
                name: "政府办公厅（室）及相关机构事务",
                items: &[
                    ("2010301", "行政运行", Mixed),
                    ("2010302", "一般行政管理事务", Project),
                    ("2010350", "事业运行", Basic),
                ],
            },
            Section {
                code: "20136",
                name: "其他共产党事务支出",
                items: &[
                    ("2013601", "行政运行", Mixed),
                    ("2013602", "一般行政管理事务", Project),
                    ("2013650", "事业运行", Basic),
                ],
            },
        ],
    },
    Class {
        code: "205",
        name: "教育支出",
        sections: &[
            Section {
                code: "20501",
                name: "教育管理事务",
                items: &[
                    ("2050101", "行政运行", Mixed),
                    ("2050102", "一般行政管理事务", Project),
                ],
            },
            Section {
                code: "20502",
                name: "普通教育",
                items: &[
                    ("2050201", "学前教育", Mixed),
                    ("2050202", "小学教育", Mixed),
                    ("2050203", "初中教育", Mixed),
                    ("2050204", "高中教育", Mixed),
                ],
            },
            Section {
                code: "20508",
                name: "进修及培训",
                items: &[("2050803", "培训支出", Project)],
            },
        ],
    },
    Class {
        code: "207",
        name: "文化旅游体育与传媒支出",
        sections: &[
            Section {
                code: "20701",
                name: "文化和旅游",
                items: &[
                    ("2070101", "行政运行", Mixed),
                    ("2070109", "群众文化", Project),
                    ("2070112", "文化和旅游市场管理", Project),
                ],
            },
            Section {
                code: "20703",
                name: "体育",
                items: &[("2070308", "群众体育", Project)],
            },
        ],
    },
    Class {
        code: "208",
        name: "社会保障和就业支出",
        sections: &[
            Section {
                code: "20805",
                name: "行政事业单位养老支出",
                items: &[
                    ("2080501", "行政单位离退休", Basic),
                    ("2080505", "机关事业单位基本养老保险缴费支出", Basic),
                    ("2080506", "机关事业单位职业年金缴费支出", Basic),
                ],
            },
            Section {
                code: "20801",
                name: "人力资源和社会保障管理事务",
                items: &[
                    ("2080101", "行政运行", Mixed),
                    ("2080102", "一般行政管理事务", Project),
                    ("2080109", "社会保险经办机构", Mixed),
                ],
            },
            Section {
                code: "20802",
                name: "民政管理事务",
                items: &[
                    ("2080201", "行政运行", Mixed),
                    ("2080202", "一般行政管理事务", Project),
                    ("2080208", "基层政权建设和社区治理", Project),
                ],
            },
        ],
    },
    Class {
        code: "210",
        name: "卫生健康支出",
        sections: &[
            Section {
                code: "21011",
                name: "行政事业单位医疗",
                items: &[
                    ("2101101", "行政单位医疗", Basic),
                    ("2101102", "事业单位医疗", Basic),
                    ("2101103", "公务员医疗补助", Basic),
                ],
            },
            Section {
                code: "21001",
                name: "卫生健康管理事务",
                items: &[
                    ("2100101", "行政运行", Mixed),
                    ("2100102", "一般行政管理事务", Project),
                ],
            },
            Section {
                code: "21004",
                name: "公共卫生",
                items: &[
                    ("2100401", "疾病预防控制机构", Mixed),
                    ("2100402", "卫生监督机构", Mixed),
                    ("2100408", "基本公共卫生服务", Project),
                ],
            },
        ],
    },
    Class {
        code: "211",
        name: "节能环保支出",
        sections: &[
            Section {
                code: "21101",
                name: "环境保护管理事务",
                items: &[
                    ("2110101", "行政运行", Mixed),
                    ("2110102", "一般行政管理事务", Project),
                    ("2110104", "生态环境保护宣传", Project),
                ],
            },
            Section {
                code: "21103",
                name: "污染防治",
                items: &[("2110301", "大气", Project), ("2110302", "水体", Project)],
            },
        ],
    },
    Class {
        code: "212",
        name: "城乡社区支出",
        sections: &[
            Section {
                code: "21201",
                name: "城乡社区管理事务",
                items: &[
                    ("2120101", "行政运行", Mixed),
                    ("2120102", "一般行政管理事务", Project),
                ],
            },
            Section {
                code: "21203",
                name: "城乡社区公共设施",
                items: &[("2120399", "其他城乡社区公共设施支出", Project)],
            },
        ],
    },
    Class {
        code: "214",
        name: "交通运输支出",
        sections: &[
            Section {
                code: "21401",
                name: "公路水路运输",
                items: &[
                    ("2140101", "行政运行", Mixed),
                    ("2140104", "公路建设", Project),
                    ("2140106", "公路养护", Project),
                ],
            },
            Section {
                code: "21406",
                name: "车辆购置税支出",
                items: &[("2140699", "其他车辆购置税支出", Project)],
            },
        ],
    },
    Class {
        code: "220",
        name: "自然资源海洋气象等支出",
        sections: &[Section {
            code: "22001",
            name: "自然资源事务",
            items: &[
                ("2200101", "行政运行", Mixed),
                ("2200102", "一般行政管理事务", Project),
                ("2200106", "自然资源利用与保护", Project),
            ],
        }],
    },
    Class {
        code: "221",
        name: "住房保障支出",
        sections: &[Section {
            code: "22102",
            name: "住房改革支出",
            items: &[
                ("2210201", "住房公积金", Basic),
                ("2210202", "提租补贴", Basic),
                ("2210203", "购房补贴", Basic),
            ],
        }],
    },
];

/// The classes every department may carry besides its own (pensions, health insurance, housing).
pub const COMMON: &[&str] = &["208", "210", "221", "201", "212"];

pub fn class(code: &str) -> Option<&'static Class> {
    CLASSES.iter().find(|c| c.code == code)
}

/// The 26 功能分类 lines of the 2024 总表, with the class code each stands for.
pub const SUMMARY_LINES: &[(&str, &str)] = &[
    ("201", "一、一般公共服务支出"),
    ("202", "二、外交支出"),
    ("203", "三、国防支出"),
    ("204", "四、公共安全支出"),
    ("205", "五、教育支出"),
    ("206", "六、科学技术支出"),
    ("207", "七、文化旅游体育与传媒支出"),
    ("208", "八、社会保障和就业支出"),
    ("210", "九、卫生健康支出"),
    ("211", "十、节能环保支出"),
    ("212", "十一、城乡社区支出"),
    ("213", "十二、农林水支出"),
    ("214", "十三、交通运输支出"),
    ("215", "十四、资源勘探工业信息等支出"),
    ("216", "十五、商业服务业等支出"),
    ("217", "十六、金融支出"),
    ("219", "十七、援助其他地区支出"),
    ("220", "十八、自然资源海洋气象等支出"),
    ("221", "十九、住房保障支出"),
    ("222", "二十、粮油物资储备支出"),
    ("223", "二十一、国有资本经营预算支出"),
    ("224", "二十二、灾害防治及应急管理支出"),
    ("229", "二十三、其他支出"),
    ("231", "二十四、债务还本支出"),
    ("232", "二十五、债务付息支出"),
    ("234", "二十六、抗疫特别国债安排的支出"),
];

pub const INCOME_LINES: &[&str] = &[
    "一、一般公共预算财政拨款收入",
    "二、政府性基金预算财政拨款收入",
    "三、国有资本经营预算财政拨款收入",
    "四、上级补助收入",
    "五、事业收入",
    "六、经营收入",
    "七、附属单位上缴收入",
    "八、其他收入",
];

/// 人员经费 classes and items of 基本支出决算表 (left column group).
pub const PERSONNEL: &[(&str, &str)] = &[
    ("301", "工资福利支出"),
    ("30101", "基本工资"),
    ("30102", "津贴补贴"),
    ("30103", "奖金"),
    ("30106", "伙食补助费"),
    ("30107", "绩效工资"),
    ("30108", "机关事业单位基本养老保险缴费"),
    ("30109", "职业年金缴费"),
    ("30110", "职工基本医疗保险缴费"),
    ("30111", "公务员医疗补助缴费"),
    ("30112", "其他社会保障缴费"),
    ("30113", "住房公积金"),
    ("30114", "医疗费"),
    ("30199", "其他工资福利支出"),
    ("303", "对个人和家庭的补助"),
    ("30301", "离休费"),
    ("30302", "退休费"),
    ("30303", "退职（役）费"),
    ("30304", "抚恤金"),
    ("30305", "生活补助"),
    ("30307", "医疗费补助"),
    ("30308", "助学金"),
    ("30309", "奖励金"),
    ("30310", "个人农业生产补贴"),
    ("30311", "代缴社会保险费"),
    ("30399", "其他对个人和家庭的补助"),
];

/// 公用经费 classes and items (right column group).
pub const PUBLIC: &[(&str, &str)] = &[
    ("302", "商品和服务支出"),
    ("30201", "办公费"),
    ("30202", "印刷费"),
    ("30203", "咨询费"),
    ("30204", "手续费"),
    ("30205", "水费"),
    ("30206", "电费"),
    ("30207", "邮电费"),
    ("30208", "取暖费"),
    ("30209", "物业管理费"),
    ("30211", "差旅费"),
    ("30212", "因公出国（境）费用"),
    ("30213", "维修（护）费"),
    ("30214", "租赁费"),
    ("30215", "会议费"),
    ("30216", "培训费"),
    ("30217", "公务接待费"),
    ("30218", "专用材料费"),
    ("30224", "被装购置费"),
    ("30225", "专用燃料费"),
    ("30226", "劳务费"),
    ("30227", "委托业务费"),
    ("30228", "工会经费"),
    ("30229", "福利费"),
    ("30231", "公务用车运行维护费"),
    ("30239", "其他交通费用"),
    ("30240", "税金及附加费用"),
    ("30299", "其他商品和服务支出"),
    ("310", "资本性支出"),
    ("31001", "房屋建筑物购建"),
    ("31002", "办公设备购置"),
    ("31003", "专用设备购置"),
    ("31007", "信息网络及软件购置更新"),
    ("31013", "公务用车购置"),
    ("31019", "其他交通工具购置"),
    ("31021", "文物和陈列品购置"),
    ("31022", "无形资产购置"),
    ("31099", "其他资本性支出"),
];
