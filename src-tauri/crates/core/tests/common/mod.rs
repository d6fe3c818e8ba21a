#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use plotline_core::workspace::{Audience, Industry, Language, WeekStart, WorkspaceInput};
use plotline_core::{DataDir, Store};

pub fn temp_data_dir() -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::at(tmp.path().join("data"));
    (tmp, dir)
}

pub fn cafe() -> WorkspaceInput {
    WorkspaceInput {
        name: "Blue Door Café".into(),
        industry: Industry::CafeRestaurant,
        audience: Audience::B2c,
        time_zone: "Europe/Lisbon".into(),
        language: Language::En,
        week_start: WeekStart::Monday,
    }
}

pub fn store_with_cafe(dir: &DataDir) -> Store {
    let store = Store::open(dir).unwrap();
    store
        .write(|tx| plotline_core::workspace::save(tx, &cafe()))
        .unwrap();
    store
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures")
        .join(name)
}

pub fn pragma(conn: &rusqlite::Connection, name: &str) -> String {
    conn.query_row(&format!("PRAGMA {name}"), [], |r| {
        r.get::<_, rusqlite::types::Value>(0)
    })
    .map(|v| match v {
        rusqlite::types::Value::Integer(i) => i.to_string(),
        rusqlite::types::Value::Text(t) => t,
        other => format!("{other:?}"),
    })
    .unwrap()
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}
