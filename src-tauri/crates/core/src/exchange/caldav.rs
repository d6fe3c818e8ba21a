//! Publishing events to a CalDAV calendar collection (RFC 4791): Nextcloud, Fastmail, Radicale,
//! iCloud with an app password.
//!
//! * One `.ics` resource per event, named from the event's UID, so a re-publish updates the same
//!   resource instead of adding a duplicate.
//! * Creates use `If-None-Match: *` (never overwrite something that is already there), updates
//!   and deletes use `If-Match: <etag>` (never overwrite a change made on the server since).
//! * Plotline only ever touches resources listed in the [`PublishRecord`] the caller keeps
//!   (hrefs + ETags + content hashes of what Plotline created): events other people or apps put
//!   in the same calendar are never read, changed or deleted.
//! * [`plan`] is the dry run: what would be created, updated, deleted or left unchanged.
//!
//! HTTP client: `ureq` 3 (blocking, small, no async runtime to drag into core; the shell already
//! runs core calls on a worker thread). TLS through native-tls, i.e. the operating system's TLS
//! stack and certificate store.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ureq::http::{self, Method, StatusCode};

use super::ics::{event_resource, CalEvent};
use crate::secrets::Secret;
use crate::{Error, Result};

/// How much of a server's answer Plotline reads (PROPFIND answers are small).
const MAX_RESPONSE_BYTES: u64 = 1024 * 1024;

/// One resource Plotline created in the collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PublishedItem {
    pub uid: String,
    /// The resource's path on the server (absolute path, e.g. `/alice/plan/x.ics`).
    pub href: String,
    /// The server's ETag after Plotline's last write, if the server sent one.
    pub etag: Option<String>,
    /// SHA-256 of the bytes Plotline last wrote: unchanged events are not sent again.
    pub hash: String,
}

/// What Plotline has published to one collection. The caller stores it (e.g. in the database)
/// and hands it back on the next publish.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PublishRecord {
    pub items: Vec<PublishedItem>,
}

impl PublishRecord {
    fn by_uid(&self) -> BTreeMap<&str, &PublishedItem> {
        self.items.iter().map(|i| (i.uid.as_str(), i)).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PlanAction {
    Create,
    Update,
    Delete,
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlanItem {
    pub uid: String,
    pub href: String,
    pub action: PlanAction,
    /// The event's title (None for deletions: the event is no longer in the plan).
    pub summary: Option<String>,
    /// When the event starts: an RFC 3339 UTC instant, or a date for all-day events (None for
    /// deletions).
    pub starts: Option<String>,
}

/// One event that could not be published; the others went ahead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PublishFailure {
    pub uid: String,
    pub action: PlanAction,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PublishReport {
    pub dry_run: bool,
    pub plan: Vec<PlanItem>,
    /// The record to keep for the next publish (equal to the input on a dry run).
    pub record: PublishRecord,
    pub failures: Vec<PublishFailure>,
}

/// Where to publish and as whom.
#[derive(Debug, Clone)]
pub struct CalDavTarget {
    /// The calendar collection's URL (Plotline adds the trailing slash if missing).
    pub url: String,
    pub username: String,
    pub password: Secret,
    /// Give up on one request after this long (default 30 s).
    pub timeout: Duration,
}

impl CalDavTarget {
    pub fn new(url: &str, username: &str, password: Secret) -> Self {
        CalDavTarget {
            url: url.to_string(),
            username: username.to_string(),
            password,
            timeout: Duration::from_secs(30),
        }
    }
}

/// A stable, URL-safe resource name for an event UID.
pub fn resource_name(uid: &str) -> String {
    let safe = !uid.is_empty()
        && uid.len() <= 100
        && uid
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '@'))
        && !uid.starts_with('.');
    if safe {
        format!("{uid}.ics")
    } else {
        format!(
            "plotline-{}.ics",
            &hex(&Sha256::digest(uid.as_bytes()))[..32]
        )
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn content_hash(body: &str) -> String {
    hex(&Sha256::digest(body.as_bytes()))
}

/// The parts of a collection URL Plotline needs.
#[derive(Debug, Clone)]
struct Collection {
    /// `scheme://host[:port]`
    origin: String,
    /// Absolute path ending with `/`.
    path: String,
    host: String,
}

fn parse_collection(url: &str) -> Result<Collection> {
    let bad = || {
        Error::field(
            "url",
            "Enter the calendar's full CalDAV address, starting with https:// (your calendar service \
             shows it in its calendar settings).",
        )
    };
    let url = url.trim();
    let (scheme, rest) = url.split_once("://").ok_or_else(bad)?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return Err(bad());
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if authority.is_empty() || authority.contains('@') || path.contains(['?', '#']) {
        return Err(bad());
    }
    let host = if let Some(rest) = authority.strip_prefix('[') {
        rest.split(']').next().unwrap_or_default().to_string()
    } else {
        match authority.rsplit_once(':') {
            Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h.to_string(),
            _ => authority.to_string(),
        }
    }
    .to_ascii_lowercase();
    let local = host == "localhost" || host == "127.0.0.1" || host == "::1";
    if scheme == "http" && !local {
        return Err(Error::field(
            "url",
            "This address starts with http://, so your password would travel unencrypted. Use the \
             https:// address of your calendar.",
        ));
    }
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    Ok(Collection {
        origin: format!("{scheme}://{authority}"),
        path,
        host,
    })
}

/// Compute what a publish would do (the dry run). Pure: no network.
pub fn plan(
    events: &[CalEvent],
    record: &PublishRecord,
    collection_url: &str,
) -> Result<Vec<PlanItem>> {
    let col = parse_collection(collection_url)?;
    Ok(plan_with_bodies(events, record, &col)?
        .into_iter()
        .map(|(item, _)| item)
        .collect())
}

fn plan_with_bodies(
    events: &[CalEvent],
    record: &PublishRecord,
    col: &Collection,
) -> Result<Vec<(PlanItem, Option<String>)>> {
    // Plotline only touches resources directly inside this collection, whatever the record says.
    for item in &record.items {
        let name = item.href.strip_prefix(&col.path).unwrap_or("");
        if name.is_empty() || name.contains('/') || name.starts_with('.') {
            return Err(Error::Conflict(
                "What Plotline remembers publishing belongs to another calendar address. Publish to \
                 the calendar you used before, or start fresh with this one (Plotline will then not \
                 remove the events it published there)."
                    .into(),
            ));
        }
    }
    let known = record.by_uid();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for e in events {
        if !seen.insert(e.uid.as_str()) {
            return Err(Error::Invalid(format!(
                "Two events share the id \"{}\"; each event needs its own.",
                e.uid
            )));
        }
        let body = event_resource(e)?;
        let (action, href) = match known.get(e.uid.as_str()) {
            Some(prev) if prev.hash == content_hash(&body) => {
                (PlanAction::Unchanged, prev.href.clone())
            }
            Some(prev) => (PlanAction::Update, prev.href.clone()),
            None => (
                PlanAction::Create,
                format!("{}{}", col.path, resource_name(&e.uid)),
            ),
        };
        out.push((
            PlanItem {
                uid: e.uid.clone(),
                href,
                action,
                summary: Some(e.summary.clone()),
                starts: Some(match &e.time {
                    super::ics::EventTime::Utc { start, .. }
                    | super::ics::EventTime::Zoned { start, .. } => {
                        start.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                    }
                    super::ics::EventTime::AllDay { first, .. } => first.to_string(),
                }),
            },
            Some(body),
        ));
    }
    for item in &record.items {
        if !seen.contains(item.uid.as_str()) {
            out.push((
                PlanItem {
                    uid: item.uid.clone(),
                    href: item.href.clone(),
                    action: PlanAction::Delete,
                    summary: None,
                    starts: None,
                },
                None,
            ));
        }
    }
    Ok(out)
}

/// A CalDAV client bound to one calendar collection.
pub struct CalDavClient {
    agent: ureq::Agent,
    col: Collection,
    auth: String,
}

/// The outcome of one HTTP exchange that reached the server.
struct Answer {
    status: StatusCode,
    etag: Option<String>,
    body: String,
}

impl CalDavClient {
    pub fn new(target: &CalDavTarget) -> Result<Self> {
        let col = parse_collection(&target.url)?;
        if target.username.trim().is_empty() {
            return Err(Error::field(
                "username",
                "Enter the user name for this calendar.",
            ));
        }
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .allow_non_standard_methods(true)
            .max_redirects(0)
            .timeout_global(Some(target.timeout))
            .user_agent(format!("Plotline/{}", crate::APP_VERSION))
            .tls_config(
                ureq::tls::TlsConfig::builder()
                    .provider(ureq::tls::TlsProvider::NativeTls)
                    .root_certs(ureq::tls::RootCerts::PlatformVerifier)
                    .build(),
            )
            .build();
        let token = base64::engine::general_purpose::STANDARD.encode(format!(
            "{}:{}",
            target.username,
            target.password.expose()
        ));
        Ok(CalDavClient {
            agent: ureq::Agent::new_with_config(config),
            col,
            auth: format!("Basic {token}"),
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.col.origin, path)
    }

    fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Result<Answer> {
        let method = Method::from_bytes(method.as_bytes())
            .map_err(|_| Error::Invalid(format!("Unknown HTTP method {method}")))?;
        let mut req = http::Request::builder()
            .method(method)
            .uri(self.url(path))
            .header("Authorization", &self.auth);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let req = req.body(body.unwrap_or("").to_string()).map_err(|e| {
            Error::field(
                "url",
                format!("This calendar address is not valid ({e}). Check it and try again."),
            )
        })?;
        let mut res = self.agent.run(req).map_err(|e| self.network_error(e))?;
        let status = res.status();
        let etag = res
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = res
            .body_mut()
            .with_config()
            .limit(MAX_RESPONSE_BYTES)
            .read_to_string()
            .unwrap_or_default();
        Ok(Answer { status, etag, body })
    }

    fn network_error(&self, e: ureq::Error) -> Error {
        let host = &self.col.host;
        let msg = match e {
            ureq::Error::Timeout(_) => format!(
                "The calendar server at {host} did not answer in time. Check your internet connection \
                 and try again; if it keeps happening, the server may be down."
            ),
            ureq::Error::HostNotFound => format!(
                "Plotline could not find the server \"{host}\". Check the calendar address and your \
                 internet connection."
            ),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => format!(
                "Nothing answered at {host} (connection refused). Check the address and port, and that \
                 the calendar server is running."
            ),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => format!(
                "The calendar server at {host} did not answer in time. Check your internet connection \
                 and try again."
            ),
            ureq::Error::ConnectionFailed => format!(
                "Plotline could not connect to {host}. Check the address and your internet connection."
            ),
            ureq::Error::Tls(detail) => tls_message(host, detail),
            ureq::Error::NativeTls(err) => tls_message(host, &err.to_string()),
            ureq::Error::Der(err) => tls_message(host, &err.to_string()),
            ureq::Error::Protocol(_) => format!(
                "The server at {host} did not answer like a web server (it may not speak https on this \
                 port). Check the calendar address."
            ),
            other => format!(
                "Plotline could not talk to the calendar server at {host} ({other}). Check the address \
                 and your internet connection, then try again."
            ),
        };
        Error::Network(msg)
    }

    fn status_error(&self, status: StatusCode, what: &str) -> Error {
        let code = status.as_u16();
        match code {
            401 => Error::field(
                "password",
                "The calendar server refused this user name or password (401). Check them; for iCloud, \
                 Fastmail or an account with two-step sign-in, create an app password and use that.",
            ),
            403 => Error::Network(format!(
                "The calendar server does not let this account {what} (403). Check that the calendar is \
                 yours or shared with you with permission to edit."
            )),
            404 | 410 => Error::field(
                "url",
                "There is no calendar at this address (404). Copy the calendar's CalDAV address from \
                 your calendar service again.",
            ),
            300..=399 => Error::field(
                "url",
                format!(
                    "The server says this calendar has moved ({code}). Copy the calendar's current \
                     CalDAV address from your calendar service."
                ),
            ),
            500..=599 => Error::Network(format!(
                "The calendar server had a problem ({code}) and could not {what}. Try again later."
            )),
            _ => Error::Network(format!(
                "The calendar server answered {code} when Plotline tried to {what}. Check the calendar \
                 address and try again."
            )),
        }
    }

    /// Check the address and credentials: the collection must exist and be a calendar.
    /// This is "Test connection", and the first step of every publish.
    pub fn check(&self) -> Result<()> {
        let body = r#"<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>"#;
        let a = self.send(
            "PROPFIND",
            &self.col.path,
            &[
                ("Depth", "0"),
                ("Content-Type", "application/xml; charset=utf-8"),
            ],
            Some(body),
        )?;
        if a.status.as_u16() != 207 {
            return Err(self.status_error(a.status, "open this calendar"));
        }
        if !is_calendar(&a.body) {
            return Err(Error::field(
                "url",
                "This address is a folder on the server but not a calendar. Use the address of one \
                 calendar (your calendar service shows it in the calendar's settings).",
            ));
        }
        Ok(())
    }

    /// Create the collection as a calendar (MKCALENDAR). Fails if something already exists there.
    pub fn make_calendar(&self, display_name: &str) -> Result<()> {
        let body = format!(
            r#"<?xml version="1.0" encoding="utf-8"?><c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:displayname>{}</d:displayname></d:prop></d:set></c:mkcalendar>"#,
            xml_escape(display_name)
        );
        let a = self.send(
            "MKCALENDAR",
            &self.col.path,
            &[("Content-Type", "application/xml; charset=utf-8")],
            Some(&body),
        )?;
        match a.status.as_u16() {
            200 | 201 => Ok(()),
            405 | 409 => Err(Error::Conflict(
                "There is already something at this calendar address; Plotline left it alone."
                    .into(),
            )),
            _ => Err(self.status_error(a.status, "create the calendar")),
        }
    }

    /// Publish `events`, or only plan it when `dry_run`. See the module docs for the rules.
    pub fn publish(
        &self,
        events: &[CalEvent],
        record: &PublishRecord,
        dry_run: bool,
    ) -> Result<PublishReport> {
        let planned = plan_with_bodies(events, record, &self.col)?;
        self.check()?;
        let plan: Vec<PlanItem> = planned.iter().map(|(p, _)| p.clone()).collect();
        if dry_run {
            return Ok(PublishReport {
                dry_run,
                plan,
                record: record.clone(),
                failures: Vec::new(),
            });
        }
        let mut kept: BTreeMap<String, PublishedItem> = record
            .items
            .iter()
            .map(|i| (i.uid.clone(), i.clone()))
            .collect();
        let mut failures = Vec::new();
        let mut fatal: Option<String> = None;
        for (item, body) in &planned {
            if let Some(reason) = &fatal {
                if item.action != PlanAction::Unchanged {
                    failures.push(PublishFailure {
                        uid: item.uid.clone(),
                        action: item.action,
                        message: format!("Not attempted: {reason}"),
                    });
                }
                continue;
            }
            let prev_etag = kept.get(&item.uid).and_then(|p| p.etag.clone());
            let result = match (item.action, body) {
                (PlanAction::Unchanged, _) => continue,
                (PlanAction::Create | PlanAction::Update, Some(body)) => {
                    self.put(item, body, prev_etag.as_deref()).map(|etag| {
                        kept.insert(
                            item.uid.clone(),
                            PublishedItem {
                                uid: item.uid.clone(),
                                href: item.href.clone(),
                                etag,
                                hash: content_hash(body),
                            },
                        );
                    })
                }
                (PlanAction::Delete, _) => self.delete(item, prev_etag.as_deref()).map(|()| {
                    kept.remove(&item.uid);
                }),
                (_, None) => Err(Error::Invalid(
                    "Plotline lost an event while publishing.".into(),
                )),
            };
            if let Err(e) = result {
                if matches!(e, Error::Network(_)) || e.field_name().is_some() {
                    fatal = Some(e.to_string());
                }
                failures.push(PublishFailure {
                    uid: item.uid.clone(),
                    action: item.action,
                    message: e.to_string(),
                });
            }
        }
        // Keep the record in the caller's order: existing items first, then new ones.
        let mut items: Vec<PublishedItem> = Vec::new();
        for i in &record.items {
            if let Some(k) = kept.remove(&i.uid) {
                items.push(k);
            }
        }
        for (item, _) in &planned {
            if let Some(k) = kept.remove(&item.uid) {
                items.push(k);
            }
        }
        Ok(PublishReport {
            dry_run,
            plan,
            record: PublishRecord { items },
            failures,
        })
    }

    fn put(&self, item: &PlanItem, body: &str, etag: Option<&str>) -> Result<Option<String>> {
        let mut headers = vec![("Content-Type", "text/calendar; charset=utf-8")];
        match (item.action, etag) {
            (PlanAction::Create, _) => headers.push(("If-None-Match", "*")),
            (_, Some(etag)) => headers.push(("If-Match", etag)),
            _ => {}
        }
        let a = self.send("PUT", &item.href, &headers, Some(body))?;
        match a.status.as_u16() {
            200..=299 => Ok(match a.etag {
                Some(e) => Some(e),
                None => self.fetch_etag(&item.href)?,
            }),
            412 if item.action == PlanAction::Create => Err(Error::Conflict(
                "The calendar already has an event stored under this event's name that this plan did \
                 not publish; Plotline left it alone. Remove it in your calendar app, then publish again."
                    .into(),
            )),
            412 => Err(Error::Conflict(
                "This event was changed in the calendar (or deleted there) since Plotline last published \
                 it, so Plotline did not overwrite that change. Check it in your calendar app."
                    .into(),
            )),
            _ => Err(self.status_error(a.status, "save this event")),
        }
    }

    fn delete(&self, item: &PlanItem, etag: Option<&str>) -> Result<()> {
        let headers: Vec<(&str, &str)> = etag.map(|e| vec![("If-Match", e)]).unwrap_or_default();
        let a = self.send("DELETE", &item.href, &headers, None)?;
        match a.status.as_u16() {
            200..=299 | 404 | 410 => Ok(()),
            412 => Err(Error::Conflict(
                "This event was changed in the calendar since Plotline published it, so Plotline did not \
                 delete it. Delete it in your calendar app if it is no longer needed."
                    .into(),
            )),
            _ => Err(self.status_error(a.status, "remove this event")),
        }
    }

    fn fetch_etag(&self, href: &str) -> Result<Option<String>> {
        let a = self.send("HEAD", href, &[], None)?;
        Ok(if a.status.is_success() { a.etag } else { None })
    }
}

fn tls_message(host: &str, detail: &str) -> String {
    format!(
        "Plotline could not open a secure connection to {host} ({detail}). Check the calendar address; \
         if your server uses its own certificate, install that certificate in your system's \
         certificate store."
    )
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Whether a PROPFIND answer's resourcetype contains the CalDAV `calendar` element
/// (any namespace prefix).
fn is_calendar(body: &str) -> bool {
    let lower = body.to_ascii_lowercase();
    let Some(start) = lower.find("resourcetype") else {
        return false;
    };
    let rest = &lower[start + "resourcetype".len()..];
    let end = rest.find("resourcetype").unwrap_or(rest.len());
    let inner = &rest[..end];
    ["<calendar", ":calendar/", ":calendar ", ":calendar>"]
        .iter()
        .any(|m| inner.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_names_are_stable_and_safe() {
        assert_eq!(
            resource_name("0190-abc@plotline.app"),
            "0190-abc@plotline.app.ics"
        );
        let odd = resource_name("../../etc/passwd");
        assert!(
            odd.starts_with("plotline-") && odd.ends_with(".ics"),
            "{odd}"
        );
        assert_eq!(odd, resource_name("../../etc/passwd"));
        assert_ne!(resource_name("a b"), resource_name("a/b"));
        assert!(resource_name("日本").starts_with("plotline-"));
    }

    #[test]
    fn plain_http_is_refused_except_on_this_computer() {
        let e = parse_collection("http://cal.example.com/dav/").expect_err("http");
        assert_eq!(e.field_name(), Some("url"));
        assert!(e.to_string().contains("unencrypted"));
        assert!(parse_collection("http://127.0.0.1:5232/alice/plan").is_ok());
        assert_eq!(
            parse_collection("https://cal.example.com/dav/cal")
                .expect("ok")
                .path,
            "/dav/cal/"
        );
        assert!(parse_collection("ftp://x/").is_err());
        assert!(parse_collection("https://user:pw@x/").is_err());
    }

    #[test]
    fn records_pointing_outside_the_collection_are_refused() {
        let col = "https://cal.example.com/dav/alice/plan/";
        for href in [
            "/dav/alice/other/x.ics",
            "/dav/alice/plan/../other/x.ics",
            "/dav/alice/plan/",
            "/etc/passwd",
        ] {
            let record = PublishRecord {
                items: vec![PublishedItem {
                    uid: "x".into(),
                    href: href.into(),
                    etag: None,
                    hash: String::new(),
                }],
            };
            assert!(plan(&[], &record, col).is_err(), "{href}");
        }
        let ok = PublishRecord {
            items: vec![PublishedItem {
                uid: "x".into(),
                href: "/dav/alice/plan/x.ics".into(),
                etag: None,
                hash: String::new(),
            }],
        };
        let p = plan(&[], &ok, col).expect("plan");
        assert_eq!(p[0].action, PlanAction::Delete);
    }

    #[test]
    fn calendar_detection() {
        assert!(is_calendar(
            r#"<d:resourcetype><d:collection/><C:calendar xmlns:C="urn:ietf:params:xml:ns:caldav"/></d:resourcetype>"#
        ));
        assert!(!is_calendar(
            "<d:resourcetype><d:collection/></d:resourcetype>"
        ));
    }
}
