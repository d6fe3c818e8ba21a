//! Shell tests: IPC through Tauri's mock runtime with the real config and ACL, the
//! security configuration (R1, R2), and the generated bindings staying in sync.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use plotline_core::DataDir;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

use crate::commands::names::COMMANDS;
use crate::state::AppState;

pub(crate) type Mock = tauri::test::MockRuntime;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Answers file dialogs like a user who picks `path` (or cancels when `None`).
struct FakeDialogs(std::sync::Mutex<Option<PathBuf>>);

impl crate::dialogs::PathPicker for FakeDialogs {
    fn save(&self, _: &str, _: (&str, &str)) -> Option<PathBuf> {
        self.0.lock().unwrap().clone()
    }
    fn open(&self, _: (&str, &str)) -> Option<PathBuf> {
        self.0.lock().unwrap().clone()
    }
}

pub(crate) fn app(data: &Path) -> App<Mock> {
    app_with_dialog(data, None)
}

pub(crate) fn app_with_dialog(data: &Path, pick: Option<PathBuf>) -> App<Mock> {
    mock_builder()
        .manage(AppState::open(Ok(DataDir::at(data))))
        .manage(crate::dialogs::FilePicker(std::sync::Arc::new(
            FakeDialogs(std::sync::Mutex::new(pick)),
        )))
        .invoke_handler(crate::specta_builder::<Mock>().invoke_handler())
        .build(tauri::generate_context!())
        .unwrap()
}

pub(crate) fn window(app: &App<Mock>, label: &str) -> WebviewWindow<Mock> {
    WebviewWindowBuilder::new(app, label, Default::default())
        .build()
        .unwrap()
}

pub(crate) fn invoke(
    w: &WebviewWindow<Mock>,
    cmd: &str,
    body: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<serde_json::Value>().unwrap())
}

/// Move a scheduled sample post to an hour ago (the sample bakery is in Tokyo, UTC+9), so
/// Due today lists it as due now; returns its id.
pub(crate) fn sample_post_due_an_hour_ago(w: &WebviewWindow<Mock>) -> String {
    let today = chrono::Utc::now().date_naive();
    let items = invoke(
        w,
        "calendar_range",
        serde_json::json!({ "from": today.to_string(), "to": (today + chrono::Duration::days(8)).to_string() }),
    )
    .unwrap();
    let id = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["status"] == "scheduled")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let an_hour_ago = (chrono::Utc::now() + chrono::Duration::hours(8))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    invoke(
        w,
        "move_post",
        serde_json::json!({ "input": { "postId": id, "to": an_hour_ago } }),
    )
    .unwrap();
    id
}

pub(crate) fn cafe() -> serde_json::Value {
    serde_json::json!({ "input": {
        "name": "Blue Door Café", "industry": "cafe_restaurant", "audience": "b2c",
        "timeZone": "Europe/Lisbon", "language": "en", "weekStart": "monday"
    }})
}

#[test]
fn main_window_can_set_up_a_business_over_ipc() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let main = window(&app, "main");
    assert_eq!(
        invoke(&main, "get_workspace", serde_json::json!({})).unwrap(),
        serde_json::Value::Null
    );
    let ws = invoke(&main, "save_workspace", cafe()).unwrap();
    assert_eq!(ws["name"], "Blue Door Café");
    // Repeating the same request is safe: still one workspace with the same data.
    invoke(&main, "save_workspace", cafe()).unwrap();
    let again = invoke(&main, "get_workspace", serde_json::json!({})).unwrap();
    assert_eq!(again["createdAt"], ws["createdAt"]);
    let info = invoke(&main, "get_app_info", serde_json::json!({})).unwrap();
    assert_eq!(info["schemaVersion"], plotline_core::db::latest_version());
}

#[test]
fn backup_and_restore_go_through_the_picked_file() {
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("picked.plotline-backup");
    let app = app_with_dialog(&t.path().join("data"), Some(file.clone()));
    let main = window(&app, "main");
    invoke(&main, "save_workspace", cafe()).unwrap();
    let rep = invoke(&main, "backup_now", serde_json::json!({})).unwrap();
    assert_eq!(rep["path"], file.display().to_string());
    assert!(file.is_file());
    let mut renamed = cafe();
    renamed["input"]["name"] = "Changed".into();
    invoke(&main, "save_workspace", renamed).unwrap();
    let rep = invoke(&main, "restore_from_backup", serde_json::json!({})).unwrap();
    assert!(rep["safetyBackup"]
        .as_str()
        .unwrap()
        .contains("before-restore"));
    let ws = invoke(&main, "get_workspace", serde_json::json!({})).unwrap();
    assert_eq!(ws["name"], "Blue Door Café");
}

#[test]
fn cancelling_the_dialog_changes_nothing() {
    let t = tempfile::tempdir().unwrap();
    let app = app_with_dialog(t.path(), None);
    let main = window(&app, "main");
    invoke(&main, "save_workspace", cafe()).unwrap();
    assert_eq!(
        invoke(&main, "backup_now", serde_json::json!({})).unwrap(),
        serde_json::Value::Null
    );
    assert_eq!(
        invoke(&main, "restore_from_backup", serde_json::json!({})).unwrap(),
        serde_json::Value::Null
    );
    assert_eq!(
        invoke(&main, "get_workspace", serde_json::json!({})).unwrap()["name"],
        "Blue Door Café"
    );
}

#[test]
fn errors_cross_ipc_as_kind_and_message() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let main = window(&app, "main");
    let mut bad = cafe();
    bad["input"]["name"] = "  ".into();
    let err = invoke(&main, "save_workspace", bad).unwrap_err();
    assert_eq!(err["kind"], "invalid");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("Enter your business name"));
    assert_eq!(
        err["field"], "name",
        "the form shows it next to the name field"
    );

    invoke(&main, "save_workspace", cafe()).unwrap();
    let err = invoke(
        &main,
        "load_sample_workspace",
        serde_json::json!({"language": "en"}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "conflict");
}

#[test]
fn a_store_that_cannot_open_explains_itself_on_every_command() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(
        t.path().join("plotline.db"),
        b"not a database at all".repeat(100),
    )
    .unwrap();
    let app = app(t.path());
    let main = window(&app, "main");
    let err = invoke(&main, "get_workspace", serde_json::json!({})).unwrap_err();
    assert_eq!(err["kind"], "corrupt");
}

#[test]
fn a_second_app_on_the_same_data_folder_is_told_plotline_is_already_open() {
    let t = tempfile::tempdir().unwrap();
    let first = app(t.path());
    let _w1 = window(&first, "main");
    let second = app(t.path());
    let w2 = window(&second, "main");
    let err = invoke(&w2, "get_workspace", serde_json::json!({})).unwrap_err();
    assert_eq!(err["kind"], "conflict");
    assert!(err["message"].as_str().unwrap().contains("already open"));
}

#[test]
fn the_store_opens_on_retry_once_the_other_window_has_closed() {
    let t = tempfile::tempdir().unwrap();
    let dir = DataDir::at(t.path());
    let other_window = dir.lock().unwrap();
    let state = AppState::open(Ok(dir.clone()));
    let err = state
        .store()
        .err()
        .expect("the folder is held by another window");
    assert_eq!(err.kind, plotline_core::ErrorKind::Conflict);
    drop(other_window);
    let store = state.store().expect("free again: Retry works");
    assert!(store.read(plotline_core::workspace::get).unwrap().is_none());
}

#[test]
fn a_window_other_than_main_is_refused_by_the_acl() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let _main = window(&app, "main");
    let other = window(&app, "other");
    for cmd in ["get_workspace", "get_app_info", "save_workspace"] {
        let err = invoke(&other, cmd, cafe()).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("not allowed") || msg.contains("denied"),
            "{cmd}: {msg}"
        );
    }
    // Nothing was written by the refused save.
    let main = app.get_webview_window("main").unwrap();
    assert_eq!(
        invoke(&main, "get_workspace", serde_json::json!({})).unwrap(),
        serde_json::Value::Null
    );
}

use tauri::Manager;

#[test]
fn capability_grants_exactly_the_app_commands_to_the_main_window() {
    let dir = root().join("src-tauri/capabilities");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(files.len(), 1, "one capability only");
    let cap: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(files[0].path()).unwrap()).unwrap();
    assert_eq!(cap["identifier"], "main");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(cap.get("remote").is_none(), "no remote URLs may use IPC");
    let granted: Vec<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .expect("plain permission identifiers")
                .to_string()
        })
        .collect();
    let expected: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert_eq!(
        granted, expected,
        "capability must list exactly the app commands"
    );
    for p in &granted {
        for banned in [
            "fs:", "shell:", "http:", "updater:", "dialog:", "core:", "process:",
        ] {
            assert!(!p.starts_with(banned), "{p} must not be granted");
        }
    }
}

#[test]
fn every_registered_command_is_in_the_app_manifest() {
    let specta = crate::specta_builder::<Mock>();
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("b.ts");
    specta.export(crate::bindings_exporter(), &out).unwrap();
    let ts = std::fs::read_to_string(out).unwrap();
    // Every generated call reads `__TAURI_INVOKE<T>("command_name", ...)`.
    let invoked: Vec<String> = ts
        .split("__TAURI_INVOKE")
        .skip(2) // the text before the first use, and the import line
        .map(|part| {
            part.split("(\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut a = invoked.clone();
    a.sort();
    let mut b: Vec<String> = COMMANDS.iter().map(|s| s.to_string()).collect();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn security_config_is_strict() {
    let conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tauri.conf.json")).unwrap())
            .unwrap();
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    let sec = &conf["app"]["security"];
    assert_eq!(sec["freezePrototype"], true);
    assert!(sec.get("dangerousDisableAssetCspModification").is_none());
    assert!(sec.get("devCsp").is_none(), "dev uses the same CSP");
    let csp = sec["csp"].as_object().unwrap();
    for (directive, value) in csp {
        let v = value.as_str().unwrap();
        assert!(
            !v.contains("http:")
                || v == "ipc: http://ipc.localhost"
                // Windows serves the plotline-media scheme (R3) from this local origin.
                || (directive == "img-src"
                    && v.split_whitespace().all(
                        |s| !s.starts_with("http") || s == "http://plotline-media.localhost"
                    )),
            "{directive}: {v}"
        );
        assert!(!v.contains("https:"), "{directive}: {v}");
        assert!(!v.contains('*'), "{directive}: {v}");
        assert!(!v.contains("unsafe-eval"), "{directive}: {v}");
    }
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    let windows = conf["app"]["windows"].as_array().unwrap();
    assert_eq!(windows.len(), 1);
    assert_eq!(windows[0]["label"], "main");
    assert_eq!(windows[0]["dragDropEnabled"], false);
    assert!(conf["plugins"].get("fs").is_none() && conf["plugins"].get("shell").is_none());
}

#[test]
fn no_file_shell_or_http_plugin_is_a_dependency_of_the_shell() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    for banned in [
        "tauri-plugin-fs",
        "tauri-plugin-shell",
        "tauri-plugin-http",
        "tauri-plugin-updater",
    ] {
        assert!(
            !manifest.contains(banned),
            "{banned} must not be a dependency"
        );
    }
}

#[test]
fn bindings_are_up_to_date() {
    let committed = root().join("ui/src/lib/bindings.ts");
    let t = tempfile::tempdir().unwrap();
    let fresh = t.path().join("bindings.ts");
    crate::specta_builder::<Mock>()
        .export(crate::bindings_exporter(), &fresh)
        .unwrap();
    let fresh = std::fs::read_to_string(fresh).unwrap();
    if std::env::var_os("PLOTLINE_WRITE_BINDINGS").is_some() {
        std::fs::write(&committed, &fresh).unwrap();
    }
    let current = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        current == fresh,
        "ui/src/lib/bindings.ts is out of date: run PLOTLINE_WRITE_BINDINGS=1 cargo test -p plotline --lib bindings"
    );
}
