//! Results and review (DOMAIN.md §5, the "Check" and "Act" of PDCA): metric snapshots per
//! published post variant, account-level metrics per period, manual KPI readings, the
//! derived metrics, the dashboard summary (KPI progress, breakdowns, planned vs published
//! mix, top and bottom posts), analytics CSV imports and the periodic reviews.
//!
//! Rates are fractions (0.042 = 4.2 %) everywhere except KPI values whose unit is `%`.
//! A rate whose denominator is missing or zero is `None`, never NaN or infinity.

pub mod import;
pub mod metrics;
pub mod review;
pub mod sample;
mod schema;
pub mod summary;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock;
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};

pub use metrics::{Derived, Metrics, RateBase};
pub use schema::SCHEMA;

/// Where a snapshot's numbers came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MetricSource {
    /// Typed in by hand (quick entry).
    Manual,
    /// Meta Business Suite export (Facebook / Instagram).
    Meta,
    /// X (Twitter) analytics export.
    X,
    /// LinkedIn page analytics export.
    Linkedin,
    /// Any other spreadsheet, with a column mapping.
    Generic,
}

/// The numbers of one post variant as known on one date.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    pub id: String,
    pub variant_id: String,
    pub post_id: String,
    pub platform: String,
    /// `YYYY-MM-DD`
    pub captured_on: String,
    pub metrics: Metrics,
    pub derived: Derived,
    pub source: MetricSource,
    pub post_url: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What quick entry (and an import row) saves for one variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotInput {
    pub variant_id: String,
    /// `YYYY-MM-DD`; empty means today in the workspace's zone.
    pub captured_on: String,
    pub metrics: Metrics,
    pub post_url: Option<String>,
}

pub(crate) fn parse_day(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        Error::field(
            field,
            format!("'{}' is not a date. Use the form 2026-03-31.", text.trim()),
        )
    })
}

const SNAPSHOT_COLS: &str = "s.id, s.variant_id, v.post_id, v.platform, s.captured_on,
    s.impressions, s.reach, s.likes, s.comments, s.shares, s.saves, s.clicks, s.profile_visits,
    s.video_views, s.conversions, s.revenue, s.source, s.post_url, s.created_at, s.updated_at";

fn snapshot_row(r: &Row<'_>) -> rusqlite::Result<Snapshot> {
    let metrics = metrics_at(r, 5)?;
    Ok(Snapshot {
        id: r.get(0)?,
        variant_id: r.get(1)?,
        post_id: r.get(2)?,
        platform: r.get(3)?,
        captured_on: r.get(4)?,
        derived: metrics.derived(),
        metrics,
        source: from_db(r.get(16)?, 16)?,
        post_url: r.get(17)?,
        created_at: r.get(18)?,
        updated_at: r.get(19)?,
    })
}

/// Read the eleven metric columns starting at `i` (impressions … revenue).
pub(crate) fn metrics_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Metrics> {
    Ok(Metrics {
        impressions: r.get(i)?,
        reach: r.get(i + 1)?,
        likes: r.get(i + 2)?,
        comments: r.get(i + 3)?,
        shares: r.get(i + 4)?,
        saves: r.get(i + 5)?,
        clicks: r.get(i + 6)?,
        profile_visits: r.get(i + 7)?,
        video_views: r.get(i + 8)?,
        conversions: r.get(i + 9)?,
        revenue: r.get(i + 10)?,
    })
}

/// Save the numbers of one variant for one date. A snapshot of the same variant, date and
/// source is replaced (typing a cell again corrects it); other dates are kept as history.
pub fn record_snapshot(
    tx: &Transaction<'_>,
    input: &SnapshotInput,
    source: MetricSource,
) -> Result<Snapshot> {
    input.metrics.validate()?;
    let captured = if input.captured_on.trim().is_empty() {
        crate::strategy::today(tx)?
    } else {
        parse_day("capturedOn", &input.captured_on)?
    };
    let status: Option<String> = tx
        .query_row(
            "SELECT p.status FROM post_variants v JOIN posts p ON p.id = v.post_id WHERE v.id = ?1",
            [&input.variant_id],
            |r| r.get(0),
        )
        .optional()?;
    if status.is_none() {
        return Err(Error::NotFound(
            "That post or platform no longer exists. Reload the list and try again.".into(),
        ));
    }
    let url = input
        .post_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(String::from);
    let source_db = to_db(&source)?;
    let captured = captured.to_string();
    let existing: Option<String> = tx
        .query_row(
            "SELECT id FROM metric_snapshots WHERE variant_id = ?1 AND captured_on = ?2 AND source = ?3",
            params![input.variant_id, captured, source_db],
            |r| r.get(0),
        )
        .optional()?;
    let m = &input.metrics;
    let now = clock::now();
    let id = match existing {
        Some(id) => {
            tx.execute(
                "UPDATE metric_snapshots SET impressions = ?2, reach = ?3, likes = ?4, comments = ?5,
                   shares = ?6, saves = ?7, clicks = ?8, profile_visits = ?9, video_views = ?10,
                   conversions = ?11, revenue = ?12, post_url = coalesce(?13, post_url), updated_at = ?14
                 WHERE id = ?1",
                params![
                    id, m.impressions, m.reach, m.likes, m.comments, m.shares, m.saves, m.clicks,
                    m.profile_visits, m.video_views, m.conversions, m.revenue, url, now
                ],
            )?;
            id
        }
        None => {
            let id = clock::new_id();
            tx.execute(
                "INSERT INTO metric_snapshots (id, variant_id, captured_on, impressions, reach, likes,
                   comments, shares, saves, clicks, profile_visits, video_views, conversions, revenue,
                   source, post_url, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
                params![
                    id, input.variant_id, captured, m.impressions, m.reach, m.likes, m.comments,
                    m.shares, m.saves, m.clicks, m.profile_visits, m.video_views, m.conversions,
                    m.revenue, source_db, url, now
                ],
            )?;
            id
        }
    };
    get_snapshot(tx, &id)
}

/// The first day a post's numbers can exist: the earlier of its planned day and the day it
/// was marked as published, both in the post's time zone. `None` when the post has neither.
pub fn publication_day(conn: &Connection, variant_id: &str) -> Result<Option<NaiveDate>> {
    let row: Option<(Option<String>, Option<String>, Option<String>)> = conn
        .query_row(
            "SELECT p.local_time, p.time_zone, pp.published_at
             FROM post_variants v JOIN posts p ON p.id = v.post_id
             LEFT JOIN post_publication pp ON pp.post_id = p.id
             WHERE v.id = ?1",
            [variant_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((local, zone, published_at)) = row else {
        return Ok(None);
    };
    let planned = local
        .as_deref()
        .and_then(|l| NaiveDate::parse_from_str(l.get(..10)?, "%Y-%m-%d").ok());
    let marked = published_at.as_deref().and_then(|at| {
        let utc = chrono::DateTime::parse_from_rfc3339(at).ok()?;
        Some(
            match zone
                .as_deref()
                .and_then(|z| z.parse::<chrono_tz::Tz>().ok())
            {
                Some(tz) => utc.with_timezone(&tz).date_naive(),
                None => utc.date_naive(),
            },
        )
    });
    Ok(match (planned, marked) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    })
}

/// Quick entry by the owner: the numbers as read on `captured_on` (empty = today), which
/// can be neither in the future nor before the post went out.
pub fn record_manual_snapshot(tx: &Transaction<'_>, input: &SnapshotInput) -> Result<Snapshot> {
    let today = crate::strategy::today(tx)?;
    if !input.captured_on.trim().is_empty() {
        let day = parse_day("capturedOn", &input.captured_on)?;
        if day > today {
            return Err(Error::field(
                "capturedOn",
                format!(
                    "{day} has not come yet. Pick the day you read the numbers: today ({today}) or earlier."
                ),
            ));
        }
        if let Some(first) = publication_day(tx, &input.variant_id)? {
            if day < first {
                let title: String = tx
                    .query_row(
                        "SELECT p.title FROM post_variants v JOIN posts p ON p.id = v.post_id
                         WHERE v.id = ?1",
                        [&input.variant_id],
                        |r| r.get(0),
                    )
                    .optional()?
                    .unwrap_or_default();
                return Err(Error::field(
                    "capturedOn",
                    format!(
                        "{day} is before “{title}” went out ({first}). Pick {first} or a later day."
                    ),
                ));
            }
        }
    }
    record_snapshot(tx, input, MetricSource::Manual)
}

pub fn get_snapshot(conn: &Connection, id: &str) -> Result<Snapshot> {
    conn.query_row(
        &format!(
            "SELECT {SNAPSHOT_COLS} FROM metric_snapshots s JOIN post_variants v ON v.id = s.variant_id
             WHERE s.id = ?1"
        ),
        [id],
        snapshot_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound("That result entry no longer exists.".into()))
}

/// Every snapshot of one variant, oldest first (the history behind "latest wins").
pub fn snapshots_of(conn: &Connection, variant_id: &str) -> Result<Vec<Snapshot>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {SNAPSHOT_COLS} FROM metric_snapshots s JOIN post_variants v ON v.id = s.variant_id
         WHERE s.variant_id = ?1 ORDER BY s.captured_on, s.updated_at"
    ))?;
    let rows = stmt
        .query_map([variant_id], snapshot_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn delete_snapshot(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM metric_snapshots WHERE id = ?1", [id])?;
    Ok(())
}

/// Account-level numbers of one platform for one period (from the platform's insights and
/// the owner's web analytics / till).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountMetrics {
    pub id: String,
    pub platform: String,
    pub period_start: String,
    pub period_end: String,
    /// Followers at the end of the period.
    pub followers: Option<u32>,
    pub profile_visits: Option<u32>,
    /// Website sessions from social (UTM medium = social in web analytics).
    pub web_sessions: Option<u32>,
    /// Orders or leads attributed to social in the period.
    pub orders_leads: Option<u32>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountMetricsInput {
    pub platform: String,
    pub period_start: String,
    pub period_end: String,
    pub followers: Option<u32>,
    pub profile_visits: Option<u32>,
    pub web_sessions: Option<u32>,
    pub orders_leads: Option<u32>,
}

fn account_row(r: &Row<'_>) -> rusqlite::Result<AccountMetrics> {
    Ok(AccountMetrics {
        id: r.get(0)?,
        platform: r.get(1)?,
        period_start: r.get(2)?,
        period_end: r.get(3)?,
        followers: r.get(4)?,
        profile_visits: r.get(5)?,
        web_sessions: r.get(6)?,
        orders_leads: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

const ACCOUNT_COLS: &str = "id, platform, period_start, period_end, followers, profile_visits,
    web_sessions, orders_leads, created_at, updated_at";

/// Save (or replace, for the same platform and period) one period's account numbers.
pub fn save_account_metrics(
    tx: &Transaction<'_>,
    input: &AccountMetricsInput,
) -> Result<AccountMetrics> {
    let platform = crate::content::validate_platform("platform", &input.platform)?;
    let start = parse_day("periodStart", &input.period_start)?;
    let end = parse_day("periodEnd", &input.period_end)?;
    if end < start {
        return Err(Error::field(
            "periodEnd",
            "The period ends before it starts. Swap the two dates.",
        ));
    }
    let now = clock::now();
    tx.execute(
        "INSERT INTO account_metrics (id, platform, period_start, period_end, followers,
           profile_visits, web_sessions, orders_leads, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
         ON CONFLICT (platform, period_start, period_end) DO UPDATE SET
           followers = excluded.followers, profile_visits = excluded.profile_visits,
           web_sessions = excluded.web_sessions, orders_leads = excluded.orders_leads,
           updated_at = excluded.updated_at",
        params![
            clock::new_id(),
            platform,
            start.to_string(),
            end.to_string(),
            input.followers,
            input.profile_visits,
            input.web_sessions,
            input.orders_leads,
            now
        ],
    )?;
    Ok(tx.query_row(
        &format!(
            "SELECT {ACCOUNT_COLS} FROM account_metrics
             WHERE platform = ?1 AND period_start = ?2 AND period_end = ?3"
        ),
        params![platform, start.to_string(), end.to_string()],
        account_row,
    )?)
}

/// Account metrics whose period ends in [from, to], oldest first.
pub fn list_account_metrics(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<AccountMetrics>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ACCOUNT_COLS} FROM account_metrics WHERE period_end >= ?1 AND period_end <= ?2
         ORDER BY period_end, platform"
    ))?;
    let rows = stmt
        .query_map(params![from.to_string(), to.to_string()], account_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn delete_account_metrics(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM account_metrics WHERE id = ?1", [id])?;
    Ok(())
}

/// A KPI value measured outside Plotline (e.g. repeat-purchase rate from the till, branded
/// hashtag uses counted by hand). It wins over the value computed from metrics.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KpiReading {
    pub id: String,
    pub kpi_id: String,
    pub measured_on: String,
    pub value: f64,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KpiReadingInput {
    pub kpi_id: String,
    pub measured_on: String,
    pub value: f64,
    pub note: String,
}

pub fn add_kpi_reading(tx: &Transaction<'_>, input: &KpiReadingInput) -> Result<KpiReading> {
    let day = parse_day("measuredOn", &input.measured_on)?;
    if !input.value.is_finite() || input.value < 0.0 {
        return Err(Error::field(
            "value",
            "Enter the measured value as a number of 0 or more.",
        ));
    }
    let exists: Option<String> = tx
        .query_row("SELECT id FROM kpis WHERE id = ?1", [&input.kpi_id], |r| {
            r.get(0)
        })
        .optional()?;
    if exists.is_none() {
        return Err(Error::NotFound(
            "That KPI no longer exists. Reload the page.".into(),
        ));
    }
    let id = clock::new_id();
    let now = clock::now();
    tx.execute(
        "INSERT INTO kpi_readings (id, kpi_id, measured_on, value, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            id,
            input.kpi_id,
            day.to_string(),
            input.value,
            input.note.trim(),
            now
        ],
    )?;
    Ok(KpiReading {
        id,
        kpi_id: input.kpi_id.clone(),
        measured_on: day.to_string(),
        value: input.value,
        note: input.note.trim().to_string(),
    })
}

pub fn kpi_readings(conn: &Connection, kpi_id: &str) -> Result<Vec<KpiReading>> {
    let mut stmt = conn.prepare(
        "SELECT id, kpi_id, measured_on, value, note FROM kpi_readings WHERE kpi_id = ?1
         ORDER BY measured_on, created_at",
    )?;
    let rows = stmt
        .query_map([kpi_id], |r| {
            Ok(KpiReading {
                id: r.get(0)?,
                kpi_id: r.get(1)?,
                measured_on: r.get(2)?,
                value: r.get(3)?,
                note: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// How many variants have at least one snapshot (for the Plan overview).
pub fn measured_variant_count(conn: &Connection) -> Result<u32> {
    let n: i64 = conn.query_row(
        "SELECT count(DISTINCT variant_id) FROM metric_snapshots",
        [],
        |r| r.get(0),
    )?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
