//! Plan bundles (`.plotline`): the whole plan as one zip a teammate's Plotline merges back.
//!
//! ## Layout
//! * `plan.json` — `{ format, formatVersion, appVersion, schemaVersion, exportedAt, bundleId,
//!   base, business, tables: { <table>: [ {<column>: value, …}, … ] }, media: [...] }`. The
//!   document is GENERIC: each table is dumped as rows of its columns, driven by one list,
//!   [`TABLES`], in dependency order. A table added by a later feature is one line there.
//! * `media/<sha256>.<ext>` — the originals of every photo in the library, `thumbs/<sha256>.jpg`
//!   their thumbnails.
//!
//! Never included: connections (CalDAV accounts and their keychain references) and publishing
//! state, nor anything else not in [`TABLES`]. Secrets live only in the OS keychain anyway.
//!
//! ## Merge rule (import into a workspace that already has a plan)
//! Rows are matched by their key (the id, or the natural key for tables that have one, e.g. a
//! post's variant is (post, platform)). Then:
//! * missing here → added; identical → nothing to do;
//! * different, table has `updated_at`: with a **base** — the `exportedAt` of the newest bundle
//!   the sender had imported before exporting, i.e. the last state both sides shared — a side
//!   "changed" if its `updated_at` is after the base. Only theirs changed → take theirs; only
//!   mine changed → keep mine; **both changed → conflict**, the user picks per row. Without a
//!   base (first exchange) the newer `updated_at` wins and equal times with different content
//!   are a conflict.
//! * different, table without `updated_at` (history records, links) → kept as they are here.
//! * A merge never deletes: a row removed on one side comes back from the other.
//!
//! `preview` writes nothing (it unpacks into a temporary folder outside the data folder);
//! `apply` repeats the same analysis, checks that every conflict has a choice and writes
//! everything in ONE transaction (media files are content-addressed and copied first).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::types::{Value, ValueRef};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::Map;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;

use crate::clock::{new_id, now};
use crate::db::codec::from_db;
use crate::exchange::archive::{extract_safely, ExtractLimits};
use crate::media::library::{original_file_name, originals_dir, thumb_file_name, thumbs_dir};
use crate::media::probe::MediaFormat;
use crate::{Error, Result, Store};

/// Table of the bundles this workspace exported and imported (the merge base).
pub const SCHEMA: &str = "
CREATE TABLE bundle_exchanges (
    id           TEXT PRIMARY KEY,
    direction    TEXT NOT NULL CHECK (direction IN ('export', 'import')),
    bundle_id    TEXT NOT NULL,
    exported_at  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
";

pub const FORMAT: &str = "plotline-bundle";
pub const FORMAT_VERSION: u32 = 1;
pub const EXTENSION: &str = "plotline";
/// plan.json larger than this is refused before it is read.
pub const MAX_PLAN_BYTES: u64 = 64 * 1024 * 1024;
pub const MAX_ROWS: usize = 2_000_000;

/// One exported table and the columns that identify a row across workspaces.
#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    pub name: &'static str,
    pub key: &'static [&'static str],
}

const fn t(name: &'static str, key: &'static [&'static str]) -> TableSpec {
    TableSpec { name, key }
}

/// Every table in a bundle, parents before children. Add new tables here (one line).
pub const TABLES: &[TableSpec] = &[
    t("workspace", &["id"]),
    t("team_members", &["id"]),
    t("approval_settings", &["step"]),
    t("objectives", &["id"]),
    t("kpis", &["id"]),
    t("personas", &["id"]),
    t("persona_evidence", &["id"]),
    t("objective_personas", &["objective_id", "persona_id"]),
    t("active_platform", &["platform_id"]),
    t("platform_wizard_answers", &["id"]),
    t("account_design", &["platform_id"]),
    t("pillars", &["id"]),
    t("pillar_personas", &["pillar_id", "persona_id"]),
    t("series", &["id"]),
    t("series_exceptions", &["series_id", "local_date"]),
    t("posts", &["id"]),
    t("post_personas", &["post_id", "persona_id"]),
    t("post_variants", &["post_id", "platform"]),
    t("post_transitions", &["id"]),
    t("post_comments", &["id"]),
    t("post_signoffs", &["post_id", "step"]),
    t("risk_acknowledgements", &["post_id", "category", "term"]),
    t("competitors", &["name"]),
    t("cadences", &["platform"]),
    t("events", &["id"]),
    t("media_items", &["sha256"]),
    t("post_media", &["post_id", "media_id"]),
    t("variant_media", &["post_id", "platform", "media_id"]),
    t("post_publication", &["post_id"]),
    t("incident_contacts", &["id"]),
    t("metric_snapshots", &["id"]),
    t("account_metrics", &["id"]),
    t("kpi_readings", &["id"]),
    t("reviews", &["id"]),
    t("review_decisions", &["id"]),
];

/// Tables deliberately left out of a bundle: this computer's calendar connections (their
/// passwords are in the keychain), what was published where, and the bundle merge bases.
/// Every table is either in [`TABLES`] or here; a test keeps that true as features add tables.
pub const NOT_EXPORTED: &[&str] = &[
    "connection",
    "caldav_published",
    "caldav_publish_run",
    "bundle_exchanges",
];

type Row = Map<String, serde_json::Value>;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanDocument {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    pub schema_version: u32,
    pub exported_at: String,
    pub bundle_id: String,
    /// The newest bundle the exporter had imported (the last state both sides shared).
    pub base: Option<String>,
    pub business: String,
    pub tables: BTreeMap<String, Vec<Row>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BundleSummary {
    pub path: String,
    pub tables: BTreeMap<String, u32>,
    pub media: u32,
    #[specta(type = f64)]
    pub bytes: u64,
    pub exported_at: String,
}

fn table_columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info(\"{table}\")"))?;
    let cols = stmt
        .query_map([], |r| r.get::<_, String>(1))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(cols)
}

fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

fn to_json(v: ValueRef<'_>) -> Result<serde_json::Value> {
    Ok(match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(_) => {
            return Err(Error::Invalid(
                "A table holds binary data that bundles cannot carry. Please report this.".into(),
            ))
        }
    })
}

fn to_sql(table: &str, col: &str, v: &serde_json::Value) -> Result<Value> {
    Ok(match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(i64::from(*b)),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Value::Text(s.clone()),
        _ => {
            return Err(bad(format!(
                "{table}.{col} holds a list or object where a single value belongs"
            )))
        }
    })
}

fn bad(what: String) -> Error {
    Error::Invalid(format!(
        "This Plotline bundle cannot be imported: {what}. Nothing was imported."
    ))
}

fn dump_table(conn: &Connection, table: &str) -> Result<Vec<Row>> {
    let cols = table_columns(conn, table)?;
    if cols.is_empty() {
        return Ok(Vec::new()); // not in this schema (yet)
    }
    let list = cols.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", ");
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {list} FROM {} ORDER BY rowid",
            quote(table)
        ))
        .or_else(|_| {
            // WITHOUT ROWID tables: order by every column instead.
            conn.prepare(&format!(
                "SELECT {list} FROM {} ORDER BY {list}",
                quote(table)
            ))
        })?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut row = Map::new();
        for (i, c) in cols.iter().enumerate() {
            row.insert(c.clone(), to_json(r.get_ref(i)?)?);
        }
        out.push(row);
    }
    Ok(out)
}

fn last_import(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT max(exported_at) FROM bundle_exchanges WHERE direction = 'import'",
            [],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// The whole plan as a document (one consistent read).
pub fn document(conn: &Connection) -> Result<PlanDocument> {
    let tx = conn.unchecked_transaction()?;
    let ws = crate::workspace::get(&tx)?;
    let mut tables = BTreeMap::new();
    for spec in TABLES {
        tables.insert(spec.name.to_string(), dump_table(&tx, spec.name)?);
    }
    let doc = PlanDocument {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: crate::APP_VERSION.into(),
        schema_version: crate::db::user_version(&tx)?,
        exported_at: now(),
        bundle_id: new_id(),
        base: last_import(&tx)?,
        business: ws.map(|w| w.name).unwrap_or_default(),
        tables,
    };
    tx.finish()?;
    Ok(doc)
}

fn media_entries(doc: &PlanDocument) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for row in doc.tables.get("media_items").into_iter().flatten() {
        let sha = row.get("sha256").and_then(|v| v.as_str()).unwrap_or("");
        let fmt = row.get("format").and_then(|v| v.as_str()).unwrap_or("");
        if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad(format!("a photo has an invalid fingerprint \"{sha}\"")));
        }
        let format: MediaFormat = from_db(fmt.to_string(), 0)
            .map_err(|_| bad(format!("a photo has an unknown format \"{fmt}\"")))?;
        out.push((
            original_file_name(&sha.to_ascii_lowercase(), format),
            thumb_file_name(&sha.to_ascii_lowercase()),
        ));
    }
    Ok(out)
}

/// Write the bundle to `dest` (atomically) and remember the export.
pub fn export(store: &Store, dest: &Path) -> Result<BundleSummary> {
    let doc = store.read(document)?;
    let json = serde_json::to_vec_pretty(&doc)
        .map_err(|e| Error::Invalid(format!("The plan could not be written: {e}")))?;
    let media = media_entries(&doc)?;
    let dir = store.data_dir();
    let (orig_dir, thumb_dir) = (originals_dir(dir), thumbs_dir(dir));
    crate::fsx::write_atomic(dest, |f| {
        let fail = |e: zip::result::ZipError| {
            Error::Invalid(format!("Plotline could not write the bundle: {e}"))
        };
        let io = |e: std::io::Error| Error::io("Plotline could not write the bundle", e);
        let mut z = zip::ZipWriter::new(f);
        let deflate =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let stored =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        z.start_file("plan.json", deflate).map_err(fail)?;
        z.write_all(&json).map_err(io)?;
        for (orig, thumb) in &media {
            let bytes = std::fs::read(orig_dir.join(orig)).map_err(|e| {
                Error::io(format!("The photo {orig} is missing from the library"), e)
            })?;
            z.start_file(format!("media/{orig}"), stored)
                .map_err(fail)?;
            z.write_all(&bytes).map_err(io)?;
            if let Ok(t) = std::fs::read(thumb_dir.join(thumb)) {
                z.start_file(format!("thumbs/{thumb}"), stored)
                    .map_err(fail)?;
                z.write_all(&t).map_err(io)?;
            }
        }
        z.finish().map_err(fail)?;
        Ok(())
    })?;
    let bytes = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
    store.write(|tx| record(tx, "export", &doc))?;
    Ok(BundleSummary {
        path: dest.display().to_string(),
        tables: doc
            .tables
            .iter()
            .map(|(k, v)| (k.clone(), v.len() as u32))
            .collect(),
        media: media.len() as u32,
        bytes,
        exported_at: doc.exported_at,
    })
}

fn record(tx: &Transaction<'_>, direction: &str, doc: &PlanDocument) -> Result<()> {
    let ts = now();
    tx.execute(
        "INSERT INTO bundle_exchanges (id, direction, bundle_id, exported_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![new_id(), direction, doc.bundle_id, doc.exported_at, ts],
    )?;
    Ok(())
}

// ---------------------------------------------------------------- import

/// An unpacked bundle (its temporary folder lives as long as this value).
pub struct Unpacked {
    pub doc: PlanDocument,
    dir: tempfile::TempDir,
}

impl Unpacked {
    fn file(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }
}

/// Unpack and validate a bundle file (R13: safe extraction, size caps, version checks).
pub fn unpack(path: &Path, schema_version: u32) -> Result<Unpacked> {
    let file = std::fs::File::open(path)
        .map_err(|e| Error::io(format!("Plotline could not open {}", path.display()), e))?;
    let dir = tempfile::Builder::new()
        .prefix("plotline-bundle-")
        .tempdir()
        .map_err(|e| Error::io("Plotline could not make a temporary folder", e))?;
    let limits = ExtractLimits {
        max_entries: 50_000,
        max_total_bytes: 8 * 1024 * 1024 * 1024,
        ..ExtractLimits::default()
    };
    extract_safely(std::io::BufReader::new(file), dir.path(), &limits)?;
    let plan = dir.path().join("plan.json");
    let meta = std::fs::symlink_metadata(&plan)
        .map_err(|_| bad("it has no plan.json (is it really a .plotline file?)".into()))?;
    if !meta.is_file() {
        return Err(bad("plan.json is not a file".into()));
    }
    if meta.len() > MAX_PLAN_BYTES {
        return Err(bad(format!(
            "its plan is {} MB, more than the {} MB Plotline reads",
            meta.len().div_ceil(1024 * 1024),
            MAX_PLAN_BYTES / (1024 * 1024)
        )));
    }
    let mut text = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(&plan)
        .and_then(|f| f.take(MAX_PLAN_BYTES + 1).read_to_end(&mut text))
        .map_err(|e| Error::io("Plotline could not read the bundle's plan", e))?;
    // Check the envelope first, so a bundle from a newer Plotline gets the right message.
    let head: serde_json::Value = serde_json::from_slice(&text)
        .map_err(|e| bad(format!("its plan is not valid JSON ({e})")))?;
    if head.get("format").and_then(|v| v.as_str()) != Some(FORMAT) {
        return Err(bad("it is not a Plotline plan bundle".into()));
    }
    let fv = head
        .get("formatVersion")
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    if fv != u64::from(FORMAT_VERSION) {
        return Err(bad(format!(
            "it uses bundle format {fv}, and this Plotline reads format {FORMAT_VERSION}. Update \
             Plotline on both computers"
        )));
    }
    let sv = head
        .get("schemaVersion")
        .and_then(|v| v.as_u64())
        .unwrap_or(u64::MAX);
    if sv > u64::from(schema_version) {
        return Err(bad(format!(
            "it was made by a newer Plotline (data version {sv}; this one has {schema_version}). \
             Update Plotline first"
        )));
    }
    let doc: PlanDocument =
        serde_json::from_value(head).map_err(|e| bad(format!("its plan is incomplete ({e})")))?;
    let rows: usize = doc.tables.values().map(Vec::len).sum();
    if rows > MAX_ROWS {
        return Err(bad(format!("it holds {rows} rows, more than {MAX_ROWS}")));
    }
    Ok(Unpacked { doc, dir })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    Mine,
    Theirs,
}

/// The user's pick for one conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportChoice {
    pub table: String,
    pub key: String,
    pub take: Resolution,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    pub table: String,
    /// The row's key values joined with " / " (what an [`ImportChoice`] names).
    pub key: String,
    /// A human name for the row (title or name) when it has one.
    pub label: String,
    pub mine_updated_at: Option<String>,
    pub theirs_updated_at: Option<String>,
    /// The columns that differ.
    pub fields: Vec<String>,
    /// Those columns' values on each side (shortened), so the user can tell them apart.
    pub changes: Vec<FieldChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub field: String,
    pub mine: String,
    pub theirs: String,
}

fn shown(v: Option<&serde_json::Value>) -> String {
    let text = match v {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let mut out: String = text.chars().take(120).collect();
    if text.chars().count() > 120 {
        out.push('…');
    }
    out
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TableChanges {
    pub table: String,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub kept: u32,
    pub conflicts: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BundlePreview {
    pub business: String,
    pub exported_at: String,
    pub app_version: String,
    pub tables: Vec<TableChanges>,
    pub conflicts: Vec<Conflict>,
    pub media: u32,
    /// Tables in the bundle this Plotline does not know (skipped).
    pub skipped_tables: Vec<String>,
    pub empty_workspace: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BundleImportReport {
    pub added: u32,
    pub updated: u32,
    pub kept: u32,
    pub unchanged: u32,
    pub media: u32,
    pub tables: Vec<TableChanges>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Insert,
    Update,
    Unchanged,
    Keep,
    Conflict,
}

struct Op<'a> {
    spec: TableSpec,
    key: String,
    row: &'a Row,
    action: Action,
}

fn key_of(spec: &TableSpec, row: &Row) -> Result<(String, Vec<Value>)> {
    let mut parts = Vec::new();
    let mut values = Vec::new();
    for k in spec.key {
        let v = row
            .get(*k)
            .ok_or_else(|| bad(format!("a row of {} has no {k}", spec.name)))?;
        let sql = to_sql(spec.name, k, v)?;
        parts.push(match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        values.push(sql);
    }
    Ok((parts.join(" / "), values))
}

fn local_row(
    conn: &Connection,
    spec: &TableSpec,
    cols: &[String],
    key: &[Value],
) -> Result<Option<Row>> {
    let list = cols.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", ");
    let cond = spec
        .key
        .iter()
        .enumerate()
        .map(|(i, k)| format!("{} = ?{}", quote(k), i + 1))
        .collect::<Vec<_>>()
        .join(" AND ");
    let sql = format!("SELECT {list} FROM {} WHERE {cond}", quote(spec.name));
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(key.iter()))?;
    let Some(r) = rows.next()? else {
        return Ok(None);
    };
    let mut row = Map::new();
    for (i, c) in cols.iter().enumerate() {
        row.insert(c.clone(), to_json(r.get_ref(i)?)?);
    }
    Ok(Some(row))
}

fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-12,
        _ => a == b,
    }
}

fn label(row: &Row) -> String {
    [
        "title",
        "name",
        "statement",
        "platform_id",
        "platform",
        "step",
        "original_name",
    ]
    .iter()
    .find_map(|k| row.get(*k).and_then(|v| v.as_str()))
    .unwrap_or("")
    .to_string()
}

struct Analysis<'a> {
    ops: Vec<Op<'a>>,
    preview: BundlePreview,
}

fn analyse<'a>(conn: &Connection, unpacked: &'a Unpacked) -> Result<Analysis<'a>> {
    let doc = &unpacked.doc;
    let known: HashSet<&str> = TABLES.iter().map(|t| t.name).collect();
    let skipped_tables: Vec<String> = doc
        .tables
        .keys()
        .filter(|k| !known.contains(k.as_str()))
        .cloned()
        .collect();
    let empty_workspace = crate::workspace::get(conn)?.is_none();
    let mut ops = Vec::new();
    let mut tables = Vec::new();
    let mut conflicts = Vec::new();
    for spec in TABLES {
        let Some(rows) = doc.tables.get(spec.name) else {
            continue;
        };
        let cols = table_columns(conn, spec.name)?;
        if cols.is_empty() {
            continue;
        }
        let colset: HashSet<&str> = cols.iter().map(String::as_str).collect();
        let has_updated = colset.contains("updated_at");
        let mut ch = TableChanges {
            table: spec.name.into(),
            ..TableChanges::default()
        };
        let mut seen = HashSet::new();
        for row in rows {
            for c in row.keys() {
                if !colset.contains(c.as_str()) {
                    return Err(bad(format!(
                        "{} has a column \"{c}\" this Plotline does not know",
                        spec.name
                    )));
                }
            }
            let (key, values) = key_of(spec, row)?;
            if !seen.insert(key.clone()) {
                return Err(bad(format!("{} lists \"{key}\" twice", spec.name)));
            }
            let action = match local_row(conn, spec, &cols, &values)? {
                None => Action::Insert,
                Some(mine) => {
                    let diff: Vec<String> = row
                        .iter()
                        .filter(|(c, v)| {
                            c.as_str() != "updated_at"
                                && !mine.get(c.as_str()).is_some_and(|m| same(m, v))
                        })
                        .map(|(c, _)| c.clone())
                        .collect();
                    if diff.is_empty() {
                        Action::Unchanged
                    } else if !has_updated {
                        Action::Keep
                    } else {
                        let m = mine
                            .get("updated_at")
                            .and_then(|v| v.as_str())
                            .unwrap_or("");
                        let t = row.get("updated_at").and_then(|v| v.as_str()).unwrap_or("");
                        let action = match doc.base.as_deref() {
                            Some(base) => match (m > base, t > base) {
                                (true, true) => Action::Conflict,
                                (false, true) => Action::Update,
                                (true, false) => Action::Keep,
                                (false, false) => newer(m, t),
                            },
                            None => newer(m, t),
                        };
                        if action == Action::Conflict {
                            conflicts.push(Conflict {
                                table: spec.name.into(),
                                key: key.clone(),
                                label: label(&mine),
                                mine_updated_at: Some(m.to_string()).filter(|s| !s.is_empty()),
                                theirs_updated_at: Some(t.to_string()).filter(|s| !s.is_empty()),
                                changes: diff
                                    .iter()
                                    .map(|f| FieldChange {
                                        field: f.clone(),
                                        mine: shown(mine.get(f.as_str())),
                                        theirs: shown(row.get(f.as_str())),
                                    })
                                    .collect(),
                                fields: diff,
                            });
                        }
                        action
                    }
                }
            };
            match action {
                Action::Insert => ch.added += 1,
                Action::Update => ch.updated += 1,
                Action::Unchanged => ch.unchanged += 1,
                Action::Keep => ch.kept += 1,
                Action::Conflict => ch.conflicts += 1,
            }
            ops.push(Op {
                spec: *spec,
                key,
                row,
                action,
            });
        }
        tables.push(ch);
    }
    let media = doc.tables.get("media_items").map_or(0, Vec::len) as u32;
    Ok(Analysis {
        ops,
        preview: BundlePreview {
            business: doc.business.clone(),
            exported_at: doc.exported_at.clone(),
            app_version: doc.app_version.clone(),
            tables,
            conflicts,
            media,
            skipped_tables,
            empty_workspace,
        },
    })
}

fn newer(mine: &str, theirs: &str) -> Action {
    match theirs.cmp(mine) {
        std::cmp::Ordering::Greater => Action::Update,
        std::cmp::Ordering::Less => Action::Keep,
        std::cmp::Ordering::Equal => Action::Conflict,
    }
}

/// What importing `path` would change. Writes nothing.
pub fn preview(store: &Store, path: &Path) -> Result<BundlePreview> {
    let unpacked = unpack(path, store.schema_version()?)?;
    media_entries(&unpacked.doc)?;
    store.read(|conn| Ok(analyse(conn, &unpacked)?.preview))
}

fn sha_of(path: &Path) -> Result<String> {
    let mut f = std::fs::File::open(path)
        .map_err(|e| Error::io("A photo in the bundle could not be read", e))?;
    let mut h = Sha256::new();
    std::io::copy(&mut f, &mut h)
        .map_err(|e| Error::io("A photo in the bundle could not be read", e))?;
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

fn write_row(tx: &Transaction<'_>, op: &Op<'_>) -> Result<()> {
    let cols: Vec<&String> = op.row.keys().collect();
    let mut values = Vec::with_capacity(cols.len());
    for c in &cols {
        values.push(to_sql(op.spec.name, c, &op.row[c.as_str()])?);
    }
    let table = quote(op.spec.name);
    let result = if op.action == Action::Insert {
        let list = cols.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", ");
        let marks = (1..=cols.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        tx.execute(
            &format!("INSERT INTO {table} ({list}) VALUES ({marks})"),
            params_from_iter(values.iter()),
        )
    } else {
        let (_, key) = key_of(&op.spec, op.row)?;
        let set = cols
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{} = ?{}", quote(c), i + 1))
            .collect::<Vec<_>>()
            .join(", ");
        let cond = op
            .spec
            .key
            .iter()
            .enumerate()
            .map(|(i, k)| format!("{} = ?{}", quote(k), cols.len() + i + 1))
            .collect::<Vec<_>>()
            .join(" AND ");
        values.extend(key);
        tx.execute(
            &format!("UPDATE {table} SET {set} WHERE {cond}"),
            params_from_iter(values.iter()),
        )
    };
    result.map_err(|e| {
        bad(format!(
            "the {} row \"{}\" does not fit this plan ({e})",
            op.spec.name, op.key
        ))
    })?;
    Ok(())
}

/// Import `path`: every conflict must have a choice in `choices`. One transaction.
pub fn apply(store: &Store, path: &Path, choices: &[ImportChoice]) -> Result<BundleImportReport> {
    let unpacked = unpack(path, store.schema_version()?)?;
    let media = media_entries(&unpacked.doc)?;
    let picks: HashMap<(&str, &str), Resolution> = choices
        .iter()
        .map(|c| ((c.table.as_str(), c.key.as_str()), c.take))
        .collect();
    // Photos first: content-addressed files, verified against their fingerprint. A file left
    // behind by a failed import is harmless (the same bytes under the same name).
    let dir = store.data_dir();
    let (orig_dir, thumb_dir) = (originals_dir(dir), thumbs_dir(dir));
    for d in [&orig_dir, &thumb_dir] {
        std::fs::create_dir_all(d)
            .map_err(|e| Error::io(format!("Plotline could not create {}", d.display()), e))?;
    }
    for (orig, thumb) in &media {
        let src = unpacked.file(&format!("media/{orig}"));
        let meta = std::fs::symlink_metadata(&src)
            .map_err(|_| bad(format!("the photo {orig} is missing from it")))?;
        if !meta.is_file() {
            return Err(bad(format!("the photo {orig} is not a file")));
        }
        let want = orig.split('.').next().unwrap_or("");
        if sha_of(&src)? != want {
            return Err(bad(format!(
                "the photo {orig} is damaged (its fingerprint differs)"
            )));
        }
        copy_if_missing(&src, &orig_dir.join(orig))?;
        let tsrc = unpacked.file(&format!("thumbs/{thumb}"));
        if std::fs::symlink_metadata(&tsrc).is_ok_and(|m| m.is_file()) {
            copy_if_missing(&tsrc, &thumb_dir.join(thumb))?;
        }
    }
    store.write(|tx| {
        let mut analysis = analyse(tx, &unpacked)?;
        let missing: Vec<String> = analysis
            .preview
            .conflicts
            .iter()
            .filter(|c| !picks.contains_key(&(c.table.as_str(), c.key.as_str())))
            .map(|c| {
                format!(
                    "{} \"{}\"",
                    c.table,
                    if c.label.is_empty() { &c.key } else { &c.label }
                )
            })
            .collect();
        if !missing.is_empty() {
            return Err(Error::Conflict(format!(
                "Choose \"keep mine\" or \"take theirs\" for every conflict first ({} left: {}).",
                missing.len(),
                missing.into_iter().take(3).collect::<Vec<_>>().join(", ")
            )));
        }
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let mut tables: BTreeMap<&str, TableChanges> = BTreeMap::new();
        for op in &mut analysis.ops {
            if op.action == Action::Conflict {
                op.action = match picks.get(&(op.spec.name, op.key.as_str())) {
                    Some(Resolution::Theirs) => Action::Update,
                    _ => Action::Keep,
                };
            }
            let ch = tables.entry(op.spec.name).or_insert_with(|| TableChanges {
                table: op.spec.name.into(),
                ..TableChanges::default()
            });
            match op.action {
                Action::Insert => ch.added += 1,
                Action::Update => ch.updated += 1,
                Action::Unchanged => ch.unchanged += 1,
                Action::Keep | Action::Conflict => ch.kept += 1,
            }
            if matches!(op.action, Action::Insert | Action::Update) {
                write_row(tx, op)?;
            }
        }
        record(tx, "import", &unpacked.doc)?;
        let tables: Vec<TableChanges> = TABLES
            .iter()
            .filter_map(|s| tables.remove(s.name))
            .collect();
        let sum = |f: fn(&TableChanges) -> u32| tables.iter().map(f).sum();
        Ok(BundleImportReport {
            added: sum(|t| t.added),
            updated: sum(|t| t.updated),
            kept: sum(|t| t.kept),
            unchanged: sum(|t| t.unchanged),
            media: media.len() as u32,
            tables,
        })
    })
}

fn copy_if_missing(src: &Path, dest: &Path) -> Result<()> {
    if dest.is_file() {
        return Ok(());
    }
    let bytes =
        std::fs::read(src).map_err(|e| Error::io("A file in the bundle could not be read", e))?;
    crate::share::write_file(dest, &bytes).map(|_| ())
}
