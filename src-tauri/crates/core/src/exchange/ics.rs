//! iCalendar (RFC 5545) output for calendar exports and CalDAV publishing.
//!
//! Events are built with the `icalendar` crate (its builder escapes text and folds lines at 75
//! octets on UTF-8 boundaries, so CJK and emoji stay intact), from [`CalEvent`], a small generic
//! struct that posts and calendar events will be mapped to.
//!
//! Times are either UTC instants (`DTSTART:…Z`), instants shown in an IANA zone
//! (`DTSTART;TZID=Asia/Tokyo:…` plus a generated `VTIMEZONE` describing that zone's offsets and
//! DST transitions over the years the events cover), or all-day dates (`VALUE=DATE`, which never
//! shift a day whatever the reader's zone).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use icalendar::{CalendarDateTime, Component, EventLike};

use crate::{Error, Result};

/// When an event happens.
#[derive(Debug, Clone, PartialEq)]
pub enum EventTime {
    /// A time span written in UTC (`…Z`): every reader shows it at the same instant.
    Utc {
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    },
    /// A time span written as local times in `tz` with `TZID` and a `VTIMEZONE`.
    Zoned {
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        tz: Tz,
    },
    /// Whole days: `first` and the following `days - 1` days (DTEND is exclusive).
    AllDay { first: NaiveDate, days: u32 },
}

/// One calendar event, independent of where it comes from (a post, a store event, a holiday).
#[derive(Debug, Clone, PartialEq)]
pub struct CalEvent {
    /// Stable and globally unique (e.g. `<post id>@plotline.app`): readers update by UID.
    pub uid: String,
    pub summary: String,
    pub description: Option<String>,
    pub time: EventTime,
    pub categories: Vec<String>,
    pub url: Option<String>,
    /// The last change of the source (DTSTAMP / LAST-MODIFIED). Deterministic output: the same
    /// event always gives the same bytes, which CalDAV publishing relies on.
    pub stamp: DateTime<Utc>,
}

/// Plotline's product identifier in every file it writes.
pub const PRODID: &str = "-//Plotline//Plotline Calendar Export//EN";

fn validate(e: &CalEvent) -> Result<()> {
    if e.uid.trim().is_empty() {
        return Err(Error::Invalid(
            "An event without an id cannot be exported.".into(),
        ));
    }
    match &e.time {
        EventTime::Utc { start, end } | EventTime::Zoned { start, end, .. } if end < start => {
            Err(Error::Invalid(format!(
                "\"{}\" ends before it starts. Fix its time, then export again.",
                e.summary
            )))
        }
        EventTime::AllDay { days: 0, .. } => Err(Error::Invalid(format!(
            "\"{}\" lasts zero days. Give it at least one day, then export again.",
            e.summary
        ))),
        _ => Ok(()),
    }
}

fn local(tz: Tz, t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&tz).naive_local()
}

/// A local time with TZID, unless that local time would be read as another instant: in the hour
/// repeated when clocks go back, RFC 5545 readers take the first occurrence, so an instant in the
/// second one is written in UTC instead.
fn zoned(tz: Tz, t: DateTime<Utc>) -> CalendarDateTime {
    let naive = local(tz, t);
    match tz.from_local_datetime(&naive).earliest() {
        Some(first) if first.with_timezone(&Utc) == t => CalendarDateTime::WithTimezone {
            date_time: naive,
            tzid: tz.name().to_string(),
        },
        _ => CalendarDateTime::Utc(t),
    }
}

fn build_event(e: &CalEvent) -> Result<icalendar::Event> {
    validate(e)?;
    let mut ev = icalendar::Event::new();
    ev.uid(&e.uid)
        .summary(&e.summary)
        .timestamp(e.stamp)
        .last_modified(e.stamp);
    if let Some(d) = &e.description {
        ev.description(d);
    }
    if let Some(u) = &e.url {
        ev.url(u);
    }
    if !e.categories.is_empty() {
        ev.categories(&e.categories);
    }
    match &e.time {
        EventTime::Utc { start, end } => {
            ev.starts(CalendarDateTime::Utc(*start))
                .ends(CalendarDateTime::Utc(*end));
        }
        EventTime::Zoned { start, end, tz } => {
            ev.starts(zoned(*tz, *start)).ends(zoned(*tz, *end));
        }
        EventTime::AllDay { first, days } => {
            let end = first
                .checked_add_signed(Duration::days(i64::from(*days)))
                .ok_or_else(|| {
                    Error::Invalid(format!("\"{}\" ends too far in the future.", e.summary))
                })?;
            ev.starts(*first).ends(end);
        }
    }
    Ok(ev.done())
}

/// The zones used by `events`, with the UTC span of years each one must describe.
fn zones(events: &[CalEvent]) -> BTreeMap<String, (Tz, i32, i32)> {
    let mut out: BTreeMap<String, (Tz, i32, i32)> = BTreeMap::new();
    for e in events {
        if let EventTime::Zoned { start, end, tz } = &e.time {
            let (a, b) = (start.year(), end.year());
            out.entry(tz.name().to_string())
                .and_modify(|s| {
                    s.1 = s.1.min(a);
                    s.2 = s.2.max(b);
                })
                .or_insert((*tz, a, b));
        }
    }
    out
}

fn fmt_offset(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let s = secs.abs();
    if s % 60 == 0 {
        format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
    } else {
        format!("{sign}{:02}{:02}{:02}", s / 3600, (s % 3600) / 60, s % 60)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct ZoneState {
    total: i32,
    dst: bool,
}

fn state_at(tz: Tz, t: DateTime<Utc>) -> (ZoneState, String) {
    let off = tz.offset_from_utc_datetime(&t.naive_utc());
    let total = off.fix().local_minus_utc();
    let dst = !off.dst_offset().is_zero();
    let name = off.abbreviation().unwrap_or("").to_string();
    (ZoneState { total, dst }, name)
}

/// A `VTIMEZONE` for `tz` covering the years `from..=to` (plus one year either side), with one
/// STANDARD/DAYLIGHT sub-component per transition, generated from the IANA data in chrono-tz.
/// It carries no user text. (The icalendar crate has no VTIMEZONE builder, and its generic
/// component writer adds DTSTAMP/UID lines that RFC 5545 does not allow in a VTIMEZONE.)
fn vtimezone(tz: Tz, from: i32, to: i32) -> Result<String> {
    let start = Utc
        .with_ymd_and_hms(from - 1, 1, 1, 0, 0, 0)
        .single()
        .ok_or_else(|| Error::Invalid("A date is out of range.".into()))?;
    let end = Utc
        .with_ymd_and_hms(to + 2, 1, 1, 0, 0, 0)
        .single()
        .ok_or_else(|| Error::Invalid("A date is out of range.".into()))?;
    let mut text = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    let (first, first_name) = state_at(tz, start);
    let mut push = |from_off: i32, st: ZoneState, name: &str, onset_local: NaiveDateTime| {
        let kind = if st.dst { "DAYLIGHT" } else { "STANDARD" };
        text.push_str(&format!(
            "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n",
            onset_local.format("%Y%m%dT%H%M%S"),
            fmt_offset(from_off),
            fmt_offset(st.total)
        ));
        if !name.is_empty() && !name.starts_with(['+', '-']) {
            text.push_str(&format!("TZNAME:{name}\r\n"));
        }
        text.push_str(&format!("END:{kind}\r\n"));
    };
    push(first.total, first, &first_name, local(tz, start));
    // Walk day by day; when the offset changes, binary-search the exact minute of the change.
    let mut prev = first;
    let mut t = start;
    while t < end {
        let next = t + Duration::days(1);
        let (st, _) = state_at(tz, next);
        if st != prev {
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if state_at(tz, mid).0 == prev {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let (st, name) = state_at(tz, hi);
            // RFC 5545: the onset is written in the local time in effect *before* it.
            let onset = hi.naive_utc() + Duration::seconds(i64::from(prev.total));
            push(prev.total, st, &name, onset);
            prev = st;
        }
        t = next;
    }
    text.push_str("END:VTIMEZONE\r\n");
    Ok(text)
}

fn line(key: &str, value: &str) -> Result<String> {
    icalendar::Property::new(key, value)
        .try_into()
        .map_err(|_| {
            Error::Invalid(format!(
                "Plotline could not write the calendar property {key}."
            ))
        })
}

/// A whole calendar file with every event (and one VTIMEZONE per zone used).
pub fn to_ics(events: &[CalEvent], calendar_name: Option<&str>) -> Result<String> {
    // The envelope is assembled here so that every byte is deterministic; each VEVENT (all the
    // user text) is written by the icalendar crate, which escapes and folds it.
    let mut out = String::from("BEGIN:VCALENDAR\r\n");
    out.push_str(&line("VERSION", "2.0")?);
    out.push_str(&line("PRODID", PRODID)?);
    out.push_str(&line("CALSCALE", "GREGORIAN")?);
    if let Some(name) = calendar_name {
        out.push_str(&line("X-WR-CALNAME", name)?);
    }
    for (_, (tz, from, to)) in zones(events) {
        out.push_str(&vtimezone(tz, from, to)?);
    }
    let mut seen = BTreeSet::new();
    for e in events {
        if !seen.insert(e.uid.as_str()) {
            return Err(Error::Invalid(format!(
                "Two events share the id \"{}\"; each event needs its own.",
                e.uid
            )));
        }
        let ev = build_event(e)?;
        ev.fmt_write(&mut out)
            .map_err(|_| Error::Invalid(format!("Plotline could not write \"{}\".", e.summary)))?;
    }
    out.push_str("END:VCALENDAR\r\n");
    Ok(out)
}

/// One event as a standalone calendar object resource (what CalDAV stores per event).
pub fn event_resource(event: &CalEvent) -> Result<String> {
    to_ics(std::slice::from_ref(event), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use icalendar::Calendar;
    use std::str::FromStr;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("valid")
    }

    pub(crate) fn sample(uid: &str) -> CalEvent {
        CalEvent {
            uid: uid.into(),
            summary: "📸 Instagram: 新作クロワッサン, fresh; today".into(),
            description: Some("Line one\nLine two with \\ backslash, comma; semicolon".into()),
            time: EventTime::Zoned {
                start: at(2026, 3, 8, 14, 0),
                end: at(2026, 3, 8, 14, 30),
                tz: chrono_tz::America::New_York,
            },
            categories: vec!["Behind the scenes".into(), "季節, seasonal".into()],
            url: None,
            stamp: at(2026, 1, 2, 3, 4),
        }
    }

    #[test]
    fn output_is_deterministic_folded_and_round_trips() {
        let mut long = sample("a@plotline.app");
        long.description = Some("🍞パン".repeat(40));
        let ics = to_ics(&[long.clone()], Some("Komorebi Bakery")).expect("ics");
        assert_eq!(
            ics,
            to_ics(&[long.clone()], Some("Komorebi Bakery")).expect("again")
        );
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
        }
        assert!(
            ics.contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York"),
            "{ics}"
        );
        assert!(
            ics.contains("DTSTART;TZID=America/New_York:20260308T100000"),
            "{ics}"
        );
        let parsed = Calendar::from_str(&ics).expect("parse back");
        let ev = parsed.events().next().expect("one event");
        assert_eq!(ev.get_description(), long.description.as_deref());
        assert_eq!(ev.get_summary(), Some(long.summary.as_str()));
        assert_eq!(
            ev.get_categories().expect("categories"),
            vec![
                "Behind the scenes".to_string(),
                "季節, seasonal".to_string()
            ]
        );
    }

    #[test]
    fn all_day_dates_have_no_time_and_an_exclusive_end() {
        let mut e = sample("d@plotline.app");
        e.time = EventTime::AllDay {
            first: NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
            days: 1,
        };
        let ics = event_resource(&e).expect("ics");
        assert!(ics.contains("DTSTART;VALUE=DATE:20261231"), "{ics}");
        assert!(ics.contains("DTEND;VALUE=DATE:20270101"), "{ics}");
        assert!(!ics.contains("VTIMEZONE"));
    }

    #[test]
    fn vtimezone_has_the_2026_transitions() {
        let ics = event_resource(&sample("v@plotline.app")).expect("ics");
        // 2026-03-08 02:00 EST → EDT, 2026-11-01 02:00 EDT → EST (onsets in prior local time).
        assert!(ics.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400"), "{ics}");
        assert!(ics.contains("BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500"), "{ics}");
        let tokyo = CalEvent {
            time: EventTime::Zoned {
                start: at(2026, 5, 1, 0, 0),
                end: at(2026, 5, 1, 1, 0),
                tz: chrono_tz::Asia::Tokyo,
            },
            ..sample("t@plotline.app")
        };
        let ics = event_resource(&tokyo).expect("ics");
        assert!(ics.contains("TZOFFSETTO:+0900"), "{ics}");
        assert!(
            ics.contains("DTSTART;TZID=Asia/Tokyo:20260501T090000"),
            "{ics}"
        );
    }

    #[test]
    fn bad_events_are_refused_with_a_reason() {
        let mut e = sample("x@plotline.app");
        e.time = EventTime::Utc {
            start: at(2026, 1, 2, 0, 0),
            end: at(2026, 1, 1, 0, 0),
        };
        assert!(to_ics(&[e], None)
            .expect_err("end before start")
            .to_string()
            .contains("ends before it starts"));
        let a = sample("same");
        assert!(to_ics(&[a.clone(), a], None).is_err());
    }
}
