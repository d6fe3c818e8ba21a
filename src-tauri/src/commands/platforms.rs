use plotline_core::personas;
use plotline_core::platforms::recommend::{self, PersonaAnswer, Recommendation, WizardAnswers};
use plotline_core::platforms::setup::{self, AccountDesign, AccountDesignInput, PlatformSetup};
use plotline_core::platforms::{self, Catalog};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// The platform catalogue (the same for every workspace).
#[tauri::command]
#[specta::specta]
pub async fn list_platforms() -> Result<Catalog, IpcError> {
    Ok(platforms::catalog().clone())
}

/// Rank the platforms for the wizard's answers (nothing is saved).
#[tauri::command]
#[specta::specta]
pub async fn recommend_platforms(answers: WizardAnswers) -> Result<Recommendation, IpcError> {
    recommend::recommend(&answers).map_err(IpcError::from)
}

/// The wizard's audience step from the persona builder (archived personas left out).
#[tauri::command]
#[specta::specta]
pub async fn wizard_personas(state: State<'_, AppState>) -> Result<Vec<PersonaAnswer>, IpcError> {
    state
        .run(|s| Ok(recommend::personas_for_wizard(&s.read(personas::list)?)))
        .await
}

/// Active platforms, saved wizard answers and the "too many platforms" warning.
#[tauri::command]
#[specta::specta]
pub async fn get_platform_setup(state: State<'_, AppState>) -> Result<PlatformSetup, IpcError> {
    state.run(|s| s.read(setup::setup)).await
}

/// Keep the wizard's answers so a re-run starts from them.
#[tauri::command]
#[specta::specta]
pub async fn save_platform_wizard_answers(
    state: State<'_, AppState>,
    answers: WizardAnswers,
) -> Result<PlatformSetup, IpcError> {
    state
        .run(move |s| s.write(|tx| setup::save_wizard_answers(tx, &answers)))
        .await
}

/// Make these platforms (in this order) the workspace's active platforms.
#[tauri::command]
#[specta::specta]
pub async fn set_active_platforms(
    state: State<'_, AppState>,
    platform_ids: Vec<String>,
) -> Result<PlatformSetup, IpcError> {
    state
        .run(move |s| s.write(|tx| setup::set_active_platforms(tx, &platform_ids)))
        .await
}

/// The account design of one platform (empty when not started).
#[tauri::command]
#[specta::specta]
pub async fn get_account_design(
    state: State<'_, AppState>,
    platform_id: String,
) -> Result<AccountDesign, IpcError> {
    state
        .run(move |s| s.read(|c| setup::account_design(c, &platform_id)))
        .await
}

/// Save the account design of an active platform.
#[tauri::command]
#[specta::specta]
pub async fn save_account_design(
    state: State<'_, AppState>,
    input: AccountDesignInput,
) -> Result<AccountDesign, IpcError> {
    state
        .run(move |s| s.write(|tx| setup::save_account_design(tx, &input)))
        .await
}
