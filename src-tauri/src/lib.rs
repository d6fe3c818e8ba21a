//! The Plotline desktop shell: window, IPC commands and plugins. All logic lives in
//! `plotline-core`; every command here is a thin doorway into it.

pub mod commands;
pub mod dialogs;
pub mod due_watch;
#[cfg(debug_assertions)]
mod e2e_dialogs;
pub mod error;
pub mod media_scheme;
pub mod state;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_calendar;
#[cfg(test)]
mod tests_connections;
#[cfg(test)]
mod tests_media;
#[cfg(test)]
mod tests_platforms;
#[cfg(test)]
mod tests_results;
#[cfg(test)]
mod tests_share;
#[cfg(test)]
mod tests_strategy;

use plotline_core::DataDir;
use tauri::Manager;

use crate::state::AppState;

/// The typed command list; also the source of `ui/src/lib/bindings.ts`.
pub fn specta_builder<R: tauri::Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        // One TypeScript type per Rust type (no separate serialize/deserialize shapes).
        .disable_serde_phases()
        .commands(tauri_specta::collect_commands![
            commands::system::get_app_info,
            commands::system::get_system_defaults,
            commands::system::list_time_zones,
            commands::workspace::get_workspace,
            commands::workspace::save_workspace,
            commands::workspace::load_sample_workspace,
            commands::settings::backup_now,
            commands::settings::restore_from_backup,
            commands::calendar::calendar_range,
            commands::calendar::calendar_backlog,
            commands::calendar::move_post,
            commands::calendar::get_post,
            commands::calendar::create_post,
            commands::calendar::update_post,
            commands::calendar::duplicate_post,
            commands::calendar::transition_post,
            commands::calendar::list_pillars,
            commands::calendar::get_mix,
            commands::calendar::calendar_events,
            commands::calendar::post_risk_review,
            commands::calendar::acknowledge_risk,
            commands::calendar::sign_off_post,
            commands::calendar::post_history,
            commands::calendar::post_comments,
            commands::calendar::add_post_comment,
            commands::calendar::get_team,
            commands::calendar::build_utm_link,
            commands::calendar::cadence_gaps,
            commands::calendar::create_series,
            commands::calendar::update_series,
            commands::calendar::skip_series_occurrence,
            commands::calendar::create_event,
            commands::calendar::delete_post,
            commands::calendar::create_pillar,
            commands::calendar::update_pillar,
            commands::calendar::delete_pillar,
            commands::calendar::list_cadences,
            commands::calendar::set_cadence,
            commands::calendar::add_team_member,
            commands::calendar::set_approval_step,
            commands::calendar::list_competitors,
            commands::calendar::add_competitor,
            commands::calendar::remove_competitor,
            commands::calendar::post_tracked_links,
            commands::calendar::get_weekly_mix,
            commands::platforms::list_platforms,
            commands::platforms::recommend_platforms,
            commands::platforms::wizard_personas,
            commands::platforms::get_platform_setup,
            commands::platforms::save_platform_wizard_answers,
            commands::platforms::set_active_platforms,
            commands::platforms::get_account_design,
            commands::platforms::save_account_design,
            commands::strategy::list_objectives,
            commands::strategy::save_objective,
            commands::strategy::delete_objective,
            commands::strategy::reorder_objectives,
            commands::strategy::review_objective,
            commands::strategy::suggest_kpis,
            commands::strategy::kpi_catalogue,
            commands::strategy::list_personas,
            commands::strategy::save_persona,
            commands::strategy::duplicate_persona,
            commands::strategy::set_persona_archived,
            commands::strategy::delete_persona,
            commands::strategy::reorder_personas,
            commands::strategy::persona_from_template,
            commands::strategy::get_plan_overview,
            commands::connections::list_connections,
            commands::connections::secure_store_status,
            commands::connections::test_caldav_connection,
            commands::connections::add_caldav_connection,
            commands::connections::test_saved_connection,
            commands::connections::remove_connection,
            commands::connections::publish_caldav,
            commands::connections::due_posts,
            commands::connections::mark_post_published,
            commands::share::export_ics,
            commands::share::export_csv,
            commands::share::print_calendar_html,
            commands::share::export_print_calendar,
            commands::share::export_bundle,
            commands::share::preview_bundle_import,
            commands::share::apply_bundle_import,
            commands::share::preview_csv_import,
            commands::share::apply_csv_import,
            commands::share::preview_ics_import,
            commands::share::apply_ics_import,
            commands::calendar::check_post_draft,
            commands::calendar::update_event,
            commands::calendar::delete_event,
            commands::calendar::delete_series,
            commands::calendar::skip_post_occurrence,
            commands::calendar::list_incident_contacts,
            commands::calendar::save_incident_contact,
            commands::calendar::delete_incident_contact,
            commands::calendar::post_sign_offs,
            commands::results::results_summary,
            commands::results::results_entries,
            commands::results::record_post_metrics,
            commands::results::variant_snapshots,
            commands::results::save_account_metrics,
            commands::results::add_kpi_reading,
            commands::results::choose_results_file,
            commands::results::preview_results_import,
            commands::results::commit_results_import,
            commands::results::list_reviews,
            commands::results::save_review,
            commands::results::delete_review,
            commands::results::review_numbers,
            commands::media::list_media,
            commands::media::import_media,
            commands::media::update_media_details,
            commands::media::set_media_focal,
            commands::media::delete_media,
            commands::media::media_targets,
            commands::media::preview_media_variants,
            commands::media::export_media_variants,
            commands::media::post_media,
            commands::media::set_post_media,
            commands::media::export_post_images,
            commands::media::variant_media,
            commands::media::set_variant_media,
            commands::calendar::start_series_from_post,
        ])
}

/// Header of the generated bindings file.
pub const BINDINGS_HEADER: &str =
    "// GENERATED by `cargo test -p plotline bindings` from the Rust commands. Do not edit.\n// Regenerate with: PLOTLINE_WRITE_BINDINGS=1 cargo test -p plotline --lib bindings\n/* eslint-disable */";

/// The exporter used for `ui/src/lib/bindings.ts`.
pub fn bindings_exporter() -> specta_typescript::Typescript {
    specta_typescript::Typescript::default().header(BINDINGS_HEADER)
}

/// R5: avoid a blank window on NVIDIA + WebKitGTK; never overrides a user's own choice.
fn apply_linux_webview_guard() {
    #[cfg(target_os = "linux")]
    {
        const VAR: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
        let user = std::env::var_os(VAR);
        if plotline_core::system::should_disable_dmabuf(
            user.as_deref(),
            plotline_core::system::nvidia_driver_present(),
        ) {
            std::env::set_var(VAR, "1");
        }
    }
}

pub fn run() {
    apply_linux_webview_guard();
    let specta = specta_builder::<tauri::Wry>();
    let builder = media_scheme::register(tauri::Builder::default());
    builder
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            // A second launch focuses the window that is already open.
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        // Rust-side only (due_watch); the WebView capability grants no notification permission.
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            // After the single-instance plugin: a second launch has already handed over.
            app.manage(AppState::open(DataDir::resolve(None)));
            let dialogs = dialogs::NativeDialogs(app.handle().clone());
            due_watch::start(app.handle().clone());
            app.manage(commands::share::PendingImports::default());
            #[cfg(debug_assertions)]
            let picker: std::sync::Arc<dyn dialogs::PathPicker> =
                match e2e_dialogs::ScriptedDialogs::from_env(dialogs) {
                    Ok(scripted) => std::sync::Arc::new(scripted),
                    Err(native) => std::sync::Arc::new(native),
                };
            #[cfg(not(debug_assertions))]
            let picker: std::sync::Arc<dyn dialogs::PathPicker> = std::sync::Arc::new(dialogs);
            app.manage(dialogs::FilePicker(picker));
            Ok(())
        })
        .invoke_handler(specta.invoke_handler())
        .run(tauri::generate_context!())
        .expect("the Plotline window could not start");
}
