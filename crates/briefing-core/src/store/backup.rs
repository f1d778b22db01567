//! Backup and restore with SQLite's online backup API: both work while the app has the
//! database open.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, MAIN_DB, OpenFlags};

use super::schema::LATEST_VERSION;
use super::{Result, Store, StoreError};

impl Store {
    /// Writes a consistent copy of the database to `dest`. An existing file is replaced only
    /// when `replace` is set; the copy is written beside it and renamed into place, so a failed
    /// backup never leaves half a file.
    pub fn backup_to(&self, dest: &Path, replace: bool) -> Result<()> {
        if dest.exists() && !replace {
            return Err(StoreError::Exists {
                path: dest.display().to_string(),
            });
        }
        let tmp = sibling_path(dest, "partial");
        let result = self.conn.backup(MAIN_DB, &tmp, None);
        if let Err(e) = result {
            let _ = std::fs::remove_file(&tmp);
            return Err(e.into());
        }
        std::fs::rename(&tmp, dest).map_err(|source| StoreError::Io {
            path: dest.display().to_string(),
            source,
        })
    }

    /// Replaces the database's contents with a backup. The backup is checked first (it must
    /// be a sound Briefing Desk database no newer than this version), the current contents are
    /// saved beside the database, and an older backup is migrated after the restore.
    /// Returns the path of the safety copy of what was there before.
    pub fn restore_from(&mut self, src: &Path) -> Result<Option<PathBuf>> {
        check_backup(src)?;
        let safety = match &self.path {
            Some(path) => {
                let safety = sibling_path(path, "before-restore");
                self.conn.backup(MAIN_DB, &safety, None)?;
                Some(safety)
            }
            None => None,
        };
        self.conn
            .restore(MAIN_DB, src, None::<fn(rusqlite::backup::Progress)>)?;
        super::schema::migrate(&self.conn, self.path.as_deref(), LATEST_VERSION)?;
        Ok(safety)
    }
}

fn check_backup(src: &Path) -> Result<()> {
    let name = src.display().to_string();
    if !src.is_file() {
        return Err(StoreError::NotOurs {
            path: name,
            why: "no such file".into(),
        });
    }
    let not_ours = |why: String| StoreError::NotOurs {
        path: name.clone(),
        why,
    };
    let conn = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| not_ours(format!("it cannot be read as SQLite ({e})")))?;
    if version > LATEST_VERSION {
        return Err(StoreError::TooNew {
            path: name,
            found: version,
            supported: LATEST_VERSION,
        });
    }
    let has_articles: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'articles'",
        [],
        |r| r.get(0),
    )?;
    if version == 0 || !has_articles {
        return Err(not_ours("it has no Briefing Desk schema".into()));
    }
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(not_ours(format!("it is damaged ({check})")));
    }
    Ok(())
}

/// `dir/briefing.sqlite` -> `dir/briefing.<label>-<UTC time>.sqlite`.
pub(super) fn sibling_path(path: &Path, label: &str) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("briefing");
    let ext = path
        .extension()
        .and_then(|s| s.to_str())
        .unwrap_or("sqlite");
    path.with_file_name(format!("{stem}.{label}-{stamp}.{ext}"))
}
