//! Integration tests of briefing-core: one binary, modules mirroring `src/`.

mod bad_input;
mod brief;
mod canonical;
mod extract;
mod extract_props;
mod fixtures;
mod import;
mod review;
mod store;

use std::path::PathBuf;

/// `tests/fixtures` at the repository root.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// `../shared/fixtures` beside the repository (the canonical article).
pub fn shared_fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures")
}
