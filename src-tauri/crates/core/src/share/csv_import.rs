//! Importing posts from a spreadsheet: Plotline's own CSV (round trip) or a Buffer bulk-upload
//! CSV (moving from another planner). Strict and bounded (R11) through
//! [`crate::exchange::csv::read_csv`]; every problem is reported with its line; nothing is
//! written unless the whole file is clean.
//!
//! The preview runs the very same import inside a transaction that is then rolled back, so what
//! the preview says is exactly what "Import" will do.

use rusqlite::{params, Transaction};
use serde::Serialize;

use super::csv_export::CsvFormat;
use crate::content::posts::{self, PostInput, VariantInput};
use crate::content::{pillars, ContentType, Format, LinkPlacement, PostStatus};
use crate::db::codec::{from_db, to_db};
use crate::exchange::csv::{read_csv, CsvLimits, CsvRow, CsvTable};
use crate::{Error, Result, Store};

/// Most posts one spreadsheet may create.
pub const MAX_POSTS: usize = 5_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CsvRowError {
    pub line: u32,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportedPost {
    pub line: u32,
    pub title: String,
    pub scheduled_local: Option<String>,
    pub platforms: Vec<String>,
    pub status: PostStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CsvImportPreview {
    pub format: CsvFormat,
    pub rows: u32,
    pub posts: Vec<ImportedPost>,
    /// Posts whose id is already in this plan (a re-import of our own export): left alone.
    pub skipped: u32,
    pub errors: Vec<CsvRowError>,
}

struct Cols<'a> {
    header: &'a [String],
}

impl Cols<'_> {
    fn idx(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    }
    fn get<'r>(&self, row: &'r CsvRow, name: &str) -> &'r str {
        self.idx(name)
            .and_then(|i| row.cells.get(i))
            .map_or("", |s| s.trim())
    }
}

/// Undo the export's formula neutralisation (a leading `'` before = + - @).
fn unquote(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

fn detect(table: &CsvTable) -> Result<CsvFormat> {
    let cols = Cols {
        header: &table.header,
    };
    if cols.idx("post_id").is_some() && cols.idx("title").is_some() {
        Ok(CsvFormat::Plotline)
    } else if cols.idx("Text").is_some() && cols.idx("Posting Time").is_some() {
        Ok(CsvFormat::Buffer)
    } else {
        Err(Error::Invalid(
            "This spreadsheet is not one Plotline can import: its first line must name the \
             columns of a Plotline export (post_id, title, …) or of a Buffer bulk upload (Text, \
             Posting Time)."
                .into(),
        ))
    }
}

fn enum_cell<T: for<'de> serde::Deserialize<'de>>(
    line: u32,
    col: &str,
    value: &str,
    default: T,
    errors: &mut Vec<CsvRowError>,
) -> T {
    if value.is_empty() {
        return default;
    }
    match from_db(value.to_string(), 0) {
        Ok(v) => v,
        Err(_) => {
            errors.push(CsvRowError {
                line,
                message: format!("{col} \"{value}\" is not a value Plotline knows."),
            });
            default
        }
    }
}

struct Planned {
    line: u32,
    id: Option<String>,
    input: PostInput,
    status: PostStatus,
}

fn plan_plotline(
    tx: &Transaction<'_>,
    table: &CsvTable,
    errors: &mut Vec<CsvRowError>,
) -> Result<Vec<Planned>> {
    let cols = Cols {
        header: &table.header,
    };
    let pillars = pillars::list(tx)?;
    let mut out: Vec<Planned> = Vec::new();
    for row in &table.rows {
        let line = row.line as u32;
        let g = |c: &str| unquote(cols.get(row, c)).to_string();
        let id = g("post_id");
        let platform = g("platform");
        let variant = if platform.is_empty() {
            None
        } else {
            match crate::content::validate_platform("platform", &platform) {
                Ok(p) => Some(VariantInput {
                    platform: p.to_string(),
                    text_override: Some(g("text_override")).filter(|s| !s.is_empty()),
                    hashtags: g("hashtags")
                        .split_whitespace()
                        .map(|t| t.trim_start_matches('#').to_string())
                        .collect(),
                    first_comment: Some(g("first_comment")).filter(|s| !s.is_empty()),
                    link_placement: enum_cell(
                        line,
                        "link_placement",
                        &g("link_placement"),
                        LinkPlacement::None,
                        errors,
                    ),
                }),
                Err(_) => {
                    errors.push(CsvRowError {
                        line,
                        message: format!(
                            "platform \"{platform}\" is not a platform Plotline knows."
                        ),
                    });
                    None
                }
            }
        };
        // Rows of the same post (one per platform) follow each other in an export.
        if let Some(prev) = out
            .last_mut()
            .filter(|p| !id.is_empty() && p.id.as_deref() == Some(id.as_str()))
        {
            if let Some(v) = variant {
                if prev.input.variants.iter().any(|x| x.platform == v.platform) {
                    errors.push(CsvRowError {
                        line,
                        message: format!("the post has {} twice.", v.platform),
                    });
                } else {
                    prev.input.variants.push(v);
                }
            }
            continue;
        }
        let title = g("title");
        if title.is_empty() {
            errors.push(CsvRowError {
                line,
                message: "the title is empty; every post needs a title.".into(),
            });
        }
        let pillar_name = g("pillar");
        let pillar_id = if pillar_name.is_empty() {
            None
        } else if let Some(p) = pillars
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(&pillar_name))
        {
            Some(p.id.clone())
        } else {
            errors.push(CsvRowError {
                line,
                message: format!("there is no pillar \"{pillar_name}\" in this plan; add it on the Pillars screen or clear the cell."),
            });
            None
        };
        let when = Some(g("scheduled_utc"))
            .filter(|s| !s.is_empty())
            .or_else(|| Some(g("scheduled_local")).filter(|s| !s.is_empty()));
        let body = {
            let b = g("body");
            let inherits = variant.as_ref().is_none_or(|v| v.text_override.is_none());
            if b.is_empty() && inherits {
                g("text")
            } else {
                b
            }
        };
        let status = enum_cell(line, "status", &g("status"), PostStatus::Draft, errors);
        let campaign = g("campaign");
        out.push(Planned {
            line,
            id: Some(id).filter(|s| !s.is_empty()),
            status,
            input: PostInput {
                title,
                body,
                pillar_id,
                content_type: enum_cell(
                    line,
                    "content_type",
                    &g("content_type"),
                    ContentType::Educational,
                    errors,
                ),
                format: enum_cell(line, "format", &g("format"), Format::Photo, errors),
                objective_id: None,
                kpi_id: None,
                persona_ids: vec![],
                campaign_name: Some(campaign).filter(|s| !s.is_empty()),
                campaign_slug: None,
                scheduled_local: when,
                owner_id: None,
                notes: g("notes"),
                links: g("links")
                    .lines()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
                variants: variant.into_iter().collect(),
            },
        });
    }
    Ok(out)
}

fn plan_buffer(table: &CsvTable, errors: &mut Vec<CsvRowError>) -> Vec<Planned> {
    let cols = Cols {
        header: &table.header,
    };
    let mut out = Vec::new();
    for row in &table.rows {
        let line = row.line as u32;
        let text = unquote(cols.get(row, "Text")).to_string();
        if text.is_empty() {
            errors.push(CsvRowError {
                line,
                message: "Text is empty; every post needs its text.".into(),
            });
            continue;
        }
        let when = cols.get(row, "Posting Time");
        let scheduled_local = if when.is_empty() {
            None
        } else {
            let parsed = [
                "%Y-%m-%d %H:%M",
                "%Y-%m-%d %H:%M:%S",
                "%Y-%m-%dT%H:%M",
                "%Y/%m/%d %H:%M",
            ]
            .iter()
            .find_map(|f| chrono::NaiveDateTime::parse_from_str(when, f).ok());
            match parsed {
                Some(t) => Some(t.format(crate::content::time::LOCAL_FORMAT).to_string()),
                None => {
                    errors.push(CsvRowError {
                        line,
                        message: format!(
                            "Posting Time \"{when}\" is not a time; use the form 2026-03-31 09:00."
                        ),
                    });
                    None
                }
            }
        };
        let first_line = text.lines().next().unwrap_or("").trim();
        let title: String = first_line.chars().take(60).collect();
        let image = cols.get(row, "Image URL");
        let tags = cols.get(row, "Tags");
        out.push(Planned {
            line,
            id: None,
            status: PostStatus::Draft,
            input: PostInput {
                title: if title.is_empty() {
                    "Imported post".into()
                } else {
                    title
                },
                body: text,
                pillar_id: None,
                content_type: ContentType::Educational,
                format: if image.is_empty() {
                    Format::Text
                } else {
                    Format::Photo
                },
                objective_id: None,
                kpi_id: None,
                persona_ids: vec![],
                campaign_name: None,
                campaign_slug: None,
                scheduled_local,
                owner_id: None,
                notes: [
                    (!image.is_empty()).then(|| format!("Image: {image}")),
                    (!tags.is_empty()).then(|| format!("Buffer tags: {tags}")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n"),
                links: vec![],
                variants: vec![],
            },
        });
    }
    out
}

/// Run the import in `tx`; returns the preview. The caller commits or rolls back.
fn run(tx: &Transaction<'_>, bytes: &[u8]) -> Result<CsvImportPreview> {
    let table = read_csv(bytes, &CsvLimits::default())?;
    let format = detect(&table)?;
    let mut errors = Vec::new();
    let planned = match format {
        CsvFormat::Plotline => plan_plotline(tx, &table, &mut errors)?,
        _ => plan_buffer(&table, &mut errors),
    };
    if planned.len() > MAX_POSTS {
        return Err(Error::Invalid(format!(
            "This spreadsheet has {} posts; Plotline imports up to {MAX_POSTS} at a time. Split it.",
            planned.len()
        )));
    }
    let mut posts_out = Vec::new();
    let mut skipped = 0;
    for p in planned {
        if let Some(id) = &p.id {
            let exists: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM posts WHERE id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if exists {
                skipped += 1;
                continue;
            }
        }
        if errors.iter().any(|e| e.line == p.line) {
            continue;
        }
        // A savepoint per post: one bad row is reported and does not spoil the others.
        tx.execute_batch("SAVEPOINT csv_row")?;
        let made = posts::create(tx, &p.input, None).and_then(|post| {
            if post.status != p.status {
                tx.execute(
                    "UPDATE posts SET status = ?2 WHERE id = ?1",
                    params![post.id, to_db(&p.status)?],
                )?;
                crate::content::workflow::record(
                    tx,
                    &post.id,
                    Some(post.status),
                    p.status,
                    None,
                    "Imported from a spreadsheet",
                )?;
            }
            Ok(post)
        });
        match made {
            Ok(post) => {
                tx.execute_batch("RELEASE csv_row")?;
                posts_out.push(ImportedPost {
                    line: p.line,
                    title: post.title,
                    scheduled_local: post.time.map(|t| t.local),
                    platforms: post.variants.iter().map(|v| v.platform.clone()).collect(),
                    status: p.status,
                });
            }
            Err(e) => {
                tx.execute_batch("ROLLBACK TO csv_row; RELEASE csv_row")?;
                let message = match &e {
                    Error::Database(_) if p.status == PostStatus::Scheduled => {
                        "status is scheduled but the row has no time; add a time or change the status.".to_string()
                    }
                    e => e.to_string(),
                };
                errors.push(CsvRowError {
                    line: p.line,
                    message,
                });
            }
        }
    }
    errors.sort_by_key(|e| e.line);
    Ok(CsvImportPreview {
        format,
        rows: table.rows.len() as u32,
        posts: posts_out,
        skipped,
        errors,
    })
}

/// What importing `bytes` would do. Writes nothing (the work is rolled back).
pub fn preview(store: &Store, bytes: &[u8]) -> Result<CsvImportPreview> {
    let mut out = None;
    let r = store.write(|tx| {
        out = Some(run(tx, bytes)?);
        Err::<(), _>(Error::Conflict("preview only".into()))
    });
    match (out, r) {
        (Some(p), _) => Ok(p),
        (None, Err(e)) => Err(e),
        (None, Ok(())) => Err(Error::Invalid("The preview could not be made.".into())),
    }
}

/// Import `bytes`: all or nothing. Refused while any row has an error.
pub fn apply(store: &Store, bytes: &[u8]) -> Result<CsvImportPreview> {
    store.write(|tx| {
        let p = run(tx, bytes)?;
        if let Some(first) = p.errors.first() {
            return Err(Error::Invalid(format!(
                "Nothing was imported: {} row(s) have problems, the first on line {}: {} Fix them \
                 in the spreadsheet and import again.",
                p.errors.len(),
                first.line,
                first.message
            )));
        }
        Ok(p)
    })
}
