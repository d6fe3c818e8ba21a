//! Calendar performance on a real SQLite file with 10,000 posts and 30,000 variants:
//! a month's range query, one reschedule commit, and a quarter's mix statistics.
//! Run with `cargo bench -p plotline-core --bench calendar` (not part of the test suite).
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use chrono::{Duration as Days, NaiveDate};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use plotline_core::calendar::{self, MoveInput};
use plotline_core::content::{mix, time, PLATFORMS};
use plotline_core::workspace::{self, Audience, Industry, Language, WeekStart, WorkspaceInput};
use plotline_core::{clock, DataDir, Store};
use rusqlite::params;

const POSTS: usize = 10_000;
const VARIANTS_PER_POST: usize = 3;

fn setup(dir: &DataDir) -> (Store, Vec<String>) {
    let store = Store::open(dir).unwrap();
    let ws = WorkspaceInput {
        name: "Bench Bakery".into(),
        industry: Industry::BakeryFood,
        audience: Audience::B2c,
        time_zone: "Asia/Tokyo".into(),
        language: Language::En,
        week_start: WeekStart::Monday,
    };
    let tz = time::parse_zone("tz", "Asia/Tokyo").unwrap();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let ids = store
        .write(|tx| {
            workspace::save(tx, &ws)?;
            let now = clock::now();
            let pillars: Vec<String> = (0..5).map(|_| clock::new_id()).collect();
            for (i, p) in pillars.iter().enumerate() {
                tx.execute(
                    "INSERT INTO pillars (id, name, colour, sort_order, created_at, updated_at) VALUES (?1, ?2, 'leaf', ?3, ?4, ?4)",
                    params![p, format!("Pillar {i}"), i as i64, now],
                )?;
            }
            let types = ["educational", "entertainment", "promotional", "community"];
            let statuses = ["idea", "draft", "in_review", "approved", "scheduled", "published"];
            let mut ids = Vec::with_capacity(POSTS);
            // ~10 posts a day over ~2.7 years: a month holds about 300 posts.
            for i in 0..POSTS {
                let id = clock::new_id();
                let day = start + Days::days((i / 10) as i64);
                let local = day.and_hms_opt(7 + (i % 10) as u32, (i % 4) as u32 * 15, 0).unwrap();
                let t = time::from_local(tz, local);
                tx.execute(
                    "INSERT INTO posts (id, title, body, pillar_id, content_type, format, scheduled_at, time_zone,
                         local_time, status, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, 'photo', ?6, ?7, ?8, ?9, ?10, ?10)",
                    params![id, format!("Post {i}"), "Fresh bread every morning.", pillars[i % 5], types[i % 4],
                        t.utc, t.time_zone, t.local, statuses[i % 6], now],
                )?;
                for v in 0..VARIANTS_PER_POST {
                    tx.execute(
                        "INSERT INTO post_variants (id, post_id, platform, link_placement, created_at, updated_at)
                         VALUES (?1, ?2, ?3, 'none', ?4, ?4)",
                        params![clock::new_id(), id, PLATFORMS[(i + v) % PLATFORMS.len()], now],
                    )?;
                }
                ids.push(id);
            }
            Ok(ids)
        })
        .unwrap();
    store
        .write(|tx| {
            tx.execute_batch("ANALYZE;")?;
            Ok(())
        })
        .unwrap();
    (store, ids)
}

fn benches(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::at(tmp.path().join("data"));
    let (store, ids) = setup(&dir);
    let counts = store.read(plotline_core::db::table_counts).unwrap();
    assert_eq!(counts["posts"], POSTS as u64);
    assert_eq!(counts["post_variants"], (POSTS * VARIANTS_PER_POST) as u64);
    let tz = time::parse_zone("tz", "Asia/Tokyo").unwrap();

    let month_from = time::day_start_utc(tz, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    let month_to = time::day_start_utc(tz, NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
    let n = store
        .read(|c| calendar::range_utc(c, tz, &month_from, &month_to))
        .unwrap()
        .len();
    assert!(n >= 290, "a month holds {n} posts");
    c.bench_function("month range query (300 posts of 10k)", |b| {
        b.iter(|| {
            black_box(
                store
                    .read(|c| calendar::range_utc(c, tz, &month_from, &month_to))
                    .unwrap(),
            )
        })
    });

    let target = ids[4_000].clone();
    let mut flip = false;
    c.bench_function("reschedule commit (one move, fsync)", |b| {
        b.iter(|| {
            flip = !flip;
            let to = if flip {
                "2026-06-15T09:00"
            } else {
                "2026-06-16T10:30"
            };
            let out = store
                .write(|tx| {
                    calendar::move_post(
                        tx,
                        &MoveInput {
                            post_id: target.clone(),
                            to: Some(to.into()),
                        },
                    )
                })
                .unwrap();
            assert!(out.changed);
        })
    });

    let q_from = time::day_start_utc(tz, NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
    let q_to = time::day_start_utc(tz, NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
    c.bench_function("quarter mix statistics (900 posts of 10k)", |b| {
        b.iter(|| {
            black_box(
                store
                    .read(|c| mix::mix_stats(c, &q_from, &q_to, None))
                    .unwrap(),
            )
        })
    });
    c.bench_function("quarter mix statistics, one platform", |b| {
        b.iter(|| {
            black_box(
                store
                    .read(|c| mix::mix_stats(c, &q_from, &q_to, Some("instagram")))
                    .unwrap(),
            )
        })
    });
}

criterion_group! {
    name = calendar_benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(calendar_benches);
