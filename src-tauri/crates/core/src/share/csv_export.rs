//! Spreadsheet exports: Plotline's own layout (every field, one row per post variant, UTF-8 with
//! BOM for Excel) and the bulk-upload layouts of Buffer and Hootsuite. Every cell goes through
//! [`crate::exchange::csv::write_csv`], which neutralises formulas (R11).

use chrono::{Duration, NaiveDateTime, Timelike};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::{select, ExportOptions, Selection};
use crate::content::posts::{self, Post, Variant};
use crate::db::codec::to_db;
use crate::exchange::csv::write_csv;
use crate::exchange::post_events::tracked_links;
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum CsvFormat {
    Plotline,
    Buffer,
    Hootsuite,
}

/// Plotline's own columns; [`super::csv_import`] reads the same names back.
pub const PLOTLINE_HEADER: &[&str] = &[
    "post_id",
    "variant_id",
    "title",
    "status",
    "scheduled_local",
    "time_zone",
    "scheduled_utc",
    "platform",
    "text",
    "text_override",
    "hashtags",
    "first_comment",
    "link_placement",
    "pillar",
    "content_type",
    "format",
    "campaign",
    "links",
    "tracked_links",
    "notes",
    "body",
];

/// Buffer's bulk-upload template. Buffer's help centre describes "Bulk upload" of a CSV into one
/// channel with the columns Text, Image URL, Tags, Posting Time (posting time as
/// `YYYY-MM-DD HH:mm` in the channel's time zone). No copy of Buffer's own page is in the
/// reference index available to this build (searched the docs and pages corpora: only other
/// schedulers' layouts came back), so this layout follows Buffer's downloadable template as
/// remembered: verify against https://support.buffer.com (search "bulk upload") when Buffer
/// changes it.
pub const BUFFER_HEADER: &[&str] = &["Text", "Image URL", "Tags", "Posting Time"];

/// Hootsuite's bulk composer: NO header row; each row is `date, message, link`; the date in the
/// format chosen on the upload form (we write `MM/DD/YYYY HH:mm`, the form's default); minutes
/// must be a multiple of 5 (so times are rounded up to the next 5 minutes and reported); one
/// file holds at most 350 messages. Sources: "Using Hootsuite Pro's bulk message scheduler"
/// (https://kim-iverson-headlee.blogspot.com/2016/08/the-business-of-writing-using-hootsuite.html:
/// 350 messages of date, message and link), "Hootsuite bulk messaging explained"
/// (http://jycalcano.blogspot.com/2015/07/post-8-hootsuite-bulk-messaging.html: the mm/dd/yyyy
/// hh:mm date format choice), https://indextokyo.com/post-514 (UTF-8, `05/13/2016 19:00`).
/// The 5-minute rule is Hootsuite's upload-form instruction; re-check it on the form.
pub const HOOTSUITE_MAX_ROWS: usize = 350;
pub const HOOTSUITE_DATE: &str = "%m/%d/%Y %H:%M";

/// The variants of `post` that pass the platform filter.
fn chosen<'a>(post: &'a Post, opts: &ExportOptions) -> Vec<&'a Variant> {
    post.variants
        .iter()
        .filter(|v| opts.platforms.is_empty() || opts.platforms.contains(&v.platform))
        .collect()
}

fn tags(v: &Variant) -> String {
    v.hashtags
        .iter()
        .map(|t| format!("#{}", t.trim_start_matches('#')))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text a platform publishes: its text plus its hashtags.
fn publish_text(post: &Post, v: &Variant) -> String {
    let text = v.effective_text(&post.body).trim().to_string();
    let tags = tags(v);
    match (text.is_empty(), tags.is_empty()) {
        (_, true) => text,
        (true, false) => tags,
        (false, false) => format!("{text}\n\n{tags}"),
    }
}

fn local_time(post: &Post) -> Option<NaiveDateTime> {
    post.time.as_ref().and_then(|t| {
        NaiveDateTime::parse_from_str(&t.local, crate::content::time::LOCAL_FORMAT).ok()
    })
}

fn plotline_rows(
    conn: &Connection,
    sel: &Selection,
    opts: &ExportOptions,
) -> Result<Vec<Vec<String>>> {
    let mut posts = sel.posts.clone();
    // With no date range the spreadsheet is the whole plan: backlog ideas too.
    if opts.from.is_none() && opts.to.is_none() {
        posts.extend(posts::list_unscheduled(conn)?.into_iter().filter(|p| {
            (opts.statuses.is_empty() || opts.statuses.contains(&p.status))
                && (opts.platforms.is_empty()
                    || p.variants
                        .iter()
                        .any(|v| opts.platforms.contains(&v.platform)))
        }));
    }
    let mut rows = Vec::new();
    for post in &posts {
        let base = |v: Option<&Variant>| -> Result<Vec<String>> {
            let t = post.time.as_ref();
            Ok(vec![
                post.id.clone(),
                v.map(|v| v.id.clone()).unwrap_or_default(),
                post.title.clone(),
                to_db(&post.status)?,
                t.map(|t| t.local.clone()).unwrap_or_default(),
                t.map(|t| t.time_zone.clone()).unwrap_or_default(),
                t.map(|t| t.utc.clone()).unwrap_or_default(),
                v.map(|v| v.platform.clone()).unwrap_or_default(),
                v.map_or_else(
                    || post.body.clone(),
                    |v| v.effective_text(&post.body).to_string(),
                ),
                v.and_then(|v| v.text_override.clone()).unwrap_or_default(),
                v.map(|v| v.hashtags.join(" ")).unwrap_or_default(),
                v.and_then(|v| v.first_comment.clone()).unwrap_or_default(),
                v.map(|v| to_db(&v.link_placement))
                    .transpose()?
                    .unwrap_or_default(),
                sel.pillar_name(post).unwrap_or_default().to_string(),
                to_db(&post.content_type)?,
                to_db(&post.format)?,
                post.campaign_name.clone().unwrap_or_default(),
                post.links.join("\n"),
                v.map(|v| tracked_links(post, &v.platform).join("\n"))
                    .unwrap_or_default(),
                post.notes.clone(),
                post.body.clone(),
            ])
        };
        let vs = chosen(post, opts);
        if vs.is_empty() {
            rows.push(base(None)?);
        } else {
            for v in vs {
                rows.push(base(Some(v))?);
            }
        }
    }
    Ok(rows)
}

/// The post's first link, tagged for the variant's platform (the one link a bulk upload takes).
fn first_link(post: &Post, v: &Variant) -> String {
    tracked_links(post, &v.platform)
        .into_iter()
        .next()
        .unwrap_or_default()
}

fn one_platform_note(sel: &Selection, opts: &ExportOptions, tool: &str) -> Option<String> {
    let mut platforms: Vec<&str> = sel
        .posts
        .iter()
        .flat_map(|p| chosen(p, opts))
        .map(|v| v.platform.as_str())
        .collect();
    platforms.sort_unstable();
    platforms.dedup();
    (platforms.len() > 1).then(|| {
        format!(
            "{tool} uploads a file into one account at a time, and this file has posts for {} \
             platforms. Choose one platform in the options to get a file per account.",
            platforms.len()
        )
    })
}

/// The CSV bytes for `format`, the number of data rows and notes for the user.
pub fn render(
    conn: &Connection,
    sel: &Selection,
    opts: &ExportOptions,
    format: CsvFormat,
) -> Result<(Vec<u8>, u32, Vec<String>)> {
    let mut notes = Vec::new();
    match format {
        CsvFormat::Plotline => {
            let rows = plotline_rows(conn, sel, opts)?;
            let n = rows.len() as u32;
            Ok((write_csv(PLOTLINE_HEADER, rows, true)?, n, notes))
        }
        CsvFormat::Buffer => {
            let mut rows = Vec::new();
            for post in &sel.posts {
                let Some(local) = local_time(post) else {
                    continue;
                };
                for v in chosen(post, opts) {
                    let mut text = publish_text(post, v);
                    let link = first_link(post, v);
                    if !link.is_empty() && !text.contains(&link) {
                        text = format!("{text}\n{link}");
                    }
                    rows.push(vec![
                        text,
                        String::new(),
                        String::new(),
                        local.format("%Y-%m-%d %H:%M").to_string(),
                    ]);
                }
            }
            notes.extend(one_platform_note(sel, opts, "Buffer"));
            let n = rows.len() as u32;
            Ok((write_csv(BUFFER_HEADER, rows, false)?, n, notes))
        }
        CsvFormat::Hootsuite => {
            let mut rows: Vec<Vec<String>> = Vec::new();
            let mut rounded = 0;
            for post in &sel.posts {
                let Some(local) = local_time(post) else {
                    continue;
                };
                let (at, moved) = round_up_to_5(local);
                for v in chosen(post, opts) {
                    if moved {
                        rounded += 1;
                    }
                    rows.push(vec![
                        at.format(HOOTSUITE_DATE).to_string(),
                        publish_text(post, v),
                        first_link(post, v),
                    ]);
                }
            }
            if rows.len() > HOOTSUITE_MAX_ROWS {
                return Err(Error::field(
                    "to",
                    format!(
                        "Hootsuite takes at most {HOOTSUITE_MAX_ROWS} posts per file and this \
                         selection has {}. Choose a shorter date range or one platform.",
                        rows.len()
                    ),
                ));
            }
            if rounded > 0 {
                notes.push(format!(
                    "{rounded} post time(s) were moved to the next 5 minutes, because Hootsuite \
                     only schedules at :00, :05, :10 …"
                ));
            }
            notes.extend(one_platform_note(sel, opts, "Hootsuite"));
            let n = rows.len() as u32;
            if rows.is_empty() {
                return Ok((Vec::new(), 0, notes));
            }
            // Header-less: the first data row goes where write_csv puts a header.
            let first = rows.remove(0);
            let first: Vec<&str> = first.iter().map(String::as_str).collect();
            Ok((write_csv(&first, rows, false)?, n, notes))
        }
    }
}

/// `t` moved up to the next multiple of 5 minutes (seconds dropped); whether it moved.
pub fn round_up_to_5(t: NaiveDateTime) -> (NaiveDateTime, bool) {
    let t0 = t
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(t);
    let rem = t0.minute() % 5;
    if rem == 0 {
        (t0, t0 != t)
    } else {
        (t0 + Duration::minutes(i64::from(5 - rem)), true)
    }
}

/// Select and render in one step.
pub fn export(
    conn: &Connection,
    opts: &ExportOptions,
    format: CsvFormat,
) -> Result<(Vec<u8>, u32, u32, Vec<String>)> {
    let sel = select(conn, opts)?;
    let (bytes, rows, notes) = render(conn, &sel, opts, format)?;
    Ok((bytes, sel.posts.len() as u32, rows, notes))
}
