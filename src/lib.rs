//! gouji (勾稽): audits the arithmetic of Chinese departmental final-account disclosures.
//!
//! The pipeline is visible in the modules: [`read`] → [`recognise`] → [`model`] → [`check`] → [`report`].

// Every public item says what it is for: a newcomer reads the docs before the code.
#![warn(missing_docs)]

pub mod batch;
pub mod check;
pub mod cli;
pub mod load;
pub mod model;
pub mod read;
pub mod recognise;
pub mod report;
pub mod run;
pub mod sample;
