//! The one mapping from a planned post to a calendar event, shared by the ICS export
//! (`share::ics_export`) and CalDAV publishing (`publishing::caldav`), so a teammate sees the
//! same event whichever way the plan reached them.
//!
//! * UID: `<post id>@plotline.app` — stable, so calendar apps update the event in place.
//! * SUMMARY: short platform names in brackets, then the title (`[IG·LINE] Spring bread`);
//!   calendar apps show little room, so the names are short and the same in every language.
//! * DESCRIPTION, labels in the workspace language (English or Japanese): status, pillar and
//!   campaign; then per platform its name, the text it gets (its own or the master text), its
//!   hashtags, its first comment and the post's links with that platform's UTM tags.
//! * DTSTART in the post's own time zone (the workspace's when it has none) with TZID; a post
//!   is a moment, shown as [`POST_EVENT_MINUTES`] minutes.
//! * CATEGORIES: the pillar. DTSTAMP: the post's last change (same post → same bytes, which
//!   CalDAV publishing relies on to skip unchanged events).

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::ics::{CalEvent, EventTime};
use crate::content::posts::{Post, Variant};
use crate::content::utm::{post_content_tag, utm_link, UtmInput};
use crate::content::PostStatus;
use crate::workspace::Language;
use crate::{Error, Result};

/// How long a post's event lasts in calendars.
pub const POST_EVENT_MINUTES: i64 = 30;

/// The UID of a post's (or a store event's) calendar event.
pub fn post_uid(id: &str) -> String {
    format!("{id}@plotline.app")
}

/// A platform's display name in `lang` (falls back to the id).
pub fn platform_name(id: &str, lang: Language) -> String {
    crate::platforms::find(id).map_or_else(
        || id.to_string(),
        |p| match lang {
            Language::En => p.names.en.clone(),
            Language::Ja => p.names.ja.clone(),
        },
    )
}

/// Short platform labels for calendar titles (calendar apps show little room).
pub fn platform_short(id: &str) -> &str {
    match id {
        "instagram" => "IG",
        "facebook" => "FB",
        "x" => "X",
        "linkedin" => "in",
        "tiktok" => "TikTok",
        "youtube" => "YT",
        "pinterest" => "Pin",
        "threads" => "Threads",
        "bluesky" => "Bsky",
        "mastodon" => "Masto",
        "google_business_profile" => "GBP",
        "line_official_account" => "LINE",
        other => other,
    }
}

/// A post status in `lang`.
pub fn status_label(s: PostStatus, lang: Language) -> &'static str {
    match lang {
        Language::En => s.label(),
        Language::Ja => match s {
            PostStatus::Idea => "アイデア",
            PostStatus::Draft => "下書き",
            PostStatus::InReview => "確認中",
            PostStatus::ChangesRequested => "修正依頼",
            PostStatus::Approved => "承認済み",
            PostStatus::Scheduled => "予約済み",
            PostStatus::Published => "公開済み",
        },
    }
}

/// The DESCRIPTION labels in `lang`.
struct Labels {
    status: &'static str,
    pillar: &'static str,
    campaign: &'static str,
    first_comment: &'static str,
    links: &'static str,
}

fn labels(lang: Language) -> Labels {
    match lang {
        Language::En => Labels {
            status: "Status",
            pillar: "Pillar",
            campaign: "Campaign",
            first_comment: "First comment",
            links: "Links",
        },
        Language::Ja => Labels {
            status: "ステータス",
            pillar: "柱",
            campaign: "キャンペーン",
            first_comment: "最初のコメント",
            links: "リンク",
        },
    }
}

/// The links of `post` tagged for one platform (the same UTM tags the post editor shows).
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

/// A variant's hashtags on one line, each with one leading `#` (`None` when it has none).
fn hashtag_line(variant: &Variant) -> Option<String> {
    let tags: Vec<String> = variant
        .hashtags
        .iter()
        .map(|t| t.trim().trim_start_matches('#').to_string())
        .filter(|t| !t.is_empty())
        .map(|t| format!("#{t}"))
        .collect();
    (!tags.is_empty()).then(|| tags.join(" "))
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
    if let Some(tags) = hashtag_line(variant) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&tags);
    }
    out
}

/// The SUMMARY of a post's event: short platform names, then the title.
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

/// The DESCRIPTION of a post's event, labels in `lang`: status, pillar and campaign, then per
/// platform its text, hashtags, first comment and tracked links. A post planned on no platform
/// yet shows its master text and its links as typed.
pub fn post_description(post: &Post, pillar_name: Option<&str>, lang: Language) -> String {
    let l = labels(lang);
    let mut out = format!("{}: {}\n", l.status, status_label(post.status, lang));
    if let Some(p) = pillar_name {
        out.push_str(&format!("{}: {p}\n", l.pillar));
    }
    if let Some(c) = post
        .campaign_name
        .as_deref()
        .filter(|c| !c.trim().is_empty())
    {
        out.push_str(&format!("{}: {c}\n", l.campaign));
    }
    let links_block = |out: &mut String, links: &[String]| {
        if !links.is_empty() {
            out.push_str(&format!("{}:\n", l.links));
            for link in links {
                out.push_str(link);
                out.push('\n');
            }
        }
    };
    if post.variants.is_empty() {
        out.push('\n');
        let body = post.body.trim();
        if !body.is_empty() {
            out.push_str(body);
            out.push('\n');
        }
        links_block(&mut out, &post.links);
    }
    for v in &post.variants {
        out.push_str(&format!("\n— {} —\n", platform_name(&v.platform, lang)));
        let text = v.effective_text(&post.body).trim();
        if !text.is_empty() {
            out.push_str(text);
            out.push('\n');
        }
        if let Some(tags) = hashtag_line(v) {
            out.push_str(&tags);
            out.push('\n');
        }
        if let Some(c) = v.first_comment.as_deref().filter(|c| !c.trim().is_empty()) {
            out.push_str(&format!("{}: {}\n", l.first_comment, c.trim()));
        }
        links_block(&mut out, &tracked_links(post, &v.platform));
    }
    out.trim_end().to_string()
}

/// The calendar event of a scheduled post. `tz` is the zone used when the post has no zone of
/// its own (the workspace's); `lang` is the workspace language for the DESCRIPTION labels.
/// Posts without a time have no event (an error).
pub fn post_event(
    post: &Post,
    pillar_name: Option<&str>,
    tz: Tz,
    lang: Language,
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
    let stamp = DateTime::parse_from_rfc3339(&post.updated_at)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(start);
    Ok(CalEvent {
        uid: post_uid(&post.id),
        summary: post_summary(post),
        description: Some(post_description(post, pillar_name, lang)),
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
/// pillar names looked up once and labels in the workspace language (CalDAV publishing).
pub fn scheduled_post_events(conn: &rusqlite::Connection) -> Result<Vec<CalEvent>> {
    let ws = crate::workspace::get(conn)?.ok_or_else(|| {
        Error::Conflict(
            "Set up your business first (its time zone decides when posts go out).".into(),
        )
    })?;
    let tz = crate::content::time::parse_zone("timeZone", &ws.time_zone)?;
    let pillars: std::collections::HashMap<String, String> = crate::content::pillars::list(conn)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    crate::content::posts::list_all(conn)?
        .iter()
        .filter(|p| p.time.is_some())
        .map(|p| {
            let pillar = p.pillar_id.as_ref().and_then(|id| pillars.get(id));
            post_event(p, pillar.map(String::as_str), tz, ws.language)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::posts::{self, PostInput, VariantInput};
    use crate::content::{ContentType, Format, LinkPlacement};
    use crate::exchange::ics::event_resource;
    use crate::test_fixtures::bakery_store;

    #[test]
    fn a_post_becomes_one_stable_event_with_text_per_platform() {
        let (_t, store) = bakery_store(Language::En);
        let mut input = PostInput::idea("Spring bread 🌸", ContentType::Promotional, Format::Photo);
        input.body = "Sakura anpan is back. 桜あんぱん".into();
        input.scheduled_local = Some("2026-04-03T09:00".into());
        input.links = vec!["https://komorebi.example/menu".into()];
        input.campaign_name = Some("Spring".into());
        input.campaign_slug = Some("spring".into());
        input.variants = vec![
            VariantInput {
                hashtags: vec!["sakura".into(), "#bakery".into()],
                first_comment: Some("Which filling do you like?".into()),
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
        let e = post_event(&post, Some("Products"), chrono_tz::UTC, Language::En).expect("event");
        assert_eq!(e.uid, format!("{}@plotline.app", post.id));
        assert_eq!(e.summary, "[IG·LINE] Spring bread 🌸");
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
        // The whole layout: status, pillar, campaign, then per platform its text, hashtags,
        // first comment and tracked links.
        let ig_links = tracked_links(&post, "instagram").join("\n");
        let line_links = tracked_links(&post, "line_official_account").join("\n");
        assert_eq!(
            d,
            format!(
                "Status: {}\nPillar: Products\nCampaign: Spring\n\n\
                 — Instagram —\nSakura anpan is back. 桜あんぱん\n#sakura #bakery\n\
                 First comment: Which filling do you like?\nLinks:\n{ig_links}\n\n\
                 — LINE Official Account —\nLINE friends: 10% off today\nLinks:\n{line_links}",
                post.status.label()
            )
        );
        assert!(line_links.contains("utm_source=line"), "{line_links}");
        // A Japanese workspace gets Japanese labels and platform names; the SUMMARY is the same.
        let ja = post_event(&post, Some("商品"), chrono_tz::UTC, Language::Ja).expect("ja");
        assert_eq!(ja.summary, e.summary);
        let dj = ja.description.expect("description");
        for want in [
            "ステータス: ",
            "柱: 商品",
            "キャンペーン: Spring",
            "— LINE公式アカウント —",
            "最初のコメント: Which filling do you like?",
            "リンク:\n",
        ] {
            assert!(dj.contains(want), "{want} in {dj}");
        }
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
        let e2 = post_event(&again, Some("Products"), chrono_tz::UTC, Language::En).expect("e2");
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
        assert!(post_event(&idea, None, chrono_tz::UTC, Language::En).is_err());
        let all = store.read(scheduled_post_events).expect("events");
        assert_eq!(all.len(), 1);
        assert!(all[0]
            .description
            .as_deref()
            .is_some_and(|d| d.starts_with("Status: ")));
    }
}
