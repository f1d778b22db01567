//! Importing files and folders: reports, progress, cancellation, reruns.

use std::sync::atomic::{AtomicBool, Ordering};

use briefing_core::Store;
use briefing_core::import::{ImportInput, ImportStatus, import};
use briefing_core::sample::WireGenerator;

use crate::{fixtures_dir, shared_fixtures_dir};

#[test]
fn a_folder_imports_recursively_and_a_rerun_duplicates_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let inputs = [
        ImportInput::Path(fixtures_dir().join("ingest")),
        ImportInput::Path(shared_fixtures_dir()),
    ];
    let mut progress = Vec::new();
    let report = import(
        &mut store,
        &inputs,
        |p| progress.push((p.done, p.total)),
        &AtomicBool::new(false),
    );
    let stored = store.count_articles().unwrap() as usize;
    assert_eq!(
        stored,
        report.imported + report.near_duplicates,
        "{}",
        report.summary()
    );
    assert!(report.imported >= 30, "{}", report.summary());
    assert_eq!(
        report.near_duplicates,
        1,
        "the re-published Vitebsk story is grouped: {}",
        report.summary()
    );
    // The canonical .txt is the same text as the canonical .html.
    assert_eq!(report.duplicates, 1, "{}", report.summary());
    // One damaged feed item, reported with the feed's name.
    let failed: Vec<_> = report
        .items
        .iter()
        .filter(|i| i.status == ImportStatus::Failed)
        .collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(
        failed[0]
            .input
            .ends_with("belta-regions-rss-damaged-item.xml"),
        "{failed:?}"
    );
    assert_eq!(
        progress.last().map(|p| p.0),
        progress.last().map(|p| p.1),
        "progress reaches the total"
    );

    let again = import(&mut store, &inputs, |_| {}, &AtomicBool::new(false));
    assert_eq!(
        again.imported + again.near_duplicates,
        0,
        "nothing stored twice: {}",
        again.summary()
    );
    assert_eq!(
        again.duplicates,
        report.imported + report.near_duplicates + report.duplicates
    );
    assert_eq!(store.count_articles().unwrap() as usize, stored);
}

#[test]
fn cancelling_keeps_what_was_stored_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut wire = WireGenerator::new(7);
    for i in 0..300 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), wire.article(i)).unwrap();
    }
    let mut store = Store::open_in_memory().unwrap();
    let cancel = AtomicBool::new(false);
    let report = import(
        &mut store,
        &[ImportInput::Path(dir.path().into())],
        |p| {
            if p.done == 100 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        &cancel,
    );
    assert!(report.cancelled);
    assert_eq!(
        report.imported, 100,
        "the sources read before the cancel are stored"
    );
    assert_eq!(store.count_articles().unwrap(), 100);
}

#[test]
fn a_missing_file_is_named_with_the_reason() {
    let mut store = Store::open_in_memory().unwrap();
    let report = import(
        &mut store,
        &[ImportInput::parse("/no/such/file.txt")],
        |_| {},
        &AtomicBool::new(false),
    );
    assert_eq!(report.failed, 1);
    assert_eq!(report.items[0].input, "/no/such/file.txt");
    assert_eq!(
        report.items[0].message.as_deref(),
        Some("no such file or folder")
    );
}
