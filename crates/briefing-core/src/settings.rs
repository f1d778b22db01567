//! Settings shared by the app and the CLI, in `settings.json` in the platform config
//! directory (`~/.config/briefing-desk/settings.json` on Linux).
//!
//! ```json
//! { "database": "/home/officer/Documents/briefing.sqlite",
//!   "house_style": { "organisation": "Ministry of Foreign Affairs", "author": "A. Officer",
//!                    "classification": "RESTRICTED — FOR OFFICIAL USE", "paper": "a4",
//!                    "margin_mm": 20 } }
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::Store;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The database to open instead of the default one in the data directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database: Option<PathBuf>,
    /// How briefs look and who they are from.
    #[serde(default)]
    pub house_style: HouseStyle,
}

/// The house style of briefs: who prepares them, the default classification marking, the
/// paper and margins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct HouseStyle {
    pub organisation: Option<String>,
    pub author: Option<String>,
    pub classification: Option<String>,
    pub paper: crate::brief::Paper,
    pub margin_mm: u32,
}

impl Default for HouseStyle {
    fn default() -> Self {
        HouseStyle {
            organisation: None,
            author: None,
            classification: None,
            paper: crate::brief::Paper::A4,
            margin_mm: 20,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("the settings file {path} cannot be read: {reason}")]
pub struct SettingsError {
    pub path: String,
    pub reason: String,
}

impl Settings {
    pub fn default_path() -> PathBuf {
        directories::ProjectDirs::from("org", "Briefing Desk", "briefing-desk")
            .map(|d| d.config_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from("."))
            .join("settings.json")
    }

    /// Writes the settings atomically, creating the folder if needed.
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        let err = |reason: String| SettingsError {
            path: path.display().to_string(),
            reason,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        }
        let json = serde_json::to_string_pretty(self).expect("settings serialise");
        crate::brief::write_atomically(path, json.as_bytes(), true).map_err(|e| err(e.to_string()))
    }

    /// Reads the settings; a missing file means the defaults.
    pub fn load(path: &Path) -> Result<Settings, SettingsError> {
        let err = |reason: String| SettingsError {
            path: path.display().to_string(),
            reason,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| err(e.to_string())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(err(e.to_string())),
        }
    }
}

/// Who review actions are recorded as: the login name of the officer, else "officer".
pub fn current_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "officer".into())
}

/// The database to open: the `--db` argument, else the `BRIEFING_DB` environment variable,
/// else the `database` setting, else the default in the data directory. The app and the
/// CLI both decide this way, so they open the same database.
pub fn database_path(explicit: Option<PathBuf>) -> Result<PathBuf, SettingsError> {
    if let Some(p) = explicit {
        return Ok(p);
    }
    if let Some(p) = std::env::var_os("BRIEFING_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    Ok(Settings::load(&Settings::default_path())?
        .database
        .unwrap_or_else(Store::default_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_the_defaults_and_a_broken_one_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("settings.json");
        assert_eq!(Settings::load(&missing).unwrap(), Settings::default());
        std::fs::write(&missing, "{ not json").unwrap();
        let err = Settings::load(&missing).unwrap_err();
        assert!(
            err.to_string().contains("settings.json cannot be read"),
            "{err}"
        );
        std::fs::write(&missing, r#"{"database": "/data/briefing.sqlite"}"#).unwrap();
        assert_eq!(
            Settings::load(&missing).unwrap().database,
            Some(PathBuf::from("/data/briefing.sqlite"))
        );
    }

    #[test]
    fn the_house_style_round_trips_and_keeps_the_database_setting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("conf/settings.json");
        let mut s = Settings {
            database: Some("/data/b.sqlite".into()),
            ..Settings::default()
        };
        s.house_style.author = Some("A. Officer".into());
        s.house_style.paper = crate::brief::Paper::Letter;
        s.save(&path).unwrap();
        let back = Settings::load(&path).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.house_style.margin_mm, 20);
    }

    #[test]
    fn an_explicit_path_wins() {
        assert_eq!(
            database_path(Some("/x.sqlite".into())).unwrap(),
            PathBuf::from("/x.sqlite")
        );
    }
}
