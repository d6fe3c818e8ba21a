//! Content and calendar on a real SQLite file: posts and variants, the approval flow, risk
//! words, the mix, cadence gaps, moves, series, events.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use plotline_core::calendar::{
    self, events, series, EventInput, EventKind, Frequency, MoveInput, SeriesInput,
};
use plotline_core::content::mix::{self, Cadence, MixWarningKind};
use plotline_core::content::risk::{self, RiskCategory};
use plotline_core::content::team::{self, ApprovalStep, Role, TeamMemberInput};
use plotline_core::content::workflow::{self, AcknowledgeInput};
use plotline_core::content::{
    pillars, posts, ContentType, Format, LinkPlacement, PillarInput, PostInput, PostStatus,
    TransitionInput, VariantInput,
};
use plotline_core::{workspace, ErrorKind, Store};

fn store_in(zone: &str) -> (tempfile::TempDir, Store) {
    let (t, dir) = temp_data_dir();
    let store = Store::open(&dir).unwrap();
    let mut ws = cafe();
    ws.time_zone = zone.into();
    store.write(|tx| workspace::save(tx, &ws)).unwrap();
    (t, store)
}

fn pillar(store: &Store, name: &str) -> String {
    store
        .write(|tx| {
            pillars::create(
                tx,
                &PillarInput {
                    name: name.into(),
                    description: String::new(),
                    colour: "leaf".into(),
                    persona_ids: vec!["persona-b".into(), "persona-a".into(), "persona-a".into()],
                    objective_id: Some("objective-1".into()),
                    sort_order: None,
                },
            )
        })
        .unwrap()
        .id
}

fn post(title: &str, ct: ContentType, at: Option<&str>, platforms: &[&str]) -> PostInput {
    let mut p = PostInput::idea(title, ct, Format::Photo);
    p.body = format!("{title}: fresh from the oven.");
    p.scheduled_local = at.map(String::from);
    p.variants = platforms.iter().map(|p| VariantInput::inherit(p)).collect();
    p
}

fn create(store: &Store, input: &PostInput) -> posts::Post {
    store.write(|tx| posts::create(tx, input, None)).unwrap()
}

fn go(
    store: &Store,
    id: &str,
    to: PostStatus,
    actor: Option<&str>,
) -> plotline_core::Result<posts::Post> {
    store.write(|tx| {
        workflow::transition(
            tx,
            &TransitionInput {
                post_id: id.into(),
                to,
                actor_id: actor.map(String::from),
                note: String::new(),
            },
        )
    })
}

#[test]
fn variants_inherit_the_master_text_until_edited() {
    let (_t, store) = store_in("Asia/Tokyo");
    let mut input = post(
        "Melon pan",
        ContentType::Educational,
        Some("2026-12-01T09:00"),
        &["instagram", "line_official_account"],
    );
    input.variants[0].text_override = Some(input.body.clone());
    input.variants[1].text_override = Some("Short for LINE".into());
    input.variants[1].hashtags = vec!["#bread".into(), "bread".into(), "＃パン".into()];
    input.variants[1].link_placement = LinkPlacement::InText;
    input.campaign_name = Some("Winter Menu 2026".into());
    let p = create(&store, &input);
    assert_eq!(p.status, PostStatus::Draft);
    assert_eq!(p.campaign_slug.as_deref(), Some("winter-menu-2026"));
    assert_eq!(
        p.platforms(),
        ["instagram", "line_official_account"],
        "catalogue order"
    );
    let ig = &p.variants[0];
    assert_eq!(
        ig.text_override, None,
        "an override equal to the master text keeps inheriting"
    );
    assert_eq!(ig.effective_text(&p.body), p.body);
    let line = &p.variants[1];
    assert_eq!(line.effective_text(&p.body), "Short for LINE");
    assert_eq!(line.hashtags, ["bread", "パン"]);
    assert_eq!(p.scheduled_at.as_deref(), Some("2026-12-01T09:00:00+09:00"));

    // Changing the master text flows into the inheriting variant only.
    let mut edit = posts::to_input(&p);
    edit.body = "New master".into();
    let p = store
        .write(|tx| posts::update(tx, &p.id, &edit, None))
        .unwrap();
    assert_eq!(p.variants[0].effective_text(&p.body), "New master");
    assert_eq!(p.variants[1].effective_text(&p.body), "Short for LINE");

    let bad = post("x", ContentType::Educational, None, &["myspace"]);
    let e = store.write(|tx| posts::create(tx, &bad, None)).unwrap_err();
    assert_eq!(e.field_name(), Some("variants"));
    let mut bad = post("x", ContentType::Educational, None, &[]);
    bad.campaign_name = Some("冬のパン祭り".into());
    assert_eq!(
        store
            .write(|tx| posts::create(tx, &bad, None))
            .unwrap_err()
            .field_name(),
        Some("campaignSlug")
    );
    let mut bad = post(" ", ContentType::Educational, None, &[]);
    bad.title = "  ".into();
    assert_eq!(
        store
            .write(|tx| posts::create(tx, &bad, None))
            .unwrap_err()
            .field_name(),
        Some("title")
    );
}

#[test]
fn the_approval_flow_rejects_illegal_moves_and_records_every_step() {
    let (_t, store) = store_in("Asia/Tokyo");
    let (op, mgr, legal) = store
        .write(|tx| {
            let op = team::add_member(
                tx,
                &TeamMemberInput {
                    name: "Yuki".into(),
                    role: Role::Operator,
                },
            )?;
            let mgr = team::add_member(
                tx,
                &TeamMemberInput {
                    name: "Aiko".into(),
                    role: Role::Manager,
                },
            )?;
            let legal = team::add_member(
                tx,
                &TeamMemberInput {
                    name: "Ken".into(),
                    role: Role::BrandLegal,
                },
            )?;
            team::set_step_required(tx, ApprovalStep::BrandCheck, true)?;
            Ok((op.id, mgr.id, legal.id))
        })
        .unwrap();
    let mut input = post(
        "Best croissant in Tokyo, guaranteed",
        ContentType::Promotional,
        Some("2026-12-02T08:00"),
        &["instagram"],
    );
    input.body = "日本一のクロワッサン。".into();
    let mut idea = input.clone();
    idea.body = String::new();
    let p = create(&store, &idea);
    assert_eq!(p.status, PostStatus::Idea);

    // Illegal jumps are refused with a clear message and change nothing.
    let e = go(&store, &p.id, PostStatus::Approved, None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("cannot move to \"Approved\""), "{e}");
    assert!(e.to_string().contains("Draft"), "{e}");
    assert_eq!(
        go(&store, &p.id, PostStatus::Published, None)
            .unwrap_err()
            .kind(),
        ErrorKind::Conflict
    );
    go(&store, &p.id, PostStatus::Draft, Some(&op)).unwrap();
    // Review needs text.
    assert_eq!(
        go(&store, &p.id, PostStatus::InReview, Some(&op))
            .unwrap_err()
            .field_name(),
        Some("body")
    );
    store
        .write(|tx| posts::update(tx, &p.id, &input, Some(&op)))
        .unwrap();
    go(&store, &p.id, PostStatus::InReview, Some(&op)).unwrap();

    // Approval waits for both sign-offs, by the right roles.
    let e = go(&store, &p.id, PostStatus::Approved, Some(&mgr)).unwrap_err();
    assert!(
        e.to_string().contains("Manager review") && e.to_string().contains("Legal/brand check"),
        "{e}"
    );
    let e = store
        .write(|tx| workflow::sign_off(tx, &p.id, ApprovalStep::ManagerReview, &op))
        .unwrap_err();
    assert_eq!(e.field_name(), Some("actorId"));
    store
        .write(|tx| {
            workflow::sign_off(tx, &p.id, ApprovalStep::ManagerReview, &mgr)?;
            workflow::sign_off(tx, &p.id, ApprovalStep::BrandCheck, &legal)
        })
        .unwrap();
    // ... and for every risk warning to be acknowledged.
    let e = go(&store, &p.id, PostStatus::Approved, Some(&mgr)).unwrap_err();
    assert!(e.to_string().contains("risk check"), "{e}");
    let open = store
        .read(|c| workflow::unacknowledged_risks(c, &posts::get(c, &p.id)?))
        .unwrap();
    let terms: Vec<&str> = open.iter().map(|h| h.term.as_str()).collect();
    assert!(
        terms.contains(&"best") && terms.contains(&"guaranteed") && terms.contains(&"日本一"),
        "{terms:?}"
    );
    store
        .write(|tx| {
            for h in &open {
                let ack = AcknowledgeInput {
                    post_id: p.id.clone(),
                    category: h.category,
                    term: h.term.clone(),
                    actor_id: Some(mgr.clone()),
                };
                workflow::acknowledge_risk(tx, &ack)?;
                workflow::acknowledge_risk(tx, &ack)?;
            }
            Ok(())
        })
        .unwrap();
    go(&store, &p.id, PostStatus::Approved, Some(&mgr)).unwrap();
    go(&store, &p.id, PostStatus::Scheduled, Some(&mgr)).unwrap();
    go(&store, &p.id, PostStatus::Published, None).unwrap();
    assert_eq!(
        go(&store, &p.id, PostStatus::Draft, None)
            .unwrap_err()
            .kind(),
        ErrorKind::Conflict
    );
    let e = store
        .write(|tx| posts::update(tx, &p.id, &input, None))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);

    let h = store.read(|c| workflow::history(c, &p.id)).unwrap();
    let steps: Vec<(Option<PostStatus>, PostStatus, &str)> = h
        .iter()
        .map(|e| (e.from, e.to, e.actor_name.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            (None, PostStatus::Idea, "You"),
            (Some(PostStatus::Idea), PostStatus::Draft, "Yuki"),
            (Some(PostStatus::Draft), PostStatus::InReview, "Yuki"),
            (Some(PostStatus::InReview), PostStatus::Approved, "Aiko"),
            (Some(PostStatus::Approved), PostStatus::Scheduled, "Aiko"),
            (Some(PostStatus::Scheduled), PostStatus::Published, "You"),
        ]
    );
    assert!(h.iter().all(|e| e.at.ends_with('Z')));
}

#[test]
fn changes_requested_clears_sign_offs_and_edits_after_approval_need_review_again() {
    let (_t, store) = store_in("Asia/Tokyo");
    let mgr = store
        .write(|tx| {
            team::add_member(
                tx,
                &TeamMemberInput {
                    name: "Aiko".into(),
                    role: Role::Manager,
                },
            )
        })
        .unwrap()
        .id;
    let input = post(
        "Rye loaf",
        ContentType::Educational,
        Some("2026-12-03T08:00"),
        &["instagram"],
    );
    let p = create(&store, &input);
    go(&store, &p.id, PostStatus::InReview, None).unwrap();
    store
        .write(|tx| workflow::sign_off(tx, &p.id, ApprovalStep::ManagerReview, &mgr))
        .unwrap();
    go(&store, &p.id, PostStatus::ChangesRequested, Some(&mgr)).unwrap();
    store
        .write(|tx| workflow::add_comment(tx, &p.id, Some(&mgr), "Add the price, please."))
        .unwrap();
    go(&store, &p.id, PostStatus::InReview, None).unwrap();
    let e = go(&store, &p.id, PostStatus::Approved, Some(&mgr)).unwrap_err();
    assert!(
        e.to_string().contains("Manager review"),
        "sign-off was for the old version: {e}"
    );
    store
        .write(|tx| workflow::sign_off(tx, &p.id, ApprovalStep::ManagerReview, &mgr))
        .unwrap();
    go(&store, &p.id, PostStatus::Approved, Some(&mgr)).unwrap();

    let mut edit = input.clone();
    edit.body = "Rye loaf, now with walnuts.".into();
    let p2 = store
        .write(|tx| posts::update(tx, &p.id, &edit, None))
        .unwrap();
    assert_eq!(p2.status, PostStatus::InReview);
    let c = store.read(|c| workflow::comments(c, &p.id)).unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].author_name, "Aiko");
    // Notes-only edits keep the approval.
    go(&store, &p.id, PostStatus::Approved, Some(&mgr)).unwrap_err();
    store
        .write(|tx| workflow::sign_off(tx, &p.id, ApprovalStep::ManagerReview, &mgr))
        .unwrap();
    go(&store, &p.id, PostStatus::Approved, Some(&mgr)).unwrap();
    edit.notes = "Photo by Yuki".into();
    assert_eq!(
        store
            .write(|tx| posts::update(tx, &p.id, &edit, None))
            .unwrap()
            .status,
        PostStatus::Approved
    );
}

#[test]
fn risk_words_in_english_and_japanese_with_spans() {
    let hits = risk::risk_check("Our BEST bread, 100% guaranteed! A bestseller.");
    let found: Vec<(RiskCategory, &str, u32, u32)> = hits
        .iter()
        .map(|h| (h.category, h.term.as_str(), h.span.start, h.span.end))
        .collect();
    assert_eq!(
        found,
        [
            (RiskCategory::AbsoluteClaim, "best", 4, 8),
            (RiskCategory::AbsoluteClaim, "100%", 16, 20),
            (RiskCategory::AbsoluteClaim, "guaranteed", 21, 31),
        ],
        "'bestseller' is not 'best'"
    );
    let ja = "日本一のメロンパン。食べるだけで痩せる！選挙の日も営業。";
    let hits = risk::risk_check(ja);
    let cats: Vec<(RiskCategory, &str)> =
        hits.iter().map(|h| (h.category, h.term.as_str())).collect();
    assert_eq!(
        cats,
        [
            (RiskCategory::AbsoluteClaim, "日本一"),
            (RiskCategory::HealthClaim, "痩せる"),
            (RiskCategory::SensitiveTopic, "選挙"),
        ]
    );
    let chars: Vec<char> = ja.chars().collect();
    let s = hits[1].span;
    assert_eq!(
        chars[s.start as usize..s.end as usize]
            .iter()
            .collect::<String>(),
        "痩せる"
    );
    // Full-width forms are caught; the longer overlapping term wins.
    let hits = risk::risk_check("地域Ｎｏ．１のパン、元本保証");
    let terms: Vec<&str> = hits.iter().map(|h| h.term.as_str()).collect();
    assert_eq!(terms, ["no.1", "元本保証"]);
    assert!(risk::risk_check("Fresh sourdough every morning.").is_empty());
    assert!(!risk::risk_check("Lose weight with our detox bread").is_empty());

    // Competitors come from the workspace's own list.
    let (_t, store) = store_in("Asia/Tokyo");
    store
        .write(|tx| risk::add_competitor(tx, "Sunrise Bakery"))
        .unwrap();
    store
        .write(|tx| risk::add_competitor(tx, "sunrise bakery"))
        .unwrap();
    assert_eq!(store.read(risk::list_competitors).unwrap().len(), 1);
    let names = store.read(risk::competitors).unwrap();
    let hits = risk::risk_check_with("Better than Sunrise Bakery!", &names);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].category, RiskCategory::Competitor);
}

#[test]
fn mix_statistics_against_7_2_1_with_warnings_and_platform_filter() {
    let (_t, store) = store_in("Asia/Tokyo");
    let bread = pillar(&store, "Bread craft");
    let other = pillar(&store, "Neighbourhood");
    let types = [
        (ContentType::Promotional, &bread, "instagram"),
        (ContentType::Promotional, &bread, "instagram"),
        (ContentType::Promotional, &bread, "line_official_account"),
        (ContentType::Educational, &bread, "instagram"),
        (ContentType::Community, &other, "instagram"),
    ];
    for (i, (ct, pl, platform)) in types.iter().enumerate() {
        let mut p = post(
            &format!("Post {i}"),
            *ct,
            Some(&format!("2026-12-0{}T09:00", i + 1)),
            &[platform],
        );
        p.pillar_id = Some((*pl).clone());
        create(&store, &p);
    }
    // Outside the range.
    create(
        &store,
        &post(
            "Later",
            ContentType::Promotional,
            Some("2027-01-10T09:00"),
            &["instagram"],
        ),
    );
    create(
        &store,
        &post("Backlog", ContentType::Promotional, None, &["instagram"]),
    );

    let m = store
        .read(|c| mix::mix_stats(c, "2026-11-30T15:00:00Z", "2026-12-31T15:00:00Z", None))
        .unwrap();
    assert_eq!(m.total, 5);
    assert_eq!(m.promotion.count, 3);
    assert!((m.promotion.share - 0.6).abs() < 1e-9);
    assert!((m.value.target - 0.7).abs() < 1e-9 && (m.dialogue.target - 0.2).abs() < 1e-9);
    assert_eq!(m.value.count, 1);
    assert_eq!(m.dialogue.count, 1);
    let kinds: Vec<MixWarningKind> = m.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [
            MixWarningKind::PromotionHeavy,
            MixWarningKind::PillarDominant
        ]
    );
    assert_eq!(m.by_pillar[0].name.as_deref(), Some("Bread craft"));
    assert_eq!(m.by_pillar[0].count, 4);

    let ig = store
        .read(|c| {
            mix::mix_stats(
                c,
                "2026-11-30T15:00:00Z",
                "2026-12-31T15:00:00Z",
                Some("instagram"),
            )
        })
        .unwrap();
    assert_eq!(ig.total, 4);
    assert_eq!(ig.promotion.count, 2);
    assert!(store
        .read(|c| mix::mix_stats(c, "a", "b", Some("orkut")))
        .is_err());
    let empty = store
        .read(|c| mix::mix_stats(c, "2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z", None))
        .unwrap();
    assert_eq!(empty.total, 0);
    assert!(empty.warnings.is_empty());
}

#[test]
fn cadence_gaps_show_weeks_under_plan() {
    let (_t, store) = store_in("Asia/Tokyo");
    store
        .write(|tx| {
            mix::set_cadence(
                tx,
                &Cadence {
                    platform: "instagram".into(),
                    posts_per_week: 2,
                    time_slots: vec!["18:00".into(), "07:30".into()],
                },
            )?;
            mix::set_cadence(
                tx,
                &Cadence {
                    platform: "line_official_account".into(),
                    posts_per_week: 1,
                    time_slots: vec![],
                },
            )
        })
        .unwrap();
    let c = store.read(mix::cadences).unwrap();
    assert_eq!(c[0].time_slots, ["07:30", "18:00"]);
    let e = store
        .write(|tx| {
            mix::set_cadence(
                tx,
                &Cadence {
                    platform: "x".into(),
                    posts_per_week: 1,
                    time_slots: vec!["25:00".into()],
                },
            )
        })
        .unwrap_err();
    assert_eq!(e.field_name(), Some("timeSlots"));
    // Week of Mon 2026-12-07: two Instagram posts and one LINE post; next week: one Instagram post.
    create(
        &store,
        &post(
            "a",
            ContentType::Educational,
            Some("2026-12-07T07:30"),
            &["instagram", "line_official_account"],
        ),
    );
    create(
        &store,
        &post(
            "b",
            ContentType::Educational,
            Some("2026-12-13T23:30"),
            &["instagram"],
        ),
    );
    create(
        &store,
        &post(
            "c",
            ContentType::Educational,
            Some("2026-12-15T07:30"),
            &["instagram"],
        ),
    );
    let gaps = store
        .read(|c| {
            mix::gaps(
                c,
                chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
                chrono::NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(),
            )
        })
        .unwrap();
    let g: Vec<(&str, &str, u32, u32)> = gaps
        .iter()
        .map(|g| {
            (
                g.platform.as_str(),
                g.week_start.as_str(),
                g.planned,
                g.target,
            )
        })
        .collect();
    assert_eq!(
        g,
        [
            ("instagram", "2026-12-14", 1, 2),
            ("line_official_account", "2026-12-14", 0, 1)
        ]
    );
}

#[test]
fn range_query_move_and_duplicate() {
    let (_t, store) = store_in("America/New_York");
    let pl = pillar(&store, "Bread");
    let mut a = post(
        "A",
        ContentType::Educational,
        Some("2026-03-07T09:00"),
        &["line_official_account", "instagram"],
    );
    a.pillar_id = Some(pl.clone());
    let a = create(&store, &a);
    let b = create(
        &store,
        &post(
            "B",
            ContentType::Community,
            Some("2026-03-09T09:00"),
            &["x"],
        ),
    );
    let idea = create(&store, &post("Idea", ContentType::Community, None, &[]));
    let items = store
        .read(|c| calendar::range(c, "2026-03-01", "2026-04-01"))
        .unwrap();
    assert_eq!(
        items.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(),
        ["A", "B"]
    );
    assert_eq!(items[0].platforms, ["instagram", "line_official_account"]);
    assert_eq!(items[0].pillar_colour.as_deref(), Some("leaf"));
    assert_eq!(
        items[0].scheduled_at.as_deref(),
        Some("2026-03-07T09:00:00-05:00")
    );
    assert_eq!(
        items[1].scheduled_at.as_deref(),
        Some("2026-03-09T09:00:00-04:00"),
        "09:00 stays 09:00 after the DST change"
    );
    assert_eq!(store.read(calendar::backlog).unwrap()[0].id, idea.id);
    // Half-open: a post exactly at `to` is outside.
    assert_eq!(
        store
            .read(|c| calendar::range(c, "2026-03-07T14:00:00Z", "2026-03-09T13:00:00Z"))
            .unwrap()
            .len(),
        1
    );

    // Move across the DST change by wall time: stays 09:00 local.
    let mv = MoveInput {
        post_id: a.id.clone(),
        to: Some("2026-03-10T09:00".into()),
    };
    let out = store.write(|tx| calendar::move_post(tx, &mv)).unwrap();
    assert!(out.changed);
    assert_eq!(
        out.item.scheduled_at.as_deref(),
        Some("2026-03-10T09:00:00-04:00")
    );
    let stamp = store.read(|c| posts::get(c, &a.id)).unwrap().updated_at;
    let again = store.write(|tx| calendar::move_post(tx, &mv)).unwrap();
    assert!(!again.changed, "the same request twice is one change");
    assert_eq!(
        store.read(|c| posts::get(c, &a.id)).unwrap().updated_at,
        stamp
    );
    // The same instant given with an offset is the same place.
    let same = MoveInput {
        post_id: a.id.clone(),
        to: Some("2026-03-10T13:00:00Z".into()),
    };
    assert!(
        !store
            .write(|tx| calendar::move_post(tx, &same))
            .unwrap()
            .changed
    );
    // Into the spring-forward gap: moved forward by the gap.
    let gap = MoveInput {
        post_id: b.id.clone(),
        to: Some("2026-03-08T02:30".into()),
    };
    let out = store.write(|tx| calendar::move_post(tx, &gap)).unwrap();
    assert_eq!(out.item.local_time.as_deref(), Some("2026-03-08T03:30"));
    // Unschedule a scheduled post: back to approved, and into the backlog.
    store
        .write(|tx| {
            use rusqlite::params;
            tx.execute(
                "UPDATE posts SET status = 'scheduled' WHERE id = ?1",
                params![a.id],
            )?;
            Ok(())
        })
        .unwrap();
    let out = store
        .write(|tx| {
            calendar::move_post(
                tx,
                &MoveInput {
                    post_id: a.id.clone(),
                    to: None,
                },
            )
        })
        .unwrap();
    assert_eq!(out.item.status, PostStatus::Approved);
    assert_eq!(out.item.scheduled_at, None);
    assert!(
        !store
            .write(|tx| calendar::move_post(
                tx,
                &MoveInput {
                    post_id: a.id.clone(),
                    to: Some("none".into())
                }
            ))
            .unwrap()
            .changed
    );
    let e = store
        .write(|tx| {
            calendar::move_post(
                tx,
                &MoveInput {
                    post_id: "nope".into(),
                    to: None,
                },
            )
        })
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let e = store
        .write(|tx| {
            calendar::move_post(
                tx,
                &MoveInput {
                    post_id: b.id.clone(),
                    to: Some("soon".into()),
                },
            )
        })
        .unwrap_err();
    assert_eq!(e.field_name(), Some("to"));

    let copy = store
        .write(|tx| calendar::duplicate(tx, &b.id, Some("2026-03-20T12:00")))
        .unwrap();
    assert_ne!(copy.id, b.id);
    assert_eq!(copy.platforms(), ["x"]);
    assert_eq!(copy.status, PostStatus::Draft);
    assert_eq!(copy.time.unwrap().local, "2026-03-20T12:00");
}

#[test]
fn published_posts_cannot_move() {
    let (_t, store) = store_in("Asia/Tokyo");
    let p = create(
        &store,
        &post(
            "Done",
            ContentType::Educational,
            Some("2026-12-01T09:00"),
            &["instagram"],
        ),
    );
    store
        .write(|tx| {
            tx.execute(
                "UPDATE posts SET status = 'published' WHERE id = ?1",
                [&p.id],
            )?;
            Ok(())
        })
        .unwrap();
    let e = store
        .write(|tx| {
            calendar::move_post(
                tx,
                &MoveInput {
                    post_id: p.id.clone(),
                    to: Some("2026-12-02T09:00".into()),
                },
            )
        })
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    // Asking for where it already is is fine.
    assert!(
        !store
            .write(|tx| calendar::move_post(
                tx,
                &MoveInput {
                    post_id: p.id.clone(),
                    to: Some("2026-12-01T09:00".into())
                }
            ))
            .unwrap()
            .changed
    );
}

#[test]
fn series_create_skip_edit_one_or_all() {
    let (_t, store) = store_in("Europe/London");
    let mut template = post(
        "Friday bake",
        ContentType::Entertainment,
        Some("2026-03-20T09:00"),
        &["instagram"],
    );
    template.notes = "weekly".into();
    let input = SeriesInput {
        template: template.clone(),
        frequency: Frequency::Weekly,
        interval: 1,
        until: Some("2026-04-17".into()),
        count: None,
    };
    let s = store.write(|tx| series::create_series(tx, &input)).unwrap();
    assert_eq!(s.posts.len(), 5);
    // 09:00 local on both sides of the 29 March change.
    let utc: Vec<String> = s
        .posts
        .iter()
        .map(|p| p.time.clone().unwrap().utc)
        .collect();
    assert_eq!(utc[0], "2026-03-20T09:00:00Z");
    assert_eq!(utc[2], "2026-04-03T08:00:00Z");

    store
        .write(|tx| series::skip_occurrence(tx, &s.series_id, "2026-03-27"))
        .unwrap();
    store
        .write(|tx| series::skip_occurrence(tx, &s.series_id, "2026-03-27"))
        .unwrap();
    let items = store
        .read(|c| calendar::range(c, "2026-03-01", "2026-05-01"))
        .unwrap();
    assert_eq!(items.len(), 4);

    // Edit one occurrence: it detaches; then edit the series: the others follow.
    let mut one = posts::to_input(&s.posts[2]);
    one.title = "Easter special".into();
    store
        .write(|tx| posts::update(tx, &s.posts[2].id, &one, None))
        .unwrap();
    let mut all = template.clone();
    all.title = "Friday bake (new)".into();
    all.scheduled_local = Some("2026-03-20T10:00".into());
    let updated = store
        .write(|tx| series::update_series(tx, &s.series_id, &all))
        .unwrap();
    assert_eq!(updated.len(), 3);
    let items = store
        .read(|c| calendar::range(c, "2026-03-01", "2026-05-01"))
        .unwrap();
    let titles: Vec<(&str, &str)> = items
        .iter()
        .map(|i| (i.title.as_str(), &i.local_time.as_deref().unwrap()[11..]))
        .collect();
    assert_eq!(
        titles,
        [
            ("Friday bake (new)", "10:00"),
            ("Easter special", "09:00"),
            ("Friday bake (new)", "10:00"),
            ("Friday bake (new)", "10:00")
        ]
    );

    let e = store
        .write(|tx| {
            series::create_series(
                tx,
                &SeriesInput {
                    count: Some(0),
                    ..input.clone()
                },
            )
        })
        .unwrap_err();
    assert_eq!(e.field_name(), Some("count"));
    let big = SeriesInput {
        until: None,
        count: Some(series::MAX_OCCURRENCES),
        ..input.clone()
    };
    let s2 = store.write(|tx| series::create_series(tx, &big)).unwrap();
    assert_eq!(s2.posts.len() as u32, series::MAX_OCCURRENCES);
    store
        .write(|tx| series::delete_series(tx, &s2.series_id))
        .unwrap();
    assert_eq!(
        store
            .read(|c| calendar::range(c, "2026-03-01", "2030-01-01"))
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn events_lane_with_holidays() {
    let (_t, store) = store_in("Asia/Tokyo");
    let ev = store
        .write(|tx| {
            events::create_event(
                tx,
                &EventInput {
                    title: "Christmas stollen launch".into(),
                    kind: EventKind::Launch,
                    starts_on: "2026-12-01".into(),
                    ends_on: Some("2026-12-25".into()),
                    notes: String::new(),
                },
            )
        })
        .unwrap();
    let e = store
        .write(|tx| {
            events::create_event(
                tx,
                &EventInput {
                    title: "x".into(),
                    kind: EventKind::Sale,
                    starts_on: "2026-12-05".into(),
                    ends_on: Some("2026-12-01".into()),
                    notes: String::new(),
                },
            )
        })
        .unwrap_err();
    assert_eq!(e.field_name(), Some("endsOn"));
    assert_eq!(
        store
            .read(|c| events::events_in(c, "2026-12-20", "2027-01-01"))
            .unwrap()[0]
            .id,
        ev.id
    );
    assert!(store
        .read(|c| events::events_in(c, "2026-12-26", "2027-01-01"))
        .unwrap()
        .is_empty());
    let h = events::holidays_in("2026-11-01", "2026-12-01", &["JP", "US"]).unwrap();
    assert_eq!(
        h.iter().map(|h| h.date.as_str()).collect::<Vec<_>>(),
        ["2026-11-03", "2026-11-11", "2026-11-23", "2026-11-26"]
    );
}

#[test]
fn pillars_keep_personas_and_deleting_one_keeps_its_posts() {
    let (_t, store) = store_in("Asia/Tokyo");
    let id = pillar(&store, "Bread");
    let p = store.read(|c| pillars::get(c, &id)).unwrap();
    assert_eq!(p.persona_ids, ["persona-a", "persona-b"]);
    assert_eq!(p.objective_id.as_deref(), Some("objective-1"));
    let e = store
        .write(|tx| {
            pillars::create(
                tx,
                &PillarInput {
                    name: "x".into(),
                    description: String::new(),
                    colour: "#ff0000".into(),
                    persona_ids: vec![],
                    objective_id: None,
                    sort_order: None,
                },
            )
        })
        .unwrap_err();
    assert_eq!(e.field_name(), Some("colour"));
    let mut input = post("A", ContentType::Educational, None, &[]);
    input.pillar_id = Some(id.clone());
    let post = create(&store, &input);
    store.write(|tx| pillars::delete(tx, &id)).unwrap();
    assert_eq!(
        store.read(|c| posts::get(c, &post.id)).unwrap().pillar_id,
        None
    );
}

#[test]
fn editing_the_words_during_review_drops_the_sign_offs() {
    let (_t, store) = store_in("Asia/Tokyo");
    let mgr = store
        .write(|tx| {
            team::add_member(
                tx,
                &TeamMemberInput {
                    name: "Aiko".into(),
                    role: Role::Manager,
                },
            )
        })
        .unwrap()
        .id;
    let mut input = post(
        "Bagels",
        ContentType::Educational,
        Some("2026-12-03T08:00"),
        &["instagram"],
    );
    let p = create(&store, &input);
    go(&store, &p.id, PostStatus::InReview, None).unwrap();
    store
        .write(|tx| workflow::sign_off(tx, &p.id, ApprovalStep::ManagerReview, &mgr))
        .unwrap();
    input.body = "Bagels, boiled then baked.".into();
    store
        .write(|tx| posts::update(tx, &p.id, &input, None))
        .unwrap();
    let e = go(&store, &p.id, PostStatus::Approved, Some(&mgr)).unwrap_err();
    assert!(e.to_string().contains("Manager review"), "{e}");
}

#[test]
fn a_posts_links_are_tracked_per_platform() {
    let (_t, store) = store_in("Asia/Tokyo");
    let mut input = post(
        "Stollen pre-orders",
        ContentType::Promotional,
        None,
        &["instagram", "line_official_account"],
    );
    input.campaign_name = Some("Christmas 2026".into());
    input.links = vec!["https://komorebi.example/shop?item=stollen#order".into()];
    let p = create(&store, &input);
    let links = store
        .read(|c| plotline_core::content::utm::post_links(c, &p.id))
        .unwrap();
    assert_eq!(links.len(), 2);
    let tag = plotline_core::content::utm::post_content_tag(&p.title, &p.id);
    assert!(tag.starts_with("stollen-pre-orders-"));
    assert_eq!(
        links[1].tracked,
        format!("https://komorebi.example/shop?item=stollen&utm_source=line_official_account&utm_medium=social&utm_campaign=christmas-2026&utm_content={tag}#order")
    );
    let mut bad = input.clone();
    bad.links = vec!["komorebi.example".into()];
    assert_eq!(
        store
            .write(|tx| posts::create(tx, &bad, None))
            .unwrap_err()
            .field_name(),
        Some("links")
    );
}

#[test]
fn platform_errors_block_approval_but_warnings_do_not() {
    use plotline_core::content::checks::{self, IssueCode, Severity};
    let (_t, store) = store_in("Asia/Tokyo");
    store
        .write(|tx| team::set_step_required(tx, ApprovalStep::ManagerReview, false))
        .unwrap();
    // 141 kanji weigh 282 on X (limit 280): an error there, fine on Instagram.
    let mut input = post(
        "Long X",
        ContentType::Educational,
        None,
        &["instagram", "x"],
    );
    input.body = "焼".repeat(141);
    let p = create(&store, &input);
    go(&store, &p.id, PostStatus::InReview, None).unwrap();
    let found = checks::check_post(
        &store.read(|c| posts::get(c, &p.id)).unwrap(),
        &Default::default(),
    );
    assert_eq!(found[1].issues[0].code, IssueCode::TooLong);
    // Instagram only warns (no photo attached yet).
    assert!(found[0]
        .issues
        .iter()
        .all(|i| i.severity == Severity::Warning));
    let e = go(&store, &p.id, PostStatus::Approved, None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("allows 280"), "{e}");
    assert_eq!(
        store.read(|c| posts::get(c, &p.id)).unwrap().status,
        PostStatus::InReview
    );
    // A shorter X version fixes it; the Instagram warning does not block.
    input.variants[1].text_override = Some("焼きたて".into());
    store
        .write(|tx| posts::update(tx, &p.id, &input, None))
        .unwrap();
    let approved = go(&store, &p.id, PostStatus::Approved, None).unwrap();
    assert_eq!(approved.status, PostStatus::Approved);
    assert_eq!(
        approved.allowed_next,
        vec![
            PostStatus::Scheduled,
            PostStatus::ChangesRequested,
            PostStatus::Draft
        ]
    );
}

#[test]
fn objective_kpi_and_persona_links_are_checked_on_write() {
    use plotline_core::workspace::Language;
    let (_t, dir) = temp_data_dir();
    let store = Store::open(&dir).unwrap();
    plotline_core::demo::seed_sample(&store, Language::En).unwrap();
    let (objective, kpi, other_kpi, persona): (String, String, String, String) = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT o.id, k.id,
                    (SELECT id FROM kpis WHERE objective_id <> o.id LIMIT 1),
                    (SELECT id FROM personas LIMIT 1)
                 FROM objectives o JOIN kpis k ON k.objective_id = o.id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?)
        })
        .unwrap();
    let mut input = post("Linked", ContentType::Educational, None, &["instagram"]);
    input.objective_id = Some("no-such-objective".into());
    let e = store
        .write(|tx| posts::create(tx, &input, None))
        .unwrap_err();
    assert_eq!(e.field_name(), Some("objectiveId"));
    input.objective_id = Some(objective.clone());
    input.kpi_id = Some(other_kpi);
    let e = store
        .write(|tx| posts::create(tx, &input, None))
        .unwrap_err();
    assert_eq!(e.field_name(), Some("kpiId"));
    input.kpi_id = Some(kpi.clone());
    input.persona_ids = vec!["ghost".into()];
    let e = store
        .write(|tx| posts::create(tx, &input, None))
        .unwrap_err();
    assert_eq!(e.field_name(), Some("personaIds"));
    input.persona_ids = vec![persona.clone()];
    let p = create(&store, &input);
    assert_eq!(p.kpi_id.as_deref(), Some(kpi.as_str()));
    assert_eq!(p.persona_ids, vec![persona.clone()]);

    // A persona deleted later does not lock the post: the stale link is dropped on save.
    store
        .write(|tx| {
            tx.execute("DELETE FROM personas WHERE id = ?1", [&persona])?;
            Ok(())
        })
        .unwrap();
    let mut again = input.clone();
    again.title = "Linked, edited".into();
    let saved = store
        .write(|tx| posts::update(tx, &p.id, &again, None))
        .unwrap();
    assert!(saved.persona_ids.is_empty());
    assert_eq!(saved.objective_id.as_deref(), Some(objective.as_str()));
}

#[test]
fn skipping_one_occurrence_from_its_post_records_the_exception() {
    let (_t, store) = store_in("Asia/Tokyo");
    let created = store
        .write(|tx| {
            series::create_series(
                tx,
                &SeriesInput {
                    template: post(
                        "Weekend bakes",
                        ContentType::Educational,
                        Some("2026-12-04T08:00"),
                        &["x"],
                    ),
                    frequency: Frequency::Weekly,
                    interval: 1,
                    until: None,
                    count: Some(4),
                },
            )
        })
        .unwrap();
    let second = &created.posts[1];
    // Moved on its own first (detached), then skipped: still leaves its series date out.
    store
        .write(|tx| {
            calendar::move_post(
                tx,
                &MoveInput {
                    post_id: second.id.clone(),
                    to: Some("2026-12-12T09:00".into()),
                },
            )
        })
        .unwrap();
    store.write(|tx| series::skip_post(tx, &second.id)).unwrap();
    let left = store
        .read(|c| calendar::range(c, "2026-12-01", "2027-01-01"))
        .unwrap();
    assert_eq!(left.len(), 3);
    assert!(left.iter().all(|i| i.id != second.id));
    let exceptions: Vec<String> = store
        .read(|c| {
            let mut s = c.prepare("SELECT local_date FROM series_exceptions")?;
            let rows = s
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
        .unwrap();
    assert_eq!(exceptions, ["2026-12-11"]);
    let lone = create(
        &store,
        &post("Alone", ContentType::Educational, None, &["x"]),
    );
    assert_eq!(
        store
            .write(|tx| series::skip_post(tx, &lone.id))
            .unwrap_err()
            .field_name(),
        Some("seriesId")
    );
}

#[test]
fn incident_contacts_are_validated_and_kept_in_playbook_order() {
    use plotline_core::incident::{self, IncidentContactInput, IncidentStep};
    let (_t, store) = store_in("Asia/Tokyo");
    let input = |step, name: &str, phone: &str, email: &str| IncidentContactInput {
        step,
        name: name.into(),
        role: "Owner".into(),
        phone: phone.into(),
        email: email.into(),
        notes: String::new(),
    };
    let respond = store
        .write(|tx| {
            incident::save(
                tx,
                None,
                &input(IncidentStep::Respond, "Mariko", "", "m@komorebi.example"),
            )
        })
        .unwrap();
    store
        .write(|tx| {
            incident::save(
                tx,
                None,
                &input(IncidentStep::Verify, "Yuki", "０３-1234-5678", ""),
            )
        })
        .unwrap();
    for (bad, field) in [
        (input(IncidentStep::Verify, " ", "03", ""), "name"),
        (input(IncidentStep::Verify, "A", "", ""), "phone"),
        (input(IncidentStep::Verify, "A", "call me", ""), "phone"),
        (
            input(IncidentStep::Verify, "A", "", "not-an-email"),
            "email",
        ),
    ] {
        let e = store
            .write(|tx| incident::save(tx, None, &bad))
            .unwrap_err();
        assert_eq!(e.field_name(), Some(field), "{bad:?}");
    }
    let listed = store.read(incident::list).unwrap();
    assert_eq!(
        listed.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Yuki", "Mariko"]
    );
    let moved = store
        .write(|tx| {
            incident::save(
                tx,
                Some(&respond.id),
                &input(
                    IncidentStep::Escalate,
                    "Mariko Sato",
                    "",
                    "m@komorebi.example",
                ),
            )
        })
        .unwrap();
    assert_eq!(moved.step, IncidentStep::Escalate);
    store.write(|tx| incident::delete(tx, &respond.id)).unwrap();
    assert_eq!(
        store
            .write(|tx| incident::delete(tx, &respond.id))
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
    assert_eq!(store.read(incident::list).unwrap().len(), 1);
}
