//! The events lane: the business's own events (launches, sales, store events) and public
//! holidays for Japan and the US from a versioned data file with its sources.

use std::sync::OnceLock;

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock::{new_id, now};
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};

pub const HOLIDAYS_JSON: &str = include_str!("holidays.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Launch,
    Sale,
    StoreEvent,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    /// Local dates, inclusive.
    pub starts_on: String,
    pub ends_on: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EventInput {
    pub title: String,
    pub kind: EventKind,
    pub starts_on: String,
    /// Defaults to `startsOn` (a one-day event).
    pub ends_on: Option<String>,
    pub notes: String,
}

fn date(field: &str, s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Error::field(
            field,
            format!("'{}' is not a date; use the form 2026-12-24.", s.trim()),
        )
    })
}

fn validate(input: &EventInput) -> Result<(String, NaiveDate, NaiveDate)> {
    let title = input.title.trim().to_string();
    if title.is_empty() || title.chars().count() > 100 {
        return Err(Error::field(
            "title",
            "Name the event (up to 100 characters), e.g. \"Spring bread fair\".",
        ));
    }
    let start = date("startsOn", &input.starts_on)?;
    let end = match input
        .ends_on
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(e) => date("endsOn", e)?,
        None => start,
    };
    if end < start {
        return Err(Error::field(
            "endsOn",
            "The event ends before it starts; choose a later end date.",
        ));
    }
    if (end - start).num_days() > 366 {
        return Err(Error::field("endsOn", "Events can last at most a year."));
    }
    Ok((title, start, end))
}

pub fn create_event(tx: &Transaction<'_>, input: &EventInput) -> Result<Event> {
    let (title, start, end) = validate(input)?;
    let id = new_id();
    let now = now();
    tx.execute(
        "INSERT INTO events (id, title, kind, starts_on, ends_on, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            id,
            title,
            to_db(&input.kind)?,
            start.to_string(),
            end.to_string(),
            input.notes.trim(),
            now
        ],
    )?;
    get_event(tx, &id)
}

pub fn update_event(tx: &Transaction<'_>, id: &str, input: &EventInput) -> Result<Event> {
    let (title, start, end) = validate(input)?;
    let n = tx.execute(
        "UPDATE events SET title = ?2, kind = ?3, starts_on = ?4, ends_on = ?5, notes = ?6, updated_at = ?7 WHERE id = ?1",
        params![id, title, to_db(&input.kind)?, start.to_string(), end.to_string(), input.notes.trim(), now()],
    )?;
    if n == 0 {
        return Err(not_found());
    }
    get_event(tx, id)
}

pub fn delete_event(tx: &Transaction<'_>, id: &str) -> Result<()> {
    if tx.execute("DELETE FROM events WHERE id = ?1", [id])? == 0 {
        return Err(not_found());
    }
    Ok(())
}

fn not_found() -> Error {
    Error::NotFound("That event no longer exists. Reload the calendar.".into())
}

const SELECT: &str = "SELECT id, title, kind, starts_on, ends_on, notes FROM events";

fn map(r: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
    Ok(Event {
        id: r.get(0)?,
        title: r.get(1)?,
        kind: from_db(r.get(2)?, 2)?,
        starts_on: r.get(3)?,
        ends_on: r.get(4)?,
        notes: r.get(5)?,
    })
}

pub fn get_event(conn: &Connection, id: &str) -> Result<Event> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], map)
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => not_found(),
            e => e.into(),
        })
}

/// Events overlapping the local dates [from, to) (`YYYY-MM-DD`), by start date.
pub fn events_in(conn: &Connection, from: &str, to: &str) -> Result<Vec<Event>> {
    let from = date("from", from)?;
    let to = date("to", to)?;
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE starts_on < ?2 AND ends_on >= ?1 ORDER BY starts_on, title, id"
    ))?;
    let rows = stmt
        .query_map(params![from.to_string(), to.to_string()], map)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Holiday {
    pub date: String,
    /// ISO 3166-1 alpha-2: `JP` or `US`.
    pub country: String,
    pub en: String,
    pub ja: String,
}

#[derive(Debug, Deserialize)]
pub struct HolidayFile {
    pub format: String,
    pub version: u32,
    pub covers: Vec<i32>,
    pub sources: std::collections::BTreeMap<String, String>,
    pub holidays: Vec<Holiday>,
}

pub fn parse_holiday_file(json: &str) -> std::result::Result<HolidayFile, String> {
    let f: HolidayFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if f.format != "plotline-holidays" {
        return Err("not a plotline-holidays file".into());
    }
    Ok(f)
}

fn all_holidays() -> &'static [Holiday] {
    static LIST: OnceLock<Vec<Holiday>> = OnceLock::new();
    LIST.get_or_init(|| {
        // Validated by a unit test; sorted here for range queries.
        let mut v = parse_holiday_file(HOLIDAYS_JSON)
            .map(|f| f.holidays)
            .unwrap_or_default();
        v.sort_by(|a, b| a.date.cmp(&b.date).then(a.country.cmp(&b.country)));
        v
    })
}

/// Public holidays of `countries` (e.g. `["JP"]`) on the local dates [from, to).
pub fn holidays_in(from: &str, to: &str, countries: &[&str]) -> Result<Vec<Holiday>> {
    let from = date("from", from)?.to_string();
    let to = date("to", to)?.to_string();
    Ok(all_holidays()
        .iter()
        .filter(|h| h.date >= from && h.date < to && countries.contains(&h.country.as_str()))
        .cloned()
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn find<'a>(f: &'a HolidayFile, country: &str, en: &str) -> Vec<&'a Holiday> {
        f.holidays
            .iter()
            .filter(|h| h.country == country && h.en == en)
            .collect()
    }

    #[test]
    fn the_holiday_file_is_valid_sourced_and_covers_2026_and_2027() {
        let f = parse_holiday_file(HOLIDAYS_JSON).expect("holidays.json parses");
        assert_eq!(f.covers, [2026, 2027]);
        assert!(f.version >= 1);
        for c in ["JP", "US"] {
            assert!(
                f.sources.get(c).is_some_and(|s| s.contains("https://")),
                "{c} needs a source"
            );
            for y in [2026, 2027] {
                let n = f
                    .holidays
                    .iter()
                    .filter(|h| h.country == c && d(&h.date).year() == y)
                    .count();
                assert!(n >= 11, "{c} {y} has only {n} holidays");
            }
        }
        for h in &f.holidays {
            d(&h.date);
            assert!(!h.en.is_empty() && !h.ja.is_empty());
            assert!(f.covers.contains(&d(&h.date).year()));
        }
        let mut keys: Vec<(&str, &str)> = f
            .holidays
            .iter()
            .map(|h| (h.date.as_str(), h.country.as_str()))
            .collect();
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "duplicate date per country");
    }

    #[test]
    fn rule_based_holidays_fall_on_the_right_weekday() {
        let f = parse_holiday_file(HOLIDAYS_JSON).expect("parses");
        // Happy Monday holidays in Japan and Monday holidays in the US.
        for (c, name) in [
            ("JP", "Coming of Age Day"),
            ("JP", "Marine Day"),
            ("JP", "Respect for the Aged Day"),
            ("JP", "Sports Day"),
            ("US", "Martin Luther King Jr. Day"),
            ("US", "Washington's Birthday"),
            ("US", "Memorial Day"),
            ("US", "Labor Day"),
            ("US", "Columbus Day"),
        ] {
            let hs = find(&f, c, name);
            assert_eq!(hs.len(), 2, "{c} {name}");
            for h in hs {
                assert_eq!(d(&h.date).weekday(), Weekday::Mon, "{c} {name} {}", h.date);
            }
        }
        for h in find(&f, "US", "Thanksgiving Day") {
            let date = d(&h.date);
            assert_eq!(date.weekday(), Weekday::Thu);
            assert!(
                (22..=28).contains(&date.day()),
                "fourth Thursday: {}",
                h.date
            );
        }
        for h in find(&f, "US", "Memorial Day") {
            assert!(d(&h.date).day() > 24, "last Monday of May: {}", h.date);
        }
        // Observed days sit next to a weekend holiday.
        for h in f
            .holidays
            .iter()
            .filter(|h| h.en.contains("(observed)") || h.en == "Substitute Holiday")
        {
            assert!(
                matches!(
                    d(&h.date).weekday(),
                    Weekday::Mon | Weekday::Tue | Weekday::Wed | Weekday::Fri
                ),
                "{}",
                h.date
            );
        }
    }

    #[test]
    fn range_query_filters_by_country_and_half_open_range() {
        let jp = holidays_in("2026-05-01", "2026-05-06", &["JP"]).expect("ok");
        let dates: Vec<&str> = jp.iter().map(|h| h.date.as_str()).collect();
        assert_eq!(dates, ["2026-05-03", "2026-05-04", "2026-05-05"]);
        let us = holidays_in("2026-11-01", "2026-12-01", &["US"]).expect("ok");
        assert_eq!(us.len(), 2);
        assert!(holidays_in("2026-11-01", "x", &["US"]).is_err());
    }
}
