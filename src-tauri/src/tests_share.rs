//! Share commands over IPC (mock runtime, real config and ACL): exports through the save
//! dialog or an explicit test path, and the two-step imports.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use plotline_core::DataDir;
use serde_json::json;
use tauri::App;

use crate::state::AppState;
use crate::tests::{invoke, window};

type Mock = tauri::test::MockRuntime;

struct Picks(Option<PathBuf>);

impl crate::dialogs::PathPicker for Picks {
    fn save(&self, _: &str, _: (&str, &str)) -> Option<PathBuf> {
        self.0.clone()
    }
    fn open(&self, _: (&str, &str)) -> Option<PathBuf> {
        self.0.clone()
    }
}

fn app(data: &Path, pick: Option<PathBuf>) -> App<Mock> {
    tauri::test::mock_builder()
        .manage(AppState::open(Ok(DataDir::at(data))))
        .manage(crate::dialogs::FilePicker(std::sync::Arc::new(Picks(pick))))
        .manage(crate::commands::share::PendingImports::default())
        .invoke_handler(crate::specta_builder::<Mock>().invoke_handler())
        .build(tauri::generate_context!())
        .unwrap()
}

fn options() -> serde_json::Value {
    json!({ "from": null, "to": null, "platforms": [], "statuses": [], "includeEvents": true })
}

#[test]
fn exports_go_through_the_save_dialog_or_a_test_path_and_cancel_returns_null() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("picked.ics");
    let app = app(&t.path().join("data"), Some(out.clone()));
    let w = window(&app, "main");
    invoke(&w, "load_sample_workspace", json!({ "language": "ja" })).unwrap();

    let s = invoke(
        &w,
        "export_ics",
        json!({ "options": options(), "path": null }),
    )
    .unwrap();
    assert_eq!(s["path"], out.display().to_string());
    assert!(s["posts"].as_u64().unwrap() > 10);
    let ics = std::fs::read_to_string(&out).unwrap();
    assert!(ics.contains("BEGIN:VEVENT") && ics.contains("TZID=Asia/Tokyo"));

    let csv = t.path().join("hoot.csv");
    let s = invoke(
        &w,
        "export_csv",
        json!({ "options": { "from": null, "to": null, "platforms": ["instagram"], "statuses": [], "includeEvents": false },
                "format": "hootsuite", "path": csv.display().to_string() }),
    )
    .unwrap();
    assert!(s["rows"].as_u64().unwrap() > 0);
    assert!(!std::fs::read_to_string(&csv).unwrap().starts_with("Date"));

    let html = invoke(
        &w,
        "print_calendar_html",
        json!({ "options": options(), "layout": "month" }),
    )
    .unwrap();
    assert!(
        html.as_str().unwrap().contains("こもれび") || html.as_str().unwrap().contains("Komorebi")
    );

    let err = invoke(
        &w,
        "export_ics",
        json!({ "options": { "from": "2026-05-02", "to": "2026-05-01", "platforms": [], "statuses": [], "includeEvents": false }, "path": null }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "to");

    let empty = invoke(
        &w,
        "export_ics",
        json!({ "options": { "from": "2001-01-01", "to": "2001-01-02", "platforms": [], "statuses": [], "includeEvents": false }, "path": null }),
    )
    .unwrap_err();
    assert!(empty["message"]
        .as_str()
        .unwrap()
        .contains("No posts match"));

    let cancelled = app_cancel(&t.path().join("data2"));
    let w2 = window(&cancelled, "main");
    invoke(&w2, "load_sample_workspace", json!({ "language": "en" })).unwrap();
    let none = invoke(&w2, "export_bundle", json!({ "path": null })).unwrap();
    assert!(none.is_null());
}

fn app_cancel(data: &Path) -> App<Mock> {
    app(data, None)
}

#[test]
fn a_bundle_is_previewed_then_imported_into_another_data_folder() {
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("plan.plotline");
    let a = app(&t.path().join("a"), None);
    let wa = window(&a, "main");
    invoke(&wa, "load_sample_workspace", json!({ "language": "en" })).unwrap();
    let s = invoke(
        &wa,
        "export_bundle",
        json!({ "path": file.display().to_string() }),
    )
    .unwrap();
    assert!(s["tables"]["posts"].as_u64().unwrap() > 10);

    let b = app(&t.path().join("b"), Some(file.clone()));
    let wb = window(&b, "main");
    let early = invoke(&wb, "apply_bundle_import", json!({ "choices": [] })).unwrap_err();
    assert_eq!(early["kind"], "conflict");
    let p = invoke(&wb, "preview_bundle_import", json!({ "path": null })).unwrap();
    assert_eq!(p["fileName"], "plan.plotline");
    assert_eq!(p["preview"]["emptyWorkspace"], true);
    assert!(
        invoke(&wb, "get_workspace", json!({})).unwrap().is_null(),
        "preview wrote nothing"
    );
    let r = invoke(&wb, "apply_bundle_import", json!({ "choices": [] })).unwrap();
    assert!(r["added"].as_u64().unwrap() > 50);
    assert_eq!(
        invoke(&wb, "get_workspace", json!({})).unwrap()["name"],
        "Komorebi Bakery"
    );
}

#[test]
fn csv_and_ics_imports_preview_first_and_apply_the_same_file() {
    let t = tempfile::tempdir().unwrap();
    let csv = t.path().join("buffer.csv");
    std::fs::write(
        &csv,
        "Text,Image URL,Tags,Posting Time\nHello,,,2026-05-02 10:30\n",
    )
    .unwrap();
    let ics = t.path().join("holidays.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20261224\r\nSUMMARY:Market\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let a = app(&t.path().join("a"), None);
    let w = window(&a, "main");
    invoke(&w, "save_workspace", crate::tests::cafe()).unwrap();
    let p = invoke(
        &w,
        "preview_csv_import",
        json!({ "path": csv.display().to_string() }),
    )
    .unwrap();
    assert_eq!(p["preview"]["format"], "buffer");
    assert_eq!(p["preview"]["posts"].as_array().unwrap().len(), 1);
    let r = invoke(&w, "apply_csv_import", json!({})).unwrap();
    assert_eq!(r["posts"][0]["scheduledLocal"], "2026-05-02T10:30");
    let p = invoke(
        &w,
        "preview_ics_import",
        json!({ "path": ics.display().to_string() }),
    )
    .unwrap();
    assert_eq!(p["preview"]["added"], 1);
    let r = invoke(&w, "apply_ics_import", json!({})).unwrap();
    assert_eq!(r["events"][0]["startsOn"], "2026-12-24");
}

/// Hand-off in a Japanese workspace: Due today names the platforms in Japanese (the catalogue's
/// names), and once the post is marked published, `get_post` carries its live URL.
#[test]
fn due_posts_speak_the_workspace_language_and_posts_carry_their_live_url() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path(), None);
    let w = window(&app, "main");
    invoke(&w, "load_sample_workspace", json!({ "language": "ja" })).unwrap();
    let id = crate::tests::sample_post_due_an_hour_ago(&w);
    let id = id.as_str();

    let due = invoke(&w, "due_posts", json!({})).unwrap();
    let mine = due
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["postId"] == id)
        .unwrap_or_else(|| panic!("{id} not in {due}"));
    let variants = mine["variants"].as_array().unwrap();
    assert!(!variants.is_empty());
    for v in variants {
        let platform = v["platform"].as_str().unwrap();
        let want = plotline_core::platforms::find(platform)
            .unwrap()
            .names
            .ja
            .clone();
        assert_eq!(v["platformName"], want.as_str(), "{v}");
        if platform == "line_official_account" {
            assert_eq!(want, "LINE公式アカウント");
        }
    }

    let before = invoke(&w, "get_post", json!({ "id": id })).unwrap();
    assert_eq!(before["publication"], serde_json::Value::Null);
    let url = "https://www.instagram.com/p/komorebi-ja/";
    let marked = invoke(
        &w,
        "mark_post_published",
        json!({ "input": { "postId": id, "url": url } }),
    )
    .unwrap();
    assert_eq!(marked["status"], "published");
    assert_eq!(marked["publication"]["url"], url);
    let after = invoke(&w, "get_post", json!({ "id": id })).unwrap();
    assert_eq!(after["publication"]["url"], url);
    assert_eq!(after["publication"]["postId"], id);
}
