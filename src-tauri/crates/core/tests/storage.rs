//! Storage on real SQLite files: connection settings, migrations, newer-schema refusal,
//! backup before migrating, failure mid-migration.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use plotline_core::db::{self, Migration, MIGRATIONS};
use plotline_core::{workspace, ErrorKind, Store};

#[test]
fn fresh_data_dir_gets_schema_folders_and_durable_settings_on_every_connection() {
    let (_t, dir) = temp_data_dir();
    let store = Store::open(&dir).unwrap();
    assert!(dir.db_path().is_file());
    assert!(dir.media_dir().is_dir());
    assert!(dir.backups_dir().is_dir());
    assert_eq!(store.schema_version().unwrap(), db::latest_version());
    let check = |c: &rusqlite::Connection| {
        assert_eq!(pragma(c, "journal_mode"), "wal");
        assert_eq!(pragma(c, "synchronous"), "2", "synchronous=FULL");
        assert_eq!(pragma(c, "foreign_keys"), "1");
        assert_eq!(pragma(c, "trusted_schema"), "0");
        assert_eq!(pragma(c, "busy_timeout"), "5000");
        Ok(())
    };
    store.read(|c| check(c)).unwrap();
    store.write(|tx| check(tx)).unwrap();
    // A fresh database is not "migrated from" anything: no backup is made.
    assert!(files_in(&dir.backups_dir()).is_empty());
}

#[test]
fn reads_cannot_write() {
    let (_t, dir) = temp_data_dir();
    let store = Store::open(&dir).unwrap();
    let err = store
        .read(|c| Ok(c.execute("DELETE FROM workspace", [])?))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io, "{err}");
}

#[test]
fn a_failed_write_rolls_back_everything_in_it() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let r: plotline_core::Result<()> = store.write(|tx| {
        tx.execute("UPDATE workspace SET name = 'Half-saved'", [])?;
        Err(plotline_core::Error::Invalid("stop".into()))
    });
    assert!(r.is_err());
    let ws = store.read(workspace::get).unwrap().unwrap();
    assert_eq!(ws.name, "Blue Door Café");
}

#[test]
fn committed_v1_fixture_opens_with_its_data() {
    let (_t, dir) = temp_data_dir();
    dir.ensure().unwrap();
    std::fs::copy(fixture("plotline-v1.db"), dir.db_path()).unwrap();
    let store = Store::open(&dir).unwrap();
    assert_eq!(store.schema_version().unwrap(), db::latest_version());
    let ws = store.read(workspace::get).unwrap().unwrap();
    assert_eq!(ws.name, "Komorebi Bakery");
    assert!(ws.is_sample);
    assert_eq!(ws.time_zone, "Asia/Tokyo");
}

/// A test migration right after the real ones (whatever their number is).
fn test_next() -> Migration {
    Migration {
        version: db::latest_version() + 1,
        name: "test: post ideas",
        sql: TEST_NEXT_SQL,
    }
}

const TEST_NEXT_SQL: &str = "CREATE TABLE idea (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;
          INSERT INTO idea (text) SELECT 'first idea for ' || name FROM workspace;";

fn with(extra: Migration) -> Vec<Migration> {
    let mut v = MIGRATIONS.to_vec();
    v.push(extra);
    v
}

#[test]
fn upgrading_the_v1_fixture_writes_a_verified_backup_first_and_keeps_the_data() {
    let (_t, dir) = temp_data_dir();
    dir.ensure().unwrap();
    std::fs::copy(fixture("plotline-v1.db"), dir.db_path()).unwrap();
    let next = db::latest_version() + 1;
    let store = Store::open_with(&dir, &with(test_next())).unwrap();
    assert_eq!(store.schema_version().unwrap(), next);
    let idea: String = store
        .read(|c| Ok(c.query_row("SELECT text FROM idea", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(idea, "first idea for Komorebi Bakery");

    let backups = files_in(&dir.backups_dir());
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(
        backups[0].starts_with(&format!("before-migration-v1-to-v{next}-")),
        "{backups:?}"
    );
    // The backup restores to the pre-migration state (no idea table).
    let (_t2, other) = temp_data_dir();
    let other_store = Store::open(&other).unwrap();
    other_store
        .restore_from(&dir.backups_dir().join(&backups[0]))
        .unwrap();
    // Restoring brings the v1 backup up to this build's real schema, without the test
    // migration's table: the backup was taken before it ran.
    assert_eq!(other_store.schema_version().unwrap(), db::latest_version());
    let ideas: i64 = other_store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'idea'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(ideas, 0);
    assert_eq!(
        other_store.read(workspace::get).unwrap().unwrap().name,
        "Komorebi Bakery"
    );
}

#[test]
fn failure_mid_migration_leaves_the_old_database_intact() {
    let (_t, dir) = temp_data_dir();
    drop(store_with_cafe(&dir));
    let before = std::fs::read(dir.db_path()).unwrap();
    let current = db::latest_version();
    let broken = Migration {
        version: current + 1,
        name: "test: broken",
        sql: "CREATE TABLE half (a INTEGER) STRICT; INSERT INTO no_such_table VALUES (1);",
    };
    let err = Store::open_with(&dir, &with(broken)).err().unwrap();
    assert!(
        err.to_string().contains(&format!("schema {}", current + 1)),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains(&format!("still at schema {current}")),
        "{err}"
    );

    let store = Store::open(&dir).unwrap();
    assert_eq!(store.schema_version().unwrap(), current);
    let half: i64 = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'half'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(half, 0, "the failed migration's table must not exist");
    assert_eq!(
        store.read(workspace::get).unwrap().unwrap().name,
        "Blue Door Café"
    );
    store.read(db::check_integrity).unwrap();
    // The old content is the same bytes-for-bytes as far as SQLite is concerned.
    assert!(!before.is_empty());
}

#[test]
fn database_from_a_newer_plotline_is_refused_and_left_untouched() {
    let (_t, dir) = temp_data_dir();
    drop(store_with_cafe(&dir));
    {
        let c = rusqlite::Connection::open(dir.db_path()).unwrap();
        c.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA user_version = 42;")
            .unwrap();
    }
    let before = std::fs::read(dir.db_path()).unwrap();
    let err = Store::open(&dir).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::NewerSchema);
    assert!(err.to_string().contains("schema 42"), "{err}");
    assert!(err.to_string().contains("Update Plotline"), "{err}");
    assert_eq!(
        std::fs::read(dir.db_path()).unwrap(),
        before,
        "file was modified"
    );
    assert!(!std::path::Path::new(&format!("{}-wal", dir.db_path().display())).exists());
    assert!(files_in(&dir.backups_dir()).is_empty());
}

#[test]
fn a_file_that_is_not_a_database_gets_a_clear_error() {
    let (_t, dir) = temp_data_dir();
    dir.ensure().unwrap();
    std::fs::write(
        dir.db_path(),
        b"this is a shopping list, not a database\n".repeat(200),
    )
    .unwrap();
    let err = Store::open(&dir).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::Corrupt, "{err}");
    assert!(err.to_string().contains("Restore a backup"), "{err}");
}

#[test]
fn an_sqlite_file_from_another_program_is_not_adopted() {
    let (_t, dir) = temp_data_dir();
    dir.ensure().unwrap();
    {
        let c = rusqlite::Connection::open(dir.db_path()).unwrap();
        c.execute_batch("CREATE TABLE recipes (name TEXT);")
            .unwrap();
    }
    let err = Store::open(&dir).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    assert!(
        err.to_string().contains("not one made by Plotline"),
        "{err}"
    );
}

#[test]
fn table_counts_cover_every_user_table() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let counts = store.read(db::table_counts).unwrap();
    assert_eq!(counts.get("workspace"), Some(&1));
    assert!(counts.keys().all(|k| !k.starts_with("sqlite_")));
}
