//! The spreadsheet reader (.xlsx .xlsm .xls .xlsb .ods): a grid per sheet, with its merged ranges.

use std::path::Path;

use calamine::{open_workbook_auto_from_rs, DataType, Dimensions, Reader, Sheets, Xlsx, XlsxError};

use super::{Grid, Merge, RawValue, ReadError, ReadOutcome, MAX_ROWS};

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
    super::limits::check_package(std::io::Cursor::new(&bytes[..]), &file)?;
    // An .xlsx has its sheets inflated once, for their merged ranges and for calamine alike.
    let (bytes, xlsx_merges) = match bytes
        .starts_with(b"PK")
        .then(|| super::merges::unpack(&bytes))
    {
        Some(Some(u)) => (u.package, Some(u.merges)),
        _ => (bytes, None),
    };
    // calamine gives no merged ranges for .ods: they are read from its content.xml.
    let ods_merges = (xlsx_merges.is_none() && bytes.starts_with(b"PK"))
        .then(|| super::ods::merges(&bytes))
        .filter(|m| !m.is_empty());
    // A cursor over a slice: calamine clones its reader for each format it tries, and a clone of
    // a `Vec` would copy the whole package each time.
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(&bytes[..]))
        .map_err(|e| classify(&file, &e.to_string()))?;
    let mut outcome = ReadOutcome::default();
    for sheet in book.sheet_names() {
        // calamine meets hostile input too (a cell reference of twelve digits overflows its
        // arithmetic): a panic in it is this sheet's damage, not a fault of gouji's.
        let read = std::panic::AssertUnwindSafe(|| match &mut book {
            Sheets::Xlsx(x) => xlsx_rows(x, &file, &sheet),
            other => range_rows(other, &file, &sheet),
        });
        let rows = super::guard::guarded(read).unwrap_or_else(|_| {
            Err(ReadError::Corrupt {
                file: file.clone(),
                reason: format!("{sheet}: 工作表内容无法解析"),
            })
        });
        let rows = match rows {
            Ok(rows) => rows,
            Err(e) => {
                outcome.problems.push(e);
                continue;
            }
        };
        let known = xlsx_merges.as_deref().or(ods_merges.as_deref());
        let read = std::panic::AssertUnwindSafe(|| merges(&mut book, &sheet, known));
        let merges = super::guard::guarded(read).unwrap_or_else(|_| {
            // A merged range calamine cannot parse: the sheet is read without its merges.
            outcome.problems.push(ReadError::Corrupt {
                file: file.clone(),
                reason: format!("{sheet}: 合并单元格无法解析"),
            });
            Vec::new()
        });
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

/// An .xlsx sheet, cell by cell as calamine streams it: shared strings are borrowed until they
/// become our cells, and no dense range is built only to be copied.
fn xlsx_rows<RS: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    file: &str,
    sheet: &str,
) -> Result<Vec<Vec<RawValue>>, ReadError> {
    let unreadable = |e: XlsxError| classify(file, &format!("{sheet}: {e}"));
    let mut cells = match book.worksheet_cells_reader(sheet) {
        Ok(c) => c,
        // A chart sheet: nothing to read, as calamine's own range would say.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(unreadable(e)),
    };
    // The size a sheet declares is known before its cells: a huge sheet is refused unread.
    // Grids are anchored at A1, so a lone cell far down makes a tall grid as surely as a long table.
    let declared = cells.dimensions().end.0 as usize + 1;
    if declared > MAX_ROWS {
        return Err(too_large(file, sheet, declared));
    }
    // Each row is given the declared width at once (a row grows cell by cell otherwise); a
    // declared width beyond any table's is not trusted with memory.
    let width = (cells.dimensions().end.1 as usize + 1).min(64);
    let mut rows: Vec<Vec<RawValue>> = Vec::new();
    let mut height = 0;
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (r, c) = cell.get_position();
        let value = raw(cell.get_value());
        if matches!(value, RawValue::Empty) {
            continue;
        }
        let (r, c) = (r as usize, c as usize);
        height = height.max(r + 1);
        // A sheet that declared less than it holds is still refused, counting the rest unstored.
        if height > MAX_ROWS {
            continue;
        }
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.capacity() == 0 {
            row.reserve_exact(width.max(c + 1));
        }
        if row.len() <= c {
            row.resize(c + 1, RawValue::Empty);
        }
        row[c] = value;
    }
    if height > MAX_ROWS {
        return Err(too_large(file, sheet, height));
    }
    Ok(rows)
}

/// A sheet of any other workbook format, through calamine's range.
fn range_rows<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    file: &str,
    sheet: &str,
) -> Result<Vec<Vec<RawValue>>, ReadError> {
    let range = book
        .worksheet_range(sheet)
        .map_err(|e| classify(file, &format!("{sheet}: {e}")))?;
    let (height, width) = range.get_size();
    if height > MAX_ROWS {
        return Err(too_large(file, sheet, height));
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
    Ok(rows)
}

fn too_large(file: &str, sheet: &str, rows: usize) -> ReadError {
    ReadError::SheetTooLarge {
        file: file.to_string(),
        sheet: sheet.to_string(),
        rows,
        max: MAX_ROWS,
    }
}

/// A sheet's merged ranges: from those read already (an .xlsx's, an .ods's), else from calamine.
fn merges<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    sheet: &str,
    read_already: Option<&[(String, Vec<Merge>)]>,
) -> Vec<Merge> {
    if let Some(found) = read_already {
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

/// A cell as calamine gives it, owned (`Data`) or borrowing the shared strings (`DataRef`).
fn raw(d: &impl DataType) -> RawValue {
    if let Some(f) = d.get_float() {
        RawValue::Number(f)
    } else if let Some(i) = d.get_int() {
        RawValue::Number(i as f64)
    } else if let Some(s) = d
        .get_string()
        .or_else(|| d.get_datetime_iso())
        .or_else(|| d.get_duration_iso())
    {
        RawValue::Text(s.to_string())
    } else if let Some(b) = d.get_bool() {
        RawValue::Text(b.to_string())
    } else if let Some(t) = d.get_datetime() {
        RawValue::Text(t.to_string())
    } else if let Some(e) = d.get_error() {
        RawValue::Text(format!("#{e:?}"))
    } else {
        RawValue::Empty
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

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, Data, DataRef};

    #[test]
    fn owned_and_borrowed_cells_read_alike() {
        let shared = String::from("合计");
        let cases = [
            (Data::Empty, DataRef::Empty, RawValue::Empty),
            (Data::Int(7), DataRef::Int(7), RawValue::Number(7.0)),
            (
                Data::Float(3997.99),
                DataRef::Float(3997.99),
                RawValue::Number(3997.99),
            ),
            (
                Data::String("合计".into()),
                DataRef::SharedString(&shared),
                RawValue::Text("合计".into()),
            ),
            (
                Data::Bool(true),
                DataRef::Bool(true),
                RawValue::Text("true".into()),
            ),
            (
                Data::DateTimeIso("2016-12-31".into()),
                DataRef::DateTimeIso("2016-12-31".into()),
                RawValue::Text("2016-12-31".into()),
            ),
            (
                Data::Error(CellErrorType::Div0),
                DataRef::Error(CellErrorType::Div0),
                RawValue::Text("#Div0".into()),
            ),
        ];
        for (owned, borrowed, want) in cases {
            assert_eq!(raw(&owned), want);
            assert_eq!(raw(&borrowed), want);
        }
    }
}
