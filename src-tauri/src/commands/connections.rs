//! Connections (CalDAV accounts with their passwords in the OS keychain), publishing the plan to
//! them, and the hand-off for posting by hand (Due today, Mark as published).
//!
//! Network calls (test, preview, publish) run on a blocking worker thread, never on the UI
//! thread; no database transaction is held while the server answers.

use plotline_core::connections::{self, CalDavInput, ConnectionInfo};
use plotline_core::content::posts::Post;
use plotline_core::publishing::caldav::{self, CalDavConnection, PublishSummary};
use plotline_core::publishing::handoff::{self, DuePost, MarkPublishedInput};
use plotline_core::secrets::{self, SecureStoreStatus};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Saved CalDAV connections with their last publish.
#[tauri::command]
#[specta::specta]
pub async fn list_connections(
    state: State<'_, AppState>,
) -> Result<Vec<CalDavConnection>, IpcError> {
    state.run(|s| s.read(caldav::list_connections)).await
}

/// Whether the OS keychain can hold passwords right now.
#[tauri::command]
#[specta::specta]
pub async fn secure_store_status(
    state: State<'_, AppState>,
) -> Result<SecureStoreStatus, IpcError> {
    let keychain = state.secrets();
    tauri::async_runtime::spawn_blocking(move || secrets::availability(keychain.as_ref()))
        .await
        .map_err(IpcError::internal)
}

/// Check an address, user name and password against the server without saving anything.
#[tauri::command]
#[specta::specta]
pub async fn test_caldav_connection(input: CalDavInput) -> Result<(), IpcError> {
    tauri::async_runtime::spawn_blocking(move || connections::test_caldav(&input))
        .await
        .map_err(IpcError::internal)?
        .map_err(IpcError::from)
}

/// Save a CalDAV connection (the password goes to the OS keychain, or nothing is saved).
#[tauri::command]
#[specta::specta]
pub async fn add_caldav_connection(
    state: State<'_, AppState>,
    input: CalDavInput,
) -> Result<ConnectionInfo, IpcError> {
    let keychain = state.secrets();
    state
        .run(move |s| s.write(|tx| connections::add_caldav(tx, keychain.as_ref(), &input)))
        .await
}

/// "Test connection" for a saved connection.
#[tauri::command]
#[specta::specta]
pub async fn test_saved_connection(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    let keychain = state.secrets();
    state
        .run(move |s| {
            let target = s.read(|c| connections::target(c, keychain.as_ref(), &id))?;
            plotline_core::exchange::caldav::CalDavClient::new(&target)?.check()
        })
        .await
}

/// Remove a connection and its keychain entry.
#[tauri::command]
#[specta::specta]
pub async fn remove_connection(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    let keychain = state.secrets();
    state
        .run(move |s| s.write(|tx| connections::remove(tx, keychain.as_ref(), &id)))
        .await
}

/// Publish the plan's dated posts to a connection's calendar, or only preview it (`dryRun`).
#[tauri::command]
#[specta::specta]
pub async fn publish_caldav(
    state: State<'_, AppState>,
    connection_id: String,
    dry_run: bool,
) -> Result<PublishSummary, IpcError> {
    let keychain = state.secrets();
    state
        .run(move |s| caldav::publish_connection(s, keychain.as_ref(), &connection_id, dry_run))
        .await
}

/// Approved and scheduled posts due today, overdue ones first, with the text to paste.
#[tauri::command]
#[specta::specta]
pub async fn due_posts(state: State<'_, AppState>) -> Result<Vec<DuePost>, IpcError> {
    state.run(|s| s.read(handoff::due_now)).await
}

/// "Mark as published": keep the live post's URL and move the post to Published.
#[tauri::command]
#[specta::specta]
pub async fn mark_post_published(
    state: State<'_, AppState>,
    input: MarkPublishedInput,
) -> Result<Post, IpcError> {
    state
        .run(move |s| s.write(|tx| handoff::mark_published(tx, &input)))
        .await
}
