//! Publish the plan's dated posts to a saved CalDAV connection.
//!
//! Three steps, so no database transaction is held open while the network is slow:
//! 1. read the connection (password from the keychain), the post events and what Plotline
//!    published there before ([`caldav_published`](super::SCHEMA) rows);
//! 2. talk to the server ([`CalDavClient::publish`]: If-None-Match / If-Match ETags, only
//!    Plotline's own resources);
//! 3. store the new record and a summary of the run (not on a dry run).

use std::sync::Mutex;

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::clock::now;
use crate::connections;
use crate::exchange::caldav::{
    CalDavClient, CalDavTarget, PlanAction, PlanItem, PublishFailure, PublishRecord, PublishReport,
    PublishedItem,
};
use crate::exchange::post_events::scheduled_post_events;
use crate::secrets::SecretStore;
use crate::{Result, Store};

/// One publish at a time per process: two overlapping runs would both create the same events.
static PUBLISHING: Mutex<()> = Mutex::new(());

/// What a publish (or its dry run) did, for the UI and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PublishSummary {
    pub dry_run: bool,
    pub created: u32,
    pub updated: u32,
    pub deleted: u32,
    pub unchanged: u32,
    /// Events that could not be published (the others went ahead).
    pub failures: Vec<PublishFailure>,
    /// Every event and what happens (or would happen) to it.
    pub plan: Vec<PlanItem>,
}

impl PublishSummary {
    pub fn from_report(report: &PublishReport) -> Self {
        let failed = |uid: &str| report.failures.iter().any(|f| f.uid == uid);
        let count = |action: PlanAction| {
            report
                .plan
                .iter()
                .filter(|p| p.action == action && (report.dry_run || !failed(&p.uid)))
                .count() as u32
        };
        PublishSummary {
            dry_run: report.dry_run,
            created: count(PlanAction::Create),
            updated: count(PlanAction::Update),
            deleted: count(PlanAction::Delete),
            unchanged: count(PlanAction::Unchanged),
            failures: report.failures.clone(),
            plan: report.plan.clone(),
        }
    }
}

/// The last publish of a connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PublishRun {
    pub at: String,
    pub created: u32,
    pub updated: u32,
    pub deleted: u32,
    pub unchanged: u32,
    pub failures: u32,
}

/// The calendar a record belongs to: its collection URL (trimmed, with a trailing slash) and
/// the user name publishing there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarKey {
    pub collection: String,
    pub username: String,
}

impl CalendarKey {
    pub fn new(url: &str, username: &str) -> Self {
        let mut collection = url.trim().to_string();
        if !collection.ends_with('/') {
            collection.push('/');
        }
        CalendarKey {
            collection,
            username: username.trim().to_string(),
        }
    }

    pub fn of(target: &CalDavTarget) -> Self {
        CalendarKey::new(&target.url, &target.username)
    }
}

/// What Plotline published to this calendar before.
pub fn record(conn: &Connection, key: &CalendarKey) -> Result<PublishRecord> {
    let mut stmt = conn.prepare(
        "SELECT uid, href, etag, hash FROM caldav_published WHERE collection = ?1 AND username = ?2
         ORDER BY created_at, uid",
    )?;
    let items = stmt
        .query_map(params![key.collection, key.username], |r| {
            Ok(PublishedItem {
                uid: r.get(0)?,
                href: r.get(1)?,
                etag: r.get(2)?,
                hash: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(PublishRecord { items })
}

/// Replace the record of this calendar with `record` and note the run.
pub fn save_run(
    tx: &Transaction<'_>,
    key: &CalendarKey,
    record: &PublishRecord,
    summary: &PublishSummary,
) -> Result<()> {
    let ts = now();
    let before = self::record(tx, key)?;
    let keep: std::collections::HashSet<&str> =
        record.items.iter().map(|i| i.uid.as_str()).collect();
    for old in &before.items {
        if !keep.contains(old.uid.as_str()) {
            tx.execute(
                "DELETE FROM caldav_published WHERE collection = ?1 AND username = ?2 AND uid = ?3",
                params![key.collection, key.username, old.uid],
            )?;
        }
    }
    for i in &record.items {
        tx.execute(
            "INSERT INTO caldav_published
               (collection, username, uid, href, etag, hash, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
             ON CONFLICT (collection, username, uid) DO UPDATE SET
               href = excluded.href, etag = excluded.etag, hash = excluded.hash,
               updated_at = excluded.updated_at
             WHERE caldav_published.href IS NOT excluded.href
                OR caldav_published.etag IS NOT excluded.etag
                OR caldav_published.hash IS NOT excluded.hash",
            params![
                key.collection,
                key.username,
                i.uid,
                i.href,
                i.etag,
                i.hash,
                ts
            ],
        )?;
    }
    tx.execute(
        "INSERT INTO caldav_publish_run (collection, username, at, created, updated, deleted,
           unchanged, failures, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?3, ?3)
         ON CONFLICT (collection, username) DO UPDATE SET
           at = excluded.at, created = excluded.created, updated = excluded.updated,
           deleted = excluded.deleted, unchanged = excluded.unchanged,
           failures = excluded.failures, updated_at = excluded.updated_at",
        params![
            key.collection,
            key.username,
            ts,
            summary.created,
            summary.updated,
            summary.deleted,
            summary.unchanged,
            summary.failures.len() as u32
        ],
    )?;
    Ok(())
}

/// Forget what Plotline published to this calendar (when its connection is removed: the
/// events stay in the calendar, and a later publish there starts fresh).
pub fn forget(tx: &Transaction<'_>, key: &CalendarKey) -> Result<()> {
    tx.execute(
        "DELETE FROM caldav_published WHERE collection = ?1 AND username = ?2",
        params![key.collection, key.username],
    )?;
    tx.execute(
        "DELETE FROM caldav_publish_run WHERE collection = ?1 AND username = ?2",
        params![key.collection, key.username],
    )?;
    Ok(())
}

/// The last publish to this calendar, if any.
pub fn last_run(conn: &Connection, key: &CalendarKey) -> Result<Option<PublishRun>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT at, created, updated, deleted, unchanged, failures FROM caldav_publish_run
             WHERE collection = ?1 AND username = ?2",
            params![key.collection, key.username],
            |r| {
                Ok(PublishRun {
                    at: r.get(0)?,
                    created: r.get(1)?,
                    updated: r.get(2)?,
                    deleted: r.get(3)?,
                    unchanged: r.get(4)?,
                    failures: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// Publish (or preview with `dry_run`) the plan's dated posts to a saved connection.
pub fn publish_connection(
    store: &Store,
    secrets: &dyn SecretStore,
    connection_id: &str,
    dry_run: bool,
) -> Result<PublishSummary> {
    let target = store.read(|c| connections::target(c, secrets, connection_id))?;
    publish_target(store, &target, dry_run)
}

/// Publish (or preview) to any calendar (the CLI's `publish caldav --url --user`).
pub fn publish_target(
    store: &Store,
    target: &CalDavTarget,
    dry_run: bool,
) -> Result<PublishSummary> {
    let key = CalendarKey::of(target);
    let _one_at_a_time = PUBLISHING.lock().unwrap_or_else(|p| p.into_inner());
    let (events, previous) = store.read(|c| Ok((scheduled_post_events(c)?, record(c, &key)?)))?;
    let report = CalDavClient::new(target)?.publish(&events, &previous, dry_run)?;
    let summary = PublishSummary::from_report(&report);
    if !dry_run {
        store.write(|tx| save_run(tx, &key, &report.record, &summary))?;
    }
    Ok(summary)
}

/// Find the saved connection for `url` + `username` (the CLI's way of naming one).
pub fn find_connection(conn: &Connection, url: &str, username: &str) -> Result<Option<String>> {
    let want = CalendarKey::new(url, username);
    Ok(connections::list(conn)?
        .into_iter()
        .find(|c| CalendarKey::new(&c.url, &c.username) == want)
        .map(|c| c.id))
}

/// A saved connection with its last publish (Settings and the Share screen list these).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CalDavConnection {
    pub connection: connections::ConnectionInfo,
    pub last_run: Option<PublishRun>,
}

pub fn list_connections(conn: &Connection) -> Result<Vec<CalDavConnection>> {
    connections::list(conn)?
        .into_iter()
        .map(|c| {
            Ok(CalDavConnection {
                last_run: last_run(conn, &CalendarKey::new(&c.url, &c.username))?,
                connection: c,
            })
        })
        .collect()
}
