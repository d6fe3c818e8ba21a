//! Content pillars: the topic areas the account covers.

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::PILLAR_COLOURS;
use crate::clock::{new_id, now};
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Pillar {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Colour name; the UI uses the token `--pillar-<colour>`.
    pub colour: String,
    pub persona_ids: Vec<String>,
    pub objective_id: Option<String>,
    pub sort_order: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PillarInput {
    pub name: String,
    pub description: String,
    pub colour: String,
    pub persona_ids: Vec<String>,
    pub objective_id: Option<String>,
    pub sort_order: Option<i32>,
}

fn validate(input: &PillarInput) -> Result<PillarInput> {
    let name = input.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 60 {
        return Err(Error::field(
            "name",
            "Give the pillar a short name (up to 60 characters), e.g. \"Behind the scenes\".",
        ));
    }
    let description = input.description.trim().to_string();
    if description.chars().count() > 500 {
        return Err(Error::field(
            "description",
            "Keep the description to 500 characters.",
        ));
    }
    let colour = input.colour.trim().to_string();
    if !PILLAR_COLOURS.contains(&colour.as_str()) {
        return Err(Error::field(
            "colour",
            format!(
                "Pick one of the pillar colours: {}.",
                PILLAR_COLOURS.join(", ")
            ),
        ));
    }
    let mut persona_ids: Vec<String> = input
        .persona_ids
        .iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    persona_ids.sort();
    persona_ids.dedup();
    Ok(PillarInput {
        name,
        description,
        colour,
        persona_ids,
        objective_id: clean_id(&input.objective_id),
        sort_order: input.sort_order,
    })
}

pub(crate) fn clean_id(id: &Option<String>) -> Option<String> {
    id.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

pub fn create(tx: &Transaction<'_>, input: &PillarInput) -> Result<Pillar> {
    let input = validate(input)?;
    let id = new_id();
    let sort_order = match input.sort_order {
        Some(n) => n,
        None => tx.query_row(
            "SELECT coalesce(max(sort_order), -1) + 1 FROM pillars",
            [],
            |r| r.get(0),
        )?,
    };
    let now = now();
    tx.execute(
        "INSERT INTO pillars (id, name, description, colour, objective_id, sort_order, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, input.name, input.description, input.colour, input.objective_id, sort_order, now],
    )?;
    write_personas(tx, &id, &input.persona_ids)?;
    get(tx, &id)
}

pub fn update(tx: &Transaction<'_>, id: &str, input: &PillarInput) -> Result<Pillar> {
    let input = validate(input)?;
    let n = tx.execute(
        "UPDATE pillars SET name = ?2, description = ?3, colour = ?4, objective_id = ?5,
             sort_order = coalesce(?6, sort_order), updated_at = ?7 WHERE id = ?1",
        params![
            id,
            input.name,
            input.description,
            input.colour,
            input.objective_id,
            input.sort_order,
            now()
        ],
    )?;
    if n == 0 {
        return Err(not_found());
    }
    write_personas(tx, id, &input.persona_ids)?;
    get(tx, id)
}

/// Delete a pillar; its posts keep existing without a pillar.
pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    if tx.execute("DELETE FROM pillars WHERE id = ?1", [id])? == 0 {
        return Err(not_found());
    }
    Ok(())
}

fn write_personas(tx: &Transaction<'_>, id: &str, personas: &[String]) -> Result<()> {
    tx.execute("DELETE FROM pillar_personas WHERE pillar_id = ?1", [id])?;
    for p in personas {
        tx.execute(
            "INSERT INTO pillar_personas (pillar_id, persona_id) VALUES (?1, ?2)",
            params![id, p],
        )?;
    }
    Ok(())
}

fn not_found() -> Error {
    Error::NotFound("That pillar no longer exists. Reload the pillar list.".into())
}

pub fn get(conn: &Connection, id: &str) -> Result<Pillar> {
    list(conn)?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(not_found)
}

pub fn list(conn: &Connection) -> Result<Vec<Pillar>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.name, p.description, p.colour, p.objective_id, p.sort_order,
                (SELECT json_group_array(persona_id) FROM
                    (SELECT persona_id FROM pillar_personas pp WHERE pp.pillar_id = p.id ORDER BY persona_id))
         FROM pillars p ORDER BY p.sort_order, p.name, p.id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Pillar {
                id: r.get(0)?,
                name: r.get(1)?,
                description: r.get(2)?,
                colour: r.get(3)?,
                objective_id: r.get(4)?,
                sort_order: r.get(5)?,
                persona_ids: super::parse_list(r.get(6)?, 6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
