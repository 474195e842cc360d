//! The command line's help in Chinese: what each command does and what each argument means,
//! set on clap's command at run time when the language is Chinese (`cli::help`), and the words
//! of the help layout, the man page and clap's errors.

/// What a command does; `""` is `plan` itself.
pub fn about(command: &str) -> Option<&'static str> {
    Some(match command {
        "" => "管理以 TOML 文件保存在 git 中的年度工作计划",
        "check" => "检查每个计划文件：列出每个错误和警告，及其在文件中的位置",
        "status" => "各工作方面今天的进展；加 --area 列出该方面的每个事项",
        "overdue" => "所有逾期的任务和目标，逾期最久的在前（有逾期时退出码为 1）",
        "upcoming" => "--within 天内到期的未完成任务和目标，最近到期的在前",
        "chase" => "上一报送期没有报送进展的事项（催报），按牵头单位分组（有漏报时退出码为 1）",
        "owners" => "各牵头单位（或责任领导）的排名（通报）：按期办结率、逾期、红黄灯、漏报",
        "indicators" => "各统计指标与上年同期比较；给出编号时列出该指标的各期数据",
        "show" => "某一事项的全部情况",
        "done" => "任务办结（周期性任务：记一次完成）",
        "mark" => "设置任务状态：todo、doing、blocked 或 dropped",
        "record" => "记录指标某一报告期的累计数（新增或替换，按期排列）",
        "stage" => "项目进入某一阶段，并记下日期",
        "actual" => "记录数量目标目前的完成数",
        "postpone" => "推迟任务或目标的期限，并在延期记录中写明原因",
        "progress" => "给任一事项加一条进展情况，按日期排列",
        "verify" => "核验销号：已办结的任务或已达成的目标，附证明材料",
        "report" => "给人看的报告：公告栏用的 Markdown，或一个自包含的 HTML 页面",
        "notice" => "给每个有红灯、黄灯事项的牵头单位出督办通知单；--mail 发送",
        "calendar" => "所有期限的 iCalendar 日历订阅（全天事件）",
        "diff" => "与某个 git 版本（或某日）相比的变化：办结、新逾期、延期、新数据",
        "log" => "某一事项在各次提交中的变化：提交、作者、日期",
        "init" => "新建计划（plan.toml 和一个带注释的示例工作方面），可通过 plan check",
        "import" => "把单位的 Excel 台账（.xlsx、.xls、.ods 或 .csv）导入为新计划",
        "export" => "把计划导出为台账：任务、指标、牵头单位三张表的 .xlsx 工作簿",
        "schema" => "输出计划文件的 JSON Schema，供编辑器使用（见 docs/editing.md）",
        "completions" => "输出 shell 自动补全脚本",
        "man" => "输出 man 手册页（roff）",
        "help" => "显示帮助（或某个命令的帮助）",
        _ => return None,
    })
}

/// What an argument means: first as this command has it, then as every command has it.
pub fn arg(command: &str, id: &str) -> Option<&'static str> {
    let own = match (command, id) {
        ("done" | "mark", "id") => Some("任务的编号"),
        ("record", "id") => Some("指标的编号"),
        ("stage", "id") => Some("项目的编号"),
        ("actual", "id") => Some("目标的编号"),
        ("postpone" | "verify", "id") => Some("任务或目标的编号"),
        ("indicators", "id") => Some("只看一个指标：各期数据及全年剩余需完成多少"),
        ("import", "id") => Some("新计划的编号（即其目录名）"),
        ("done", "on") => Some("办结日期（默认今天）"),
        ("stage", "on") => Some("进入该阶段的日期（默认今天）"),
        ("postpone", "on") => Some("决定延期的日期（默认今天）"),
        ("progress", "on") => Some("报送日期（默认今天）"),
        ("verify", "on") => Some("核验日期（默认今天）"),
        ("record", "value") => Some("该报告期的累计数"),
        ("actual", "value") => Some("目前的完成数"),
        ("report", "output") => Some("写入此文件而不是标准输出"),
        ("calendar", "output") => Some("写入此文件而不是标准输出"),
        ("notice", "output") => Some("每个单位写一个文件到此目录（不存在则新建）"),
        ("import", "output") => Some("计划写入的 plans 目录（默认 --plans，否则 plans）"),
        ("export", "output") => Some("要写入的工作簿（.xlsx）"),
        ("report" | "notice", "format") => Some("Markdown，或一个可打印在 A4 纸上的自包含 HTML"),
        ("check", "format") => Some("诊断信息的输出方式"),
        ("diff" | "log" | "show", "plan") => Some("编号在多个计划中都有时，指定计划"),
        ("import", "year") => Some("计划年度：“3月底前”这样的时限落在这一年"),
        ("init", "year") => Some("计划年度（默认今年）"),
        ("import", "start") => Some("计划年度不是自然年（财政年度）时的首日"),
        ("import", "dry_run") => Some("只显示将写入的文件，不写入"),
        ("progress", "by") => Some("报送单位或人"),
        _ => None,
    };
    if own.is_some() {
        return own;
    }
    Some(match id {
        "plans" => "plans 目录（环境变量 PLAN_DIR；默认向上查找最近的 plans/）",
        "today" => "按这一天计算（YYYY-MM-DD；环境变量 PLAN_TODAY；默认本地日期）",
        "lang" => "输出语言（环境变量 PLAN_LANG；默认计划的 lang，否则 en）",
        "color" => "何时使用颜色",
        "bom" => "CSV 输出以 UTF-8 字节顺序标记开头，Excel 才能正确显示中文",
        "help" => "显示帮助",
        "version" => "显示版本",
        "plan" => "只看这个计划（编号）",
        "area" => "只看这个工作方面（编号）",
        "owner" => {
            "只看这个牵头单位的事项（事项的牵头单位之一，否则其工作方面的；集体单位的成员也算）"
        }
        "leader" => "只看这位责任领导的事项",
        "tag" => "只看带这个标签的事项",
        "kind" => "只看这类事项",
        "within" => "“即将到期”的天数（0 到 3660）",
        "format" => "输出格式",
        "quiet" => "没有结果时什么也不打印（供 cron 使用）",
        "by" => "按牵头单位（unit）或责任领导（leader）排名",
        "strict" => "警告也算错误",
        "id" => "事项的编号",
        "status" => "新状态（办结用 plan done）",
        "period" => "报告期：\"2016-03\"、\"2016-Q1\"、\"2016-H1\" 或 \"2016\"",
        "prior" => "上年同期数",
        "stage" => "达到的阶段",
        "date" => "新期限：2016-04-30，或 \"2016-04\"、\"2016-Q2\" 这样的期间",
        "reason" => "原因（写入延期记录，供每位审阅者查看）",
        "approved_by" => "批准人（写入延期记录）",
        "text" => "做了什么",
        "percent" => "完成百分比，0 到 100",
        "evidence" => "证明材料：仓库中的文件路径（须存在）或链接；可重复",
        "dry_run" => "只显示改动（diff），不写入",
        "rev" => "与之比较的版本（默认 HEAD）",
        "since" => "与该日之前最后一次提交时的计划比较（YYYY-MM-DD）",
        "dir" => {
            "计划目录（默认 plans/plan-年份）；不在 plans 目录中时，计划建在 DIR/plans/plan-年份"
        }
        "year" => "计划年度",
        "title" => "计划名称",
        "file" => "台账：.xlsx、.xlsm、.xls、.ods 或 .csv",
        "sheet" => "要读的工作表（默认第一个）",
        "map" => "其他表头名称的对应表（TOML）：\"具体内容\" = \"title\"",
        "force" => "替换同一编号的计划",
        "reply_by" => "各单位须回复的日期（默认今天之后 3 天）",
        "mail" => "按 plan.toml 中各单位的 email，经 sendmail 发送各自的通知单",
        "sendmail" => "要运行的 sendmail（默认 PATH 中的 sendmail，否则 /usr/sbin/sendmail）",
        "from" => "发件人：“名称 <地址>” 或地址（环境变量 PLAN_MAIL_FROM）",
        "shell" => "shell 的名称",
        "output" => "写入此文件而不是标准输出",
        "on" => "日期（默认今天）",
        "value" => "数值",
        "command" => "要看帮助的命令",
        "limit" => "每个列表显示的行数（逾期、即将到期、目标、指标……），其余只计数；0 为全部",
        "ids" => {
            "针对这些计划的 Schema：项目、上级事项和计划的编号，以及牵头单位和责任领导的名称，供编辑器补全"
        }
        _ => return None,
    })
}

/// The help layout's words.
pub const COMMANDS: &str = "命令";
pub const OPTIONS: &str = "选项";
pub const ARGUMENTS: &str = "参数";
pub const USAGE: &str = "用法：";

/// A default value, after an argument's help.
pub fn default_value(values: &str) -> String {
    format!("［默认：{values}］")
}

/// The values an argument takes, after its help.
pub fn possible_values(values: &str) -> String {
    format!("［可选：{values}］")
}

/// The man page's section headings, English and Chinese.
pub const MAN_SECTIONS: &[(&str, &str)] = &[
    (".SH NAME", ".SH 名称"),
    (".SH SYNOPSIS", ".SH 用法"),
    (".SH DESCRIPTION", ".SH 说明"),
    (".SH OPTIONS", ".SH 选项"),
    (".SH SUBCOMMANDS", ".SH 命令"),
    (".SH VERSION", ".SH 版本"),
];

/// The man page's ENVIRONMENT and EXIT STATUS sections (roff).
pub fn man_tail(lang: crate::model::Lang) -> &'static str {
    match lang {
        crate::model::Lang::Zh => {
            ".SH 环境变量\n.TP\n\\fBPLAN_DIR\\fR\nplans 目录（同 \\-\\-plans）\n.TP\n\\fBPLAN_TODAY\\fR\n按这一天计算（同 \\-\\-today）\n.TP\n\\fBPLAN_LANG\\fR\n输出语言 zh 或 en（同 \\-\\-lang）；从不根据 LANG 猜测\n.TP\n\\fBPLAN_MAIL_FROM\\fR\nplan notice \\-\\-mail 的发件人（同 \\-\\-from）\n.TP\n\\fBNO_COLOR\\fR\n非空时不使用颜色\n.SH 退出码\n.TP\n0\n成功；overdue 没有逾期事项，chase 没有漏报\n.TP\n1\noverdue 有逾期事项；chase 有漏报；notice \\-\\-mail 有单位没有邮件地址\n.TP\n2\n计划文件有错、参数有误，或其他错误\n.SH 参见\n每个命令的帮助：plan help 命令，或 plan 命令 \\-\\-help。格式与规则见 docs/format.md。\n"
        }
        crate::model::Lang::En => {
            ".SH ENVIRONMENT\n.TP\n\\fBPLAN_DIR\\fR\nthe plans directory (as \\-\\-plans)\n.TP\n\\fBPLAN_TODAY\\fR\nthe date to compute for (as \\-\\-today)\n.TP\n\\fBPLAN_LANG\\fR\nthe output language, zh or en (as \\-\\-lang); never guessed from LANG\n.TP\n\\fBPLAN_MAIL_FROM\\fR\nthe sender of plan notice \\-\\-mail (as \\-\\-from)\n.TP\n\\fBNO_COLOR\\fR\nwhen set and not empty, no colour\n.SH EXIT STATUS\n.TP\n0\nsuccess; for overdue, nothing overdue; for chase, no report missed\n.TP\n1\noverdue found overdue items; chase found missed reports; notice \\-\\-mail met a unit without an address\n.TP\n2\ninvalid plan files, invalid arguments, or any other error\n.SH SEE ALSO\nEach command's help: plan help COMMAND, or plan COMMAND \\-\\-help. The format and its rules: docs/format.md.\n"
        }
    }
}

// ---- clap's errors, in Chinese ------------------------------------------------------

pub fn bad_argument_value(arg: &str, value: &str, reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("{arg} 的值 `{value}` 无效：{r}"),
        None => format!("{arg} 的值 `{value}` 无效"),
    }
}

pub fn valid_values(values: &str) -> String {
    format!("可选值：{values}")
}

pub fn unknown_argument(arg: &str) -> String {
    format!("不认识的参数 `{arg}`")
}

pub fn unknown_command(name: &str) -> String {
    format!("没有 `{name}` 这个命令")
}

/// `quoted`: one or more names, each in backquotes.
pub fn did_you_mean(quoted: &str) -> String {
    format!("是否想写 {quoted}？")
}

pub fn missing_argument(args: &str) -> String {
    format!("缺少必需的参数：{args}")
}

pub fn conflicting_arguments(arg: &str, prior: &str) -> String {
    format!("{arg} 不能与 {prior} 同时使用")
}

pub fn more_help() -> &'static str {
    "更多信息请用 --help 查看。"
}
