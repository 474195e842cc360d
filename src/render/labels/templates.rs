//! The files `plan init` writes, in both languages.

use crate::model::Lang;

/// The title of a new plan.
pub fn plan_title(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{year}年工作计划"),
        Lang::En => format!("Work plan {year}"),
    }
}

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

pub fn plan_toml(title: &str, year: i32, lang: Lang) -> String {
    let lang_code = if lang == Lang::Zh { "zh" } else { "en" };
    let intro = match lang {
        Lang::Zh => {
            "# 计划：本目录中其余的 .toml 文件各是一个工作方面，按文件名顺序读取。\n# 格式说明见 docs/format.md；编辑器支持见 docs/editing.md（plan schema）。\n"
        }
        Lang::En => {
            "# The plan: every other .toml file in this directory is one area, read in name order.\n# The format is in docs/format.md; editor support in docs/editing.md (plan schema).\n"
        }
    };
    format!(
        "#:schema ../plan.schema.json\n{intro}[plan]\ntitle = {}\nyear = {year}\nlang = \"{lang_code}\"\n",
        quoted(title)
    )
}

pub fn example_area(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            r#"#:schema ../plan.schema.json
# 一个工作方面：改写或删去下面的示例，再加上你的措施、目标、项目和指标。
[area]
id = "example"
title = "示例工作方面"
key = true                 # 重点

# 一项措施：期限可写日期 {year}-03-31，或期间 "{year}-03"（月底）、"{year}-Q1"、"{year}-H1"、"{year}"
[[task]]
id = "example-task"
title = "制定实施方案"
due = "{year}-03"

# 一项每半个月一次的常设工作，固定在每月15日和月末（day = 15）；每次完成用 plan done 记录
[[task]]
id = "example-board"
title = "每半个月更新一次公示栏"
owner = ["办公室", "宣传组"]       # 可写多个牵头单位
leader = "分管领导"                # 责任领导
every = "half-month"
day = 15

# 一个上限目标：控制在4.5%以内（compare = "at_most"）
[[target]]
id = "example-ceiling"
title = "城镇调查失业率控制在4.5%以内"
unit = "%"
target = 4.5
compare = "at_most"

# 一个数量目标（默认为不低于目标值，期限为年底）
[[target]]
id = "example-target"
title = "全年新引进项目10个以上"
unit = "个"
target = 10

# 一个统计指标：给出目标值和同比增速，上年数由二者推算
[[indicator]]
id = "example-indicator"
title = "地区生产总值"
unit = "亿元"
target = 64.4
growth = 13.0
"#
        ),
        Lang::En => format!(
            r#"#:schema ../plan.schema.json
# One area of the plan: rewrite or remove the examples below, then add your tasks,
# targets, projects and indicators.
[area]
id = "example"
title = "Example area"
key = true                 # a key area (重点)

# A task: a deadline is a day {year}-03-31 or a period "{year}-03" (its last day), "{year}-Q1", "{year}-H1", "{year}"
[[task]]
id = "example-task"
title = "Draft the implementation plan"
due = "{year}-03"

# A standing duty every half month, fixed to the 15th and the last day (day = 15); record each
# time it is done with `plan done`
[[task]]
id = "example-board"
title = "Update the public board"
owner = ["Office", "Communications"]   # one lead unit or several
leader = "Deputy director"             # the responsible leader
every = "half-month"
day = 15

# A ceiling: at most 4.5 % (compare = "at_most")
[[target]]
id = "example-ceiling"
title = "Keep unemployment at or below 4.5 %"
unit = "%"
target = 4.5
compare = "at_most"

# A quantity to reach (at least the target by default, due at the end of the year)
[[target]]
id = "example-target"
title = "Sign at least 10 new projects"
unit = "projects"
target = 10

# An indicator: a target and its year-on-year growth; the prior year follows from them
[[indicator]]
id = "example-indicator"
title = "Regional GDP"
unit = "million"
target = 64.4
growth = 13.0
"#
        ),
    }
}
