// The app's IPC commands. Included by build.rs (AppManifest: one `allow-<name>` permission
// each) and by the shell's tests, which check the capability and the handler against it.
pub const COMMANDS: &[&str] = &[
    "get_app_info",
    "get_system_defaults",
    "list_time_zones",
    "get_workspace",
    "save_workspace",
    "load_sample_workspace",
    "backup_now",
    "restore_from_backup",
    "list_platforms",
    "recommend_platforms",
    "get_platform_setup",
    "save_platform_wizard_answers",
    "set_active_platforms",
    "get_account_design",
    "save_account_design",
];
