//! Personas: who the plan is for, with the evidence behind every fact (DOMAIN.md §2).

pub mod templates;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock::{new_id, now};
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};
use crate::strategy::parse_date;

pub const NAME_MAX_CHARS: usize = 60;

/// Avatar colours; the UI maps each to a design token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum AvatarColor {
    Sage,
    Clay,
    Sky,
    Plum,
    Sand,
    Rose,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Interview,
    Survey,
    Support,
    Sales,
    Analytics,
    Ugc,
    Assumption,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum UsageFrequency {
    Daily,
    Weekly,
    Monthly,
    Rarely,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Demographics {
    pub age_range: String,
    pub gender: String,
    pub occupation: String,
    pub location: String,
    pub household: String,
    pub income_band: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Psychographics {
    pub values: Vec<String>,
    pub interests: Vec<String>,
    pub information_sources: Vec<String>,
    pub decision_factors: Vec<String>,
    pub pain_points: Vec<String>,
    pub goals: Vec<String>,
    pub objections: Vec<String>,
}

/// Hours `from`..`to` (0–24, `to` exclusive) on `weekday`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ActiveHours {
    pub weekday: Weekday,
    pub from: u8,
    pub to: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SocialUsage {
    /// Platform id such as `instagram`, `x`, `tiktok`, `youtube`, `line`.
    pub platform: String,
    pub frequency: UsageFrequency,
    pub active_hours: Vec<ActiveHours>,
    pub account_types: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub id: String,
    pub kind: EvidenceKind,
    pub note: String,
    /// `YYYY-MM-DD`, when known.
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Persona {
    pub id: String,
    pub name: String,
    /// Up to two letters for the avatar, derived from the name.
    pub initials: String,
    pub color: AvatarColor,
    pub quote: String,
    pub is_primary: bool,
    pub archived: bool,
    pub sort_order: i32,
    pub demographics: Demographics,
    pub psychographics: Psychographics,
    pub social_usage: Vec<SocialUsage>,
    pub evidence: Vec<Evidence>,
    /// True when nothing but assumptions backs this persona (or nothing at all).
    pub is_hypothesis: bool,
    /// Objectives this persona is linked to.
    pub objective_ids: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceInput {
    pub id: Option<String>,
    pub kind: EvidenceKind,
    pub note: String,
    pub date: String,
}

/// The persona form: create when `id` is `None`, otherwise replace that persona.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PersonaInput {
    pub id: Option<String>,
    pub name: String,
    pub color: AvatarColor,
    pub quote: String,
    pub is_primary: bool,
    pub demographics: Demographics,
    pub psychographics: Psychographics,
    pub social_usage: Vec<SocialUsage>,
    pub evidence: Vec<EvidenceInput>,
}

/// A persona is a hypothesis until something other than an assumption backs it.
pub fn is_hypothesis(evidence: &[Evidence]) -> bool {
    evidence.iter().all(|e| e.kind == EvidenceKind::Assumption)
}

/// Avatar initials: the first letter of the first two words (one character for names
/// written without spaces, such as Japanese).
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut out = String::new();
    for w in words.iter().take(2) {
        if let Some(c) = w.chars().next() {
            out.extend(c.to_uppercase());
        }
    }
    out
}

fn clean_list(v: &[String]) -> Vec<String> {
    v.iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

impl PersonaInput {
    fn validated(&self) -> Result<PersonaInput> {
        let name = self.name.trim().to_string();
        if name.is_empty() {
            return Err(Error::field(
                "name",
                "Give the persona a name, for example \"Weekend Yuki\" — a name makes them easier to picture.",
            ));
        }
        if name.chars().count() > NAME_MAX_CHARS {
            return Err(Error::field(
                "name",
                format!("Keep the name to {NAME_MAX_CHARS} characters."),
            ));
        }
        for (i, e) in self.evidence.iter().enumerate() {
            if parse_date(&e.date).is_err() {
                return Err(Error::field(
                    format!("evidence.{i}.date"),
                    "This is not a date. Pick it from the calendar (YYYY-MM-DD) or leave it empty.",
                ));
            }
        }
        let mut social_usage = Vec::new();
        for (i, u) in self.social_usage.iter().enumerate() {
            let platform = u.platform.trim().to_lowercase();
            if platform.is_empty() {
                return Err(Error::field(
                    format!("socialUsage.{i}.platform"),
                    "Choose the platform.",
                ));
            }
            for h in &u.active_hours {
                if h.from >= h.to || h.to > 24 {
                    return Err(Error::field(
                        format!("socialUsage.{i}.activeHours"),
                        "Active hours must start before they end, between 0 and 24.",
                    ));
                }
            }
            social_usage.push(SocialUsage {
                platform,
                frequency: u.frequency,
                active_hours: u.active_hours.clone(),
                account_types: clean_list(&u.account_types),
            });
        }
        let d = &self.demographics;
        let p = &self.psychographics;
        Ok(PersonaInput {
            id: self.id.clone().filter(|s| !s.trim().is_empty()),
            name,
            color: self.color,
            quote: self.quote.trim().to_string(),
            is_primary: self.is_primary,
            demographics: Demographics {
                age_range: d.age_range.trim().into(),
                gender: d.gender.trim().into(),
                occupation: d.occupation.trim().into(),
                location: d.location.trim().into(),
                household: d.household.trim().into(),
                income_band: d.income_band.trim().into(),
            },
            psychographics: Psychographics {
                values: clean_list(&p.values),
                interests: clean_list(&p.interests),
                information_sources: clean_list(&p.information_sources),
                decision_factors: clean_list(&p.decision_factors),
                pain_points: clean_list(&p.pain_points),
                goals: clean_list(&p.goals),
                objections: clean_list(&p.objections),
            },
            social_usage,
            evidence: self
                .evidence
                .iter()
                .map(|e| EvidenceInput {
                    id: e.id.clone(),
                    kind: e.kind,
                    note: e.note.trim().into(),
                    date: e.date.trim().into(),
                })
                .collect(),
        })
    }
}

const SELECT: &str =
    "SELECT id, name, color, quote, is_primary, archived, sort_order, demographics, \
     psychographics, social_usage, created_at, updated_at FROM personas";

fn json_col<T: for<'de> Deserialize<'de> + Default>(s: String) -> T {
    serde_json::from_str(&s).unwrap_or_default()
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Persona> {
    let name: String = r.get(1)?;
    Ok(Persona {
        id: r.get(0)?,
        initials: initials(&name),
        name,
        color: from_db(r.get(2)?, 2)?,
        quote: r.get(3)?,
        is_primary: r.get(4)?,
        archived: r.get(5)?,
        sort_order: r.get(6)?,
        demographics: json_col(r.get(7)?),
        psychographics: json_col(r.get(8)?),
        social_usage: json_col(r.get(9)?),
        evidence: Vec::new(),
        is_hypothesis: true,
        objective_ids: Vec::new(),
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

fn load_children(conn: &Connection, p: &mut Persona) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, note, date FROM persona_evidence WHERE persona_id = ?1 ORDER BY sort_order, id",
    )?;
    p.evidence = stmt
        .query_map([&p.id], |r| {
            Ok(Evidence {
                id: r.get(0)?,
                kind: from_db(r.get(1)?, 1)?,
                note: r.get(2)?,
                date: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    p.is_hypothesis = is_hypothesis(&p.evidence);
    let mut stmt = conn.prepare_cached(
        "SELECT op.objective_id FROM objective_personas op JOIN objectives o ON o.id = op.objective_id \
         WHERE op.persona_id = ?1 ORDER BY o.sort_order, o.id",
    )?;
    p.objective_ids = stmt
        .query_map([&p.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// Every persona: active ones first in the user's order, archived ones after.
pub fn list(conn: &Connection) -> Result<Vec<Persona>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY archived, sort_order, id"))?;
    let mut out: Vec<Persona> = stmt.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
    for p in &mut out {
        load_children(conn, p)?;
    }
    Ok(out)
}

pub fn get(conn: &Connection, id: &str) -> Result<Persona> {
    let mut p = conn
        .query_row(&format!("{SELECT} WHERE id = ?1"), [id], row)
        .optional()?
        .ok_or_else(not_found)?;
    load_children(conn, &mut p)?;
    Ok(p)
}

fn not_found() -> Error {
    Error::NotFound("This persona no longer exists (it may have been deleted in another window). Reload the list.".into())
}

fn to_json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v)
        .map_err(|e| Error::Invalid(format!("The persona could not be stored: {e}")))
}

/// Create or replace a persona and its evidence. Only one persona is primary: marking this
/// one primary clears the flag on the others.
pub fn save(tx: &Transaction<'_>, input: &PersonaInput) -> Result<Persona> {
    let v = input.validated()?;
    let now = now();
    let id = match v.id.as_deref() {
        Some(id) => {
            let n = tx.execute(
                "UPDATE personas SET name = ?2, color = ?3, quote = ?4, is_primary = ?5, demographics = ?6, \
                 psychographics = ?7, social_usage = ?8, updated_at = ?9 WHERE id = ?1",
                params![
                    id,
                    v.name,
                    to_db(&v.color)?,
                    v.quote,
                    v.is_primary,
                    to_json(&v.demographics)?,
                    to_json(&v.psychographics)?,
                    to_json(&v.social_usage)?,
                    now
                ],
            )?;
            if n == 0 {
                return Err(not_found());
            }
            id.to_string()
        }
        None => {
            let id = new_id();
            let order: i64 = tx.query_row(
                "SELECT coalesce(max(sort_order), -1) + 1 FROM personas",
                [],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO personas (id, name, color, quote, is_primary, archived, demographics, psychographics, \
                 social_usage, sort_order, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9, ?10, ?10)",
                params![
                    id,
                    v.name,
                    to_db(&v.color)?,
                    v.quote,
                    v.is_primary,
                    to_json(&v.demographics)?,
                    to_json(&v.psychographics)?,
                    to_json(&v.social_usage)?,
                    order,
                    now
                ],
            )?;
            id
        }
    };
    if v.is_primary {
        tx.execute(
            "UPDATE personas SET is_primary = 0, updated_at = ?2 WHERE id <> ?1 AND is_primary = 1",
            params![id, now],
        )?;
    }
    replace_evidence(tx, &id, &v.evidence, &now)?;
    get(tx, &id)
}

fn replace_evidence(
    tx: &Transaction<'_>,
    persona_id: &str,
    evidence: &[EvidenceInput],
    now: &str,
) -> Result<()> {
    let existing: Vec<(String, String)> = {
        let mut stmt =
            tx.prepare("SELECT id, created_at FROM persona_evidence WHERE persona_id = ?1")?;
        let rows = stmt.query_map([persona_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    tx.execute(
        "DELETE FROM persona_evidence WHERE persona_id = ?1",
        [persona_id],
    )?;
    for (i, e) in evidence.iter().enumerate() {
        let kept =
            e.id.as_ref()
                .and_then(|id| existing.iter().find(|(x, _)| x == id));
        let (eid, created) = match kept {
            Some((x, c)) => (x.clone(), c.clone()),
            None => (new_id(), now.to_string()),
        };
        let date = parse_date(&e.date)
            .ok()
            .flatten()
            .map(|d| d.format("%Y-%m-%d").to_string());
        tx.execute(
            "INSERT INTO persona_evidence (id, persona_id, kind, note, date, sort_order, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![eid, persona_id, to_db(&e.kind)?, e.note, date, i as i64, created, now],
        )?;
    }
    Ok(())
}

impl Persona {
    /// The form values that would save this persona unchanged.
    pub fn to_input(&self) -> PersonaInput {
        PersonaInput {
            id: Some(self.id.clone()),
            name: self.name.clone(),
            color: self.color,
            quote: self.quote.clone(),
            is_primary: self.is_primary,
            demographics: self.demographics.clone(),
            psychographics: self.psychographics.clone(),
            social_usage: self.social_usage.clone(),
            evidence: self
                .evidence
                .iter()
                .map(|e| EvidenceInput {
                    id: Some(e.id.clone()),
                    kind: e.kind,
                    note: e.note.clone(),
                    date: e.date.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }
}

/// A copy named "… (copy)" placed at the end, not primary, with its evidence and links.
pub fn duplicate(tx: &Transaction<'_>, id: &str, copy_suffix: &str) -> Result<Persona> {
    let original = get(tx, id)?;
    let mut input = original.to_input();
    input.id = None;
    input.is_primary = false;
    input.name = format!("{}{copy_suffix}", original.name)
        .chars()
        .take(NAME_MAX_CHARS)
        .collect();
    for e in &mut input.evidence {
        e.id = None;
    }
    let copy = save(tx, &input)?;
    let now = now();
    for oid in &original.objective_ids {
        tx.execute(
            "INSERT INTO objective_personas (objective_id, persona_id, created_at) VALUES (?1, ?2, ?3)",
            params![oid, copy.id, now],
        )?;
    }
    get(tx, &copy.id)
}

/// Archive (hide from planning, keep the data) or bring back.
pub fn set_archived(tx: &Transaction<'_>, id: &str, archived: bool) -> Result<Persona> {
    let n = tx.execute(
        "UPDATE personas SET archived = ?2, is_primary = CASE WHEN ?2 THEN 0 ELSE is_primary END, \
         updated_at = ?3 WHERE id = ?1",
        params![id, archived, now()],
    )?;
    if n == 0 {
        return Err(not_found());
    }
    get(tx, id)
}

/// Delete a persona; its evidence and objective links go with it.
pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    if tx.execute("DELETE FROM personas WHERE id = ?1", [id])? == 0 {
        return Err(not_found());
    }
    Ok(())
}

/// Put the personas in the order of `ids` (all of them, each once).
pub fn reorder(tx: &Transaction<'_>, ids: &[String]) -> Result<Vec<Persona>> {
    crate::strategy::reorder_table(tx, "personas", ids)?;
    list(tx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: EvidenceKind) -> Evidence {
        Evidence {
            id: "e".into(),
            kind,
            note: String::new(),
            date: None,
        }
    }

    #[test]
    fn hypothesis_until_first_party_evidence() {
        assert!(is_hypothesis(&[]));
        assert!(is_hypothesis(&[ev(EvidenceKind::Assumption)]));
        assert!(!is_hypothesis(&[
            ev(EvidenceKind::Assumption),
            ev(EvidenceKind::Interview)
        ]));
    }

    #[test]
    fn initials_from_names() {
        assert_eq!(initials("weekend yuki"), "WY");
        assert_eq!(initials("Hana"), "H");
        assert_eq!(initials("週末のユキさん"), "週");
        assert_eq!(initials("  "), "");
    }
}
