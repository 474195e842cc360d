//! `plan notice`: the notices (督办通知单) to standard output, one file per unit, or mailed
//! through sendmail. Every message is built before the first is sent, so a bad address or a
//! missing sendmail sends nothing.

use std::path::{Path, PathBuf};

use lettre::message::{Mailbox, MultiPart};
use lettre::{Message, SendmailTransport, Transport};

use crate::cli::args::{NoticeArgs, ReportFormat};
use crate::cli::listing::Listing;
use crate::cli::{CommandError, Config, ErrorKind, Output, exit};
use crate::compute::notice::{self, Notice};
use crate::load::Loaded;
use crate::model::Lang;
use crate::render::Format;
use crate::render::labels::{messages, sentences};
use crate::render::notice as render;

pub fn run(config: &Config, loaded: &Loaded, args: &NoticeArgs) -> Result<Output, CommandError> {
    let l = Listing::filtered(config, loaded, &args.filter, Format::Table)?;
    let reply_by = args
        .reply_by
        .unwrap_or_else(|| crate::date::add_days(l.clock.today, 3));
    let notices = notice::notices(l.ws, &l.filter, l.clock, reply_by);
    let lang = l.lang;
    // Nothing red or yellow: nothing to mail, and nothing to say to a cron job.
    if args.mail && notices.is_empty() {
        return Ok(Output::default());
    }
    if args.mail {
        return mail(args, &notices, lang);
    }
    if let Some(dir) = &args.output {
        return write_files(dir, &notices, args.format, lang, &l);
    }
    let text = if notices.is_empty() {
        format!("{}\n", messages::no_notices(lang))
    } else {
        match args.format {
            ReportFormat::Markdown => render::markdown_all(&notices, lang),
            ReportFormat::Html => render::html_all(&notices, lang),
        }
    };
    Ok(Output {
        stdout: text.into(),
        ..Output::default()
    })
}

/// One file per notice in `dir`, each written atomically; the paths written on stdout.
fn write_files(
    dir: &Path,
    notices: &[Notice<'_>],
    format: ReportFormat,
    lang: Lang,
    l: &Listing<'_>,
) -> Result<Output, CommandError> {
    let shown = |p: &Path| crate::source::escape(&p.display().to_string()).into_owned();
    let io = |path: &Path, e: &std::io::Error| {
        CommandError::new(
            ErrorKind::Io,
            messages::cannot_write_file(lang, &shown(path), &e.to_string()),
        )
    };
    std::fs::create_dir_all(dir).map_err(|e| io(dir, &e))?;
    let mut out = String::new();
    for n in notices {
        let (text, extension) = match format {
            ReportFormat::Markdown => (render::markdown(n, lang), "md"),
            ReportFormat::Html => (render::html_all(std::slice::from_ref(n), lang), "html"),
        };
        let path = dir.join(render::file_name(n, extension));
        if let Some(source) = crate::cli::filters::source_file(l.ws, &path) {
            return Err(CommandError::usage(messages::output_is_source(
                lang,
                &shown(&path),
                &source,
            )));
        }
        crate::edit::write::create(&path, text.as_bytes()).map_err(|e| io(&path, &e))?;
        out.push_str(&messages::wrote(lang, &shown(&path)));
        out.push('\n');
    }
    Ok(Output {
        stdout: out.into(),
        ..Output::default()
    })
}

/// The sendmail to run: `--sendmail`, else `sendmail` on PATH, else /usr/sbin/sendmail.
fn sendmail(args: &NoticeArgs) -> PathBuf {
    if let Some(path) = &args.sendmail {
        return path.clone();
    }
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join("sendmail"))
        .find(|p| is_executable(p))
        .unwrap_or_else(|| PathBuf::from("/usr/sbin/sendmail"))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// A mail address as written, or the usage error that says why not.
fn mailbox(text: &str, lang: Lang) -> Result<Mailbox, CommandError> {
    text.parse::<Mailbox>()
        .map_err(|e| CommandError::usage(messages::bad_address(lang, text, &e.to_string())))
}

/// `--mail`: build every message, then hand each to sendmail. Units without an address are
/// named on stderr and make the exit code 1; a message sendmail refuses makes it 2.
fn mail(args: &NoticeArgs, notices: &[Notice<'_>], lang: Lang) -> Result<Output, CommandError> {
    let from = args
        .from
        .as_deref()
        .filter(|f| !f.trim().is_empty())
        .ok_or_else(|| CommandError::usage(messages::no_sender(lang)))?;
    let from = mailbox(from, lang)?;
    let program = sendmail(args);
    if !is_executable(&program) {
        return Err(CommandError::usage(messages::no_sendmail(
            lang,
            &program.display().to_string(),
        )));
    }
    let mut stderr = String::new();
    let mut built: Vec<(&Notice<'_>, Message)> = Vec::new();
    for n in notices {
        let Some(address) = n.email else {
            stderr.push_str(&messages::no_address(lang, &n.number, n.unit));
            stderr.push('\n');
            continue;
        };
        let to = Mailbox::new(Some(n.unit.to_string()), mailbox(address, lang)?.email);
        let message = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(sentences::notice_subject(lang, &n.number, n.unit))
            .multipart(MultiPart::alternative_plain_html(
                render::markdown(n, lang),
                render::html_all(std::slice::from_ref(n), lang),
            ))
            .map_err(|e| {
                CommandError::usage(messages::cannot_build_mail(lang, n.unit, &e.to_string()))
            })?;
        built.push((n, message));
    }
    let transport = SendmailTransport::new_with_command(program.as_os_str());
    let mut stdout = String::new();
    let mut code = if stderr.is_empty() {
        exit::OK
    } else {
        exit::FOUND
    };
    for (n, message) in &built {
        match transport.send(message) {
            Ok(()) => {
                stdout.push_str(&messages::sent(
                    lang,
                    &n.number,
                    n.unit,
                    n.email.unwrap_or(""),
                ));
                stdout.push('\n');
            }
            Err(e) => {
                stderr.push_str(&messages::send_failed(
                    lang,
                    &n.number,
                    n.unit,
                    &e.to_string(),
                ));
                stderr.push('\n');
                code = exit::ERROR;
            }
        }
    }
    Ok(Output {
        stdout: stdout.into(),
        stderr,
        code,
        committed: false,
    })
}
