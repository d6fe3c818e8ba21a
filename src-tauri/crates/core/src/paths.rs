//! Where Plotline keeps its data: one SQLite file plus `media/` and `backups/`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The app identifier; the OS app-data folder is named after it (as Tauri does).
pub const APP_IDENTIFIER: &str = "com.plotline.app";
/// Environment variable that overrides the data folder for the app and the CLI.
pub const DATA_DIR_ENV: &str = "PLOTLINE_DATA_DIR";
pub const DB_FILE: &str = "plotline.db";

/// Proof that this process holds the data folder (see [`DataDir::lock`]).
#[derive(Debug)]
pub struct DataDirLock {
    _file: std::fs::File,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// `explicit` (the CLI's `--data-dir`) wins, then `PLOTLINE_DATA_DIR`, then the OS
    /// app-data folder (`~/.local/share/com.plotline.app` on Linux).
    pub fn resolve(explicit: Option<PathBuf>) -> Result<Self> {
        let env = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty());
        Self::resolve_from(explicit, env.map(PathBuf::from), dirs::data_dir())
    }

    fn resolve_from(
        explicit: Option<PathBuf>,
        env: Option<PathBuf>,
        os_data_dir: Option<PathBuf>,
    ) -> Result<Self> {
        if let Some(dir) = explicit.or(env) {
            return Ok(Self::at(dir));
        }
        os_data_dir
            .map(|d| Self::at(d.join(APP_IDENTIFIER)))
            .ok_or_else(|| {
                Error::NotFound(format!(
                    "Plotline could not find your user data folder. Set {DATA_DIR_ENV} to a folder \
                     where Plotline may keep its data, then start it again."
                ))
            })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
    pub fn db_path(&self) -> PathBuf {
        self.root.join(DB_FILE)
    }
    pub fn media_dir(&self) -> PathBuf {
        self.root.join("media")
    }
    pub fn backups_dir(&self) -> PathBuf {
        self.root.join("backups")
    }

    /// Hold the data folder for one running Plotline window. A second window on the same
    /// folder gets a clear "already open" error instead of two apps writing one plan.
    /// Released when the returned guard is dropped or the process ends (even by a crash).
    pub fn lock(&self) -> Result<DataDirLock> {
        self.ensure()?;
        let path = self.root.join(".plotline.lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(format!("Plotline could not open {}", path.display()), e))?;
        match file.try_lock() {
            Ok(()) => Ok(DataDirLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(Error::Conflict(format!(
                "Plotline is already open with this data folder ({}). Switch to the open \
                 Plotline window, or close it first.",
                self.root.display()
            ))),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io(
                format!(
                    "Plotline could not lock its data folder {}",
                    self.root.display()
                ),
                e,
            )),
        }
    }

    /// Create the folder layout if it is missing.
    pub fn ensure(&self) -> Result<()> {
        for dir in [self.root.clone(), self.media_dir(), self.backups_dir()] {
            std::fs::create_dir_all(&dir).map_err(|e| {
                Error::io(
                    format!(
                        "Plotline could not create its data folder {}",
                        dir.display()
                    ),
                    e,
                )
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_dir_beats_environment_and_os_default() {
        let d = DataDir::resolve_from(Some("/a".into()), Some("/b".into()), Some("/c".into()))
            .expect("resolves");
        assert_eq!(d.root(), Path::new("/a"));
    }

    #[test]
    fn environment_beats_os_default() {
        let d =
            DataDir::resolve_from(None, Some("/b".into()), Some("/c".into())).expect("resolves");
        assert_eq!(d.db_path(), Path::new("/b/plotline.db"));
    }

    #[test]
    fn os_default_uses_the_app_identifier() {
        let d = DataDir::resolve_from(None, None, Some("/home/u/.local/share".into()))
            .expect("resolves");
        assert_eq!(d.root(), Path::new("/home/u/.local/share/com.plotline.app"));
        assert_eq!(
            d.backups_dir(),
            Path::new("/home/u/.local/share/com.plotline.app/backups")
        );
    }

    #[test]
    fn a_data_folder_can_be_held_by_one_window_at_a_time() {
        let t = tempfile::tempdir().expect("tempdir");
        let dir = DataDir::at(t.path().join("d"));
        let first = dir.lock().expect("first lock");
        let err = dir.lock().expect_err("second lock must fail");
        assert_eq!(err.kind(), crate::ErrorKind::Conflict);
        assert!(err.to_string().contains("already open"), "{err}");
        drop(first);
        dir.lock()
            .expect("free again after the first window closed");
    }

    #[test]
    fn no_folder_at_all_is_a_clear_error() {
        let e = DataDir::resolve_from(None, None, None).expect_err("no folder");
        assert!(e.to_string().contains(DATA_DIR_ENV));
    }
}
