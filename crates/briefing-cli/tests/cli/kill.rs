//! An import killed at a random moment leaves a sound database holding only whole articles;
//! running the same import again stores the rest and duplicates none.

use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime};

use briefing_core::Store;
use briefing_core::sample::WireGenerator;

use crate::{briefing, run, stderr, stdout};

const FILES: usize = 1000;

fn write_corpus(dir: &std::path::Path) {
    let mut wire = WireGenerator::new(0x2545_F491_4F6C_DD1D);
    for i in 0..FILES {
        std::fs::write(dir.join(format!("{i:04}.txt")), wire.article(i)).unwrap();
    }
}

/// Every stored article is whole: its source row, its index entry and its LSH bands exist.
fn assert_whole(db: &std::path::Path) -> i64 {
    let store = Store::open(db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let c = store.connection();
    c.execute(
        "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')",
        [],
    )
    .expect("the full-text index matches the articles");
    // Whole: its source row, signature and bands exist, and its text is not cut short (the
    // end of the stored text stands in the stored source bytes).
    let orphan: i64 = c
        .query_row(
            "SELECT count(*) FROM articles a LEFT JOIN sources s ON s.id = a.source_id
             WHERE s.id IS NULL
                OR NOT EXISTS (SELECT 1 FROM article_signatures g WHERE g.article_id = a.id)
                OR NOT EXISTS (SELECT 1 FROM article_bands b WHERE b.article_id = a.id)
                OR instr(CAST(s.bytes AS TEXT), substr(a.text, -60)) = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphan, 0, "no partial articles");
    let stray: i64 = c.query_row("SELECT count(*) FROM sources s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.source_id = s.id)", [], |r| r.get(0)).unwrap();
    assert_eq!(stray, 0, "no source without its article");
    store.count_articles().unwrap()
}

#[test]
fn an_import_killed_at_a_random_moment_keeps_only_whole_articles_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write_corpus(&corpus);
    let db = dir.path().join("briefing.sqlite");
    // Create the database first so the kill lands in the import, not in the first migration.
    assert!(run(&db, &["list"]).status.success());

    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    let mut killed_with = Vec::new();
    for round in 0..3u64 {
        let mut child = briefing(&db)
            .args(["import", corpus.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the import has stored something, then a random further delay.
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            let n = Store::open(&db)
                .map(|s| s.count_articles().unwrap_or(0))
                .unwrap_or(0);
            if n > killed_with.last().copied().unwrap_or(0) || child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let delay = (seed.wrapping_mul(round + 7) >> 3) % 150;
        std::thread::sleep(Duration::from_millis(delay));
        let finished_first = child.try_wait().unwrap().is_some();
        child.kill().ok();
        child.wait().unwrap();
        let n = assert_whole(&db);
        eprintln!(
            "round {round}: killed after +{delay} ms with {n} articles stored (finished first: {finished_first})"
        );
        killed_with.push(n);
    }
    assert!(
        killed_with.iter().any(|&n| (n as usize) < FILES),
        "at least one kill landed mid-import: {killed_with:?} (seed {seed})"
    );

    let out = run(&db, &["import", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = stdout(&out);
    let stored_before = *killed_with.last().unwrap();
    let expected = format!(
        "imported {} · near-duplicates 0 (stored, grouped) · duplicates {stored_before} (refused) · failed 0",
        FILES as i64 - stored_before
    );
    assert!(
        summary.contains(&expected),
        "the rerun stores exactly the rest: expected {expected:?} in {summary}"
    );
    assert_eq!(assert_whole(&db), FILES as i64, "every article stored once");
}
