//! The CSV reader: one file, one grid, in UTF-8 or GB18030.

use std::path::Path;

use super::{decode_text, Grid, RawValue, ReadError, ReadOutcome, MAX_ROWS};

/// Reads a CSV file (UTF-8, or GBK/GB18030 as Chinese office software saves it) as one grid.
/// Every cell stays text: a CSV carries no types, and recognition reads numbers from text anyway.
pub fn read_csv(path: &Path) -> Result<ReadOutcome, ReadError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io {
        file: file.clone(),
        reason: e.to_string(),
    })?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty { file });
    }
    let text = decode_text(&bytes);
    let sheet = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("csv")
        .to_string();
    let mut rows = Vec::new();
    for record in parse_records(&text) {
        if rows.len() >= MAX_ROWS {
            let total = rows.len() + parse_records(&text).skip(MAX_ROWS).count();
            return Ok(ReadOutcome {
                grids: Vec::new(),
                problems: vec![ReadError::SheetTooLarge {
                    file,
                    sheet,
                    rows: total,
                    max: MAX_ROWS,
                }],
            });
        }
        rows.push(
            record
                .into_iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        RawValue::Empty
                    } else {
                        RawValue::Text(f)
                    }
                })
                .collect(),
        );
    }
    Ok(ReadOutcome {
        grids: vec![Grid {
            file,
            sheet,
            rows,
            merges: Vec::new(),
            places: None,
        }],
        problems: Vec::new(),
    })
}

/// RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.
fn parse_records(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    let mut chars = text.chars().peekable();
    std::iter::from_fn(move || {
        chars.peek()?;
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted => {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        field.push('"');
                    } else {
                        quoted = false;
                    }
                }
                '"' if field.is_empty() => quoted = true,
                ',' if !quoted => record.push(std::mem::take(&mut field)),
                '\r' if !quoted => {}
                '\n' if !quoted => break,
                _ => field.push(c),
            }
        }
        record.push(field);
        Some(record)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_breaks() {
        let recs: Vec<_> =
            parse_records("a,\"3,997.99\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\n").collect();
        assert_eq!(recs[0], vec!["a", "3,997.99", "say \"hi\""]);
        assert_eq!(recs[1], vec!["two\nlines", "x"]);
        assert_eq!(recs.len(), 2);
    }
}
