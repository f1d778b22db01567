//! The labelled ingest corpus in `tests/fixtures/ingest`: every file, every expected field.

use briefing_core::ingest::{SourceHint, ingest};
use serde_json::Value;

use crate::fixtures_dir;

fn manifest() -> Vec<Value> {
    let path = fixtures_dir().join("ingest/expected.json");
    serde_json::from_str(&std::fs::read_to_string(&path).expect("manifest readable"))
        .expect("manifest parses")
}

fn opt(v: &Value) -> Option<&str> {
    v.as_str()
}

#[test]
fn every_fixture_ingests_as_labelled() {
    let mut failures = Vec::new();
    let entries = manifest();
    assert!(entries.len() >= 20, "the corpus covers at least 20 files");
    for entry in &entries {
        let file = entry["file"].as_str().expect("file name");
        let bytes =
            std::fs::read(fixtures_dir().join("ingest").join(file)).expect("fixture readable");
        let got = match ingest(
            &SourceHint {
                name: file,
                ..Default::default()
            },
            &bytes,
        ) {
            Ok(got) => got,
            Err(e) => {
                failures.push(format!("{file}: ingest failed: {e}"));
                continue;
            }
        };
        let mut check = |what: &str, ok: bool, detail: String| {
            if !ok {
                failures.push(format!("{file}: {what}: {detail}"));
            }
        };
        check(
            "format",
            got.format.as_str() == entry["format"].as_str().unwrap(),
            format!("{:?}", got.format),
        );
        let expected = entry["articles"].as_array().expect("articles");
        check(
            "article count",
            got.articles.len() == expected.len(),
            format!("{} articles", got.articles.len()),
        );
        let problems = entry["problems"].as_u64().unwrap_or(0) as usize;
        check(
            "problems",
            got.problems.len() == problems,
            format!("{:?}", got.problems),
        );
        for (i, (a, e)) in got.articles.iter().zip(expected).enumerate() {
            let at = |field: &str| format!("article {} {field}", i + 1);
            match opt(&e["title"]) {
                Some(t) => check(&at("title"), a.title == t, format!("{:?}", a.title)),
                None => check(
                    &at("title derived"),
                    a.title_derived,
                    format!("{:?}", a.title),
                ),
            }
            check(
                &at("outlet"),
                a.outlet.as_deref() == opt(&e["outlet"]),
                format!("{:?}", a.outlet),
            );
            check(
                &at("dateline"),
                a.dateline.as_deref() == opt(&e["dateline"]),
                format!("{:?}", a.dateline),
            );
            let published = a.published.map(|d| d.to_iso());
            check(
                &at("published"),
                published.as_deref() == opt(&e["published"]),
                format!("{published:?}"),
            );
            let relay = a.relayed_from.as_ref().map(|r| r.outlet.as_str());
            check(
                &at("relayed_from"),
                relay == opt(&e["relayed_from"]),
                format!("{relay:?}"),
            );
            check(
                &at("language"),
                Some(a.language.as_str()) == opt(&e["language"]),
                a.language.clone(),
            );
            let text = a.text();
            for phrase in e["contains"].as_array().unwrap() {
                let phrase = phrase.as_str().unwrap();
                check(&at("contains"), text.contains(phrase), phrase.to_string());
            }
            for phrase in e["absent"].as_array().unwrap() {
                let phrase = phrase.as_str().unwrap();
                check(
                    &at("absent"),
                    !text.contains(phrase) && !a.title.contains(phrase),
                    phrase.to_string(),
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_covers_every_format_and_dateline_style() {
    let entries = manifest();
    for format in ["text", "markdown", "html", "email", "feed"] {
        let n = entries.iter().filter(|e| e["format"] == format).count();
        assert!(n >= 2, "at least two {format} fixtures, found {n}");
    }
    let all_text: String = entries
        .iter()
        .map(|e| {
            std::fs::read(
                fixtures_dir()
                    .join("ingest")
                    .join(e["file"].as_str().unwrap()),
            )
            .unwrap()
        })
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let styles = [
        ("CITY. OUTLET -", r"(?m)^\p{Lu}[\p{Lu}\-]+\. \p{Lu}+ [-–—]"),
        (
            "CITY, day Month (Outlet) -",
            r"\p{Lu}{3,}, \d{1,2} [A-Z][a-z]+ \([A-Za-z]+\) [-–—]",
        ),
        (
            "CITY, Mon day (Outlet) -",
            r"\p{Lu}{3,}, [A-Z][a-z]{2,8}\.? \d{1,2} [(/][A-Za-z]+[)/] [-–—]",
        ),
        (
            "Russian CITY, day month (OUTLET) -",
            r"\p{Lu}{3,}, \d{1,2} [а-я]+ \([^)]+\) [-–—]",
        ),
    ];
    for (name, pattern) in styles {
        let re = regex::Regex::new(pattern).unwrap();
        assert!(
            re.is_match(&all_text),
            "a fixture uses the dateline style {name}"
        );
    }
}
