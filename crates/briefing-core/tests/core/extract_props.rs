//! Extraction on arbitrary text: it never panics, and every span it returns is a real slice
//! of the text it names.

use briefing_core::extract::{Span, extract};
use briefing_core::ingest::{SourceHint, ingest};
use proptest::prelude::*;

fn check_span(paragraphs: &[String], s: &Span) {
    let p = &paragraphs[s.paragraph];
    assert!(s.start <= s.end && s.end <= p.len(), "{s:?} out of bounds");
    assert!(p.is_char_boundary(s.start) && p.is_char_boundary(s.end));
    assert_eq!(&p[s.start..s.end], s.text);
}

fn run(text: &str) {
    let Ok(ingested) = ingest(
        &SourceHint {
            name: "x.txt",
            ..Default::default()
        },
        text.as_bytes(),
    ) else {
        return; // empty or whitespace: ingest refuses it, with its own tests
    };
    for article in &ingested.articles {
        let s = extract(article);
        let ps = &article.paragraphs;
        for p in &s.people {
            assert!(!p.name.trim().is_empty());
            assert!((0.0..=1.0).contains(&p.confidence));
            p.spans.iter().for_each(|x| check_span(ps, x));
            p.quotes.iter().for_each(|q| check_span(ps, &q.span));
        }
        s.unattributed_quotes
            .iter()
            .for_each(|q| check_span(ps, &q.span));
        s.topics.iter().for_each(|t| check_span(ps, &t.span));
        s.commitments.iter().for_each(|c| check_span(ps, &c.span));
        s.figures.iter().for_each(|f| check_span(ps, &f.span));
        s.dates.iter().for_each(|d| check_span(ps, &d.span));
        s.places
            .iter()
            .flat_map(|p| &p.spans)
            .for_each(|x| check_span(ps, x));
        s.organisations
            .iter()
            .flat_map(|o| &o.spans)
            .for_each(|x| check_span(ps, x));
        if let Some(v) = &s.visit {
            v.spans.iter().for_each(|x| check_span(ps, x));
        }
    }
}

/// Words wire copy is made of, so that generated text reaches the rules, not only the
/// tokenizer: titles, names, places, quotes, months, Cyrillic, RTL, combining marks, emoji.
const WORDS: &[&str] = &[
    "Deputy",
    "Chairman",
    "of",
    "the",
    "Brest",
    "Oblast",
    "Executive",
    "Committee",
    "Mikhail",
    "Serkov",
    "said",
    ":",
    "\"",
    "«",
    "»",
    "“",
    "”",
    ",",
    ".",
    "Gumar",
    "Dyusembayev",
    "Akim",
    "(Governor)",
    "van",
    "der",
    "Berg",
    "Kowalczyk-Nowak",
    "He",
    "Xiaoming",
    "21",
    "June",
    "2024",
    "on",
    "Friday",
    "delegation",
    "visit",
    "official",
    "invited",
    "about",
    "900",
    "enterprises",
    "первым",
    "заместителем",
    "акима",
    "Гумаром",
    "Дюсембаевым",
    "сентября",
    "وفد",
    "מינסק",
    "e\u{301}",
    "🇰🇿",
    "\u{200f}",
    "\n\n",
    "Kazakh",
    "Minister",
    "Ministry",
    "suggested",
    "logistics",
    "tourism",
    "'s",
    "’",
    "-",
    "—",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        run(&text);
    }

    #[test]
    fn arbitrary_wire_like_word_salad_gives_valid_spans(
        words in proptest::collection::vec(proptest::sample::select(WORDS), 0..400)
    ) {
        run(&words.join(" "));
    }
}
