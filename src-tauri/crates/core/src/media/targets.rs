//! Per-platform image variant targets. The sizes and upload limits come from ONE source of
//! truth, the platform catalogue (`platforms/catalog.json`); this file only says which of
//! the catalogue's placements "all" makes, in display order.
//!
//! `max_bytes` are the platforms' documented upload limits, in decimal megabytes
//! (1 MB = 1,000,000 bytes) so a variant fits whichever way a platform counts a megabyte.

use std::sync::OnceLock;

use serde::Serialize;

use crate::platforms::{self, Placement};

/// One output size a platform asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VariantTarget {
    /// Platform id as used across Plotline (`instagram`, `x`, `google_business_profile`, ...).
    pub platform: &'static str,
    /// Where on the platform the image appears (`feed_square`, `story`, ...): the
    /// catalogue's placement id.
    pub placement: &'static str,
    pub width: u32,
    pub height: u32,
    /// Largest file the platform accepts for this placement.
    #[specta(type = f64)]
    pub max_bytes: u64,
}

/// Used only when the catalogue records no limit for a placement: the strictest limit a
/// mainstream feed documents for photos (Instagram, 8 MB).
pub const FALLBACK_MAX_BYTES: u64 = 8_000_000;

/// The (platform, placement) pairs "all" makes, in display order. Sizes come from the catalogue.
pub const ALL_PLACEMENTS: &[(&str, Placement)] = &[
    ("instagram", Placement::FeedSquare),
    ("instagram", Placement::FeedPortrait),
    ("instagram", Placement::Story),
    ("x", Placement::Landscape),
    ("linkedin", Placement::Landscape),
    ("facebook", Placement::Landscape),
    ("pinterest", Placement::FeedPortrait),
    ("youtube", Placement::Thumbnail),
    ("google_business_profile", Placement::Landscape),
];

/// The wire/db id of a placement (`feed_square`, ...).
pub fn placement_id(p: Placement) -> &'static str {
    match p {
        Placement::FeedSquare => "feed_square",
        Placement::FeedPortrait => "feed_portrait",
        Placement::Landscape => "landscape",
        Placement::Story => "story",
        Placement::Reel => "reel",
        Placement::Cover => "cover",
        Placement::Profile => "profile",
        Placement::Banner => "banner",
        Placement::Thumbnail => "thumbnail",
    }
}

/// Every target "all" produces, in display order, built once from the catalogue.
pub fn all() -> &'static [VariantTarget] {
    static ALL: OnceLock<Vec<VariantTarget>> = OnceLock::new();
    ALL.get_or_init(|| {
        ALL_PLACEMENTS
            .iter()
            .map(|(id, placement)| {
                let p = platforms::find(id).expect("ALL_PLACEMENTS names catalogue platforms");
                let spec = p
                    .media_spec(*placement)
                    .expect("ALL_PLACEMENTS names placements the catalogue has (unit-tested)");
                VariantTarget {
                    platform: p.id.as_str(),
                    placement: placement_id(*placement),
                    width: spec.width,
                    height: spec.height,
                    max_bytes: spec.max_bytes.map_or(FALLBACK_MAX_BYTES, u64::from),
                }
            })
            .collect()
    })
}

/// Whether a placement shows UI over the image's top and bottom (Stories, Reels): the
/// preview draws safe-zone guides for these.
pub fn has_safe_zones(placement: &str) -> bool {
    matches!(placement, "story" | "reel")
}

/// The targets for `all` or a comma-separated list of platform ids (`instagram,x`).
/// Unknown ids are an error that lists the known ones.
pub fn select(spec: &str) -> crate::Result<Vec<VariantTarget>> {
    let spec = spec.trim();
    if spec.eq_ignore_ascii_case("all") {
        return Ok(all().to_vec());
    }
    let mut wanted = Vec::new();
    for id in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !all().iter().any(|t| t.platform == id) {
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
    Ok(all()
        .iter()
        .filter(|t| wanted.contains(&t.platform))
        .copied()
        .collect())
}

/// Targets by `platform:placement` keys (as the UI sends them); unknown keys are an error.
pub fn by_keys(keys: &[String]) -> crate::Result<Vec<VariantTarget>> {
    if keys.is_empty() {
        return Err(crate::Error::field(
            "targets",
            "Choose at least one size to make.",
        ));
    }
    let mut out: Vec<VariantTarget> = Vec::new();
    for k in keys {
        let t = all().iter().find(|t| key(t) == *k).ok_or_else(|| {
            crate::Error::field(
                "targets",
                format!("\"{k}\" is not a size Plotline makes. Pick from the list."),
            )
        })?;
        if !out.contains(t) {
            out.push(*t);
        }
    }
    Ok(out)
}

/// `instagram:feed_square`
pub fn key(t: &VariantTarget) -> String {
    format!("{}:{}", t.platform, t.placement)
}

/// Platform ids in catalogue order, without duplicates.
pub fn platform_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for t in all() {
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
    fn all_has_the_nine_documented_targets_from_the_catalogue() {
        assert_eq!(all().len(), 9);
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
        for t in all() {
            assert!(
                t.width > 0 && t.height > 0 && t.max_bytes >= 1_000_000,
                "{t:?}"
            );
            // One source of truth: every size is the catalogue's.
            let spec = platforms::find(t.platform)
                .and_then(|p| {
                    p.media
                        .specs
                        .iter()
                        .find(|s| placement_id(s.id) == t.placement)
                })
                .expect("target is in the catalogue");
            assert_eq!((spec.width, spec.height), (t.width, t.height));
        }
        let story = all()
            .iter()
            .find(|t| t.placement == "story")
            .expect("story");
        assert_eq!((story.width, story.height), (1080, 1920));
        assert!(has_safe_zones(story.placement));
        assert!(!has_safe_zones("feed_square"));
    }

    #[test]
    fn select_filters_and_rejects_unknown_ids() {
        let picked = select("x, instagram").expect("known ids");
        assert_eq!(picked.len(), 4);
        assert_eq!(picked[0].platform, "instagram");
        let err = select("myspace").expect_err("unknown id");
        assert_eq!(err.field_name(), Some("platforms"));
        assert!(select(" , ").is_err());
        assert_eq!(select("ALL").expect("all").len(), all().len());
    }

    #[test]
    fn keys_pick_exact_targets() {
        let t = by_keys(&[
            "x:landscape".into(),
            "instagram:story".into(),
            "x:landscape".into(),
        ])
        .expect("known keys");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].platform, "x");
        assert_eq!(key(&t[1]), "instagram:story");
        assert_eq!(
            by_keys(&["x:story".into()])
                .expect_err("unknown")
                .field_name(),
            Some("targets")
        );
        assert!(by_keys(&[]).is_err());
    }
}
