//! Fixtures shared by the crate's unit tests (the integration tests in `tests/` have
//! `tests/common`).

use crate::workspace::{self, Language};
use crate::{DataDir, Store};

/// A fresh data folder with the sample bakery's workspace (`demo::sample_profile`: Komorebi
/// Bakery, Tokyo, B2C) in `language`. Keep the `TempDir` alive as long as the store.
pub(crate) fn bakery_store(language: Language) -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().expect("tmp");
    let store = Store::open(&DataDir::at(tmp.path().join("data"))).expect("open");
    store
        .write(|tx| workspace::save(tx, &crate::demo::sample_profile(language)))
        .expect("workspace");
    (tmp, store)
}
