use std::path::Path;

use calamine::{open_workbook_auto_from_rs, Data, Dimensions, Reader, Sheets};

use super::{Grid, Merge, RawValue, ReadError, ReadOutcome, MAX_ROWS};

/// Files larger than this (bytes) have each sheet's declared size looked at before it is loaded.
const LARGE_FILE: usize = 4 << 20;

/// Reads every sheet of an .xlsx/.xlsm/.xls/.xlsb/.ods workbook with calamine, merged ranges included.
pub fn read_workbook(path: &Path) -> Result<ReadOutcome, ReadError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    if bytes.is_empty() {
        return Err(ReadError::Empty { file });
    }
    if is_encrypted_ooxml(&bytes) {
        return Err(ReadError::Encrypted { file });
    }
    // Only a large file can hold a sheet too tall to be a table; small ones skip the look-ahead.
    let large = bytes.len() > LARGE_FILE;
    // Merged ranges of an .xlsx, found by scanning each sheet's XML for <mergeCell ref=…>:
    // calamine would tokenise every sheet a second time to find them.
    let xlsx_merges = if bytes.starts_with(b"PK") {
        super::merges::scan(&bytes)
    } else {
        None
    };
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| classify(&file, &e.to_string()))?;
    let mut outcome = ReadOutcome::default();
    for sheet in book.sheet_names() {
        let declared = if large {
            declared_height(&mut book, &sheet)
        } else {
            None
        };
        if let Some(rows) = declared.filter(|&h| h > MAX_ROWS) {
            outcome.problems.push(too_large(&file, &sheet, rows));
            continue;
        }
        let range = match book.worksheet_range(&sheet) {
            Ok(r) => r,
            Err(e) => {
                outcome
                    .problems
                    .push(classify(&file, &format!("{sheet}: {e}")));
                continue;
            }
        };
        let (height, width) = range.get_size();
        if height > MAX_ROWS {
            outcome.problems.push(too_large(&file, &sheet, height));
            continue;
        }
        // calamine's range starts at the first used cell; grids start at A1 so that cell
        // names in findings are the ones the user sees.
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows = vec![Vec::new(); r0 as usize + height];
        for (i, row) in range.rows().enumerate() {
            let mut out = vec![RawValue::Empty; c0 as usize];
            out.extend(row.iter().map(raw));
            while matches!(out.last(), Some(RawValue::Empty)) {
                out.pop();
            }
            rows[r0 as usize + i] = out;
        }
        debug_assert!(rows.iter().all(|r| r.len() <= c0 as usize + width));
        let merges = merges(&mut book, &sheet, xlsx_merges.as_deref());
        outcome.grids.push(Grid {
            file: file.clone(),
            sheet,
            rows,
            merges,
            places: None,
        });
    }
    Ok(outcome)
}

fn too_large(file: &str, sheet: &str, rows: usize) -> ReadError {
    ReadError::SheetTooLarge {
        file: file.to_string(),
        sheet: sheet.to_string(),
        rows,
        max: MAX_ROWS,
    }
}

/// The height an .xlsx sheet declares, read before its cells so a huge sheet is never loaded.
fn declared_height<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    sheet: &str,
) -> Option<usize> {
    match book {
        Sheets::Xlsx(x) => {
            let dims = x.worksheet_cells_reader(sheet).ok()?.dimensions();
            Some((dims.end.0.saturating_sub(dims.start.0) + 1) as usize)
        }
        _ => None,
    }
}

fn merges<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    sheet: &str,
    xlsx_merges: Option<&[(String, Vec<Merge>)]>,
) -> Vec<Merge> {
    if let Some(found) = xlsx_merges {
        return found
            .iter()
            .find(|(name, _)| name == sheet)
            .map(|(_, m)| m.clone())
            .unwrap_or_default();
    }
    let dims: Vec<Dimensions> = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        _ => Vec::new(),
    };
    dims.into_iter()
        .map(|d| Merge {
            first: d.start,
            last: d.end,
        })
        .collect()
}

fn raw(d: &Data) -> RawValue {
    match d {
        Data::Empty => RawValue::Empty,
        Data::Int(i) => RawValue::Number(*i as f64),
        Data::Float(f) => RawValue::Number(*f),
        Data::String(s) => RawValue::Text(s.clone()),
        Data::Bool(b) => RawValue::Text(b.to_string()),
        Data::DateTime(d) => RawValue::Text(d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => RawValue::Text(s.clone()),
        Data::Error(e) => RawValue::Text(format!("#{e:?}")),
    }
}

/// An OOXML workbook saved with a password is not a zip but an OLE compound file holding an
/// `EncryptedPackage` stream; calamine would only say "invalid zip".
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    const NAME: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    bytes.starts_with(OLE) && bytes.windows(NAME.len()).any(|w| w == NAME)
}

fn classify(file: &str, reason: &str) -> ReadError {
    if reason.contains("password protected") || reason.contains("Password") {
        ReadError::Encrypted {
            file: file.to_string(),
        }
    } else {
        ReadError::Corrupt {
            file: file.to_string(),
            reason: reason.to_string(),
        }
    }
}
