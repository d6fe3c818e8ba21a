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
    /// Ask for one or more files of any of the filter's extensions; `None` when cancelled.
    /// (Defaults to "cancelled" so pickers written before it keep compiling.)
    fn open_many(&self, filter: (&str, &[&str])) -> Option<Vec<PathBuf>> {
        let _ = filter;
        None
    }
    /// Ask for a folder (to export into); `None` when cancelled.
    fn pick_folder(&self) -> Option<PathBuf> {
        None
    }
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

    fn open_many(&self, (label, exts): (&str, &[&str])) -> Option<Vec<PathBuf>> {
        self.0
            .dialog()
            .file()
            .add_filter(label, exts)
            .blocking_pick_files()
            .map(|files| {
                files
                    .into_iter()
                    .filter_map(|p| p.into_path().ok())
                    .collect()
            })
    }

    fn pick_folder(&self) -> Option<PathBuf> {
        self.0
            .dialog()
            .file()
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok())
    }
}
