//! IPC commands: each takes state, calls `plotline-core`, maps the error.

pub mod calendar;
pub mod connections;
pub mod media;
pub mod names;
pub mod platforms;
pub mod results;
pub mod settings;
pub mod share;
pub mod strategy;
pub mod system;
pub mod workspace;
