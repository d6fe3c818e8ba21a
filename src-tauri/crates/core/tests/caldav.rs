//! CalDAV publishing against a real Radicale server, started by the shared launcher in
//! `support/radicale.rs` (127.0.0.1, temporary storage, plain htpasswd users, stopped by PID).
#![allow(clippy::unwrap_used, clippy::print_stdout)]

#[path = "support/radicale.rs"]
mod radicale;

use std::net::TcpListener;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use plotline_core::connections::{self, CalDavInput};
use plotline_core::exchange::caldav::{
    plan, CalDavClient, CalDavTarget, PlanAction, PublishRecord,
};
use plotline_core::exchange::ics::{CalEvent, EventTime};
use plotline_core::secrets::{Secret, SecretRef, SecretStore};
use plotline_core::ErrorKind;
use plotline_core::{DataDir, Store};
use radicale::Radicale;

fn target(url: &str, user: &str, pw: &str) -> CalDavTarget {
    let mut t = CalDavTarget::new(url, user, Secret::new(pw));
    t.timeout = Duration::from_secs(10);
    t
}

fn event(n: u32, title: &str) -> CalEvent {
    CalEvent {
        uid: format!("post-{n}@plotline.app"),
        summary: title.to_string(),
        description: Some(format!("Post {n}: 焼きたて 🥐")),
        time: EventTime::Zoned {
            start: Utc.with_ymd_and_hms(2026, 4, n, 1, 0, 0).unwrap(),
            end: Utc.with_ymd_and_hms(2026, 4, n, 2, 0, 0).unwrap(),
            tz: chrono_tz::Asia::Tokyo,
        },
        categories: vec!["Products".into()],
        url: None,
        stamp: Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap(),
    }
}

const FOREIGN: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone else//EN\r\nBEGIN:VEVENT\r\nUID:staff-party@example.com\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260410T090000Z\r\nDTEND:20260410T100000Z\r\nSUMMARY:Staff party\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

#[test]
fn publish_update_delete_cycle_against_radicale() {
    let server = Radicale::start();
    let col = server.url("/alice/plotline/");
    let client = CalDavClient::new(&target(&col, "alice", "wonderland")).unwrap();
    client.make_calendar("Komorebi Bakery — plan").unwrap();
    client.check().unwrap();

    // Another app's event in the same calendar.
    let (st, _) = server.raw("PUT", "/alice/plotline/staff-party.ics", Some(FOREIGN));
    assert_eq!(st, 201);

    // Dry run: everything is a create, nothing is written.
    let events = vec![
        event(1, "Croissant launch"),
        event(2, "Bread class"),
        event(3, "Cherry blossom box"),
    ];
    let dry = client
        .publish(&events, &PublishRecord::default(), true)
        .unwrap();
    assert!(dry.dry_run);
    assert!(dry.plan.iter().all(|p| p.action == PlanAction::Create));
    assert_eq!(dry.record, PublishRecord::default());
    let (_, listing) = server.raw("PROPFIND", "/alice/plotline/", None);
    assert!(
        !listing.contains("post-1@plotline.app.ics"),
        "dry run wrote: {listing}"
    );

    // Publish.
    let first = client
        .publish(&events, &PublishRecord::default(), false)
        .unwrap();
    assert!(first.failures.is_empty(), "{:?}", first.failures);
    assert_eq!(first.record.items.len(), 3);
    assert!(first.record.items.iter().all(|i| i.etag.is_some()));
    let (st, body) = server.raw("GET", "/alice/plotline/post-2@plotline.app.ics", None);
    assert_eq!(st, 200);
    assert!(body.contains("SUMMARY:Bread class"), "{body}");
    assert!(body.contains("焼きたて 🥐"), "{body}");

    // Nothing changed → everything unchanged, no request changes anything.
    let again = plan(&events, &first.record, &col).unwrap();
    assert!(
        again.iter().all(|p| p.action == PlanAction::Unchanged),
        "{again:?}"
    );
    let same = client.publish(&events, &first.record, false).unwrap();
    assert_eq!(
        same.record, first.record,
        "ETags unchanged: nothing was rewritten"
    );

    // Update one, delete one, leave one.
    let mut edited = vec![
        event(1, "Croissant launch — now at 10:00"),
        event(2, "Bread class"),
    ];
    edited[0].stamp = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).unwrap();
    let dry = plan(&edited, &first.record, &col).unwrap();
    let actions: Vec<_> = dry.iter().map(|p| (p.uid.as_str(), p.action)).collect();
    assert_eq!(
        actions,
        vec![
            ("post-1@plotline.app", PlanAction::Update),
            ("post-2@plotline.app", PlanAction::Unchanged),
            ("post-3@plotline.app", PlanAction::Delete),
        ]
    );
    let second = client.publish(&edited, &first.record, false).unwrap();
    assert!(second.failures.is_empty(), "{:?}", second.failures);
    assert_eq!(second.record.items.len(), 2);
    let e1_old = &first.record.items[0];
    let e1_new = second
        .record
        .items
        .iter()
        .find(|i| i.uid == e1_old.uid)
        .unwrap();
    assert_ne!(e1_old.etag, e1_new.etag, "updated event has a new ETag");
    assert_eq!(
        first.record.items[1], second.record.items[1],
        "unchanged event untouched"
    );
    let (_, body) = server.raw("GET", "/alice/plotline/post-1@plotline.app.ics", None);
    assert!(body.contains("now at 10:00"), "{body}");
    let (st, _) = server.raw("GET", "/alice/plotline/post-3@plotline.app.ics", None);
    assert_eq!(st, 404, "removed event deleted");

    // The foreign event is still there, byte for byte what its app wrote.
    let (st, body) = server.raw("GET", "/alice/plotline/staff-party.ics", None);
    assert_eq!(st, 200);
    assert!(body.contains("SUMMARY:Staff party"), "{body}");

    // Publishing an empty plan deletes only Plotline's own events.
    let cleared = client.publish(&[], &second.record, false).unwrap();
    assert!(cleared.failures.is_empty());
    assert!(cleared.record.items.is_empty());
    let (_, listing) = server.raw("PROPFIND", "/alice/plotline/", None);
    assert!(listing.contains("staff-party.ics"), "{listing}");
    assert!(!listing.contains("post-1@plotline.app.ics"), "{listing}");

    // An event changed by someone else since Plotline wrote it is not overwritten (412).
    let pub3 = client
        .publish(&[event(5, "Original")], &PublishRecord::default(), false)
        .unwrap();
    let href = pub3.record.items[0].href.clone();
    let (st, _) = server.raw(
        "PUT",
        &href,
        Some(
            &FOREIGN
                .replace("staff-party@example.com", "post-5@plotline.app")
                .replace("Staff party", "Edited on the phone"),
        ),
    );
    assert!((200..300).contains(&st), "foreign edit accepted: {st}");
    let conflict = client
        .publish(&[event(5, "Changed in Plotline")], &pub3.record, false)
        .unwrap();
    assert_eq!(conflict.failures.len(), 1, "{:?}", conflict.failures);
    assert!(
        conflict.failures[0]
            .message
            .contains("changed in the calendar"),
        "{:?}",
        conflict.failures
    );
    assert_eq!(
        conflict.record, pub3.record,
        "the record keeps the old ETag"
    );
    let (_, body) = server.raw("GET", &href, None);
    assert!(
        body.contains("Edited on the phone"),
        "the phone's edit survived: {body}"
    );

    // A create that meets an existing resource of the same name is refused, not overwritten.
    let (st, _) = server.raw(
        "PUT",
        "/alice/plotline/post-9@plotline.app.ics",
        Some(&FOREIGN.replace("staff-party@example.com", "post-9@plotline.app")),
    );
    assert_eq!(st, 201);
    let clash = client
        .publish(&[event(9, "Mine")], &PublishRecord::default(), false)
        .unwrap();
    assert_eq!(clash.failures.len(), 1);
    assert!(clash.record.items.is_empty());
    let (_, body) = server.raw("GET", "/alice/plotline/post-9@plotline.app.ics", None);
    assert!(body.contains("Staff party"), "{body}");
}

#[test]
fn clear_errors_for_bad_password_missing_calendar_and_network_failures() {
    let server = Radicale::start();
    let col = server.url("/alice/plan/");
    CalDavClient::new(&target(&col, "alice", "wonderland"))
        .unwrap()
        .make_calendar("Plan")
        .unwrap();

    // 401: wrong password; nothing is written.
    let bad = CalDavClient::new(&target(&col, "alice", "wrong")).unwrap();
    let e = bad
        .publish(&[event(1, "x")], &PublishRecord::default(), false)
        .unwrap_err();
    assert_eq!(e.field_name(), Some("password"), "{e}");
    assert!(
        e.to_string().contains("refused this user name or password"),
        "{e}"
    );

    // 404: no such collection.
    let e = CalDavClient::new(&target(&server.url("/alice/nope/"), "alice", "wonderland"))
        .unwrap()
        .check()
        .unwrap_err();
    assert_eq!(e.field_name(), Some("url"), "{e}");
    assert!(e.to_string().contains("no calendar at this address"), "{e}");

    // 403: another user's calendar.
    let e = CalDavClient::new(&target(&col, "bob", "builder"))
        .unwrap()
        .check()
        .unwrap_err();
    assert!(e.to_string().contains("(403)"), "{e}");

    // A folder that is not a calendar (the user's principal collection).
    let e = CalDavClient::new(&target(&server.url("/alice/"), "alice", "wonderland"))
        .unwrap()
        .check()
        .unwrap_err();
    assert!(e.to_string().contains("not a calendar"), "{e}");

    // TLS to a server that only speaks plain HTTP.
    let tls_url = format!("https://127.0.0.1:{}/alice/plan/", server.port);
    let e = CalDavClient::new(&target(&tls_url, "alice", "wonderland"))
        .unwrap()
        .check()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Io, "{e}");
    let msg = e.to_string();
    assert!(
        msg.contains("secure connection") || msg.contains("did not answer like a web server"),
        "{msg}"
    );

    // Connection refused: a port nobody listens on.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let e = CalDavClient::new(&target(
        &format!("http://127.0.0.1:{port}/a/"),
        "alice",
        "x",
    ))
    .unwrap()
    .check()
    .unwrap_err();
    assert!(e.to_string().contains("connection refused"), "{e}");

    // Timeout: a server that accepts the connection and never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let mut t = target(&format!("http://127.0.0.1:{port}/a/"), "alice", "x");
    t.timeout = Duration::from_millis(500);
    let e = CalDavClient::new(&t).unwrap().check().unwrap_err();
    assert!(e.to_string().contains("did not answer in time"), "{e}");
    drop(silent);
}

/// A keychain stand-in for this test (the real keychain has its own test in keychain.rs).
#[derive(Default)]
struct TestKeychain(std::sync::Mutex<std::collections::HashMap<String, String>>);

impl SecretStore for TestKeychain {
    fn set(&self, key: &SecretRef, secret: &Secret) -> plotline_core::Result<()> {
        self.0
            .lock()
            .unwrap()
            .insert(key.to_key(), secret.expose().to_string());
        Ok(())
    }
    fn get(&self, key: &SecretRef) -> plotline_core::Result<Option<Secret>> {
        Ok(self
            .0
            .lock()
            .unwrap()
            .get(&key.to_key())
            .map(|s| Secret::new(s.as_str())))
    }
    fn delete(&self, key: &SecretRef) -> plotline_core::Result<()> {
        self.0.lock().unwrap().remove(&key.to_key());
        Ok(())
    }
}

#[test]
fn saved_connection_tests_and_publishes_with_the_keychain_password() {
    let server = Radicale::start();
    let col = server.url("/alice/team/");
    CalDavClient::new(&target(&col, "alice", "wonderland"))
        .unwrap()
        .make_calendar("Team")
        .unwrap();
    let input = CalDavInput {
        label: "Team calendar".into(),
        url: col.clone(),
        username: "alice".into(),
        password: Secret::new("wonderland"),
    };
    connections::test_caldav(&input).unwrap();
    let wrong = CalDavInput {
        password: Secret::new("nope"),
        ..input.clone()
    };
    assert_eq!(
        connections::test_caldav(&wrong).unwrap_err().field_name(),
        Some("password")
    );

    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(&DataDir::at(tmp.path().join("data"))).unwrap();
    let keychain = TestKeychain::default();
    let saved = store
        .write(|tx| connections::add_caldav(tx, &keychain, &input))
        .unwrap();
    store
        .read(|c| connections::test_saved(c, &keychain, &saved.id))
        .unwrap();
    let t = store
        .read(|c| connections::target(c, &keychain, &saved.id))
        .unwrap();
    let report = CalDavClient::new(&t)
        .unwrap()
        .publish(
            &[event(7, "Via saved connection")],
            &PublishRecord::default(),
            false,
        )
        .unwrap();
    assert!(report.failures.is_empty());
    store
        .write(|tx| connections::remove(tx, &keychain, &saved.id))
        .unwrap();
    assert!(
        keychain.0.lock().unwrap().is_empty(),
        "keychain entry removed"
    );
    let e = store
        .read(|c| connections::test_saved(c, &keychain, &saved.id))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}
