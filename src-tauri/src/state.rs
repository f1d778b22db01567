//! The shell's state: the path of the database and the store opened on it.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use briefing_core::Store;

use crate::error::CommandError;

pub struct AppState {
    pub db_path: PathBuf,
    store: Mutex<Store>,
    /// Set by `cancel_import`; the import running checks it between sources.
    pub import_cancel: Arc<AtomicBool>,
}

impl AppState {
    pub fn new(db_path: PathBuf, store: Store) -> AppState {
        AppState {
            db_path,
            store: Mutex::new(store),
            import_cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, CommandError> {
        self.store.lock().map_err(|_| CommandError {
            code: "internal",
            message: "the store is unavailable after an earlier failure".into(),
        })
    }
}

/// The database: `--db PATH` on the command line, else as the CLI decides it (the
/// `BRIEFING_DB` environment variable, the `database` setting, the default in the user's
/// data directory).
pub fn database_path() -> Result<PathBuf, briefing_core::settings::SettingsError> {
    let mut args = std::env::args().skip(1);
    let mut explicit = None;
    while let Some(arg) = args.next() {
        if arg == "--db" {
            explicit = args.next().map(PathBuf::from);
        } else if let Some(p) = arg.strip_prefix("--db=") {
            explicit = Some(PathBuf::from(p));
        }
    }
    briefing_core::settings::database_path(explicit)
}
