//! Library commands: list, search, show and import articles. Each calls one core function.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use briefing_core::Store;
use briefing_core::import::{ImportInput, ImportReport, import};
use briefing_core::store::{ArticleFilter, ArticleSummary, ReviewState, SearchHit, StoredArticle};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use crate::error::CommandError;
use crate::state::AppState;

/// The Library's filters, as the UI sends them; all optional. Dates are YYYY-MM-DD.
#[derive(Debug, Default, serde::Deserialize)]
pub struct FilterInput {
    outlet: Option<String>,
    from: Option<String>,
    to: Option<String>,
    tag: Option<String>,
    person: Option<i64>,
    visit: Option<i64>,
    review: Option<ReviewState>,
}

impl FilterInput {
    fn filter(self) -> Result<ArticleFilter, CommandError> {
        for date in [&self.from, &self.to].into_iter().flatten() {
            if briefing_core::PublishedDate::parse_iso(date)
                .filter(|d| d.year.is_some())
                .is_none()
            {
                return Err(CommandError {
                    code: "invalid",
                    message: format!("{date} is not a date: write YYYY-MM-DD"),
                });
            }
        }
        let some = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        Ok(ArticleFilter {
            outlet: some(self.outlet),
            from: some(self.from),
            to: some(self.to),
            tag: some(self.tag),
            person: self.person,
            visit: self.visit,
            review: self.review,
        })
    }
}

/// A page of the Library list, newest first (the list is virtualised: the UI asks for the
/// rows it shows). Reading commands run off the main thread (`async`), so that a query never
/// holds up the window while the officer types or scrolls.
#[tauri::command(async)]
pub fn list_articles(
    state: State<'_, AppState>,
    limit: i64,
    offset: i64,
    filter: Option<FilterInput>,
) -> Result<Vec<ArticleSummary>, CommandError> {
    let filter = filter.unwrap_or_default().filter()?;
    Ok(state.store()?.list_articles(&filter, limit, offset)?)
}

/// How many articles the filter lets through.
#[tauri::command(async)]
pub fn count_articles(
    state: State<'_, AppState>,
    filter: Option<FilterInput>,
) -> Result<i64, CommandError> {
    let filter = filter.unwrap_or_default().filter()?;
    Ok(state.store()?.count_matching(&filter)?)
}

/// The outlets and how many articles each has, for the outlet filter.
#[tauri::command(async)]
pub fn list_outlets(state: State<'_, AppState>) -> Result<Vec<(String, i64)>, CommandError> {
    Ok(state.store()?.outlets()?)
}

#[tauri::command(async)]
pub fn search_articles(
    state: State<'_, AppState>,
    query: String,
    limit: i64,
    filter: Option<FilterInput>,
) -> Result<Vec<SearchHit>, CommandError> {
    let filter = filter.unwrap_or_default().filter()?;
    Ok(state.store()?.search_as_you_type(&query, &filter, limit)?)
}

#[tauri::command(async)]
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

/// Imports files, folders and http(s) addresses off the UI thread on a connection of its
/// own (WAL lets the list keep reading meanwhile), reporting progress as `import-progress`
/// events. `cancel_import` stops it between sources; what was stored stays.
#[tauri::command]
pub async fn import_paths(
    app: AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
) -> Result<ImportReport, CommandError> {
    let inputs: Vec<ImportInput> = paths.iter().map(|p| ImportInput::parse(p)).collect();
    run_import(app, &state, inputs).await
}

/// Imports text the officer pasted, as one article; `name` is how reports call it.
#[tauri::command]
pub async fn import_text(
    app: AppHandle,
    state: State<'_, AppState>,
    text: String,
    name: Option<String>,
) -> Result<ImportReport, CommandError> {
    if text.trim().is_empty() {
        return Err(CommandError {
            code: "invalid",
            message: "there is no text to import: paste an article first".into(),
        });
    }
    let name = name
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "Pasted text".into());
    run_import(app, &state, vec![ImportInput::Paste { name, text }]).await
}

/// Asks the import running (if any) to stop after the source it is on.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.import_cancel.store(true, Ordering::SeqCst);
}

async fn run_import(
    app: AppHandle,
    state: &AppState,
    inputs: Vec<ImportInput>,
) -> Result<ImportReport, CommandError> {
    let db_path = state.db_path.clone();
    let cancel = Arc::clone(&state.import_cancel);
    cancel.store(false, Ordering::SeqCst);
    tauri::async_runtime::spawn_blocking(move || {
        let mut store = Store::open(&db_path)?;
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
