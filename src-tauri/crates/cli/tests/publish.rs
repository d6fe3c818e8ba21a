//! `plotline-cli publish caldav` checked from outside against a real Radicale: dry run, publish,
//! nothing-changed re-publish, a post moved after someone edited its event on the server (412:
//! exit 3 with the failure in the JSON), a wrong password and a missing one; and the password
//! taken from the real keyring (gnome-keyring in a private D-Bus session) for a saved connection.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

#[path = "../../core/tests/support/radicale.rs"]
mod radicale;

use std::process::{Command, Output};

fn cli(dir: &std::path::Path, args: &[&str], password: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plotline-cli"));
    cmd.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("PLOTLINE_DATA_DIR")
        .env_remove("PLOTLINE_CALDAV_PASSWORD")
        // No keychain reachable: the CLI must not find a password anywhere but the variable.
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/plotline-test-bus",
        );
    if let Some(pw) = password {
        cmd.env("PLOTLINE_CALDAV_PASSWORD", pw);
    }
    cmd.output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn publish_caldav_dry_run_publish_conflict_and_password_errors() {
    let server = radicale::Radicale::start();
    server.make_calendar("/alice/plan/");
    let url = server.url("/alice/plan/");
    let t = tempfile::tempdir().unwrap();
    json(&cli(t.path(), &["demo"], None));
    let args = ["publish", "caldav", "--url", &url, "--user", "alice"];
    let dry_args = [&args[..], &["--dry-run"]].concat();

    // Dry run: the plan, nothing on the server.
    let dry = json(&cli(t.path(), &dry_args, Some("wonderland")));
    assert_eq!(dry["dryRun"], true);
    let n = dry["created"].as_u64().unwrap();
    assert!(n >= 30, "{dry}");
    assert_eq!(dry["plan"].as_array().unwrap().len() as u64, n);
    let (_, listing) = server.raw("PROPFIND", "/alice/plan/", None);
    assert!(!listing.contains(".ics</"), "{listing}");

    // Publish, then publish again: everything unchanged the second time.
    let first = json(&cli(t.path(), &args, Some("wonderland")));
    assert_eq!(first["created"].as_u64(), Some(n), "{first}");
    assert!(first["failures"].as_array().unwrap().is_empty());
    let (_, listing) = server.raw("PROPFIND", "/alice/plan/", None);
    assert_eq!(listing.matches(".ics</").count() as u64, n, "{listing}");
    let again = json(&cli(t.path(), &args, Some("wonderland")));
    assert_eq!(
        (again["created"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(n))
    );

    // Someone edits a post's event on their phone; the post also moves in Plotline.
    let posts = json(&cli(t.path(), &["posts", "list"], None));
    let post = posts
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["scheduled_at"].is_string() && p["status"] == "draft")
        .unwrap();
    let id = post["id"].as_str().unwrap();
    let href = format!("/alice/plan/{id}@plotline.app.ics");
    let (st, body) = server.raw("GET", &href, None);
    assert_eq!(st, 200);
    let (st, _) = server.raw(
        "PUT",
        &href,
        Some(&body.replace("SUMMARY:", "SUMMARY:(phone) ")),
    );
    assert!((200..300).contains(&st), "{st}");
    json(&cli(
        t.path(),
        &["posts", "move", id, "--to", "2031-01-06T10:00"],
        None,
    ));
    let out = cli(t.path(), &args, Some("wonderland"));
    assert_eq!(out.status.code(), Some(3), "partial publish exits with 3");
    let partial: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let failures = partial["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 1, "{partial}");
    assert!(failures[0]["uid"].as_str().unwrap().starts_with(id));
    assert!(String::from_utf8_lossy(&out.stderr).contains("could not be published"));
    let (_, body) = server.raw("GET", &href, None);
    assert!(body.contains("(phone)"), "the phone edit is kept: {body}");

    // Wrong password: a clear error on stderr, non-zero exit, nothing on stdout.
    let out = cli(t.path(), &args, Some("wrong"));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("(401)") && err.contains("user name or password"),
        "{err}"
    );

    // No password anywhere (no variable, no saved connection): says how to give one.
    let out = cli(t.path(), &args, None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("PLOTLINE_CALDAV_PASSWORD"), "{err}");
    assert!(!err.contains("wonderland"));
}

const CHILD: &str = "PLOTLINE_CLI_KEYCHAIN_CHILD";

/// Inside a private D-Bus session with gnome-keyring: save a connection (password into the real
/// keyring), then `publish caldav` without PLOTLINE_CALDAV_PASSWORD finds it there.
fn keychain_child() {
    use plotline_core::connections::{self, CalDavInput};
    use plotline_core::secrets::{KeyringStore, Secret};
    let url = std::env::var("PLOTLINE_TEST_CALDAV_URL").unwrap();
    let data = std::path::PathBuf::from(std::env::var("PLOTLINE_TEST_DATA").unwrap());
    {
        let store = plotline_core::Store::open(&plotline_core::DataDir::at(&data)).unwrap();
        store
            .write(|tx| {
                connections::add_caldav(
                    tx,
                    &KeyringStore::new(),
                    &CalDavInput {
                        label: "Team".into(),
                        url: url.clone(),
                        username: "alice".into(),
                        password: Secret::new("wonderland"),
                    },
                )
            })
            .unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_plotline-cli"))
        .arg("--data-dir")
        .arg(&data)
        .args(["publish", "caldav", "--url", &url, "--user", "alice"])
        .env_remove("PLOTLINE_CALDAV_PASSWORD")
        .env_remove("PLOTLINE_DATA_DIR")
        .output()
        .unwrap();
    let summary = json(&out);
    assert!(summary["created"].as_u64().unwrap() >= 30, "{summary}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("wonderland"));
    println!("CLI-KEYCHAIN-OK");
}

#[test]
fn publish_caldav_takes_the_password_from_the_keychain_entry_of_a_saved_connection() {
    if std::env::var(CHILD).is_ok() {
        return keychain_child();
    }
    let server = radicale::Radicale::start();
    server.make_calendar("/alice/plan/");
    let t = tempfile::tempdir().unwrap();
    let data = t.path().join("data");
    json(&cli(&data, &["demo"], None));
    let mut cmd = Command::new("dbus-run-session");
    cmd.arg("--")
        .arg("bash")
        .arg("-c")
        .arg(
            "set -e; echo -n test-unlock-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; \
             exec \"$0\" --exact publish_caldav_takes_the_password_from_the_keychain_entry_of_a_saved_connection --nocapture",
        )
        .arg(std::env::current_exe().unwrap())
        .env(CHILD, "1")
        .env("PLOTLINE_TEST_CALDAV_URL", server.url("/alice/plan/"))
        .env("PLOTLINE_TEST_DATA", &data);
    // Its own HOME and XDG folders: the developer's real keyring is never touched.
    for d in ["home", "xdg-data", "runtime", "config", "cache"] {
        std::fs::create_dir_all(t.path().join(d)).unwrap();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            t.path().join("runtime"),
            std::fs::Permissions::from_mode(0o700),
        )
        .unwrap();
    }
    cmd.env("HOME", t.path().join("home"))
        .env("XDG_DATA_HOME", t.path().join("xdg-data"))
        .env("XDG_RUNTIME_DIR", t.path().join("runtime"))
        .env("XDG_CONFIG_HOME", t.path().join("config"))
        .env("XDG_CACHE_HOME", t.path().join("cache"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("PLOTLINE_CALDAV_PASSWORD");
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("CLI-KEYCHAIN-OK"),
        "stdout: {stdout}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, listing) = server.raw("PROPFIND", "/alice/plan/", None);
    assert!(listing.matches(".ics</").count() >= 30);
}
