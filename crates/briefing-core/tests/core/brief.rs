//! Visits and briefs: the canonical article end to end, and briefs built from hostile text.

use std::io::Read;
use std::sync::atomic::AtomicBool;

use briefing_core::Store;
use briefing_core::brief::{self, Block, BriefOptions, SectionKind, plain};
use briefing_core::import::{ImportInput, import};
use briefing_core::store::{NewSource, SourceKind, VisitFields};

use crate::shared_fixtures_dir;

fn canonical_visit(store: &mut Store) -> i64 {
    let path = shared_fixtures_dir().join("kazinform-atyrau-brest.txt");
    let report = import(
        store,
        &[ImportInput::Path(path)],
        |_| {},
        &AtomicBool::new(false),
    );
    let article = report.items[0].article_id.unwrap();
    store.accept_all(article, "officer").unwrap();
    store.create_visit_from_article(article).unwrap()
}

fn section(b: &brief::Brief, kind: SectionKind) -> &brief::Section {
    b.sections.iter().find(|s| s.kind == kind).unwrap()
}

fn text_of(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Paragraph { inlines } | Block::Quote { inlines } => out += &plain(inlines),
            Block::Subheading { text } | Block::Note { text } => out += text,
            Block::Bullets { items } | Block::Numbered { items } => {
                for i in items {
                    out += &plain(i);
                    out += "\n";
                }
            }
            Block::Table { columns, rows } => {
                for c in columns {
                    out += &c.header;
                    out += " | ";
                }
                for r in rows {
                    for c in r {
                        out += &plain(c);
                        out += " | ";
                    }
                    out += "\n";
                }
            }
        }
        out += "\n";
    }
    out
}

/// The parts of a DOCX package, by name.
fn parts(bytes: &[u8]) -> Vec<(String, String, zip::CompressionMethod)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let mut s = String::new();
            e.read_to_string(&mut s).unwrap();
            (e.name().to_string(), s, e.compression())
        })
        .collect()
}

#[test]
fn the_canonical_article_becomes_a_visit_and_a_brief() {
    let mut store = Store::open_in_memory().unwrap();
    let visit = canonical_visit(&mut store);
    let v = store.visit(visit).unwrap();
    assert_eq!(
        v.fields.title,
        "Visit of the Atyrau Oblast delegation (Kazakhstan) to Brest Oblast (Belarus)"
    );
    assert_eq!(v.fields.kind, "official");
    assert_eq!(v.fields.place.as_deref(), Some("Brest"));
    assert_eq!(v.fields.start_date.as_deref(), Some("--06-21"));
    let people: Vec<(&str, &str, &str)> = v
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.side.as_str(), p.role.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("Gumar Dyusembayev", "visiting", "head"),
            ("Mikhail Serkov", "host", "host")
        ]
    );
    let statuses: Vec<(&str, &str)> = v
        .commitments
        .iter()
        .map(|c| (c.kind.as_str(), c.status.as_str()))
        .collect();
    assert!(
        statuses.contains(&("invitation", "invited")),
        "{statuses:?}"
    );
    assert!(
        statuses.contains(&("negotiation", "negotiations under way")),
        "{statuses:?}"
    );
    assert_eq!(store.visits().unwrap()[0].participants, 2);

    let options = BriefOptions {
        classification: Some("RESTRICTED — FOR OFFICIAL USE".into()),
        author: Some("A. Officer".into()),
        organisation: Some("Ministry of Foreign Affairs".into()),
        date: "2026-11-30".into(),
        ..BriefOptions::default()
    };
    let b = brief::compose(&store.brief_input(visit).unwrap(), &options);
    assert_eq!(
        b.cover_lines[0],
        "Official visit · Brest · 21 June (year not stated in the sources)"
    );
    assert_eq!(
        b.cover_lines[1],
        "Prepared by A. Officer, Ministry of Foreign Affairs, on 30 November 2026"
    );
    let table = text_of(&section(&b, SectionKind::Counterparts).blocks);
    assert!(table.contains("Gumar DYUSEMBAYEV | First Vice Governor | Atyrau Oblast | Kazakhstan | Visiting — head of delegation"), "{table}");
    assert!(
        table.contains(
            "Mikhail SERKOV | Deputy Chairman | Brest Oblast Executive Committee | Belarus | Host"
        ),
        "{table}"
    );
    let profiles = section(&b, SectionKind::Profiles);
    let quotes = profiles
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Quote { .. }))
        .count();
    assert_eq!(quotes, 2, "Dyusembayev is quoted twice");
    let cooperation = text_of(&section(&b, SectionKind::Cooperation).blocks);
    assert!(
        cooperation.contains("Atyrau Oblast (Dyusembayev)"),
        "{cooperation}"
    );
    assert!(
        cooperation.contains("Brest Oblast (Serkov)"),
        "{cooperation}"
    );
    assert!(
        cooperation.contains("Civil engineering, logistics, tourism, recreation"),
        "{cooperation}"
    );
    let commitments = text_of(&section(&b, SectionKind::Commitments).blocks);
    assert!(commitments.contains("reciprocal visit"), "{commitments}");
    assert!(commitments.contains("three facilities"), "{commitments}");
    let facts = text_of(&section(&b, SectionKind::Facts).blocks);
    assert!(
        facts.contains("about 900 industrial enterprises [1]"),
        "{facts}"
    );
    assert!(
        facts.contains("600 with a share of foreign capital [1]"),
        "{facts}"
    );
    let sources = text_of(&section(&b, SectionKind::Sources).blocks);
    assert!(
        sources.starts_with("Kazinform (relaying BelTA, eng.belta.by): “"),
        "{sources}"
    );
    let summary = text_of(&section(&b, SectionKind::Summary).blocks);
    assert!(
        summary.contains("sees potential in advancing cooperation with Brest Oblast"),
        "suggested key points cite their source: {summary}"
    );
    assert!(
        summary
            .lines()
            .filter(|l| !l.is_empty())
            .all(|l| l.ends_with("[1]")),
        "{summary}"
    );
    let headings: Vec<&str> = b.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings[0], "1. Summary");
    assert_eq!(*headings.last().unwrap(), "Appendix: full texts");

    // The DOCX: every part well-formed XML, deflated; header rows repeat; properties set.
    let bytes = brief::docx::render(&b).unwrap();
    let parts = parts(&bytes);
    for (name, xml, method) in &parts {
        assert_eq!(*method, zip::CompressionMethod::Deflated, "{name}");
        if name.ends_with(".xml") || name.ends_with(".rels") {
            roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let doc = &parts.iter().find(|p| p.0 == "word/document.xml").unwrap().1;
    assert_eq!(
        doc.matches("<w:tblHeader />").count(),
        3,
        "the header row of each table (counterparts, cooperation, commitments) repeats"
    );
    assert!(doc.contains(r#"TOC \o "1-2""#) || doc.contains("TOC \\o &quot;1-2&quot;"));
    let core = &parts.iter().find(|p| p.0 == "docProps/core.xml").unwrap().1;
    assert!(core.contains("<dc:title>Visit of the Atyrau Oblast delegation (Kazakhstan) to Brest Oblast (Belarus)</dc:title>"));
    assert!(core.contains("<dc:creator>A. Officer</dc:creator>"));
    let header = parts
        .iter()
        .find(|p| p.0.starts_with("word/header"))
        .expect("a header part");
    assert!(header.1.contains("RESTRICTED — FOR OFFICIAL USE"));

    // The preview shows what the document holds.
    let html = brief::html::render_fragment(&b);
    for s in &b.sections {
        assert!(
            html.contains(&s.heading.replace('&', "&amp;")),
            "{}",
            s.heading
        );
    }
    assert!(html.contains("Gumar DYUSEMBAYEV"));
}

#[test]
fn sections_are_optional_and_ordered_as_chosen() {
    let mut store = Store::open_in_memory().unwrap();
    let visit = canonical_visit(&mut store);
    let options = BriefOptions {
        sections: vec![
            SectionKind::Commitments,
            SectionKind::Counterparts,
            SectionKind::Sources,
        ],
        summary: Some("Our own summary.".into()),
        ..BriefOptions::default()
    };
    let b = brief::compose(&store.brief_input(visit).unwrap(), &options);
    let headings: Vec<&str> = b.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "1. Commitments and follow-ups",
            "2. Delegation and counterparts",
            "3. Sources"
        ]
    );
    assert!(!b.cover);
    // The officer's texts are stored with the brief.
    store.save_brief_options(visit, &options).unwrap();
    let stored = store.brief_options(visit).unwrap();
    assert_eq!(stored.sections, options.sections);
    assert_eq!(stored.summary.as_deref(), Some("Our own summary."));
}

#[test]
fn a_brief_from_hostile_text_stays_a_valid_document() {
    let mut store = Store::open_in_memory().unwrap();
    let hostile = "O'Brien & Sons <Ltd> \"quoted\" \u{B}\u{0}\u{1F}\u{FFFF} שלום עליכם مرحبا";
    let long = "word ".repeat(1000); // a 5,000-character paragraph
    let mut sources = Vec::new();
    for i in 0..500 {
        let text = format!(
            "{hostile} {i}\n\nMINSK (BelTA) - Chairman of the Board of {hostile} Ivan Petrov{i} met the delegation. {long}\n\n<script>alert(1)</script> and ]]> and &amp;"
        );
        // Built directly: ingest refuses control characters, but a brief must survive
        // whatever reaches the store by any path.
        let article = vec![briefing_core::Article {
            title: format!("{hostile} {i}"),
            title_derived: false,
            paragraphs: text.split("\n\n").skip(1).map(str::to_string).collect(),
            outlet: Some(hostile.into()),
            dateline: Some("Minsk".into()),
            published: None,
            url: Some(format!("https://example.org/{i}?a=1&b=<2>")),
            relayed_from: None,
            language: "en".into(),
            format: briefing_core::Format::Text,
            warnings: vec![],
        }];
        sources.push(NewSource::new(
            format!("h{i}.txt"),
            SourceKind::File,
            briefing_core::Format::Text,
            text.into_bytes(),
            article,
        ));
    }
    store.add_sources(&sources).unwrap();
    let visit = store
        .create_visit(&VisitFields {
            title: hostile.into(),
            kind: "working".into(),
            status: "planned".into(),
            ..Default::default()
        })
        .unwrap();
    for a in 1..=500 {
        store.link_article(visit, a).unwrap();
    }
    let options = BriefOptions {
        classification: Some(hostile.into()),
        author: Some(hostile.into()),
        talking_points: Some(format!("- {hostile}\n- {long}")),
        ..BriefOptions::default()
    };
    let b = brief::compose(&store.brief_input(visit).unwrap(), &options);
    assert_eq!(b.sources.len(), 500);
    let bytes = brief::docx::render(&b).unwrap();
    for (name, xml, _) in parts(&bytes) {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
            if name == "word/document.xml" {
                let text: String = doc
                    .descendants()
                    .filter(|n| {
                        n.has_tag_name((
                            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                            "t",
                        ))
                    })
                    .filter_map(|n| n.text())
                    .collect();
                assert!(
                    text.contains("O'Brien & Sons <Ltd> \"quoted\" "),
                    "text survives, escaped"
                );
                assert!(text.contains("שלום עליכם"));
                assert!(!text.contains('\u{B}') && !text.contains('\u{FFFF}'));
            }
        }
    }
    let html = brief::html::render_document(&b);
    assert!(!html.contains("<script>"), "no script reaches the preview");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("O&#39;Brien &amp; Sons &lt;Ltd&gt;"));
    assert!(!html.contains('\u{B}'));
}

#[test]
fn exports_are_written_atomically_and_never_over_a_file_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.docx");
    brief::write_atomically(&path, b"first", false).unwrap();
    let err = brief::write_atomically(&path, b"second", false).unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"first");
    brief::write_atomically(&path, b"second", true).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
    let missing = dir.path().join("no/such/folder/brief.docx");
    assert!(brief::write_atomically(&missing, b"x", false).is_err());
}
