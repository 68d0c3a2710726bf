//! Words for people in two languages: every finding, relation and error says what it says in
//! Chinese and in English, and the printer picks one (`--lang`).

/// The language findings and errors are printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Chinese, the default.
    #[default]
    Zh,
    /// English (`--lang en`).
    En,
}

/// A message in both languages; the printer picks one.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// The message in Chinese.
    pub zh: String,
    /// The message in English.
    pub en: String,
}

impl Message {
    /// A message from its Chinese and English texts.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Message {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The message in the language asked for.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}
