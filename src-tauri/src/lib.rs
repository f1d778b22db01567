//! The Briefing Desk desktop shell. It builds the state (the store) and registers commands;
//! every command is a thin call into `briefing-core`.

mod articles;
mod counterparts;
mod error;
mod settings_cmd;
mod state;

use briefing_core::Store;

pub fn run() {
    let db_path = match state::database_path() {
        Ok(path) => path,
        Err(e) => {
            eprintln!("Briefing Desk cannot start: {e}");
            std::process::exit(1);
        }
    };
    let store = match Store::open(&db_path) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("Briefing Desk cannot open its database: {e}");
            std::process::exit(1);
        }
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        // "Open in the word processor" and "Show in folder" after an export.
        .plugin(tauri_plugin_opener::init())
        // The window comes back at the size and place it was left.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(state::AppState::new(db_path, store))
        .invoke_handler(tauri::generate_handler![
            articles::list_articles,
            articles::search_articles,
            articles::count_articles,
            articles::list_outlets,
            articles::get_article,
            articles::import_paths,
            articles::import_text,
            articles::cancel_import,
            articles::store_info,
            counterparts::article_review,
            counterparts::confirm_mention,
            counterparts::reject_mention,
            counterparts::correct_mention,
            counterparts::set_fact_status,
            counterparts::accept_all,
            counterparts::undo_last,
            counterparts::review_log,
            counterparts::list_people,
            counterparts::get_dossier,
            counterparts::merge_people,
            counterparts::split_person,
            counterparts::set_house_name,
            counterparts::set_protocol_notes,
            counterparts::list_visits,
            counterparts::get_visit,
            counterparts::create_visit_from_article,
            counterparts::create_visit,
            counterparts::update_visit,
            counterparts::set_participant,
            counterparts::link_article,
            counterparts::update_commitment,
            counterparts::get_brief_options,
            counterparts::save_brief_options,
            counterparts::preview_brief,
            counterparts::suggested_points,
            counterparts::export_brief,
            settings_cmd::get_settings,
            settings_cmd::save_house_style,
            settings_cmd::backup_now,
            settings_cmd::restore_backup,
            settings_cmd::load_sample_article,
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri application failed to start");
}
