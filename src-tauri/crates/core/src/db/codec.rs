//! How enums are stored: as the same snake_case/lowercase strings serde puts on the wire,
//! so the database, IPC, the CLI's JSON and exports all use one name per value.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The stored text of a unit enum value.
pub fn to_db<T: Serialize>(v: &T) -> Result<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        _ => Err(Error::Invalid("Internal value could not be stored.".into())),
    }
}

/// Read a unit enum value back from column `idx` (for use inside a row mapper).
pub fn from_db<T: for<'de> Deserialize<'de>>(s: String, idx: usize) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s.clone())).map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown stored value '{s}'").into(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Audience;

    #[test]
    fn enums_round_trip_through_their_wire_names() {
        assert_eq!(to_db(&Audience::B2b).expect("stores"), "b2b");
        let back: Audience = from_db("both".into(), 0).expect("reads");
        assert_eq!(back, Audience::Both);
        assert!(from_db::<Audience>("nope".into(), 3).is_err());
    }
}
