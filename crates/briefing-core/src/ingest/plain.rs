//! Plain text and Markdown.

use std::sync::OnceLock;

use regex::Regex;

use super::Draft;
use crate::model::PublishedDate;
use crate::text::{normalise_paragraph, paragraphs_from_text};
use crate::wire::parse_dateline;

/// Plain text. A short first line standing alone, not a dateline and not a sentence, is the
/// headline.
pub(crate) fn ingest_text(text: &str) -> Draft {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut paragraphs = paragraphs_from_text(&text);
    let first_block_is_one_line = text
        .trim_start()
        .split("\n\n")
        .next()
        .is_some_and(|b| b.trim().lines().count() == 1);
    let title = match paragraphs.first() {
        Some(first)
            if paragraphs.len() > 1
                && first_block_is_one_line
                && looks_like_headline(first)
                && parse_dateline(first).is_none() =>
        {
            Some(paragraphs.remove(0))
        }
        _ => None,
    };
    Draft {
        title,
        paragraphs,
        ..Draft::default()
    }
}

fn looks_like_headline(line: &str) -> bool {
    let n = line.chars().count();
    (3..=250).contains(&n) && !line.ends_with(['.', ',', ';', ':']) || line.ends_with("...")
}

/// Markdown: optional YAML-style front matter (title, outlet/source, date, url), a `#`
/// heading as the title, and the markup removed from the text.
pub(crate) fn ingest_markdown(text: &str) -> Draft {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let (front, body) = split_front_matter(&text);
    let mut draft = Draft::default();
    for (key, value) in front {
        match key.as_str() {
            "title" | "headline" => draft.title = Some(normalise_paragraph(&value)),
            "outlet" | "source" | "publisher" | "site" => draft.site_name = Some(value),
            "date" | "published" | "pubdate" => draft.published = parse_front_matter_date(&value),
            "url" | "link" | "source_url" => draft.url = Some(value),
            _ => {}
        }
    }
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in body.lines() {
        let trimmed = line.trim();
        let is_heading = trimmed.starts_with('#');
        let is_item = list_item().is_match(trimmed);
        if trimmed.is_empty() || is_heading || is_item || is_rule(trimmed) {
            blocks.push(std::mem::take(&mut current));
        }
        if is_heading {
            let heading = trimmed.trim_start_matches('#').trim();
            if draft.title.is_none() && trimmed.starts_with("# ") {
                draft.title = Some(normalise_paragraph(&strip_inline(heading)));
            } else {
                blocks.push(heading.to_string());
            }
            continue;
        }
        if trimmed.is_empty() || is_rule(trimmed) {
            continue;
        }
        let line = list_item().replace(trimmed, "");
        let line = line.trim_start_matches('>').trim();
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    blocks.push(current);
    draft.paragraphs = blocks
        .iter()
        .map(|b| normalise_paragraph(&strip_inline(b)))
        .filter(|p| !p.is_empty())
        .collect();
    draft
}

fn split_front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (vec![], text);
    };
    let Some(end) = rest.find("\n---") else {
        return (vec![], text);
    };
    let fields = rest[..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| {
            let v = v.trim().trim_matches(['"', '\'']);
            (k.trim().to_lowercase(), v.to_string())
        })
        .collect();
    let after = &rest[end + 4..];
    (fields, after.split_once('\n').map_or("", |(_, b)| b))
}

fn parse_front_matter_date(value: &str) -> Option<PublishedDate> {
    let v = value.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(v) {
        return PublishedDate::parse_iso(&dt.date_naive().to_string());
    }
    PublishedDate::parse_iso(v.get(..10).unwrap_or(v))
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3 && (line.chars().all(|c| c == '-') || line.chars().all(|c| c == '*'))
}

fn list_item() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(?:[-*+]|\d{1,3}[.)])\s+").expect("list pattern compiles"))
}

/// Removes inline Markdown: images, links (keeping their text), emphasis, code spans, tags.
fn strip_inline(s: &str) -> String {
    static RES: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    let res = RES.get_or_init(|| {
        [
            (r"!\[[^\]]*\]\([^)]*\)", ""),
            (r"\[([^\]]*)\]\([^)]*\)", "$1"),
            (r"\*\*([^*]+)\*\*", "$1"),
            (r"__([^_]+)__", "$1"),
            (r"(^|[\s(])\*([^*\s][^*]*)\*", "$1$2"),
            (r"(^|[\s(])_([^_\s][^_]*)_", "$1$2"),
            (r"`([^`]*)`", "$1"),
            (r"</?[A-Za-z][^>]*>", ""),
        ]
        .into_iter()
        .map(|(p, r)| (Regex::new(p).expect("inline pattern compiles"), r))
        .collect()
    });
    let mut out = s.to_string();
    for (re, rep) in res {
        out = re.replace_all(&out, *rep).into_owned();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_headline_is_taken_from_a_lone_first_line() {
        let d = ingest_text("Talks in Brest\n\nBREST. KAZINFORM - The delegation.\n");
        assert_eq!(d.title.as_deref(), Some("Talks in Brest"));
        assert_eq!(d.paragraphs, vec!["BREST. KAZINFORM - The delegation."]);
    }

    #[test]
    fn crlf_text_keeps_its_headline() {
        let d = ingest_text(
            "\u{feff}Baku, Pomerania discuss ports\r\n\r\nBAKU, 14 May (Trend) - Talks.\r\n",
        );
        assert_eq!(d.title.as_deref(), Some("Baku, Pomerania discuss ports"));
    }

    #[test]
    fn text_starting_with_a_dateline_has_no_headline() {
        let d = ingest_text("BREST. KAZINFORM - The delegation.\n\nMore text.");
        assert_eq!(d.title, None);
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn markdown_front_matter_heading_and_inline_markup() {
        let md = "---\ntitle: \"Front title\"\noutlet: BelTA\ndate: 2024-05-14\nurl: https://x.org/a\n---\n\
                  # Heading\n\nSome **bold** and _italic_ text with a [link](https://e.org).\n\n- item one\n- item two\n";
        let d = ingest_markdown(md);
        assert_eq!(d.title.as_deref(), Some("Front title"));
        assert_eq!(d.site_name.as_deref(), Some("BelTA"));
        assert_eq!(
            d.published.map(PublishedDate::to_iso).as_deref(),
            Some("2024-05-14")
        );
        assert_eq!(d.url.as_deref(), Some("https://x.org/a"));
        assert_eq!(
            d.paragraphs,
            vec![
                "Heading",
                "Some bold and italic text with a link.",
                "item one",
                "item two"
            ]
        );
    }
}
