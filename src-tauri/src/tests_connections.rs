//! Connections, CalDAV publishing and the hand-off over IPC, through Tauri's mock runtime with
//! the real config and ACL, against a real Radicale. The keychain is an in-memory stand-in here
//! (the real Secret Service is tested in core's tests/keychain.rs).
#![allow(clippy::unwrap_used)]

#[path = "../crates/core/tests/support/radicale.rs"]
mod radicale;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use plotline_core::secrets::{Secret, SecretRef, SecretStore};
use plotline_core::DataDir;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

use crate::state::AppState;

type Mock = tauri::test::MockRuntime;

#[derive(Default)]
struct TestKeychain(Mutex<HashMap<SecretRef, Secret>>);

impl SecretStore for TestKeychain {
    fn set(&self, key: &SecretRef, secret: &Secret) -> plotline_core::Result<()> {
        self.0.lock().unwrap().insert(key.clone(), secret.clone());
        Ok(())
    }
    fn get(&self, key: &SecretRef) -> plotline_core::Result<Option<Secret>> {
        Ok(self.0.lock().unwrap().get(key).cloned())
    }
    fn delete(&self, key: &SecretRef) -> plotline_core::Result<()> {
        self.0.lock().unwrap().remove(key);
        Ok(())
    }
}

/// No secure store reachable (as with no Secret Service running).
struct NoKeychain;

impl SecretStore for NoKeychain {
    fn set(&self, _: &SecretRef, _: &Secret) -> plotline_core::Result<()> {
        Err(plotline_core::Error::Keychain(
            "Plotline could not reach your system keychain (test). Nothing was stored.".into(),
        ))
    }
    fn get(&self, _: &SecretRef) -> plotline_core::Result<Option<Secret>> {
        Err(plotline_core::Error::Keychain(
            "Plotline could not reach your system keychain (test). Nothing was stored.".into(),
        ))
    }
    fn delete(&self, _: &SecretRef) -> plotline_core::Result<()> {
        Err(plotline_core::Error::Keychain("unreachable".into()))
    }
}

fn app(data: &Path, keychain: Arc<dyn SecretStore>) -> App<Mock> {
    mock_builder()
        .manage(AppState::open(Ok(DataDir::at(data))).with_secrets(keychain))
        .invoke_handler(crate::specta_builder::<Mock>().invoke_handler())
        .build(tauri::generate_context!())
        .unwrap()
}

fn main_window(app: &App<Mock>) -> WebviewWindow<Mock> {
    WebviewWindowBuilder::new(app, "main", Default::default())
        .build()
        .unwrap()
}

fn invoke(w: &WebviewWindow<Mock>, cmd: &str, body: Value) -> Result<Value, Value> {
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
    .map(|b| b.deserialize::<Value>().unwrap())
}

#[test]
fn add_test_publish_and_remove_a_caldav_connection_over_ipc() {
    let server = radicale::Radicale::start();
    server.make_calendar("/alice/plan/");
    let t = tempfile::tempdir().unwrap();
    let keychain = Arc::new(TestKeychain::default());
    let app = app(t.path(), keychain.clone());
    let w = main_window(&app);
    invoke(&w, "load_sample_workspace", json!({ "language": "en" })).unwrap();

    let status = invoke(&w, "secure_store_status", json!({})).unwrap();
    assert_eq!(status["available"], true);
    assert!(invoke(&w, "list_connections", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .is_empty());

    let input = |pw: &str| {
        json!({ "input": {
            "label": "Team calendar",
            "url": server.url("/alice/plan/"),
            "username": "alice",
            "password": pw,
        }})
    };
    // Test before saving: a wrong password is reported on the password field.
    let err = invoke(&w, "test_caldav_connection", input("nope")).unwrap_err();
    assert_eq!(err["field"], "password", "{err}");
    invoke(&w, "test_caldav_connection", input("wonderland")).unwrap();
    // A bad address is a field error and saves nothing.
    let err = invoke(
        &w,
        "add_caldav_connection",
        json!({ "input": { "label": "X", "url": "http://cal.example.com/x", "username": "a", "password": "b" }}),
    )
    .unwrap_err();
    assert_eq!(err["field"], "url");

    let saved = invoke(&w, "add_caldav_connection", input("wonderland")).unwrap();
    let id = saved["id"].as_str().unwrap().to_string();
    assert!(
        saved.get("password").is_none(),
        "the password never comes back"
    );
    assert_eq!(keychain.0.lock().unwrap().len(), 1);
    invoke(&w, "test_saved_connection", json!({ "id": id })).unwrap();

    let preview = invoke(
        &w,
        "publish_caldav",
        json!({ "connectionId": id, "dryRun": true }),
    )
    .unwrap();
    assert_eq!(preview["dryRun"], true);
    let planned = preview["created"].as_u64().unwrap();
    assert!(planned >= 30, "the sample plan has dated posts: {preview}");
    assert_eq!(preview["plan"].as_array().unwrap().len() as u64, planned);

    let done = invoke(
        &w,
        "publish_caldav",
        json!({ "connectionId": id, "dryRun": false }),
    )
    .unwrap();
    assert_eq!(done["created"], planned, "{done}");
    assert!(done["failures"].as_array().unwrap().is_empty(), "{done}");
    let listed = invoke(&w, "list_connections", json!({})).unwrap();
    assert_eq!(listed[0]["connection"]["id"], id.as_str());
    assert_eq!(listed[0]["lastRun"]["created"], planned);

    invoke(&w, "remove_connection", json!({ "id": id })).unwrap();
    assert!(
        keychain.0.lock().unwrap().is_empty(),
        "keychain entry deleted"
    );
    assert!(invoke(&w, "list_connections", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn without_a_secure_store_nothing_is_saved() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path(), Arc::new(NoKeychain));
    let w = main_window(&app);
    invoke(&w, "load_sample_workspace", json!({ "language": "en" })).unwrap();
    let status = invoke(&w, "secure_store_status", json!({})).unwrap();
    assert_eq!(status["available"], false);
    assert!(status["message"]
        .as_str()
        .unwrap()
        .contains("Nothing was stored"));
    let err = invoke(
        &w,
        "add_caldav_connection",
        json!({ "input": {
            "label": "Team", "url": "https://cal.example.com/dav/plan/",
            "username": "a", "password": "s3cret-marker" }}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "unsupported", "{err}");
    assert!(invoke(&w, "list_connections", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .is_empty());
    // The database does not hold the password either.
    for entry in std::fs::read_dir(t.path()).unwrap() {
        let p = entry.unwrap().path();
        if p.is_file() {
            let bytes = std::fs::read(&p).unwrap();
            assert!(!bytes.windows(13).any(|w| w == b"s3cret-marker"), "{p:?}");
        }
    }
}

#[test]
fn due_today_lists_an_overdue_post_and_mark_published_keeps_its_url() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path(), Arc::new(TestKeychain::default()));
    let w = main_window(&app);
    invoke(&w, "load_sample_workspace", json!({ "language": "en" })).unwrap();
    let id = crate::tests::sample_post_due_an_hour_ago(&w);
    let id = id.as_str();

    // The minute check announces it once: in the window that contains its time, not later.
    let now = chrono::Utc::now();
    let notices = crate::due_watch::check(app.handle(), now - chrono::Duration::hours(2), now);
    let notice = notices.iter().find(|n| n.post_id == id).unwrap();
    assert!(
        notice.title.starts_with("Time to post: "),
        "{}",
        notice.title
    );
    let later = crate::due_watch::check(app.handle(), now, now + chrono::Duration::minutes(1));
    assert!(later.iter().all(|n| n.post_id != id));

    let due = invoke(&w, "due_posts", json!({})).unwrap();
    let mine = due
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["postId"] == id)
        .unwrap_or_else(|| panic!("{id} not in {due}"));
    assert_eq!(mine["overdue"], true);
    assert!(!mine["variants"][0]["text"].as_str().unwrap().is_empty());

    let err = invoke(
        &w,
        "mark_post_published",
        json!({ "input": { "postId": id, "url": "not a link" } }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "url");
    let post = invoke(
        &w,
        "mark_post_published",
        json!({ "input": { "postId": id, "url": "https://www.instagram.com/p/abc/" } }),
    )
    .unwrap();
    assert_eq!(post["status"], "published");
    let due = invoke(&w, "due_posts", json!({})).unwrap();
    assert!(due.as_array().unwrap().iter().all(|d| d["postId"] != id));

    // Published posts are not announced.
    let notices = crate::due_watch::check(app.handle(), now - chrono::Duration::hours(2), now);
    assert!(
        notices.iter().all(|n| n.post_id != id),
        "published: no notice"
    );
}
