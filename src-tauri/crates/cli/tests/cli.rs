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

fn cli_without_data_dir(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plotline-cli"))
        .args(args)
        .env_remove("PLOTLINE_DATA_DIR")
        .output()
        .unwrap()
}

#[test]
fn platforms_prints_the_catalogue_without_a_data_folder() {
    let cat = json(&cli_without_data_dir(&["platforms"]));
    assert!(cat["catalogVersion"].as_str().unwrap().len() > 3);
    let platforms = cat["platforms"].as_array().unwrap();
    let ids: Vec<&str> = platforms
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 12);
    assert!(ids.contains(&"line_official_account"));
    let x = platforms.iter().find(|p| p["id"] == "x").unwrap();
    assert_eq!(x["textLimits"]["post"]["max"], 280);
    assert_eq!(x["textLimits"]["post"]["counting"], "x_weighted");
    assert_eq!(x["names"]["ja"], "X（旧Twitter）");
    let ig = platforms.iter().find(|p| p["id"] == "instagram").unwrap();
    let story = ig["media"]["specs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "story")
        .unwrap();
    assert_eq!(
        (story["width"].as_u64(), story["height"].as_u64()),
        (Some(1080), Some(1920))
    );
    assert!(ig["audience"]["sources"][0]
        .as_str()
        .unwrap()
        .starts_with("https://"));
}

#[test]
fn platforms_recommend_ranks_the_example_inputs() {
    let t = tempfile::tempdir().unwrap();
    let cafe = fixture("wizard-cafe.json");
    let r = json(&cli(
        t.path(),
        &["platforms", "recommend", "--input", cafe.to_str().unwrap()],
    ));
    assert_eq!(r["ranking"][0]["platformId"], "instagram");
    assert_eq!(r["ranking"].as_array().unwrap().len(), 12);
    let n = r["recommended"].as_array().unwrap().len();
    assert!((1..=2).contains(&n));
    assert!(r["ranking"][0]["reasons"][0]["en"]
        .as_str()
        .unwrap()
        .contains("Aiko"));
    assert_eq!(r["model"]["factors"].as_array().unwrap().len(), 5);

    let b2b = fixture("wizard-consultancy.json");
    let out = cli_without_data_dir(&["platforms", "recommend", "--input", b2b.to_str().unwrap()]);
    let r = json(&out);
    assert_eq!(r["ranking"][0]["platformId"], "linkedin");
    assert_eq!(r["recommended"][0], "linkedin");
}

#[test]
fn platforms_recommend_reports_bad_input_on_stderr() {
    let t = tempfile::tempdir().unwrap();
    let bad = t.path().join("bad.json");
    std::fs::write(&bad, "{\"audience\": 1}").unwrap();
    let out = cli_without_data_dir(&["platforms", "recommend", "--input", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Platform wizard input"));
}
