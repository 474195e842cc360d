//! Messages of the editing commands.

use super::Message;
use crate::edit::rules::{NumberArg, Refusal};
use crate::model::Lang;
use crate::number::NumberError;

fn pick<T>(lang: Lang, zh: T, en: T) -> T {
    if lang == Lang::Zh { zh } else { en }
}

/// Why an edit was refused, in words.
pub fn refusal(lang: Lang, id: &str, refusal: &Refusal) -> Message {
    let t = super::labels(lang);
    match refusal {
        Refusal::WrongKind {
            command,
            wants,
            found,
        } => {
            let hint = match (*command, lang) {
                ("done", Lang::Zh) => "（目标请用 plan actual）",
                ("done", Lang::En) => " (for a target use `plan actual`)",
                ("postpone", Lang::Zh) => "（或目标）",
                ("postpone", Lang::En) => " (or targets)",
                ("record", Lang::Zh) => "（或不写 actual、用 actuals 记录完成数的目标）",
                ("record", Lang::En) => {
                    " (or targets without `actual`, whose figures are `actuals`)"
                }
                _ => "",
            };
            let first = wants.first().map_or("", |k| t.kind_name(*k));
            let wants = match lang {
                Lang::Zh => first.to_string(),
                Lang::En => format!("{first}s"),
            };
            wrong_kind(lang, id, t.kind_name(*found), command, &wants, hint)
        }
        Refusal::BatchActual => batch_actual(lang, id),
        Refusal::BadPeriod(text) => bad_period(lang, text),
        Refusal::BadDate(text) => bad_date(lang, text),
        Refusal::Number { arg, text, error } => {
            let what = match (arg, lang) {
                (NumberArg::Value, Lang::Zh) => "数值",
                (NumberArg::Value, Lang::En) => "value",
                (NumberArg::Prior, _) => "--prior",
            };
            match error {
                NumberError::TooLarge => number_too_large(lang, what, text),
                NumberError::TooSmall => number_too_small(lang, what, text),
                NumberError::NotANumber | NumberError::NotFinite => not_a_number(lang, what, text),
            }
        }
        Refusal::EmptyReason => empty_reason(lang),
        Refusal::EmptyProgress => pick(
            lang,
            Message::new("进展情况不能为空"),
            Message::new("a progress report needs its text"),
        ),
        Refusal::PercentOutOfRange(text) => pick(
            lang,
            Message::new(format!("--percent `{text}` 应在 0 到 100 之间")),
            Message::new(format!("--percent `{text}` must be from 0 to 100")),
        ),
        Refusal::PriorOnTarget => pick(
            lang,
            Message::new(format!("`{id}` 是目标，没有上年同期数（--prior）")),
            Message::new(format!(
                "`{id}` is a target: it has no prior-year figure (--prior)"
            )),
        ),
        Refusal::RecurringPostpone => recurring_postpone(lang, id),
        Refusal::NoDeadline => no_deadline(lang, id),
        Refusal::SameDeadline(to) => same_deadline(lang, id, &to.to_string()),
        Refusal::EarlierDeadline { from, to } => {
            earlier_deadline(lang, id, &from.to_string(), &to.to_string())
        }
        Refusal::NotFinished => pick(
            lang,
            Message::new(format!(
                "`{id}` 尚未办结（任务未 done、目标未达成），不能销号"
            ))
            .hint("先用 plan done 记录办结；目标要先达到目标值"),
            Message::new(format!(
                "`{id}` is not finished (a task not done, a target not met): nothing to verify"
            ))
            .hint("record it done first with plan done; a target must reach its value"),
        ),
        Refusal::VerifyBeforeDone { done } => pick(
            lang,
            Message::new(format!("销号日期不能早于办结日期 {done}")),
            Message::new(format!("it cannot be verified before it was done ({done})")),
        ),
        Refusal::AlreadyVerified { on } => pick(
            lang,
            Message::new(format!("`{id}` 已于 {on} 销号")),
            Message::new(format!("`{id}` was already verified on {on}")),
        ),
        Refusal::EmptyEvidence => pick(
            lang,
            Message::new("--evidence 不能为空"),
            Message::new("--evidence needs a path or a link"),
        ),
    }
}

/// `sign-batch-1` is a target; `plan done` works on tasks.
fn wrong_kind(lang: Lang, id: &str, kind: &str, command: &str, wants: &str, hint: &str) -> Message {
    pick(
        lang,
        Message::new(format!(
            "`{id}` 是{kind}，`plan {command}` 只能用于{wants}{hint}"
        )),
        Message::new(format!(
            "`{id}` is a {kind}; `plan {command}` works on {wants}{hint}"
        )),
    )
}

fn not_a_number(lang: Lang, what: &str, text: &str) -> Message {
    pick(
        lang,
        Message::new(format!("{what} `{text}` 不是有限的数值")),
        Message::new(format!("{what} `{text}` is not a finite number")),
    )
}

fn number_too_large(lang: Lang, what: &str, text: &str) -> Message {
    pick(
        lang,
        Message::new(format!("{what} `{text}` 太大")),
        Message::new(format!("{what} `{text}` is too large a number")),
    )
}

fn number_too_small(lang: Lang, what: &str, text: &str) -> Message {
    pick(
        lang,
        Message::new(format!("{what} `{text}` 太接近零，无法表示")),
        Message::new(format!(
            "{what} `{text}` is too close to zero to be held (it would read as 0)"
        )),
    )
}

fn bad_period(lang: Lang, text: &str) -> Message {
    pick(
        lang,
        Message::new(format!("报告期 `{text}` 无效"))
            .hint("写成 \"2016-03\"、\"2016-Q1\"、\"2016-H1\" 或 \"2016\""),
        Message::new(format!("`{text}` is not a period"))
            .hint("write \"2016-03\", \"2016-Q1\", \"2016-H1\" or \"2016\""),
    )
}

fn bad_date(lang: Lang, text: &str) -> Message {
    pick(
        lang,
        Message::new(format!("日期 `{text}` 无效"))
            .hint("写成 2016-04-30，或期间 \"2016-04\"、\"2016-Q2\"、\"2016-H2\"、\"2016\""),
        Message::new(format!("`{text}` is not a date"))
            .hint("write 2016-04-30, or a period \"2016-04\", \"2016-Q2\", \"2016-H2\", \"2016\""),
    )
}

fn no_deadline(lang: Lang, id: &str) -> Message {
    pick(
        lang,
        Message::new(format!("`{id}` 没有期限可以延期")).hint("在文件中先写上 `due`"),
        Message::new(format!("`{id}` has no deadline to postpone"))
            .hint("give it a `due` in the file first"),
    )
}

fn same_deadline(lang: Lang, id: &str, due: &str) -> Message {
    pick(
        lang,
        Message::new(format!("`{id}` 的期限已经是 {due}")),
        Message::new(format!("`{id}` is already due {due}")),
    )
}

fn earlier_deadline(lang: Lang, id: &str, from: &str, to: &str) -> Message {
    pick(
        lang,
        Message::new(format!("`{id}` 的期限是 {from}，{to} 更早，不是延期"))
            .hint("提前完成请直接改写 `due`"),
        Message::new(format!(
            "`{id}` is due {from}; {to} is earlier, which is not a postponement"
        ))
        .hint("to bring a deadline forward, edit its `due`"),
    )
}

fn empty_reason(lang: Lang) -> Message {
    pick(
        lang,
        Message::new("延期必须写明原因（--reason）"),
        Message::new("a postponement needs a reason (--reason)"),
    )
}

pub fn unchanged(lang: Lang, file: &str) -> String {
    pick(
        lang,
        format!("{file} 无需修改"),
        format!("{file}: nothing to change"),
    )
}

pub fn written(lang: Lang, file: &str, id: &str) -> String {
    pick(
        lang,
        format!("已修改 {file}（{id}）"),
        format!("updated {file} ({id})"),
    )
}

pub fn refused(lang: Lang, file: &str) -> Message {
    pick(
        lang,
        Message::new(format!("修改后计划将无法通过检查，{file} 未作改动")),
        Message::new(format!(
            "the edit would leave the plans invalid; {file} is unchanged"
        )),
    )
}

fn batch_actual(lang: Lang, id: &str) -> Message {
    pick(
        lang,
        Message::new(format!(
            "`{id}` 是按项目计数的目标，完成数由所列项目的阶段自动计算"
        ))
        .hint("用 plan stage 推进项目"),
        Message::new(format!(
            "`{id}` is a batch target: its value is counted from its projects"
        ))
        .hint("move the projects with `plan stage`"),
    )
}

fn recurring_postpone(lang: Lang, id: &str) -> Message {
    pick(
        lang,
        Message::new(format!("`{id}` 是周期性任务，没有可延期的期限"))
            .hint("完成一次后用 plan done 记录"),
        Message::new(format!(
            "`{id}` is a recurring task: it has no deadline of its own to postpone"
        ))
        .hint("record each time it is done with `plan done`"),
    )
}

pub fn vanished(lang: Lang, file: &str, id: &str) -> Message {
    pick(
        lang,
        Message::new(format!("在 {file} 中找不到 `{id}`（文件是否刚被改动？）")),
        Message::new(format!(
            "`{id}` is no longer in {file} (did the file just change?)"
        )),
    )
}

pub fn kept_changing(lang: Lang, file: &str, tries: usize) -> Message {
    pick(
        lang,
        Message::new(format!(
            "{file} 在修改期间被其他程序改动了 {tries} 次，未作改动"
        ))
        .hint("等其他编辑保存完毕后再试"),
        Message::new(format!(
            "{file} was changed by another program during the edit, {tries} times; it is unchanged"
        ))
        .hint("try again when the other writer has finished"),
    )
}

pub fn read_only(lang: Lang, file: &str) -> Message {
    pick(
        lang,
        Message::new(format!("{file} 是只读文件，未作改动")).hint("确需修改时先 chmod u+w"),
        Message::new(format!("{file} is read-only; it is unchanged"))
            .hint("make it writable (chmod u+w) if it should be edited"),
    )
}

pub fn hard_links(lang: Lang, file: &str, links: u64) -> Message {
    pick(
        lang,
        Message::new(format!("{file} 有 {links} 个硬链接，替换它会使其他链接停留在旧内容，未作改动")).hint("用符号链接代替硬链接"),
        Message::new(format!("{file} has {links} hard links: replacing it would leave the others with the old text; it is unchanged")).hint("use a symbolic link instead"),
    )
}

pub fn too_large(lang: Lang, file: &str, size: u64, limit: u64) -> Message {
    pick(
        lang,
        Message::new(format!(
            "修改后 {file} 将有 {size} 字节，超过上限 {limit} 字节，未作改动"
        )),
        Message::new(format!(
            "the edit would make {file} {size} bytes, over the limit of {limit}; it is unchanged"
        )),
    )
}

pub fn busy(lang: Lang, file: &str, seconds: u64) -> Message {
    pick(
        lang,
        Message::new(format!(
            "另一个 plan 修改命令占用 {file} 所在目录超过 {seconds} 秒，未作改动"
        ))
        .hint("稍后再试"),
        Message::new(format!(
            "another `plan` edit held the directory of {file} for over {seconds} s; it is unchanged"
        ))
        .hint("try again later"),
    )
}

pub fn cannot(lang: Lang, file: &str, error: &str) -> Message {
    pick(
        lang,
        Message::new(format!("无法修改 {file}：{error}")),
        Message::new(format!("cannot edit {file}: {error}")),
    )
}
