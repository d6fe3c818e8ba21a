//! The photo library: import through the Rust-side dialog (files never pass through the
//! WebView; `dragDropEnabled` stays false for the calendar's pointer drag), search, alt text
//! and tags, focal point, delete, live variant previews, export to a folder, and photos
//! attached to posts. Images themselves reach the WebView only via `plotline-media://`.

use plotline_core::media::library::{self, MediaDetailsInput, MediaItem};
use plotline_core::media::manage::{
    self, DeleteMediaReport, ImportReport, MediaListItem, MediaQuery, PostImagesReport, TargetInfo,
    VariantMedia, VariantPreview, VariantRequest,
};
use plotline_core::media::ExportedVariant;
use serde::Serialize;
use tauri::State;

use crate::dialogs::FilePicker;
use crate::error::IpcError;
use crate::state::AppState;

/// Extensions the photo dialog offers. HEIC is listed so picking an iPhone photo gets the
/// core's message on how to convert it instead of the file being invisible.
pub const PHOTO_FILTER: (&str, &[&str]) = (
    "Photos",
    &[
        "jpg", "jpeg", "png", "webp", "heic", "heif", "JPG", "JPEG", "PNG", "WEBP", "HEIC",
    ],
);

/// Library photos matching a search, sorted.
#[tauri::command]
#[specta::specta]
pub async fn list_media(
    state: State<'_, AppState>,
    query: MediaQuery,
) -> Result<Vec<MediaListItem>, IpcError> {
    state
        .run(move |s| s.read(|c| manage::search(c, &query)))
        .await
}

/// "Add photos…": pick several files in the OS dialog and import them (decoded off the UI
/// thread, at most two at once); `null` when the dialog is cancelled.
#[tauri::command]
#[specta::specta]
pub async fn import_media(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
) -> Result<Option<ImportReport>, IpcError> {
    let picker = picker.inner().clone();
    state
        .run(move |s| {
            picker
                .0
                .open_many(PHOTO_FILTER)
                .map(|files| manage::import_many(s, &files))
                .transpose()
        })
        .await
}

/// Save a photo's alt text and tags.
#[tauri::command]
#[specta::specta]
pub async fn update_media_details(
    state: State<'_, AppState>,
    id: String,
    input: MediaDetailsInput,
) -> Result<MediaItem, IpcError> {
    state
        .run(move |s| s.write(|tx| library::update_details(tx, &id, &input)))
        .await
}

/// Set the point crops keep in view (fractions of width and height).
#[tauri::command]
#[specta::specta]
pub async fn set_media_focal(
    state: State<'_, AppState>,
    id: String,
    x: f64,
    y: f64,
) -> Result<MediaItem, IpcError> {
    state
        .run(move |s| s.write(|tx| library::set_focal(tx, &id, x, y)))
        .await
}

/// Delete photos; ones that posts use are kept and listed.
#[tauri::command]
#[specta::specta]
pub async fn delete_media(
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> Result<DeleteMediaReport, IpcError> {
    state.run(move |s| manage::delete(s, &ids)).await
}

/// Every size Plotline makes (from the platform catalogue).
#[tauri::command]
#[specta::specta]
pub async fn media_targets() -> Result<Vec<TargetInfo>, IpcError> {
    Ok(manage::target_infos())
}

/// Small live previews of the chosen variants (data URLs rendered from the thumbnail).
#[tauri::command]
#[specta::specta]
pub async fn preview_media_variants(
    state: State<'_, AppState>,
    id: String,
    request: VariantRequest,
) -> Result<Vec<VariantPreview>, IpcError> {
    state.run(move |s| manage::preview(s, &id, &request)).await
}

/// Where the variants went.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MediaExportReport {
    pub folder: String,
    pub files: Vec<ExportedVariant>,
}

/// Export the chosen variants to a folder the user picks; `null` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_media_variants(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
    id: String,
    request: VariantRequest,
) -> Result<Option<MediaExportReport>, IpcError> {
    into_picked_folder(&state, &picker, move |s, folder, today| {
        let files = manage::export_item(s, &id, &request, folder, today)?;
        Ok(MediaExportReport {
            folder: folder.display().to_string(),
            files,
        })
    })
    .await
}

/// Ask for a folder (Rust-side dialog), then run `export` into it with today's date (names
/// of exported files carry it); `None` when the dialog is cancelled.
async fn into_picked_folder<T: Send + 'static>(
    state: &AppState,
    picker: &FilePicker,
    export: impl FnOnce(
            &plotline_core::Store,
            &std::path::Path,
            chrono::NaiveDate,
        ) -> plotline_core::Result<T>
        + Send
        + 'static,
) -> Result<Option<T>, IpcError> {
    let picker = picker.clone();
    state
        .run(move |s| {
            let Some(folder) = picker.0.pick_folder() else {
                return Ok(None);
            };
            export(s, &folder, chrono::Local::now().date_naive()).map(Some)
        })
        .await
}

/// Photos attached to a post, in order.
#[tauri::command]
#[specta::specta]
pub async fn post_media(
    state: State<'_, AppState>,
    post_id: String,
) -> Result<Vec<MediaItem>, IpcError> {
    state
        .run(move |s| s.read(|c| manage::for_post(c, &post_id)))
        .await
}

/// Replace the photos attached to a post (safe to repeat).
#[tauri::command]
#[specta::specta]
pub async fn set_post_media(
    state: State<'_, AppState>,
    post_id: String,
    media_ids: Vec<String>,
) -> Result<Vec<MediaItem>, IpcError> {
    state
        .run(move |s| s.write(|tx| manage::set_post_media(tx, &post_id, &media_ids)))
        .await
}

/// Due today → "Export images": each of the post's photos in the size each of its platforms
/// needs, into a new folder inside the one the user picks; `null` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_post_images(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
    post_id: String,
) -> Result<Option<PostImagesReport>, IpcError> {
    into_picked_folder(&state, &picker, move |s, folder, today| {
        manage::export_for_post(s, &post_id, folder, today)
    })
    .await
}

/// The photos each platform of a post gets (its own, else the post's).
#[tauri::command]
#[specta::specta]
pub async fn variant_media(
    state: State<'_, AppState>,
    post_id: String,
) -> Result<Vec<VariantMedia>, IpcError> {
    state
        .run(move |s| s.read(|c| manage::for_variants(c, &post_id)))
        .await
}

/// Choose one platform's own photos; an empty list goes back to the post's photos.
#[tauri::command]
#[specta::specta]
pub async fn set_variant_media(
    state: State<'_, AppState>,
    post_id: String,
    platform: String,
    media_ids: Vec<String>,
) -> Result<VariantMedia, IpcError> {
    state
        .run(move |s| s.write(|tx| manage::set_variant_media(tx, &post_id, &platform, &media_ids)))
        .await
}
