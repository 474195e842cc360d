//! One error type for the commands: a kind, a message and an optional hint. Commands return
//! `Result<Output, CommandError>` and use `?`; [`super::failure`] alone turns an error into
//! text and the exit code.

use crate::render::labels::Message;

/// What kind of failure stopped a command. Every kind exits 2 (the contract's "any other
/// error"); the kind says what went wrong for code that handles errors and for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// An argument, a filter or an id that does not fit the plans (or the environment).
    Usage,
    /// The plans have errors; the diagnostics are the whole of the output.
    InvalidPlans,
    /// An edit refused: it would break the plans, the item is of the wrong kind, the file
    /// is read-only, busy or kept changing.
    Refused,
    /// Git could not answer.
    Git,
    /// A file or directory could not be read, created or written.
    Io,
}

/// Why a command stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandError {
    pub kind: ErrorKind,
    /// The message, on the `error:` line; empty when `diagnostics` say it all.
    pub message: String,
    /// What to do about it, on a `help:` line.
    pub hint: Option<String>,
    /// Rendered diagnostics printed before the message (the plans' errors, or those an edit
    /// would cause).
    pub diagnostics: String,
}

impl CommandError {
    /// An error of `kind` with a message (and its hint) from the catalogue.
    pub fn new(kind: ErrorKind, message: Message) -> Self {
        CommandError {
            kind,
            message: message.text,
            hint: message.hint,
            diagnostics: String::new(),
        }
    }

    /// A usage error: an argument that does not fit.
    pub fn usage(message: Message) -> Self {
        Self::new(ErrorKind::Usage, message)
    }

    /// The plans have errors, already rendered.
    pub fn invalid_plans(diagnostics: String) -> Self {
        CommandError {
            kind: ErrorKind::InvalidPlans,
            message: String::new(),
            hint: None,
            diagnostics,
        }
    }

    /// The same error with rendered diagnostics before it.
    #[must_use]
    pub fn after(mut self, diagnostics: String) -> Self {
        self.diagnostics = diagnostics;
        self
    }
}
