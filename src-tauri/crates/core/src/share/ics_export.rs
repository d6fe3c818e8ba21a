//! Posts (and optionally the events lane) as an iCalendar file for Google Calendar, Outlook,
//! Apple Calendar and Thunderbird.
//!
//! One VEVENT per scheduled post: UID `<post id>@plotline.app` (stable, so re-importing the file
//! updates instead of duplicating), DTSTART/DTEND as wall times in the workspace zone with TZID
//! and a VTIMEZONE (30 minutes long), SUMMARY = short platform names + title, DESCRIPTION = the
//! text per platform, status, pillar and the UTM-tagged links, CATEGORIES = the pillar. Store
//! events become all-day events (`VALUE=DATE`, never shifted by zones).

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use super::{
    platform_name, platform_short, post_instant, select, stamp, status_label, ExportOptions,
    LaneEvent, Selection,
};
use crate::content::posts::Post;
use crate::content::utm::{post_content_tag, utm_link, UtmInput};
use crate::exchange::ics::{to_ics, CalEvent, EventTime};
use crate::workspace::Language;
use crate::Result;

/// How long a post occupies in a calendar app.
pub const POST_MINUTES: i64 = 30;

pub fn post_uid(id: &str) -> String {
    format!("{id}@plotline.app")
}

fn labels(lang: Language) -> [&'static str; 5] {
    match lang {
        Language::En => ["Status", "Pillar", "Links", "First comment", "Campaign"],
        Language::Ja => [
            "ステータス",
            "柱",
            "リンク",
            "最初のコメント",
            "キャンペーン",
        ],
    }
}

/// The DESCRIPTION of a post: status and pillar first, then each platform's text.
pub fn post_description(sel: &Selection, post: &Post) -> Result<String> {
    let [status, pillar, links, first_comment, campaign] = labels(sel.language);
    let mut out = format!("{status}: {}\n", status_label(post.status, sel.language));
    if let Some(p) = sel.pillar_name(post) {
        out.push_str(&format!("{pillar}: {p}\n"));
    }
    if let Some(c) = &post.campaign_name {
        out.push_str(&format!("{campaign}: {c}\n"));
    }
    if post.variants.is_empty() && !post.body.trim().is_empty() {
        out.push('\n');
        out.push_str(post.body.trim());
        out.push('\n');
    }
    for v in &post.variants {
        out.push_str(&format!(
            "\n— {} —\n",
            platform_name(&v.platform, sel.language)
        ));
        let text = v.effective_text(&post.body).trim();
        if !text.is_empty() {
            out.push_str(text);
            out.push('\n');
        }
        if !v.hashtags.is_empty() {
            let tags: Vec<String> = v
                .hashtags
                .iter()
                .map(|t| format!("#{}", t.trim_start_matches('#')))
                .collect();
            out.push_str(&tags.join(" "));
            out.push('\n');
        }
        if let Some(c) = v.first_comment.as_deref().filter(|c| !c.trim().is_empty()) {
            out.push_str(&format!("{first_comment}: {}\n", c.trim()));
        }
    }
    let tracked = tracked_links(post)?;
    if !tracked.is_empty() {
        out.push_str(&format!("\n{links}:\n"));
        for (platform, url) in tracked {
            out.push_str(&format!(
                "{}: {url}\n",
                platform_name(&platform, sel.language)
            ));
        }
    }
    Ok(out.trim_end().to_string())
}

/// Every link of the post, UTM-tagged per platform (the same tags the post editor shows).
pub fn tracked_links(post: &Post) -> Result<Vec<(String, String)>> {
    let content = post_content_tag(&post.title, &post.id);
    let mut out = Vec::new();
    for v in &post.variants {
        for link in &post.links {
            out.push((
                v.platform.clone(),
                utm_link(&UtmInput {
                    url: link.clone(),
                    platform: v.platform.clone(),
                    campaign: post.campaign_slug.clone(),
                    content: content.clone(),
                })?,
            ));
        }
    }
    Ok(out)
}

pub fn post_summary(post: &Post) -> String {
    let shorts: Vec<&str> = post
        .variants
        .iter()
        .map(|v| platform_short(&v.platform))
        .collect();
    if shorts.is_empty() {
        post.title.clone()
    } else {
        format!("[{}] {}", shorts.join("·"), post.title)
    }
}

fn post_event(sel: &Selection, post: &Post, fallback: DateTime<Utc>) -> Result<Option<CalEvent>> {
    let Some(start) = post_instant(post) else {
        return Ok(None);
    };
    Ok(Some(CalEvent {
        uid: post_uid(&post.id),
        summary: post_summary(post),
        description: Some(post_description(sel, post)?),
        time: EventTime::Zoned {
            start,
            end: start + Duration::minutes(POST_MINUTES),
            tz: sel.tz,
        },
        categories: sel
            .pillar_name(post)
            .map(|p| vec![p.to_string()])
            .unwrap_or_default(),
        url: None,
        stamp: stamp(&post.updated_at, fallback),
    }))
}

fn lane_event(e: &LaneEvent, fallback: DateTime<Utc>) -> CalEvent {
    let days = (e.ends_on - e.starts_on).num_days().max(0) as u32 + 1;
    CalEvent {
        uid: post_uid(&e.id),
        summary: format!("◆ {}", e.title),
        description: Some(e.notes.clone()).filter(|n| !n.trim().is_empty()),
        time: EventTime::AllDay {
            first: e.starts_on,
            days,
        },
        categories: vec![e.kind.clone()],
        url: None,
        stamp: stamp(&e.updated_at, fallback),
    }
}

/// The ICS text of a selection.
pub fn render(sel: &Selection) -> Result<(String, u32, u32)> {
    // DTSTAMP must be a real instant; rows always carry updated_at, the epoch is only a guard.
    let fallback = DateTime::<Utc>::UNIX_EPOCH;
    let mut events = Vec::with_capacity(sel.posts.len() + sel.events.len());
    for p in &sel.posts {
        if let Some(e) = post_event(sel, p, fallback)? {
            events.push(e);
        }
    }
    let posts = events.len() as u32;
    events.extend(sel.events.iter().map(|e| lane_event(e, fallback)));
    let name = format!("{} — Plotline", sel.business);
    Ok((
        to_ics(&events, Some(&name))?,
        posts,
        sel.events.len() as u32,
    ))
}

/// Select and render in one step.
pub fn export(conn: &Connection, opts: &ExportOptions) -> Result<(String, u32, u32)> {
    render(&select(conn, opts)?)
}
