//! The photo library: originals content-addressed by SHA-256 under `media/originals/`,
//! a thumbnail per photo under `media/thumbs/`, one `media_items` row per photo.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::export::{display_name, read_photo};
use super::probe::{self, MediaFormat};
use super::render::{self, Mode, RenderOptions};
use super::targets::VariantTarget;
use crate::clock::{new_id, now};
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};
use crate::paths::DataDir;
use crate::Store;

/// Tables of the media domain (schema v2).
pub const SCHEMA_V2: &str = "
CREATE TABLE media_items (
    id             TEXT PRIMARY KEY,
    sha256         TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    original_name  TEXT NOT NULL,
    bytes          INTEGER NOT NULL CHECK (bytes > 0),
    width          INTEGER NOT NULL CHECK (width > 0),
    height         INTEGER NOT NULL CHECK (height > 0),
    format         TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
    taken_at       TEXT,
    alt_text       TEXT NOT NULL DEFAULT '',
    tags           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    focal_x        REAL NOT NULL DEFAULT 0.5 CHECK (focal_x BETWEEN 0 AND 1),
    focal_y        REAL NOT NULL DEFAULT 0.5 CHECK (focal_y BETWEEN 0 AND 1),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX media_items_created ON media_items (created_at);
";

/// Longest side of a library thumbnail.
pub const THUMB_SIDE: u32 = 480;

/// One photo in the library. `width`/`height` are as displayed (EXIF orientation applied).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MediaItem {
    pub id: String,
    pub sha256: String,
    pub original_name: String,
    #[specta(type = f64)]
    pub bytes: u64,
    pub width: u32,
    pub height: u32,
    pub format: MediaFormat,
    pub taken_at: Option<String>,
    pub alt_text: String,
    pub tags: Vec<String>,
    pub focal_x: f64,
    pub focal_y: f64,
    pub created_at: String,
    pub updated_at: String,
}

pub fn originals_dir(dir: &DataDir) -> PathBuf {
    dir.media_dir().join("originals")
}
pub fn thumbs_dir(dir: &DataDir) -> PathBuf {
    dir.media_dir().join("thumbs")
}
/// File name of an original inside `originals/` (relative, validated by [`super::serve`]).
pub fn original_file_name(sha256: &str, format: MediaFormat) -> String {
    format!("{sha256}.{}", format.extension())
}
pub fn thumb_file_name(sha256: &str) -> String {
    format!("{sha256}.jpg")
}

const COLUMNS: &str = "id, sha256, original_name, bytes, width, height, format, taken_at, \
                       alt_text, tags, focal_x, focal_y, created_at, updated_at";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MediaItem> {
    let tags: String = r.get(9)?;
    Ok(MediaItem {
        id: r.get(0)?,
        sha256: r.get(1)?,
        original_name: r.get(2)?,
        bytes: r.get::<_, i64>(3)?.max(0) as u64,
        width: r.get(4)?,
        height: r.get(5)?,
        format: from_db(r.get(6)?, 6)?,
        taken_at: r.get(7)?,
        alt_text: r.get(8)?,
        tags: serde_json::from_str(&tags).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(9, rusqlite::types::Type::Text, Box::new(e))
        })?,
        focal_x: r.get(10)?,
        focal_y: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<MediaItem> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM media_items WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound("That photo is no longer in the library.".into()))
}

pub fn find_by_sha(conn: &Connection, sha256: &str) -> Result<Option<MediaItem>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM media_items WHERE sha256 = ?1"),
            [sha256],
            from_row,
        )
        .optional()?)
}

/// Every photo, newest first.
pub fn list(conn: &Connection) -> Result<Vec<MediaItem>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM media_items ORDER BY created_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Import one photo file. Re-importing the same bytes returns the existing item and
/// writes nothing. The whole photo is decoded (to make the thumbnail) before anything is
/// recorded, so a damaged file is refused rather than half-imported.
pub fn import_file(store: &Store, path: &Path) -> Result<MediaItem> {
    let name = display_name(path);
    let data = read_photo(path)?;
    let sha256 = hex(&Sha256::digest(&data));
    if let Some(existing) = store.read(|c| find_by_sha(c, &sha256))? {
        return Ok(existing);
    }
    let p = probe::probe(&data, &name)?;
    let (width, height) = p.displayed_size();
    let dir = store.data_dir();

    // Thumbnail: the whole photo, scaled to THUMB_SIDE on its long side.
    let scale = f64::from(THUMB_SIDE) / f64::from(width.max(height));
    let (tw, th) = if scale < 1.0 {
        (
            ((f64::from(width) * scale).round() as u32).max(1),
            ((f64::from(height) * scale).round() as u32).max(1),
        )
    } else {
        (width, height)
    };
    let thumb_target = VariantTarget {
        platform: "plotline",
        placement: "thumbnail",
        width: tw,
        height: th,
        max_bytes: u64::MAX,
    };
    let thumb = {
        let _permit = render::DecodePermit::acquire();
        let decoded = render::decode(
            &data,
            &p,
            render::required_scale(width, height, &[thumb_target], Mode::Fill),
            &name,
        )?;
        let opts = RenderOptions::default();
        render::render_all(&decoded, &[thumb_target], &opts)?
            .pop()
            .ok_or_else(|| Error::Invalid(format!("{name}: no thumbnail was made.")))?
    };

    let originals = originals_dir(dir);
    let thumbs = thumbs_dir(dir);
    for d in [&originals, &thumbs] {
        std::fs::create_dir_all(d)
            .map_err(|e| Error::io(format!("Plotline could not create {}", d.display()), e))?;
    }
    write_if_missing(
        &originals.join(original_file_name(&sha256, p.format)),
        &data,
    )?;
    // Thumbnails are always JPEG-named; a transparent photo's PNG thumbnail keeps working
    // because it is served by sniffing, never by extension.
    write_if_missing(&thumbs.join(thumb_file_name(&sha256)), &thumb.bytes)?;

    let ts = now();
    let item = MediaItem {
        id: new_id(),
        sha256: sha256.clone(),
        original_name: name,
        bytes: data.len() as u64,
        width,
        height,
        format: p.format,
        taken_at: p.taken_at.clone(),
        alt_text: String::new(),
        tags: Vec::new(),
        focal_x: 0.5,
        focal_y: 0.5,
        created_at: ts.clone(),
        updated_at: ts,
    };
    store.write(|tx| {
        // Another import of the same bytes may have won the race: keep its row.
        if let Some(existing) = find_by_sha(tx, &sha256)? {
            return Ok(existing);
        }
        tx.execute(
            &format!("INSERT INTO media_items ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"),
            params![
                item.id,
                item.sha256,
                item.original_name,
                item.bytes as i64,
                item.width,
                item.height,
                to_db(&item.format)?,
                item.taken_at,
                item.alt_text,
                "[]",
                item.focal_x,
                item.focal_y,
                item.created_at,
                item.updated_at,
            ],
        )?;
        Ok(item.clone())
    })
}

/// Set the focal point crops are centred on (fractions 0..1 of width and height).
pub fn set_focal(tx: &Connection, id: &str, x: f64, y: f64) -> Result<MediaItem> {
    for (field, v) in [("focalX", x), ("focalY", y)] {
        if !(0.0..=1.0).contains(&v) {
            return Err(Error::field(
                field,
                "The focal point must lie inside the photo (between 0 and 1).",
            ));
        }
    }
    let n = tx.execute(
        "UPDATE media_items SET focal_x = ?2, focal_y = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, x, y, now()],
    )?;
    if n == 0 {
        return Err(Error::NotFound(
            "That photo is no longer in the library.".into(),
        ));
    }
    get(tx, id)
}

/// Longest alt text accepted (X allows 1,000 characters; the others less or the same).
pub const ALT_TEXT_MAX_CHARS: usize = 1000;
pub const TAGS_MAX: usize = 20;
pub const TAG_MAX_CHARS: usize = 40;

/// Alt text and tags of a photo, as edited in the library.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MediaDetailsInput {
    pub alt_text: String,
    pub tags: Vec<String>,
}

/// Save alt text and tags. Tags are trimmed, lowercased, and de-duplicated in order.
pub fn update_details(tx: &Connection, id: &str, input: &MediaDetailsInput) -> Result<MediaItem> {
    let alt = input.alt_text.trim();
    if alt.chars().count() > ALT_TEXT_MAX_CHARS {
        return Err(Error::field(
            "altText",
            format!(
                "Alt text can be up to {ALT_TEXT_MAX_CHARS} characters. Describe what matters in \
                 the photo in a sentence or two."
            ),
        ));
    }
    let mut tags: Vec<String> = Vec::new();
    for tag in &input.tags {
        let tag = tag.trim().trim_start_matches('#').trim().to_lowercase();
        if tag.is_empty() || tags.contains(&tag) {
            continue;
        }
        if tag.chars().count() > TAG_MAX_CHARS {
            return Err(Error::field(
                "tags",
                format!("A tag can be up to {TAG_MAX_CHARS} characters; shorten \"{tag}\"."),
            ));
        }
        tags.push(tag);
    }
    if tags.len() > TAGS_MAX {
        return Err(Error::field(
            "tags",
            format!("A photo can have up to {TAGS_MAX} tags. Remove a few."),
        ));
    }
    let tags_json = serde_json::to_string(&tags)
        .map_err(|e| Error::Invalid(format!("The tags could not be saved: {e}")))?;
    let n = tx.execute(
        "UPDATE media_items SET alt_text = ?2, tags = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, alt, tags_json, now()],
    )?;
    if n == 0 {
        return Err(Error::NotFound(
            "That photo is no longer in the library.".into(),
        ));
    }
    get(tx, id)
}

fn write_if_missing(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.is_file() {
        return Ok(()); // content-addressed: same name, same bytes
    }
    crate::fsx::write_atomic(path, |f| {
        use std::io::Write;
        f.write_all(bytes)
            .map_err(|e| Error::io(format!("Plotline could not write {}", path.display()), e))
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
