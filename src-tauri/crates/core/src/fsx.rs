//! File-system helpers: every user-visible file is written atomically.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Write a file atomically: a temporary file in the same folder is written, flushed to
/// disk, then renamed over `dest`, and the folder entry is synced. A crash leaves either
/// the old file or the complete new one, never a half-written file.
pub fn write_atomic(
    dest: &Path,
    write: impl FnOnce(&mut std::fs::File) -> Result<()>,
) -> Result<()> {
    let dir = parent_dir(dest);
    let mut tmp = tempfile::Builder::new()
        .prefix(".plotline-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(|e| Error::io(format!("Plotline could not write to {}", dir.display()), e))?;
    write(tmp.as_file_mut())?;
    tmp.as_file_mut()
        .flush()
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| {
            Error::io(
                format!("Plotline could not finish writing {}", dest.display()),
                e,
            )
        })?;
    tmp.persist(dest).map_err(|e| {
        Error::io(
            format!("Plotline could not save {}", dest.display()),
            e.error,
        )
    })?;
    sync_dir(dir);
    Ok(())
}

/// The folder a file lives in ("." for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Make a rename durable. Best effort: not every platform can open a folder for syncing.
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(f) = std::fs::File::open(dir) {
        let _ = f.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_the_whole_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dest = dir.path().join("out.txt");
        std::fs::write(&dest, "old contents").expect("seed");
        write_atomic(&dest, |f| {
            f.write_all(b"new").map_err(|e| Error::io("test", e))
        })
        .expect("write");
        assert_eq!(std::fs::read_to_string(&dest).expect("read"), "new");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left behind");
    }

    #[test]
    fn failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dest = dir.path().join("out.txt");
        std::fs::write(&dest, "old contents").expect("seed");
        let r = write_atomic(&dest, |f| {
            f.write_all(b"half").map_err(|e| Error::io("test", e))?;
            Err(Error::Invalid("stop half-way".into()))
        });
        assert!(r.is_err());
        assert_eq!(
            std::fs::read_to_string(&dest).expect("read"),
            "old contents"
        );
    }
}
