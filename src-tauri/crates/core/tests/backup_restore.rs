//! R8: online backups are consistent and verified; restores are checked before the swap.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use common::*;
use plotline_core::{db, workspace, ErrorKind, Store};

#[test]
fn backup_then_restore_brings_the_old_data_back_and_keeps_a_safety_copy() {
    let (t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let file = t.path().join("monday.plotline-backup");
    let report = store.backup_to(&file).unwrap();
    assert!(report.bytes > 0);
    assert_eq!(report.schema_version, db::latest_version());

    let mut renamed = cafe();
    renamed.name = "Renamed after backup".into();
    store.write(|tx| workspace::save(tx, &renamed)).unwrap();

    let restored = store.restore_from(&file).unwrap();
    assert_eq!(
        store.read(workspace::get).unwrap().unwrap().name,
        "Blue Door Café"
    );
    // The data that was replaced is kept in backups/ and is itself restorable.
    let safety = std::path::PathBuf::from(&restored.safety_backup);
    assert!(safety.starts_with(dir.backups_dir()));
    store.restore_from(&safety).unwrap();
    assert_eq!(
        store.read(workspace::get).unwrap().unwrap().name,
        "Renamed after backup"
    );
    // The store keeps working normally after swapping files.
    store.write(|tx| workspace::save(tx, &cafe())).unwrap();
    store.read(db::check_integrity).unwrap();
}

#[test]
fn backup_taken_while_a_writer_commits_is_consistent() {
    let (t, dir) = temp_data_dir();
    let store = Arc::new(store_with_cafe(&dir));
    store
        .write(|tx| Ok(tx.execute_batch("CREATE TABLE tick (n INTEGER PRIMARY KEY, pad TEXT)")?))
        .unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (store, stop) = (store.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut n = 0i64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                store
                    .write(|tx| {
                        tx.execute(
                            "INSERT INTO tick (n, pad) VALUES (?1, ?2)",
                            rusqlite::params![n, "x".repeat(500)],
                        )?;
                        Ok(())
                    })
                    .unwrap();
            }
            n
        })
    };
    let mut files = Vec::new();
    for i in 0..5 {
        let f = t.path().join(format!("b{i}.plotline-backup"));
        store.backup_to(&f).unwrap();
        files.push(f);
    }
    stop.store(true, Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert!(written > 0);
    for f in files {
        let (_t2, other) = temp_data_dir();
        let s = Store::open(&other).unwrap();
        s.restore_from(&f).unwrap();
        s.read(db::check_integrity).unwrap();
        // A consistent snapshot holds a gap-free prefix 1..=max of the writer's commits.
        let (count, max): (i64, Option<i64>) = s
            .read(|c| {
                Ok(c.query_row("SELECT count(*), max(n) FROM tick", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?)
            })
            .unwrap();
        assert_eq!(count, max.unwrap_or(0));
    }
}

#[test]
fn a_backup_with_one_flipped_byte_is_refused_and_live_data_is_unchanged() {
    let (t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let good = t.path().join("good.plotline-backup");
    store.backup_to(&good).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let mut renamed = cafe();
    renamed.name = "Live data".into();
    store.write(|tx| workspace::save(tx, &renamed)).unwrap();
    let live_before = std::fs::read(dir.db_path()).unwrap();

    let len = bytes.len();
    // Local header, database body, central directory, the seal itself.
    for pos in [0, 40, len / 4, len / 2, 3 * len / 4, len - 70, len - 30] {
        let mut bad = bytes.clone();
        bad[pos] ^= 0x20;
        let f = t.path().join(format!("bad-{pos}.plotline-backup"));
        std::fs::write(&f, &bad).unwrap();
        let err = store.restore_from(&f).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Corrupt, "byte {pos}: {err}");
        assert!(
            err.to_string().contains("current data was not changed"),
            "{err}"
        );
        assert_eq!(
            store.read(workspace::get).unwrap().unwrap().name,
            "Live data"
        );
    }
    assert_eq!(std::fs::read(dir.db_path()).unwrap(), live_before);
    // No safety copies were made for refused restores.
    assert!(files_in(&dir.backups_dir()).is_empty());
}

#[test]
fn a_random_file_is_not_a_backup() {
    let (t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let f = t.path().join("photo.jpg");
    std::fs::write(&f, [0xFFu8, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4]).unwrap();
    let err = store.restore_from(&f).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Corrupt);
    assert!(err.to_string().contains("Back up now"), "{err}");
    let missing = store
        .restore_from(&t.path().join("nope.plotline-backup"))
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::Io);
}

#[test]
fn a_backup_from_a_newer_plotline_is_refused() {
    let (t, dir) = temp_data_dir();
    // Make a backup of a database whose schema is newer than this build knows.
    let (_t2, newer_dir) = temp_data_dir();
    let newer = Store::open_with(
        &newer_dir,
        &[
            db::MIGRATIONS.to_vec(),
            vec![db::Migration {
                version: 99,
                name: "future",
                sql: "CREATE TABLE future (a INTEGER);",
            }],
        ]
        .concat(),
    )
    .unwrap();
    let f = t.path().join("future.plotline-backup");
    newer.backup_to(&f).unwrap();

    let store = store_with_cafe(&dir);
    let err = store.restore_from(&f).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NewerSchema, "{err}");
    assert_eq!(
        store.read(workspace::get).unwrap().unwrap().name,
        "Blue Door Café"
    );
}

#[test]
fn backup_to_an_unwritable_place_fails_cleanly() {
    let (t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    // A regular file where the folder should be: no user can write there, root included.
    let blocker = t.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let err = store
        .backup_to(&blocker.join("b.plotline-backup"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io, "{err}");
    assert!(err.to_string().contains("try again"), "{err}");
}
