//! The content mix against the 7-2-1 guideline (value 7 : dialogue 2 : promotion 1),
//! planned cadence per platform and the weeks that fall short of it.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::{json_list, parse_list, platform_rank, validate_platform, ContentType};
use crate::clock::now;
use crate::db::codec::from_db;
use crate::error::{Error, Result};
use crate::workspace::WeekStart;

/// Promotion above this share of posts is a warning sign (DOMAIN.md §4).
pub const PROMOTION_WARNING_SHARE: f64 = 0.20;
/// One pillar above this share means the account talks about one thing only.
pub const PILLAR_WARNING_SHARE: f64 = 0.50;

/// The 7-2-1 target share of a content type (value = educational + entertainment).
pub fn target_share(t: ContentType) -> f64 {
    match t {
        ContentType::Educational | ContentType::Entertainment => 0.7,
        ContentType::Community => 0.2,
        ContentType::Promotional => 0.1,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TypeCount {
    pub content_type: ContentType,
    pub count: u32,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PillarCount {
    pub pillar_id: Option<String>,
    pub name: Option<String>,
    pub colour: Option<String>,
    pub count: u32,
    pub share: f64,
}

/// One slice of the 7-2-1 gauge.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GuidelineShare {
    pub count: u32,
    pub share: f64,
    pub target: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MixWarningKind {
    PromotionHeavy,
    PillarDominant,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MixWarning {
    pub kind: MixWarningKind,
    pub share: f64,
    pub pillar_id: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MixStats {
    pub total: u32,
    pub by_type: Vec<TypeCount>,
    /// Educational + entertainment (the "7").
    pub value: GuidelineShare,
    /// Community (the "2").
    pub dialogue: GuidelineShare,
    /// Promotional (the "1").
    pub promotion: GuidelineShare,
    pub by_pillar: Vec<PillarCount>,
    pub warnings: Vec<MixWarning>,
}

fn share(n: u32, total: u32) -> f64 {
    if total == 0 {
        0.0
    } else {
        f64::from(n) / f64::from(total)
    }
}

/// Mix of the posts scheduled in [from_utc, to_utc), optionally only those planned for
/// `platform`.
pub fn mix_stats(
    conn: &Connection,
    from_utc: &str,
    to_utc: &str,
    platform: Option<&str>,
) -> Result<MixStats> {
    let platform = platform
        .map(|p| validate_platform("platform", p))
        .transpose()?;
    let mut stmt = conn.prepare_cached(
        "SELECT p.content_type, p.pillar_id, count(*) FROM posts p
         WHERE p.scheduled_at >= ?1 AND p.scheduled_at < ?2
           AND (?3 IS NULL OR EXISTS (SELECT 1 FROM post_variants v WHERE v.post_id = p.id AND v.platform = ?3))
         GROUP BY p.content_type, p.pillar_id",
    )?;
    let rows: Vec<(ContentType, Option<String>, u32)> = stmt
        .query_map(params![from_utc, to_utc, platform], |r| {
            Ok((from_db(r.get(0)?, 0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let total: u32 = rows.iter().map(|r| r.2).sum();
    let by_type: Vec<TypeCount> = ContentType::ALL
        .iter()
        .map(|t| {
            let count = rows.iter().filter(|r| r.0 == *t).map(|r| r.2).sum();
            TypeCount {
                content_type: *t,
                count,
                share: share(count, total),
            }
        })
        .collect();
    let count_of = |ts: &[ContentType]| -> u32 {
        by_type
            .iter()
            .filter(|c| ts.contains(&c.content_type))
            .map(|c| c.count)
            .sum()
    };
    let slice = |ts: &[ContentType], target: f64| {
        let count = count_of(ts);
        GuidelineShare {
            count,
            share: share(count, total),
            target,
        }
    };
    let value = slice(&[ContentType::Educational, ContentType::Entertainment], 0.7);
    let dialogue = slice(&[ContentType::Community], 0.2);
    let promotion = slice(&[ContentType::Promotional], 0.1);

    let pillars = super::pillars::list(conn)?;
    let mut by_pillar: Vec<PillarCount> = Vec::new();
    for (_, pid, n) in &rows {
        if let Some(pc) = by_pillar.iter_mut().find(|p| p.pillar_id == *pid) {
            pc.count += n;
        } else {
            let p = pid
                .as_ref()
                .and_then(|id| pillars.iter().find(|p| p.id == *id));
            by_pillar.push(PillarCount {
                pillar_id: pid.clone(),
                name: p.map(|p| p.name.clone()),
                colour: p.map(|p| p.colour.clone()),
                count: *n,
                share: 0.0,
            });
        }
    }
    for p in &mut by_pillar {
        p.share = share(p.count, total);
    }
    by_pillar.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));

    let mut warnings = Vec::new();
    if total > 0 && promotion.share > PROMOTION_WARNING_SHARE {
        warnings.push(MixWarning {
            kind: MixWarningKind::PromotionHeavy,
            share: promotion.share,
            pillar_id: None,
            message: format!(
                "{:.0}% of these posts are promotional (aim for about 10%, at most 20%). Swap some for tips, stories or questions so followers don't tune out.",
                promotion.share * 100.0
            ),
        });
    }
    if total >= 4 {
        if let Some(top) = by_pillar
            .first()
            .filter(|p| p.share > PILLAR_WARNING_SHARE && p.pillar_id.is_some())
        {
            warnings.push(MixWarning {
                kind: MixWarningKind::PillarDominant,
                share: top.share,
                pillar_id: top.pillar_id.clone(),
                message: format!(
                    "\"{}\" takes {:.0}% of these posts. Spread posts across your pillars so each audience need gets its turn.",
                    top.name.clone().unwrap_or_default(),
                    top.share * 100.0
                ),
            });
        }
    }
    Ok(MixStats {
        total,
        by_type,
        value,
        dialogue,
        promotion,
        by_pillar,
        warnings,
    })
}

/// [`mix_stats`] for a range given as dates (`2026-03-01`, midnight in the workspace zone)
/// or RFC 3339 instants, [from, to).
pub fn mix_for_range(
    conn: &Connection,
    from: &str,
    to: &str,
    platform: Option<&str>,
) -> Result<MixStats> {
    let tz = super::time::workspace_zone(conn)?;
    let from = super::time::parse_bound("from", from, tz)?;
    let to = super::time::parse_bound("to", to, tz)?;
    mix_stats(conn, &from, &to, platform)
}

/// The mix of one week (weeks start on the workspace's week start).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WeekMix {
    /// `YYYY-MM-DD`
    pub week_start: String,
    pub stats: MixStats,
}

/// Week-by-week mix over the local dates [from, to] (at most 106 weeks), so a calendar can
/// flag the one promotion-heavy week inside an otherwise balanced month.
pub fn weekly_mix(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    platform: Option<&str>,
) -> Result<Vec<WeekMix>> {
    let ws = crate::workspace::get(conn)?
        .ok_or_else(|| Error::Conflict("Set up your business first.".into()))?;
    let tz = super::time::parse_zone("timeZone", &ws.time_zone)?;
    let mut out = Vec::new();
    let mut week = week_start_of(from, ws.week_start);
    while week <= to && out.len() < 106 {
        let next = week + Duration::days(7);
        let stats = mix_stats(
            conn,
            &super::time::day_start_utc(tz, week),
            &super::time::day_start_utc(tz, next),
            platform,
        )?;
        out.push(WeekMix {
            week_start: week.to_string(),
            stats,
        });
        week = next;
    }
    Ok(out)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Cadence {
    pub platform: String,
    pub posts_per_week: u32,
    /// Preferred local times, `HH:MM`, sorted.
    pub time_slots: Vec<String>,
}

/// Set (or replace) the planned cadence of a platform. `posts_per_week = 0` removes it.
pub fn set_cadence(tx: &Transaction<'_>, input: &Cadence) -> Result<Option<Cadence>> {
    let platform = validate_platform("platform", &input.platform)?;
    if input.posts_per_week > 50 {
        return Err(Error::field(
            "postsPerWeek",
            "Plan at most 50 posts a week per platform.",
        ));
    }
    if input.posts_per_week == 0 {
        tx.execute("DELETE FROM cadences WHERE platform = ?1", [platform])?;
        return Ok(None);
    }
    let mut slots = Vec::new();
    for s in &input.time_slots {
        let t = NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| {
            Error::field(
                "timeSlots",
                format!(
                    "'{}' is not a time; use 24-hour HH:MM such as 07:30.",
                    s.trim()
                ),
            )
        })?;
        let t = t.format("%H:%M").to_string();
        if !slots.contains(&t) {
            slots.push(t);
        }
    }
    slots.sort();
    let now = now();
    tx.execute(
        "INSERT INTO cadences (platform, posts_per_week, time_slots, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (platform) DO UPDATE SET posts_per_week = excluded.posts_per_week,
             time_slots = excluded.time_slots, updated_at = excluded.updated_at",
        params![platform, input.posts_per_week, json_list(&slots)?, now],
    )?;
    Ok(Some(Cadence {
        platform: platform.into(),
        posts_per_week: input.posts_per_week,
        time_slots: slots,
    }))
}

pub fn cadences(conn: &Connection) -> Result<Vec<Cadence>> {
    let mut stmt = conn.prepare("SELECT platform, posts_per_week, time_slots FROM cadences")?;
    let mut rows: Vec<Cadence> = stmt
        .query_map([], |r| {
            Ok(Cadence {
                platform: r.get(0)?,
                posts_per_week: r.get(1)?,
                time_slots: parse_list(r.get(2)?, 2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.sort_by_key(|c| platform_rank(&c.platform));
    Ok(rows)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Gap {
    pub platform: String,
    /// First day of the week (the workspace's week start), `YYYY-MM-DD`.
    pub week_start: String,
    pub planned: u32,
    pub target: u32,
}

/// First day of the week containing `d`.
pub fn week_start_of(d: NaiveDate, start: WeekStart) -> NaiveDate {
    let back = match start {
        WeekStart::Monday => d.weekday().num_days_from_monday(),
        WeekStart::Sunday => d.weekday().num_days_from_sunday(),
    };
    d - Duration::days(i64::from(back))
}

/// Weeks overlapping the local dates [from, to] in which a platform has fewer posts planned
/// than its cadence, oldest first. At most 106 weeks are examined.
pub fn gaps(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Gap>> {
    let ws = crate::workspace::get(conn)?
        .ok_or_else(|| Error::Conflict("Set up your business first.".into()))?;
    let tz = super::time::parse_zone("timeZone", &ws.time_zone)?;
    let plans = cadences(conn)?;
    if plans.is_empty() || to < from {
        return Ok(vec![]);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT v.platform, count(*) FROM posts p JOIN post_variants v ON v.post_id = p.id
         WHERE p.scheduled_at >= ?1 AND p.scheduled_at < ?2 GROUP BY v.platform",
    )?;
    let mut out = Vec::new();
    let mut week = week_start_of(from, ws.week_start);
    let mut n = 0;
    while week <= to && n < 106 {
        let next = week + Duration::days(7);
        let counts: Vec<(String, u32)> = stmt
            .query_map(
                params![
                    super::time::day_start_utc(tz, week),
                    super::time::day_start_utc(tz, next)
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .collect::<rusqlite::Result<_>>()?;
        for c in &plans {
            let planned = counts
                .iter()
                .find(|(p, _)| *p == c.platform)
                .map_or(0, |(_, n)| *n);
            if planned < c.posts_per_week {
                out.push(Gap {
                    platform: c.platform.clone(),
                    week_start: week.to_string(),
                    planned,
                    target: c.posts_per_week,
                });
            }
        }
        week = next;
        n += 1;
    }
    Ok(out)
}
