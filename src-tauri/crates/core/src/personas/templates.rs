//! Industry templates: plausible starting personas, every fact marked as an assumption so
//! the owner knows what to check with real customers. Data in `templates.json`.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{
    ActiveHours, AvatarColor, Demographics, EvidenceInput, EvidenceKind, PersonaInput,
    Psychographics, SocialUsage, UsageFrequency,
};
use crate::workspace::Language;

const TEMPLATES_JSON: &str = include_str!("templates.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum IndustryTemplate {
    CafeBakery,
    Salon,
    Retail,
    B2bServices,
    LocalServices,
}

impl IndustryTemplate {
    pub const ALL: [IndustryTemplate; 5] = [
        IndustryTemplate::CafeBakery,
        IndustryTemplate::Salon,
        IndustryTemplate::Retail,
        IndustryTemplate::B2bServices,
        IndustryTemplate::LocalServices,
    ];
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Usage {
    platform: String,
    frequency: UsageFrequency,
    active_hours: Vec<ActiveHours>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Text {
    name: String,
    quote: String,
    demographics: Demographics,
    psychographics: Psychographics,
    account_types: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Template {
    id: IndustryTemplate,
    color: AvatarColor,
    social: Vec<Usage>,
    en: Text,
    ja: Text,
}

#[derive(Debug, Clone, Deserialize)]
struct TemplatesFile {
    version: u32,
    templates: Vec<Template>,
}

fn file() -> &'static TemplatesFile {
    static FILE: OnceLock<TemplatesFile> = OnceLock::new();
    FILE.get_or_init(|| {
        serde_json::from_str(TEMPLATES_JSON)
            .expect("templates.json is embedded at build time and checked by a unit test")
    })
}

pub fn version() -> u32 {
    file().version
}

fn assumption(note: &str) -> EvidenceInput {
    EvidenceInput {
        id: None,
        kind: EvidenceKind::Assumption,
        note: note.into(),
        date: String::new(),
    }
}

/// An unsaved persona prefilled from `template`, written in `language`.
pub fn from_template(template: IndustryTemplate, language: Language) -> PersonaInput {
    let Some(t) = file().templates.iter().find(|t| t.id == template) else {
        return PersonaInput {
            id: None,
            name: String::new(),
            color: AvatarColor::Sage,
            quote: String::new(),
            is_primary: false,
            demographics: Demographics::default(),
            psychographics: Psychographics::default(),
            social_usage: Vec::new(),
            evidence: Vec::new(),
        };
    };
    let text = match language {
        Language::En => &t.en,
        Language::Ja => &t.ja,
    };
    let notes: [&str; 3] = match language {
        Language::En => [
            "Demographics from the industry template: check them against your real customers.",
            "Values, pain points and goals from the industry template: confirm them in 3–5 customer interviews.",
            "Social-media habits from the industry template: compare with your own insights and analytics.",
        ],
        Language::Ja => [
            "属性は業種テンプレートの仮説です。実際のお客様と照らし合わせてください。",
            "価値観・悩み・目標は業種テンプレートの仮説です。3〜5人のお客様インタビューで確かめましょう。",
            "SNSの使い方は業種テンプレートの仮説です。自分のアカウントの分析と比べてください。",
        ],
    };
    PersonaInput {
        id: None,
        name: text.name.clone(),
        color: t.color,
        quote: text.quote.clone(),
        is_primary: false,
        demographics: text.demographics.clone(),
        psychographics: text.psychographics.clone(),
        social_usage: t
            .social
            .iter()
            .map(|u| SocialUsage {
                platform: u.platform.clone(),
                frequency: u.frequency,
                active_hours: u.active_hours.clone(),
                account_types: text.account_types.clone(),
            })
            .collect(),
        evidence: notes.iter().map(|n| assumption(n)).collect(),
    }
}

/// [`from_template`] in the workspace language.
pub fn for_workspace(
    conn: &rusqlite::Connection,
    template: IndustryTemplate,
) -> crate::Result<PersonaInput> {
    let language = crate::workspace::get(conn)?.map_or(Language::En, |w| w.language);
    Ok(from_template(template, language))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_templates_load_and_cover_every_industry_in_both_languages() {
        let f: TemplatesFile = serde_json::from_str(TEMPLATES_JSON).expect("valid templates");
        assert!(f.version >= 1);
        for id in IndustryTemplate::ALL {
            let t = f
                .templates
                .iter()
                .find(|t| t.id == id)
                .expect("template present");
            for text in [&t.en, &t.ja] {
                assert!(!text.name.trim().is_empty() && !text.quote.trim().is_empty());
                assert!(!text.psychographics.pain_points.is_empty());
            }
            assert!(!t.social.is_empty());
            for u in &t.social {
                for h in &u.active_hours {
                    assert!(h.from < h.to && h.to <= 24, "{id:?} hours");
                }
            }
        }
    }

    #[test]
    fn template_persona_is_all_assumptions() {
        let p = from_template(IndustryTemplate::CafeBakery, Language::Ja);
        assert_eq!(p.name, "近所の常連さん");
        assert!(!p.evidence.is_empty());
        assert!(p
            .evidence
            .iter()
            .all(|e| e.kind == EvidenceKind::Assumption));
        assert_eq!(p.social_usage[0].platform, "instagram");
    }
}
