//! Platforms on real temp SQLite files: active platforms, wizard answers, account design,
//! and the sample bakery's choice.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use plotline_core::demo;
use plotline_core::platforms::recommend::recommend;
use plotline_core::platforms::setup::{self, AccountDesignInput, EmojiUse};
use plotline_core::platforms::Placement;
use plotline_core::workspace::Language;
use plotline_core::{ErrorKind, Store};

fn design(platform: &str) -> AccountDesignInput {
    AccountDesignInput {
        platform_id: platform.into(),
        concept: String::new(),
        tone_words: Vec::new(),
        dos: Vec::new(),
        donts: Vec::new(),
        emoji_use: EmojiUse::None,
        sample_phrases: Vec::new(),
        bio: String::new(),
        handle: String::new(),
        link: String::new(),
        checklist_done: Vec::new(),
        pinned_post: String::new(),
    }
}

#[test]
fn the_sample_bakery_has_two_platforms_that_its_answers_recommend() {
    for language in [Language::En, Language::Ja] {
        let (_t, dir) = temp_data_dir();
        let store = Store::open(&dir).unwrap();
        demo::seed_sample(&store, language).unwrap();
        let s = store.read(setup::setup).unwrap();
        let ids: Vec<&str> = s.active.iter().map(|a| a.platform_id.as_str()).collect();
        assert_eq!(ids, demo::SAMPLE_PLATFORMS.to_vec());
        assert!(s.warning.is_none());
        let answers = s.wizard_answers.unwrap();
        assert_eq!(recommend(&answers).unwrap().recommended, ids);
        let ig = store
            .read(|c| setup::account_design(c, "instagram"))
            .unwrap();
        assert!(ig.completeness >= 80, "{}", ig.completeness);
        assert!(!ig.bio_check.over);
        let line = store
            .read(|c| setup::account_design(c, "line_official_account"))
            .unwrap();
        assert!(!line.bio_check.over, "{:?}", line.bio_check);
        if language == Language::Ja {
            assert!(ig.design.concept.contains("三軒茶屋"));
        }
    }
}

#[test]
fn choosing_again_keeps_chosen_at_and_designs_and_orders_by_position() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let first = store
        .write(|tx| setup::set_active_platforms(tx, &ids(&["instagram", "x"])))
        .unwrap();
    let mut d = design("instagram");
    d.concept = "Coffee for commuters".into();
    d.checklist_done = vec![Placement::Profile];
    store
        .write(|tx| setup::save_account_design(tx, &d))
        .unwrap();

    let again = store
        .write(|tx| setup::set_active_platforms(tx, &ids(&["x", "instagram"])))
        .unwrap();
    assert_eq!(again.active[0].platform_id, "x");
    let ig_before = first
        .active
        .iter()
        .find(|a| a.platform_id == "instagram")
        .unwrap();
    let ig_after = again
        .active
        .iter()
        .find(|a| a.platform_id == "instagram")
        .unwrap();
    assert_eq!(ig_before.chosen_at, ig_after.chosen_at);

    // Dropping and re-adding a platform keeps its account design.
    store
        .write(|tx| setup::set_active_platforms(tx, &ids(&["x"])))
        .unwrap();
    store
        .write(|tx| setup::set_active_platforms(tx, &ids(&["x", "instagram"])))
        .unwrap();
    let kept = store
        .read(|c| setup::account_design(c, "instagram"))
        .unwrap();
    assert_eq!(kept.design.concept, "Coffee for commuters");
    assert_eq!(kept.completeness, 20);
    assert!(kept.missing.contains(&"bio".to_string()));
}

#[test]
fn bad_choices_and_designs_are_refused_with_a_field() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let err = store
        .write(|tx| setup::set_active_platforms(tx, &["myspace".to_string()]))
        .unwrap_err();
    assert_eq!(err.field_name(), Some("platformIds"));
    let err = store
        .write(|tx| setup::set_active_platforms(tx, &["x".to_string(), "x".to_string()]))
        .unwrap_err();
    assert_eq!(err.field_name(), Some("platformIds"));

    // Not active yet.
    let err = store
        .write(|tx| setup::save_account_design(tx, &design("x")))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    store
        .write(|tx| setup::set_active_platforms(tx, &["x".to_string()]))
        .unwrap();
    let mut d = design("x");
    d.bio = "あ".repeat(161);
    assert_eq!(
        store
            .write(|tx| setup::save_account_design(tx, &d))
            .unwrap_err()
            .field_name(),
        Some("bio")
    );
    let mut d = design("x");
    d.link = "komorebi.jp".into();
    assert_eq!(
        store
            .write(|tx| setup::save_account_design(tx, &d))
            .unwrap_err()
            .field_name(),
        Some("link")
    );
    let mut d = design("x");
    d.checklist_done = vec![Placement::Cover];
    assert_eq!(
        store
            .write(|tx| setup::save_account_design(tx, &d))
            .unwrap_err()
            .field_name(),
        Some("checklistDone")
    );
    let mut d = design("x");
    d.handle = "two words".into();
    assert_eq!(
        store
            .write(|tx| setup::save_account_design(tx, &d))
            .unwrap_err()
            .field_name(),
        Some("handle")
    );
}

#[test]
fn too_many_platforms_warns_only_with_low_or_unknown_capacity() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let four: Vec<String> = ["instagram", "x", "tiktok", "facebook"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let s = store
        .write(|tx| setup::set_active_platforms(tx, &four))
        .unwrap();
    assert!(s.warning.unwrap().en.contains("Too many platforms"));
    let mut answers = demo::sample_wizard_answers(Language::En);
    answers.capacity.hours_per_week = 4.0;
    let s = store
        .write(|tx| setup::save_wizard_answers(tx, &answers))
        .unwrap();
    assert!(s.warning.unwrap().ja.contains("多すぎ"));
    answers.capacity.hours_per_week = 12.0;
    let s = store
        .write(|tx| setup::save_wizard_answers(tx, &answers))
        .unwrap();
    assert!(s.warning.is_none());
    let three: Vec<String> = four[..3].to_vec();
    answers.capacity.hours_per_week = 1.0;
    store
        .write(|tx| setup::save_wizard_answers(tx, &answers))
        .unwrap();
    assert!(store
        .write(|tx| setup::set_active_platforms(tx, &three))
        .unwrap()
        .warning
        .is_none());
}

#[test]
fn saved_answers_survive_reopening() {
    let (_t, dir) = temp_data_dir();
    let answers = demo::sample_wizard_answers(Language::Ja);
    {
        let store = store_with_cafe(&dir);
        store
            .write(|tx| setup::save_wizard_answers(tx, &answers))
            .unwrap();
    }
    let store = Store::open(&dir).unwrap();
    let back = store.read(setup::wizard_answers).unwrap().unwrap();
    assert_eq!(back, answers.validated().unwrap());
}

#[test]
fn the_wizard_starts_from_the_persona_builder() {
    let (_t, dir) = temp_data_dir();
    let store = Store::open(&dir).unwrap();
    demo::seed_sample(&store, Language::En).unwrap();
    let personas = store.read(plotline_core::personas::list).unwrap();
    let answers = plotline_core::platforms::recommend::personas_for_wizard(&personas);
    let live: Vec<_> = personas.iter().filter(|p| !p.archived).collect();
    assert_eq!(answers.len(), live.len());
    let primary = answers
        .iter()
        .find(|a| a.primary)
        .expect("a primary persona");
    let instagram = primary
        .usage
        .iter()
        .find(|u| u.platform_id == "instagram")
        .expect("the primary persona's Instagram use");
    assert!(instagram.active_hours.contains(":00–"), "{instagram:?}");
    // Every usage entry names a catalogue platform, so the wizard can score it.
    for a in &answers {
        for u in &a.usage {
            assert!(
                plotline_core::platforms::find(&u.platform_id).is_some(),
                "{u:?}"
            );
        }
    }
    // The sample's personas drive a recommendation that starts with Instagram.
    let mut wizard = plotline_core::demo::sample_wizard_answers(Language::En);
    wizard.audience.personas = answers;
    assert_eq!(
        recommend(&wizard).unwrap().ranking[0].platform_id,
        "instagram"
    );

    // An archived persona is left out.
    let first = live[0].id.clone();
    store
        .write(|tx| plotline_core::personas::set_archived(tx, &first, true))
        .unwrap();
    let personas = store.read(plotline_core::personas::list).unwrap();
    let fewer = plotline_core::platforms::recommend::personas_for_wizard(&personas);
    assert_eq!(fewer.len(), live.len() - 1);
}
