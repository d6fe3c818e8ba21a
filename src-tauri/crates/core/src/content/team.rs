//! Team members and which approval steps the workspace requires.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock::{new_id, now};
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Operator,
    Manager,
    BrandLegal,
}

/// The review steps after the operator's draft (seeds: manager review → legal/brand check).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalStep {
    ManagerReview,
    BrandCheck,
}

impl ApprovalStep {
    pub const ALL: [ApprovalStep; 2] = [ApprovalStep::ManagerReview, ApprovalStep::BrandCheck];

    pub fn label(self) -> &'static str {
        match self {
            ApprovalStep::ManagerReview => "Manager review",
            ApprovalStep::BrandCheck => "Legal/brand check",
        }
    }

    /// Who may sign this step off.
    pub fn allows(self, role: Role) -> bool {
        match self {
            ApprovalStep::ManagerReview => matches!(role, Role::Owner | Role::Manager),
            ApprovalStep::BrandCheck => matches!(role, Role::Owner | Role::BrandLegal),
        }
    }

    /// Required when the workspace has not said otherwise: a manager looks at every post;
    /// the legal/brand check is opt-in (most small businesses have no legal team).
    pub fn required_by_default(self) -> bool {
        matches!(self, ApprovalStep::ManagerReview)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TeamMember {
    pub id: String,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TeamMemberInput {
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StepSetting {
    pub step: ApprovalStep,
    pub required: bool,
}

fn validated(input: &TeamMemberInput) -> Result<String> {
    let name = input.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 60 {
        return Err(Error::field(
            "name",
            "Enter the team member's name (up to 60 characters).",
        ));
    }
    Ok(name)
}

pub fn add_member(tx: &Transaction<'_>, input: &TeamMemberInput) -> Result<TeamMember> {
    let name = validated(input)?;
    let id = new_id();
    let now = now();
    tx.execute(
        "INSERT INTO team_members (id, name, role, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        params![id, name, to_db(&input.role)?, now],
    )?;
    Ok(TeamMember {
        id,
        name,
        role: input.role,
    })
}

pub fn update_member(
    tx: &Transaction<'_>,
    id: &str,
    input: &TeamMemberInput,
) -> Result<TeamMember> {
    let name = validated(input)?;
    let n = tx.execute(
        "UPDATE team_members SET name = ?2, role = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, name, to_db(&input.role)?, now()],
    )?;
    if n == 0 {
        return Err(not_found());
    }
    Ok(TeamMember {
        id: id.into(),
        name,
        role: input.role,
    })
}

pub fn remove_member(tx: &Transaction<'_>, id: &str) -> Result<()> {
    if tx.execute("DELETE FROM team_members WHERE id = ?1", [id])? == 0 {
        return Err(not_found());
    }
    Ok(())
}

fn not_found() -> Error {
    Error::NotFound("That team member no longer exists. Reload the team list.".into())
}

pub fn list_members(conn: &Connection) -> Result<Vec<TeamMember>> {
    let mut stmt =
        conn.prepare("SELECT id, name, role FROM team_members ORDER BY created_at, id")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(TeamMember {
                id: r.get(0)?,
                name: r.get(1)?,
                role: from_db(r.get(2)?, 2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn get_member(conn: &Connection, id: &str) -> Result<TeamMember> {
    conn.query_row(
        "SELECT id, name, role FROM team_members WHERE id = ?1",
        [id],
        |r| {
            Ok(TeamMember {
                id: r.get(0)?,
                name: r.get(1)?,
                role: from_db(r.get(2)?, 2)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::field("actorId", "Choose a team member from the list."))
}

pub fn step_settings(conn: &Connection) -> Result<Vec<StepSetting>> {
    ApprovalStep::ALL
        .iter()
        .map(|step| {
            let stored: Option<bool> = conn
                .query_row(
                    "SELECT required FROM approval_settings WHERE step = ?1",
                    [to_db(step)?],
                    |r| r.get(0),
                )
                .optional()?;
            Ok(StepSetting {
                step: *step,
                required: stored.unwrap_or_else(|| step.required_by_default()),
            })
        })
        .collect()
}

pub fn set_step_required(
    tx: &Transaction<'_>,
    step: ApprovalStep,
    required: bool,
) -> Result<Vec<StepSetting>> {
    tx.execute(
        "INSERT INTO approval_settings (step, required, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (step) DO UPDATE SET required = excluded.required, updated_at = excluded.updated_at",
        params![to_db(&step)?, required, now()],
    )?;
    step_settings(tx)
}
