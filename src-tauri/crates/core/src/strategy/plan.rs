//! The Plan overview: every link of the chain (objectives → personas → platforms →
//! pillars → calendar → results) with its state, counts, what is missing, and the pitfall
//! warnings of DOMAIN.md that apply right now.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use super::{guidance, Objective};
use crate::error::Result;
use crate::personas::{self, Persona};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ChainStep {
    Objectives,
    Personas,
    Platforms,
    Pillars,
    Calendar,
    Results,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// Nothing there yet.
    Missing,
    /// Started, with gaps listed in `missing`.
    Incomplete,
    Done,
    /// This part of Plotline is not built yet.
    NotStarted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MissingCode {
    NoObjective,
    ObjectiveWithoutKpi,
    ObjectiveWithoutTarget,
    ObjectiveWithoutDeadline,
    ObjectiveWithoutPersona,
    NoPersona,
    PersonaIsHypothesis,
    NoPrimaryPersona,
    /// No platform chosen yet.
    NoPlatform,
    /// No content pillar yet.
    NoPillar,
    /// Nothing scheduled in the coming four weeks.
    NoScheduledPost,
    /// No published post has any numbers entered or imported yet.
    NoResults,
}

/// One gap, with how many objectives/personas it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Missing {
    pub code: MissingCode,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlanStep {
    pub step: ChainStep,
    pub status: StepStatus,
    pub count: u32,
    pub missing: Vec<Missing>,
}

/// The pitfalls of DOMAIN.md (numbered as there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PitfallCode {
    /// 1. Posting without an objective.
    NoObjective,
    /// 2. Vanity metrics only.
    VanityMetricsOnly,
    /// 3. Too many platforms for the team's capacity.
    TooManyPlatforms,
    /// 4. Promotion-heavy mix in the coming four weeks.
    PromotionHeavyMix,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Pitfall {
    pub code: PitfallCode,
    /// Objectives it applies to (empty for plan-wide pitfalls).
    pub objective_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlanOverview {
    pub steps: Vec<PlanStep>,
    pub pitfalls: Vec<Pitfall>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn gaps(items: &[(MissingCode, usize)]) -> Vec<Missing> {
    items
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(code, n)| Missing {
            code: *code,
            count: count(*n),
        })
        .collect()
}

fn status(total: usize, missing: &[Missing]) -> StepStatus {
    if total == 0 {
        StepStatus::Missing
    } else if missing.is_empty() {
        StepStatus::Done
    } else {
        StepStatus::Incomplete
    }
}

/// The objectives link (dropped objectives do not count).
pub fn objectives_step(objectives: &[Objective]) -> PlanStep {
    let live: Vec<&Objective> = objectives
        .iter()
        .filter(|o| o.status != super::ObjectiveStatus::Dropped)
        .collect();
    let missing = if live.is_empty() {
        vec![Missing {
            code: MissingCode::NoObjective,
            count: 1,
        }]
    } else {
        gaps(&[
            (
                MissingCode::ObjectiveWithoutKpi,
                live.iter().filter(|o| o.kpis.is_empty()).count(),
            ),
            (
                MissingCode::ObjectiveWithoutTarget,
                live.iter().filter(|o| o.target_value.is_none()).count(),
            ),
            (
                MissingCode::ObjectiveWithoutDeadline,
                live.iter().filter(|o| o.deadline.is_none()).count(),
            ),
            (
                MissingCode::ObjectiveWithoutPersona,
                live.iter().filter(|o| o.persona_ids.is_empty()).count(),
            ),
        ])
    };
    PlanStep {
        step: ChainStep::Objectives,
        status: status(live.len(), if live.is_empty() { &[] } else { &missing }),
        count: count(live.len()),
        missing,
    }
}

/// The personas link (archived personas do not count).
pub fn personas_step(personas: &[Persona]) -> PlanStep {
    let live: Vec<&Persona> = personas.iter().filter(|p| !p.archived).collect();
    let missing = if live.is_empty() {
        vec![Missing {
            code: MissingCode::NoPersona,
            count: 1,
        }]
    } else {
        gaps(&[
            (
                MissingCode::PersonaIsHypothesis,
                live.iter().filter(|p| p.is_hypothesis).count(),
            ),
            (
                MissingCode::NoPrimaryPersona,
                usize::from(!live.iter().any(|p| p.is_primary)),
            ),
        ])
    };
    PlanStep {
        step: ChainStep::Personas,
        status: status(live.len(), if live.is_empty() { &[] } else { &missing }),
        count: count(live.len()),
        missing,
    }
}

/// How far ahead the calendar link and the mix pitfall look.
pub const LOOKAHEAD_DAYS: i64 = 28;

fn single_gap(code: MissingCode, total: usize) -> Vec<Missing> {
    if total == 0 {
        vec![Missing { code, count: 1 }]
    } else {
        Vec::new()
    }
}

fn simple_step(step: ChainStep, total: usize, code: MissingCode) -> PlanStep {
    PlanStep {
        step,
        status: if total == 0 {
            StepStatus::Missing
        } else {
            StepStatus::Done
        },
        count: count(total),
        missing: single_gap(code, total),
    }
}

/// What the links after personas read from their own domains, so the overview and its
/// pitfalls are computed from one set of numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct LaterState {
    pub steps: Vec<PlanStep>,
    pub pitfalls: Vec<Pitfall>,
}

/// The links built by later features: platforms (active platforms), pillars (count),
/// calendar (posts scheduled in the coming [`LOOKAHEAD_DAYS`]) and results (post variants
/// with numbers),
/// with pitfalls 3 (too many platforms) and 4 (promotion-heavy mix).
pub fn later_state(conn: &Connection, today: NaiveDate) -> Result<LaterState> {
    let setup = crate::platforms::setup::setup(conn)?;
    let pillars = crate::content::pillars::list(conn)?;
    let mut pitfalls = Vec::new();
    if setup.warning.is_some() {
        pitfalls.push(Pitfall {
            code: PitfallCode::TooManyPlatforms,
            objective_ids: Vec::new(),
        });
    }
    // Without a workspace there is no time zone, so nothing can be scheduled yet.
    let scheduled = if crate::workspace::get(conn)?.is_some() {
        let end = today + chrono::Duration::days(LOOKAHEAD_DAYS);
        let mix =
            crate::content::mix::mix_for_range(conn, &today.to_string(), &end.to_string(), None)?;
        if mix
            .warnings
            .iter()
            .any(|w| w.kind == crate::content::mix::MixWarningKind::PromotionHeavy)
        {
            pitfalls.push(Pitfall {
                code: PitfallCode::PromotionHeavyMix,
                objective_ids: Vec::new(),
            });
        }
        mix.total as usize
    } else {
        0
    };
    let results = simple_step(
        ChainStep::Results,
        crate::results::measured_variant_count(conn)? as usize,
        MissingCode::NoResults,
    );
    Ok(LaterState {
        steps: vec![
            simple_step(
                ChainStep::Platforms,
                setup.active.len(),
                MissingCode::NoPlatform,
            ),
            simple_step(ChainStep::Pillars, pillars.len(), MissingCode::NoPillar),
            simple_step(ChainStep::Calendar, scheduled, MissingCode::NoScheduledPost),
            results,
        ],
        pitfalls,
    })
}

/// The links after personas (see [`later_state`]).
pub fn later_steps(conn: &Connection) -> Result<Vec<PlanStep>> {
    let today = super::today(conn)?;
    Ok(later_state(conn, today)?.steps)
}

/// The pitfalls that apply to these objectives.
pub fn pitfalls(objectives: &[Objective], today: NaiveDate) -> Vec<Pitfall> {
    let inputs: Vec<_> = objectives
        .iter()
        .filter(|o| o.status != super::ObjectiveStatus::Dropped)
        .map(Objective::to_input)
        .collect();
    let mut out = Vec::new();
    let warnings = guidance::plan_warnings(&inputs, today);
    if warnings
        .iter()
        .any(|w| w.code == guidance::WarningCode::NoObjective)
    {
        out.push(Pitfall {
            code: PitfallCode::NoObjective,
            objective_ids: Vec::new(),
        });
    }
    let vanity: Vec<String> = warnings
        .iter()
        .filter(|w| w.code == guidance::WarningCode::VanityOnly)
        .filter_map(|w| w.objective_id.clone())
        .collect();
    if !vanity.is_empty() {
        out.push(Pitfall {
            code: PitfallCode::VanityMetricsOnly,
            objective_ids: vanity,
        });
    }
    out
}

/// The whole overview, read in one go.
pub fn overview(conn: &Connection) -> Result<PlanOverview> {
    let objectives = super::list(conn)?;
    let personas = personas::list(conn)?;
    let today = super::today(conn)?;
    let mut steps = vec![objectives_step(&objectives), personas_step(&personas)];
    let later = later_state(conn, today)?;
    steps.extend(later.steps);
    let mut all_pitfalls = pitfalls(&objectives, today);
    all_pitfalls.extend(later.pitfalls);
    Ok(PlanOverview {
        steps,
        pitfalls: all_pitfalls,
    })
}
