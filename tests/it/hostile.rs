//! Hostile packages: zip bombs built by hand (a sheet part whose deflate stream inflates to
//! gigabytes, with its size told honestly or not) and packages of thousands of parts. Each is
//! refused with the part and the limit named, in bounded time, and a batch goes on with the rest.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::{Compress, Compression, FlushCompress};

use super::common::Scratch;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

/// A raw deflate stream of `mib` MiB of spaces (a sheet's XML may hold runs of white space):
/// one MiB compressed once with a full flush, so that the chunk stands alone and is repeated.
fn deflated_spaces(mib: usize) -> Vec<u8> {
    let input = vec![b' '; 1 << 20];
    let mut c = Compress::new(Compression::best(), false);
    let mut chunk = Vec::with_capacity(64 << 10);
    c.compress_vec(&input, &mut chunk, FlushCompress::Full)
        .unwrap();
    assert_eq!(
        c.total_in(),
        input.len() as u64,
        "one MiB compressed in one call"
    );
    let mut out = Vec::with_capacity(chunk.len() * mib + 16);
    for _ in 0..mib {
        out.extend_from_slice(&chunk);
    }
    let mut tail = Vec::with_capacity(64);
    let mut end = Compress::new(Compression::best(), false);
    end.compress_vec(&[], &mut tail, FlushCompress::Finish)
        .unwrap();
    out.extend_from_slice(&tail);
    out
}

/// One part of a zip written by hand: its name, method (0 stored, 8 deflated), CRC, the size
/// it declares and its bytes as stored.
struct Part {
    name: String,
    method: u16,
    crc: u32,
    declared: u32,
    data: Vec<u8>,
}

fn stored(name: &str, text: &str) -> Part {
    Part {
        name: name.into(),
        method: 0,
        crc: crc32fast::hash(text.as_bytes()),
        declared: text.len() as u32,
        data: text.as_bytes().to_vec(),
    }
}

/// The zip format's local headers, central directory and end record, little-endian.
fn zip(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for p in parts {
        let offset = out.len() as u32;
        let header = |sig: u32, v: &mut Vec<u8>, central: bool| {
            v.extend(sig.to_le_bytes());
            if central {
                v.extend(20u16.to_le_bytes());
            }
            v.extend(20u16.to_le_bytes());
            v.extend(0u16.to_le_bytes());
            v.extend(p.method.to_le_bytes());
            v.extend(0u32.to_le_bytes()); // time and date
            v.extend(p.crc.to_le_bytes());
            v.extend((p.data.len() as u32).to_le_bytes());
            v.extend(p.declared.to_le_bytes());
            v.extend((p.name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes());
            if central {
                v.extend([0u8; 6]); // comment length, disk, internal attributes
                v.extend(0u32.to_le_bytes()); // external attributes
                v.extend(offset.to_le_bytes());
            }
            v.extend(p.name.as_bytes());
        };
        header(0x04034b50, &mut out, false);
        out.extend(&p.data);
        header(0x02014b50, &mut central, true);
    }
    let (at, size) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend(0x06054b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend(size.to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// An .xlsx whose one sheet inflates to `mib` MiB and declares `declared` bytes.
fn bomb(path: &Path, mib: usize, declared: u32) {
    let parts = [
        stored("[Content_Types].xml", CONTENT_TYPES),
        stored("_rels/.rels", RELS),
        stored("xl/workbook.xml", WORKBOOK),
        stored("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        Part {
            name: "xl/worksheets/sheet1.xml".into(),
            method: 8,
            crc: 0,
            declared,
            data: deflated_spaces(mib),
        },
    ];
    std::fs::File::create(path)
        .unwrap()
        .write_all(&zip(&parts))
        .unwrap();
}

/// A batch of `folder` into `out`: its exit status, what it printed, and its summary.csv.
fn batch(folder: &Path, out: &Path) -> (i32, String, String) {
    let (code, text) = gouji(&[
        "batch",
        folder.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    let csv = std::fs::read_to_string(out.join("summary.csv")).unwrap_or_default();
    (code, text, csv)
}

fn gouji(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn a_sheet_declaring_two_gigabytes_is_refused_before_it_is_inflated() {
    let dir = Scratch::new("bomb-honest");
    let path = dir.join("炸弹.xlsx");
    // 2 GiB of spaces in about 2 MB of deflate, its size told in the header.
    bomb(&path, 2048, 2048 << 20);
    let (code, out) = gouji(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("炸弹.xlsx") && out.contains("xl/worksheets/sheet1.xml"),
        "{out}"
    );
    assert!(out.contains("达到上限 268435456"), "{out}");
}

#[test]
fn a_ratio_no_real_workbook_has_is_refused_whatever_the_limit() {
    let dir = Scratch::new("bomb-ratio");
    let path = dir.join("压缩比.xlsx");
    // 64 MiB of one repeated byte: within a limit raised to 4 GiB, but no sheet of a real
    // workbook shrinks a thousand-fold.
    bomb(&path, 64, 64 << 20);
    let (code, out) = gouji(&["check", "--max-inflate", "4096", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("压缩比") && out.contains(":1"), "{out}");
}

#[test]
fn a_sheet_that_lies_about_its_size_is_stopped_at_what_it_declares() {
    let dir = Scratch::new("bomb-liar");
    let path = dir.join("说谎.xlsx");
    // 2 GiB of spaces declared as 1 KiB: the zip reader stops at the declared size, so the part
    // is damaged, not inflated.
    bomb(&path, 2048, 1024);
    let (code, out) = gouji(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("说谎.xlsx") && out.contains("文件已损坏"),
        "{out}"
    );
    assert!(
        out.contains("larger than its declared uncompressed size"),
        "{out}"
    );
}

#[test]
fn a_batch_checks_every_good_file_beside_the_bombs() {
    let dir = Scratch::new("bomb-batch");
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    bomb(&folder.join("普陀区-炸弹-2024.xlsx"), 2048, 2048 << 20);
    bomb(&folder.join("普陀区-炸弹二-2024.xlsx"), 2048, 2048 << 20);
    let sample = Path::new("samples/putuo-finance-2024");
    for e in std::fs::read_dir(sample).unwrap().flatten() {
        std::fs::copy(e.path(), folder.join(e.file_name())).unwrap();
    }
    let (code, text, csv) = batch(&folder, &dir.join("out"));
    assert_eq!(code, 2, "{text}");
    assert_eq!(
        csv.lines().filter(|l| l.contains("炸弹")).count(),
        2,
        "{csv}"
    );
    assert!(
        csv.lines()
            .filter(|l| l.contains("炸弹"))
            .all(|l| l.contains("unreadable")),
        "{csv}"
    );
    // The sample's own document is checked as ever: its 9 tables, no error.
    let good = csv.lines().find(|l| l.contains("财政局")).unwrap();
    assert!(good.contains(",9,0,"), "{good}");
}

#[test]
fn a_package_of_ten_thousand_parts_is_refused_by_count() {
    let dir = Scratch::new("many-parts");
    let path = dir.join("万张表.xlsx");
    let mut parts = vec![
        stored("[Content_Types].xml", CONTENT_TYPES),
        stored("xl/workbook.xml", WORKBOOK),
    ];
    for i in 0..10_000 {
        parts.push(stored(
            &format!("xl/worksheets/sheet{i}.xml"),
            "<worksheet/>",
        ));
    }
    std::fs::write(&path, zip(&parts)).unwrap();
    let (code, out) = gouji(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("10002 parts") && out.contains("5000"), "{out}");
}

/// An .xlsx of one sheet whose XML is given.
fn workbook_with_sheet(path: &Path, sheet: &str) {
    let parts = [
        stored("[Content_Types].xml", CONTENT_TYPES),
        stored("_rels/.rels", RELS),
        stored("xl/workbook.xml", WORKBOOK),
        stored("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        stored("xl/worksheets/sheet1.xml", sheet),
    ];
    std::fs::write(path, zip(&parts)).unwrap();
}

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;

#[test]
fn a_cell_at_the_last_column_of_the_last_row_is_refused_by_its_sheet() {
    let dir = Scratch::new("far-cell");
    let path = dir.join("远端.xlsx");
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>收入支出决算总表</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#
    );
    workbook_with_sheet(&path, &sheet);
    let (code, out) = gouji(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("远端.xlsx") && out.contains("表1"), "{out}");
}

#[test]
fn xml_nested_a_hundred_thousand_deep_is_read_without_a_crash() {
    let dir = Scratch::new("deep-xml");
    let path = dir.join("深.xlsx");
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>收入决算表</t></is></c></row></sheetData>{}{}</worksheet>"#,
        "<x>".repeat(100_000),
        "</x>".repeat(100_000)
    );
    workbook_with_sheet(&path, &sheet);
    let (code, out) = gouji(&["check", path.to_str().unwrap()]);
    // Read, or refused as damaged: never a crash (101) or a signal (-1).
    assert!(code == 0 || code == 1 || code == 2, "{code} {out}");
    assert!(out.contains("深.xlsx"), "{out}");
}

#[test]
fn a_symlink_loop_under_a_batch_folder_ends_and_the_documents_are_checked() {
    let dir = Scratch::new("loop");
    let folder = dir.join("in");
    std::fs::create_dir_all(folder.join("普陀区")).unwrap();
    for e in std::fs::read_dir("samples/putuo-finance-2024")
        .unwrap()
        .flatten()
    {
        std::fs::copy(e.path(), folder.join("普陀区").join(e.file_name())).unwrap();
    }
    // A link back to its own folder: a walk that follows it never ends.
    std::os::unix::fs::symlink(&folder, folder.join("普陀区").join("回环")).unwrap();
    let (code, text, csv) = batch(&folder, &dir.join("out"));
    assert!(code == 0 || code == 1 || code == 2, "{code} {text}");
    assert!(
        csv.lines()
            .any(|l| l.contains("财政局") && l.contains(",9,0,")),
        "{csv}"
    );
}

/// A one-page PDF whose content stream inflates to `mib` MiB of spaces.
fn pdf_bomb(path: &Path, mib: usize) {
    let mut zlib = vec![0x78, 0x01];
    zlib.extend(deflated_spaces(mib));
    let mut out: Vec<u8> = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        [
            format!(
                "<< /Length {} /Filter /FlateDecode >>\nstream\n",
                zlib.len()
            )
            .into_bytes(),
            zlib,
            b"\nendstream".to_vec(),
        ]
        .concat(),
    ];
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").into_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    std::fs::write(path, out).unwrap();
}

#[test]
fn a_pdf_stream_inflating_to_gigabytes_is_stopped_at_the_limit() {
    let dir = Scratch::new("pdf-bomb");
    let path = dir.join("炸弹.pdf");
    pdf_bomb(&path, 2048);
    // A low limit keeps the test quick: a PDF stream may inflate to an eighth of it, 1 MiB at
    // least, and the page is then refused by name, not taken for a scanned page.
    let (code, out) = gouji(&["check", "--max-inflate", "4", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("炸弹.pdf") && out.contains("第 1 页内容流"),
        "{out}"
    );
    assert!(out.contains("达到上限 1048576"), "{out}");
}

/// Every input the fuzzer once broke gouji with (fuzz/regressions/, each fixed since) is read
/// without a panic: what it says is up to the input, a crash never.
#[test]
fn the_fuzzers_regressions_never_panic_again() {
    let dir = Path::new("fuzz/regressions");
    let inputs: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    // 1726fa81…: a sheet of the districts corpus with a “<c ” inside the tag of an empty cell,
    // which sliced backwards where empty cells are dropped (read/merges.rs); cb791eeb…: a cell
    // reference whose digits overflow calamine's arithmetic (a panic in the parser is the
    // sheet's damage, read/workbook.rs); d5db8349…: a merged range that underflows calamine's
    // arithmetic (the sheet is read without its merges).
    assert!(!inputs.is_empty());
    for input in inputs {
        let r = gouji::run::check_file(&input);
        let panicked = r
            .errors
            .iter()
            .any(|e| matches!(e, gouji::read::ReadError::Panicked { .. }));
        assert!(!panicked, "{}: {:?}", input.display(), r.errors);
    }
}

/// A file gouji may not open — read permission taken away, or a link to a file that is gone —
/// is a row of its own that says why, and the rest of the batch is checked. (Root may open
/// anything: there the permission case is SKIPPED and the gone file stands for it.)
#[test]
fn a_file_that_cannot_be_opened_is_a_row_that_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Scratch::new("no-read");
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    let sample = Path::new("samples/putuo-finance-2024/普陀区财政局-2024-决算公开表.xlsx");
    std::fs::copy(sample, folder.join("普陀区财政局-2024-决算公开表.xlsx")).unwrap();
    let locked = folder.join("普陀区教育局-2024-决算公开表.xlsx");
    std::fs::copy(sample, &locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let gone = folder.join("普陀区文旅局-2024-决算公开表.xlsx");
    std::os::unix::fs::symlink(dir.join("已删除.xlsx"), &gone).unwrap();
    let (code, text, csv) = batch(&folder, &dir.join("out"));
    assert_eq!(code, 2, "{text}");
    let row = |name: &str| csv.lines().find(|l| l.contains(name)).unwrap().to_string();
    assert!(row("文旅局").contains("unreadable"), "{csv}");
    assert!(row("文旅局").contains("No such file"), "{csv}");
    if std::fs::read(&locked).is_ok() {
        eprintln!("SKIPPED (permission case): running as root, who may read anything");
    } else {
        assert!(row("教育局").contains("unreadable"), "{csv}");
        assert!(row("教育局").contains("Permission denied"), "{csv}");
    }
    assert!(row("财政局").contains(",9,0,"), "{csv}");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
}

/// Files cut short while a batch reads them (a download still being written, a disk filling
/// up): whichever state each is read in, whole or cut, the batch ends with a row for every file
/// — checked, or unreadable with the reason — and never a panic.
#[test]
fn files_truncated_while_a_batch_reads_them_are_each_a_row() {
    let dir = Scratch::new("truncated-while-read");
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    let sample =
        std::fs::read("samples/putuo-finance-2024/普陀区财政局-2024-决算公开表.xlsx").unwrap();
    let files: Vec<PathBuf> = (1..=12)
        .map(|i| {
            let p = folder.join(format!("第{i}区财政局-2024-决算公开表.xlsx"));
            std::fs::write(&p, &sample).unwrap();
            p
        })
        .collect();
    let cutter = {
        let files = files.clone();
        std::thread::spawn(move || {
            for f in files.iter().rev() {
                let file = std::fs::OpenOptions::new().write(true).open(f).unwrap();
                file.set_len(sample.len() as u64 / 2).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(15));
            }
        })
    };
    let (code, text, csv) = batch(&folder, &dir.join("out"));
    cutter.join().unwrap();
    assert!(code == 0 || code == 2, "{code} {text}");
    assert!(!text.contains("panicked"), "{text}");
    for f in &files {
        let name = f.file_name().unwrap().to_str().unwrap();
        let row = csv.lines().find(|l| l.contains(name));
        let row = row.unwrap_or_else(|| panic!("no row for {name}: {csv}"));
        assert!(
            row.contains(",9,0,") || (row.contains("unreadable") && row.contains(name)),
            "{row}"
        );
    }
}
