//! The one way a command fails, and the one place a failure becomes an exit status and a line on
//! stderr: subcommands return a [`CliError`] and print none of their own.

use std::path::{Path, PathBuf};

use crate::read::ReadError;

/// Exit statuses a script can rely on.
pub const CLEAN: u8 = 0;
/// Exit status when a finding reaches `--fail-on`.
pub const FINDINGS: u8 = 1;
/// Exit status when an input cannot be read or the command line is wrong.
pub const INPUT_ERROR: u8 = 2;

/// Why a command did not end clean.
#[derive(Debug)]
pub enum CliError {
    /// The command line itself: clap says what is wrong (or prints the help or version asked for).
    Usage(clap::Error),
    /// Inputs that could not be read, each printed on a line of its own.
    Input(Vec<ReadError>),
    /// Documents that could not be read, already reported in the command's own output.
    Unread,
    /// A file or folder that could not be read or written, named when the error does not name it.
    Io {
        /// The file or folder, when the error does not name it itself.
        path: Option<PathBuf>,
        /// What went wrong.
        error: std::io::Error,
    },
    /// `gouji sample` could not write its corpus.
    Sample(std::io::Error),
    /// A finding at or above `--fail-on`: the report is the output, nothing more is printed.
    Findings,
}

impl CliError {
    /// An I/O error about a path the error itself does not name.
    pub fn at(path: &Path, error: std::io::Error) -> CliError {
        CliError::Io {
            path: Some(path.to_path_buf()),
            error,
        }
    }

    /// The exit status: 1 for findings, 0 for the help or version asked for, else 2.
    pub fn code(&self) -> u8 {
        match self {
            CliError::Findings => FINDINGS,
            CliError::Usage(e) if !e.use_stderr() => CLEAN,
            _ => INPUT_ERROR,
        }
    }

    /// Prints what the user has not been told yet.
    pub fn report(&self) {
        match self {
            CliError::Usage(e) => {
                let _ = e.print();
            }
            CliError::Input(errors) => {
                for e in errors {
                    eprintln!("gouji: {e}");
                }
            }
            CliError::Io { .. } => eprintln!("gouji: {self}"),
            CliError::Sample(e) => eprintln!("gouji sample: {e}"),
            CliError::Unread | CliError::Findings => {}
        }
    }
}

impl From<clap::Error> for CliError {
    fn from(e: clap::Error) -> CliError {
        CliError::Usage(e)
    }
}

impl From<ReadError> for CliError {
    fn from(e: ReadError) -> CliError {
        CliError::Input(vec![e])
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> CliError {
        CliError::Io { path: None, error }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(e) => write!(f, "{e}"),
            CliError::Input(errors) => {
                let lines: Vec<String> = errors.iter().map(ReadError::to_string).collect();
                f.write_str(&lines.join("\n"))
            }
            CliError::Unread => f.write_str("documents that could not be read"),
            CliError::Io {
                path: Some(p),
                error,
            } => write!(f, "{}: {error}", p.display()),
            CliError::Io { path: None, error } | CliError::Sample(error) => write!(f, "{error}"),
            CliError::Findings => f.write_str("findings at or above --fail-on"),
        }
    }
}

impl std::error::Error for CliError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_has_its_exit_status() {
        assert_eq!(CliError::Findings.code(), 1);
        assert_eq!(CliError::Unread.code(), 2);
        let missing = ReadError::Io {
            file: "a.xlsx".into(),
            reason: "not found".into(),
        };
        let e = CliError::from(missing);
        assert_eq!(e.code(), 2);
        assert_eq!(e.to_string(), "a.xlsx: 无法读取文件：not found");
        let e = CliError::at(Path::new("out"), std::io::Error::other("denied"));
        assert_eq!((e.code(), e.to_string()), (2, "out: denied".to_string()));
    }
}
