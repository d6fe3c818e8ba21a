//! Timestamps and ids shared by every domain.

/// Now, as stored in every `created_at` / `updated_at` column: RFC 3339 UTC with
/// milliseconds (`2026-11-24T09:30:00.123Z`), which sorts correctly as text.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A new stable id for a user-data row: a UUID v7 string (time-ordered, unique across
/// machines, so plan bundles from teammates merge by id without collisions).
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_time_ordered() {
        let a = new_id();
        let b = new_id();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert!(a < b || a[..13] == b[..13]);
    }

    #[test]
    fn timestamps_are_utc_with_milliseconds() {
        let t = now();
        assert!(t.ends_with('Z') && t.len() == 24, "{t}");
    }
}
