//! The CLI contract, checked from outside: JSON on stdout, errors on stderr, exit codes.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

fn cli(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plotline-cli"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("PLOTLINE_DATA_DIR")
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn demo_seeds_the_sample_bakery_and_info_counts_it() {
    let t = tempfile::tempdir().unwrap();
    let ws = json(&cli(t.path(), &["demo"]));
    assert_eq!(ws["name"], "Komorebi Bakery");
    assert_eq!(ws["isSample"], true);

    let info = json(&cli(t.path(), &["info"]));
    assert_eq!(info["schema_version"], plotline_core::db::latest_version());
    assert_eq!(info["data_dir"], t.path().display().to_string());
    assert_eq!(info["counts"]["workspace"], 1);
}

#[test]
fn demo_in_japanese() {
    let t = tempfile::tempdir().unwrap();
    let ws = json(&cli(t.path(), &["demo", "--language", "ja"]));
    assert_eq!(ws["name"], "こもれびベーカリー");
    assert_eq!(ws["language"], "ja");
}

#[test]
fn demo_refuses_a_non_empty_workspace() {
    let t = tempfile::tempdir().unwrap();
    json(&cli(t.path(), &["demo"]));
    let out = cli(t.path(), &["demo"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("already holds a business"), "{err}");
}

#[test]
fn backup_and_restore_round_trip() {
    let t = tempfile::tempdir().unwrap();
    let a = t.path().join("a");
    let b = t.path().join("b");
    json(&cli(&a, &["demo"]));
    let file = t.path().join("bakery.plotline-backup");
    let rep = json(&cli(&a, &["backup", "--out", file.to_str().unwrap()]));
    assert_eq!(rep["schemaVersion"], plotline_core::db::latest_version());
    assert!(rep["bytes"].as_u64().unwrap() > 0);

    assert_eq!(json(&cli(&b, &["info"]))["counts"]["workspace"], 0);
    let rep = json(&cli(&b, &["restore", file.to_str().unwrap()]));
    assert!(rep["safetyBackup"]
        .as_str()
        .unwrap()
        .contains("before-restore"));
    assert_eq!(json(&cli(&b, &["info"]))["counts"]["workspace"], 1);
}

#[test]
fn restoring_garbage_fails_on_stderr_with_nonzero_exit() {
    let t = tempfile::tempdir().unwrap();
    let junk = t.path().join("junk.plotline-backup");
    std::fs::write(&junk, "not a backup").unwrap();
    let out = cli(&t.path().join("d"), &["restore", junk.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be restored"));
}

#[test]
fn environment_variable_selects_the_data_dir() {
    let t = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plotline-cli"))
        .arg("info")
        .env("PLOTLINE_DATA_DIR", t.path())
        .output()
        .unwrap();
    assert_eq!(json(&out)["data_dir"], t.path().display().to_string());
    assert!(t.path().join("plotline.db").is_file());
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures")
        .join(name)
}

#[test]
fn media_variants_makes_every_platform_size_without_a_data_folder() {
    let t = tempfile::tempdir().unwrap();
    let never = t.path().join("never-created");
    let out_dir = t.path().join("out");
    let photo = fixture("fresh-flower.jpg");
    let out = Command::new(env!("CARGO_BIN_EXE_plotline-cli"))
        .args(["media", "variants"])
        .arg(&photo)
        .args(["--platforms", "all", "--focal", "0.4,0.6", "--out"])
        .arg(&out_dir)
        .env("PLOTLINE_DATA_DIR", &never)
        .output()
        .unwrap();
    let variants = json(&out);
    let variants = variants.as_array().unwrap();
    assert_eq!(variants.len(), 9);
    assert!(!never.exists(), "variants must not create a data folder");
    let today = String::from_utf8(
        Command::new("date")
            .arg("+%Y-%m-%d")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for v in variants {
        let path = std::path::Path::new(v["path"].as_str().unwrap());
        let bytes = std::fs::read(path).unwrap();
        assert_eq!(v["bytes"].as_u64().unwrap(), bytes.len() as u64);
        assert!(bytes.starts_with(&[0xFF, 0xD8, 0xFF]), "{path:?} is a JPEG");
        assert!(v["bytes"].as_u64().unwrap() <= v["maxBytes"].as_u64().unwrap());
        assert!(v["width"].as_u64().unwrap() >= 1000);
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            name.starts_with(&format!("{}_fresh-flower_", today.trim())),
            "{name}"
        );
    }
    let portrait = variants
        .iter()
        .find(|v| v["platform"] == "instagram" && v["placement"] == "feed_portrait")
        .unwrap();
    assert_eq!(
        (portrait["width"].as_u64(), portrait["height"].as_u64()),
        (Some(1080), Some(1350))
    );
    assert!(portrait["path"]
        .as_str()
        .unwrap()
        .ends_with("_fresh-flower_instagram-feed_portrait.jpg"));
    // Only the written files are left in the folder (atomic writes leave no temp files).
    assert_eq!(std::fs::read_dir(&out_dir).unwrap().count(), 9);
}

#[test]
fn media_variants_filters_platforms_fits_and_rejects_bad_options() {
    let t = tempfile::tempdir().unwrap();
    let photo = fixture("fresh-flower.jpg");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_plotline-cli"))
            .args(["media", "variants"])
            .arg(&photo)
            .arg("--out")
            .arg(t.path().join("o"))
            .args(args)
            .output()
            .unwrap()
    };
    let two = json(&run(&[
        "--platforms",
        "x,youtube",
        "--mode",
        "fit",
        "--background",
        "#ffffff",
    ]));
    let platforms: Vec<_> = two
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["platform"].clone())
        .collect();
    assert_eq!(platforms, ["x", "youtube"]);
    for (args, message) in [
        (&["--platforms", "myspace"][..], "not a platform"),
        (&["--focal", "2,0.5"][..], "not a focal point"),
        (&["--background", "teal"][..], "not a background"),
    ] {
        let out = run(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let text = t.path().join("notes.jpg");
    std::fs::write(&text, "not a photo").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plotline-cli"))
        .args(["media", "variants"])
        .arg(&text)
        .arg("--out")
        .arg(t.path().join("o2"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a supported image"));
}

#[test]
fn media_import_is_idempotent_per_file_content() {
    let t = tempfile::tempdir().unwrap();
    let photo = fixture("fresh-flower.jpg");
    let photo = photo.to_str().unwrap();
    let first = json(&cli(t.path(), &["media", "import", photo]));
    let item = &first[0];
    assert_eq!(item["width"], 1600);
    assert_eq!(item["height"], 1203);
    assert_eq!(item["format"], "jpeg");
    assert!(item["id"].as_str().unwrap().len() == 36);
    let again = json(&cli(t.path(), &["media", "import", photo, photo]));
    assert_eq!(again[0]["id"], item["id"]);
    assert_eq!(again[1]["id"], item["id"]);
    assert_eq!(json(&cli(t.path(), &["info"]))["counts"]["media_items"], 1);

    let bad = t.path().join("bad.png");
    std::fs::write(&bad, "plain text").unwrap();
    let out = cli(t.path(), &["media", "import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a supported image"));
}
