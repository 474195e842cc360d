//! Commands that need no plans: `init` scaffolds a plan, `schema` prints the JSON Schema,
//! `completions` and `man` describe the command line itself.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use clap::CommandFactory;

use crate::cli::args::{Args, InitArgs};
use crate::cli::{Output, fail};
use crate::model::Lang;

pub fn schema() -> Output {
    Output {
        stdout: crate::schema::text_form().into(),
        ..Output::default()
    }
}

pub fn completions(shell: clap_complete::Shell) -> Output {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Args::command(), "plan", &mut buf);
    Output {
        stdout: String::from_utf8_lossy(&buf).into_owned().into(),
        ..Output::default()
    }
}

pub fn man() -> Output {
    let mut buf = Vec::new();
    match clap_mangen::Man::new(Args::command()).render(&mut buf) {
        Ok(()) => Output {
            stdout: String::from_utf8_lossy(&buf).into_owned().into(),
            ..Output::default()
        },
        Err(e) => fail(&e.to_string()),
    }
}

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn plan_toml(title: &str, year: i32, lang: Lang) -> String {
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
        "{intro}[plan]\ntitle = {}\nyear = {year}\nlang = \"{lang_code}\"\n",
        quoted(title)
    )
}

fn example_area(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            r#"# 一个工作方面：改写或删去下面的示例，再加上你的措施、目标、项目和指标。
[area]
id = "example"
title = "示例工作方面"
key = true                 # 重点

# 一项措施：期限可写日期 {year}-03-31，或期间 "{year}-03"（月底）、"{year}-Q1"、"{year}-H1"、"{year}"
[[task]]
id = "example-task"
title = "制定实施方案"
due = "{year}-03"

# 一项每半个月一次的常设工作
[[task]]
id = "example-board"
title = "每半个月更新一次公示栏"
every = "half-month"

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
            r#"# One area of the plan: rewrite or remove the examples below, then add your tasks,
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

# A standing duty every half month
[[task]]
id = "example-board"
title = "Update the public board"
every = "half-month"

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

pub fn init(args: &InitArgs, today: NaiveDate, lang: Lang) -> Output {
    let year = args.year.unwrap_or_else(|| today.year());
    if !(1900..=2999).contains(&year) {
        return fail(&match lang {
            Lang::Zh => format!("年份 {year} 不在 1900 到 2999 之间"),
            Lang::En => format!("year {year} is not between 1900 and 2999"),
        });
    }
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| Path::new("plans").join(format!("plan-{year}")));
    let title = args.title.clone().unwrap_or_else(|| match lang {
        Lang::Zh => format!("{year}年工作计划"),
        Lang::En => format!("Work plan {year}"),
    });
    let files = [
        (dir.join("plan.toml"), plan_toml(&title, year, lang)),
        (dir.join("01-example.toml"), example_area(year, lang)),
    ];
    // Never overwrite: a plan that exists stays as it is.
    // `symlink_metadata`: a dangling link counts as there (writing through it would create a
    // file wherever it points).
    if let Some((path, _)) = files
        .iter()
        .find(|(p, _)| std::fs::symlink_metadata(p).is_ok())
    {
        return fail(&match lang {
            Lang::Zh => format!("{} 已存在，未作任何改动", path.display()),
            Lang::En => format!("{} exists already; nothing was written", path.display()),
        });
    }
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        files.iter().try_for_each(|(path, text)| {
            // `create_new`: never through a link, never over a file made meanwhile.
            use std::io::Write as _;
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)?
                .write_all(text.as_bytes())
        })
    });
    if let Err(e) = written {
        return fail(&match lang {
            Lang::Zh => format!("无法创建 {}：{e}", dir.display()),
            Lang::En => format!("cannot create {}: {e}", dir.display()),
        });
    }
    let list: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
    Output {
        stdout: match lang {
            Lang::Zh => format!("已创建 {}\n下一步：plan check\n", list.join("、")),
            Lang::En => format!("created {}\nnext: plan check\n", list.join(", ")),
        }
        .into(),
        ..Output::default()
    }
}
