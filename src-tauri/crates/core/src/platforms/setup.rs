//! The workspace's chosen platforms, its saved wizard answers and the account design of
//! each active platform.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::recommend::WizardAnswers;
use super::text::{check_field, TextCheck, TextField};
use super::{get, Localized, Placement, PLATFORM_IDS};
use crate::clock::{new_id, now};
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};

/// Tables of the platforms domain (one migration).
pub const SCHEMA: &str = "
CREATE TABLE active_platform (
    id           TEXT PRIMARY KEY,
    platform_id  TEXT NOT NULL UNIQUE,
    position     INTEGER NOT NULL CHECK (position >= 0),
    chosen_at    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE platform_wizard_answers (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    answers     TEXT NOT NULL CHECK (json_valid(answers)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE account_design (
    id              TEXT PRIMARY KEY,
    platform_id     TEXT NOT NULL UNIQUE,
    concept         TEXT NOT NULL DEFAULT '',
    tone_words      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tone_words)),
    dos             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(dos)),
    donts           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(donts)),
    emoji_use       TEXT NOT NULL DEFAULT 'light'
                    CHECK (emoji_use IN ('none', 'light', 'moderate', 'heavy')),
    sample_phrases  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sample_phrases)),
    bio             TEXT NOT NULL DEFAULT '',
    handle          TEXT NOT NULL DEFAULT '',
    link            TEXT NOT NULL DEFAULT '',
    checklist_done  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(checklist_done)),
    pinned_post     TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
";

/// More active platforms than this, with low or unknown capacity, shows a warning.
pub const MANY_PLATFORMS: usize = 3;
/// Below this many hours a week, more than [`MANY_PLATFORMS`] platforms is "too many".
pub const LOW_CAPACITY_HOURS: f64 = 10.0;
pub const LIST_MAX_ITEMS: usize = 12;
pub const ITEM_MAX_CHARS: usize = 200;
pub const CONCEPT_MAX_CHARS: usize = 300;
pub const HANDLE_MAX_CHARS: usize = 64;
pub const PINNED_MAX_CHARS: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ActivePlatform {
    pub platform_id: String,
    pub position: u32,
    pub chosen_at: String,
}

/// What the Platforms section shows: chosen platforms, saved answers, warnings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlatformSetup {
    pub active: Vec<ActivePlatform>,
    pub wizard_answers: Option<WizardAnswers>,
    /// The "too many platforms" pitfall, when it applies.
    pub warning: Option<Localized>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum EmojiUse {
    None,
    Light,
    Moderate,
    Heavy,
}

/// The account design form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountDesignInput {
    pub platform_id: String,
    /// One sentence: who it's for, what it offers, in what style.
    pub concept: String,
    pub tone_words: Vec<String>,
    pub dos: Vec<String>,
    pub donts: Vec<String>,
    pub emoji_use: EmojiUse,
    pub sample_phrases: Vec<String>,
    pub bio: String,
    pub handle: String,
    pub link: String,
    /// Images (profile, cover, banner) already made at the catalogue's size.
    pub checklist_done: Vec<Placement>,
    pub pinned_post: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    pub placement: Placement,
    pub width: u32,
    pub height: u32,
    pub aspect: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountDesign {
    pub design: AccountDesignInput,
    pub bio_check: TextCheck,
    pub checklist: Vec<ChecklistItem>,
    /// 0–100: share of the ten parts filled in.
    pub completeness: u8,
    /// camelCase names of the parts still missing.
    pub missing: Vec<String>,
    pub updated_at: Option<String>,
}

fn empty_design(platform_id: &str) -> AccountDesignInput {
    AccountDesignInput {
        platform_id: platform_id.to_string(),
        concept: String::new(),
        tone_words: Vec::new(),
        dos: Vec::new(),
        donts: Vec::new(),
        emoji_use: EmojiUse::Light,
        sample_phrases: Vec::new(),
        bio: String::new(),
        handle: String::new(),
        link: String::new(),
        checklist_done: Vec::new(),
        pinned_post: String::new(),
    }
}

const CHECKLIST_PLACEMENTS: [Placement; 3] =
    [Placement::Profile, Placement::Cover, Placement::Banner];

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| Error::Invalid(format!("Could not store the value: {e}")))
}

fn parse_json<T: for<'de> Deserialize<'de>>(s: String, idx: usize) -> rusqlite::Result<T> {
    serde_json::from_str(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub fn active_platforms(conn: &Connection) -> Result<Vec<ActivePlatform>> {
    let mut stmt = conn.prepare(
        "SELECT platform_id, position, chosen_at FROM active_platform ORDER BY position, platform_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ActivePlatform {
            platform_id: r.get(0)?,
            position: r.get(1)?,
            chosen_at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn wizard_answers(conn: &Connection) -> Result<Option<WizardAnswers>> {
    Ok(conn
        .query_row(
            "SELECT answers FROM platform_wizard_answers WHERE id = 1",
            [],
            |r| parse_json(r.get(0)?, 0),
        )
        .optional()?)
}

fn warning(active: usize, answers: Option<&WizardAnswers>) -> Option<Localized> {
    if active <= MANY_PLATFORMS {
        return None;
    }
    let hours = answers.map(|a| a.capacity.hours_per_week);
    match hours {
        Some(h) if h >= LOW_CAPACITY_HOURS => None,
        Some(h) => Some(Localized::new(
            format!("Too many platforms: {active} platforms with {h} hours a week means none gets enough care. Concentrate on one or two and add more once posting is routine."),
            format!("プラットフォームが多すぎます：週{h}時間で{active}つでは、どれも手が回りません。1〜2つに集中し、投稿が習慣になってから増やしましょう。"),
        )),
        None => Some(Localized::new(
            format!("Too many platforms: {active} platforms is a lot for a small team. Run the wizard to check your capacity, or concentrate on one or two."),
            format!("プラットフォームが多すぎます：小さなチームに{active}つは負担が大きいです。ウィザードで体制を確認するか、1〜2つに集中しましょう。"),
        )),
    }
}

pub fn setup(conn: &Connection) -> Result<PlatformSetup> {
    let active = active_platforms(conn)?;
    let answers = wizard_answers(conn)?;
    let warning = warning(active.len(), answers.as_ref());
    Ok(PlatformSetup {
        active,
        wizard_answers: answers,
        warning,
    })
}

/// Save the wizard's answers so a re-run starts from them.
pub fn save_wizard_answers(tx: &Transaction<'_>, answers: &WizardAnswers) -> Result<PlatformSetup> {
    let answers = answers.validated()?;
    let now = now();
    tx.execute(
        "INSERT INTO platform_wizard_answers (id, answers, created_at, updated_at)
         VALUES (1, ?1, ?2, ?2)
         ON CONFLICT (id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at",
        params![json(&answers)?, now],
    )?;
    setup(tx)
}

/// Make `platform_ids` (in this order) the workspace's active platforms. Platforms that
/// stay keep their `chosenAt`; their account designs are never deleted.
pub fn set_active_platforms(
    tx: &Transaction<'_>,
    platform_ids: &[String],
) -> Result<PlatformSetup> {
    let mut seen: Vec<&str> = Vec::new();
    for id in platform_ids {
        if get(id).is_err() {
            return Err(Error::field(
                "platformIds",
                format!(
                    "'{id}' is not a platform Plotline knows. Pick from: {}.",
                    PLATFORM_IDS.join(", ")
                ),
            ));
        }
        if seen.contains(&id.as_str()) {
            return Err(Error::field(
                "platformIds",
                format!("'{id}' is listed twice: choose it once."),
            ));
        }
        seen.push(id);
    }
    let now = now();
    let existing = active_platforms(tx)?;
    for old in &existing {
        if !seen.contains(&old.platform_id.as_str()) {
            tx.execute(
                "DELETE FROM active_platform WHERE platform_id = ?1",
                [&old.platform_id],
            )?;
        }
    }
    for (pos, id) in seen.iter().enumerate() {
        let pos = u32::try_from(pos).expect("at most twelve platforms");
        tx.execute(
            "INSERT INTO active_platform (id, platform_id, position, chosen_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4, ?4)
             ON CONFLICT (platform_id) DO UPDATE SET position = excluded.position,
                 updated_at = CASE WHEN active_platform.position = excluded.position
                                   THEN active_platform.updated_at ELSE excluded.updated_at END",
            params![new_id(), id, pos, now],
        )?;
    }
    setup(tx)
}

fn clean_list(field: &str, items: &[String]) -> Result<Vec<String>> {
    let list: Vec<String> = items
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if list.len() > LIST_MAX_ITEMS {
        return Err(Error::field(
            field,
            format!("Keep this list to {LIST_MAX_ITEMS} items or fewer."),
        ));
    }
    if list.iter().any(|s| s.chars().count() > ITEM_MAX_CHARS) {
        return Err(Error::field(
            field,
            format!("Keep each item under {ITEM_MAX_CHARS} characters."),
        ));
    }
    Ok(list)
}

fn max_chars(field: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(Error::field(
            field,
            format!("This is too long: keep it to {max} characters."),
        ));
    }
    Ok(())
}

impl AccountDesignInput {
    pub fn validated(&self) -> Result<AccountDesignInput> {
        let platform = get(&self.platform_id)?;
        let concept = self.concept.trim().to_string();
        max_chars("concept", &concept, CONCEPT_MAX_CHARS)?;
        let bio = self.bio.trim().to_string();
        let check = check_field(platform, TextField::Bio, &bio);
        if check.over {
            return Err(Error::field(
                "bio",
                format!(
                    "The profile text is {} long; {} allows {}. Shorten it.",
                    check.length, platform.names.en, check.limit
                ),
            ));
        }
        let handle = self.handle.trim().trim_start_matches('@').to_string();
        if handle.chars().any(char::is_whitespace) {
            return Err(Error::field(
                "handle",
                "A handle has no spaces: use letters, numbers, dots or underscores.",
            ));
        }
        max_chars("handle", &handle, HANDLE_MAX_CHARS)?;
        let link = self.link.trim().to_string();
        if !link.is_empty() && !link.starts_with("https://") && !link.starts_with("http://") {
            return Err(Error::field(
                "link",
                "Enter the full web address, starting with https://",
            ));
        }
        max_chars("link", &link, 500)?;
        let pinned_post = self.pinned_post.trim().to_string();
        max_chars("pinnedPost", &pinned_post, PINNED_MAX_CHARS)?;
        let mut checklist_done = Vec::new();
        for p in &self.checklist_done {
            if platform.media_spec(*p).is_none() || !CHECKLIST_PLACEMENTS.contains(p) {
                return Err(Error::field(
                    "checklistDone",
                    format!("{} has no such profile image.", platform.names.en),
                ));
            }
            if !checklist_done.contains(p) {
                checklist_done.push(*p);
            }
        }
        Ok(AccountDesignInput {
            platform_id: self.platform_id.clone(),
            concept,
            tone_words: clean_list("toneWords", &self.tone_words)?,
            dos: clean_list("dos", &self.dos)?,
            donts: clean_list("donts", &self.donts)?,
            emoji_use: self.emoji_use,
            sample_phrases: clean_list("samplePhrases", &self.sample_phrases)?,
            bio,
            handle,
            link,
            checklist_done,
            pinned_post,
        })
    }
}

fn assess(design: AccountDesignInput, updated_at: Option<String>) -> Result<AccountDesign> {
    let platform = get(&design.platform_id)?;
    let bio_check = check_field(platform, TextField::Bio, &design.bio);
    let checklist: Vec<ChecklistItem> = CHECKLIST_PLACEMENTS
        .iter()
        .filter_map(|p| platform.media_spec(*p))
        .map(|s| ChecklistItem {
            placement: s.id,
            width: s.width,
            height: s.height,
            aspect: s.aspect.clone(),
            done: design.checklist_done.contains(&s.id),
        })
        .collect();
    let parts = [
        ("concept", !design.concept.is_empty()),
        ("toneWords", !design.tone_words.is_empty()),
        ("dos", !design.dos.is_empty()),
        ("donts", !design.donts.is_empty()),
        ("samplePhrases", !design.sample_phrases.is_empty()),
        ("bio", !design.bio.is_empty() && !bio_check.over),
        ("handle", !design.handle.is_empty()),
        ("link", !design.link.is_empty()),
        ("checklist", checklist.iter().all(|c| c.done)),
        ("pinnedPost", !design.pinned_post.is_empty()),
    ];
    let done = parts.iter().filter(|(_, ok)| *ok).count();
    let completeness = u8::try_from(done * 100 / parts.len()).expect("at most 100");
    let missing = parts
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(name, _)| (*name).to_string())
        .collect();
    Ok(AccountDesign {
        design,
        bio_check,
        checklist,
        completeness,
        missing,
        updated_at,
    })
}

/// The account design of a platform (empty when none was saved yet).
pub fn account_design(conn: &Connection, platform_id: &str) -> Result<AccountDesign> {
    get(platform_id)?;
    let row = conn
        .query_row(
            "SELECT concept, tone_words, dos, donts, emoji_use, sample_phrases, bio, handle, link,
                    checklist_done, pinned_post, updated_at
             FROM account_design WHERE platform_id = ?1",
            [platform_id],
            |r| {
                Ok((
                    AccountDesignInput {
                        platform_id: platform_id.to_string(),
                        concept: r.get(0)?,
                        tone_words: parse_json(r.get(1)?, 1)?,
                        dos: parse_json(r.get(2)?, 2)?,
                        donts: parse_json(r.get(3)?, 3)?,
                        emoji_use: from_db(r.get(4)?, 4)?,
                        sample_phrases: parse_json(r.get(5)?, 5)?,
                        bio: r.get(6)?,
                        handle: r.get(7)?,
                        link: r.get(8)?,
                        checklist_done: parse_json(r.get(9)?, 9)?,
                        pinned_post: r.get(10)?,
                    },
                    r.get::<_, String>(11)?,
                ))
            },
        )
        .optional()?;
    match row {
        Some((design, updated_at)) => assess(design, Some(updated_at)),
        None => assess(empty_design(platform_id), None),
    }
}

/// Save the account design of an active platform.
pub fn save_account_design(
    tx: &Transaction<'_>,
    input: &AccountDesignInput,
) -> Result<AccountDesign> {
    let d = input.validated()?;
    let active = active_platforms(tx)?;
    if !active.iter().any(|a| a.platform_id == d.platform_id) {
        return Err(Error::Conflict(format!(
            "{} is not one of your active platforms. Choose it on the Platforms screen first.",
            get(&d.platform_id)?.names.en
        )));
    }
    let now = now();
    tx.execute(
        "INSERT INTO account_design (id, platform_id, concept, tone_words, dos, donts, emoji_use,
                 sample_phrases, bio, handle, link, checklist_done, pinned_post, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)
         ON CONFLICT (platform_id) DO UPDATE SET concept = excluded.concept,
             tone_words = excluded.tone_words, dos = excluded.dos, donts = excluded.donts,
             emoji_use = excluded.emoji_use, sample_phrases = excluded.sample_phrases,
             bio = excluded.bio, handle = excluded.handle, link = excluded.link,
             checklist_done = excluded.checklist_done, pinned_post = excluded.pinned_post,
             updated_at = excluded.updated_at",
        params![
            new_id(),
            d.platform_id,
            d.concept,
            json(&d.tone_words)?,
            json(&d.dos)?,
            json(&d.donts)?,
            to_db(&d.emoji_use)?,
            json(&d.sample_phrases)?,
            d.bio,
            d.handle,
            d.link,
            json(&d.checklist_done)?,
            d.pinned_post,
            now,
        ],
    )?;
    account_design(tx, &d.platform_id)
}
