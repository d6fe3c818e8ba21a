//! Team sharing (issue 8): the plan as files other people already use — calendar files (ICS),
//! spreadsheets (CSV for Plotline, Buffer and Hootsuite), a printable calendar (HTML) — and the
//! whole plan as a `.plotline` bundle that another Plotline merges back.
//!
//! Every file is built in memory and written with [`crate::fsx::write_atomic`] (temp + fsync +
//! rename, R15). Everything read from outside is strict and bounded (R10, R11, R13).

pub mod bundle;
pub mod csv_export;
pub mod csv_import;
pub mod html;
pub mod ics_events;
pub mod ics_export;

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::content::posts::{self, Post};
use crate::content::time::{self};
use crate::content::{pillars, PostStatus};
use crate::workspace::Language;
use crate::{Error, Result};

pub use bundle::{BundleImportReport, BundlePreview, ImportChoice};

/// Filters shared by every export (the Share screen's options).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportOptions {
    /// First local day (`YYYY-MM-DD`, inclusive); `None` = from the first planned post.
    pub from: Option<String>,
    /// Last local day (`YYYY-MM-DD`, inclusive); `None` = up to the last planned post.
    pub to: Option<String>,
    /// Platform ids; empty = every platform.
    pub platforms: Vec<String>,
    /// Statuses; empty = every status.
    pub statuses: Vec<PostStatus>,
    /// Add the events lane (launches, sales, store events) as all-day events.
    pub include_events: bool,
}

/// A store event of the events lane, with its last change (for DTSTAMP).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaneEvent {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub notes: String,
    pub updated_at: String,
}

/// What an export selected: the workspace facts and the posts/events that pass the filters.
#[derive(Debug, Clone)]
pub struct Selection {
    pub business: String,
    pub tz: Tz,
    pub language: Language,
    pub posts: Vec<Post>,
    pub pillars: HashMap<String, pillars::Pillar>,
    pub events: Vec<LaneEvent>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Selection {
    pub fn pillar_name(&self, post: &Post) -> Option<&str> {
        post.pillar_id
            .as_ref()
            .and_then(|id| self.pillars.get(id))
            .map(|p| p.name.as_str())
    }
}

/// What an export wrote, for the success message and the CLI's JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    pub path: String,
    pub posts: u32,
    pub events: u32,
    pub rows: u32,
    #[specta(type = f64)]
    pub bytes: u64,
    /// Things the user should know (e.g. times rounded for Hootsuite).
    pub notes: Vec<String>,
}

fn parse_day(field: &str, s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Error::field(
            field,
            format!("'{}' is not a date; use the form 2026-03-31.", s.trim()),
        )
    })
}

fn opt_day(field: &str, s: &Option<String>) -> Result<Option<NaiveDate>> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| parse_day(field, s))
        .transpose()
}

/// The posts (scheduled ones only) and events an export covers.
pub fn select(conn: &Connection, opts: &ExportOptions) -> Result<Selection> {
    let ws = crate::workspace::get(conn)?.ok_or_else(|| {
        Error::Conflict("Set up your business first; there is no plan to export yet.".into())
    })?;
    let tz = time::parse_zone("timeZone", &ws.time_zone)?;
    let from = opt_day("from", &opts.from)?;
    let to = opt_day("to", &opts.to)?;
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(Error::field(
                "to",
                "The last day is before the first day; choose a later end date.",
            ));
        }
    }
    for p in &opts.platforms {
        crate::content::validate_platform("platforms", p)?;
    }
    let start = from.map_or_else(|| "0000".to_string(), |d| time::day_start_utc(tz, d));
    let end = to.map_or_else(
        || "9999".to_string(),
        |d| time::day_start_utc(tz, d + Duration::days(1)),
    );
    let posts: Vec<Post> = posts::list_scheduled(conn, &start, &end)?
        .into_iter()
        .filter(|p| opts.statuses.is_empty() || opts.statuses.contains(&p.status))
        .filter(|p| {
            opts.platforms.is_empty()
                || p.variants
                    .iter()
                    .any(|v| opts.platforms.contains(&v.platform))
        })
        .collect();
    let pillars = pillars::list(conn)?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let events = if opts.include_events {
        lane_events(conn, from, to)?
    } else {
        Vec::new()
    };
    Ok(Selection {
        business: ws.name,
        tz,
        language: ws.language,
        posts,
        pillars,
        events,
        from,
        to,
    })
}

fn lane_events(
    conn: &Connection,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<LaneEvent>> {
    let mut stmt = conn.prepare(
        "SELECT id, title, kind, starts_on, ends_on, notes, updated_at FROM events
         WHERE ends_on >= ?1 AND starts_on <= ?2 ORDER BY starts_on, title, id",
    )?;
    let lo = from.map_or_else(|| "0000-01-01".to_string(), |d| d.to_string());
    let hi = to.map_or_else(|| "9999-12-31".to_string(), |d| d.to_string());
    let rows = stmt
        .query_map(params![lo, hi], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, title, kind, s, e, notes, updated_at)| {
            Ok(LaneEvent {
                id,
                title,
                kind,
                starts_on: parse_day("startsOn", &s)?,
                ends_on: parse_day("endsOn", &e)?,
                notes,
                updated_at,
            })
        })
        .collect()
}

/// A stored timestamp (RFC 3339) as UTC; `fallback` when it cannot be read.
pub fn stamp(text: &str, fallback: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(fallback)
}

/// Write `bytes` to `dest` atomically and describe the result.
pub fn write_file(dest: &Path, bytes: &[u8]) -> Result<u64> {
    use std::io::Write;
    crate::fsx::write_atomic(dest, |f| {
        f.write_all(bytes)
            .map_err(|e| Error::io(format!("Plotline could not write {}", dest.display()), e))
    })?;
    Ok(bytes.len() as u64)
}
