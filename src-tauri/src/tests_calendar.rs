//! Calendar IPC through Tauri's mock runtime with the real config and ACL.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use plotline_core::DataDir;
use serde_json::{json, Value};
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

fn bakery(w: &WebviewWindow<Mock>) {
    invoke(w, "load_sample_workspace", json!({ "language": "en" })).unwrap();
}

fn today_range() -> (String, String) {
    let today = chrono::Utc::now().date_naive();
    (
        (today - chrono::Duration::days(10)).to_string(),
        (today + chrono::Duration::days(60)).to_string(),
    )
}

#[test]
fn the_sample_calendar_is_listed_moved_and_unscheduled_over_ipc() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let w = main_window(&app);
    bakery(&w);
    let (from, to) = today_range();
    let items = invoke(&w, "calendar_range", json!({ "from": from, "to": to })).unwrap();
    let items = items.as_array().unwrap();
    assert!(items.len() >= 40);
    let draft = items.iter().find(|i| i["status"] == "draft").unwrap();
    assert!(draft["pillarColour"].is_string());
    assert!(draft["scheduledAt"].as_str().unwrap().ends_with("+09:00"));

    let id = draft["id"].as_str().unwrap();
    let input = json!({ "input": { "postId": id, "to": "2027-02-02T09:00" } });
    let moved = invoke(&w, "move_post", input.clone()).unwrap();
    assert_eq!(moved["changed"], true);
    assert_eq!(moved["item"]["scheduledAt"], "2027-02-02T09:00:00+09:00");
    assert_eq!(invoke(&w, "move_post", input).unwrap()["changed"], false);
    let back = invoke(
        &w,
        "move_post",
        json!({ "input": { "postId": id, "to": null } }),
    )
    .unwrap();
    assert!(back["item"]["scheduledAt"].is_null());
    let backlog = invoke(&w, "calendar_backlog", json!({})).unwrap();
    assert!(backlog.as_array().unwrap().iter().any(|i| i["id"] == id));

    let lane = invoke(&w, "calendar_events", json!({ "from": from, "to": to })).unwrap();
    assert_eq!(lane["events"].as_array().unwrap().len(), 2);
    let mix = invoke(
        &w,
        "get_mix",
        json!({ "from": from, "to": to, "platform": "instagram" }),
    )
    .unwrap();
    assert!(mix["total"].as_u64().unwrap() > 0);
    assert_eq!(
        invoke(&w, "list_pillars", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn posts_are_created_edited_duplicated_and_moved_through_the_flow() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let w = main_window(&app);
    bakery(&w);
    let input = json!({
        "title": "New rye loaf", "body": "Dark, dense and delicious.", "pillarId": null,
        "contentType": "educational", "format": "photo", "objectiveId": null, "kpiId": null,
        "personaIds": [], "campaignName": null, "campaignSlug": null,
        "scheduledLocal": "2027-01-12T08:00", "ownerId": null, "notes": "", "links": [],
        "variants": [{ "platform": "instagram", "textOverride": null, "hashtags": ["rye"],
                       "firstComment": null, "linkPlacement": "none" }]
    });
    let post = invoke(&w, "create_post", json!({ "input": input })).unwrap();
    assert_eq!(post["status"], "draft");
    assert_eq!(post["variants"][0]["hashtags"], json!(["rye"]));
    let id = post["id"].as_str().unwrap().to_string();

    let mut edit = input.clone();
    edit["title"] = "Rye loaf".into();
    let updated = invoke(&w, "update_post", json!({ "id": id, "input": edit })).unwrap();
    assert_eq!(updated["title"], "Rye loaf");
    let copy = invoke(&w, "duplicate_post", json!({ "id": id, "to": null })).unwrap();
    assert_ne!(copy["id"], updated["id"]);

    // An illegal jump is refused; the legal next step works.
    let err = invoke(
        &w,
        "transition_post",
        json!({ "input": { "postId": id, "to": "published", "actorId": null, "note": "" } }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "conflict");
    let next = invoke(
        &w,
        "transition_post",
        json!({ "input": { "postId": id, "to": "in_review", "actorId": null, "note": "ready" } }),
    )
    .unwrap();
    assert_eq!(next["status"], "in_review");
    assert_eq!(
        invoke(&w, "get_post", json!({ "id": id })).unwrap()["status"],
        "in_review"
    );

    // Bad input names its field.
    let mut bad = input.clone();
    bad["title"] = "  ".into();
    let err = invoke(&w, "create_post", json!({ "input": bad })).unwrap_err();
    assert_eq!(err["field"], "title");
}

#[test]
fn approval_with_a_risk_word_needs_sign_off_and_acknowledgement() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let w = main_window(&app);
    bakery(&w);
    let (from, to) = today_range();
    let items = invoke(&w, "calendar_range", json!({ "from": from, "to": to })).unwrap();
    let risky = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["status"] == "in_review" && i["title"].as_str().unwrap().contains("best"))
        .unwrap();
    let id = risky["id"].as_str().unwrap();
    let team = invoke(&w, "get_team", json!({})).unwrap();
    let manager = team["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["role"] == "manager")
        .unwrap()["id"]
        .clone();
    let approve =
        json!({ "input": { "postId": id, "to": "approved", "actorId": manager, "note": "" } });

    let err = invoke(&w, "transition_post", approve.clone()).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("Manager review"),
        "{err}"
    );
    invoke(
        &w,
        "sign_off_post",
        json!({ "id": id, "step": "manager_review", "memberId": manager }),
    )
    .unwrap();
    let err = invoke(&w, "transition_post", approve.clone()).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("risk check"),
        "{err}"
    );

    let review = invoke(&w, "post_risk_review", json!({ "id": id })).unwrap();
    let review = review.as_array().unwrap();
    assert!(review
        .iter()
        .any(|r| r["hit"]["term"] == "the best" && r["hit"]["category"] == "absolute_claim"));
    for r in review {
        assert!(r["acknowledgedBy"].is_null());
        let ack = json!({ "input": { "postId": id, "category": r["hit"]["category"], "term": r["hit"]["term"], "actorId": manager } });
        invoke(&w, "acknowledge_risk", ack).unwrap();
    }
    assert_eq!(
        invoke(&w, "transition_post", approve).unwrap()["status"],
        "approved"
    );
    let history = invoke(&w, "post_history", json!({ "id": id })).unwrap();
    let last = history.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["to"], "approved");
    assert_eq!(last["actorName"], "Ken Ito");

    invoke(
        &w,
        "add_post_comment",
        json!({ "id": id, "authorId": manager, "body": "Looks good." }),
    )
    .unwrap();
    assert_eq!(
        invoke(&w, "post_comments", json!({ "id": id }))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn utm_links_gaps_series_and_events_over_ipc() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let w = main_window(&app);
    bakery(&w);
    let link = invoke(
        &w,
        "build_utm_link",
        json!({ "input": { "url": "https://komorebi.example/shop?x=1#top", "platform": "instagram", "campaign": "christmas-2026", "content": "stollen" } }),
    )
    .unwrap();
    assert_eq!(
        link,
        "https://komorebi.example/shop?x=1&utm_source=instagram&utm_medium=social&utm_campaign=christmas-2026&utm_content=stollen#top"
    );
    let err = invoke(&w, "build_utm_link", json!({ "input": { "url": "shop", "platform": "instagram", "campaign": null, "content": "" } }))
        .unwrap_err();
    assert_eq!(err["field"], "url");

    let gaps = invoke(
        &w,
        "cadence_gaps",
        json!({ "from": "2030-01-07", "to": "2030-01-13" }),
    )
    .unwrap();
    assert_eq!(
        gaps.as_array().unwrap().len(),
        2,
        "nothing planned that far ahead: {gaps}"
    );

    let template = json!({
        "title": "Monthly bread club", "body": "This month's bread club loaf.", "pillarId": null,
        "contentType": "community", "format": "photo", "objectiveId": null, "kpiId": null,
        "personaIds": [], "campaignName": null, "campaignSlug": null,
        "scheduledLocal": "2030-01-31T10:00", "ownerId": null, "notes": "", "links": [],
        "variants": [{ "platform": "line_official_account", "textOverride": null, "hashtags": [],
                       "firstComment": null, "linkPlacement": "none" }]
    });
    let created = invoke(
        &w,
        "create_series",
        json!({ "input": { "template": template, "frequency": "monthly", "interval": 1, "until": null, "count": 3 } }),
    )
    .unwrap();
    let posts = created["posts"].as_array().unwrap();
    let dates: Vec<&str> = posts
        .iter()
        .map(|p| &p["scheduledAt"].as_str().unwrap()[..10])
        .collect();
    assert_eq!(dates, ["2030-01-31", "2030-02-28", "2030-03-31"]);
    let sid = created["seriesId"].clone();
    invoke(
        &w,
        "skip_series_occurrence",
        json!({ "seriesId": sid, "date": "2030-02-28" }),
    )
    .unwrap();
    let mut edit = template.clone();
    edit["title"] = "Bread club".into();
    let updated = invoke(
        &w,
        "update_series",
        json!({ "seriesId": sid, "template": edit }),
    )
    .unwrap();
    assert_eq!(updated.as_array().unwrap().len(), 2);

    let ev = invoke(
        &w,
        "create_event",
        json!({ "input": { "title": "New Year sale", "kind": "sale", "startsOn": "2030-01-02", "endsOn": "2030-01-05", "notes": "" } }),
    )
    .unwrap();
    let lane = invoke(
        &w,
        "calendar_events",
        json!({ "from": "2030-01-01", "to": "2030-02-01" }),
    )
    .unwrap();
    assert_eq!(lane["events"][0]["id"], ev["id"]);
    assert!(
        lane["holidays"].as_array().unwrap().is_empty(),
        "the data file covers 2026–2027"
    );
    let lane = invoke(
        &w,
        "calendar_events",
        json!({ "from": "2027-01-01", "to": "2027-01-02" }),
    )
    .unwrap();
    assert_eq!(lane["holidays"][0]["ja"], "元日");
}

#[test]
fn workspace_settings_for_the_calendar_over_ipc() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let w = main_window(&app);
    invoke(
        &w,
        "save_workspace",
        json!({ "input": {
            "name": "Blue Door Café", "industry": "cafe_restaurant", "audience": "b2c",
            "timeZone": "Europe/Lisbon", "language": "en", "weekStart": "monday"
        }}),
    )
    .unwrap();
    let pillar = invoke(&w, "create_pillar", json!({ "input": {
        "name": "Coffee craft", "description": "", "colour": "sun", "personaIds": [], "objectiveId": null, "sortOrder": null
    }}))
    .unwrap();
    let err = invoke(&w, "update_pillar", json!({ "id": pillar["id"], "input": {
        "name": "Coffee craft", "description": "", "colour": "red", "personaIds": [], "objectiveId": null, "sortOrder": null
    }}))
    .unwrap_err();
    assert_eq!(err["field"], "colour");
    invoke(&w, "delete_pillar", json!({ "id": pillar["id"] })).unwrap();
    assert!(invoke(&w, "list_pillars", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .is_empty());

    invoke(
        &w,
        "set_cadence",
        json!({ "input": { "platform": "instagram", "postsPerWeek": 3, "timeSlots": ["08:00"] } }),
    )
    .unwrap();
    assert_eq!(
        invoke(&w, "list_cadences", json!({})).unwrap()[0]["postsPerWeek"],
        3
    );
    let m = invoke(
        &w,
        "add_team_member",
        json!({ "input": { "name": "Rita", "role": "brand_legal" } }),
    )
    .unwrap();
    assert_eq!(m["role"], "brand_legal");
    let steps = invoke(
        &w,
        "set_approval_step",
        json!({ "step": "brand_check", "required": true }),
    )
    .unwrap();
    assert!(steps
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["required"] == true));
    let c = invoke(&w, "add_competitor", json!({ "name": "Red Cup" })).unwrap();
    assert_eq!(
        invoke(&w, "list_competitors", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    invoke(&w, "remove_competitor", json!({ "id": c["id"] })).unwrap();
    let err = invoke(&w, "delete_post", json!({ "id": "nope" })).unwrap_err();
    assert_eq!(err["kind"], "notFound");
}

#[test]
fn draft_checks_events_and_incident_contacts_over_ipc() {
    let tmp = tempfile::tempdir().unwrap();
    let app = app(tmp.path());
    let w = main_window(&app);
    bakery(&w);
    // Live checks need no saved post: 141 kanji are 282 on X.
    let checks = invoke(
        &w,
        "check_post_draft",
        json!({ "input": { "post": {
            "title": "T", "body": "焼".repeat(141), "pillarId": null, "contentType": "educational",
            "format": "photo", "objectiveId": null, "kpiId": null, "personaIds": [],
            "campaignName": null, "campaignSlug": null, "scheduledLocal": null, "ownerId": null,
            "notes": "", "links": [], "variants": [
                { "platform": "x", "textOverride": null, "hashtags": [], "firstComment": null, "linkPlacement": "none" }
            ] }, "mediaFormats": [] } }),
    )
    .unwrap();
    assert_eq!(checks[0]["length"], 282);
    assert_eq!(checks[0]["limit"], 280);
    assert_eq!(checks[0]["issues"][0]["code"], "too_long");
    assert_eq!(checks[0]["issues"][0]["severity"], "error");

    let (from, to) = today_range();
    let ev = invoke(
        &w,
        "create_event",
        json!({ "input": { "title": "Bread fair", "kind": "store_event", "startsOn": from, "endsOn": null, "notes": "" } }),
    )
    .unwrap();
    let id = ev["id"].as_str().unwrap().to_string();
    let changed = invoke(
        &w,
        "update_event",
        json!({ "id": id, "input": { "title": "Bread fair (2 days)", "kind": "store_event", "startsOn": from, "endsOn": null, "notes": "" } }),
    )
    .unwrap();
    assert_eq!(changed["title"], "Bread fair (2 days)");
    invoke(&w, "delete_event", json!({ "id": id })).unwrap();
    let lane = invoke(&w, "calendar_events", json!({ "from": from, "to": to })).unwrap();
    assert!(lane["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["id"] != id.as_str()));

    let backlog = invoke(&w, "calendar_backlog", json!({})).unwrap();
    let steps = invoke(&w, "post_sign_offs", json!({ "id": backlog[0]["id"] })).unwrap();
    assert_eq!(steps[0]["step"], "manager_review");
    assert_eq!(steps[0]["required"], true);
    assert!(steps[0]["memberName"].is_null());
    // The sample's owner and manager may sign the manager review, the operator may not.
    let eligible: Vec<&str> = steps[0]["eligible"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(eligible, ["owner", "manager"]);

    let contacts = invoke(&w, "list_incident_contacts", json!({})).unwrap();
    assert!(contacts.as_array().unwrap().len() >= 3);
    assert_eq!(contacts[0]["step"], "verify");
    let bad = invoke(
        &w,
        "save_incident_contact",
        json!({ "id": null, "input": { "step": "respond", "name": "PR office", "role": "", "phone": "", "email": "", "notes": "" } }),
    )
    .unwrap_err();
    assert_eq!(bad["field"], "phone");
    let added = invoke(
        &w,
        "save_incident_contact",
        json!({ "id": null, "input": { "step": "respond", "name": "PR office", "role": "", "phone": "03-0000-0000", "email": "", "notes": "" } }),
    )
    .unwrap();
    invoke(&w, "delete_incident_contact", json!({ "id": added["id"] })).unwrap();
}

#[test]
fn an_existing_post_starts_a_series_ending_on_a_date_over_ipc() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let w = main_window(&app);
    bakery(&w);
    let input = json!({
        "title": "Sourdough Saturday", "body": "Our weekend loaf.", "pillarId": null,
        "contentType": "educational", "format": "photo", "objectiveId": null, "kpiId": null,
        "personaIds": [], "campaignName": null, "campaignSlug": null,
        "scheduledLocal": "2030-03-02T08:00", "ownerId": null, "notes": "", "links": [],
        "variants": [{ "platform": "instagram", "textOverride": null, "hashtags": [],
                       "firstComment": null, "linkPlacement": "none" }]
    });
    let post = invoke(&w, "create_post", json!({ "input": input })).unwrap();
    let id = post["id"].clone();
    let err = invoke(
        &w,
        "start_series_from_post",
        json!({ "postId": id, "rule": { "frequency": "weekly", "interval": 1, "until": "2030-03-01", "count": null } }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "until");
    let created = invoke(
        &w,
        "start_series_from_post",
        json!({ "postId": id, "rule": { "frequency": "weekly", "interval": 1, "until": "2030-03-23", "count": null } }),
    )
    .unwrap();
    let posts = created["posts"].as_array().unwrap();
    assert_eq!(posts.len(), 4);
    assert_eq!(posts[0]["id"], id);
    assert!(posts.iter().all(|p| p["seriesId"] == created["seriesId"]));
    assert_eq!(posts[3]["time"]["local"], "2030-03-23T08:00");
}
