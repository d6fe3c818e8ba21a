//! Recurring series: weekly or monthly posts made from one template.
//!
//! Occurrences are real posts (so the calendar, mix and moves treat them like any other),
//! created up front within a bound: at most [`MAX_OCCURRENCES`] and never further than
//! [`HORIZON_DAYS`] after the first. Skipping a date records an exception. Editing or
//! moving one occurrence detaches it; [`update_series`] changes every attached, unpublished
//! occurrence at once.

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock::{new_id, now};
use crate::content::posts::{self, Post, PostInput};
use crate::content::time::{self, LOCAL_FORMAT};
use crate::content::PostStatus;
use crate::db::codec::to_db;
use crate::error::{Error, Result};

pub const MAX_OCCURRENCES: u32 = 104;
pub const HORIZON_DAYS: i64 = 731;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Weekly,
    Monthly,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SeriesInput {
    /// The post every occurrence copies; its `scheduledLocal` is the first occurrence.
    pub template: PostInput,
    pub frequency: Frequency,
    /// Every `interval` weeks or months (1–12).
    pub interval: u32,
    /// Last local date (inclusive), if any.
    pub until: Option<String>,
    /// How many occurrences, if any (capped at [`MAX_OCCURRENCES`]).
    pub count: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SeriesCreated {
    pub series_id: String,
    pub posts: Vec<Post>,
}

/// How an existing post repeats when it becomes the first occurrence of a new series: the same
/// choices as [`SeriesInput`] without the template (the post itself is the template).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SeriesRule {
    pub frequency: Frequency,
    /// Every `interval` weeks or months (1–12).
    pub interval: u32,
    /// Last local date (inclusive): the alternative to `count`.
    pub until: Option<String>,
    /// How many occurrences including the first: the alternative to `until`.
    pub count: Option<u32>,
}

/// Occurrence wall times from `start`, bounded by `count`, `until`, [`MAX_OCCURRENCES`] and
/// [`HORIZON_DAYS`]; dates in `exceptions` are left out (they still count towards `count`).
/// Monthly series on the 29th–31st fall on the last day of shorter months.
pub fn expand(
    start: NaiveDateTime,
    frequency: Frequency,
    interval: u32,
    until: Option<NaiveDate>,
    count: Option<u32>,
    exceptions: &[NaiveDate],
) -> Vec<NaiveDateTime> {
    let interval = interval.clamp(1, 12);
    let max = count.unwrap_or(MAX_OCCURRENCES).min(MAX_OCCURRENCES);
    let horizon = start.date() + Duration::days(HORIZON_DAYS);
    let last = until.map_or(horizon, |u| u.min(horizon));
    let mut out = Vec::new();
    for i in 0..max {
        let t = match frequency {
            Frequency::Weekly => Some(start + Duration::weeks(i64::from(i * interval))),
            Frequency::Monthly => add_months_clamped(start, i * interval),
        };
        let Some(t) = t else { break };
        if t.date() > last {
            break;
        }
        if !exceptions.contains(&t.date()) {
            out.push(t);
        }
    }
    out
}

fn add_months_clamped(start: NaiveDateTime, months: u32) -> Option<NaiveDateTime> {
    let first = start
        .date()
        .with_day(1)?
        .checked_add_months(Months::new(months))?;
    let next = first.checked_add_months(Months::new(1))?;
    let days_in_month = (next - first).num_days() as u32;
    let day = start.day().min(days_in_month);
    Some(first.with_day(day)?.and_time(start.time()))
}

fn parse_until(until: &Option<String>) -> Result<Option<NaiveDate>> {
    match until.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                Error::field(
                    "until",
                    "Enter the last date as 2026-12-31, or leave it empty.",
                )
            }),
    }
}

/// Check a repeat rule against its first occurrence and return the parsed end date.
/// The series ends either after `count` posts or on `until` (one of them, never both); the end date must be
/// after the first post and at most [`HORIZON_DAYS`] (two years) later; the count is 1 to
/// [`MAX_OCCURRENCES`].
pub fn validate_rule(
    start: NaiveDateTime,
    interval: u32,
    until: &Option<String>,
    count: Option<u32>,
) -> Result<Option<NaiveDate>> {
    if !(1..=12).contains(&interval) {
        return Err(Error::field(
            "interval",
            "Repeat every 1 to 12 weeks or months.",
        ));
    }
    match count {
        Some(0) => return Err(Error::field("count", "A series needs at least one post.")),
        Some(n) if n > MAX_OCCURRENCES => {
            return Err(Error::field(
                "count",
                format!("A series can have at most {MAX_OCCURRENCES} posts; enter a smaller number or choose an end date."),
            ))
        }
        _ => {}
    }
    let until = parse_until(until)?;
    if until.is_some() && count.is_some() {
        return Err(Error::field(
            "until",
            "Choose either how many posts or an end date, not both.",
        ));
    }
    if until.is_none() && count.is_none() {
        return Err(Error::field(
            "until",
            "Choose when the series ends: after a number of posts or on a date.",
        ));
    }
    if let Some(u) = until {
        if u <= start.date() {
            return Err(Error::field(
                "until",
                format!(
                    "The end date must be after the first post ({}); choose a later date.",
                    start.date()
                ),
            ));
        }
        let latest = start.date() + Duration::days(HORIZON_DAYS);
        if u > latest {
            return Err(Error::field(
                "until",
                format!("A series can run for at most two years, until {latest}; choose an earlier end date."),
            ));
        }
    }
    Ok(until)
}

fn insert_series(
    tx: &Transaction<'_>,
    start_local: &str,
    frequency: Frequency,
    interval: u32,
    until: Option<NaiveDate>,
    count: Option<u32>,
) -> Result<String> {
    let tz = time::workspace_zone(tx)?;
    let id = new_id();
    tx.execute(
        "INSERT INTO series (id, frequency, interval, start_local, until_date, max_count, time_zone, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, to_db(&frequency)?, interval, start_local, until.map(|u| u.to_string()),
            count.unwrap_or(MAX_OCCURRENCES).min(MAX_OCCURRENCES), tz.name(), now()],
    )?;
    Ok(id)
}

fn attach(tx: &Transaction<'_>, post_id: &str, series_id: &str, date: NaiveDate) -> Result<Post> {
    tx.execute(
        "UPDATE posts SET series_id = ?2, series_date = ?3 WHERE id = ?1",
        params![post_id, series_id, date.to_string()],
    )?;
    posts::get(tx, post_id)
}

fn parse_local(local: &str) -> Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(local, LOCAL_FORMAT).map_err(|_| {
        Error::field(
            "scheduledLocal",
            "Choose the date and time of the first post.",
        )
    })
}

/// Create a series and its occurrences in one transaction.
pub fn create_series(tx: &Transaction<'_>, input: &SeriesInput) -> Result<SeriesCreated> {
    let tz = time::workspace_zone(tx)?;
    let first = match input.template.scheduled_local.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => time::parse_time("scheduledLocal", s, tz)?,
        _ => {
            return Err(Error::field(
                "scheduledLocal",
                "Choose the date and time of the first post in the series.",
            ))
        }
    };
    let start = parse_local(&first.local)?;
    let until = validate_rule(start, input.interval, &input.until, input.count)?;
    let id = insert_series(
        tx,
        &first.local,
        input.frequency,
        input.interval,
        until,
        input.count,
    )?;
    let mut posts = Vec::new();
    for t in expand(
        start,
        input.frequency,
        input.interval,
        until,
        input.count,
        &[],
    ) {
        let mut one = input.template.clone();
        one.scheduled_local = Some(t.format(LOCAL_FORMAT).to_string());
        let p = posts::create(tx, &one, None)?;
        posts.push(attach(tx, &p.id, &id, t.date())?);
    }
    Ok(SeriesCreated {
        series_id: id,
        posts,
    })
}

/// Turn an existing scheduled post into the first occurrence of a new series: the post keeps
/// its id, status and approvals; the later occurrences are new posts copying its content
/// (drafts, like any new post). One transaction.
pub fn start_series_from_post(
    tx: &Transaction<'_>,
    post_id: &str,
    rule: &SeriesRule,
) -> Result<SeriesCreated> {
    let post = posts::get(tx, post_id)?;
    if post.series_id.is_some() {
        return Err(Error::field(
            "seriesId",
            "This post is already part of a series; change the series instead.",
        ));
    }
    let Some(local) = post.time.as_ref().map(|t| t.local.clone()) else {
        return Err(Error::field(
            "scheduledLocal",
            "Give this post a date and time first; it becomes the first post of the series.",
        ));
    };
    let start = parse_local(&local)?;
    let until = validate_rule(start, rule.interval, &rule.until, rule.count)?;
    let id = insert_series(tx, &local, rule.frequency, rule.interval, until, rule.count)?;
    let template = posts::to_input(&post);
    let mut out = Vec::new();
    for (i, t) in expand(start, rule.frequency, rule.interval, until, rule.count, &[])
        .into_iter()
        .enumerate()
    {
        if i == 0 {
            out.push(attach(tx, &post.id, &id, t.date())?);
            continue;
        }
        let mut one = template.clone();
        one.scheduled_local = Some(t.format(LOCAL_FORMAT).to_string());
        let p = posts::create(tx, &one, None)?;
        out.push(attach(tx, &p.id, &id, t.date())?);
    }
    Ok(SeriesCreated {
        series_id: id,
        posts: out,
    })
}

/// Leave one date out of a series: records the exception and deletes that occurrence
/// unless it is already published. Idempotent.
pub fn skip_occurrence(tx: &Transaction<'_>, series_id: &str, date: &str) -> Result<()> {
    exists(tx, series_id)?;
    let d = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| Error::field("date", "Give the date to skip as 2026-12-31."))?;
    tx.execute(
        "INSERT INTO series_exceptions (series_id, local_date) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        params![series_id, d.to_string()],
    )?;
    tx.execute(
        "DELETE FROM posts WHERE series_id = ?1 AND series_date = ?2 AND series_detached = 0 AND status <> ?3",
        params![series_id, d.to_string(), to_db(&PostStatus::Published)?],
    )?;
    Ok(())
}

/// "Skip this occurrence" from a post: leave its series date out of the series and delete
/// the post (also when it was edited or moved on its own). Published posts stay.
pub fn skip_post(tx: &Transaction<'_>, post_id: &str) -> Result<()> {
    let post = posts::get(tx, post_id)?;
    let (Some(series_id), Some(date)) = (
        post.series_id.clone(),
        tx.query_row(
            "SELECT series_date FROM posts WHERE id = ?1",
            [post_id],
            |r| r.get::<_, Option<String>>(0),
        )?,
    ) else {
        return Err(Error::field(
            "seriesId",
            "This post is not part of a series; delete it instead.",
        ));
    };
    if post.status == PostStatus::Published {
        return Err(Error::Conflict(
            "This occurrence is already published, so it stays in the history.".into(),
        ));
    }
    skip_occurrence(tx, &series_id, &date)?;
    tx.execute("DELETE FROM posts WHERE id = ?1", [post_id])?;
    Ok(())
}

fn exists(conn: &Connection, series_id: &str) -> Result<()> {
    let found: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM series WHERE id = ?1)",
        [series_id],
        |r| r.get(0),
    )?;
    if found {
        Ok(())
    } else {
        Err(Error::NotFound(
            "That series no longer exists. Reload the calendar.".into(),
        ))
    }
}

/// Apply `template` to every occurrence still following the series (not edited or moved
/// on its own, not published). The time of day comes from the template's
/// `scheduledLocal`, if given; each occurrence keeps its date. Returns the updated posts.
pub fn update_series(
    tx: &Transaction<'_>,
    series_id: &str,
    template: &PostInput,
) -> Result<Vec<Post>> {
    exists(tx, series_id)?;
    let tz = time::workspace_zone(tx)?;
    let time_of_day = match template.scheduled_local.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => {
            let t = time::parse_time("scheduledLocal", s, tz)?;
            Some(t.local[11..].to_string())
        }
        _ => None,
    };
    let targets: Vec<(String, String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT id, series_date, local_time FROM posts WHERE series_id = ?1 AND series_detached = 0 AND status <> ?2 ORDER BY series_date",
        )?;
        let rows = stmt
            .query_map(params![series_id, to_db(&PostStatus::Published)?], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows
    };
    let mut out = Vec::new();
    for (id, date, local) in targets {
        let mut one = template.clone();
        let hm = time_of_day
            .clone()
            .unwrap_or_else(|| local.get(11..).unwrap_or("09:00").to_string());
        one.scheduled_local = Some(format!("{date}T{hm}"));
        out.push(posts::update_inner(tx, &id, &one, None, false)?);
    }
    tx.execute(
        "UPDATE series SET updated_at = ?2 WHERE id = ?1",
        params![series_id, now()],
    )?;
    Ok(out)
}

/// Delete a series and its unpublished occurrences (published ones stay as records).
pub fn delete_series(tx: &Transaction<'_>, series_id: &str) -> Result<()> {
    exists(tx, series_id)?;
    tx.execute(
        "DELETE FROM posts WHERE series_id = ?1 AND status <> ?2",
        params![series_id, to_db(&PostStatus::Published)?],
    )?;
    tx.execute("DELETE FROM series WHERE id = ?1", [series_id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, LOCAL_FORMAT).expect("test time")
    }

    #[test]
    fn weekly_is_bounded_by_count_until_and_the_hard_cap() {
        let s = at("2026-01-05T09:00");
        assert_eq!(expand(s, Frequency::Weekly, 1, None, Some(3), &[]).len(), 3);
        let until = NaiveDate::from_ymd_opt(2026, 1, 31);
        let v = expand(s, Frequency::Weekly, 1, until, None, &[]);
        assert_eq!(v.len(), 4);
        assert_eq!(v[3], at("2026-01-26T09:00"));
        // No bound given: the cap and the horizon still hold.
        let v = expand(s, Frequency::Weekly, 1, None, None, &[]);
        assert_eq!(v.len() as u32, MAX_OCCURRENCES);
        let v = expand(s, Frequency::Weekly, 1, None, Some(100_000), &[]);
        assert_eq!(v.len() as u32, MAX_OCCURRENCES);
        let v = expand(s, Frequency::Monthly, 12, None, None, &[]);
        assert!(
            v.len() <= 3
                && v.iter()
                    .all(|t| t.date() <= s.date() + Duration::days(HORIZON_DAYS)),
            "{v:?}"
        );
    }

    #[test]
    fn monthly_clamps_to_month_end_and_skips_exceptions() {
        let s = at("2026-01-31T18:00");
        let skip = [NaiveDate::from_ymd_opt(2026, 3, 31).expect("date")];
        let v = expand(s, Frequency::Monthly, 1, None, Some(4), &skip);
        let dates: Vec<String> = v.iter().map(|t| t.date().to_string()).collect();
        assert_eq!(dates, ["2026-01-31", "2026-02-28", "2026-04-30"]);
    }
}
