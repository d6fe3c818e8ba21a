//! The KPI catalogue and the suggested KPI sets per objective kind, as versioned data
//! (`kpi_catalogue.json`) embedded in the binary and checked by a test.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{FunnelStage, KpiInput, ObjectiveKind, ReviewCadence};
use crate::workspace::{Audience, Language};

const CATALOGUE_JSON: &str = include_str!("kpi_catalogue.json");

/// The metric id of a KPI that is not in the catalogue.
pub const CUSTOM_METRIC: &str = "custom";

/// One metric of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MetricInfo {
    /// Stable snake_case id (`reach`, `engagement_rate`, ...); the UI translates it.
    pub id: String,
    pub stage: FunnelStage,
    /// Default unit when the KPI is added.
    pub unit: String,
    /// Followers, likes, reach...: useful context, but not proof of business results.
    pub vanity: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum SuggestionAudience {
    Any,
    B2b,
    B2c,
}

#[derive(Debug, Clone, Deserialize)]
struct Suggestion {
    kind: ObjectiveKind,
    audience: SuggestionAudience,
    metric: String,
    cadence: ReviewCadence,
    en: String,
    ja: String,
}

#[derive(Debug, Clone, Deserialize)]
struct CatalogueFile {
    version: u32,
    metrics: Vec<MetricInfo>,
    suggestions: Vec<Suggestion>,
}

fn file() -> &'static CatalogueFile {
    static FILE: OnceLock<CatalogueFile> = OnceLock::new();
    FILE.get_or_init(|| {
        serde_json::from_str(CATALOGUE_JSON)
            .expect("kpi_catalogue.json is embedded at build time and checked by a unit test")
    })
}

/// Version of the embedded catalogue data.
pub fn version() -> u32 {
    file().version
}

/// Every catalogue metric, in funnel order.
pub fn metrics() -> &'static [MetricInfo] {
    &file().metrics
}

pub fn metric(id: &str) -> Option<&'static MetricInfo> {
    metrics().iter().find(|m| m.id == id)
}

/// Whether `id` is a vanity metric (unknown and custom metrics are not judged).
pub fn is_vanity(id: &str) -> bool {
    metric(id).is_some_and(|m| m.vanity)
}

/// The KPIs Plotline suggests for an objective of `kind`, tuned to who the business sells
/// to, named in the workspace language. They are ordinary inputs: the user edits them.
pub fn suggested_kpis(
    kind: ObjectiveKind,
    audience: Audience,
    language: Language,
) -> Vec<KpiInput> {
    file()
        .suggestions
        .iter()
        .filter(|s| s.kind == kind)
        .filter(|s| match (s.audience, audience) {
            (SuggestionAudience::Any, _) | (_, Audience::Both) => true,
            (SuggestionAudience::B2b, a) => a == Audience::B2b,
            (SuggestionAudience::B2c, a) => a == Audience::B2c,
        })
        .filter_map(|s| {
            let m = metric(&s.metric)?;
            Some(KpiInput {
                id: None,
                name: match language {
                    Language::En => s.en.clone(),
                    Language::Ja => s.ja.clone(),
                },
                stage: crate::db::codec::to_db(&m.stage).unwrap_or_default(),
                metric: m.id.clone(),
                baseline: String::new(),
                target: String::new(),
                unit: m.unit.clone(),
                cadence: s.cadence,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn embedded_catalogue_loads_and_is_consistent() {
        let f: CatalogueFile = serde_json::from_str(CATALOGUE_JSON).expect("valid catalogue");
        assert!(f.version >= 1);
        let ids: HashSet<&str> = f.metrics.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids.len(), f.metrics.len(), "metric ids are unique");
        for required in [
            "reach",
            "impressions",
            "video_views",
            "branded_hashtag_uses",
            "engagements",
            "engagement_rate",
            "profile_visits",
            "follower_growth",
            "link_clicks",
            "social_sessions",
            "conversions",
            "conversion_rate",
            "revenue",
            "cpa",
            "roas",
            "ugc_volume",
            "mentions",
            "nps",
            "repeat_purchase_rate",
        ] {
            assert!(
                ids.contains(required),
                "{required} missing from the catalogue"
            );
        }
        assert!(!ids.contains(CUSTOM_METRIC));
        for s in &f.suggestions {
            assert!(
                ids.contains(s.metric.as_str()),
                "suggestion uses unknown metric {}",
                s.metric
            );
            assert!(!s.en.trim().is_empty() && !s.ja.trim().is_empty());
        }
        // Every objective kind has suggestions, and every funnel stage has metrics.
        for kind in ObjectiveKind::ALL {
            assert!(
                f.suggestions.iter().any(|s| s.kind == kind),
                "{kind:?} has no suggestions"
            );
        }
        for stage in FunnelStage::ALL {
            assert!(
                f.metrics.iter().any(|m| m.stage == stage),
                "{stage:?} has no metric"
            );
        }
    }

    #[test]
    fn b2b_and_b2c_get_different_lead_and_order_suggestions() {
        let b2b = suggested_kpis(ObjectiveKind::LeadAcquisition, Audience::B2b, Language::En);
        let names: Vec<&str> = b2b.iter().map(|k| k.name.as_str()).collect();
        assert!(names.iter().any(|n| n.contains("MQL")), "{names:?}");
        assert!(names.iter().any(|n| n.contains("Webinar")), "{names:?}");
        let b2c = suggested_kpis(
            ObjectiveKind::PurchaseConversion,
            Audience::B2c,
            Language::En,
        );
        let names: Vec<&str> = b2c.iter().map(|k| k.name.as_str()).collect();
        assert!(
            names.iter().any(|n| n.contains("Online orders")),
            "{names:?}"
        );
        assert!(
            names.iter().any(|n| n.contains("Store visits")),
            "{names:?}"
        );
        assert!(!names.iter().any(|n| n.contains("Quote")), "{names:?}");
        let ja = suggested_kpis(
            ObjectiveKind::PurchaseConversion,
            Audience::B2c,
            Language::Ja,
        );
        assert!(ja.iter().any(|k| k.name.contains("オンライン注文")));
        assert!(
            ja.iter().all(|k| k.stage == "action"),
            "stages follow the metric"
        );
    }

    #[test]
    fn vanity_metrics_are_the_follower_and_like_kind() {
        assert!(is_vanity("follower_growth"));
        assert!(is_vanity("engagements"));
        assert!(!is_vanity("conversions"));
        assert!(!is_vanity(CUSTOM_METRIC));
    }
}
