//! The calendar: what is planned when, moving posts in time, duplicates, recurring series,
//! and the events lane (the business's own events plus public holidays).

pub mod events;
pub mod hooks;
pub mod series;

use chrono_tz::Tz;
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock::now;
use crate::content::posts::{self, Post};
use crate::content::time::{self, PostTime};
use crate::content::{platform_rank, ContentType, Format, PostStatus};
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};

pub use events::{Event, EventInput, EventKind, Holiday};
pub use series::{Frequency, SeriesInput, SeriesRule};

/// One post as the calendar draws it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CalendarItem {
    pub id: String,
    pub title: String,
    pub status: PostStatus,
    pub content_type: ContentType,
    pub format: Format,
    /// RFC 3339 with the workspace zone's offset; `None` for backlog ideas.
    pub scheduled_at: Option<String>,
    /// Wall time in the workspace zone, `2026-03-08T09:00`.
    pub local_time: Option<String>,
    pub platforms: Vec<String>,
    pub pillar_id: Option<String>,
    pub pillar_name: Option<String>,
    pub pillar_colour: Option<String>,
    pub campaign_slug: Option<String>,
    pub series_id: Option<String>,
}

const ITEM_SELECT: &str =
    "SELECT p.id, p.title, p.status, p.content_type, p.format, p.scheduled_at,
        p.pillar_id, pl.name, pl.colour, p.campaign_slug, p.series_id,
        (SELECT group_concat(v.platform) FROM post_variants v WHERE v.post_id = p.id)
     FROM posts p LEFT JOIN pillars pl ON pl.id = p.pillar_id";

fn map_item(tz: Tz) -> impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<CalendarItem> {
    move |r| {
        let utc: Option<String> = r.get(5)?;
        let platforms: Option<String> = r.get(11)?;
        let mut platforms: Vec<String> = platforms
            .map(|s| s.split(',').map(String::from).collect())
            .unwrap_or_default();
        platforms.sort_by_key(|p| platform_rank(p));
        let shown = utc.as_deref().and_then(|u| time::display_in(tz, u));
        Ok(CalendarItem {
            id: r.get(0)?,
            title: r.get(1)?,
            status: from_db(r.get(2)?, 2)?,
            content_type: from_db(r.get(3)?, 3)?,
            format: from_db(r.get(4)?, 4)?,
            local_time: shown.as_ref().map(|s| s[..16].to_string()),
            scheduled_at: shown,
            platforms,
            pillar_id: r.get(6)?,
            pillar_name: r.get(7)?,
            pillar_colour: r.get(8)?,
            campaign_slug: r.get(9)?,
            series_id: r.get(10)?,
        })
    }
}

/// The events lane of a date range: the business's events and public holidays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EventsLane {
    pub events: Vec<Event>,
    pub holidays: Vec<Holiday>,
    /// Seasonal moments to plan posts around.
    pub hooks: Vec<hooks::SeasonalHook>,
}

/// Events, holidays and seasonal hooks on the local dates [from, to). Holidays are Japan's for a business
/// in a Japanese zone, the US's for an American zone, and both otherwise.
pub fn events_lane(conn: &Connection, from: &str, to: &str) -> Result<EventsLane> {
    let tz = time::workspace_zone(conn)?;
    let name = tz.name();
    let countries: &[&str] = if name == "Asia/Tokyo" {
        &["JP"]
    } else if name.starts_with("America/") || name.starts_with("US/") || name == "Pacific/Honolulu"
    {
        &["US"]
    } else {
        &["JP", "US"]
    };
    // Seasonal hooks also follow the business's industry (a consultancy gets no Black Friday).
    let industry = crate::workspace::get(conn)?.map(|w| w.industry);
    Ok(EventsLane {
        events: events::events_in(conn, from, to)?,
        holidays: events::holidays_in(from, to, countries)?,
        hooks: hooks::hooks_in(from, to, countries, industry)?,
    })
}

/// Posts scheduled in [from, to) — each bound a date (`2026-03-01`, midnight in the
/// workspace zone) or an RFC 3339 instant — ordered by time, then id.
pub fn range(conn: &Connection, from: &str, to: &str) -> Result<Vec<CalendarItem>> {
    let tz = time::workspace_zone(conn)?;
    let from = time::parse_bound("from", from, tz)?;
    let to = time::parse_bound("to", to, tz)?;
    range_utc(conn, tz, &from, &to)
}

pub fn range_utc(
    conn: &Connection,
    tz: Tz,
    from_utc: &str,
    to_utc: &str,
) -> Result<Vec<CalendarItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ITEM_SELECT} WHERE p.scheduled_at >= ?1 AND p.scheduled_at < ?2 ORDER BY p.scheduled_at, p.id"
    ))?;
    let rows = stmt
        .query_map(params![from_utc, to_utc], map_item(tz))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The "Unscheduled ideas" panel: posts without a time, newest first.
pub fn backlog(conn: &Connection) -> Result<Vec<CalendarItem>> {
    let tz = time::workspace_zone(conn)?;
    let mut stmt = conn.prepare_cached(&format!(
        "{ITEM_SELECT} WHERE p.scheduled_at IS NULL ORDER BY p.created_at DESC, p.id DESC"
    ))?;
    let rows = stmt
        .query_map([], map_item(tz))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every post: scheduled ones by time, then the backlog (newest first).
pub fn all_items(conn: &Connection) -> Result<Vec<CalendarItem>> {
    let tz = time::workspace_zone(conn)?;
    let mut stmt = conn.prepare_cached(&format!(
        "{ITEM_SELECT} WHERE p.scheduled_at IS NOT NULL ORDER BY p.scheduled_at, p.id"
    ))?;
    let mut rows: Vec<CalendarItem> = stmt
        .query_map([], map_item(tz))?
        .collect::<rusqlite::Result<_>>()?;
    rows.extend(backlog(conn)?);
    Ok(rows)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MoveInput {
    pub post_id: String,
    /// Where to: a wall time in the workspace zone (`2026-03-08T09:00`), an RFC 3339
    /// instant, or `None` to send the post back to the unscheduled backlog.
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MoveOutcome {
    /// False when the post was already there (a repeated request changes nothing).
    pub changed: bool,
    pub item: CalendarItem,
}

/// Reschedule a post, or unschedule it, in the caller's transaction.
///
/// Idempotent: moving a post to where it already is changes nothing (not even
/// `updated_at`). Published posts cannot move. A scheduled post sent back to the backlog
/// returns to "approved" (recorded in its history); a moved series occurrence leaves the
/// series' pattern (it is no longer updated with the series).
pub fn move_post(tx: &Transaction<'_>, input: &MoveInput) -> Result<MoveOutcome> {
    let tz = time::workspace_zone(tx)?;
    let target: Option<PostTime> = match input.to.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() && !t.eq_ignore_ascii_case("none") => {
            Some(time::parse_time("to", t, tz)?)
        }
        _ => None,
    };
    let (status, utc, zone): (PostStatus, Option<String>, Option<String>) = tx
        .query_row(
            "SELECT status, scheduled_at, time_zone FROM posts WHERE id = ?1",
            [&input.post_id],
            |r| Ok((from_db(r.get(0)?, 0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => posts::not_found(),
            e => e.into(),
        })?;
    let same = match (&target, &utc) {
        (None, None) => true,
        (Some(t), Some(u)) => t.utc == *u && Some(&t.time_zone) == zone.as_ref(),
        _ => false,
    };
    if !same {
        if status == PostStatus::Published {
            return Err(Error::Conflict(
                "This post is already published, so its time is a record and cannot move. Duplicate it to post it again."
                    .into(),
            ));
        }
        let new_status = if target.is_none() && status == PostStatus::Scheduled {
            PostStatus::Approved
        } else {
            status
        };
        let t = target.as_ref();
        tx.execute(
            "UPDATE posts SET scheduled_at = ?2, time_zone = ?3, local_time = ?4, status = ?5,
                 series_detached = CASE WHEN series_id IS NULL THEN 0 ELSE 1 END, updated_at = ?6
             WHERE id = ?1",
            params![
                input.post_id,
                t.map(|t| &t.utc),
                t.map(|t| &t.time_zone),
                t.map(|t| &t.local),
                to_db(&new_status)?,
                now()
            ],
        )?;
        if new_status != status {
            crate::content::workflow::record(
                tx,
                &input.post_id,
                Some(status),
                new_status,
                None,
                "Moved back to unscheduled",
            )?;
        }
    }
    Ok(MoveOutcome {
        changed: !same,
        item: item(tx, tz, &input.post_id)?,
    })
}

pub fn item(conn: &Connection, tz: Tz, id: &str) -> Result<CalendarItem> {
    conn.query_row(
        &format!("{ITEM_SELECT} WHERE p.id = ?1"),
        [id],
        map_item(tz),
    )
    .map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => posts::not_found(),
        e => e.into(),
    })
}

/// Copy a post (text, variants, plan links) as a new draft or idea, optionally at another
/// time; the copy has its own history and is not part of any series.
pub fn duplicate(tx: &Transaction<'_>, post_id: &str, to: Option<&str>) -> Result<Post> {
    let original = posts::get(tx, post_id)?;
    let mut input = posts::to_input(&original);
    input.scheduled_local = to.map(String::from).or(input.scheduled_local);
    posts::create(tx, &input, None)
}
