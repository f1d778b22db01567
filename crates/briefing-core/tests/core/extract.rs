//! Extraction on the canonical article.

use briefing_core::extract::extract;
use briefing_core::ingest::{SourceHint, ingest};

use crate::shared_fixtures_dir;

#[test]
fn the_canonical_article_names_both_counterparts_with_their_positions_and_quotes() {
    for file in ["kazinform-atyrau-brest.txt", "kazinform-atyrau-brest.html"] {
        let bytes = std::fs::read(shared_fixtures_dir().join(file)).unwrap();
        let article = ingest(
            &SourceHint {
                name: file,
                ..Default::default()
            },
            &bytes,
        )
        .unwrap()
        .articles
        .remove(0);
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
