//! Review, people, visits and briefs: each command calls one core function. Review actions
//! are recorded as the login name of the officer running the app.

use briefing_core::brief::{self, BriefOptions};
use briefing_core::store::{
    Accepted, ArticleReview, Correction, Dossier, FactKind, LogEntry, PersonChoice, PersonSummary,
    ProtocolNotes, VisitDetail, VisitFields, VisitSummary,
};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

fn actor() -> String {
    briefing_core::settings::current_user()
}

#[tauri::command(async)]
pub fn article_review(
    state: State<'_, AppState>,
    article_id: i64,
) -> Result<ArticleReview, CommandError> {
    let mut store = state.store()?;
    store.ensure_extracted(article_id, false)?;
    Ok(store.article_review(article_id)?)
}

#[tauri::command]
pub fn confirm_mention(state: State<'_, AppState>, mention_id: i64) -> Result<i64, CommandError> {
    Ok(state.store()?.confirm_mention(mention_id, &actor())?)
}

#[tauri::command]
pub fn reject_mention(state: State<'_, AppState>, mention_id: i64) -> Result<(), CommandError> {
    Ok(state.store()?.reject_mention(mention_id, &actor())?)
}

/// The officer's version of a suggested person, as the UI sends it.
#[derive(Debug, Deserialize)]
pub struct CorrectionInput {
    name: String,
    title: Option<String>,
    organisation: Option<String>,
    country: Option<String>,
    /// "as_offered", "new", or a person's id.
    person: Option<serde_json::Value>,
}

#[tauri::command]
pub fn correct_mention(
    state: State<'_, AppState>,
    mention_id: i64,
    correction: CorrectionInput,
) -> Result<i64, CommandError> {
    let person = match &correction.person {
        Some(serde_json::Value::Number(n)) => PersonChoice::Existing(n.as_i64().unwrap_or(0)),
        Some(serde_json::Value::String(s)) if s == "new" => PersonChoice::New,
        _ => PersonChoice::AsOffered,
    };
    let c = Correction {
        name: correction.name,
        title: correction.title,
        organisation: correction.organisation,
        country: correction.country,
        person,
    };
    Ok(state.store()?.correct_mention(mention_id, &c, &actor())?)
}

#[tauri::command]
pub fn set_fact_status(
    state: State<'_, AppState>,
    kind: String,
    id: i64,
    confirmed: bool,
) -> Result<(), CommandError> {
    let kind = match kind.as_str() {
        "quote" => FactKind::Quote,
        "topic" => FactKind::Topic,
        "commitment" => FactKind::Commitment,
        "figure" => FactKind::Figure,
        other => {
            return Err(CommandError {
                code: "invalid",
                message: format!("no suggestion of kind {other}"),
            });
        }
    };
    Ok(state
        .store()?
        .set_fact_status(kind, id, confirmed, &actor())?)
}

#[tauri::command]
pub fn accept_all(state: State<'_, AppState>, article_id: i64) -> Result<Accepted, CommandError> {
    Ok(state.store()?.accept_all(article_id, &actor())?)
}

#[tauri::command]
pub fn undo_last(state: State<'_, AppState>) -> Result<Option<LogEntry>, CommandError> {
    Ok(state.store()?.undo_last(&actor())?)
}

#[tauri::command]
pub fn review_log(state: State<'_, AppState>, limit: usize) -> Result<Vec<LogEntry>, CommandError> {
    Ok(state.store()?.review_log(limit)?)
}

#[tauri::command(async)]
pub fn list_people(
    state: State<'_, AppState>,
    query: Option<String>,
) -> Result<Vec<PersonSummary>, CommandError> {
    Ok(state.store()?.people(query.as_deref())?)
}

#[tauri::command(async)]
pub fn get_dossier(state: State<'_, AppState>, person_id: i64) -> Result<Dossier, CommandError> {
    Ok(state.store()?.dossier(person_id)?)
}

#[tauri::command]
pub fn merge_people(state: State<'_, AppState>, keep: i64, other: i64) -> Result<(), CommandError> {
    Ok(state.store()?.merge_people(keep, other, &actor())?)
}

#[tauri::command]
pub fn split_person(
    state: State<'_, AppState>,
    person_id: i64,
    names: Vec<String>,
) -> Result<i64, CommandError> {
    Ok(state.store()?.split_person(person_id, &names, &actor())?)
}

#[tauri::command]
pub fn set_house_name(
    state: State<'_, AppState>,
    person_id: i64,
    name: String,
) -> Result<(), CommandError> {
    Ok(state.store()?.set_house_name(person_id, &name, &actor())?)
}

#[tauri::command]
pub fn set_protocol_notes(
    state: State<'_, AppState>,
    person_id: i64,
    notes: ProtocolNotes,
) -> Result<(), CommandError> {
    Ok(state
        .store()?
        .set_protocol_notes(person_id, &notes, &actor())?)
}

#[tauri::command(async)]
pub fn list_visits(state: State<'_, AppState>) -> Result<Vec<VisitSummary>, CommandError> {
    Ok(state.store()?.visits()?)
}

#[tauri::command(async)]
pub fn get_visit(state: State<'_, AppState>, visit_id: i64) -> Result<VisitDetail, CommandError> {
    Ok(state.store()?.visit(visit_id)?)
}

#[tauri::command]
pub fn create_visit_from_article(
    state: State<'_, AppState>,
    article_id: i64,
) -> Result<i64, CommandError> {
    Ok(state.store()?.create_visit_from_article(article_id)?)
}

#[tauri::command]
pub fn create_visit(state: State<'_, AppState>, fields: VisitFields) -> Result<i64, CommandError> {
    Ok(state.store()?.create_visit(&fields)?)
}

#[tauri::command]
pub fn update_visit(
    state: State<'_, AppState>,
    visit_id: i64,
    fields: VisitFields,
) -> Result<(), CommandError> {
    Ok(state.store()?.update_visit(visit_id, &fields)?)
}

#[tauri::command]
pub fn set_participant(
    state: State<'_, AppState>,
    visit_id: i64,
    person_id: i64,
    side: String,
    role: String,
) -> Result<(), CommandError> {
    Ok(state
        .store()?
        .set_participant(visit_id, person_id, &side, &role)?)
}

#[tauri::command]
pub fn link_article(
    state: State<'_, AppState>,
    visit_id: i64,
    article_id: i64,
) -> Result<(), CommandError> {
    Ok(state.store()?.link_article(visit_id, article_id)?)
}

#[tauri::command]
pub fn update_commitment(
    state: State<'_, AppState>,
    commitment_id: i64,
    owner: Option<String>,
    due: Option<String>,
    status: String,
) -> Result<(), CommandError> {
    Ok(state.store()?.update_commitment(
        commitment_id,
        owner.as_deref(),
        due.as_deref(),
        &status,
    )?)
}

/// The stored options of a visit's brief, completed with the house style.
#[tauri::command]
pub fn get_brief_options(
    state: State<'_, AppState>,
    visit_id: i64,
) -> Result<BriefOptions, CommandError> {
    let house =
        briefing_core::settings::Settings::load(&briefing_core::settings::Settings::default_path())
            .map(|s| s.house_style)
            .unwrap_or_default();
    Ok(state
        .store()?
        .brief_options(visit_id)?
        .with_house_style(&house))
}

#[tauri::command]
pub fn save_brief_options(
    state: State<'_, AppState>,
    visit_id: i64,
    options: BriefOptions,
) -> Result<(), CommandError> {
    state.store()?.save_brief_options(visit_id, &options)?;
    Ok(())
}

/// The preview: the brief as an HTML fragment (`<article class="brief">`), from the same
/// model as the DOCX. Every string in it is escaped by the renderer; it holds no script,
/// event handler or style attribute, so the UI can place it under its own stylesheet.
#[tauri::command(async)]
pub fn preview_brief(
    state: State<'_, AppState>,
    visit_id: i64,
    options: BriefOptions,
) -> Result<String, CommandError> {
    let input = state.store()?.brief_input(visit_id)?;
    Ok(brief::html::render_fragment(&brief::compose(
        &input, &options,
    )))
}

/// The suggested key points of a visit's brief, each with the article it comes from.
#[tauri::command(async)]
pub fn suggested_points(
    state: State<'_, AppState>,
    visit_id: i64,
) -> Result<Vec<(String, i64)>, CommandError> {
    let input = state.store()?.brief_input(visit_id)?;
    Ok(brief::suggested_points(&input))
}

#[derive(Debug, Serialize)]
pub struct Exported {
    path: String,
    bytes: usize,
    sections: usize,
    sources: usize,
}

/// Exports the brief to `path` (chosen in the save dialog, or given by a test). An existing
/// file is replaced only when `replace` is set.
#[tauri::command]
pub async fn export_brief(
    state: State<'_, AppState>,
    visit_id: i64,
    options: BriefOptions,
    path: String,
    replace: bool,
) -> Result<Exported, CommandError> {
    let input = state.store()?.brief_input(visit_id)?;
    let model = brief::compose(&input, &options);
    let bytes = brief::docx::render(&model).map_err(|e| CommandError {
        code: "export",
        message: e.to_string(),
    })?;
    brief::write_atomically(std::path::Path::new(&path), &bytes, replace).map_err(|e| {
        CommandError {
            code: match e {
                brief::WriteError::Exists(_) => "exists",
                brief::WriteError::Io { .. } => "io",
            },
            message: e.to_string(),
        }
    })?;
    state.store()?.record_export(visit_id, &path, &bytes)?;
    Ok(Exported {
        path,
        bytes: bytes.len(),
        sections: model.sections.len(),
        sources: model.sources.len(),
    })
}
