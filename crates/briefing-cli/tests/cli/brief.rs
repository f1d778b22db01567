//! visit and brief from the terminal, and the exported DOCX read back by independent readers:
//! LibreOffice (to PDF, then pdftotext), python-docx, pandoc and xmllint.
//!
//! The readers are installed by `./scripts/test.sh`, which sets BRIEFING_REQUIRE_READERS=1:
//! there a missing reader fails the test. A plain `cargo test` without them skips the reader
//! checks and says so.

use std::path::Path;
use std::process::Command;

use crate::{json, run, shared_fixtures, stderr, stdout};

fn have(tool: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("BRIEFING_REQUIRE_READERS").is_none(),
            "{tool} is required by the test command (./scripts/test.sh installs it)"
        );
        eprintln!("SKIPPED reader check: {tool} is not installed (./scripts/test.sh installs it)");
    }
    found
}

fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().expect("reader runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every check a real reader can make of an exported brief. Returns the PDF's text.
fn read_back(docx: &Path, must_contain: &[&str]) -> Option<String> {
    let dir = docx.parent().unwrap();
    if have("xmllint") && have("unzip") {
        let parts = dir.join("parts");
        ok(Command::new("unzip")
            .arg("-q")
            .arg("-o")
            .arg(docx)
            .arg("-d")
            .arg(&parts));
        for entry in walk(&parts) {
            if entry.extension().is_some_and(|e| e == "xml" || e == "rels") {
                ok(Command::new("xmllint").arg("--noout").arg(&entry));
            }
        }
    }
    if have("pandoc") {
        // To HTML, then to text with one space between words: table cells wrap in pandoc's
        // plain output. (pandoc does not read page headers: the marking is checked in the PDF.)
        let html = ok(Command::new("pandoc")
            .arg(docx)
            .args(["-t", "html", "--wrap=none"]));
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for s in must_contain.iter().filter(|s| !s.starts_with("SECRET")) {
            assert!(text.contains(s), "pandoc's text lacks {s:?}: {text}");
        }
    }
    if Path::new("/usr/bin/python3").exists() {
        let script = r#"
import sys, json, docx
d = docx.Document(sys.argv[1])
print(json.dumps({
  "headings": [[p.style.name, p.text] for p in d.paragraphs if p.style is not None and p.style.name.startswith("Heading")],
  "unstyled": sum(1 for p in d.paragraphs if p.style is None),
  "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
  "title": d.core_properties.title, "author": d.core_properties.author,
}))
"#;
        let out = Command::new("/usr/bin/python3")
            .args(["-c", script])
            .arg(docx)
            .output()
            .unwrap();
        if out.status.success() {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(v["unstyled"], 0, "every paragraph's style exists");
            let headings: Vec<&str> = v["headings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h[1].as_str().unwrap())
                .collect();
            assert!(
                headings.contains(&"2. Delegation and counterparts"),
                "{headings:?}"
            );
            assert!(!v["tables"].as_array().unwrap().is_empty());
            assert!(v["title"].as_str().is_some_and(|t| !t.is_empty()));
        } else {
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("No module named 'docx'")
                    && std::env::var_os("BRIEFING_REQUIRE_READERS").is_none(),
                "python-docx could not read the brief: {err}"
            );
            eprintln!("SKIPPED reader check: python-docx is not installed");
        }
    }
    if have("soffice") && have("pdftotext") {
        // A profile of its own, so that a running LibreOffice does not take the job.
        let profile = dir.join("lo-profile");
        ok(Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir)
            .arg(docx));
        let pdf = docx.with_extension("pdf");
        assert!(pdf.exists(), "LibreOffice wrote no PDF");
        // Reading order, one space between words: lines wrap in table cells and headings.
        let text = ok(Command::new("pdftotext").arg(&pdf).arg("-"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for s in must_contain {
            assert!(text.contains(s), "the PDF lacks {s:?}:\n{text}");
        }
        return Some(text);
    }
    None
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn the_canonical_article_to_a_brief_word_and_libreoffice_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite");
    let canonical = shared_fixtures().join("kazinform-atyrau-brest.txt");
    assert!(
        run(&db, &["import", canonical.to_str().unwrap()])
            .status
            .success()
    );
    assert!(run(&db, &["review", "1", "--accept-all"]).status.success());

    let out = run(&db, &["visit", "create", "--from-article", "1", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let visit = json(&out);
    assert_eq!(
        visit["title"],
        "Visit of the Atyrau Oblast delegation (Kazakhstan) to Brest Oblast (Belarus)"
    );
    assert_eq!(visit["participants"].as_array().unwrap().len(), 2);
    let list = json(&run(&db, &["visits", "--json"]));
    assert_eq!(list[0]["id"], 1);
    let human = stdout(&run(&db, &["visit", "show", "1"]));
    assert!(
        human.contains("Gumar Dyusembayev — First Vice Governor"),
        "{human}"
    );

    let talking = dir.path().join("talking.txt");
    std::fs::write(
        &talking,
        "- Welcome the delegation.\n- Propose a joint working group.",
    )
    .unwrap();
    assert!(
        run(
            &db,
            &[
                "brief",
                "set",
                "--visit",
                "1",
                "--talking-points",
                talking.to_str().unwrap()
            ]
        )
        .status
        .success()
    );

    let docx = dir.path().join("brief.docx");
    let out = run(
        &db,
        &[
            "brief",
            "export",
            "--visit",
            "1",
            "-o",
            docx.to_str().unwrap(),
            "--classification",
            "RESTRICTED — FOR OFFICIAL USE",
            "--author",
            "A. Officer",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("brief written to"),
        "{}",
        stdout(&out)
    );

    // Never over an existing file without --force.
    let again = run(
        &db,
        &[
            "brief",
            "export",
            "--visit",
            "1",
            "-o",
            docx.to_str().unwrap(),
        ],
    );
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    let forced = run(
        &db,
        &[
            "brief",
            "export",
            "--visit",
            "1",
            "-o",
            docx.to_str().unwrap(),
            "--force",
            "--author",
            "A. Officer",
            "--classification",
            "RESTRICTED — FOR OFFICIAL USE",
        ],
    );
    assert!(forced.status.success(), "{}", stderr(&forced));

    let html = dir.path().join("brief.html");
    assert!(
        run(
            &db,
            &[
                "brief",
                "preview",
                "--visit",
                "1",
                "-o",
                html.to_str().unwrap()
            ]
        )
        .status
        .success()
    );
    let preview = std::fs::read_to_string(&html).unwrap();
    assert!(preview.contains("Mikhail SERKOV") && !preview.contains("<script"));

    if let Some(pdf) = read_back(
        &docx,
        &[
            "DYUSEMBAYEV",
            "SERKOV",
            "First Vice Governor",
            "Brest Oblast Executive Committee",
            "1. Summary",
            "2. Delegation and counterparts",
            "5. Commitments and follow-ups",
            "Propose a joint working group.",
            "Kazinform (relaying BelTA, eng.belta.by)",
        ],
    ) {
        assert!(
            pdf.contains("RESTRICTED — FOR OFFICIAL USE"),
            "the header marking"
        );
        assert!(pdf.contains("Page 1 of"), "the footer page numbers");
        assert!(pdf.contains("reciprocal visit"));
        assert!(pdf.contains("about 900 industrial enterprises"));
    }
}

#[test]
fn a_hostile_brief_opens_in_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite");
    let page = dir.path().join("hostile.html");
    std::fs::write(
        &page,
        "<html><head><title>O'Brien &amp; Sons &lt;Ltd&gt; \u{202E}RTL مرحبا</title><script>alert(1)</script></head>\
         <body><article><p>MINSK (BelTA) - Chairman of the Board of O'Brien &amp; Sons &lt;Ltd&gt; Ivan Petrov met \
         Deputy Minister Karim Nazarov of Uzbekistan. \"We will sign,\" said Ivan Petrov.</p>\
         <p onclick=\"alert(2)\">שלום עליכם and emoji 🇰🇿🤝🇧🇾 with combining e\u{301}.</p>\
         <p><a href=\"javascript:alert(3)\">link</a><iframe src=\"https://example.org\"></iframe></p></article></body></html>",
    )
    .unwrap();
    let out = run(&db, &["import", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(run(&db, &["review", "1", "--accept-all"]).status.success());
    let out = run(
        &db,
        &[
            "visit",
            "create",
            "--title",
            "Visit of O'Brien & Sons <Ltd> \u{B}",
            "--kind",
            "working",
        ],
    );
    // The control character is refused nowhere but cleaned on output.
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(run(&db, &["visit", "link", "1", "1"]).status.success());
    let people = json(&run(&db, &["people", "--json"]));
    assert!(!people.as_array().unwrap().is_empty(), "{people}");
    for p in people.as_array().unwrap() {
        let id = p["id"].to_string();
        assert!(
            run(&db, &["visit", "participant", "1", &id, "--side", "host"])
                .status
                .success()
        );
    }
    let docx = dir.path().join("hostile.docx");
    let out = run(
        &db,
        &[
            "brief",
            "export",
            "--visit",
            "1",
            "-o",
            docx.to_str().unwrap(),
            "--classification",
            "SECRET <&> \"x\"",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    read_back(&docx, &["O'Brien & Sons <Ltd>", "SECRET <&> \"x\""]);
}

#[test]
fn visit_and_brief_errors_name_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite");
    let out = run(&db, &["visit", "show", "9"]);
    assert!(
        stderr(&out).contains("no visit with id 9"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &db,
        &["visit", "create", "--title", "X", "--kind", "holiday"],
    );
    assert!(
        stderr(&out)
            .contains("kind of a visit must be one of official, working, reciprocal, other"),
        "{}",
        stderr(&out)
    );
    let out = run(
        &db,
        &["visit", "create", "--title", "X", "--start", "21 June"],
    );
    assert!(
        stderr(&out).contains("21 June is not a date"),
        "{}",
        stderr(&out)
    );
    assert!(
        run(&db, &["visit", "create", "--title", "X"])
            .status
            .success()
    );
    let out = run(
        &db,
        &[
            "brief",
            "export",
            "--visit",
            "1",
            "-o",
            "/tmp/x.docx",
            "--sections",
            "cover,gossip",
        ],
    );
    assert!(
        stderr(&out).contains("unknown section “gossip”"),
        "{}",
        stderr(&out)
    );
}
