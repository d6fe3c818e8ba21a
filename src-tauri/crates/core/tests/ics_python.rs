//! Plotline's ICS output read by an independent parser: Python's `icalendar` (PyPI, installed by
//! scripts/test.sh). Every event must come back at its planned instant — including in a zone
//! with daylight saving time, resolved both by name and through the VTIMEZONE Plotline wrote —
//! and all-day dates must not shift.
#![allow(clippy::unwrap_used)]

use std::process::Command;

use chrono::{NaiveDate, TimeZone, Utc};
use plotline_core::exchange::ics::{to_ics, CalEvent, EventTime};

const CHECK: &str = r#"
import sys, json, datetime
import icalendar
data = open(sys.argv[1], 'rb').read()
cal = icalendar.Calendar.from_ical(data)
# Time zones rebuilt from the VTIMEZONE components Plotline wrote (not from the tz database).
vtz = {str(c['TZID']): c.to_tz() for c in cal.walk('VTIMEZONE')}
out = {}
for ev in cal.walk('VEVENT'):
    uid = str(ev['UID'])
    item = {'summary': str(ev['SUMMARY']),
            'description': str(ev.get('DESCRIPTION', '')),
            'categories': [str(c) for cat in (ev.get('CATEGORIES') if isinstance(ev.get('CATEGORIES'), list) else [ev.get('CATEGORIES')]) if cat is not None for c in cat.cats]}
    for key in ('DTSTART', 'DTEND'):
        prop = ev[key]
        v = prop.dt
        if isinstance(v, datetime.datetime):
            item[key] = v.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
            tzid = prop.params.get('TZID')
            if tzid:
                naive = v.replace(tzinfo=None)
                via_vtz = vtz[tzid].localize(naive) if hasattr(vtz[tzid], 'localize') else naive.replace(tzinfo=vtz[tzid])
                item[key + '_via_vtimezone'] = via_vtz.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
        else:
            item[key] = v.isoformat()
    out[uid] = item
print(json.dumps(out, ensure_ascii=False))
"#;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

#[test]
fn python_icalendar_reads_every_event_at_its_planned_instant() {
    let ny = chrono_tz::America::New_York;
    let stamp = at(2026, 1, 1, 0, 0);
    let mk = |uid: &str, time: EventTime| CalEvent {
        uid: uid.into(),
        summary: format!("📣 {uid}: 春の新作パン, 50% off; today only"),
        description: Some("Line 1\nLine 2 — 焼きたて🥐, \"quoted\"; back\\slash".into()),
        time,
        categories: vec!["Seasonal, limited".into(), "商品".into()],
        url: Some("https://example.com/?utm_source=instagram&utm_medium=social".into()),
        stamp,
    };
    let events = vec![
        // The morning before the spring-forward night, and the morning after (EST vs EDT).
        mk(
            "ny-before-dst",
            EventTime::Zoned {
                start: at(2026, 3, 7, 14, 0),
                end: at(2026, 3, 7, 15, 0),
                tz: ny,
            },
        ),
        mk(
            "ny-after-dst",
            EventTime::Zoned {
                start: at(2026, 3, 9, 13, 0),
                end: at(2026, 3, 9, 14, 0),
                tz: ny,
            },
        ),
        // Right after the autumn change, and a span crossing the change itself.
        mk(
            "ny-fall",
            EventTime::Zoned {
                start: at(2026, 11, 1, 5, 30),
                end: at(2026, 11, 1, 6, 30),
                tz: ny,
            },
        ),
        mk(
            "ny-next-year",
            EventTime::Zoned {
                start: at(2027, 7, 4, 16, 0),
                end: at(2027, 7, 4, 17, 0),
                tz: ny,
            },
        ),
        mk(
            "tokyo",
            EventTime::Zoned {
                start: at(2026, 4, 1, 0, 0),
                end: at(2026, 4, 1, 0, 45),
                tz: chrono_tz::Asia::Tokyo,
            },
        ),
        mk(
            "utc",
            EventTime::Utc {
                start: at(2026, 6, 30, 23, 59),
                end: at(2026, 7, 1, 0, 29),
            },
        ),
        mk(
            "new-year-all-day",
            EventTime::AllDay {
                first: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
                days: 1,
            },
        ),
        mk(
            "golden-week",
            EventTime::AllDay {
                first: NaiveDate::from_ymd_opt(2026, 4, 29).unwrap(),
                days: 7,
            },
        ),
    ];
    let ics = to_ics(&events, Some("Komorebi Bakery — 投稿計画")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.ics");
    std::fs::write(&file, &ics).unwrap();
    let out = Command::new("python3")
        .arg("-c")
        .arg(CHECK)
        .arg(&file)
        .output()
        .expect("run python3 (scripts/test.sh installs the icalendar package)");
    assert!(
        out.status.success(),
        "python icalendar failed (install it with scripts/test.sh):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parsed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fmt = |t: chrono::DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut via_vtimezone = 0;
    for e in &events {
        let got = &parsed[&e.uid];
        assert_eq!(got["summary"], e.summary.as_str(), "{}", e.uid);
        assert_eq!(
            got["description"],
            e.description.as_deref().unwrap(),
            "{}",
            e.uid
        );
        assert_eq!(
            got["categories"],
            serde_json::json!(e.categories),
            "{}",
            e.uid
        );
        match &e.time {
            EventTime::Utc { start, end } => {
                assert_eq!(got["DTSTART"], fmt(*start), "{}", e.uid);
                assert_eq!(got["DTEND"], fmt(*end), "{}", e.uid);
            }
            EventTime::Zoned { start, end, .. } => {
                assert_eq!(got["DTSTART"], fmt(*start), "{}", e.uid);
                assert_eq!(got["DTEND"], fmt(*end), "{}", e.uid);
                // Checked again through the VTIMEZONE when written with a TZID (the one end in the
                // repeated autumn hour is written in UTC, since a TZID time there is ambiguous).
                for (key, t) in [
                    ("DTSTART_via_vtimezone", start),
                    ("DTEND_via_vtimezone", end),
                ] {
                    if !got[key].is_null() {
                        assert_eq!(got[key], fmt(*t), "{} {key}", e.uid);
                        via_vtimezone += 1;
                    }
                }
            }
            EventTime::AllDay { first, days } => {
                assert_eq!(got["DTSTART"], first.to_string(), "{}", e.uid);
                let end = *first + chrono::Duration::days(i64::from(*days));
                assert_eq!(got["DTEND"], end.to_string(), "{}", e.uid);
            }
        }
    }
    assert_eq!(parsed.as_object().unwrap().len(), events.len());
    assert_eq!(
        via_vtimezone, 9,
        "5 zoned events × 2 times, minus the ambiguous one"
    );
    assert!(
        ics.contains("DTEND:20261101T063000Z"),
        "ambiguous local time written in UTC"
    );
}
