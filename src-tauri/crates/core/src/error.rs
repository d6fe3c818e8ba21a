//! The one error type of `plotline-core`.
//!
//! Every message is written for the person who reads it: what went wrong and what to do.

use serde::Serialize;

/// The small set of error kinds the UI branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    NotFound,
    Invalid,
    Conflict,
    Io,
    Unsupported,
    NewerSchema,
    Corrupt,
    Busy,
    Internal,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    /// Bad input in one form field: the UI shows `message` next to the field named `field`
    /// (the camelCase name of the input's property, e.g. `targetValue`).
    #[error("{message}")]
    InvalidField { field: String, message: String },
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Unsupported(String),
    #[error(
        "This database was made by a newer version of Plotline (schema {found}; this version \
         understands up to schema {supported}). Update Plotline to open it. The file was left untouched."
    )]
    NewerSchema { found: u32, supported: u32 },
    #[error("{0}")]
    Corrupt(String),
    #[error("{context}: {source}. Check that the disk is not full and that the folder is writable, then try again.")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Database(String),
    /// The system keychain could not be reached; nothing was stored anywhere else.
    #[error("{0}")]
    Keychain(String),
    /// A network request failed (CalDAV): the message says what happened and what to do.
    #[error("{0}")]
    Network(String),
    #[error("Plotline's database is busy (another Plotline window or plotline-cli is writing). Wait a moment and try again.")]
    Busy,
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::Invalid(_) | Error::InvalidField { .. } => ErrorKind::Invalid,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::Unsupported(_) => ErrorKind::Unsupported,
            Error::NewerSchema { .. } => ErrorKind::NewerSchema,
            Error::Corrupt(_) => ErrorKind::Corrupt,
            Error::Io { .. } => ErrorKind::Io,
            Error::Database(_) => ErrorKind::Internal,
            Error::Busy => ErrorKind::Busy,
            Error::Keychain(_) => ErrorKind::Unsupported,
            Error::Network(_) => ErrorKind::Io,
        }
    }

    /// Bad input in the form field `field` (camelCase, as on the wire).
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidField {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The form field this error belongs to, if any.
    pub fn field_name(&self) -> Option<&str> {
        match self {
            Error::InvalidField { field, .. } => Some(field),
            _ => None,
        }
    }

    /// Wrap an I/O error with what Plotline was doing when it happened.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::SqliteFailure(code, _) = &e {
            match code.code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => return Error::Busy,
                ErrorCode::DiskFull => {
                    return Error::io(
                        "The disk is full, so Plotline could not save this change (nothing was saved)",
                        std::io::Error::other("no space left on device"),
                    )
                }
                ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied => {
                    return Error::io(
                        "Plotline cannot write to its data folder (nothing was saved)",
                        std::io::Error::other(e.to_string()),
                    )
                }
                ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => {
                    return Error::Corrupt(format!(
                        "This file is not a readable Plotline database ({e}). Restore a backup from \
                         Settings → Restore from backup, or choose another file."
                    ))
                }
                _ => {}
            }
        }
        Error::Database(format!(
            "The database reported an error: {e}. Your data was not changed. If this keeps happening, \
             make a backup from Settings and report the problem."
        ))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_schema_message_tells_the_user_to_update() {
        let e = Error::NewerSchema {
            found: 7,
            supported: 1,
        };
        assert_eq!(e.kind(), ErrorKind::NewerSchema);
        let msg = e.to_string();
        assert!(msg.contains("schema 7"), "{msg}");
        assert!(msg.contains("Update Plotline"), "{msg}");
    }

    #[test]
    fn sqlite_busy_maps_to_busy_kind() {
        let e: Error = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        )
        .into();
        assert_eq!(e.kind(), ErrorKind::Busy);
    }

    #[test]
    fn sqlite_full_maps_to_io_with_advice() {
        let e: Error = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            None,
        )
        .into();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.to_string().contains("disk is full"));
    }
}
