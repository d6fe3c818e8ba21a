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
use crate::exchange::ics::CalEvent;
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

/// What Plotline published to `connection_id` before.
pub fn record(conn: &Connection, connection_id: &str) -> Result<PublishRecord> {
    let mut stmt = conn.prepare(
        "SELECT uid, href, etag, hash FROM caldav_published WHERE connection_id = ?1
         ORDER BY created_at, uid",
    )?;
    let items = stmt
        .query_map([connection_id], |r| {
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

/// Replace the record of `connection_id` with `record` and note the run.
pub fn save_run(
    tx: &Transaction<'_>,
    connection_id: &str,
    record: &PublishRecord,
    summary: &PublishSummary,
) -> Result<()> {
    // The connection must still exist (it may have been removed during a slow publish).
    connections::get(tx, connection_id)?;
    let ts = now();
    let before = self::record(tx, connection_id)?;
    let keep: std::collections::HashSet<&str> =
        record.items.iter().map(|i| i.uid.as_str()).collect();
    for old in &before.items {
        if !keep.contains(old.uid.as_str()) {
            tx.execute(
                "DELETE FROM caldav_published WHERE connection_id = ?1 AND uid = ?2",
                params![connection_id, old.uid],
            )?;
        }
    }
    for i in &record.items {
        tx.execute(
            "INSERT INTO caldav_published (connection_id, uid, href, etag, hash, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
             ON CONFLICT (connection_id, uid) DO UPDATE SET
               href = excluded.href, etag = excluded.etag, hash = excluded.hash,
               updated_at = excluded.updated_at
             WHERE caldav_published.href IS NOT excluded.href
                OR caldav_published.etag IS NOT excluded.etag
                OR caldav_published.hash IS NOT excluded.hash",
            params![connection_id, i.uid, i.href, i.etag, i.hash, ts],
        )?;
    }
    tx.execute(
        "INSERT INTO caldav_publish_run
           (connection_id, at, created, updated, deleted, unchanged, failures, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?2, ?2)
         ON CONFLICT (connection_id) DO UPDATE SET
           at = excluded.at, created = excluded.created, updated = excluded.updated,
           deleted = excluded.deleted, unchanged = excluded.unchanged,
           failures = excluded.failures, updated_at = excluded.updated_at",
        params![
            connection_id,
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

/// The last publish of `connection_id`, if any.
pub fn last_run(conn: &Connection, connection_id: &str) -> Result<Option<PublishRun>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT at, created, updated, deleted, unchanged, failures FROM caldav_publish_run
             WHERE connection_id = ?1",
            [connection_id],
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
    let (target, events, previous) = store.read(|c| {
        Ok((
            connections::target(c, secrets, connection_id)?,
            scheduled_post_events(c)?,
            record(c, connection_id)?,
        ))
    })?;
    let (summary, report) = publish_events(&target, &events, &previous, dry_run)?;
    if !dry_run {
        store.write(|tx| save_run(tx, connection_id, &report.record, &summary))?;
    }
    Ok(summary)
}

/// The network half, for callers that keep the record themselves.
pub fn publish_events(
    target: &CalDavTarget,
    events: &[CalEvent],
    previous: &PublishRecord,
    dry_run: bool,
) -> Result<(PublishSummary, PublishReport)> {
    let _one_at_a_time = PUBLISHING.lock().unwrap_or_else(|p| p.into_inner());
    let report = CalDavClient::new(target)?.publish(events, previous, dry_run)?;
    Ok((PublishSummary::from_report(&report), report))
}

/// Find the saved connection for `url` + `username` (the CLI's way of naming one).
pub fn find_connection(conn: &Connection, url: &str, username: &str) -> Result<Option<String>> {
    let norm = |u: &str| u.trim().trim_end_matches('/').to_string();
    Ok(connections::list(conn)?
        .into_iter()
        .find(|c| norm(&c.url) == norm(url) && c.username == username.trim())
        .map(|c| c.id))
}
