//! The `plan` binary: all the work is in the library; this maps it to an exit code.

/// mimalloc: loading a large plans tree is allocation-heavy (see docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    plan::run(std::env::args_os())
}
