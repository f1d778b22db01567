//! The store against real SQLite files: migrations, transactions, search, backup/restore.

use std::path::Path;

use briefing_core::ingest::{SourceHint, ingest};
use briefing_core::store::{AddOutcome, ArticleFilter, LATEST_VERSION, NewSource, SourceKind};
use briefing_core::{Store, StoreError};

/// Stores a plain-text article and returns its id.
pub fn add_text(store: &mut Store, name: &str, text: &str) -> AddOutcome {
    let ingested = ingest(
        &SourceHint {
            name,
            ..Default::default()
        },
        text.as_bytes(),
    )
    .expect("ingests");
    let source = NewSource::new(
        name.into(),
        SourceKind::Paste,
        ingested.format,
        text.as_bytes().to_vec(),
        ingested.articles,
    );
    store.add_source(&source).expect("stored").remove(0)
}

fn id(outcome: AddOutcome) -> i64 {
    match outcome {
        AddOutcome::Added { id } | AddOutcome::NearDuplicate { id, .. } => id,
        AddOutcome::Duplicate { .. } => panic!("unexpected duplicate"),
    }
}

fn tables(store: &Store) -> Vec<String> {
    let mut stmt = store
        .connection()
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn backups_in(dir: &Path, label: &str) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().contains(label))
        .collect()
}

#[test]
fn a_new_file_gets_the_whole_schema_with_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("nested/folder/briefing.sqlite")).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let t = tables(&store);
    for table in [
        "sources",
        "articles",
        "article_groups",
        "people",
        "person_names",
        "organisations",
        "positions",
        "mentions",
        "quotes",
        "places",
        "visits",
        "visit_participants",
        "visit_articles",
        "topics",
        "commitments",
        "tags",
        "briefs",
        "exports",
        "review_log",
        "store_meta",
    ] {
        assert!(
            t.contains(&table.to_string()),
            "table {table} exists in {t:?}"
        );
    }
    let mode: String = store
        .connection()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store
        .connection()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    assert!(
        backups_in(&dir.path().join("nested/folder"), "before-v").is_empty(),
        "no backup of an empty file"
    );
}

#[test]
fn a_previous_version_is_backed_up_then_migrated_keeping_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.sqlite");
    {
        let v1 = Store::open_at_version(&path, 1).unwrap();
        assert_eq!(v1.schema_version().unwrap(), 1);
        assert!(
            !tables(&v1).contains(&"people".to_string()),
            "version 1 has no people yet"
        );
        // The code of today writes the latest schema, so the old article goes in by SQL, as
        // version 1 stored it.
        v1.connection()
            .execute_batch(
                "INSERT INTO sources (name, kind, format, sha256, bytes, imported_at)
                     VALUES ('a.txt', 'file', 'text', 'x', x'00', '2026-01-01T00:00:00Z');
                 INSERT INTO articles (source_id, title, text, language, format, content_hash, imported_at)
                     VALUES (1, 'Minsk talks', 'MINSK (BelTA) - Chairman of the Minsk City Executive Committee Vladimir Kukharev met the delegation of Samarkand.', 'en', 'text', 'h', '2026-01-01T00:00:00Z');",
            )
            .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(
        store.count_articles().unwrap(),
        1,
        "the article survives the migration"
    );
    assert!(tables(&store).contains(&"people".to_string()));
    assert!(
        store.ensure_extracted(1, false).unwrap(),
        "an article stored before extraction is extracted on demand"
    );
    let review = store.article_review(1).unwrap();
    assert_eq!(review.mentions[0].name, "Vladimir Kukharev");
    let backups = backups_in(dir.path(), &format!("before-v{LATEST_VERSION}"));
    assert_eq!(backups.len(), 1, "one backup written before migrating");
    let old = rusqlite::Connection::open(&backups[0]).unwrap();
    let (v, n): (i64, i64) = old
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), count(*) FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (v, n),
        (1, 1),
        "the backup is the database as it was, at version 1"
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE articles (id INTEGER PRIMARY KEY); PRAGMA user_version = 99;",
        )
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("newer version"), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is byte-for-byte unchanged"
    );
    assert!(
        !dir.path().join("future.sqlite-wal").exists(),
        "no WAL file was created"
    );
}

#[test]
fn another_programs_database_is_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE invoices (id INTEGER);")
        .unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NotOurs { .. }), "{err}");
}

#[test]
fn a_failing_source_leaves_no_rows_and_the_rest_of_the_batch_is_kept() {
    let mut store = Store::open_in_memory().unwrap();
    // Make the database refuse one particular title, as a disk or constraint error would.
    store
        .connection()
        .execute_batch("CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN new.title = 'Refused' BEGIN SELECT RAISE(ABORT, 'refused'); END;")
        .unwrap();
    let feed = r#"<rss><channel>
        <item><title>Accepted first</title><description>First item text of the feed that will be rolled back.</description></item>
        <item><title>Refused</title><description>Second item text that the trigger refuses.</description></item>
        </channel></rss>"#;
    let make = |name: &str, bytes: &str| {
        let ingested = ingest(
            &SourceHint {
                name,
                ..Default::default()
            },
            bytes.as_bytes(),
        )
        .unwrap();
        NewSource::new(
            name.into(),
            SourceKind::File,
            ingested.format,
            bytes.as_bytes().to_vec(),
            ingested.articles,
        )
    };
    let batch = vec![
        make(
            "one.txt",
            "One\n\nThe first whole article about a visit to Minsk.",
        ),
        make("feed.xml", feed),
        make(
            "two.txt",
            "Two\n\nThe second whole article about a visit to Astana.",
        ),
    ];
    let results = store.add_sources(&batch).unwrap();
    assert!(
        results[0].is_ok() && results[2].is_ok(),
        "the good sources are stored"
    );
    assert!(
        results[1].is_err(),
        "the feed with a refused item fails as a whole"
    );
    let titles: Vec<String> = store
        .list_articles(&ArticleFilter::default(), 10, 0)
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(
        titles,
        vec!["Two", "One"],
        "no item of the failed feed is stored"
    );
    let sources: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM sources", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sources, 2, "nor its source row");
    let fts: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM articles_fts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fts, 2, "nor its index entries");
}

#[test]
fn exact_duplicates_are_refused_naming_the_stored_article() {
    let mut store = Store::open_in_memory().unwrap();
    let text =
        "Talks\n\nBREST. KAZINFORM - The delegation of Atyrau Oblast met officials in Brest.";
    let first = id(add_text(&mut store, "a.txt", text));
    // Different headline, different line wrapping, same normalised text.
    let again = add_text(
        &mut store,
        "b.txt",
        "Other headline\n\nBREST. KAZINFORM - The delegation of\nAtyrau Oblast met officials in Brest.\n",
    );
    assert_eq!(
        again,
        AddOutcome::Duplicate {
            existing_id: first,
            existing_title: "Talks".into()
        }
    );
    assert_eq!(store.count_articles().unwrap(), 1);
}

#[test]
fn near_duplicates_are_stored_and_grouped() {
    let mut store = Store::open_in_memory().unwrap();
    let story = "VITEBSK, 10 August (BelTA) - A delegation of Uzbekistan's Samarkand Region led by Deputy Khokim \
        Rustam Kholmuradov held talks in Vitebsk on joint ventures in flax processing, dairy production and \
        tourism. The sides agreed to draw up a roadmap of cooperation by the end of the year and to hold a \
        business forum in Samarkand. Vitebsk Oblast enterprises offered to supply dairy equipment and to train \
        specialists for the new flax mill.";
    let original = id(add_text(
        &mut store,
        "orig.txt",
        &format!("Vitebsk, Samarkand eye joint ventures\n\n{story}"),
    ));
    let copy = story
        .replace("held talks", "has held talks")
        .replace("by the end of the year", "before year-end")
        + " Kazinform refers to eng.belta.by.";
    let outcome = add_text(
        &mut store,
        "copy.txt",
        &format!("Samarkand and Vitebsk to draw up roadmap\n\n{copy}"),
    );
    let AddOutcome::NearDuplicate {
        id: copy_id,
        of,
        similarity,
        ..
    } = outcome
    else {
        panic!("{outcome:?}")
    };
    assert_eq!(of, original);
    assert!(similarity >= 0.5, "{similarity}");
    let a = store.article(copy_id).unwrap();
    assert_eq!(a.summary.group_size, 2);
    assert_eq!(
        a.near_duplicates.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![original]
    );
    let other = id(add_text(
        &mut store,
        "other.txt",
        "Different\n\nASTANA (Kazinform) - The Senate ratified a treaty on pensions for migrant workers with Kyrgyzstan today.",
    ));
    assert_eq!(
        store.article(other).unwrap().summary.group_size,
        1,
        "an unrelated story stays alone"
    );
}

#[test]
fn search_ranks_title_hits_first_folds_diacritics_and_highlights() {
    let mut store = Store::open_in_memory().unwrap();
    let body_only = id(add_text(
        &mut store,
        "1.txt",
        "Regional news\n\nThe talks touched on the Brest Fortress memorial and on dairy exports to Atyrau.",
    ));
    let titled = id(add_text(
        &mut store,
        "2.txt",
        "Brest Fortress commemoration draws delegations\n\nDelegations from five countries laid wreaths.",
    ));
    add_text(
        &mut store,
        "3.txt",
        "Gümüşhane governor visits Batumi\n\nThe governor of Gümüşhane met the mayor of Batumi.",
    );
    add_text(
        &mut store,
        "4.txt",
        "Визит в Брест\n\nДелегация встретилась с Семёновым в Бресте.",
    );
    let hits = store
        .search("brest fortress", &ArticleFilter::default(), 10)
        .unwrap();
    assert_eq!(
        hits.iter().map(|h| h.article.id).collect::<Vec<_>>(),
        vec![titled, body_only],
        "title hit ranks first"
    );
    let marked: Vec<&str> = hits[1]
        .snippet
        .iter()
        .filter(|s| s.hit)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        marked,
        vec!["Brest", "Fortress"],
        "the snippet marks the words that matched"
    );
    assert_eq!(
        store
            .search("gumushane", &ArticleFilter::default(), 10)
            .unwrap()
            .len(),
        1,
        "diacritics folded"
    );
    assert_eq!(
        store
            .search("семенов", &ArticleFilter::default(), 10)
            .unwrap()
            .len(),
        1,
        "ё folds to е"
    );
    assert!(
        store
            .search("Bre", &ArticleFilter::default(), 10)
            .unwrap()
            .is_empty(),
        "a finished query matches whole words"
    );
    assert_eq!(
        store
            .search_as_you_type("Bre", &ArticleFilter::default(), 10)
            .unwrap()
            .len(),
        2,
        "while typing, the last word matches as a prefix"
    );
    assert!(
        store
            .search("\"fortress brest\"", &ArticleFilter::default(), 10)
            .unwrap()
            .is_empty(),
        "phrases keep their order"
    );
    assert!(
        store
            .search("NEAR( OR *", &ArticleFilter::default(), 10)
            .is_ok(),
        "FTS syntax typed by a person is not an error"
    );
}

#[test]
fn filters_by_outlet_date_range_and_tag() {
    let mut store = Store::open_in_memory().unwrap();
    let belta = id(add_text(
        &mut store,
        "1.txt",
        "MINSK, 5 March 2024 (BelTA) - Talks on machine building with Shandong delegates in Minsk.",
    ));
    let kaz = id(add_text(
        &mut store,
        "2.txt",
        "ASTANA, 7 May 2024 (Kazinform) - Talks on machine building with Kayseri delegates in Astana.",
    ));
    let undated_year = id(add_text(
        &mut store,
        "3.txt",
        "VITEBSK, 10 August (BelTA) - Talks on machine building in Vitebsk with Samarkand.",
    ));
    store.tag_article(kaz, "machinery").unwrap();
    let ids = |f: ArticleFilter| -> Vec<i64> {
        store
            .search("machine", &f, 10)
            .unwrap()
            .iter()
            .map(|h| h.article.id)
            .collect()
    };
    let mut by_outlet = ids(ArticleFilter {
        outlet: Some("belta".into()),
        ..Default::default()
    });
    by_outlet.sort();
    assert_eq!(
        by_outlet,
        vec![belta, undated_year],
        "outlet matches case-insensitively"
    );
    assert_eq!(
        ids(ArticleFilter {
            from: Some("2024-04-01".into()),
            to: Some("2024-12-31".into()),
            ..Default::default()
        }),
        vec![kaz]
    );
    assert_eq!(
        ids(ArticleFilter {
            to: Some("2024-12-31".into()),
            ..Default::default()
        })
        .len(),
        2,
        "an unknown year is never inside a range"
    );
    assert_eq!(
        ids(ArticleFilter {
            tag: Some("Machinery".into()),
            ..Default::default()
        }),
        vec![kaz]
    );
    let listed = store
        .list_articles(
            &ArticleFilter {
                tag: Some("machinery".into()),
                ..Default::default()
            },
            10,
            0,
        )
        .unwrap();
    assert_eq!(listed.len(), 1, "the list takes the same filters");
}

#[test]
fn backup_and_restore_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.sqlite");
    let mut store = Store::open(&path).unwrap();
    add_text(
        &mut store,
        "1.txt",
        "First\n\nThe first article, stored before the backup was taken.",
    );
    let backup = dir.path().join("backup.sqlite");
    store.backup_to(&backup, false).unwrap();
    assert!(
        matches!(
            store.backup_to(&backup, false),
            Err(StoreError::Exists { .. })
        ),
        "no silent overwrite"
    );
    store.backup_to(&backup, true).unwrap();
    add_text(
        &mut store,
        "2.txt",
        "Second\n\nThe second article, stored after the backup was taken.",
    );
    assert_eq!(store.count_articles().unwrap(), 2);

    // A second connection (the app) stays open during the restore.
    let reader = Store::open(&path).unwrap();
    let safety = store
        .restore_from(&backup)
        .unwrap()
        .expect("a safety copy of the current contents");
    assert_eq!(
        store.count_articles().unwrap(),
        1,
        "back to the backed-up contents"
    );
    assert_eq!(
        reader.count_articles().unwrap(),
        1,
        "other connections see the restored contents"
    );
    assert_eq!(
        store
            .search("first", &ArticleFilter::default(), 5)
            .unwrap()
            .len(),
        1,
        "the index is restored too"
    );
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let saved = Store::open(&safety).unwrap();
    assert_eq!(
        saved.count_articles().unwrap(),
        2,
        "what was there before the restore is kept"
    );
}

#[test]
fn restore_refuses_what_is_not_a_sound_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("briefing.sqlite")).unwrap();
    add_text(
        &mut store,
        "1.txt",
        "Kept\n\nAn article that must survive every refused restore.",
    );
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, b"this is not a database at all, just some text").unwrap();
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;")
        .unwrap();
    let newer = dir.path().join("newer.sqlite");
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("CREATE TABLE articles (x); PRAGMA user_version = 99;")
        .unwrap();
    for bad in [&junk, &other, &newer, &dir.path().join("missing.sqlite")] {
        let err = store
            .restore_from(bad)
            .err()
            .unwrap_or_else(|| panic!("{} accepted", bad.display()));
        assert!(
            err.to_string()
                .contains(bad.file_name().unwrap().to_str().unwrap()),
            "the error names the file: {err}"
        );
        assert_eq!(
            store.count_articles().unwrap(),
            1,
            "nothing changed after refusing {}",
            bad.display()
        );
    }
}

#[test]
fn a_query_matching_most_of_the_archive_ranks_the_most_recent_matches() {
    use briefing_core::store::RANK_WINDOW;
    let mut store = Store::open_in_memory().unwrap();
    let n = RANK_WINDOW as usize + 100;
    let sources: Vec<NewSource> = (0..n)
        .map(|i| {
            // Two articles have the word in their title: an old one, and a recent one.
            let title = if i == 5 || i == n - 10 { format!("Delegation {i}") } else { format!("Story {i}") };
            let text = format!("{title}\n\nMINSK (BelTA) - Report {i} on the delegation, number {i} in the series, item {}.", i * 7919);
            let ingested = ingest(&SourceHint { name: "x.txt", ..Default::default() }, text.as_bytes()).unwrap();
            NewSource::new(format!("{i}.txt"), SourceKind::Paste, ingested.format, text.into_bytes(), ingested.articles)
        })
        .collect();
    for chunk in sources.chunks(500) {
        store.add_sources(chunk).unwrap();
    }
    let hits = store
        .search("delegation", &ArticleFilter::default(), 20)
        .unwrap();
    assert_eq!(hits.len(), 20);
    assert_eq!(
        hits[0].article.title,
        format!("Delegation {}", n - 10),
        "the recent title hit ranks first"
    );
    let oldest_ranked = hits.iter().map(|h| h.article.id).min().unwrap();
    assert!(
        oldest_ranked > (n - RANK_WINDOW as usize - 1) as i64,
        "only the latest {RANK_WINDOW} matches are ranked"
    );
    let rare = store
        .search("\"Delegation 5\"", &ArticleFilter::default(), 20)
        .unwrap();
    assert_eq!(
        rare.len(),
        1,
        "an old article is still found by a query that singles it out"
    );
}

#[test]
fn name_keys_made_by_older_rules_are_remade_on_open() {
    use briefing_core::names::name_key;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.sqlite");
    {
        let store = Store::open(&path).unwrap();
        // A person stored by the rules of key version 1, which kept Uzbek "o" and "dj"
        // apart from the Russian spelling.
        store
            .connection()
            .execute_batch(
                "INSERT INTO people (house_name, name_key, created_at, updated_at)
                     VALUES ('Jasur Tadjibaev', 'asur tadjibaev', '2026-01-01', '2026-01-01');
                 INSERT INTO person_names (person_id, name, name_key)
                     VALUES (1, 'Jasur Tadjibaev', 'asur tadjibaev');
                 UPDATE store_meta SET value = 1 WHERE key = 'name_key_version';",
            )
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let (house, variant): (String, String) = store
        .connection()
        .query_row(
            "SELECT p.name_key, n.name_key FROM people p JOIN person_names n ON n.person_id = p.id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        house,
        name_key("Jasur Tojiboyev"),
        "the Uzbek spelling now finds him"
    );
    assert_eq!(variant, name_key("Жасур Тожибоев"));
    let version: i64 = store
        .connection()
        .query_row(
            "SELECT value FROM store_meta WHERE key = 'name_key_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(version, briefing_core::names::KEY_VERSION);
}
