//! Backup and restore from Settings.

use plotline_core::db::backup::{timestamped_name, BACKUP_EXTENSION};
use plotline_core::db::{BackupReport, RestoreReport};
use tauri::State;

use crate::dialogs::FilePicker;
use crate::error::IpcError;
use crate::state::AppState;

const FILTER: (&str, &str) = ("Plotline backup", BACKUP_EXTENSION);

/// Write a verified backup to a file the user picks; `null` when the dialog is cancelled.
#[tauri::command]
#[specta::specta]
pub async fn backup_now(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
) -> Result<Option<BackupReport>, IpcError> {
    let picker = picker.inner().clone();
    let name = timestamped_name("plotline");
    state
        .run(move |s| {
            picker
                .0
                .save(&name, FILTER)
                .map(|p| s.backup_to(&p))
                .transpose()
        })
        .await
}

/// Replace all data with a verified backup the user picks; `null` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn restore_from_backup(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
) -> Result<Option<RestoreReport>, IpcError> {
    let picker = picker.inner().clone();
    state
        .run(move |s| {
            picker
                .0
                .open(FILTER)
                .map(|p| s.restore_from(&p))
                .transpose()
        })
        .await
}
