//! The real system keychain (R14): a real Secret Service (gnome-keyring) in an isolated D-Bus
//! session, and the "no secure store" path.
//!
//! Each outer test re-runs this test binary as a child (selected by `PLOTLINE_KEYCHAIN_CHILD`)
//! inside the environment it needs, and asserts on the marker the child prints. The child runs
//! with its own temporary HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR, so a developer's real keyring
//! is never read or written.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::process::Command;

use plotline_core::connections::{self, CalDavInput};
use plotline_core::secrets::{availability, KeyringStore, Secret, SecretRef, SecretStore, SERVICE};
use plotline_core::{DataDir, ErrorKind, Store};

const CHILD: &str = "PLOTLINE_KEYCHAIN_CHILD";
const ROUND_TRIP_MARKER: &str = "Keyring-Marker-7f3a-パン";

fn isolated(cmd: &mut Command, tmp: &std::path::Path) {
    for d in ["home", "data", "runtime", "config", "cache"] {
        let p = tmp.join(d);
        std::fs::create_dir_all(&p).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
    }
    cmd.env("HOME", tmp.join("home"))
        .env("XDG_DATA_HOME", tmp.join("data"))
        .env("XDG_RUNTIME_DIR", tmp.join("runtime"))
        .env("XDG_CONFIG_HOME", tmp.join("config"))
        .env("XDG_CACHE_HOME", tmp.join("cache"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
}

fn run_child(cmd: &mut Command) -> String {
    let out = cmd.output().expect("start the child test process");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "child failed ({}):\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );
    format!("{stdout}\n{stderr}")
}

fn child_round_trip() {
    let store = KeyringStore::new();
    assert!(availability(&store).available, "{:?}", availability(&store));
    let key = SecretRef::new(SERVICE, format!("caldav:test-{}", std::process::id()));
    assert_eq!(store.get(&key).unwrap(), None, "fresh keyring has no entry");
    store.set(&key, &Secret::new("first pass 🍞 パン")).unwrap();
    assert_eq!(
        store.get(&key).unwrap().unwrap().expose(),
        "first pass 🍞 パン"
    );
    store.set(&key, &Secret::new("second")).unwrap();
    assert_eq!(store.get(&key).unwrap().unwrap().expose(), "second");
    // A second reference is independent of the first.
    let other = SecretRef::new(SERVICE, "caldav:other");
    store.set(&other, &Secret::new("other")).unwrap();
    store.delete(&key).unwrap();
    assert_eq!(store.get(&key).unwrap(), None);
    store.delete(&key).unwrap(); // idempotent
    assert_eq!(store.get(&other).unwrap().unwrap().expose(), "other");
    store.delete(&other).unwrap();

    // A CalDAV connection through the real keychain: the password is in the keyring, and no file
    // of the data folder (database, WAL) contains it; removing it removes the keyring entry.
    const MARKER: &str = ROUND_TRIP_MARKER;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let db = Store::open(&DataDir::at(&data)).unwrap();
    let input = CalDavInput {
        label: "Team".into(),
        url: "https://cloud.example.com/dav/calendars/komorebi/plan/".into(),
        username: "komorebi".into(),
        password: Secret::new(MARKER),
    };
    let saved = db
        .write(|tx| connections::add_caldav(tx, &store, &input))
        .unwrap();
    let key = SecretRef::caldav(&saved.id);
    assert_eq!(store.get(&key).unwrap().unwrap().expose(), MARKER);
    for entry in walk(&data) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !bytes.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()),
            "secret found in {}",
            entry.display()
        );
    }
    db.write(|tx| connections::remove(tx, &store, &saved.id))
        .unwrap();
    assert_eq!(store.get(&key).unwrap(), None);
    println!("KEYCHAIN-ROUNDTRIP-OK");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn child_no_daemon() {
    let store = KeyringStore::new();
    let status = availability(&store);
    assert!(!status.available);
    assert!(
        status
            .message
            .as_deref()
            .unwrap_or("")
            .contains("Nothing was stored."),
        "{status:?}"
    );
    let key = SecretRef::caldav("no-daemon");
    // The in-memory mock keyring would accept this: a real store must refuse without a daemon.
    let err = store.set(&key, &Secret::new("s3cret")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported, "{err}");
    let msg = err.to_string();
    assert!(
        msg.starts_with("Plotline could not reach your system keychain ("),
        "{msg}"
    );
    assert!(msg.contains("Nothing was stored."), "{msg}");
    assert!(msg.contains("GNOME Keyring or KWallet"), "{msg}");
    assert!(!msg.contains("s3cret"), "{msg}");
    // Reading must not pretend there is simply no entry either.
    let err = store.get(&key).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported, "{err}");
    // Adding a connection without a keychain stores nothing at all.
    let tmp = tempfile::tempdir().unwrap();
    let db = Store::open(&DataDir::at(tmp.path().join("data"))).unwrap();
    let input = CalDavInput {
        label: "Team".into(),
        url: "https://cloud.example.com/dav/plan/".into(),
        username: "komorebi".into(),
        password: Secret::new("s3cret"),
    };
    let err = db
        .write(|tx| connections::add_caldav(tx, &store, &input))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported, "{err}");
    assert!(db.read(connections::list).unwrap().is_empty());
    println!("KEYCHAIN-NO-DAEMON-OK: {msg}");
}

#[test]
fn real_secret_service_round_trip() {
    if std::env::var(CHILD).as_deref() == Ok("round_trip") {
        return child_round_trip();
    }
    let tmp = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut cmd = Command::new("dbus-run-session");
    cmd.arg("--")
        .arg("bash")
        .arg("-c")
        .arg(
            "set -e; echo -n test-unlock-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; \
             exec \"$0\" --exact real_secret_service_round_trip --nocapture --test-threads=1",
        )
        .arg(&exe)
        .env(CHILD, "round_trip");
    isolated(&mut cmd, tmp.path());
    let out = run_child(&mut cmd);
    assert!(out.contains("KEYCHAIN-ROUNDTRIP-OK"), "{out}");
    // The child's output (our only "log") and every file it left behind (HOME, XDG folders,
    // gnome-keyring's encrypted keyring file) never contain the password in clear.
    assert!(!out.contains(ROUND_TRIP_MARKER), "secret in the output");
    for entry in walk(tmp.path()) {
        let bytes = std::fs::read(&entry).unwrap_or_default();
        assert!(
            !bytes
                .windows(ROUND_TRIP_MARKER.len())
                .any(|w| w == ROUND_TRIP_MARKER.as_bytes()),
            "secret found in {}",
            entry.display()
        );
    }
    // The daemon wrote its keyring inside the temporary XDG_DATA_HOME, not the user's.
    assert!(
        tmp.path().join("data/keyrings").is_dir(),
        "gnome-keyring should keep its files in the temporary XDG_DATA_HOME"
    );
}

#[test]
fn no_secure_store_is_a_clear_error_and_not_the_mock() {
    if std::env::var(CHILD).as_deref() == Ok("no_daemon") {
        return child_no_daemon();
    }
    let tmp = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut cmd = Command::new(exe);
    cmd.args([
        "--exact",
        "no_secure_store_is_a_clear_error_and_not_the_mock",
        "--nocapture",
    ])
    .env(CHILD, "no_daemon")
    .env(
        "DBUS_SESSION_BUS_ADDRESS",
        format!("unix:path={}", tmp.path().join("no-such-bus").display()),
    );
    isolated(&mut cmd, tmp.path());
    let out = run_child(&mut cmd);
    assert!(out.contains("KEYCHAIN-NO-DAEMON-OK"), "{out}");
}
