//! Append-only migrations. Each runs in its own transaction and bumps `user_version`; an
//! existing database is copied with the online backup API before the first one runs.

use std::path::Path;

use rusqlite::Connection;

use super::{Result, StoreError};

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_articles.sql"),
    include_str!("../../migrations/0002_domain.sql"),
    include_str!("../../migrations/0003_suggestions.sql"),
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn migrate(conn: &Connection, path: Option<&Path>, target: i64) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found >= target {
        return Ok(());
    }
    if found == 0 {
        // A version-0 file must be empty: anything else is some other program's database.
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tables > 0 {
            return Err(StoreError::NotOurs {
                path: path.map_or_else(|| ":memory:".into(), |p| p.display().to_string()),
                why: format!("it holds {tables} tables but no Briefing Desk schema version"),
            });
        }
    } else if let Some(path) = path {
        let backup = super::backup::sibling_path(path, &format!("before-v{target}"));
        conn.backup(rusqlite::MAIN_DB, &backup, None)?;
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(found as usize)
    {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
