//! The SMART check of an objective: pure, computed live from the unsaved form.

use serde::Serialize;

use super::{parse_amount, parse_date, ObjectiveInput};

/// Growth above this multiple of the starting value is asked about, not refused.
pub const AMBITIOUS_GROWTH: f64 = 3.0;
/// A goal shorter than this rarely says what should change.
pub const SPECIFIC_MIN_CHARS: usize = 12;

/// Why a criterion is (not) met; the UI words each one in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SmartReason {
    StatesWhatChanges,
    TooShort,
    TargetWithUnit,
    NoTarget,
    NoUnit,
    PlausibleGrowth,
    StartsFromZero,
    GrowthOver3x,
    NoBaseline,
    LinkedToPersona,
    NoPersona,
    HasDeadline,
    NoDeadline,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    pub met: bool,
    /// Not wrong, but worth a second look (e.g. more than 3× growth).
    pub question: bool,
    pub reason: SmartReason,
}

impl Criterion {
    fn met(reason: SmartReason) -> Self {
        Criterion {
            met: true,
            question: false,
            reason,
        }
    }
    fn unmet(reason: SmartReason) -> Self {
        Criterion {
            met: false,
            question: false,
            reason,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SmartCheck {
    pub specific: Criterion,
    pub measurable: Criterion,
    pub achievable: Criterion,
    pub relevant: Criterion,
    pub time_bound: Criterion,
    /// target ÷ baseline, when both are known and the baseline is above zero.
    pub growth: Option<f64>,
}

impl SmartCheck {
    pub fn met_count(&self) -> usize {
        [
            &self.specific,
            &self.measurable,
            &self.achievable,
            &self.relevant,
            &self.time_bound,
        ]
        .iter()
        .filter(|c| c.met)
        .count()
    }
}

/// Check the (possibly unsaved, possibly half-typed) objective form.
pub fn check(input: &ObjectiveInput) -> SmartCheck {
    let specific = if input.statement.trim().chars().count() >= SPECIFIC_MIN_CHARS {
        Criterion::met(SmartReason::StatesWhatChanges)
    } else {
        Criterion::unmet(SmartReason::TooShort)
    };
    let target = parse_amount(&input.target_value).ok().flatten();
    let baseline = parse_amount(&input.baseline).ok().flatten();
    let measurable = match target {
        None => Criterion::unmet(SmartReason::NoTarget),
        Some(_) if input.unit.trim().is_empty() => Criterion::unmet(SmartReason::NoUnit),
        Some(_) => Criterion::met(SmartReason::TargetWithUnit),
    };
    let growth = match (baseline, target) {
        (Some(b), Some(t)) if b > 0.0 => Some(t / b),
        _ => None,
    };
    let achievable = match (baseline, target) {
        (None, _) => Criterion::unmet(SmartReason::NoBaseline),
        (Some(_), None) => Criterion::unmet(SmartReason::NoTarget),
        (Some(b), Some(_)) if b <= 0.0 => Criterion::met(SmartReason::StartsFromZero),
        _ if growth.is_some_and(|g| g > AMBITIOUS_GROWTH) => Criterion {
            met: false,
            question: true,
            reason: SmartReason::GrowthOver3x,
        },
        _ => Criterion::met(SmartReason::PlausibleGrowth),
    };
    let relevant = if input.persona_ids.is_empty() {
        Criterion::unmet(SmartReason::NoPersona)
    } else {
        Criterion::met(SmartReason::LinkedToPersona)
    };
    let time_bound = match parse_date(&input.deadline) {
        Ok(Some(_)) => Criterion::met(SmartReason::HasDeadline),
        _ => Criterion::unmet(SmartReason::NoDeadline),
    };
    SmartCheck {
        specific,
        measurable,
        achievable,
        relevant,
        time_bound,
        growth,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::strategy::{ObjectiveKind, ObjectiveStatus};

    pub(crate) fn smart_input() -> ObjectiveInput {
        ObjectiveInput {
            id: None,
            kind: ObjectiveKind::PurchaseConversion,
            statement: "+15% online pre-orders by June".into(),
            baseline: "200".into(),
            target_value: "230".into(),
            unit: "orders / month".into(),
            baseline_date: "2026-01-01".into(),
            deadline: "2026-06-30".into(),
            owner: "Aki".into(),
            status: ObjectiveStatus::Active,
            success_factors: vec![],
            kpis: vec![],
            persona_ids: vec!["p1".into()],
        }
    }

    #[test]
    fn a_complete_objective_meets_all_five() {
        let c = check(&smart_input());
        assert_eq!(c.met_count(), 5, "{c:?}");
        assert_eq!(c.achievable.reason, SmartReason::PlausibleGrowth);
        assert!((c.growth.unwrap_or_default() - 1.15).abs() < 1e-9);
    }

    #[test]
    fn vague_statement_is_not_specific() {
        let mut i = smart_input();
        i.statement = "Sell more".into();
        assert_eq!(check(&i).specific, Criterion::unmet(SmartReason::TooShort));
    }

    #[test]
    fn missing_target_or_unit_is_not_measurable() {
        let mut i = smart_input();
        i.unit = " ".into();
        assert_eq!(check(&i).measurable.reason, SmartReason::NoUnit);
        i.target_value = "".into();
        let c = check(&i);
        assert_eq!(c.measurable.reason, SmartReason::NoTarget);
        assert!(!c.achievable.met);
    }

    #[test]
    fn more_than_three_times_growth_is_a_question_not_an_error() {
        let mut i = smart_input();
        i.target_value = "900".into();
        let c = check(&i);
        assert!(!c.achievable.met);
        assert!(c.achievable.question);
        assert_eq!(c.achievable.reason, SmartReason::GrowthOver3x);
        i.target_value = "600".into();
        assert!(check(&i).achievable.met, "exactly 3x is still plausible");
    }

    #[test]
    fn starting_from_zero_or_unknown_baseline() {
        let mut i = smart_input();
        i.baseline = "0".into();
        assert_eq!(check(&i).achievable.reason, SmartReason::StartsFromZero);
        i.baseline = "".into();
        assert_eq!(check(&i).achievable.reason, SmartReason::NoBaseline);
    }

    #[test]
    fn relevant_needs_a_persona_and_time_bound_needs_a_deadline() {
        let mut i = smart_input();
        i.persona_ids.clear();
        i.deadline = "soon".into();
        let c = check(&i);
        assert_eq!(c.relevant.reason, SmartReason::NoPersona);
        assert_eq!(c.time_bound.reason, SmartReason::NoDeadline);
        assert_eq!(c.met_count(), 3);
    }
}
