//! Library commands: list, search, show and import articles. Each calls one core function.

use std::sync::atomic::AtomicBool;

use briefing_core::Store;
use briefing_core::import::{ImportInput, ImportReport, import};
use briefing_core::store::{ArticleFilter, ArticleSummary, SearchHit, StoredArticle};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub fn list_articles(
    state: State<'_, AppState>,
    limit: i64,
    offset: i64,
) -> Result<Vec<ArticleSummary>, CommandError> {
    Ok(state
        .store()?
        .list_articles(&ArticleFilter::default(), limit, offset)?)
}

#[tauri::command]
pub fn search_articles(
    state: State<'_, AppState>,
    query: String,
    limit: i64,
) -> Result<Vec<SearchHit>, CommandError> {
    Ok(state
        .store()?
        .search_as_you_type(&query, &ArticleFilter::default(), limit)?)
}

#[tauri::command]
pub fn get_article(state: State<'_, AppState>, id: i64) -> Result<StoredArticle, CommandError> {
    Ok(state.store()?.article(id)?)
}

#[derive(Serialize)]
pub struct StoreInfo {
    path: String,
    articles: i64,
}

#[tauri::command]
pub fn store_info(state: State<'_, AppState>) -> Result<StoreInfo, CommandError> {
    let store = state.store()?;
    Ok(StoreInfo {
        path: state.db_path.display().to_string(),
        articles: store.count_articles()?,
    })
}

/// Imports files off the UI thread on a connection of its own (WAL lets the list keep
/// reading meanwhile), reporting progress as `import-progress` events.
#[tauri::command]
pub async fn import_paths(
    app: AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> Result<ImportReport, CommandError> {
    let db_path = state.db_path.clone();
    let inputs: Vec<ImportInput> = paths.iter().map(|p| ImportInput::parse(p)).collect();
    tauri::async_runtime::spawn_blocking(move || {
        let mut store = Store::open(&db_path)?;
        let cancel = AtomicBool::new(false);
        Ok(import(
            &mut store,
            &inputs,
            |p| {
                let _ = app.emit("import-progress", p);
            },
            &cancel,
        ))
    })
    .await
    .map_err(|e| CommandError {
        code: "internal",
        message: format!("the import stopped unexpectedly: {e}"),
    })?
}
