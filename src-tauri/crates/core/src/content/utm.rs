//! Tracked links: every link gets utm_source = platform, utm_medium = social,
//! utm_campaign = campaign slug and utm_content = post slug or id (DOMAIN.md §5).

use serde::{Deserialize, Serialize};

use super::validate_platform;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UtmInput {
    pub url: String,
    pub platform: String,
    pub campaign: Option<String>,
    pub content: String,
}

/// Percent-encode everything but RFC 3986 unreserved characters (so a space is `%20`).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

const UTM_KEYS: [&str; 5] = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
];

/// Add the UTM parameters to `input.url`. Other query parameters (in their order and
/// encoding) and the fragment are kept; UTM parameters already present are replaced.
pub fn utm_link(input: &UtmInput) -> Result<String> {
    let raw = input.url.trim();
    let mut url = url::Url::parse(raw).map_err(|_| {
        Error::field(
            "url",
            format!("'{raw}' is not a complete web address. Start it with https://."),
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::field(
            "url",
            "Only web links (https://…) can be tracked.",
        ));
    }
    let platform = validate_platform("platform", &input.platform)?;
    let mut parts: Vec<String> = url
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("");
            !UTM_KEYS.iter().any(|k| key.eq_ignore_ascii_case(k))
        })
        .map(String::from)
        .collect();
    parts.push(format!("utm_source={}", encode_component(platform)));
    parts.push("utm_medium=social".into());
    if let Some(c) = input
        .campaign
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        parts.push(format!("utm_campaign={}", encode_component(c)));
    }
    let content = input.content.trim();
    if !content.is_empty() {
        parts.push(format!("utm_content={}", encode_component(content)));
    }
    url.set_query(Some(&parts.join("&")));
    Ok(url.to_string())
}

/// The `utm_content` of a post: its title's slug plus a short id (unique and readable),
/// or the id alone when the title has no ASCII letters (e.g. Japanese).
pub fn post_content_tag(title: &str, id: &str) -> String {
    let short: String = id
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let slug: String = super::slugify(title).chars().take(40).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        id.to_string()
    } else {
        format!("{slug}-{short}")
    }
}

/// One link of a post, tracked for one of its platforms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TrackedLink {
    pub platform: String,
    pub url: String,
    pub tracked: String,
}

/// Every link of a post, tagged for every platform it is planned on (the preview the
/// editor shows and copies).
pub fn post_links(conn: &rusqlite::Connection, post_id: &str) -> Result<Vec<TrackedLink>> {
    let post = super::posts::get(conn, post_id)?;
    let content = post_content_tag(&post.title, &post.id);
    let mut out = Vec::new();
    for v in &post.variants {
        for link in &post.links {
            let tracked = utm_link(&UtmInput {
                url: link.clone(),
                platform: v.platform.clone(),
                campaign: post.campaign_slug.clone(),
                content: content.clone(),
            })?;
            out.push(TrackedLink {
                platform: v.platform.clone(),
                url: link.clone(),
                tracked,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(url: &str) -> UtmInput {
        UtmInput {
            url: url.into(),
            platform: "instagram".into(),
            campaign: Some("spring-sale".into()),
            content: "post-1".into(),
        }
    }

    #[test]
    fn adds_all_four_parameters() {
        assert_eq!(
            utm_link(&input("https://komorebi.example/menu")).expect("ok"),
            "https://komorebi.example/menu?utm_source=instagram&utm_medium=social&utm_campaign=spring-sale&utm_content=post-1"
        );
    }

    #[test]
    fn keeps_query_and_fragment_and_replaces_old_utm() {
        let out = utm_link(&input(
            "https://x.example/p?id=7&q=a%20b&utm_source=old#top",
        ))
        .expect("ok");
        assert_eq!(out, "https://x.example/p?id=7&q=a%20b&utm_source=instagram&utm_medium=social&utm_campaign=spring-sale&utm_content=post-1#top");
    }

    #[test]
    fn encodes_per_rfc_3986() {
        let mut i = input("https://x.example/");
        i.campaign = Some("春 sale/2026".into());
        i.content = "a b&c".into();
        let out = utm_link(&i).expect("ok");
        assert!(
            out.contains("utm_campaign=%E6%98%A5%20sale%2F2026"),
            "{out}"
        );
        assert!(out.contains("utm_content=a%20b%26c"), "{out}");
        assert_eq!(encode_component("A-z_0.9~"), "A-z_0.9~");
    }

    #[test]
    fn rejects_bad_links_and_platforms() {
        assert_eq!(
            utm_link(&input("komorebi.example"))
                .expect_err("bad")
                .field_name(),
            Some("url")
        );
        assert_eq!(
            utm_link(&input("mailto:a@b.example"))
                .expect_err("bad")
                .field_name(),
            Some("url")
        );
        let mut i = input("https://x.example/");
        i.platform = "friendster".into();
        assert_eq!(
            utm_link(&i).expect_err("bad").field_name(),
            Some("platform")
        );
    }

    #[test]
    fn content_tag_is_readable_or_the_id() {
        assert_eq!(
            post_content_tag("New Melon Pan!", "0193-abcd-12345678"),
            "new-melon-pan-12345678"
        );
        assert_eq!(post_content_tag("新作メロンパン", "0193-abcd"), "0193-abcd");
    }
}
