//! The business profile: validation, idempotent saves, and the sample bakery.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use plotline_core::workspace::{self, Language};
use plotline_core::{demo, ErrorKind, Store};

#[test]
fn first_run_has_no_workspace() {
    let (_t, dir) = temp_data_dir();
    let store = Store::open(&dir).unwrap();
    assert_eq!(store.read(workspace::get).unwrap(), None);
}

#[test]
fn saving_trims_and_persists_across_reopen() {
    let (_t, dir) = temp_data_dir();
    {
        let store = Store::open(&dir).unwrap();
        let mut input = cafe();
        input.name = "  Blue Door Café  ".into();
        let ws = store.write(|tx| workspace::save(tx, &input)).unwrap();
        assert_eq!(ws.name, "Blue Door Café");
        assert!(!ws.is_sample);
    }
    let store = Store::open(&dir).unwrap();
    let ws = store.read(workspace::get).unwrap().unwrap();
    assert_eq!(ws.name, "Blue Door Café");
    assert_eq!(ws.time_zone, "Europe/Lisbon");
}

#[test]
fn saving_the_same_profile_twice_keeps_one_workspace() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let first = store.read(workspace::get).unwrap().unwrap();
    let again = store.write(|tx| workspace::save(tx, &cafe())).unwrap();
    assert_eq!(first.created_at, again.created_at);
    assert_eq!(first.name, again.name);
    let n: i64 = store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM workspace", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn empty_name_is_refused_with_advice() {
    let (_t, dir) = temp_data_dir();
    let store = Store::open(&dir).unwrap();
    let mut input = cafe();
    input.name = "   ".into();
    let err = store.write(|tx| workspace::save(tx, &input)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.to_string().contains("Enter your business name"));
    assert_eq!(store.read(workspace::get).unwrap(), None);
}

#[test]
fn too_long_name_is_refused() {
    let mut input = cafe();
    input.name = "パン".repeat(41);
    let err = input.validated().unwrap_err();
    assert!(err.to_string().contains("80 characters"), "{err}");
}

#[test]
fn unknown_time_zone_is_refused_with_an_example() {
    let mut input = cafe();
    input.time_zone = "Tokyo".into();
    let err = input.validated().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.to_string().contains("Asia/Tokyo"), "{err}");
}

#[test]
fn sample_bakery_is_seeded_in_the_chosen_language() {
    let (_t, dir) = temp_data_dir();
    let store = Store::open(&dir).unwrap();
    let ws = demo::seed_sample(&store, Language::Ja).unwrap();
    assert_eq!(ws.name, "こもれびベーカリー");
    assert!(ws.is_sample);
    assert_eq!(ws.time_zone, "Asia/Tokyo");
    assert_eq!(ws.language, Language::Ja);
}

#[test]
fn sample_data_never_overwrites_a_real_business() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let err = demo::seed_sample(&store, Language::En).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().contains("Blue Door Café"), "{err}");
    assert_eq!(
        store.read(workspace::get).unwrap().unwrap().name,
        "Blue Door Café"
    );
}

#[test]
fn stored_values_use_the_wire_names() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let row: (String, String, String, String) = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT industry, audience, language, week_start FROM workspace",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?)
        })
        .unwrap();
    assert_eq!(
        row,
        (
            "cafe_restaurant".into(),
            "b2c".into(),
            "en".into(),
            "monday".into()
        )
    );
}
