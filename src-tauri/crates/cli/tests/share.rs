//! `plotline-cli export …` / `import …`, checked from outside with the real binary.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn cli(dir: &Path, args: &[&str]) -> Output {
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

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn every_export_writes_its_file_and_prints_a_summary() {
    let t = tempfile::tempdir().unwrap();
    let data = t.path().join("data");
    json(&cli(&data, &["demo"]));
    let ics = t.path().join("plan.ics");
    let out = json(&cli(&data, &["export", "ics", "--out", s(&ics)]));
    assert!(out["posts"].as_u64().unwrap() > 10);
    assert!(std::fs::read_to_string(&ics)
        .unwrap()
        .contains("BEGIN:VEVENT"));

    for format in ["plotline", "buffer", "hootsuite"] {
        let f = t.path().join(format!("{format}.csv"));
        let out = json(&cli(
            &data,
            &[
                "export",
                "csv",
                "--format",
                format,
                "--platform",
                "instagram",
                "--out",
                s(&f),
            ],
        ));
        assert!(out["rows"].as_u64().unwrap() > 0, "{format}");
        assert!(f.is_file());
    }
    let html = t.path().join("print.html");
    json(&cli(
        &data,
        &[
            "export",
            "html",
            "--out",
            s(&html),
            "--layout",
            "week",
            "--paper",
            "letter",
        ],
    ));
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .contains("letter landscape"));

    let bad = cli(
        &data,
        &[
            "export",
            "ics",
            "--out",
            s(&ics),
            "--from",
            "2026-05-02",
            "--to",
            "2026-05-01",
        ],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("before the first day"));
}

#[test]
fn a_bundle_round_trips_through_the_cli_with_a_dry_run_first() {
    let t = tempfile::tempdir().unwrap();
    let a = t.path().join("a");
    let b = t.path().join("b");
    json(&cli(&a, &["demo", "--language", "ja"]));
    let file = t.path().join("plan.plotline");
    let out = json(&cli(&a, &["export", "bundle", "--out", s(&file)]));
    assert!(out["tables"]["posts"].as_u64().unwrap() > 10);

    let dry = json(&cli(&b, &["import", "bundle", s(&file), "--dry-run"]));
    assert_eq!(dry["dryRun"], true);
    assert_eq!(dry["preview"]["emptyWorkspace"], true);
    let info = json(&cli(&b, &["info"]));
    assert_eq!(info["counts"]["posts"], 0, "the dry run wrote nothing");

    let done = json(&cli(&b, &["import", "bundle", s(&file)]));
    assert!(done["report"]["added"].as_u64().unwrap() > 50);
    let (ia, ib) = (json(&cli(&a, &["info"])), json(&cli(&b, &["info"])));
    for table in [
        "posts",
        "post_variants",
        "pillars",
        "personas",
        "objectives",
        "events",
        "workspace",
    ] {
        assert_eq!(ia["counts"][table], ib["counts"][table], "{table}");
    }

    let csv = t.path().join("posts.csv");
    json(&cli(&a, &["export", "csv", "--out", s(&csv)]));
    let again = json(&cli(&b, &["import", "csv", s(&csv), "--dry-run"]));
    assert!(
        again["skipped"].as_u64().unwrap() > 10,
        "same ids: nothing doubled"
    );

    let junk = t.path().join("junk.plotline");
    std::fs::write(&junk, b"not a zip").unwrap();
    let err = cli(&b, &["import", "bundle", s(&junk)]);
    assert!(!err.status.success());
    assert!(String::from_utf8_lossy(&err.stderr).contains("Nothing was imported"));
}
