//! The metric math: raw counts, the derived metrics and how missing values are handled.
//!
//! * engagement = likes + comments + shares + saves (the counts that are known; `None`
//!   when none of the four is known).
//! * engagement rate = engagement ÷ reach; when reach is unknown or zero it falls back to
//!   engagement ÷ impressions and says so in `rate_base`.
//! * CTR = clicks ÷ impressions (falls back to reach the same way).
//! * conversion rate = conversions ÷ clicks.
//!
//! A rate with an unknown or zero denominator is `None` (never NaN, never infinity).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The raw numbers of a post (every one optional: owners type what they have).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    pub impressions: Option<u32>,
    pub reach: Option<u32>,
    pub likes: Option<u32>,
    pub comments: Option<u32>,
    pub shares: Option<u32>,
    pub saves: Option<u32>,
    pub clicks: Option<u32>,
    pub profile_visits: Option<u32>,
    pub video_views: Option<u32>,
    pub conversions: Option<u32>,
    /// In the workspace's currency.
    pub revenue: Option<f64>,
}

/// What an engagement rate was divided by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum RateBase {
    Reach,
    Impressions,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Derived {
    pub engagement: Option<u32>,
    /// A fraction (0.05 = 5 %).
    pub engagement_rate: Option<f64>,
    pub rate_base: Option<RateBase>,
    /// Clicks ÷ impressions (or reach), a fraction.
    pub ctr: Option<f64>,
    /// Conversions ÷ clicks, a fraction.
    pub conversion_rate: Option<f64>,
}

/// `num ÷ den` as a finite fraction, or `None` when either is unknown or `den` is zero.
pub fn ratio(num: Option<f64>, den: Option<f64>) -> Option<f64> {
    match (num, den) {
        (Some(n), Some(d)) if d > 0.0 && n.is_finite() && d.is_finite() => {
            let r = n / d;
            r.is_finite().then_some(r)
        }
        _ => None,
    }
}

fn add(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    match (a, b) {
        (None, None) => None,
        (x, y) => Some(x.unwrap_or(0).saturating_add(y.unwrap_or(0))),
    }
}

fn f(v: Option<u32>) -> Option<f64> {
    v.map(f64::from)
}

impl Metrics {
    /// Refuse impossible numbers (the UI checks first; this guards imports and the CLI).
    pub fn validate(&self) -> Result<()> {
        if let Some(r) = self.revenue {
            if !r.is_finite() || r < 0.0 {
                return Err(Error::field(
                    "revenue",
                    "Revenue must be a number of 0 or more.",
                ));
            }
        }
        Ok(())
    }

    /// True when not a single number is known.
    pub fn is_empty(&self) -> bool {
        *self == Metrics::default()
    }

    /// Reach above impressions is possible only when the two came from different days or
    /// sources: worth a warning, not an error.
    pub fn reach_exceeds_impressions(&self) -> bool {
        matches!((self.reach, self.impressions), (Some(r), Some(i)) if r > i)
    }

    pub fn engagement(&self) -> Option<u32> {
        add(add(self.likes, self.comments), add(self.shares, self.saves))
    }

    /// The denominator of the engagement rate and which one it is.
    pub fn rate_denominator(&self) -> Option<(f64, RateBase)> {
        match (self.reach, self.impressions) {
            (Some(r), _) if r > 0 => Some((f64::from(r), RateBase::Reach)),
            (_, Some(i)) if i > 0 => Some((f64::from(i), RateBase::Impressions)),
            _ => None,
        }
    }

    pub fn derived(&self) -> Derived {
        let engagement = self.engagement();
        let (engagement_rate, rate_base) = match (engagement, self.rate_denominator()) {
            (Some(e), Some((d, base))) => (ratio(Some(f64::from(e)), Some(d)), Some(base)),
            _ => (None, None),
        };
        let views = match (self.impressions, self.reach) {
            (Some(i), _) if i > 0 => Some(f64::from(i)),
            (_, Some(r)) if r > 0 => Some(f64::from(r)),
            _ => None,
        };
        Derived {
            engagement,
            engagement_rate,
            rate_base,
            ctr: ratio(f(self.clicks), views),
            conversion_rate: ratio(f(self.conversions), f(self.clicks)),
        }
    }

    /// Field-wise sum (unknown + unknown stays unknown).
    pub fn plus(&self, o: &Metrics) -> Metrics {
        Metrics {
            impressions: add(self.impressions, o.impressions),
            reach: add(self.reach, o.reach),
            likes: add(self.likes, o.likes),
            comments: add(self.comments, o.comments),
            shares: add(self.shares, o.shares),
            saves: add(self.saves, o.saves),
            clicks: add(self.clicks, o.clicks),
            profile_visits: add(self.profile_visits, o.profile_visits),
            video_views: add(self.video_views, o.video_views),
            conversions: add(self.conversions, o.conversions),
            revenue: match (self.revenue, o.revenue) {
                (None, None) => None,
                (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engagement_rate_uses_reach_then_impressions() {
        let m = Metrics {
            reach: Some(200),
            impressions: Some(400),
            likes: Some(10),
            comments: Some(2),
            saves: Some(8),
            ..Metrics::default()
        };
        let d = m.derived();
        assert_eq!(d.engagement, Some(20));
        assert_eq!(d.engagement_rate, Some(0.1));
        assert_eq!(d.rate_base, Some(RateBase::Reach));

        let no_reach = Metrics {
            reach: Some(0),
            ..m.clone()
        };
        let d = no_reach.derived();
        assert_eq!(d.engagement_rate, Some(0.05));
        assert_eq!(d.rate_base, Some(RateBase::Impressions));
    }

    #[test]
    fn zero_or_missing_denominators_give_none_not_nan() {
        let m = Metrics {
            reach: Some(0),
            impressions: Some(0),
            likes: Some(3),
            clicks: Some(0),
            conversions: Some(2),
            ..Metrics::default()
        };
        let d = m.derived();
        assert_eq!(d.engagement, Some(3));
        assert_eq!(d.engagement_rate, None);
        assert_eq!(d.rate_base, None);
        assert_eq!(d.ctr, None);
        assert_eq!(d.conversion_rate, None);
        let empty = Metrics::default().derived();
        assert_eq!(empty, Derived::default());
        assert!(Metrics::default().is_empty());
    }

    #[test]
    fn ctr_and_conversion_rate() {
        let m = Metrics {
            impressions: Some(1000),
            clicks: Some(50),
            conversions: Some(5),
            ..Metrics::default()
        };
        let d = m.derived();
        assert_eq!(d.ctr, Some(0.05));
        assert_eq!(d.conversion_rate, Some(0.1));
        assert_eq!(d.engagement, None);
    }

    #[test]
    fn sums_keep_unknown_unknown() {
        let a = Metrics {
            likes: Some(2),
            ..Metrics::default()
        };
        let b = Metrics {
            likes: Some(3),
            reach: Some(10),
            ..Metrics::default()
        };
        let s = a.plus(&b);
        assert_eq!(s.likes, Some(5));
        assert_eq!(s.reach, Some(10));
        assert_eq!(s.impressions, None);
        assert!(!b.reach_exceeds_impressions());
        let warn = Metrics {
            reach: Some(11),
            impressions: Some(10),
            ..Metrics::default()
        };
        assert!(warn.reach_exceeds_impressions());
        assert!(Metrics {
            revenue: Some(f64::NAN),
            ..Metrics::default()
        }
        .validate()
        .is_err());
    }
}
