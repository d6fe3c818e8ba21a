//! Tables of the results domain (one migration; the lead renumbers on merge).

/// Metric snapshots per post variant, account metrics per period, manual KPI readings,
/// and the PDCA reviews with their decisions.
pub const SCHEMA: &str = "
CREATE TABLE metric_snapshots (
    id              TEXT PRIMARY KEY,
    variant_id      TEXT NOT NULL REFERENCES post_variants (id) ON DELETE CASCADE,
    captured_on     TEXT NOT NULL,
    impressions     INTEGER CHECK (impressions IS NULL OR impressions >= 0),
    reach           INTEGER CHECK (reach IS NULL OR reach >= 0),
    likes           INTEGER CHECK (likes IS NULL OR likes >= 0),
    comments        INTEGER CHECK (comments IS NULL OR comments >= 0),
    shares          INTEGER CHECK (shares IS NULL OR shares >= 0),
    saves           INTEGER CHECK (saves IS NULL OR saves >= 0),
    clicks          INTEGER CHECK (clicks IS NULL OR clicks >= 0),
    profile_visits  INTEGER CHECK (profile_visits IS NULL OR profile_visits >= 0),
    video_views     INTEGER CHECK (video_views IS NULL OR video_views >= 0),
    conversions     INTEGER CHECK (conversions IS NULL OR conversions >= 0),
    revenue         REAL CHECK (revenue IS NULL OR revenue >= 0),
    source          TEXT NOT NULL CHECK (source IN ('manual', 'meta', 'x', 'linkedin', 'generic')),
    post_url        TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX metric_snapshots_by_variant ON metric_snapshots (variant_id, captured_on);
CREATE INDEX metric_snapshots_by_url ON metric_snapshots (post_url) WHERE post_url IS NOT NULL;

CREATE TABLE account_metrics (
    id              TEXT PRIMARY KEY,
    platform        TEXT NOT NULL,
    period_start    TEXT NOT NULL,
    period_end      TEXT NOT NULL,
    followers       INTEGER CHECK (followers IS NULL OR followers >= 0),
    profile_visits  INTEGER CHECK (profile_visits IS NULL OR profile_visits >= 0),
    web_sessions    INTEGER CHECK (web_sessions IS NULL OR web_sessions >= 0),
    orders_leads    INTEGER CHECK (orders_leads IS NULL OR orders_leads >= 0),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (period_end >= period_start),
    UNIQUE (platform, period_start, period_end)
) STRICT;
CREATE INDEX account_metrics_by_end ON account_metrics (period_end);

CREATE TABLE kpi_readings (
    id           TEXT PRIMARY KEY,
    kpi_id       TEXT NOT NULL REFERENCES kpis (id) ON DELETE CASCADE,
    measured_on  TEXT NOT NULL,
    value        REAL NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX kpi_readings_by_kpi ON kpi_readings (kpi_id, measured_on);

CREATE TABLE reviews (
    id            TEXT PRIMARY KEY,
    cadence       TEXT NOT NULL CHECK (cadence IN ('weekly', 'monthly', 'quarterly')),
    period_start  TEXT NOT NULL,
    period_end    TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'completed')),
    snapshot      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(snapshot)),
    worked        TEXT NOT NULL DEFAULT '',
    stop_doing    TEXT NOT NULL DEFAULT '',
    hypothesis    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (period_end >= period_start)
) STRICT;
CREATE INDEX reviews_by_period ON reviews (period_end, period_start);

CREATE TABLE review_decisions (
    id           TEXT PRIMARY KEY,
    review_id    TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
    area         TEXT NOT NULL CHECK (area IN ('pillar', 'platform', 'cadence', 'other')),
    target       TEXT,
    sort_order   INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX review_decisions_by_review ON review_decisions (review_id, sort_order);
";
