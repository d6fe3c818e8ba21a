use plotline_core::info::{self, AppInfo};
use plotline_core::system::{self, SystemDefaults};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn get_app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    state.run(info::app_info).await
}

/// The OS time zone and language, offered as defaults on first run.
#[tauri::command]
#[specta::specta]
pub fn get_system_defaults() -> Result<SystemDefaults, IpcError> {
    Ok(system::defaults())
}

#[tauri::command]
#[specta::specta]
pub fn list_time_zones() -> Result<Vec<String>, IpcError> {
    Ok(system::time_zones())
}
