//! The `briefing` binary end to end, on temporary databases.

mod brief;
mod commands;
mod http;
mod kill;
mod people;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn shared_fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures")
}

pub fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ingest")
}

pub fn briefing(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
    cmd.arg("--db").arg(db).env_remove("BRIEFING_DB");
    cmd
}

pub fn run(db: &Path, args: &[&str]) -> Output {
    briefing(db).args(args).output().expect("briefing runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("JSON output ({e}): {}\nstderr: {}", stdout(o), stderr(o)))
}
