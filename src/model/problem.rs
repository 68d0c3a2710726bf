//! What recognition met that a reader of the findings must know, kept with the document so that
//! the rules can report it without knowing how tables are recognised.

use super::Location;

/// Something recognition met that a reader of the finding must know: a cell that should hold a
/// figure and holds text, a table with no unit line.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where it was met.
    pub location: Location,
    /// What was met, in Chinese.
    pub zh: String,
    /// The same in English.
    pub en: String,
}
