//! The sample bakery's content plan: alive on first launch, in both languages.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate};
use common::*;
use plotline_core::calendar::{self, events};
use plotline_core::content::mix::{self, MixWarningKind};
use plotline_core::content::{pillars, posts, team, PostStatus};
use plotline_core::workspace::Language;
use plotline_core::{demo, workspace, Store};

fn check_plan(store: &Store, monday: NaiveDate) {
    let from = monday.to_string();
    let to = (monday + Duration::days(42)).to_string();
    let items = store.read(|c| calendar::range(c, &from, &to)).unwrap();
    assert!(items.len() >= 40, "{} posts", items.len());
    let weeks: HashSet<i64> = items
        .iter()
        .map(|i| {
            (NaiveDate::parse_from_str(&i.scheduled_at.as_ref().unwrap()[..10], "%Y-%m-%d")
                .unwrap()
                - monday)
                .num_days()
                / 7
        })
        .collect();
    assert_eq!(weeks.len(), 6, "six weeks: {weeks:?}");
    let platforms: HashSet<&str> = items
        .iter()
        .flat_map(|i| i.platforms.iter().map(String::as_str))
        .collect();
    assert!(platforms.contains("instagram") && platforms.contains("line_official_account"));
    assert!(items.iter().all(|i| i.pillar_colour.is_some()));

    let all = store.read(posts::list_all).unwrap();
    let statuses: HashSet<PostStatus> = all.iter().map(|p| p.status).collect();
    for s in PostStatus::ALL {
        assert!(statuses.contains(&s), "{s:?} missing");
    }
    assert!(all.iter().any(|p| p.series_id.is_some()));
    assert!(store.read(calendar::backlog).unwrap().len() >= 4);
    assert!(store.read(pillars::list).unwrap().len() >= 4);
    assert!(store.read(team::list_members).unwrap().len() >= 3);
    assert_eq!(
        store
            .read(|c| events::events_in(c, &from, &to))
            .unwrap()
            .len(),
        2
    );

    // The promotion-heavy week warns; the whole six weeks stay near the guideline.
    let tz: chrono_tz::Tz = "Asia/Tokyo".parse().unwrap();
    let wk = |d: NaiveDate| plotline_core::content::time::day_start_utc(tz, d);
    let heavy = store
        .read(|c| {
            mix::mix_stats(
                c,
                &wk(monday + Duration::days(21)),
                &wk(monday + Duration::days(28)),
                None,
            )
        })
        .unwrap();
    assert!(
        heavy
            .warnings
            .iter()
            .any(|w| w.kind == MixWarningKind::PromotionHeavy),
        "{heavy:?}"
    );
    let normal = store
        .read(|c| {
            mix::mix_stats(
                c,
                &wk(monday + Duration::days(7)),
                &wk(monday + Duration::days(14)),
                None,
            )
        })
        .unwrap();
    assert!(normal.warnings.is_empty(), "{normal:?}");
    let overall = store
        .read(|c| mix::mix_stats(c, &wk(monday), &wk(monday + Duration::days(42)), None))
        .unwrap();
    assert!(
        overall.promotion.share <= 0.2,
        "{}",
        overall.promotion.share
    );
    // Week by week (weeks start on the workspace's week start), only the promotion week warns.
    let weeks = store
        .read(|c| mix::weekly_mix(c, monday, monday + Duration::days(41), None))
        .unwrap();
    assert!(weeks.len() >= 6);
    let heavy: Vec<&str> = weeks
        .iter()
        .filter(|w| {
            w.stats
                .warnings
                .iter()
                .any(|x| x.kind == MixWarningKind::PromotionHeavy)
        })
        .map(|w| w.week_start.as_str())
        .collect();
    let promo_monday = monday + Duration::days(21);
    let expected = [
        promo_monday.to_string(),
        (promo_monday - Duration::days(1)).to_string(),
    ];
    assert_eq!(heavy.len(), 1, "{heavy:?}");
    assert!(expected.iter().any(|e| e == heavy[0]), "{heavy:?}");
}

#[test]
fn sample_bakery_has_a_live_six_week_plan_in_english_and_japanese() {
    for lang in [Language::En, Language::Ja] {
        let (_t, dir) = temp_data_dir();
        let store = Store::open(&dir).unwrap();
        demo::seed_sample(&store, lang).unwrap();
        let today = chrono::Utc::now()
            .with_timezone(&chrono_tz::Asia::Tokyo)
            .date_naive();
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        check_plan(&store, monday);
        let titles: Vec<String> = store
            .read(posts::list_all)
            .unwrap()
            .into_iter()
            .map(|p| p.title)
            .collect();
        let japanese = titles
            .iter()
            .filter(|t| t.chars().any(|c| c > '\u{3000}'))
            .count();
        match lang {
            Language::En => assert_eq!(japanese, 0, "{titles:?}"),
            Language::Ja => assert_eq!(japanese, titles.len(), "{titles:?}"),
        }
    }
}

#[test]
fn sample_plan_works_whatever_day_today_is() {
    // A Sunday (most of the first week is already published), Mondays (none of it is), a Thursday.
    for today in ["2026-11-29", "2026-11-30", "2026-12-28", "2027-03-04"] {
        let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
        let (_t, dir) = temp_data_dir();
        let store = Store::open(&dir).unwrap();
        store
            .write(|tx| {
                workspace::create_sample(tx, &demo::sample_profile(Language::En))?;
                demo::seed_content(tx, Language::En, today)
            })
            .unwrap();
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        let all = store.read(posts::list_all).unwrap();
        assert!(all.len() >= 44);
        check_plan(&store, monday);
        // Nothing in the future is published; nothing in the past is waiting.
        for p in all.iter().filter(|p| p.time.is_some()) {
            let d = NaiveDate::parse_from_str(&p.time.as_ref().unwrap().local[..10], "%Y-%m-%d")
                .unwrap();
            assert_eq!(
                p.status == PostStatus::Published,
                d < today,
                "{} {:?} {d}",
                p.title,
                p.status
            );
        }
    }
}

#[test]
fn the_sample_has_a_playbook_and_approvable_posts_in_both_languages() {
    use plotline_core::content::checks::{self, Severity};
    use plotline_core::incident::{self, IncidentStep};
    for language in [Language::En, Language::Ja] {
        let (_t, dir) = temp_data_dir();
        let store = Store::open(&dir).unwrap();
        demo::seed_sample(&store, language).unwrap();
        let contacts = store.read(incident::list).unwrap();
        for step in [
            IncidentStep::Verify,
            IncidentStep::Escalate,
            IncidentStep::Respond,
        ] {
            assert!(
                contacts.iter().any(|c| c.step == step),
                "{step:?} has a contact"
            );
        }
        // Every sample post passes the platform checks that block approval.
        let all: Vec<posts::Post> = store
            .read(|c| {
                let items = calendar::all_items(c)?;
                items.iter().map(|i| posts::get(c, &i.id)).collect()
            })
            .unwrap();
        for p in &all {
            for check in checks::check_post(p, &Default::default()) {
                assert!(
                    check.issues.iter().all(|i| i.severity == Severity::Warning),
                    "{}: {:?}",
                    p.title,
                    check.issues
                );
            }
        }
    }
}
