//! Credentials (CalDAV passwords today, network tokens later) live in the operating system's
//! keychain, never in Plotline's database, exports, bundles or logs (RELIABILITY.md R14).
//!
//! * [`SecretStore`] is the one interface the rest of Plotline uses: set/get/delete a secret
//!   by a [`SecretRef`] (service + account, e.g. `com.plotline.app` / `caldav:<uuid>`).
//! * [`KeyringStore`] is the real store: keyring 3.x with the platform's credential type built
//!   explicitly (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
//!   keyring 3.x without store features silently keeps secrets in memory; building the
//!   credential ourselves means that mock can never be picked, and the no-daemon test proves it.
//! * When no secure store is reachable, every call fails with [`Error::Keychain`] and nothing is
//!   stored anywhere else.
//! * [`Secret`] wraps the value so `Debug`/`Display` print `<redacted>`.

use std::fmt;

use crate::{Error, Result};

/// The keychain "service" every Plotline credential is filed under.
pub const SERVICE: &str = "com.plotline.app";

/// Windows Credential Manager refuses credential blobs above 2,560 bytes
/// (`CRED_MAX_CREDENTIAL_BLOB_SIZE` = 5 × 512). Plotline applies the same limit on every
/// platform so a secret that works on Linux never fails later on a teammate's Windows PC.
pub const MAX_SECRET_BYTES: usize = 2_560;

/// A secret value (password, token). Printing it never shows the value. It can be read from
/// input (Deserialize) but deliberately has no Serialize, so it cannot end up in an export.
#[derive(Clone, PartialEq, Eq, serde::Deserialize, specta::Type)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value itself: only for handing it to the server or keychain that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret::new(s)
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret(s)
    }
}

/// Where a secret is filed in the keychain. This (not the secret) is what the database stores.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SecretRef {
    pub service: String,
    pub account: String,
}

impl SecretRef {
    pub fn new(service: impl Into<String>, account: impl Into<String>) -> Self {
        SecretRef {
            service: service.into(),
            account: account.into(),
        }
    }

    /// Plotline's reference for the password of the CalDAV connection `id`.
    pub fn caldav(id: &str) -> Self {
        SecretRef::new(SERVICE, format!("caldav:{id}"))
    }

    /// The reference as one string (`service/account`), the form kept in the database.
    pub fn to_key(&self) -> String {
        format!("{}/{}", self.service, self.account)
    }

    /// Parse [`to_key`](Self::to_key)'s form back.
    pub fn from_key(key: &str) -> Result<Self> {
        match key.split_once('/') {
            Some((s, a)) if !s.is_empty() && !a.is_empty() => Ok(SecretRef::new(s, a)),
            _ => Err(Error::Corrupt(format!(
                "The saved keychain reference \"{key}\" is damaged. Remove this connection and add it again."
            ))),
        }
    }

    fn validate(&self) -> Result<()> {
        if self.service.trim().is_empty() || self.account.trim().is_empty() {
            return Err(Error::Invalid(
                "A keychain entry needs a service and an account name.".into(),
            ));
        }
        Ok(())
    }
}

/// The secret store interface. Implementations must never fall back to another storage.
pub trait SecretStore: Send + Sync {
    /// Store (or replace) the secret for `key`.
    fn set(&self, key: &SecretRef, secret: &Secret) -> Result<()>;
    /// The secret for `key`, or `None` when there is none.
    fn get(&self, key: &SecretRef) -> Result<Option<Secret>>;
    /// Remove the secret for `key`. Removing a missing secret is not an error (idempotent).
    fn delete(&self, key: &SecretRef) -> Result<()>;
}

/// Refuse secrets the Windows Credential Manager could not hold (see [`MAX_SECRET_BYTES`]).
pub fn check_secret_size(secret: &Secret) -> Result<()> {
    let len = secret.expose().len();
    if len > MAX_SECRET_BYTES {
        return Err(Error::field(
            "password",
            format!(
                "This password or token is too long for the system keychain ({len} bytes; the limit is \
                 {MAX_SECRET_BYTES}). Check that you pasted only the password."
            ),
        ));
    }
    if secret.expose().is_empty() {
        return Err(Error::field("password", "Enter the password."));
    }
    Ok(())
}

/// The operating system's keychain through keyring 3.x.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyringStore;

impl KeyringStore {
    pub fn new() -> Self {
        KeyringStore
    }

    fn entry(&self, key: &SecretRef) -> Result<keyring::Entry> {
        key.validate()?;
        let credential = platform_credential(key).map_err(|e| keychain_error(&e))?;
        Ok(keyring::Entry::new_with_credential(credential))
    }
}

#[cfg(target_os = "linux")]
fn platform_credential(key: &SecretRef) -> keyring::Result<Box<keyring::credential::Credential>> {
    Ok(Box::new(
        keyring::secret_service::SsCredential::new_with_target(None, &key.service, &key.account)?,
    ))
}

#[cfg(target_os = "macos")]
fn platform_credential(key: &SecretRef) -> keyring::Result<Box<keyring::credential::Credential>> {
    Ok(Box::new(keyring::macos::MacCredential::new_with_target(
        None,
        &key.service,
        &key.account,
    )?))
}

#[cfg(target_os = "windows")]
fn platform_credential(key: &SecretRef) -> keyring::Result<Box<keyring::credential::Credential>> {
    Ok(Box::new(keyring::windows::WinCredential::new_with_target(
        None,
        &key.service,
        &key.account,
    )?))
}

/// The words every "keychain unreachable" error carries.
pub const NO_KEYCHAIN_ADVICE: &str =
    "Nothing was stored. On Linux, make sure GNOME Keyring or KWallet \
     is running and unlocked; on macOS and Windows, unlock your user session and try again.";

fn keychain_error(e: &keyring::Error) -> Error {
    match e {
        keyring::Error::TooLong(what, limit) => Error::field(
            "password",
            format!("This {what} is too long for the system keychain (limit {limit}). Check what you pasted."),
        ),
        keyring::Error::Ambiguous(_) => Error::Conflict(
            "Your system keychain holds several Plotline entries with the same name. Open your keychain \
             app, delete the duplicate \"com.plotline.app\" entries, then add the connection again."
                .into(),
        ),
        other => Error::Keychain(format!(
            "Plotline could not reach your system keychain ({other}). {NO_KEYCHAIN_ADVICE}"
        )),
    }
}

impl SecretStore for KeyringStore {
    fn set(&self, key: &SecretRef, secret: &Secret) -> Result<()> {
        check_secret_size(secret)?;
        self.entry(key)?
            .set_password(secret.expose())
            .map_err(|e| keychain_error(&e))
    }

    fn get(&self, key: &SecretRef) -> Result<Option<Secret>> {
        match self.entry(key)?.get_password() {
            Ok(s) => Ok(Some(Secret::new(s))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(keychain_error(&e)),
        }
    }

    fn delete(&self, key: &SecretRef) -> Result<()> {
        match self.entry(key)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error(&e)),
        }
    }
}

/// Whether a secure store can be used right now (shown in Settings → Connections).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SecureStoreStatus {
    pub available: bool,
    /// Why not, and what to do (None when available).
    pub message: Option<String>,
}

/// Probe `store` by looking up an entry that never exists: a reachable keychain answers "no such
/// entry"; an unreachable one fails. Nothing is written.
pub fn availability(store: &dyn SecretStore) -> SecureStoreStatus {
    match store.get(&SecretRef::new(SERVICE, "availability-probe")) {
        Ok(_) => SecureStoreStatus {
            available: true,
            message: None,
        },
        Err(e) => SecureStoreStatus {
            available: false,
            message: Some(e.to_string()),
        },
    }
}

/// A store in memory, for unit tests of code that needs a [`SecretStore`]. Compiled only into
/// this crate's unit tests, never into the app or the CLI.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: std::sync::Mutex<std::collections::HashMap<SecretRef, Secret>>,
}

#[cfg(test)]
impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    fn map(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<SecretRef, Secret>> {
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
impl SecretStore for MemoryStore {
    fn set(&self, key: &SecretRef, secret: &Secret) -> Result<()> {
        key.validate()?;
        check_secret_size(secret)?;
        self.map().insert(key.clone(), secret.clone());
        Ok(())
    }

    fn get(&self, key: &SecretRef) -> Result<Option<Secret>> {
        Ok(self.map().get(key).cloned())
    }

    fn delete(&self, key: &SecretRef) -> Result<()> {
        self.map().remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print_their_value() {
        let s = Secret::new("hunter2-パスワード");
        assert_eq!(format!("{s}"), "<redacted>");
        assert_eq!(format!("{s:?}"), "<redacted>");
        assert_eq!(format!("{:?}", Some(&s)), "Some(<redacted>)");
        assert_eq!(s.expose(), "hunter2-パスワード");
    }

    #[test]
    fn windows_payload_limit_is_enforced_everywhere() {
        let store = MemoryStore::new();
        let key = SecretRef::caldav("x");
        let ok = Secret::new("a".repeat(MAX_SECRET_BYTES));
        store.set(&key, &ok).expect("at the limit");
        let too_long = Secret::new("a".repeat(MAX_SECRET_BYTES + 1));
        let err = store.set(&key, &too_long).expect_err("over the limit");
        assert_eq!(err.field_name(), Some("password"));
        assert!(err.to_string().contains("too long"), "{err}");
        // Multi-byte characters count in bytes (what Windows stores), not characters.
        let cjk = Secret::new("鍵".repeat(MAX_SECRET_BYTES / 3 + 1));
        assert!(check_secret_size(&cjk).is_err());
        let err = KeyringStore::new()
            .set(&key, &too_long)
            .expect_err("the keyring store refuses before reaching the keychain");
        assert_eq!(err.field_name(), Some("password"));
    }

    #[test]
    fn memory_store_round_trip_and_idempotent_delete() {
        let store = MemoryStore::new();
        let key = SecretRef::caldav("abc");
        assert_eq!(store.get(&key).expect("get"), None);
        store.set(&key, &"one".into()).expect("set");
        store.set(&key, &"two".into()).expect("overwrite");
        assert_eq!(store.get(&key).expect("get"), Some(Secret::new("two")));
        store.delete(&key).expect("delete");
        store.delete(&key).expect("delete again");
        assert_eq!(store.get(&key).expect("get"), None);
    }

    #[test]
    fn references_round_trip_through_their_key() {
        let r = SecretRef::caldav("0190-abc");
        assert_eq!(r.to_key(), "com.plotline.app/caldav:0190-abc");
        assert_eq!(SecretRef::from_key(&r.to_key()).expect("parse"), r);
        assert!(SecretRef::from_key("nonsense").is_err());
    }
}
