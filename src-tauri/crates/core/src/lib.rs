//! `plotline-core`: everything Plotline knows and stores, without any UI.
//!
//! The Tauri shell and the CLI are thin front ends over this crate.

pub mod calendar;
pub mod clock;
pub mod connections;
pub mod content;
pub mod db;
pub mod demo;
pub mod error;
pub mod exchange;
pub mod fsx;
pub mod incident;
pub mod info;
pub mod media;
pub mod paths;
pub mod personas;
pub mod platforms;
pub mod publishing;
pub mod results;
pub mod secrets;
pub mod share;
pub mod strategy;
pub mod system;
pub mod workspace;

pub use db::Store;
pub use error::{Error, ErrorKind, Result};
pub use paths::DataDir;

/// The version of Plotline this crate belongs to.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(test)]
mod test_fixtures;
