//! Writing variants to a folder: predictable names, atomic writes.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::probe::{self, MediaFormat};
use super::render::{self, RenderOptions};
use super::targets::VariantTarget;
use crate::error::{Error, Result};

/// One variant written to disk.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportedVariant {
    pub platform: String,
    pub placement: String,
    pub width: u32,
    pub height: u32,
    pub path: String,
    #[specta(type = f64)]
    pub bytes: u64,
    pub format: MediaFormat,
    /// JPEG quality used (absent for PNG).
    pub quality: Option<u8>,
    #[specta(type = f64)]
    pub max_bytes: u64,
    /// False when the platform's size limit could not be met even at the lowest quality.
    pub fits_limit: bool,
}

/// A file-name-safe slug of a photo's name: lowercase letters and digits (any script)
/// joined by single dashes, at most 40 characters; "photo" when nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    if out.is_empty() {
        "photo".into()
    } else {
        out
    }
}

/// `2026-12-03_croissant_instagram-feed_portrait.jpg`
pub fn variant_file_name(date: &str, slug: &str, t: &VariantTarget, format: MediaFormat) -> String {
    format!(
        "{date}_{slug}_{}-{}.{}",
        t.platform.replace('_', "-"),
        t.placement,
        format.extension()
    )
}

/// Read the photo at `path` (size-capped), make every target and write them into
/// `out_dir` atomically. The date in the names is the photo's EXIF date, else `today`.
pub fn export_variants(
    path: &Path,
    targets: &[VariantTarget],
    opts: &RenderOptions,
    out_dir: &Path,
    today: chrono::NaiveDate,
) -> Result<Vec<ExportedVariant>> {
    export_named(path, &display_name(path), targets, opts, out_dir, today)
}

/// [`export_variants`] for a file whose name on disk is not the one the owner knows (a
/// library original is stored by hash): `name` is used for messages and output names.
pub fn export_named(
    path: &Path,
    name: &str,
    targets: &[VariantTarget],
    opts: &RenderOptions,
    out_dir: &Path,
    today: chrono::NaiveDate,
) -> Result<Vec<ExportedVariant>> {
    let name = name.to_string();
    let data = read_photo(path)?;
    let p = probe::probe(&data, &name)?;
    let rendered = {
        let _permit = render::DecodePermit::acquire();
        let (dw, dh) = p.displayed_size();
        let scale = render::required_scale(dw, dh, targets, opts.mode);
        let decoded = render::decode(&data, &p, scale, &name)?;
        // The compressed file is not needed any more: free it before rendering.
        drop(data);
        render::render_all(&decoded, targets, opts)?
    };
    let date = p
        .taken_at
        .as_deref()
        .and_then(|t| t.get(..10))
        .map_or_else(|| today.format("%Y-%m-%d").to_string(), str::to_string);
    let stem = Path::new(&name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug = slug(&stem);
    std::fs::create_dir_all(out_dir).map_err(|e| {
        Error::io(
            format!("Plotline could not create the folder {}", out_dir.display()),
            e,
        )
    })?;
    let mut out = Vec::with_capacity(rendered.len());
    for r in rendered {
        let file: PathBuf = out_dir.join(variant_file_name(&date, &slug, &r.target, r.format));
        crate::fsx::write_atomic(&file, |f| {
            use std::io::Write;
            f.write_all(&r.bytes)
                .map_err(|e| Error::io(format!("Plotline could not write {}", file.display()), e))
        })?;
        out.push(ExportedVariant {
            platform: r.target.platform.to_string(),
            placement: r.target.placement.to_string(),
            width: r.target.width,
            height: r.target.height,
            path: file.to_string_lossy().into_owned(),
            bytes: r.bytes.len() as u64,
            format: r.format,
            quality: r.quality,
            max_bytes: r.target.max_bytes,
            fits_limit: r.fits_limit,
        });
    }
    Ok(out)
}

pub(crate) fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Read a photo file, refusing oversized files before reading them.
pub fn read_photo(path: &Path) -> Result<Vec<u8>> {
    let name = display_name(path);
    let meta = std::fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound(format!(
                "{} does not exist. Check the path and try again.",
                path.display()
            ))
        } else {
            Error::io(format!("Plotline could not open {}", path.display()), e)
        }
    })?;
    if !meta.is_file() {
        return Err(Error::Invalid(format!("{name} is a folder, not a photo.")));
    }
    probe::check_file_size(meta.len(), &name)?;
    use std::io::Read;
    let mut data = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(probe::MAX_FILE_BYTES + 1).read_to_end(&mut data))
        .map_err(|e| Error::io(format!("Plotline could not read {}", path.display()), e))?;
    probe::check_file_size(data.len() as u64, &name)?;
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_lowercase_and_safe() {
        assert_eq!(slug("Croissant"), "croissant");
        assert_eq!(slug("IMG_2041 (copy)"), "img-2041-copy");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("メロンパン 焼きたて"), "メロンパン-焼きたて");
        assert_eq!(slug("***"), "photo");
        assert_eq!(slug(&"a".repeat(100)).len(), 40);
    }

    #[test]
    fn names_follow_date_slug_platform_placement() {
        let t = super::super::targets::all()[1];
        assert_eq!(
            variant_file_name("2026-12-03", "croissant", &t, MediaFormat::Jpeg),
            "2026-12-03_croissant_instagram-feed_portrait.jpg"
        );
        let gbp = super::super::targets::all()[8];
        assert_eq!(
            variant_file_name("2026-12-03", "c", &gbp, MediaFormat::Png),
            "2026-12-03_c_google-business-profile-landscape.png"
        );
    }
}
