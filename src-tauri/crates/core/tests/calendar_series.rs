//! Recurring series on a real SQLite file: "ends on date" as the alternative to a count, its
//! validation, and turning an existing single post into the first occurrence of a series, with
//! wall times kept across daylight-saving changes (Europe/Berlin) and in a zone without them
//! (Asia/Tokyo).
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use plotline_core::calendar::{self, series, Frequency, SeriesInput, SeriesRule};
use plotline_core::content::{posts, ContentType, Format, PostInput, PostStatus, VariantInput};
use plotline_core::{workspace, Store};

fn store_in(zone: &str) -> (tempfile::TempDir, Store) {
    let (t, dir) = temp_data_dir();
    let store = Store::open(&dir).unwrap();
    let mut ws = cafe();
    ws.time_zone = zone.into();
    store.write(|tx| workspace::save(tx, &ws)).unwrap();
    (t, store)
}

fn post(title: &str, at: Option<&str>) -> PostInput {
    let mut p = PostInput::idea(title, ContentType::Educational, Format::Photo);
    p.body = format!("{title}: fresh from the oven.");
    p.scheduled_local = at.map(String::from);
    p.variants = vec![VariantInput::inherit("instagram")];
    p
}

fn rule(frequency: Frequency, until: Option<&str>, count: Option<u32>) -> SeriesRule {
    SeriesRule {
        frequency,
        interval: 1,
        until: until.map(String::from),
        count,
    }
}

fn utc_and_local(p: &posts::Post) -> (String, String) {
    let t = p.time.clone().unwrap();
    (t.utc, t.local)
}

fn all_posts(store: &Store) -> usize {
    store.read(posts::list_all).unwrap().len()
}

#[test]
fn an_existing_post_becomes_the_first_of_a_weekly_series_ending_on_a_date_in_tokyo() {
    let (_t, store) = store_in("Asia/Tokyo");
    let single = store
        .write(|tx| posts::create(tx, &post("Weekend bakes", Some("2026-12-04T08:00")), None))
        .unwrap();
    let created = store
        .write(|tx| {
            series::start_series_from_post(
                tx,
                &single.id,
                &rule(Frequency::Weekly, Some("2026-12-25"), None),
            )
        })
        .unwrap();
    // The end date is inclusive: 4, 11, 18 and 25 December.
    assert_eq!(created.posts.len(), 4);
    assert_eq!(
        created.posts[0].id, single.id,
        "the post itself is the first occurrence"
    );
    let times: Vec<(String, String)> = created.posts.iter().map(utc_and_local).collect();
    assert_eq!(
        times,
        [
            ("2026-12-03T23:00:00Z".into(), "2026-12-04T08:00".into()),
            ("2026-12-10T23:00:00Z".into(), "2026-12-11T08:00".into()),
            ("2026-12-17T23:00:00Z".into(), "2026-12-18T08:00".into()),
            ("2026-12-24T23:00:00Z".into(), "2026-12-25T08:00".into()),
        ]
    );
    for p in &created.posts {
        assert_eq!(p.series_id.as_deref(), Some(created.series_id.as_str()));
        assert_eq!(p.title, "Weekend bakes");
        assert_eq!(p.body, "Weekend bakes: fresh from the oven.");
        assert_eq!(p.variants.len(), 1);
    }
    let items = store
        .read(|c| calendar::range(c, "2026-12-01", "2027-01-01"))
        .unwrap();
    assert_eq!(items.len(), 4);
    assert!(items
        .iter()
        .all(|i| i.series_id.as_deref() == Some(created.series_id.as_str())));

    // A second time is refused: the post already belongs to a series; nothing changes.
    let e = store
        .write(|tx| {
            series::start_series_from_post(tx, &single.id, &rule(Frequency::Weekly, None, Some(3)))
        })
        .unwrap_err();
    assert_eq!(e.field_name(), Some("seriesId"));
    assert_eq!(all_posts(&store), 4);

    // The occurrences behave like any series: skipping one and ending the series work.
    store
        .write(|tx| series::skip_post(tx, &created.posts[1].id))
        .unwrap();
    assert_eq!(all_posts(&store), 3);
    store
        .write(|tx| series::delete_series(tx, &created.series_id))
        .unwrap();
    assert_eq!(all_posts(&store), 0);
}

#[test]
fn a_series_from_a_post_keeps_wall_times_across_berlin_daylight_saving_changes() {
    let (_t, store) = store_in("Europe/Berlin");
    // Monthly across the spring change (29 March 2026), ending on a date.
    let spring = store
        .write(|tx| posts::create(tx, &post("Monthly stollen", Some("2026-02-15T09:00")), None))
        .unwrap();
    let created = store
        .write(|tx| {
            series::start_series_from_post(
                tx,
                &spring.id,
                &rule(Frequency::Monthly, Some("2026-05-15"), None),
            )
        })
        .unwrap();
    let utc: Vec<String> = created.posts.iter().map(|p| utc_and_local(p).0).collect();
    assert_eq!(
        utc,
        [
            "2026-02-15T08:00:00Z",
            "2026-03-15T08:00:00Z",
            "2026-04-15T07:00:00Z",
            "2026-05-15T07:00:00Z"
        ]
    );
    // Weekly across the autumn change (25 October 2026), with a count.
    let autumn = store
        .write(|tx| posts::create(tx, &post("Friday loaves", Some("2026-10-16T18:30")), None))
        .unwrap();
    let created = store
        .write(|tx| {
            series::start_series_from_post(tx, &autumn.id, &rule(Frequency::Weekly, None, Some(3)))
        })
        .unwrap();
    let times: Vec<(String, String)> = created.posts.iter().map(utc_and_local).collect();
    assert_eq!(
        times,
        [
            ("2026-10-16T16:30:00Z".into(), "2026-10-16T18:30".into()),
            ("2026-10-23T16:30:00Z".into(), "2026-10-23T18:30".into()),
            ("2026-10-30T17:30:00Z".into(), "2026-10-30T18:30".into()),
        ]
    );
    // The copies are new drafts; the original keeps its status.
    assert!(created.posts[1..]
        .iter()
        .all(|p| p.status == PostStatus::Draft));
}

#[test]
fn a_new_series_can_end_on_a_date_and_the_end_is_validated() {
    let (_t, store) = store_in("Europe/Berlin");
    let input = SeriesInput {
        template: post("Sourdough club", Some("2026-03-20T09:00")),
        frequency: Frequency::Weekly,
        interval: 2,
        until: Some("2026-05-01".into()),
        count: None,
    };
    let s = store.write(|tx| series::create_series(tx, &input)).unwrap();
    let dates: Vec<String> = s.posts.iter().map(|p| utc_and_local(p).1).collect();
    assert_eq!(
        dates,
        [
            "2026-03-20T09:00",
            "2026-04-03T09:00",
            "2026-04-17T09:00",
            "2026-05-01T09:00"
        ]
    );
    let before = all_posts(&store);

    let bad = |until: Option<&str>, count: Option<u32>, interval: u32| SeriesInput {
        until: until.map(String::from),
        count,
        interval,
        ..input.clone()
    };
    for (case, field) in [
        (bad(Some("2026-03-20"), None, 1), "until"), // the same day as the first post
        (bad(Some("2026-03-01"), None, 1), "until"), // before it
        (bad(Some("2028-03-21"), None, 1), "until"), // more than two years later
        (bad(Some("20/05/2026"), None, 1), "until"), // not a date
        (bad(Some("2026-05-01"), Some(4), 1), "until"), // both ends
        (bad(None, Some(0), 1), "count"),
        (bad(None, Some(series::MAX_OCCURRENCES + 1), 1), "count"),
        (bad(None, Some(4), 0), "interval"),
        (bad(None, Some(4), 13), "interval"),
    ] {
        let e = store
            .write(|tx| series::create_series(tx, &case))
            .unwrap_err();
        assert_eq!(e.field_name(), Some(field), "{case:?}: {e}");
    }
    // The longest allowed end date works and stays within the occurrence cap.
    let long = store
        .write(|tx| series::create_series(tx, &bad(Some("2028-03-20"), None, 1)))
        .unwrap();
    assert!(long.posts.len() as u32 <= series::MAX_OCCURRENCES);
    assert_eq!(all_posts(&store), before + long.posts.len());
}

#[test]
fn turning_a_post_into_a_series_is_refused_with_field_errors_and_writes_nothing() {
    let (_t, store) = store_in("Asia/Tokyo");
    let idea = store
        .write(|tx| posts::create(tx, &post("Flour supplier visit", None), None))
        .unwrap();
    let e = store
        .write(|tx| {
            series::start_series_from_post(tx, &idea.id, &rule(Frequency::Weekly, None, Some(4)))
        })
        .unwrap_err();
    assert_eq!(e.field_name(), Some("scheduledLocal"));

    let single = store
        .write(|tx| {
            posts::create(
                tx,
                &post("Melon pan morning", Some("2026-12-07T07:30")),
                None,
            )
        })
        .unwrap();
    for (r, field) in [
        (rule(Frequency::Weekly, Some("2026-12-01"), None), "until"),
        (rule(Frequency::Monthly, Some("2029-01-01"), None), "until"),
        (rule(Frequency::Weekly, None, Some(500)), "count"),
    ] {
        let e = store
            .write(|tx| series::start_series_from_post(tx, &single.id, &r))
            .unwrap_err();
        assert_eq!(e.field_name(), Some(field), "{r:?}");
    }
    assert_eq!(all_posts(&store), 2);
    let again = store.read(|c| posts::get(c, &single.id)).unwrap();
    assert_eq!(
        again.series_id, None,
        "a refused rule leaves the post single"
    );
}
