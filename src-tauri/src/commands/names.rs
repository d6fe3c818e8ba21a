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
    "calendar_range",
    "calendar_backlog",
    "move_post",
    "get_post",
    "create_post",
    "update_post",
    "duplicate_post",
    "transition_post",
    "list_pillars",
    "get_mix",
    "calendar_events",
];
