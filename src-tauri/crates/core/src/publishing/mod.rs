//! Getting the plan out of Plotline and onto the networks: publishing the scheduled posts to a
//! team's CalDAV calendar ([`caldav`]) and the hand-off for posting by hand ([`handoff`]:
//! "Due today", copy text, "Mark as published" with the post's URL).

pub mod caldav;
pub mod handoff;

/// Tables of the publishing domain (one migration).
pub const SCHEMA: &str = "
-- What Plotline created in each calendar (collection URL + user name, so the app's saved
-- connection and the CLI share it): the only resources it will ever update or delete there
-- (events other people or apps put in the same calendar are never touched).
CREATE TABLE caldav_published (
    collection    TEXT NOT NULL,
    username      TEXT NOT NULL,
    uid           TEXT NOT NULL,
    href          TEXT NOT NULL,
    etag          TEXT,
    hash          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (collection, username, uid)
) STRICT;

-- The last publish to each calendar (shown next to the Publish button).
CREATE TABLE caldav_publish_run (
    collection    TEXT NOT NULL,
    username      TEXT NOT NULL,
    at            TEXT NOT NULL,
    created       INTEGER NOT NULL,
    updated       INTEGER NOT NULL,
    deleted       INTEGER NOT NULL,
    unchanged     INTEGER NOT NULL,
    failures      INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (collection, username)
) STRICT;

-- Where a post went live when it was posted by hand (\"Mark as published\").
CREATE TABLE post_publication (
    post_id      TEXT PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
    url          TEXT NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
    published_at TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
";
