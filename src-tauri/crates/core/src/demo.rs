//! The sample business: a small neighbourhood bakery in Tokyo. Later features add its
//! objectives, personas, pillars and posts here, so the sample grows with the app.

use crate::db::Store;
use crate::error::Result;
use crate::workspace::{self, Audience, Industry, Language, WeekStart, Workspace, WorkspaceInput};

pub fn sample_profile(language: Language) -> WorkspaceInput {
    let name = match language {
        Language::En => "Komorebi Bakery",
        Language::Ja => "こもれびベーカリー",
    };
    WorkspaceInput {
        name: name.into(),
        industry: Industry::BakeryFood,
        audience: Audience::B2c,
        time_zone: "Asia/Tokyo".into(),
        language,
        week_start: match language {
            Language::En => WeekStart::Monday,
            Language::Ja => WeekStart::Sunday,
        },
    }
}

/// Seed the sample bakery into an empty workspace, all in one transaction.
pub fn seed_sample(store: &Store, language: Language) -> Result<Workspace> {
    store.write(|tx| workspace::create_sample(tx, &sample_profile(language)))
}
