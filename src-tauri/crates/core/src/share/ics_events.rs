//! Importing holidays and store events from a calendar file into the events lane (R10: the file
//! goes through the bounded pre-scan of [`crate::exchange::ics_import`] before the parser; a
//! repeating event contributes only its first occurrence, so nothing expands without bound).
//! Timed events land on their local day in the workspace zone; all-day dates never shift.

use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;
use rusqlite::Transaction;
use serde::Serialize;

use crate::calendar::events::{create_event, EventInput, EventKind};
use crate::content::time;
use crate::exchange::ics_import::{read_events, IcsLimits, ImportedTime};
use crate::{Error, Result, Store};

/// Most events one file may add.
pub const MAX_EVENTS: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IcsEventRow {
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub recurring: bool,
    /// Already in the events lane (same title and first day): left alone.
    pub duplicate: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IcsImportPreview {
    pub events: Vec<IcsEventRow>,
    pub added: u32,
    pub duplicates: u32,
    /// Events without a start (skipped) and other notes.
    pub notes: Vec<String>,
}

fn day_of(t: &ImportedTime, tz: Tz) -> Option<NaiveDate> {
    match t {
        ImportedTime::Date(d) => Some(*d),
        ImportedTime::Utc(u) => Some(u.with_timezone(&tz).date_naive()),
        ImportedTime::Floating(n) => Some(n.date()),
        ImportedTime::Zoned { local, tzid } => match tzid.parse::<Tz>() {
            Ok(z) => Some(
                time::resolve_local(z, *local)
                    .with_timezone(&tz)
                    .date_naive(),
            ),
            Err(_) => Some(local.date()),
        },
    }
}

fn run(tx: &Transaction<'_>, bytes: &[u8]) -> Result<IcsImportPreview> {
    let tz = time::workspace_zone(tx)?;
    let (events, no_start) = read_events(bytes, &IcsLimits::default())?;
    if events.len() > MAX_EVENTS {
        return Err(Error::Invalid(format!(
            "This calendar file has {} events; Plotline imports up to {MAX_EVENTS} at a time.",
            events.len()
        )));
    }
    let mut out = IcsImportPreview {
        events: Vec::new(),
        added: 0,
        duplicates: 0,
        notes: Vec::new(),
    };
    if no_start > 0 {
        out.notes.push(format!(
            "{no_start} event(s) without a start date were skipped."
        ));
    }
    for e in events {
        let Some(start) = day_of(&e.start, tz) else {
            continue;
        };
        let end = match (&e.start, &e.end) {
            // DTEND of an all-day event is exclusive.
            (ImportedTime::Date(_), Some(ImportedTime::Date(d))) => {
                (*d - Duration::days(1)).max(start)
            }
            (_, Some(t)) => day_of(t, tz).unwrap_or(start).max(start),
            (_, None) => start,
        };
        let end = end.min(start + Duration::days(366));
        let title: String = e.summary.trim().chars().take(100).collect();
        let title = if title.is_empty() {
            "Event".to_string()
        } else {
            title
        };
        let duplicate: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM events WHERE title = ?1 AND starts_on = ?2)",
            rusqlite::params![title, start.to_string()],
            |r| r.get(0),
        )?;
        if duplicate {
            out.duplicates += 1;
        } else {
            create_event(
                tx,
                &EventInput {
                    title: title.clone(),
                    kind: EventKind::Other,
                    starts_on: start.to_string(),
                    ends_on: Some(end.to_string()),
                    notes: e
                        .description
                        .clone()
                        .unwrap_or_default()
                        .chars()
                        .take(2000)
                        .collect(),
                },
            )?;
            out.added += 1;
        }
        out.events.push(IcsEventRow {
            title,
            starts_on: start.to_string(),
            ends_on: end.to_string(),
            recurring: e.recurring,
            duplicate,
        });
    }
    if out.events.iter().any(|e| e.recurring) {
        out.notes.push(
            "Repeating events are added once, on their first date; add later dates by hand.".into(),
        );
    }
    Ok(out)
}

/// What importing the file would add. Writes nothing (the work is rolled back).
pub fn preview(store: &Store, bytes: &[u8]) -> Result<IcsImportPreview> {
    let mut out = None;
    let r = store.write(|tx| {
        out = Some(run(tx, bytes)?);
        Err::<(), _>(Error::Conflict("preview only".into()))
    });
    match (out, r) {
        (Some(p), _) => Ok(p),
        (None, Err(e)) => Err(e),
        (None, Ok(())) => Err(Error::Invalid("The preview could not be made.".into())),
    }
}

/// Add the file's events to the events lane in one transaction.
pub fn apply(store: &Store, bytes: &[u8]) -> Result<IcsImportPreview> {
    store.write(|tx| run(tx, bytes))
}
