//! The one mapping from a planned post to a calendar event, shared by the ICS export and CalDAV
//! publishing (so a teammate sees the same event whichever way the plan reached them).
//!
//! * UID: `<post id>@plotline.app` — stable, so calendar apps update the event in place.
//! * SUMMARY: the platforms in brackets, then the title (`[Instagram · LINE] Spring bread`).
//! * DESCRIPTION: per platform, the text that platform gets (its own or the master text), its
//!   hashtags and tracked (UTM) links; then status, pillar and campaign.
//! * DTSTART in the post's own time zone with TZID; a post is a moment, shown as 30 minutes.
//! * CATEGORIES: the pillar. DTSTAMP: the post's last change (same post → same bytes).

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::ics::{CalEvent, EventTime};
use crate::content::posts::{Post, Variant};
use crate::content::utm::{post_content_tag, utm_link, UtmInput};
use crate::{Error, Result};

/// How long a post's event lasts in calendars.
pub const POST_EVENT_MINUTES: i64 = 30;

/// The UID of a post's calendar event.
pub fn post_uid(post_id: &str) -> String {
    format!("{post_id}@plotline.app")
}

/// The platform's English display name (falls back to the id).
pub fn platform_name(id: &str) -> String {
    crate::platforms::find(id)
        .map(|p| p.names.en.clone())
        .unwrap_or_else(|| id.to_string())
}

/// The tracked links of `post` for one platform (the post's links with UTM tags).
pub fn tracked_links(post: &Post, platform: &str) -> Vec<String> {
    let content = post_content_tag(&post.title, &post.id);
    post.links
        .iter()
        .map(|link| {
            utm_link(&UtmInput {
                url: link.clone(),
                platform: platform.to_string(),
                campaign: post.campaign_slug.clone(),
                content: content.clone(),
            })
            // A link the UTM builder cannot tag is still worth showing as the user typed it.
            .unwrap_or_else(|_| link.clone())
        })
        .collect()
}

/// The full text to paste on one platform: the platform's text, its tracked links, then its
/// hashtags (each with one leading `#`).
pub fn variant_copy_text(post: &Post, variant: &Variant) -> String {
    let mut out = variant.effective_text(&post.body).trim_end().to_string();
    let links = tracked_links(post, &variant.platform);
    if !links.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&links.join("\n"));
    }
    let tags: Vec<String> = variant
        .hashtags
        .iter()
        .map(|t| t.trim().trim_start_matches('#').to_string())
        .filter(|t| !t.is_empty())
        .map(|t| format!("#{t}"))
        .collect();
    if !tags.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&tags.join(" "));
    }
    out
}

/// The calendar event of a scheduled post. `tz` is the zone used when the post has no zone of
/// its own (the workspace's). Posts without a time have no event (an error).
pub fn post_event(
    post: &Post,
    variants: &[Variant],
    pillar_name: Option<&str>,
    tz: Tz,
) -> Result<CalEvent> {
    let time = post.time.as_ref().ok_or_else(|| {
        Error::Invalid(format!(
            "\"{}\" has no date yet, so it has no calendar event.",
            post.title
        ))
    })?;
    let start = DateTime::parse_from_rfc3339(&time.utc)
        .map_err(|_| Error::Corrupt(format!("The time of \"{}\" is damaged.", post.title)))?
        .with_timezone(&Utc);
    let zone: Tz = time.time_zone.parse().unwrap_or(tz);
    let names: Vec<String> = variants
        .iter()
        .map(|v| platform_name(&v.platform))
        .collect();
    let summary = if names.is_empty() {
        post.title.clone()
    } else {
        format!("[{}] {}", names.join(" · "), post.title)
    };

    let mut desc = String::new();
    if variants.is_empty() {
        desc.push_str(post.body.trim());
        desc.push_str("\n\n");
    }
    for v in variants {
        desc.push_str(&format!("— {} —\n", platform_name(&v.platform)));
        desc.push_str(&variant_copy_text(post, v));
        if let Some(c) = v.first_comment.as_deref().filter(|c| !c.trim().is_empty()) {
            desc.push_str(&format!("\nFirst comment: {}", c.trim()));
        }
        desc.push_str("\n\n");
    }
    desc.push_str(&format!("Status: {}", post.status.label()));
    if let Some(p) = pillar_name {
        desc.push_str(&format!("\nPillar: {p}"));
    }
    if let Some(c) = post
        .campaign_name
        .as_deref()
        .filter(|c| !c.trim().is_empty())
    {
        desc.push_str(&format!("\nCampaign: {c}"));
    }

    let stamp = DateTime::parse_from_rfc3339(&post.updated_at)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(start);
    Ok(CalEvent {
        uid: post_uid(&post.id),
        summary,
        description: Some(desc),
        time: EventTime::Zoned {
            start,
            end: start + Duration::minutes(POST_EVENT_MINUTES),
            tz: zone,
        },
        categories: pillar_name.map(|p| vec![p.to_string()]).unwrap_or_default(),
        url: None,
        stamp,
    })
}

/// The events of every post that has a date (backlog ideas have none), in time order, with
/// pillar names looked up once.
pub fn scheduled_post_events(conn: &rusqlite::Connection) -> Result<Vec<CalEvent>> {
    let tz = crate::content::time::workspace_zone(conn)?;
    let pillars: std::collections::HashMap<String, String> = crate::content::pillars::list(conn)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    crate::content::posts::list_all(conn)?
        .iter()
        .filter(|p| p.time.is_some())
        .map(|p| {
            let pillar = p.pillar_id.as_ref().and_then(|id| pillars.get(id));
            post_event(p, &p.variants, pillar.map(String::as_str), tz)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::posts::{self, PostInput, VariantInput};
    use crate::content::{ContentType, Format, LinkPlacement};
    use crate::exchange::ics::event_resource;
    use crate::{DataDir, Store};

    fn store() -> (tempfile::TempDir, Store) {
        let tmp = tempfile::tempdir().expect("tmp");
        let store = Store::open(&DataDir::at(tmp.path().join("data"))).expect("open");
        store
            .write(|tx| {
                crate::workspace::save(
                    tx,
                    &crate::workspace::WorkspaceInput {
                        name: "Komorebi Bakery".into(),
                        industry: crate::workspace::Industry::CafeRestaurant,
                        audience: crate::workspace::Audience::B2c,
                        time_zone: "Asia/Tokyo".into(),
                        language: crate::workspace::Language::En,
                        week_start: crate::workspace::WeekStart::Monday,
                    },
                )
            })
            .expect("workspace");
        (tmp, store)
    }

    #[test]
    fn a_post_becomes_one_stable_event_with_text_per_platform() {
        let (_t, store) = store();
        let mut input = PostInput::idea("Spring bread 🌸", ContentType::Promotional, Format::Photo);
        input.body = "Sakura anpan is back. 桜あんぱん".into();
        input.scheduled_local = Some("2026-04-03T09:00".into());
        input.links = vec!["https://komorebi.example/menu".into()];
        input.campaign_name = Some("Spring".into());
        input.campaign_slug = Some("spring".into());
        input.variants = vec![
            VariantInput {
                hashtags: vec!["sakura".into(), "#bakery".into()],
                ..VariantInput::inherit("instagram")
            },
            VariantInput {
                text_override: Some("LINE friends: 10% off today".into()),
                link_placement: LinkPlacement::InText,
                ..VariantInput::inherit("line_official_account")
            },
        ];
        let post = store
            .write(|tx| posts::create(tx, &input, None))
            .expect("post");
        let e = post_event(&post, &post.variants, Some("Products"), chrono_tz::UTC).expect("event");
        assert_eq!(e.uid, format!("{}@plotline.app", post.id));
        assert!(e.summary.starts_with("[Instagram · "), "{}", e.summary);
        assert!(e.summary.ends_with("] Spring bread 🌸"), "{}", e.summary);
        let d = e.description.clone().expect("description");
        assert!(d.contains("Sakura anpan is back. 桜あんぱん"), "{d}");
        assert!(d.contains("#sakura #bakery"), "{d}");
        assert!(d.contains("LINE friends: 10% off today"), "{d}");
        assert!(
            d.contains("utm_source=instagram") && d.contains("utm_campaign=spring"),
            "{d}"
        );
        assert!(
            d.contains("Status: Idea") || d.contains("Status: Draft"),
            "{d}"
        );
        assert!(d.contains("Pillar: Products"), "{d}");
        assert_eq!(e.categories, vec!["Products".to_string()]);
        match &e.time {
            EventTime::Zoned { start, end, tz } => {
                assert_eq!(start.to_rfc3339(), "2026-04-03T00:00:00+00:00");
                assert_eq!((*end - *start).num_minutes(), 30);
                assert_eq!(*tz, chrono_tz::Asia::Tokyo);
            }
            other => panic!("zoned time expected: {other:?}"),
        }
        // Same post, same bytes (CalDAV relies on it to skip unchanged events).
        let again = store.read(|c| posts::get(c, &post.id)).expect("reload");
        let e2 = post_event(&again, &again.variants, Some("Products"), chrono_tz::UTC).expect("e2");
        assert_eq!(
            event_resource(&e).expect("ics"),
            event_resource(&e2).expect("ics")
        );
        let ig = &post.variants[0];
        let copy = variant_copy_text(&post, ig);
        assert!(copy.starts_with("Sakura anpan is back."), "{copy}");
        assert!(copy.ends_with("#sakura #bakery"), "{copy}");

        // Backlog ideas have no event.
        let idea = store
            .write(|tx| {
                posts::create(
                    tx,
                    &PostInput::idea("Later", ContentType::Educational, Format::Text),
                    None,
                )
            })
            .expect("idea");
        assert!(post_event(&idea, &[], None, chrono_tz::UTC).is_err());
        let all = store.read(scheduled_post_events).expect("events");
        assert_eq!(all.len(), 1);
    }
}
