//! Versioned schema migrations tracked in `PRAGMA user_version`, one transaction each.

use rusqlite::{Connection, TransactionBehavior};

use super::{backup, open_connection, set_durable_journal, user_version};
use crate::error::{Error, Result};
use crate::paths::DataDir;

/// One schema step. Each domain module owns the SQL of the tables it adds.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, oldest first. Never edit a released one: add a new version.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "workspace (business profile)",
        sql: crate::workspace::SCHEMA_V1,
    },
    Migration {
        version: 2,
        name: "connections (CalDAV accounts; keychain references only)",
        sql: crate::connections::SCHEMA_CONNECTIONS,
    },
    Migration {
        version: 3,
        name: "content and calendar (pillars, posts, approval, series, events)",
        sql: crate::content::SCHEMA,
    },
    Migration {
        version: 4,
        name: "platforms (active platforms, wizard answers, account design)",
        sql: crate::platforms::setup::SCHEMA,
    },
    Migration {
        version: 5,
        name: "strategy (objectives, KPIs, personas, evidence)",
        sql: crate::strategy::SCHEMA_V2,
    },
    Migration {
        version: 6,
        name: "media library",
        sql: crate::media::SCHEMA_V2,
    },
    Migration {
        version: 7,
        name: "publishing (CalDAV publish records, posts marked published by hand)",
        sql: crate::publishing::SCHEMA,
    },
    Migration {
        version: 8,
        name: "team sharing (bundle exchanges: the merge base)",
        sql: crate::share::bundle::SCHEMA,
    },
    Migration {
        version: 9,
        name: "incident playbook contacts",
        sql: crate::incident::SCHEMA,
    },
    Migration {
        version: 10,
        name: "results (metric snapshots, account metrics, KPI readings, reviews)",
        sql: crate::results::SCHEMA,
    },
    Migration {
        version: 11,
        name: "photos attached to posts",
        sql: crate::media::SCHEMA_POST_MEDIA,
    },
    Migration {
        version: 12,
        name: "photos chosen for one platform of a post",
        sql: crate::media::SCHEMA_VARIANT_MEDIA,
    },
];

pub fn latest_version() -> u32 {
    latest_of(MIGRATIONS)
}

fn latest_of(migrations: &[Migration]) -> u32 {
    migrations.last().map_or(0, |m| m.version)
}

/// Open the database file of `dir` and bring it to the newest schema of `migrations`.
///
/// Order matters: the schema version is read before anything is written, so a database
/// from a newer Plotline is refused untouched; an existing older database is backed up
/// (and the backup verified) before the first migration runs.
pub(crate) fn open_and_migrate(dir: &DataDir, migrations: &[Migration]) -> Result<Connection> {
    let path = dir.db_path();
    let existed = path.metadata().map(|m| m.len() > 0).unwrap_or(false);
    let mut conn = open_connection(&path)?;
    let found = user_version(&conn)?;
    let latest = latest_of(migrations);
    if found > latest {
        return Err(Error::NewerSchema {
            found,
            supported: latest,
        });
    }
    if found == 0 && has_tables(&conn)? {
        return Err(Error::Unsupported(format!(
            "{} is an SQLite database, but not one made by Plotline. Move it out of the data \
             folder (or choose another folder) and start Plotline again.",
            path.display()
        )));
    }
    set_durable_journal(&conn)?;
    if found < latest {
        if existed && found > 0 {
            let dest = dir.backups_dir().join(backup::timestamped_name(&format!(
                "before-migration-v{found}-to-v{latest}"
            )));
            backup::write_backup(&conn, &dest)?;
        }
        migrate(&mut conn, migrations, found)?;
    }
    Ok(conn)
}

fn has_tables(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'",
        [],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// Apply every migration newer than `from`, each in its own IMMEDIATE transaction that
/// also bumps `user_version`: a failing step leaves the database at the previous version.
pub fn migrate(conn: &mut Connection, migrations: &[Migration], from: u32) -> Result<u32> {
    let mut version = from;
    for m in migrations.iter().filter(|m| m.version > from) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(m.sql).map_err(|e| {
            Error::Database(format!(
                "Updating the database to schema {} ({}) failed: {e}. Nothing was changed: your \
                 data is still at schema {version}. Please report this problem.",
                m.version, m.name
            ))
        })?;
        tx.pragma_update(None, "user_version", m.version)?;
        tx.commit()?;
        version = m.version;
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_from_one_without_gaps() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                m.version as usize,
                i + 1,
                "migration {} out of order",
                m.name
            );
            assert!(!m.sql.trim().is_empty());
        }
        assert_eq!(latest_version() as usize, MIGRATIONS.len());
    }
}
