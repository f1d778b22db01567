//! URL import from a local HTTP server on 127.0.0.1.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::thread;

use crate::{json, run, shared_fixtures, stderr};

/// Serves a few fixed routes until the test process ends. Returns the base address.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let html = std::fs::read(shared_fixtures().join("kazinform-atyrau-brest.html")).unwrap();
    let feed = std::fs::read(shared_fixtures().join("atyrau-brest-feed.xml")).unwrap();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                    break;
                }
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, ctype, body): (&str, &str, Vec<u8>) = match path.as_str() {
                "/news/atyrau" => ("200 OK", "text/html; charset=utf-8", html.clone()),
                "/rss" => ("200 OK", "application/rss+xml", feed.clone()),
                "/huge" => ("200 OK", "text/html", vec![b'a'; 11 * 1024 * 1024]),
                _ => ("404 Not Found", "text/plain", b"not here".to_vec()),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    base
}

#[test]
fn urls_import_through_the_html_and_feed_paths() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("briefing.sqlite");
    let page = format!("{base}/news/atyrau");
    let out = run(
        &db,
        &[
            "import",
            "--json",
            &page,
            &format!("{base}/rss"),
            &format!("{base}/gone"),
            &format!("{base}/huge"),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "two URLs fail: {}",
        stderr(&out)
    );
    let report = json(&out);
    assert_eq!(
        report["imported"], 4,
        "the page and the feed's three items: {report:#}"
    );
    let items = report["items"].as_array().unwrap();
    let failed: Vec<(&str, &str)> = items
        .iter()
        .filter(|i| i["status"] == "failed")
        .map(|i| (i["input"].as_str().unwrap(), i["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        failed,
        vec![
            (format!("{base}/gone").as_str(), "the server answered 404"),
            (
                format!("{base}/huge").as_str(),
                "the page is larger than the limit of 10485760 bytes"
            ),
        ]
    );
    let first = &items[0];
    let shown = json(&run(
        &db,
        &["show", &first["articleId"].to_string(), "--json"],
    ));
    assert_eq!(
        shown["url"], page,
        "the article keeps the address it came from"
    );
    assert_eq!(
        shown["summary"]["title"],
        "Atyrau Oblast eyes cooperation with Brest Oblast in agribusiness, processing industry"
    );
    assert_eq!(shown["sourceName"], page);
}
