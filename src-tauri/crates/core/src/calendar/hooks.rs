//! Seasonal hooks: recurring moments a small shop can plan posts around (gift days,
//! seasons, school and shopping calendars). They are planning prompts, not public holidays.
//!
//! The catalogue is one data file, `hooks.json`: each hook has a date rule (a fixed day such as
//! 14 February, or "the nth weekday of a month" such as the second Sunday of May, optionally
//! shifted by some days: Black Friday is the day after the fourth Thursday of November), the
//! countries it belongs to (none: everywhere), the industries it suits (none: every business),
//! and its name and a post idea in English and Japanese. Dates are computed for every year the
//! visible range touches.

use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::workspace::Industry;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SeasonalHook {
    /// Stable catalogue id (`mothers_day`).
    pub id: String,
    /// The local date of the moment in the requested range.
    pub date: String,
    pub en: String,
    pub ja: String,
    /// A post idea for the moment.
    pub idea_en: String,
    pub idea_ja: String,
}

/// When a hook falls in a given year.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DateRule {
    pub month: u32,
    /// A fixed day of the month; or, with `weekday` and `nth`, a weekday rule.
    #[serde(default)]
    pub day: Option<u32>,
    /// `mon` … `sun`.
    #[serde(default)]
    pub weekday: Option<String>,
    /// 1–5 for the first … fifth such weekday, -1 for the last.
    #[serde(default)]
    pub nth: Option<i32>,
    /// Days added after the rule's date (Black Friday: the 4th Thursday + 1).
    #[serde(default)]
    pub offset_days: i64,
}

/// One catalogue entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CatalogueHook {
    pub id: String,
    pub rule: DateRule,
    /// ISO country codes (`JP`, `US`); empty: everywhere.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Industries it suits; empty: every business.
    #[serde(default)]
    pub industries: Vec<Industry>,
    pub en: String,
    pub ja: String,
    pub idea_en: String,
    pub idea_ja: String,
}

const CATALOGUE_JSON: &str = include_str!("hooks.json");

/// The whole catalogue (parsed once; a test checks the file parses and every rule has a date).
pub fn catalogue() -> &'static [CatalogueHook] {
    static CATALOGUE: OnceLock<Vec<CatalogueHook>> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        serde_json::from_str(CATALOGUE_JSON).expect("hooks.json is checked by a unit test")
    })
}

fn weekday(s: &str) -> Option<Weekday> {
    Some(match s {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

impl DateRule {
    /// The date in `year`, or `None` when the rule has no such day that year (a fifth Monday).
    pub fn date_in(&self, year: i32) -> Option<NaiveDate> {
        let base = match (self.day, self.weekday.as_deref(), self.nth) {
            (Some(day), None, None) => NaiveDate::from_ymd_opt(year, self.month, day)?,
            (None, Some(wd), Some(-1)) => {
                let wd = weekday(wd)?;
                let next = if self.month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(year, self.month + 1, 1)?
                };
                let last = next.pred_opt()?;
                let back =
                    (7 + last.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                last - Duration::days(i64::from(back))
            }
            (None, Some(wd), Some(n)) if (1..=5).contains(&n) => {
                let n = u8::try_from(n).ok()?;
                NaiveDate::from_weekday_of_month_opt(year, self.month, weekday(wd)?, n)?
            }
            _ => return None,
        };
        base.checked_add_signed(Duration::days(self.offset_days))
    }
}

impl CatalogueHook {
    /// Whether the hook suits a business in one of `countries` and (when known) `industry`.
    pub fn applies(&self, countries: &[&str], industry: Option<Industry>) -> bool {
        let country_ok = self.countries.is_empty()
            || self
                .countries
                .iter()
                .any(|c| countries.contains(&c.as_str()));
        let industry_ok =
            self.industries.is_empty() || industry.is_none_or(|i| self.industries.contains(&i));
        country_ok && industry_ok
    }
}

fn date(field: &str, s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::field(field, "Use a date such as 2026-12-31."))
}

/// Hooks whose day falls in the local dates [from, to) for a business in one of `countries`
/// (from its time zone) and, when known, of `industry`; in date order.
pub fn hooks_in(
    from: &str,
    to: &str,
    countries: &[&str],
    industry: Option<Industry>,
) -> Result<Vec<SeasonalHook>> {
    let (from, to) = (date("from", from)?, date("to", to)?);
    let mut out = Vec::new();
    for year in from.year()..=to.year() {
        for hook in catalogue() {
            if !hook.applies(countries, industry) {
                continue;
            }
            let Some(day) = hook.rule.date_in(year) else {
                continue;
            };
            if day >= from && day < to {
                out.push(SeasonalHook {
                    id: hook.id.clone(),
                    date: day.to_string(),
                    en: hook.en.clone(),
                    ja: hook.ja.clone(),
                    idea_en: hook.idea_en.clone(),
                    idea_ja: hook.idea_ja.clone(),
                });
            }
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn find(id: &str) -> &'static CatalogueHook {
        catalogue()
            .iter()
            .find(|h| h.id == id)
            .expect("hook in the catalogue")
    }

    #[test]
    fn the_catalogue_parses_with_unique_ids_names_in_both_languages_and_a_date_every_year() {
        let all = catalogue();
        assert!(all.len() >= 20, "{}", all.len());
        let mut ids: Vec<&str> = all.iter().map(|h| h.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len(), "ids are unique");
        for h in all {
            assert!(
                !h.en.trim().is_empty() && !h.ja.trim().is_empty(),
                "{}",
                h.id
            );
            assert!(
                !h.idea_en.trim().is_empty() && !h.idea_ja.trim().is_empty(),
                "{}",
                h.id
            );
            for c in &h.countries {
                assert!(["JP", "US"].contains(&c.as_str()), "{}: {c}", h.id);
            }
            for year in 2024..=2035 {
                assert!(h.rule.date_in(year).is_some(), "{} in {year}", h.id);
            }
        }
    }

    #[test]
    fn weekday_rules_are_computed_for_each_year() {
        // Mother's Day: the second Sunday of May.
        assert_eq!(
            find("mothers_day").rule.date_in(2026),
            Some(d("2026-05-10"))
        );
        assert_eq!(
            find("mothers_day").rule.date_in(2027),
            Some(d("2027-05-09"))
        );
        // Father's Day: the third Sunday of June.
        assert_eq!(
            find("fathers_day").rule.date_in(2026),
            Some(d("2026-06-21"))
        );
        // Respect for the Aged Day: the third Monday of September.
        assert_eq!(
            find("respect_for_the_aged_day").rule.date_in(2026),
            Some(d("2026-09-21"))
        );
        // Thanksgiving and the shopping days after it.
        assert_eq!(
            find("thanksgiving_us").rule.date_in(2026),
            Some(d("2026-11-26"))
        );
        assert_eq!(
            find("black_friday").rule.date_in(2026),
            Some(d("2026-11-27"))
        );
        assert_eq!(
            find("black_friday").rule.date_in(2027),
            Some(d("2027-11-26"))
        );
        assert_eq!(
            find("small_business_saturday").rule.date_in(2028),
            Some(d("2028-11-25"))
        );
        // Fixed days stay put.
        assert_eq!(find("tanabata").rule.date_in(2031), Some(d("2031-07-07")));
        // "Last" weekday and rules without such a day.
        let last_monday_of_may = DateRule {
            month: 5,
            day: None,
            weekday: Some("mon".into()),
            nth: Some(-1),
            offset_days: 0,
        };
        assert_eq!(last_monday_of_may.date_in(2026), Some(d("2026-05-25")));
        let last_sunday_of_december = DateRule {
            month: 12,
            weekday: Some("sun".into()),
            ..last_monday_of_may.clone()
        };
        assert_eq!(last_sunday_of_december.date_in(2026), Some(d("2026-12-27")));
        let fifth_monday_of_february = DateRule {
            month: 2,
            nth: Some(5),
            ..last_monday_of_may.clone()
        };
        assert_eq!(fifth_monday_of_february.date_in(2026), None);
        let both = DateRule {
            day: Some(3),
            ..last_monday_of_may
        };
        assert_eq!(
            both.date_in(2026),
            None,
            "a rule is a day or a weekday, not both"
        );
    }

    #[test]
    fn hooks_fall_in_range_across_a_year_end() {
        let h = hooks_in("2026-12-20", "2027-02-15", &["JP"], None).expect("dates");
        let names: Vec<&str> = h.iter().map(|h| h.en.as_str()).collect();
        assert_eq!(
            names,
            [
                "Christmas",
                "Year-end closing",
                "New Year",
                "Setsubun",
                "Valentine's Day"
            ]
        );
        let us = hooks_in("2026-12-20", "2027-02-15", &["US"], None).expect("dates");
        assert_eq!(us.len(), 3, "Japanese-only hooks are left out elsewhere");
        assert!(hooks_in("2026-13-01", "2027-01-01", &["JP"], None).is_err());
    }

    #[test]
    fn country_and_industry_choose_the_hooks() {
        let ids = |countries: &[&str], industry: Option<Industry>| -> Vec<String> {
            hooks_in("2026-11-01", "2026-12-01", countries, industry)
                .expect("dates")
                .into_iter()
                .map(|h| format!("{} {}", h.date, h.id))
                .collect()
        };
        assert_eq!(
            ids(&["US"], Some(Industry::BakeryFood)),
            [
                "2026-11-26 thanksgiving_us",
                "2026-11-27 black_friday",
                "2026-11-28 small_business_saturday"
            ]
        );
        assert_eq!(
            ids(&["JP"], Some(Industry::BakeryFood)),
            ["2026-11-27 black_friday"]
        );
        // A consultancy gets no retail shopping days.
        assert_eq!(
            ids(&["US"], Some(Industry::ProfessionalServices)),
            ["2026-11-26 thanksgiving_us"]
        );
        // Unknown industry: every hook of the country.
        assert_eq!(ids(&["JP", "US"], None).len(), 3);
        let may = hooks_in(
            "2026-05-01",
            "2026-06-01",
            &["JP"],
            Some(Industry::BakeryFood),
        )
        .expect("dates");
        let may: Vec<(&str, &str)> = may
            .iter()
            .map(|h| (h.date.as_str(), h.ja.as_str()))
            .collect();
        assert_eq!(may, [("2026-05-10", "母の日")]);
        let agency =
            hooks_in("2026-03-01", "2026-04-01", &["JP"], Some(Industry::Agency)).expect("dates");
        assert!(agency.iter().any(|h| h.id == "fiscal_year_end_jp"));
        assert!(!agency.iter().any(|h| h.id == "hinamatsuri"));
    }
}
