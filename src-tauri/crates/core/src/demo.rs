//! The sample business: a small neighbourhood bakery in Tokyo. Later features add its
//! objectives, personas, pillars and posts here, so the sample grows with the app.
//!
//! The content plan is laid out relative to today (from the Monday of the current week,
//! six weeks ahead) so the calendar is alive on first launch: past posts are published,
//! the coming week is scheduled, later weeks are still in the approval flow.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use rusqlite::Transaction;

use crate::calendar::{events, series, EventInput, EventKind, Frequency, SeriesInput};
use crate::content::mix::{self, Cadence};
use crate::content::posts::{self, PostInput, VariantInput};
use crate::content::risk;
use crate::content::team::{self, ApprovalStep, Role, TeamMemberInput};
use crate::content::time;
use crate::content::workflow::{self, AcknowledgeInput, TransitionInput};
use crate::content::{pillars, ContentType, Format, LinkPlacement, PillarInput, PostStatus};
use crate::db::Store;
use crate::error::Result;
use crate::personas::{
    self, ActiveHours, AvatarColor, Demographics, EvidenceInput, EvidenceKind, PersonaInput,
    Psychographics, SocialUsage, UsageFrequency, Weekday,
};
use crate::platforms::recommend::{
    AudienceAnswers, Capacity, Competitor, PersonaAnswer, PlatformUsage, Region, WhoPosts,
    WizardAnswers, WizardFrequency,
};
use crate::platforms::setup::{self, AccountDesignInput, EmojiUse};
use crate::platforms::{AgeGroup, Placement};
use crate::strategy::{
    self, KpiInput, ObjectiveInput, ObjectiveKind, ObjectiveStatus, ReviewCadence,
};
use crate::workspace::{self, Audience, Industry, Language, WeekStart, Workspace, WorkspaceInput};

pub fn sample_profile(language: Language) -> WorkspaceInput {
    let name = match language {
        Language::En => "Komorebi Bakery",
        Language::Ja => "こもれびベーカリー",
    };
    WorkspaceInput {
        name: name.into(),
        industry: Industry::BakeryFood,
        audience: Audience::B2c,
        time_zone: "Asia/Tokyo".into(),
        language,
        week_start: match language {
            Language::En => WeekStart::Monday,
            Language::Ja => WeekStart::Sunday,
        },
    }
}

/// Seed the sample bakery into an empty workspace, all in one transaction.
pub fn seed_sample(store: &Store, language: Language) -> Result<Workspace> {
    let tz = time::parse_zone("timeZone", &sample_profile(language).time_zone)?;
    seed_sample_on(store, language, Utc::now().with_timezone(&tz).date_naive())
}

/// [`seed_sample`] as if `today` (a date in the bakery's zone) were today: every date of
/// the sample (objectives, plan, published posts, results) is laid out relative to it.
pub fn seed_sample_on(store: &Store, language: Language, today: NaiveDate) -> Result<Workspace> {
    let ws = store.write(|tx| {
        let ws = workspace::create_sample(tx, &sample_profile(language))?;
        seed_strategy(tx, language, today)?;
        seed_platforms(tx, language)?;
        seed_content(tx, language, today)?;
        crate::results::sample::seed_results(tx, language, today)?;
        Ok(ws)
    })?;
    // Photos go through the real import (files + thumbnails), so they come after the
    // profile's transaction; their details and post links are one more transaction.
    seed_media(store, language)?;
    Ok(ws)
}

fn pick(language: Language, en: &str, ja: &str) -> String {
    match language {
        Language::En => en.to_string(),
        Language::Ja => ja.to_string(),
    }
}

/// (day offset in the week, time, pillar index, content type, format, platforms)
type Slot = (
    i64,
    &'static str,
    usize,
    ContentType,
    Format,
    &'static [&'static str],
);

const IG: &[&str] = &["instagram"];
const IG_LINE: &[&str] = &["instagram", "line_official_account"];

/// Six weekly slots; the Friday LINE post is the recurring series.
const SLOTS: [Slot; 6] = [
    (
        0,
        "07:30",
        0,
        ContentType::Educational,
        Format::Carousel,
        IG,
    ),
    (
        1,
        "12:00",
        1,
        ContentType::Promotional,
        Format::Photo,
        IG_LINE,
    ),
    (
        2,
        "18:00",
        3,
        ContentType::Entertainment,
        Format::ShortVideo,
        IG,
    ),
    (3, "07:30", 0, ContentType::Educational, Format::Photo, IG),
    (
        5,
        "10:00",
        2,
        ContentType::Community,
        Format::Photo,
        IG_LINE,
    ),
    (6, "17:00", 3, ContentType::Entertainment, Format::Story, IG),
];

/// Titles per slot and week (English, Japanese).
const TITLES: [[(&str, &str); 6]; 6] = [
    [
        (
            "Why our croissants rest for 36 hours",
            "クロワッサンを36時間寝かせる理由",
        ),
        ("Reading a sourdough crumb", "サワードウの断面の読み方"),
        ("Three flours, three breads", "3種類の小麦粉、3つのパン"),
        (
            "How to keep bread fresh at home",
            "おうちでパンをおいしく保存するコツ",
        ),
        (
            "What makes a good melon pan crust",
            "メロンパンのサクサク皮のひみつ",
        ),
        (
            "Shaping baguettes, step by step",
            "バゲット成形をステップごとに",
        ),
    ],
    [
        ("New: chestnut & hojicha bun", "新作：栗とほうじ茶のパン"),
        (
            "Lunch set: soup + half baguette",
            "ランチセット：スープ＋ハーフバゲット",
        ),
        ("Weekend bread box is back", "週末パンボックス再開"),
        (
            "Christmas stollen pre-orders open",
            "クリスマスシュトーレン予約開始",
        ),
        (
            "Yuzu cream bun, this week only",
            "今週だけの柚子クリームパン",
        ),
        (
            "Gift boxes for year-end greetings",
            "年末のごあいさつギフトボックス",
        ),
    ],
    [
        (
            "4 a.m. at the bakery (with music)",
            "朝4時のパン工房（音楽つき）",
        ),
        ("Our oven has a name", "うちのオーブンには名前がある"),
        ("Guess the bread from the sound", "音だけでパンを当ててみて"),
        ("Flour everywhere: a blooper reel", "粉まみれのNG集"),
        (
            "Slow-motion baguette crackle",
            "スローモーションで聴くバゲットの音",
        ),
        (
            "The staff's secret favourite",
            "スタッフがこっそり好きなパン",
        ),
    ],
    [
        (
            "Butter vs. margarine: what changes?",
            "バターとマーガリン、何が違う？",
        ),
        (
            "Why we score bread before baking",
            "焼く前にクープを入れる理由",
        ),
        ("Rye bread: a beginner's guide", "はじめてのライ麦パン"),
        ("Steam in the oven, explained", "オーブンのスチームのはなし"),
        (
            "Our sourdough starter turns five",
            "自家製酵母が5歳になりました",
        ),
        (
            "Pairing bread with winter soups",
            "冬のスープに合うパンの選び方",
        ),
    ],
    [
        (
            "Your favourite bread for a picnic?",
            "ピクニックに持っていくならどのパン？",
        ),
        ("Thank you, morning regulars", "朝の常連さんへ、ありがとう"),
        (
            "Meet the farmer behind our flour",
            "小麦を育てる農家さんを紹介",
        ),
        (
            "Share your bread-day photos",
            "#こもれびの朝 の写真を募集中",
        ),
        ("Vote: next month's special", "投票：来月の限定パンはどれ？"),
        ("Shopping street winter lights", "商店街のイルミネーション"),
    ],
    [
        ("A day in the life of our baker", "パン職人の一日"),
        (
            "Before/after: the morning rush",
            "朝のピーク、ビフォーアフター",
        ),
        (
            "Bread art: a fox made of dough",
            "パンアート：生地でつくったキツネ",
        ),
        ("Closing time: what's left?", "閉店前、残っているのは？"),
        ("Tasting the new range with the team", "チームで新作を試食"),
        (
            "The bakery cat's favourite spot",
            "看板猫のお気に入りの場所",
        ),
    ],
];

/// Week 3 is the deliberately promotion-heavy week (Christmas pre-orders): its
/// educational/entertainment slots sell instead, so the mix warning shows.
const PROMO_WEEK: usize = 3;
const PROMO_TITLES: [(&str, &str); 3] = [
    (
        "Stollen: order by Friday for 10% off",
        "シュトーレン：金曜までの予約で10%オフ",
    ),
    ("Christmas cake tasting day", "クリスマスケーキ試食デー"),
    (
        "Best gift in town: our bread box",
        "街で一番のギフト：パンボックス",
    ),
];

fn status_for(post_date: NaiveDate, today: NaiveDate, index: usize) -> PostStatus {
    let days = (post_date - today).num_days();
    match days {
        d if d < 0 => PostStatus::Published,
        0..=6 => PostStatus::Scheduled,
        7..=13 => PostStatus::Approved,
        14..=20 => {
            if index % 4 == 1 {
                PostStatus::ChangesRequested
            } else {
                PostStatus::InReview
            }
        }
        _ => {
            if index.is_multiple_of(3) {
                PostStatus::Idea
            } else {
                PostStatus::Draft
            }
        }
    }
}

struct Team {
    operator: String,
    manager: String,
}

fn advance(
    tx: &Transaction<'_>,
    id: &str,
    target: PostStatus,
    team: &Team,
    language: Language,
) -> Result<()> {
    use PostStatus::*;
    let path: &[PostStatus] = match target {
        Idea | Draft => &[],
        InReview => &[InReview],
        ChangesRequested => &[InReview, ChangesRequested],
        Approved => &[InReview, Approved],
        Scheduled => &[InReview, Approved, Scheduled],
        Published => &[InReview, Approved, Scheduled, Published],
    };
    for step in path {
        let (actor, note) = match step {
            InReview => (Some(team.operator.clone()), String::new()),
            ChangesRequested => (
                Some(team.manager.clone()),
                pick(
                    language,
                    "Please add the price and the pick-up days.",
                    "価格と受け取り日を追記してください。",
                ),
            ),
            Approved => {
                workflow::sign_off(tx, id, ApprovalStep::ManagerReview, &team.manager)?;
                let post = posts::get(tx, id)?;
                for h in workflow::unacknowledged_risks(tx, &post)? {
                    workflow::acknowledge_risk(
                        tx,
                        &AcknowledgeInput {
                            post_id: id.into(),
                            category: h.category,
                            term: h.term,
                            actor_id: Some(team.manager.clone()),
                        },
                    )?;
                }
                (Some(team.manager.clone()), String::new())
            }
            Scheduled => (Some(team.operator.clone()), String::new()),
            _ => (None, String::new()),
        };
        workflow::transition(
            tx,
            &TransitionInput {
                post_id: id.into(),
                to: *step,
                actor_id: actor,
                note: note.clone(),
            },
        )?;
        if *step == ChangesRequested {
            workflow::add_comment(tx, id, Some(&team.manager), &note)?;
        }
    }
    Ok(())
}

fn variants(platforms: &[&str], language: Language, with_link: bool) -> Vec<VariantInput> {
    platforms
        .iter()
        .map(|p| {
            let mut v = VariantInput::inherit(p);
            match *p {
                "instagram" => {
                    v.hashtags = match language {
                        Language::En => vec!["komorebibakery".into(), "tokyobakery".into(), "freshbread".into()],
                        Language::Ja => vec!["こもれびベーカリー".into(), "パン屋さん".into(), "焼きたてパン".into()],
                    };
                    v.link_placement = if with_link { LinkPlacement::LinkInBio } else { LinkPlacement::None };
                }
                "line_official_account" => {
                    v.text_override = Some(pick(
                        language,
                        "This week at Komorebi: tap the link for details and pick-up times.",
                        "今週のこもれびベーカリー：詳しくはリンクから。受け取り時間もご確認ください。",
                    ));
                    v.link_placement = if with_link { LinkPlacement::InText } else { LinkPlacement::None };
                }
                _ => {}
            }
            v
        })
        .collect()
}

/// The sample content plan, relative to `today` (a date in the bakery's zone).
pub fn seed_content(tx: &Transaction<'_>, language: Language, today: NaiveDate) -> Result<()> {
    let l = |en: &str, ja: &str| pick(language, en, ja);
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));

    let owner = team::add_member(
        tx,
        &TeamMemberInput {
            name: l("Mariko Sato", "佐藤 真理子"),
            role: Role::Owner,
        },
    )?;
    let operator = team::add_member(
        tx,
        &TeamMemberInput {
            name: l("Yuki Tanaka", "田中 ゆき"),
            role: Role::Operator,
        },
    )?;
    let manager = team::add_member(
        tx,
        &TeamMemberInput {
            name: l("Ken Ito", "伊藤 健"),
            role: Role::Manager,
        },
    )?;
    team::set_step_required(tx, ApprovalStep::ManagerReview, true)?;
    team::set_step_required(tx, ApprovalStep::BrandCheck, false)?;
    let team = Team {
        operator: operator.id.clone(),
        manager: manager.id.clone(),
    };
    risk::add_competitor(tx, &l("Sunrise Bakery", "サンライズベーカリー"))?;

    let pillar_defs = [
        (
            l("Bread craft", "パンづくりの裏側"),
            l(
                "How we bake: flours, fermentation, technique. Builds trust in quality.",
                "粉・発酵・技術。品質への信頼を育てる。",
            ),
            "leaf",
        ),
        (
            l("Seasonal menu", "季節のメニュー"),
            l(
                "New and seasonal breads, sets and gifts.",
                "新作・季節限定・セットやギフト。",
            ),
            "sun",
        ),
        (
            l("Neighbourhood life", "まちの暮らし"),
            l(
                "Regulars, local producers and the shopping street.",
                "常連さん、地元の生産者、商店街。",
            ),
            "sky",
        ),
        (
            l("Bakery smiles", "こもれびの日常"),
            l("Light, fun moments from the bakery.", "お店の楽しい日常。"),
            "rose",
        ),
    ];
    let mut pillar_ids = Vec::new();
    for (i, (name, description, colour)) in pillar_defs.iter().enumerate() {
        let p = pillars::create(
            tx,
            &PillarInput {
                name: name.clone(),
                description: description.clone(),
                colour: (*colour).into(),
                persona_ids: vec![],
                objective_id: None,
                sort_order: Some(i as i32),
            },
        )?;
        pillar_ids.push(p.id);
    }

    mix::set_cadence(
        tx,
        &Cadence {
            platform: "instagram".into(),
            posts_per_week: 5,
            time_slots: vec!["07:30".into(), "12:00".into(), "18:00".into()],
        },
    )?;
    mix::set_cadence(
        tx,
        &Cadence {
            platform: "line_official_account".into(),
            posts_per_week: 2,
            time_slots: vec!["08:00".into(), "12:00".into()],
        },
    )?;

    let mut index = 0;
    // `week` indexes the titles, the dates and the promotion rule alike.
    #[allow(clippy::needless_range_loop)]
    for week in 0..6usize {
        for (slot_i, (day, at, pillar, ct, format, platforms)) in SLOTS.iter().enumerate() {
            let date = monday + Duration::days(7 * week as i64 + day);
            let (mut title, mut content_type, mut pillar) = (TITLES[slot_i][week], *ct, *pillar);
            // Promotions on Tuesdays every other week; the promo week sells all week.
            if slot_i == 1 && week % 2 == 1 && week != PROMO_WEEK {
                content_type = ContentType::Educational;
            }
            if week == PROMO_WEEK && [2, 3, 4].contains(&slot_i) {
                let k = [2, 3, 4].iter().position(|s| *s == slot_i).unwrap_or(0);
                title = PROMO_TITLES[k];
                content_type = ContentType::Promotional;
                pillar = 1;
            }
            let status = status_for(date, today, index);
            let title = l(title.0, title.1);
            let body = if status == PostStatus::Idea {
                String::new()
            } else {
                match language {
                    Language::En => format!("{title}. Come by Komorebi Bakery this week — open 7:00–19:00, closed Wednesdays."),
                    Language::Ja => format!("{title}。こもれびベーカリーへぜひ。営業時間 7:00〜19:00（水曜定休）。"),
                }
            };
            let promo = content_type == ContentType::Promotional;
            let input = PostInput {
                title,
                body,
                pillar_id: Some(pillar_ids[pillar].clone()),
                content_type,
                format: *format,
                objective_id: None,
                kpi_id: None,
                persona_ids: vec![],
                campaign_name: if week == PROMO_WEEK && promo {
                    Some("Christmas 2026".into())
                } else {
                    None
                },
                campaign_slug: None,
                scheduled_local: Some(format!("{date}T{at}")),
                owner_id: Some(if slot_i % 2 == 0 {
                    operator.id.clone()
                } else {
                    owner.id.clone()
                }),
                notes: String::new(),
                links: if promo {
                    vec!["https://komorebi-bakery.example/shop".into()]
                } else {
                    vec![]
                },
                variants: variants(platforms, language, promo),
            };
            let post = posts::create(tx, &input, Some(&operator.id))?;
            advance(tx, &post.id, status, &team, language)?;
            index += 1;
        }
    }

    // Last week's results, so there is published history even on a Monday morning.
    for (days_back, en, ja, ct) in [
        (
            3,
            "Friday focaccia, sold out by noon",
            "金曜のフォカッチャ、お昼に完売",
            ContentType::Entertainment,
        ),
        (
            5,
            "How we pick our butter",
            "バターの選び方",
            ContentType::Educational,
        ),
    ] {
        let mut p = PostInput::idea(&l(en, ja), ct, Format::Photo);
        p.body = l(en, ja);
        p.pillar_id = Some(pillar_ids[if ct == ContentType::Educational { 0 } else { 3 }].clone());
        p.scheduled_local = Some(format!("{}T18:00", monday - Duration::days(days_back)));
        p.variants = variants(IG, language, false);
        let p = posts::create(tx, &p, Some(&operator.id))?;
        advance(tx, &p.id, PostStatus::Published, &team, language)?;
    }

    // The recurring series: the weekend bake list on LINE every Friday morning.
    let first_friday = monday + Duration::days(4);
    let mut template = PostInput::idea(
        &l("This weekend's bakes", "今週末の焼き上がりリスト"),
        ContentType::Educational,
        Format::Text,
    );
    template.body = l(
        "Saturday & Sunday: country loaf, cinnamon rolls, melon pan. Reserve by message until Friday 18:00.",
        "土日の焼き上がり：カンパーニュ、シナモンロール、メロンパン。金曜18時までメッセージでご予約ください。",
    );
    template.pillar_id = Some(pillar_ids[0].clone());
    template.scheduled_local = Some(format!("{first_friday}T08:00"));
    template.owner_id = Some(operator.id.clone());
    template.variants = vec![VariantInput::inherit("line_official_account")];
    let created = series::create_series(
        tx,
        &SeriesInput {
            template,
            frequency: Frequency::Weekly,
            interval: 1,
            until: None,
            count: Some(6),
        },
    )?;
    for p in &created.posts {
        let date = p
            .time
            .as_ref()
            .map(|t| t.local[..10].to_string())
            .unwrap_or_default();
        let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or(today);
        let status = match status_for(date, today, 2) {
            PostStatus::Idea | PostStatus::ChangesRequested => PostStatus::Draft,
            s => s,
        };
        advance(tx, &p.id, status, &team, language)?;
    }

    // One post in review with wording the risk check flags (a regular's praise, quoted),
    // to show the approval gate.
    let mut risky = PostInput::idea(
        &l("The best melon pan in Tokyo?", "日本一のメロンパン？"),
        ContentType::Community,
        Format::Photo,
    );
    risky.body = l(
        "Regulars say it is the best melon pan in Tokyo, guaranteed crispy every morning.",
        "常連さんいわく日本一のメロンパン。毎朝、絶対サクサクです。",
    );
    risky.pillar_id = Some(pillar_ids[2].clone());
    risky.scheduled_local = Some(format!("{}T12:00", monday + Duration::days(16)));
    risky.variants = variants(IG, language, false);
    let risky = posts::create(tx, &risky, Some(&operator.id))?;
    advance(tx, &risky.id, PostStatus::InReview, &team, language)?;

    // Backlog ideas without a date.
    for (en, ja, ct) in [
        (
            "Behind the scenes: delivery bike route",
            "配達自転車のルート紹介",
            ContentType::Entertainment,
        ),
        (
            "Q&A: allergy information",
            "Q&A：アレルギー表示について",
            ContentType::Educational,
        ),
        (
            "Customer bread stories",
            "お客さまのパンの思い出",
            ContentType::Community,
        ),
        (
            "Valentine's chocolate bread teaser",
            "バレンタインのチョコパン予告",
            ContentType::Promotional,
        ),
    ] {
        posts::create(
            tx,
            &PostInput::idea(&l(en, ja), ct, Format::Photo),
            Some(&operator.id),
        )?;
    }

    let sale_start = monday + Duration::days(7 * PROMO_WEEK as i64);
    events::create_event(
        tx,
        &EventInput {
            title: l("Christmas stollen pre-order week", "シュトーレン予約週間"),
            kind: EventKind::Sale,
            starts_on: sale_start.to_string(),
            ends_on: Some((sale_start + Duration::days(6)).to_string()),
            notes: l(
                "10% off pre-orders placed by Friday.",
                "金曜までのご予約は10%オフ。",
            ),
        },
    )?;
    let workshop = monday + Duration::days(7 * 5 + 5);
    events::create_event(
        tx,
        &EventInput {
            title: l("Kids' bread workshop", "親子パン教室"),
            kind: EventKind::StoreEvent,
            starts_on: workshop.to_string(),
            ends_on: None,
            notes: l(
                "10:00–12:00, 8 families, in the back kitchen.",
                "10:00〜12:00、8組限定、奥のキッチンにて。",
            ),
        },
    )?;
    seed_incident_contacts(tx, language)?;
    Ok(())
}

/// Who the bakery calls when a post goes wrong (the incident playbook).
fn seed_incident_contacts(tx: &Transaction<'_>, language: Language) -> Result<()> {
    use crate::incident::{self, IncidentContactInput, IncidentStep};
    let l = |en: &str, ja: &str| pick(language, en, ja);
    for (step, name, role, phone, email, notes) in [
        (
            IncidentStep::Verify,
            l("Yuki Tanaka", "田中 ゆき"),
            l("Social media operator", "SNS担当"),
            "090-1234-5678",
            "yuki@komorebi-bakery.example",
            l(
                "Screenshots the post and the comments, checks the facts with the kitchen.",
                "投稿とコメントのスクリーンショットを保存し、厨房に事実を確認する。",
            ),
        ),
        (
            IncidentStep::Escalate,
            l("Mariko Sato", "佐藤 真理子"),
            l("Owner", "オーナー"),
            "090-8765-4321",
            "mariko@komorebi-bakery.example",
            l(
                "Decides whether to delete, correct or answer. Call, do not message.",
                "削除・訂正・回答を判断する。メッセージではなく電話で。",
            ),
        ),
        (
            IncidentStep::Escalate,
            l("Shotengai association office", "商店街振興組合 事務局"),
            l("Local adviser", "地域の相談先"),
            "03-1234-5678",
            "",
            l(
                "For complaints that involve neighbours or the street.",
                "近隣や商店街が関わる苦情のとき。",
            ),
        ),
        (
            IncidentStep::Respond,
            l("Ken Ito", "伊藤 健"),
            l(
                "Manager (writes the public answer)",
                "店長（公式回答を作成）",
            ),
            "090-2468-1357",
            "ken@komorebi-bakery.example",
            l(
                "One calm public answer with the facts; then move the talk to messages.",
                "事実にもとづく落ち着いた回答を一度だけ。以降はメッセージで対応。",
            ),
        ),
    ] {
        incident::save(
            tx,
            None,
            &IncidentContactInput {
                step,
                name,
                role,
                phone: phone.into(),
                email: email.into(),
                notes,
            },
        )?;
    }
    Ok(())
}

/// The bakery's platforms: Instagram (where its young neighbourhood customers look for
/// bread and cafés, and the owner can take good photos) and LINE Official Account (about
/// 95% of people in Japan use LINE, across all ages; "fresh from the oven" notices and
/// coupons bring regulars back, and it takes under an hour a week). The saved wizard
/// answers recommend exactly these two.
pub const SAMPLE_PLATFORMS: [&str; 2] = ["instagram", "line_official_account"];

pub fn sample_wizard_answers(language: Language) -> WizardAnswers {
    let (yui, tanaka, rival1, rival2) = match language {
        Language::En => ("Yui", "Mr. Tanaka", "Bread Lab Sangenjaya", "Maruya Bakery"),
        Language::Ja => (
            "ゆい",
            "田中さん",
            "ブレッドラボ三軒茶屋",
            "まるやベーカリー",
        ),
    };
    let (morning, evening) = match language {
        Language::En => ("7–8 am", "8–10 pm"),
        Language::Ja => ("朝7〜8時", "夜8〜10時"),
    };
    let usage = |id: &str, frequency, hours: &str| PlatformUsage {
        platform_id: id.into(),
        frequency,
        active_hours: hours.into(),
    };
    WizardAnswers {
        audience: AudienceAnswers {
            personas: vec![
                PersonaAnswer {
                    name: yui.into(),
                    primary: true,
                    age_min: Some(28),
                    age_max: Some(36),
                    usage: vec![
                        usage("instagram", WizardFrequency::Daily, evening),
                        usage("line_official_account", WizardFrequency::Daily, morning),
                        usage("tiktok", WizardFrequency::Weekly, ""),
                        usage("facebook", WizardFrequency::Never, ""),
                    ],
                },
                PersonaAnswer {
                    name: tanaka.into(),
                    primary: false,
                    age_min: Some(60),
                    age_max: Some(70),
                    usage: vec![
                        usage("line_official_account", WizardFrequency::Daily, morning),
                        usage("instagram", WizardFrequency::Monthly, ""),
                    ],
                },
            ],
            age_groups: vec![
                AgeGroup::Age25To34,
                AgeGroup::Age35To44,
                AgeGroup::Age55Plus,
            ],
            market: Audience::B2c,
            region: Region::Japan,
            local_business: true,
        },
        goals: vec![ObjectiveKind::Awareness, ObjectiveKind::FanLtv],
        competitors: vec![
            Competitor {
                name: rival1.into(),
                active_on: vec!["x".into()],
                succeeding_on: vec!["instagram".into()],
            },
            Competitor {
                name: rival2.into(),
                active_on: vec!["google_business_profile".into()],
                succeeding_on: vec!["line_official_account".into()],
            },
        ],
        capacity: Capacity {
            hours_per_week: 4.0,
            who_posts: WhoPosts::Owner,
            short_video: false,
            photos: true,
            long_form: false,
        },
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

fn sample_designs(language: Language) -> [AccountDesignInput; 2] {
    let en = language == Language::En;
    let pick = |e: &'static str, j: &'static str| if en { e } else { j };
    let pick_list = |e: &[&str], j: &[&str]| if en { strings(e) } else { strings(j) };
    [
        AccountDesignInput {
            platform_id: "instagram".into(),
            concept: pick(
                "For busy neighbours in Sangenjaya: the day's bread straight from the oven, shown in warm morning light.",
                "三軒茶屋で忙しく暮らすご近所さんへ、焼きたてのその日のパンを朝の光とともに届けるアカウント。",
            )
            .into(),
            tone_words: pick_list(&["warm", "honest", "unhurried"], &["あたたかい", "正直", "ゆったり"]),
            dos: pick_list(
                &["Show the baker's hands and the oven", "Say when each bread comes out", "Reply to every comment the same day"],
                &["職人の手元や窯を見せる", "焼き上がり時間を伝える", "コメントにはその日のうちに返信"],
            ),
            donts: pick_list(
                &["Stock photos", "Discount-only posts", "More than 5 hashtags"],
                &["フリー素材の写真", "値引きだけの投稿", "ハッシュタグ6個以上"],
            ),
            emoji_use: EmojiUse::Light,
            sample_phrases: pick_list(
                &["Melonpan out at 10:30 — still warm.", "Tomorrow's seasonal bread: chestnut and black tea."],
                &["メロンパン、10時半に焼き上がりました。まだあたたかいです。", "明日の季節のパンは、栗と紅茶。"],
            ),
            bio: pick(
                "Neighbourhood bakery in Sangenjaya 🍞 Baked from 6 am, sold out by 5. Closed Tue. Map & menu ↓",
                "三軒茶屋のまちのパン屋🍞 朝6時から焼いて夕方には完売。火曜定休。地図とメニューは↓",
            )
            .into(),
            handle: "komorebi_bakery".into(),
            link: "https://komorebi-bakery.example.jp".into(),
            checklist_done: vec![Placement::Profile],
            pinned_post: pick(
                "A morning at Komorebi: from 5 am dough to the first customer (carousel).",
                "こもれびの朝：5時の仕込みから最初のお客さままで（カルーセル）",
            )
            .into(),
        },
        AccountDesignInput {
            platform_id: "line_official_account".into(),
            concept: pick(
                "For regulars: a short note when favourites come out of the oven, and a monthly thank-you coupon.",
                "常連さんへ、好きなパンの焼き上がりと月に一度のお礼クーポンを短く届けるアカウント。",
            )
            .into(),
            tone_words: pick_list(&["friendly", "brief"], &["親しみやすい", "簡潔"]),
            dos: pick_list(
                &["At most one message a week", "Lead with the bread and the time"],
                &["メッセージは週1通まで", "パンの名前と時間を先に書く"],
            ),
            donts: pick_list(&["Long messages", "Sending after 9 pm"], &["長文", "夜9時以降の配信"]),
            emoji_use: EmojiUse::Light,
            sample_phrases: pick_list(
                &["Good morning! Cinnamon rolls are out at 8:00 today."],
                &["おはようございます！今日のシナモンロールは8時に焼き上がります。"],
            ),
            bio: pick("Fresh bread, coupons", "焼きたて情報とクーポン").into(),
            handle: "@komorebi".into(),
            link: String::new(),
            checklist_done: Vec::new(),
            pinned_post: String::new(),
        },
    ]
}

fn seed_platforms(tx: &Transaction<'_>, language: Language) -> Result<()> {
    // The saved audience is the persona builder's, as the wizard would start from it.
    let mut answers = sample_wizard_answers(language);
    answers.audience.personas =
        crate::platforms::recommend::personas_for_wizard(&personas::list(tx)?);
    setup::save_wizard_answers(tx, &answers)?;
    let ids: Vec<String> = SAMPLE_PLATFORMS.iter().map(|s| (*s).to_string()).collect();
    setup::set_active_platforms(tx, &ids)?;
    for design in sample_designs(language) {
        setup::save_account_design(tx, &design)?;
    }
    Ok(())
}

fn list(language: Language, en: &[&str], ja: &[&str]) -> Vec<String> {
    let src = match language {
        Language::En => en,
        Language::Ja => ja,
    };
    src.iter().map(|s| (*s).to_string()).collect()
}

fn evidence(kind: EvidenceKind, note: String, date: &str) -> EvidenceInput {
    EvidenceInput {
        id: None,
        kind,
        note,
        date: date.into(),
    }
}

#[allow(clippy::too_many_arguments)]
fn kpi(
    name: String,
    stage: &str,
    metric: &str,
    baseline: &str,
    target: &str,
    unit: String,
    cadence: ReviewCadence,
) -> KpiInput {
    KpiInput {
        id: None,
        name,
        stage: stage.into(),
        metric: metric.into(),
        baseline: baseline.into(),
        target: target.into(),
        unit,
        cadence,
    }
}

/// Two objectives (seasonal-line awareness, online pre-orders) and three personas with
/// mixed evidence: one interview-backed, one from sales and UGC, one still a hypothesis.
fn seed_strategy(tx: &Transaction<'_>, l: Language, today: NaiveDate) -> Result<()> {
    // Dates relative to today, so the sample never shows a deadline that has already passed.
    let day = |offset: i64| {
        (today + chrono::Duration::days(offset))
            .format("%Y-%m-%d")
            .to_string()
    };
    let yuki = personas::save(
        tx,
        &PersonaInput {
            id: None,
            name: pick(l, "Weekend Yuki", "週末のユキさん"),
            color: AvatarColor::Clay,
            quote: pick(
                l,
                "Saturday morning starts with something warm from the bakery round the corner.",
                "土曜の朝は、角のパン屋さんの焼きたてから始まります。",
            ),
            is_primary: true,
            demographics: Demographics {
                age_range: pick(l, "32–40", "32〜40歳"),
                gender: pick(l, "Woman", "女性"),
                occupation: pick(
                    l,
                    "Office worker, works from home twice a week",
                    "会社員（週2日在宅勤務）",
                ),
                location: pick(l, "Lives 10 minutes' walk from the shop", "店から徒歩10分"),
                household: pick(l, "Couple, one child (4)", "夫婦と子ども1人（4歳）"),
                income_band: pick(l, "Middle", "中間層"),
            },
            psychographics: Psychographics {
                values: list(
                    l,
                    &["Seasonal ingredients", "Supporting local shops"],
                    &["旬の素材", "地元のお店を応援すること"],
                ),
                interests: list(
                    l,
                    &["Café hopping", "Home brunch"],
                    &["カフェ巡り", "おうちブランチ"],
                ),
                information_sources: list(
                    l,
                    &["Instagram Stories", "Neighbourhood friends"],
                    &["Instagramのストーリーズ", "近所のママ友"],
                ),
                decision_factors: list(
                    l,
                    &["Freshly baked", "Limited seasonal items"],
                    &["焼きたて", "季節限定"],
                ),
                pain_points: list(
                    l,
                    &["Favourites sold out by 11:00"],
                    &["お気に入りが11時には売り切れ"],
                ),
                goals: list(
                    l,
                    &["A relaxed family weekend"],
                    &["家族でのんびりした週末"],
                ),
                objections: list(l, &["Queues on Saturdays"], &["土曜の行列"]),
            },
            social_usage: vec![
                SocialUsage {
                    platform: "instagram".into(),
                    frequency: UsageFrequency::Daily,
                    active_hours: vec![
                        ActiveHours {
                            weekday: Weekday::Fri,
                            from: 21,
                            to: 23,
                        },
                        ActiveHours {
                            weekday: Weekday::Sat,
                            from: 7,
                            to: 9,
                        },
                    ],
                    account_types: list(l, &["Local food", "Parenting"], &["地元グルメ", "子育て"]),
                },
                SocialUsage {
                    // Shop news and coupons arrive on LINE, like most of Japan's messages.
                    platform: "line_official_account".into(),
                    frequency: UsageFrequency::Daily,
                    active_hours: vec![ActiveHours {
                        weekday: Weekday::Sat,
                        from: 7,
                        to: 8,
                    }],
                    account_types: list(l, &["Shops nearby"], &["近所のお店"]),
                },
            ],
            evidence: vec![
                evidence(
                    EvidenceKind::Interview,
                    pick(
                        l,
                        "Talked with 4 Saturday regulars at the counter.",
                        "土曜の常連さん4人に店頭でお話を伺った。",
                    ),
                    "2026-09-12",
                ),
                evidence(
                    EvidenceKind::Analytics,
                    pick(
                        l,
                        "Instagram insights: followers most active Fri 21–23.",
                        "Instagramインサイト：フォロワーは金曜21〜23時に最も活発。",
                    ),
                    "2026-10-01",
                ),
            ],
        },
    )?;
    let ken = personas::save(
        tx,
        &PersonaInput {
            id: None,
            name: pick(l, "Commuter Ken", "通勤途中のケンさん"),
            color: AvatarColor::Sky,
            quote: pick(
                l,
                "If I can order the night before, I'll pick it up on the way to work.",
                "前の晩に予約できるなら、出勤前に受け取りたい。",
            ),
            is_primary: false,
            demographics: Demographics {
                age_range: pick(l, "25–35", "25〜35歳"),
                occupation: pick(
                    l,
                    "Engineer, commutes via the station",
                    "エンジニア（駅を利用して通勤）",
                ),
                location: pick(
                    l,
                    "Passes the shop on the way to the station",
                    "駅へ向かう途中で店の前を通る",
                ),
                ..Demographics::default()
            },
            psychographics: Psychographics {
                values: list(l, &["Saving time"], &["時間の節約"]),
                decision_factors: list(
                    l,
                    &["Easy pre-order", "Pick-up before 8:00"],
                    &["簡単な予約", "8時前の受け取り"],
                ),
                pain_points: list(
                    l,
                    &["No time to queue in the morning"],
                    &["朝は並ぶ時間がない"],
                ),
                ..Psychographics::default()
            },
            social_usage: vec![
                SocialUsage {
                    platform: "x".into(),
                    frequency: UsageFrequency::Daily,
                    active_hours: vec![ActiveHours {
                        weekday: Weekday::Mon,
                        from: 7,
                        to: 9,
                    }],
                    account_types: list(l, &["Tech news"], &["テック系ニュース"]),
                },
                SocialUsage {
                    platform: "line_official_account".into(),
                    frequency: UsageFrequency::Daily,
                    active_hours: vec![ActiveHours {
                        weekday: Weekday::Mon,
                        from: 7,
                        to: 8,
                    }],
                    account_types: list(
                        l,
                        &["Train delays", "Shops nearby"],
                        &["運行情報", "近所のお店"],
                    ),
                },
            ],
            evidence: vec![
                evidence(
                    EvidenceKind::Sales,
                    pick(
                        l,
                        "30% of weekday sales happen 7:00–8:30.",
                        "平日売上の30%が7:00〜8:30。",
                    ),
                    "2026-10-15",
                ),
                evidence(
                    EvidenceKind::Ugc,
                    pick(
                        l,
                        "Posts tagging the shop mention 'on my way to work'.",
                        "店をタグ付けした投稿に「出勤前に」が多い。",
                    ),
                    "",
                ),
            ],
        },
    )?;
    personas::save(
        tx,
        &PersonaInput {
            id: None,
            name: pick(l, "Gift-buyer Mariko", "手土産選びのマリコさん"),
            color: AvatarColor::Plum,
            quote: pick(
                l,
                "I want a gift that looks as good as it tastes.",
                "見た目もおいしさも自慢できる手土産がほしい。",
            ),
            is_primary: false,
            demographics: Demographics {
                age_range: pick(l, "45–60", "45〜60歳"),
                ..Demographics::default()
            },
            psychographics: Psychographics {
                decision_factors: list(l, &["Beautiful packaging"], &["きれいな包装"]),
                ..Psychographics::default()
            },
            social_usage: Vec::new(),
            evidence: vec![evidence(
                EvidenceKind::Assumption,
                pick(
                    l,
                    "Our guess from seasonal gift boxes; not yet checked with customers.",
                    "季節のギフト箱からの推測。まだお客様に確認していない。",
                ),
                "",
            )],
        },
    )?;
    strategy::save(
        tx,
        &ObjectiveInput {
            id: None,
            kind: ObjectiveKind::Awareness,
            statement: pick(
                l,
                "Make the seasonal chestnut line known in the neighbourhood: 8,000 people reached per week within two months",
                "季節の栗シリーズを地域に知ってもらう：2か月以内に週8,000人へリーチ",
            ),
            baseline: "3000".into(),
            target_value: "8000".into(),
            unit: pick(l, "people / week", "人／週"),
            baseline_date: day(-14),
            deadline: day(61),
            owner: pick(l, "Aki (owner)", "アキ（店主）"),
            status: ObjectiveStatus::Active,
            success_factors: list(
                l,
                &["Show the chestnuts being prepared (behind the scenes)", "A branded hashtag customers use with their photos"],
                &["栗の仕込みの裏側を見せる", "お客様が写真に付けるオリジナルハッシュタグ"],
            ),
            kpis: vec![
                kpi(pick(l, "Weekly reach", "週間リーチ"), "awareness", "reach", "3000", "8000", pick(l, "people", "人"), ReviewCadence::Weekly),
                // Monthly: with one reel a week, a 7-day window would swing between one reel and none.
                kpi(pick(l, "Reel views", "リール再生数"), "awareness", "video_views", "4800", "16000", pick(l, "views", "回"), ReviewCadence::Monthly),
                kpi(pick(l, "Profile visits", "プロフィールアクセス数"), "interest", "profile_visits", "400", "900", pick(l, "visits", "件"), ReviewCadence::Monthly),
                kpi(pick(l, "#KomorebiChestnut posts", "#こもれび栗 の投稿数"), "advocacy", "branded_hashtag_uses", "0", "40", pick(l, "posts", "件"), ReviewCadence::Monthly),
            ],
            persona_ids: vec![yuki.id.clone()],
        },
    )?;
    strategy::save(
        tx,
        &ObjectiveInput {
            id: None,
            kind: ObjectiveKind::PurchaseConversion,
            statement: pick(
                l,
                "+25% online pre-orders for morning pick-up within four months",
                "4か月以内に朝受け取りのオンライン予約を25%増やす",
            ),
            baseline: "120".into(),
            target_value: "150".into(),
            unit: pick(l, "pre-orders / month", "件／月"),
            baseline_date: day(-7),
            deadline: day(120),
            owner: pick(l, "Sora (shop manager)", "ソラ（店長）"),
            status: ObjectiveStatus::Active,
            success_factors: list(
                l,
                &[
                    "Pre-order link in every post and the profile",
                    "Remind followers the evening before",
                ],
                &[
                    "すべての投稿とプロフィールに予約リンク",
                    "前日の夜にフォロワーへお知らせ",
                ],
            ),
            kpis: vec![
                kpi(
                    pick(
                        l,
                        "Link clicks to the pre-order page",
                        "予約ページへのリンククリック数",
                    ),
                    "action",
                    "link_clicks",
                    "300",
                    "450",
                    pick(l, "clicks", "回"),
                    ReviewCadence::Weekly,
                ),
                kpi(
                    pick(
                        l,
                        "Online pre-orders from social",
                        "SNS経由のオンライン予約数",
                    ),
                    "action",
                    "conversions",
                    "120",
                    "150",
                    pick(l, "orders", "件"),
                    ReviewCadence::Monthly,
                ),
                kpi(
                    pick(l, "Repeat pre-order rate", "予約のリピート率"),
                    "advocacy",
                    "repeat_purchase_rate",
                    "20",
                    "30",
                    "%".into(),
                    ReviewCadence::Quarterly,
                ),
            ],
            persona_ids: vec![ken.id.clone(), yuki.id],
        },
    )?;
    Ok(())
}

// ---------------------------------------------------------------- media (issue 7)

/// The sample photos (made by `examples/make_sample_photos.rs`): file name, alt text
/// (en, ja), tags (en, ja), focal point.
#[allow(clippy::type_complexity)]
const SAMPLE_PHOTOS: &[(&str, &[u8], (&str, &str), (&[&str], &[&str]), (f64, f64))] = &[
    (
        "croissant.jpg",
        include_bytes!("../assets/sample-photos/croissant.jpg"),
        (
            "A golden croissant on a white plate on our wooden counter",
            "木のカウンターの白いお皿にのった、こんがりきつね色のクロワッサン",
        ),
        (&["croissant", "morning"], &["クロワッサン", "朝"]),
        (0.5, 0.5),
    ),
    (
        "melon-pan.jpg",
        include_bytes!("../assets/sample-photos/melon-pan.jpg"),
        (
            "Two melon pan buns with a crackled sugar crust",
            "クッキー生地がひび割れた、焼きたてのメロンパン2つ",
        ),
        (&["melon pan", "new"], &["メロンパン", "新商品"]),
        (0.35, 0.47),
    ),
    (
        "shop-front.jpg",
        include_bytes!("../assets/sample-photos/shop-front.jpg"),
        (
            "Our shop front: a blue door and a warm lit window under a striped awning",
            "青いドアと、しま模様のひさしの下で明かりがともる窓のある店先",
        ),
        (&["shop", "komorebi"], &["お店", "こもれび"]),
        (0.7, 0.6),
    ),
    (
        "coffee-and-bun.jpg",
        include_bytes!("../assets/sample-photos/coffee-and-bun.jpg"),
        (
            "A latte with heart art next to a sesame bun, seen from above",
            "ハートのラテアートのカフェラテとごまパンを真上から",
        ),
        (&["coffee", "morning"], &["コーヒー", "朝"]),
        (0.37, 0.5),
    ),
    (
        "baguettes.jpg",
        include_bytes!("../assets/sample-photos/baguettes.jpg"),
        (
            "Three baguettes with crisp scored crusts on a linen cloth",
            "リネンの上に並んだ、クープの入った3本のバゲット",
        ),
        (&["baguette", "bread"], &["バゲット", "パン"]),
        (0.5, 0.52),
    ),
    (
        "morning-light.jpg",
        include_bytes!("../assets/sample-photos/morning-light.jpg"),
        (
            "A country loaf in soft morning light through the leaves",
            "木もれ日のやわらかな朝の光に照らされたカンパーニュ",
        ),
        (&["bread", "komorebi"], &["パン", "こもれび"]),
        (0.5, 0.75),
    ),
];

/// Import the sample photos through the real import path, describe them, and attach
/// them to the sample's photo and carousel posts.
pub fn seed_media(store: &Store, language: Language) -> Result<()> {
    let tmp = tempfile::tempdir().map_err(|e| {
        crate::Error::io(
            "Plotline could not make a temporary folder for the sample photos",
            e,
        )
    })?;
    let mut ids = Vec::new();
    for (name, bytes, alt, tags, focal) in SAMPLE_PHOTOS {
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes)
            .map_err(|e| crate::Error::io("Plotline could not write a sample photo", e))?;
        let item = crate::media::library::import_file(store, &path)?;
        let input = crate::media::library::MediaDetailsInput {
            alt_text: pick(language, alt.0, alt.1),
            tags: match language {
                Language::En => tags.0,
                Language::Ja => tags.1,
            }
            .iter()
            .map(|t| t.to_string())
            .collect(),
        };
        store.write(|tx| {
            crate::media::library::update_details(tx, &item.id, &input)?;
            crate::media::library::set_focal(tx, &item.id, focal.0, focal.1)
        })?;
        ids.push(item.id);
    }
    store.write(|tx| {
        let mut photo_posts: Vec<_> = posts::list_all(tx)?
            .into_iter()
            .filter(|p| matches!(p.format, Format::Photo | Format::Carousel))
            .collect();
        // Upcoming posts first (the calendar and Due today show them), then ideas, then the
        // published past.
        let rank = |p: &posts::Post| {
            (
                p.status == PostStatus::Published,
                p.scheduled_at.is_none(),
                p.scheduled_at.clone(),
                p.id.clone(),
            )
        };
        photo_posts.sort_by_key(rank);
        for (i, post) in photo_posts.iter().take(8).enumerate() {
            let first = &ids[i % ids.len()];
            let mut chosen = vec![first.clone()];
            if post.format == Format::Carousel {
                chosen.push(ids[(i + 1) % ids.len()].clone());
            }
            crate::media::manage::set_post_media(tx, &post.id, &chosen)?;
        }
        Ok(())
    })
}
