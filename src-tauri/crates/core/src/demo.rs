//! The sample business: a small neighbourhood bakery in Tokyo. Later features add its
//! objectives, personas, pillars and posts here, so the sample grows with the app.

use rusqlite::Transaction;

use crate::db::Store;
use crate::error::Result;
use crate::platforms::recommend::{
    AudienceAnswers, Capacity, Competitor, PersonaAnswer, PlatformUsage, Region, UsageFrequency,
    WhoPosts, WizardAnswers,
};
use crate::platforms::setup::{self, AccountDesignInput, EmojiUse};
use crate::platforms::{AgeGroup, ObjectiveKind, Placement};
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
        seed_platforms(tx, language)?;
        Ok(ws)
    })
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
                        usage("instagram", UsageFrequency::Daily, evening),
                        usage("line_official_account", UsageFrequency::Daily, morning),
                        usage("tiktok", UsageFrequency::Weekly, ""),
                        usage("facebook", UsageFrequency::Never, ""),
                    ],
                },
                PersonaAnswer {
                    name: tanaka.into(),
                    primary: false,
                    age_min: Some(60),
                    age_max: Some(70),
                    usage: vec![
                        usage("line_official_account", UsageFrequency::Daily, morning),
                        usage("instagram", UsageFrequency::Monthly, ""),
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
    setup::save_wizard_answers(tx, &sample_wizard_answers(language))?;
    let ids: Vec<String> = SAMPLE_PLATFORMS.iter().map(|s| (*s).to_string()).collect();
    setup::set_active_platforms(tx, &ids)?;
    for design in sample_designs(language) {
        setup::save_account_design(tx, &design)?;
    }
    Ok(())
}
