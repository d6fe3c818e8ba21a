//! Tables of the strategy link of the chain: objectives (KGI) with their success factors
//! (KSF) and KPIs, personas with their evidence, and the objective ↔ persona links.
//! Kept in one migration so the lead can renumber it on merge.

/// Schema v2: objectives, KPIs, personas, evidence.
pub const SCHEMA_V2: &str = "
CREATE TABLE objectives (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('awareness', 'lead_acquisition',
                        'purchase_conversion', 'fan_ltv', 'recruiting_branding', 'social_listening')),
    statement       TEXT NOT NULL CHECK (length(trim(statement)) > 0),
    baseline        REAL,
    target_value    REAL CHECK (target_value IS NULL OR target_value >= 0),
    unit            TEXT NOT NULL DEFAULT '',
    baseline_date   TEXT,
    deadline        TEXT,
    owner           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('draft', 'active', 'achieved', 'dropped')),
    success_factors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(success_factors)),
    sort_order      INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE kpis (
    id            TEXT PRIMARY KEY,
    objective_id  TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    stage         TEXT NOT NULL CHECK (stage IN ('awareness', 'interest', 'action', 'advocacy')),
    metric        TEXT NOT NULL,
    baseline      REAL,
    target        REAL CHECK (target IS NULL OR target >= 0),
    unit          TEXT NOT NULL DEFAULT '',
    cadence       TEXT NOT NULL CHECK (cadence IN ('weekly', 'monthly', 'quarterly')),
    sort_order    INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX kpis_by_objective ON kpis (objective_id, sort_order);

CREATE TABLE personas (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    color           TEXT NOT NULL,
    quote           TEXT NOT NULL DEFAULT '',
    is_primary      INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    demographics    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(demographics)),
    psychographics  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(psychographics)),
    social_usage    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(social_usage)),
    sort_order      INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE persona_evidence (
    id          TEXT PRIMARY KEY,
    persona_id  TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('interview', 'survey', 'support', 'sales',
                    'analytics', 'ugc', 'assumption')),
    note        TEXT NOT NULL DEFAULT '',
    date        TEXT,
    sort_order  INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX evidence_by_persona ON persona_evidence (persona_id, sort_order);

CREATE TABLE objective_personas (
    objective_id  TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    persona_id    TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (objective_id, persona_id)
) STRICT;
CREATE INDEX objective_personas_by_persona ON objective_personas (persona_id);
";
