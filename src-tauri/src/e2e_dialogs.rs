//! Debug builds only: lets the end-to-end tests answer the photo dialogs, the way IPC
//! tests do with a fake picker. `PLOTLINE_E2E_PICK_FILES` (paths, one per line) answers
//! "Add photos…" and `PLOTLINE_E2E_PICK_FOLDER` answers "Export to folder…"; every other
//! dialog is the real one. Release builds do not contain this file.

use std::path::PathBuf;

use crate::dialogs::PathPicker;

pub const FILES_ENV: &str = "PLOTLINE_E2E_PICK_FILES";
pub const FOLDER_ENV: &str = "PLOTLINE_E2E_PICK_FOLDER";

pub struct ScriptedDialogs<P: PathPicker> {
    pub files: Option<Vec<PathBuf>>,
    pub folder: Option<PathBuf>,
    pub fallback: P,
}

impl<P: PathPicker> ScriptedDialogs<P> {
    /// `Some` when the environment scripts at least one answer.
    pub fn from_env(fallback: P) -> Result<Self, P> {
        let files = std::env::var(FILES_ENV).ok().map(|v| {
            v.lines()
                .filter(|l| !l.trim().is_empty())
                .map(PathBuf::from)
                .collect::<Vec<_>>()
        });
        let folder = std::env::var_os(FOLDER_ENV).map(PathBuf::from);
        if files.is_none() && folder.is_none() {
            return Err(fallback);
        }
        Ok(ScriptedDialogs {
            files,
            folder,
            fallback,
        })
    }
}

impl<P: PathPicker> PathPicker for ScriptedDialogs<P> {
    fn save(&self, suggested_name: &str, filter: (&str, &str)) -> Option<PathBuf> {
        self.fallback.save(suggested_name, filter)
    }
    fn open(&self, filter: (&str, &str)) -> Option<PathBuf> {
        self.fallback.open(filter)
    }
    fn open_many(&self, filter: (&str, &[&str])) -> Option<Vec<PathBuf>> {
        match &self.files {
            Some(f) => Some(f.clone()),
            None => self.fallback.open_many(filter),
        }
    }
    fn pick_folder(&self) -> Option<PathBuf> {
        match &self.folder {
            Some(f) => Some(f.clone()),
            None => self.fallback.pick_folder(),
        }
    }
}
