//! The command line in Chinese (`--lang zh` or `PLAN_LANG=zh`): help, the man page, clap's
//! common errors and TOML syntax messages; `plan help` for any command; a syntax error that
//! does not hide the file's other errors.

use crate::{Fixture, area, shipped};

#[test]
fn help_is_in_chinese_when_the_language_is() {
    let r = shipped(&["--lang", "zh", "--help"]);
    r.code(0);
    assert!(r.stdout.starts_with("管理以 TOML 文件保存在 git 中的年度工作计划\n\n用法：plan [OPTIONS] <命令>\n\n命令:\n  check        检查每个计划文件"), "{}", r.stdout);
    assert!(
        r.stdout.contains(
            "  overdue      所有逾期的任务和目标，逾期最久的在前（有逾期时退出码为 1）\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "      --color <COLOR>  何时使用颜色［默认：auto］［可选：auto、always、never］\n"
        ),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("Print help"), "{}", r.stdout);
    let r = shipped(&["--lang", "zh", "overdue", "--help"]);
    r.code(0);
    assert!(r.stdout.starts_with("所有逾期的任务和目标，逾期最久的在前（有逾期时退出码为 1）\n\n用法：plan overdue [OPTIONS]\n\n选项:\n  -h, --help             显示帮助\n"), "{}", r.stdout);
    assert!(
        r.stdout.contains(
            "      --format <FORMAT>  输出格式［默认：table］［可选：table、json、csv、markdown］\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("  -q, --quiet            没有结果时什么也不打印（供 cron 使用）\n"),
        "{}",
        r.stdout
    );
    // Every command and every argument has Chinese words: no English help line is left.
    for command in [
        "check",
        "status",
        "overdue",
        "upcoming",
        "chase",
        "owners",
        "indicators",
        "show",
        "done",
        "mark",
        "record",
        "stage",
        "actual",
        "postpone",
        "progress",
        "verify",
        "report",
        "notice",
        "calendar",
        "diff",
        "log",
        "init",
        "import",
        "export",
        "schema",
        "completions",
        "man",
        "help",
    ] {
        let r = shipped(&["--lang", "zh", command, "--help"]);
        r.code(0);
        for line in r.stdout.lines().filter(|l| l.starts_with("  ")) {
            assert!(
                line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{command}: {line}"
            );
        }
    }
    // PLAN_LANG=zh does the same; English stays English.
    let r = crate::run_env(&crate::repo(), &["--help"], &[("PLAN_LANG", "zh")]);
    assert!(r.stdout.starts_with("管理以 TOML 文件"), "{}", r.stdout);
    let r = shipped(&["--help"]);
    assert!(
        r.stdout
            .starts_with("Run an organisation's annual work plan kept as TOML files in git\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn plan_help_shows_any_command_s_help() {
    let r = shipped(&["help", "--help"]);
    r.code(0);
    assert!(
        r.stdout
            .starts_with("Print help, or the help of a command\n"),
        "{}",
        r.stdout
    );
    let r = shipped(&["help", "overdue"]);
    r.code(0);
    assert_eq!(r.stdout, shipped(&["overdue", "--help"]).stdout);
    let r = shipped(&["--lang", "zh", "help", "chase"]);
    assert!(
        r.stdout.starts_with("上一报送期没有报送进展的事项（催报）"),
        "{}",
        r.stdout
    );
    let r = shipped(&["help", "nope"]);
    r.code(2);
    r.err_line("error: no command `nope`");
}

#[test]
fn the_man_page_in_chinese_with_environment_and_exit_status() {
    let r = shipped(&["--lang", "zh", "man"]);
    r.code(0);
    let sections: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with(".SH ")).collect();
    assert_eq!(
        sections,
        [
            ".SH 名称",
            ".SH 用法",
            ".SH 说明",
            ".SH 选项",
            ".SH 命令",
            ".SH 环境变量",
            ".SH 退出码",
            ".SH 参见"
        ]
    );
    assert!(
        r.stdout
            .contains("\\fBplan overdue\\fR\n所有逾期的任务和目标"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("\\fBPLAN_LANG\\fR\n输出语言 zh 或 en"),
        "{}",
        r.stdout
    );
    // No references to pages that do not exist.
    assert!(!r.stdout.contains("plan-check(1)"), "{}", r.stdout);
    let r = shipped(&["man"]);
    let sections: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with(".SH ")).collect();
    assert_eq!(
        sections,
        [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
            ".SH SUBCOMMANDS",
            ".SH ENVIRONMENT",
            ".SH EXIT STATUS",
            ".SH SEE ALSO"
        ]
    );
    assert!(!r.stdout.contains("(1)\n"), "{}", r.stdout);
}

#[test]
fn argument_errors_are_in_chinese() {
    let zh = |args: &[&str]| {
        let mut all = vec!["--lang", "zh"];
        all.extend_from_slice(args);
        shipped(&all)
    };
    let r = zh(&["--today", "2016-13-01", "status"]);
    r.code(2);
    r.err_line(
        "错误：--today <DATE> 的值 `2016-13-01` 无效：`2016-13-01` 不是 YYYY-MM-DD 形式的日期",
    );
    let r = zh(&["statu"]);
    r.code(2);
    r.err_line("错误：没有 `statu` 这个命令");
    r.err_line("  提示：是否想写 `stage`、`status`？");
    let r = zh(&["status", "--formt", "json"]);
    r.code(2);
    r.err_line("错误：不认识的参数 `--formt`");
    r.err_line("  提示：是否想写 `--format`？");
    let r = zh(&["status", "--format", "xml"]);
    r.code(2);
    r.err_line("错误：--format <FORMAT> 的值 `xml` 无效");
    r.err_line("  提示：可选值：table、json、csv、markdown");
    let r = zh(&["postpone", "t1", "2016-04-30"]);
    r.code(2);
    r.err_line("错误：缺少必需的参数：--reason <REASON>");
    // English stays clap's.
    let r = shipped(&["statu"]);
    r.code(2);
    assert!(
        r.stderr
            .starts_with("error: unrecognized subcommand 'statu'"),
        "{}",
        r.stderr
    );
}

#[test]
fn toml_syntax_errors_in_chinese_and_the_rest_of_the_file_still_checked() {
    let f = Fixture::with_areas(&[(
        "01-a.toml",
        &area(
            "[[task]]\nid = \"t\"\ntitle = \"T\"\nstauts = \"done\"\n\n[[task]]\nid = \"u\"\ntitle = \"U\ndue = \"3月底前\"\nx = [1, 2\n",
        ),
    )]);
    let r = f.run(&["--lang", "zh", "check"]);
    r.code(2);
    r.err_line("plans/p/01-a.toml:8:1: 错误：[[task]] 中有未知的键 `stauts`");
    r.err_line("plans/p/01-a.toml:12:11: 错误：TOML 语法错误：基本字符串无效，应为 `\"`");
    r.err_line("plans/p/01-a.toml:13:7: 错误：`due` 的日期 `3月底前` 格式无法识别");
    r.err_line("plans/p/01-a.toml:14:10: 错误：TOML 语法错误：数组没有闭合，应为 `]`");
    // Keys the parser dropped are not reported missing.
    assert!(!r.stderr.contains("缺少"), "{}", r.stderr);
}
