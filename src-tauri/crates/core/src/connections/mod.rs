//! Connections to outside services (CalDAV calendars today, network tokens later).
//!
//! The database stores only *where* the password is: the keychain reference
//! (`com.plotline.app/caldav:<id>`). The password itself goes to the [`SecretStore`] (the OS
//! keychain), and if the keychain is unreachable nothing is stored at all (R14).

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock::{new_id, now};
use crate::exchange::caldav::{CalDavClient, CalDavTarget};
use crate::secrets::{check_secret_size, Secret, SecretRef, SecretStore};
use crate::{Error, Result};

/// Tables of the connections domain.
pub const SCHEMA_CONNECTIONS: &str = "
CREATE TABLE connection (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('caldav')),
    label       TEXT NOT NULL CHECK (length(trim(label)) > 0),
    url         TEXT NOT NULL,
    username    TEXT NOT NULL,
    -- Where the password is in the OS keychain (service/account). Never the password.
    secret_ref  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
";

pub const LABEL_MAX_CHARS: usize = 80;

/// What the user types to add a CalDAV calendar.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CalDavInput {
    pub label: String,
    pub url: String,
    pub username: String,
    /// Debug prints `<redacted>`; never serialised back out.
    pub password: Secret,
}

/// A stored connection, as the UI sees it (no password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionInfo {
    pub id: String,
    pub kind: String,
    pub label: String,
    pub url: String,
    pub username: String,
    pub created_at: String,
    pub updated_at: String,
}

fn validate(input: &CalDavInput) -> Result<CalDavTarget> {
    let label = input.label.trim();
    if label.is_empty() {
        return Err(Error::field(
            "label",
            "Give this calendar a name, e.g. \"Team calendar\".",
        ));
    }
    if label.chars().count() > LABEL_MAX_CHARS {
        return Err(Error::field(
            "label",
            format!("Keep the name under {LABEL_MAX_CHARS} characters."),
        ));
    }
    check_secret_size(&input.password)?;
    let target = CalDavTarget::new(
        input.url.trim(),
        input.username.trim(),
        input.password.clone(),
    );
    // Validates the address and user name (same rules as when publishing).
    CalDavClient::new(&target)?;
    Ok(target)
}

/// Check an address, user name and password against the server without saving anything.
pub fn test_caldav(input: &CalDavInput) -> Result<()> {
    let target = validate(input)?;
    CalDavClient::new(&target)?.check()
}

/// Save a CalDAV connection: the row (with a keychain reference) and the password in `secrets`.
/// The password is stored last, inside the transaction: if the keychain refuses, the row is
/// rolled back and nothing is stored anywhere.
pub fn add_caldav(
    tx: &Transaction<'_>,
    secrets: &dyn SecretStore,
    input: &CalDavInput,
) -> Result<ConnectionInfo> {
    let target = validate(input)?;
    let id = new_id();
    let key = SecretRef::caldav(&id);
    let ts = now();
    tx.execute(
        "INSERT INTO connection (id, kind, label, url, username, secret_ref, created_at, updated_at)
         VALUES (?1, 'caldav', ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, input.label.trim(), target.url, target.username, key.to_key(), ts],
    )?;
    secrets.set(&key, &input.password)?;
    get_in(tx, &id)
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ConnectionInfo> {
    Ok(ConnectionInfo {
        id: r.get(0)?,
        kind: r.get(1)?,
        label: r.get(2)?,
        url: r.get(3)?,
        username: r.get(4)?,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

const COLUMNS: &str = "id, kind, label, url, username, created_at, updated_at";

fn get_in(conn: &Connection, id: &str) -> Result<ConnectionInfo> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM connection WHERE id = ?1"),
        [id],
        row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::NotFound("This connection no longer exists. It may have been removed.".into())
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<ConnectionInfo> {
    get_in(conn, id)
}

pub fn list(conn: &Connection) -> Result<Vec<ConnectionInfo>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM connection ORDER BY label, created_at"
    ))?;
    let rows = stmt
        .query_map([], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn secret_ref(conn: &Connection, id: &str) -> Result<SecretRef> {
    let key: String = conn
        .query_row(
            "SELECT secret_ref FROM connection WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| {
            Error::NotFound("This connection no longer exists. It may have been removed.".into())
        })?;
    SecretRef::from_key(&key)
}

/// The publishing target of a saved connection, with its password from the keychain.
pub fn target(conn: &Connection, secrets: &dyn SecretStore, id: &str) -> Result<CalDavTarget> {
    let info = get_in(conn, id)?;
    let key = secret_ref(conn, id)?;
    let password = secrets.get(&key)?.ok_or_else(|| {
        Error::field(
            "password",
            format!(
                "The password for \"{}\" is no longer in your system keychain. Remove this connection \
                 and add it again.",
                info.label
            ),
        )
    })?;
    Ok(CalDavTarget::new(&info.url, &info.username, password))
}

/// "Test connection" for a saved connection.
pub fn test_saved(conn: &Connection, secrets: &dyn SecretStore, id: &str) -> Result<()> {
    CalDavClient::new(&target(conn, secrets, id)?)?.check()
}

/// Remove a connection, its keychain entry and Plotline's record of what it published there. If the keychain entry cannot be removed, the
/// connection is kept (rolled back) so nothing is left behind unreachable.
pub fn remove(tx: &Transaction<'_>, secrets: &dyn SecretStore, id: &str) -> Result<()> {
    let key = secret_ref(tx, id)?;
    let info = get_in(tx, id)?;
    crate::publishing::caldav::forget(
        tx,
        &crate::publishing::caldav::CalendarKey::new(&info.url, &info.username),
    )?;
    tx.execute("DELETE FROM connection WHERE id = ?1", [id])?;
    secrets.delete(&key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::MemoryStore;
    use crate::{DataDir, Store};

    const MARKER: &str = "S3cr3t-Plotline-marker-🔑-パスワード";

    struct BrokenKeychain;
    impl SecretStore for BrokenKeychain {
        fn set(&self, _: &SecretRef, _: &Secret) -> Result<()> {
            Err(Error::Keychain(
                "Plotline could not reach your system keychain (test). Nothing was stored.".into(),
            ))
        }
        fn get(&self, _: &SecretRef) -> Result<Option<Secret>> {
            Err(Error::Keychain("unreachable".into()))
        }
        fn delete(&self, _: &SecretRef) -> Result<()> {
            Err(Error::Keychain("unreachable".into()))
        }
    }

    fn input() -> CalDavInput {
        CalDavInput {
            label: "Team calendar".into(),
            url: "https://cloud.example.com/remote.php/dav/calendars/komorebi/plan".into(),
            username: "komorebi".into(),
            password: Secret::new(MARKER),
        }
    }

    fn everything_in(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).expect("read_dir") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let bytes = std::fs::read(&p).expect("read");
                    out.push((p, bytes));
                }
            }
        }
        out
    }

    #[test]
    fn the_password_goes_to_the_keychain_and_never_into_the_data_folder() {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = DataDir::at(tmp.path().join("data"));
        let store = Store::open(&dir).expect("open");
        let keychain = MemoryStore::new();
        let added = store
            .write(|tx| add_caldav(tx, &keychain, &input()))
            .expect("add");
        assert_eq!(added.url, input().url);
        assert!(
            !format!("{:?}", input()).contains("S3cr3t"),
            "Debug of the input is redacted"
        );
        let key = store.read(|c| secret_ref(c, &added.id)).expect("ref");
        assert_eq!(key, SecretRef::caldav(&added.id));
        assert_eq!(
            keychain.get(&key).expect("get").expect("stored").expose(),
            MARKER
        );
        let t = store
            .read(|c| target(c, &keychain, &added.id))
            .expect("target");
        assert_eq!(t.password.expose(), MARKER);

        // Grep every file in the data folder (database, WAL, SHM, backups) while the store is
        // open (WAL not yet checkpointed) and after closing it.
        let needles: Vec<Vec<u8>> = vec![MARKER.as_bytes().to_vec(), b"S3cr3t-Plotline".to_vec()];
        let check = |when: &str| {
            let files = everything_in(tmp.path());
            assert!(
                files
                    .iter()
                    .any(|(p, _)| p.to_string_lossy().ends_with("-wal"))
                    || when == "closed",
                "{when}: WAL present"
            );
            for (path, bytes) in files {
                for n in &needles {
                    assert!(
                        !bytes.windows(n.len()).any(|w| w == n.as_slice()),
                        "{when}: the secret appears in {}",
                        path.display()
                    );
                }
            }
        };
        check("open");
        let backup = tmp.path().join("b.plotline-backup");
        store.backup_to(&backup).expect("backup");
        drop(store);
        check("closed");

        // Removing deletes the keychain entry too.
        let store = Store::open(&dir).expect("reopen");
        store
            .write(|tx| remove(tx, &keychain, &added.id))
            .expect("remove");
        assert_eq!(keychain.get(&key).expect("get"), None);
        assert!(store.read(list).expect("list").is_empty());
    }

    #[test]
    fn no_keychain_means_nothing_is_stored() {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = DataDir::at(tmp.path().join("data"));
        let store = Store::open(&dir).expect("open");
        let err = store
            .write(|tx| add_caldav(tx, &BrokenKeychain, &input()))
            .expect_err("no keychain");
        assert!(err.to_string().contains("Nothing was stored"), "{err}");
        assert!(
            store.read(list).expect("list").is_empty(),
            "the row was rolled back"
        );

        // A connection whose keychain entry cannot be deleted is kept, not orphaned.
        let keychain = MemoryStore::new();
        let added = store
            .write(|tx| add_caldav(tx, &keychain, &input()))
            .expect("add");
        assert!(store
            .write(|tx| remove(tx, &BrokenKeychain, &added.id))
            .is_err());
        assert_eq!(store.read(list).expect("list").len(), 1);
    }

    #[test]
    fn bad_input_is_reported_on_its_field() {
        let tmp = tempfile::tempdir().expect("tmp");
        let store = Store::open(&DataDir::at(tmp.path().join("data"))).expect("open");
        let keychain = MemoryStore::new();
        for (mutate, field) in [
            (
                Box::new(|i: &mut CalDavInput| i.label = " ".into())
                    as Box<dyn Fn(&mut CalDavInput)>,
                "label",
            ),
            (
                Box::new(|i: &mut CalDavInput| i.url = "http://example.com/cal".into()),
                "url",
            ),
            (
                Box::new(|i: &mut CalDavInput| i.username = "".into()),
                "username",
            ),
            (
                Box::new(|i: &mut CalDavInput| i.password = Secret::new("")),
                "password",
            ),
        ] {
            let mut i = input();
            mutate(&mut i);
            let err = store
                .write(|tx| add_caldav(tx, &keychain, &i))
                .expect_err(field);
            assert_eq!(err.field_name(), Some(field), "{err}");
        }
        assert!(store.read(list).expect("list").is_empty());
    }
}
