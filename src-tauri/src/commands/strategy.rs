//! Objectives, personas and the Plan overview: thin doorways into `plotline-core`.

use plotline_core::personas::templates::{self, IndustryTemplate};
use plotline_core::personas::{self, Persona, PersonaInput};
use plotline_core::strategy::catalogue::{self, MetricInfo};
use plotline_core::strategy::plan::{self, PlanOverview};
use plotline_core::strategy::{
    self, KpiInput, Objective, ObjectiveInput, ObjectiveKind, ObjectiveReview,
};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Every objective with its KSFs, KPIs and linked personas.
#[tauri::command]
#[specta::specta]
pub async fn list_objectives(state: State<'_, AppState>) -> Result<Vec<Objective>, IpcError> {
    state.run(|s| s.read(strategy::list)).await
}

/// Create (no id) or replace an objective with its KSFs, KPIs and persona links.
#[tauri::command]
#[specta::specta]
pub async fn save_objective(
    state: State<'_, AppState>,
    input: ObjectiveInput,
) -> Result<Objective, IpcError> {
    state
        .run(move |s| s.write(|tx| strategy::save(tx, &input)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_objective(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| strategy::delete(tx, &id)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn reorder_objectives(
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> Result<Vec<Objective>, IpcError> {
    state
        .run(move |s| s.write(|tx| strategy::reorder(tx, &ids)))
        .await
}

/// SMART check and warnings for the unsaved objective form (nothing is stored).
#[tauri::command]
#[specta::specta]
pub async fn review_objective(
    state: State<'_, AppState>,
    input: ObjectiveInput,
) -> Result<ObjectiveReview, IpcError> {
    state
        .run(move |s| s.read(|c| strategy::review_today(c, &input)))
        .await
}

/// Suggested KPIs for an objective kind, tuned to the workspace audience and language.
#[tauri::command]
#[specta::specta]
pub async fn suggest_kpis(
    state: State<'_, AppState>,
    kind: ObjectiveKind,
) -> Result<Vec<KpiInput>, IpcError> {
    state
        .run(move |s| s.read(|c| strategy::suggest_kpis(c, kind)))
        .await
}

/// The KPI metric catalogue (per funnel stage).
#[tauri::command]
#[specta::specta]
pub async fn kpi_catalogue() -> Result<Vec<MetricInfo>, IpcError> {
    Ok(catalogue::metrics().to_vec())
}

/// Every persona with evidence and linked objectives (archived last).
#[tauri::command]
#[specta::specta]
pub async fn list_personas(state: State<'_, AppState>) -> Result<Vec<Persona>, IpcError> {
    state.run(|s| s.read(personas::list)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_persona(
    state: State<'_, AppState>,
    input: PersonaInput,
) -> Result<Persona, IpcError> {
    state
        .run(move |s| s.write(|tx| personas::save(tx, &input)))
        .await
}

/// Copy a persona; `copySuffix` (e.g. " (copy)") is appended to its name.
#[tauri::command]
#[specta::specta]
pub async fn duplicate_persona(
    state: State<'_, AppState>,
    id: String,
    copy_suffix: String,
) -> Result<Persona, IpcError> {
    state
        .run(move |s| s.write(|tx| personas::duplicate(tx, &id, &copy_suffix)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn set_persona_archived(
    state: State<'_, AppState>,
    id: String,
    archived: bool,
) -> Result<Persona, IpcError> {
    state
        .run(move |s| s.write(|tx| personas::set_archived(tx, &id, archived)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_persona(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| personas::delete(tx, &id)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn reorder_personas(
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> Result<Vec<Persona>, IpcError> {
    state
        .run(move |s| s.write(|tx| personas::reorder(tx, &ids)))
        .await
}

/// An unsaved persona prefilled from an industry template (every fact an assumption).
#[tauri::command]
#[specta::specta]
pub async fn persona_from_template(
    state: State<'_, AppState>,
    template: IndustryTemplate,
) -> Result<PersonaInput, IpcError> {
    state
        .run(move |s| s.read(|c| templates::for_workspace(c, template)))
        .await
}

/// The chain at a glance: each link's state, what is missing, and pitfalls.
#[tauri::command]
#[specta::specta]
pub async fn get_plan_overview(state: State<'_, AppState>) -> Result<PlanOverview, IpcError> {
    state.run(|s| s.read(plan::overview)).await
}
