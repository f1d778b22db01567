//! review, people, person, merge, split, undo, history.

use std::path::PathBuf;

use crate::{json, run, shared_fixtures, stderr, stdout};

fn labelled(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/extract/articles")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn review_accept_then_match_another_spelling_and_read_the_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite");
    let canonical = shared_fixtures().join("kazinform-atyrau-brest.txt");
    let out = run(&db, &["import", canonical.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));

    // The suggestions, before anything is decided.
    let review = json(&run(&db, &["review", "1", "--json"]));
    let mentions = review["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2);
    assert_eq!(mentions[0]["name"], "Gumar Dyusembayev");
    assert_eq!(mentions[0]["status"], "suggested");
    assert_eq!(mentions[0]["quotes"].as_array().unwrap().len(), 2);
    let human = stdout(&run(&db, &["review", "1"]));
    assert!(human.contains("-> new person"), "{human}");

    let out = run(&db, &["review", "1", "--accept-all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("accepted 2 people, 2 quotes"),
        "{}",
        stderr(&out)
    );

    let people = json(&run(&db, &["people", "--json"]));
    assert_eq!(people.as_array().unwrap().len(), 2);
    assert_eq!(people[1]["house_name"], "Mikhail Serkov");
    assert_eq!(
        people[1]["organisation"],
        "Brest Oblast Executive Committee"
    );
    let found = json(&run(&db, &["people", "Дюсембаев", "--json"]));
    assert_eq!(
        found[0]["house_name"], "Gumar Dyusembayev",
        "found from another script"
    );

    // Another outlet's spelling is offered as the known person, with the evidence.
    let out = run(
        &db,
        &["import", &labelled("reuters-atyrau-brest-dyussembayev.txt")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let review = json(&run(&db, &["review", "2", "--json"]));
    let m = review["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Gumar Dyussembayev")
        .unwrap()
        .clone();
    assert_eq!(m["person_id"], 1);
    assert!(m["evidence"].as_str().unwrap().contains("another spelling"));
    let id = m["id"].as_i64().unwrap().to_string();
    let out = run(&db, &["review", "2", "--confirm", &id]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = run(
        &db,
        &[
            "person",
            "1",
            "--address",
            "Mr Dyusembayev",
            "--interpreter",
            "Kazakh–English",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let dossier = json(&run(&db, &["person", "1", "--json"]));
    assert_eq!(dossier["house_name"], "Gumar Dyusembayev");
    let names: Vec<&str> = dossier["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Gumar Dyusembayev", "Gumar Dyussembayev"]);
    assert_eq!(dossier["protocol"]["form_of_address"], "Mr Dyusembayev");
    assert_eq!(dossier["quotes"].as_array().unwrap().len(), 3);
    assert_eq!(dossier["mentions"].as_array().unwrap().len(), 2);
    assert_eq!(dossier["positions"].as_array().unwrap().len(), 2);
    let human = stdout(&run(&db, &["person", "1"]));
    assert!(
        human.contains("also written: Gumar Dyussembayev (Latn)"),
        "{human}"
    );
    assert!(human.contains("form of address: Mr Dyusembayev"), "{human}");

    // A mention of another article is refused by review.
    let out = run(&db, &["review", "1", "--confirm", &id]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains(&format!("article 1 has no suggested person {id}")));
}

#[test]
fn merge_split_and_undo_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite");
    let out = run(
        &db,
        &[
            "import",
            &labelled("belta-mogilev-smolensk.txt"),
            &labelled("uza-samarkand-csongrad-holmuradov.txt"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for id in ["1", "2"] {
        assert!(run(&db, &["review", id, "--accept-all"]).status.success());
    }
    let people = json(&run(&db, &["people", "--json"]));
    let id_of = |name: &str| {
        people
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["house_name"] == name)
            .unwrap_or_else(|| panic!("{name} in {people}"))["id"]
            .as_i64()
            .unwrap()
            .to_string()
    };
    let (a, b) = (id_of("Andrei Ostapchuk"), id_of("Erkin Holmuradov"));
    let before = people.as_array().unwrap().len();

    let out = run(&db, &["merge", &a, &b]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("merged Erkin Holmuradov"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        json(&run(&db, &["people", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        before - 1
    );
    let merged = json(&run(&db, &["person", &b, "--json"]));
    assert_eq!(
        merged["house_name"], "Andrei Ostapchuk",
        "the merged id opens the kept person"
    );

    let out = run(&db, &["split", &a, "Erkin Holmuradov"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        json(&run(&db, &["people", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        before
    );

    let history = json(&run(&db, &["history", "--json"]));
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["split", "merge", "accept_all", "accept_all"]);

    for _ in 0..2 {
        let out = run(&db, &["undo"]);
        assert!(stdout(&out).starts_with("undone: "), "{}", stdout(&out));
    }
    assert_eq!(
        json(&run(&db, &["people", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        before
    );
    let dossier = json(&run(&db, &["person", &b, "--json"]));
    assert_eq!(
        dossier["house_name"], "Erkin Holmuradov",
        "the merge is undone"
    );

    let out = run(&db, &["merge", &a, "999"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no person with id 999"),
        "{}",
        stderr(&out)
    );
}
