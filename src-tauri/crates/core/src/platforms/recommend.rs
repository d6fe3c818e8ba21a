//! The platform-selector wizard's scoring model ("choose and concentrate").
//!
//! Deterministic and transparent: each platform gets points on five factors whose
//! weights are data ([`scoring_model`]) the UI shows in its "how this is scored" panel.
//! Every point comes with a plain-language reason or risk. The same answers always give
//! the same ranking; ties keep the catalogue's order.

use serde::{Deserialize, Serialize};

use super::{catalog, find, AgeGroup, EffortKind, Fit, Localized, ObjectiveKind, Platform};
use crate::error::{Error, Result};
use crate::personas::{Persona, UsageFrequency};
use crate::workspace::Audience;

pub const MAX_COMPETITORS: usize = 5;
pub const MAX_PERSONAS: usize = 10;
pub const MAX_HOURS_PER_WEEK: f64 = 80.0;
/// At or below this many hours a week, exactly one platform is recommended.
pub const ONE_PLATFORM_HOURS: f64 = 2.0;
/// A second platform is recommended only if it scores within this many points of the first.
pub const SECOND_PLATFORM_GAP: f64 = 15.0;
/// ...and scores at least this much.
pub const SECOND_PLATFORM_MIN_SCORE: f64 = 50.0;

/// Where the customers are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    Japan,
    International,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum WizardFrequency {
    Daily,
    Weekly,
    Monthly,
    Never,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlatformUsage {
    pub platform_id: String,
    pub frequency: WizardFrequency,
    /// Free text such as "7–9 pm"; shown in the reasons.
    #[serde(default)]
    pub active_hours: String,
}

/// A persona as the wizard needs it (the persona builder supplies these as plain data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PersonaAnswer {
    pub name: String,
    #[serde(default)]
    pub primary: bool,
    #[serde(default)]
    pub age_min: Option<u8>,
    #[serde(default)]
    pub age_max: Option<u8>,
    #[serde(default)]
    pub usage: Vec<PlatformUsage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AudienceAnswers {
    #[serde(default)]
    pub personas: Vec<PersonaAnswer>,
    /// Quick answers when there are no personas yet.
    #[serde(default)]
    pub age_groups: Vec<AgeGroup>,
    pub market: Audience,
    pub region: Region,
    /// A shop, café or clinic people visit in person.
    #[serde(default)]
    pub local_business: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Competitor {
    pub name: String,
    /// Platforms where the competitor posts.
    #[serde(default)]
    pub active_on: Vec<String>,
    /// Platforms where the competitor visibly succeeds (engagement, sales, queues).
    #[serde(default)]
    pub succeeding_on: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum WhoPosts {
    Owner,
    Staff,
    Team,
    Agency,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Capacity {
    pub hours_per_week: f64,
    pub who_posts: WhoPosts,
    pub short_video: bool,
    pub photos: bool,
    pub long_form: bool,
}

/// Everything the wizard asks. Documented in README.md ("Platform wizard input").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WizardAnswers {
    pub audience: AudienceAnswers,
    #[serde(default)]
    pub goals: Vec<ObjectiveKind>,
    #[serde(default)]
    pub competitors: Vec<Competitor>,
    pub capacity: Capacity,
}

impl WizardAnswers {
    /// Trimmed and checked; errors name the field to fix.
    pub fn validated(&self) -> Result<WizardAnswers> {
        let mut a = self.clone();
        let h = a.capacity.hours_per_week;
        if !h.is_finite() || !(0.0..=MAX_HOURS_PER_WEEK).contains(&h) {
            return Err(Error::field(
                "hoursPerWeek",
                format!("Enter the hours a week you can spend on social media, from 0 to {MAX_HOURS_PER_WEEK}."),
            ));
        }
        if a.competitors.len() > MAX_COMPETITORS {
            return Err(Error::field(
                "competitors",
                format!("List at most {MAX_COMPETITORS} competitors or peers: keep the ones you know best."),
            ));
        }
        if a.audience.personas.len() > MAX_PERSONAS {
            return Err(Error::field(
                "personas",
                format!("Use at most {MAX_PERSONAS} personas in the wizard."),
            ));
        }
        for c in &mut a.competitors {
            c.name = c.name.trim().to_string();
            if c.name.is_empty() {
                return Err(Error::field(
                    "competitors",
                    "Give each competitor a name, or remove the empty row.",
                ));
            }
            for id in c.active_on.iter().chain(&c.succeeding_on) {
                known(id, "competitors")?;
            }
        }
        for p in &mut a.audience.personas {
            p.name = p.name.trim().to_string();
            if p.name.is_empty() {
                return Err(Error::field("personas", "Give each persona a name."));
            }
            for u in &p.usage {
                known(&u.platform_id, "personas")?;
            }
        }
        a.goals.sort();
        a.goals.dedup();
        a.audience.age_groups.sort();
        a.audience.age_groups.dedup();
        Ok(a)
    }
}

fn known(id: &str, field: &str) -> Result<()> {
    if find(id).is_none() {
        return Err(Error::field(
            field,
            format!("'{id}' is not a platform Plotline knows. Pick one from the list."),
        ));
    }
    Ok(())
}

/// The five things a platform is scored on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    Audience,
    Goals,
    Competitors,
    Capacity,
    Market,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FactorWeight {
    pub factor: Factor,
    /// Points out of 100.
    pub weight: f64,
    pub explanation: Localized,
}

/// The weights and rules, shown in the "how this is scored" panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScoringModel {
    pub factors: Vec<FactorWeight>,
    pub rules: Vec<Localized>,
}

/// The wizard's audience step from the persona builder: every persona that is not archived,
/// with its age range and how (and when) it uses each platform. Persona builder ids that are
/// consumer apps map to the business account the catalogue describes (`line` → LINE Official
/// Account); platforms the catalogue does not know are left out.
pub fn personas_for_wizard(personas: &[Persona]) -> Vec<PersonaAnswer> {
    personas
        .iter()
        .filter(|p| !p.archived)
        .map(|p| {
            let (age_min, age_max) = parse_age_range(&p.demographics.age_range);
            let usage = p
                .social_usage
                .iter()
                .filter_map(|u| {
                    let id = match u.platform.trim() {
                        "line" => "line_official_account",
                        other => other,
                    };
                    find(id)?;
                    Some(PlatformUsage {
                        platform_id: id.to_string(),
                        frequency: match u.frequency {
                            UsageFrequency::Daily => WizardFrequency::Daily,
                            UsageFrequency::Weekly => WizardFrequency::Weekly,
                            UsageFrequency::Monthly => WizardFrequency::Monthly,
                            // "Rarely" does not reach them reliably: scored like "never".
                            UsageFrequency::Rarely => WizardFrequency::Never,
                        },
                        active_hours: usage_hours(&u.active_hours),
                    })
                })
                .collect();
            PersonaAnswer {
                name: p.name.clone(),
                primary: p.is_primary,
                age_min,
                age_max,
                usage,
            }
        })
        .collect()
}

/// "25-34", "25–34 years", "30代" (the 30s) or "55+" as (min, max) ages.
fn parse_age_range(text: &str) -> (Option<u8>, Option<u8>) {
    let numbers: Vec<u8> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers.as_slice() {
        [a, b, ..] => (Some(*a.min(b)), Some(*a.max(b))),
        [a] if text.contains('代') => (Some(*a), Some(a.saturating_add(9))),
        [a] => (Some(*a), None),
        [] => (None, None),
    }
}

/// The hours a persona is most often active, as "19:00–21:00" (the range named on most days).
fn usage_hours(hours: &[crate::personas::ActiveHours]) -> String {
    let mut counts: std::collections::BTreeMap<(u8, u8), usize> = Default::default();
    for h in hours {
        *counts.entry((h.from, h.to)).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(range, n)| (*n, std::cmp::Reverse(*range)))
        .map(|((from, to), _)| format!("{from}:00–{to}:00"))
        .unwrap_or_default()
}

pub fn scoring_model() -> ScoringModel {
    let f = |factor, weight, en: &str, ja: &str| FactorWeight {
        factor,
        weight,
        explanation: Localized::new(en, ja),
    };
    ScoringModel {
        factors: vec![
            f(Factor::Audience, 35.0,
              "Where your audience spends time. With personas: how often each uses the platform (daily 100%, weekly 60%, monthly 25%, never 0%; not said: half the age-based fit); the primary persona counts double. Without personas: how well the platform fits the age groups you picked.",
              "顧客が時間を使う場所。ペルソナがある場合：各ペルソナの利用頻度（毎日100%・毎週60%・月に数回25%・使わない0%、未回答は年代からの適合度の半分）。メインのペルソナは2倍で数える。ない場合：選んだ年代への適合度。"),
            f(Factor::Goals, 20.0,
              "How well the platform serves the goals you picked (0–3 per goal in the catalogue, averaged).",
              "選んだ目標への適合度（カタログの目標別0〜3の平均）。"),
            f(Factor::Competitors, 10.0,
              "Where competitors or peers are active (half) or succeeding (full). Neutral (half points) when you list none.",
              "競合・同業が活動中（半分）または成功中（満点）の場所。未入力なら中立（半分）。"),
            f(Factor::Capacity, 25.0,
              "Whether your team can sustain the platform: video, photos and long-form skills it needs, and its typical hours a week against yours.",
              "チームが続けられるか：必要な動画・写真・長文のスキルと、必要な週の時間と実際の時間の比較。"),
            f(Factor::Market, 10.0,
              "B2B or B2C fit, reach in your region, and local reach if people visit you in person.",
              "B2B・B2Cへの適合、地域での到達力、来店型なら地域性。"),
        ],
        rules: vec![
            Localized::new(
                format!("Start with one or two platforms. With {ONE_PLATFORM_HOURS} hours a week or less, start with exactly one."),
                format!("始めるのは1〜2つ。週{ONE_PLATFORM_HOURS}時間以下なら1つだけ。"),
            ),
            Localized::new(
                format!("A second platform is suggested only if it scores within {SECOND_PLATFORM_GAP} points of the first, scores at least {SECOND_PLATFORM_MIN_SCORE}, and both fit in your hours."),
                format!("2つ目を勧めるのは、1位との差が{SECOND_PLATFORM_GAP}点以内・{SECOND_PLATFORM_MIN_SCORE}点以上で、両方が時間内に収まる場合だけ。"),
            ),
            Localized::new(
                "Ties keep the catalogue's order. The same answers always give the same result.",
                "同点ならカタログの順。同じ回答なら必ず同じ結果。",
            ),
        ],
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScorePart {
    pub factor: Factor,
    pub points: f64,
    pub max: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlatformScore {
    pub platform_id: String,
    /// 0–100, one decimal.
    pub score: f64,
    pub parts: Vec<ScorePart>,
    pub reasons: Vec<Localized>,
    pub risks: Vec<Localized>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    /// Every platform, best first.
    pub ranking: Vec<PlatformScore>,
    /// The one or two platform ids to start with.
    pub recommended: Vec<String>,
    pub why_not_more: Localized,
    /// When to add the next platform, and which.
    pub when_to_add_next: Localized,
    pub model: ScoringModel,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn freq_ratio(f: WizardFrequency) -> f64 {
    match f {
        WizardFrequency::Daily => 1.0,
        WizardFrequency::Weekly => 0.6,
        WizardFrequency::Monthly => 0.25,
        WizardFrequency::Never => 0.0,
    }
}

fn freq_words(f: WizardFrequency) -> (&'static str, &'static str) {
    match f {
        WizardFrequency::Daily => ("daily", "毎日"),
        WizardFrequency::Weekly => ("every week", "毎週"),
        WizardFrequency::Monthly => ("a few times a month", "月に数回"),
        WizardFrequency::Never => ("never", "使わない"),
    }
}

fn goal_words(g: ObjectiveKind) -> (&'static str, &'static str) {
    match g {
        ObjectiveKind::Awareness => ("awareness", "認知拡大"),
        ObjectiveKind::LeadAcquisition => ("finding leads", "見込み顧客の獲得"),
        ObjectiveKind::PurchaseConversion => ("sales", "購買・来店"),
        ObjectiveKind::FanLtv => ("fans and repeat customers", "ファン化・リピート"),
        ObjectiveKind::RecruitingBranding => ("recruiting", "採用"),
        ObjectiveKind::SocialListening => ("listening to customers", "ソーシャルリスニング"),
    }
}

fn age_words(g: AgeGroup) -> &'static str {
    match g {
        AgeGroup::Under25 => "<25",
        AgeGroup::Age25To34 => "25–34",
        AgeGroup::Age35To44 => "35–44",
        AgeGroup::Age45To54 => "45–54",
        AgeGroup::Age55Plus => "55+",
    }
}

fn age_fit_ratio(p: &Platform, groups: &[AgeGroup]) -> f64 {
    if groups.is_empty() {
        return 0.5;
    }
    let sum: f64 = groups
        .iter()
        .map(|g| f64::from(p.audience.age_fit.get(*g)))
        .sum();
    sum / (3.0 * groups.len() as f64)
}

struct Notes {
    reasons: Vec<Localized>,
    risks: Vec<Localized>,
}

impl Notes {
    fn reason(&mut self, en: String, ja: String) {
        self.reasons.push(Localized { en, ja });
    }
    fn risk(&mut self, en: String, ja: String) {
        self.risks.push(Localized { en, ja });
    }
}

fn audience_ratio(p: &Platform, a: &AudienceAnswers, n: &mut Notes) -> f64 {
    let (en, ja) = (&p.names.en, &p.names.ja);
    if !a.personas.is_empty() {
        let mut total = 0.0;
        let mut weights = 0.0;
        for persona in &a.personas {
            let w = if persona.primary { 2.0 } else { 1.0 };
            let groups = match (persona.age_min, persona.age_max) {
                (Some(lo), Some(hi)) => AgeGroup::overlapping(lo, hi),
                (Some(x), None) | (None, Some(x)) => AgeGroup::overlapping(x, x),
                (None, None) => Vec::new(),
            };
            let usage = persona.usage.iter().find(|u| u.platform_id == p.id);
            let ratio = match usage {
                Some(u) => freq_ratio(u.frequency),
                None => age_fit_ratio(p, &groups) * 0.5,
            };
            let who_en = if persona.primary {
                "Your primary persona"
            } else {
                "Your persona"
            };
            let who_ja = if persona.primary {
                "メインのペルソナ"
            } else {
                "ペルソナ"
            };
            if let Some(u) = usage {
                let (f_en, f_ja) = freq_words(u.frequency);
                let hours = u.active_hours.trim();
                match u.frequency {
                    WizardFrequency::Daily | WizardFrequency::Weekly => {
                        let (at_en, at_ja) = if hours.is_empty() {
                            (String::new(), String::new())
                        } else {
                            (format!(" at {hours}"), format!("（{hours}）"))
                        };
                        n.reason(
                            format!("{who_en} {} uses {en} {f_en}{at_en}.", persona.name),
                            format!("{who_ja}「{}」は{ja}を{f_ja}使う{at_ja}。", persona.name),
                        );
                    }
                    WizardFrequency::Never if persona.primary => n.risk(
                        format!("{who_en} {} does not use {en}.", persona.name),
                        format!("{who_ja}「{}」は{ja}を使わない。", persona.name),
                    ),
                    _ => {}
                }
            }
            total += w * ratio;
            weights += w;
        }
        return if weights > 0.0 { total / weights } else { 0.5 };
    }
    let ratio = age_fit_ratio(p, &a.age_groups);
    if !a.age_groups.is_empty() {
        let strong: Vec<&str> = a
            .age_groups
            .iter()
            .filter(|g| p.audience.age_fit.get(**g) >= 3)
            .map(|g| age_words(*g))
            .collect();
        if ratio >= 0.66 && !strong.is_empty() {
            let list = strong.join(", ");
            n.reason(
                format!("Widely used by the age groups you picked ({list})."),
                format!("選んだ年代（{}）によく使われている。", strong.join("・")),
            );
        } else if ratio <= 0.34 {
            n.risk(
                "Few people in the age groups you picked use it.".into(),
                "選んだ年代の利用者は少ない。".into(),
            );
        }
    }
    ratio
}

fn goals_ratio(p: &Platform, goals: &[ObjectiveKind], n: &mut Notes) -> f64 {
    if goals.is_empty() {
        return 0.5;
    }
    let fit = &p.content.goal_fit;
    for g in goals {
        let (g_en, g_ja) = goal_words(*g);
        match fit.get(*g) {
            3 => n.reason(
                format!("Strong for your goal: {g_en}."),
                format!("目標「{g_ja}」に強い。"),
            ),
            0 => n.risk(
                format!("Does little for your goal: {g_en}."),
                format!("目標「{g_ja}」にはほぼ効かない。"),
            ),
            _ => {}
        }
    }
    let sum: f64 = goals.iter().map(|g| f64::from(fit.get(*g))).sum();
    sum / (3.0 * goals.len() as f64)
}

fn competitors_ratio(p: &Platform, competitors: &[Competitor], n: &mut Notes) -> f64 {
    if competitors.is_empty() {
        return 0.5;
    }
    let mut succeeding = Vec::new();
    let mut active = Vec::new();
    let mut sum = 0.0;
    for c in competitors {
        if c.succeeding_on.contains(&p.id) {
            succeeding.push(c.name.as_str());
            sum += 1.0;
        } else if c.active_on.contains(&p.id) {
            active.push(c.name.as_str());
            sum += 0.5;
        }
    }
    let total = competitors.len();
    let (en, ja) = (&p.names.en, &p.names.ja);
    if total == 1 && (!succeeding.is_empty() || !active.is_empty()) {
        let c = &competitors[0].name;
        if succeeding.is_empty() {
            n.reason(
                format!("Your competitor {c} posts on {en}."),
                format!("競合の{c}は{ja}で発信している。"),
            );
        } else {
            n.reason(
                format!("Your competitor {c} succeeds on {en}."),
                format!("競合の{c}は{ja}で成功している。"),
            );
        }
    } else if !succeeding.is_empty() {
        n.reason(
            format!(
                "{} of your {total} competitors succeed on {en} ({}).",
                succeeding.len(),
                succeeding.join(", ")
            ),
            format!(
                "競合{total}社のうち{}社が{ja}で成功している（{}）。",
                succeeding.len(),
                succeeding.join("、")
            ),
        );
    } else if !active.is_empty() {
        n.reason(
            format!(
                "{} of your {total} competitors post on {en} ({}).",
                active.len(),
                active.join(", ")
            ),
            format!(
                "競合{total}社のうち{}社が{ja}で発信している（{}）。",
                active.len(),
                active.join("、")
            ),
        );
    } else {
        n.risk(
            format!("None of your competitors uses {en}: unproven for your market."),
            format!("競合は誰も{ja}を使っていない：あなたの市場での実績は未知数。"),
        );
    }
    sum / total as f64
}

fn capacity_ratio(p: &Platform, c: &Capacity, n: &mut Notes) -> f64 {
    let e = &p.effort;
    let (en, ja) = (&p.names.en, &p.names.ja);
    let mut r: f64 = 1.0;
    if e.needs_video && !c.short_video {
        r *= 0.15;
        n.risk(
            format!("You can't produce video weekly: {en} would struggle."),
            format!("毎週の動画制作ができないため、{ja}は苦戦しそう。"),
        );
    }
    if e.needs_long_form && !c.long_form {
        r *= 0.5;
        n.risk(
            format!("{en} rewards long, thoughtful posts your team said it can't write regularly."),
            format!("{ja}は長文の投稿が評価されるが、定期的に書くのは難しいとの回答。"),
        );
    }
    if e.needs_photos && !c.photos {
        r *= 0.5;
        n.risk(
            format!("{en} runs on good photos, which your team can't make yet."),
            format!("{ja}は写真が命だが、まだ撮れる体制がない。"),
        );
    }
    let need = e.min_hours_per_week;
    if c.hours_per_week < need {
        r *= (c.hours_per_week / need).max(0.0);
        n.risk(
            format!(
                "Needs about {need} hours a week; you have {}.",
                c.hours_per_week
            ),
            format!(
                "週に約{need}時間必要だが、使えるのは{}時間。",
                c.hours_per_week
            ),
        );
    } else {
        match e.kind {
            EffortKind::Video if c.short_video => n.reason(
                format!("Your team can make short video, the format {en} runs on."),
                format!("チームは{ja}の主役であるショート動画を作れる。"),
            ),
            EffortKind::Photo if c.photos => n.reason(
                format!("Your team can take photos, which {en} runs on."),
                format!("チームは{ja}に欠かせない写真を撮れる。"),
            ),
            EffortKind::Text if c.long_form || !e.needs_long_form => n.reason(
                format!(
                    "Fits your {} hours a week: {en} needs about {need}.",
                    c.hours_per_week
                ),
                format!(
                    "週{}時間に収まる：{ja}に必要なのは約{need}時間。",
                    c.hours_per_week
                ),
            ),
            _ => {}
        }
    }
    r
}

fn pick(fit_b2b: Fit, fit_b2c: Fit, market: Audience) -> Fit {
    match market {
        Audience::B2b => fit_b2b,
        Audience::B2c => fit_b2c,
        Audience::Both => fit_b2b.max(fit_b2c),
    }
}

fn market_ratio(p: &Platform, a: &AudienceAnswers, n: &mut Notes) -> f64 {
    let au = &p.audience;
    let (en, ja) = (&p.names.en, &p.names.ja);
    let market_fit = pick(au.b2b_fit, au.b2c_fit, a.market);
    let region_fit = match a.region {
        Region::Japan => au.japan_reach,
        Region::International => au.international_reach,
        Region::Both => au.japan_reach.max(au.international_reach),
    };
    match (a.market, market_fit) {
        (Audience::B2b, Fit::High) => n.reason(
            format!("Built for B2B: {en} reaches decision makers."),
            format!("B2B向き：{ja}は意思決定者に届く。"),
        ),
        (Audience::B2b, Fit::Low) => n.risk(
            format!("Few business buyers look for suppliers on {en}."),
            format!("{ja}で取引先を探す企業は少ない。"),
        ),
        (Audience::B2c, Fit::Low) => n.risk(
            format!("{en} is a weak place to reach consumers."),
            format!("{ja}は一般消費者に届きにくい。"),
        ),
        _ => {}
    }
    if region_fit == Fit::Low {
        match a.region {
            Region::Japan => n.risk(
                format!("{en} is small in Japan."),
                format!("{ja}は日本では利用者が少ない。"),
            ),
            _ => n.risk(
                format!("{en} has little reach outside its home markets."),
                format!("{ja}は主要市場の外ではほとんど届かない。"),
            ),
        }
    }
    if a.local_business && au.local_fit == Fit::High {
        n.reason(
            format!("Good for a local business: nearby customers find you on {en}."),
            format!("来店型に向く：近くの顧客が{ja}で見つけてくれる。"),
        );
    }
    if a.local_business {
        0.5 * market_fit.ratio() + 0.3 * region_fit.ratio() + 0.2 * au.local_fit.ratio()
    } else {
        0.6 * market_fit.ratio() + 0.4 * region_fit.ratio()
    }
}

/// Score one platform.
pub fn score_platform(p: &Platform, a: &WizardAnswers, model: &ScoringModel) -> PlatformScore {
    let mut n = Notes {
        reasons: Vec::new(),
        risks: Vec::new(),
    };
    let mut parts = Vec::new();
    let mut total = 0.0;
    for fw in &model.factors {
        let ratio = match fw.factor {
            Factor::Audience => audience_ratio(p, &a.audience, &mut n),
            Factor::Goals => goals_ratio(p, &a.goals, &mut n),
            Factor::Competitors => competitors_ratio(p, &a.competitors, &mut n),
            Factor::Capacity => capacity_ratio(p, &a.capacity, &mut n),
            Factor::Market => market_ratio(p, &a.audience, &mut n),
        };
        let points = fw.weight * ratio.clamp(0.0, 1.0);
        total += points;
        parts.push(ScorePart {
            factor: fw.factor,
            points: round1(points),
            max: fw.weight,
        });
    }
    PlatformScore {
        platform_id: p.id.clone(),
        score: round1(total),
        parts,
        reasons: n.reasons,
        risks: n.risks,
    }
}

/// Rank every platform and pick one or two to start with.
pub fn recommend(answers: &WizardAnswers) -> Result<Recommendation> {
    let a = answers.validated()?;
    let model = scoring_model();
    let mut ranking: Vec<PlatformScore> = catalog()
        .platforms
        .iter()
        .map(|p| score_platform(p, &a, &model))
        .collect();
    // Stable sort: ties keep the catalogue order.
    ranking.sort_by(|x, y| y.score.total_cmp(&x.score));

    let hours = a.capacity.hours_per_week;
    let first = &ranking[0];
    let first_p = find(&first.platform_id).expect("ranked ids come from the catalogue");
    let mut recommended = vec![first.platform_id.clone()];
    let second = &ranking[1];
    let second_p = find(&second.platform_id).expect("ranked ids come from the catalogue");
    let both_fit = first_p.effort.min_hours_per_week + second_p.effort.min_hours_per_week <= hours;
    if hours > ONE_PLATFORM_HOURS
        && second.score >= first.score - SECOND_PLATFORM_GAP
        && second.score >= SECOND_PLATFORM_MIN_SCORE
        && both_fit
    {
        recommended.push(second.platform_id.clone());
    }

    let why_not_more = if hours <= ONE_PLATFORM_HOURS {
        Localized::new(
            format!("With {hours} hours a week, one platform done well beats two done badly. Posting on schedule is what builds an audience."),
            format!("週{hours}時間なら、2つを中途半端にやるより1つを丁寧に。予定どおり投稿し続けることが顧客を増やす。"),
        )
    } else if recommended.len() == 1 {
        Localized::new(
            format!("{} clearly leads; the next one scores much lower or would not fit in your {hours} hours. Concentrate first.", first_p.names.en),
            format!("{}が明らかに上位。次点は点数が低いか、週{hours}時間に収まらない。まず集中を。", first_p.names.ja),
        )
    } else {
        Localized::new(
            "Each extra platform needs its own posts, replies and learning. Two is the most a small team can run well at the start.",
            "プラットフォームを増やすごとに投稿・返信・学習が必要。小さなチームが最初にうまく回せるのは2つまで。",
        )
    };
    let next = ranking
        .iter()
        .find(|s| !recommended.contains(&s.platform_id))
        .and_then(|s| find(&s.platform_id))
        .expect("the catalogue has more than two platforms");
    let when_to_add_next = Localized::new(
        format!(
            "Add {} once you have posted on schedule for 8 weeks in a row, it takes you less time than planned, and your first results are measured.",
            next.names.en
        ),
        format!(
            "8週間続けて予定どおり投稿でき、想定より時間がかからず、最初の成果を測れたら{}を追加。",
            next.names.ja
        ),
    );
    Ok(Recommendation {
        ranking,
        recommended,
        why_not_more,
        when_to_add_next,
        model,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persona_age_ranges_are_read_in_english_and_japanese_forms() {
        assert_eq!(parse_age_range("25-34"), (Some(25), Some(34)));
        assert_eq!(parse_age_range("34–25 years"), (Some(25), Some(34)));
        assert_eq!(parse_age_range("30代"), (Some(30), Some(39)));
        assert_eq!(parse_age_range("55+"), (Some(55), None));
        assert_eq!(parse_age_range(""), (None, None));
    }

    fn capacity(hours: f64, video: bool, photos: bool, long_form: bool) -> Capacity {
        Capacity {
            hours_per_week: hours,
            who_posts: WhoPosts::Owner,
            short_video: video,
            photos,
            long_form,
        }
    }

    pub fn consultancy() -> WizardAnswers {
        WizardAnswers {
            audience: AudienceAnswers {
                personas: Vec::new(),
                age_groups: vec![AgeGroup::Age35To44, AgeGroup::Age45To54],
                market: Audience::B2b,
                region: Region::International,
                local_business: false,
            },
            goals: vec![ObjectiveKind::LeadAcquisition, ObjectiveKind::Awareness],
            competitors: vec![Competitor {
                name: "Northwind Advisory".into(),
                active_on: vec!["x".into()],
                succeeding_on: vec!["linkedin".into()],
            }],
            capacity: capacity(4.0, false, false, true),
        }
    }

    pub fn cafe() -> WizardAnswers {
        let usage = |id: &str, f, h: &str| PlatformUsage {
            platform_id: id.into(),
            frequency: f,
            active_hours: h.into(),
        };
        WizardAnswers {
            audience: AudienceAnswers {
                personas: vec![
                    PersonaAnswer {
                        name: "Aiko".into(),
                        primary: true,
                        age_min: Some(24),
                        age_max: Some(32),
                        usage: vec![
                            usage("instagram", WizardFrequency::Daily, "7–9 pm"),
                            usage("tiktok", WizardFrequency::Weekly, ""),
                            usage("facebook", WizardFrequency::Never, ""),
                        ],
                    },
                    PersonaAnswer {
                        name: "Kenta".into(),
                        primary: false,
                        age_min: Some(19),
                        age_max: Some(23),
                        usage: vec![usage("instagram", WizardFrequency::Daily, "")],
                    },
                ],
                age_groups: Vec::new(),
                market: Audience::B2c,
                region: Region::Japan,
                local_business: true,
            },
            goals: vec![ObjectiveKind::Awareness, ObjectiveKind::FanLtv],
            competitors: Vec::new(),
            capacity: capacity(5.0, false, true, false),
        }
    }

    #[test]
    fn b2b_consultancy_without_video_ranks_linkedin_first() {
        let r = recommend(&consultancy()).expect("valid answers");
        assert_eq!(
            r.ranking[0].platform_id,
            "linkedin",
            "{:#?}",
            &r.ranking[..3]
        );
        assert_eq!(r.recommended[0], "linkedin");
        let yt = r
            .ranking
            .iter()
            .find(|s| s.platform_id == "youtube")
            .expect("ranked");
        assert!(yt
            .risks
            .iter()
            .any(|x| x.en.contains("can't produce video")));
    }

    #[test]
    fn cafe_with_photos_and_young_personas_ranks_instagram_first() {
        let r = recommend(&cafe()).expect("valid answers");
        assert_eq!(
            r.ranking[0].platform_id,
            "instagram",
            "{:#?}",
            &r.ranking[..3]
        );
        let ig = &r.ranking[0];
        assert!(ig
            .reasons
            .iter()
            .any(|x| x.en == "Your primary persona Aiko uses Instagram daily at 7–9 pm."));
        assert!(ig.reasons.iter().any(|x| x.ja.contains("Aiko")));
        let tiktok = r
            .ranking
            .iter()
            .find(|s| s.platform_id == "tiktok")
            .expect("ranked");
        assert!(tiktok
            .risks
            .iter()
            .any(|x| x.en == "You can't produce video weekly: TikTok would struggle."));
        assert!((1..=2).contains(&r.recommended.len()));
    }

    #[test]
    fn one_hour_a_week_gets_exactly_one_recommendation() {
        let mut a = cafe();
        a.capacity.hours_per_week = 1.0;
        let r = recommend(&a).expect("valid answers");
        assert_eq!(r.recommended.len(), 1);
        assert!(r.why_not_more.en.contains("one platform"));
        a.capacity.hours_per_week = 2.0;
        assert_eq!(recommend(&a).expect("valid").recommended.len(), 1);
    }

    #[test]
    fn scoring_is_deterministic_and_parts_add_up() {
        let a = cafe();
        let one = recommend(&a).expect("valid");
        let two = recommend(&a).expect("valid");
        assert_eq!(one, two);
        assert_eq!(one.ranking.len(), 12);
        for s in &one.ranking {
            let sum: f64 = s.parts.iter().map(|p| p.points).sum();
            assert!(
                (sum - s.score).abs() < 0.3,
                "{}: parts {sum} vs {}",
                s.platform_id,
                s.score
            );
            assert!((0.0..=100.0).contains(&s.score));
        }
        let weights: f64 = one.model.factors.iter().map(|f| f.weight).sum();
        assert!((weights - 100.0).abs() < f64::EPSILON);
        for w in one.ranking.windows(2) {
            assert!(w[0].score >= w[1].score);
        }
    }

    #[test]
    fn bad_answers_name_the_field() {
        let mut a = cafe();
        a.capacity.hours_per_week = -1.0;
        let e = recommend(&a).expect_err("negative hours");
        assert_eq!(e.field_name(), Some("hoursPerWeek"));
        let mut a = cafe();
        a.competitors = (0..6)
            .map(|i| Competitor {
                name: format!("C{i}"),
                active_on: Vec::new(),
                succeeding_on: Vec::new(),
            })
            .collect();
        assert_eq!(
            recommend(&a).expect_err("too many").field_name(),
            Some("competitors")
        );
        let mut a = cafe();
        a.audience.personas[0].usage[0].platform_id = "myspace".into();
        assert_eq!(
            recommend(&a).expect_err("unknown id").field_name(),
            Some("personas")
        );
    }
}
