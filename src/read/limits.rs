//! Limits on what a package may inflate to. An .xlsx, .ods or .docx is a zip of XML parts, and
//! a part of a few megabytes can inflate to gigabytes (a "zip bomb"): read whole, it would take
//! the machine's memory before gouji could say the sheet is no table. A package is looked over
//! before anything reads it: a part that declares more than the limit, or a ratio no real
//! workbook has, is refused. A part that declares less than it holds needs no look of its own:
//! the zip reader stops it at its declared size ("larger than its declared uncompressed size"),
//! which the readers report as a damaged file.

use std::io::{Read, Seek};
use std::sync::atomic::{AtomicU64, Ordering};

use zip::ZipArchive;

use super::ReadError;

/// The default limit on one inflated part: 256 MiB, twice the sheet XML of the largest table
/// gouji reads ([`super::MAX_ROWS`] rows of a dozen columns).
pub const DEFAULT_MAX_INFLATE: u64 = 256 << 20;

/// No real workbook's XML shrinks a thousand-fold; only a run of one repeated byte does.
const SUSPECT_RATIO: u64 = 1000;

/// Ratios are judged on parts large enough to matter; a small part may compress well.
const SUSPECT_FROM: u64 = 16 << 20;

/// Real workbooks hold tens of sheets, not thousands; each part costs a reader time and memory.
pub const MAX_PARTS: usize = 5_000;

static MAX_INFLATE: AtomicU64 = AtomicU64::new(DEFAULT_MAX_INFLATE);

/// Sets the limit for this run (`--max-inflate`).
pub fn set_max_inflate(bytes: u64) {
    MAX_INFLATE.store(bytes.max(1), Ordering::Relaxed);
}

/// The limit in force.
pub fn max_inflate() -> u64 {
    MAX_INFLATE.load(Ordering::Relaxed)
}

/// The limit on one inflated PDF stream: an eighth of the package limit (32 MiB by default).
/// A page's content stream is drawing instructions of tens of kilobytes; the PDF reader holds a
/// stream whole while it inflates it, so a lower bound keeps a bomb's memory low.
pub fn max_pdf_stream() -> u64 {
    (max_inflate() / 8).max(1 << 20)
}

/// Looks a zip package over before it is read; `file` names it in the error.
pub fn check_package<R: Read + Seek>(reader: R, file: &str) -> Result<(), ReadError> {
    // Not a zip at all: the reader that follows says so in its own words.
    let Ok(mut zip) = ZipArchive::new(reader) else {
        return Ok(());
    };
    let limit = max_inflate();
    if zip.len() > MAX_PARTS {
        let count = zip.len() as u64;
        return Err(refused(
            file,
            &format!("{count} parts"),
            count,
            MAX_PARTS as u64,
            None,
        ));
    }
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(i) else {
            continue;
        };
        let name = part
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| format!("#{i}"));
        let (declared, packed) = (part.size(), part.compressed_size());
        if declared > limit {
            return Err(refused(file, &name, declared, limit, None));
        }
        let ratio = declared / packed.max(1);
        if declared >= SUSPECT_FROM && ratio > SUSPECT_RATIO {
            return Err(refused(file, &name, declared, limit, Some(ratio)));
        }
    }
    Ok(())
}

fn refused(file: &str, part: &str, size: u64, limit: u64, ratio: Option<u64>) -> ReadError {
    ReadError::Inflates {
        file: file.to_string(),
        part: part.to_string(),
        size,
        limit,
        ratio,
    }
}
