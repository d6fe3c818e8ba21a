//! Property: any sequence of moves (to times, across DST, back to the backlog, repeated)
//! keeps exactly one row per post, each with a consistent, valid time.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{DateTime, NaiveDateTime, TimeZone};
use common::*;
use plotline_core::calendar::{self, MoveInput};
use plotline_core::content::{posts, ContentType, Format, PostInput, VariantInput};
use plotline_core::{workspace, Store};
use proptest::prelude::*;

const POSTS: usize = 4;

/// id, scheduled_at, time_zone, local_time
type Row = (String, Option<String>, Option<String>, Option<String>);

fn check_rows(store: &Store, ids: &[String]) {
    store
        .read(|c| {
            let n: i64 = c.query_row("SELECT count(*) FROM posts", [], |r| r.get(0))?;
            assert_eq!(n as usize, ids.len());
            let mut stmt =
                c.prepare("SELECT id, scheduled_at, time_zone, local_time FROM posts ORDER BY id")?;
            let rows: Vec<Row> = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut seen: Vec<&String> = rows.iter().map(|r| &r.0).collect();
            seen.dedup();
            assert_eq!(seen.len(), ids.len());
            for (_, utc, zone, local) in &rows {
                match (utc, zone, local) {
                    (None, None, None) => {}
                    (Some(utc), Some(zone), Some(local)) => {
                        let tz: chrono_tz::Tz = zone.parse().unwrap();
                        let instant = DateTime::parse_from_rfc3339(utc).unwrap();
                        assert!(utc.ends_with('Z'));
                        let wall = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").unwrap();
                        // The stored wall time is what the instant reads in the zone.
                        assert_eq!(
                            instant.with_timezone(&tz).naive_local(),
                            wall,
                            "{utc} {zone} {local}"
                        );
                        assert!(
                            tz.from_local_datetime(&wall).earliest().is_some(),
                            "{local} exists in {zone}"
                        );
                    }
                    other => panic!("half-stored time: {other:?}"),
                }
            }
            Ok(())
        })
        .unwrap();
}

fn target() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        1 => Just(None),
        // Around New York's 2026 DST changes (8 March, 1 November), including the gap and overlap hours.
        4 => (prop_oneof![Just("2026-03-07"), Just("2026-03-08"), Just("2026-03-09"), Just("2026-11-01"), Just("2026-11-02")], 0u32..24, prop_oneof![Just(0u32), Just(30u32)])
            .prop_map(|(d, h, m)| Some(format!("{d}T{h:02}:{m:02}"))),
        1 => (0i64..200).prop_map(|h| Some(format!("2026-03-08T{:02}:00:00Z", h % 24))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn random_moves_keep_one_valid_row_per_post(moves in proptest::collection::vec((0..POSTS, target(), any::<bool>()), 1..30)) {
        let (_t, dir) = temp_data_dir();
        let store = Store::open(&dir).unwrap();
        let mut ws = cafe();
        ws.time_zone = "America/New_York".into();
        store.write(|tx| workspace::save(tx, &ws)).unwrap();
        let ids: Vec<String> = (0..POSTS)
            .map(|i| {
                let mut p = PostInput::idea(&format!("P{i}"), ContentType::Educational, Format::Photo);
                p.variants = vec![VariantInput::inherit("instagram")];
                store.write(|tx| posts::create(tx, &p, None)).unwrap().id
            })
            .collect();
        for (i, to, twice) in moves {
            let m = MoveInput { post_id: ids[i].clone(), to };
            store.write(|tx| calendar::move_post(tx, &m)).unwrap();
            if twice {
                let again = store.write(|tx| calendar::move_post(tx, &m)).unwrap();
                prop_assert!(!again.changed, "a repeated move is a no-op");
            }
            check_rows(&store, &ids);
        }
    }
}
