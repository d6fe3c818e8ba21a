//! PDCA reviews: weekly (tweak), monthly (themes and platform allocation) and quarterly
//! (strategy). Each keeps a snapshot of the period's numbers as they were when it was
//! saved, the method's three prompts and the decisions it took, linked to what they change.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::summary::{self, KpiProgress, KpiStatus};
use super::{parse_day, Derived, Metrics};
use crate::clock;
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};
use crate::strategy::ReviewCadence;

pub const PROMPT_MAX_CHARS: usize = 4000;
pub const MAX_DECISIONS: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    Draft,
    Completed,
}

/// What a decision changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DecisionArea {
    Pillar,
    Platform,
    Cadence,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub text: String,
    pub area: DecisionArea,
    /// Pillar id or platform id the decision changes (cadence decisions name a platform).
    pub target: Option<String>,
}

/// A post as remembered by a review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewPost {
    pub title: String,
    pub platform: String,
    pub local_time: String,
    pub engagement_rate: Option<f64>,
    pub reach: Option<u32>,
}

/// The numbers of the period when the review was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewSnapshot {
    pub posts_published: u32,
    pub posts_measured: u32,
    pub reach: Option<u32>,
    pub impressions: Option<u32>,
    pub engagement: Option<u32>,
    pub engagement_rate: Option<f64>,
    pub clicks: Option<u32>,
    pub kpis: Vec<KpiProgress>,
    pub top: Vec<ReviewPost>,
    pub bottom: Vec<ReviewPost>,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub id: String,
    pub cadence: ReviewCadence,
    pub period_start: String,
    pub period_end: String,
    pub status: ReviewStatus,
    pub snapshot: ReviewSnapshot,
    pub worked: String,
    pub stop_doing: String,
    pub hypothesis: String,
    pub decisions: Vec<Decision>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReviewInput {
    pub id: Option<String>,
    pub cadence: ReviewCadence,
    pub period_start: String,
    pub period_end: String,
    pub status: ReviewStatus,
    pub worked: String,
    pub stop_doing: String,
    pub hypothesis: String,
    pub decisions: Vec<Decision>,
}

fn review_post(p: &summary::PublishedPost) -> ReviewPost {
    ReviewPost {
        title: p.title.clone(),
        platform: p.platform.clone(),
        local_time: p.local_time.clone(),
        engagement_rate: p.derived.engagement_rate,
        reach: p.metrics.reach,
    }
}

/// The snapshot of [start, end] as the dashboard computes it now.
pub fn snapshot_for(
    conn: &Connection,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
) -> Result<ReviewSnapshot> {
    let s = summary::summary(conn, start, end)?;
    let t: &Metrics = &s.totals;
    let d: &Derived = &s.totals_derived;
    Ok(ReviewSnapshot {
        posts_published: s.posts_published,
        posts_measured: s.posts_measured,
        reach: t.reach,
        impressions: t.impressions,
        engagement: d.engagement,
        engagement_rate: d.engagement_rate,
        clicks: t.clicks,
        kpis: s.kpis,
        top: s.ranking.top.iter().map(review_post).collect(),
        bottom: s.ranking.bottom.iter().map(review_post).collect(),
        explanation: s.ranking.explanation,
    })
}

fn check_text(field: &str, text: &str) -> Result<String> {
    let t = text.trim();
    if t.chars().count() > PROMPT_MAX_CHARS {
        return Err(Error::field(
            field,
            format!("Keep this under {PROMPT_MAX_CHARS} characters: a review is read at a glance."),
        ));
    }
    Ok(t.to_string())
}

/// Create or update a review; its numbers are taken fresh from the period.
pub fn save(tx: &Transaction<'_>, input: &ReviewInput) -> Result<Review> {
    let start = parse_day("periodStart", &input.period_start)?;
    let end = parse_day("periodEnd", &input.period_end)?;
    if end < start {
        return Err(Error::field(
            "periodEnd",
            "The period ends before it starts. Swap the two dates.",
        ));
    }
    let worked = check_text("worked", &input.worked)?;
    let stop = check_text("stopDoing", &input.stop_doing)?;
    let hypothesis = check_text("hypothesis", &input.hypothesis)?;
    if input.status == ReviewStatus::Completed && hypothesis.is_empty() {
        return Err(Error::field(
            "hypothesis",
            "Write the next hypothesis before completing the review: it is what the next period tests.",
        ));
    }
    if input.decisions.len() > MAX_DECISIONS {
        return Err(Error::field(
            "decisions",
            format!("A review can record up to {MAX_DECISIONS} decisions."),
        ));
    }
    for d in &input.decisions {
        if d.area == DecisionArea::Platform || d.area == DecisionArea::Cadence {
            if let Some(p) = d.target.as_deref().filter(|p| !p.is_empty()) {
                crate::content::validate_platform("decisions", p)?;
            }
        }
    }
    let snapshot = snapshot_for(tx, start, end)?;
    let json = serde_json::to_string(&snapshot)
        .map_err(|e| Error::Invalid(format!("The review's numbers could not be stored: {e}")))?;
    let now = clock::now();
    let id = match input.id.as_deref() {
        Some(id) => {
            let n = tx.execute(
                "UPDATE reviews SET cadence = ?2, period_start = ?3, period_end = ?4, status = ?5,
                   snapshot = ?6, worked = ?7, stop_doing = ?8, hypothesis = ?9, updated_at = ?10 WHERE id = ?1",
                params![
                    id,
                    to_db(&input.cadence)?,
                    start.to_string(),
                    end.to_string(),
                    to_db(&input.status)?,
                    json,
                    worked,
                    stop,
                    hypothesis,
                    now
                ],
            )?;
            if n == 0 {
                return Err(Error::NotFound(
                    "That review no longer exists. Reload the history.".into(),
                ));
            }
            tx.execute("DELETE FROM review_decisions WHERE review_id = ?1", [id])?;
            id.to_string()
        }
        None => {
            let id = clock::new_id();
            tx.execute(
                "INSERT INTO reviews (id, cadence, period_start, period_end, status, snapshot, worked,
                   stop_doing, hypothesis, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                params![
                    id,
                    to_db(&input.cadence)?,
                    start.to_string(),
                    end.to_string(),
                    to_db(&input.status)?,
                    json,
                    worked,
                    stop,
                    hypothesis,
                    now
                ],
            )?;
            id
        }
    };
    for (i, d) in input
        .decisions
        .iter()
        .filter(|d| !d.text.trim().is_empty())
        .enumerate()
    {
        tx.execute(
            "INSERT INTO review_decisions (id, review_id, text, area, target, sort_order, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                clock::new_id(),
                id,
                d.text.trim(),
                to_db(&d.area)?,
                d.target.as_deref().filter(|t| !t.is_empty()),
                i as i64,
                now
            ],
        )?;
    }
    get(tx, &id)
}

pub fn get(conn: &Connection, id: &str) -> Result<Review> {
    let row = conn
        .query_row(
            "SELECT id, cadence, period_start, period_end, status, snapshot, worked, stop_doing,
                    hypothesis, created_at, updated_at FROM reviews WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    from_db::<ReviewCadence>(r.get(1)?, 1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    from_db::<ReviewStatus>(r.get(4)?, 4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, String>(10)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| {
            Error::NotFound("That review no longer exists. Reload the history.".into())
        })?;
    let snapshot: ReviewSnapshot = serde_json::from_str(&row.5).map_err(|e| {
        Error::Corrupt(format!(
            "The numbers saved with this review cannot be read ({e})."
        ))
    })?;
    let mut stmt = conn.prepare_cached(
        "SELECT text, area, target FROM review_decisions WHERE review_id = ?1 ORDER BY sort_order",
    )?;
    let decisions = stmt
        .query_map([id], |r| {
            Ok(Decision {
                text: r.get(0)?,
                area: from_db(r.get(1)?, 1)?,
                target: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Review {
        id: row.0,
        cadence: row.1,
        period_start: row.2,
        period_end: row.3,
        status: row.4,
        snapshot,
        worked: row.6,
        stop_doing: row.7,
        hypothesis: row.8,
        decisions,
        created_at: row.9,
        updated_at: row.10,
    })
}

/// Every review, newest period first.
pub fn list(conn: &Connection) -> Result<Vec<Review>> {
    let mut stmt =
        conn.prepare("SELECT id FROM reviews ORDER BY period_end DESC, created_at DESC")?;
    let ids: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|id| get(conn, id)).collect()
}

pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM reviews WHERE id = ?1", [id])?;
    Ok(())
}

/// How many KPIs of a snapshot are at risk (for the history list).
pub fn at_risk_count(s: &ReviewSnapshot) -> u32 {
    u32::try_from(
        s.kpis
            .iter()
            .filter(|k| k.status == KpiStatus::AtRisk)
            .count(),
    )
    .unwrap_or(u32::MAX)
}
