//! Append-only migrations. Each runs in its own transaction and bumps `user_version`; an
//! existing database is copied with the online backup API before the first one runs.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use super::{Result, StoreError};

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_articles.sql"),
    include_str!("../../migrations/0002_domain.sql"),
    include_str!("../../migrations/0003_suggestions.sql"),
    include_str!("../../migrations/0004_name_keys.sql"),
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

/// Recomputes the stored name keys when they were made by older rules than
/// `names::KEY_VERSION` (one transaction; nothing changes when they are current).
pub(super) fn rekey_names(conn: &Connection) -> Result<()> {
    let has_meta: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'store_meta'",
        [],
        |r| r.get(0),
    )?;
    let version: Option<i64> = if has_meta {
        conn.query_row(
            "SELECT value FROM store_meta WHERE key = 'name_key_version'",
            [],
            |r| r.get(0),
        )
        .optional()?
    } else {
        None
    };
    let Some(version) = version else {
        // A store opened at an earlier schema, for tests: nothing to rekey.
        return Ok(());
    };
    if version >= crate::names::KEY_VERSION {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    for (table, source, column, key) in [
        (
            "people",
            "house_name",
            "name_key",
            crate::names::name_key as fn(&str) -> String,
        ),
        ("person_names", "name", "name_key", crate::names::name_key),
        ("organisations", "name", "name_key", crate::names::name_key),
        (
            "mentions",
            "name_as_written",
            "surname_key",
            super::suggest::surname_key,
        ),
    ] {
        let rows: Vec<(i64, String)> = {
            let mut stmt = tx.prepare(&format!(
                "SELECT id, {source} FROM {table} WHERE {column} IS NOT NULL"
            ))?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut update = tx.prepare(&format!("UPDATE {table} SET {column} = ?1 WHERE id = ?2"))?;
        for (id, name) in rows {
            update.execute(rusqlite::params![key(&name), id])?;
        }
    }
    tx.execute(
        "UPDATE store_meta SET value = ?1 WHERE key = 'name_key_version'",
        [crate::names::KEY_VERSION],
    )?;
    tx.commit()?;
    Ok(())
}
