//! Per-platform image variant targets: one list, in one file, so it can later be sourced
//! from the platform catalogue without touching the engine.
//!
//! `max_bytes` are the platforms' documented upload limits, in decimal megabytes
//! (1 MB = 1,000,000 bytes) so a variant fits whichever way a platform counts a megabyte.

use serde::Serialize;

/// One output size a platform asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VariantTarget {
    /// Platform id as used across Plotline (`instagram`, `x`, `google_business_profile`, ...).
    pub platform: &'static str,
    /// Where on the platform the image appears (`feed_square`, `story`, ...).
    pub placement: &'static str,
    pub width: u32,
    pub height: u32,
    /// Largest file the platform accepts for this placement.
    #[specta(type = f64)]
    pub max_bytes: u64,
}

const MB: u64 = 1_000_000;

/// Every target "all" produces, in display order.
pub const TARGETS: &[VariantTarget] = &[
    // Instagram (Graph API image specs: JPEG, max 8 MB):
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
    VariantTarget {
        platform: "instagram",
        placement: "feed_square",
        width: 1080,
        height: 1080,
        max_bytes: 8 * MB,
    },
    VariantTarget {
        platform: "instagram",
        placement: "feed_portrait",
        width: 1080,
        height: 1350,
        max_bytes: 8 * MB,
    },
    // Stories use the same image limit as feed posts (same source as above).
    VariantTarget {
        platform: "instagram",
        placement: "story",
        width: 1080,
        height: 1920,
        max_bytes: 8 * MB,
    },
    // X: images up to 5 MB:
    // https://developer.x.com/en/docs/x-api/v1/media/upload-media/uploading-media/media-best-practices
    VariantTarget {
        platform: "x",
        placement: "landscape",
        width: 1600,
        height: 900,
        max_bytes: 5 * MB,
    },
    // LinkedIn: images in posts and link previews up to 5 MB:
    // https://www.linkedin.com/help/linkedin/answer/a564109
    VariantTarget {
        platform: "linkedin",
        placement: "landscape",
        width: 1200,
        height: 627,
        max_bytes: 5 * MB,
    },
    // Facebook Page photos: "should be less than 4 MB":
    // https://developers.facebook.com/docs/graph-api/reference/page/photos/
    VariantTarget {
        platform: "facebook",
        placement: "landscape",
        width: 1200,
        height: 630,
        max_bytes: 4 * MB,
    },
    // Pinterest: static Pin images up to 20 MB:
    // https://help.pinterest.com/en/business/article/pinterest-product-specs
    VariantTarget {
        platform: "pinterest",
        placement: "pin",
        width: 1000,
        height: 1500,
        max_bytes: 20 * MB,
    },
    // YouTube custom thumbnails: under 2 MB:
    // https://support.google.com/youtube/answer/72431
    VariantTarget {
        platform: "youtube",
        placement: "thumbnail",
        width: 1280,
        height: 720,
        max_bytes: 2 * MB,
    },
    // Google Business Profile photos: 10 KB to 5 MB:
    // https://support.google.com/business/answer/6103862
    VariantTarget {
        platform: "google_business_profile",
        placement: "photo",
        width: 1200,
        height: 900,
        max_bytes: 5 * MB,
    },
];

/// The targets for `all` or a comma-separated list of platform ids (`instagram,x`).
/// Unknown ids are an error that lists the known ones.
pub fn select(spec: &str) -> crate::Result<Vec<VariantTarget>> {
    let spec = spec.trim();
    if spec.eq_ignore_ascii_case("all") {
        return Ok(TARGETS.to_vec());
    }
    let mut wanted = Vec::new();
    for id in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !TARGETS.iter().any(|t| t.platform == id) {
            return Err(crate::Error::field(
                "platforms",
                format!(
                    "\"{id}\" is not a platform Plotline makes images for. Use \"all\" or some of: {}.",
                    platform_ids().join(", ")
                ),
            ));
        }
        if !wanted.contains(&id) {
            wanted.push(id);
        }
    }
    if wanted.is_empty() {
        return Err(crate::Error::field(
            "platforms",
            "Choose at least one platform, or \"all\".",
        ));
    }
    Ok(TARGETS
        .iter()
        .filter(|t| wanted.contains(&t.platform))
        .copied()
        .collect())
}

/// Platform ids in catalogue order, without duplicates.
pub fn platform_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for t in TARGETS {
        if !ids.contains(&t.platform) {
            ids.push(t.platform);
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_has_the_nine_documented_targets() {
        assert_eq!(TARGETS.len(), 9);
        let ids = platform_ids();
        assert_eq!(
            ids,
            [
                "instagram",
                "x",
                "linkedin",
                "facebook",
                "pinterest",
                "youtube",
                "google_business_profile"
            ]
        );
        for t in TARGETS {
            assert!(t.width > 0 && t.height > 0 && t.max_bytes >= MB, "{t:?}");
        }
    }

    #[test]
    fn select_filters_and_rejects_unknown_ids() {
        let picked = select("x, instagram").expect("known ids");
        assert_eq!(picked.len(), 4);
        assert_eq!(picked[0].platform, "instagram");
        let err = select("myspace").expect_err("unknown id");
        assert_eq!(err.field_name(), Some("platforms"));
        assert!(select(" , ").is_err());
        assert_eq!(select("ALL").expect("all").len(), TARGETS.len());
    }
}
