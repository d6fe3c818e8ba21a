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

/// THE PLACE TO EXTEND: the links built by later features (platforms, pillars, calendar,
/// results). Each reports "not started" until its domain replaces its line here with a
/// real `PlanStep` computed from its own tables.
pub fn later_steps(_conn: &Connection) -> Result<Vec<PlanStep>> {
    Ok([
        ChainStep::Platforms,
        ChainStep::Pillars,
        ChainStep::Calendar,
        ChainStep::Results,
    ]
    .into_iter()
    .map(|step| PlanStep {
        step,
        status: StepStatus::NotStarted,
        count: 0,
        missing: Vec::new(),
    })
    .collect())
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
    steps.extend(later_steps(conn)?);
    Ok(PlanOverview {
        steps,
        pitfalls: pitfalls(&objectives, today),
    })
}
