use std::path::PathBuf;

use crate::load;
use crate::report;

use super::{Format, CLEAN, INPUT_ERROR};

#[derive(clap::Args)]
pub struct Args {
    /// A table file.
    file: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

pub fn run(args: Args) -> u8 {
    if crate::read::text::is_text_file(&args.file) {
        return match load::load_narrative(&args.file) {
            Ok(n) => {
                report::emit(&report::json::narrative(&n));
                CLEAN
            }
            Err(e) => {
                eprintln!("gouji: {e}");
                INPUT_ERROR
            }
        };
    }
    match load::load(&args.file) {
        Ok(loaded) => {
            let out = match args.format {
                Format::Json => report::json::document(&loaded.document),
                Format::Text => report::terminal::tables(&loaded.document),
            };
            report::emit(&out);
            if loaded.unread.is_empty() {
                CLEAN
            } else {
                for e in &loaded.unread {
                    eprintln!("gouji: {e}");
                }
                INPUT_ERROR
            }
        }
        Err(e) => {
            eprintln!("gouji: {e}");
            INPUT_ERROR
        }
    }
}
