//! Printers: they turn results into text and print nothing else.

pub mod batch;
pub mod catalogue;
pub mod charts;
pub mod json;
pub mod summary;
pub mod terminal;
pub mod workbook;

use std::io::{IsTerminal, Write};

/// Writes to stdout; a closed pipe (`gouji check … | head`) is not an error worth a panic.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Whether the terminal printer colours its severities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// Colour on or off.
    pub color: bool,
}

impl Style {
    /// The style for `--color auto|always|never`: auto colours on a terminal unless NO_COLOR is
    /// set.
    pub fn detect(choice: &str) -> Style {
        let color = match choice {
            "always" => true,
            "never" => false,
            _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        Style { color }
    }

    /// `text` in the ANSI colour `code`, when colour is on.
    pub fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}
