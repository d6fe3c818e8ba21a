//! IPC tests of the results commands: dashboard, quick entry, the import flow through the
//! Rust-side file dialog, and reviews, through the mock runtime with the real ACL.
#![allow(clippy::unwrap_used)]

use serde_json::json;

use crate::tests::{app, app_with_dialog, invoke, window};

#[test]
fn dashboard_quick_entry_and_reviews_over_ipc() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let main = window(&app, "main");
    invoke(&main, "load_sample_workspace", json!({ "language": "en" })).unwrap();

    let s = invoke(
        &main,
        "results_summary",
        json!({ "from": null, "to": null }),
    )
    .unwrap();
    assert_eq!(s["kpis"].as_array().unwrap().len(), 7);
    assert!(s["kpis"][0]["current"].is_number());
    assert_eq!(s["byPlatform"][0]["key"], "instagram");
    assert!(s["byPlatform"][0]["engagementRate"].is_number());
    assert!(!s["ranking"]["explanation"].as_str().unwrap().is_empty());

    let entries = invoke(
        &main,
        "results_entries",
        json!({ "from": null, "to": null }),
    )
    .unwrap();
    let first = entries[0].clone();
    let saved = invoke(
        &main,
        "record_post_metrics",
        json!({ "input": { "variantId": first["variantId"], "capturedOn": "",
            "metrics": { "impressions": 900, "reach": 700, "likes": 61, "comments": null,
              "shares": null, "saves": 9, "clicks": 4, "profileVisits": null, "videoViews": null,
              "conversions": null, "revenue": null }, "postUrl": null } }),
    )
    .unwrap();
    assert_eq!(saved["derived"]["engagement"], 70);
    assert_eq!(saved["derived"]["rateBase"], "reach");
    // The owner picks the day the numbers were read; a day to come is refused on its field.
    let future = invoke(
        &main,
        "record_post_metrics",
        json!({ "input": { "variantId": first["variantId"], "capturedOn": "2999-01-01",
            "metrics": { "impressions": 900, "reach": 700, "likes": 61, "comments": null,
              "shares": null, "saves": 9, "clicks": 4, "profileVisits": null, "videoViews": null,
              "conversions": null, "revenue": null }, "postUrl": null } }),
    )
    .unwrap_err();
    assert_eq!(future["field"], "capturedOn");
    let again = invoke(
        &main,
        "results_entries",
        json!({ "from": null, "to": null }),
    )
    .unwrap();
    let row = again
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["variantId"] == first["variantId"])
        .unwrap();
    assert_eq!(row["metrics"]["likes"], 61);

    let bad = invoke(
        &main,
        "results_summary",
        json!({ "from": "2026-05-01", "to": "2026-04-01" }),
    )
    .unwrap_err();
    assert_eq!(bad["field"], "from");

    let reviews = invoke(&main, "list_reviews", json!({})).unwrap();
    assert_eq!(reviews.as_array().unwrap().len(), 1);
    let numbers = invoke(
        &main,
        "review_numbers",
        json!({ "periodStart": s["from"], "periodEnd": s["to"] }),
    )
    .unwrap();
    assert!(numbers["postsPublished"].as_u64().unwrap() >= 20);
    let review = invoke(
        &main,
        "save_review",
        json!({ "input": { "id": null, "cadence": "weekly", "periodStart": s["from"],
            "periodEnd": s["to"], "status": "draft", "worked": "Videos", "stopDoing": "",
            "hypothesis": "", "decisions": [] } }),
    )
    .unwrap();
    assert_eq!(review["status"], "draft");
    assert_eq!(
        invoke(&main, "list_reviews", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    invoke(&main, "delete_review", json!({ "id": review["id"] })).unwrap();
}

#[test]
fn an_import_is_previewed_then_confirmed_through_the_picked_file() {
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("export.csv");
    // The fake dialog answers with `file`, written once the sample's posts are known.
    let app = app_with_dialog(&t.path().join("data"), Some(file.clone()));
    let main = window(&app, "main");
    invoke(&main, "load_sample_workspace", json!({ "language": "en" })).unwrap();
    let entries = invoke(
        &main,
        "results_entries",
        json!({ "from": null, "to": null }),
    )
    .unwrap();
    let target = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["platform"] == "instagram")
        .unwrap()
        .clone();
    let title = target["title"].as_str().unwrap();
    let date = &target["localTime"].as_str().unwrap()[..10];
    std::fs::write(
        &file,
        format!("Description,Publish time,Reach,Likes\n\"{title}\",{date},4321,123\n"),
    )
    .unwrap();

    let options = json!({ "options": { "source": "meta", "mapping": [], "platform": "instagram",
        "capturedOn": null } });
    let chosen = invoke(&main, "choose_results_file", options.clone()).unwrap();
    assert_eq!(chosen["fileName"], "export.csv");
    assert_eq!(
        chosen["preview"]["matched"][0]["variantId"],
        target["variantId"]
    );
    assert_eq!(chosen["preview"]["matched"][0]["matchedBy"], "date_text");
    // Still nothing written.
    let before = invoke(
        &main,
        "results_entries",
        json!({ "from": null, "to": null }),
    )
    .unwrap();
    let row = |list: &serde_json::Value| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["variantId"] == target["variantId"])
            .unwrap()
            .clone()
    };
    assert_ne!(row(&before)["metrics"]["reach"], 4321);
    let again = invoke(&main, "preview_results_import", options.clone()).unwrap();
    assert_eq!(again["preview"]["rows"], 1);
    let done = invoke(&main, "commit_results_import", options.clone()).unwrap();
    assert_eq!(done["written"], 1);
    let after = invoke(
        &main,
        "results_entries",
        json!({ "from": null, "to": null }),
    )
    .unwrap();
    assert_eq!(row(&after)["metrics"]["reach"], 4321);
    // The file is forgotten once imported.
    let e = invoke(&main, "commit_results_import", options).unwrap_err();
    assert_eq!(e["kind"], "conflict");
}

#[test]
fn cancelling_the_import_dialog_returns_null() {
    let t = tempfile::tempdir().unwrap();
    let app = app_with_dialog(t.path(), None);
    let main = window(&app, "main");
    let got = invoke(
        &main,
        "choose_results_file",
        json!({ "options": { "source": "x", "mapping": [], "platform": null, "capturedOn": null } }),
    )
    .unwrap();
    assert_eq!(got, json!(null));
}
