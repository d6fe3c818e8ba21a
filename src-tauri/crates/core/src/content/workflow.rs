//! The approval flow: legal status moves, their history, sign-offs, risk acknowledgements
//! and comments.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::posts::{self, Post};
use super::risk::{self, RiskHit};
use super::team::{self, ApprovalStep};
use super::PostStatus;
use crate::clock::{new_id, now};
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};

/// The moves the flow allows; anything else is rejected by [`transition`].
pub fn allowed_next(from: PostStatus) -> &'static [PostStatus] {
    use PostStatus::*;
    match from {
        Idea => &[Draft],
        Draft => &[Idea, InReview],
        InReview => &[Approved, ChangesRequested, Draft],
        ChangesRequested => &[Draft, InReview],
        Approved => &[Scheduled, ChangesRequested, Draft],
        Scheduled => &[Published, Approved],
        Published => &[],
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TransitionInput {
    pub post_id: String,
    pub to: PostStatus,
    /// The team member making the move (`None`: the workspace owner at this computer).
    pub actor_id: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub id: String,
    pub from: Option<PostStatus>,
    pub to: PostStatus,
    pub actor_id: Option<String>,
    pub actor_name: String,
    pub note: String,
    pub at: String,
}

const DEFAULT_ACTOR: &str = "You";

fn actor_name(conn: &Connection, actor_id: Option<&str>) -> Result<String> {
    match actor_id {
        Some(id) => Ok(team::get_member(conn, id)?.name),
        None => Ok(DEFAULT_ACTOR.into()),
    }
}

pub(crate) fn record(
    tx: &Transaction<'_>,
    post_id: &str,
    from: Option<PostStatus>,
    to: PostStatus,
    actor_id: Option<&str>,
    note: &str,
) -> Result<()> {
    let name = actor_name(tx, actor_id)?;
    tx.execute(
        "INSERT INTO post_transitions (id, post_id, from_status, to_status, actor_id, actor_name, note, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![new_id(), post_id, from.map(|f| to_db(&f)).transpose()?, to_db(&to)?, actor_id, name, note.trim(), now()],
    )?;
    Ok(())
}

/// Move a post to another status, checking the flow and its gates, and record who, when
/// and why. Moving to the status it already has is an error (nothing to record).
pub fn transition(tx: &Transaction<'_>, input: &TransitionInput) -> Result<Post> {
    let post = posts::get(tx, &input.post_id)?;
    let from = post.status;
    let to = input.to;
    if !allowed_next(from).contains(&to) {
        let next: Vec<&str> = allowed_next(from).iter().map(|s| s.label()).collect();
        return Err(Error::Conflict(format!(
            "A post that is \"{}\" cannot move to \"{}\". {}",
            from.label(),
            to.label(),
            if next.is_empty() {
                "Published posts are final; duplicate it to post again.".to_string()
            } else {
                format!("From here it can go to: {}.", next.join(", "))
            }
        )));
    }
    let actor = input
        .actor_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if actor.is_some() {
        actor_name(tx, actor)?;
    }
    match to {
        PostStatus::InReview => {
            if post.body.trim().is_empty() {
                return Err(Error::field(
                    "body",
                    "Write the post's text before sending it for review.",
                ));
            }
            if post.variants.is_empty() {
                return Err(Error::field(
                    "variants",
                    "Choose at least one platform before sending the post for review.",
                ));
            }
        }
        PostStatus::Approved => check_approval_gates(tx, &post)?,
        PostStatus::Scheduled if post.time.is_none() => {
            return Err(Error::field(
                "scheduledLocal",
                "Give the post a date and time before scheduling it.",
            ));
        }
        _ => {}
    }
    if matches!(
        to,
        PostStatus::InReview | PostStatus::ChangesRequested | PostStatus::Draft
    ) {
        // A new review round: earlier sign-offs covered an earlier version.
        tx.execute("DELETE FROM post_signoffs WHERE post_id = ?1", [&post.id])?;
    }
    tx.execute(
        "UPDATE posts SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![post.id, to_db(&to)?, now()],
    )?;
    record(tx, &post.id, Some(from), to, actor, &input.note)?;
    posts::get(tx, &post.id)
}

/// Every required step signed off and every risk warning acknowledged.
fn check_approval_gates(conn: &Connection, post: &Post) -> Result<()> {
    let signed: Vec<ApprovalStep> = {
        let mut stmt = conn.prepare("SELECT step FROM post_signoffs WHERE post_id = ?1")?;
        let rows = stmt
            .query_map([&post.id], |r| from_db(r.get(0)?, 0))?
            .collect::<rusqlite::Result<_>>()?;
        rows
    };
    let missing: Vec<&str> = team::step_settings(conn)?
        .into_iter()
        .filter(|s| s.required && !signed.contains(&s.step))
        .map(|s| s.step.label())
        .collect();
    if !missing.is_empty() {
        return Err(Error::Conflict(format!(
            "This post still needs: {}. Ask the right team member to sign it off, then approve.",
            missing.join(", ")
        )));
    }
    // Platform rules (length, hashtags, formats, the attached photos' file types): errors
    // block, warnings (e.g. "no photo attached yet") do not.
    let media_formats: std::collections::BTreeMap<String, Vec<String>> =
        crate::media::manage::for_variants(conn, &post.id)?
            .into_iter()
            .map(|v| {
                let formats = v.media.iter().map(|m| m.format.extension().to_string());
                (v.platform, formats.collect())
            })
            .collect();
    let blocking: Vec<String> = super::checks::check_post(post, &media_formats)
        .iter()
        .flat_map(|c| c.errors().map(|i| i.message.clone()).collect::<Vec<_>>())
        .collect();
    if let Some(first) = blocking.first() {
        return Err(Error::Conflict(format!(
            "{} platform problem(s) must be fixed before approval. {first}",
            blocking.len()
        )));
    }
    let open = unacknowledged_risks(conn, post)?;
    if let Some(first) = open.first() {
        return Err(Error::Conflict(format!(
            "The risk check found {} wording warning(s) not yet acknowledged (first: \"{}\"). \
             Review each one and acknowledge it, or change the text, before approving.",
            open.len(),
            first.term
        )));
    }
    Ok(())
}

/// Every text that will be published for a post (master, variant overrides, first comments).
pub fn texts_of(post: &Post) -> Vec<String> {
    let mut texts = vec![post.title.clone(), post.body.clone()];
    for v in &post.variants {
        if let Some(t) = &v.text_override {
            texts.push(t.clone());
        }
        if let Some(c) = &v.first_comment {
            texts.push(c.clone());
        }
        texts.push(v.hashtags.join(" "));
    }
    texts
}

/// Risk hits over all of a post's texts (deduplicated by category + term).
pub fn post_risks(conn: &Connection, post: &Post) -> Result<Vec<RiskHit>> {
    let competitors = risk::competitors(conn)?;
    let mut hits: Vec<RiskHit> = Vec::new();
    for t in texts_of(post) {
        for h in risk::risk_check_with(&t, &competitors) {
            if !hits
                .iter()
                .any(|o| o.category == h.category && o.term == h.term)
            {
                hits.push(h);
            }
        }
    }
    Ok(hits)
}

pub fn unacknowledged_risks(conn: &Connection, post: &Post) -> Result<Vec<RiskHit>> {
    let mut stmt = conn.prepare("SELECT EXISTS (SELECT 1 FROM risk_acknowledgements WHERE post_id = ?1 AND category = ?2 AND term = ?3)")?;
    let mut open = Vec::new();
    for h in post_risks(conn, post)? {
        let acked: bool =
            stmt.query_row(params![post.id, to_db(&h.category)?, h.term], |r| r.get(0))?;
        if !acked {
            open.push(h);
        }
    }
    Ok(open)
}

/// One risk warning of a post and whether a reviewer has acknowledged it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RiskReview {
    pub hit: RiskHit,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<String>,
}

/// Every risk warning of a post (over all its texts) with its acknowledgement, if any.
pub fn risk_review(conn: &Connection, post_id: &str) -> Result<Vec<RiskReview>> {
    let post = posts::get(conn, post_id)?;
    let mut stmt = conn.prepare(
        "SELECT actor_name, at FROM risk_acknowledgements WHERE post_id = ?1 AND category = ?2 AND term = ?3",
    )?;
    let mut out = Vec::new();
    for hit in post_risks(conn, &post)? {
        let ack: Option<(String, String)> = stmt
            .query_row(params![post.id, to_db(&hit.category)?, hit.term], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        out.push(RiskReview {
            acknowledged_by: ack.as_ref().map(|a| a.0.clone()),
            acknowledged_at: ack.map(|a| a.1),
            hit,
        });
    }
    Ok(out)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AcknowledgeInput {
    pub post_id: String,
    pub category: risk::RiskCategory,
    pub term: String,
    pub actor_id: Option<String>,
}

/// The reviewer has read a risk warning and accepts the wording. Idempotent.
pub fn acknowledge_risk(tx: &Transaction<'_>, input: &AcknowledgeInput) -> Result<()> {
    posts::get(tx, &input.post_id)?;
    let name = actor_name(tx, input.actor_id.as_deref())?;
    tx.execute(
        "INSERT INTO risk_acknowledgements (post_id, category, term, actor_name, at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT DO NOTHING",
        params![input.post_id, to_db(&input.category)?, input.term, name, now()],
    )?;
    Ok(())
}

/// A team member signs off one approval step of a post under review. Idempotent.
pub fn sign_off(
    tx: &Transaction<'_>,
    post_id: &str,
    step: ApprovalStep,
    member_id: &str,
) -> Result<()> {
    let post = posts::get(tx, post_id)?;
    if post.status != PostStatus::InReview {
        return Err(Error::Conflict(format!(
            "Only posts in review can be signed off; this one is \"{}\".",
            post.status.label()
        )));
    }
    let member = team::get_member(tx, member_id)?;
    if !step.allows(member.role) {
        return Err(Error::field(
            "actorId",
            format!(
                "{} cannot sign off the {}: choose someone with that role.",
                member.name,
                step.label().to_lowercase()
            ),
        ));
    }
    tx.execute(
        "INSERT INTO post_signoffs (post_id, step, member_id, member_name, at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (post_id, step) DO NOTHING",
        params![post_id, to_db(&step)?, member.id, member.name, now()],
    )?;
    Ok(())
}

/// One approval step of a post: whether the workspace requires it and who signed it off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SignOffState {
    pub step: ApprovalStep,
    pub required: bool,
    pub member_name: Option<String>,
    pub at: Option<String>,
    /// Team members whose role may sign this step off.
    pub eligible: Vec<team::TeamMember>,
}

/// Every approval step with its sign-off for this review round (required ones first).
pub fn sign_offs(conn: &Connection, post_id: &str) -> Result<Vec<SignOffState>> {
    posts::get(conn, post_id)?;
    let mut stmt =
        conn.prepare("SELECT member_name, at FROM post_signoffs WHERE post_id = ?1 AND step = ?2")?;
    let members = team::list_members(conn)?;
    let mut out = Vec::new();
    for s in team::step_settings(conn)? {
        let signed: Option<(String, String)> = stmt
            .query_row(params![post_id, to_db(&s.step)?], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        out.push(SignOffState {
            step: s.step,
            required: s.required,
            member_name: signed.as_ref().map(|x| x.0.clone()),
            at: signed.map(|x| x.1),
            eligible: members
                .iter()
                .filter(|m| s.step.allows(m.role))
                .cloned()
                .collect(),
        });
    }
    out.sort_by_key(|s| !s.required);
    Ok(out)
}

pub fn history(conn: &Connection, post_id: &str) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, from_status, to_status, actor_id, actor_name, note, at FROM post_transitions
         WHERE post_id = ?1 ORDER BY at, rowid",
    )?;
    let rows = stmt
        .query_map([post_id], |r| {
            let from: Option<String> = r.get(1)?;
            Ok(HistoryEntry {
                id: r.get(0)?,
                from: from.map(|f| from_db(f, 1)).transpose()?,
                to: from_db(r.get(2)?, 2)?,
                actor_id: r.get(3)?,
                actor_name: r.get(4)?,
                note: r.get(5)?,
                at: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    pub id: String,
    pub author_id: Option<String>,
    pub author_name: String,
    pub body: String,
    pub created_at: String,
}

pub fn add_comment(
    tx: &Transaction<'_>,
    post_id: &str,
    author_id: Option<&str>,
    body: &str,
) -> Result<Comment> {
    posts::get(tx, post_id)?;
    let body = body.trim();
    if body.is_empty() || body.chars().count() > 2000 {
        return Err(Error::field(
            "body",
            "Write a comment (up to 2000 characters).",
        ));
    }
    let name = actor_name(tx, author_id)?;
    let id = new_id();
    let now = now();
    tx.execute(
        "INSERT INTO post_comments (id, post_id, author_id, author_name, body, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, post_id, author_id, name, body, now],
    )?;
    Ok(Comment {
        id,
        author_id: author_id.map(String::from),
        author_name: name,
        body: body.into(),
        created_at: now,
    })
}

pub fn comments(conn: &Connection, post_id: &str) -> Result<Vec<Comment>> {
    let mut stmt = conn.prepare(
        "SELECT id, author_id, author_name, body, created_at FROM post_comments WHERE post_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt
        .query_map([post_id], |r| {
            Ok(Comment {
                id: r.get(0)?,
                author_id: r.get(1)?,
                author_name: r.get(2)?,
                body: r.get(3)?,
                created_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
