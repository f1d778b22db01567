//! Ingest: bytes in, articles out. Pure functions with no I/O; `import` does the reading.
//!
//! Every path ends in [`finish`], which applies the conventions of wire copy (dateline,
//! relay attribution, language, a title when the source had none) the same way whatever
//! the source format.

mod decode;
mod email;
mod feed;
mod html;
mod plain;

use crate::model::{Article, Format, PublishedDate};
use crate::text::truncate_words;
use crate::wire::{canonical_outlet, detect_language, find_relay, parse_dateline};

pub use decode::{Decoded, decode};

/// Sources larger than this are refused: a news article is a few kilobytes, a saved page a
/// few hundred; anything past 10 MiB is not one article and would stall an import.
pub const MAX_SOURCE_BYTES: u64 = 10 * 1024 * 1024;

/// What the caller knows about a source besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct SourceHint<'a> {
    /// A file name or URL; its extension chooses the format when there is one.
    pub name: &'a str,
    /// The HTTP Content-Type, for sources fetched from a URL.
    pub content_type: Option<&'a str>,
    /// The address the source came from, stored with its articles.
    pub url: Option<&'a str>,
}

/// The result of ingesting one source: its articles, and problems with parts of it that did
/// not stop the rest (a damaged feed item).
#[derive(Debug, Clone, PartialEq)]
pub struct Ingested {
    pub format: Format,
    pub articles: Vec<Article>,
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, over the limit of {max} bytes for one source")]
    TooLarge { size: u64, max: u64 },
    #[error("this is {what}, not an article (text, Markdown, HTML, e-mail or a feed)")]
    Binary { what: String },
    #[error("no article text was found: {0}")]
    NoText(String),
    #[error("the feed could not be read: {0}")]
    Feed(String),
    #[error("the feed has no items")]
    EmptyFeed,
}

/// Ingests one source. Feeds give one article per item; every other format gives one.
pub fn ingest(hint: &SourceHint<'_>, bytes: &[u8]) -> Result<Ingested, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(IngestError::TooLarge {
            size: bytes.len() as u64,
            max: MAX_SOURCE_BYTES,
        });
    }
    let format = detect_format(hint, bytes);
    let decoded = decode(bytes, format == Format::Html)?;
    if decoded.text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let mut ingested = match format {
        Format::Text => single(format, plain::ingest_text(&decoded.text))?,
        Format::Markdown => single(format, plain::ingest_markdown(&decoded.text))?,
        Format::Html => single(format, html::ingest_page(&decoded.text)?)?,
        Format::Email => single(format, email::ingest_email(bytes))?,
        Format::Feed => feed::ingest_feed(&decoded.text)?,
    };
    for article in &mut ingested.articles {
        if let Some(note) = &decoded.note {
            article.warnings.insert(0, note.clone());
        }
        if article.url.is_none() {
            article.url = hint.url.map(str::to_string);
        }
    }
    Ok(ingested)
}

fn single(format: Format, mut draft: Draft) -> Result<Ingested, IngestError> {
    draft.format = Some(format);
    let article = finish(draft)
        .ok_or_else(|| IngestError::NoText("the source has no paragraphs of text".into()))?;
    Ok(Ingested {
        format,
        articles: vec![article],
        problems: vec![],
    })
}

/// Chooses the format from the extension or Content-Type, then from the bytes themselves.
pub fn detect_format(hint: &SourceHint<'_>, bytes: &[u8]) -> Format {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    let looks_feed = head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf");
    let looks_html =
        head.starts_with("<!doctype html") || head.contains("<html") || head.contains("<body");
    let ext = extension(hint.name);
    if let Some(ct) = hint.content_type.map(str::to_lowercase) {
        if ct.contains("rss") || ct.contains("atom") || (ct.contains("xml") && looks_feed) {
            return Format::Feed;
        }
        if ct.contains("html") {
            return Format::Html;
        }
        if ct.contains("markdown") {
            return Format::Markdown;
        }
    }
    match ext.as_deref() {
        Some("txt" | "text") => return Format::Text,
        Some("md" | "markdown") => return Format::Markdown,
        Some("html" | "htm" | "xhtml" | "shtml") => return Format::Html,
        Some("eml") => return Format::Email,
        Some("rss" | "atom") => return Format::Feed,
        Some("xml") if looks_feed || !looks_html => return Format::Feed,
        _ => {}
    }
    if looks_feed && head.starts_with("<?xml")
        || head.starts_with("<rss")
        || head.starts_with("<feed")
    {
        Format::Feed
    } else if looks_html {
        Format::Html
    } else if looks_like_email(head) {
        Format::Email
    } else if head.starts_with("# ") || head.starts_with("---\n") {
        Format::Markdown
    } else {
        Format::Text
    }
}

fn extension(name: &str) -> Option<String> {
    let path = name.split(['?', '#']).next().unwrap_or(name);
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
}

fn looks_like_email(head: &str) -> bool {
    let headers = [
        "from:",
        "subject:",
        "mime-version:",
        "received:",
        "return-path:",
        "date:",
        "to:",
    ];
    let first_lines: Vec<&str> = head.lines().take(8).collect();
    let n = first_lines
        .iter()
        .filter(|l| headers.iter().any(|h| l.starts_with(h)))
        .count();
    n >= 2
}

/// What a format-specific reader found, before the wire conventions are applied.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    /// A publisher named by metadata (og:site_name, JSON-LD, a feed's channel, a sender).
    pub site_name: Option<String>,
    pub published: Option<PublishedDate>,
    pub url: Option<String>,
    pub warnings: Vec<String>,
    pub format: Option<Format>,
}

/// Applies the wire conventions to a draft. `None` when there is no text at all.
pub(crate) fn finish(mut d: Draft) -> Option<Article> {
    d.paragraphs.retain(|p| !p.is_empty());
    if let Some(t) = &d.title {
        // A page that repeats its headline as the first paragraph.
        if d.paragraphs.first() == Some(t) && d.paragraphs.len() > 1 {
            d.paragraphs.remove(0);
        }
    }
    if d.paragraphs.is_empty() {
        return None;
    }
    // The dateline opens the first paragraph, or the second after a kicker or byline line.
    let (dateline_at, dateline) = d
        .paragraphs
        .iter()
        .take(2)
        .enumerate()
        .find_map(|(i, p)| parse_dateline(p).map(|dl| (i, dl)))
        .unzip();
    let outlet = dateline
        .as_ref()
        .and_then(|dl| dl.outlet.clone())
        .or_else(|| d.site_name.as_deref().map(canonical_outlet));
    let published = d
        .published
        .or_else(|| dateline.as_ref().and_then(|dl| dl.date));
    let relayed_from = find_relay(&d.paragraphs, outlet.as_deref());
    let (title, title_derived) = match d.title.filter(|t| !t.is_empty()) {
        Some(t) => (t, false),
        None => {
            let skip = match (dateline_at, &dateline) {
                (Some(0), Some(dl)) => dl.len,
                _ => 0,
            };
            (derive_title(&d.paragraphs[0], skip), true)
        }
    };
    // A few thousand characters tell the language as well as the whole text.
    let mut sample = title.clone();
    for p in &d.paragraphs {
        if sample.len() > 4000 {
            break;
        }
        sample.push('\n');
        sample.push_str(p);
    }
    Some(Article {
        language: detect_language(&sample),
        title,
        title_derived,
        outlet,
        dateline: dateline.map(|dl| dl.place),
        published,
        url: d.url,
        relayed_from,
        format: d.format.unwrap_or(Format::Text),
        warnings: d.warnings,
        paragraphs: d.paragraphs,
    })
}

/// A title for an article that came without one: its first sentence after the dateline.
fn derive_title(first: &str, dateline_len: usize) -> String {
    let body = first.get(dateline_len..).unwrap_or(first).trim();
    let sentence_end = body
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && body[i + 1..].starts_with(' '))
        .map_or(body.len(), |(i, _)| i);
    truncate_words(body[..sentence_end].trim(), 110)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(name: &str) -> SourceHint<'_> {
        SourceHint {
            name,
            ..Default::default()
        }
    }

    #[test]
    fn formats_follow_the_extension_then_the_content() {
        assert_eq!(detect_format(&hint("a.TXT"), b"<html>"), Format::Text);
        assert_eq!(detect_format(&hint("a.htm"), b"hello"), Format::Html);
        assert_eq!(
            detect_format(&hint("feed.xml"), b"<?xml version='1.0'?><rss>"),
            Format::Feed
        );
        assert_eq!(
            detect_format(&hint("page"), b"<!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(
            detect_format(&hint("x"), b"From: a@b\nSubject: s\n\nbody"),
            Format::Email
        );
        assert_eq!(
            detect_format(&hint("x"), b"# Title\n\nbody"),
            Format::Markdown
        );
        assert_eq!(
            detect_format(&hint("https://x.org/a?b=c.html"), b"plain"),
            Format::Text
        );
    }

    #[test]
    fn empty_and_oversized_sources_are_refused() {
        assert_eq!(ingest(&hint("a.txt"), b""), Err(IngestError::Empty));
        assert_eq!(ingest(&hint("a.txt"), b" \n\t\n"), Err(IngestError::Empty));
        let big = vec![b'a'; MAX_SOURCE_BYTES as usize + 1];
        assert!(matches!(
            ingest(&hint("a.txt"), &big),
            Err(IngestError::TooLarge { .. })
        ));
    }

    #[test]
    fn derived_title_is_the_first_sentence_after_the_dateline() {
        let t = derive_title("BREST. KAZINFORM - The delegation arrived. More.", 19);
        assert_eq!(t, "The delegation arrived");
    }
}
