//! Posting by hand, made painless: the "Due today" list (today's and overdue approved or
//! scheduled posts, with the full text to paste per platform), "Mark as published" with the
//! post's URL, and the check behind the "a post is due" notification.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock::now;
use crate::content::posts::{self, Post};
use crate::content::time::{day_start_utc, display_in, utc_string};
use crate::content::workflow::{self, TransitionInput};
use crate::content::PostStatus;
use crate::exchange::post_events::{platform_name, variant_copy_text};
use crate::workspace::Language;
use crate::{Error, Result};

/// The longest post URL Plotline keeps.
pub const URL_MAX_CHARS: usize = 2_000;

/// One platform's ready-to-paste text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HandoffVariant {
    pub platform: String,
    pub platform_name: String,
    /// The platform's text, tracked links and hashtags, exactly as it should be posted.
    pub text: String,
    pub first_comment: Option<String>,
}

/// A post to publish by hand today (or one whose time has already passed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DuePost {
    pub post_id: String,
    pub title: String,
    pub status: PostStatus,
    /// RFC 3339 in the business's zone (`2026-03-08T09:00:00+09:00`).
    pub scheduled_at: String,
    /// Its time has passed: post it now.
    pub overdue: bool,
    pub variants: Vec<HandoffVariant>,
}

fn is_due_status(s: PostStatus) -> bool {
    matches!(s, PostStatus::Approved | PostStatus::Scheduled)
}

fn due_post(post: &Post, now: DateTime<Utc>, tz: Tz, lang: Language) -> Option<DuePost> {
    let utc = post.time.as_ref()?.utc.clone();
    let at = DateTime::parse_from_rfc3339(&utc).ok()?.with_timezone(&Utc);
    Some(DuePost {
        post_id: post.id.clone(),
        title: post.title.clone(),
        status: post.status,
        scheduled_at: display_in(tz, &utc).unwrap_or(utc),
        overdue: at <= now,
        variants: post
            .variants
            .iter()
            .map(|v| HandoffVariant {
                platform: v.platform.clone(),
                platform_name: platform_name(&v.platform, lang),
                text: variant_copy_text(post, v),
                first_comment: v.first_comment.clone().filter(|c| !c.trim().is_empty()),
            })
            .collect(),
    })
}

/// Approved or scheduled posts due before the end of today (in `tz`), overdue ones included,
/// oldest first, with platform names in `lang`. Published posts and drafts are not listed.
pub fn due_posts(
    conn: &Connection,
    now: DateTime<Utc>,
    tz: Tz,
    lang: Language,
) -> Result<Vec<DuePost>> {
    let today = now.with_timezone(&tz).date_naive();
    let end = day_start_utc(tz, today + Duration::days(1));
    Ok(posts::list_scheduled(conn, "0000-01-01T00:00:00Z", &end)?
        .iter()
        .filter(|p| is_due_status(p.status))
        .filter_map(|p| due_post(p, now, tz, lang))
        .collect())
}

/// [`due_posts`] in the business's zone and language, now.
pub fn due_now(conn: &Connection) -> Result<Vec<DuePost>> {
    let tz = crate::content::time::workspace_zone(conn)?;
    let lang = crate::workspace::get(conn)?.map_or(Language::En, |ws| ws.language);
    due_posts(conn, Utc::now(), tz, lang)
}

/// Approved or scheduled posts whose time came in (`since`, `now`]: what the "a post is due"
/// notification announces (each post once, as the shell moves `since` forward), with platform
/// names in `lang`.
pub fn newly_due(
    conn: &Connection,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
    lang: Language,
) -> Result<Vec<DuePost>> {
    let from = utc_string(since + Duration::seconds(1));
    let to = utc_string(now + Duration::seconds(1));
    Ok(posts::list_scheduled(conn, &from, &to)?
        .iter()
        .filter(|p| is_due_status(p.status))
        .filter_map(|p| due_post(p, now, tz, lang))
        .collect())
}

/// A desktop notification for a post that just became due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueNotice {
    pub post_id: String,
    pub title: String,
    pub body: String,
}

/// The notifications for posts that became due in (`since`, `now`], in the business's language.
/// No business set up yet: none.
pub fn due_notices(
    conn: &Connection,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<DueNotice>> {
    let Some(ws) = crate::workspace::get(conn)? else {
        return Ok(Vec::new());
    };
    let tz = crate::content::time::parse_zone("timeZone", &ws.time_zone)?;
    let ja = ws.language == Language::Ja;
    Ok(newly_due(conn, since, now, tz, ws.language)?
        .into_iter()
        .map(|d| {
            let platforms: Vec<&str> = d.variants.iter().map(|v| v.platform_name.as_str()).collect();
            let (title, hint) = if ja {
                (
                    format!("投稿の時間です：{}", d.title),
                    "Plotlineの「今日の投稿」で本文をコピーし、投稿後に「公開済みにする」を押してください。",
                )
            } else {
                (
                    format!("Time to post: {}", d.title),
                    "Open Due today in Plotline to copy the text, then mark it published.",
                )
            };
            DueNotice {
                post_id: d.post_id,
                title,
                body: if platforms.is_empty() {
                    hint.to_string()
                } else {
                    format!("{} — {hint}", platforms.join(" · "))
                },
            }
        })
        .collect())
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MarkPublishedInput {
    pub post_id: String,
    /// The address of the live post (https://…).
    pub url: String,
}

/// Where a post was published by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Publication {
    pub post_id: String,
    pub url: String,
    pub published_at: String,
}

/// Check a post URL: a complete http(s) address.
pub fn validate_post_url(raw: &str) -> Result<String> {
    let raw = raw.trim();
    let bad = || {
        Error::field(
            "url",
            "Paste the address of the live post, starting with https:// (open the post on the \
             platform and copy its link).",
        )
    };
    if raw.is_empty() || raw.chars().count() > URL_MAX_CHARS {
        return Err(bad());
    }
    let url = url::Url::parse(raw).map_err(|_| bad())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err(bad());
    }
    Ok(url.to_string())
}

/// "Mark as published": store the post's URL and move it to Published through the approval
/// flow (an approved post is scheduled first, so its history shows both steps). Marking a post
/// that is already published with the same URL changes nothing.
pub fn mark_published(tx: &Transaction<'_>, input: &MarkPublishedInput) -> Result<Post> {
    let url = validate_post_url(&input.url)?;
    let post = posts::get(tx, &input.post_id)?;
    if post.status == PostStatus::Published {
        if publication(tx, &post.id)?.is_some_and(|p| p.url == url) {
            return Ok(post);
        }
        return Err(Error::Conflict(
            "This post is already marked as published.".into(),
        ));
    }
    let note = format!("Posted by hand: {url}");
    if post.status == PostStatus::Approved {
        workflow::transition(
            tx,
            &TransitionInput {
                post_id: post.id.clone(),
                to: PostStatus::Scheduled,
                actor_id: None,
                note: "Scheduled to post by hand".into(),
            },
        )?;
    }
    workflow::transition(
        tx,
        &TransitionInput {
            post_id: post.id.clone(),
            to: PostStatus::Published,
            actor_id: None,
            note,
        },
    )?;
    let ts = now();
    tx.execute(
        "INSERT INTO post_publication (post_id, url, published_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?3, ?3)
         ON CONFLICT (post_id) DO UPDATE SET url = excluded.url, updated_at = excluded.updated_at",
        params![post.id, url, ts],
    )?;
    // Re-read so the answer carries the publication the drawer shows.
    posts::get(tx, &post.id)
}

/// Where a post was published, if it was marked by hand.
pub fn publication(conn: &Connection, post_id: &str) -> Result<Option<Publication>> {
    Ok(conn
        .query_row(
            "SELECT post_id, url, published_at FROM post_publication WHERE post_id = ?1",
            [post_id],
            |r| {
                Ok(Publication {
                    post_id: r.get(0)?,
                    url: r.get(1)?,
                    published_at: r.get(2)?,
                })
            },
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::posts::{PostInput, VariantInput};
    use crate::content::{ContentType, Format};
    use crate::test_fixtures::bakery_store;
    use crate::Store;
    use chrono::TimeZone;

    /// A post at `local` (Tokyo wall time) with `status`, forced directly (the flow's gates
    /// are tested elsewhere).
    fn post(store: &Store, title: &str, local: &str, status: PostStatus) -> Post {
        post_on(store, title, local, status, &["instagram"])
    }

    /// [`post`] with a variant for each of `platforms`.
    fn post_on(
        store: &Store,
        title: &str,
        local: &str,
        status: PostStatus,
        platforms: &[&str],
    ) -> Post {
        let mut input = PostInput::idea(title, ContentType::Community, Format::Photo);
        input.body = format!("{title} body");
        input.scheduled_local = Some(local.into());
        input.links = vec!["https://komorebi.example/".into()];
        input.variants = platforms
            .iter()
            .map(|p| VariantInput {
                hashtags: vec!["bakery".into()],
                ..VariantInput::inherit(p)
            })
            .collect();
        store
            .write(|tx| {
                let p = posts::create(tx, &input, None)?;
                tx.execute(
                    "UPDATE posts SET status = ?2 WHERE id = ?1",
                    params![p.id, crate::db::codec::to_db(&status)?],
                )?;
                posts::get(tx, &p.id)
            })
            .expect("post")
    }

    #[test]
    fn due_today_lists_todays_and_overdue_approved_or_scheduled_posts() {
        let (_t, store) = bakery_store(Language::En);
        let tz = chrono_tz::Asia::Tokyo;
        // Now: 2026-04-10 12:00 in Tokyo.
        let now = tz
            .with_ymd_and_hms(2026, 4, 10, 12, 0, 0)
            .single()
            .expect("time")
            .with_timezone(&Utc);
        let overdue = post(
            &store,
            "Yesterday",
            "2026-04-09T18:00",
            PostStatus::Scheduled,
        );
        let morning = post(&store, "Morning", "2026-04-10T09:00", PostStatus::Approved);
        let evening = post(&store, "Evening", "2026-04-10T23:30", PostStatus::Scheduled);
        post(
            &store,
            "Tomorrow",
            "2026-04-11T00:00",
            PostStatus::Scheduled,
        );
        post(&store, "Draft today", "2026-04-10T10:00", PostStatus::Draft);
        post(&store, "Done", "2026-04-10T08:00", PostStatus::Published);

        let due = store
            .read(|c| due_posts(c, now, tz, Language::En))
            .expect("due");
        let titles: Vec<&str> = due.iter().map(|d| d.title.as_str()).collect();
        assert_eq!(titles, ["Yesterday", "Morning", "Evening"]);
        assert!(due[0].overdue && due[1].overdue && !due[2].overdue);
        assert_eq!(due[1].scheduled_at, "2026-04-10T09:00:00+09:00");
        let text = &due[1].variants[0].text;
        assert!(text.starts_with("Morning body"), "{text}");
        assert!(text.contains("utm_source=instagram"), "{text}");
        assert!(text.ends_with("#bakery"), "{text}");
        assert_eq!(due[1].variants[0].platform_name, "Instagram");

        // The notification check: only what became due in the last minute.
        let fresh = store
            .read(|c| newly_due(c, now - Duration::minutes(1), now, tz, Language::En))
            .expect("newly due");
        assert!(fresh.is_empty());
        let nine = tz
            .with_ymd_and_hms(2026, 4, 10, 9, 0, 0)
            .single()
            .expect("nine")
            .with_timezone(&Utc);
        let fresh = store
            .read(|c| newly_due(c, nine - Duration::minutes(1), nine, tz, Language::En))
            .expect("newly due");
        assert_eq!(fresh.len(), 1);
        assert_eq!(fresh[0].post_id, morning.id);
        let notices = store
            .read(|c| due_notices(c, nine - Duration::minutes(1), nine))
            .expect("notices");
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].title, "Time to post: Morning");
        assert!(
            notices[0].body.starts_with("Instagram — Open Due today"),
            "{}",
            notices[0].body
        );
        let _ = (overdue, evening);
    }

    #[test]
    fn mark_published_stores_the_url_and_moves_through_the_flow() {
        let (_t, store) = bakery_store(Language::En);
        let p = post(&store, "Morning", "2026-04-10T09:00", PostStatus::Approved);
        for bad in [
            "",
            "komorebi.example/p/1",
            "ftp://x/y",
            "javascript:alert(1)",
            "https://",
        ] {
            let err = store
                .write(|tx| {
                    mark_published(
                        tx,
                        &MarkPublishedInput {
                            post_id: p.id.clone(),
                            url: bad.into(),
                        },
                    )
                })
                .expect_err(bad);
            assert_eq!(err.field_name(), Some("url"), "{bad}: {err}");
        }
        let input = MarkPublishedInput {
            post_id: p.id.clone(),
            url: " https://www.instagram.com/p/Cx1/ ".into(),
        };
        let before = store.read(|c| posts::get(c, &p.id)).expect("before");
        assert_eq!(before.publication, None, "no URL before it is published");
        let done = store.write(|tx| mark_published(tx, &input)).expect("mark");
        assert_eq!(done.status, PostStatus::Published);
        // The post itself carries where it went live (the calendar drawer shows it).
        let carried = done.publication.clone().expect("publication on the post");
        assert_eq!(carried.url, "https://www.instagram.com/p/Cx1/");
        assert_eq!(carried.post_id, p.id);
        let listed = store
            .read(posts::list_all)
            .expect("list")
            .into_iter()
            .find(|x| x.id == p.id)
            .expect("listed");
        assert_eq!(listed.publication, Some(carried.clone()));
        let publ = store
            .read(|c| publication(c, &p.id))
            .expect("read")
            .expect("stored");
        assert_eq!(publ, carried);
        let history = store
            .read(|c| workflow::history(c, &p.id))
            .expect("history");
        let moves: Vec<PostStatus> = history.iter().map(|h| h.to).collect();
        assert!(
            moves.ends_with(&[PostStatus::Scheduled, PostStatus::Published])
                || moves.starts_with(&[PostStatus::Published, PostStatus::Scheduled]),
            "{moves:?}"
        );
        assert!(history
            .iter()
            .any(|h| h.note.contains("instagram.com/p/Cx1")));
        // Repeating the same request changes nothing (idempotent); a different URL is refused.
        store.write(|tx| mark_published(tx, &input)).expect("again");
        let other = MarkPublishedInput {
            url: "https://x.com/k/1".into(),
            ..input
        };
        assert!(store.write(|tx| mark_published(tx, &other)).is_err());
        // Published posts leave the Due today list.
        let tz = chrono_tz::Asia::Tokyo;
        let now = Utc
            .with_ymd_and_hms(2026, 4, 10, 6, 0, 0)
            .single()
            .expect("now");
        assert!(store
            .read(|c| due_posts(c, now, tz, Language::En))
            .expect("due")
            .is_empty());
    }

    #[test]
    fn platform_names_follow_the_workspace_language() {
        const PLATFORMS: [&str; 4] = [
            "instagram",
            "x",
            "google_business_profile",
            "line_official_account",
        ];
        let tz = chrono_tz::Asia::Tokyo;
        let nine = tz
            .with_ymd_and_hms(2026, 4, 10, 9, 0, 0)
            .single()
            .expect("nine")
            .with_timezone(&Utc);
        let since = nine - Duration::minutes(1);
        for (lang, names, title, body_start) in [
            (
                Language::En,
                [
                    "Instagram",
                    "X (Twitter)",
                    "Google Business Profile",
                    "LINE Official Account",
                ],
                "Time to post: Morning",
                "Instagram · X (Twitter) · Google Business Profile · LINE Official Account — Open",
            ),
            (
                Language::Ja,
                [
                    "Instagram",
                    "X（旧Twitter）",
                    "Googleビジネスプロフィール",
                    "LINE公式アカウント",
                ],
                "投稿の時間です：Morning",
                "Instagram · X（旧Twitter） · Googleビジネスプロフィール · LINE公式アカウント — Plotline",
            ),
        ] {
            let (_t, store) = bakery_store(lang);
            post_on(
                &store,
                "Morning",
                "2026-04-10T09:00",
                PostStatus::Approved,
                &PLATFORMS,
            );
            // The Due today list (what `due_now` returns in this workspace), in the app's platform order.
            let due = store.read(|c| due_posts(c, nine, tz, lang)).expect("due");
            let got: Vec<&str> = due[0]
                .variants
                .iter()
                .map(|v| v.platform_name.as_str())
                .collect();
            assert_eq!(got, names, "{lang:?}");
            let ids: Vec<&str> = due[0].variants.iter().map(|v| v.platform.as_str()).collect();
            assert_eq!(ids, PLATFORMS, "ids stay the catalogue's");
            // The desktop notification.
            let notices = store
                .read(|c| due_notices(c, since, nine))
                .expect("notices");
            assert_eq!(notices.len(), 1, "{lang:?}");
            assert_eq!(notices[0].title, title);
            assert!(
                notices[0].body.starts_with(body_start),
                "{lang:?}: {}",
                notices[0].body
            );
        }
    }
}
