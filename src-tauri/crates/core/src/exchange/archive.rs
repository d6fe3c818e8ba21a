//! Safe extraction of zip archives (plan bundles), RELIABILITY.md R13.
//!
//! An archive is checked as a whole before anything is written: entry count, every name through
//! `enclosed_name()` (no `..`, no absolute paths, no drive letters), no symlinks, declared sizes
//! within the total cap, and no entry whose compression ratio betrays a zip bomb. While
//! extracting, the bytes actually produced are counted again (declared sizes can lie). Files are
//! only ever created inside the (fresh) target folder.

use std::fs;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::{Error, Result};

#[derive(Debug, Clone, Copy)]
pub struct ExtractLimits {
    pub max_entries: usize,
    pub max_total_bytes: u64,
    /// Uncompressed / compressed size above which an entry is treated as a bomb (only for
    /// entries larger than `ratio_floor_bytes`, so tiny highly-compressible files pass).
    pub max_ratio: u64,
    pub ratio_floor_bytes: u64,
}

impl Default for ExtractLimits {
    fn default() -> Self {
        ExtractLimits {
            max_entries: 20_000,
            max_total_bytes: 4 * 1024 * 1024 * 1024,
            max_ratio: 200,
            ratio_floor_bytes: 1024 * 1024,
        }
    }
}

fn bad(what: String) -> Error {
    Error::Invalid(format!(
        "This file is not a Plotline bundle Plotline can open safely: {what}. Nothing was imported."
    ))
}

/// Extract `archive` into `target` (which must exist and be empty). Returns the relative paths
/// of the files written.
pub fn extract_safely<R: Read + Seek>(
    archive: R,
    target: &Path,
    limits: &ExtractLimits,
) -> Result<Vec<PathBuf>> {
    let mut zip = zip::ZipArchive::new(archive)
        .map_err(|e| bad(format!("it is not a readable zip archive ({e})")))?;
    if zip.len() > limits.max_entries {
        return Err(bad(format!(
            "it holds {} files, more than the {} allowed",
            zip.len(),
            limits.max_entries
        )));
    }
    let not_empty = fs::read_dir(target)
        .map_err(|e| Error::io("Plotline could not open the folder for the bundle", e))?
        .next()
        .is_some();
    if not_empty {
        return Err(Error::Invalid(
            "The folder to unpack into must be empty.".into(),
        ));
    }

    // 1. Check everything before writing anything.
    let mut plan: Vec<(usize, PathBuf, bool, u64)> = Vec::with_capacity(zip.len());
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let f = zip
            .by_index_raw(i)
            .map_err(|e| bad(format!("entry {} cannot be read ({e})", i + 1)))?;
        let name = f.name().to_string();
        if f.is_symlink() {
            return Err(bad(format!("\"{name}\" is a symbolic link")));
        }
        // Backslashes and drive colons mean a path on Windows; Plotline never writes them.
        if name.contains(['\\', ':', '\0']) {
            return Err(bad(format!("\"{name}\" points outside the bundle")));
        }
        let Some(rel) = f.enclosed_name() else {
            return Err(bad(format!("\"{name}\" points outside the bundle")));
        };
        let size = f.size();
        let compressed = f.compressed_size().max(1);
        if size > limits.ratio_floor_bytes && size / compressed > limits.max_ratio {
            return Err(bad(format!(
                "\"{name}\" would expand {}× (a \"zip bomb\")",
                size / compressed
            )));
        }
        declared = declared.saturating_add(size);
        if declared > limits.max_total_bytes {
            return Err(bad(format!(
                "it would unpack to more than {} MB",
                limits.max_total_bytes / (1024 * 1024)
            )));
        }
        plan.push((i, rel, f.is_dir(), size));
    }

    // 2. Extract, counting the bytes actually produced.
    let mut written_total: u64 = 0;
    let mut written = Vec::new();
    for (i, rel, is_dir, size) in plan {
        let dest = target.join(&rel);
        // enclosed_name() guarantees a relative path without `..`; make sure of it anyway.
        if !dest.starts_with(target) {
            return Err(bad(format!(
                "\"{}\" points outside the bundle",
                rel.display()
            )));
        }
        if is_dir {
            create_dir_inside(target, &dest)?;
            continue;
        }
        if let Some(parent) = dest.parent() {
            create_dir_inside(target, parent)?;
        }
        let mut f = zip
            .by_index(i)
            .map_err(|e| bad(format!("\"{}\" cannot be read ({e})", rel.display())))?;
        // create_new: never follow or replace anything already there (e.g. a duplicate name).
        let mut out = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&dest)
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    bad(format!("\"{}\" appears twice", rel.display()))
                } else {
                    Error::io("Plotline could not unpack the bundle", e)
                }
            })?;
        let budget = size.min(limits.max_total_bytes - written_total);
        let mut limited = (&mut f).take(budget + 1);
        let n = std::io::copy(&mut limited, &mut out)
            .map_err(|e| bad(format!("\"{}\" is damaged ({e})", rel.display())))?;
        if n > size {
            return Err(bad(format!(
                "\"{}\" is larger than the archive says",
                rel.display()
            )));
        }
        out.flush()
            .map_err(|e| Error::io("Plotline could not unpack the bundle", e))?;
        written_total += n;
        written.push(rel);
    }
    Ok(written)
}

/// Create `dir` (inside `root`) and its parents, refusing to pass through anything that is not a
/// plain directory (e.g. a symlink planted by an earlier entry).
fn create_dir_inside(root: &Path, dir: &Path) -> Result<()> {
    let rel = dir
        .strip_prefix(root)
        .map_err(|_| bad(format!("\"{}\" points outside the bundle", dir.display())))?;
    let mut cur = root.to_path_buf();
    for part in rel.components() {
        cur.push(part);
        match fs::symlink_metadata(&cur) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(bad(format!("\"{}\" is not a folder", cur.display()))),
            Err(_) => fs::create_dir(&cur)
                .map_err(|e| Error::io("Plotline could not unpack the bundle", e))?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;
    use zip::write::SimpleFileOptions;

    fn build(f: impl FnOnce(&mut zip::ZipWriter<Cursor<Vec<u8>>>)) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        f(&mut w);
        w.finish().expect("finish").into_inner()
    }

    fn opts() -> SimpleFileOptions {
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)
    }

    /// A sandbox: `root/target` is where we extract; everything else under root must stay empty.
    fn sandbox() -> (tempfile::TempDir, PathBuf) {
        let root = tempfile::tempdir().expect("tmp");
        let target = root.path().join("a/b/target");
        fs::create_dir_all(&target).expect("mkdir");
        (root, target)
    }

    fn files_under(p: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![p.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).expect("read_dir") {
                let e = e.expect("entry");
                let ft = e.file_type().expect("type");
                if ft.is_dir() {
                    stack.push(e.path());
                } else {
                    out.push(e.path());
                }
            }
        }
        out
    }

    fn assert_nothing_written(root: &Path) {
        assert_eq!(
            files_under(root),
            Vec::<PathBuf>::new(),
            "files were written"
        );
    }

    #[test]
    fn a_normal_bundle_extracts() {
        let (root, target) = sandbox();
        let bytes = build(|w| {
            w.start_file("plan.json", opts()).expect("start");
            w.write_all(b"{\"version\":1}").expect("write");
            w.add_directory("media/", opts()).expect("dir");
            w.start_file("media/パン.jpg", opts()).expect("start");
            w.write_all(&[0xFF, 0xD8, 0xFF]).expect("write");
        });
        let files = extract_safely(Cursor::new(bytes), &target, &ExtractLimits::default())
            .expect("extract");
        assert_eq!(
            files,
            vec![PathBuf::from("plan.json"), PathBuf::from("media/パン.jpg")]
        );
        assert_eq!(
            fs::read(target.join("plan.json")).expect("read"),
            b"{\"version\":1}"
        );
        assert_eq!(files_under(root.path()).len(), 2);
    }

    #[test]
    fn parent_paths_and_absolute_paths_are_refused_before_writing() {
        for evil in [
            "../evil.txt",
            "../../evil.txt",
            "media/../../evil.txt",
            "/tmp/plotline-evil.txt",
            "C:\\evil.txt",
            "..\\evil.txt",
        ] {
            let (root, target) = sandbox();
            let bytes = build(|w| {
                w.start_file("plan.json", opts()).expect("start");
                w.write_all(b"{}").expect("write");
                w.start_file(evil, opts()).expect("start");
                w.write_all(b"pwned").expect("write");
            });
            let err = extract_safely(Cursor::new(bytes), &target, &ExtractLimits::default());
            let msg = err.expect_err(evil).to_string();
            assert!(
                msg.contains("points outside the bundle") || msg.contains("not a Plotline bundle"),
                "{evil}: {msg}"
            );
            assert_nothing_written(root.path());
        }
        assert!(!Path::new("/tmp/plotline-evil.txt").exists());
    }

    #[test]
    fn symlinks_are_refused_even_when_a_file_follows_through_them() {
        let (root, target) = sandbox();
        let outside = root.path().join("outside");
        fs::create_dir(&outside).expect("mkdir");
        let bytes = build(|w| {
            w.add_symlink("link", outside.to_string_lossy(), opts())
                .expect("symlink");
            w.start_file("link/evil.txt", opts()).expect("start");
            w.write_all(b"pwned").expect("write");
        });
        let msg = extract_safely(Cursor::new(bytes), &target, &ExtractLimits::default())
            .expect_err("symlink")
            .to_string();
        assert!(msg.contains("symbolic link"), "{msg}");
        assert_nothing_written(root.path());
        assert!(fs::symlink_metadata(target.join("link")).is_err());
    }

    #[test]
    fn zip_bombs_and_oversized_archives_are_refused() {
        let (root, target) = sandbox();
        let bytes = build(|w| {
            w.start_file("zeros.bin", opts()).expect("start");
            let chunk = vec![0u8; 1024 * 1024];
            for _ in 0..64 {
                w.write_all(&chunk).expect("write");
            }
        });
        assert!(
            bytes.len() < 200 * 1024,
            "the bomb is small: {}",
            bytes.len()
        );
        let msg = extract_safely(
            Cursor::new(bytes.clone()),
            &target,
            &ExtractLimits::default(),
        )
        .expect_err("bomb")
        .to_string();
        assert!(msg.contains("zip bomb"), "{msg}");
        assert_nothing_written(root.path());

        // Total cap (with the ratio check out of the way).
        let limits = ExtractLimits {
            max_total_bytes: 10 * 1024 * 1024,
            max_ratio: u64::MAX,
            ..ExtractLimits::default()
        };
        let msg = extract_safely(Cursor::new(bytes), &target, &limits)
            .expect_err("too big")
            .to_string();
        assert!(msg.contains("more than 10 MB"), "{msg}");
        assert_nothing_written(root.path());

        // Entry count cap.
        let many = build(|w| {
            for i in 0..30 {
                w.start_file(format!("f{i}"), opts()).expect("start");
            }
        });
        let limits = ExtractLimits {
            max_entries: 20,
            ..ExtractLimits::default()
        };
        let msg = extract_safely(Cursor::new(many), &target, &limits)
            .expect_err("many")
            .to_string();
        assert!(msg.contains("30 files"), "{msg}");
        assert_nothing_written(root.path());
    }

    #[test]
    fn duplicate_names_and_non_zip_files_are_refused() {
        let (_root, target) = sandbox();
        let msg = extract_safely(
            Cursor::new(b"not a zip".to_vec()),
            &target,
            &ExtractLimits::default(),
        )
        .expect_err("garbage")
        .to_string();
        assert!(msg.contains("not a readable zip"), "{msg}");
        let (_root, target) = sandbox();
        fs::write(target.join("existing"), b"x").expect("write");
        let ok = build(|w| {
            w.start_file("a", opts()).expect("start");
        });
        assert!(extract_safely(Cursor::new(ok), &target, &ExtractLimits::default()).is_err());
    }
}
