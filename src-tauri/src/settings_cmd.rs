//! Settings, backups and the first-run sample: each command calls one core function.

use std::sync::atomic::AtomicBool;

use briefing_core::import::{ImportInput, ImportReport, import};
use briefing_core::settings::{HouseStyle, Settings};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

/// The canonical article, shipped with the app for "Load the sample article".
const SAMPLE: &str =
    include_str!("../../tests/fixtures/extract/articles/canonical-atyrau-brest.txt");

fn settings_error(e: briefing_core::settings::SettingsError) -> CommandError {
    CommandError {
        code: "settings",
        message: e.to_string(),
    }
}

#[derive(Debug, Serialize)]
pub struct AppSettings {
    house_style: HouseStyle,
    database: String,
    settings_file: String,
    articles: i64,
    version: &'static str,
}

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Result<AppSettings, CommandError> {
    let path = Settings::default_path();
    let settings = Settings::load(&path).map_err(settings_error)?;
    Ok(AppSettings {
        house_style: settings.house_style,
        database: state.db_path.display().to_string(),
        settings_file: path.display().to_string(),
        articles: state.store()?.count_articles()?,
        version: env!("CARGO_PKG_VERSION"),
    })
}

#[tauri::command]
pub fn save_house_style(house_style: HouseStyle) -> Result<(), CommandError> {
    let path = Settings::default_path();
    let mut settings = Settings::load(&path).map_err(settings_error)?;
    settings.house_style = house_style;
    settings.save(&path).map_err(settings_error)
}

/// Writes a consistent copy of the database to `path` (chosen in the save dialog).
#[tauri::command]
pub fn backup_now(
    state: State<'_, AppState>,
    path: String,
    replace: bool,
) -> Result<(), CommandError> {
    Ok(state
        .store()?
        .backup_to(std::path::Path::new(&path), replace)?)
}

/// Replaces the database's contents with a backup; returns where the current contents were
/// saved first.
#[tauri::command]
pub fn restore_backup(
    state: State<'_, AppState>,
    path: String,
) -> Result<Option<String>, CommandError> {
    Ok(state
        .store()?
        .restore_from(std::path::Path::new(&path))?
        .map(|p| p.display().to_string()))
}

/// Imports the sample article (the canonical Kazinform story) for a first look.
#[tauri::command]
pub fn load_sample_article(state: State<'_, AppState>) -> Result<ImportReport, CommandError> {
    let mut store = state.store()?;
    Ok(import(
        &mut store,
        &[ImportInput::Paste {
            name: "Sample: kazinform-atyrau-brest.txt".into(),
            text: SAMPLE.into(),
        }],
        |_| {},
        &AtomicBool::new(false),
    ))
}
