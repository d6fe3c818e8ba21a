//! IPC tests of the strategy commands: objectives, personas and the Plan overview through
//! the mock runtime with the real config and ACL.
#![allow(clippy::unwrap_used)]

use serde_json::json;

use crate::tests::{app, cafe, invoke, window};

fn objective(kpis: serde_json::Value) -> serde_json::Value {
    json!({ "input": {
        "id": null, "kind": "purchase_conversion", "statement": "+15% online orders by June",
        "baseline": "200", "targetValue": "230", "unit": "orders", "baselineDate": "2026-01-01",
        "deadline": "2026-06-30", "owner": "Aki", "status": "active",
        "successFactors": ["Order link in bio"], "kpis": kpis, "personaIds": []
    }})
}

fn kpi(stage: &str, metric: &str) -> serde_json::Value {
    json!({ "id": null, "name": metric, "stage": stage, "metric": metric, "baseline": "",
            "target": "10", "unit": "", "cadence": "weekly" })
}

#[test]
fn objectives_save_list_review_and_delete_over_ipc() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let main = window(&app, "main");
    invoke(&main, "save_workspace", cafe()).unwrap();

    let vanity = objective(json!([
        kpi("interest", "follower_growth"),
        kpi("awareness", "reach")
    ]));
    let review = invoke(&main, "review_objective", vanity.clone()).unwrap();
    assert_eq!(review["warnings"][0]["code"], "vanity_only");
    assert_eq!(review["smart"]["relevant"]["met"], false);
    assert_eq!(review["smart"]["timeBound"]["reason"], "has_deadline");

    let saved = invoke(&main, "save_objective", vanity).unwrap();
    assert_eq!(saved["kpis"][0]["stage"], "interest");
    let plan = invoke(&main, "get_plan_overview", json!({})).unwrap();
    assert_eq!(plan["pitfalls"][0]["code"], "vanity_metrics_only");

    let list = invoke(&main, "list_objectives", json!({})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    invoke(&main, "delete_objective", json!({ "id": saved["id"] })).unwrap();
    assert_eq!(
        invoke(&main, "list_objectives", json!({})).unwrap(),
        json!([])
    );
}

#[test]
fn bad_objective_input_names_the_field() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let main = window(&app, "main");
    let mut bad = objective(json!([kpi("consideration", "reach")]));
    let err = invoke(&main, "save_objective", bad.clone()).unwrap_err();
    assert_eq!(err["kind"], "invalid");
    assert_eq!(err["field"], "kpis.0.stage");
    bad["input"]["targetValue"] = "a lot".into();
    let err = invoke(&main, "save_objective", bad).unwrap_err();
    assert_eq!(err["field"], "targetValue");
}

#[test]
fn suggestions_and_catalogue_follow_the_workspace() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let main = window(&app, "main");
    invoke(&main, "save_workspace", cafe()).unwrap();
    let kpis = invoke(
        &main,
        "suggest_kpis",
        json!({ "kind": "purchase_conversion" }),
    )
    .unwrap();
    let names: Vec<&str> = kpis
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["name"].as_str().unwrap())
        .collect();
    assert!(
        names.iter().any(|n| n.contains("Online orders")),
        "{names:?}"
    );
    let catalogue = invoke(&main, "kpi_catalogue", json!({})).unwrap();
    assert!(catalogue
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["id"] == "engagement_rate" && m["stage"] == "interest"));
}

#[test]
fn personas_from_template_save_duplicate_archive_reorder_delete() {
    let t = tempfile::tempdir().unwrap();
    let app = app(t.path());
    let main = window(&app, "main");
    invoke(&main, "save_workspace", cafe()).unwrap();
    let draft = invoke(
        &main,
        "persona_from_template",
        json!({ "template": "cafe_bakery" }),
    )
    .unwrap();
    assert_eq!(draft["evidence"][0]["kind"], "assumption");
    let p = invoke(&main, "save_persona", json!({ "input": draft.clone() })).unwrap();
    assert_eq!(p["isHypothesis"], true);
    let copy = invoke(
        &main,
        "duplicate_persona",
        json!({ "id": p["id"], "copySuffix": " (copy)" }),
    )
    .unwrap();
    assert!(copy["name"].as_str().unwrap().ends_with(" (copy)"));
    let archived = invoke(
        &main,
        "set_persona_archived",
        json!({ "id": p["id"], "archived": true }),
    )
    .unwrap();
    assert_eq!(archived["archived"], true);
    let list = invoke(
        &main,
        "reorder_personas",
        json!({ "ids": [copy["id"], p["id"]] }),
    )
    .unwrap();
    assert_eq!(list[0]["id"], copy["id"]);
    invoke(&main, "delete_persona", json!({ "id": p["id"] })).unwrap();
    assert_eq!(
        invoke(&main, "list_personas", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let mut bad = draft.clone();
    bad["name"] = " ".into();
    let err = invoke(&main, "save_persona", json!({ "input": bad })).unwrap_err();
    assert_eq!(err["field"], "name");
}
