//! Extraction on the canonical article.

use briefing_core::extract::extract;
use briefing_core::ingest::{SourceHint, ingest};

use crate::canonical::ingest_file;

#[test]
fn the_canonical_article_names_both_counterparts_with_their_positions_and_quotes() {
    for file in ["kazinform-atyrau-brest.txt", "kazinform-atyrau-brest.html"] {
        let article = ingest_file(file).articles.remove(0);
        let s = extract(&article);
        let people: Vec<_> = s
            .people
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.title.as_deref(),
                    p.organisation.as_deref(),
                    p.country.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            people,
            vec![
                (
                    "Gumar Dyusembayev",
                    Some("First Vice Governor"),
                    Some("Atyrau Oblast"),
                    Some("Kazakhstan")
                ),
                (
                    "Mikhail Serkov",
                    Some("Deputy Chairman"),
                    Some("Brest Oblast Executive Committee"),
                    Some("Belarus")
                ),
            ],
            "{file}: exactly the two counterparts, nothing from the Brest Fortress or BelTA"
        );
        let dyusembayev = &s.people[0];
        assert_eq!(
            dyusembayev.quotes.len(),
            2,
            "{file}: Dyusembayev is quoted twice"
        );
        assert!(
            dyusembayev.quotes[0]
                .text
                .starts_with("We are interested in Belarus")
        );
        assert!(
            dyusembayev.quotes[1]
                .text
                .starts_with("In Atyrau Oblast there are about 900 industrial enterprises")
        );
        let refs: Vec<&str> = dyusembayev
            .spans
            .iter()
            .map(|sp| sp.text.as_str())
            .collect();
        assert!(
            refs.contains(&"Atyrau Oblast First Vice Governor"),
            "the later reference by title resolves: {refs:?}"
        );
        for sp in &dyusembayev.spans {
            assert_eq!(
                &article.paragraphs[sp.paragraph][sp.start..sp.end],
                sp.text,
                "spans point at their text"
            );
        }
        assert!(s.people[1].quotes.is_empty(), "Serkov is not quoted");
        assert!(
            s.unattributed_quotes.is_empty(),
            "{:?}",
            s.unattributed_quotes
        );
    }
}

#[test]
fn the_canonical_article_gives_each_sides_proposals_the_follow_ups_and_the_figures() {
    let article = ingest_file("kazinform-atyrau-brest.txt").articles.remove(0);
    let s = extract(&article);
    let by = |who: &str| -> Vec<&str> {
        s.topics
            .iter()
            .filter(|t| t.proposed_by.as_deref() == Some(who))
            .map(|t| t.name.as_str())
            .collect()
    };
    let kazakh = by("Gumar Dyusembayev");
    for area in [
        "agribusiness",
        "processing industry",
        "dairy",
        "light industries",
        "fish processing",
    ] {
        assert!(
            kazakh.contains(&area),
            "Dyusembayev proposed {area}: {kazakh:?}"
        );
    }
    let belarusian = by("Mikhail Serkov");
    for area in [
        "civil engineering",
        "logistics",
        "tourism",
        "recreation",
        "woodworking",
    ] {
        assert!(
            belarusian.contains(&area),
            "Serkov proposed {area}: {belarusian:?}"
        );
    }
    assert!(
        !kazakh.contains(&"civil engineering") && !belarusian.contains(&"fish processing"),
        "no area goes to the wrong side"
    );
    let kinds: Vec<String> = s
        .commitments
        .iter()
        .map(|c| format!("{:?}", c.kind))
        .collect();
    assert_eq!(
        kinds,
        vec!["Request", "Invitation", "Negotiation"],
        "{:#?}",
        s.commitments
    );
    assert!(s.commitments[1].text.contains("on a reciprocal visit"));
    assert!(
        s.commitments[2]
            .text
            .contains("three facilities in Kazakhstan")
    );
    let figures: Vec<&str> = s.figures.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(
        figures,
        vec![
            "about 900 industrial enterprises",
            "600 with a share of foreign capital"
        ]
    );
}

#[test]
fn odd_and_huge_text_gives_sensible_output_without_panicking() {
    let caps = "Delegation ".repeat(10_000);
    let big = "The delegation discussed cooperation in logistics. ".repeat(20_000);
    let cases = [
        String::from("No people at all here, only a quiet afternoon in the archive."),
        caps,
        big,
        "وفد من كازاخستان زار مينسك لبحث التعاون في مجال الزراعة.".to_string(),
        "Cafe\u{301} de\u{301}le\u{301}gation 🇰🇿🤝🇧🇾 İstanbul İzmir cooperation in TOURISM, said Mr Ömer Çelik.".to_string(),
    ];
    for text in &cases {
        let article = ingest(
            &SourceHint {
                name: "x.txt",
                ..Default::default()
            },
            text.as_bytes(),
        )
        .unwrap()
        .articles
        .remove(0);
        let s = extract(&article);
        for t in &s.topics {
            assert_eq!(
                article.paragraphs[t.span.paragraph][t.span.start..t.span.end].to_lowercase(),
                t.name
            );
        }
        assert!(
            s.people.len() <= 2,
            "{} people in {:.40}",
            s.people.len(),
            text
        );
    }
}

#[test]
fn the_corpus_spellings_of_one_person_match_and_different_people_do_not() {
    use briefing_core::names::same_person;
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(crate::fixtures_dir().join("extract/gold.json")).unwrap(),
    )
    .unwrap();
    let people: Vec<(String, String)> = gold
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["people"].as_array().unwrap().iter())
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["person_key"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let (mut same, mut missed, mut confused) = (0, Vec::new(), Vec::new());
    for (i, (a, ka)) in people.iter().enumerate() {
        for (b, kb) in &people[i + 1..] {
            match (ka == kb && !ka.is_empty(), same_person(a, b)) {
                (true, true) => same += 1,
                (true, false) => missed.push(format!("{a} / {b}")),
                (false, true) => confused.push(format!("{a} / {b}")),
                (false, false) => {}
            }
        }
    }
    assert!(
        same >= 4,
        "the corpus has cross-file spellings to match ({same} matched)"
    );
    assert!(
        missed.is_empty(),
        "spellings of one person not matched: {missed:?}"
    );
    assert!(
        confused.is_empty(),
        "different people matched: {confused:?}"
    );
}
