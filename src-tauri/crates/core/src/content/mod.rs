//! Content strategy and posts (DOMAIN.md §4): pillars, content types and formats, posts
//! with per-platform variants, the approval flow with its history, comments, team
//! members, the risk-word check, UTM links and the 7-2-1 mix.

pub mod checks;
pub mod mix;
pub mod pillars;
pub mod posts;
pub mod risk;
pub mod team;
pub mod time;
pub mod utm;
pub mod workflow;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use pillars::{Pillar, PillarInput};
pub use posts::{Post, PostInput, Variant, VariantInput};
pub use workflow::{transition, TransitionInput};

/// Tables of the content and calendar domains (one migration; the lead renumbers on merge).
/// `objective_id`, `kpi_id` and persona ids point at tables of other branches: plain TEXT
/// for now, foreign keys are added when they are merged.
pub const SCHEMA: &str = "
CREATE TABLE team_members (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL CHECK (role IN ('owner', 'operator', 'manager', 'brand_legal')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE approval_settings (
    step        TEXT PRIMARY KEY CHECK (step IN ('manager_review', 'brand_check')),
    required    INTEGER NOT NULL CHECK (required IN (0, 1)),
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE pillars (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description   TEXT NOT NULL DEFAULT '',
    colour        TEXT NOT NULL,
    objective_id  TEXT,
    sort_order    INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE pillar_personas (
    pillar_id   TEXT NOT NULL REFERENCES pillars (id) ON DELETE CASCADE,
    persona_id  TEXT NOT NULL,
    PRIMARY KEY (pillar_id, persona_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE series (
    id           TEXT PRIMARY KEY,
    frequency    TEXT NOT NULL CHECK (frequency IN ('weekly', 'monthly')),
    interval     INTEGER NOT NULL CHECK (interval BETWEEN 1 AND 12),
    start_local  TEXT NOT NULL,
    until_date   TEXT,
    max_count    INTEGER NOT NULL CHECK (max_count BETWEEN 1 AND 104),
    time_zone    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE series_exceptions (
    series_id   TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    local_date  TEXT NOT NULL,
    PRIMARY KEY (series_id, local_date)
) STRICT, WITHOUT ROWID;

CREATE TABLE posts (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body            TEXT NOT NULL DEFAULT '',
    pillar_id       TEXT REFERENCES pillars (id) ON DELETE SET NULL,
    content_type    TEXT NOT NULL CHECK (content_type IN ('educational', 'entertainment', 'promotional', 'community')),
    format          TEXT NOT NULL CHECK (format IN ('photo', 'carousel', 'short_video', 'long_video', 'text', 'story', 'live', 'link')),
    objective_id    TEXT,
    kpi_id          TEXT,
    campaign_name   TEXT,
    campaign_slug   TEXT,
    scheduled_at    TEXT,
    time_zone       TEXT,
    local_time      TEXT,
    status          TEXT NOT NULL CHECK (status IN ('idea', 'draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published')),
    owner_id        TEXT REFERENCES team_members (id) ON DELETE SET NULL,
    notes           TEXT NOT NULL DEFAULT '',
    links           TEXT NOT NULL DEFAULT '[]',
    series_id       TEXT REFERENCES series (id) ON DELETE SET NULL,
    series_date     TEXT,
    series_detached INTEGER NOT NULL DEFAULT 0 CHECK (series_detached IN (0, 1)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((scheduled_at IS NULL) = (local_time IS NULL) AND (scheduled_at IS NULL) = (time_zone IS NULL)),
    CHECK (status <> 'scheduled' OR scheduled_at IS NOT NULL)
) STRICT;
CREATE INDEX posts_by_time ON posts (scheduled_at, content_type, pillar_id) WHERE scheduled_at IS NOT NULL;
CREATE INDEX posts_unscheduled ON posts (created_at) WHERE scheduled_at IS NULL;
CREATE INDEX posts_by_series ON posts (series_id, series_date) WHERE series_id IS NOT NULL;

CREATE TABLE post_personas (
    post_id     TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    persona_id  TEXT NOT NULL,
    PRIMARY KEY (post_id, persona_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE post_variants (
    id              TEXT PRIMARY KEY,
    post_id         TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    platform        TEXT NOT NULL,
    text_override   TEXT,
    hashtags        TEXT NOT NULL DEFAULT '[]',
    first_comment   TEXT,
    link_placement  TEXT NOT NULL CHECK (link_placement IN ('none', 'in_text', 'first_comment', 'link_in_bio', 'link_sticker')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (post_id, platform)
) STRICT;
CREATE INDEX post_variants_by_platform ON post_variants (platform, post_id);

CREATE TABLE post_transitions (
    id           TEXT PRIMARY KEY,
    post_id      TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    actor_id     TEXT REFERENCES team_members (id) ON DELETE SET NULL,
    actor_name   TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL
) STRICT;
CREATE INDEX post_transitions_by_post ON post_transitions (post_id, at);

CREATE TABLE post_comments (
    id           TEXT PRIMARY KEY,
    post_id      TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id    TEXT REFERENCES team_members (id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL,
    body         TEXT NOT NULL CHECK (length(trim(body)) > 0),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX post_comments_by_post ON post_comments (post_id, created_at);

CREATE TABLE post_signoffs (
    post_id      TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    step         TEXT NOT NULL CHECK (step IN ('manager_review', 'brand_check')),
    member_id    TEXT REFERENCES team_members (id) ON DELETE SET NULL,
    member_name  TEXT NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (post_id, step)
) STRICT;

CREATE TABLE risk_acknowledgements (
    post_id      TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    category     TEXT NOT NULL,
    term         TEXT NOT NULL,
    actor_name   TEXT NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (post_id, category, term)
) STRICT;

CREATE TABLE competitors (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE cadences (
    platform        TEXT PRIMARY KEY,
    posts_per_week  INTEGER NOT NULL CHECK (posts_per_week BETWEEN 0 AND 50),
    time_slots      TEXT NOT NULL DEFAULT '[]',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('launch', 'sale', 'store_event', 'other')),
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
) STRICT;
CREATE INDEX events_by_date ON events (starts_on, ends_on);
";

/// The platform ids of the catalogue (the catalogue branch owns names and text limits).
pub const PLATFORMS: &[&str] = &[
    "instagram",
    "facebook",
    "x",
    "linkedin",
    "tiktok",
    "youtube",
    "pinterest",
    "threads",
    "bluesky",
    "mastodon",
    "google_business_profile",
    "line_official_account",
];

/// Check a platform id against the catalogue list; returns the canonical id.
pub fn validate_platform(field: &str, id: &str) -> Result<&'static str> {
    let id = id.trim();
    PLATFORMS
        .iter()
        .find(|p| **p == id)
        .copied()
        .ok_or_else(|| {
            Error::field(
                field,
                format!(
                    "'{id}' is not a platform Plotline knows. Use one of: {}.",
                    PLATFORMS.join(", ")
                ),
            )
        })
}

/// Position of a platform in the catalogue order (for stable, familiar sorting).
pub fn platform_rank(id: &str) -> usize {
    PLATFORMS
        .iter()
        .position(|p| *p == id)
        .unwrap_or(PLATFORMS.len())
}

/// What a post does for the audience; the 7-2-1 guideline is about these shares.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum ContentType {
    Educational,
    Entertainment,
    Promotional,
    Community,
}

impl ContentType {
    pub const ALL: [ContentType; 4] = [
        ContentType::Educational,
        ContentType::Entertainment,
        ContentType::Promotional,
        ContentType::Community,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Photo,
    Carousel,
    ShortVideo,
    LongVideo,
    Text,
    Story,
    Live,
    Link,
}

/// Where a variant's link goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type, Default)]
#[serde(rename_all = "snake_case")]
pub enum LinkPlacement {
    #[default]
    None,
    InText,
    FirstComment,
    LinkInBio,
    LinkSticker,
}

/// The approval flow: idea → draft → in_review → approved → scheduled → published, with
/// `changes_requested` as the way back from review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    Idea,
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Scheduled,
    Published,
}

impl PostStatus {
    pub const ALL: [PostStatus; 7] = [
        PostStatus::Idea,
        PostStatus::Draft,
        PostStatus::InReview,
        PostStatus::ChangesRequested,
        PostStatus::Approved,
        PostStatus::Scheduled,
        PostStatus::Published,
    ];

    /// A short English label for messages.
    pub fn label(self) -> &'static str {
        match self {
            PostStatus::Idea => "Idea",
            PostStatus::Draft => "Draft",
            PostStatus::InReview => "In review",
            PostStatus::ChangesRequested => "Changes requested",
            PostStatus::Approved => "Approved",
            PostStatus::Scheduled => "Scheduled",
            PostStatus::Published => "Published",
        }
    }
}

/// The named pillar colours; the UI maps each to the design token `--pillar-<name>`.
pub const PILLAR_COLOURS: &[&str] = &[
    "leaf", "sky", "sun", "rose", "violet", "sand", "teal", "slate",
];

/// A URL-safe ASCII slug (`Spring Sale 2026!` → `spring-sale-2026`); empty for text with
/// no ASCII letters or digits (e.g. Japanese).
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.trim().chars() {
        let c = fold_width(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out.chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// Full-width ASCII forms (Ａ, ｎ, ．, １) to their ASCII letters; other characters unchanged.
pub(crate) fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

pub(crate) fn json_list(v: &[String]) -> Result<String> {
    serde_json::to_string(v).map_err(|e| Error::Invalid(format!("A list could not be stored: {e}")))
}

pub(crate) fn parse_list(s: String, idx: usize) -> rusqlite::Result<Vec<String>> {
    serde_json::from_str(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_dashed() {
        assert_eq!(slugify("  Spring Sale 2026! "), "spring-sale-2026");
        assert_eq!(slugify("春のパン祭り"), "");
        assert_eq!(slugify("ＳＡＬＥ　２０２６"), "sale-2026");
    }

    #[test]
    fn platforms_are_validated() {
        assert_eq!(validate_platform("platform", " x ").expect("known"), "x");
        let e = validate_platform("platform", "myspace").expect_err("unknown");
        assert_eq!(e.field_name(), Some("platform"));
    }
}
