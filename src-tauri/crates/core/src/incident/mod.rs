//! The incident playbook (DOMAIN.md §4, seeds on flaming/backlash): verify → escalate →
//! respond. The steps themselves are fixed guidance shown by the UI; what each business
//! edits is who to call at each step.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock::{new_id, now};
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};

/// Tables of the incident playbook (one migration; the lead renumbers on merge).
pub const SCHEMA: &str = "
CREATE TABLE incident_contacts (
    id          TEXT PRIMARY KEY,
    step        TEXT NOT NULL CHECK (step IN ('verify', 'escalate', 'respond')),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX incident_contacts_by_step ON incident_contacts (step, sort_order);
";

/// The three steps of the playbook, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum IncidentStep {
    /// Check the facts: what was posted, what people say, is it true.
    Verify,
    /// Tell the people who decide (owner, manager, advisers).
    Escalate,
    /// Answer publicly, once, with facts and an apology where due.
    Respond,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IncidentContact {
    pub id: String,
    pub step: IncidentStep,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IncidentContactInput {
    pub step: IncidentStep,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
}

fn clean(input: &IncidentContactInput) -> Result<IncidentContactInput> {
    let name = input.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(Error::field(
            "name",
            "Enter who to contact (a name, up to 80 characters).",
        ));
    }
    let phone = input.phone.trim().to_string();
    if phone.chars().count() > 40
        || phone
            .chars()
            .any(|c| !(c.is_numeric() || " +-()ー－（）　".contains(c)))
    {
        return Err(Error::field(
            "phone",
            "Write the phone number with digits, spaces, + - and brackets only, e.g. 03-1234-5678.",
        ));
    }
    let email = input.email.trim().to_string();
    if !email.is_empty() {
        let ok = email.chars().count() <= 120
            && !email.contains(char::is_whitespace)
            && email
                .split_once('@')
                .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.starts_with('.'));
        if !ok {
            return Err(Error::field(
                "email",
                "That does not look like an email address (name@example.com). Fix it or leave it empty.",
            ));
        }
    }
    if phone.is_empty() && email.is_empty() {
        return Err(Error::field(
            "phone",
            "Add a phone number or an email address, so you can reach this person quickly.",
        ));
    }
    if input.notes.chars().count() > 500 || input.role.chars().count() > 80 {
        return Err(Error::field(
            "notes",
            "Keep the role under 80 and the notes under 500 characters.",
        ));
    }
    Ok(IncidentContactInput {
        step: input.step,
        name,
        role: input.role.trim().to_string(),
        phone,
        email,
        notes: input.notes.trim().to_string(),
    })
}

fn map_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<IncidentContact> {
    Ok(IncidentContact {
        id: r.get(0)?,
        step: from_db(r.get(1)?, 1)?,
        name: r.get(2)?,
        role: r.get(3)?,
        phone: r.get(4)?,
        email: r.get(5)?,
        notes: r.get(6)?,
    })
}

const SELECT: &str = "SELECT id, step, name, role, phone, email, notes FROM incident_contacts";

/// Every contact, in playbook order (verify, escalate, respond), then as added.
pub fn list(conn: &Connection) -> Result<Vec<IncidentContact>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} ORDER BY CASE step WHEN 'verify' THEN 0 WHEN 'escalate' THEN 1 ELSE 2 END, sort_order, created_at, id"
    ))?;
    let rows = stmt
        .query_map([], map_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: &str) -> Result<IncidentContact> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], map_row)
        .optional()?
        .ok_or_else(|| {
            Error::NotFound("That contact no longer exists. Reload the playbook.".into())
        })
}

/// Add a contact (`id` = `None`) or change one.
pub fn save(
    tx: &Transaction<'_>,
    id: Option<&str>,
    input: &IncidentContactInput,
) -> Result<IncidentContact> {
    let c = clean(input)?;
    let now = now();
    match id {
        Some(id) => {
            get(tx, id)?;
            tx.execute(
                "UPDATE incident_contacts SET step = ?2, name = ?3, role = ?4, phone = ?5, email = ?6,
                     notes = ?7, updated_at = ?8 WHERE id = ?1",
                params![id, to_db(&c.step)?, c.name, c.role, c.phone, c.email, c.notes, now],
            )?;
            get(tx, id)
        }
        None => {
            let id = new_id();
            let order: i64 = tx.query_row(
                "SELECT COALESCE(MAX(sort_order), -1) + 1 FROM incident_contacts WHERE step = ?1",
                [to_db(&c.step)?],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO incident_contacts (id, step, name, role, phone, email, notes, sort_order, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                params![id, to_db(&c.step)?, c.name, c.role, c.phone, c.email, c.notes, order, now],
            )?;
            get(tx, &id)
        }
    }
}

pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    let n = tx.execute("DELETE FROM incident_contacts WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(Error::NotFound(
            "That contact no longer exists. Reload the playbook.".into(),
        ));
    }
    Ok(())
}
