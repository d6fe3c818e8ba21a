//! Post times: a UTC instant, the workspace's IANA zone and the local wall time.
//!
//! The wall time is the truth the user chose ("Tuesdays at 09:00"); the instant is derived
//! from it with the zone's rules, so a post planned at 09:00 stays at 09:00 local on both
//! sides of a daylight-saving change.
//!
//! Wall times that do not exist or exist twice are resolved by one rule (the same as
//! RFC 5545 and JavaScript's Temporal "compatible" mode):
//! - **nonexistent** (the clocks jump forward, e.g. 02:30 on the spring-forward night in
//!   New York): the time moves forward by the length of the gap (02:30 → 03:30 EDT);
//! - **ambiguous** (the clocks fall back, e.g. 01:30 on the fall-back night, which happens
//!   twice): the earlier of the two instants (the daylight-saving one).

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::error::{Error, Result};

/// A resolved post time, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PostTime {
    /// UTC instant, `2026-03-08T14:00:00Z`.
    pub utc: String,
    /// IANA zone, e.g. `Asia/Tokyo`.
    pub time_zone: String,
    /// Wall time in that zone, `2026-03-08T09:00`.
    pub local: String,
}

pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

pub fn parse_zone(field: &str, zone: &str) -> Result<Tz> {
    zone.parse::<Tz>().map_err(|_| {
        Error::field(
            field,
            format!("'{zone}' is not a time zone Plotline knows. Pick one such as Asia/Tokyo."),
        )
    })
}

/// The instant of a wall time in `tz`, by the rule in the module docs.
pub fn resolve_local(tz: Tz, local: NaiveDateTime) -> DateTime<Tz> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(earlier, _) => earlier,
        LocalResult::None => {
            // In a gap: read the wall time with the offset in force just before the gap,
            // which lands the same distance after the jump.
            let before = local - Duration::hours(3);
            let offset = match tz.from_local_datetime(&before) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.offset().fix(),
                LocalResult::None => tz.offset_from_utc_datetime(&local).fix(),
            };
            let utc = local - Duration::seconds(i64::from(offset.local_minus_utc()));
            tz.from_utc_datetime(&utc)
        }
    }
}

/// A stored post time for `local` in `tz` (seconds dropped: posts are planned to the minute).
pub fn from_local(tz: Tz, local: NaiveDateTime) -> PostTime {
    let local = truncate(local);
    let t = resolve_local(tz, local);
    PostTime {
        utc: utc_string(t.with_timezone(&Utc)),
        time_zone: tz.name().to_string(),
        local: t.naive_local().format(LOCAL_FORMAT).to_string(),
    }
}

/// A stored post time for an instant, shown in `tz`.
pub fn from_instant(tz: Tz, instant: DateTime<Utc>) -> PostTime {
    let local = truncate(instant.with_timezone(&tz).naive_local());
    from_local(tz, local)
}

fn truncate(t: NaiveDateTime) -> NaiveDateTime {
    use chrono::Timelike;
    t.with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(t)
}

pub fn utc_string(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Parse a user-supplied time: RFC 3339 with an offset (`2026-03-08T09:00:00+09:00`, an
/// instant) or a wall time without one (`2026-03-08T09:00`, read in `tz`).
pub fn parse_time(field: &str, text: &str, tz: Tz) -> Result<PostTime> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(from_instant(tz, t.with_timezone(&Utc)));
    }
    for fmt in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(local) = NaiveDateTime::parse_from_str(text, fmt) {
            return Ok(from_local(tz, local));
        }
    }
    Err(Error::field(
        field,
        format!(
            "'{text}' is not a date and time Plotline understands. Use 2026-03-08T09:00 (your \
             business's time zone) or 2026-03-08T09:00:00+09:00."
        ),
    ))
}

/// A range bound: a date (midnight in `tz`) or an RFC 3339 instant. Returns the UTC string.
pub fn parse_bound(field: &str, text: &str, tz: Tz) -> Result<String> {
    let text = text.trim();
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(day_start_utc(tz, d));
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(utc_string(t.with_timezone(&Utc)));
    }
    Err(Error::field(
        field,
        format!("'{text}' is not a date. Use the form 2026-03-31."),
    ))
}

/// The UTC instant at which local day `d` starts in `tz`.
pub fn day_start_utc(tz: Tz, d: NaiveDate) -> String {
    let t = resolve_local(tz, d.and_time(chrono::NaiveTime::MIN));
    utc_string(t.with_timezone(&Utc))
}

/// A stored UTC string as RFC 3339 with `tz`'s offset (`2026-03-08T09:00:00+09:00`).
pub fn display_in(tz: Tz, utc: &str) -> Option<String> {
    let t = DateTime::parse_from_rfc3339(utc).ok()?;
    Some(
        t.with_timezone(&tz)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    )
}

/// The workspace's zone, or an error telling the user to set up the business first.
pub fn workspace_zone(conn: &rusqlite::Connection) -> Result<Tz> {
    let ws = crate::workspace::get(conn)?.ok_or_else(|| {
        Error::Conflict(
            "Set up your business first (its time zone decides when posts go out).".into(),
        )
    })?;
    parse_zone("timeZone", &ws.time_zone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, LOCAL_FORMAT).expect("valid test time")
    }

    #[test]
    fn nine_am_stays_nine_am_across_dst_in_london() {
        let tz: Tz = "Europe/London".parse().expect("zone");
        let winter = from_local(tz, local("2026-03-27T09:00"));
        let summer = from_local(tz, local("2026-03-30T09:00"));
        assert_eq!(winter.utc, "2026-03-27T09:00:00Z");
        assert_eq!(summer.utc, "2026-03-30T08:00:00Z");
        assert_eq!(summer.local, "2026-03-30T09:00");
    }

    #[test]
    fn new_york_gap_moves_forward_and_overlap_takes_the_earlier() {
        let tz: Tz = "America/New_York".parse().expect("zone");
        // 2026-03-08 02:00 EST → 03:00 EDT: 02:30 does not exist.
        let gap = from_local(tz, local("2026-03-08T02:30"));
        assert_eq!(gap.utc, "2026-03-08T07:30:00Z");
        assert_eq!(gap.local, "2026-03-08T03:30");
        // 2026-11-01 02:00 EDT → 01:00 EST: 01:30 happens twice; the first (EDT) wins.
        let overlap = from_local(tz, local("2026-11-01T01:30"));
        assert_eq!(overlap.utc, "2026-11-01T05:30:00Z");
        assert_eq!(overlap.local, "2026-11-01T01:30");
        assert_eq!(
            display_in(tz, &overlap.utc).expect("valid"),
            "2026-11-01T01:30:00-04:00"
        );
    }

    #[test]
    fn tokyo_has_no_dst() {
        let tz: Tz = "Asia/Tokyo".parse().expect("zone");
        for d in ["2026-01-15T09:00", "2026-07-15T09:00"] {
            let t = from_local(tz, local(d));
            assert!(t.utc.ends_with("T00:00:00Z"), "{t:?}");
        }
        let t = parse_time("to", "2026-07-15T00:00:00Z", tz).expect("instant");
        assert_eq!(t.local, "2026-07-15T09:00");
        assert_eq!(
            display_in(tz, &t.utc).expect("valid"),
            "2026-07-15T09:00:00+09:00"
        );
    }

    #[test]
    fn bad_times_name_the_field() {
        let tz: Tz = "Asia/Tokyo".parse().expect("zone");
        let e = parse_time("scheduledLocal", "next tuesday", tz).expect_err("bad");
        assert_eq!(e.field_name(), Some("scheduledLocal"));
        assert!(parse_bound("from", "2026-13-01", tz).is_err());
        assert_eq!(
            parse_bound("from", "2026-07-01", tz).expect("date"),
            "2026-06-30T15:00:00Z"
        );
    }
}
