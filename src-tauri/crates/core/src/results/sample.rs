//! The sample bakery's results: four weeks of published posts before the current week,
//! numbers for every published post variant, weekly account metrics, two manual KPI
//! readings and one completed monthly review, so the dashboard is alive on first launch.
//!
//! The numbers tell a story the dashboard can find: the Wednesday-evening short videos
//! engage best, the Tuesday promotions worst; reel views lag their target (at risk).

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::{OptionalExtension, Transaction};

use super::review::{self, Decision, DecisionArea, ReviewInput, ReviewStatus};
use super::{
    add_kpi_reading, record_snapshot, save_account_metrics, AccountMetricsInput, KpiReadingInput,
    MetricSource, Metrics, SnapshotInput,
};
use crate::content::posts::{self, PostInput, VariantInput};
use crate::content::team::ApprovalStep;
use crate::content::workflow::{self, TransitionInput};
use crate::content::{ContentType, Format, PostStatus};
use crate::error::Result;
use crate::strategy::ReviewCadence;
use crate::workspace::Language;

/// (weekday offset, time, pillar index, type, format, with LINE)
const SLOTS: [(i64, &str, usize, ContentType, Format, bool); 5] = [
    (
        0,
        "07:30",
        0,
        ContentType::Educational,
        Format::Carousel,
        false,
    ),
    (1, "12:00", 1, ContentType::Promotional, Format::Photo, true),
    (
        2,
        "18:00",
        3,
        ContentType::Entertainment,
        Format::ShortVideo,
        false,
    ),
    (
        3,
        "07:30",
        0,
        ContentType::Educational,
        Format::Photo,
        false,
    ),
    (5, "10:00", 2, ContentType::Community, Format::Photo, true),
];

/// Titles per week back (1 = last week) and slot.
const TITLES: [[(&str, &str); 5]; 4] = [
    [
        ("Why we fold butter in three", "バターを三つ折りにする理由"),
        (
            "Apple & cinnamon danish is here",
            "りんごとシナモンのデニッシュ登場",
        ),
        ("The 5 a.m. baguette race", "朝5時のバゲット競争"),
        (
            "Toasting tips for country loaf",
            "カンパーニュのおいしい焼き直し方",
        ),
        (
            "Meet Mrs. Kato, our first regular",
            "最初の常連、加藤さんのこと",
        ),
    ],
    [
        ("Hydration: wet dough, open crumb", "加水率と気泡のはなし"),
        (
            "Autumn set: soup and brioche",
            "秋のセット：スープとブリオッシュ",
        ),
        ("Dough that will not stay put", "言うことを聞かない生地"),
        ("Freezing bread the right way", "パンの正しい冷凍方法"),
        ("The vegetable stall next door", "おとなりの八百屋さん"),
    ],
    [
        ("What a long ferment does", "長時間発酵がもたらすもの"),
        ("Pumpkin bread, weekends only", "週末限定のかぼちゃパン"),
        ("Our apprentice's first loaf", "見習いの初めてのパン"),
        ("Whole wheat vs. white flour", "全粒粉と白い小麦粉"),
        ("Your photos from the autumn fair", "秋祭りのみなさんの写真"),
    ],
    [
        ("Reading the oven's hot spots", "オーブンのクセを読む"),
        ("Morning set with coffee", "コーヒー付きモーニングセット"),
        (
            "Slow motion: cutting a croissant",
            "スローで見るクロワッサンの断面",
        ),
        ("Salt: the quiet ingredient", "塩という名脇役"),
        (
            "Thank you for 1,000 followers",
            "フォロワー1,000人ありがとう",
        ),
    ],
];

fn pick(language: Language, en: &str, ja: &str) -> String {
    match language {
        Language::En => en.to_string(),
        Language::Ja => ja.to_string(),
    }
}

fn member(tx: &Transaction<'_>, role: &str) -> Result<Option<String>> {
    Ok(tx
        .query_row(
            "SELECT id FROM team_members WHERE role = ?1 ORDER BY created_at LIMIT 1",
            [role],
            |r| r.get(0),
        )
        .optional()?)
}

fn publish(tx: &Transaction<'_>, id: &str, manager: Option<&str>) -> Result<()> {
    let step = |to: PostStatus| {
        workflow::transition(
            tx,
            &TransitionInput {
                post_id: id.into(),
                to,
                actor_id: manager.map(String::from),
                note: String::new(),
            },
        )
    };
    step(PostStatus::InReview)?;
    if let Some(m) = manager {
        workflow::sign_off(tx, id, ApprovalStep::ManagerReview, m)?;
    }
    step(PostStatus::Approved)?;
    step(PostStatus::Scheduled)?;
    step(PostStatus::Published)?;
    Ok(())
}

/// Deterministic numbers for one variant: shaped by format, type and platform, growing a
/// little week by week.
fn numbers(
    format: &str,
    content_type: &str,
    platform: &str,
    weeks_back: i64,
    salt: u32,
) -> Metrics {
    let growth = 1.0 + 0.06 * (4 - weeks_back.clamp(0, 4)) as f64;
    let wobble = 1.0 + f64::from(salt % 7) * 0.02;
    let scale = |v: f64| (v * growth * wobble).round() as u32;
    if platform == "line_official_account" {
        return Metrics {
            impressions: Some(scale(610.0)),
            reach: Some(scale(590.0)),
            clicks: Some(scale(if content_type == "promotional" {
                44.0
            } else {
                18.0
            })),
            conversions: (content_type == "promotional").then(|| scale(6.0)),
            ..Metrics::default()
        };
    }
    let (reach, rate, clicks) = match (format, content_type) {
        ("short_video", _) => (1450.0, 0.095, 12.0),
        ("carousel", _) => (980.0, 0.072, 9.0),
        (_, "community") => (1050.0, 0.061, 7.0),
        (_, "promotional") => (760.0, 0.024, 31.0),
        ("story", _) => (520.0, 0.03, 4.0),
        _ => (830.0, 0.042, 6.0),
    };
    let reach_n = scale(reach);
    let engagement = (f64::from(reach_n) * rate).round();
    let likes = (engagement * 0.72).round() as u32;
    let comments = (engagement * 0.1).round() as u32;
    let shares = (engagement * 0.06).round() as u32;
    let saves = (engagement as u32).saturating_sub(likes + comments + shares);
    Metrics {
        impressions: Some(scale(reach * 1.35)),
        reach: Some(reach_n),
        likes: Some(likes),
        comments: Some(comments),
        shares: Some(shares),
        saves: Some(saves),
        clicks: Some(scale(clicks)),
        profile_visits: Some(scale(reach * 0.02)),
        // Reel views stay well short of their target: the at-risk KPI of the sample.
        video_views: (format == "short_video").then(|| (1100.0 * growth).round() as u32),
        conversions: (content_type == "promotional").then(|| scale(3.0)),
        revenue: (content_type == "promotional").then(|| f64::from(scale(3.0)) * 1800.0),
    }
}

/// Seed the results of the sample bakery (called by `demo::seed_sample` after the content).
pub fn seed_results(tx: &Transaction<'_>, language: Language, today: NaiveDate) -> Result<()> {
    let l = |en: &str, ja: &str| pick(language, en, ja);
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let manager = member(tx, "manager")?;
    let operator = member(tx, "operator")?;
    let pillar_ids: Vec<String> = {
        let mut stmt = tx.prepare("SELECT id FROM pillars ORDER BY sort_order, created_at")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        ids
    };

    // Four weeks of published posts before the current week.
    for (w, titles) in TITLES.iter().enumerate() {
        let weeks_back = w as i64 + 1;
        for (slot, (day, at, pillar, ct, format, line)) in SLOTS.iter().enumerate() {
            let date = monday - Duration::days(7 * weeks_back) + Duration::days(*day);
            let (en, ja) = titles[slot];
            let title = l(en, ja);
            let mut input = PostInput::idea(&title, *ct, *format);
            input.body = match language {
                Language::En => format!(
                    "{title}. See you at Komorebi Bakery — open 7:00–19:00, closed Wednesdays."
                ),
                Language::Ja => format!(
                    "{title}。こもれびベーカリーでお待ちしています（7:00〜19:00、水曜定休）。"
                ),
            };
            input.pillar_id = pillar_ids.get(*pillar).cloned();
            input.scheduled_local = Some(format!("{date}T{at}"));
            input.owner_id = operator.clone();
            let mut variants = vec![VariantInput::inherit("instagram")];
            if *line {
                variants.push(VariantInput::inherit("line_official_account"));
            }
            input.variants = variants;
            if *ct == ContentType::Promotional {
                input.links = vec!["https://komorebi-bakery.example/shop".into()];
            }
            let post = posts::create(tx, &input, operator.as_deref())?;
            publish(tx, &post.id, manager.as_deref())?;
        }
    }

    // Numbers for every published variant (including the content seed's past posts).
    let rows: Vec<(String, String, String, String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT v.id, v.platform, p.format, p.content_type, substr(p.local_time, 1, 10)
             FROM post_variants v JOIN posts p ON p.id = v.post_id
             WHERE p.status = 'published' AND p.local_time IS NOT NULL ORDER BY p.local_time, v.platform",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows
    };
    for (i, (variant, platform, format, ct, day)) in rows.iter().enumerate() {
        let Ok(date) = NaiveDate::parse_from_str(day, "%Y-%m-%d") else {
            continue;
        };
        let weeks_back = (monday - date).num_days().div_euclid(7) + 1;
        let m = numbers(format, ct, platform, weeks_back, i as u32);
        let url = (platform == "instagram").then(|| {
            let code: String = variant.chars().rev().take(10).collect();
            format!("https://www.instagram.com/p/{code}/")
        });
        // A first look the day after, then the settled numbers a week later (latest wins).
        let first = date + Duration::days(1);
        if first <= today && i % 3 == 0 {
            let early = Metrics {
                reach: m.reach.map(|r| r * 6 / 10),
                impressions: m.impressions.map(|r| r * 6 / 10),
                likes: m.likes.map(|r| r * 6 / 10),
                ..Metrics::default()
            };
            record_snapshot(
                tx,
                &SnapshotInput {
                    variant_id: variant.clone(),
                    captured_on: first.to_string(),
                    metrics: early,
                    post_url: url.clone(),
                },
                MetricSource::Manual,
            )?;
        }
        let settled = (date + Duration::days(7)).min(today);
        record_snapshot(
            tx,
            &SnapshotInput {
                variant_id: variant.clone(),
                captured_on: settled.to_string(),
                metrics: m,
                post_url: url,
            },
            MetricSource::Manual,
        )?;
    }

    // Weekly account metrics for the four 7-day periods ending yesterday (as the platforms'
    // "last 7 days" insights give them), so a 28-day dashboard always holds all four,
    // whatever the weekday.
    for w in 0..4i64 {
        let end = today - Duration::days(1 + 7 * (3 - w));
        let start = end - Duration::days(6);
        let k = w as u32;
        save_account_metrics(
            tx,
            &AccountMetricsInput {
                platform: "instagram".into(),
                period_start: start.to_string(),
                period_end: end.to_string(),
                followers: Some(1180 + 41 * k),
                profile_visits: Some(118 + 9 * k),
                web_sessions: Some(205 + 18 * k),
                orders_leads: Some(29 + 3 * k),
            },
        )?;
        save_account_metrics(
            tx,
            &AccountMetricsInput {
                platform: "line_official_account".into(),
                period_start: start.to_string(),
                period_end: end.to_string(),
                followers: Some(640 + 16 * k),
                profile_visits: None,
                web_sessions: Some(92 + 6 * k),
                orders_leads: None,
            },
        )?;
    }

    // Manual readings for the KPIs no post metric can measure.
    let manual: Vec<(String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT id, metric FROM kpis WHERE metric IN ('branded_hashtag_uses', 'repeat_purchase_rate')",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows
    };
    for (id, metric) in manual {
        let (value, note) = if metric == "branded_hashtag_uses" {
            (
                14.0,
                l(
                    "Counted on Instagram's hashtag page.",
                    "Instagramのハッシュタグページで数えました。",
                ),
            )
        } else {
            (23.0, l("From the pre-order list.", "予約リストから集計。"))
        };
        add_kpi_reading(
            tx,
            &KpiReadingInput {
                kpi_id: id,
                measured_on: (monday - Duration::days(1)).to_string(),
                value,
                note,
            },
        )?;
    }

    // One completed monthly review of the last four weeks.
    let bakery_smiles = pillar_ids.get(3).cloned();
    review::save(
        tx,
        &ReviewInput {
            id: None,
            cadence: ReviewCadence::Monthly,
            period_start: (monday - Duration::days(28)).to_string(),
            period_end: (monday - Duration::days(1)).to_string(),
            status: ReviewStatus::Completed,
            worked: l(
                "Wednesday-evening short videos from the kitchen got the most likes and saves, and new followers came after them.",
                "水曜夕方の工房のショート動画がいちばん「いいね」と保存を集め、その後にフォロワーが増えました。",
            ),
            stop_doing: l(
                "Plain product photos with a price on Tuesdays: lowest engagement, and clicks came from LINE anyway.",
                "火曜の価格入り商品写真：反応が最も低く、クリックはどのみちLINEから来ていました。",
            ),
            hypothesis: l(
                "If we show new products in a 15-second video instead of a photo, promotional posts will reach a 5% engagement rate.",
                "新商品を写真ではなく15秒動画で紹介すれば、宣伝投稿のエンゲージメント率は5%に届く。",
            ),
            decisions: vec![
                Decision {
                    text: l("Film one more kitchen video a week (Friday).", "工房の動画を週1本増やす（金曜）。"),
                    area: DecisionArea::Pillar,
                    target: bakery_smiles,
                },
                Decision {
                    text: l("Keep price and pick-up details for LINE messages.", "価格と受け取り情報はLINEで伝える。"),
                    area: DecisionArea::Platform,
                    target: Some("line_official_account".into()),
                },
                Decision {
                    text: l("Instagram stays at five posts a week.", "Instagramは週5回を維持。"),
                    area: DecisionArea::Cadence,
                    target: Some("instagram".into()),
                },
            ],
        },
    )?;
    Ok(())
}
