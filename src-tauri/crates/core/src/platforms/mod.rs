//! Platforms: the sourced catalogue of social platforms, text-length rules, the
//! platform-selector wizard's scoring model and the workspace's chosen platforms with
//! their account design.
//!
//! The catalogue is one JSON file (`catalog.json`) embedded at build time. Every fact
//! group carries the URLs it was checked against and a `confidence`. Platform ids are a
//! contract other domains use (calendar, validation, media variants): see [`PLATFORM_IDS`].

pub mod recommend;
pub mod setup;
pub mod text;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use text::{check_text, count, grapheme_count, x_weighted_length, TextCheck};

/// The ids every other domain may rely on, in catalogue order.
pub const PLATFORM_IDS: [&str; 12] = [
    "instagram",
    "facebook",
    "x",
    "linkedin",
    "tiktok",
    "youtube",
    "pinterest",
    "threads",
    "bluesky",
    "mastodon",
    "google_business_profile",
    "line_official_account",
];

const CATALOG_JSON: &str = include_str!("catalog.json");

/// Text in both languages the app speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Localized {
    pub en: String,
    pub ja: String,
}

impl Localized {
    pub fn new(en: impl Into<String>, ja: impl Into<String>) -> Localized {
        Localized {
            en: en.into(),
            ja: ja.into(),
        }
    }
}

/// How sure the catalogue is about a fact group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

/// How well a platform suits a kind of business.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    Low,
    Medium,
    High,
}

impl Fit {
    /// 0.0 (low), 0.5 (medium), 1.0 (high).
    pub fn ratio(self) -> f64 {
        match self {
            Fit::Low => 0.0,
            Fit::Medium => 0.5,
            Fit::High => 1.0,
        }
    }
}

/// Age bands used by the quick answers and the catalogue's `ageFit`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
pub enum AgeGroup {
    #[serde(rename = "under25")]
    Under25,
    #[serde(rename = "age25to34")]
    Age25To34,
    #[serde(rename = "age35to44")]
    Age35To44,
    #[serde(rename = "age45to54")]
    Age45To54,
    #[serde(rename = "age55plus")]
    Age55Plus,
}

impl AgeGroup {
    pub const ALL: [AgeGroup; 5] = [
        AgeGroup::Under25,
        AgeGroup::Age25To34,
        AgeGroup::Age35To44,
        AgeGroup::Age45To54,
        AgeGroup::Age55Plus,
    ];

    /// The bands an age range overlaps.
    pub fn overlapping(min: u8, max: u8) -> Vec<AgeGroup> {
        let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
        AgeGroup::ALL
            .into_iter()
            .filter(|g| {
                let (a, b) = g.range();
                lo <= b && hi >= a
            })
            .collect()
    }

    fn range(self) -> (u8, u8) {
        match self {
            AgeGroup::Under25 => (0, 24),
            AgeGroup::Age25To34 => (25, 34),
            AgeGroup::Age35To44 => (35, 44),
            AgeGroup::Age45To54 => (45, 54),
            AgeGroup::Age55Plus => (55, u8::MAX),
        }
    }
}

/// Strength 0–3 of a platform for each age band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct AgeFit {
    #[serde(rename = "under25")]
    pub under25: u8,
    #[serde(rename = "age25to34")]
    pub age25to34: u8,
    #[serde(rename = "age35to44")]
    pub age35to44: u8,
    #[serde(rename = "age45to54")]
    pub age45to54: u8,
    #[serde(rename = "age55plus")]
    pub age55plus: u8,
}

impl AgeFit {
    pub fn get(&self, g: AgeGroup) -> u8 {
        match g {
            AgeGroup::Under25 => self.under25,
            AgeGroup::Age25To34 => self.age25to34,
            AgeGroup::Age35To44 => self.age35to44,
            AgeGroup::Age45To54 => self.age45to54,
            AgeGroup::Age55Plus => self.age55plus,
        }
    }
}

/// The objective kinds of the strategy domain (one type, shared with the wizard).
pub use crate::strategy::ObjectiveKind;

/// Strength 0–3 of a platform for each objective kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GoalFit {
    pub awareness: u8,
    pub lead_acquisition: u8,
    pub purchase_conversion: u8,
    pub fan_ltv: u8,
    pub recruiting_branding: u8,
    pub social_listening: u8,
}

impl GoalFit {
    pub fn get(&self, k: ObjectiveKind) -> u8 {
        match k {
            ObjectiveKind::Awareness => self.awareness,
            ObjectiveKind::LeadAcquisition => self.lead_acquisition,
            ObjectiveKind::PurchaseConversion => self.purchase_conversion,
            ObjectiveKind::FanLtv => self.fan_ltv,
            ObjectiveKind::RecruitingBranding => self.recruiting_branding,
            ObjectiveKind::SocialListening => self.social_listening,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AudienceFacts {
    pub age_skew: Localized,
    pub regions: Localized,
    pub japan_note: Localized,
    pub b2b_fit: Fit,
    pub b2c_fit: Fit,
    /// Fit for a business with a physical location serving its neighbourhood.
    pub local_fit: Fit,
    pub japan_reach: Fit,
    pub international_reach: Fit,
    pub age_fit: AgeFit,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// Content formats a platform is built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ContentFormat {
    Text,
    Photo,
    Carousel,
    ShortVideo,
    LongVideo,
    Stories,
    Live,
    Link,
    LongForm,
    Message,
    Coupon,
    Offer,
    Event,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContentFacts {
    pub strengths: Vec<Localized>,
    pub formats: Vec<ContentFormat>,
    pub goal_fit: GoalFit,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// How a platform counts the length of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// Unicode code points.
    Characters,
    /// X's weighted count (twitter-text): CJK and emoji 2, URLs 23.
    XWeighted,
    /// User-perceived characters (extended grapheme clusters).
    Graphemes,
    /// UTF-16 code units (emoji outside the BMP count 2).
    Utf16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TextLimit {
    pub max: u32,
    pub counting: Counting,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TextLimits {
    /// The main text of a post (caption, description of a pin or video, message).
    pub post: TextLimit,
    /// A separate title, where the platform has one (YouTube, Pinterest).
    #[serde(default)]
    pub title: Option<TextLimit>,
    /// The profile text (bio, headline, status message, business description).
    pub bio: TextLimit,
    pub hashtags_max: Option<u32>,
    pub note: Localized,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// Whether a link written in a post can be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum LinkBehaviour {
    Clickable,
    ClickableWithPreview,
    NotClickable,
    /// The text link is not clickable, but each post has its own destination link.
    DestinationLink,
    /// A call-to-action button carries the link.
    Button,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LinkFacts {
    pub in_post: LinkBehaviour,
    pub note: Localized,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// Where an image or video is shown. Media variants use these ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    FeedSquare,
    FeedPortrait,
    Landscape,
    Story,
    Reel,
    Cover,
    Profile,
    Banner,
    Thumbnail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MediaSpec {
    pub id: Placement,
    pub width: u32,
    pub height: u32,
    /// Written as "W:H", e.g. "4:5" or "1.91:1".
    pub aspect: String,
    /// Largest accepted file, where known.
    pub max_bytes: Option<u32>,
    /// File extensions, lower case.
    pub formats: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MediaFacts {
    pub specs: Vec<MediaSpec>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TypicalCadence {
    pub posts_per_week_min: f64,
    pub posts_per_week_max: f64,
    pub note: Localized,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// The main kind of production work a platform asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum EffortKind {
    Text,
    Photo,
    Video,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum EffortLevel {
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Effort {
    pub kind: EffortKind,
    pub level: EffortLevel,
    /// Hours a week a small team needs to keep the typical cadence.
    pub min_hours_per_week: f64,
    pub needs_video: bool,
    pub needs_photos: bool,
    pub needs_long_form: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Platform {
    pub id: String,
    pub names: Localized,
    pub summary: Localized,
    pub audience: AudienceFacts,
    pub content: ContentFacts,
    pub text_limits: TextLimits,
    pub links: LinkFacts,
    pub media: MediaFacts,
    pub cadence: TypicalCadence,
    pub effort: Effort,
}

impl Platform {
    pub fn media_spec(&self, placement: Placement) -> Option<&MediaSpec> {
        self.media.specs.iter().find(|s| s.id == placement)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    pub catalog_version: String,
    /// The date (YYYY-MM-DD) the facts were last checked against their sources.
    pub checked_on: String,
    pub platforms: Vec<Platform>,
}

/// The embedded catalogue, parsed once.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        serde_json::from_str(CATALOG_JSON)
            .expect("catalog.json is embedded at build time and checked by the unit tests")
    })
}

/// A platform by id, or `None`.
pub fn find(id: &str) -> Option<&'static Platform> {
    catalog().platforms.iter().find(|p| p.id == id)
}

/// A platform by id, or an error that lists the known ids.
pub fn get(id: &str) -> Result<&'static Platform> {
    find(id).ok_or_else(|| {
        Error::Invalid(format!(
            "'{id}' is not a platform Plotline knows. Use one of: {}.",
            PLATFORM_IDS.join(", ")
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_parses_and_lists_exactly_the_contract_ids_in_order() {
        let c = catalog();
        let ids: Vec<&str> = c.platforms.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, PLATFORM_IDS.to_vec());
        assert!(!c.catalog_version.is_empty());
        assert!(
            chrono::NaiveDate::parse_from_str(&c.checked_on, "%Y-%m-%d").is_ok(),
            "checkedOn must be a date"
        );
    }

    fn check_sources(id: &str, group: &str, sources: &[String]) {
        assert!(!sources.is_empty(), "{id}.{group} has no source");
        for s in sources {
            assert!(
                s.starts_with("https://") || s.starts_with("http://"),
                "{id}.{group}: '{s}' is not a URL"
            );
            assert!(!s.contains(' '), "{id}.{group}: '{s}' has a space");
        }
    }

    fn check_localized(id: &str, what: &str, l: &Localized) {
        assert!(!l.en.trim().is_empty(), "{id}: {what} has no English");
        assert!(!l.ja.trim().is_empty(), "{id}: {what} has no Japanese");
    }

    #[test]
    fn every_platform_has_sourced_plausible_facts() {
        for p in &catalog().platforms {
            let id = p.id.as_str();
            check_localized(id, "names", &p.names);
            check_localized(id, "summary", &p.summary);
            check_localized(id, "ageSkew", &p.audience.age_skew);
            check_localized(id, "regions", &p.audience.regions);
            check_localized(id, "japanNote", &p.audience.japan_note);
            check_localized(id, "textLimits.note", &p.text_limits.note);
            check_localized(id, "links.note", &p.links.note);
            check_localized(id, "cadence.note", &p.cadence.note);
            check_sources(id, "audience", &p.audience.sources);
            check_sources(id, "content", &p.content.sources);
            check_sources(id, "textLimits", &p.text_limits.sources);
            check_sources(id, "links", &p.links.sources);
            check_sources(id, "media", &p.media.sources);
            check_sources(id, "cadence", &p.cadence.sources);

            assert!(!p.content.strengths.is_empty(), "{id}: no strengths");
            for s in &p.content.strengths {
                check_localized(id, "strength", s);
            }
            assert!(!p.content.formats.is_empty(), "{id}: no formats");
            for g in [
                ObjectiveKind::Awareness,
                ObjectiveKind::LeadAcquisition,
                ObjectiveKind::PurchaseConversion,
                ObjectiveKind::FanLtv,
                ObjectiveKind::RecruitingBranding,
                ObjectiveKind::SocialListening,
            ] {
                assert!(p.content.goal_fit.get(g) <= 3, "{id}: goalFit out of 0–3");
            }
            for g in AgeGroup::ALL {
                assert!(p.audience.age_fit.get(g) <= 3, "{id}: ageFit out of 0–3");
            }

            let t = &p.text_limits;
            assert!(
                (20..=70_000).contains(&t.post.max),
                "{id}: post limit {} implausible",
                t.post.max
            );
            assert!(
                (10..=1_000).contains(&t.bio.max),
                "{id}: bio limit implausible"
            );
            if let Some(title) = t.title {
                assert!(
                    (20..=500).contains(&title.max),
                    "{id}: title limit implausible"
                );
            }
            if let Some(h) = t.hashtags_max {
                assert!((1..=60).contains(&h), "{id}: hashtag cap implausible");
            }

            assert!(!p.media.specs.is_empty(), "{id}: no media specs");
            assert!(
                p.media_spec(Placement::Profile).is_some(),
                "{id}: no profile image size for account design"
            );
            for m in &p.media.specs {
                assert!(
                    (100..=4096).contains(&m.width) && (100..=4096).contains(&m.height),
                    "{id}: {:?} size implausible",
                    m.id
                );
                let (a, b) = m.aspect.split_once(':').expect("aspect is written W:H");
                let a: f64 = a.parse().expect("aspect width is a number");
                let b: f64 = b.parse().expect("aspect height is a number");
                let declared = a / b;
                let actual = f64::from(m.width) / f64::from(m.height);
                assert!(
                    (declared - actual).abs() / actual < 0.03,
                    "{id}: {:?} aspect {} does not match {}x{}",
                    m.id,
                    m.aspect,
                    m.width,
                    m.height
                );
                assert!(!m.formats.is_empty(), "{id}: {:?} has no formats", m.id);
                if let Some(bytes) = m.max_bytes {
                    assert!(bytes >= 50_000, "{id}: {:?} max bytes implausible", m.id);
                }
            }

            let c = &p.cadence;
            assert!(c.posts_per_week_min > 0.0 && c.posts_per_week_min <= c.posts_per_week_max);
            assert!(c.posts_per_week_max <= 21.0, "{id}: cadence implausible");
            assert!(
                p.effort.min_hours_per_week > 0.0 && p.effort.min_hours_per_week <= 20.0,
                "{id}: effort hours implausible"
            );
        }
    }

    #[test]
    fn the_issue_limits_are_in_the_data() {
        let post = |id: &str| get(id).map(|p| p.text_limits.post).ok();
        assert_eq!(
            post("x").map(|l| (l.max, l.counting)),
            Some((280, Counting::XWeighted))
        );
        assert_eq!(
            post("bluesky").map(|l| (l.max, l.counting)),
            Some((300, Counting::Graphemes))
        );
        assert_eq!(post("threads").map(|l| l.max), Some(500));
        assert_eq!(post("mastodon").map(|l| l.max), Some(500));
        assert_eq!(post("linkedin").map(|l| l.max), Some(3000));
        assert_eq!(post("instagram").map(|l| l.max), Some(2200));
        assert_eq!(
            get("instagram")
                .ok()
                .and_then(|p| p.text_limits.hashtags_max),
            Some(30)
        );
        let yt = get("youtube").expect("youtube is in the catalogue");
        assert_eq!(
            (yt.text_limits.title.map(|t| t.max), yt.text_limits.post.max),
            (Some(100), 5000)
        );
        let pin = get("pinterest").expect("pinterest is in the catalogue");
        assert_eq!(
            (
                pin.text_limits.title.map(|t| t.max),
                pin.text_limits.post.max
            ),
            (Some(100), 500)
        );
        let story = get("instagram")
            .ok()
            .and_then(|p| p.media_spec(Placement::Story))
            .map(|s| (s.width, s.height));
        assert_eq!(story, Some((1080, 1920)));
    }

    #[test]
    fn unknown_ids_are_refused_with_the_list() {
        let err = get("myspace").expect_err("not in the catalogue");
        assert!(err.to_string().contains("instagram"));
        assert!(find("line_official_account").is_some());
    }

    #[test]
    fn age_ranges_map_to_bands() {
        assert_eq!(
            AgeGroup::overlapping(28, 38),
            vec![AgeGroup::Age25To34, AgeGroup::Age35To44]
        );
        assert_eq!(AgeGroup::overlapping(60, 70), vec![AgeGroup::Age55Plus]);
        assert_eq!(AgeGroup::overlapping(19, 22), vec![AgeGroup::Under25]);
    }
}
