//! The risk-word check: wording a reviewer should look at twice before approving.
//!
//! The list is a maintained, versioned data file (`risk_words.json`, English and Japanese)
//! plus the workspace's own competitor names (stored in the database, user-editable).
//! English terms match whole words, case-insensitively; Japanese terms match anywhere.
//! Full-width letters and digits (Ｎｏ．１) are read as their ASCII forms.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::fold_width;
use crate::clock::{new_id, now};
use crate::error::{Error, Result};

pub const RISK_WORDS_JSON: &str = include_str!("risk_words.json");

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum RiskCategory {
    Discriminatory,
    AbsoluteClaim,
    HealthClaim,
    FinancialClaim,
    Competitor,
    SensitiveTopic,
}

/// Character offsets (Unicode scalar values, as `Array.from(text)` counts them), end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RiskHit {
    pub category: RiskCategory,
    /// The list entry that matched (as written in the list).
    pub term: String,
    pub span: Span,
}

#[derive(Debug, Deserialize)]
pub struct RiskWordFile {
    pub format: String,
    pub version: u32,
    pub updated: String,
    pub categories: BTreeMap<RiskCategory, Terms>,
}

#[derive(Debug, Deserialize)]
pub struct Terms {
    pub en: Vec<String>,
    pub ja: Vec<String>,
}

pub fn parse_word_file(json: &str) -> std::result::Result<RiskWordFile, String> {
    let file: RiskWordFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if file.format != "plotline-risk-words" || file.version == 0 {
        return Err("not a plotline-risk-words file".into());
    }
    Ok(file)
}

struct Entry {
    category: RiskCategory,
    term: String,
    needle: Vec<char>,
}

fn normalise(c: char) -> char {
    fold_width(c).to_ascii_lowercase()
}

fn builtin() -> &'static [Entry] {
    static LIST: OnceLock<Vec<Entry>> = OnceLock::new();
    LIST.get_or_init(|| {
        // The file is validated by a unit test; a broken build falls back to no built-in terms.
        let Ok(file) = parse_word_file(RISK_WORDS_JSON) else {
            return Vec::new();
        };
        file.categories
            .iter()
            .flat_map(|(cat, terms)| {
                terms
                    .en
                    .iter()
                    .chain(&terms.ja)
                    .map(move |t| entry(*cat, t))
            })
            .collect()
    })
}

fn entry(category: RiskCategory, term: &str) -> Entry {
    Entry {
        category,
        term: term.to_string(),
        needle: term.chars().map(normalise).collect(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Check `text` against the built-in list only.
pub fn risk_check(text: &str) -> Vec<RiskHit> {
    risk_check_with(text, &[])
}

/// Check `text` against the built-in list and the given competitor names. Hits are sorted
/// by position; where terms overlap (e.g. "the best" and "best") the longer one wins.
pub fn risk_check_with(text: &str, competitors: &[String]) -> Vec<RiskHit> {
    let hay: Vec<char> = text.chars().map(normalise).collect();
    let extra: Vec<Entry> = competitors
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| entry(RiskCategory::Competitor, c.trim()))
        .collect();
    let mut hits: Vec<RiskHit> = Vec::new();
    for e in builtin().iter().chain(&extra) {
        let n = e.needle.len();
        if n == 0 || n > hay.len() {
            continue;
        }
        let ascii_word = e.needle.first().is_some_and(|c| is_word_char(*c))
            || e.needle.last().is_some_and(|c| is_word_char(*c));
        let mut i = 0;
        while i + n <= hay.len() {
            if hay[i..i + n] == e.needle[..] {
                let left_ok = !ascii_word
                    || !is_word_char(e.needle[0])
                    || i == 0
                    || !is_word_char(hay[i - 1]);
                let right_ok = !ascii_word
                    || !is_word_char(e.needle[n - 1])
                    || i + n == hay.len()
                    || !is_word_char(hay[i + n]);
                if left_ok && right_ok {
                    hits.push(RiskHit {
                        category: e.category,
                        term: e.term.clone(),
                        span: Span {
                            start: i as u32,
                            end: (i + n) as u32,
                        },
                    });
                    i += n;
                    continue;
                }
            }
            i += 1;
        }
    }
    // Longer matches first, then drop any hit inside an already kept one.
    hits.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    let mut kept: Vec<RiskHit> = Vec::new();
    for h in hits {
        if kept
            .iter()
            .any(|k| k.span.start <= h.span.start && h.span.end <= k.span.end)
        {
            continue;
        }
        kept.push(h);
    }
    kept
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RiskCompetitor {
    pub id: String,
    pub name: String,
}

pub fn competitors(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM competitors ORDER BY name")?;
    let rows = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn list_competitors(conn: &Connection) -> Result<Vec<RiskCompetitor>> {
    let mut stmt = conn.prepare("SELECT id, name FROM competitors ORDER BY name")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(RiskCompetitor {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Add a competitor name to the workspace's list (adding one twice keeps one).
pub fn add_competitor(tx: &Transaction<'_>, name: &str) -> Result<RiskCompetitor> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(Error::field(
            "name",
            "Enter the competitor's name (up to 80 characters).",
        ));
    }
    let now = now();
    tx.execute(
        "INSERT INTO competitors (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) ON CONFLICT (name) DO NOTHING",
        params![new_id(), name, now],
    )?;
    Ok(tx.query_row(
        "SELECT id, name FROM competitors WHERE name = ?1",
        [name],
        |r| {
            Ok(RiskCompetitor {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        },
    )?)
}

pub fn remove_competitor(tx: &Transaction<'_>, id: &str) -> Result<()> {
    if tx.execute("DELETE FROM competitors WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound(
            "That competitor is no longer on the list.".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_file_is_valid_and_covers_every_builtin_category_in_both_languages() {
        let file = parse_word_file(RISK_WORDS_JSON).expect("risk_words.json parses");
        for cat in [
            RiskCategory::Discriminatory,
            RiskCategory::AbsoluteClaim,
            RiskCategory::HealthClaim,
            RiskCategory::FinancialClaim,
            RiskCategory::SensitiveTopic,
        ] {
            let t = file
                .categories
                .get(&cat)
                .unwrap_or_else(|| panic!("{cat:?} missing"));
            assert!(
                !t.en.is_empty() && !t.ja.is_empty(),
                "{cat:?} needs EN and JA terms"
            );
            for term in t.en.iter().chain(&t.ja) {
                assert_eq!(term.trim(), term, "stray spaces in {term:?}");
                assert!(!term.is_empty());
            }
        }
        assert!(
            !file.categories.contains_key(&RiskCategory::Competitor),
            "competitors live in the database"
        );
        assert!(file.updated.len() == 10);
        let mut seen: Vec<Vec<char>> = builtin().iter().map(|e| e.needle.clone()).collect();
        let n = seen.len();
        seen.sort();
        seen.dedup();
        assert_eq!(
            seen.len(),
            n,
            "a term is listed twice (after case and width folding)"
        );
        assert_eq!(
            builtin().len(),
            file.categories
                .values()
                .map(|t| t.en.len() + t.ja.len())
                .sum::<usize>()
        );
    }
}
