//! Live validation of a post's per-platform variants against the platform catalogue:
//! length (X weighted with CJK = 2, Bluesky graphemes, LINE UTF-16), hashtag caps, link
//! rules and media (required, allowed file formats). Errors block approval, warnings are
//! advice. The editor calls [`check_draft`] on every keystroke (pure, no database); the
//! approval gate calls [`check_post`].

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::posts::{Post, PostInput};
use super::{Format, LinkPlacement};
use crate::platforms::{self, text, ContentFormat, Counting, LinkBehaviour, Platform};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// What a check found; the UI words each code in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    /// The text (with hashtags and an in-text link) is longer than the platform allows.
    TooLong,
    /// More hashtags than the platform accepts.
    TooManyHashtags,
    /// Nothing to publish on this platform.
    EmptyText,
    /// A link is written in the text where it cannot be clicked.
    LinkNotClickable,
    /// The post has links but this variant does not say where the link goes.
    LinkNotPlaced,
    /// The link goes to the first comment, but the platform has no first comment.
    FirstCommentUnsupported,
    /// A link sticker only exists in Instagram/Facebook stories.
    StickerUnsupported,
    /// The post's format is not one this platform publishes.
    FormatNotSupported,
    /// The platform only publishes photos or videos and none is attached yet.
    MediaRequired,
    /// An attached file's type is not accepted by the platform.
    MediaFormatNotAllowed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    pub severity: Severity,
    pub code: IssueCode,
    /// An English sentence for logs and error messages (the UI translates `code`).
    pub message: String,
    /// A value the message refers to (a file extension, a format), if any.
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VariantCheck {
    pub platform: String,
    /// The variant still uses the master text.
    pub inherits: bool,
    /// Length as the platform counts it (text + hashtags + an in-text link).
    pub length: u32,
    pub limit: u32,
    pub counting: Counting,
    pub hashtags: u32,
    pub hashtag_limit: Option<u32>,
    pub issues: Vec<Issue>,
}

impl VariantCheck {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }
}

/// What the editor sends: the unsaved form and the file types of the attached media.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DraftCheckInput {
    pub post: PostInput,
    /// Lower-case file extensions of the attached media (`jpg`, `mp4`); empty if none.
    pub media_formats: Vec<String>,
    /// Platforms with their own photos: their file extensions (instead of `media_formats`).
    #[serde(default)]
    pub variant_media_formats: BTreeMap<String, Vec<String>>,
}

/// The text a platform publishes: the variant's own or the master text, hashtags appended
/// (`#tag`, one space apart) and the links when they go in the text.
pub fn published_text(
    master: &str,
    text_override: Option<&str>,
    hashtags: &[String],
    placement: LinkPlacement,
    links: &[String],
) -> String {
    let mut out = text_override.unwrap_or(master).trim_end().to_string();
    let tags: Vec<String> = hashtags
        .iter()
        .map(|h| h.trim().trim_start_matches(['#', '＃']).to_string())
        .filter(|h| !h.is_empty())
        .map(|h| format!("#{h}"))
        .collect();
    if placement == LinkPlacement::InText && !links.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&links.join(" "));
    }
    if !tags.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&tags.join(" "));
    }
    out
}

/// Hashtags written in a text (`#word` or `＃word`), without the sign, deduplicated.
fn hashtags_in(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let Some(tag) = word
            .strip_prefix('#')
            .or_else(|| word.strip_prefix('＃'))
            .map(|t| t.trim_end_matches(['.', ',', '!', '?', '、', '。']))
        else {
            continue;
        };
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

fn content_format(f: Format) -> ContentFormat {
    match f {
        Format::Photo => ContentFormat::Photo,
        Format::Carousel => ContentFormat::Carousel,
        Format::ShortVideo => ContentFormat::ShortVideo,
        Format::LongVideo => ContentFormat::LongVideo,
        Format::Text => ContentFormat::Text,
        Format::Story => ContentFormat::Stories,
        Format::Live => ContentFormat::Live,
        Format::Link => ContentFormat::Link,
    }
}

fn format_label(f: Format) -> &'static str {
    match f {
        Format::Photo => "photo",
        Format::Carousel => "carousel",
        Format::ShortVideo => "short_video",
        Format::LongVideo => "long_video",
        Format::Text => "text",
        Format::Story => "story",
        Format::Live => "live",
        Format::Link => "link",
    }
}

/// A platform that cannot publish words alone (Instagram, TikTok, YouTube, Pinterest).
pub fn needs_media(p: &Platform) -> bool {
    !p.content.formats.iter().any(|f| {
        matches!(
            f,
            ContentFormat::Text | ContentFormat::Message | ContentFormat::LongForm
        )
    })
}

fn issue(severity: Severity, code: IssueCode, message: String, detail: Option<String>) -> Issue {
    Issue {
        severity,
        code,
        message,
        detail,
    }
}

/// One variant's check (the loose arguments let the editor's unsaved form and a saved post
/// share it). `platform` must be a catalogue id (unknown ids give no check).
#[allow(clippy::too_many_arguments)]
pub fn check_variant(
    platform: &str,
    master: &str,
    text_override: Option<&str>,
    hashtags: &[String],
    placement: LinkPlacement,
    links: &[String],
    format: Format,
    media_formats: &[String],
) -> Option<VariantCheck> {
    let p = platforms::find(platform)?;
    let name = &p.names.en;
    let text = published_text(master, text_override, hashtags, placement, links);
    let check = text::check_text(p, &text);
    let mut issues = Vec::new();
    if text.trim().is_empty() && media_formats.is_empty() {
        issues.push(issue(
            Severity::Error,
            IssueCode::EmptyText,
            format!("There is nothing to publish on {name} yet: write the text."),
            None,
        ));
    }
    if check.over {
        let how = match check.counting {
            Counting::XWeighted => {
                " (X counts Japanese characters and emoji as 2 and every link as 23)"
            }
            Counting::Graphemes => " (counted as visible characters)",
            Counting::Utf16 => " (emoji count as 2)",
            Counting::Characters => "",
        };
        issues.push(issue(
            Severity::Error,
            IssueCode::TooLong,
            format!(
                "The {name} text is {} long; {name} allows {}{how}. Shorten it or write a shorter version for {name}.",
                check.length, check.limit
            ),
            None,
        ));
    }
    let mut tags: Vec<String> = hashtags
        .iter()
        .map(|h| h.trim().trim_start_matches(['#', '＃']).to_string())
        .filter(|h| !h.is_empty())
        .collect();
    for t in hashtags_in(text_override.unwrap_or(master)) {
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    let tag_count = u32::try_from(tags.len()).unwrap_or(u32::MAX);
    let hashtag_limit = p.text_limits.hashtags_max;
    if let Some(max) = hashtag_limit {
        if tag_count > max {
            issues.push(issue(
                Severity::Error,
                IssueCode::TooManyHashtags,
                format!("{name} takes at most {max} hashtag(s); this version has {tag_count}. Remove some."),
                None,
            ));
        }
    }
    if !links.is_empty() {
        match placement {
            LinkPlacement::None => issues.push(issue(
                Severity::Warning,
                IssueCode::LinkNotPlaced,
                format!("The post has a link, but the {name} version does not say where it goes (in the text, first comment or link in bio)."),
                None,
            )),
            LinkPlacement::InText if p.links.in_post == LinkBehaviour::NotClickable => {
                issues.push(issue(
                    Severity::Warning,
                    IssueCode::LinkNotClickable,
                    format!("Links in {name} captions cannot be clicked. Put the link in your bio and say \"link in bio\"."),
                    None,
                ))
            }
            LinkPlacement::FirstComment
                if matches!(platform, "line_official_account" | "google_business_profile") =>
            {
                issues.push(issue(
                    Severity::Warning,
                    IssueCode::FirstCommentUnsupported,
                    format!("{name} posts have no comments, so the link cannot go in a first comment."),
                    None,
                ))
            }
            LinkPlacement::LinkSticker if !matches!(platform, "instagram" | "facebook") => {
                issues.push(issue(
                    Severity::Warning,
                    IssueCode::StickerUnsupported,
                    format!("Link stickers exist only in Instagram and Facebook stories; choose another place for the link on {name}."),
                    None,
                ))
            }
            _ => {}
        }
    }
    let cf = content_format(format);
    let media_only = needs_media(p);
    if !p.content.formats.contains(&cf) {
        issues.push(issue(
            if media_only && matches!(format, Format::Text | Format::Link) {
                Severity::Error
            } else {
                Severity::Warning
            },
            IssueCode::FormatNotSupported,
            format!(
                "{name} does not publish this format ({}). Pick a format it supports or drop {name} from this post.",
                format_label(format)
            ),
            Some(format_label(format).to_string()),
        ));
    }
    if media_only && media_formats.is_empty() {
        issues.push(issue(
            Severity::Warning,
            IssueCode::MediaRequired,
            format!("{name} needs a photo or video: attach one before it goes out."),
            None,
        ));
    }
    let allowed: Vec<&str> = p
        .media
        .specs
        .iter()
        .flat_map(|s| s.formats.iter().map(String::as_str))
        .collect();
    let mut seen: Vec<String> = Vec::new();
    for ext in media_formats {
        let ext = ext.trim().trim_start_matches('.').to_ascii_lowercase();
        // The library names JPEG files' format "jpeg"; the catalogue lists the extension "jpg".
        let ext = if ext == "jpeg" {
            "jpg".to_string()
        } else {
            ext
        };
        if ext.is_empty() || seen.contains(&ext) || allowed.contains(&ext.as_str()) {
            continue;
        }
        issues.push(issue(
            Severity::Error,
            IssueCode::MediaFormatNotAllowed,
            format!(
                "{name} does not accept .{ext} files. Export the file as one of: {}.",
                {
                    let mut a = allowed.clone();
                    a.sort_unstable();
                    a.dedup();
                    a.join(", ")
                }
            ),
            Some(ext.clone()),
        ));
        seen.push(ext);
    }
    Some(VariantCheck {
        platform: p.id.clone(),
        inherits: text_override.is_none(),
        length: check.length,
        limit: check.limit,
        counting: check.counting,
        hashtags: tag_count,
        hashtag_limit,
        issues,
    })
}

/// Checks of every variant of an unsaved form (what the editor shows while typing).
pub fn check_draft(input: &DraftCheckInput) -> Vec<VariantCheck> {
    let post = &input.post;
    let links: Vec<String> = post
        .links
        .iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    post.variants
        .iter()
        .filter_map(|v| {
            // An override equal to the master text is no override (as when saving).
            let over = v
                .text_override
                .as_deref()
                .filter(|t| t.trim_end() != post.body.trim_end());
            check_variant(
                v.platform.trim(),
                &post.body,
                over,
                &v.hashtags,
                v.link_placement,
                &links,
                post.format,
                input
                    .variant_media_formats
                    .get(v.platform.trim())
                    .filter(|f| !f.is_empty())
                    .unwrap_or(&input.media_formats),
            )
        })
        .collect()
}

/// Checks of a saved post's variants; `media_formats` are the file extensions of the photos
/// each platform gets (a platform missing from the map has none).
pub fn check_post(post: &Post, media_formats: &BTreeMap<String, Vec<String>>) -> Vec<VariantCheck> {
    post.variants
        .iter()
        .filter_map(|v| {
            check_variant(
                &v.platform,
                &post.body,
                v.text_override.as_deref(),
                &v.hashtags,
                v.link_placement,
                &post.links,
                post.format,
                media_formats
                    .get(&v.platform)
                    .map_or(&[][..], Vec::as_slice),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentType, VariantInput};

    fn draft(body: &str, platforms: &[&str]) -> DraftCheckInput {
        let mut post = PostInput::idea("T", ContentType::Educational, Format::Photo);
        post.body = body.into();
        post.variants = platforms.iter().map(|p| VariantInput::inherit(p)).collect();
        DraftCheckInput {
            post,
            media_formats: vec!["jpg".into()],
            variant_media_formats: BTreeMap::new(),
        }
    }

    fn codes(c: &VariantCheck) -> Vec<IssueCode> {
        c.issues.iter().map(|i| i.code).collect()
    }

    #[test]
    fn x_counts_cjk_as_two_and_flags_overflow() {
        // 141 kanji weigh 282 on X (limit 280) but only 141 on Bluesky (limit 300).
        let body = "焼".repeat(141);
        let checks = check_draft(&draft(&body, &["x", "bluesky"]));
        assert_eq!(checks[0].length, 282);
        assert_eq!(codes(&checks[0]), vec![IssueCode::TooLong]);
        assert_eq!(checks[0].errors().count(), 1);
        assert_eq!(checks[1].length, 141);
        assert!(checks[1].issues.is_empty());
    }

    #[test]
    fn bluesky_counts_graphemes_with_hashtags_appended() {
        let mut d = draft(&"👨‍👩‍👧".repeat(290), &["bluesky"]);
        d.post.variants[0].hashtags = vec!["bread".into()];
        let c = &check_draft(&d)[0];
        // 290 family emoji + "\n\n" + "#bread" = 290 + 2 + 6.
        assert_eq!(c.length, 298);
        assert!(!c.issues.iter().any(|i| i.code == IssueCode::TooLong));
    }

    #[test]
    fn hashtag_caps_count_tags_in_the_text_too() {
        let mut d = draft("Fresh bread #bakery", &["threads"]);
        d.post.variants[0].hashtags = vec!["tokyo".into()];
        let c = &check_draft(&d)[0];
        assert_eq!(c.hashtags, 2);
        assert_eq!(c.hashtag_limit, Some(1));
        assert!(codes(c).contains(&IssueCode::TooManyHashtags));
    }

    #[test]
    fn link_rules_warn_but_do_not_block() {
        let mut d = draft("New loaf", &["instagram", "x"]);
        d.post.links = vec!["https://komorebi.example/loaf".into()];
        d.post.variants[0].link_placement = LinkPlacement::InText;
        let checks = check_draft(&d);
        assert_eq!(codes(&checks[0]), vec![IssueCode::LinkNotClickable]);
        assert_eq!(checks[0].errors().count(), 0);
        assert_eq!(codes(&checks[1]), vec![IssueCode::LinkNotPlaced]);
        // An in-text link on X weighs 23 whatever its length.
        d.post.variants[1].link_placement = LinkPlacement::InText;
        let x = &check_draft(&d)[1];
        assert_eq!(x.length, "New loaf\n".len() as u32 + 23);
    }

    #[test]
    fn media_is_required_and_file_types_are_checked() {
        let mut d = draft("Morning bake", &["instagram", "x"]);
        d.media_formats = vec![];
        let checks = check_draft(&d);
        assert_eq!(codes(&checks[0]), vec![IssueCode::MediaRequired]);
        assert!(checks[1].issues.is_empty(), "X can post words alone");
        d.media_formats = vec!["webp".into()];
        let checks = check_draft(&d);
        assert_eq!(codes(&checks[0]), vec![IssueCode::MediaFormatNotAllowed]);
        assert_eq!(checks[0].issues[0].detail.as_deref(), Some("webp"));
        assert!(checks[1].issues.is_empty(), "X accepts webp");
        // Instagram's own JPEG instead of the post's WebP: fine there, X still gets the WebP.
        d.variant_media_formats
            .insert("instagram".into(), vec!["jpg".into()]);
        let checks = check_draft(&d);
        assert!(checks[0].issues.is_empty(), "{:?}", checks[0].issues);
        assert!(checks[1].issues.is_empty());
        // An empty own list is no own list.
        d.variant_media_formats.insert("instagram".into(), vec![]);
        assert_eq!(
            codes(&check_draft(&d)[0]),
            vec![IssueCode::MediaFormatNotAllowed]
        );
    }

    #[test]
    fn text_format_on_a_photo_platform_is_an_error() {
        let mut d = draft("Words only", &["instagram", "facebook"]);
        d.post.format = Format::Text;
        let checks = check_draft(&d);
        let fmt = checks[0]
            .issues
            .iter()
            .find(|i| i.code == IssueCode::FormatNotSupported)
            .expect("instagram has no text posts");
        assert_eq!(fmt.severity, Severity::Error);
        assert!(checks[1].issues.is_empty());
    }

    #[test]
    fn override_equal_to_master_still_inherits() {
        let mut d = draft("Same words", &["x"]);
        d.post.variants[0].text_override = Some("Same words".into());
        assert!(check_draft(&d)[0].inherits);
        d.post.variants[0].text_override = Some("Other words".into());
        let c = &check_draft(&d)[0];
        assert!(!c.inherits);
        assert_eq!(c.length, 11);
    }
}
