//! Seasonal hooks: recurring moments a small shop can plan posts around (gift days,
//! seasons, school and shopping calendars). Dates are fixed month/day windows, the same
//! every year; they are planning prompts, not public holidays.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SeasonalHook {
    /// First local date of the window in the requested range.
    pub date: String,
    pub en: String,
    pub ja: String,
    /// A post idea for the moment.
    pub idea_en: String,
    pub idea_ja: String,
}

/// (month, day, name en, name ja, idea en, idea ja); "JP" hooks are for Japanese shops,
/// "ALL" for everyone.
type Hook = (
    u32,
    u32,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const HOOKS: &[Hook] = &[
    (
        1,
        1,
        "ALL",
        "New Year",
        "お正月",
        "Thank customers and share this year's plans",
        "新年のあいさつと今年の抱負",
    ),
    (
        2,
        3,
        "JP",
        "Setsubun",
        "節分",
        "A seasonal special or a fun 'bean throwing' moment",
        "恵方巻や豆まきにちなんだ限定品",
    ),
    (
        2,
        14,
        "ALL",
        "Valentine's Day",
        "バレンタインデー",
        "Gift ideas and a behind-the-scenes of the special",
        "ギフト提案と限定品の制作風景",
    ),
    (
        3,
        14,
        "JP",
        "White Day",
        "ホワイトデー",
        "Return-gift ideas",
        "お返しギフトの提案",
    ),
    (
        3,
        25,
        "JP",
        "Cherry blossom season",
        "お花見シーズン",
        "Picnic-friendly products and spring colours",
        "お花見に持っていける商品と春の彩り",
    ),
    (
        4,
        1,
        "JP",
        "New school and work year",
        "新生活・新年度",
        "Welcome newcomers to the neighbourhood",
        "新生活を始める人へのおすすめ",
    ),
    (
        4,
        29,
        "JP",
        "Golden Week",
        "ゴールデンウィーク",
        "Opening hours and holiday treats",
        "営業日のお知らせと連休の楽しみ方",
    ),
    (
        6,
        10,
        "JP",
        "Rainy season",
        "梅雨",
        "A rainy-day offer or indoor content",
        "雨の日特典やおうち時間の提案",
    ),
    (
        7,
        7,
        "JP",
        "Tanabata",
        "七夕",
        "Ask followers for their wishes (comments)",
        "フォロワーの願いごとを募集",
    ),
    (
        8,
        13,
        "JP",
        "Obon holidays",
        "お盆",
        "Holiday hours and souvenirs for family visits",
        "帰省の手土産と営業日のお知らせ",
    ),
    (
        10,
        31,
        "ALL",
        "Halloween",
        "ハロウィン",
        "A playful limited item or costume photo",
        "遊び心のある限定品や仮装写真",
    ),
    (
        11,
        27,
        "ALL",
        "Black Friday / year-end shopping",
        "ブラックフライデー・年末商戦",
        "Plan the year's biggest promotion early",
        "年末の大きな販促を早めに準備",
    ),
    (
        12,
        25,
        "ALL",
        "Christmas",
        "クリスマス",
        "Pre-orders, gift sets and a thank-you post",
        "予約受付・ギフトセット・感謝の投稿",
    ),
    (
        12,
        28,
        "JP",
        "Year-end closing",
        "年末年始の営業",
        "Year-end opening hours and thanks for the year",
        "年末年始の営業日と一年の感謝",
    ),
];

fn date(field: &str, s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::field(field, "Use a date such as 2026-12-31."))
}

/// Hooks whose day falls in the local dates [from, to), for a shop in Japan (`japan`) or
/// elsewhere.
pub fn hooks_in(from: &str, to: &str, japan: bool) -> Result<Vec<SeasonalHook>> {
    let (from, to) = (date("from", from)?, date("to", to)?);
    let mut out = Vec::new();
    for year in from.year()..=to.year() {
        for (m, d, scope, en, ja, idea_en, idea_ja) in HOOKS {
            if *scope == "JP" && !japan {
                continue;
            }
            let Some(day) = NaiveDate::from_ymd_opt(year, *m, *d) else {
                continue;
            };
            if day >= from && day < to {
                out.push(SeasonalHook {
                    date: day.to_string(),
                    en: (*en).into(),
                    ja: (*ja).into(),
                    idea_en: (*idea_en).into(),
                    idea_ja: (*idea_ja).into(),
                });
            }
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hooks_fall_in_range_across_a_year_end() {
        let h = hooks_in("2026-12-20", "2027-02-15", true).expect("dates");
        let names: Vec<&str> = h.iter().map(|h| h.en.as_str()).collect();
        assert_eq!(
            names,
            [
                "Christmas",
                "Year-end closing",
                "New Year",
                "Setsubun",
                "Valentine's Day"
            ]
        );
        let us = hooks_in("2026-12-20", "2027-02-15", false).expect("dates");
        assert_eq!(us.len(), 3, "Japanese-only hooks are left out elsewhere");
        assert!(hooks_in("2026-13-01", "2027-01-01", true).is_err());
    }
}
