//! One integration-test binary (linking is the slow part of a test build), one module per concern.

mod across;
mod across_budgets;
mod bad_input;
mod batch;
mod budget_narrative;
mod budget_report;
mod budget_tables_narrative;
mod budget_vs_final;
mod budgets;
pub mod cli;
pub mod common;
mod compare;
mod grouping;
mod hostile;
pub mod html_tables;
mod metamorphic;
mod mutation;
mod narrative;
mod narrative_rules;
mod pdf;
mod repeated;
mod report;
mod rules;
mod sample_budget;
pub mod samples;
mod wrapping;
