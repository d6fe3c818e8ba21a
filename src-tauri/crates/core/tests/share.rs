//! Team sharing (issue 8): ICS/CSV/HTML exports (golden files, an independent ICS parser),
//! plan bundles (round trip, merge with conflicts, secrets never included, malicious bundles),
//! CSV and ICS imports.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashMap;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use plotline_core::content::pillars::Pillar;
use plotline_core::content::posts::{Post, Variant};
use plotline_core::content::time::{from_local, LOCAL_FORMAT};
use plotline_core::content::{ContentType, Format, LinkPlacement, PostStatus};
use plotline_core::secrets::{Secret, SecretRef, SecretStore};
use plotline_core::share::bundle::{self, ImportChoice, Resolution, TABLES};
use plotline_core::share::csv_export::{self, CsvFormat};
use plotline_core::share::html::{self, PaperSize, PrintLayout};
use plotline_core::share::{
    csv_import, ics_events, ics_export, ExportOptions, LaneEvent, Selection,
};
use plotline_core::workspace::Language;
use plotline_core::{demo, DataDir, Store};

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compare with a golden file; `PLOTLINE_UPDATE_GOLDEN=1` rewrites it.
fn check_golden(name: &str, actual: &[u8]) {
    let path = golden(name);
    if std::env::var_os("PLOTLINE_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| panic!("missing golden file {name}"));
    assert!(
        expected == actual,
        "{name} differs from its golden file:\n{}",
        String::from_utf8_lossy(actual)
    );
}

fn variant(id: &str, platform: &str, text: Option<&str>, tags: &[&str]) -> Variant {
    Variant {
        id: id.into(),
        platform: platform.into(),
        text_override: text.map(String::from),
        hashtags: tags.iter().map(|t| t.to_string()).collect(),
        first_comment: None,
        link_placement: LinkPlacement::None,
    }
}

fn post(
    id: &str,
    tz: Tz,
    local: &str,
    title: &str,
    status: PostStatus,
    variants: Vec<Variant>,
) -> Post {
    let t = from_local(
        tz,
        NaiveDateTime::parse_from_str(local, LOCAL_FORMAT).unwrap(),
    );
    Post {
        id: id.into(),
        title: title.into(),
        body: format!("{title} — 焼きたて🥐, \"fresh\"; today\nSecond line"),
        pillar_id: Some("pillar-1".into()),
        content_type: ContentType::Educational,
        format: Format::Photo,
        objective_id: None,
        kpi_id: None,
        persona_ids: vec![],
        campaign_name: Some("Spring sale".into()),
        campaign_slug: Some("spring-sale".into()),
        scheduled_at: Some(t.utc.clone()),
        time: Some(t),
        status,
        owner_id: None,
        notes: "=SUM(A1)".into(),
        links: vec!["https://komorebi.example/menu".into()],
        series_id: None,
        variants,
        allowed_next: plotline_core::content::workflow::allowed_next(status).to_vec(),
        publication: None,
        created_at: "2026-01-01T00:00:00Z".into(),
        updated_at: "2026-01-02T03:04:05Z".into(),
    }
}

/// A fixed plan in `tz`: posts on both sides of the zone's DST changes (when it has any).
fn selection(tz: Tz, lang: Language) -> Selection {
    let mut pillars = HashMap::new();
    pillars.insert(
        "pillar-1".to_string(),
        Pillar {
            id: "pillar-1".into(),
            name: "Behind the scenes, 仕込み".into(),
            description: String::new(),
            colour: "leaf".into(),
            persona_ids: vec![],
            objective_id: None,
            sort_order: 0,
        },
    );
    let posts = vec![
        post(
            "p-winter",
            tz,
            "2026-03-07T09:03",
            "Winter loaf",
            PostStatus::Scheduled,
            vec![
                variant("v1", "instagram", None, &["bread", "#tokyo"]),
                variant("v2", "x", Some("Short text for X"), &[]),
            ],
        ),
        post(
            "p-spring",
            tz,
            "2026-03-30T09:00",
            "新作クロワッサン",
            PostStatus::Draft,
            vec![variant("v3", "line_official_account", None, &[])],
        ),
        post(
            "p-summer",
            tz,
            "2026-07-01T18:30",
            "-Summer menu",
            PostStatus::Approved,
            vec![variant(
                "v4",
                "instagram",
                Some("@everyone summer"),
                &["summer"],
            )],
        ),
        post(
            "p-fall",
            tz,
            "2026-11-02T08:00",
            "Autumn",
            PostStatus::Published,
            vec![],
        ),
    ];
    Selection {
        business: "Komorebi Bakery".into(),
        tz,
        language: lang,
        posts,
        pillars,
        events: vec![LaneEvent {
            id: "ev-1".into(),
            title: "Spring bread fair".into(),
            kind: "store_event".into(),
            starts_on: "2026-03-20".parse().unwrap(),
            ends_on: "2026-03-22".parse().unwrap(),
            notes: "Booth 3".into(),
            updated_at: "2026-01-05T00:00:00Z".into(),
        }],
        from: Some("2026-03-01".parse().unwrap()),
        to: Some("2026-11-30".parse().unwrap()),
    }
}

#[test]
fn ics_export_matches_its_golden_file() {
    let (ics, posts, events) =
        ics_export::render(&selection(chrono_tz::Asia::Tokyo, Language::En)).unwrap();
    assert_eq!((posts, events), (4, 1));
    assert!(ics.contains("UID:p-winter@plotline.app"));
    assert!(ics.contains("DTSTART;TZID=Asia/Tokyo:20260307T090300"));
    assert!(ics.contains("SUMMARY:[IG·X] Winter loaf"));
    assert!(ics.contains("CATEGORIES:Behind the scenes\\, 仕込み"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20260320"));
    check_golden("share-tokyo.ics", ics.as_bytes());
    let (ja, _, _) = ics_export::render(&selection(chrono_tz::Asia::Tokyo, Language::Ja)).unwrap();
    assert!(ja.contains("ステータス: 予約済み"), "{ja}");
}

const PY_CHECK: &str = r#"
import sys, json, datetime
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
vtz = {str(c['TZID']): c.to_tz() for c in cal.walk('VTIMEZONE')}
out = {}
for ev in cal.walk('VEVENT'):
    prop = ev['DTSTART']
    v = prop.dt
    item = {'summary': str(ev['SUMMARY']), 'description': str(ev.get('DESCRIPTION', ''))}
    if isinstance(v, datetime.datetime):
        item['start'] = v.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
        tzid = prop.params.get('TZID')
        if tzid:
            naive = v.replace(tzinfo=None)
            z = vtz[tzid]
            local = z.localize(naive) if hasattr(z, 'localize') else naive.replace(tzinfo=z)
            item['via_vtimezone'] = local.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    else:
        item['start'] = v.isoformat()
    out[str(ev['UID'])] = item
print(json.dumps(out, ensure_ascii=False))
"#;

#[test]
fn python_icalendar_reads_every_post_at_its_planned_instant_in_three_zones() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("check.py");
    std::fs::write(&script, PY_CHECK).unwrap();
    for tz in [
        chrono_tz::Europe::London,
        chrono_tz::America::New_York,
        chrono_tz::Asia::Tokyo,
    ] {
        let sel = selection(tz, Language::Ja);
        let (ics, _, _) = ics_export::render(&sel).unwrap();
        let file = dir.path().join("out.ics");
        std::fs::write(&file, &ics).unwrap();
        let out = Command::new("python3")
            .arg(&script)
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "python: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let parsed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for p in &sel.posts {
            let want = p.time.as_ref().unwrap().utc.clone();
            let got = &parsed[format!("{}@plotline.app", p.id)];
            assert_eq!(got["start"], want.as_str(), "{} in {tz}", p.id);
            assert_eq!(
                got["via_vtimezone"],
                want.as_str(),
                "{} in {tz} via VTIMEZONE",
                p.id
            );
            assert!(got["description"]
                .as_str()
                .unwrap()
                .contains("Behind the scenes, 仕込み"));
        }
        assert_eq!(parsed["ev-1@plotline.app"]["start"], "2026-03-20");
    }
    // The planned instants really straddle DST: 09:03 in London is 09:03Z in March and 08:00 BST
    // in November is... still GMT (after the change); in July it is 17:30Z.
    let london = selection(chrono_tz::Europe::London, Language::En);
    assert_eq!(
        london.posts[2].time.as_ref().unwrap().utc,
        "2026-07-01T17:30:00Z"
    );
    assert_eq!(
        london.posts[1].time.as_ref().unwrap().utc,
        "2026-03-30T08:00:00Z"
    );
}

fn demo_store(dir: &DataDir, lang: Language) -> Store {
    let store = Store::open(dir).unwrap();
    demo::seed_sample(&store, lang).unwrap();
    store
}

#[test]
fn csv_exports_match_their_golden_files_and_neutralise_formulas() {
    let (_t, dir) = common::temp_data_dir();
    let store = Store::open(&dir).unwrap();
    let sel = selection(chrono_tz::Asia::Tokyo, Language::En);
    let opts = ExportOptions {
        from: Some("2026-03-01".into()),
        to: Some("2026-11-30".into()),
        ..ExportOptions::default()
    };
    for (format, name) in [
        (CsvFormat::Plotline, "share-plotline.csv"),
        (CsvFormat::Buffer, "share-buffer.csv"),
        (CsvFormat::Hootsuite, "share-hootsuite.csv"),
    ] {
        let (bytes, _, notes) = store
            .read(|c| csv_export::render(c, &sel, &opts, format))
            .unwrap();
        check_golden(name, &bytes);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(!text.contains(",=SUM"), "{name}: formula not neutralised");
        assert!(
            !text.contains(",@everyone") && !text.contains("\"@everyone"),
            "{name}"
        );
        if format == CsvFormat::Hootsuite {
            assert!(
                text.starts_with("03/07/2026 09:05,"),
                "rounded to 5 minutes, no header: {text}"
            );
            assert!(notes.iter().any(|n| n.contains("5 minutes")));
        }
        if format == CsvFormat::Plotline {
            assert!(bytes.starts_with(b"\xEF\xBB\xBFpost_id,"));
            assert!(text.contains("'=SUM(A1)"));
        }
    }
    // Hootsuite's row cap.
    let mut big = sel.clone();
    let template = big.posts[0].clone();
    big.posts = (0..351)
        .map(|i| Post {
            id: format!("p{i}"),
            ..template.clone()
        })
        .collect();
    let one = ExportOptions {
        platforms: vec!["instagram".into()],
        ..opts.clone()
    };
    let err = store
        .read(|c| csv_export::render(c, &big, &one, CsvFormat::Hootsuite))
        .unwrap_err();
    assert!(err.to_string().contains("at most 350"), "{err}");
}

#[test]
fn printable_calendar_has_a_page_per_month_pillar_colours_and_a_legend() {
    let sel = selection(chrono_tz::Asia::Tokyo, Language::En);
    let doc = html::render(&sel, PrintLayout::Month, PaperSize::A4);
    assert_eq!(
        doc.matches("<section class=\"page\"").count(),
        9,
        "March..November"
    );
    assert!(doc.contains("@page { size: A4 landscape"));
    assert!(doc.contains("Komorebi Bakery"));
    assert!(doc.contains("#d7ecd0"), "pillar fill");
    assert!(doc.contains("Behind the scenes, 仕込み"));
    assert!(doc.contains("&quot;") || !doc.contains("<script"));
    assert!(
        !doc.contains("<script") && !doc.contains("http"),
        "self-contained"
    );
    assert!(doc.contains("Spring bread fair"));
    let week = html::render(&sel, PrintLayout::Week, PaperSize::Letter);
    assert!(week.contains("letter landscape"));
    let ja = html::render(
        &selection(chrono_tz::Asia::Tokyo, Language::Ja),
        PrintLayout::Month,
        PaperSize::A4,
    );
    assert!(ja.contains("2026年3月") && ja.contains("予約済み"));
}

#[test]
fn exports_from_the_sample_bakery_select_by_range_platform_and_status() {
    let (_t, dir) = common::temp_data_dir();
    let store = demo_store(&dir, Language::Ja);
    let all = store
        .read(|c| ics_export::export(c, &ExportOptions::default()))
        .unwrap();
    assert!(all.1 >= 20, "{} posts", all.1);
    // One mapping: the file holds, byte for byte, the events CalDAV publishing sends, with
    // labels in the workspace language (Japanese here).
    let published = store
        .read(plotline_core::exchange::post_events::scheduled_post_events)
        .unwrap();
    assert_eq!(published.len() as u32, all.1);
    for e in &published {
        let resource = plotline_core::exchange::ics::event_resource(e).unwrap();
        let begin = resource.find("BEGIN:VEVENT").unwrap();
        let end = resource.find("END:VEVENT").unwrap();
        assert!(
            all.0.contains(&resource[begin..end]),
            "{} differs between the ICS file and CalDAV",
            e.uid
        );
        assert!(
            e.description
                .as_deref()
                .unwrap()
                .starts_with("ステータス: "),
            "{:?}",
            e.description
        );
    }
    let only_ig = ExportOptions {
        platforms: vec!["instagram".into()],
        statuses: vec![PostStatus::Scheduled],
        include_events: true,
        ..ExportOptions::default()
    };
    let (ics, n, events) = store.read(|c| ics_export::export(c, &only_ig)).unwrap();
    assert!(n > 0 && n < all.1);
    assert!(events > 0, "the sample has store events");
    assert!(ics.contains("TZID=Asia/Tokyo"));
    let bad = ExportOptions {
        from: Some("2026-05-01".into()),
        to: Some("2026-04-01".into()),
        ..ExportOptions::default()
    };
    let err = store.read(|c| ics_export::export(c, &bad)).unwrap_err();
    assert!(
        matches!(err, plotline_core::Error::InvalidField { ref field, .. } if field == "to"),
        "{err}"
    );
}

struct TestSecrets(std::sync::Mutex<HashMap<String, String>>);
impl SecretStore for TestSecrets {
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
            .map(|s| Secret::new(s.clone())))
    }
    fn delete(&self, key: &SecretRef) -> plotline_core::Result<()> {
        self.0.lock().unwrap().remove(&key.to_key());
        Ok(())
    }
}

fn counts(store: &Store) -> Vec<(String, u64)> {
    let all = store.read(plotline_core::db::table_counts).unwrap();
    TABLES
        .iter()
        .map(|t| (t.name.to_string(), all.get(t.name).copied().unwrap_or(0)))
        .collect()
}

#[test]
fn a_bundle_restores_everything_into_an_empty_workspace_and_never_carries_secrets() {
    let (_t, dir) = common::temp_data_dir();
    let store = demo_store(&dir, Language::En);
    plotline_core::media::library::import_file(&store, &common::fixture("fresh-flower.jpg"))
        .unwrap();
    let secrets = TestSecrets(Default::default());
    const PASSWORD: &str = "correct-horse-battery-staple-42";
    store
        .write(|tx| {
            plotline_core::connections::add_caldav(
                tx,
                &secrets,
                &serde_json::from_value(serde_json::json!({
                    "label": "Team calendar", "url": "https://dav.example.com/cal/",
                    "username": "owner-login-xyz", "password": PASSWORD
                }))
                .unwrap(),
            )
        })
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("plan.plotline");
    let summary = bundle::export(&store, &file).unwrap();
    // The sample bakery's photos plus the one imported above.
    let photos = store
        .read(plotline_core::media::library::list)
        .unwrap()
        .len() as u32;
    assert!(photos > 1, "the sample has photos of its own");
    assert_eq!(summary.media, photos);
    assert!(summary.tables["posts"] > 20);

    // No secret, no connection, no keychain reference anywhere in the bundle (inflated too).
    let raw = std::fs::read(&file).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(&raw)).unwrap();
    let mut everything = raw.clone();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        std::io::copy(&mut f, &mut everything).unwrap();
    }
    for needle in [PASSWORD, "owner-login-xyz", "dav.example.com", "caldav:"] {
        assert!(
            !everything
                .windows(needle.len())
                .any(|w| w == needle.as_bytes()),
            "the bundle contains {needle}"
        );
    }

    let (_t2, dir2) = common::temp_data_dir();
    let empty = Store::open(&dir2).unwrap();
    let preview = bundle::preview(&empty, &file).unwrap();
    assert!(preview.empty_workspace && preview.conflicts.is_empty());
    assert_eq!(
        counts(&empty).iter().map(|c| c.1).sum::<u64>(),
        0,
        "preview wrote nothing"
    );
    let report = bundle::apply(&empty, &file, &[]).unwrap();
    assert!(report.added > 50);
    assert_eq!(counts(&empty), counts(&store), "every table restored");
    let orig = plotline_core::media::library::originals_dir(&dir2);
    assert_eq!(common::files_in(&orig).len(), photos as usize);
    // Importing the same bundle again changes nothing.
    let again = bundle::apply(&empty, &file, &[]).unwrap();
    assert_eq!((again.added, again.updated), (0, 0));
}

fn set_title(store: &Store, id: &str, title: &str, at: &str) {
    store
        .write(|tx| {
            tx.execute(
                "UPDATE posts SET title = ?2, updated_at = ?3 WHERE id = ?1",
                rusqlite::params![id, title, at],
            )?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn merging_takes_one_sided_changes_and_asks_about_rows_changed_on_both_sides() {
    let (_t, dir_a) = common::temp_data_dir();
    let a = demo_store(&dir_a, Language::En);
    let out = tempfile::tempdir().unwrap();
    let first = out.path().join("a.plotline");
    bundle::export(&a, &first).unwrap();
    let (_t2, dir_b) = common::temp_data_dir();
    let b = Store::open(&dir_b).unwrap();
    bundle::apply(&b, &first, &[]).unwrap();

    let ids: Vec<String> = a
        .read(|c| {
            let mut s = c.prepare("SELECT id FROM posts ORDER BY id LIMIT 3")?;
            let v = s
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(v)
        })
        .unwrap();
    let later = |m: u32| {
        Utc.with_ymd_and_hms(2099, 1, 1, 0, m, 0)
            .unwrap()
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    };
    // Both change post 0; only B changes post 1; only A changes post 2.
    set_title(&a, &ids[0], "Mine: both changed", &later(1));
    set_title(&b, &ids[0], "Theirs: both changed", &later(2));
    set_title(&b, &ids[1], "Theirs only", &later(3));
    set_title(&a, &ids[2], "Mine only", &later(4));
    let second = out.path().join("b.plotline");
    bundle::export(&b, &second).unwrap();

    let preview = bundle::preview(&a, &second).unwrap();
    assert_eq!(preview.conflicts.len(), 1, "{:?}", preview.conflicts);
    let c = &preview.conflicts[0];
    assert_eq!(
        (c.table.as_str(), c.key.as_str()),
        ("posts", ids[0].as_str())
    );
    assert!(c.fields.contains(&"title".to_string()));
    let t = c.changes.iter().find(|ch| ch.field == "title").unwrap();
    assert_eq!(
        (t.mine.as_str(), t.theirs.as_str()),
        ("Mine: both changed", "Theirs: both changed")
    );
    let posts = preview.tables.iter().find(|t| t.table == "posts").unwrap();
    assert_eq!((posts.updated, posts.kept, posts.conflicts), (1, 1, 1));

    // Without a choice nothing is written.
    let err = bundle::apply(&a, &second, &[]).unwrap_err();
    assert!(err.to_string().contains("keep mine"), "{err}");
    let title = |s: &Store, id: &str| {
        s.read(|c| {
            Ok(
                c.query_row("SELECT title FROM posts WHERE id = ?1", [id], |r| {
                    r.get::<_, String>(0)
                })?,
            )
        })
        .unwrap()
    };
    assert_eq!(
        title(&a, &ids[1]),
        title(&b, &ids[1]).replace("Theirs only", &title(&a, &ids[1]))
    );

    let choice = ImportChoice {
        table: "posts".into(),
        key: ids[0].clone(),
        take: Resolution::Theirs,
    };
    let report = bundle::apply(&a, &second, &[choice]).unwrap();
    assert!(report.updated >= 2);
    assert_eq!(title(&a, &ids[0]), "Theirs: both changed");
    assert_eq!(title(&a, &ids[1]), "Theirs only");
    assert_eq!(title(&a, &ids[2]), "Mine only");
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, o).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn malicious_or_foreign_bundles_are_refused_and_nothing_is_written() {
    let (_t, dir) = common::temp_data_dir();
    let store = demo_store(&dir, Language::En);
    let before = counts(&store);
    let tmp = tempfile::tempdir().unwrap();
    let plan = |fv: u32, sv: u32| {
        serde_json::json!({"format": "plotline-bundle", "formatVersion": fv, "appVersion": "9", "schemaVersion": sv,
            "exportedAt": "2026-01-01T00:00:00Z", "bundleId": "x", "base": null, "business": "X",
            "tables": {"posts": [{"id": "p", "title": "t", "evil\"col": 1}]}})
        .to_string()
    };
    let mut symlink = zip::ZipWriter::new(Cursor::new(Vec::new()));
    symlink
        .add_symlink(
            "plan.json",
            "/etc/passwd",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
    let symlink = symlink.finish().unwrap().into_inner();
    let huge = vec![b' '; (bundle::MAX_PLAN_BYTES + 10) as usize];
    // The same plan stored without compression is no "bomb": the plan size cap refuses it.
    let mut stored = zip::ZipWriter::new(Cursor::new(Vec::new()));
    stored
        .start_file(
            "plan.json",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored),
        )
        .unwrap();
    stored.write_all(&huge).unwrap();
    let stored = stored.finish().unwrap().into_inner();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "zip-slip",
            zip_with(&[
                ("../../evil.txt", b"x"),
                ("plan.json", plan(1, 1).as_bytes()),
            ]),
            "outside the bundle",
        ),
        (
            "absolute",
            zip_with(&[("/tmp/evil.txt", b"x")]),
            "outside the bundle",
        ),
        ("symlink", symlink, "symbolic link"),
        ("bomb", zip_with(&[("plan.json", &huge)]), "zip bomb"),
        ("huge json", stored, "more than the 64 MB"),
        (
            "newer schema",
            zip_with(&[("plan.json", plan(1, 999).as_bytes())]),
            "newer Plotline",
        ),
        (
            "other format version",
            zip_with(&[("plan.json", plan(2, 1).as_bytes())]),
            "format 2",
        ),
        (
            "unknown column",
            zip_with(&[("plan.json", plan(1, 1).as_bytes())]),
            "does not know",
        ),
        (
            "not json",
            zip_with(&[("plan.json", b"{\"format\": ")]),
            "not valid JSON",
        ),
        ("not a zip", b"hello".to_vec(), "not a readable zip"),
        (
            "no plan",
            zip_with(&[("readme.txt", b"hi")]),
            "no plan.json",
        ),
    ];
    for (what, bytes, message) in cases {
        let f = tmp
            .path()
            .join(format!("{}.plotline", what.replace([' ', '/'], "_")));
        std::fs::write(&f, &bytes).unwrap();
        let err = bundle::preview(&store, &f).expect_err(what);
        assert!(err.to_string().contains(message), "{what}: {err}");
        assert!(bundle::apply(&store, &f, &[]).is_err(), "{what}");
    }
    assert!(!tmp.path().parent().unwrap().join("evil.txt").exists());
    assert_eq!(counts(&store), before, "live data untouched");
}

#[test]
fn a_plotline_csv_round_trips_and_bad_rows_are_reported_by_line() {
    let (_t, dir) = common::temp_data_dir();
    let store = demo_store(&dir, Language::En);
    let (bytes, posts, rows, _) = store
        .read(|c| csv_export::export(c, &ExportOptions::default(), CsvFormat::Plotline))
        .unwrap();
    assert!(rows >= posts);
    // Re-importing our own export into the same plan: every post is already there.
    let same = csv_import::preview(&store, &bytes).unwrap();
    assert!(same.errors.is_empty(), "{:?}", same.errors);
    assert!(same.posts.is_empty() && same.skipped > 20);

    // Another bakery with the same pillars (a bundle without posts): the posts are created.
    let (_t2, dir2) = common::temp_data_dir();
    let other = demo_store(&dir2, Language::En);
    other
        .write(|tx| {
            tx.execute("DELETE FROM posts", [])?;
            Ok(())
        })
        .unwrap();
    let preview = csv_import::preview(&other, &bytes).unwrap();
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    let n_posts = |s: &Store| {
        s.read(|c| Ok(c.query_row("SELECT count(*) FROM posts", [], |r| r.get::<_, i64>(0))?))
            .unwrap()
    };
    assert_eq!(n_posts(&other), 0, "preview writes nothing");
    let applied = csv_import::apply(&other, &bytes).unwrap();
    assert_eq!(applied.posts.len() as i64, n_posts(&other));
    assert!(n_posts(&other) >= 20);

    let bad = "post_id,title,status,platform,scheduled_local\n\
               a,Good one,draft,instagram,2026-05-01T09:00\n\
               b,,draft,instagram,\n\
               c,Bad status,sleeping,instagram,\n\
               d,Bad platform,draft,myspace,\n\
               e,Scheduled without time,scheduled,,\n";
    let p = csv_import::preview(&other, bad.as_bytes()).unwrap();
    let lines: Vec<u32> = p.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 6], "{:?}", p.errors);
    assert!(p.errors[1].message.contains("sleeping"));
    assert!(p.errors[2].message.contains("myspace"));
    let before = n_posts(&other);
    assert!(csv_import::apply(&other, bad.as_bytes())
        .unwrap_err()
        .to_string()
        .contains("line 3"));
    assert_eq!(n_posts(&other), before, "nothing written");

    let unterminated = "post_id,title\na,\"never closed\n";
    let err = csv_import::preview(&other, unterminated.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("line 2"), "{err}");
}

#[test]
fn a_buffer_csv_becomes_draft_posts() {
    let (_t, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let csv = "Text,Image URL,Tags,Posting Time\n\
               \"New pastry today!\nCome early.\",https://img.example/p.jpg,promo,2026-05-01 09:00\n\
               Weekend brunch,,,2026-05-02 10:30\n\
               ,,,2026-05-03 10:30\n\
               Bad time,,,tomorrow\n";
    let p = csv_import::preview(&store, csv.as_bytes()).unwrap();
    assert_eq!(p.format, CsvFormat::Buffer);
    assert_eq!(
        p.errors.iter().map(|e| e.line).collect::<Vec<_>>(),
        vec![5, 6],
        "{:?}",
        p.errors
    );
    let ok = "Text,Image URL,Tags,Posting Time\nWeekend brunch,,,2026-05-02 10:30\n";
    let done = csv_import::apply(&store, ok.as_bytes()).unwrap();
    assert_eq!(done.posts.len(), 1);
    assert_eq!(
        done.posts[0].scheduled_local.as_deref(),
        Some("2026-05-02T10:30")
    );
}

#[test]
fn an_ics_file_adds_events_to_the_lane_without_shifting_days() {
    let (_t, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n\
BEGIN:VEVENT\r\nUID:a@google.com\r\nDTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261226\r\nSUMMARY:Christmas market\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:b@google.com\r\nDTSTART:20260501T230000Z\r\nDTEND:20260502T010000Z\r\nSUMMARY:Late tasting\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";
    let p = ics_events::preview(&store, ics.as_bytes()).unwrap();
    assert_eq!(p.added, 2);
    assert_eq!(p.events[0].starts_on, "2026-12-24");
    assert_eq!(
        p.events[0].ends_on, "2026-12-25",
        "DTEND of a date is exclusive"
    );
    // Lisbon is UTC+1 in May: 23:00Z is 00:00 on 2 May.
    assert_eq!(p.events[1].starts_on, "2026-05-02");
    assert!(p.events[1].recurring && p.notes.iter().any(|n| n.contains("Repeating")));
    let n = |s: &Store| {
        s.read(|c| Ok(c.query_row("SELECT count(*) FROM events", [], |r| r.get::<_, i64>(0))?))
            .unwrap()
    };
    assert_eq!(n(&store), 0);
    ics_events::apply(&store, ics.as_bytes()).unwrap();
    assert_eq!(n(&store), 2);
    let again = ics_events::apply(&store, ics.as_bytes()).unwrap();
    assert_eq!((again.added, again.duplicates), (0, 2));
    // R10: deep nesting is refused before the parser sees it.
    let deep = format!("BEGIN:VCALENDAR\r\n{}", "BEGIN:VEVENT\r\n".repeat(2000));
    assert!(ics_events::preview(&store, deep.as_bytes()).is_err());
}

#[test]
fn every_table_is_either_in_the_bundle_or_deliberately_left_out() {
    let (_t, dir) = common::temp_data_dir();
    let store = demo_store(&dir, Language::En);
    let tables: Vec<String> = store
        .read(|c| {
            let mut st = c.prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )?;
            let names = st
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(names)
        })
        .unwrap();
    assert!(tables.len() > 20, "{tables:?}");
    let unclassified: Vec<&String> = tables
        .iter()
        .filter(|t| {
            !TABLES.iter().any(|s| s.name == t.as_str())
                && !bundle::NOT_EXPORTED.contains(&t.as_str())
        })
        .collect();
    assert!(
        unclassified.is_empty(),
        "add these tables to share::bundle::TABLES (or NOT_EXPORTED with a reason): {unclassified:?}"
    );
}
