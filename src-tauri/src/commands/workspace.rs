use plotline_core::demo;
use plotline_core::workspace::{self, Language, Workspace, WorkspaceInput};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// The business profile, or `null` on first run.
#[tauri::command]
#[specta::specta]
pub async fn get_workspace(state: State<'_, AppState>) -> Result<Option<Workspace>, IpcError> {
    state.run(|s| s.read(workspace::get)).await
}

/// Create or update the business profile (safe to repeat).
#[tauri::command]
#[specta::specta]
pub async fn save_workspace(
    state: State<'_, AppState>,
    input: WorkspaceInput,
) -> Result<Workspace, IpcError> {
    state
        .run(move |s| s.write(|tx| workspace::save(tx, &input)))
        .await
}

/// Start with the sample bakery (only into an empty workspace).
#[tauri::command]
#[specta::specta]
pub async fn load_sample_workspace(
    state: State<'_, AppState>,
    language: Language,
) -> Result<Workspace, IpcError> {
    state.run(move |s| demo::seed_sample(s, language)).await
}
