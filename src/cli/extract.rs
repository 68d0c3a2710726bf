//! `gouji extract`: the canonical model gouji reads from one file, as JSON or text.

use std::path::PathBuf;

use crate::load;
use crate::report;

use super::{CliError, Format};

#[derive(clap::Args)]
pub struct Args {
    /// A table file, a narrative, or a page (.html, .docx) with tables.
    file: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

/// Prints the model of one file; the parts that could not be read are the error.
pub fn run(args: Args) -> Result<(), CliError> {
    // A page (.html, .docx) holding 决算 tables is a document; without them, its prose.
    let tables_on_page = load::page_tables(&args.file).is_ok_and(|p| p.is_some());
    if crate::read::text::is_text_file(&args.file) && !tables_on_page {
        let narrative = load::load_narrative(&args.file)?;
        report::emit(&report::json::narrative(&narrative));
        return Ok(());
    }
    let loaded = load::load(&args.file)?;
    let out = match args.format {
        Format::Json => report::json::document(&loaded.document),
        Format::Text => {
            // A document whose tables gouji cannot tell says so, as `check` does (M601).
            let unseen = crate::check::no_standard_table(&loaded.document);
            let said = unseen.map(|m| format!("{}\n", m.zh)).unwrap_or_default();
            report::terminal::tables(&loaded.document) + &said
        }
    };
    report::emit(&out);
    if loaded.unread.is_empty() {
        Ok(())
    } else {
        Err(CliError::Input(loaded.unread))
    }
}
