//! The SQLite store: one database file, opened with WAL, foreign keys and a busy timeout,
//! migrated forward with append-only migrations tracked in `user_version`.

mod backup;
mod briefs;
mod journal;
mod people;
mod read;
mod review;
mod schema;
mod search;
mod suggest;
mod visits;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use people::{
    Dossier, DossierMention, DossierQuote, DossierTopic, DossierVisit, PersonName, PersonSummary,
    Position, ProtocolNotes,
};
pub use read::{ArticleFilter, ArticleSummary, ReviewState, StoredArticle};
pub use review::{
    Accepted, ArticleReview, CommitmentView, Correction, FactKind, FigureView, LogEntry,
    MentionView, PersonChoice, QuoteView, TopicView,
};
pub use schema::LATEST_VERSION;
pub use search::{RANK_WINDOW, SearchHit, SnippetSegment, fts_query};
pub use visits::{
    Participant, TimelineEntry, VisitCommitment, VisitDetail, VisitFields, VisitFigure,
    VisitSummary, VisitTopic, side_label,
};
pub use write::{AddOutcome, NewSource, SourceKind};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the database {path} was written by a newer version of Briefing Desk (schema {found}; \
         this version knows up to {supported}). It was not changed. Update Briefing Desk to open it."
    )]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error("{path} is not a Briefing Desk database: {why}")]
    NotOurs { path: String, why: String },
    #[error("{path} already exists; choose another name or allow replacing it")]
    Exists { path: String },
    #[error("could not create the folder for the database {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error("file error at {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("no article with id {0}")]
    NoArticle(i64),
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: i64 },
    #[error("{0}")]
    Invalid(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The store of one database file.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it to the latest
    /// schema, writing a backup copy first when an existing database is migrated.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_at_version(path, LATEST_VERSION)
    }

    /// Opens a database migrated only up to `version`. Tests use it to make a database of an
    /// earlier schema; the app always opens at the latest.
    #[doc(hidden)]
    pub fn open_at_version(path: &Path, version: i64) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
                path: path.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        // Read the version before anything writes to the file: a database from a newer
        // version must stay byte-for-byte as it was.
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > LATEST_VERSION {
            return Err(StoreError::TooNew {
                path: path.display().to_string(),
                found,
                supported: LATEST_VERSION,
            });
        }
        configure(&conn)?;
        schema::migrate(&conn, Some(path), version)?;
        schema::rekey_names(&conn)?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
        })
    }

    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        configure(&conn)?;
        schema::migrate(&conn, None, LATEST_VERSION)?;
        Ok(Store { conn, path: None })
    }

    /// The database in the platform data directory, shared by the app and the CLI
    /// (`~/.local/share/briefing-desk/briefing.sqlite` on Linux).
    pub fn default_path() -> PathBuf {
        directories::ProjectDirs::from("org", "Briefing Desk", "briefing-desk")
            .map(|d| d.data_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from("."))
            .join("briefing.sqlite")
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check`: "ok" for a sound database.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// The connection, for read-only inspection in tests and tools.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// The time stamps of the store: UTC, RFC 3339, whole seconds.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn configure(conn: &Connection) -> Result<()> {
    // journal_mode must be set outside any transaction; SQLite ignores it inside one.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Checkpoint the WAL every 16 MB rather than every 4 MB: an import writes tens of
    // megabytes, and each checkpoint costs a sync.
    conn.pragma_update(None, "wal_autocheckpoint", 4000)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(Duration::from_secs(10))?;
    Ok(())
}
