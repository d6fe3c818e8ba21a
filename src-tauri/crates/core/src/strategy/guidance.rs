//! Calm guidance: warnings that point at a weak spot in the plan, each with a code the UI
//! words (with a one-line why) in the user's language. Pure functions.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::{catalogue, parse_date, parse_stage, ObjectiveInput};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// The objective has no KPI, so progress cannot be followed.
    NoKpi,
    /// A conversion or LTV objective measured only by followers, likes or reach.
    VanityOnly,
    /// Every KPI sits in one funnel stage.
    SingleStage,
    /// The deadline has passed (and the objective is still open).
    DeadlinePast,
    /// There is no objective at all.
    NoObjective,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub code: WarningCode,
    /// The objective it is about (none for plan-wide warnings).
    pub objective_id: Option<String>,
}

pub fn no_kpi(input: &ObjectiveInput) -> bool {
    input.kpis.is_empty()
}

/// A conversion/LTV objective whose KPIs are all vanity metrics (followers, likes, reach).
pub fn vanity_only(input: &ObjectiveInput) -> bool {
    input.kind.is_conversion_or_ltv()
        && !input.kpis.is_empty()
        && input
            .kpis
            .iter()
            .all(|k| catalogue::is_vanity(k.metric.trim()))
}

/// All KPIs in one funnel stage: nothing shows whether attention turns into action.
pub fn single_stage(input: &ObjectiveInput) -> bool {
    let stages: BTreeSet<_> = input
        .kpis
        .iter()
        .filter_map(|k| parse_stage(&k.stage))
        .collect();
    input.kpis.len() >= 2 && stages.len() == 1
}

/// The deadline is before today while the objective is still draft or active.
pub fn deadline_past(input: &ObjectiveInput, today: NaiveDate) -> bool {
    use super::ObjectiveStatus::{Active, Draft};
    matches!(input.status, Draft | Active)
        && matches!(parse_date(&input.deadline), Ok(Some(d)) if d < today)
}

/// The warnings of one objective form, in a stable order.
pub fn objective_warnings(input: &ObjectiveInput, today: NaiveDate) -> Vec<Warning> {
    let checks = [
        (no_kpi(input), WarningCode::NoKpi),
        (vanity_only(input), WarningCode::VanityOnly),
        (single_stage(input), WarningCode::SingleStage),
        (deadline_past(input, today), WarningCode::DeadlinePast),
    ];
    checks
        .into_iter()
        .filter(|(hit, _)| *hit)
        .map(|(_, code)| Warning {
            code,
            objective_id: input.id.clone(),
        })
        .collect()
}

/// Warnings for the whole list of objectives (including "no objective at all").
pub fn plan_warnings(objectives: &[ObjectiveInput], today: NaiveDate) -> Vec<Warning> {
    if objectives.is_empty() {
        return vec![Warning {
            code: WarningCode::NoObjective,
            objective_id: None,
        }];
    }
    objectives
        .iter()
        .flat_map(|o| objective_warnings(o, today))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategy::smart::tests::smart_input;
    use crate::strategy::{KpiInput, ObjectiveKind, ObjectiveStatus, ReviewCadence};

    fn kpi(metric: &str, stage: &str) -> KpiInput {
        KpiInput {
            id: None,
            name: metric.into(),
            stage: stage.into(),
            metric: metric.into(),
            baseline: String::new(),
            target: "10".into(),
            unit: String::new(),
            cadence: ReviewCadence::Monthly,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default()
    }

    fn codes(i: &ObjectiveInput) -> Vec<WarningCode> {
        objective_warnings(i, today())
            .into_iter()
            .map(|w| w.code)
            .collect()
    }

    #[test]
    fn no_kpi_warning_when_objective_has_no_kpi() {
        assert_eq!(codes(&smart_input()), vec![WarningCode::NoKpi]);
    }

    #[test]
    fn vanity_warning_when_conversion_objective_has_only_follower_kpis() {
        let mut i = smart_input();
        i.kpis = vec![
            kpi("follower_growth", "interest"),
            kpi("reach", "awareness"),
        ];
        assert_eq!(codes(&i), vec![WarningCode::VanityOnly]);
        // One KPI that measures orders makes the warning go away.
        i.kpis[1] = kpi("conversions", "action");
        assert!(codes(&i).is_empty());
    }

    #[test]
    fn no_vanity_warning_for_awareness_objectives() {
        let mut i = smart_input();
        i.kind = ObjectiveKind::Awareness;
        i.kpis = vec![kpi("reach", "awareness"), kpi("engagements", "interest")];
        assert!(codes(&i).is_empty());
    }

    #[test]
    fn custom_metrics_are_not_called_vanity() {
        let mut i = smart_input();
        i.kind = ObjectiveKind::FanLtv;
        i.kpis = vec![
            kpi("custom", "advocacy"),
            kpi("follower_growth", "interest"),
        ];
        assert!(!vanity_only(&i));
    }

    #[test]
    fn single_stage_warning_when_all_kpis_share_a_stage() {
        let mut i = smart_input();
        i.kind = ObjectiveKind::Awareness;
        i.kpis = vec![kpi("reach", "awareness"), kpi("impressions", "awareness")];
        assert_eq!(codes(&i), vec![WarningCode::SingleStage]);
    }

    #[test]
    fn deadline_in_the_past_warns_only_while_open() {
        let mut i = smart_input();
        i.kpis = vec![kpi("conversions", "action"), kpi("reach", "awareness")];
        i.deadline = "2026-02-01".into();
        assert_eq!(codes(&i), vec![WarningCode::DeadlinePast]);
        i.status = ObjectiveStatus::Achieved;
        assert!(codes(&i).is_empty());
    }

    #[test]
    fn no_objective_warning_for_an_empty_plan() {
        let w = plan_warnings(&[], today());
        assert_eq!(
            w,
            vec![Warning {
                code: WarningCode::NoObjective,
                objective_id: None
            }]
        );
        assert!(plan_warnings(&[smart_input()], today())
            .iter()
            .all(|w| w.code != WarningCode::NoObjective));
    }
}
