//! Objectives, KPIs, personas and the Plan overview on real SQLite files.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use plotline_core::personas::{
    self, templates, AvatarColor, Demographics, EvidenceInput, EvidenceKind, PersonaInput,
    Psychographics,
};
use plotline_core::strategy::plan::{self, ChainStep, MissingCode, PitfallCode, StepStatus};
use plotline_core::strategy::{
    self, FunnelStage, KpiInput, ObjectiveInput, ObjectiveKind, ObjectiveStatus, ReviewCadence,
};
use plotline_core::workspace::Language;
use plotline_core::{demo, ErrorKind, Store};

fn kpi(name: &str, stage: &str, metric: &str) -> KpiInput {
    KpiInput {
        id: None,
        name: name.into(),
        stage: stage.into(),
        metric: metric.into(),
        baseline: "10".into(),
        target: "20".into(),
        unit: "people".into(),
        cadence: ReviewCadence::Weekly,
    }
}

fn objective() -> ObjectiveInput {
    ObjectiveInput {
        id: None,
        kind: ObjectiveKind::PurchaseConversion,
        statement: "+15% online orders by June".into(),
        baseline: "200".into(),
        target_value: "230".into(),
        unit: "orders".into(),
        baseline_date: "2026-01-01".into(),
        deadline: "2026-06-30".into(),
        owner: "Aki".into(),
        status: ObjectiveStatus::Active,
        success_factors: vec![
            "Order link in bio".into(),
            "  ".into(),
            "Evening reminders".into(),
        ],
        kpis: vec![
            kpi("Reach", "awareness", "reach"),
            kpi("Orders", "action", "conversions"),
        ],
        persona_ids: vec![],
    }
}

fn persona(name: &str, kinds: &[EvidenceKind]) -> PersonaInput {
    PersonaInput {
        id: None,
        name: name.into(),
        color: AvatarColor::Sage,
        quote: "Fresh bread, please".into(),
        is_primary: false,
        demographics: Demographics {
            age_range: "30–40".into(),
            ..Demographics::default()
        },
        psychographics: Psychographics {
            values: vec!["Quality".into(), " ".into()],
            ..Psychographics::default()
        },
        social_usage: vec![],
        evidence: kinds
            .iter()
            .map(|k| EvidenceInput {
                id: None,
                kind: *k,
                note: "note".into(),
                date: "2026-10-01".into(),
            })
            .collect(),
    }
}

#[test]
fn objective_round_trips_with_kpis_and_success_factors() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let saved = store.write(|tx| strategy::save(tx, &objective())).unwrap();
    assert_eq!(
        saved.success_factors,
        vec!["Order link in bio", "Evening reminders"]
    );
    assert_eq!(saved.kpis.len(), 2);
    assert_eq!(saved.kpis[1].stage, FunnelStage::Action);
    assert_eq!(saved.target_value, Some(230.0));

    // Edit: keep the first KPI (by id), drop the second, add a new one.
    let mut input = saved.to_input();
    input.kpis.truncate(1);
    input.kpis.push(kpi("UGC", "advocacy", "ugc_volume"));
    input.statement = "+20% online orders by June".into();
    let edited = store.write(|tx| strategy::save(tx, &input)).unwrap();
    assert_eq!(edited.id, saved.id);
    assert_eq!(edited.kpis[0].id, saved.kpis[0].id);
    assert_ne!(edited.kpis[1].id, saved.kpis[1].id);
    assert_eq!(edited.created_at, saved.created_at);

    drop(store);
    let store = Store::open(&dir).unwrap();
    let all = store.read(strategy::list).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].statement, "+20% online orders by June");
    let kpis: i64 = store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM kpis", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(kpis, 2);
}

type Edit = Box<dyn Fn(&mut ObjectiveInput)>;

#[test]
fn validation_names_the_field() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let cases: Vec<(Edit, &str)> = vec![
        (Box::new(|i| i.statement = "  ".into()), "statement"),
        (Box::new(|i| i.target_value = "lots".into()), "targetValue"),
        (Box::new(|i| i.target_value = "-5".into()), "targetValue"),
        (Box::new(|i| i.deadline = "2025-12-31".into()), "deadline"),
        (
            Box::new(|i| i.kpis[1].stage = "consideration".into()),
            "kpis.1.stage",
        ),
        (Box::new(|i| i.kpis[0].name = "".into()), "kpis.0.name"),
        (
            Box::new(|i| i.kpis[0].target = "ten".into()),
            "kpis.0.target",
        ),
        (
            Box::new(|i| i.kpis[0].metric = "likes_total".into()),
            "kpis.0.metric",
        ),
        (
            Box::new(|i| i.persona_ids = vec!["nobody".into()]),
            "personaIds",
        ),
    ];
    for (change, field) in cases {
        let mut input = objective();
        change(&mut input);
        let err = store.write(|tx| strategy::save(tx, &input)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid, "{field}");
        assert_eq!(err.field_name(), Some(field), "{err}");
    }
    assert!(
        store.read(strategy::list).unwrap().is_empty(),
        "nothing half-saved"
    );
}

#[test]
fn deleting_an_objective_removes_its_kpis_and_links() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let p = store
        .write(|tx| personas::save(tx, &persona("Yuki", &[])))
        .unwrap();
    let mut input = objective();
    input.persona_ids = vec![p.id.clone()];
    let o = store.write(|tx| strategy::save(tx, &input)).unwrap();
    assert_eq!(o.persona_ids, vec![p.id.clone()]);
    assert_eq!(
        store
            .read(|c| personas::get(c, &p.id))
            .unwrap()
            .objective_ids,
        vec![o.id.clone()]
    );
    store.write(|tx| strategy::delete(tx, &o.id)).unwrap();
    let n: i64 = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT count(*) FROM kpis) + (SELECT count(*) FROM objective_personas)",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(n, 0);
    assert_eq!(
        store
            .write(|tx| strategy::delete(tx, &o.id))
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn deleting_a_persona_removes_evidence_and_unlinks_objectives() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let p = store
        .write(|tx| personas::save(tx, &persona("Yuki", &[EvidenceKind::Interview])))
        .unwrap();
    let mut input = objective();
    input.persona_ids = vec![p.id.clone()];
    let o = store.write(|tx| strategy::save(tx, &input)).unwrap();
    store.write(|tx| personas::delete(tx, &p.id)).unwrap();
    assert!(store
        .read(|c| strategy::get(c, &o.id))
        .unwrap()
        .persona_ids
        .is_empty());
    let n: i64 = store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM persona_evidence", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn persona_crud_duplicate_archive_reorder() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let mut yuki_in = persona("Weekend Yuki", &[EvidenceKind::Assumption]);
    yuki_in.is_primary = true;
    let yuki = store.write(|tx| personas::save(tx, &yuki_in)).unwrap();
    assert!(yuki.is_hypothesis);
    assert_eq!(yuki.initials, "WY");
    assert_eq!(yuki.psychographics.values, vec!["Quality"]);

    let mut ken_in = persona("Ken", &[EvidenceKind::Interview]);
    ken_in.is_primary = true;
    let ken = store.write(|tx| personas::save(tx, &ken_in)).unwrap();
    assert!(!ken.is_hypothesis);
    let yuki = store.read(|c| personas::get(c, &yuki.id)).unwrap();
    assert!(!yuki.is_primary, "only one primary persona");

    let copy = store
        .write(|tx| personas::duplicate(tx, &ken.id, " (copy)"))
        .unwrap();
    assert_eq!(copy.name, "Ken (copy)");
    assert!(!copy.is_primary);
    assert_eq!(copy.evidence.len(), 1);
    assert_ne!(copy.evidence[0].id, ken.evidence[0].id);

    let archived = store
        .write(|tx| personas::set_archived(tx, &ken.id, true))
        .unwrap();
    assert!(archived.archived && !archived.is_primary);
    let names: Vec<String> = store
        .read(personas::list)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(
        names,
        vec!["Weekend Yuki", "Ken (copy)", "Ken"],
        "archived last"
    );

    let ids = vec![copy.id.clone(), ken.id.clone(), yuki.id.clone()];
    let reordered = store.write(|tx| personas::reorder(tx, &ids)).unwrap();
    assert_eq!(reordered[0].id, copy.id);
    let err = store
        .write(|tx| personas::reorder(tx, &ids[..2]))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    let mut bad = persona(" ", &[]);
    assert_eq!(
        store
            .write(|tx| personas::save(tx, &bad))
            .unwrap_err()
            .field_name(),
        Some("name")
    );
    bad.name = "Ok".into();
    bad.evidence = vec![EvidenceInput {
        id: None,
        kind: EvidenceKind::Survey,
        note: String::new(),
        date: "yesterday".into(),
    }];
    assert_eq!(
        store
            .write(|tx| personas::save(tx, &bad))
            .unwrap_err()
            .field_name(),
        Some("evidence.0.date")
    );
}

#[test]
fn template_persona_saves_as_a_hypothesis() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    for tpl in templates::IndustryTemplate::ALL {
        let p = store
            .write(|tx| personas::save(tx, &templates::from_template(tpl, Language::En)))
            .unwrap();
        assert!(p.is_hypothesis, "{tpl:?}");
        assert!(!p.social_usage.is_empty());
    }
}

#[test]
fn objectives_reorder() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let a = store.write(|tx| strategy::save(tx, &objective())).unwrap();
    let b = store.write(|tx| strategy::save(tx, &objective())).unwrap();
    let list = store
        .write(|tx| strategy::reorder(tx, &[b.id.clone(), a.id.clone()]))
        .unwrap();
    assert_eq!(list[0].id, b.id);
    assert_eq!(list[1].sort_order, 1);
}

#[test]
fn plan_overview_follows_the_chain() {
    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let empty = store.read(plan::overview).unwrap();
    let steps: Vec<ChainStep> = empty.steps.iter().map(|s| s.step).collect();
    assert_eq!(
        steps,
        vec![
            ChainStep::Objectives,
            ChainStep::Personas,
            ChainStep::Platforms,
            ChainStep::Pillars,
            ChainStep::Calendar,
            ChainStep::Results
        ]
    );
    assert_eq!(empty.steps[0].status, StepStatus::Missing);
    assert_eq!(empty.steps[0].missing[0].code, MissingCode::NoObjective);
    assert_eq!(empty.steps[1].status, StepStatus::Missing);
    for (i, code) in [
        (2, MissingCode::NoPlatform),
        (3, MissingCode::NoPillar),
        (4, MissingCode::NoScheduledPost),
        (5, MissingCode::NoResults),
    ] {
        assert_eq!(empty.steps[i].status, StepStatus::Missing);
        assert_eq!(empty.steps[i].missing[0].code, code);
    }
    assert_eq!(empty.pitfalls[0].code, PitfallCode::NoObjective);

    // A conversion objective measured only by followers and reach: incomplete + vanity pitfall.
    let mut vanity = objective();
    vanity.kpis = vec![
        kpi("Followers", "interest", "follower_growth"),
        kpi("Reach", "awareness", "reach"),
    ];
    let o = store.write(|tx| strategy::save(tx, &vanity)).unwrap();
    let ov = store.read(plan::overview).unwrap();
    assert_eq!(ov.steps[0].status, StepStatus::Incomplete);
    assert_eq!(ov.steps[0].count, 1);
    assert!(ov.steps[0]
        .missing
        .iter()
        .any(|m| m.code == MissingCode::ObjectiveWithoutPersona));
    assert_eq!(ov.pitfalls.len(), 1);
    assert_eq!(ov.pitfalls[0].code, PitfallCode::VanityMetricsOnly);
    assert_eq!(ov.pitfalls[0].objective_ids, vec![o.id.clone()]);

    // Fix it: an interview-backed primary persona, a conversion KPI.
    let mut p = persona("Yuki", &[EvidenceKind::Interview]);
    p.is_primary = true;
    let p = store.write(|tx| personas::save(tx, &p)).unwrap();
    let mut fixed = o.to_input();
    fixed.kpis[0] = kpi("Orders", "action", "conversions");
    fixed.persona_ids = vec![p.id];
    store.write(|tx| strategy::save(tx, &fixed)).unwrap();
    let ov = store.read(plan::overview).unwrap();
    assert_eq!(ov.steps[0].status, StepStatus::Done, "{:?}", ov.steps[0]);
    assert_eq!(ov.steps[1].status, StepStatus::Done, "{:?}", ov.steps[1]);
    assert!(ov.pitfalls.is_empty());
}

#[test]
fn sample_bakery_has_objectives_and_personas_in_both_languages() {
    for (lang, needle) in [(Language::En, "chestnut"), (Language::Ja, "栗")] {
        let (_t, dir) = temp_data_dir();
        let store = Store::open(&dir).unwrap();
        demo::seed_sample(&store, lang).unwrap();
        let objectives = store.read(strategy::list).unwrap();
        assert_eq!(objectives.len(), 2);
        assert!(objectives[0].statement.contains(needle));
        for o in &objectives {
            let stages: std::collections::BTreeSet<_> = o.kpis.iter().map(|k| k.stage).collect();
            assert!(stages.len() >= 2, "KPIs across at least two stages");
            assert!(!o.success_factors.is_empty());
            assert!(!o.persona_ids.is_empty());
            let review = store
                .read(|c| strategy::review_today(c, &o.to_input()))
                .unwrap();
            assert!(
                review.warnings.is_empty(),
                "sample shows no warnings: {:?}",
                review.warnings
            );
            assert_eq!(review.smart.met_count(), 5, "sample objectives are SMART");
        }
        let ps = store.read(personas::list).unwrap();
        assert_eq!(ps.len(), 3);
        assert!(ps
            .iter()
            .any(|p| p.evidence.iter().any(|e| e.kind == EvidenceKind::Interview)));
        assert!(ps.iter().any(|p| p.is_hypothesis));
        assert_eq!(ps.iter().filter(|p| p.is_primary).count(), 1);
        let ov = store.read(plan::overview).unwrap();
        assert_eq!(ov.steps[0].status, StepStatus::Done, "{:?}", ov.steps[0]);
        // Only the content mix may warn (the sample's Christmas pre-order week is
        // promotion-heavy on purpose); the objectives themselves are clean.
        assert!(
            ov.pitfalls
                .iter()
                .all(|p| p.code == PitfallCode::PromotionHeavyMix),
            "{:?}",
            ov.pitfalls
        );
    }
}

#[test]
fn v1_database_migrates_and_keeps_its_workspace() {
    let (_t, dir) = temp_data_dir();
    dir.ensure().unwrap();
    std::fs::copy(fixture("plotline-v1.db"), dir.db_path()).unwrap();
    let store = Store::open(&dir).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        plotline_core::db::latest_version()
    );
    assert!(store.read(plotline_core::workspace::get).unwrap().is_some());
    assert!(store.read(strategy::list).unwrap().is_empty());
    let o = store.write(|tx| strategy::save(tx, &objective())).unwrap();
    assert_eq!(o.kpis.len(), 2);
    let backups = files_in(&dir.backups_dir());
    assert!(
        backups.iter().any(|b| b.contains(&format!(
            "before-migration-v1-to-v{}",
            plotline_core::db::latest_version()
        ))),
        "{backups:?}"
    );
}

#[test]
fn plan_overview_reads_platforms_pillars_and_calendar() {
    use plotline_core::content::pillars::{self, PillarInput};
    use plotline_core::content::posts::{self, PostInput};
    use plotline_core::content::{ContentType, Format};
    use plotline_core::platforms::setup;

    let (_t, dir) = temp_data_dir();
    let store = store_with_cafe(&dir);
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();

    // Four platforms without a capacity answer: pitfall 3.
    store
        .write(|tx| {
            setup::set_active_platforms(tx, &ids(&["instagram", "x", "facebook", "tiktok"]))
        })
        .unwrap();
    let ov = store.read(plan::overview).unwrap();
    assert_eq!(ov.steps[2].status, StepStatus::Done);
    assert_eq!(ov.steps[2].count, 4);
    assert!(ov
        .pitfalls
        .iter()
        .any(|p| p.code == PitfallCode::TooManyPlatforms));

    store
        .write(|tx| setup::set_active_platforms(tx, &ids(&["instagram"])))
        .unwrap();
    store
        .write(|tx| {
            pillars::create(
                tx,
                &PillarInput {
                    name: "Behind the scenes".into(),
                    description: String::new(),
                    colour: "leaf".into(),
                    persona_ids: Vec::new(),
                    objective_id: None,
                    sort_order: None,
                },
            )
        })
        .unwrap();
    let today = store.read(strategy::today).unwrap();
    let schedule = |title: &str, ct: ContentType, days: i64| {
        let mut p = PostInput::idea(title, ct, Format::Photo);
        p.scheduled_local = Some(format!("{}T10:00", today + chrono::Duration::days(days)));
        store.write(|tx| posts::create(tx, &p, None)).unwrap();
    };
    // Promotion only, in the coming weeks: pitfall 4. A post after the window does not count.
    schedule("Sale", ContentType::Promotional, 3);
    schedule("Another sale", ContentType::Promotional, 10);
    schedule("Far away", ContentType::Educational, 40);
    let ov = store.read(plan::overview).unwrap();
    assert!(!ov
        .pitfalls
        .iter()
        .any(|p| p.code == PitfallCode::TooManyPlatforms));
    assert_eq!(ov.steps[3].status, StepStatus::Done);
    assert_eq!(ov.steps[3].count, 1);
    assert_eq!(ov.steps[4].status, StepStatus::Done);
    assert_eq!(ov.steps[4].count, 2);
    assert!(ov
        .pitfalls
        .iter()
        .any(|p| p.code == PitfallCode::PromotionHeavyMix));

    // Balance it with value posts: the pitfall goes away.
    for d in 4..12 {
        schedule("Tip", ContentType::Educational, d);
    }
    let ov = store.read(plan::overview).unwrap();
    assert_eq!(ov.steps[4].count, 10);
    assert!(!ov
        .pitfalls
        .iter()
        .any(|p| p.code == PitfallCode::PromotionHeavyMix));
}

#[test]
fn sample_bakery_plan_has_platforms_pillars_and_a_calendar() {
    let (_t, dir) = temp_data_dir();
    let store = Store::open(&dir).unwrap();
    demo::seed_sample(&store, Language::En).unwrap();
    let ov = store.read(plan::overview).unwrap();
    for i in 2..6 {
        assert_eq!(ov.steps[i].status, StepStatus::Done, "{:?}", ov.steps[i]);
    }
    assert_eq!(ov.steps[3].count, 4);
    // Pitfall 4 follows the coming four weeks' mix exactly.
    let today = store.read(strategy::today).unwrap();
    let end = today + chrono::Duration::days(plan::LOOKAHEAD_DAYS);
    let mix = store
        .read(|c| {
            plotline_core::content::mix::mix_for_range(
                c,
                &today.to_string(),
                &end.to_string(),
                None,
            )
        })
        .unwrap();
    assert_eq!(ov.steps[4].count, mix.total);
    assert!(mix.total > 0);
    let warns = mix.promotion.share > plotline_core::content::mix::PROMOTION_WARNING_SHARE;
    assert_eq!(
        ov.pitfalls
            .iter()
            .any(|p| p.code == PitfallCode::PromotionHeavyMix),
        warns,
        "promotion share {}",
        mix.promotion.share
    );
    assert!(!ov
        .pitfalls
        .iter()
        .any(|p| p.code == PitfallCode::TooManyPlatforms));
}
