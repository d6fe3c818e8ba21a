//! Fixtures shared by the crate's unit tests (the integration tests in `tests/` have
//! `tests/common`).

use crate::workspace::{self, Audience, Industry, Language, WeekStart, WorkspaceInput};
use crate::{DataDir, Store};

/// A fresh data folder with the sample bakery's workspace: Komorebi Bakery, Tokyo, B2C, in
/// `language`. Keep the `TempDir` alive as long as the store.
pub(crate) fn bakery_store(language: Language) -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().expect("tmp");
    let store = Store::open(&DataDir::at(tmp.path().join("data"))).expect("open");
    store
        .write(|tx| {
            workspace::save(
                tx,
                &WorkspaceInput {
                    name: "Komorebi Bakery".into(),
                    industry: Industry::CafeRestaurant,
                    audience: Audience::B2c,
                    time_zone: "Asia/Tokyo".into(),
                    language,
                    week_start: WeekStart::Monday,
                },
            )
        })
        .expect("workspace");
    (tmp, store)
}
