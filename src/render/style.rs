//! Terminal styling: ANSI colour only when it was decided that colour is wanted.

/// Whether to colour, decided once in `cli` (a terminal, `NO_COLOR` unset, `TERM` not `dumb`,
/// `--color` not `never`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn error(self, text: &str) -> String {
        self.paint("1;31", text)
    }

    pub fn warning(self, text: &str) -> String {
        self.paint("1;33", text)
    }

    pub fn help(self, text: &str) -> String {
        self.paint("1;36", text)
    }

    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn caret(self, text: &str) -> String {
        self.paint("1;31", text)
    }
}
