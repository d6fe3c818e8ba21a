//! `plotline-cli results …` checked from outside: the real binary, JSON on stdout.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
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

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/results")
        .join(name)
}

#[test]
fn summary_of_the_sample_bakery_has_kpis_and_platform_engagement() {
    let t = tempfile::tempdir().unwrap();
    json(&cli(t.path(), &["demo"]));
    let s = json(&cli(t.path(), &["results", "summary"]));
    let kpis = s["kpis"].as_array().unwrap();
    assert_eq!(kpis.len(), 7);
    for k in kpis {
        for key in ["current", "baseline", "target", "progress"] {
            assert!(k[key].is_number(), "{key} of {k}");
        }
    }
    let reach = kpis.iter().find(|k| k["metric"] == "reach").unwrap();
    assert_eq!(reach["baseline"], 3000.0);
    assert_eq!(reach["target"], 8000.0);
    let expected = (reach["current"].as_f64().unwrap() - 3000.0) / 5000.0 * 100.0;
    assert!((reach["progress"].as_f64().unwrap() - expected).abs() < 1e-9);
    let ig = s["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["platform"] == "instagram")
        .unwrap();
    let rate = ig["engagement_rate"].as_f64().unwrap();
    assert!(rate > 0.0 && rate < 1.0, "{rate}");
    assert!(s["explanation"].as_str().unwrap().contains("best posts"));

    // An explicit period with nothing published: KPIs without data, no NaN anywhere.
    let empty = json(&cli(
        t.path(),
        &[
            "results",
            "summary",
            "--from",
            "2020-01-01",
            "--to",
            "2020-01-31",
        ],
    ));
    assert_eq!(empty["posts_published"], 0);
    assert!(empty["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["metric"] == "reach")
        .all(|k| k["current"].is_null() && k["status"] == "no_data"));
    assert_eq!(empty["engagement_rate"], serde_json::Value::Null);

    let bad = cli(t.path(), &["results", "summary", "--from", "yesterday"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a date"));
}

#[test]
fn import_dry_run_writes_nothing_then_import_writes() {
    let t = tempfile::tempdir().unwrap();
    json(&cli(t.path(), &["demo"]));
    // A file of the sample's own posts: take two published Instagram posts from the summary
    // data through `posts list` (title + date), in Meta's layout.
    let posts = json(&cli(t.path(), &["posts", "list"]));
    let published: Vec<&serde_json::Value> = posts
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| {
            p["status"] == "published"
                && p["platforms"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x == "instagram")
        })
        .take(2)
        .collect();
    assert_eq!(published.len(), 2);
    let mut csv = String::from("Post ID,Account username,Description,Publish time,Permalink,Post type,Views,Reach,Likes,Comments,Saves\n");
    for (i, p) in published.iter().enumerate() {
        let title = p["title"].as_str().unwrap();
        let when = p["scheduled_at"].as_str().unwrap();
        // Tokyo posts: the UTC instant may be the previous day; ±1 day is matched.
        csv.push_str(&format!(
            "{i},komorebi,\"{title}\",{},https://www.instagram.com/p/CLI{i}/,IG image,5000,4000,{},3,7\n",
            &when[..10],
            300 + i
        ));
    }
    csv.push_str("9,komorebi,Never planned,2020-01-01,https://www.instagram.com/p/NOPE/,IG image,1,1,x,0,0\n");
    let file = t.path().join("meta.csv");
    std::fs::write(&file, csv).unwrap();
    let f = file.to_str().unwrap();

    let dry = json(&cli(
        t.path(),
        &["results", "import", f, "--source", "meta", "--dry-run"],
    ));
    assert_eq!(dry["dryRun"], true);
    assert_eq!(
        dry["preview"]["matched"].as_array().unwrap().len(),
        2,
        "{dry:#}"
    );
    assert_eq!(dry["preview"]["errors"][0]["line"], 4);
    let before = json(&cli(t.path(), &["info"]));

    let done = json(&cli(
        t.path(),
        &["results", "import", f, "--source", "meta"],
    ));
    assert_eq!(done["written"], 2);
    let after = json(&cli(t.path(), &["info"]));
    assert_eq!(
        after["counts"]["metric_snapshots"].as_u64().unwrap(),
        before["counts"]["metric_snapshots"].as_u64().unwrap() + 2
    );

    // Each layout of the fixtures reads (no sample posts match them: all unmatched).
    for (name, source) in [
        ("meta_facebook.csv", "meta"),
        ("x_tweet_activity.csv", "x"),
        ("x_content_2024.csv", "x"),
        ("linkedin_page.csv", "linkedin"),
    ] {
        let p = json(&cli(
            t.path(),
            &[
                "results",
                "import",
                fixture(name).to_str().unwrap(),
                "--source",
                source,
                "--dry-run",
            ],
        ));
        assert!(p["preview"]["rows"].as_u64().unwrap() >= 1, "{name}");
        assert_eq!(p["preview"]["matched"], serde_json::json!([]), "{name}");
    }
    let sjis = json(&cli(
        t.path(),
        &[
            "results",
            "import",
            fixture("generic_shift_jis.csv").to_str().unwrap(),
            "--source",
            "generic",
            "--platform",
            "instagram",
            "--dry-run",
        ],
    ));
    assert_eq!(sjis["preview"]["encoding"], "shift_jis");

    let broken = cli(
        t.path(),
        &[
            "results",
            "import",
            fixture("broken_row.csv").to_str().unwrap(),
            "--source",
            "x",
        ],
    );
    assert!(!broken.status.success());
    assert!(broken.stdout.is_empty());
    assert!(String::from_utf8_lossy(&broken.stderr).contains("line 3"));
}
