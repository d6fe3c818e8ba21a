//! What every command can reach: the store of the data folder.

use std::sync::{Arc, Mutex};

use plotline_core::paths::DataDirLock;
use plotline_core::secrets::{KeyringStore, SecretStore};
use plotline_core::{DataDir, Store};

use crate::error::IpcError;

pub struct AppState {
    dir: Result<DataDir, IpcError>,
    opened: Mutex<Option<Opened>>,
    /// Where passwords go: the OS keychain (tests swap in their own store).
    secrets: Arc<dyn SecretStore>,
}

struct Opened {
    store: Arc<Store>,
    _lock: DataDirLock,
}

impl AppState {
    /// Open the data folder now; if that fails (Plotline already open on it, a database
    /// from a newer Plotline, a damaged file) every command returns the reason, and the
    /// next command tries again, so "Retry" in the window works once the cause is gone.
    pub fn open(dir: Result<DataDir, plotline_core::Error>) -> Self {
        let state = AppState {
            dir: dir.map_err(IpcError::from),
            opened: Mutex::new(None),
            secrets: Arc::new(KeyringStore::new()),
        };
        let _ = state.store();
        state
    }

    /// Use `secrets` instead of the OS keychain (tests).
    pub fn with_secrets(mut self, secrets: Arc<dyn SecretStore>) -> Self {
        self.secrets = secrets;
        self
    }

    pub fn secrets(&self) -> Arc<dyn SecretStore> {
        self.secrets.clone()
    }

    pub fn store(&self) -> Result<Arc<Store>, IpcError> {
        let mut opened = self.opened.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(o) = opened.as_ref() {
            return Ok(o.store.clone());
        }
        let dir = self.dir.clone()?;
        // The folder is locked first, so a second window on it is told Plotline is already open.
        let lock = dir.lock()?;
        let store = Arc::new(Store::open(&dir)?);
        *opened = Some(Opened {
            store: store.clone(),
            _lock: lock,
        });
        Ok(store)
    }

    /// Run blocking store work off the UI thread and map its error.
    pub async fn run<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> plotline_core::Result<T> + Send + 'static,
    {
        let store = self.store()?;
        tauri::async_runtime::spawn_blocking(move || f(&store))
            .await
            .map_err(IpcError::internal)?
            .map_err(IpcError::from)
    }
}
