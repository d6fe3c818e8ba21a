//! The dashboard: what the published posts of a period achieved, how each KPI stands
//! against its baseline and target, breakdowns, the planned vs published 7-2-1 mix, and
//! the top and bottom posts with what they have in common.
//!
//! ## How a KPI's current value is computed
//! A KPI is measured over its cadence window ending on the summary's last day: weekly = 7
//! days, monthly = 28 days (four whole weeks, so weeks and months line up), quarterly = 91
//! days. Post metrics count for the posts *published* in the window (latest snapshot per
//! variant). Catalogue metric → source:
//!
//! | KPI metric | current value |
//! |---|---|
//! | `reach`, `impressions`, `video_views`, `link_clicks` (clicks), `engagements`, `revenue` | sum over the window's posts |
//! | `engagement_rate` | Σ engagement ÷ Σ reach (impressions when reach is unknown), in % |
//! | `conversion_rate` | Σ conversions ÷ Σ clicks, in % |
//! | `profile_visits` | account metrics (periods ending in the window), else post profile visits |
//! | `social_sessions` | account metrics: web sessions from social |
//! | `conversions` | account metrics: orders/leads, else post conversions |
//! | `follower_growth` | followers at the window's last period − followers before the window |
//! | anything else (`cpa`, `roas`, `nps`, `ugc_volume`, `mentions`, custom…) | manual readings only |
//!
//! A manual KPI reading dated inside the window always wins (the owner measured it).
//! Progress = (current − baseline) ÷ (target − baseline) × 100 (works for "lower is
//! better" targets too); without a baseline, current ÷ target × 100.
//! Status: `no_data` without a current value, `no_target` without a target, `on_track`
//! when the target is reached or progress keeps pace with the objective's time line
//! (baseline date → deadline, 10 points of slack), or — without dates — when the value
//! moved towards the target since the previous window; else `at_risk`.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Weekday};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::metrics::{ratio, Derived, Metrics};
use super::{metrics_at, AccountMetrics};
use crate::content::mix::{target_share, GuidelineShare};
use crate::content::{ContentType, Format};
use crate::db::codec::from_db;
use crate::error::{Error, Result};
use crate::strategy::{self, FunnelStage, ObjectiveStatus, ReviewCadence};
use crate::workspace::Language;

/// One published post variant with its latest numbers.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PublishedPost {
    pub post_id: String,
    pub variant_id: String,
    pub title: String,
    pub platform: String,
    pub pillar_id: Option<String>,
    pub pillar_name: Option<String>,
    pub pillar_colour: Option<String>,
    pub content_type: ContentType,
    pub format: Format,
    /// Wall time in the post's zone, `2026-03-08T09:00`.
    pub local_time: String,
    pub text_length: u32,
    pub has_video: bool,
    /// Date of the latest snapshot, `None` while nothing was entered.
    pub captured_on: Option<String>,
    pub metrics: Metrics,
    pub derived: Derived,
    pub post_url: Option<String>,
}

/// Published variants whose local date is in [from, to], newest first.
pub fn published_posts(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<PublishedPost>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, v.id, p.title, v.platform, p.pillar_id, pl.name, pl.colour, p.content_type,
                p.format, p.local_time, coalesce(v.text_override, p.body),
                s.captured_on, s.impressions, s.reach, s.likes, s.comments, s.shares, s.saves,
                s.clicks, s.profile_visits, s.video_views, s.conversions, s.revenue, s.post_url
         FROM post_variants v
         JOIN posts p ON p.id = v.post_id
         LEFT JOIN pillars pl ON pl.id = p.pillar_id
         LEFT JOIN metric_snapshots s ON s.id = (
             SELECT s2.id FROM metric_snapshots s2 WHERE s2.variant_id = v.id
             ORDER BY s2.captured_on DESC, s2.updated_at DESC LIMIT 1)
         WHERE p.status = 'published' AND p.local_time IS NOT NULL
           AND substr(p.local_time, 1, 10) >= ?1 AND substr(p.local_time, 1, 10) <= ?2
         ORDER BY p.local_time DESC, v.platform",
    )?;
    let rows = stmt
        .query_map(params![from.to_string(), to.to_string()], |r| {
            let format: Format = from_db(r.get(8)?, 8)?;
            let text: String = r.get(10)?;
            let captured_on: Option<String> = r.get(11)?;
            let metrics = if captured_on.is_some() {
                metrics_at(r, 12)?
            } else {
                Metrics::default()
            };
            let has_video = matches!(
                format,
                Format::ShortVideo | Format::LongVideo | Format::Live
            ) || metrics.video_views.is_some_and(|v| v > 0);
            Ok(PublishedPost {
                post_id: r.get(0)?,
                variant_id: r.get(1)?,
                title: r.get(2)?,
                platform: r.get(3)?,
                pillar_id: r.get(4)?,
                pillar_name: r.get(5)?,
                pillar_colour: r.get(6)?,
                content_type: from_db(r.get(7)?, 7)?,
                format,
                local_time: r.get(9)?,
                text_length: u32::try_from(text.chars().count()).unwrap_or(u32::MAX),
                has_video,
                captured_on,
                derived: metrics.derived(),
                metrics,
                post_url: r.get(23)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum KpiStatus {
    OnTrack,
    AtRisk,
    NoData,
    NoTarget,
}

/// Where a KPI's current value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ValueSource {
    Posts,
    Account,
    Manual,
    None,
    /// Reach added up post by post: the networks give no reach for a whole period here, so
    /// people who saw several posts are counted once per post.
    SummedPostReach,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    pub period_start: String,
    pub period_end: String,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KpiProgress {
    pub kpi_id: String,
    pub objective_id: String,
    pub objective_statement: String,
    pub name: String,
    pub stage: FunnelStage,
    pub metric: String,
    pub unit: String,
    pub cadence: ReviewCadence,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub current: Option<f64>,
    /// Percent of the way from baseline to target (may exceed 100 or be negative).
    pub progress: Option<f64>,
    pub status: KpiStatus,
    pub source: ValueSource,
    pub window_start: String,
    pub window_end: String,
    /// Oldest first; the last point is the current window.
    pub trend: Vec<TrendPoint>,
}

/// Averages of one group of posts (a platform, pillar, content type or format).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Breakdown {
    pub key: String,
    /// Display name where the key is an id (pillars).
    pub label: Option<String>,
    pub colour: Option<String>,
    pub posts: u32,
    /// Posts with at least one number entered.
    pub measured: u32,
    pub avg_reach: Option<f64>,
    pub avg_clicks: Option<f64>,
    /// Mean of the posts' engagement rates (fraction).
    pub avg_engagement_rate: Option<f64>,
    /// Pooled: Σ engagement ÷ Σ reach (fraction).
    pub engagement_rate: Option<f64>,
    pub totals: Metrics,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MixShares {
    pub total: u32,
    pub value: GuidelineShare,
    pub dialogue: GuidelineShare,
    pub promotion: GuidelineShare,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MixComparison {
    /// Every post planned with a date in the period (any status but idea).
    pub planned: MixShares,
    /// The posts actually published in the period.
    pub published: MixShares,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum TraitAttribute {
    Pillar,
    ContentType,
    Format,
    Weekday,
    TimeOfDay,
    Length,
    Video,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum RankGroup {
    Top,
    Bottom,
}

/// Something most posts of one group share and the other group mostly does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SharedTrait {
    pub group: RankGroup,
    pub attribute: TraitAttribute,
    /// Machine value (pillar id, content type, `monday`, `morning`, `short`, `yes`…).
    pub value: String,
    /// The same in plain words, in the workspace's language.
    pub label: String,
    /// How many posts of the group have it, of how many.
    pub count: u32,
    pub of: u32,
    /// How many posts of the other group have it.
    pub other_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Ranking {
    pub top: Vec<PublishedPost>,
    pub bottom: Vec<PublishedPost>,
    pub traits: Vec<SharedTrait>,
    /// Plain-words summary in the workspace's language.
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ResultsSummary {
    pub from: String,
    pub to: String,
    pub posts_published: u32,
    pub posts_measured: u32,
    pub totals: Metrics,
    pub totals_derived: Derived,
    pub kpis: Vec<KpiProgress>,
    pub by_platform: Vec<Breakdown>,
    pub by_pillar: Vec<Breakdown>,
    pub by_content_type: Vec<Breakdown>,
    pub by_format: Vec<Breakdown>,
    pub mix: MixComparison,
    pub ranking: Ranking,
    pub account: Vec<AccountMetrics>,
}

/// Days in a KPI's measuring window.
pub fn window_days(c: ReviewCadence) -> i64 {
    match c {
        ReviewCadence::Weekly => 7,
        ReviewCadence::Monthly => 28,
        ReviewCadence::Quarterly => 91,
    }
}

/// Parse the optional bounds of a summary: default is the four weeks ending today.
pub fn parse_range(
    conn: &Connection,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(NaiveDate, NaiveDate)> {
    let to = match to.map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => super::parse_day("to", t)?,
        None => strategy::today(conn)?,
    };
    let from = match from.map(str::trim).filter(|s| !s.is_empty()) {
        Some(f) => super::parse_day("from", f)?,
        None => to - Duration::days(27),
    };
    if from > to {
        return Err(Error::field(
            "from",
            "The period starts after it ends. Swap the two dates.",
        ));
    }
    if (to - from).num_days() > 800 {
        return Err(Error::field(
            "from",
            "Choose a period of at most two years.",
        ));
    }
    Ok((from, to))
}

fn sum(posts: &[&PublishedPost]) -> Metrics {
    posts
        .iter()
        .fold(Metrics::default(), |acc, p| acc.plus(&p.metrics))
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (s, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| s / f64::from(n))
}

fn breakdown(
    key: String,
    label: Option<String>,
    colour: Option<String>,
    posts: &[&PublishedPost],
) -> Breakdown {
    let measured: Vec<&&PublishedPost> = posts.iter().filter(|p| p.captured_on.is_some()).collect();
    let totals = sum(posts);
    let pooled = match (totals.engagement(), totals.rate_denominator()) {
        (Some(e), Some((d, _))) => ratio(Some(f64::from(e)), Some(d)),
        _ => None,
    };
    Breakdown {
        key,
        label,
        colour,
        posts: u32::try_from(posts.len()).unwrap_or(u32::MAX),
        measured: u32::try_from(measured.len()).unwrap_or(u32::MAX),
        avg_reach: mean(
            measured
                .iter()
                .filter_map(|p| p.metrics.reach.map(f64::from)),
        ),
        avg_clicks: mean(
            measured
                .iter()
                .filter_map(|p| p.metrics.clicks.map(f64::from)),
        ),
        avg_engagement_rate: mean(measured.iter().filter_map(|p| p.derived.engagement_rate)),
        engagement_rate: pooled,
        totals,
    }
}

fn group_by<K: Ord + Clone>(
    posts: &[PublishedPost],
    key: impl Fn(&PublishedPost) -> K,
) -> BTreeMap<K, Vec<&PublishedPost>> {
    let mut m: BTreeMap<K, Vec<&PublishedPost>> = BTreeMap::new();
    for p in posts {
        m.entry(key(p)).or_default().push(p);
    }
    m
}

fn wire<T: Serialize>(v: &T) -> String {
    crate::db::codec::to_db(v).unwrap_or_default()
}

fn shares(types: impl Iterator<Item = ContentType>) -> MixShares {
    let mut counts = [0u32; 3];
    let mut total = 0u32;
    for t in types {
        total += 1;
        match t {
            ContentType::Educational | ContentType::Entertainment => counts[0] += 1,
            ContentType::Community => counts[1] += 1,
            ContentType::Promotional => counts[2] += 1,
        }
    }
    let g = |count: u32, t: ContentType| GuidelineShare {
        count,
        share: if total == 0 {
            0.0
        } else {
            f64::from(count) / f64::from(total)
        },
        target: target_share(t),
    };
    MixShares {
        total,
        value: g(counts[0], ContentType::Educational),
        dialogue: g(counts[1], ContentType::Community),
        promotion: g(counts[2], ContentType::Promotional),
    }
}

fn mix(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<MixComparison> {
    let mut stmt = conn.prepare_cached(
        "SELECT content_type, status FROM posts WHERE local_time IS NOT NULL AND status <> 'idea'
           AND substr(local_time, 1, 10) >= ?1 AND substr(local_time, 1, 10) <= ?2",
    )?;
    let rows: Vec<(ContentType, String)> = stmt
        .query_map(params![from.to_string(), to.to_string()], |r| {
            Ok((from_db(r.get(0)?, 0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(MixComparison {
        planned: shares(rows.iter().map(|(t, _)| *t)),
        published: shares(
            rows.iter()
                .filter(|(_, s)| s == "published")
                .map(|(t, _)| *t),
        ),
    })
}

// ---------------------------------------------------------------- KPI progress

struct Window<'a> {
    start: NaiveDate,
    end: NaiveDate,
    posts: Vec<&'a PublishedPost>,
    account: Vec<&'a AccountMetrics>,
}

fn pct(v: Option<f64>) -> Option<f64> {
    v.map(|x| x * 100.0)
}

fn sum_account(w: &Window<'_>, f: impl Fn(&AccountMetrics) -> Option<u32>) -> Option<f64> {
    let vals: Vec<u32> = w.account.iter().filter_map(|a| f(a)).collect();
    (!vals.is_empty()).then(|| vals.iter().map(|v| f64::from(*v)).sum())
}

/// Followers at the end of the latest period ending on or before `day`, summed over
/// platforms.
fn followers_at(all: &[AccountMetrics], day: NaiveDate) -> Option<f64> {
    let mut latest: BTreeMap<&str, (&str, u32)> = BTreeMap::new();
    for a in all {
        if let Some(f) = a.followers {
            if a.period_end.as_str() <= day.to_string().as_str() {
                let e = latest
                    .entry(a.platform.as_str())
                    .or_insert((a.period_end.as_str(), f));
                if a.period_end.as_str() >= e.0 {
                    *e = (a.period_end.as_str(), f);
                }
            }
        }
    }
    (!latest.is_empty()).then(|| latest.values().map(|(_, f)| f64::from(*f)).sum())
}

/// The value of catalogue metric `metric` over one window (see the module docs).
fn metric_value(
    metric: &str,
    w: &Window<'_>,
    all_account: &[AccountMetrics],
) -> (Option<f64>, ValueSource) {
    let totals = sum(&w.posts);
    let posts = |v: Option<f64>| {
        (
            v,
            if v.is_some() {
                ValueSource::Posts
            } else {
                ValueSource::None
            },
        )
    };
    let f = |v: Option<u32>| v.map(f64::from);
    match metric {
        "reach" => match f(totals.reach) {
            Some(v) => (Some(v), ValueSource::SummedPostReach),
            None => (None, ValueSource::None),
        },
        "impressions" => posts(f(totals.impressions)),
        "video_views" => posts(f(totals.video_views)),
        "link_clicks" => posts(f(totals.clicks)),
        "engagements" => posts(f(totals.engagement())),
        "revenue" => posts(totals.revenue),
        "engagement_rate" => posts(pct(
            match (totals.engagement(), totals.rate_denominator()) {
                (Some(e), Some((d, _))) => ratio(Some(f64::from(e)), Some(d)),
                _ => None,
            },
        )),
        "conversion_rate" => posts(pct(ratio(f(totals.conversions), f(totals.clicks)))),
        "profile_visits" => match sum_account(w, |a| a.profile_visits) {
            Some(v) => (Some(v), ValueSource::Account),
            None => posts(f(totals.profile_visits)),
        },
        "social_sessions" => match sum_account(w, |a| a.web_sessions) {
            Some(v) => (Some(v), ValueSource::Account),
            None => (None, ValueSource::None),
        },
        "conversions" => match sum_account(w, |a| a.orders_leads) {
            Some(v) => (Some(v), ValueSource::Account),
            None => posts(f(totals.conversions)),
        },
        "follower_growth" => {
            let has_end = w.account.iter().any(|a| a.followers.is_some());
            match (
                has_end,
                followers_at(all_account, w.end),
                followers_at(all_account, w.start - Duration::days(1)),
            ) {
                (true, Some(end), Some(start)) => (Some(end - start), ValueSource::Account),
                _ => (None, ValueSource::None),
            }
        }
        _ => (None, ValueSource::None),
    }
}

fn progress_of(current: Option<f64>, baseline: Option<f64>, target: Option<f64>) -> Option<f64> {
    let (c, t) = (current?, target?);
    let p = match baseline {
        Some(b) if (t - b).abs() > f64::EPSILON => (c - b) / (t - b) * 100.0,
        Some(_) => {
            if c >= t {
                100.0
            } else {
                0.0
            }
        }
        None => ratio(Some(c), Some(t))? * 100.0,
    };
    p.is_finite().then_some(p)
}

struct KpiContext<'a> {
    posts: &'a [PublishedPost],
    account: &'a [AccountMetrics],
    readings: &'a [(String, NaiveDate, f64)],
}

fn window<'a>(ctx: &KpiContext<'a>, start: NaiveDate, end: NaiveDate) -> Window<'a> {
    let (s, e) = (start.to_string(), end.to_string());
    Window {
        start,
        end,
        posts: ctx
            .posts
            .iter()
            .filter(|p| {
                let d = &p.local_time[..p.local_time.len().min(10)];
                d >= s.as_str() && d <= e.as_str()
            })
            .collect(),
        account: ctx
            .account
            .iter()
            .filter(|a| a.period_end >= s && a.period_end <= e)
            .collect(),
    }
}

fn kpi_value(
    ctx: &KpiContext<'_>,
    kpi_id: &str,
    metric: &str,
    start: NaiveDate,
    end: NaiveDate,
) -> (Option<f64>, ValueSource) {
    let manual = ctx
        .readings
        .iter()
        .filter(|(k, d, _)| k == kpi_id && *d >= start && *d <= end)
        .max_by_key(|(_, d, _)| *d);
    if let Some((_, _, v)) = manual {
        return (Some(*v), ValueSource::Manual);
    }
    metric_value(metric, &window(ctx, start, end), ctx.account)
}

fn kpi_progress(
    conn: &Connection,
    ctx: &KpiContext<'_>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<KpiProgress>> {
    let mut out = Vec::new();
    for o in strategy::list(conn)? {
        if o.status == ObjectiveStatus::Dropped {
            continue;
        }
        let start_date = o
            .baseline_date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let deadline = o
            .deadline
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        for k in &o.kpis {
            let days = window_days(k.cadence);
            let windows = (((to - from).num_days() + 1) / days).clamp(2, 12);
            let mut trend = Vec::new();
            for i in (0..windows).rev() {
                let end = to - Duration::days(days * i);
                let start = end - Duration::days(days - 1);
                let (value, _) = kpi_value(ctx, &k.id, &k.metric, start, end);
                trend.push(TrendPoint {
                    period_start: start.to_string(),
                    period_end: end.to_string(),
                    value,
                });
            }
            let w_start = to - Duration::days(days - 1);
            let (current, source) = kpi_value(ctx, &k.id, &k.metric, w_start, to);
            let progress = progress_of(current, k.baseline, k.target);
            let previous = trend.iter().rev().nth(1).and_then(|p| p.value);
            let status = match (current, k.target, progress) {
                (None, _, _) => KpiStatus::NoData,
                (Some(_), None, _) | (_, _, None) => KpiStatus::NoTarget,
                (Some(c), Some(t), Some(p)) => {
                    let lower_better = k.baseline.is_some_and(|b| b > t);
                    let reached = if lower_better { c <= t } else { c >= t };
                    let on_pace = match (start_date, deadline) {
                        (Some(s), Some(d)) if d > s => {
                            let elapsed = ((to - s).num_days() as f64 / (d - s).num_days() as f64)
                                .clamp(0.0, 1.0);
                            p >= elapsed * 100.0 - 10.0
                        }
                        _ => previous
                            .is_some_and(|prev| if lower_better { c < prev } else { c > prev }),
                    };
                    if reached || on_pace {
                        KpiStatus::OnTrack
                    } else {
                        KpiStatus::AtRisk
                    }
                }
            };
            out.push(KpiProgress {
                kpi_id: k.id.clone(),
                objective_id: o.id.clone(),
                objective_statement: o.statement.clone(),
                name: k.name.clone(),
                stage: k.stage,
                metric: k.metric.clone(),
                unit: k.unit.clone(),
                cadence: k.cadence,
                baseline: k.baseline,
                target: k.target,
                current,
                progress,
                status,
                source,
                window_start: w_start.to_string(),
                window_end: to.to_string(),
                trend,
            });
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- top / bottom

fn time_of_day(hour: u32) -> &'static str {
    match hour {
        5..=10 => "morning",
        11..=14 => "midday",
        15..=19 => "evening",
        _ => "night",
    }
}

fn length_bucket(n: u32) -> &'static str {
    match n {
        0..=80 => "short",
        81..=250 => "medium",
        _ => "long",
    }
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

fn trait_value(p: &PublishedPost, a: TraitAttribute) -> String {
    let when =
        NaiveDateTime::parse_from_str(&p.local_time, crate::content::time::LOCAL_FORMAT).ok();
    match a {
        TraitAttribute::Pillar => p.pillar_id.clone().unwrap_or_default(),
        TraitAttribute::ContentType => wire(&p.content_type),
        TraitAttribute::Format => wire(&p.format),
        TraitAttribute::Weekday => when
            .map(|t| weekday_name(t.weekday()).to_string())
            .unwrap_or_default(),
        TraitAttribute::TimeOfDay => when
            .map(|t| time_of_day(t.hour()).to_string())
            .unwrap_or_default(),
        TraitAttribute::Length => length_bucket(p.text_length).to_string(),
        TraitAttribute::Video => if p.has_video { "yes" } else { "no" }.to_string(),
    }
}

fn label(lang: Language, a: TraitAttribute, value: &str, sample: &PublishedPost) -> String {
    let ja = lang == Language::Ja;
    let pick = |en: &str, j: &str| if ja { j.to_string() } else { en.to_string() };
    match a {
        TraitAttribute::Pillar => match &sample.pillar_name {
            Some(n) => pick(&format!("the “{n}” pillar"), &format!("「{n}」の柱")),
            None => pick("no pillar", "柱なし"),
        },
        TraitAttribute::ContentType => match value {
            "educational" => pick("educational content", "役立つ情報"),
            "entertainment" => pick("entertaining content", "楽しませる投稿"),
            "community" => pick("community content", "交流の投稿"),
            _ => pick("promotional content", "宣伝の投稿"),
        },
        TraitAttribute::Format => match value {
            "photo" => pick("a single photo", "写真1枚"),
            "carousel" => pick("a carousel", "カルーセル"),
            "short_video" => pick("a short video", "ショート動画"),
            "long_video" => pick("a long video", "長尺動画"),
            "text" => pick("text only", "テキストのみ"),
            "story" => pick("a story", "ストーリーズ"),
            "live" => pick("a live stream", "ライブ配信"),
            _ => pick("a link post", "リンク投稿"),
        },
        TraitAttribute::Weekday => {
            let (en, j) = match value {
                "monday" => ("Monday", "月曜日"),
                "tuesday" => ("Tuesday", "火曜日"),
                "wednesday" => ("Wednesday", "水曜日"),
                "thursday" => ("Thursday", "木曜日"),
                "friday" => ("Friday", "金曜日"),
                "saturday" => ("Saturday", "土曜日"),
                _ => ("Sunday", "日曜日"),
            };
            pick(&format!("posted on a {en}"), &format!("{j}の投稿"))
        }
        TraitAttribute::TimeOfDay => match value {
            "morning" => pick("posted in the morning (5–11)", "朝（5〜11時）の投稿"),
            "midday" => pick("posted around midday (11–15)", "昼（11〜15時）の投稿"),
            "evening" => pick("posted in the evening (15–20)", "夕方（15〜20時）の投稿"),
            _ => pick("posted at night", "夜の投稿"),
        },
        TraitAttribute::Length => match value {
            "short" => pick("short text (up to 80 characters)", "短い本文（80文字以内）"),
            "medium" => pick(
                "medium-length text (81–250 characters)",
                "中くらいの本文（81〜250文字）",
            ),
            _ => pick("long text (over 250 characters)", "長い本文（250文字超）"),
        },
        TraitAttribute::Video => match value {
            "yes" => pick("video", "動画あり"),
            _ => pick("no video", "動画なし"),
        },
    }
}

const ATTRIBUTES: [TraitAttribute; 7] = [
    TraitAttribute::Pillar,
    TraitAttribute::ContentType,
    TraitAttribute::Format,
    TraitAttribute::Video,
    TraitAttribute::Weekday,
    TraitAttribute::TimeOfDay,
    TraitAttribute::Length,
];

fn shared(
    group: RankGroup,
    mine: &[PublishedPost],
    other: &[PublishedPost],
    lang: Language,
) -> Vec<SharedTrait> {
    let n = mine.len();
    let mut out = Vec::new();
    for a in ATTRIBUTES {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for p in mine {
            *counts.entry(trait_value(p, a)).or_default() += 1;
        }
        let Some((value, count)) = counts.into_iter().max_by_key(|(_, c)| *c) else {
            continue;
        };
        // Most of the group (all of two, at least two of three…) and clearly fewer of the other.
        let enough = count == n || (n >= 3 && count * 3 >= n * 2);
        let other_count = other.iter().filter(|p| trait_value(p, a) == value).count();
        if !enough || value.is_empty() || other_count * n >= count * other.len().max(1) {
            continue;
        }
        let Some(sample) = mine.iter().find(|p| trait_value(p, a) == value) else {
            continue;
        };
        out.push(SharedTrait {
            group,
            attribute: a,
            label: label(lang, a, &value, sample),
            value,
            count: u32::try_from(count).unwrap_or(u32::MAX),
            of: u32::try_from(n).unwrap_or(u32::MAX),
            other_count: u32::try_from(other_count).unwrap_or(u32::MAX),
        });
    }
    out
}

fn explain(traits: &[SharedTrait], lang: Language, ranked: usize) -> String {
    let ja = lang == Language::Ja;
    if ranked < 2 {
        return if ja {
            "上位・下位を比べるには、数値を入力した投稿が2件以上必要です。".into()
        } else {
            "Enter the numbers of at least two published posts to compare the best and the weakest."
                .into()
        };
    }
    let list = |g: RankGroup| -> Vec<String> {
        traits
            .iter()
            .filter(|t| t.group == g)
            .map(|t| t.label.clone())
            .collect()
    };
    let (top, bottom) = (list(RankGroup::Top), list(RankGroup::Bottom));
    let join = |v: &[String]| if ja { v.join("、") } else { v.join(", ") };
    let mut parts = Vec::new();
    if !top.is_empty() {
        parts.push(if ja {
            format!("反応が良かった投稿の共通点：{}。", join(&top))
        } else {
            format!("Your best posts have in common: {}.", join(&top))
        });
    }
    if !bottom.is_empty() {
        parts.push(if ja {
            format!("反応が弱かった投稿の共通点：{}。", join(&bottom))
        } else {
            format!("The weakest share: {}.", join(&bottom))
        });
    }
    if parts.is_empty() {
        return if ja {
            "上位と下位にはっきりした共通点はありません。次の期間は一度にひとつだけ変えて試しましょう。".into()
        } else {
            "Nothing clearly sets the best posts apart from the weakest yet. Change one thing at a time next period.".into()
        };
    }
    parts.push(if ja {
        "次の仮説に使いましょう。".into()
    } else {
        "Use this for your next hypothesis.".into()
    });
    parts.join(if ja { "" } else { " " })
}

/// Rank the measured posts by engagement rate; top and bottom get up to three each.
pub fn rank(posts: &[PublishedPost], lang: Language) -> Ranking {
    let mut measured: Vec<&PublishedPost> = posts
        .iter()
        .filter(|p| p.derived.engagement_rate.is_some())
        .collect();
    measured.sort_by(|a, b| {
        let (x, y) = (
            a.derived.engagement_rate.unwrap_or(0.0),
            b.derived.engagement_rate.unwrap_or(0.0),
        );
        y.total_cmp(&x)
            .then(b.derived.engagement.cmp(&a.derived.engagement))
            .then(a.variant_id.cmp(&b.variant_id))
    });
    let k = (measured.len() / 2).min(3);
    let top: Vec<PublishedPost> = measured.iter().take(k).map(|p| (*p).clone()).collect();
    let bottom: Vec<PublishedPost> = measured
        .iter()
        .rev()
        .take(k)
        .map(|p| (*p).clone())
        .collect();
    let mut traits = Vec::new();
    if k > 0 {
        traits.extend(shared(RankGroup::Top, &top, &bottom, lang));
        traits.extend(shared(RankGroup::Bottom, &bottom, &top, lang));
    }
    // A shared format already says whether there is video ("a short video", "a single photo").
    let with_format: Vec<RankGroup> = traits
        .iter()
        .filter(|t| t.attribute == TraitAttribute::Format)
        .map(|t| t.group)
        .collect();
    traits.retain(|t| !(t.attribute == TraitAttribute::Video && with_format.contains(&t.group)));
    let explanation = explain(&traits, lang, measured.len());
    Ranking {
        top,
        bottom,
        traits,
        explanation,
    }
}

fn language(conn: &Connection) -> Result<Language> {
    Ok(crate::workspace::get(conn)?.map_or(Language::En, |w| w.language))
}

/// The whole dashboard for [from, to] (dates in the workspace's zone, inclusive).
pub fn summary(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<ResultsSummary> {
    let lang = language(conn)?;
    // KPI windows reach back before `from`: read enough history for the longest trend.
    let history_from = from - Duration::days(91 * 2);
    let all_posts = published_posts(conn, history_from, to)?;
    let account_all = super::list_account_metrics(conn, history_from - Duration::days(400), to)?;
    let mut stmt = conn.prepare_cached(
        "SELECT kpi_id, measured_on, value FROM kpi_readings WHERE measured_on <= ?1",
    )?;
    let readings: Vec<(String, NaiveDate, f64)> = stmt
        .query_map([to.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, f64>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter_map(|(k, d, v)| {
            NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .ok()
                .map(|d| (k, d, v))
        })
        .collect();
    let ctx = KpiContext {
        posts: &all_posts,
        account: &account_all,
        readings: &readings,
    };
    let kpis = kpi_progress(conn, &ctx, from, to)?;

    let (fs, ts) = (from.to_string(), to.to_string());
    let posts: Vec<PublishedPost> = all_posts
        .iter()
        .filter(|p| {
            let d = &p.local_time[..p.local_time.len().min(10)];
            d >= fs.as_str() && d <= ts.as_str()
        })
        .cloned()
        .collect();
    let refs: Vec<&PublishedPost> = posts.iter().collect();
    let totals = sum(&refs);

    let mut by_platform: Vec<Breakdown> = group_by(&posts, |p| p.platform.clone())
        .into_iter()
        .map(|(k, v)| breakdown(k, None, None, &v))
        .collect();
    by_platform.sort_by_key(|b| crate::content::platform_rank(&b.key));
    let by_pillar = group_by(&posts, |p| p.pillar_id.clone().unwrap_or_default())
        .into_iter()
        .map(|(k, v)| {
            let (name, colour) = (v[0].pillar_name.clone(), v[0].pillar_colour.clone());
            breakdown(k, name, colour, &v)
        })
        .collect();
    let by_content_type = group_by(&posts, |p| p.content_type)
        .into_iter()
        .map(|(k, v)| breakdown(wire(&k), None, None, &v))
        .collect();
    let by_format = group_by(&posts, |p| wire(&p.format))
        .into_iter()
        .map(|(k, v)| breakdown(k, None, None, &v))
        .collect();

    Ok(ResultsSummary {
        from: fs.clone(),
        to: ts.clone(),
        posts_published: u32::try_from(posts.len()).unwrap_or(u32::MAX),
        posts_measured: u32::try_from(posts.iter().filter(|p| p.captured_on.is_some()).count())
            .unwrap_or(u32::MAX),
        totals_derived: totals.derived(),
        totals,
        kpis,
        by_platform,
        by_pillar,
        by_content_type,
        by_format,
        mix: mix(conn, from, to)?,
        ranking: rank(&posts, lang),
        account: super::list_account_metrics(conn, from, to)?,
    })
}
