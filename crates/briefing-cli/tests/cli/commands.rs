//! import, list, search, show, tag, backup, restore.

use crate::{corpus, json, run, shared_fixtures, stderr, stdout};

#[test]
fn import_list_search_show_on_the_canonical_article() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("briefing.sqlite");
    let html = shared_fixtures().join("kazinform-atyrau-brest.html");
    let txt = shared_fixtures().join("kazinform-atyrau-brest.txt");
    let out = run(
        &db,
        &["import", html.to_str().unwrap(), txt.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "imported 1 · near-duplicates 0 (stored, grouped) · duplicates 1 (refused) · failed 0"
        ),
        "{text}"
    );
    assert!(
        text.contains("already stored as article 1"),
        "the duplicate names the stored article: {text}"
    );

    let list = json(&run(&db, &["list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        list[0]["title"],
        "Atyrau Oblast eyes cooperation with Brest Oblast in agribusiness, processing industry"
    );
    assert_eq!(list[0]["outlet"], "Kazinform");
    assert_eq!(list[0]["published"], "2017-06-21");

    let hits = json(&run(&db, &["search", "Dyusembayev", "--json"]));
    assert_eq!(hits[0]["article"]["id"], 1);
    let marked: Vec<&str> = hits[0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["hit"] == true)
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(marked.iter().all(|m| *m == "Dyusembayev"), "{marked:?}");
    let human = stdout(&run(&db, &["search", "brest fortress"]));
    assert!(
        human.contains("[Brest] [Fortress]"),
        "hits are marked in the terminal: {human}"
    );

    let shown = json(&run(&db, &["show", "1", "--json"]));
    assert_eq!(shown["relayedFrom"]["outlet"], "BelTA");
    assert_eq!(shown["relayedFrom"]["reference"], "eng.belta.by");
    assert_eq!(shown["summary"]["dateline"], "Brest");
    assert_eq!(shown["paragraphs"].as_array().unwrap().len(), 7);
    let human = stdout(&run(&db, &["show", "1"]));
    assert!(
        human.contains("relayed from BelTA, eng.belta.by"),
        "{human}"
    );

    let missing = run(&db, &["show", "99"]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("no article with id 99"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn a_failed_input_is_named_and_the_exit_code_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("briefing.sqlite");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let feed = shared_fixtures().join("atyrau-brest-feed.xml");
    let out = run(
        &db,
        &[
            "import",
            feed.to_str().unwrap(),
            empty.to_str().unwrap(),
            "/no/such/dir/file.html",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "non-zero when any input failed");
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "FAILED          {}: the file is empty",
            empty.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("FAILED          /no/such/dir/file.html: no such file or folder"),
        "{err}"
    );
    let text = stdout(&out);
    assert!(
        text.contains("imported 3 ·"),
        "the feed's three items still import: {text}"
    );
    assert!(
        text.contains("could not be read"),
        "the damaged date is reported: {text}"
    );
}

#[test]
fn folders_import_recursively_and_near_duplicates_show_their_group() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("briefing.sqlite");
    let out = run(&db, &["import", "--json", corpus().to_str().unwrap()]);
    let report = json(&out);
    assert_eq!(report["nearDuplicates"], 1, "{report:#}");
    let near = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["status"] == "near_duplicate")
        .unwrap();
    let id = near["articleId"].as_i64().unwrap().to_string();
    let shown = json(&run(&db, &["show", &id, "--json"]));
    assert_eq!(shown["summary"]["groupSize"], 2);
    assert_eq!(
        shown["nearDuplicates"][0]["title"],
        "Vitebsk Oblast, Samarkand Region eye joint ventures in flax processing and dairy"
    );
    let human = stdout(&run(&db, &["show", &id]));
    assert!(human.contains("same story also stored as:"), "{human}");
}

#[test]
fn filters_tags_and_bad_dates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("briefing.sqlite");
    run(&db, &["import", corpus().to_str().unwrap()]);
    let belta = json(&run(
        &db,
        &["list", "--json", "--outlet", "BelTA", "--limit", "100"],
    ));
    assert!(belta.as_array().unwrap().len() >= 4);
    assert!(
        belta
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["outlet"] == "BelTA")
    );
    let in_2024 = json(&run(
        &db,
        &[
            "list",
            "--json",
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--limit",
            "100",
        ],
    ));
    assert!(
        in_2024
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["published"].as_str().unwrap().starts_with("2024-"))
    );
    assert!(run(&db, &["tag", "1", "machinery"]).status.success());
    let tagged = json(&run(&db, &["list", "--json", "--tag", "machinery"]));
    assert_eq!(tagged.as_array().unwrap().len(), 1);
    let bad = run(&db, &["list", "--from", "21 June"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("--from 21 June: expected a date as YYYY-MM-DD"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn backup_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("briefing.sqlite");
    let backup = dir.path().join("backup.sqlite");
    run(
        &db,
        &[
            "import",
            shared_fixtures()
                .join("kazinform-atyrau-brest.txt")
                .to_str()
                .unwrap(),
        ],
    );
    assert!(
        run(&db, &["backup", backup.to_str().unwrap()])
            .status
            .success()
    );
    let again = run(&db, &["backup", backup.to_str().unwrap()]);
    assert!(!again.status.success(), "no silent overwrite");
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    run(
        &db,
        &[
            "import",
            shared_fixtures()
                .join("atyrau-brest-feed.xml")
                .to_str()
                .unwrap(),
        ],
    );
    assert_eq!(
        json(&run(&db, &["list", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        4
    );
    let restored = run(&db, &["restore", backup.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(
        stdout(&restored).contains("(1 articles)"),
        "{}",
        stdout(&restored)
    );
    assert!(
        stdout(&restored).contains("the previous contents were saved to"),
        "{}",
        stdout(&restored)
    );
    assert_eq!(
        json(&run(&db, &["list", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("future.sqlite");
    {
        let store = briefing_core::Store::open(&db).unwrap();
        store
            .connection()
            .execute_batch("PRAGMA user_version = 42")
            .unwrap();
    }
    let out = run(&db, &["list"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("written by a newer version of Briefing Desk (schema 42"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn without_db_the_setting_then_the_data_directory_decide() {
    let home = tempfile::tempdir().unwrap();
    let (config, data) = (home.path().join("config"), home.path().join("data"));
    let chosen = home.path().join("chosen.sqlite");
    let briefing = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(args)
            .env_remove("BRIEFING_DB")
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", &config)
            .env("XDG_DATA_HOME", &data)
            .output()
            .unwrap()
    };
    let txt = shared_fixtures().join("kazinform-atyrau-brest.txt");
    assert!(
        briefing(&["import", txt.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        data.join("briefing-desk/briefing.sqlite").exists(),
        "the default database is in the data directory"
    );

    std::fs::create_dir_all(config.join("briefing-desk")).unwrap();
    std::fs::write(
        config.join("briefing-desk/settings.json"),
        format!("{{\"database\": {:?}}}", chosen.to_str().unwrap()),
    )
    .unwrap();
    let listed = briefing(&["list", "--json"]);
    assert_eq!(
        json(&listed).as_array().unwrap().len(),
        0,
        "the chosen database is a new, empty one"
    );
    assert!(chosen.exists(), "the setting chose the database");

    std::fs::write(config.join("briefing-desk/settings.json"), "{ broken").unwrap();
    let out = briefing(&["list"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("settings.json cannot be read"),
        "{}",
        stderr(&out)
    );
}
