//! Objectives: the business goal (KGI), the success factors that drive it (KSF) and the
//! KPIs managed per funnel stage. Also home of the SMART check, the guidance warnings and
//! the Plan overview that joins every link of the chain.

pub mod catalogue;
pub mod guidance;
pub mod plan;
mod schema;
pub mod smart;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock::{new_id, now};
use crate::db::codec::{from_db, to_db};
use crate::error::{Error, Result};

pub use schema::SCHEMA_V2;

pub const STATEMENT_MAX_CHARS: usize = 300;
pub const NAME_MAX_CHARS: usize = 120;

/// What the business wants social media to do (DOMAIN.md §1).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveKind {
    Awareness,
    LeadAcquisition,
    PurchaseConversion,
    FanLtv,
    RecruitingBranding,
    SocialListening,
}

impl ObjectiveKind {
    pub const ALL: [ObjectiveKind; 6] = [
        ObjectiveKind::Awareness,
        ObjectiveKind::LeadAcquisition,
        ObjectiveKind::PurchaseConversion,
        ObjectiveKind::FanLtv,
        ObjectiveKind::RecruitingBranding,
        ObjectiveKind::SocialListening,
    ];

    /// Objectives judged by sales, orders or loyalty, where likes alone prove nothing.
    pub fn is_conversion_or_ltv(self) -> bool {
        matches!(
            self,
            ObjectiveKind::PurchaseConversion | ObjectiveKind::FanLtv
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveStatus {
    Draft,
    Active,
    Achieved,
    Dropped,
}

/// Where in the customer's journey a KPI is measured.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum FunnelStage {
    Awareness,
    Interest,
    Action,
    Advocacy,
}

impl FunnelStage {
    pub const ALL: [FunnelStage; 4] = [
        FunnelStage::Awareness,
        FunnelStage::Interest,
        FunnelStage::Action,
        FunnelStage::Advocacy,
    ];
}

/// How often a KPI is reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ReviewCadence {
    Weekly,
    Monthly,
    Quarterly,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Kpi {
    pub id: String,
    pub name: String,
    pub stage: FunnelStage,
    /// A catalogue metric id (see [`catalogue::metrics`]) or `custom`.
    pub metric: String,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub unit: String,
    pub cadence: ReviewCadence,
}

/// An objective (KGI) with its success factors and KPIs, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Objective {
    pub id: String,
    pub kind: ObjectiveKind,
    pub statement: String,
    pub baseline: Option<f64>,
    pub target_value: Option<f64>,
    pub unit: String,
    /// `YYYY-MM-DD`.
    pub baseline_date: Option<String>,
    /// `YYYY-MM-DD`.
    pub deadline: Option<String>,
    pub owner: String,
    pub status: ObjectiveStatus,
    pub sort_order: i32,
    /// KSFs, in order.
    pub success_factors: Vec<String>,
    pub kpis: Vec<Kpi>,
    /// Personas this objective is for.
    pub persona_ids: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// One KPI row of the objective form. Numbers arrive as typed text so the form can say
/// precisely what is wrong with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KpiInput {
    pub id: Option<String>,
    pub name: String,
    /// `awareness`, `interest`, `action` or `advocacy`.
    pub stage: String,
    pub metric: String,
    pub baseline: String,
    pub target: String,
    pub unit: String,
    pub cadence: ReviewCadence,
}

/// The objective form: create when `id` is `None`, otherwise replace that objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveInput {
    pub id: Option<String>,
    pub kind: ObjectiveKind,
    pub statement: String,
    pub baseline: String,
    pub target_value: String,
    pub unit: String,
    pub baseline_date: String,
    pub deadline: String,
    pub owner: String,
    pub status: ObjectiveStatus,
    pub success_factors: Vec<String>,
    pub kpis: Vec<KpiInput>,
    pub persona_ids: Vec<String>,
}

impl Objective {
    /// The form values that would save this objective unchanged.
    pub fn to_input(&self) -> ObjectiveInput {
        let num = |v: Option<f64>| v.map(format_number).unwrap_or_default();
        ObjectiveInput {
            id: Some(self.id.clone()),
            kind: self.kind,
            statement: self.statement.clone(),
            baseline: num(self.baseline),
            target_value: num(self.target_value),
            unit: self.unit.clone(),
            baseline_date: self.baseline_date.clone().unwrap_or_default(),
            deadline: self.deadline.clone().unwrap_or_default(),
            owner: self.owner.clone(),
            status: self.status,
            success_factors: self.success_factors.clone(),
            kpis: self
                .kpis
                .iter()
                .map(|k| KpiInput {
                    id: Some(k.id.clone()),
                    name: k.name.clone(),
                    stage: to_db(&k.stage).unwrap_or_default(),
                    metric: k.metric.clone(),
                    baseline: num(k.baseline),
                    target: num(k.target),
                    unit: k.unit.clone(),
                    cadence: k.cadence,
                })
                .collect(),
            persona_ids: self.persona_ids.clone(),
        }
    }
}

fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Typed text that is not a number (or date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

/// Parse a number typed by a person: empty is "not set"; `1,200`, ` 15 ` and `15%` are
/// accepted; anything else is `Err`.
pub fn parse_amount(text: &str) -> std::result::Result<Option<f64>, Unreadable> {
    let t: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| *c != ',' && *c != '_' && !c.is_whitespace())
        .collect();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(Unreadable),
    }
}

/// Parse an optional `YYYY-MM-DD` date.
pub fn parse_date(text: &str) -> std::result::Result<Option<NaiveDate>, Unreadable> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| Unreadable)
}

pub fn parse_stage(text: &str) -> Option<FunnelStage> {
    from_db(text.trim().to_string(), 0).ok()
}

fn amount(field: &str, text: &str, what: &str) -> Result<Option<f64>> {
    match parse_amount(text) {
        Ok(Some(v)) if v < 0.0 => Err(Error::field(
            field,
            format!("The {what} cannot be negative. Enter 0 or more."),
        )),
        Ok(v) => Ok(v),
        Err(Unreadable) => Err(Error::field(
            field,
            format!(
                "\"{}\" is not a number. Enter the {what} as digits, for example 1200.",
                text.trim()
            ),
        )),
    }
}

fn date(field: &str, text: &str, what: &str) -> Result<Option<NaiveDate>> {
    parse_date(text).map_err(|Unreadable| {
        Error::field(
            field,
            format!(
                "\"{}\" is not a date. Pick the {what} from the calendar (YYYY-MM-DD).",
                text.trim()
            ),
        )
    })
}

/// The objective form, checked and normalised.
#[derive(Debug, Clone)]
struct ValidObjective {
    kind: ObjectiveKind,
    statement: String,
    baseline: Option<f64>,
    target_value: Option<f64>,
    unit: String,
    baseline_date: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    owner: String,
    status: ObjectiveStatus,
    success_factors: Vec<String>,
    kpis: Vec<(Option<String>, ValidKpi)>,
    persona_ids: Vec<String>,
}

#[derive(Debug, Clone)]
struct ValidKpi {
    name: String,
    stage: FunnelStage,
    metric: String,
    baseline: Option<f64>,
    target: Option<f64>,
    unit: String,
    cadence: ReviewCadence,
}

impl ObjectiveInput {
    fn validated(&self) -> Result<ValidObjective> {
        let statement = self.statement.trim().to_string();
        if statement.is_empty() {
            return Err(Error::field(
                "statement",
                "Write the goal in one sentence, for example \"+15% online orders by June\".",
            ));
        }
        if statement.chars().count() > STATEMENT_MAX_CHARS {
            return Err(Error::field(
                "statement",
                format!("Keep the goal to {STATEMENT_MAX_CHARS} characters; put details in the success factors."),
            ));
        }
        let baseline = amount("baseline", &self.baseline, "starting value")?;
        let target_value = amount("targetValue", &self.target_value, "target")?;
        let baseline_date = date(
            "baselineDate",
            &self.baseline_date,
            "date of the starting value",
        )?;
        let deadline = date("deadline", &self.deadline, "deadline")?;
        if let (Some(b), Some(d)) = (baseline_date, deadline) {
            if d < b {
                return Err(Error::field(
                    "deadline",
                    "The deadline is before the date of the starting value. Pick a later deadline.",
                ));
            }
        }
        let mut kpis = Vec::with_capacity(self.kpis.len());
        for (i, k) in self.kpis.iter().enumerate() {
            let f = |name: &str| format!("kpis.{i}.{name}");
            let name = k.name.trim().to_string();
            if name.is_empty() {
                return Err(Error::field(
                    f("name"),
                    "Give this KPI a name, for example \"Weekly reach\".",
                ));
            }
            if name.chars().count() > NAME_MAX_CHARS {
                return Err(Error::field(
                    f("name"),
                    format!("Keep the KPI name to {NAME_MAX_CHARS} characters."),
                ));
            }
            let stage = parse_stage(&k.stage).ok_or_else(|| {
                Error::field(
                    f("stage"),
                    format!(
                        "\"{}\" is not a funnel stage. Choose awareness, interest, action or advocacy.",
                        k.stage.trim()
                    ),
                )
            })?;
            let metric = k.metric.trim().to_string();
            let metric = if metric.is_empty() {
                catalogue::CUSTOM_METRIC.to_string()
            } else {
                metric
            };
            if metric != catalogue::CUSTOM_METRIC && catalogue::metric(&metric).is_none() {
                return Err(Error::field(
                    f("metric"),
                    format!("\"{metric}\" is not a metric Plotline knows. Pick one from the list or choose Custom."),
                ));
            }
            kpis.push((
                k.id.clone().filter(|id| !id.trim().is_empty()),
                ValidKpi {
                    name,
                    stage,
                    metric,
                    baseline: amount(&f("baseline"), &k.baseline, "starting value")?,
                    target: amount(&f("target"), &k.target, "target")?,
                    unit: k.unit.trim().to_string(),
                    cadence: k.cadence,
                },
            ));
        }
        let mut persona_ids: Vec<String> = Vec::new();
        for p in &self.persona_ids {
            if !persona_ids.contains(p) {
                persona_ids.push(p.clone());
            }
        }
        Ok(ValidObjective {
            kind: self.kind,
            statement,
            baseline,
            target_value,
            unit: self.unit.trim().to_string(),
            baseline_date,
            deadline,
            owner: self.owner.trim().to_string(),
            status: self.status,
            success_factors: self
                .success_factors
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            kpis,
            persona_ids,
        })
    }
}

const SELECT_OBJECTIVE: &str =
    "SELECT id, kind, statement, baseline, target_value, unit, baseline_date, \
     deadline, owner, status, sort_order, success_factors, created_at, updated_at FROM objectives";

fn objective_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Objective> {
    let factors: String = r.get(11)?;
    Ok(Objective {
        id: r.get(0)?,
        kind: from_db(r.get(1)?, 1)?,
        statement: r.get(2)?,
        baseline: r.get(3)?,
        target_value: r.get(4)?,
        unit: r.get(5)?,
        baseline_date: r.get(6)?,
        deadline: r.get(7)?,
        owner: r.get(8)?,
        status: from_db(r.get(9)?, 9)?,
        sort_order: r.get(10)?,
        success_factors: serde_json::from_str(&factors).unwrap_or_default(),
        kpis: Vec::new(),
        persona_ids: Vec::new(),
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

fn load_children(conn: &Connection, o: &mut Objective) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, stage, metric, baseline, target, unit, cadence FROM kpis \
         WHERE objective_id = ?1 ORDER BY sort_order, id",
    )?;
    o.kpis = stmt
        .query_map([&o.id], |r| {
            Ok(Kpi {
                id: r.get(0)?,
                name: r.get(1)?,
                stage: from_db(r.get(2)?, 2)?,
                metric: r.get(3)?,
                baseline: r.get(4)?,
                target: r.get(5)?,
                unit: r.get(6)?,
                cadence: from_db(r.get(7)?, 7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT op.persona_id FROM objective_personas op JOIN personas p ON p.id = op.persona_id \
         WHERE op.objective_id = ?1 ORDER BY p.sort_order, p.id",
    )?;
    o.persona_ids = stmt
        .query_map([&o.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// Every objective in the user's order, with KSFs, KPIs and linked personas.
pub fn list(conn: &Connection) -> Result<Vec<Objective>> {
    let mut stmt = conn.prepare(&format!("{SELECT_OBJECTIVE} ORDER BY sort_order, id"))?;
    let mut out: Vec<Objective> = stmt
        .query_map([], objective_row)?
        .collect::<rusqlite::Result<_>>()?;
    for o in &mut out {
        load_children(conn, o)?;
    }
    Ok(out)
}

pub fn get(conn: &Connection, id: &str) -> Result<Objective> {
    let mut o = conn
        .query_row(
            &format!("{SELECT_OBJECTIVE} WHERE id = ?1"),
            [id],
            objective_row,
        )
        .optional()?
        .ok_or_else(not_found)?;
    load_children(conn, &mut o)?;
    Ok(o)
}

fn not_found() -> Error {
    Error::NotFound(
        "This objective no longer exists (it may have been deleted in another window). Reload the list.".into(),
    )
}

/// Create or replace an objective with its KSFs, KPIs and persona links, in one transaction.
pub fn save(tx: &Transaction<'_>, input: &ObjectiveInput) -> Result<Objective> {
    let v = input.validated()?;
    let now = now();
    let factors = serde_json::to_string(&v.success_factors)
        .map_err(|e| Error::Invalid(format!("The success factors could not be stored: {e}")))?;
    let fmt_date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let id = match input.id.as_deref().filter(|s| !s.is_empty()) {
        Some(id) => {
            let n = tx.execute(
                "UPDATE objectives SET kind = ?2, statement = ?3, baseline = ?4, target_value = ?5, \
                 unit = ?6, baseline_date = ?7, deadline = ?8, owner = ?9, status = ?10, \
                 success_factors = ?11, updated_at = ?12 WHERE id = ?1",
                params![
                    id,
                    to_db(&v.kind)?,
                    v.statement,
                    v.baseline,
                    v.target_value,
                    v.unit,
                    fmt_date(v.baseline_date),
                    fmt_date(v.deadline),
                    v.owner,
                    to_db(&v.status)?,
                    factors,
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
                "SELECT coalesce(max(sort_order), -1) + 1 FROM objectives",
                [],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO objectives (id, kind, statement, baseline, target_value, unit, baseline_date, \
                 deadline, owner, status, success_factors, sort_order, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                params![
                    id,
                    to_db(&v.kind)?,
                    v.statement,
                    v.baseline,
                    v.target_value,
                    v.unit,
                    fmt_date(v.baseline_date),
                    fmt_date(v.deadline),
                    v.owner,
                    to_db(&v.status)?,
                    factors,
                    order,
                    now
                ],
            )?;
            id
        }
    };
    // KPIs: keep the ids the form sent back (and their created_at), drop the others.
    let existing: Vec<(String, String)> = {
        let mut stmt = tx.prepare("SELECT id, created_at FROM kpis WHERE objective_id = ?1")?;
        let rows = stmt.query_map([&id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    tx.execute("DELETE FROM kpis WHERE objective_id = ?1", [&id])?;
    for (i, (kid, k)) in v.kpis.iter().enumerate() {
        let kept = kid
            .as_ref()
            .and_then(|kid| existing.iter().find(|(e, _)| e == kid));
        let (kid, created) = match kept {
            Some((e, c)) => (e.clone(), c.clone()),
            None => (new_id(), now.clone()),
        };
        tx.execute(
            "INSERT INTO kpis (id, objective_id, name, stage, metric, baseline, target, unit, cadence, \
             sort_order, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                kid,
                id,
                k.name,
                to_db(&k.stage)?,
                k.metric,
                k.baseline,
                k.target,
                k.unit,
                to_db(&k.cadence)?,
                i as i64,
                created,
                now
            ],
        )?;
    }
    set_personas(tx, &id, &v.persona_ids, &now)?;
    get(tx, &id)
}

fn set_personas(
    tx: &Transaction<'_>,
    objective_id: &str,
    persona_ids: &[String],
    now: &str,
) -> Result<()> {
    tx.execute(
        "DELETE FROM objective_personas WHERE objective_id = ?1",
        [objective_id],
    )?;
    for pid in persona_ids {
        let exists: bool = tx
            .query_row("SELECT 1 FROM personas WHERE id = ?1", [pid], |_| Ok(()))
            .optional()?
            .is_some();
        if !exists {
            return Err(Error::field(
                "personaIds",
                "One of the chosen personas no longer exists. Reload and choose again.",
            ));
        }
        tx.execute(
            "INSERT INTO objective_personas (objective_id, persona_id, created_at) VALUES (?1, ?2, ?3)",
            params![objective_id, pid, now],
        )?;
    }
    Ok(())
}

/// Delete an objective; its KPIs and persona links go with it.
pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    if tx.execute("DELETE FROM objectives WHERE id = ?1", [id])? == 0 {
        return Err(not_found());
    }
    Ok(())
}

/// Put the objectives in the order of `ids` (all of them, each once).
pub fn reorder(tx: &Transaction<'_>, ids: &[String]) -> Result<Vec<Objective>> {
    reorder_table(tx, "objectives", ids)?;
    list(tx)
}

/// Shared by objectives and personas: `ids` must be exactly the rows of `table`.
pub(crate) fn reorder_table(tx: &Transaction<'_>, table: &str, ids: &[String]) -> Result<()> {
    let count: i64 = tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
    let mut unique = ids.to_vec();
    unique.sort();
    unique.dedup();
    if unique.len() != ids.len() || ids.len() as i64 != count {
        return Err(Error::Conflict(
            "The list changed while you were reordering it. Reload and try again.".into(),
        ));
    }
    let now = now();
    for (i, id) in ids.iter().enumerate() {
        let n = tx.execute(
            &format!("UPDATE {table} SET sort_order = ?2, updated_at = ?3 WHERE id = ?1"),
            params![id, i as i64, now],
        )?;
        if n == 0 {
            return Err(Error::Conflict(
                "The list changed while you were reordering it. Reload and try again.".into(),
            ));
        }
    }
    Ok(())
}

/// Today's date in the workspace's time zone (UTC before a workspace exists).
pub fn today(conn: &Connection) -> Result<NaiveDate> {
    let utc = chrono::Utc::now();
    Ok(match crate::workspace::get(conn)? {
        Some(ws) => match ws.time_zone.parse::<chrono_tz::Tz>() {
            Ok(tz) => utc.with_timezone(&tz).date_naive(),
            Err(_) => utc.date_naive(),
        },
        None => utc.date_naive(),
    })
}

/// Live feedback for the objective form: SMART check and warnings for the unsaved input.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveReview {
    pub smart: smart::SmartCheck,
    pub warnings: Vec<guidance::Warning>,
}

pub fn review(input: &ObjectiveInput, today: NaiveDate) -> ObjectiveReview {
    ObjectiveReview {
        smart: smart::check(input),
        warnings: guidance::objective_warnings(input, today),
    }
}

/// [`review`] with today's date in the workspace time zone.
pub fn review_today(conn: &Connection, input: &ObjectiveInput) -> Result<ObjectiveReview> {
    Ok(review(input, today(conn)?))
}

/// The suggested KPIs for `kind`, tuned to the workspace audience and language.
pub fn suggest_kpis(conn: &Connection, kind: ObjectiveKind) -> Result<Vec<KpiInput>> {
    let ws = crate::workspace::get(conn)?;
    let audience = ws
        .as_ref()
        .map_or(crate::workspace::Audience::Both, |w| w.audience);
    let language = ws
        .as_ref()
        .map_or(crate::workspace::Language::En, |w| w.language);
    Ok(catalogue::suggested_kpis(kind, audience, language))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_accept_what_people_type() {
        assert_eq!(parse_amount(""), Ok(None));
        assert_eq!(parse_amount(" 1,200 "), Ok(Some(1200.0)));
        assert_eq!(parse_amount("15%"), Ok(Some(15.0)));
        assert_eq!(parse_amount("2.5"), Ok(Some(2.5)));
        assert_eq!(parse_amount("lots"), Err(Unreadable));
        assert_eq!(parse_amount("NaN"), Err(Unreadable));
    }

    #[test]
    fn numbers_round_trip_to_form_text() {
        assert_eq!(format_number(1200.0), "1200");
        assert_eq!(format_number(2.5), "2.5");
    }
}
