//! Share screen: exports (ICS, CSV, printable calendar, plan bundle) and imports (bundle, CSV,
//! ICS). Files are chosen with the Rust-side dialogs; the WebView never names a path, except in
//! tests and e2e runs (`path` argument, honoured only when [`paths_allowed`]).
//!
//! An import is two steps: `preview_*` opens the file picker, remembers the chosen file here
//! (never in the WebView) and returns what would change; `apply_*` imports that same file.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use plotline_core::share::bundle::{
    self, BundleImportReport, BundlePreview, BundleSummary, ImportChoice,
};
use plotline_core::share::csv_export::{self, CsvFormat};
use plotline_core::share::csv_import::{self, CsvImportPreview};
use plotline_core::share::html::{self, PaperSize, PrintLayout};
use plotline_core::share::ics_events::{self, IcsImportPreview};
use plotline_core::share::{ics_export, write_file, ExportOptions, ExportSummary};
use plotline_core::{Error, ErrorKind, Store};
use serde::Serialize;
use tauri::State;

use crate::dialogs::FilePicker;
use crate::error::IpcError;
use crate::state::AppState;

/// The files chosen for the imports under way (one per kind).
#[derive(Default)]
pub struct PendingImports(Mutex<HashMap<&'static str, PathBuf>>);

impl PendingImports {
    fn set(&self, kind: &'static str, path: PathBuf) {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(kind, path);
    }
    fn get(&self, kind: &'static str) -> Result<PathBuf, IpcError> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(kind)
            .cloned()
            .ok_or_else(|| {
                IpcError::from(Error::Conflict(
                    "Choose the file to import first (its preview shows what will change).".into(),
                ))
            })
    }
}

/// Explicit paths from the WebView are for automated tests only: unit tests, and e2e runs of a
/// debug build started by the harness (which sets PLOTLINE_E2E_RUN).
pub fn paths_allowed() -> bool {
    cfg!(test) || (cfg!(debug_assertions) && std::env::var_os("PLOTLINE_E2E_RUN").is_some())
}

fn explicit(path: Option<String>) -> Result<Option<PathBuf>, IpcError> {
    match path {
        None => Ok(None),
        Some(p) if paths_allowed() => Ok(Some(PathBuf::from(p))),
        Some(_) => Err(IpcError {
            kind: ErrorKind::Invalid,
            field: None,
            message: "Choose the file in the dialog.".into(),
        }),
    }
}

/// Nothing to write: say so instead of saving an empty file.
fn nothing_selected() -> Error {
    Error::field(
        "from",
        "No posts match these options. Widen the dates or untick some platforms or statuses, \
         then export again.",
    )
}

fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

fn save_path(
    picker: &FilePicker,
    path: Option<PathBuf>,
    name: &str,
    filter: (&str, &str),
) -> Option<PathBuf> {
    path.or_else(|| picker.0.save(name, filter))
}

fn open_path(picker: &FilePicker, path: Option<PathBuf>, filter: (&str, &str)) -> Option<PathBuf> {
    path.or_else(|| picker.0.open(filter))
}

fn summary(
    path: &std::path::Path,
    bytes: u64,
    posts: u32,
    events: u32,
    rows: u32,
    notes: Vec<String>,
) -> ExportSummary {
    ExportSummary {
        path: path.display().to_string(),
        posts,
        events,
        rows,
        bytes,
        notes,
    }
}

/// Calendar file (ICS); `null` when the dialog is cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_ics(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
    options: ExportOptions,
    path: Option<String>,
) -> Result<Option<ExportSummary>, IpcError> {
    let picker = picker.inner().clone();
    let path = explicit(path)?;
    state
        .run(move |s| {
            let (ics, posts, events) = s.read(|c| ics_export::export(c, &options))?;
            if posts + events == 0 {
                return Err(nothing_selected());
            }
            let name = format!("plotline-calendar-{}.ics", today());
            let Some(dest) = save_path(&picker, path, &name, ("Calendar file", "ics")) else {
                return Ok(None);
            };
            let bytes = write_file(&dest, ics.as_bytes())?;
            Ok(Some(summary(
                &dest,
                bytes,
                posts,
                events,
                posts + events,
                vec![],
            )))
        })
        .await
}

/// Spreadsheet (CSV) in Plotline's, Buffer's or Hootsuite's layout; `null` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_csv(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
    options: ExportOptions,
    format: CsvFormat,
    path: Option<String>,
) -> Result<Option<ExportSummary>, IpcError> {
    let picker = picker.inner().clone();
    let path = explicit(path)?;
    state
        .run(move |s| {
            let (bytes, posts, rows, notes) =
                s.read(|c| csv_export::export(c, &options, format))?;
            if rows == 0 {
                return Err(nothing_selected());
            }
            let tag = match format {
                CsvFormat::Plotline => "plotline",
                CsvFormat::Buffer => "buffer",
                CsvFormat::Hootsuite => "hootsuite",
            };
            let name = format!("plotline-posts-{tag}-{}.csv", today());
            let Some(dest) = save_path(&picker, path, &name, ("Spreadsheet", "csv")) else {
                return Ok(None);
            };
            let written = write_file(&dest, &bytes)?;
            Ok(Some(summary(&dest, written, posts, 0, rows, notes)))
        })
        .await
}

/// The printable calendar's pages (HTML without styles, every user text escaped) for the
/// in-app preview, which the app styles and prints with `window.print()`.
#[tauri::command]
#[specta::specta]
pub async fn print_calendar_html(
    state: State<'_, AppState>,
    options: ExportOptions,
    layout: PrintLayout,
) -> Result<String, IpcError> {
    state
        .run(move |s| s.read(|c| html::preview(c, &options, layout)))
        .await
}

/// The printable calendar saved as an HTML file; `null` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_print_calendar(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
    options: ExportOptions,
    layout: PrintLayout,
    paper: PaperSize,
    path: Option<String>,
) -> Result<Option<ExportSummary>, IpcError> {
    let picker = picker.inner().clone();
    let path = explicit(path)?;
    state
        .run(move |s| {
            let (doc, posts) = s.read(|c| html::export(c, &options, layout, paper))?;
            let name = format!("plotline-calendar-{}.html", today());
            let Some(dest) = save_path(&picker, path, &name, ("Web page", "html")) else {
                return Ok(None);
            };
            let bytes = write_file(&dest, doc.as_bytes())?;
            Ok(Some(summary(&dest, bytes, posts, 0, posts, vec![])))
        })
        .await
}

/// The whole plan as a `.plotline` bundle; `null` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_bundle(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
    path: Option<String>,
) -> Result<Option<BundleSummary>, IpcError> {
    let picker = picker.inner().clone();
    let path = explicit(path)?;
    state
        .run(move |s| {
            let name = format!("plotline-plan-{}.{}", today(), bundle::EXTENSION);
            let Some(dest) = save_path(&picker, path, &name, ("Plotline plan", bundle::EXTENSION))
            else {
                return Ok(None);
            };
            bundle::export(s, &dest).map(Some)
        })
        .await
}

/// A preview with the name of the file it is about.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Previewed<T> {
    pub file_name: String,
    pub preview: T,
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read_bytes(p: &std::path::Path, max: u64) -> plotline_core::Result<Vec<u8>> {
    let len = std::fs::metadata(p)
        .map_err(|e| Error::io(format!("Plotline could not open {}", p.display()), e))?
        .len();
    if len > max {
        return Err(Error::Invalid(format!(
            "{} is {} MB; Plotline imports files up to {} MB.",
            file_name(p),
            len.div_ceil(1024 * 1024),
            max / (1024 * 1024)
        )));
    }
    std::fs::read(p).map_err(|e| Error::io(format!("Plotline could not read {}", p.display()), e))
}

const MAX_IMPORT_BYTES: u64 = 20 * 1024 * 1024;

/// The file the user picks for an import: the explicit test path, or the native dialog (run off
/// the async runtime); `None` when the dialog is cancelled.
async fn pick_file(
    picker: &FilePicker,
    path: Option<String>,
    filter: (&'static str, &'static str),
) -> Result<Option<PathBuf>, IpcError> {
    let picker = picker.clone();
    let path = explicit(path)?;
    tauri::async_runtime::spawn_blocking(move || open_path(&picker, path, filter))
        .await
        .map_err(IpcError::internal)
}

/// A two-step import of one file format (spreadsheet, calendar file): the key of its pending
/// file, the dialog's filter, and the core functions that preview and apply the file's bytes.
struct FileImport<T> {
    kind: &'static str,
    filter: (&'static str, &'static str),
    preview: fn(&Store, &[u8]) -> plotline_core::Result<T>,
    apply: fn(&Store, &[u8]) -> plotline_core::Result<T>,
}

const CSV_IMPORT: FileImport<CsvImportPreview> = FileImport {
    kind: "csv",
    filter: ("Spreadsheet", "csv"),
    preview: csv_import::preview,
    apply: csv_import::apply,
};

const ICS_IMPORT: FileImport<IcsImportPreview> = FileImport {
    kind: "ics",
    filter: ("Calendar file", "ics"),
    preview: ics_events::preview,
    apply: ics_events::apply,
};

impl<T: Send + 'static> FileImport<T> {
    /// Pick the file, preview it (nothing is written) and remember it for [`Self::apply_pending`].
    async fn preview_picked(
        &self,
        state: &AppState,
        picker: &FilePicker,
        pending: &PendingImports,
        path: Option<String>,
    ) -> Result<Option<Previewed<T>>, IpcError> {
        let Some(file) = pick_file(picker, path, self.filter).await? else {
            return Ok(None);
        };
        let (f, preview) = (file.clone(), self.preview);
        let preview = state
            .run(move |s| preview(s, &read_bytes(&f, MAX_IMPORT_BYTES)?))
            .await?;
        pending.set(self.kind, file.clone());
        Ok(Some(Previewed {
            file_name: file_name(&file),
            preview,
        }))
    }

    /// Import the file previewed last.
    async fn apply_pending(
        &self,
        state: &AppState,
        pending: &PendingImports,
    ) -> Result<T, IpcError> {
        let (file, apply) = (pending.get(self.kind)?, self.apply);
        state
            .run(move |s| apply(s, &read_bytes(&file, MAX_IMPORT_BYTES)?))
            .await
    }
}

/// Choose a bundle and see what importing it would change (nothing is written).
#[tauri::command]
#[specta::specta]
pub async fn preview_bundle_import(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
    pending: State<'_, PendingImports>,
    path: Option<String>,
) -> Result<Option<Previewed<BundlePreview>>, IpcError> {
    let Some(file) = pick_file(&picker, path, ("Plotline plan", bundle::EXTENSION)).await? else {
        return Ok(None);
    };
    let f = file.clone();
    let preview = state.run(move |s| bundle::preview(s, &f)).await?;
    pending.set("bundle", file.clone());
    Ok(Some(Previewed {
        file_name: file_name(&file),
        preview,
    }))
}

/// Import the previewed bundle with the user's choice for every conflict (one transaction).
#[tauri::command]
#[specta::specta]
pub async fn apply_bundle_import(
    state: State<'_, AppState>,
    pending: State<'_, PendingImports>,
    choices: Vec<ImportChoice>,
) -> Result<BundleImportReport, IpcError> {
    let file = pending.get("bundle")?;
    state.run(move |s| bundle::apply(s, &file, &choices)).await
}

/// Choose a spreadsheet (Plotline or Buffer CSV) and preview its posts and row errors.
#[tauri::command]
#[specta::specta]
pub async fn preview_csv_import(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
    pending: State<'_, PendingImports>,
    path: Option<String>,
) -> Result<Option<Previewed<CsvImportPreview>>, IpcError> {
    CSV_IMPORT
        .preview_picked(&state, &picker, &pending, path)
        .await
}

/// Import the previewed spreadsheet (all or nothing).
#[tauri::command]
#[specta::specta]
pub async fn apply_csv_import(
    state: State<'_, AppState>,
    pending: State<'_, PendingImports>,
) -> Result<CsvImportPreview, IpcError> {
    CSV_IMPORT.apply_pending(&state, &pending).await
}

/// Choose a calendar file and preview the events it would add to the events lane.
#[tauri::command]
#[specta::specta]
pub async fn preview_ics_import(
    state: State<'_, AppState>,
    picker: State<'_, FilePicker>,
    pending: State<'_, PendingImports>,
    path: Option<String>,
) -> Result<Option<Previewed<IcsImportPreview>>, IpcError> {
    ICS_IMPORT
        .preview_picked(&state, &picker, &pending, path)
        .await
}

/// Add the previewed calendar file's events to the events lane.
#[tauri::command]
#[specta::specta]
pub async fn apply_ics_import(
    state: State<'_, AppState>,
    pending: State<'_, PendingImports>,
) -> Result<IcsImportPreview, IpcError> {
    ICS_IMPORT.apply_pending(&state, &pending).await
}
