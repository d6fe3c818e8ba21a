//! SQLite storage: connection settings, the `Store` with its one writer path, migrations,
//! and verified backup/restore.

pub mod backup;
pub mod codec;
pub mod migrations;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::paths::DataDir;

pub use backup::{BackupReport, RestoreReport};
pub use migrations::{latest_version, Migration, MIGRATIONS};

/// How long a connection waits for another writer (e.g. plotline-cli) before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Open a connection with the settings every Plotline connection uses (R6):
/// foreign keys on, untrusted schema, a busy timeout. WAL and `synchronous=FULL` are set
/// by [`set_durable_journal`] once the schema version has been checked, so a database
/// from a newer Plotline is refused before anything is written to it.
pub fn open_connection(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| match Error::from(e) {
        Error::Database(m) => Error::io(
            format!("Plotline could not open its database {}", path.display()),
            std::io::Error::other(m),
        ),
        other => other,
    })?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;")?;
    Ok(conn)
}

/// Switch to WAL with full fsync on commit: a committed transaction survives a crash.
pub fn set_durable_journal(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Unsupported(format!(
            "Plotline needs its data folder on a local disk that supports SQLite's WAL mode \
             (got journal mode '{mode}'). Move the data folder to a local drive."
        )));
    }
    conn.execute_batch("PRAGMA synchronous = FULL;")?;
    Ok(())
}

pub fn user_version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// `PRAGMA integrity_check` must answer exactly "ok".
pub fn check_integrity(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let problems: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    if problems.len() == 1 && problems[0] == "ok" {
        return Ok(());
    }
    Err(Error::Corrupt(format!(
        "The database failed its integrity check ({}). Restore a recent backup from Settings.",
        problems.into_iter().take(3).collect::<Vec<_>>().join("; ")
    )))
}

/// Row counts of every user-data table (for `plotline-cli info` and diagnostics).
pub fn table_counts(conn: &Connection) -> Result<BTreeMap<String, u64>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut counts = BTreeMap::new();
    for name in names {
        // Table names come from our own schema; quote them as identifiers anyway.
        let sql = format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\""));
        let n: i64 = conn.query_row(&sql, [], |r| r.get(0))?;
        counts.insert(name, u64::try_from(n).unwrap_or(0));
    }
    Ok(counts)
}

/// The database of one data folder: one writer connection (every change is an IMMEDIATE
/// transaction) and one read-only reader, which WAL lets run while a write is under way.
pub struct Store {
    dir: DataDir,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
}

fn lock(m: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    // A panic while holding the lock cannot leave a transaction open (Transaction rolls
    // back on drop), so the connection is still usable.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Store {
    /// Open (creating if needed) the database in `dir`, refusing a newer schema, backing up
    /// an existing older database, then migrating it to the current schema.
    pub fn open(dir: &DataDir) -> Result<Store> {
        Self::open_with(dir, MIGRATIONS)
    }

    /// As [`Store::open`] with an explicit migration list (tests inject failing ones).
    pub fn open_with(dir: &DataDir, migrations: &[Migration]) -> Result<Store> {
        dir.ensure()?;
        let writer = migrations::open_and_migrate(dir, migrations)?;
        let reader = Self::open_reader(&dir.db_path())?;
        Ok(Store {
            dir: dir.clone(),
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
        })
    }

    fn open_reader(path: &Path) -> Result<Connection> {
        let reader = open_connection(path)?;
        reader.execute_batch("PRAGMA query_only = ON;")?;
        Ok(reader)
    }

    pub fn data_dir(&self) -> &DataDir {
        &self.dir
    }

    /// Run `f` on the read connection. Reads see the last committed state.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = lock(&self.reader);
        f(&conn)
    }

    /// Run `f` in one IMMEDIATE transaction on the single writer connection: all of it is
    /// committed, or none of it.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    pub fn schema_version(&self) -> Result<u32> {
        self.read(user_version)
    }

    /// A consistent, verified online backup to `dest` (see [`backup`]).
    pub fn backup_to(&self, dest: &Path) -> Result<BackupReport> {
        let conn = lock(&self.reader);
        backup::write_backup(&conn, dest)
    }

    /// Replace the live database with the verified contents of a backup file. A safety
    /// backup of the current data is written to `backups/` first.
    pub fn restore_from(&self, src: &Path) -> Result<RestoreReport> {
        let db_path = self.dir.db_path();
        let staged = backup::stage_restore(src, &self.dir)?;
        let safety = self
            .dir
            .backups_dir()
            .join(backup::timestamped_name("before-restore"));
        self.backup_to(&safety)?;

        let mut writer = lock(&self.writer);
        let mut reader = lock(&self.reader);
        // Close the live connections (the last close checkpoints and removes the WAL).
        *reader = Connection::open_in_memory()?;
        *writer = Connection::open_in_memory()?;
        let swapped = backup::swap_in(&staged.path, &db_path);
        // Reopen whatever is now in place: the restored file, or the old one if the swap failed.
        let new_writer = open_connection(&db_path).and_then(|c| {
            set_durable_journal(&c)?;
            Ok(c)
        })?;
        *writer = new_writer;
        *reader = Self::open_reader(&db_path)?;
        swapped?;
        Ok(RestoreReport {
            path: src.display().to_string(),
            schema_version: staged.schema_version,
            safety_backup: safety.display().to_string(),
        })
    }
}
