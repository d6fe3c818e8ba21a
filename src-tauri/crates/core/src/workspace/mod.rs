//! The workspace: the business profile every plan starts from.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock::now;
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};

/// Tables of the workspace domain (schema v1).
pub const SCHEMA_V1: &str = "
CREATE TABLE workspace (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    industry    TEXT NOT NULL,
    audience    TEXT NOT NULL CHECK (audience IN ('b2b', 'b2c', 'both')),
    time_zone   TEXT NOT NULL,
    language    TEXT NOT NULL CHECK (language IN ('en', 'ja')),
    week_start  TEXT NOT NULL CHECK (week_start IN ('monday', 'sunday')),
    is_sample   INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
";

pub const NAME_MAX_CHARS: usize = 80;

/// Who the business sells to; it changes which KPIs and platforms Plotline suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    B2b,
    B2c,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Ja,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum WeekStart {
    Monday,
    Sunday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Industry {
    CafeRestaurant,
    BakeryFood,
    Retail,
    BeautyWellness,
    FashionApparel,
    HospitalityTravel,
    ProfessionalServices,
    Agency,
    B2bTech,
    Manufacturing,
    Education,
    HealthClinic,
    RealEstate,
    Nonprofit,
    Other,
}

/// The business profile as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Workspace {
    pub name: String,
    pub industry: Industry,
    pub audience: Audience,
    /// IANA time zone, e.g. `Asia/Tokyo`; every date in the plan is shown in it.
    pub time_zone: String,
    pub language: Language,
    pub week_start: WeekStart,
    /// True while this is the sample bakery rather than the user's own business.
    pub is_sample: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// What the user fills in on "Set up your business" and in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceInput {
    pub name: String,
    pub industry: Industry,
    pub audience: Audience,
    pub time_zone: String,
    pub language: Language,
    pub week_start: WeekStart,
}

impl WorkspaceInput {
    /// Trimmed and checked; errors say what to change.
    pub fn validated(&self) -> Result<WorkspaceInput> {
        let name = self.name.trim().to_string();
        if name.is_empty() {
            return Err(Error::field(
                "name",
                "Enter your business name (it appears on your plan and exports).",
            ));
        }
        if name.chars().count() > NAME_MAX_CHARS {
            return Err(Error::field(
                "name",
                format!("The business name is too long: keep it to {NAME_MAX_CHARS} characters."),
            ));
        }
        let time_zone = self.time_zone.trim().to_string();
        if time_zone.parse::<chrono_tz::Tz>().is_err() {
            return Err(Error::field(
                "timeZone",
                format!(
                    "'{time_zone}' is not a time zone Plotline knows. Pick one from the list, for \
                     example Asia/Tokyo or Europe/London."
                ),
            ));
        }
        Ok(WorkspaceInput {
            name,
            time_zone,
            ..self.clone()
        })
    }
}

const SELECT: &str =
    "SELECT name, industry, audience, time_zone, language, week_start, is_sample, \
                      created_at, updated_at FROM workspace WHERE id = 1";

pub fn get(conn: &Connection) -> Result<Option<Workspace>> {
    Ok(conn
        .query_row(SELECT, [], |r| {
            Ok(Workspace {
                name: r.get(0)?,
                industry: from_db(r.get(1)?, 1)?,
                audience: from_db(r.get(2)?, 2)?,
                time_zone: r.get(3)?,
                language: from_db(r.get(4)?, 4)?,
                week_start: from_db(r.get(5)?, 5)?,
                is_sample: r.get(6)?,
                created_at: r.get(7)?,
                updated_at: r.get(8)?,
            })
        })
        .optional()?)
}

/// Create the workspace or update it. Saving the same input twice changes nothing but
/// `updated_at`, so the command is safe to repeat.
pub fn save(tx: &Transaction<'_>, input: &WorkspaceInput) -> Result<Workspace> {
    let input = input.validated()?;
    upsert(tx, &input, false)?;
    get(tx)?.ok_or_else(|| Error::NotFound("The business profile could not be read back.".into()))
}

fn upsert(tx: &Transaction<'_>, input: &WorkspaceInput, is_sample: bool) -> Result<()> {
    let now = now();
    tx.execute(
        "INSERT INTO workspace (id, name, industry, audience, time_zone, language, week_start, \
                                is_sample, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, industry = excluded.industry,
             audience = excluded.audience, time_zone = excluded.time_zone,
             language = excluded.language, week_start = excluded.week_start,
             updated_at = excluded.updated_at",
        params![
            input.name,
            to_db(&input.industry)?,
            to_db(&input.audience)?,
            input.time_zone,
            to_db(&input.language)?,
            to_db(&input.week_start)?,
            is_sample,
            now,
        ],
    )?;
    Ok(())
}

/// Create the workspace as the sample business. Refuses when a workspace already exists,
/// so sample data never mixes with a real plan.
pub fn create_sample(tx: &Transaction<'_>, input: &WorkspaceInput) -> Result<Workspace> {
    if let Some(existing) = get(tx)? {
        return Err(Error::Conflict(format!(
            "This data folder already holds a business (\"{}\"). Sample data is only added to an \
             empty workspace: use another data folder (--data-dir or PLOTLINE_DATA_DIR) to explore \
             the sample.",
            existing.name
        )));
    }
    upsert(tx, &input.validated()?, true)?;
    get(tx)?.ok_or_else(|| Error::NotFound("The sample business could not be read back.".into()))
}
