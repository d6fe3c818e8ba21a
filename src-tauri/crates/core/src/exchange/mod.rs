//! Moving plans in and out of Plotline: calendar files (ICS), spreadsheets (CSV), plan bundles
//! (zip) and CalDAV publishing. Everything that reads outside data is strict and bounded
//! (RELIABILITY.md R10, R11, R13).

pub mod archive;
pub mod caldav;
pub mod csv;
pub mod ics;
pub mod ics_import;
pub mod post_events;
