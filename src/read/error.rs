//! What a reader could not read, and why, in Chinese and English from one place: each variant
//! owns its message, as a finding does, and a printer picks the language.

use crate::model::{Lang, Message};

/// Something a reader could not read, naming the file (and sheet) and the reason.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// The file could not be opened or read (missing, no permission, a folder).
    Io {
        /// The file, as given.
        file: String,
        /// The system's reason.
        reason: String,
    },
    /// A file of a kind gouji does not read.
    Unsupported {
        /// The file, as given.
        file: String,
        /// Its extension (or 无扩展名).
        ext: String,
    },
    /// A file protected by an open password.
    Encrypted {
        /// The file, as given.
        file: String,
    },
    /// A file that is damaged, or not what its extension says.
    Corrupt {
        /// The file, as given.
        file: String,
        /// What the parser said.
        reason: String,
    },
    /// A sheet too tall to be a 决算 table ([`crate::read::MAX_ROWS`]), left unread.
    SheetTooLarge {
        /// The file, as given.
        file: String,
        /// The sheet's name.
        sheet: String,
        /// The rows it declares.
        rows: usize,
        /// The limit.
        max: usize,
    },
    /// A file with nothing in it.
    Empty {
        /// The file, as given.
        file: String,
    },
    /// A page of a PDF that could not be read; the other pages are.
    PdfPage {
        /// The file, as given.
        file: String,
        /// The page, from 1.
        page: u32,
        /// What the parser said.
        reason: String,
    },
    /// A panic while checking the document: a bug of gouji's own, never the input's doing.
    Panicked {
        /// The document's source.
        file: String,
        /// The panic's message.
        reason: String,
    },
    /// A package part that inflates beyond the limit, or at a ratio no real file has (a zip
    /// bomb): refused before it is read.
    Inflates {
        /// The file, as given.
        file: String,
        /// The part (`xl/worksheets/sheet1.xml`), or the count of parts when there are too many.
        part: String,
        /// What it declares or was found to inflate to (or the number of parts).
        size: u64,
        /// The limit (`--max-inflate`, or the most parts a package may have).
        limit: u64,
        /// When it is its ratio that is refused: how many times it inflates.
        ratio: Option<u64>,
    },
    /// Scanned pages: images of text, which gouji does not read (no OCR).
    NoTextLayer {
        /// The file, as given.
        file: String,
        /// The pages without text, from 1.
        pages: Vec<u32>,
    },
}

/// “3”, “1–4”, “2、5、7”.
fn pages_text(pages: &[u32]) -> String {
    match pages {
        [one] => one.to_string(),
        [first, .., last] if (*last - *first) as usize + 1 == pages.len() => {
            format!("{first}–{last}")
        }
        _ => pages
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join("、"),
    }
}

impl ReadError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            ReadError::Io { file, .. }
            | ReadError::Unsupported { file, .. }
            | ReadError::Encrypted { file }
            | ReadError::Corrupt { file, .. }
            | ReadError::SheetTooLarge { file, .. }
            | ReadError::Empty { file }
            | ReadError::PdfPage { file, .. }
            | ReadError::Panicked { file, .. }
            | ReadError::NoTextLayer { file, .. }
            | ReadError::Inflates { file, .. } => file,
        }
    }

    /// The reason in both languages, each naming the file first.
    pub fn message(&self) -> Message {
        let (zh, en) = self.reason();
        let file = self.file();
        Message::new(format!("{file}: {zh}"), format!("{file}: {en}"))
    }

    /// The reason in the language asked for.
    pub fn text(&self, lang: Lang) -> String {
        self.message().get(lang).to_string()
    }

    /// The reason without the file, in Chinese and in English.
    fn reason(&self) -> (String, String) {
        match self {
            ReadError::Io { reason, .. } => (
                format!("无法读取文件：{reason}"),
                format!("cannot read the file: {reason}"),
            ),
            ReadError::Unsupported { ext, .. } => (
                format!("不支持的文件格式（{ext}）"),
                format!("unsupported file format ({ext})"),
            ),
            ReadError::Encrypted { .. } => (
                "文件有打开密码保护，无法读取".into(),
                "the file is protected by an open password and cannot be read".into(),
            ),
            ReadError::Inflates {
                part,
                size,
                ratio: Some(ratio),
                ..
            } => (
                format!("拒绝读取：部件 {part} 声明解压后 {size} 字节，压缩比 {ratio}:1，真实的工作簿没有这样的压缩比，疑为压缩炸弹"),
                format!("refused: part {part} declares {size} bytes inflated, a ratio of {ratio}:1 no real workbook has; it looks like a zip bomb"),
            ),
            ReadError::Inflates {
                part, size, limit, ..
            } => (
                format!("拒绝读取：部件 {part} 解压后至少 {size} 字节，达到上限 {limit}（可用 --max-inflate 调整），疑为压缩炸弹"),
                format!("refused: part {part} inflates to {size} bytes or more, reaching the limit of {limit} (see --max-inflate); it looks like a zip bomb"),
            ),
            ReadError::Corrupt { reason, .. } => (
                format!("文件已损坏或不是有效的工作簿：{reason}"),
                format!("corrupt or not a valid workbook: {reason}"),
            ),
            ReadError::SheetTooLarge {
                sheet, rows, max, ..
            } => (
                format!("工作表“{sheet}”有 {rows} 行，超过 {max} 行上限，不是决算表，未读取"),
                format!(
                    "sheet \"{sheet}\" has {rows} rows, over the {max}-row limit; not a 决算 table, not read"
                ),
            ),
            ReadError::Empty { .. } => ("文件中没有任何内容".into(), "the file holds nothing".into()),
            ReadError::PdfPage { page, reason, .. } => (
                format!("第 {page} 页无法读取：{reason}"),
                format!("page {page} cannot be read: {reason}"),
            ),
            ReadError::Panicked { reason, .. } => (
                format!("检查时出现内部错误，未检查：{reason}"),
                format!("internal error while checking; not checked: {reason}"),
            ),
            ReadError::NoTextLayer { pages, .. } => {
                let pages = pages_text(pages);
                (
                    format!("第 {pages} 页没有文字层（扫描件），未检查"),
                    format!(
                        "page {} has no text layer (scanned): not checked",
                        pages.replace('、', ", ")
                    ),
                )
            }
        }
    }
}

/// The Chinese message, as every report has always printed it.
impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().zh)
    }
}

impl std::error::Error for ReadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_names_the_file_and_the_reason() {
        let e = ReadError::NoTextLayer {
            file: "局.pdf".into(),
            pages: vec![2, 5, 7],
        };
        assert_eq!(
            e.to_string(),
            "局.pdf: 第 2、5、7 页没有文字层（扫描件），未检查"
        );
        assert_eq!(
            e.text(Lang::En),
            "局.pdf: page 2, 5, 7 has no text layer (scanned): not checked"
        );
        let e = ReadError::NoTextLayer {
            file: "局.pdf".into(),
            pages: vec![1, 2, 3],
        };
        assert_eq!(
            e.text(Lang::Zh),
            "局.pdf: 第 1–3 页没有文字层（扫描件），未检查"
        );
        let e = ReadError::Panicked {
            file: "x.xlsx".into(),
            reason: "boom".into(),
        };
        assert_eq!(e.to_string(), "x.xlsx: 检查时出现内部错误，未检查：boom");
        assert_eq!(
            e.text(Lang::En),
            "x.xlsx: internal error while checking; not checked: boom"
        );
    }
}
