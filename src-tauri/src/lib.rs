//! The Briefing Desk desktop shell. It builds the state (the store) and registers commands;
//! every command is a thin call into `briefing-core`.

mod articles;
mod error;
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
        .manage(state::AppState::new(db_path, store))
        .invoke_handler(tauri::generate_handler![
            articles::list_articles,
            articles::search_articles,
            articles::get_article,
            articles::import_paths,
            articles::store_info,
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri application failed to start");
}
