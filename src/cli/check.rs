//! `plan check`: every diagnostic, to stderr (text) or stdout (JSON); exit 2 on errors.

use crate::cli::args::{CheckArgs, CheckFormat};
use crate::cli::{Config, Output, exit};
use crate::diagnostic::Severity;
use crate::load::Loaded;
use crate::model::Lang;
use crate::render::diagnostics;

pub fn run(config: &Config, loaded: &Loaded, args: &CheckArgs) -> Output {
    let lang = config.lang_for(loaded);
    // Loading found what is wrong in the files; staleness and progress dated in the future
    // also depend on today, and are reported beside any errors.
    let mut all = loaded.diagnostics.clone();
    all.extend(crate::validate::dated(&loaded.workspace, config.today));
    crate::load::sort(&mut all, &loaded.workspace.sources);
    let diags = &all;
    let failing = diags
        .iter()
        .any(|d| d.severity() == Severity::Error || args.strict);
    let code = if failing { exit::ERROR } else { exit::OK };
    let sources = &loaded.workspace.sources;
    match args.format {
        CheckFormat::Json => Output {
            stdout: diagnostics::json(diags, sources, lang).into(),
            code,
            ..Output::default()
        },
        CheckFormat::Text => {
            let stderr = diagnostics::report(diags, sources, lang, config.stderr_style);
            let stdout = if failing {
                String::new()
            } else {
                passed(loaded, lang)
            };
            Output {
                stdout: stdout.into(),
                stderr,
                code,
                ..Output::default()
            }
        }
    }
}

/// The line printed when the plans check: what was read.
fn passed(loaded: &Loaded, lang: Lang) -> String {
    let plans = &loaded.workspace.plans;
    let areas: usize = plans.iter().map(|p| p.areas.len()).sum();
    let items: usize = plans.iter().map(|p| p.items().count()).sum();
    crate::render::labels::messages::check_passed(lang, plans.len(), areas, items)
}
