//! The canonical article (`../shared/fixtures`) in its three formats.

use briefing_core::ingest::{SourceHint, ingest};
use briefing_core::{Article, Relay};

use crate::shared_fixtures_dir;

/// Ingests a file of `../shared/fixtures`; the extraction tests use it too.
pub fn ingest_file(name: &str) -> briefing_core::ingest::Ingested {
    let bytes =
        std::fs::read(shared_fixtures_dir().join(name)).expect("canonical fixture readable");
    ingest(
        &SourceHint {
            name,
            ..Default::default()
        },
        &bytes,
    )
    .expect("canonical fixture ingests")
}

fn assert_canonical_text(a: &Article) {
    let text = a.text();
    assert!(
        text.starts_with("BREST. KAZINFORM - The administration of Kazakhstan's Atyrau Oblast"),
        "{text}"
    );
    assert!(
        text.ends_with("Kazinform refers to eng.belta.by."),
        "the last paragraph survives"
    );
    assert!(text.contains(
        "about 900 industrial enterprises, including 600 with a share of foreign capital"
    ));
    assert!(
        text.contains("Deputy Chairman of the Brest Oblast Executive Committee Mikhail Serkov")
    );
    assert_eq!(
        a.paragraphs.len(),
        7,
        "seven paragraphs: {:#?}",
        a.paragraphs
    );
    assert_eq!(a.outlet.as_deref(), Some("Kazinform"));
    assert_eq!(a.dateline.as_deref(), Some("Brest"));
    assert_eq!(
        a.relayed_from,
        Some(Relay {
            outlet: "BelTA".into(),
            reference: Some("eng.belta.by".into())
        })
    );
    assert_eq!(a.language, "en");
}

#[test]
fn canonical_text() {
    let got = ingest_file("kazinform-atyrau-brest.txt");
    let a = &got.articles[0];
    assert_canonical_text(a);
    // The text has no headline and no date: the title comes from the first sentence, and the
    // publication date stays unknown rather than guessed.
    assert!(a.title_derived);
    assert!(
        a.title
            .starts_with("The administration of Kazakhstan's Atyrau Oblast sees potential"),
        "{}",
        a.title
    );
    assert_eq!(a.published, None);
}

#[test]
fn canonical_html_drops_the_boilerplate() {
    let got = ingest_file("kazinform-atyrau-brest.html");
    let a = &got.articles[0];
    assert_canonical_text(a);
    assert_eq!(
        a.title,
        "Atyrau Oblast eyes cooperation with Brest Oblast in agribusiness, processing industry"
    );
    assert_eq!(
        a.published.map(|d| d.to_iso()).as_deref(),
        Some("2017-06-21")
    );
    let text = a.text();
    for junk in [
        "Currency rates",
        "Related news",
        "cookies",
        "Share:",
        "All rights reserved",
        "1 204 views",
        "gtag",
        "Log in",
    ] {
        assert!(
            !text.contains(junk),
            "boilerplate {junk:?} left in the text"
        );
    }
}

#[test]
fn canonical_text_and_html_normalise_to_the_same_text() {
    // The same article saved two ways is one article: the store refuses the second copy.
    let txt = ingest_file("kazinform-atyrau-brest.txt").articles.remove(0);
    let html = ingest_file("kazinform-atyrau-brest.html")
        .articles
        .remove(0);
    assert_eq!(txt.text(), html.text());
}

#[test]
fn canonical_feed_imports_every_item_and_reports_the_damage() {
    let got = ingest_file("atyrau-brest-feed.xml");
    assert_eq!(
        got.articles.len(),
        3,
        "the damaged item's text still imports"
    );
    let [first, second, damaged] = &got.articles[..] else {
        unreachable!()
    };
    assert_eq!(
        first.url.as_deref(),
        Some("https://example.org/news/atyrau-brest-agribusiness")
    );
    assert_eq!(
        first.published.map(|d| d.to_iso()).as_deref(),
        Some("2017-06-21")
    );
    assert_eq!(first.outlet.as_deref(), Some("Kazinform"));
    assert_eq!(second.outlet.as_deref(), Some("BelTA"));
    assert_eq!(second.dateline.as_deref(), Some("Brest"));
    assert_eq!(damaged.published, None);
    assert!(
        damaged.warnings.iter().any(|w| w.contains("not a date")),
        "{:?}",
        damaged.warnings
    );
    assert!(
        damaged.warnings.iter().any(|w| w.contains("no link")),
        "{:?}",
        damaged.warnings
    );
}
