//! Briefing Desk core: the domain model, the SQLite store and article ingest, with no
//! dependency on Tauri or the UI, so that every capability works from Rust and the CLI.
//!
//! Data flows one way: [`ingest`] (bytes to articles, pure) -> [`store`] (dedupe, group,
//! index) -> later stages (extract, review, compose, render).

pub mod brief;
pub mod dedupe;
pub mod extract;
pub mod fetch;
pub mod gazetteer;
pub mod import;
pub mod ingest;
pub mod model;
pub mod names;
pub mod sample;
pub mod settings;
pub mod store;
pub mod text;
pub mod wire;

pub use model::{Article, Format, PublishedDate, Relay};
pub use store::{Store, StoreError};
