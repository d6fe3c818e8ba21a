//! Media: the photo library and per-platform image variants.
//!
//! - [`probe`]: bounded ingest (R12): format by magic bytes, size caps, header checks.
//! - [`render`]: the fast path: decode once, every variant in parallel.
//! - [`geometry`]: focal-point crops, fit boxes, EXIF orientation (pure, unit-tested).
//! - [`targets`]: the platforms' sizes and upload limits.
//! - [`library`]: the content-addressed store and `media_items` table.
//! - [`manage`]: search/sort, delete, photos attached to posts, live previews, export.
//! - [`serve`]: resolving a media id to a file strictly inside `media/` (R3).
//!
//! Everything here is blocking CPU work: the shell calls it via `spawn_blocking`.

pub mod export;
pub mod geometry;
pub mod library;
pub mod manage;
pub mod probe;
pub mod render;
pub mod serve;
pub mod targets;

pub use export::{export_variants, ExportedVariant};
pub use geometry::Focal;
pub use library::{MediaItem, SCHEMA_V2};
pub use manage::{SCHEMA_POST_MEDIA, SCHEMA_VARIANT_MEDIA};
pub use probe::MediaFormat;
pub use render::{Background, Mode, RenderOptions};
pub use targets::VariantTarget;
