//! Native file dialogs, opened from Rust so the WebView never handles paths and needs no
//! dialog permission. Behind a trait so IPC tests can answer the dialog themselves.

use std::path::PathBuf;
use std::sync::Arc;

use tauri_plugin_dialog::DialogExt;

pub trait PathPicker: Send + Sync {
    /// Ask where to save; `None` when the user cancels.
    fn save(&self, suggested_name: &str, filter: (&str, &str)) -> Option<PathBuf>;
    /// Ask which file to open; `None` when the user cancels.
    fn open(&self, filter: (&str, &str)) -> Option<PathBuf>;
}

/// The picker every command uses (managed state).
#[derive(Clone)]
pub struct FilePicker(pub Arc<dyn PathPicker>);

/// The OS dialogs, through tauri-plugin-dialog. Must not be called on the main thread.
pub struct NativeDialogs<R: tauri::Runtime>(pub tauri::AppHandle<R>);

impl<R: tauri::Runtime> PathPicker for NativeDialogs<R> {
    fn save(&self, suggested_name: &str, (label, ext): (&str, &str)) -> Option<PathBuf> {
        self.0
            .dialog()
            .file()
            .add_filter(label, &[ext])
            .set_file_name(suggested_name)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
    }

    fn open(&self, (label, ext): (&str, &str)) -> Option<PathBuf> {
        self.0
            .dialog()
            .file()
            .add_filter(label, &[ext])
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
    }
}
