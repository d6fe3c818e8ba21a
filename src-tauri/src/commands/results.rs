//! Results and review: thin doorways into `plotline_core::results`.
//!
//! Imports pick their file with the Rust-side dialog; the WebView never sees a path. The
//! picked file's bytes wait here until the user confirms (or picks another file).

use std::sync::Mutex;

use plotline_core::results::import::{self, ImportOptions, ImportPreview, ImportResult};
use plotline_core::results::review::{self, Review, ReviewInput, ReviewSnapshot};
use plotline_core::results::summary::{self, PublishedPost, ResultsSummary};
use plotline_core::results::{
    self, AccountMetrics, AccountMetricsInput, KpiReading, KpiReadingInput, Snapshot, SnapshotInput,
};
use plotline_core::Error;
use serde::Serialize;
use tauri::State;

use crate::dialogs::FilePicker;
use crate::error::IpcError;
use crate::state::AppState;

/// The dashboard for [from, to] (`YYYY-MM-DD`, inclusive); default: the last four weeks.
#[tauri::command]
#[specta::specta]
pub async fn results_summary(
    state: State<'_, AppState>,
    from: Option<String>,
    to: Option<String>,
) -> Result<ResultsSummary, IpcError> {
    state
        .run(move |s| {
            s.read(|c| {
                let (f, t) = summary::parse_range(c, from.as_deref(), to.as_deref())?;
                summary::summary(c, f, t)
            })
        })
        .await
}

/// Published post variants of [from, to] with their latest numbers (quick entry).
#[tauri::command]
#[specta::specta]
pub async fn results_entries(
    state: State<'_, AppState>,
    from: Option<String>,
    to: Option<String>,
) -> Result<Vec<PublishedPost>, IpcError> {
    state
        .run(move |s| {
            s.read(|c| {
                let (f, t) = summary::parse_range(c, from.as_deref(), to.as_deref())?;
                summary::published_posts(c, f, t)
            })
        })
        .await
}

/// Save the numbers typed for one variant (today's snapshot is corrected in place).
#[tauri::command]
#[specta::specta]
pub async fn record_post_metrics(
    state: State<'_, AppState>,
    input: SnapshotInput,
) -> Result<Snapshot, IpcError> {
    state
        .run(move |s| s.write(|tx| results::record_manual_snapshot(tx, &input)))
        .await
}

/// Every snapshot of one variant, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn variant_snapshots(
    state: State<'_, AppState>,
    variant_id: String,
) -> Result<Vec<Snapshot>, IpcError> {
    state
        .run(move |s| s.read(|c| results::snapshots_of(c, &variant_id)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn save_account_metrics(
    state: State<'_, AppState>,
    input: AccountMetricsInput,
) -> Result<AccountMetrics, IpcError> {
    state
        .run(move |s| s.write(|tx| results::save_account_metrics(tx, &input)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_kpi_reading(
    state: State<'_, AppState>,
    input: KpiReadingInput,
) -> Result<KpiReading, IpcError> {
    state
        .run(move |s| s.write(|tx| results::add_kpi_reading(tx, &input)))
        .await
}

/// A picked analytics file waiting for confirmation.
struct PendingFile {
    name: String,
    bytes: Vec<u8>,
}

static PENDING: Mutex<Option<PendingFile>> = Mutex::new(None);

fn pending() -> std::sync::MutexGuard<'static, Option<PendingFile>> {
    PENDING.lock().unwrap_or_else(|p| p.into_inner())
}

fn no_file() -> Error {
    Error::Conflict("Choose the exported file again: Plotline no longer has it open.".into())
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportFilePreview {
    pub file_name: String,
    pub preview: ImportPreview,
}

/// Open the file dialog, read the chosen CSV and preview it (nothing is stored); `null`
/// when the dialog is cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_results_file(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
    options: ImportOptions,
) -> Result<Option<ImportFilePreview>, IpcError> {
    let picker = picker.inner().clone();
    state
        .run(move |s| {
            let Some(path) = picker.0.open(("CSV", "csv")) else {
                return Ok(None);
            };
            let size = std::fs::metadata(&path)
                .map_err(|e| Error::io(format!("Plotline could not read {}", path.display()), e))?
                .len();
            if size > import::MAX_IMPORT_BYTES as u64 {
                return Err(Error::Invalid(format!(
                    "This file is {} MB; Plotline imports analytics exports up to {} MB. Export a shorter period.",
                    size.div_ceil(1024 * 1024),
                    import::MAX_IMPORT_BYTES / (1024 * 1024)
                )));
            }
            let bytes = std::fs::read(&path)
                .map_err(|e| Error::io(format!("Plotline could not read {}", path.display()), e))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let preview = s.read(|c| import::preview(c, &bytes, &options))?;
            *pending() = Some(PendingFile {
                name: name.clone(),
                bytes,
            });
            Ok(Some(ImportFilePreview {
                file_name: name,
                preview,
            }))
        })
        .await
}

/// Preview the chosen file again with other options (source, column mapping, platform).
#[tauri::command]
#[specta::specta]
pub async fn preview_results_import(
    state: State<'_, AppState>,
    options: ImportOptions,
) -> Result<ImportFilePreview, IpcError> {
    state
        .run(move |s| {
            let (name, bytes) = match pending().as_ref() {
                Some(p) => (p.name.clone(), p.bytes.clone()),
                None => return Err(no_file()),
            };
            let preview = s.read(|c| import::preview(c, &bytes, &options))?;
            Ok(ImportFilePreview {
                file_name: name,
                preview,
            })
        })
        .await
}

/// Import the matched rows of the chosen file in one transaction.
#[tauri::command]
#[specta::specta]
pub async fn commit_results_import(
    state: State<'_, AppState>,
    options: ImportOptions,
) -> Result<ImportResult, IpcError> {
    state
        .run(move |s| {
            let bytes = match pending().as_ref() {
                Some(p) => p.bytes.clone(),
                None => return Err(no_file()),
            };
            let result = s.write(|tx| import::commit(tx, &bytes, &options))?;
            *pending() = None;
            Ok(result)
        })
        .await
}

/// Every review, newest period first.
#[tauri::command]
#[specta::specta]
pub async fn list_reviews(state: State<'_, AppState>) -> Result<Vec<Review>, IpcError> {
    state.run(|s| s.read(review::list)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_review(
    state: State<'_, AppState>,
    input: ReviewInput,
) -> Result<Review, IpcError> {
    state
        .run(move |s| s.write(|tx| review::save(tx, &input)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_review(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| review::delete(tx, &id)))
        .await
}

/// The numbers a new review of [periodStart, periodEnd] would keep.
#[tauri::command]
#[specta::specta]
pub async fn review_numbers(
    state: State<'_, AppState>,
    period_start: String,
    period_end: String,
) -> Result<ReviewSnapshot, IpcError> {
    state
        .run(move |s| {
            s.read(|c| {
                let (f, t) = summary::parse_range(c, Some(&period_start), Some(&period_end))?;
                review::snapshot_for(c, f, t)
            })
        })
        .await
}
