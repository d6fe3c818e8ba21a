//! The content calendar: posts in a date range, the backlog, moves, editing and the
//! approval flow, pillars, the mix gauge and the events lane.

use plotline_core::calendar::{self, CalendarItem, EventsLane, MoveInput, MoveOutcome};
use plotline_core::content::mix::{self, MixStats};
use plotline_core::content::posts::{self, Post, PostInput};
use plotline_core::content::workflow::{self, TransitionInput};
use plotline_core::content::{pillars, Pillar};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Posts scheduled in [from, to) (dates in the business's zone, or RFC 3339 instants).
#[tauri::command]
#[specta::specta]
pub async fn calendar_range(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<Vec<CalendarItem>, IpcError> {
    state
        .run(move |s| s.read(|c| calendar::range(c, &from, &to)))
        .await
}

/// Unscheduled ideas, newest first.
#[tauri::command]
#[specta::specta]
pub async fn calendar_backlog(state: State<'_, AppState>) -> Result<Vec<CalendarItem>, IpcError> {
    state.run(|s| s.read(calendar::backlog)).await
}

/// Reschedule or unschedule a post (one transaction; repeating it changes nothing).
#[tauri::command]
#[specta::specta]
pub async fn move_post(
    state: State<'_, AppState>,
    input: MoveInput,
) -> Result<MoveOutcome, IpcError> {
    state
        .run(move |s| s.write(|tx| calendar::move_post(tx, &input)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn get_post(state: State<'_, AppState>, id: String) -> Result<Post, IpcError> {
    state.run(move |s| s.read(|c| posts::get(c, &id))).await
}

#[tauri::command]
#[specta::specta]
pub async fn create_post(state: State<'_, AppState>, input: PostInput) -> Result<Post, IpcError> {
    state
        .run(move |s| s.write(|tx| posts::create(tx, &input, None)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_post(
    state: State<'_, AppState>,
    id: String,
    input: PostInput,
) -> Result<Post, IpcError> {
    state
        .run(move |s| s.write(|tx| posts::update(tx, &id, &input, None)))
        .await
}

/// Copy a post as a new draft, optionally at another time.
#[tauri::command]
#[specta::specta]
pub async fn duplicate_post(
    state: State<'_, AppState>,
    id: String,
    to: Option<String>,
) -> Result<Post, IpcError> {
    state
        .run(move |s| s.write(|tx| calendar::duplicate(tx, &id, to.as_deref())))
        .await
}

/// Move a post along the approval flow (illegal moves are refused with the reason).
#[tauri::command]
#[specta::specta]
pub async fn transition_post(
    state: State<'_, AppState>,
    input: TransitionInput,
) -> Result<Post, IpcError> {
    state
        .run(move |s| s.write(|tx| workflow::transition(tx, &input)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_pillars(state: State<'_, AppState>) -> Result<Vec<Pillar>, IpcError> {
    state.run(|s| s.read(pillars::list)).await
}

/// The 7-2-1 mix of [from, to), optionally for one platform.
#[tauri::command]
#[specta::specta]
pub async fn get_mix(
    state: State<'_, AppState>,
    from: String,
    to: String,
    platform: Option<String>,
) -> Result<MixStats, IpcError> {
    state
        .run(move |s| s.read(|c| mix::mix_for_range(c, &from, &to, platform.as_deref())))
        .await
}

/// The business's events and the public holidays of [from, to).
#[tauri::command]
#[specta::specta]
pub async fn calendar_events(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<EventsLane, IpcError> {
    state
        .run(move |s| s.read(|c| calendar::events_lane(c, &from, &to)))
        .await
}
