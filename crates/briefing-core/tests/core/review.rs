//! Suggestions stored on import, matched across spellings and scripts, reviewed with undo,
//! and gathered into the dossier.

use std::sync::atomic::AtomicBool;

use briefing_core::Store;
use briefing_core::import::{ImportInput, import};
use briefing_core::store::{
    ArticleFilter, Correction, FactKind, PersonChoice, ProtocolNotes, ReviewState,
};

use crate::{fixtures_dir, shared_fixtures_dir};

fn import_files(store: &mut Store, files: &[std::path::PathBuf]) -> Vec<i64> {
    let inputs: Vec<ImportInput> = files.iter().cloned().map(ImportInput::Path).collect();
    let report = import(store, &inputs, |_| {}, &AtomicBool::new(false));
    assert_eq!(report.failed, 0, "{}", report.summary());
    report.items.iter().filter_map(|i| i.article_id).collect()
}

fn corpus(name: &str) -> std::path::PathBuf {
    fixtures_dir().join("extract/articles").join(name)
}

fn canonical(store: &mut Store) -> i64 {
    import_files(
        store,
        &[shared_fixtures_dir().join("kazinform-atyrau-brest.txt")],
    )[0]
}

/// Every row of the tables review changes, to compare before and after an undo.
fn dump(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for table in [
        "people",
        "person_names",
        "positions",
        "position_articles",
        "mentions",
        "quotes",
        "topics",
        "commitments",
        "figures",
    ] {
        let conn = store.connection();
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut cells = Vec::new();
                for i in 0..n {
                    cells.push(format!("{:?}", r.get::<_, rusqlite::types::Value>(i)?));
                }
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

#[test]
fn import_stores_the_canonical_suggestions_with_spans_into_the_text() {
    let mut store = Store::open_in_memory().unwrap();
    let id = canonical(&mut store);
    let review = store.article_review(id).unwrap();
    let text = store.article(id).unwrap().paragraphs.join("\n\n");
    let names: Vec<&str> = review.mentions.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Gumar Dyusembayev", "Mikhail Serkov"]);
    let d = &review.mentions[0];
    assert_eq!(d.title.as_deref(), Some("First Vice Governor"));
    assert_eq!(d.organisation.as_deref(), Some("Atyrau Oblast"));
    assert_eq!(d.country.as_deref(), Some("Kazakhstan"));
    assert_eq!(d.status, "suggested");
    assert_eq!(d.person_id, None, "nobody is known yet");
    let (s, e) = d.spans[0];
    assert!(text[s as usize..e as usize].contains("Dyusembayev"));
    assert_eq!(d.quotes.len(), 2, "Dyusembayev is quoted twice");
    for q in &d.quotes {
        let (s, e) = q.span.unwrap();
        assert!(text[s as usize..e as usize].starts_with(&q.text[..20]));
    }
    let serkov = &review.mentions[1];
    assert_eq!(
        serkov.organisation.as_deref(),
        Some("Brest Oblast Executive Committee")
    );
    let topics: Vec<(&str, Option<&str>)> = review
        .topics
        .iter()
        .map(|t| (t.name.as_str(), t.proposed_by.as_deref()))
        .collect();
    assert!(
        topics.contains(&("agribusiness", Some("Gumar Dyusembayev"))),
        "{topics:?}"
    );
    assert!(
        topics.contains(&("logistics", Some("Mikhail Serkov"))),
        "{topics:?}"
    );
    let kinds: Vec<&str> = review.commitments.iter().map(|c| c.kind.as_str()).collect();
    assert!(
        kinds.contains(&"invitation") && kinds.contains(&"negotiation"),
        "{kinds:?}"
    );
    let figures: Vec<&str> = review.figures.iter().map(|f| f.text.as_str()).collect();
    assert!(
        figures
            .iter()
            .any(|f| f.contains("900 industrial enterprises")),
        "{figures:?}"
    );
    assert!(
        review.extraction.is_some(),
        "the whole extraction is kept as JSON"
    );
}

#[test]
fn confirming_makes_people_with_positions_quotes_and_proposals() {
    let mut store = Store::open_in_memory().unwrap();
    let id = canonical(&mut store);
    let review = store.article_review(id).unwrap();
    let dyusembayev = store
        .confirm_mention(review.mentions[0].id, "officer")
        .unwrap();
    let serkov = store
        .confirm_mention(review.mentions[1].id, "officer")
        .unwrap();
    assert_ne!(dyusembayev, serkov);

    let people = store.people(None).unwrap();
    let names: Vec<&str> = people.iter().map(|p| p.house_name.as_str()).collect();
    assert_eq!(names, ["Gumar Dyusembayev", "Mikhail Serkov"]);
    assert_eq!(people[0].title.as_deref(), Some("First Vice Governor"));
    assert_eq!(people[0].mentions, 1);

    let d = store.dossier(dyusembayev).unwrap();
    assert_eq!(d.positions.len(), 1);
    assert_eq!(
        d.positions[0].organisation.as_deref(),
        Some("Atyrau Oblast")
    );
    assert_eq!(d.positions[0].articles, [id]);
    assert_eq!(d.quotes.len(), 2);
    assert!(d.proposals.iter().any(|t| t.name == "agribusiness"));
    assert!(
        !d.proposals.iter().any(|t| t.name == "logistics"),
        "Serkov proposed that"
    );
    let s = store.dossier(serkov).unwrap();
    assert!(s.proposals.iter().any(|t| t.name == "logistics"));

    let log = store.review_log(10).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].action, "confirm");
    assert_eq!(log[0].actor, "officer");
    assert!(log[0].at.ends_with('Z'));
}

#[test]
fn another_spelling_and_another_script_are_offered_as_the_known_person() {
    let mut store = Store::open_in_memory().unwrap();
    let id = canonical(&mut store);
    store.accept_all(id, "officer").unwrap();
    let dyusembayev = store.people(Some("Dyusembayev")).unwrap()[0].id;
    let serkov = store.people(Some("Serkov")).unwrap()[0].id;

    let ids = import_files(
        &mut store,
        &[
            corpus("reuters-atyrau-brest-dyussembayev.txt"),
            corpus("belta-atyrau-brest-serkov-ru.txt"),
        ],
    );
    let reuters = store.article_review(ids[0]).unwrap();
    let m = reuters
        .mentions
        .iter()
        .find(|m| m.name == "Gumar Dyussembayev")
        .expect("the Reuters spelling is found");
    assert_eq!(m.person_id, Some(dyusembayev));
    assert_eq!(m.person_name.as_deref(), Some("Gumar Dyusembayev"));
    let evidence = m.evidence.as_deref().unwrap();
    assert!(
        evidence.contains("Dyussembayev") && evidence.contains("Gumar Dyusembayev"),
        "{evidence}"
    );

    let russian = store.article_review(ids[1]).unwrap();
    let offered: Vec<(&str, Option<i64>)> = russian
        .mentions
        .iter()
        .map(|m| (m.name.as_str(), m.person_id))
        .collect();
    assert!(
        offered.contains(&("Гумар Дюсембаев", Some(dyusembayev))),
        "{offered:?}"
    );
    assert!(
        offered.contains(&("Михаил Серков", Some(serkov))),
        "{offered:?}"
    );

    store.confirm_mention(m.id, "officer").unwrap();
    let ru = russian
        .mentions
        .iter()
        .find(|m| m.name == "Гумар Дюсембаев")
        .unwrap();
    store.confirm_mention(ru.id, "officer").unwrap();
    let d = store.dossier(dyusembayev).unwrap();
    assert_eq!(
        d.house_name, "Gumar Dyusembayev",
        "the house spelling stays the officer's"
    );
    let names: Vec<(&str, &str, bool)> = d
        .names
        .iter()
        .map(|n| (n.name.as_str(), n.script.as_str(), n.house))
        .collect();
    assert_eq!(
        names,
        [
            ("Gumar Dyusembayev", "Latn", true),
            ("Gumar Dyussembayev", "Latn", false),
            ("Гумар Дюсембаев", "Cyrl", false),
        ]
    );
    assert_eq!(d.mentions.len(), 3, "three articles mention him");
    assert!(
        d.positions.len() >= 2,
        "positions as each article wrote them: {:?}",
        d.positions
    );

    // The officer prefers another house spelling; every spelling stays a variant.
    store
        .set_house_name(dyusembayev, "Gumar Dyussembayev", "officer")
        .unwrap();
    let d = store.dossier(dyusembayev).unwrap();
    assert_eq!(d.house_name, "Gumar Dyussembayev");
    assert_eq!(d.names.len(), 3);
    assert!(d.names[0].house);
}

#[test]
fn a_person_confirmed_later_is_offered_for_suggestions_still_waiting() {
    let mut store = Store::open_in_memory().unwrap();
    let ids = import_files(
        &mut store,
        &[
            corpus("belta-mogilev-smolensk.txt"),
            corpus("belta-mogilev-fergana-ru.txt"),
        ],
    );
    let ru = store.article_review(ids[1]).unwrap();
    let waiting = ru
        .mentions
        .iter()
        .find(|m| m.name == "Андрей Остапчук")
        .expect("the Russian article names Ostapchuk");
    assert_eq!(waiting.person_id, None);
    let en = store.article_review(ids[0]).unwrap();
    let ostapchuk = en
        .mentions
        .iter()
        .find(|m| m.name == "Andrei Ostapchuk")
        .unwrap();
    let person = store.confirm_mention(ostapchuk.id, "officer").unwrap();
    let ru = store.article_review(ids[1]).unwrap();
    let now = ru.mentions.iter().find(|m| m.id == waiting.id).unwrap();
    assert_eq!(now.person_id, Some(person));
    assert!(now.evidence.is_some());
    // Undoing the confirmation takes the offer back too.
    store.undo_last("officer").unwrap().unwrap();
    let ru = store.article_review(ids[1]).unwrap();
    assert_eq!(
        ru.mentions
            .iter()
            .find(|m| m.id == waiting.id)
            .unwrap()
            .person_id,
        None
    );
}

#[test]
fn every_action_undoes_exactly() {
    let mut store = Store::open_in_memory().unwrap();
    let ids = import_files(
        &mut store,
        &[
            shared_fixtures_dir().join("kazinform-atyrau-brest.txt"),
            corpus("reuters-atyrau-brest-dyussembayev.txt"),
        ],
    );
    let start = dump(&store);
    let canonical = store.article_review(ids[0]).unwrap();

    // confirm
    let p = store
        .confirm_mention(canonical.mentions[0].id, "a")
        .unwrap();
    let after_confirm = dump(&store);
    assert_ne!(after_confirm, start);

    // correct (a new person, another title), then undo it
    let other = store.article_review(ids[1]).unwrap();
    let m = other
        .mentions
        .iter()
        .find(|m| m.name.contains("Dyussembayev"))
        .unwrap();
    assert_eq!(m.person_id, Some(p));
    let q = store
        .correct_mention(
            m.id,
            &Correction {
                name: "Gumar Dyussembayev".into(),
                title: Some("First Deputy Governor".into()),
                organisation: Some("Atyrau Region".into()),
                country: Some("Kazakhstan".into()),
                person: PersonChoice::New,
            },
            "b",
        )
        .unwrap();
    assert_ne!(q, p, "corrected to a new person");
    let corrected = store.article_review(ids[1]).unwrap();
    let cm = corrected.mentions.iter().find(|x| x.id == m.id).unwrap();
    assert_eq!(cm.title.as_deref(), Some("First Deputy Governor"));
    assert_eq!(cm.status, "confirmed");
    assert_eq!(cm.reviewed_by.as_deref(), Some("b"));
    let after_correct = dump(&store);

    // merge, then split
    store.merge_people(p, q, "c").unwrap();
    assert_eq!(store.people(None).unwrap().len(), 1);
    assert_eq!(
        store.dossier(q).unwrap().id,
        p,
        "a merged id opens the kept dossier"
    );
    let d = store.dossier(p).unwrap();
    assert_eq!(d.mentions.len(), 2);
    assert_eq!(d.merged, [q]);
    let after_merge = dump(&store);
    let r = store
        .split_person(p, &["Gumar Dyussembayev".to_string()], "d")
        .unwrap();
    let d = store.dossier(p).unwrap();
    assert_eq!(d.mentions.len(), 1);
    assert_eq!(store.dossier(r).unwrap().mentions.len(), 1);

    // reject and fact status
    let serkov = canonical.mentions[1].id;
    store.reject_mention(serkov, "e").unwrap();
    let fig = canonical.figures[0].id;
    store
        .set_fact_status(FactKind::Figure, fig, true, "e")
        .unwrap();
    store
        .set_protocol_notes(
            p,
            &ProtocolNotes {
                form_of_address: Some("Mr Dyusembayev".into()),
                pronunciation: Some("dyoo-sem-BAH-yev".into()),
                interpreter: Some("Kazakh-Russian".into()),
                notes: None,
            },
            "e",
        )
        .unwrap();
    assert_eq!(
        store.dossier(p).unwrap().protocol.pronunciation.as_deref(),
        Some("dyoo-sem-BAH-yev")
    );

    // Undo everything, checking the states on the way back.
    for _ in 0..4 {
        store.undo_last("z").unwrap().unwrap();
    }
    assert_eq!(dump(&store), after_merge, "split undone exactly");
    store.undo_last("z").unwrap();
    assert_eq!(dump(&store), after_correct, "merge undone exactly");
    store.undo_last("z").unwrap();
    assert_eq!(dump(&store), after_confirm, "correction undone exactly");
    let e = store.undo_last("z").unwrap().unwrap();
    assert_eq!(e.action, "confirm");
    assert!(e.undone_at.is_some());
    assert_eq!(dump(&store), start, "confirmation undone exactly");
    assert!(
        store.undo_last("z").unwrap().is_none(),
        "nothing left to undo"
    );
    let log = store.review_log(100).unwrap();
    assert_eq!(log.len(), 7, "undone actions stay in the log");
    assert!(log.iter().all(|e| e.undone_at.is_some()));
    let actions: Vec<&str> = log.iter().rev().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "confirm",
            "correct",
            "merge",
            "split",
            "reject",
            "confirm",
            "protocol_notes"
        ]
    );
}

#[test]
fn accept_all_is_one_action() {
    let mut store = Store::open_in_memory().unwrap();
    let id = canonical(&mut store);
    let before = dump(&store);
    let a = store.accept_all(id, "script").unwrap();
    assert_eq!(a.people, 2);
    assert_eq!(a.quotes, 2);
    assert!(
        a.topics >= 10 && a.commitments >= 2 && a.figures >= 2,
        "{a:?}"
    );
    let review = store.article_review(id).unwrap();
    assert!(review.mentions.iter().all(|m| m.status == "confirmed"));
    assert!(review.topics.iter().all(|t| t.status == "confirmed"));
    let again = store.accept_all(id, "script").unwrap();
    assert_eq!(again.people, 0, "nothing left waiting");
    store.undo_last("script").unwrap();
    assert_eq!(dump(&store), before);
}

#[test]
fn review_errors_name_what_is_missing() {
    let mut store = Store::open_in_memory().unwrap();
    let id = canonical(&mut store);
    let e = store.confirm_mention(999, "a").unwrap_err().to_string();
    assert_eq!(e, "no suggested person with id 999");
    let e = store.merge_people(1, 1, "a").unwrap_err().to_string();
    assert!(e.contains("no person with id 1"), "{e}");
    store.accept_all(id, "a").unwrap();
    let e = store.merge_people(1, 1, "a").unwrap_err().to_string();
    assert!(e.contains("already one person"), "{e}");
    assert!(store.dossier(42).is_err());
    assert!(store.article_review(42).is_err());
}

#[test]
fn articles_stored_before_extraction_are_extracted_on_demand() {
    let mut store = Store::open_in_memory().unwrap();
    let id = canonical(&mut store);
    store
        .connection()
        .execute_batch("DELETE FROM quotes; DELETE FROM mentions; DELETE FROM extractions;")
        .unwrap();
    assert!(store.article_review(id).unwrap().mentions.is_empty());
    assert!(store.ensure_extracted(id, false).unwrap());
    assert_eq!(store.article_review(id).unwrap().mentions.len(), 2);
    assert!(
        !store.ensure_extracted(id, false).unwrap(),
        "once is enough"
    );
    // Extracting again keeps what the officer decided.
    let m = store.article_review(id).unwrap().mentions[0].id;
    store.confirm_mention(m, "a").unwrap();
    assert!(store.ensure_extracted(id, true).unwrap());
    let r = store.article_review(id).unwrap();
    assert_eq!(r.mentions.len(), 2);
    assert_eq!(
        r.mentions
            .iter()
            .filter(|m| m.status == "confirmed")
            .count(),
        1
    );
}

#[test]
fn corrected_as_new_people_two_spellings_stay_two_until_merged() {
    let mut store = Store::open_in_memory().unwrap();
    let ids = import_files(
        &mut store,
        &[
            corpus("uza-samarkand-csongrad-holmuradov.txt"),
            corpus("belta-brest-samarkand-logistics.txt"),
        ],
    );
    for id in &ids {
        let review = store.article_review(*id).unwrap();
        for m in review
            .mentions
            .iter()
            .filter(|m| m.name.contains("olmuradov"))
        {
            store
                .correct_mention(
                    m.id,
                    &Correction {
                        name: m.name.clone(),
                        title: m.title.clone(),
                        organisation: m.organisation.clone(),
                        country: m.country.clone(),
                        person: PersonChoice::New,
                    },
                    "officer",
                )
                .unwrap();
        }
    }
    let found = store.people(Some("Holmuradov")).unwrap();
    let names: Vec<&str> = found.iter().map(|p| p.house_name.as_str()).collect();
    assert_eq!(names, ["Erkin Holmuradov", "Erkin Kholmuradov"]);
}

#[test]
fn the_library_filters_by_person_visit_and_review_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("briefing.sqlite")).unwrap();
    let canonical = canonical(&mut store);
    // Another article naming Serkov, and one naming neither side.
    let other = import_files(&mut store, &[corpus("belta-brest-samarkand-logistics.txt")])[0];
    let unrelated = import_files(&mut store, &[corpus("akipress-bishkek-latvia-transit.txt")])[0];
    let ids = |store: &Store, filter: ArticleFilter| -> Vec<i64> {
        let listed: Vec<i64> = store
            .list_articles(&filter, 100, 0)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(
            store.count_matching(&filter).unwrap(),
            listed.len() as i64,
            "the count agrees with the list"
        );
        listed
    };
    let pending = |review| ArticleFilter {
        review: Some(review),
        ..Default::default()
    };

    // Freshly imported, both articles have people waiting for review.
    let sorted = |mut v: Vec<i64>| {
        v.sort();
        v
    };
    assert_eq!(
        sorted(ids(&store, pending(ReviewState::Pending))),
        vec![canonical, other, unrelated]
    );
    assert!(ids(&store, pending(ReviewState::Reviewed)).is_empty());

    // Reviewing the canonical article moves it from one state to the other.
    store.accept_all(canonical, "officer").unwrap();
    assert_eq!(
        sorted(ids(&store, pending(ReviewState::Pending))),
        vec![other, unrelated]
    );
    assert_eq!(ids(&store, pending(ReviewState::Reviewed)), vec![canonical]);

    // A confirmed person finds the articles naming them: where confirmed, and where a
    // suggestion is offered as them (the other spelling in the other article); no others.
    let serkov = store
        .people(Some("Serkov"))
        .unwrap()
        .first()
        .expect("Serkov is confirmed")
        .id;
    let by_person = ids(
        &store,
        ArticleFilter {
            person: Some(serkov),
            ..Default::default()
        },
    );
    assert_eq!(sorted(by_person), vec![canonical, other]);

    // A visit finds its linked articles; filters combine.
    let visit = store.create_visit_from_article(canonical).unwrap();
    let of_visit = ArticleFilter {
        visit: Some(visit),
        ..Default::default()
    };
    assert_eq!(ids(&store, of_visit.clone()), vec![canonical]);
    store.link_article(visit, other).unwrap();
    assert_eq!(ids(&store, of_visit.clone()).len(), 2);
    assert_eq!(
        ids(
            &store,
            ArticleFilter {
                review: Some(ReviewState::Pending),
                ..of_visit
            }
        ),
        vec![other]
    );
    // Search takes the same filters.
    let hits = store
        .search(
            "Brest",
            &ArticleFilter {
                person: Some(serkov),
                review: Some(ReviewState::Reviewed),
                ..Default::default()
            },
            10,
        )
        .unwrap();
    assert_eq!(
        hits.iter().map(|h| h.article.id).collect::<Vec<_>>(),
        vec![canonical]
    );
}
