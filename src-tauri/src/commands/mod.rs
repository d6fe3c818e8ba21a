//! IPC commands: each takes state, calls `plotline-core`, maps the error.

pub mod calendar;
pub mod media;
pub mod names;
pub mod platforms;
pub mod settings;
pub mod strategy;
pub mod system;
pub mod workspace;
