//! Text-length counting the way each platform counts, used by post validation and by the
//! account-design bio counter.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::{Counting, Platform};

/// What X counts for any URL (it is wrapped by t.co).
pub const X_URL_WEIGHT: usize = 23;

/// Code point ranges that X weighs 1; everything else weighs 2 (twitter-text v3 config).
const X_LIGHT_RANGES: [(u32, u32); 4] = [
    (0x0000, 0x10FF),
    (0x2000, 0x200D),
    (0x2010, 0x201F),
    (0x2032, 0x2037),
];

/// The result of checking a text against a platform's limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TextCheck {
    pub length: u32,
    pub limit: u32,
    pub over: bool,
    pub counting: Counting,
}

/// Which text of a platform is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    Post,
    Title,
    Bio,
}

/// Count `text` with one of the counting rules.
pub fn count(counting: Counting, text: &str) -> usize {
    match counting {
        Counting::Characters => text.chars().count(),
        Counting::Graphemes => grapheme_count(text),
        Counting::Utf16 => text.encode_utf16().count(),
        Counting::XWeighted => x_weighted_length(text),
    }
}

/// User-perceived characters (extended grapheme clusters): "👨‍👩‍👧" is 1.
pub fn grapheme_count(text: &str) -> usize {
    text.graphemes(true).count()
}

/// X's weighted length (twitter-text rules): code points in the Latin, general
/// punctuation and a few other ranges weigh 1, everything else (CJK, most symbols) 2; an
/// emoji, including a ZWJ sequence or skin-tone variant, weighs 2 in total; every
/// `http://` or `https://` URL weighs 23. Limitations: bare domains without a scheme are
/// counted as text and the text is not NFC-normalised first.
pub fn x_weighted_length(text: &str) -> usize {
    let mut total = 0;
    let mut rest = text;
    while !rest.is_empty() {
        match find_url(rest) {
            Some((start, end)) => {
                total += weigh_plain(&rest[..start]);
                total += X_URL_WEIGHT;
                rest = &rest[end..];
            }
            None => {
                total += weigh_plain(rest);
                break;
            }
        }
    }
    total
}

/// Byte range of the first `http(s)://` URL in `s`, without trailing punctuation.
fn find_url(s: &str) -> Option<(usize, usize)> {
    let lower = s.to_ascii_lowercase();
    let start = [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()?;
    // A URL must start a word.
    if let Some(prev) = s[..start].chars().next_back() {
        if prev.is_alphanumeric() {
            let skip = start + 1;
            return find_url(&s[skip..]).map(|(a, b)| (a + skip, b + skip));
        }
    }
    let mut end = s[start..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || !c.is_ascii())
        .map_or(s.len(), |(i, _)| start + i);
    while end > start {
        let last = s[..end].chars().next_back().unwrap_or(' ');
        if matches!(last, '.' | ',' | '!' | '?' | ')' | '"' | '\'' | ';' | ':') {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    let scheme_len = if lower[start..].starts_with("https://") {
        8
    } else {
        7
    };
    if end <= start + scheme_len {
        // "https://" alone is not a URL: count it as text.
        return None;
    }
    Some((start, end))
}

fn weigh_plain(s: &str) -> usize {
    s.graphemes(true)
        .map(|g| {
            if is_emoji_cluster(g) {
                2
            } else {
                g.chars().map(x_char_weight).sum()
            }
        })
        .sum()
}

fn x_char_weight(c: char) -> usize {
    let cp = c as u32;
    if X_LIGHT_RANGES
        .iter()
        .any(|(lo, hi)| (*lo..=*hi).contains(&cp))
    {
        1
    } else {
        2
    }
}

/// Whether a grapheme cluster is an emoji (pictograph, flag, keycap or a ZWJ sequence).
fn is_emoji_cluster(g: &str) -> bool {
    g.chars().any(|c| {
        let cp = c as u32;
        (0x1F000..=0x1FAFF).contains(&cp)
            || (0x2600..=0x27BF).contains(&cp)
            || (0x2B00..=0x2BFF).contains(&cp)
            || (0x2300..=0x23FF).contains(&cp)
            || cp == 0x20E3
            || cp == 0x3030
            || cp == 0x303D
            || cp == 0x3297
            || cp == 0x3299
    })
}

/// Check a post's main text against the platform's post limit.
pub fn check_text(platform: &Platform, text: &str) -> TextCheck {
    check_field(platform, TextField::Post, text)
}

/// Check a text against one of the platform's limits. A platform without a separate
/// title is checked against its post limit.
pub fn check_field(platform: &Platform, field: TextField, text: &str) -> TextCheck {
    let limit = match field {
        TextField::Post => platform.text_limits.post,
        TextField::Title => platform
            .text_limits
            .title
            .unwrap_or(platform.text_limits.post),
        TextField::Bio => platform.text_limits.bio,
    };
    let length = u32::try_from(count(limit.counting, text)).unwrap_or(u32::MAX);
    TextCheck {
        length,
        limit: limit.max,
        over: length > limit.max,
        counting: limit.counting,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platforms::get;

    #[test]
    fn latin_counts_one_and_cjk_two() {
        assert_eq!(x_weighted_length("Hello, world!"), 13);
        assert_eq!(x_weighted_length("こんにちは"), 10);
        assert_eq!(x_weighted_length("パン 焼けた"), 11);
        // Curly quotes and dashes sit in the light punctuation range.
        assert_eq!(x_weighted_length("“ok”—"), 5);
    }

    #[test]
    fn emoji_count_two_even_as_zwj_sequences() {
        assert_eq!(x_weighted_length("👾"), 2);
        assert_eq!(x_weighted_length("🙋🏽"), 2);
        assert_eq!(x_weighted_length("👨‍👩‍👧‍👦"), 2);
        assert_eq!(x_weighted_length("🇯🇵"), 2);
        assert_eq!(x_weighted_length("1️⃣"), 2);
        assert_eq!(x_weighted_length("Hello, world! 👋"), 16);
    }

    #[test]
    fn urls_count_twenty_three_whatever_their_length() {
        assert_eq!(x_weighted_length("https://example.com"), 23);
        assert_eq!(
            x_weighted_length("https://example.com/very/long/path?q=1"),
            23
        );
        assert_eq!(x_weighted_length("See https://example.com."), 4 + 23 + 1);
        assert_eq!(
            x_weighted_length("新作 http://a.jp と https://b.jp"),
            5 + 23 + 4 + 23
        );
        // Not a URL without anything after the scheme.
        assert_eq!(x_weighted_length("https://"), 8);
    }

    #[test]
    fn graphemes_count_what_people_see() {
        assert_eq!(grapheme_count("👨‍👩‍👧‍👦"), 1);
        assert_eq!(grapheme_count("🇯🇵パン"), 3);
        assert_eq!(grapheme_count("e\u{301}"), 1);
        assert_eq!(count(Counting::Characters, "👨‍👩‍👧‍👦"), 7);
        assert_eq!(count(Counting::Utf16, "🍞a"), 3);
    }

    #[test]
    fn check_text_reports_length_limit_and_over() {
        let x = get("x").expect("x is in the catalogue");
        let ok = check_text(x, &"あ".repeat(140));
        assert_eq!((ok.length, ok.limit, ok.over), (280, 280, false));
        let over = check_text(x, &"あ".repeat(141));
        assert!(over.over);
        let bsky = get("bluesky").expect("bluesky is in the catalogue");
        let check = check_text(bsky, &"👨‍👩‍👧‍👦".repeat(300));
        assert_eq!((check.length, check.over), (300, false));
        let yt = get("youtube").expect("youtube is in the catalogue");
        assert_eq!(
            check_field(yt, TextField::Title, &"a".repeat(101)).limit,
            100
        );
        let ig = get("instagram").expect("instagram is in the catalogue");
        assert_eq!(check_field(ig, TextField::Bio, "a").limit, 150);
    }
}
