//! "A post is due" desktop notifications while the app runs.
//!
//! A background task on Tauri's tokio runtime wakes every minute and asks core which approved
//! or scheduled posts became due since the last check; each one gets one desktop notification
//! through `tauri-plugin-notification`'s Rust API. The WebView has no notification permission:
//! only this task can notify. Where no notification service runs (a headless Linux session),
//! showing fails quietly; the Due today panel on the Plan screen lists the same posts.

use std::time::Duration;

use chrono::{DateTime, Utc};
use plotline_core::publishing::handoff::{due_notices, DueNotice};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::state::AppState;

/// How often the task checks.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

/// The notices for (`since`, `now`], or none if the data folder cannot be read right now.
pub fn check<R: Runtime>(
    app: &AppHandle<R>,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<DueNotice> {
    let Some(state) = app.try_state::<AppState>() else {
        return Vec::new();
    };
    let Ok(store) = state.store() else {
        return Vec::new();
    };
    store
        .read(|c| due_notices(c, since, now))
        .unwrap_or_default()
}

/// Start the minute-by-minute check (from `setup`).
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let mut since = Utc::now();
        loop {
            tokio::time::sleep(CHECK_EVERY).await;
            let now = Utc::now();
            let handle = app.clone();
            // Reading the database and talking to the notification service both block: keep
            // them off the async workers.
            let _ = tauri::async_runtime::spawn_blocking(move || {
                for n in check(&handle, since, now) {
                    // No notification service (headless session): nothing to show, nothing to do.
                    let _ = handle
                        .notification()
                        .builder()
                        .title(&n.title)
                        .body(&n.body)
                        .show();
                }
            })
            .await;
            since = now;
        }
    });
}
