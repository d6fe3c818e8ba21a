//! What every command can reach: the store of the data folder (or why it could not open).

use std::sync::Arc;

use plotline_core::paths::DataDirLock;
use plotline_core::{DataDir, Store};

use crate::error::IpcError;

pub struct AppState {
    store: Result<Arc<Store>, IpcError>,
    _lock: Option<DataDirLock>,
}

impl AppState {
    /// Open the data folder. A failure (a database from a newer Plotline, a damaged file) is
    /// kept and returned by every command, so the window can explain it instead of vanishing.
    /// The folder is locked first, so a second window on it is told Plotline is already open.
    pub fn open(dir: Result<DataDir, plotline_core::Error>) -> Self {
        let opened = dir.and_then(|d| {
            let lock = d.lock()?;
            Ok((Arc::new(Store::open(&d)?), lock))
        });
        match opened {
            Ok((store, lock)) => AppState {
                store: Ok(store),
                _lock: Some(lock),
            },
            Err(e) => AppState {
                store: Err(IpcError::from(e)),
                _lock: None,
            },
        }
    }

    pub fn store(&self) -> Result<Arc<Store>, IpcError> {
        self.store.clone()
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
