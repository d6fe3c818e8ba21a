//! The one error type that crosses IPC: `{ kind, message }`.

use plotline_core::ErrorKind;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct IpcError {
    pub kind: ErrorKind,
    /// What went wrong and what to do, ready to show to the user.
    pub message: String,
    /// For bad input: the form field (camelCase property name) to show the message next to.
    pub field: Option<String>,
}

impl From<plotline_core::Error> for IpcError {
    fn from(e: plotline_core::Error) -> Self {
        IpcError {
            kind: e.kind(),
            field: e.field_name().map(str::to_string),
            message: e.to_string(),
        }
    }
}

impl IpcError {
    pub fn internal(what: impl std::fmt::Display) -> Self {
        IpcError {
            kind: ErrorKind::Internal,
            field: None,
            message: format!(
                "Something unexpected went wrong ({what}). Your data was not changed; please try again."
            ),
        }
    }
}
