//! Fuzz the loader and everything after it: any bytes, split into a plan.toml and two area
//! files, must load, report and render without a panic, a stack overflow or a hang.
//!
//! cargo fuzz run load -s none        (stable toolchain; see docs/performance.md)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first two bytes choose where the input is cut into three files.
    let (cut, rest) = match data {
        [a, b, rest @ ..] => ((usize::from(*a), usize::from(*b)), rest),
        _ => ((0, 0), data),
    };
    let first = cut.0.min(rest.len());
    let second = (first + cut.1).min(rest.len());
    let (plan, areas) = (&rest[..first], [&rest[first..second], &rest[second..]]);
    let loaded = plan::load::load_bytes(plan, &areas);
    if !loaded.has_errors() {
        for (y, m, d) in [(2016, 2, 29), (2026, 11, 27)] {
            if let Some(today) = chrono::NaiveDate::from_ymd_opt(y, m, d) {
                plan::compute::all_reports(&loaded.workspace, today);
            }
        }
    }
    let _ = plan::render::diagnostics::text(
        &loaded.diagnostics,
        &loaded.workspace.sources,
        plan::model::Lang::En,
        plan::render::style::Style::default(),
    );
});
