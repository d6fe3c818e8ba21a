//! The sample business: a small neighbourhood bakery in Tokyo. Later features add its
//! objectives, personas, pillars and posts here, so the sample grows with the app.

use rusqlite::Transaction;

use crate::db::Store;
use crate::error::Result;
use crate::personas::{
    self, ActiveHours, AvatarColor, Demographics, EvidenceInput, EvidenceKind, PersonaInput,
    Psychographics, SocialUsage, UsageFrequency, Weekday,
};
use crate::strategy::{self, Cadence, KpiInput, ObjectiveInput, ObjectiveKind, ObjectiveStatus};
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
    store.write(|tx| {
        let ws = workspace::create_sample(tx, &sample_profile(language))?;
        seed_strategy(tx, language)?;
        Ok(ws)
    })
}

/// Pick the English or Japanese text.
fn t(language: Language, en: &str, ja: &str) -> String {
    match language {
        Language::En => en.into(),
        Language::Ja => ja.into(),
    }
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
    cadence: Cadence,
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
fn seed_strategy(tx: &Transaction<'_>, l: Language) -> Result<()> {
    // Dates relative to today, so the sample never shows a deadline that has already passed.
    let today = strategy::today(tx)?;
    let day = |offset: i64| {
        (today + chrono::Duration::days(offset))
            .format("%Y-%m-%d")
            .to_string()
    };
    let yuki = personas::save(
        tx,
        &PersonaInput {
            id: None,
            name: t(l, "Weekend Yuki", "週末のユキさん"),
            color: AvatarColor::Clay,
            quote: t(
                l,
                "Saturday morning starts with something warm from the bakery round the corner.",
                "土曜の朝は、角のパン屋さんの焼きたてから始まります。",
            ),
            is_primary: true,
            demographics: Demographics {
                age_range: t(l, "32–40", "32〜40歳"),
                gender: t(l, "Woman", "女性"),
                occupation: t(
                    l,
                    "Office worker, works from home twice a week",
                    "会社員（週2日在宅勤務）",
                ),
                location: t(l, "Lives 10 minutes' walk from the shop", "店から徒歩10分"),
                household: t(l, "Couple, one child (4)", "夫婦と子ども1人（4歳）"),
                income_band: t(l, "Middle", "中間層"),
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
            social_usage: vec![SocialUsage {
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
            }],
            evidence: vec![
                evidence(
                    EvidenceKind::Interview,
                    t(
                        l,
                        "Talked with 4 Saturday regulars at the counter.",
                        "土曜の常連さん4人に店頭でお話を伺った。",
                    ),
                    "2026-09-12",
                ),
                evidence(
                    EvidenceKind::Analytics,
                    t(
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
            name: t(l, "Commuter Ken", "通勤途中のケンさん"),
            color: AvatarColor::Sky,
            quote: t(
                l,
                "If I can order the night before, I'll pick it up on the way to work.",
                "前の晩に予約できるなら、出勤前に受け取りたい。",
            ),
            is_primary: false,
            demographics: Demographics {
                age_range: t(l, "25–35", "25〜35歳"),
                occupation: t(
                    l,
                    "Engineer, commutes via the station",
                    "エンジニア（駅を利用して通勤）",
                ),
                location: t(
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
            social_usage: vec![SocialUsage {
                platform: "x".into(),
                frequency: UsageFrequency::Daily,
                active_hours: vec![ActiveHours {
                    weekday: Weekday::Mon,
                    from: 7,
                    to: 9,
                }],
                account_types: list(l, &["Tech news"], &["テック系ニュース"]),
            }],
            evidence: vec![
                evidence(
                    EvidenceKind::Sales,
                    t(
                        l,
                        "30% of weekday sales happen 7:00–8:30.",
                        "平日売上の30%が7:00〜8:30。",
                    ),
                    "2026-10-15",
                ),
                evidence(
                    EvidenceKind::Ugc,
                    t(
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
            name: t(l, "Gift-buyer Mariko", "手土産選びのマリコさん"),
            color: AvatarColor::Plum,
            quote: t(
                l,
                "I want a gift that looks as good as it tastes.",
                "見た目もおいしさも自慢できる手土産がほしい。",
            ),
            is_primary: false,
            demographics: Demographics {
                age_range: t(l, "45–60", "45〜60歳"),
                ..Demographics::default()
            },
            psychographics: Psychographics {
                decision_factors: list(l, &["Beautiful packaging"], &["きれいな包装"]),
                ..Psychographics::default()
            },
            social_usage: Vec::new(),
            evidence: vec![evidence(
                EvidenceKind::Assumption,
                t(
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
            statement: t(
                l,
                "Make the seasonal chestnut line known in the neighbourhood: 8,000 people reached per week within two months",
                "季節の栗シリーズを地域に知ってもらう：2か月以内に週8,000人へリーチ",
            ),
            baseline: "3000".into(),
            target_value: "8000".into(),
            unit: t(l, "people / week", "人／週"),
            baseline_date: day(-14),
            deadline: day(61),
            owner: t(l, "Aki (owner)", "アキ（店主）"),
            status: ObjectiveStatus::Active,
            success_factors: list(
                l,
                &["Show the chestnuts being prepared (behind the scenes)", "A branded hashtag customers use with their photos"],
                &["栗の仕込みの裏側を見せる", "お客様が写真に付けるオリジナルハッシュタグ"],
            ),
            kpis: vec![
                kpi(t(l, "Weekly reach", "週間リーチ"), "awareness", "reach", "3000", "8000", t(l, "people", "人"), Cadence::Weekly),
                kpi(t(l, "Reel views", "リール再生数"), "awareness", "video_views", "1200", "4000", t(l, "views", "回"), Cadence::Weekly),
                kpi(t(l, "Profile visits", "プロフィールアクセス数"), "interest", "profile_visits", "400", "900", t(l, "visits", "件"), Cadence::Monthly),
                kpi(t(l, "#KomorebiChestnut posts", "#こもれび栗 の投稿数"), "advocacy", "branded_hashtag_uses", "0", "40", t(l, "posts", "件"), Cadence::Monthly),
            ],
            persona_ids: vec![yuki.id.clone()],
        },
    )?;
    strategy::save(
        tx,
        &ObjectiveInput {
            id: None,
            kind: ObjectiveKind::PurchaseConversion,
            statement: t(
                l,
                "+25% online pre-orders for morning pick-up within four months",
                "4か月以内に朝受け取りのオンライン予約を25%増やす",
            ),
            baseline: "120".into(),
            target_value: "150".into(),
            unit: t(l, "pre-orders / month", "件／月"),
            baseline_date: day(-7),
            deadline: day(120),
            owner: t(l, "Sora (shop manager)", "ソラ（店長）"),
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
                    t(
                        l,
                        "Link clicks to the pre-order page",
                        "予約ページへのリンククリック数",
                    ),
                    "action",
                    "link_clicks",
                    "300",
                    "450",
                    t(l, "clicks", "回"),
                    Cadence::Weekly,
                ),
                kpi(
                    t(
                        l,
                        "Online pre-orders from social",
                        "SNS経由のオンライン予約数",
                    ),
                    "action",
                    "conversions",
                    "120",
                    "150",
                    t(l, "orders", "件"),
                    Cadence::Monthly,
                ),
                kpi(
                    t(l, "Repeat pre-order rate", "予約のリピート率"),
                    "advocacy",
                    "repeat_purchase_rate",
                    "20",
                    "30",
                    "%".into(),
                    Cadence::Quarterly,
                ),
            ],
            persona_ids: vec![ken.id.clone(), yuki.id],
        },
    )?;
    Ok(())
}
