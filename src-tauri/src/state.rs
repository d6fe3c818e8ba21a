//! What every command can reach: the store of the data folder (or why it could not open).

use std::sync::Arc;

use plotline_core::{DataDir, Store};

use crate::error::IpcError;

pub struct AppState {
    store: Result<Arc<Store>, IpcError>,
}

impl AppState {
    /// Open the data folder. A failure (a database from a newer Plotline, a damaged file) is
    /// kept and returned by every command, so the window can explain it instead of vanishing.
    pub fn open(dir: Result<DataDir, plotline_core::Error>) -> Self {
        let store = dir
            .and_then(|d| Store::open(&d))
            .map(Arc::new)
            .map_err(IpcError::from);
        AppState { store }
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
