//! A summary of a data folder: what `plotline-cli info` prints and Settings shows.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::db::{self, Store};
use crate::error::Result;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub schema_version: u32,
    pub data_dir: String,
    pub database_path: String,
}

pub fn app_info(store: &Store) -> Result<AppInfo> {
    Ok(AppInfo {
        version: crate::APP_VERSION.into(),
        schema_version: store.schema_version()?,
        data_dir: store.data_dir().root().display().to_string(),
        database_path: store.data_dir().db_path().display().to_string(),
    })
}

/// The CLI's `info` document: `{"schema_version", "data_dir", "counts": {table: rows}}`.
#[derive(Debug, Clone, Serialize)]
pub struct DataInfo {
    pub schema_version: u32,
    pub data_dir: String,
    pub counts: BTreeMap<String, u64>,
}

pub fn data_info(store: &Store) -> Result<DataInfo> {
    store.read(|conn| {
        Ok(DataInfo {
            schema_version: db::user_version(conn)?,
            data_dir: store.data_dir().root().display().to_string(),
            counts: db::table_counts(conn)?,
        })
    })
}
