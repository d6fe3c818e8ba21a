//! Results and review on real SQLite files: snapshots (latest wins), derived metrics,
//! KPI progress, breakdowns, top/bottom posts, the sample bakery, analytics imports of
//! every layout (incl. Shift_JIS and malformed rows) and reviews saved and reloaded.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use plotline_core::content::posts::{self, PostInput, VariantInput};
use plotline_core::content::team::{self, ApprovalStep};
use plotline_core::content::utm::post_content_tag;
use plotline_core::content::workflow::{self, TransitionInput};
use plotline_core::content::{ContentType, Format, PostStatus};
use plotline_core::demo;
use plotline_core::publishing::handoff;
use plotline_core::results::import::{
    self, ColumnMapping, ImportField, ImportOptions, ImportSource, MatchKind,
};
use plotline_core::results::review::{self, Decision, DecisionArea, ReviewInput, ReviewStatus};
use plotline_core::results::summary::{self, KpiStatus, RankGroup, TraitAttribute, ValueSource};
use plotline_core::results::{
    self, AccountMetricsInput, MetricSource, Metrics, RateBase, SnapshotInput,
};
use plotline_core::strategy::plan::{self, ChainStep, StepStatus};
use plotline_core::strategy::{
    self, KpiInput, ObjectiveInput, ObjectiveKind, ObjectiveStatus, ReviewCadence,
};
use plotline_core::workspace::Language;
use plotline_core::Store;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn published(
    store: &Store,
    title: &str,
    body: &str,
    at: &str,
    ct: ContentType,
    format: Format,
    platforms: &[&str],
) -> posts::Post {
    let mut input = PostInput::idea(title, ct, format);
    input.body = body.into();
    input.scheduled_local = Some(at.into());
    input.variants = platforms.iter().map(|p| VariantInput::inherit(p)).collect();
    let post = store.write(|tx| posts::create(tx, &input, None)).unwrap();
    for to in [
        PostStatus::InReview,
        PostStatus::Approved,
        PostStatus::Scheduled,
        PostStatus::Published,
    ] {
        store
            .write(|tx| {
                workflow::transition(
                    tx,
                    &TransitionInput {
                        post_id: post.id.clone(),
                        to,
                        actor_id: None,
                        note: String::new(),
                    },
                )
            })
            .unwrap();
    }
    store.read(|c| posts::get(c, &post.id)).unwrap()
}

fn variant(post: &posts::Post, platform: &str) -> String {
    post.variants
        .iter()
        .find(|v| v.platform == platform)
        .unwrap()
        .id
        .clone()
}

fn snap(store: &Store, variant_id: &str, on: &str, m: Metrics) -> results::Snapshot {
    store
        .write(|tx| {
            results::record_snapshot(
                tx,
                &SnapshotInput {
                    variant_id: variant_id.into(),
                    captured_on: on.into(),
                    metrics: m,
                    post_url: None,
                },
                MetricSource::Manual,
            )
        })
        .unwrap()
}

fn m(reach: u32, likes: u32, clicks: u32) -> Metrics {
    Metrics {
        reach: Some(reach),
        impressions: Some(reach + reach / 2),
        likes: Some(likes),
        clicks: Some(clicks),
        ..Metrics::default()
    }
}

/// Four posts of the fixtures (Lisbon time, March 2025).
struct Fixture {
    croissants: posts::Post,
    sakura: posts::Post,
    farmer: posts::Post,
    anpan_ja: posts::Post,
}

fn fixture_posts(store: &Store) -> Fixture {
    store
        .write(|tx| team::set_step_required(tx, ApprovalStep::ManagerReview, false))
        .unwrap();
    Fixture {
        croissants: published(
            store,
            "Why our croissants rest for 36 hours",
            "Why our croissants rest for 36 hours. Come by this week!",
            "2025-03-10T09:00",
            ContentType::Educational,
            Format::Carousel,
            &["instagram", "facebook", "x", "linkedin"],
        ),
        sakura: published(
            store,
            "Spring menu: sakura anpan",
            "Spring menu: sakura anpan is here",
            "2025-03-12T12:00",
            ContentType::Promotional,
            Format::Photo,
            &["instagram", "x"],
        ),
        farmer: published(
            store,
            "Meet our flour farmer",
            "Meet our flour farmer: three generations of wheat",
            "2025-03-14T18:00",
            ContentType::Community,
            Format::ShortVideo,
            &["instagram", "linkedin"],
        ),
        anpan_ja: published(
            store,
            "さくらあんぱん",
            "さくらあんぱん、はじめました。数量限定です。",
            "2025-03-12T08:00",
            ContentType::Promotional,
            Format::Photo,
            &["instagram"],
        ),
    }
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(common::fixture(&format!("results/{name}"))).unwrap()
}

#[test]
fn snapshots_keep_history_and_the_latest_wins() {
    let (_t, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let f = fixture_posts(&store);
    let v = variant(&f.croissants, "instagram");
    snap(&store, &v, "2025-03-11", m(100, 5, 1));
    let later = snap(&store, &v, "2025-03-17", m(400, 30, 8));
    // Typing the same day again corrects that snapshot instead of adding one.
    let corrected = snap(&store, &v, "2025-03-17", m(420, 30, 8));
    assert_eq!(corrected.id, later.id);
    assert_eq!(
        store.read(|c| results::snapshots_of(c, &v)).unwrap().len(),
        2
    );

    let posts = store
        .read(|c| summary::published_posts(c, day("2025-03-01"), day("2025-03-31")))
        .unwrap();
    let p = posts.iter().find(|p| p.variant_id == v).unwrap();
    assert_eq!(p.metrics.reach, Some(420));
    assert_eq!(p.captured_on.as_deref(), Some("2025-03-17"));
    assert_eq!(p.derived.engagement, Some(30));
    assert_eq!(p.derived.rate_base, Some(RateBase::Reach));
    // Variants without numbers are listed (quick entry) but not measured.
    assert_eq!(posts.len(), 9);
    assert!(posts
        .iter()
        .filter(|p| p.variant_id != v)
        .all(|p| p.captured_on.is_none()));

    // Zero reach falls back to impressions; nothing known at all gives no rate.
    let z = snap(
        &store,
        &variant(&f.sakura, "x"),
        "2025-03-13",
        Metrics {
            reach: Some(0),
            impressions: Some(200),
            likes: Some(10),
            ..Metrics::default()
        },
    );
    assert_eq!(z.derived.engagement_rate, Some(0.05));
    assert_eq!(z.derived.rate_base, Some(RateBase::Impressions));
    let none = snap(
        &store,
        &variant(&f.sakura, "instagram"),
        "2025-03-13",
        Metrics {
            clicks: Some(4),
            ..Metrics::default()
        },
    );
    assert_eq!(none.derived.engagement_rate, None);
    assert_eq!(none.derived.ctr, None);

    // Unknown variants are refused.
    let e = store
        .write(|tx| {
            results::record_snapshot(
                tx,
                &SnapshotInput {
                    variant_id: "nope".into(),
                    captured_on: "2025-03-13".into(),
                    metrics: m(1, 1, 1),
                    post_url: None,
                },
                MetricSource::Manual,
            )
        })
        .unwrap_err();
    assert_eq!(e.kind(), plotline_core::ErrorKind::NotFound);
    let bad_day = store
        .write(|tx| {
            results::record_snapshot(
                tx,
                &SnapshotInput {
                    variant_id: v.clone(),
                    captured_on: "17/03/2025".into(),
                    metrics: m(1, 1, 1),
                    post_url: None,
                },
                MetricSource::Manual,
            )
        })
        .unwrap_err();
    assert_eq!(bad_day.field_name(), Some("capturedOn"));
}

fn objective(
    store: &Store,
    kpis: Vec<KpiInput>,
    baseline_date: &str,
    deadline: &str,
) -> strategy::Objective {
    store
        .write(|tx| {
            strategy::save(
                tx,
                &ObjectiveInput {
                    id: None,
                    kind: ObjectiveKind::Awareness,
                    statement: "Be known in the neighbourhood".into(),
                    baseline: "100".into(),
                    target_value: "500".into(),
                    unit: "people".into(),
                    baseline_date: baseline_date.into(),
                    deadline: deadline.into(),
                    owner: String::new(),
                    status: ObjectiveStatus::Active,
                    success_factors: vec![],
                    kpis,
                    persona_ids: vec![],
                },
            )
        })
        .unwrap()
}

fn kpi(
    name: &str,
    stage: &str,
    metric: &str,
    baseline: &str,
    target: &str,
    cadence: ReviewCadence,
) -> KpiInput {
    KpiInput {
        id: None,
        name: name.into(),
        stage: stage.into(),
        metric: metric.into(),
        baseline: baseline.into(),
        target: target.into(),
        unit: String::new(),
        cadence,
    }
}

#[test]
fn kpi_progress_breakdowns_and_top_bottom() {
    let (_t, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let f = fixture_posts(&store);
    objective(
        &store,
        vec![
            kpi(
                "Weekly reach",
                "awareness",
                "reach",
                "1000",
                "3000",
                ReviewCadence::Weekly,
            ),
            kpi(
                "Engagement rate",
                "interest",
                "engagement_rate",
                "",
                "8",
                ReviewCadence::Weekly,
            ),
            kpi(
                "Social sessions",
                "action",
                "social_sessions",
                "100",
                "200",
                ReviewCadence::Monthly,
            ),
            kpi(
                "Follower growth",
                "interest",
                "follower_growth",
                "0",
                "50",
                ReviewCadence::Monthly,
            ),
            kpi(
                "NPS",
                "advocacy",
                "nps",
                "30",
                "50",
                ReviewCadence::Quarterly,
            ),
            kpi(
                "Profile visits",
                "interest",
                "profile_visits",
                "10",
                "",
                ReviewCadence::Weekly,
            ),
            kpi(
                "Link clicks",
                "action",
                "link_clicks",
                "100",
                "500",
                ReviewCadence::Weekly,
            ),
        ],
        "2025-03-01",
        "2025-04-30",
    );
    for (post, platform, on, (reach, likes, clicks)) in [
        (&f.croissants, "instagram", "2025-03-15", (1000, 120, 10)),
        (&f.croissants, "x", "2025-03-15", (500, 20, 20)),
        (&f.sakura, "instagram", "2025-03-15", (800, 16, 30)),
        (&f.farmer, "instagram", "2025-03-16", (1200, 150, 5)),
        (&f.anpan_ja, "instagram", "2025-03-16", (600, 18, 2)),
        (&f.farmer, "linkedin", "2025-03-16", (300, 9, 4)),
    ] {
        snap(
            &store,
            &variant(post, platform),
            on,
            m(reach, likes, clicks),
        );
    }
    for (start, end, followers, sessions) in [
        ("2025-02-24", "2025-03-02", 400, 60),
        ("2025-03-03", "2025-03-09", 420, 70),
        ("2025-03-10", "2025-03-16", 445, 90),
    ] {
        store
            .write(|tx| {
                results::save_account_metrics(
                    tx,
                    &AccountMetricsInput {
                        platform: "instagram".into(),
                        period_start: start.into(),
                        period_end: end.into(),
                        followers: Some(followers),
                        profile_visits: Some(12),
                        web_sessions: Some(sessions),
                        orders_leads: None,
                    },
                )
            })
            .unwrap();
    }

    let s = store
        .read(|c| summary::summary(c, day("2025-03-03"), day("2025-03-16")))
        .unwrap();
    assert_eq!(s.posts_published, 9);
    assert_eq!(s.posts_measured, 6);
    assert_eq!(s.totals.reach, Some(4400));
    let k = |name: &str| s.kpis.iter().find(|k| k.name == name).unwrap().clone();

    // Weekly reach: 10–16 March = every post above.
    let reach = k("Weekly reach");
    assert_eq!(reach.current, Some(4400.0));
    assert_eq!(reach.progress, Some(170.0));
    assert_eq!(reach.status, KpiStatus::OnTrack);
    // Summed post by post, and the card says so (people are counted once per post).
    assert_eq!(reach.source, ValueSource::SummedPostReach);
    assert_eq!(reach.trend.len(), 2);
    assert_eq!(reach.trend[0].value, None);
    assert_eq!(reach.trend[1].value, Some(4400.0));

    // Engagement rate in %: (120+20+16+150+18+9) / 4400.
    let er = k("Engagement rate");
    let expected = 333.0 / 4400.0 * 100.0;
    assert!((er.current.unwrap() - expected).abs() < 1e-9);
    assert!((er.progress.unwrap() - expected / 8.0 * 100.0).abs() < 1e-9);
    // 90 % of the way with a quarter of the time gone: on track.
    assert_eq!(er.status, KpiStatus::OnTrack);
    // 71 clicks against a baseline of 100: moving the wrong way.
    let clicks = k("Link clicks");
    assert_eq!(clicks.current, Some(71.0));
    assert!(clicks.progress.unwrap() < 0.0);
    assert_eq!(clicks.status, KpiStatus::AtRisk);

    // Sessions come from the account metrics of periods ending in the 28-day window.
    let sessions = k("Social sessions");
    assert_eq!(sessions.current, Some(220.0));
    assert_eq!(sessions.source, ValueSource::Account);
    assert_eq!(sessions.progress, Some(120.0));
    // Follower growth: 445 at the end minus 400 before the window (17 Feb – 16 Mar).
    let growth = k("Follower growth");
    assert_eq!(
        growth.current, None,
        "no followers known before the window starts"
    );
    // NPS cannot come from metrics: no data until a manual reading exists.
    assert_eq!(k("NPS").status, KpiStatus::NoData);
    assert_eq!(k("Profile visits").status, KpiStatus::NoTarget);
    let nps_id = k("NPS").kpi_id;
    store
        .write(|tx| {
            results::add_kpi_reading(
                tx,
                &results::KpiReadingInput {
                    kpi_id: nps_id.clone(),
                    measured_on: "2025-03-14".into(),
                    value: 44.0,
                    note: "Survey at the till".into(),
                },
            )
        })
        .unwrap();
    let s2 = store
        .read(|c| summary::summary(c, day("2025-03-03"), day("2025-03-16")))
        .unwrap();
    let nps = s2.kpis.iter().find(|k| k.name == "NPS").unwrap();
    assert_eq!(nps.current, Some(44.0));
    assert_eq!(nps.source, ValueSource::Manual);
    assert!((nps.progress.unwrap() - 70.0).abs() < 1e-9);

    // Per platform: pooled engagement rate; LinkedIn alone 9/300.
    let li = s.by_platform.iter().find(|b| b.key == "linkedin").unwrap();
    assert_eq!(li.posts, 2);
    assert_eq!(li.measured, 1);
    assert_eq!(li.engagement_rate, Some(0.03));
    assert_eq!(s.by_platform[0].key, "instagram");
    assert_eq!(s.by_content_type.len(), 3);

    // Mix: 4 planned posts, all published; 2 promotional of 4.
    assert_eq!(s.mix.planned.total, 4);
    assert_eq!(s.mix.published.promotion.count, 2);
    assert_eq!(s.mix.published.promotion.target, 0.1);

    // Ranking: 6 measured → top 3 / bottom 3 by engagement rate.
    assert_eq!(s.ranking.top.len(), 3);
    assert_eq!(s.ranking.top[0].title, "Meet our flour farmer"); // 150/1200
    assert_eq!(s.ranking.bottom[0].title, "Spring menu: sakura anpan"); // 16/800 = 2 %
    assert!(s.ranking.traits.iter().any(|t| t.group == RankGroup::Bottom
        && t.attribute == TraitAttribute::ContentType
        && t.value == "promotional"));
    assert!(
        s.ranking.explanation.contains("promotional content"),
        "{}",
        s.ranking.explanation
    );
}

#[test]
fn the_sample_bakery_has_four_weeks_of_results_and_a_review_in_both_languages() {
    for lang in [Language::En, Language::Ja] {
        let (_t, dir) = common::temp_data_dir();
        let store = Store::open(&dir).unwrap();
        demo::seed_sample(&store, lang).unwrap();
        let today = store.read(strategy::today).unwrap();
        let (from, to) = store.read(|c| summary::parse_range(c, None, None)).unwrap();
        assert_eq!(to, today);
        assert_eq!((to - from).num_days(), 27);
        let s = store.read(|c| summary::summary(c, from, to)).unwrap();
        assert!(s.posts_published >= 20, "{}", s.posts_published);
        assert_eq!(s.posts_measured, s.posts_published);
        assert_eq!(s.kpis.len(), 7);
        for k in &s.kpis {
            assert!(k.current.is_some(), "{} has no value", k.name);
            assert!(k.progress.is_some_and(f64::is_finite), "{}", k.name);
        }
        assert!(s.kpis.iter().any(|k| k.status == KpiStatus::OnTrack));
        let views = s.kpis.iter().find(|k| k.metric == "video_views").unwrap();
        assert_eq!(views.status, KpiStatus::AtRisk, "{views:?}");
        // The story of the numbers: short videos on top, promotions at the bottom.
        assert_eq!(s.ranking.top[0].format, Format::ShortVideo);
        assert_eq!(s.ranking.bottom[0].content_type, ContentType::Promotional);
        assert!(s
            .ranking
            .traits
            .iter()
            .any(|t| t.attribute == TraitAttribute::Format
                && t.group == RankGroup::Top
                && t.value == "short_video"));
        // The format already says "video": no second "video" trait for the same group.
        assert!(!s
            .ranking
            .traits
            .iter()
            .any(|t| t.attribute == TraitAttribute::Video && t.group == RankGroup::Top));
        match lang {
            Language::En => assert!(
                s.ranking.explanation.starts_with("Your best posts"),
                "{}",
                s.ranking.explanation
            ),
            Language::Ja => assert!(
                s.ranking.explanation.contains("共通点"),
                "{}",
                s.ranking.explanation
            ),
        }
        assert_eq!(s.account.len(), 8);
        let reviews = store.read(review::list).unwrap();
        assert_eq!(reviews.len(), 1);
        assert_eq!(reviews[0].status, ReviewStatus::Completed);
        assert_eq!(reviews[0].decisions.len(), 3);
        assert!(!reviews[0].snapshot.top.is_empty());
        let ov = store.read(plan::overview).unwrap();
        let step = ov
            .steps
            .iter()
            .find(|s| s.step == ChainStep::Results)
            .unwrap();
        assert_eq!(step.status, StepStatus::Done);
        assert!(step.count >= 20);
    }
}

/// The sample is laid out relative to the day it is opened: whatever the weekday (and
/// across a month and a year boundary), every KPI has a value over its window ending that
/// day, the reel views stay at risk and the short videos stay on top.
#[test]
fn the_sample_has_a_value_for_every_kpi_whatever_day_it_is_opened() {
    let days = (23..=29)
        .map(|d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap())
        .chain([
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        ]);
    for today in days {
        let (_t, dir) = common::temp_data_dir();
        let store = Store::open(&dir).unwrap();
        demo::seed_sample_on(&store, Language::En, today).unwrap();
        let from = today - chrono::Duration::days(27);
        let s = store.read(|c| summary::summary(c, from, today)).unwrap();
        assert!(s.posts_published >= 20, "{today}: {}", s.posts_published);
        assert_eq!(s.posts_measured, s.posts_published, "{today}");
        assert_eq!(s.kpis.len(), 7, "{today}");
        for k in &s.kpis {
            assert!(
                k.current.is_some(),
                "{today} ({}): {} has no value",
                today.format("%a"),
                k.name
            );
            assert!(
                k.progress.is_some_and(f64::is_finite),
                "{today}: {}",
                k.name
            );
        }
        assert!(
            s.kpis.iter().any(|k| k.status == KpiStatus::OnTrack),
            "{today}"
        );
        let views = s.kpis.iter().find(|k| k.metric == "video_views").unwrap();
        assert_eq!(views.status, KpiStatus::AtRisk, "{today}: {views:?}");
        assert_eq!(s.ranking.top[0].format, Format::ShortVideo, "{today}");
        assert_eq!(
            s.ranking.bottom[0].content_type,
            ContentType::Promotional,
            "{today}"
        );
        assert_eq!(s.account.len(), 8, "{today}: four weeks of two accounts");
    }
}

#[test]
fn reviews_are_saved_reloaded_and_validated() {
    let (_t, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let f = fixture_posts(&store);
    snap(
        &store,
        &variant(&f.croissants, "instagram"),
        "2025-03-15",
        m(1000, 120, 10),
    );
    let mut input = ReviewInput {
        id: None,
        cadence: ReviewCadence::Weekly,
        period_start: "2025-03-10".into(),
        period_end: "2025-03-16".into(),
        status: ReviewStatus::Completed,
        worked: "Carousels".into(),
        stop_doing: "Price photos".into(),
        hypothesis: String::new(),
        decisions: vec![Decision {
            text: "Two carousels a week".into(),
            area: DecisionArea::Cadence,
            target: Some("instagram".into()),
        }],
    };
    let e = store.write(|tx| review::save(tx, &input)).unwrap_err();
    assert_eq!(e.field_name(), Some("hypothesis"));
    input.hypothesis = "Carousels on Monday mornings double saves".into();
    let saved = store.write(|tx| review::save(tx, &input)).unwrap();
    assert_eq!(saved.snapshot.reach, Some(1000));
    assert_eq!(saved.snapshot.posts_published, 9);

    // Edit: the numbers are refreshed, decisions replaced.
    snap(
        &store,
        &variant(&f.farmer, "instagram"),
        "2025-03-16",
        m(500, 10, 1),
    );
    input.id = Some(saved.id.clone());
    input.decisions.push(Decision {
        text: "Try LinkedIn for the farmer story".into(),
        area: DecisionArea::Platform,
        target: Some("linkedin".into()),
    });
    let edited = store.write(|tx| review::save(tx, &input)).unwrap();
    assert_eq!(edited.id, saved.id);
    assert_eq!(edited.snapshot.reach, Some(1500));
    let reloaded = store.read(|c| review::get(c, &saved.id)).unwrap();
    assert_eq!(reloaded, edited);
    assert_eq!(reloaded.decisions[1].target.as_deref(), Some("linkedin"));

    input.decisions[0].target = Some("myspace".into());
    let e = store.write(|tx| review::save(tx, &input)).unwrap_err();
    assert_eq!(e.field_name(), Some("decisions"));
    input.period_end = "2025-03-01".into();
    let e = store.write(|tx| review::save(tx, &input)).unwrap_err();
    assert_eq!(e.field_name(), Some("periodEnd"));
    store.write(|tx| review::delete(tx, &saved.id)).unwrap();
    assert!(store.read(review::list).unwrap().is_empty());
}

#[test]
fn meta_instagram_export_matches_by_text_and_date_and_reports_bad_rows() {
    let (_t, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let f = fixture_posts(&store);
    let bytes = read("meta_instagram.csv");
    let opts = ImportOptions::new(ImportSource::Meta);
    let p = store.read(|c| import::preview(c, &bytes, &opts)).unwrap();
    assert_eq!(p.encoding, "utf8");
    assert_eq!(p.rows, 4);
    assert_eq!(p.matched.len(), 2);
    let first = &p.matched[0];
    assert_eq!(first.line, 2);
    assert_eq!(first.variant_id, variant(&f.croissants, "instagram"));
    assert_eq!(first.matched_by, MatchKind::DateText);
    assert_eq!(first.metrics.impressions, Some(1520));
    assert_eq!(first.metrics.saves, Some(14));
    assert_eq!(p.matched[1].variant_id, variant(&f.sakura, "instagram"));
    assert_eq!(p.unmatched.len(), 1);
    assert_eq!(p.unmatched[0].line, 4);
    assert_eq!(p.errors.len(), 1);
    assert_eq!(p.errors[0].line, 5);
    assert!(
        p.errors[0].message.contains("'abc'"),
        "{}",
        p.errors[0].message
    );
    // The preview wrote nothing.
    assert_eq!(store.read(results::measured_variant_count).unwrap(), 0);

    let r = store.write(|tx| import::commit(tx, &bytes, &opts)).unwrap();
    assert_eq!((r.written, r.unmatched, r.errors), (2, 1, 1));
    let snaps = store
        .read(|c| results::snapshots_of(c, &variant(&f.croissants, "instagram")))
        .unwrap();
    assert_eq!(snaps.len(), 1);
    assert_eq!(snaps[0].source, MetricSource::Meta);
    assert_eq!(
        snaps[0].post_url.as_deref(),
        Some("https://www.instagram.com/p/AAA111/")
    );

    // A second export of the same posts matches by the stored permalink now.
    let again = store.read(|c| import::preview(c, &bytes, &opts)).unwrap();
    assert_eq!(again.matched[0].matched_by, MatchKind::Url);
}

/// A post posted by hand and marked as published with its link (publishing::handoff).
fn marked_published(store: &Store, url: &str) -> posts::Post {
    let mut input = PostInput::idea(
        "Our baker's morning",
        ContentType::Community,
        Format::ShortVideo,
    );
    input.body = "Our baker's morning, in thirty seconds.".into();
    input.scheduled_local = Some("2025-03-20T07:00".into());
    input.variants = ["instagram", "facebook"]
        .iter()
        .map(|p| VariantInput::inherit(p))
        .collect();
    let post = store.write(|tx| posts::create(tx, &input, None)).unwrap();
    for to in [
        PostStatus::InReview,
        PostStatus::Approved,
        PostStatus::Scheduled,
    ] {
        store
            .write(|tx| {
                workflow::transition(
                    tx,
                    &TransitionInput {
                        post_id: post.id.clone(),
                        to,
                        actor_id: None,
                        note: String::new(),
                    },
                )
            })
            .unwrap();
    }
    store
        .write(|tx| {
            handoff::mark_published(
                tx,
                &handoff::MarkPublishedInput {
                    post_id: post.id.clone(),
                    url: url.into(),
                },
            )
        })
        .unwrap()
}

/// The caption was edited after posting and the post went out six days late, so neither
/// the text nor the date can match it: only the link saved with "Mark as published" does,
/// although the export writes it as a reel link with a share query string.
#[test]
fn an_export_row_matches_the_link_saved_when_the_post_was_marked_published() {
    let (_t, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let _f = fixture_posts(&store);
    let bytes = read("meta_instagram_published_links.csv");
    let opts = ImportOptions::new(ImportSource::Meta);

    // Before the post is marked published, nothing matches.
    let before = store.read(|c| import::preview(c, &bytes, &opts)).unwrap();
    assert!(before.matched.is_empty(), "{:?}", before.matched);
    assert_eq!(before.unmatched.len(), 2);

    let post = marked_published(&store, "https://Instagram.com/p/Kmr3bEl9");
    let p = store.read(|c| import::preview(c, &bytes, &opts)).unwrap();
    assert_eq!(p.matched.len(), 1, "{:?}", p.unmatched);
    let row = &p.matched[0];
    assert_eq!(row.line, 2);
    assert_eq!(row.variant_id, variant(&post, "instagram"));
    assert_eq!(row.matched_by, MatchKind::PublishedUrl);
    assert_eq!(row.metrics.impressions, Some(3400));
    assert_eq!(row.metrics.saves, Some(41));
    // The same code in another case is another Instagram post.
    assert_eq!(p.unmatched.len(), 1);
    assert_eq!(p.unmatched[0].line, 3);

    let r = store.write(|tx| import::commit(tx, &bytes, &opts)).unwrap();
    assert_eq!((r.written, r.unmatched, r.errors), (1, 1, 0));
    let snaps = store
        .read(|c| results::snapshots_of(c, &variant(&post, "instagram")))
        .unwrap();
    assert_eq!(snaps.len(), 1);
    assert_eq!(snaps[0].metrics.reach, Some(2900));
    // The exact match stays first on the next import, before the stored permalink.
    let again = store.read(|c| import::preview(c, &bytes, &opts)).unwrap();
    assert_eq!(again.matched[0].matched_by, MatchKind::PublishedUrl);

    // A spreadsheet that does not say the platform: the link's site picks the variant.
    let generic = "Link,Likes\nhttps://www.instagram.com/komorebi_bakery/reel/Kmr3bEl9/,230\n";
    let mut g = ImportOptions::new(ImportSource::Generic);
    g.mapping = vec![
        ColumnMapping {
            column: "Link".into(),
            field: ImportField::PostUrl,
        },
        ColumnMapping {
            column: "Likes".into(),
            field: ImportField::Likes,
        },
    ];
    let gp = store
        .read(|c| import::preview(c, generic.as_bytes(), &g))
        .unwrap();
    assert_eq!(gp.matched.len(), 1, "{:?}", gp.unmatched);
    assert_eq!(gp.matched[0].variant_id, variant(&post, "instagram"));
    assert_eq!(gp.matched[0].matched_by, MatchKind::PublishedUrl);
}

/// Quick entry: the owner picks the day the numbers were read; today when left empty, never
/// a day to come, never before the post went out (planned day or "Mark as published" day).
#[test]
fn quick_entry_takes_a_capture_day_between_publication_and_today() {
    let (_t, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let f = fixture_posts(&store);
    let v = variant(&f.croissants, "instagram");
    let entry = |on: &str| SnapshotInput {
        variant_id: v.clone(),
        captured_on: on.into(),
        metrics: m(500, 30, 4),
        post_url: None,
    };
    let today = store.read(plotline_core::strategy::today).unwrap();

    let earlier = store
        .write(|tx| results::record_manual_snapshot(tx, &entry("2025-03-17")))
        .unwrap();
    assert_eq!(earlier.captured_on, "2025-03-17");
    assert_eq!(earlier.source, MetricSource::Manual);
    // The day it went out is allowed.
    store
        .write(|tx| results::record_manual_snapshot(tx, &entry("2025-03-10")))
        .unwrap();
    let now = store
        .write(|tx| results::record_manual_snapshot(tx, &entry("")))
        .unwrap();
    assert_eq!(now.captured_on, today.to_string());

    let tomorrow = (today + chrono::Duration::days(1)).to_string();
    let err = store
        .write(|tx| results::record_manual_snapshot(tx, &entry(&tomorrow)))
        .unwrap_err();
    assert_eq!(err.field_name(), Some("capturedOn"));
    assert!(err.to_string().contains("today"), "{err}");

    let err = store
        .write(|tx| results::record_manual_snapshot(tx, &entry("2025-03-09")))
        .unwrap_err();
    assert_eq!(err.field_name(), Some("capturedOn"));
    assert!(err.to_string().contains("2025-03-10"), "{err}");
    assert!(
        err.to_string()
            .contains("Why our croissants rest for 36 hours"),
        "{err}"
    );

    let err = store
        .write(|tx| results::record_manual_snapshot(tx, &entry("last week")))
        .unwrap_err();
    assert_eq!(err.field_name(), Some("capturedOn"));

    // Nothing refused was stored: three days, the refused ones absent.
    let days: Vec<String> = store
        .read(|c| results::snapshots_of(c, &v))
        .unwrap()
        .into_iter()
        .map(|s| s.captured_on)
        .collect();
    assert_eq!(days.len(), 3, "{days:?}");
    assert!(!days.contains(&"2025-03-09".to_string()));

    // A post planned later but marked published earlier: the earlier day counts.
    let post = marked_published(&store, "https://www.instagram.com/p/Early1/");
    let iv = variant(&post, "instagram");
    let first = |store: &Store| {
        store
            .read(|c| results::publication_day(c, &iv))
            .unwrap()
            .unwrap()
    };
    // Marked today, planned for 20 March 2025: the planned day is the first.
    assert_eq!(first(&store), day("2025-03-20"));
    store
        .write(|tx| {
            tx.execute(
                "UPDATE post_publication SET published_at = '2025-03-18T10:00:00.000Z'",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    assert_eq!(first(&store), day("2025-03-18"));
    let early = SnapshotInput {
        variant_id: iv.clone(),
        captured_on: "2025-03-19".into(),
        metrics: m(200, 10, 1),
        post_url: None,
    };
    store
        .write(|tx| results::record_manual_snapshot(tx, &early))
        .unwrap();
}

#[test]
fn facebook_x_and_linkedin_layouts() {
    let (_t, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let f = fixture_posts(&store);

    let fb = store
        .read(|c| {
            import::preview(
                c,
                &read("meta_facebook.csv"),
                &ImportOptions::new(ImportSource::Meta),
            )
        })
        .unwrap();
    assert_eq!(fb.matched.len(), 1);
    assert_eq!(fb.matched[0].platform, "facebook");
    assert_eq!(fb.matched[0].metrics.likes, Some(30), "Reactions → likes");
    assert_eq!(
        fb.matched[0].metrics.clicks,
        Some(15),
        "Link Clicks preferred over Total clicks"
    );
    assert_eq!(fb.unmatched.len(), 1);
    assert!(
        fb.unmatched[0].reason.contains("2025-03-11"),
        "{}",
        fb.unmatched[0].reason
    );

    let x = store
        .read(|c| {
            import::preview(
                c,
                &read("x_tweet_activity.csv"),
                &ImportOptions::new(ImportSource::X),
            )
        })
        .unwrap();
    assert_eq!(x.matched.len(), 2, "{x:?}");
    assert_eq!(x.matched[0].variant_id, variant(&f.croissants, "x"));
    assert_eq!(x.matched[0].metrics.clicks, Some(18));
    assert_eq!(x.matched[0].metrics.profile_visits, Some(12));
    assert_eq!(x.matched[1].line, 4);
    assert_eq!(x.errors.len(), 1);
    assert_eq!(x.errors[0].line, 3);
    assert!(x.errors[0].message.contains("negative"));

    let x2 = store
        .read(|c| {
            import::preview(
                c,
                &read("x_content_2024.csv"),
                &ImportOptions::new(ImportSource::X),
            )
        })
        .unwrap();
    assert_eq!(x2.matched.len(), 1);
    assert_eq!(x2.matched[0].variant_id, variant(&f.sakura, "x"));
    assert_eq!(x2.matched[0].metrics.saves, Some(2));

    let li = store
        .read(|c| {
            import::preview(
                c,
                &read("linkedin_page.csv"),
                &ImportOptions::new(ImportSource::Linkedin),
            )
        })
        .unwrap();
    assert_eq!(li.matched.len(), 2);
    assert_eq!(li.matched[0].variant_id, variant(&f.farmer, "linkedin"));
    assert_eq!(li.matched[0].metrics.shares, Some(2));
    assert_eq!(li.matched[1].variant_id, variant(&f.croissants, "linkedin"));
}

#[test]
fn shift_jis_generic_mapping_and_utm_matching() {
    let (_t, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let f = fixture_posts(&store);
    let bytes = read("generic_shift_jis.csv");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture really is Shift_JIS"
    );
    let map = |c: &str, field| ColumnMapping {
        column: c.into(),
        field,
    };
    let mut opts = ImportOptions::new(ImportSource::Generic);
    opts.mapping = vec![
        map("日付", ImportField::PublishedAt),
        map("本文", ImportField::Text),
        map("プラットフォーム", ImportField::Platform),
        map("インプレッション", ImportField::Impressions),
        map("リーチ", ImportField::Reach),
        map("いいね", ImportField::Likes),
        map("コメント", ImportField::Comments),
        map("保存", ImportField::Saves),
    ];
    let p = store.read(|c| import::preview(c, &bytes, &opts)).unwrap();
    assert_eq!(p.encoding, "shift_jis");
    assert_eq!(p.columns[0], "日付");
    assert_eq!(p.matched.len(), 1);
    assert_eq!(p.matched[0].variant_id, variant(&f.anpan_ja, "instagram"));
    assert_eq!(p.matched[0].metrics.impressions, Some(1200));
    assert_eq!(p.unmatched.len(), 1);
    assert_eq!(p.unmatched[0].line, 3);

    // Without a mapping the Japanese column names are recognised too.
    let mut auto = ImportOptions::new(ImportSource::Generic);
    auto.platform = Some("instagram".into());
    let p2 = store.read(|c| import::preview(c, &bytes, &auto)).unwrap();
    assert_eq!(p2.matched.len(), 1);
    assert_eq!(p2.matched[0].metrics.saves, Some(12));
    assert!(p2
        .mapping
        .iter()
        .any(|m| m.column == "いいね" && m.field == ImportField::Likes));

    // A mapping naming a column the file lacks is refused on the mapping field.
    opts.mapping.push(map("Clicks", ImportField::Clicks));
    let e = store
        .read(|c| import::preview(c, &bytes, &opts))
        .unwrap_err();
    assert_eq!(e.field_name(), Some("mapping"));

    // UTM content tag in the row's link wins over the text, even with a different text.
    let tag = post_content_tag(&f.farmer.title, &f.farmer.id);
    let csv = format!(
        "date,text,link,likes,reach\n2025-04-30,something else,https://komorebi.example/?utm_source=instagram&utm_content={tag},9,90\n"
    );
    let mut opts = ImportOptions::new(ImportSource::Generic);
    opts.platform = Some("instagram".into());
    let p = store
        .read(|c| import::preview(c, csv.as_bytes(), &opts))
        .unwrap();
    assert_eq!(p.matched.len(), 1);
    assert_eq!(p.matched[0].matched_by, MatchKind::Utm);
    assert_eq!(p.matched[0].variant_id, variant(&f.farmer, "instagram"));
}

#[test]
fn broken_files_are_refused_with_a_reason() {
    let (_t, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    fixture_posts(&store);
    let e = store
        .read(|c| {
            import::preview(
                c,
                &read("broken_row.csv"),
                &ImportOptions::new(ImportSource::X),
            )
        })
        .unwrap_err();
    assert!(e.to_string().contains("line 3"), "{e}");
    let e = store
        .read(|c| {
            import::preview(
                c,
                &read("not_an_export.csv"),
                &ImportOptions::new(ImportSource::Linkedin),
            )
        })
        .unwrap_err();
    assert_eq!(e.field_name(), Some("mapping"));
    assert!(e.to_string().contains("LinkedIn"), "{e}");
    let e = store
        .read(|c| {
            import::preview(
                c,
                &[0xff, 0xfe, 0x41, 0x00],
                &ImportOptions::new(ImportSource::Meta),
            )
        })
        .unwrap_err();
    assert!(e.to_string().contains("UTF-16"), "{e}");
}
