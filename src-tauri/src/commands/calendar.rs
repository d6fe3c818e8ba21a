//! The content calendar: posts in a date range, the backlog, moves, editing and the
//! approval flow, pillars, the mix gauge and the events lane.

use plotline_core::calendar::{
    self, events, series, CalendarItem, EventsLane, MoveInput, MoveOutcome,
};
use plotline_core::content::mix::{self, MixStats};
use plotline_core::content::posts::{self, Post, PostInput};
use plotline_core::content::team::{self, ApprovalStep};
use plotline_core::content::workflow::{self, TransitionInput};
use plotline_core::content::{pillars, risk, utm, Pillar, PillarInput};
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

/// The risk-word warnings of a post and which ones were acknowledged.
#[tauri::command]
#[specta::specta]
pub async fn post_risk_review(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<workflow::RiskReview>, IpcError> {
    state
        .run(move |s| s.read(|c| workflow::risk_review(c, &id)))
        .await
}

/// A reviewer accepts one risk warning's wording (safe to repeat).
#[tauri::command]
#[specta::specta]
pub async fn acknowledge_risk(
    state: State<'_, AppState>,
    input: workflow::AcknowledgeInput,
) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| workflow::acknowledge_risk(tx, &input)))
        .await
}

/// A team member signs off one approval step of a post in review (safe to repeat).
#[tauri::command]
#[specta::specta]
pub async fn sign_off_post(
    state: State<'_, AppState>,
    id: String,
    step: ApprovalStep,
    member_id: String,
) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| workflow::sign_off(tx, &id, step, &member_id)))
        .await
}

/// Who moved the post through the flow, when and why.
#[tauri::command]
#[specta::specta]
pub async fn post_history(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<workflow::HistoryEntry>, IpcError> {
    state
        .run(move |s| s.read(|c| workflow::history(c, &id)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn post_comments(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<workflow::Comment>, IpcError> {
    state
        .run(move |s| s.read(|c| workflow::comments(c, &id)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_post_comment(
    state: State<'_, AppState>,
    id: String,
    author_id: Option<String>,
    body: String,
) -> Result<workflow::Comment, IpcError> {
    state
        .run(move |s| s.write(|tx| workflow::add_comment(tx, &id, author_id.as_deref(), &body)))
        .await
}

/// Team members and which approval steps are required.
#[tauri::command]
#[specta::specta]
pub async fn get_team(state: State<'_, AppState>) -> Result<TeamSettings, IpcError> {
    state
        .run(|s| {
            s.read(|c| {
                Ok(TeamSettings {
                    members: team::list_members(c)?,
                    steps: team::step_settings(c)?,
                })
            })
        })
        .await
}

#[derive(serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TeamSettings {
    pub members: Vec<team::TeamMember>,
    pub steps: Vec<team::StepSetting>,
}

/// A link with utm_source/medium/campaign/content added (query and fragment kept).
#[tauri::command]
#[specta::specta]
pub async fn build_utm_link(input: utm::UtmInput) -> Result<String, IpcError> {
    utm::utm_link(&input).map_err(IpcError::from)
}

/// Weeks in [from, to] (dates) where a platform has fewer posts than its cadence.
#[tauri::command]
#[specta::specta]
pub async fn cadence_gaps(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<Vec<mix::Gap>, IpcError> {
    state
        .run(move |s| {
            let date = |field: &str, v: &str| {
                chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").map_err(|_| {
                    plotline_core::Error::field(field, "Use a date such as 2026-12-31.")
                })
            };
            let (from, to) = (date("from", &from)?, date("to", &to)?);
            s.read(|c| mix::gaps(c, from, to))
        })
        .await
}

/// Create a weekly or monthly series of posts (bounded; one transaction).
#[tauri::command]
#[specta::specta]
pub async fn create_series(
    state: State<'_, AppState>,
    input: series::SeriesInput,
) -> Result<series::SeriesCreated, IpcError> {
    state
        .run(move |s| s.write(|tx| series::create_series(tx, &input)))
        .await
}

/// Apply an edit to every occurrence still following the series.
#[tauri::command]
#[specta::specta]
pub async fn update_series(
    state: State<'_, AppState>,
    series_id: String,
    template: PostInput,
) -> Result<Vec<Post>, IpcError> {
    state
        .run(move |s| s.write(|tx| series::update_series(tx, &series_id, &template)))
        .await
}

/// Leave one date out of a series.
#[tauri::command]
#[specta::specta]
pub async fn skip_series_occurrence(
    state: State<'_, AppState>,
    series_id: String,
    date: String,
) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| series::skip_occurrence(tx, &series_id, &date)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_event(
    state: State<'_, AppState>,
    input: calendar::EventInput,
) -> Result<calendar::Event, IpcError> {
    state
        .run(move |s| s.write(|tx| events::create_event(tx, &input)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_post(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| posts::delete(tx, &id)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_pillar(
    state: State<'_, AppState>,
    input: PillarInput,
) -> Result<Pillar, IpcError> {
    state
        .run(move |s| s.write(|tx| pillars::create(tx, &input)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_pillar(
    state: State<'_, AppState>,
    id: String,
    input: PillarInput,
) -> Result<Pillar, IpcError> {
    state
        .run(move |s| s.write(|tx| pillars::update(tx, &id, &input)))
        .await
}

/// Delete a pillar; its posts stay, without a pillar.
#[tauri::command]
#[specta::specta]
pub async fn delete_pillar(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| pillars::delete(tx, &id)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_cadences(state: State<'_, AppState>) -> Result<Vec<mix::Cadence>, IpcError> {
    state.run(|s| s.read(mix::cadences)).await
}

/// Set a platform's posts per week and preferred times (0 posts removes the plan).
#[tauri::command]
#[specta::specta]
pub async fn set_cadence(
    state: State<'_, AppState>,
    input: mix::Cadence,
) -> Result<Option<mix::Cadence>, IpcError> {
    state
        .run(move |s| s.write(|tx| mix::set_cadence(tx, &input)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_team_member(
    state: State<'_, AppState>,
    input: team::TeamMemberInput,
) -> Result<team::TeamMember, IpcError> {
    state
        .run(move |s| s.write(|tx| team::add_member(tx, &input)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn set_approval_step(
    state: State<'_, AppState>,
    step: ApprovalStep,
    required: bool,
) -> Result<Vec<team::StepSetting>, IpcError> {
    state
        .run(move |s| s.write(|tx| team::set_step_required(tx, step, required)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_competitors(
    state: State<'_, AppState>,
) -> Result<Vec<risk::RiskCompetitor>, IpcError> {
    state.run(|s| s.read(risk::list_competitors)).await
}

/// Add a competitor name to the risk check's list.
#[tauri::command]
#[specta::specta]
pub async fn add_competitor(
    state: State<'_, AppState>,
    name: String,
) -> Result<risk::RiskCompetitor, IpcError> {
    state
        .run(move |s| s.write(|tx| risk::add_competitor(tx, &name)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_competitor(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| risk::remove_competitor(tx, &id)))
        .await
}

/// A post's links with UTM tags, per platform it is planned on.
#[tauri::command]
#[specta::specta]
pub async fn post_tracked_links(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<utm::TrackedLink>, IpcError> {
    state
        .run(move |s| s.read(|c| utm::post_links(c, &id)))
        .await
}

/// Week-by-week mix over [from, to] (dates), for per-week warnings on the calendar.
#[tauri::command]
#[specta::specta]
pub async fn get_weekly_mix(
    state: State<'_, AppState>,
    from: String,
    to: String,
    platform: Option<String>,
) -> Result<Vec<mix::WeekMix>, IpcError> {
    state
        .run(move |s| {
            let date = |field: &str, v: &str| {
                chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").map_err(|_| {
                    plotline_core::Error::field(field, "Use a date such as 2026-12-31.")
                })
            };
            let (from, to) = (date("from", &from)?, date("to", &to)?);
            s.read(|c| mix::weekly_mix(c, from, to, platform.as_deref()))
        })
        .await
}

// ---- post editor, events and series (issue 6, second part) ----

/// Live platform checks of the editor's unsaved form (length, hashtags, links, media).
#[tauri::command]
#[specta::specta]
pub async fn check_post_draft(
    input: plotline_core::content::checks::DraftCheckInput,
) -> Result<Vec<plotline_core::content::checks::VariantCheck>, IpcError> {
    Ok(plotline_core::content::checks::check_draft(&input))
}

#[tauri::command]
#[specta::specta]
pub async fn update_event(
    state: State<'_, AppState>,
    id: String,
    input: calendar::EventInput,
) -> Result<calendar::Event, IpcError> {
    state
        .run(move |s| s.write(|tx| events::update_event(tx, &id, &input)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_event(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| events::delete_event(tx, &id)))
        .await
}

/// Delete a series and its unpublished occurrences (published ones stay as history).
#[tauri::command]
#[specta::specta]
pub async fn delete_series(state: State<'_, AppState>, series_id: String) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| series::delete_series(tx, &series_id)))
        .await
}

/// "Skip this occurrence": leave the post's date out of its series and delete it.
#[tauri::command]
#[specta::specta]
pub async fn skip_post_occurrence(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| series::skip_post(tx, &id)))
        .await
}

/// The incident playbook's contacts, in step order.
#[tauri::command]
#[specta::specta]
pub async fn list_incident_contacts(
    state: State<'_, AppState>,
) -> Result<Vec<plotline_core::incident::IncidentContact>, IpcError> {
    state.run(|s| s.read(plotline_core::incident::list)).await
}

/// Add (`id` = null) or change a playbook contact.
#[tauri::command]
#[specta::specta]
pub async fn save_incident_contact(
    state: State<'_, AppState>,
    id: Option<String>,
    input: plotline_core::incident::IncidentContactInput,
) -> Result<plotline_core::incident::IncidentContact, IpcError> {
    state
        .run(move |s| s.write(|tx| plotline_core::incident::save(tx, id.as_deref(), &input)))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_incident_contact(
    state: State<'_, AppState>,
    id: String,
) -> Result<(), IpcError> {
    state
        .run(move |s| s.write(|tx| plotline_core::incident::delete(tx, &id)))
        .await
}

/// Each approval step of a post: required or not, who signed it off and when.
#[tauri::command]
#[specta::specta]
pub async fn post_sign_offs(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<workflow::SignOffState>, IpcError> {
    state
        .run(move |s| s.read(|c| workflow::sign_offs(c, &id)))
        .await
}

/// Turn an existing scheduled post into the first occurrence of a new weekly or monthly
/// series that ends after a count of posts or on a date (one transaction).
#[tauri::command]
#[specta::specta]
pub async fn start_series_from_post(
    state: State<'_, AppState>,
    post_id: String,
    rule: series::SeriesRule,
) -> Result<series::SeriesCreated, IpcError> {
    state
        .run(move |s| s.write(|tx| series::start_series_from_post(tx, &post_id, &rule)))
        .await
}
