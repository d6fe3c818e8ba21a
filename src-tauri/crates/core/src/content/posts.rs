//! Posts and their per-platform variants.

use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::pillars::clean_id;
use super::time::{self, PostTime};
use super::{json_list, parse_list, platform_rank, slugify, validate_platform};
use super::{ContentType, Format, LinkPlacement, PostStatus};
use crate::clock::{new_id, now};
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};
use crate::publishing::handoff::Publication;

pub const TITLE_MAX_CHARS: usize = 120;
pub const BODY_MAX_CHARS: usize = 10_000;
pub const MAX_HASHTAGS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Variant {
    pub id: String,
    pub platform: String,
    /// `None` while the variant inherits the post's master text.
    pub text_override: Option<String>,
    pub hashtags: Vec<String>,
    pub first_comment: Option<String>,
    pub link_placement: LinkPlacement,
}

impl Variant {
    /// The text this platform gets: its own if edited, else the master text.
    pub fn effective_text<'a>(&'a self, master: &'a str) -> &'a str {
        self.text_override.as_deref().unwrap_or(master)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VariantInput {
    pub platform: String,
    pub text_override: Option<String>,
    pub hashtags: Vec<String>,
    pub first_comment: Option<String>,
    pub link_placement: LinkPlacement,
}

impl VariantInput {
    pub fn inherit(platform: &str) -> Self {
        VariantInput {
            platform: platform.into(),
            text_override: None,
            hashtags: vec![],
            first_comment: None,
            link_placement: LinkPlacement::None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Post {
    pub id: String,
    pub title: String,
    pub body: String,
    pub pillar_id: Option<String>,
    pub content_type: ContentType,
    pub format: Format,
    pub objective_id: Option<String>,
    pub kpi_id: Option<String>,
    pub persona_ids: Vec<String>,
    pub campaign_name: Option<String>,
    pub campaign_slug: Option<String>,
    /// RFC 3339 in the post's zone (`2026-03-08T09:00:00+09:00`), `None` for backlog ideas.
    pub scheduled_at: Option<String>,
    pub time: Option<PostTime>,
    pub status: PostStatus,
    pub owner_id: Option<String>,
    pub notes: String,
    pub links: Vec<String>,
    pub series_id: Option<String>,
    pub variants: Vec<Variant>,
    /// The statuses the approval flow allows next (from `workflow::allowed_next`).
    pub allowed_next: Vec<PostStatus>,
    /// Where the post went live, once it was marked published by hand with its URL.
    pub publication: Option<Publication>,
    pub created_at: String,
    pub updated_at: String,
}

impl Post {
    pub fn platforms(&self) -> Vec<String> {
        self.variants.iter().map(|v| v.platform.clone()).collect()
    }
}

/// What the post editor saves. `scheduled_local` is a wall time in the workspace's zone
/// (`2026-03-08T09:00`) or an RFC 3339 instant; `None` keeps the post in the backlog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PostInput {
    pub title: String,
    pub body: String,
    pub pillar_id: Option<String>,
    pub content_type: ContentType,
    pub format: Format,
    pub objective_id: Option<String>,
    pub kpi_id: Option<String>,
    pub persona_ids: Vec<String>,
    pub campaign_name: Option<String>,
    pub campaign_slug: Option<String>,
    pub scheduled_local: Option<String>,
    pub owner_id: Option<String>,
    pub notes: String,
    pub links: Vec<String>,
    pub variants: Vec<VariantInput>,
}

impl PostInput {
    /// A minimal idea: a title and a content type, no time, no platforms.
    pub fn idea(title: &str, content_type: ContentType, format: Format) -> Self {
        PostInput {
            title: title.into(),
            body: String::new(),
            pillar_id: None,
            content_type,
            format,
            objective_id: None,
            kpi_id: None,
            persona_ids: vec![],
            campaign_name: None,
            campaign_slug: None,
            scheduled_local: None,
            owner_id: None,
            notes: String::new(),
            links: vec![],
            variants: vec![],
        }
    }
}

struct Clean {
    input: PostInput,
    time: Option<PostTime>,
}

/// `before` is the saved post when editing: links to an objective, KPI or persona deleted
/// since are dropped quietly, while a new unknown id is an error.
fn validate(conn: &Connection, input: &PostInput, tz: Tz, before: Option<&Post>) -> Result<Clean> {
    let title = input.title.trim().to_string();
    if title.is_empty() {
        return Err(Error::field(
            "title",
            "Give the post a working title so you can find it on the calendar.",
        ));
    }
    if title.chars().count() > TITLE_MAX_CHARS {
        return Err(Error::field(
            "title",
            format!("Keep the title to {TITLE_MAX_CHARS} characters (the text itself goes in the post body)."),
        ));
    }
    if input.body.chars().count() > BODY_MAX_CHARS {
        return Err(Error::field(
            "body",
            format!("The text is longer than {BODY_MAX_CHARS} characters; shorten it."),
        ));
    }
    let pillar_id = clean_id(&input.pillar_id);
    if let Some(p) = &pillar_id {
        let exists: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM pillars WHERE id = ?1)",
            [p],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::field(
                "pillarId",
                "That pillar no longer exists. Pick another one.",
            ));
        }
    }
    let owner_id = clean_id(&input.owner_id);
    if let Some(o) = &owner_id {
        let exists: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM team_members WHERE id = ?1)",
            [o],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::field(
                "ownerId",
                "That team member no longer exists. Pick another owner.",
            ));
        }
    }
    // Objective, KPI and personas live in the strategy tables: check the links on write
    // (the columns predate those tables, so there are no foreign keys).
    let exists_in = |table: &str, id: &str| -> Result<bool> {
        Ok(conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
            [id],
            |r| r.get(0),
        )?)
    };
    let mut objective_id = clean_id(&input.objective_id);
    let mut kpi_id = clean_id(&input.kpi_id);
    for (field, table, id, saved, what) in [
        (
            "objectiveId",
            "objectives",
            &mut objective_id,
            before.and_then(|b| b.objective_id.as_deref()),
            "objective",
        ),
        (
            "kpiId",
            "kpis",
            &mut kpi_id,
            before.and_then(|b| b.kpi_id.as_deref()),
            "KPI",
        ),
    ] {
        if let Some(v) = id.as_deref() {
            if !exists_in(table, v)? {
                if saved == Some(v) {
                    *id = None;
                } else {
                    return Err(Error::field(
                        field,
                        format!(
                            "That {what} no longer exists. Pick another one or leave it empty."
                        ),
                    ));
                }
            }
        }
    }
    if let (Some(kpi), Some(objective)) = (&kpi_id, &objective_id) {
        let belongs: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM kpis WHERE id = ?1 AND objective_id = ?2)",
            [kpi, objective],
            |r| r.get(0),
        )?;
        if !belongs {
            return Err(Error::field(
                "kpiId",
                "That KPI belongs to another objective. Pick a KPI of the chosen objective.",
            ));
        }
    }
    let campaign_name = input
        .campaign_name
        .as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let campaign_slug = match (
        &campaign_name,
        input.campaign_slug.as_deref().map(str::trim),
    ) {
        (_, Some(slug)) if !slug.is_empty() => {
            let clean = slugify(slug);
            if clean != slug {
                return Err(Error::field(
                    "campaignSlug",
                    format!("Use lowercase letters, digits and dashes for the campaign code, e.g. '{}'.",
                        if clean.is_empty() { "spring-sale".to_string() } else { clean }),
                ));
            }
            Some(clean)
        }
        (Some(name), _) => {
            let slug = slugify(name);
            if slug.is_empty() {
                return Err(Error::field(
                    "campaignSlug",
                    "Enter a short campaign code in letters and digits (e.g. spring-sale): it goes into your tracked links.",
                ));
            }
            Some(slug)
        }
        (None, _) => None,
    };
    let mut persona_ids: Vec<String> = input
        .persona_ids
        .iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    persona_ids.sort();
    persona_ids.dedup();
    let mut kept = Vec::with_capacity(persona_ids.len());
    for p in persona_ids {
        if exists_in("personas", &p)? {
            kept.push(p);
        } else if !before.is_some_and(|b| b.persona_ids.contains(&p)) {
            return Err(Error::field(
                "personaIds",
                "One of the chosen personas does not exist. Pick personas from your list.",
            ));
        }
    }
    let persona_ids = kept;
    let mut links = Vec::new();
    for l in &input.links {
        let l = l.trim();
        if l.is_empty() {
            continue;
        }
        match url::Url::parse(l) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => links.push(l.to_string()),
            _ => {
                return Err(Error::field(
                    "links",
                    format!("'{l}' is not a web address. Links start with https://."),
                ))
            }
        }
    }
    let body = input.body.trim_end().to_string();
    let mut variants: Vec<VariantInput> = Vec::new();
    for v in &input.variants {
        let platform = validate_platform("variants", &v.platform)?;
        if variants.iter().any(|o| o.platform == platform) {
            return Err(Error::field(
                "variants",
                format!("{platform} is listed twice; keep one version per platform."),
            ));
        }
        let mut hashtags: Vec<String> = Vec::new();
        for h in &v.hashtags {
            let h = h.trim().trim_start_matches(['#', '＃']).trim().to_string();
            if h.is_empty() || hashtags.contains(&h) {
                continue;
            }
            if h.chars().any(char::is_whitespace) {
                return Err(Error::field(
                    "variants",
                    format!("The hashtag '#{h}' contains a space; hashtags are one word."),
                ));
            }
            hashtags.push(h);
        }
        if hashtags.len() > MAX_HASHTAGS {
            return Err(Error::field(
                "variants",
                format!("Use at most {MAX_HASHTAGS} hashtags on {platform}."),
            ));
        }
        // An override equal to the master text is no override: it keeps inheriting.
        let text_override = v
            .text_override
            .as_ref()
            .map(|t| t.trim_end().to_string())
            .filter(|t| *t != body);
        variants.push(VariantInput {
            platform: platform.to_string(),
            text_override,
            hashtags,
            first_comment: v
                .first_comment
                .as_ref()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty()),
            link_placement: v.link_placement,
        });
    }
    variants.sort_by_key(|v| platform_rank(&v.platform));
    let time = match input.scheduled_local.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => Some(time::parse_time("scheduledLocal", t, tz)?),
        _ => None,
    };
    Ok(Clean {
        input: PostInput {
            title,
            body,
            pillar_id,
            content_type: input.content_type,
            format: input.format,
            objective_id,
            kpi_id,
            persona_ids,
            campaign_name,
            campaign_slug,
            scheduled_local: time.as_ref().map(|t| t.local.clone()),
            owner_id,
            notes: input.notes.trim().to_string(),
            links,
            variants,
        },
        time,
    })
}

/// Create a post. It starts as an `idea` when it has no text yet, else as a `draft`; the
/// creation is the first entry of its history.
pub fn create(tx: &Transaction<'_>, input: &PostInput, actor: Option<&str>) -> Result<Post> {
    let tz = time::workspace_zone(tx)?;
    let clean = validate(tx, input, tz, None)?;
    let status = if clean.input.body.is_empty() {
        PostStatus::Idea
    } else {
        PostStatus::Draft
    };
    let id = new_id();
    insert(tx, &id, &clean.input, clean.time.as_ref(), status)?;
    super::workflow::record(tx, &id, None, status, actor, "Created")?;
    get(tx, &id)
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    input: &PostInput,
    time: Option<&PostTime>,
    status: PostStatus,
) -> Result<()> {
    let now = now();
    tx.execute(
        "INSERT INTO posts (id, title, body, pillar_id, content_type, format, objective_id, kpi_id,
             campaign_name, campaign_slug, scheduled_at, time_zone, local_time, status, owner_id, notes,
             links, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18)",
        params![
            id, input.title, input.body, input.pillar_id, to_db(&input.content_type)?, to_db(&input.format)?,
            input.objective_id, input.kpi_id, input.campaign_name, input.campaign_slug,
            time.map(|t| &t.utc), time.map(|t| &t.time_zone), time.map(|t| &t.local),
            to_db(&status)?, input.owner_id, input.notes, json_list(&input.links)?, now,
        ],
    )?;
    write_children(tx, id, input)?;
    Ok(())
}

fn write_children(tx: &Transaction<'_>, id: &str, input: &PostInput) -> Result<()> {
    tx.execute("DELETE FROM post_personas WHERE post_id = ?1", [id])?;
    for p in &input.persona_ids {
        tx.execute(
            "INSERT INTO post_personas (post_id, persona_id) VALUES (?1, ?2)",
            params![id, p],
        )?;
    }
    let keep: Vec<&str> = input.variants.iter().map(|v| v.platform.as_str()).collect();
    let existing: Vec<String> = {
        let mut stmt = tx.prepare("SELECT platform FROM post_variants WHERE post_id = ?1")?;
        let rows = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        rows
    };
    for p in existing.iter().filter(|p| !keep.contains(&p.as_str())) {
        tx.execute(
            "DELETE FROM post_variants WHERE post_id = ?1 AND platform = ?2",
            params![id, p],
        )?;
    }
    let now = now();
    for v in &input.variants {
        tx.execute(
            "INSERT INTO post_variants (id, post_id, platform, text_override, hashtags, first_comment,
                 link_placement, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
             ON CONFLICT (post_id, platform) DO UPDATE SET text_override = excluded.text_override,
                 hashtags = excluded.hashtags, first_comment = excluded.first_comment,
                 link_placement = excluded.link_placement, updated_at = excluded.updated_at
             WHERE text_override IS NOT excluded.text_override OR hashtags IS NOT excluded.hashtags
                 OR first_comment IS NOT excluded.first_comment OR link_placement IS NOT excluded.link_placement",
            params![new_id(), id, v.platform, v.text_override, json_list(&v.hashtags)?, v.first_comment, to_db(&v.link_placement)?, now],
        )?;
    }
    Ok(())
}

/// Save the editor's input over a post. Editing the words of an approved or scheduled post
/// sends it back to review (its sign-offs no longer cover what will be published); a
/// published post cannot be edited. Editing one occurrence of a series detaches it.
pub fn update(
    tx: &Transaction<'_>,
    id: &str,
    input: &PostInput,
    actor: Option<&str>,
) -> Result<Post> {
    update_inner(tx, id, input, actor, true)
}

pub(crate) fn update_inner(
    tx: &Transaction<'_>,
    id: &str,
    input: &PostInput,
    actor: Option<&str>,
    detach: bool,
) -> Result<Post> {
    let before = get(tx, id)?;
    if before.status == PostStatus::Published {
        return Err(Error::Conflict(
            "This post is already published, so it can no longer be edited. Duplicate it to reuse it.".into(),
        ));
    }
    let tz = time::workspace_zone(tx)?;
    let clean = validate(tx, input, tz, Some(&before))?;
    let c = &clean.input;
    let words_changed = c.title != before.title
        || c.body != before.body
        || c.variants.len() != before.variants.len()
        || c.variants.iter().zip(&before.variants).any(|(a, b)| {
            a.platform != b.platform
                || a.text_override != b.text_override
                || a.hashtags != b.hashtags
                || a.first_comment != b.first_comment
        });
    let mut status = before.status;
    if clean.time.is_none() && status == PostStatus::Scheduled {
        status = PostStatus::Approved;
    }
    if words_changed && matches!(status, PostStatus::Approved | PostStatus::Scheduled) {
        status = PostStatus::InReview;
    }
    if status == PostStatus::Idea && !c.body.is_empty() {
        status = PostStatus::Draft;
    }
    let t = clean.time.as_ref();
    tx.execute(
        "UPDATE posts SET title = ?2, body = ?3, pillar_id = ?4, content_type = ?5, format = ?6,
             objective_id = ?7, kpi_id = ?8, campaign_name = ?9, campaign_slug = ?10, scheduled_at = ?11,
             time_zone = ?12, local_time = ?13, status = ?14, owner_id = ?15, notes = ?16, links = ?17,
             series_detached = CASE WHEN series_id IS NOT NULL AND ?19 THEN 1 ELSE series_detached END, updated_at = ?18
         WHERE id = ?1",
        params![
            id, c.title, c.body, c.pillar_id, to_db(&c.content_type)?, to_db(&c.format)?, c.objective_id,
            c.kpi_id, c.campaign_name, c.campaign_slug, t.map(|t| &t.utc), t.map(|t| &t.time_zone),
            t.map(|t| &t.local), to_db(&status)?, c.owner_id, c.notes, json_list(&c.links)?, now(), detach,
        ],
    )?;
    write_children(tx, id, c)?;
    if words_changed && status == PostStatus::InReview {
        // Sign-offs cover the words that were reviewed.
        tx.execute("DELETE FROM post_signoffs WHERE post_id = ?1", [id])?;
    }
    if status != before.status {
        let note = if status == PostStatus::InReview {
            "Edited after approval: needs review again"
        } else if status == PostStatus::Approved {
            "Time removed: back to approved"
        } else {
            "Text added"
        };
        if status == PostStatus::InReview {
            tx.execute("DELETE FROM post_signoffs WHERE post_id = ?1", [id])?;
        }
        super::workflow::record(tx, id, Some(before.status), status, actor, note)?;
    }
    get(tx, id)
}

pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    if tx.execute("DELETE FROM posts WHERE id = ?1", [id])? == 0 {
        return Err(not_found());
    }
    Ok(())
}

pub(crate) fn not_found() -> Error {
    Error::NotFound(
        "That post no longer exists (it may have been deleted). Reload the calendar.".into(),
    )
}

const SELECT: &str = "SELECT p.id, p.title, p.body, p.pillar_id, p.content_type, p.format, p.objective_id,
        p.kpi_id, p.campaign_name, p.campaign_slug, p.scheduled_at, p.time_zone, p.local_time, p.status,
        p.owner_id, p.notes, p.links, p.series_id, p.created_at, p.updated_at,
        (SELECT json_group_array(persona_id) FROM (SELECT persona_id FROM post_personas pp WHERE pp.post_id = p.id ORDER BY persona_id)),
        pb.url, pb.published_at
     FROM posts p LEFT JOIN post_publication pb ON pb.post_id = p.id";

fn map_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Post> {
    let utc: Option<String> = r.get(10)?;
    let zone: Option<String> = r.get(11)?;
    let local: Option<String> = r.get(12)?;
    let time = match (utc, zone, local) {
        (Some(utc), Some(time_zone), Some(local)) => Some(PostTime {
            utc,
            time_zone,
            local,
        }),
        _ => None,
    };
    let scheduled_at = time.as_ref().and_then(|t| {
        t.time_zone
            .parse::<Tz>()
            .ok()
            .and_then(|tz| time::display_in(tz, &t.utc))
    });
    let status: PostStatus = from_db(r.get(13)?, 13)?;
    let id: String = r.get(0)?;
    let publication = match (r.get(21)?, r.get(22)?) {
        (Some(url), Some(published_at)) => Some(Publication {
            post_id: id.clone(),
            url,
            published_at,
        }),
        _ => None,
    };
    Ok(Post {
        id,
        title: r.get(1)?,
        body: r.get(2)?,
        pillar_id: r.get(3)?,
        content_type: from_db(r.get(4)?, 4)?,
        format: from_db(r.get(5)?, 5)?,
        objective_id: r.get(6)?,
        kpi_id: r.get(7)?,
        campaign_name: r.get(8)?,
        campaign_slug: r.get(9)?,
        scheduled_at,
        time,
        status,
        owner_id: r.get(14)?,
        notes: r.get(15)?,
        links: parse_list(r.get(16)?, 16)?,
        series_id: r.get(17)?,
        created_at: r.get(18)?,
        updated_at: r.get(19)?,
        persona_ids: parse_list(r.get(20)?, 20)?,
        variants: vec![],
        allowed_next: super::workflow::allowed_next(status).to_vec(),
        publication,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Post> {
    let mut post = conn
        .query_row(&format!("{SELECT} WHERE p.id = ?1"), [id], map_row)
        .optional()?
        .ok_or_else(not_found)?;
    post.variants = variants(conn, id)?;
    Ok(post)
}

pub fn variants(conn: &Connection, post_id: &str) -> Result<Vec<Variant>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, platform, text_override, hashtags, first_comment, link_placement
         FROM post_variants WHERE post_id = ?1",
    )?;
    let mut rows: Vec<Variant> = stmt
        .query_map([post_id], |r| {
            Ok(Variant {
                id: r.get(0)?,
                platform: r.get(1)?,
                text_override: r.get(2)?,
                hashtags: parse_list(r.get(3)?, 3)?,
                first_comment: r.get(4)?,
                link_placement: from_db(r.get(5)?, 5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.sort_by_key(|v| platform_rank(&v.platform));
    Ok(rows)
}

/// Posts scheduled in [from_utc, to_utc) (UTC strings), oldest first, with variants.
pub fn list_scheduled(conn: &Connection, from_utc: &str, to_utc: &str) -> Result<Vec<Post>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE p.scheduled_at >= ?1 AND p.scheduled_at < ?2 ORDER BY p.scheduled_at, p.id"
    ))?;
    let mut posts: Vec<Post> = stmt
        .query_map([from_utc, to_utc], map_row)?
        .collect::<rusqlite::Result<_>>()?;
    for p in &mut posts {
        p.variants = variants(conn, &p.id)?;
    }
    Ok(posts)
}

/// Every post, scheduled ones by time first, then the backlog by creation.
pub fn list_all(conn: &Connection) -> Result<Vec<Post>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} ORDER BY p.scheduled_at IS NULL, p.scheduled_at, p.created_at, p.id"
    ))?;
    let mut posts: Vec<Post> = stmt
        .query_map([], map_row)?
        .collect::<rusqlite::Result<_>>()?;
    for p in &mut posts {
        p.variants = variants(conn, &p.id)?;
    }
    Ok(posts)
}

/// The backlog: posts without a time, newest first.
pub fn list_unscheduled(conn: &Connection) -> Result<Vec<Post>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE p.scheduled_at IS NULL ORDER BY p.created_at DESC, p.id DESC"
    ))?;
    let mut posts: Vec<Post> = stmt
        .query_map([], map_row)?
        .collect::<rusqlite::Result<_>>()?;
    for p in &mut posts {
        p.variants = variants(conn, &p.id)?;
    }
    Ok(posts)
}

/// The input that recreates `post` (for duplicates and series templates).
pub fn to_input(post: &Post) -> PostInput {
    PostInput {
        title: post.title.clone(),
        body: post.body.clone(),
        pillar_id: post.pillar_id.clone(),
        content_type: post.content_type,
        format: post.format,
        objective_id: post.objective_id.clone(),
        kpi_id: post.kpi_id.clone(),
        persona_ids: post.persona_ids.clone(),
        campaign_name: post.campaign_name.clone(),
        campaign_slug: post.campaign_slug.clone(),
        scheduled_local: post.time.as_ref().map(|t| t.local.clone()),
        owner_id: post.owner_id.clone(),
        notes: post.notes.clone(),
        links: post.links.clone(),
        variants: post
            .variants
            .iter()
            .map(|v| VariantInput {
                platform: v.platform.clone(),
                text_override: v.text_override.clone(),
                hashtags: v.hashtags.clone(),
                first_comment: v.first_comment.clone(),
                link_placement: v.link_placement,
            })
            .collect(),
    }
}
