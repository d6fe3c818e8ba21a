//! Reading calendar files (holidays, store events) safely (RELIABILITY.md R10).
//!
//! The `icalendar` parser recurses once per nested BEGIN without any limit: about 52 KB of nested
//! VEVENTs overflow a 2 MiB thread stack and abort the whole process. So every file first goes
//! through [`prescan`], a flat loop that enforces a size cap, a nesting-depth cap, matching
//! BEGIN/END pairs and component counts, and only then reaches the parser. Recurring events are
//! not expanded here (the caller bounds any expansion); they are flagged.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventLike};

use crate::{Error, Result};

/// The limits of one import.
#[derive(Debug, Clone, Copy)]
pub struct IcsLimits {
    pub max_bytes: usize,
    /// VCALENDAR › VEVENT › VALARM is 3; VCALENDAR › VTIMEZONE › STANDARD is 3.
    pub max_depth: usize,
    pub max_components: usize,
    pub max_line_bytes: usize,
}

impl Default for IcsLimits {
    fn default() -> Self {
        IcsLimits {
            max_bytes: 20 * 1024 * 1024,
            max_depth: 8,
            max_components: 100_000,
            max_line_bytes: 64 * 1024,
        }
    }
}

/// What the pre-scan found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IcsStats {
    pub bytes: usize,
    pub lines: usize,
    pub calendars: usize,
    pub events: usize,
    pub components: usize,
    pub max_depth: usize,
}

fn bad(what: String) -> Error {
    Error::Invalid(format!(
        "This calendar file cannot be imported: {what}. Export it again from your calendar app, or \
         choose another file."
    ))
}

/// Check an ICS file's shape without recursion. Returns counts, or a clear error.
pub fn prescan(bytes: &[u8], limits: &IcsLimits) -> Result<IcsStats> {
    if bytes.len() > limits.max_bytes {
        return Err(bad(format!(
            "it is {} MB, more than the {} MB Plotline reads",
            bytes.len().div_ceil(1024 * 1024),
            limits.max_bytes / (1024 * 1024)
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        bad(format!(
            "line {line} is not UTF-8 text (calendar files must be UTF-8)"
        ))
    })?;
    let mut stats = IcsStats {
        bytes: bytes.len(),
        ..IcsStats::default()
    };
    let mut stack: Vec<(String, usize)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let n = i + 1;
        stats.lines = n;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.len() > limits.max_line_bytes {
            return Err(bad(format!("line {n} is too long")));
        }
        // Continuation lines (folding) never start a BEGIN/END.
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let is_begin = line
            .get(..6)
            .is_some_and(|p| p.eq_ignore_ascii_case("BEGIN:"));
        let is_end = line
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("END:"));
        if is_begin {
            let name = line[6..].trim().to_ascii_uppercase();
            if stack.len() >= limits.max_depth {
                return Err(bad(format!(
                    "its components are nested more than {} levels deep (line {n})",
                    limits.max_depth
                )));
            }
            stats.components += 1;
            if stats.components > limits.max_components {
                return Err(bad(format!(
                    "it has more than {} entries",
                    limits.max_components
                )));
            }
            match name.as_str() {
                "VCALENDAR" => stats.calendars += 1,
                "VEVENT" => stats.events += 1,
                _ => {}
            }
            stack.push((name, n));
            stats.max_depth = stats.max_depth.max(stack.len());
        } else if is_end {
            let name = line[4..].trim().to_ascii_uppercase();
            match stack.pop() {
                Some((open, _)) if open == name => {}
                Some((open, at)) => {
                    return Err(bad(format!(
                        "line {n} closes {name} but {open} (opened on line {at}) is still open"
                    )))
                }
                None => {
                    return Err(bad(format!(
                        "line {n} closes {name}, which was never opened"
                    )))
                }
            }
        }
    }
    if let Some((open, at)) = stack.pop() {
        return Err(bad(format!(
            "{open} opened on line {at} is never closed (the file may be cut short)"
        )));
    }
    if stats.calendars == 0 {
        return Err(bad("it contains no calendar (no BEGIN:VCALENDAR)".into()));
    }
    Ok(stats)
}

/// A time read from a calendar file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportedTime {
    Utc(DateTime<Utc>),
    /// Local time in a named zone (as written; the caller resolves it).
    Zoned {
        local: NaiveDateTime,
        tzid: String,
    },
    /// Local time without a zone ("floating").
    Floating(NaiveDateTime),
    /// A whole day (never shifted by time zones).
    Date(NaiveDate),
}

impl From<DatePerhapsTime> for ImportedTime {
    fn from(d: DatePerhapsTime) -> Self {
        match d {
            DatePerhapsTime::Date(d) => ImportedTime::Date(d),
            DatePerhapsTime::DateTime(CalendarDateTime::Utc(t)) => ImportedTime::Utc(t),
            DatePerhapsTime::DateTime(CalendarDateTime::Floating(t)) => ImportedTime::Floating(t),
            DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
                ImportedTime::Zoned {
                    local: date_time,
                    tzid,
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedEvent {
    pub uid: Option<String>,
    pub summary: String,
    pub description: Option<String>,
    pub start: ImportedTime,
    pub end: Option<ImportedTime>,
    pub categories: Vec<String>,
    /// The event repeats (RRULE/RDATE); only its first occurrence is described here.
    pub recurring: bool,
}

/// Pre-scan, then parse: the events of an ICS file. Events without a start are skipped and
/// counted in the second value.
pub fn read_events(bytes: &[u8], limits: &IcsLimits) -> Result<(Vec<ImportedEvent>, usize)> {
    prescan(bytes, limits)?;
    let text = std::str::from_utf8(bytes).map_err(|_| bad("it is not UTF-8 text".into()))?;
    let cal = icalendar::Calendar::from_str(text).map_err(|e| {
        let first = e
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(200)
            .collect::<String>();
        bad(format!("it is not a valid calendar ({first})"))
    })?;
    let mut events = Vec::new();
    let mut skipped = 0;
    for ev in cal.events() {
        let Some(start) = ev.get_start() else {
            skipped += 1;
            continue;
        };
        events.push(ImportedEvent {
            uid: ev.get_uid().map(str::to_string),
            summary: ev.get_summary().unwrap_or("").to_string(),
            description: ev.get_description().map(str::to_string),
            start: start.into(),
            end: ev.get_end().map(Into::into),
            categories: ev.get_categories().unwrap_or_default(),
            recurring: ev.property_value("RRULE").is_some() || ev.property_value("RDATE").is_some(),
        });
    }
    Ok((events, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        let mut s = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        for _ in 0..depth {
            s.push_str("BEGIN:VEVENT\r\n");
        }
        for _ in 0..depth {
            s.push_str("END:VEVENT\r\n");
        }
        s.push_str("END:VCALENDAR\r\n");
        s
    }

    #[test]
    fn deep_nesting_is_refused_before_the_parser_sees_it() {
        for depth in [2_000, 100_000] {
            let ics = nested(depth);
            let err = read_events(ics.as_bytes(), &IcsLimits::default()).expect_err("too deep");
            let msg = err.to_string();
            assert!(msg.contains("nested more than 8 levels deep"), "{msg}");
            assert!(msg.contains("line 10"), "{msg}");
        }
        // The file the depth cap allows still parses.
        let ok = nested(2);
        assert!(prescan(ok.as_bytes(), &IcsLimits::default()).is_ok());
    }

    #[test]
    fn size_cap_and_mismatched_or_unclosed_components() {
        let limits = IcsLimits {
            max_bytes: 100,
            ..IcsLimits::default()
        };
        let big = format!(
            "BEGIN:VCALENDAR\r\nX:{}\r\nEND:VCALENDAR\r\n",
            "a".repeat(200)
        );
        assert!(prescan(big.as_bytes(), &limits)
            .expect_err("big")
            .to_string()
            .contains("MB"));
        let cut = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n";
        let msg = prescan(cut.as_bytes(), &IcsLimits::default())
            .expect_err("cut")
            .to_string();
        assert!(
            msg.contains("VEVENT opened on line 2 is never closed"),
            "{msg}"
        );
        let crossed = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\nEND:VEVENT\r\n";
        let msg = prescan(crossed.as_bytes(), &IcsLimits::default())
            .expect_err("crossed")
            .to_string();
        assert!(msg.contains("line 3 closes VCALENDAR"), "{msg}");
        let msg = prescan(b"hello", &IcsLimits::default())
            .expect_err("no calendar")
            .to_string();
        assert!(msg.contains("no BEGIN:VCALENDAR"), "{msg}");
        let msg = prescan(
            b"BEGIN:VCALENDAR\r\nSUMMARY:\xff\r\n",
            &IcsLimits::default(),
        )
        .expect_err("latin1")
        .to_string();
        assert!(msg.contains("line 2 is not UTF-8"), "{msg}");
        // Multi-byte text at the start of a line is not mistaken for BEGIN/END.
        let cjk = "BEGIN:VCALENDAR\r\n日本語\r\nEN日\r\nBEGIN日本:X\r\nEND:VCALENDAR\r\n";
        assert!(prescan(cjk.as_bytes(), &IcsLimits::default()).is_ok());
        let many = IcsLimits {
            max_components: 3,
            ..IcsLimits::default()
        };
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assert!(prescan(ics.as_bytes(), &many)
            .expect_err("many")
            .to_string()
            .contains("more than 3 entries"));
    }

    #[test]
    fn a_google_style_file_reads_with_all_day_dates_intact() {
        let ics = "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260429\r\nDTEND;VALUE=DATE:20260430\r\nUID:showa@google.com\r\n\
SUMMARY:昭和の日\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;TZID=Asia/Tokyo:20260501T090000\r\nDTEND;TZID=Asia/Tokyo:20260501T100000\r\n\
RRULE:FREQ=WEEKLY;COUNT=4\r\nUID:market@example.com\r\nSUMMARY:Farmers market\\, Yoyogi\r\n\
BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT10M\r\nEND:VALARM\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:nostart\r\nSUMMARY:broken\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let stats = prescan(ics.as_bytes(), &IcsLimits::default()).expect("scan");
        assert_eq!((stats.events, stats.components, stats.max_depth), (3, 5, 3));
        let (events, skipped) = read_events(ics.as_bytes(), &IcsLimits::default()).expect("read");
        assert_eq!(skipped, 1);
        assert_eq!(events[0].summary, "昭和の日");
        assert_eq!(
            events[0].start,
            ImportedTime::Date(NaiveDate::from_ymd_opt(2026, 4, 29).expect("d"))
        );
        assert_eq!(events[1].summary, "Farmers market, Yoyogi");
        assert!(events[1].recurring);
        assert!(
            matches!(&events[1].start, ImportedTime::Zoned { tzid, .. } if tzid == "Asia/Tokyo")
        );
    }
}
