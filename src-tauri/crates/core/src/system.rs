//! Facts about the computer Plotline runs on, as plain decisions that can be tested.

use crate::workspace::Language;
use serde::Serialize;

/// Defaults offered on first run.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SystemDefaults {
    pub time_zone: String,
    pub language: Language,
}

pub fn defaults() -> SystemDefaults {
    // A TZ set in the environment is what the user's programs use; then the OS setting.
    let os_zone = std::env::var("TZ")
        .ok()
        .map(|tz| tz.trim_start_matches(':').to_string())
        .filter(|tz| tz.parse::<chrono_tz::Tz>().is_ok())
        .or_else(|| iana_time_zone::get_timezone().ok());
    SystemDefaults {
        time_zone: pick_time_zone(os_zone),
        language: pick_language(sys_locale::get_locale()),
    }
}

/// The OS time zone as it appears in the picker ([`time_zones`]); aliases of UTC such as
/// `Etc/UTC` become `UTC`, and anything else unknown falls back to UTC.
pub fn pick_time_zone(os: Option<String>) -> String {
    let Some(zone) = os.and_then(|tz| tz.parse::<chrono_tz::Tz>().ok()) else {
        return "UTC".to_string();
    };
    let name = zone.name().to_string();
    if time_zones().contains(&name) {
        name
    } else {
        "UTC".to_string()
    }
}

/// Japanese when the OS locale is Japanese, otherwise English.
pub fn pick_language(locale: Option<String>) -> Language {
    match locale {
        Some(l) if l.to_ascii_lowercase().starts_with("ja") => Language::Ja,
        _ => Language::En,
    }
}

/// IANA time-zone names for the picker: canonical region/city names plus UTC, sorted.
pub fn time_zones() -> Vec<String> {
    let mut zones: Vec<String> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name().to_string())
        .filter(|n| {
            n == "UTC"
                || (n.contains('/')
                    && !n.starts_with("Etc/")
                    && !n.starts_with("SystemV/")
                    && !n.starts_with("US/")
                    && n.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        })
        .collect();
    zones.sort();
    zones.dedup();
    zones
}

/// R5: WebKitGTK shows a blank window on some NVIDIA drivers unless its DMA-BUF renderer
/// is off. Turn it off only when an NVIDIA driver is present and the user has not chosen.
pub fn should_disable_dmabuf(user_value: Option<&std::ffi::OsStr>, nvidia_driver: bool) -> bool {
    user_value.is_none() && nvidia_driver
}

/// Whether the proprietary NVIDIA kernel driver is loaded (Linux).
pub fn nvidia_driver_present() -> bool {
    std::path::Path::new("/proc/driver/nvidia/version").exists()
        || std::path::Path::new("/sys/module/nvidia").exists()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn dmabuf_renderer_disabled_only_for_nvidia_when_user_has_not_chosen() {
        assert!(should_disable_dmabuf(None, true));
        assert!(!should_disable_dmabuf(None, false));
        assert!(!should_disable_dmabuf(Some(OsStr::new("0")), true));
        assert!(!should_disable_dmabuf(Some(OsStr::new("1")), false));
    }

    #[test]
    fn unknown_os_time_zone_falls_back_to_utc() {
        assert_eq!(pick_time_zone(Some("Asia/Tokyo".into())), "Asia/Tokyo");
        assert_eq!(pick_time_zone(Some("Mars/Olympus".into())), "UTC");
        assert_eq!(pick_time_zone(Some("Etc/UTC".into())), "UTC");
        assert_eq!(pick_time_zone(Some("Etc/GMT+5".into())), "UTC");
        assert_eq!(pick_time_zone(None), "UTC");
    }

    #[test]
    fn japanese_locale_picks_japanese() {
        assert_eq!(pick_language(Some("ja-JP".into())), Language::Ja);
        assert_eq!(pick_language(Some("ja_JP.UTF-8".into())), Language::Ja);
        assert_eq!(pick_language(Some("en-GB".into())), Language::En);
        assert_eq!(pick_language(None), Language::En);
    }

    #[test]
    fn time_zone_list_is_sorted_and_has_the_usual_suspects() {
        let zones = time_zones();
        assert!(zones.windows(2).all(|w| w[0] < w[1]));
        for z in ["Asia/Tokyo", "Europe/London", "America/New_York", "UTC"] {
            assert!(zones.iter().any(|x| x == z), "{z} missing");
        }
        assert!(!zones.iter().any(|z| z.starts_with("Etc/")));
    }
}
