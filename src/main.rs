//! The `plan` binary: all the work is in the library; this maps it to an exit code.

fn main() -> std::process::ExitCode {
    plan::run(std::env::args_os())
}
