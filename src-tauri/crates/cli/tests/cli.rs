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
    let info = json(&cli(&b, &["info"]));
    assert_eq!(info["counts"]["workspace"], 1);
    assert_eq!(info["counts"]["objectives"], 2);
    assert_eq!(info["counts"]["personas"], 3);
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

fn posts_of(dir: &std::path::Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["posts", "list"];
    all.extend_from_slice(args);
    json(&cli(dir, &all)).as_array().unwrap().clone()
}

#[test]
fn posts_list_prints_the_sample_plan_as_json() {
    let t = tempfile::tempdir().unwrap();
    json(&cli(t.path(), &["demo"]));
    let all = posts_of(t.path(), &[]);
    assert!(all.len() >= 45, "{}", all.len());
    let statuses = [
        "idea",
        "draft",
        "in_review",
        "changes_requested",
        "approved",
        "scheduled",
        "published",
    ];
    for p in &all {
        assert!(p["id"].as_str().unwrap().len() == 36);
        assert!(!p["title"].as_str().unwrap().is_empty());
        assert!(statuses.contains(&p["status"].as_str().unwrap()), "{p}");
        assert!(p["platforms"].is_array());
        assert!(p["content_type"].is_string());
        match p["scheduled_at"].as_str() {
            Some(s) => assert!(s.ends_with("+09:00") && s.len() == 25, "{s}"),
            None => assert!(p["scheduled_at"].is_null()),
        }
    }
    for s in statuses {
        assert!(all.iter().any(|p| p["status"] == s), "{s} missing");
    }
    assert!(
        all.iter().any(|p| p["scheduled_at"].is_null()),
        "backlog ideas listed"
    );
    assert!(all
        .iter()
        .any(|p| p["platforms"] == serde_json::json!(["instagram", "line_official_account"])));

    // A date range: both days inclusive, only scheduled posts, in time order.
    let first = all[0]["scheduled_at"].as_str().unwrap()[..10].to_string();
    let day = posts_of(t.path(), &["--from", &first, "--to", &first]);
    assert!(!day.is_empty());
    assert!(day
        .iter()
        .all(|p| p["scheduled_at"].as_str().unwrap().starts_with(&first)));
    let times: Vec<&str> = day
        .iter()
        .map(|p| p["scheduled_at"].as_str().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted);
    assert!(posts_of(t.path(), &["--from", "2001-01-01", "--to", "2001-01-31"]).is_empty());

    let out = cli(t.path(), &["posts", "list", "--from", "yesterday"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a date"));
}

#[test]
fn posts_move_reschedules_idempotently_and_unschedules() {
    let t = tempfile::tempdir().unwrap();
    json(&cli(t.path(), &["demo", "--language", "ja"]));
    let all = posts_of(t.path(), &[]);
    let post = all
        .iter()
        .find(|p| p["status"] == "draft" && !p["scheduled_at"].is_null())
        .unwrap();
    let id = post["id"].as_str().unwrap();

    let moved = json(&cli(
        t.path(),
        &["posts", "move", id, "--to", "2027-01-05T00:30:00Z"],
    ));
    assert_eq!(moved["changed"], true);
    assert_eq!(moved["scheduled_at"], "2027-01-05T09:30:00+09:00");
    let again = json(&cli(
        t.path(),
        &["posts", "move", id, "--to", "2027-01-05T09:30:00+09:00"],
    ));
    assert_eq!(again["changed"], false, "the same move twice is one change");
    let listed = posts_of(t.path(), &["--from", "2027-01-05", "--to", "2027-01-05"]);
    assert!(listed.iter().any(|p| p["id"] == id));

    let back = json(&cli(t.path(), &["posts", "move", id, "--to", "none"]));
    assert!(back["scheduled_at"].is_null());
    assert_eq!(posts_of(t.path(), &[]).len(), all.len(), "one row per post");

    // Published posts stay put; unknown ids and bad times fail on stderr.
    let published = all.iter().find(|p| p["status"] == "published").unwrap();
    let out = cli(
        t.path(),
        &[
            "posts",
            "move",
            published["id"].as_str().unwrap(),
            "--to",
            "2027-02-01T09:00",
        ],
    );
    assert!(!out.status.success() && out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already published"));
    let out = cli(t.path(), &["posts", "move", "no-such-id", "--to", "none"]);
    assert!(!out.status.success());
    let out = cli(t.path(), &["posts", "move", id, "--to", "tomorrow"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a date and time"));
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

#[test]
fn objective_list_includes_kpis_with_snake_case_stages() {
    let t = tempfile::tempdir().unwrap();
    json(&cli(t.path(), &["demo"]));
    let list = json(&cli(t.path(), &["objective", "list"]));
    let objectives = list.as_array().unwrap();
    assert_eq!(objectives.len(), 2);
    assert_eq!(objectives[1]["kind"], "purchase_conversion");
    let mut stages = std::collections::BTreeSet::new();
    for o in objectives {
        for k in o["kpis"].as_array().unwrap() {
            stages.insert(k["stage"].as_str().unwrap().to_string());
        }
        assert!(!o["successFactors"].as_array().unwrap().is_empty());
    }
    for s in &stages {
        assert!(
            ["awareness", "interest", "action", "advocacy"].contains(&s.as_str()),
            "{s}"
        );
    }
    assert!(stages.len() >= 3, "{stages:?}");
}

#[test]
fn persona_list_includes_evidence_kinds() {
    let t = tempfile::tempdir().unwrap();
    json(&cli(t.path(), &["demo", "--language", "ja"]));
    let list = json(&cli(t.path(), &["persona", "list"]));
    let personas = list.as_array().unwrap();
    assert_eq!(personas.len(), 3);
    assert_eq!(personas[0]["name"], "週末のユキさん");
    assert_eq!(personas[0]["evidence"][0]["kind"], "interview");
    assert_eq!(personas[0]["isHypothesis"], false);
    assert_eq!(personas[2]["evidence"][0]["kind"], "assumption");
    assert_eq!(personas[2]["isHypothesis"], true);
}

#[test]
fn empty_data_dir_lists_nothing_and_plan_shows_what_is_missing() {
    let t = tempfile::tempdir().unwrap();
    assert_eq!(
        json(&cli(t.path(), &["objective", "list"])),
        serde_json::json!([])
    );
    assert_eq!(
        json(&cli(t.path(), &["persona", "list"])),
        serde_json::json!([])
    );
    let plan = json(&cli(t.path(), &["plan"]));
    assert_eq!(plan["steps"][0]["step"], "objectives");
    assert_eq!(plan["steps"][0]["status"], "missing");
    assert_eq!(plan["steps"][2]["step"], "platforms");
    assert_eq!(plan["steps"][2]["status"], "missing");
    assert_eq!(plan["steps"][2]["missing"][0]["code"], "no_platform");
    assert_eq!(plan["steps"][3]["missing"][0]["code"], "no_pillar");
    assert_eq!(plan["steps"][4]["missing"][0]["code"], "no_scheduled_post");
    assert_eq!(plan["steps"][5]["missing"][0]["code"], "no_results");
    assert_eq!(plan["pitfalls"][0]["code"], "no_objective");
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

#[test]
fn plan_of_the_sample_bakery_has_platforms_pillars_and_a_calendar() {
    let t = tempfile::tempdir().unwrap();
    json(&cli(t.path(), &["demo"]));
    let plan = json(&cli(t.path(), &["plan"]));
    for (i, step) in ["platforms", "pillars", "calendar"].iter().enumerate() {
        assert_eq!(plan["steps"][i + 2]["step"], *step);
        assert_eq!(plan["steps"][i + 2]["status"], "done", "{step}");
    }
    assert_eq!(plan["steps"][3]["count"], 4);
    assert!(plan["steps"][4]["count"].as_u64().unwrap() > 0);
}
