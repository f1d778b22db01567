//! The shell's state: the path of the database and the store opened on it.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use briefing_core::Store;

use crate::error::CommandError;

pub struct AppState {
    pub db_path: PathBuf,
    store: Mutex<Store>,
}

impl AppState {
    pub fn new(db_path: PathBuf, store: Store) -> AppState {
        AppState {
            db_path,
            store: Mutex::new(store),
        }
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, CommandError> {
        self.store.lock().map_err(|_| CommandError {
            code: "internal",
            message: "the store is unavailable after an earlier failure".into(),
        })
    }
}

/// The database: `--db PATH` on the command line, else `BRIEFING_DB`, else the default in
/// the user's data directory (the same one the `briefing` CLI uses).
pub fn database_path() -> PathBuf {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(p) = args.next() {
                return PathBuf::from(p);
            }
        } else if let Some(p) = arg.strip_prefix("--db=") {
            return PathBuf::from(p);
        }
    }
    std::env::var_os("BRIEFING_DB")
        .map(PathBuf::from)
        .unwrap_or_else(Store::default_path)
}
