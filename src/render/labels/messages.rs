//! Messages for errors that are not about a place in a file.

use super::Message;
use crate::model::Lang;

pub fn root_missing(lang: Lang, dir: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("计划目录 `{dir}` 不存在")),
        Lang::En => Message::new(format!("plans directory `{dir}` does not exist")),
    }
}

pub fn root_not_a_directory(lang: Lang, dir: &str) -> Message {
    match lang {
        Lang::Zh => {
            Message::new(format!("计划目录 `{dir}` 不是目录")).hint("--plans 应指向含有计划的目录")
        }
        Lang::En => Message::new(format!("plans directory `{dir}` is not a directory"))
            .hint("--plans names the directory that holds the plans"),
    }
}

pub fn root_not_found(lang: Lang, cwd: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("在 `{cwd}` 及其上级目录中找不到 `plans/` 目录"))
            .hint("用 --plans 或 PLAN_DIR 指定计划目录"),
        Lang::En => Message::new(format!(
            "no `plans/` directory in `{cwd}` or any directory above it"
        ))
        .hint("name one with --plans or PLAN_DIR"),
    }
}

pub fn no_cwd(lang: Lang, error: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("无法读取当前目录：{error}")),
        Lang::En => Message::new(format!("cannot read the current directory: {error}")),
    }
}

/// What a filter names, for `unknown`.
#[derive(Debug, Clone, Copy)]
pub enum What {
    Plan,
    Area,
    Owner,
    Leader,
    Tag,
    Item,
    Indicator,
}

/// `--area: no area `investmnt` in the plans`, with a did-you-mean.
pub fn unknown(
    lang: Lang,
    flag: &str,
    what: What,
    given: &str,
    suggestion: Option<&str>,
) -> Message {
    let word = match (what, lang) {
        (What::Plan, Lang::Zh) => "计划",
        (What::Area, Lang::Zh) => "工作方面",
        (What::Owner, Lang::Zh) => "牵头单位",
        (What::Leader, Lang::Zh) => "责任领导",
        (What::Tag, Lang::Zh) => "标签",
        (What::Item, Lang::Zh) => "事项",
        (What::Indicator, Lang::Zh) => "指标",
        (What::Plan, Lang::En) => "plan",
        (What::Area, Lang::En) => "area",
        (What::Owner, Lang::En) => "owner",
        (What::Leader, Lang::En) => "leader",
        (What::Tag, Lang::En) => "tag",
        (What::Item, Lang::En) => "item",
        (What::Indicator, Lang::En) => "indicator",
    };
    let m = match lang {
        Lang::Zh => Message::new(format!("{flag}：计划中没有{word} `{given}`")),
        Lang::En => Message::new(format!("{flag}: no {word} `{given}` in the plans")),
    };
    match (suggestion, lang) {
        (None, _) => m,
        (Some(s), Lang::Zh) => m.hint(format!("是否想写 `{s}`？")),
        (Some(s), Lang::En) => m.hint(format!("did you mean `{s}`?")),
    }
}

pub fn ambiguous(lang: Lang, id: &str, plans: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("`{id}` 出现在多个计划中（{plans}）"))
            .hint("用 --plan 指定其中一个"),
        Lang::En => Message::new(format!("`{id}` is in more than one plan ({plans})"))
            .hint("name one with --plan"),
    }
}

pub fn output_is_source(lang: Lang, file: &str, source: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("-o {file} 指向计划文件 {source}，拒绝覆盖"))
            .hint("把报告写到计划目录之外的文件"),
        Lang::En => Message::new(format!(
            "-o {file} is the plan file {source}; it is not overwritten"
        ))
        .hint("write the report to a file outside the plans"),
    }
}

pub fn cannot_write_file(lang: Lang, file: &str, error: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("无法写入 {file}：{error}")),
        Lang::En => Message::new(format!("cannot write {file}: {error}")),
    }
}

/// Why git could not answer.
pub fn git(lang: Lang, e: &crate::history::git::GitError) -> Message {
    use crate::history::git::GitError;
    match (e, lang) {
        (GitError::NotARepository(why), Lang::Zh) => {
            Message::new(format!("计划目录不在 git 仓库中（{why}）"))
        }
        (GitError::NotARepository(why), Lang::En) => {
            Message::new(format!("the plans are not in a git repository ({why})"))
        }
        (GitError::UnknownRevision(rev), Lang::Zh) => {
            Message::new(format!("git 中没有版本 `{rev}`"))
        }
        (GitError::UnknownRevision(rev), Lang::En) => {
            Message::new(format!("no revision `{rev}` in git"))
        }
        (GitError::NothingBefore(d), Lang::Zh) => Message::new(format!("{d} 之前没有提交")),
        (GitError::NothingBefore(d), Lang::En) => Message::new(format!("no commit before {d}")),
        (GitError::Failed(why), _) => Message::new(format!("git: {why}")),
    }
}

pub fn cannot_write(lang: Lang, error: &str) -> String {
    match lang {
        Lang::Zh => format!("无法写出结果：{error}"),
        Lang::En => format!("cannot write the output: {error}"),
    }
}

/// The warning of `plan diff` when the old revision's plans have errors.
pub fn old_revision_errors(lang: Lang, files: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "warning: 该版本的计划文件有 {files} 处错误，未能读取的事项不在比较之内（可用 git checkout 该版本后运行 plan check 查看）\n"
        ),
        Lang::En => format!(
            "warning: the plans at that revision have {files} error(s); items that did not load there are left out of the comparison (check out that revision and run plan check to see them)\n"
        ),
    }
}

/// What `plan check` read, when it passed.
pub fn check_passed(lang: Lang, plans: usize, areas: usize, items: usize) -> String {
    match lang {
        Lang::Zh => format!("检查通过：{plans} 个计划，{areas} 个工作方面，{items} 个事项\n"),
        Lang::En => {
            let s = |n: usize| if n == 1 { "" } else { "s" };
            format!(
                "ok: {plans} plan{}, {areas} area{}, {items} item{}\n",
                s(plans),
                s(areas),
                s(items)
            )
        }
    }
}

/// The count of problems after the diagnostics.
pub fn problems(lang: Lang, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::Zh => format!("共 {errors} 个错误，{warnings} 个警告"),
        Lang::En => {
            let s = |n: usize| if n == 1 { "" } else { "s" };
            format!(
                "{errors} error{}, {warnings} warning{}",
                s(errors),
                s(warnings)
            )
        }
    }
}

/// `plan init --year` out of range.
pub fn year_out_of_range(lang: Lang, year: i32) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("年份 {year} 不在 1900 到 2999 之间")),
        Lang::En => Message::new(format!("year {year} is not between 1900 and 2999")),
    }
}

/// `plan init` finds a file where it would write one.
pub fn init_exists(lang: Lang, path: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("{path} 已存在，未作任何改动")),
        Lang::En => Message::new(format!("{path} exists already; nothing was written")),
    }
}

/// A directory could not be created.
pub fn cannot_create(lang: Lang, dir: &str, error: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("无法创建 {dir}：{error}")),
        Lang::En => Message::new(format!("cannot create {dir}: {error}")),
    }
}

/// What `plan init` wrote, and what to run next.
pub fn created(lang: Lang, files: &[String], next: &str) -> String {
    match lang {
        Lang::Zh => format!("已创建 {}\n下一步：{next}\n", files.join("、")),
        Lang::En => format!("created {}\nnext: {next}\n", files.join(", ")),
    }
}

/// An environment variable that is not UTF-8.
pub fn env_not_utf8(lang: Lang, name: &str, value: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("{name}：`{value}` 不是 UTF-8 文本")),
        Lang::En => Message::new(format!("{name}: `{value}` is not UTF-8")),
    }
}

/// `PLAN_LANG` names no language.
pub fn env_not_a_language(lang: Lang, name: &str, value: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("{name}：`{value}` 不是可用的语言")).hint("用 zh 或 en"),
        Lang::En => {
            Message::new(format!("{name}: `{value}` is not a language")).hint("use zh or en")
        }
    }
}

/// A date argument (`--today`, `--since`, `--on`, `$PLAN_TODAY`) that is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateArgError {
    /// Not `YYYY-MM-DD`, or no such day.
    Form(String),
    /// A year before 1900 or after 9999.
    OutOfRange(String),
}

/// What is wrong with a date argument, in `lang`.
pub fn bad_date_arg(lang: Lang, e: &DateArgError) -> String {
    match (e, lang) {
        (DateArgError::Form(s), Lang::Zh) => format!("`{s}` 不是 YYYY-MM-DD 形式的日期"),
        (DateArgError::Form(s), Lang::En) => format!("`{s}` is not a date of the form YYYY-MM-DD"),
        (DateArgError::OutOfRange(s), Lang::Zh) => format!("`{s}` 不在 1900 到 9999 年之间"),
        (DateArgError::OutOfRange(s), Lang::En) => {
            format!("`{s}` is outside the years 1900 to 9999")
        }
    }
}

/// `$PLAN_TODAY` is not a date.
pub fn bad_date_var(lang: Lang, name: &str, e: &DateArgError) -> Message {
    let sep = super::labels(lang).prefix_sep;
    Message::new(format!("{name}{sep}{}", bad_date_arg(lang, e)))
}

/// Clap shows a date argument's error in English (its own words are English).
impl std::fmt::Display for DateArgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&bad_date_arg(Lang::En, self))
    }
}

impl std::error::Error for DateArgError {}

// ---- plan notice --------------------------------------------------------------------

/// No unit has red or yellow items.
pub fn no_notices(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "没有亮红灯或黄灯的事项，无需发督办通知单。",
        Lang::En => "No item is red or yellow: no notice to send.",
    }
}

/// `--mail` without a sender.
pub fn no_sender(lang: Lang) -> Message {
    match lang {
        Lang::Zh => Message::new("发送督办通知单需要发件人地址")
            .hint("加上 --from 督查室<duban@example.org>，或设置环境变量 PLAN_MAIL_FROM"),
        Lang::En => Message::new("mailing notices needs a sender address")
            .hint("add --from \"Office <duban@example.org>\", or set PLAN_MAIL_FROM"),
    }
}

/// An address that does not parse (`--from`, or a unit's `email`).
pub fn bad_address(lang: Lang, text: &str, error: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("`{text}` 不是有效的邮件地址：{error}"))
            .hint("写成 name@example.org 或 名称 <name@example.org>"),
        Lang::En => Message::new(format!("`{text}` is not a mail address: {error}"))
            .hint("write it as name@example.org or Name <name@example.org>"),
    }
}

/// No `sendmail` to hand the messages to.
pub fn no_sendmail(lang: Lang, path: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("找不到可执行的 sendmail：{path}；未发送任何通知单"))
            .hint("安装邮件传输代理（如 apt-get install msmtp-mta 或 postfix），或用 --sendmail 指定路径"),
        Lang::En => Message::new(format!("no sendmail to run at {path}; nothing was sent"))
            .hint("install a mail transfer agent (apt-get install msmtp-mta, or postfix), or give its path with --sendmail"),
    }
}

/// A message that could not be built (nothing was sent).
pub fn cannot_build_mail(lang: Lang, unit: &str, error: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!(
            "无法生成发给 {unit} 的邮件：{error}；未发送任何通知单"
        )),
        Lang::En => Message::new(format!(
            "cannot build the message to {unit}: {error}; nothing was sent"
        )),
    }
}

/// `sendmail` failed for one message.
pub fn send_failed(lang: Lang, number: &str, unit: &str, error: &str) -> String {
    match lang {
        Lang::Zh => format!("错误：通知单 {number}（{unit}）发送失败：{error}"),
        Lang::En => format!("error: notice {number} ({unit}) was not sent: {error}"),
    }
}

/// One notice handed to sendmail.
pub fn sent(lang: Lang, number: &str, unit: &str, to: &str) -> String {
    match lang {
        Lang::Zh => format!("已发送 {number} {unit} → {to}"),
        Lang::En => format!("sent {number} {unit} → {to}"),
    }
}

/// A unit with a notice but no address.
pub fn no_address(lang: Lang, number: &str, unit: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "警告：{unit} 没有邮件地址，通知单 {number} 未发送（在 plan.toml 中加上 [owners.\"{unit}\"] email = \"…\"）"
        ),
        Lang::En => format!(
            "warning: {unit} has no address; notice {number} was not sent (add [owners.\"{unit}\"] email = \"…\" to plan.toml)"
        ),
    }
}

/// A notice written to a file.
pub fn wrote(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("已写入 {path}"),
        Lang::En => format!("wrote {path}"),
    }
}

// ---- plan import and plan export ----------------------------------------------------

/// A file `plan import` cannot read as a spreadsheet.
pub fn not_spreadsheet(lang: Lang, file: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("{file} 不是可以读取的电子表格"))
            .hint("plan import 读取 .xlsx、.xlsm、.xls、.ods 和 .csv 文件"),
        Lang::En => Message::new(format!("{file} is not a spreadsheet plan import can read"))
            .hint("plan import reads .xlsx, .xlsm, .xls, .ods and .csv files"),
    }
}

pub fn password_protected(lang: Lang, file: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("{file} 设有打开密码，无法读取"))
            .hint("在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存一份再导入"),
        Lang::En => Message::new(format!("{file} is protected by a password"))
            .hint("remove the password in Excel (File → Info → Protect Workbook), save a copy and import that"),
    }
}

pub fn corrupt_spreadsheet(lang: Lang, file: &str, error: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("{file} 已损坏或不是有效的电子表格：{error}"))
            .hint("用 Excel 或 WPS 打开并另存为 .xlsx 后再导入"),
        Lang::En => Message::new(format!(
            "{file} is damaged or not a valid spreadsheet: {error}"
        ))
        .hint("open it in Excel or WPS, save it again as .xlsx, and import that"),
    }
}

pub fn no_such_sheet(lang: Lang, name: &str, sheets: &[String]) -> Message {
    let list = sheets.join(", ");
    match lang {
        Lang::Zh => {
            Message::new(format!("没有名为 `{name}` 的工作表")).hint(format!("工作表有：{list}"))
        }
        Lang::En => Message::new(format!("no sheet is named `{name}`"))
            .hint(format!("the sheets are: {list}")),
    }
}

pub fn no_sheets(lang: Lang, file: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("{file} 中没有工作表")),
        Lang::En => Message::new(format!("{file} has no sheet")),
    }
}

pub fn no_header(lang: Lang, sheet: &str, looked_for: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!(
            "工作表 `{sheet}` 的前 30 行中找不到表头（至少要有任务名称列和另一列）"
        ))
        .hint(format!("找的列名有：{looked_for}；其他列名可用 --map 对应")),
        Lang::En => Message::new(format!(
            "no header row in the first 30 rows of sheet `{sheet}` (a task column and one other)"
        ))
        .hint(format!(
            "the names looked for are: {looked_for}; map others with --map"
        )),
    }
}

/// A deadline cell the phrase reader cannot read.
pub fn bad_deadline(lang: Lang, text: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("无法识别完成时限 `{text}`"))
            .hint("写成日期（2016-03-31），或 3月底前、一季度、上半年、年底前、每月28日前、每季度最后一个月的30日前、长期坚持 这样的说法；一格只写一个时限"),
        Lang::En => Message::new(format!("cannot read the deadline `{text}`"))
            .hint("write a date (2016-03-31) or a phrase such as 3月底前, 一季度, 上半年, 年底前, 每月28日前, 每季度最后一个月的30日前, 长期坚持; one deadline per cell"),
    }
}

pub fn bad_status(lang: Lang, text: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("无法识别状态 `{text}`"))
            .hint("可写：未开始、进行中、受阻、已完成、已取消"),
        Lang::En => Message::new(format!("cannot read the status `{text}`"))
            .hint("write one of: 未开始, 进行中, 受阻, 已完成, 已取消 (or todo, doing, blocked, done, dropped)"),
    }
}

/// A row kept without a deadline.
pub fn no_deadline(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Zh => format!("没有完成时限：`{title}` 已导入，但不写 due"),
        Lang::En => format!("no deadline: `{title}` is imported without `due`"),
    }
}

pub fn plan_exists(lang: Lang, dir: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("{dir} 中已有计划文件，未作改动"))
            .hint("换一个 --plan 编号，或加上 --force 用导入结果替换它"),
        Lang::En => Message::new(format!(
            "{dir} already holds plan files; nothing was written"
        ))
        .hint("choose another --plan id, or add --force to replace it with the import"),
    }
}

pub fn bad_map(lang: Lang, file: &str, error: &str) -> Message {
    let fields = crate::ledger::words::Field::NAMES
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Zh => Message::new(format!("无法读取列名对应表 {file}：{error}"))
            .hint(format!("每行写 \"表头文字\" = \"字段\"，字段为：{fields}")),
        Lang::En => Message::new(format!("cannot read the column map {file}: {error}")).hint(
            format!("write one \"header text\" = \"field\" per line; the fields are: {fields}"),
        ),
    }
}

pub fn bad_plan_id(lang: Lang, id: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("计划编号 `{id}` 不能用作目录名"))
            .hint("用英文字母、数字和连字符，例如 lishan-2023"),
        Lang::En => Message::new(format!("the plan id `{id}` cannot name a directory"))
            .hint("use letters, digits and hyphens, like lishan-2023"),
    }
}

/// The import's summary: where the plan went and what it holds.
pub fn imported(lang: Lang, dir: &str, areas: usize, items: usize, undated: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "已导入到 {dir}：{areas} 个工作方面，{items} 项任务（{undated} 项没有完成时限）；plan check 通过"
        ),
        Lang::En => format!(
            "imported into {dir}: {areas} areas, {items} tasks ({undated} without a deadline); plan check passes"
        ),
    }
}

/// The import would not load: a bug, reported as such.
pub fn import_invalid(lang: Lang) -> Message {
    match lang {
        Lang::Zh => {
            Message::new("导入结果未通过 plan check，未写入任何文件（这是 plan 的缺陷，请报告）")
        }
        Lang::En => Message::new(
            "the imported plan does not pass plan check; nothing was written (a bug in plan: please report it)",
        ),
    }
}

pub fn exported(lang: Lang, file: &str, items: usize, indicators: usize, units: usize) -> String {
    match lang {
        Lang::Zh => {
            format!("已写入 {file}：{items} 项任务和目标、{indicators} 个指标、{units} 个牵头单位")
        }
        Lang::En => format!(
            "wrote {file}: {items} tasks and targets, {indicators} indicators, {units} lead units"
        ),
    }
}

pub fn export_needs_xlsx(lang: Lang) -> Message {
    match lang {
        Lang::Zh => Message::new("导出文件名应以 .xlsx 结尾").hint("例如 -o 台账.xlsx"),
        Lang::En => Message::new("the export is an .xlsx file").hint("for instance -o ledger.xlsx"),
    }
}

pub fn cannot_read_file(lang: Lang, file: &str, error: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("无法读取 {file}：{error}")),
        Lang::En => Message::new(format!("cannot read {file}: {error}")),
    }
}

/// `plan help NAME` for a command that does not exist.
pub fn no_such_command(lang: Lang, name: &str) -> Message {
    match lang {
        Lang::Zh => Message::new(format!("没有 `{name}` 这个命令")).hint("plan help 列出所有命令"),
        Lang::En => Message::new(format!("no command `{name}`")).hint("plan help lists them"),
    }
}

/// A report written as a site.
pub fn wrote_site(lang: Lang, dir: &str, pages: usize) -> String {
    match lang {
        Lang::Zh => format!("已写入 {dir}：{pages} 个页面（从 index.html 打开）"),
        Lang::En => format!("wrote {dir}: {pages} pages (open index.html)"),
    }
}
