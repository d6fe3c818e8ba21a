//! Posts (and optionally the events lane) as an iCalendar file for Google Calendar, Outlook,
//! Apple Calendar and Thunderbird.
//!
//! One VEVENT per scheduled post, built by [`crate::exchange::post_events::post_event`] — the
//! same mapping CalDAV publishing uses (UID, SUMMARY, DESCRIPTION in the workspace language,
//! 30 minutes with TZID and a VTIMEZONE, CATEGORIES = the pillar). Store events of the events
//! lane become all-day events (`VALUE=DATE`, never shifted by zones).

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::{select, stamp, ExportOptions, LaneEvent, Selection};
use crate::exchange::ics::{to_ics, CalEvent, EventTime};
use crate::exchange::post_events::{post_event, post_uid};
use crate::Result;

fn lane_event(e: &LaneEvent, fallback: DateTime<Utc>) -> CalEvent {
    let days = (e.ends_on - e.starts_on).num_days().max(0) as u32 + 1;
    CalEvent {
        uid: post_uid(&e.id),
        summary: format!("◆ {}", e.title),
        description: Some(e.notes.clone()).filter(|n| !n.trim().is_empty()),
        time: EventTime::AllDay {
            first: e.starts_on,
            days,
        },
        categories: vec![e.kind.clone()],
        url: None,
        stamp: stamp(&e.updated_at, fallback),
    }
}

/// The ICS text of a selection.
pub fn render(sel: &Selection) -> Result<(String, u32, u32)> {
    // DTSTAMP must be a real instant; rows always carry updated_at, the epoch is only a guard.
    let fallback = DateTime::<Utc>::UNIX_EPOCH;
    let mut events = Vec::with_capacity(sel.posts.len() + sel.events.len());
    for p in sel.posts.iter().filter(|p| p.time.is_some()) {
        events.push(post_event(p, sel.pillar_name(p), sel.tz, sel.language)?);
    }
    let posts = events.len() as u32;
    events.extend(sel.events.iter().map(|e| lane_event(e, fallback)));
    let name = format!("{} — Plotline", sel.business);
    Ok((
        to_ics(&events, Some(&name))?,
        posts,
        sel.events.len() as u32,
    ))
}

/// Select and render in one step.
pub fn export(conn: &Connection, opts: &ExportOptions) -> Result<(String, u32, u32)> {
    render(&select(conn, opts)?)
}
