//! Verified online backups and restores (R8).
//!
//! A backup file is a zip archive holding exactly two entries: `manifest.json` (format,
//! app and schema version, SHA-256 and size of the database) and `plotline.db` (a
//! consistent snapshot taken with SQLite's online-backup API). The archive comment (the
//! file's last 64 bytes) is the SHA-256 of every byte before it, so a single flipped byte
//! anywhere in the file makes it refuse to restore; the manifest's SHA-256 checks the
//! extracted database again.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{check_integrity, migrations, open_connection, user_version};
use crate::error::{Error, Result};
use crate::fsx;
use crate::paths::DataDir;

const FORMAT: &str = "plotline-backup";
const FORMAT_VERSION: u32 = 1;
const MANIFEST_ENTRY: &str = "manifest.json";
const DB_ENTRY: &str = "plotline.db";
/// The largest backup file Plotline will read (a guard against zip bombs and wrong files).
pub const MAX_BACKUP_BYTES: u64 = 4 * 1024 * 1024 * 1024;
const MAX_MANIFEST_BYTES: u64 = 64 * 1024;
/// Hex SHA-256 stored as the zip comment, i.e. the file's last bytes.
const SEAL_LEN: usize = 64;
pub const BACKUP_EXTENSION: &str = "plotline-backup";

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupReport {
    pub path: String,
    #[specta(type = u32)]
    pub bytes: u64,
    pub schema_version: u32,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    pub path: String,
    pub schema_version: u32,
    /// Where the data that was replaced was saved first.
    pub safety_backup: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: String,
    format_version: u32,
    app_version: String,
    schema_version: u32,
    created_at: String,
    db_bytes: u64,
    db_sha256: String,
}

/// `prefix-YYYYMMDD-HHMMSSmmm.plotline-backup`
pub fn timestamped_name(prefix: &str) -> String {
    format!(
        "{prefix}-{}.{BACKUP_EXTENSION}",
        chrono::Utc::now().format("%Y%m%d-%H%M%S%3f")
    )
}

fn not_a_backup(src: &Path, why: impl std::fmt::Display) -> Error {
    Error::Corrupt(format!(
        "{} cannot be restored: {why}. Choose a file made with Settings → Back up now or \
         `plotline-cli backup`. Your current data was not changed.",
        src.display()
    ))
}

/// Take a consistent snapshot of `conn`'s database and write it, verified, to `dest`
/// (atomically: an interrupted backup never leaves a half-written file at `dest`).
pub fn write_backup(conn: &Connection, dest: &Path) -> Result<BackupReport> {
    let dir = fsx::parent_dir(dest);
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::io(format!("Plotline could not create {}", dir.display()), e))?;
    let scratch = scratch_dir(dir)?;
    let snap_path = scratch.path().join(DB_ENTRY);
    {
        let mut snap = Connection::open(&snap_path)?;
        let backup = Backup::new(conn, &mut snap)?;
        // One step copies every page at once: a consistent snapshot even while others write.
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More | StepResult::Busy | StepResult::Locked => {
                    std::thread::sleep(std::time::Duration::from_millis(20))
                }
                _ => {}
            }
        }
    }
    let schema_version = {
        let snap = open_connection(&snap_path)?;
        check_integrity(&snap)?;
        user_version(&snap)?
    };
    let (db_bytes, db_sha256) = hash_file(&snap_path)?;
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").into(),
        schema_version,
        created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        db_bytes,
        db_sha256,
    };
    fsx::write_atomic(dest, |file| {
        write_archive(file, &manifest, &snap_path).map_err(|e| {
            Error::io(
                format!("Plotline could not write the backup {}", dest.display()),
                e,
            )
        })
    })?;
    // Verify what actually reached the disk before calling it a backup.
    let check_dir = scratch_dir(dir)?;
    read_backup_into(dest, &check_dir.path().join(DB_ENTRY), u32::MAX)?;
    let bytes = std::fs::metadata(dest)
        .map_err(|e| Error::io("Plotline could not check the backup", e))?
        .len();
    Ok(BackupReport {
        path: dest.display().to_string(),
        bytes,
        schema_version,
    })
}

fn scratch_dir(dir: &Path) -> Result<tempfile::TempDir> {
    tempfile::Builder::new()
        .prefix(".plotline-scratch-")
        .tempdir_in(dir)
        .map_err(|e| Error::io(format!("Plotline could not write to {}", dir.display()), e))
}

fn write_archive(file: &mut std::fs::File, manifest: &Manifest, db: &Path) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom};
    use zip::write::SimpleFileOptions;
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(manifest.db_bytes >= u64::from(u32::MAX));
    let mut zip = zip::ZipWriter::new(&mut *file);
    zip.set_comment("0".repeat(SEAL_LEN));
    zip.start_file(MANIFEST_ENTRY, SimpleFileOptions::default())?;
    zip.write_all(&serde_json::to_vec_pretty(manifest).map_err(std::io::Error::other)?)?;
    zip.start_file(DB_ENTRY, opts)?;
    std::io::copy(&mut std::fs::File::open(db)?, &mut zip)?;
    zip.finish()?;
    // Seal: replace the placeholder comment with the hash of everything before it.
    let len = file.seek(SeekFrom::End(0))?;
    let body = len - SEAL_LEN as u64;
    file.seek(SeekFrom::Start(0))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut (&mut *file).take(body), &mut hasher)?;
    file.seek(SeekFrom::Start(body))?;
    file.write_all(hex(&hasher.finalize()).as_bytes())?;
    Ok(())
}

/// Check the seal written by [`write_archive`].
fn check_seal(src: &Path, file: &mut std::fs::File, len: u64) -> Result<()> {
    use std::io::{Seek, SeekFrom};
    if len <= SEAL_LEN as u64 {
        return Err(not_a_backup(src, "it is too small to be a Plotline backup"));
    }
    let body = len - SEAL_LEN as u64;
    let read_err =
        |e: std::io::Error| Error::io(format!("Plotline could not read {}", src.display()), e);
    let mut hasher = Sha256::new();
    std::io::copy(&mut (&mut *file).take(body), &mut hasher).map_err(read_err)?;
    let mut seal = [0u8; SEAL_LEN];
    file.read_exact(&mut seal).map_err(read_err)?;
    file.seek(SeekFrom::Start(0)).map_err(read_err)?;
    if seal != hex(&hasher.finalize()).as_bytes() {
        return Err(not_a_backup(
            src,
            "it is damaged or is not a Plotline backup (its checksum does not match its contents)",
        ));
    }
    Ok(())
}

fn hash_file(path: &Path) -> Result<(u64, String)> {
    let mut f = std::fs::File::open(path)
        .map_err(|e| Error::io("Plotline could not read the database snapshot", e))?;
    let mut hasher = Sha256::new();
    let n = std::io::copy(&mut f, &mut hasher)
        .map_err(|e| Error::io("Plotline could not read the database snapshot", e))?;
    Ok((n, hex(&hasher.finalize())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes to a file and a hasher at once.
struct HashingWriter<W> {
    inner: W,
    hasher: Sha256,
    written: u64,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Check a backup file completely and extract its database to `dest_db`.
fn read_backup_into(src: &Path, dest_db: &Path, max_schema: u32) -> Result<Manifest> {
    let mut file = std::fs::File::open(src)
        .map_err(|e| Error::io(format!("Plotline could not open {}", src.display()), e))?;
    let len = file
        .metadata()
        .map_err(|e| Error::io(format!("Plotline could not read {}", src.display()), e))?
        .len();
    if len > MAX_BACKUP_BYTES {
        return Err(not_a_backup(
            src,
            "it is larger than any Plotline backup can be",
        ));
    }
    check_seal(src, &mut file, len)?;
    let mut archive = zip::ZipArchive::new(file)
        .map_err(|e| not_a_backup(src, format!("it is not a readable backup archive ({e})")))?;
    if archive.len() != 2 {
        return Err(not_a_backup(
            src,
            "it does not have the contents of a Plotline backup",
        ));
    }
    let manifest: Manifest = {
        let entry = archive
            .by_name(MANIFEST_ENTRY)
            .map_err(|e| not_a_backup(src, format!("its manifest is missing or damaged ({e})")))?;
        let mut buf = Vec::new();
        entry
            .take(MAX_MANIFEST_BYTES)
            .read_to_end(&mut buf)
            .map_err(|e| not_a_backup(src, format!("its manifest is damaged ({e})")))?;
        serde_json::from_slice(&buf)
            .map_err(|e| not_a_backup(src, format!("its manifest is damaged ({e})")))?
    };
    if manifest.format != FORMAT || manifest.format_version != FORMAT_VERSION {
        return Err(not_a_backup(
            src,
            "it is not in a backup format this version understands",
        ));
    }
    if manifest.schema_version > max_schema {
        return Err(Error::NewerSchema {
            found: manifest.schema_version,
            supported: max_schema,
        });
    }
    let mut entry = archive
        .by_name(DB_ENTRY)
        .map_err(|e| not_a_backup(src, format!("its database is missing or damaged ({e})")))?;
    if entry.size() != manifest.db_bytes || entry.is_dir() {
        return Err(not_a_backup(
            src,
            "its database does not match its manifest",
        ));
    }
    let out = std::fs::File::create(dest_db)
        .map_err(|e| Error::io("Plotline could not unpack the backup", e))?;
    let mut writer = HashingWriter {
        inner: out,
        hasher: Sha256::new(),
        written: 0,
    };
    std::io::copy(&mut (&mut entry).take(manifest.db_bytes + 1), &mut writer)
        .map_err(|e| not_a_backup(src, format!("the backup is damaged ({e})")))?;
    writer
        .inner
        .sync_all()
        .map_err(|e| Error::io("Plotline could not unpack the backup", e))?;
    if writer.written != manifest.db_bytes || hex(&writer.hasher.finalize()) != manifest.db_sha256 {
        return Err(not_a_backup(
            src,
            "the backup is damaged: its contents do not match the checksum recorded when it was made",
        ));
    }
    Ok(manifest)
}

/// A verified database, extracted next to the live one and ready to be swapped in.
pub(crate) struct Staged {
    pub path: PathBuf,
    pub schema_version: u32,
    _scratch: tempfile::TempDir,
}

/// Extract and check a backup (archive checksums, SQLite integrity, foreign keys, schema
/// version) into a new file beside the live database, migrating it if it is older.
pub(crate) fn stage_restore(src: &Path, dir: &DataDir) -> Result<Staged> {
    dir.ensure()?;
    let scratch = scratch_dir(dir.root())?;
    let path = scratch.path().join(DB_ENTRY);
    let manifest = read_backup_into(src, &path, migrations::latest_version())?;
    let mut conn = open_connection(&path)?;
    check_integrity(&conn).map_err(|e| not_a_backup(src, e))?;
    let fk_problems: i64 =
        conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })?;
    if fk_problems > 0 {
        return Err(not_a_backup(
            src,
            "its data has broken links between records",
        ));
    }
    let found = user_version(&conn)?;
    if found != manifest.schema_version {
        return Err(not_a_backup(
            src,
            "its database does not match its manifest",
        ));
    }
    let schema_version = migrations::migrate(&mut conn, migrations::MIGRATIONS, found)?;
    conn.close().map_err(|(_, e)| Error::from(e))?;
    Ok(Staged {
        path,
        schema_version,
        _scratch: scratch,
    })
}

/// Move a staged database over the live file. The caller has closed every connection.
pub(crate) fn swap_in(staged: &Path, live: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = live.as_os_str().to_owned();
        side.push(suffix);
        let side = PathBuf::from(side);
        if side.exists() {
            std::fs::remove_file(&side)
                .map_err(|e| Error::io("Plotline could not replace the database", e))?;
        }
    }
    std::fs::rename(staged, live)
        .map_err(|e| Error::io("Plotline could not replace the database", e))?;
    fsx::sync_dir(fsx::parent_dir(live));
    Ok(())
}
