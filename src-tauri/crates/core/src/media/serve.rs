//! R3: the WebView never reads files by path. A future `plotline-media://` scheme hands
//! this module a media id; it answers with a file strictly inside `media/` or NotFound.

use std::path::{Component, Path, PathBuf};

use rusqlite::Connection;

use super::library;
use crate::error::{Error, Result};
use crate::paths::DataDir;

/// Which file of a photo to serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaFile {
    Original,
    Thumbnail,
}

fn not_found() -> Error {
    Error::NotFound("That photo is not in the library.".into())
}

/// Resolve `id` (as received from the WebView) to a file inside the media folder.
/// Anything but a canonical UUID known to the library, or a file that resolves outside
/// `media/` (e.g. through a symlink), is NotFound.
pub fn resolve(conn: &Connection, dir: &DataDir, id: &str, kind: MediaFile) -> Result<PathBuf> {
    let parsed = uuid::Uuid::try_parse(id).map_err(|_| not_found())?;
    if parsed.hyphenated().to_string() != id {
        return Err(not_found());
    }
    let item = match library::get(conn, id) {
        Ok(item) => item,
        Err(Error::NotFound(_)) => return Err(not_found()),
        Err(e) => return Err(e),
    };
    if item.sha256.len() != 64 || !item.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_found());
    }
    let rel = match kind {
        MediaFile::Original => {
            Path::new("originals").join(library::original_file_name(&item.sha256, item.format))
        }
        MediaFile::Thumbnail => Path::new("thumbs").join(library::thumb_file_name(&item.sha256)),
    };
    resolve_inside(&dir.media_dir(), &rel)
}

/// Parse the path of a media URL (`/original/<id>` or `/thumb/<id>`) into the id and the
/// file wanted. Anything else (extra segments, query-like junk, encoded slashes) is None.
pub fn parse_request_path(path: &str) -> Option<(&str, MediaFile)> {
    let rest = path.strip_prefix('/')?;
    let (kind, id) = rest.split_once('/')?;
    let kind = match kind {
        "original" => MediaFile::Original,
        "thumb" => MediaFile::Thumbnail,
        _ => return None,
    };
    let canonical = uuid::Uuid::try_parse(id).ok()?.hyphenated().to_string() == id;
    canonical.then_some((id, kind))
}

/// The Content-Type to serve a media file with, from its first bytes (never its name).
pub fn content_type(bytes: &[u8]) -> &'static str {
    match super::probe::sniff(bytes, "") {
        Ok(super::MediaFormat::Jpeg) => "image/jpeg",
        Ok(super::MediaFormat::Png) => "image/png",
        Ok(super::MediaFormat::Webp) => "image/webp",
        Err(_) => "application/octet-stream",
    }
}

/// Join `rel` to `root` only if it is a plain relative path (no `..`, no root, no glob
/// characters) and the real file (symlinks resolved) is a regular file inside `root`.
pub fn resolve_inside(root: &Path, rel: &Path) -> Result<PathBuf> {
    let text = rel.to_str().ok_or_else(not_found)?;
    if text.is_empty() || text.contains(['*', '?', '[', ']', '{', '}', '\\', '\0']) {
        return Err(not_found());
    }
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(not_found());
    }
    let real_root = root.canonicalize().map_err(|_| not_found())?;
    let real = root.join(rel).canonicalize().map_err(|_| not_found())?;
    if !real.starts_with(&real_root) || !real.is_file() {
        return Err(not_found());
    }
    Ok(real)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paths_to_real_files_inside_the_folder_resolve() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("media");
        std::fs::create_dir_all(root.join("originals")).expect("mkdir");
        std::fs::write(root.join("originals/a.jpg"), b"x").expect("write");
        std::fs::write(tmp.path().join("secret.txt"), b"s").expect("write");

        assert!(resolve_inside(&root, Path::new("originals/a.jpg")).is_ok());
        for bad in [
            "../secret.txt",
            "originals/../../secret.txt",
            "originals/../originals/a.jpg",
            "/etc/passwd",
            "originals/*.jpg",
            "originals/a?jpg",
            "originals/[a].jpg",
            "originals/missing.jpg",
            "originals",
            "",
            "./originals/a.jpg",
        ] {
            let err = resolve_inside(&root, Path::new(bad)).expect_err(bad);
            assert!(matches!(err, Error::NotFound(_)), "{bad}: {err:?}");
        }
    }

    #[test]
    fn only_well_formed_media_urls_parse() {
        let id = "0190c3a4-1234-7000-8000-00000000abcd";
        assert_eq!(
            parse_request_path(&format!("/thumb/{id}")),
            Some((id, MediaFile::Thumbnail))
        );
        assert_eq!(
            parse_request_path(&format!("/original/{id}")),
            Some((id, MediaFile::Original))
        );
        for bad in [
            format!("/thumb/{id}/x"),
            format!("/thumb/../{id}"),
            format!("thumb/{id}"),
            format!("/other/{id}"),
            format!("/thumb/{}", id.to_uppercase()),
            "/thumb/..%2Fplotline.db".to_string(),
            "/thumb/*".to_string(),
            "/".to_string(),
        ] {
            assert_eq!(parse_request_path(&bad), None, "{bad}");
        }
        assert_eq!(content_type(&[0xFF, 0xD8, 0xFF, 0xE0]), "image/jpeg");
        assert_eq!(content_type(b"\x89PNG\r\n\x1a\n...."), "image/png");
        assert_eq!(
            content_type(b"<svg onload=alert(1)>"),
            "application/octet-stream"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_folder_are_not_found() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("media");
        std::fs::create_dir_all(root.join("originals")).expect("mkdir");
        std::fs::write(tmp.path().join("secret.txt"), b"s").expect("write");
        std::os::unix::fs::symlink(tmp.path().join("secret.txt"), root.join("originals/x.jpg"))
            .expect("symlink file");
        std::os::unix::fs::symlink(tmp.path(), root.join("up")).expect("symlink dir");
        for bad in ["originals/x.jpg", "up/secret.txt"] {
            assert!(resolve_inside(&root, Path::new(bad)).is_err(), "{bad}");
        }
        // A symlink that stays inside the folder is fine.
        std::fs::write(root.join("originals/real.jpg"), b"r").expect("write");
        std::os::unix::fs::symlink(
            root.join("originals/real.jpg"),
            root.join("originals/alias.jpg"),
        )
        .expect("symlink inside");
        assert!(resolve_inside(&root, Path::new("originals/alias.jpg")).is_ok());
    }
}
