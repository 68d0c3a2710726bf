//! The canonical disclosure: one model every reader feeds and every rule reads.
//!
//! A document is a set of tables; a table is rows of cells; each cell keeps the text it was
//! published as, the exact figure that text stands for and where it was found.

mod amount;
pub mod classification;
mod disclosure;
mod location;
mod message;
pub mod names;
pub mod narrative;
mod places;
mod problem;
mod table;

pub use amount::{Figure, Unit};
pub use disclosure::DocumentKind;
pub use location::{CellRef, Location, PageBox};
pub use message::{Lang, Message};
pub use narrative::Narrative;
pub use places::Places;
pub use problem::Problem;
pub use table::{Cell, ColKey, Column, Document, Line, Row, Side, Table, TableKind};
