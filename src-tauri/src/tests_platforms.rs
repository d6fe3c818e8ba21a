//! Shell IPC tests for the platforms commands (real config and ACL, mock runtime).
#![allow(clippy::unwrap_used)]

use std::path::Path;

use plotline_core::DataDir;
use serde_json::json;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

use crate::state::AppState;

type Mock = tauri::test::MockRuntime;

fn app(data: &Path) -> App<Mock> {
    mock_builder()
        .manage(AppState::open(Ok(DataDir::at(data))))
        .invoke_handler(crate::specta_builder::<Mock>().invoke_handler())
        .build(tauri::generate_context!())
        .unwrap()
}

fn main_window(app: &App<Mock>) -> WebviewWindow<Mock> {
    WebviewWindowBuilder::new(app, "main", Default::default())
        .build()
        .unwrap()
}

fn invoke(
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

fn answers(hours: f64) -> serde_json::Value {
    json!({
        "audience": { "personas": [], "ageGroups": ["under25", "age25to34"], "market": "b2c",
                      "region": "japan", "localBusiness": true },
        "goals": ["awareness"],
        "competitors": [],
        "capacity": { "hoursPerWeek": hours, "whoPosts": "owner", "shortVideo": false,
                      "photos": true, "longForm": false }
    })
}

#[test]
fn catalogue_and_recommendation_over_ipc() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let main = main_window(&app);
    let cat = invoke(&main, "list_platforms", json!({})).unwrap();
    assert_eq!(cat["platforms"].as_array().unwrap().len(), 12);
    assert_eq!(cat["platforms"][0]["id"], "instagram");
    let r = invoke(
        &main,
        "recommend_platforms",
        json!({ "answers": answers(1.0) }),
    )
    .unwrap();
    assert_eq!(r["recommended"].as_array().unwrap().len(), 1);
    assert_eq!(r["model"]["factors"][0]["factor"], "audience");
    let bad = invoke(
        &main,
        "recommend_platforms",
        json!({ "answers": answers(-3.0) }),
    )
    .unwrap_err();
    assert_eq!(bad["field"], "hoursPerWeek", "{bad}");
}

#[test]
fn choosing_platforms_and_designing_an_account_over_ipc() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let main = main_window(&app);
    let empty = invoke(&main, "get_platform_setup", json!({})).unwrap();
    assert_eq!(empty["active"], json!([]));
    assert_eq!(empty["wizardAnswers"], serde_json::Value::Null);

    invoke(
        &main,
        "save_platform_wizard_answers",
        json!({ "answers": answers(3.0) }),
    )
    .unwrap();
    let ids = json!({ "platformIds": ["instagram", "google_business_profile"] });
    let setup = invoke(&main, "set_active_platforms", ids).unwrap();
    assert_eq!(setup["active"][1]["platformId"], "google_business_profile");
    assert_eq!(setup["wizardAnswers"]["capacity"]["hoursPerWeek"], 3.0);
    assert_eq!(setup["warning"], serde_json::Value::Null);

    let many = json!({ "platformIds": ["instagram", "x", "tiktok", "facebook"] });
    let setup = invoke(&main, "set_active_platforms", many).unwrap();
    assert!(setup["warning"]["en"]
        .as_str()
        .unwrap()
        .contains("Too many platforms"));

    let design = json!({ "input": {
        "platformId": "instagram", "concept": "Fresh bread for busy mornings, told warmly.",
        "toneWords": ["warm"], "dos": [], "donts": [], "emojiUse": "light", "samplePhrases": [],
        "bio": "Bakery", "handle": "@komorebi", "link": "", "checklistDone": ["profile"],
        "pinnedPost": ""
    }});
    let saved = invoke(&main, "save_account_design", design).unwrap();
    assert_eq!(saved["design"]["handle"], "komorebi");
    assert_eq!(saved["bioCheck"]["limit"], 150);
    assert!(saved["completeness"].as_u64().unwrap() > 0);
    let read = invoke(
        &main,
        "get_account_design",
        json!({ "platformId": "instagram" }),
    )
    .unwrap();
    assert_eq!(read, saved);

    let long_bio = json!({ "input": {
        "platformId": "instagram", "concept": "", "toneWords": [], "dos": [], "donts": [],
        "emojiUse": "none", "samplePhrases": [], "bio": "b".repeat(151), "handle": "",
        "link": "", "checklistDone": [], "pinnedPost": ""
    }});
    let err = invoke(&main, "save_account_design", long_bio).unwrap_err();
    assert_eq!(err["field"], "bio", "{err}");
}
