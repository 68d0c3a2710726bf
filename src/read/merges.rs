//! Merged ranges of an .xlsx without a second XML parse: each sheet's `<mergeCell ref="A1:C1"/>`
//! elements found by a byte search, sheets named through workbook.xml and its relationships.

use std::io::Read;

use super::Merge;

/// (sheet name, merged ranges) for every sheet; `None` when the package is not laid out as
/// expected, and the caller falls back to calamine.
pub fn scan(bytes: &[u8]) -> Option<Vec<(String, Vec<Merge>)>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let workbook = entry(&mut zip, "xl/workbook.xml")?;
    let rels = entry(&mut zip, "xl/_rels/workbook.xml.rels")?;
    let mut out = Vec::new();
    for tag in elements(&workbook, "<sheet ") {
        let name = unescape(attr(tag, "name")?);
        let id = attr(tag, "r:id")?;
        let rel = elements(&rels, "<Relationship ").find(|r| attr(r, "Id") == Some(id))?;
        let target = attr(rel, "Target")?;
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        };
        let xml = entry(&mut zip, &path)?;
        let merges = match xml.rfind("<mergeCells") {
            Some(at) => elements(&xml[at..], "<mergeCell ")
                .filter_map(|m| range(attr(m, "ref")?))
                .collect(),
            None => Vec::new(),
        };
        out.push((name, merges));
    }
    Some(out)
}

fn entry(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Option<String> {
    let mut f = zip.by_name(name).ok()?;
    let mut s = String::with_capacity(f.size() as usize);
    f.read_to_string(&mut s).ok()?;
    Some(s)
}

/// The text of each element starting with `open` (up to its closing `>`).
fn elements<'a>(xml: &'a str, open: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let mut rest = xml;
    std::iter::from_fn(move || {
        let at = rest.find(open)?;
        let tail = &rest[at..];
        let end = tail.find('>')?;
        rest = &tail[end..];
        Some(&tail[..end])
    })
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(&tag[at..at + end])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// "B3:D4" → rows 2..=3, cols 1..=3 (zero-based).
fn range(r: &str) -> Option<Merge> {
    let (a, b) = r.split_once(':').unwrap_or((r, r));
    let (r1, c1) = cell(a)?;
    let (r2, c2) = cell(b)?;
    Some(Merge {
        first: (r1.min(r2), c1.min(c2)),
        last: (r1.max(r2), c1.max(c2)),
    })
}

fn cell(a1: &str) -> Option<(u32, u32)> {
    let a1 = a1.replace('$', "");
    let letters = a1.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    let col = a1[..letters].chars().try_fold(0u32, |n, c| {
        Some(n * 26 + (c.to_ascii_uppercase() as u32).checked_sub('A' as u32)? + 1)
    })?;
    let row: u32 = a1[letters..].parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_attributes() {
        assert_eq!(
            range("B3:D4"),
            Some(Merge {
                first: (2, 1),
                last: (3, 3)
            })
        );
        assert_eq!(
            range("AA10"),
            Some(Merge {
                first: (9, 26),
                last: (9, 26)
            })
        );
        assert_eq!(
            attr(
                r#"<sheet name="表1 &amp; 附" sheetId="1" r:id="rId1""#,
                "r:id"
            ),
            Some("rId1")
        );
        assert_eq!(unescape("表1 &amp; 附"), "表1 & 附");
    }

    #[test]
    fn the_samples_merges_match_calamines() {
        use calamine::{open_workbook, Reader, Xlsx};
        let path = "samples/qiaocheng-hrss-2016/谯城区人社局-2016-决算公开表.xlsx";
        let bytes = std::fs::read(path).unwrap();
        let scanned = scan(&bytes).unwrap();
        let mut book: Xlsx<_> = open_workbook(path).unwrap();
        assert_eq!(scanned.len(), book.sheet_names().len());
        for (name, merges) in &scanned {
            let theirs: Vec<Merge> = book
                .merge_cells_by_sheet_name(name)
                .unwrap()
                .into_iter()
                .map(|d| Merge {
                    first: d.start,
                    last: d.end,
                })
                .collect();
            assert_eq!(merges, &theirs, "{name}");
            assert!(!merges.is_empty());
        }
    }
}
