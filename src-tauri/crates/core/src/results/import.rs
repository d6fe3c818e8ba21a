//! Analytics CSV imports: Meta Business Suite (Facebook / Instagram post exports), X
//! analytics, LinkedIn page analytics and any other spreadsheet through a column mapping.
//!
//! Files are read with [`crate::exchange::csv::read_csv`] (strict, bounded, UTF-8 or
//! Shift_JIS). Each row is matched to a published post variant by, in order:
//! 1. the link recorded when the post was marked as published (`post_publication`), the
//!    only exact match;
//! 2. the post's URL, when an earlier snapshot of a variant stored the same permalink;
//! 3. the post's UTM content tag (`content::utm::post_content_tag`) in the row's URL or text;
//! 4. the publishing date (±1 day) and the similarity of the text (character bigrams, so
//!    Japanese works too), on the same platform.
//!
//! Links are compared through [`normalize_post_url`] (scheme, host case, `www.`, trailing
//! slash, query string and fragment ignored; Instagram `/p/`, `/reel/` and `/tv/` of one
//! code are the same post; `twitter.com` and `x.com` status links are the same post).
//!
//! [`preview`] writes nothing; [`commit`] recomputes the same preview inside the write
//! transaction and stores one snapshot per matched row, all or nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::{record_snapshot, MetricSource, Metrics, SnapshotInput};
use crate::content::utm::post_content_tag;
use crate::error::{Error, Result};
use crate::exchange::csv::{read_csv, CsvEncoding, CsvLimits, CsvTable};

/// Bigger exports are split by the networks themselves (months of posts are far below this).
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_IMPORT_ROWS: usize = 20_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ImportSource {
    Meta,
    X,
    Linkedin,
    Generic,
}

impl ImportSource {
    fn metric_source(self) -> MetricSource {
        match self {
            ImportSource::Meta => MetricSource::Meta,
            ImportSource::X => MetricSource::X,
            ImportSource::Linkedin => MetricSource::Linkedin,
            ImportSource::Generic => MetricSource::Generic,
        }
    }
}

/// What a column of the file means.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum ImportField {
    PostUrl,
    PublishedAt,
    Text,
    Platform,
    Impressions,
    Reach,
    Likes,
    Comments,
    Shares,
    Saves,
    Clicks,
    ProfileVisits,
    VideoViews,
    Conversions,
    Revenue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMapping {
    pub column: String,
    pub field: ImportField,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    pub source: ImportSource,
    /// Explicit mapping (generic imports); empty = recognise the columns by their names.
    pub mapping: Vec<ColumnMapping>,
    /// The platform of every row when the file does not say (generic imports).
    pub platform: Option<String>,
    /// The date the numbers were read (`YYYY-MM-DD`); empty = today.
    pub captured_on: Option<String>,
}

impl ImportOptions {
    pub fn new(source: ImportSource) -> Self {
        ImportOptions {
            source,
            mapping: Vec::new(),
            platform: None,
            captured_on: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The link saved with "Mark as published".
    PublishedUrl,
    /// The permalink stored by an earlier import.
    Url,
    Utm,
    DateText,
    Date,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportMatch {
    pub line: u32,
    pub variant_id: String,
    pub post_id: String,
    pub title: String,
    pub platform: String,
    pub local_time: String,
    pub matched_by: MatchKind,
    pub metrics: Metrics,
    pub post_url: Option<String>,
    /// E.g. reach above impressions: imported, but worth a look.
    pub warning: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UnmatchedRow {
    pub line: u32,
    pub text: String,
    pub date: Option<String>,
    pub platform: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    pub line: u32,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub source: ImportSource,
    /// `utf8` or `shift_jis`.
    pub encoding: String,
    pub columns: Vec<String>,
    pub mapping: Vec<ColumnMapping>,
    pub rows: u32,
    pub matched: Vec<ImportMatch>,
    pub unmatched: Vec<UnmatchedRow>,
    pub errors: Vec<RowError>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportResult {
    pub written: u32,
    pub unmatched: u32,
    pub errors: u32,
}

/// Column names as the networks' exports spell them (lower case), best first. Sources:
/// tests/fixtures/results/README.md.
const ALIASES: &[(ImportField, &[&str])] = &[
    (
        ImportField::PostUrl,
        &[
            "permalink",
            "tweet permalink",
            "post link",
            "post url",
            "post permalink",
            "url",
            "link",
            "投稿url",
            "パーマリンク",
        ],
    ),
    (
        ImportField::PublishedAt,
        &[
            "publish time",
            "created date",
            "time",
            "post date",
            "date posted",
            "published",
            "date",
            "日付",
            "投稿日",
            "投稿日時",
            "公開日時",
        ],
    ),
    (
        ImportField::Text,
        &[
            "description",
            "tweet text",
            "post text",
            "post title",
            "message",
            "caption",
            "text",
            "title",
            "本文",
            "投稿内容",
            "キャプション",
        ],
    ),
    (
        ImportField::Platform,
        &["platform", "network", "channel", "プラットフォーム", "媒体"],
    ),
    (
        ImportField::Impressions,
        &[
            "impressions",
            "views",
            "views (excluding off-site video views)",
            "インプレッション",
            "インプレッション数",
            "表示回数",
        ],
    ),
    (
        ImportField::Reach,
        &[
            "reach",
            "unique impressions",
            "members reached",
            "accounts reached",
            "リーチ",
            "リーチ数",
        ],
    ),
    (
        ImportField::Likes,
        &["likes", "reactions", "いいね", "いいね！", "いいね数"],
    ),
    (
        ImportField::Comments,
        &["comments", "replies", "コメント", "コメント数"],
    ),
    (
        ImportField::Shares,
        &["shares", "retweets", "reposts", "シェア", "シェア数"],
    ),
    (
        ImportField::Saves,
        &["saves", "bookmarks", "保存", "保存数"],
    ),
    (
        ImportField::Clicks,
        &[
            "link clicks",
            "url clicks",
            "clicks",
            "total clicks",
            "クリック",
            "クリック数",
            "リンククリック",
        ],
    ),
    (
        ImportField::ProfileVisits,
        &[
            "profile visits",
            "user profile clicks",
            "profile activity",
            "プロフィールアクセス",
            "プロフィールへのアクセス",
        ],
    ),
    (
        ImportField::VideoViews,
        &[
            "plays",
            "video views",
            "media views",
            "3-second video views",
            "再生数",
            "動画再生数",
        ],
    ),
    (
        ImportField::Conversions,
        &["conversions", "orders", "leads", "コンバージョン", "注文数"],
    ),
    (
        ImportField::Revenue,
        &["revenue", "sales", "売上", "売上金額"],
    ),
];

fn norm_header(h: &str) -> String {
    h.trim().trim_start_matches('\u{feff}').to_lowercase()
}

/// Recognise the columns by name: for each field the first alias present wins.
pub fn detect_mapping(header: &[String]) -> Vec<ColumnMapping> {
    let names: Vec<String> = header.iter().map(|h| norm_header(h)).collect();
    let mut used = BTreeSet::new();
    let mut out = Vec::new();
    for (field, aliases) in ALIASES {
        for a in *aliases {
            if let Some(i) = names.iter().position(|n| n == a) {
                if used.insert(i) {
                    out.push(ColumnMapping {
                        column: header[i].trim().to_string(),
                        field: *field,
                    });
                }
                break;
            }
        }
    }
    out
}

/// One file row, read.
struct Parsed {
    line: u32,
    url: Option<String>,
    date: Option<NaiveDate>,
    text: String,
    platform: Option<String>,
    metrics: Metrics,
}

fn parse_count(raw: &str) -> std::result::Result<Option<u32>, String> {
    let t: String = raw
        .trim()
        .chars()
        .map(crate::content::fold_width)
        .filter(|c| *c != ',' && *c != ' ')
        .collect();
    if t.is_empty() || t == "-" || t == "--" || t.eq_ignore_ascii_case("n/a") {
        return Ok(None);
    }
    let v: f64 = t
        .parse()
        .map_err(|_| format!("'{}' is not a whole number", raw.trim()))?;
    if !v.is_finite() || v < 0.0 {
        return Err(format!("'{}' is negative; counts start at 0", raw.trim()));
    }
    if v.fract() != 0.0 {
        return Err(format!("'{}' is not a whole number", raw.trim()));
    }
    if v > f64::from(u32::MAX) {
        return Err(format!("'{}' is too large", raw.trim()));
    }
    Ok(Some(v as u32))
}

fn parse_money(raw: &str) -> std::result::Result<Option<f64>, String> {
    let t: String = raw
        .trim()
        .chars()
        .map(crate::content::fold_width)
        .filter(|c| !matches!(c, ',' | ' ' | '¥' | '$' | '€' | '£' | '円'))
        .collect();
    if t.is_empty() || t == "-" {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err(format!("'{}' is not an amount of 0 or more", raw.trim())),
    }
}

/// Dates as the exports write them: ISO, US (`03/15/2025 10:00`), X's old `2024-03-15
/// 10:00 +0000` and new `Fri, Mar 15, 2024`, Japanese `2025/03/15`.
pub fn parse_when(raw: &str) -> Option<NaiveDate> {
    let t = raw.trim();
    if t.is_empty() {
        return None;
    }
    let t = t.strip_suffix(" +0000").unwrap_or(t).trim_end_matches('Z');
    let head = |n: usize| t.chars().take(n).collect::<String>();
    for (fmt, len) in [("%Y-%m-%d", 10), ("%Y/%m/%d", 10)] {
        if let Ok(d) = NaiveDate::parse_from_str(&head(len), fmt) {
            return Some(d);
        }
    }
    let first = t.split([' ', 'T']).next().unwrap_or(t);
    for fmt in ["%m/%d/%Y", "%Y/%m/%d", "%Y-%m-%d", "%Y/%-m/%-d"] {
        if let Ok(d) = NaiveDate::parse_from_str(first, fmt) {
            return Some(d);
        }
    }
    NaiveDate::parse_from_str(t, "%a, %b %d, %Y").ok()
}

fn platform_of_row(
    source: ImportSource,
    header: &[String],
    cells: &HashMap<ImportField, String>,
    all: &[String],
    fallback: Option<&str>,
) -> Option<String> {
    match source {
        ImportSource::X => Some("x".into()),
        ImportSource::Linkedin => Some("linkedin".into()),
        ImportSource::Meta => {
            let names: Vec<String> = header.iter().map(|h| norm_header(h)).collect();
            let post_type = names
                .iter()
                .position(|n| n == "post type")
                .and_then(|i| all.get(i))
                .map(|s| s.trim().to_lowercase())
                .unwrap_or_default();
            if post_type.starts_with("ig") || names.iter().any(|n| n == "account username") {
                Some("instagram".into())
            } else if names.iter().any(|n| n == "page name" || n == "page id") {
                Some("facebook".into())
            } else {
                fallback.map(String::from)
            }
        }
        ImportSource::Generic => cells
            .get(&ImportField::Platform)
            .map(|p| p.trim().to_lowercase())
            .filter(|p| !p.is_empty())
            .or_else(|| fallback.map(String::from)),
    }
}

fn parse_rows(
    table: &CsvTable,
    mapping: &[ColumnMapping],
    options: &ImportOptions,
    errors: &mut Vec<RowError>,
) -> Vec<Parsed> {
    let index: Vec<(usize, ImportField)> = mapping
        .iter()
        .filter_map(|m| {
            table
                .header
                .iter()
                .position(|h| norm_header(h) == norm_header(&m.column))
                .map(|i| (i, m.field))
        })
        .collect();
    let fallback = options
        .platform
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let mut out = Vec::new();
    'rows: for row in &table.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = u32::try_from(row.line).unwrap_or(u32::MAX);
        let mut cells: HashMap<ImportField, String> = HashMap::new();
        for (i, f) in &index {
            if let Some(c) = row.cells.get(*i) {
                cells.insert(*f, c.clone());
            }
        }
        // Meta puts a "Lifetime"/"Total" summary row under the header in some exports.
        if let Some(t) = cells.get(&ImportField::Text) {
            if cells.len() > 1
                && ["total", "lifetime", "合計"].contains(&t.trim().to_lowercase().as_str())
            {
                continue;
            }
        }
        let mut m = Metrics::default();
        for (field, slot) in [
            (ImportField::Impressions, &mut m.impressions),
            (ImportField::Reach, &mut m.reach),
            (ImportField::Likes, &mut m.likes),
            (ImportField::Comments, &mut m.comments),
            (ImportField::Shares, &mut m.shares),
            (ImportField::Saves, &mut m.saves),
            (ImportField::Clicks, &mut m.clicks),
            (ImportField::ProfileVisits, &mut m.profile_visits),
            (ImportField::VideoViews, &mut m.video_views),
            (ImportField::Conversions, &mut m.conversions),
        ] {
            if let Some(raw) = cells.get(&field) {
                match parse_count(raw) {
                    Ok(v) => *slot = v,
                    Err(why) => {
                        let col = mapping
                            .iter()
                            .find(|c| c.field == field)
                            .map(|c| c.column.as_str())
                            .unwrap_or("");
                        errors.push(RowError {
                            line,
                            message: format!("Line {}: {why} (column \"{col}\"). Fix the cell or leave it empty.", line),
                        });
                        continue 'rows;
                    }
                }
            }
        }
        if let Some(raw) = cells.get(&ImportField::Revenue) {
            match parse_money(raw) {
                Ok(v) => m.revenue = v,
                Err(why) => {
                    errors.push(RowError {
                        line,
                        message: format!(
                            "Line {}: {why} (revenue). Fix the cell or leave it empty.",
                            line
                        ),
                    });
                    continue;
                }
            }
        }
        let date_raw = cells
            .get(&ImportField::PublishedAt)
            .cloned()
            .unwrap_or_default();
        let date = parse_when(&date_raw);
        if date.is_none() && !date_raw.trim().is_empty() {
            errors.push(RowError {
                line,
                message: format!(
                    "Line {}: '{}' is not a date Plotline recognises. Use 2026-03-31 or 03/31/2026.",
                    line,
                    date_raw.trim()
                ),
            });
            continue;
        }
        if m.is_empty() {
            errors.push(RowError {
                line,
                message: format!("Line {}: no numbers to import on this line.", line),
            });
            continue;
        }
        let platform = platform_of_row(options.source, &table.header, &cells, &row.cells, fallback);
        out.push(Parsed {
            line,
            url: cells
                .get(&ImportField::PostUrl)
                .map(|u| u.trim().to_string())
                .filter(|u| !u.is_empty()),
            date,
            text: cells.get(&ImportField::Text).cloned().unwrap_or_default(),
            platform,
            metrics: m,
        });
    }
    out
}

struct Candidate {
    variant_id: String,
    post_id: String,
    title: String,
    platform: String,
    local_time: String,
    date: Option<NaiveDate>,
    text: String,
    tag: String,
    /// Normalised permalinks stored on earlier snapshots of this variant.
    urls: Vec<String>,
    /// Normalised link saved when the post was marked as published (one per post).
    published_url: Option<String>,
}

fn candidates(conn: &Connection) -> Result<Vec<Candidate>> {
    let mut stmt = conn.prepare(
        "SELECT v.id, p.id, p.title, v.platform, p.local_time, coalesce(v.text_override, p.body)
         FROM post_variants v JOIN posts p ON p.id = v.post_id
         WHERE p.status = 'published' AND p.local_time IS NOT NULL",
    )?;
    let mut out: Vec<Candidate> = stmt
        .query_map([], |r| {
            let title: String = r.get(2)?;
            let post_id: String = r.get(1)?;
            let local: String = r.get(4)?;
            Ok(Candidate {
                variant_id: r.get(0)?,
                tag: post_content_tag(&title, &post_id).to_lowercase(),
                post_id,
                title,
                platform: r.get(3)?,
                date: NaiveDate::parse_from_str(&local[..local.len().min(10)], "%Y-%m-%d").ok(),
                local_time: local,
                text: r.get(5)?,
                urls: Vec::new(),
                published_url: None,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut urls: HashMap<String, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT DISTINCT variant_id, post_url FROM metric_snapshots WHERE post_url IS NOT NULL",
    )?;
    for r in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (v, u) = r?;
        urls.entry(v).or_default().push(norm_url(&u));
    }
    let mut published: HashMap<String, String> = HashMap::new();
    let mut stmt = conn.prepare("SELECT post_id, url FROM post_publication")?;
    for r in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (post, u) = r?;
        published.insert(post, norm_url(&u));
    }
    for c in &mut out {
        c.urls = urls.remove(&c.variant_id).unwrap_or_default();
        c.published_url = published.get(&c.post_id).cloned();
    }
    Ok(out)
}

fn norm_url(u: &str) -> String {
    normalize_post_url(u)
}

/// A post link reduced to what identifies the post: `host/path`, host lower case without
/// `www.`/`m.`, no scheme, query string, fragment or trailing slash. The path keeps its case
/// (Instagram codes are case-sensitive). Instagram `/p/CODE`, `/reel/CODE`, `/reels/CODE`,
/// `/tv/CODE` and `/{user}/p/CODE` all become `instagram.com/p/CODE`; X and Twitter status
/// links become `x.com/i/status/ID`.
pub fn normalize_post_url(raw: &str) -> String {
    let t = raw.trim();
    let t = t.split(['?', '#']).next().unwrap_or(t);
    let rest = match t.find("://") {
        Some(i) if t[..i].eq_ignore_ascii_case("http") || t[..i].eq_ignore_ascii_case("https") => {
            &t[i + 3..]
        }
        _ => t,
    };
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host = host.to_lowercase();
    // A port or credentials never identify a social post; drop them.
    let host = host.rsplit('@').next().unwrap_or(&host);
    let host = host.split(':').next().unwrap_or(host);
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .unwrap_or(host);
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match host {
        "instagram.com" | "instagr.am" => {
            let code = segs
                .windows(2)
                .find_map(|w| matches!(w[0], "p" | "reel" | "reels" | "tv").then_some(w[1]));
            if let Some(code) = code {
                return format!("instagram.com/p/{code}");
            }
            format!("instagram.com/{}", segs.join("/"))
        }
        "x.com" | "twitter.com" | "mobile.twitter.com" => {
            if let Some(id) = segs
                .windows(2)
                .find_map(|w| (w[0] == "status" || w[0] == "statuses").then_some(w[1]))
            {
                return format!("x.com/i/status/{id}");
            }
            format!("x.com/{}", segs.join("/"))
        }
        _ => format!("{host}/{}", segs.join("/"))
            .trim_end_matches('/')
            .to_string(),
    }
}

/// The platform a post link belongs to, from its host.
fn platform_of_url(normalized: &str) -> Option<&'static str> {
    let host = normalized.split('/').next().unwrap_or("");
    let is = |d: &str| host == d || host.ends_with(&format!(".{d}"));
    if is("instagram.com") {
        Some("instagram")
    } else if is("facebook.com") || is("fb.com") {
        Some("facebook")
    } else if is("x.com") {
        Some("x")
    } else if is("linkedin.com") {
        Some("linkedin")
    } else if is("threads.net") || is("threads.com") {
        Some("threads")
    } else if is("tiktok.com") {
        Some("tiktok")
    } else if is("youtube.com") || is("youtu.be") {
        Some("youtube")
    } else if is("pinterest.com") || is("pin.it") {
        Some("pinterest")
    } else {
        None
    }
}

fn bigrams(s: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = s
        .chars()
        .map(crate::content::fold_width)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .take(400)
        .collect();
    let mut v: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    v.sort_unstable();
    v
}

/// Dice coefficient of the character bigrams of two texts (0 = nothing shared, 1 = same).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f64 / (x.len() + y.len()) as f64
}

const MIN_SIMILARITY: f64 = 0.35;

fn find_match<'a>(
    row: &Parsed,
    cands: &'a [Candidate],
) -> std::result::Result<(&'a Candidate, MatchKind), String> {
    let same_platform = |c: &&Candidate| row.platform.as_deref().is_none_or(|p| p == c.platform);
    if let Some(u) = &row.url {
        let n = norm_url(u);
        let published: Vec<&Candidate> = cands
            .iter()
            .filter(same_platform)
            .filter(|c| c.published_url.as_deref() == Some(n.as_str()))
            .collect();
        // One link per post: when the file does not say the platform and the post went out
        // on several, the link's own site tells which variant it is.
        let pick = match published.as_slice() {
            [one] => Some(*one),
            [] => None,
            several => {
                let by_host: Vec<&&Candidate> = several
                    .iter()
                    .filter(|c| platform_of_url(&n) == Some(c.platform.as_str()))
                    .collect();
                match by_host.as_slice() {
                    [one] => Some(**one),
                    _ => return Err(
                        "this is the link of a post published on several platforms; say which platform the file is for"
                            .into(),
                    ),
                }
            }
        };
        if let Some(c) = pick {
            return Ok((c, MatchKind::PublishedUrl));
        }
        if let Some(c) = cands
            .iter()
            .filter(same_platform)
            .find(|c| c.urls.contains(&n))
        {
            return Ok((c, MatchKind::Url));
        }
    }
    let hay = format!("{} {}", row.url.as_deref().unwrap_or(""), row.text).to_lowercase();
    if let Some(c) = cands
        .iter()
        .filter(same_platform)
        .find(|c| c.tag.len() >= 8 && hay.contains(&c.tag))
    {
        return Ok((c, MatchKind::Utm));
    }
    let Some(date) = row.date else {
        return Err("no link, UTM tag or date to match it with a published post".into());
    };
    let near: Vec<&Candidate> = cands
        .iter()
        .filter(same_platform)
        .filter(|c| c.date.is_some_and(|d| (d - date).num_days().abs() <= 1))
        .collect();
    if near.is_empty() {
        return Err(format!(
            "no published post{} around {date}",
            row.platform
                .as_deref()
                .map(|p| format!(" on {p}"))
                .unwrap_or_default()
        ));
    }
    if row.text.trim().is_empty() {
        let same_day: Vec<&&Candidate> = near.iter().filter(|c| c.date == Some(date)).collect();
        return match same_day.as_slice() {
            [one] => Ok((one, MatchKind::Date)),
            [] => Err(format!("no published post on {date}")),
            _ => Err(format!(
                "several posts on {date} and no text to tell them apart"
            )),
        };
    }
    let mut scored: Vec<(f64, &Candidate)> = near
        .iter()
        .map(|c| {
            let s = similarity(&row.text, &c.text).max(similarity(&row.text, &c.title));
            let day_penalty = if c.date == Some(date) { 0.0 } else { 0.05 };
            (s - day_penalty, *c)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.first() {
        Some((s, c)) if *s >= MIN_SIMILARITY => {
            if scored
                .get(1)
                .is_some_and(|(s2, c2)| (s - s2).abs() < 0.02 && c2.variant_id != c.variant_id)
            {
                return Err("two published posts match this text equally well".into());
            }
            Ok((c, MatchKind::DateText))
        }
        _ => Err(format!(
            "the text does not resemble any post published around {date}"
        )),
    }
}

fn excerpt(s: &str) -> String {
    let t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > 80 {
        format!("{}…", t.chars().take(79).collect::<String>())
    } else {
        t
    }
}

fn limits() -> CsvLimits {
    CsvLimits {
        max_bytes: MAX_IMPORT_BYTES,
        max_rows: MAX_IMPORT_ROWS,
        ..CsvLimits::default()
    }
}

/// Read, recognise and match a file; nothing is written.
pub fn preview(conn: &Connection, bytes: &[u8], options: &ImportOptions) -> Result<ImportPreview> {
    let table = read_csv(bytes, &limits())?;
    let mapping = if options.mapping.is_empty() {
        detect_mapping(&table.header)
    } else {
        for m in &options.mapping {
            if !table
                .header
                .iter()
                .any(|h| norm_header(h) == norm_header(&m.column))
            {
                return Err(Error::field(
                    "mapping",
                    format!(
                        "The file has no column named \"{}\". Pick the columns again.",
                        m.column
                    ),
                ));
            }
        }
        options.mapping.clone()
    };
    let metric_fields = mapping
        .iter()
        .filter(|m| m.field >= ImportField::Impressions)
        .count();
    if metric_fields == 0 {
        return Err(Error::field(
            "mapping",
            match options.source {
                ImportSource::Generic => "None of the columns was recognised as a number to import. Map at least one column (e.g. Likes) to a metric.".to_string(),
                s => format!(
                    "This does not look like a {} export: none of its columns is a metric Plotline knows. Check that you picked the right file and source.",
                    match s {
                        ImportSource::Meta => "Meta Business Suite",
                        ImportSource::X => "X analytics",
                        _ => "LinkedIn",
                    }
                ),
            },
        ));
    }
    if let Some(p) = options.platform.as_deref().filter(|p| !p.trim().is_empty()) {
        crate::content::validate_platform("platform", p)?;
    }
    let mut errors = Vec::new();
    let rows = parse_rows(&table, &mapping, options, &mut errors);
    let cands = candidates(conn)?;
    let mut matched = Vec::new();
    let mut unmatched = Vec::new();
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    for row in &rows {
        if let Some(p) = &row.platform {
            if crate::content::validate_platform("platform", p).is_err() {
                errors.push(RowError {
                    line: row.line,
                    message: format!("Line {}: '{p}' is not a platform Plotline knows.", row.line),
                });
                continue;
            }
        }
        match find_match(row, &cands) {
            Ok((c, kind)) => {
                if let Some(first) = seen.get(&c.variant_id) {
                    errors.push(RowError {
                        line: row.line,
                        message: format!(
                            "Line {}: matches the same post as line {first} (\"{}\"); only the first is imported.",
                            row.line,
                            excerpt(&c.title)
                        ),
                    });
                    continue;
                }
                seen.insert(c.variant_id.clone(), row.line);
                matched.push(ImportMatch {
                    line: row.line,
                    variant_id: c.variant_id.clone(),
                    post_id: c.post_id.clone(),
                    title: c.title.clone(),
                    platform: c.platform.clone(),
                    local_time: c.local_time.clone(),
                    matched_by: kind,
                    warning: row.metrics.reach_exceeds_impressions().then(|| {
                        "Reach is higher than impressions; check the two columns.".to_string()
                    }),
                    metrics: row.metrics.clone(),
                    post_url: row.url.clone(),
                });
            }
            Err(reason) => unmatched.push(UnmatchedRow {
                line: row.line,
                text: excerpt(&row.text),
                date: row.date.map(|d| d.to_string()),
                platform: row.platform.clone(),
                reason,
            }),
        }
    }
    errors.sort_by_key(|e| e.line);
    Ok(ImportPreview {
        source: options.source,
        encoding: match table.encoding {
            CsvEncoding::Utf8 => "utf8".into(),
            CsvEncoding::ShiftJis => "shift_jis".into(),
        },
        columns: table.header.iter().map(|h| h.trim().to_string()).collect(),
        mapping,
        rows: u32::try_from(table.rows.len()).unwrap_or(u32::MAX),
        matched,
        unmatched,
        errors,
    })
}

/// Import the matched rows in the caller's transaction (one snapshot each).
pub fn commit(tx: &Transaction<'_>, bytes: &[u8], options: &ImportOptions) -> Result<ImportResult> {
    let p = preview(tx, bytes, options)?;
    let captured_on = options.captured_on.clone().unwrap_or_default();
    for m in &p.matched {
        record_snapshot(
            tx,
            &SnapshotInput {
                variant_id: m.variant_id.clone(),
                captured_on: captured_on.clone(),
                metrics: m.metrics.clone(),
                post_url: m.post_url.clone(),
            },
            options.source.metric_source(),
        )?;
    }
    Ok(ImportResult {
        written: u32::try_from(p.matched.len()).unwrap_or(u32::MAX),
        unmatched: u32::try_from(p.unmatched.len()).unwrap_or(u32::MAX),
        errors: u32::try_from(p.errors.len()).unwrap_or(u32::MAX),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_accept_separators_and_refuse_garbage() {
        assert_eq!(parse_count("1,234"), Ok(Some(1234)));
        assert_eq!(parse_count("１２"), Ok(Some(12)));
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("-"), Ok(None));
        assert!(parse_count("-3").is_err());
        assert!(parse_count("1.5").is_err());
        assert!(parse_count("abc").is_err());
    }

    #[test]
    fn dates_in_export_formats() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 15);
        assert_eq!(parse_when("03/15/2025 10:00"), d);
        assert_eq!(parse_when("2025-03-15 10:00 +0000"), d);
        assert_eq!(parse_when("Sat, Mar 15, 2025"), d);
        assert_eq!(parse_when("2025/03/15"), d);
        assert_eq!(parse_when("2025-03-15T10:00:00Z"), d);
        assert_eq!(parse_when("someday"), None);
    }

    #[test]
    fn similarity_works_for_japanese_and_english() {
        assert!(
            similarity(
                "クロワッサンを36時間寝かせる理由",
                "クロワッサンを36時間寝かせる理由。こもれびへ"
            ) > 0.6
        );
        assert!(
            similarity(
                "Why our croissants rest for 36 hours",
                "why our croissants rest 36 hours!"
            ) > 0.7
        );
        assert!(similarity("Rye bread guide", "Shopping street lights") < 0.2);
        assert_eq!(similarity("", "x"), 0.0);
    }

    #[test]
    fn post_links_are_normalised_to_what_identifies_the_post() {
        let n = normalize_post_url;
        assert_eq!(
            n("https://www.instagram.com/p/AbC123/"),
            "instagram.com/p/AbC123"
        );
        assert_eq!(
            n("HTTP://Instagram.com/reel/AbC123?igsh=xyz#top"),
            "instagram.com/p/AbC123"
        );
        assert_eq!(
            n("instagram.com/komorebi_bakery/p/AbC123"),
            "instagram.com/p/AbC123"
        );
        assert_eq!(
            n("https://www.instagram.com/tv/AbC123"),
            "instagram.com/p/AbC123"
        );
        // Instagram codes are case-sensitive: another case is another post.
        assert_ne!(
            n("https://instagram.com/p/abc123"),
            n("https://instagram.com/p/AbC123")
        );
        assert_eq!(
            n("https://twitter.com/komorebi/status/1768000000000000001?s=20"),
            n("https://x.com/komorebi/status/1768000000000000001")
        );
        assert_eq!(
            n("https://m.facebook.com/komorebi/posts/123/"),
            "facebook.com/komorebi/posts/123"
        );
        assert_eq!(
            n(" https://WWW.LinkedIn.com:443/feed/update/urn:li:activity:1/ "),
            "linkedin.com/feed/update/urn:li:activity:1"
        );
        assert_eq!(
            platform_of_url(&n("https://www.instagram.com/p/X")),
            Some("instagram")
        );
        assert_eq!(
            platform_of_url(&n("https://twitter.com/a/status/1")),
            Some("x")
        );
        assert_eq!(platform_of_url(&n("https://komorebi.example/news")), None);
    }

    #[test]
    fn headers_are_recognised_case_insensitively() {
        let h: Vec<String> = [
            "Post ID",
            "Permalink",
            "Publish time",
            "Description",
            "Impressions",
            "Reach",
            "Likes",
            "Date",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let m = detect_mapping(&h);
        let field = |f| m.iter().find(|c| c.field == f).map(|c| c.column.clone());
        assert_eq!(
            field(ImportField::PublishedAt).as_deref(),
            Some("Publish time")
        );
        assert_eq!(field(ImportField::PostUrl).as_deref(), Some("Permalink"));
        assert_eq!(field(ImportField::Reach).as_deref(), Some("Reach"));
    }
}
