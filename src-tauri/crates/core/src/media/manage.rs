//! The library as the app uses it: search and sort, several imports at once, delete
//! (files go only when no post uses the photo), photos attached to posts, live variant
//! previews and exporting a library photo's variants.

use std::path::Path;

use base64::Engine as _;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::export::{self, ExportedVariant};
use super::geometry::Focal;
use super::library::{self, MediaItem};
use super::probe;
use super::render::{self, Background, Mode, RenderOptions};
use super::serve::{self, MediaFile};
use super::targets::{self, VariantTarget};
use crate::clock::now;
use crate::error::{Error, Result};
use crate::Store;

/// Photos attached to posts (schema: one appended migration).
pub const SCHEMA_POST_MEDIA: &str = "
CREATE TABLE post_media (
    post_id     TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    media_id    TEXT NOT NULL REFERENCES media_items (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL CHECK (position >= 0),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (post_id, media_id)
) STRICT;
CREATE INDEX post_media_media ON post_media (media_id);
";

/// Photos chosen for one platform of a post instead of the post's own (schema: one appended
/// migration). A platform without rows here uses the post's photos, as a variant without
/// its own text uses the master text.
pub const SCHEMA_VARIANT_MEDIA: &str = "
CREATE TABLE variant_media (
    post_id     TEXT NOT NULL,
    platform    TEXT NOT NULL,
    media_id    TEXT NOT NULL REFERENCES media_items (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL CHECK (position >= 0),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (post_id, platform, media_id),
    FOREIGN KEY (post_id, platform) REFERENCES post_variants (post_id, platform) ON DELETE CASCADE
) STRICT;
CREATE INDEX variant_media_media ON variant_media (media_id);
";

/// Most photos one post can carry (Instagram and X carousels: up to 10 and 4).
pub const MAX_MEDIA_PER_POST: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MediaSort {
    #[default]
    Newest,
    Oldest,
    Name,
    Largest,
}

/// Library search: words match the name, alt text or a tag (all words must match).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MediaQuery {
    pub search: String,
    pub sort: MediaSort,
}

/// A library photo with how many posts use it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MediaListItem {
    #[serde(flatten)]
    pub item: MediaItem,
    pub used_by_posts: u32,
}

/// Search and sort the library.
pub fn search(conn: &Connection, q: &MediaQuery) -> Result<Vec<MediaListItem>> {
    let words: Vec<String> = q
        .search
        .split_whitespace()
        .map(|w| w.trim_start_matches('#').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let mut items: Vec<MediaItem> = library::list(conn)?
        .into_iter()
        .filter(|m| {
            words.iter().all(|w| {
                m.original_name.to_lowercase().contains(w.as_str())
                    || m.alt_text.to_lowercase().contains(w.as_str())
                    || m.tags.iter().any(|t| t.contains(w.as_str()))
            })
        })
        .collect();
    match q.sort {
        MediaSort::Newest => {} // library::list is newest first
        MediaSort::Oldest => items.reverse(),
        MediaSort::Name => items.sort_by(|a, b| {
            a.original_name
                .to_lowercase()
                .cmp(&b.original_name.to_lowercase())
                .then_with(|| a.id.cmp(&b.id))
        }),
        MediaSort::Largest => items.sort_by(|a, b| {
            (u64::from(b.width) * u64::from(b.height))
                .cmp(&(u64::from(a.width) * u64::from(a.height)))
                .then_with(|| a.id.cmp(&b.id))
        }),
    }
    let mut stmt = conn.prepare(
        "SELECT count(*) FROM (SELECT post_id FROM post_media WHERE media_id = ?1
                               UNION SELECT post_id FROM variant_media WHERE media_id = ?1)",
    )?;
    items
        .into_iter()
        .map(|item| {
            let used: u32 = stmt.query_row([&item.id], |r| r.get(0))?;
            Ok(MediaListItem {
                item,
                used_by_posts: used,
            })
        })
        .collect()
}

/// One file that could not be imported, with the reason in the owner's words.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportFailure {
    pub name: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub imported: Vec<MediaItem>,
    pub failed: Vec<ImportFailure>,
}

/// Import several files, one after the other; one bad file does not stop the others.
///
/// Sequential on purpose (measured on 20 camera JPEGs of 18-20 MP, two of them
/// progressive): two workers peaked at 184 MiB and were no faster (14.0 s vs 13.3 s), since
/// writing and fsyncing originals dominates; one at a time peaks at 109 MiB. A progressive
/// JPEG needs libjpeg's whole-image coefficient buffer (~54 MB for 5640x3172 4:2:0) even
/// when shrunk on load, so that is the floor per photo. Other decodes (previews, exports)
/// still share the process-wide cap of [`render::MAX_CONCURRENT_DECODES`].
pub fn import_many(store: &Store, paths: &[std::path::PathBuf]) -> Result<ImportReport> {
    let mut report = ImportReport {
        imported: Vec::new(),
        failed: Vec::new(),
    };
    for path in paths {
        match library::import_file(store, path) {
            Ok(item) => {
                if !report.imported.iter().any(|m| m.id == item.id) {
                    report.imported.push(item);
                }
            }
            Err(e) => report.failed.push(ImportFailure {
                name: export::display_name(path),
                message: e.to_string(),
            }),
        }
    }
    Ok(report)
}

/// A photo that was kept because posts use it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MediaInUse {
    pub id: String,
    pub name: String,
    pub post_titles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeleteMediaReport {
    pub deleted: Vec<String>,
    /// Not deleted: remove them from these posts first.
    pub in_use: Vec<MediaInUse>,
}

fn post_titles_using(conn: &Connection, media_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT p.title FROM posts p WHERE p.id IN (
             SELECT post_id FROM post_media WHERE media_id = ?1
             UNION SELECT post_id FROM variant_media WHERE media_id = ?1)
         ORDER BY p.title",
    )?;
    let rows = stmt.query_map([media_id], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Delete photos from the library. A photo a post uses is kept (and reported); the others'
/// rows are deleted in one transaction, then their files.
pub fn delete(store: &Store, ids: &[String]) -> Result<DeleteMediaReport> {
    let (report, gone) = store.write(|tx| {
        let mut report = DeleteMediaReport {
            deleted: Vec::new(),
            in_use: Vec::new(),
        };
        let mut gone = Vec::new();
        for id in ids {
            let Some(item) = library::get(tx, id).map(Some).or_else(|e| match e {
                Error::NotFound(_) => Ok(None),
                e => Err(e),
            })?
            else {
                continue; // already gone: deleting twice is fine
            };
            let titles = post_titles_using(tx, id)?;
            if !titles.is_empty() {
                report.in_use.push(MediaInUse {
                    id: id.clone(),
                    name: item.original_name.clone(),
                    post_titles: titles,
                });
                continue;
            }
            tx.execute("DELETE FROM media_items WHERE id = ?1", [id])?;
            report.deleted.push(id.clone());
            gone.push(item);
        }
        Ok((report, gone))
    })?;
    // After the commit: a crash here leaves an orphan file, never a row without its file.
    let dir = store.data_dir();
    for item in gone {
        for f in [
            library::originals_dir(dir)
                .join(library::original_file_name(&item.sha256, item.format)),
            library::thumbs_dir(dir).join(library::thumb_file_name(&item.sha256)),
        ] {
            let _ = std::fs::remove_file(f);
        }
    }
    Ok(report)
}

/// Photos attached to a post, in order.
pub fn for_post(conn: &Connection, post_id: &str) -> Result<Vec<MediaItem>> {
    let mut stmt = conn.prepare(
        "SELECT media_id FROM post_media WHERE post_id = ?1 ORDER BY position, media_id",
    )?;
    let ids = stmt
        .query_map([post_id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    ids.iter().map(|id| library::get(conn, id)).collect()
}

/// Replace the photos attached to a post (in the given order). Safe to repeat.
pub fn set_post_media(
    tx: &Connection,
    post_id: &str,
    media_ids: &[String],
) -> Result<Vec<MediaItem>> {
    let exists: Option<String> = tx
        .query_row("SELECT id FROM posts WHERE id = ?1", [post_id], |r| {
            r.get(0)
        })
        .optional()?;
    if exists.is_none() {
        return Err(crate::content::posts::not_found());
    }
    let unique = checked_media_ids(tx, media_ids)?;
    tx.execute("DELETE FROM post_media WHERE post_id = ?1", [post_id])?;
    let ts = now();
    for (i, id) in unique.iter().enumerate() {
        tx.execute(
            "INSERT INTO post_media (post_id, media_id, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![post_id, id, i as i64, ts],
        )?;
    }
    for_post(tx, post_id)
}

/// `media_ids` without repeats, at most [`MAX_MEDIA_PER_POST`], every one in the library.
fn checked_media_ids<'a>(conn: &Connection, media_ids: &'a [String]) -> Result<Vec<&'a String>> {
    let mut unique: Vec<&String> = Vec::new();
    for id in media_ids {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    if unique.len() > MAX_MEDIA_PER_POST {
        return Err(Error::field(
            "media",
            format!("A post can have up to {MAX_MEDIA_PER_POST} photos. Remove a few."),
        ));
    }
    for id in &unique {
        library::get(conn, id)?;
    }
    Ok(unique)
}

/// The photos one platform of a post gets: its own choice, else the post's photos.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VariantMedia {
    pub platform: String,
    /// True when this platform has its own photos instead of the post's.
    pub own: bool,
    pub media: Vec<MediaItem>,
}

fn own_variant_media(conn: &Connection, post_id: &str, platform: &str) -> Result<Vec<MediaItem>> {
    let mut stmt = conn.prepare(
        "SELECT media_id FROM variant_media WHERE post_id = ?1 AND platform = ?2
         ORDER BY position, media_id",
    )?;
    let ids = stmt
        .query_map([post_id, platform], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    ids.iter().map(|id| library::get(conn, id)).collect()
}

/// Every platform of a post with the photos it gets (own or the post's), in the post's
/// platform order.
pub fn for_variants(conn: &Connection, post_id: &str) -> Result<Vec<VariantMedia>> {
    let post = crate::content::posts::get(conn, post_id)?;
    let shared = for_post(conn, post_id)?;
    post.platforms()
        .into_iter()
        .map(|platform| {
            let own = own_variant_media(conn, post_id, &platform)?;
            Ok(if own.is_empty() {
                VariantMedia {
                    platform,
                    own: false,
                    media: shared.clone(),
                }
            } else {
                VariantMedia {
                    platform,
                    own: true,
                    media: own,
                }
            })
        })
        .collect()
}

/// Choose the photos for one platform of a post (in order); an empty list goes back to the
/// post's photos. Safe to repeat.
pub fn set_variant_media(
    tx: &Connection,
    post_id: &str,
    platform: &str,
    media_ids: &[String],
) -> Result<VariantMedia> {
    let post = crate::content::posts::get(tx, post_id)?;
    if !post.platforms().iter().any(|p| p == platform) {
        return Err(Error::field(
            "platform",
            "This post is not planned for that platform. Add the platform to the post first.",
        ));
    }
    let unique = checked_media_ids(tx, media_ids)?;
    tx.execute(
        "DELETE FROM variant_media WHERE post_id = ?1 AND platform = ?2",
        [post_id, platform],
    )?;
    let ts = now();
    for (i, id) in unique.iter().enumerate() {
        tx.execute(
            "INSERT INTO variant_media (post_id, platform, media_id, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![post_id, platform, id, i as i64, ts],
        )?;
    }
    for_variants(tx, post_id)?
        .into_iter()
        .find(|v| v.platform == platform)
        .ok_or_else(crate::content::posts::not_found)
}

/// How a variant is made, as the preview screen and export send it.
#[derive(Debug, Clone, PartialEq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VariantRequest {
    /// `platform:placement` keys; see [`targets::key`].
    pub targets: Vec<String>,
    pub mode: Mode,
    /// Fit only: blurred copy of the photo (true) or a solid colour.
    pub blur: bool,
    /// Fit with a solid colour: `#rrggbb`.
    pub color: String,
    /// When set, the focal point to use instead of the saved one (live preview while dragging).
    pub focal_x: Option<f64>,
    pub focal_y: Option<f64>,
}

/// A target the preview screen can offer.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TargetInfo {
    pub key: String,
    pub platform: String,
    /// The platform's name from the catalogue, in English and Japanese.
    pub platform_name: crate::platforms::Localized,
    pub placement: String,
    pub width: u32,
    pub height: u32,
    #[specta(type = f64)]
    pub max_bytes: u64,
    pub safe_zones: bool,
}

pub fn target_infos() -> Vec<TargetInfo> {
    targets::all()
        .iter()
        .map(|t| TargetInfo {
            key: targets::key(t),
            platform: t.platform.into(),
            platform_name: crate::platforms::find(t.platform)
                .map(|p| p.names.clone())
                .unwrap_or_else(|| crate::platforms::Localized {
                    en: t.platform.into(),
                    ja: t.platform.into(),
                }),
            placement: t.placement.into(),
            width: t.width,
            height: t.height,
            max_bytes: t.max_bytes,
            safe_zones: targets::has_safe_zones(t.placement),
        })
        .collect()
}

/// A small rendering of one variant, as a data URL.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VariantPreview {
    pub key: String,
    pub width: u32,
    pub height: u32,
    pub data_url: String,
}

/// Longest side of a preview image.
pub const PREVIEW_SIDE: u32 = 240;

fn options(item: &MediaItem, req: &VariantRequest) -> Result<RenderOptions> {
    let background = if req.blur {
        Background::Blur
    } else {
        Background::Color(parse_color(&req.color)?)
    };
    Ok(RenderOptions {
        mode: req.mode,
        focal: Focal {
            x: req.focal_x.unwrap_or(item.focal_x),
            y: req.focal_y.unwrap_or(item.focal_y),
        }
        .clamped(),
        background,
    })
}

fn parse_color(s: &str) -> Result<[u8; 3]> {
    let hex = s.trim().trim_start_matches('#');
    let byte = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .ok_or_else(|| Error::field("color", "Pick a colour like #f5efe6."))
    };
    if hex.len() != 6 {
        return Err(Error::field("color", "Pick a colour like #f5efe6."));
    }
    Ok([byte(0)?, byte(2)?, byte(4)?])
}

/// Live previews: every requested target rendered small from the library thumbnail
/// (a 480 px JPEG decodes in about a millisecond), returned inline as data URLs.
pub fn preview(store: &Store, id: &str, req: &VariantRequest) -> Result<Vec<VariantPreview>> {
    let item = store.read(|c| library::get(c, id))?;
    let opts = options(&item, req)?;
    let chosen = targets::by_keys(&req.targets)?;
    let small: Vec<VariantTarget> = chosen
        .iter()
        .map(|t| {
            let s = f64::from(PREVIEW_SIDE) / f64::from(t.width.max(t.height));
            VariantTarget {
                width: ((f64::from(t.width) * s).round() as u32).max(1),
                height: ((f64::from(t.height) * s).round() as u32).max(1),
                max_bytes: u64::MAX,
                ..*t
            }
        })
        .collect();
    let path = store.read(|c| serve::resolve(c, store.data_dir(), id, MediaFile::Thumbnail))?;
    let data = export::read_photo(&path)?;
    let (_, rendered) = render::variants_from_bytes(&data, &item.original_name, &small, &opts)?;
    Ok(rendered
        .into_iter()
        .map(|r| {
            let mime = match r.format {
                probe::MediaFormat::Png => "image/png",
                _ => "image/jpeg",
            };
            VariantPreview {
                key: targets::key(&r.target),
                width: r.target.width,
                height: r.target.height,
                data_url: format!(
                    "data:{mime};base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(&r.bytes)
                ),
            }
        })
        .collect())
}

/// Export the chosen variants of a library photo into `out_dir` (atomic writes), named
/// after the photo's original name.
pub fn export_item(
    store: &Store,
    id: &str,
    req: &VariantRequest,
    out_dir: &Path,
    today: chrono::NaiveDate,
) -> Result<Vec<ExportedVariant>> {
    let item = store.read(|c| library::get(c, id))?;
    let opts = options(&item, req)?;
    let chosen = targets::by_keys(&req.targets)?;
    let path = store.read(|c| serve::resolve(c, store.data_dir(), id, MediaFile::Original))?;
    export::export_named(&path, &item.original_name, &chosen, &opts, out_dir, today)
}

/// What "Export images" wrote for one post.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PostImagesReport {
    /// The folder made for the post inside the chosen folder.
    pub folder: String,
    pub files: Vec<ExportedVariant>,
    /// Platforms of the post Plotline has no image size for (they take the photo as it is).
    pub as_is: Vec<String>,
}

/// The size a post of `format` needs on `platform`: Stories get the story size, feed posts
/// the tallest feed size the platform has (portrait 4:5 fills more of a phone screen than
/// square), else its landscape or thumbnail size. `None` when Plotline has no size for it.
pub fn target_for_post(platform: &str, format: crate::content::Format) -> Option<VariantTarget> {
    let preference: &[&str] = if format == crate::content::Format::Story {
        &["story", "feed_portrait", "feed_square", "landscape"]
    } else {
        &["feed_portrait", "feed_square", "landscape", "thumbnail"]
    };
    preference.iter().find_map(|placement| {
        targets::all()
            .iter()
            .find(|t| t.platform == platform && t.placement == *placement)
            .copied()
    })
}

/// Export, for each photo of the post, the size each platform using it needs (a platform's
/// own photos, else the post's; cropped around the photo's focal point) into a new folder
/// `<date>_<title>` inside `out_dir`. The photos are what the owner uploads by hand.
pub fn export_for_post(
    store: &Store,
    post_id: &str,
    out_dir: &Path,
    today: chrono::NaiveDate,
) -> Result<PostImagesReport> {
    let (post, per_platform) = store.read(|c| {
        Ok((
            crate::content::posts::get(c, post_id)?,
            for_variants(c, post_id)?,
        ))
    })?;
    if per_platform.iter().all(|v| v.media.is_empty()) {
        return Err(Error::Conflict(
            "This post has no photos yet. Attach photos in the post's editor, then export them."
                .into(),
        ));
    }
    // Photo → the sizes it is needed in, in the post's photo order.
    let mut jobs: Vec<(MediaItem, Vec<VariantTarget>)> = Vec::new();
    let mut as_is = Vec::new();
    for v in &per_platform {
        let Some(t) = target_for_post(&v.platform, post.format) else {
            as_is.push(v.platform.clone());
            continue;
        };
        for item in &v.media {
            match jobs.iter_mut().find(|(m, _)| m.id == item.id) {
                Some((_, targets)) if !targets.contains(&t) => targets.push(t),
                Some(_) => {}
                None => jobs.push((item.clone(), vec![t])),
            }
        }
    }
    if jobs.is_empty() {
        let names: Vec<String> = as_is
            .iter()
            .map(|id| crate::platforms::find(id).map_or_else(|| id.clone(), |p| p.names.en.clone()))
            .collect();
        return Err(Error::Conflict(format!(
            "{} take the photos as they are: upload the originals from the Media library.",
            names.join(", ")
        )));
    }
    let date = post
        .time
        .as_ref()
        .and_then(|t| t.local.get(..10))
        .map_or_else(|| today.format("%Y-%m-%d").to_string(), str::to_string);
    let folder = out_dir.join(format!("{date}_{}", export::slug(&post.title)));
    let mut files = Vec::new();
    for (n, (item, chosen)) in jobs.iter().enumerate() {
        let path =
            store.read(|c| serve::resolve(c, store.data_dir(), &item.id, MediaFile::Original))?;
        let opts = RenderOptions {
            mode: Mode::Fill,
            focal: Focal {
                x: item.focal_x,
                y: item.focal_y,
            }
            .clamped(),
            background: Background::Blur,
        };
        // Numbered so the carousel order survives in the file names.
        let name = format!("{:02}-{}", n + 1, item.original_name);
        files.extend(export::export_named(
            &path, &name, chosen, &opts, &folder, today,
        )?);
    }
    Ok(PostImagesReport {
        folder: folder.display().to_string(),
        files,
        as_is,
    })
}
