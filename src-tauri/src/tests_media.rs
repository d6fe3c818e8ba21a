//! Media IPC through Tauri's mock runtime: import through the (fake) dialog, search,
//! details, focal point, previews, export to a picked folder, photos on posts, delete
//! refusing photos in use; and the `plotline-media` scheme handler (R3).
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use plotline_core::{DataDir, Store};
use serde_json::{json, Value};
use tauri::http::{Method, Request, StatusCode};
use tauri::test::mock_builder;
use tauri::App;

use crate::dialogs::{FilePicker, PathPicker};
use crate::state::AppState;
use crate::tests::{invoke, window, Mock};

/// Answers "Add photos…" with `files` and "Export to folder…" with `folder`.
struct PhotoDialogs {
    files: Vec<PathBuf>,
    folder: Option<PathBuf>,
}

impl PathPicker for PhotoDialogs {
    fn save(&self, _: &str, _: (&str, &str)) -> Option<PathBuf> {
        None
    }
    fn open(&self, _: (&str, &str)) -> Option<PathBuf> {
        None
    }
    fn open_many(&self, (_, exts): (&str, &[&str])) -> Option<Vec<PathBuf>> {
        assert!(exts.contains(&"jpg") && exts.contains(&"heic"));
        (!self.files.is_empty()).then(|| self.files.clone())
    }
    fn pick_folder(&self) -> Option<PathBuf> {
        self.folder.clone()
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn app(data: &Path, files: Vec<PathBuf>, folder: Option<PathBuf>) -> App<Mock> {
    mock_builder()
        .manage(AppState::open(Ok(DataDir::at(data))))
        .manage(FilePicker(std::sync::Arc::new(PhotoDialogs {
            files,
            folder,
        })))
        .invoke_handler(crate::specta_builder::<Mock>().invoke_handler())
        .build(tauri::generate_context!())
        .unwrap()
}

fn request(path: &str) -> Request<Vec<u8>> {
    Request::builder()
        .method(Method::GET)
        .uri(format!("plotline-media://localhost{path}"))
        .body(Vec::new())
        .unwrap()
}

#[test]
fn photos_are_imported_edited_previewed_exported_and_attached_over_ipc() {
    let t = tempfile::tempdir().unwrap();
    let heic = t.path().join("IMG_0001.HEIC");
    std::fs::write(&heic, b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").unwrap();
    let out = t.path().join("export");
    let app = app(
        &t.path().join("data"),
        vec![fixture("fresh-flower.jpg"), heic],
        Some(out.clone()),
    );
    let w = window(&app, "main");
    invoke(&w, "load_sample_workspace", json!({ "language": "en" })).unwrap();

    let report = invoke(&w, "import_media", json!({})).unwrap();
    assert_eq!(report["imported"].as_array().unwrap().len(), 1);
    assert_eq!(report["failed"][0]["name"], "IMG_0001.HEIC");
    assert!(report["failed"][0]["message"]
        .as_str()
        .unwrap()
        .contains("Export it as JPEG"));
    let id = report["imported"][0]["id"].as_str().unwrap().to_string();

    let saved = invoke(
        &w,
        "update_media_details",
        json!({ "id": id, "input": { "altText": "Pink flowers in soft light", "tags": ["#Flowers", "spring"] } }),
    )
    .unwrap();
    assert_eq!(saved["tags"], json!(["flowers", "spring"]));
    let found = invoke(
        &w,
        "list_media",
        json!({ "query": { "search": "flowers", "sort": "name" } }),
    )
    .unwrap();
    assert!(found
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["id"] == id.as_str()));
    let none = invoke(
        &w,
        "list_media",
        json!({ "query": { "search": "zzz-nothing", "sort": "newest" } }),
    )
    .unwrap();
    assert_eq!(none, json!([]));

    let moved = invoke(
        &w,
        "set_media_focal",
        json!({ "id": id, "x": 0.2, "y": 0.8 }),
    )
    .unwrap();
    assert_eq!(moved["focalX"], 0.2);
    let err = invoke(
        &w,
        "set_media_focal",
        json!({ "id": id, "x": 1.5, "y": 0.5 }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "focalX");

    let targets = invoke(&w, "media_targets", json!({})).unwrap();
    assert!(targets.as_array().unwrap().len() >= 8);
    let story = targets
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["placement"] == "story")
        .unwrap();
    assert_eq!(story["safeZones"], true);
    let req = json!({ "targets": ["instagram:story", "x:landscape"], "mode": "fit", "blur": false,
                      "color": "#f5efe6", "focalX": null, "focalY": null });
    let previews = invoke(
        &w,
        "preview_media_variants",
        json!({ "id": id, "request": req }),
    )
    .unwrap();
    assert_eq!(previews.as_array().unwrap().len(), 2);
    assert_eq!(previews[0]["height"], 240);
    assert!(previews[0]["dataUrl"]
        .as_str()
        .unwrap()
        .starts_with("data:image/jpeg;base64,"));

    let exported = invoke(
        &w,
        "export_media_variants",
        json!({ "id": id, "request": req }),
    )
    .unwrap();
    assert_eq!(exported["folder"], out.display().to_string());
    let files = exported["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    for f in files {
        let p = PathBuf::from(f["path"].as_str().unwrap());
        assert!(p.starts_with(&out) && p.is_file(), "{p:?}");
        assert!(p
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .contains("_fresh-flower_"));
    }

    // Attach to a sample post; a photo in use is not deleted.
    let (from, to) = ("2000-01-01".to_string(), "2100-01-01".to_string());
    let posts = invoke(&w, "calendar_range", json!({ "from": from, "to": to })).unwrap();
    let post_id = posts[0]["id"].as_str().unwrap().to_string();
    let attached = invoke(
        &w,
        "set_post_media",
        json!({ "postId": post_id, "mediaIds": [id, id] }),
    )
    .unwrap();
    assert_eq!(attached.as_array().unwrap().len(), 1);
    assert_eq!(
        invoke(&w, "post_media", json!({ "postId": post_id })).unwrap(),
        attached
    );
    // One platform's own photo: set, read back, and back to the post's photos.
    let platform = posts[0]["platforms"][0].as_str().unwrap().to_string();
    let own = invoke(
        &w,
        "set_variant_media",
        json!({ "postId": post_id, "platform": platform, "mediaIds": [id] }),
    )
    .unwrap();
    assert_eq!(own["own"], true);
    let listed = invoke(&w, "variant_media", json!({ "postId": post_id })).unwrap();
    assert_eq!(listed[0]["platform"], platform.as_str());
    assert_eq!(listed[0]["media"][0]["id"], id.as_str());
    let err = invoke(
        &w,
        "set_variant_media",
        json!({ "postId": post_id, "platform": "no_such_platform", "mediaIds": [id] }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "platform");
    let back = invoke(
        &w,
        "set_variant_media",
        json!({ "postId": post_id, "platform": platform, "mediaIds": [] }),
    )
    .unwrap();
    assert_eq!(back["own"], false);

    // Due today → "Export images": the post's sizes, in a folder named after the post.
    let handoff = invoke(&w, "export_post_images", json!({ "postId": post_id })).unwrap();
    let folder = PathBuf::from(handoff["folder"].as_str().unwrap());
    assert!(folder.starts_with(&out) && folder.is_dir(), "{folder:?}");
    let files = handoff["files"].as_array().unwrap();
    assert!(!files.is_empty());
    for f in files {
        assert!(PathBuf::from(f["path"].as_str().unwrap()).starts_with(&folder));
    }
    let del = invoke(&w, "delete_media", json!({ "ids": [id] })).unwrap();
    assert_eq!(del["deleted"], json!([]));
    assert_eq!(del["inUse"][0]["id"], id.as_str());
    invoke(
        &w,
        "set_post_media",
        json!({ "postId": post_id, "mediaIds": [] }),
    )
    .unwrap();
    let del = invoke(&w, "delete_media", json!({ "ids": [id] })).unwrap();
    assert_eq!(del["deleted"], json!([id]));
}

#[test]
fn cancelling_the_photo_dialogs_changes_nothing() {
    let t = tempfile::tempdir().unwrap();
    let app = app(&t.path().join("data"), vec![], None);
    let w = window(&app, "main");
    assert_eq!(invoke(&w, "import_media", json!({})).unwrap(), Value::Null);
    assert_eq!(
        invoke(
            &w,
            "list_media",
            json!({ "query": { "search": "", "sort": "newest" } })
        )
        .unwrap(),
        json!([])
    );
}

#[test]
fn the_media_scheme_serves_only_library_files_by_id() {
    let t = tempfile::tempdir().unwrap();
    let dir = DataDir::at(t.path().join("data"));
    let store = Store::open(&dir).unwrap();
    let item =
        plotline_core::media::library::import_file(&store, &fixture("fresh-flower.jpg")).unwrap();
    std::fs::write(t.path().join("data/secret.txt"), b"secret").unwrap();

    let ok = crate::media_scheme::respond(Some(&store), &request(&format!("/thumb/{}", item.id)));
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(ok.headers()["content-type"], "image/jpeg");
    assert_eq!(ok.headers()["x-content-type-options"], "nosniff");
    assert!(ok.body().starts_with(&[0xFF, 0xD8, 0xFF]));
    let original =
        crate::media_scheme::respond(Some(&store), &request(&format!("/original/{}", item.id)));
    assert_eq!(original.body().len() as u64, item.bytes);

    let unknown = "0190c3a4-1234-7000-8000-00000000abcd";
    for bad in [
        format!("/thumb/{unknown}"),
        "/thumb/../secret.txt".to_string(),
        "/thumb/..%2F..%2Fsecret.txt".to_string(),
        format!("/thumb/{}/..", item.id),
        "/original/*".to_string(),
        format!("/{}", t.path().join("data/secret.txt").display()),
        format!("/variant/{}", item.id),
    ] {
        let r = crate::media_scheme::respond(Some(&store), &request(&bad));
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{bad}");
        assert!(!r.body().windows(6).any(|w| w == b"secret"), "{bad}");
    }
    let post = Request::builder()
        .method(Method::POST)
        .uri(format!("plotline-media://localhost/thumb/{}", item.id))
        .body(Vec::new())
        .unwrap();
    assert_eq!(
        crate::media_scheme::respond(Some(&store), &post).status(),
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[test]
fn the_csp_lets_images_load_from_the_media_scheme_on_every_platform() {
    let conf: Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tauri.conf.json"))
            .unwrap(),
    )
    .unwrap();
    let img = conf["app"]["security"]["csp"]["img-src"].as_str().unwrap();
    let sources: Vec<&str> = img.split_whitespace().collect();
    assert!(sources.contains(&"plotline-media:"), "{img}");
    assert!(
        sources.contains(&"http://plotline-media.localhost"),
        "{img}"
    );
    assert!(!sources.contains(&"*") && !sources.iter().any(|s| s.starts_with("https:")));
}
