//! RSS 2.0 and Atom feeds: one article per item. A damaged item is reported and skipped;
//! the other items still import. A feed that is not well-formed XML is read item by item.

use roxmltree::{Document, Node, ParsingOptions};

use super::html::{fragment_paragraphs, parse_date};
use super::{Draft, IngestError, Ingested, finish};
use crate::gazetteer::Outlets;
use crate::model::Format;
use crate::text::normalise_paragraph;

pub(crate) fn ingest_feed(xml: &str) -> Result<Ingested, IngestError> {
    let xml = xml.trim_start_matches('\u{feff}');
    let mut out = Ingested {
        format: Format::Feed,
        articles: vec![],
        problems: vec![],
    };
    match Document::parse_with_options(xml, options()) {
        Ok(doc) => {
            let root = doc.root_element();
            let site = channel_outlet(root);
            let items: Vec<Node<'_, '_>> = root
                .descendants()
                .filter(|n| matches!(n.tag_name().name(), "item" | "entry"))
                .collect();
            if items.is_empty() {
                return if matches!(root.tag_name().name(), "rss" | "feed" | "RDF") {
                    Err(IngestError::EmptyFeed)
                } else {
                    Err(IngestError::Feed(format!(
                        "<{}> is not an RSS or Atom feed",
                        root.tag_name().name()
                    )))
                };
            }
            for (i, item) in items.into_iter().enumerate() {
                add_item(&mut out, i + 1, read_item(item), site.as_deref());
            }
        }
        Err(whole) => read_damaged(xml, &whole.to_string(), &mut out)?,
    }
    Ok(out)
}

fn options<'input>() -> ParsingOptions<'input> {
    ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    }
}

fn add_item(out: &mut Ingested, n: usize, draft: Draft, site: Option<&str>) {
    let title = draft.title.clone();
    let mut draft = Draft {
        format: Some(Format::Feed),
        ..draft
    };
    if draft.site_name.is_none() {
        draft.site_name = site.map(str::to_string);
    }
    match finish(draft) {
        Some(a) => out.articles.push(a),
        None => out.problems.push(match title {
            Some(t) => format!("item {n} (\u{201c}{t}\u{201d}) has no text and was skipped"),
            None => format!("item {n} has neither a title nor text and was skipped"),
        }),
    }
}

/// A channel title or link that names a known outlet. A feed called "Regions" is not one.
fn channel_outlet(root: Node<'_, '_>) -> Option<String> {
    let channel = root
        .children()
        .find(|n| n.has_tag_name("channel"))
        .unwrap_or(root);
    let candidates = ["title", "link"].map(|t| child_text(channel, t));
    candidates
        .into_iter()
        .flatten()
        .find_map(|c| Outlets::get().canonical(&c).map(str::to_string))
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| c.tag_name().name() == name)
}

fn child_text(n: Node<'_, '_>, name: &str) -> Option<String> {
    let c = child(n, name)?;
    let text: String = c
        .descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn read_item(item: Node<'_, '_>) -> Draft {
    let title = child_text(item, "title")
        .map(|t| normalise_paragraph(&t))
        .filter(|t| !t.is_empty());
    // RSS: <link>url</link>; Atom: <link rel="alternate" href="url"/>.
    let url = child_text(item, "link").or_else(|| {
        item.children()
            .filter(|c| c.tag_name().name() == "link")
            .find(|l| matches!(l.attribute("rel"), None | Some("alternate")))
            .and_then(|l| l.attribute("href").map(str::to_string))
    });
    let mut warnings = Vec::new();
    let date_text = ["pubDate", "published", "date", "updated"]
        .iter()
        .find_map(|t| child_text(item, t));
    let published = date_text.and_then(|raw| {
        let parsed = parse_date(&raw);
        if parsed.is_none() {
            warnings.push(format!(
                "the item's date \u{201c}{raw}\u{201d} could not be read; the article is undated"
            ));
        }
        parsed
    });
    if url.is_none() {
        warnings.push("the item has no link".to_string());
    }
    let body = ["encoded", "content", "description", "summary"]
        .iter()
        .find_map(|t| child_text(item, t).filter(|s| !s.trim().is_empty()));
    let paragraphs = body.map(|b| fragment_paragraphs(&b)).unwrap_or_default();
    Draft {
        title,
        paragraphs,
        published,
        url,
        warnings,
        ..Draft::default()
    }
}

/// Reads items one by one from a feed that is not well-formed as a whole, so that one broken
/// item does not lose the others.
fn read_damaged(xml: &str, why: &str, out: &mut Ingested) -> Result<(), IngestError> {
    let tag = if xml.contains("<item") {
        "item"
    } else if xml.contains("<entry") {
        "entry"
    } else {
        return Err(IngestError::Feed(why.to_string()));
    };
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut rest = xml;
    let mut n = 0;
    while let Some(start) = rest.find(&open) {
        n += 1;
        let after = &rest[start..];
        let Some(end) = after.find(&close) else {
            out.problems
                .push(format!("item {n} is cut off: the feed ends inside it"));
            break;
        };
        let chunk = &after[..end + close.len()];
        let wrapped = format!(
            "<x xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">{chunk}</x>"
        );
        match Document::parse_with_options(&wrapped, options()) {
            Ok(doc) => {
                let item = doc
                    .root_element()
                    .first_element_child()
                    .expect("wrapped item");
                add_item(out, n, read_item(item), None);
            }
            Err(e) => out.problems.push(format!(
                "item {n} is not well-formed XML ({e}) and was skipped"
            )),
        }
        rest = &after[end + close.len()..];
    }
    if n == 0 {
        return Err(IngestError::Feed(why.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_become_articles_and_a_bad_date_is_a_warning() {
        let xml = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>BelTA</title>
            <item><title>One</title><link>https://x.org/1</link><pubDate>Wed, 21 Jun 2017 17:40:00 +0600</pubDate>
            <description><![CDATA[<p>First <b>item</b>.</p>]]></description></item>
            <item><title>Two</title><pubDate>not a date</pubDate><description>Second item.</description></item>
            <item><title></title><description></description></item>
            </channel></rss>"#;
        let r = ingest_feed(xml).unwrap();
        assert_eq!(r.articles.len(), 2);
        assert_eq!(r.articles[0].paragraphs, vec!["First item."]);
        assert_eq!(r.articles[0].outlet.as_deref(), Some("BelTA"));
        assert_eq!(r.articles[0].published.unwrap().to_iso(), "2017-06-21");
        assert!(
            r.articles[1]
                .warnings
                .iter()
                .any(|w| w.contains("not a date"))
        );
        assert_eq!(
            r.problems,
            vec!["item 3 has neither a title nor text and was skipped"]
        );
    }

    #[test]
    fn atom_entries() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><title>E</title><link rel="alternate" href="https://x.org/e"/><published>2024-01-02T10:00:00Z</published>
            <content type="html">&lt;p&gt;Entry text.&lt;/p&gt;</content></entry></feed>"#;
        let r = ingest_feed(xml).unwrap();
        assert_eq!(r.articles[0].url.as_deref(), Some("https://x.org/e"));
        assert_eq!(r.articles[0].paragraphs, vec!["Entry text."]);
    }

    #[test]
    fn a_broken_item_does_not_lose_the_others() {
        let xml = "<rss><channel><item><title>Good</title><description>Fine text.</description></item>\
                   <item><title>Bad <b></title><description>x</description></item>\
                   <item><title>Also good</title><description>More text.</description></item>";
        let r = ingest_feed(xml).unwrap();
        assert_eq!(
            r.articles
                .iter()
                .map(|a| a.title.as_str())
                .collect::<Vec<_>>(),
            vec!["Good", "Also good"]
        );
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    }

    #[test]
    fn not_a_feed() {
        assert!(matches!(
            ingest_feed("<html><body/></html>"),
            Err(IngestError::Feed(_))
        ));
        assert_eq!(
            ingest_feed("<rss><channel></channel></rss>"),
            Err(IngestError::EmptyFeed)
        );
    }
}
