//! Publishing the plan's posts to a saved CalDAV connection against a real Radicale:
//! publish → update → delete with the publish record kept in the database, a 412 conflict
//! (an event changed on the server), a wrong password (401), and foreign events left alone.
#![allow(clippy::unwrap_used)]

#[path = "support/radicale.rs"]
mod radicale;

use std::collections::HashMap;
use std::sync::Mutex;

use plotline_core::connections::{self, CalDavInput};
use plotline_core::content::posts::{self, PostInput, VariantInput};
use plotline_core::content::{ContentType, Format};
use plotline_core::exchange::caldav::PlanAction;
use plotline_core::publishing::caldav::{last_run, publish_connection, record, CalendarKey};
use plotline_core::secrets::{Secret, SecretRef, SecretStore};
use plotline_core::workspace::Language;
use plotline_core::{DataDir, Store};
use radicale::Radicale;

/// A keychain stand-in for this test (the real one is tested in keychain.rs).
#[derive(Default)]
struct TestKeychain(Mutex<HashMap<SecretRef, Secret>>);

impl SecretStore for TestKeychain {
    fn set(&self, key: &SecretRef, secret: &Secret) -> plotline_core::Result<()> {
        self.0.lock().unwrap().insert(key.clone(), secret.clone());
        Ok(())
    }
    fn get(&self, key: &SecretRef) -> plotline_core::Result<Option<Secret>> {
        Ok(self.0.lock().unwrap().get(key).cloned())
    }
    fn delete(&self, key: &SecretRef) -> plotline_core::Result<()> {
        self.0.lock().unwrap().remove(key);
        Ok(())
    }
}

const FOREIGN: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone else//EN\r\nBEGIN:VEVENT\r\nUID:staff-party@example.com\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260410T090000Z\r\nDTEND:20260410T100000Z\r\nSUMMARY:Staff party\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// The sample bakery's workspace (Komorebi Bakery, Tokyo), as the app's demo sets it up.
fn bakery(store: &Store) {
    store
        .write(|tx| {
            plotline_core::workspace::save(tx, &plotline_core::demo::sample_profile(Language::En))
        })
        .unwrap();
}

fn post_input(title: &str, day: u32) -> PostInput {
    let mut input = PostInput::idea(title, ContentType::Community, Format::Photo);
    input.body = format!("{title}: 焼きたて 🥐");
    input.scheduled_local = Some(format!("2026-04-{day:02}T09:00"));
    input.variants = vec![VariantInput::inherit("instagram")];
    input
}

fn add_post(store: &Store, title: &str, day: u32) -> String {
    store
        .write(|tx| posts::create(tx, &post_input(title, day), None))
        .unwrap()
        .id
}

#[test]
fn publish_update_delete_with_the_record_in_the_database() {
    let server = Radicale::start();
    server.make_calendar("/alice/plan/");
    let (st, _) = server.raw("PUT", "/alice/plan/staff-party.ics", Some(FOREIGN));
    assert_eq!(st, 201);

    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(&DataDir::at(tmp.path().join("data"))).unwrap();
    bakery(&store);
    let keychain = TestKeychain::default();
    let conn = store
        .write(|tx| {
            connections::add_caldav(
                tx,
                &keychain,
                &CalDavInput {
                    label: "Team calendar".into(),
                    url: server.url("/alice/plan"),
                    username: "alice".into(),
                    password: Secret::new("wonderland"),
                },
            )
        })
        .unwrap();
    let key = CalendarKey::new(&conn.url, "alice");
    let a = add_post(&store, "Sakura anpan", 3);
    let b = add_post(&store, "Bread class", 4);
    let c = add_post(&store, "Closed Monday", 5);
    // A backlog idea has no date: it is not published.
    store
        .write(|tx| {
            posts::create(
                tx,
                &PostInput::idea("Someday", ContentType::Educational, Format::Text),
                None,
            )
        })
        .unwrap();

    // Dry run: the plan, nothing written anywhere.
    let dry = publish_connection(&store, &keychain, &conn.id, true).unwrap();
    assert!(dry.dry_run);
    assert_eq!((dry.created, dry.updated, dry.deleted), (3, 0, 0));
    assert!(dry.plan.iter().all(|p| p.action == PlanAction::Create));
    // 09:00 in Tokyo, as a UTC instant the UI shows in the business's zone.
    assert_eq!(dry.plan[0].starts.as_deref(), Some("2026-04-03T00:00:00Z"));
    assert!(dry.plan[0]
        .summary
        .as_deref()
        .unwrap()
        .contains("Sakura anpan"));
    assert!(store.read(|c| record(c, &key)).unwrap().items.is_empty());
    assert_eq!(store.read(|c| last_run(c, &key)).unwrap(), None);
    let (_, listing) = server.raw("PROPFIND", "/alice/plan/", None);
    assert!(!listing.contains("plotline.app"), "{listing}");

    // Publish: three events, one per post, recorded with their ETags.
    let first = publish_connection(&store, &keychain, &conn.id, false).unwrap();
    assert!(first.failures.is_empty(), "{:?}", first.failures);
    assert_eq!(first.created, 3);
    let rec = store.read(|c| record(c, &key)).unwrap();
    assert_eq!(rec.items.len(), 3);
    assert!(rec.items.iter().all(|i| i.etag.is_some()));
    let (st, body) = server.raw("GET", &format!("/alice/plan/{a}@plotline.app.ics"), None);
    assert_eq!(st, 200);
    assert!(body.contains("Sakura anpan"), "{body}");
    assert!(body.contains("焼きたて 🥐"), "{body}");
    assert!(body.contains("TZID=Asia/Tokyo"), "{body}");
    let run = store.read(|c| last_run(c, &key)).unwrap().unwrap();
    assert_eq!((run.created, run.failures), (3, 0));

    // Nothing changed: nothing sent.
    let again = publish_connection(&store, &keychain, &conn.id, false).unwrap();
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 3));

    // Edit one post, delete another: one update, one delete, the foreign event untouched.
    store
        .write(|tx| {
            let mut input = post_input("Sakura anpan — now at 10:00", 3);
            input.scheduled_local = Some("2026-04-03T10:00".into());
            posts::update(tx, &a, &input, None)
        })
        .unwrap();
    store.write(|tx| posts::delete(tx, &c)).unwrap();
    let preview = publish_connection(&store, &keychain, &conn.id, true).unwrap();
    assert_eq!(
        (preview.updated, preview.deleted, preview.unchanged),
        (1, 1, 1)
    );
    let second = publish_connection(&store, &keychain, &conn.id, false).unwrap();
    assert!(second.failures.is_empty(), "{:?}", second.failures);
    assert_eq!(
        (
            second.created,
            second.updated,
            second.deleted,
            second.unchanged
        ),
        (0, 1, 1, 1)
    );
    let (_, body) = server.raw("GET", &format!("/alice/plan/{a}@plotline.app.ics"), None);
    assert!(body.contains("now at 10:00"), "{body}");
    let (st, _) = server.raw("GET", &format!("/alice/plan/{c}@plotline.app.ics"), None);
    assert_eq!(st, 404, "the deleted post's event is gone");
    let (st, body) = server.raw("GET", "/alice/plan/staff-party.ics", None);
    assert_eq!(st, 200);
    assert!(body.contains("Staff party"));
    assert_eq!(store.read(|c| record(c, &key)).unwrap().items.len(), 2);

    // 412: someone edits the "Bread class" event on their phone; Plotline's own change to it
    // is not forced over theirs, and the other events still go ahead.
    let href = format!("/alice/plan/{b}@plotline.app.ics");
    let edited = FOREIGN
        .replace("staff-party@example.com", &format!("{b}@plotline.app"))
        .replace("Staff party", "Edited on the phone");
    let (st, _) = server.raw("PUT", &href, Some(&edited));
    assert!((200..300).contains(&st), "{st}");
    store
        .write(|tx| posts::update(tx, &b, &post_input("Bread class (full)", 4), None))
        .unwrap();
    let d = add_post(&store, "New croissant", 6);
    let conflict = publish_connection(&store, &keychain, &conn.id, false).unwrap();
    assert_eq!(conflict.failures.len(), 1, "{:?}", conflict.failures);
    assert!(conflict.failures[0].uid.starts_with(&b));
    assert!(
        conflict.failures[0]
            .message
            .contains("changed in the calendar"),
        "{:?}",
        conflict.failures
    );
    assert_eq!((conflict.created, conflict.updated), (1, 0));
    let (_, body) = server.raw("GET", &href, None);
    assert!(
        body.contains("Edited on the phone"),
        "not overwritten: {body}"
    );
    let (st, _) = server.raw("GET", &format!("/alice/plan/{d}@plotline.app.ics"), None);
    assert_eq!(st, 200);
    assert_eq!(
        store.read(|c| last_run(c, &key)).unwrap().unwrap().failures,
        1
    );

    // Wrong password (401): a clear message on the password field, nothing changes.
    let wrong = store
        .write(|tx| {
            connections::add_caldav(
                tx,
                &keychain,
                &CalDavInput {
                    label: "Typo".into(),
                    url: server.url("/alice/plan/"),
                    username: "alice".into(),
                    password: Secret::new("wrong"),
                },
            )
        })
        .unwrap();
    let before = store.read(|c| record(c, &key)).unwrap();
    assert_eq!(before.items.len(), 3);
    let err = publish_connection(&store, &keychain, &wrong.id, false).unwrap_err();
    assert_eq!(err.field_name(), Some("password"), "{err}");
    assert!(err.to_string().contains("(401)"), "{err}");
    assert_eq!(store.read(|c| record(c, &key)).unwrap(), before);

    // Removing the connection forgets its record (the events stay in the calendar).
    store
        .write(|tx| connections::remove(tx, &keychain, &conn.id))
        .unwrap();
    assert!(store.read(|c| record(c, &key)).unwrap().items.is_empty());
    let (st, _) = server.raw("GET", &format!("/alice/plan/{d}@plotline.app.ics"), None);
    assert_eq!(st, 200);
}

#[test]
fn radicale_is_stopped_when_the_test_panics() {
    let pid = std::sync::Arc::new(Mutex::new(0u32));
    let seen = pid.clone();
    let outcome = std::thread::spawn(move || {
        let server = Radicale::start();
        *seen.lock().unwrap() = server.pid();
        panic!("a failing assertion while Radicale runs");
    })
    .join();
    assert!(outcome.is_err());
    let pid = *pid.lock().unwrap();
    assert!(pid > 0);
    // The process is gone (killed and reaped by Drop during unwinding).
    assert!(
        !std::path::Path::new(&format!("/proc/{pid}")).exists(),
        "Radicale {pid} still running"
    );
}
