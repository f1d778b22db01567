//! Saved web pages: metadata from `<title>`, Open Graph / `article:` meta, JSON-LD and
//! `<time>`, and the main text with navigation, scripts, banners, share bars and
//! related-links lists left out. Only text nodes are ever kept, so no markup, script or
//! event handler can reach the stored text.

use std::collections::HashMap;
use std::sync::OnceLock;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

use super::Draft;
use crate::model::PublishedDate;
use crate::text::{normalise_paragraph, push_paragraph};

pub(crate) fn ingest_page(html: &str) -> Draft {
    let doc = Html::parse_document(html);
    let meta = PageMeta::read(&doc);
    let root = main_content(&doc);
    let h1 = root
        .select(sel("h1"))
        .chain(doc.select(sel("h1")))
        .map(|h| normalise_paragraph(&h.text().collect::<String>()))
        .find(|t| !t.is_empty());
    let title = meta
        .og_title
        .or(meta.ld_headline)
        .or(h1)
        .or_else(|| meta.title.map(|t| strip_site_suffix(&t)));
    Draft {
        title,
        paragraphs: block_paragraphs(root),
        site_name: meta.site_name,
        published: meta.published,
        url: meta.url,
        ..Draft::default()
    }
}

/// Paragraphs of an HTML fragment (a feed item's description, an e-mail's HTML part).
pub(crate) fn fragment_paragraphs(html: &str) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    block_paragraphs(doc.root_element())
}

fn sel(s: &str) -> &'static Selector {
    static CACHE: OnceLock<std::sync::Mutex<Vec<(String, &'static Selector)>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().expect("selector cache lock");
    if let Some((_, found)) = cache.iter().find(|(k, _)| k == s) {
        return found;
    }
    let parsed: &'static Selector =
        Box::leak(Box::new(Selector::parse(s).expect("selector parses")));
    cache.push((s.to_string(), parsed));
    parsed
}

#[derive(Default)]
struct PageMeta {
    title: Option<String>,
    og_title: Option<String>,
    ld_headline: Option<String>,
    site_name: Option<String>,
    published: Option<PublishedDate>,
    url: Option<String>,
}

impl PageMeta {
    fn read(doc: &Html) -> PageMeta {
        let mut m = PageMeta {
            title: doc.select(sel("title")).next().map(|t| normalise_paragraph(&t.text().collect::<String>())),
            ..PageMeta::default()
        };
        let meta = |key: &str| -> Option<String> {
            doc.select(sel("meta")).find_map(|e| {
                let v = e.value();
                let k = v.attr("property").or_else(|| v.attr("name"))?;
                (k.eq_ignore_ascii_case(key))
                    .then(|| v.attr("content").map(normalise_paragraph))
                    .flatten()
                    .filter(|c| !c.is_empty())
            })
        };
        m.og_title = meta("og:title");
        m.site_name = meta("og:site_name");
        m.url = meta("og:url").or_else(|| {
            doc.select(sel("link[rel=canonical]")).find_map(|l| l.value().attr("href").map(str::to_string))
        });
        let mut published = ["article:published_time", "date", "pubdate", "dc.date", "publish-date"]
            .iter()
            .find_map(|k| meta(k).and_then(|v| parse_date(&v)));
        for script in doc.select(sel(r#"script[type="application/ld+json"]"#)) {
            let json: String = script.text().collect();
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(&json)
                && let Some(article) = find_ld_article(&value)
            {
                let s = |k: &str| article.get(k).and_then(|v| v.as_str()).map(normalise_paragraph);
                m.ld_headline = m.ld_headline.or_else(|| s("headline"));
                published = published.or_else(|| s("datePublished").and_then(|d| parse_date(&d)));
                m.url = m.url.take().or_else(|| s("url"));
                let publisher = article.get("publisher").and_then(|p| p.get("name")).and_then(|n| n.as_str());
                m.site_name = m.site_name.take().or_else(|| publisher.map(normalise_paragraph));
            }
        }
        m.published = published.or_else(|| {
            doc.select(sel("time[datetime]")).find_map(|t| parse_date(t.value().attr("datetime")?))
        });
        m
    }
}

fn find_ld_article(v: &serde_json::Value) -> Option<&serde_json::Value> {
    match v {
        serde_json::Value::Array(items) => items.iter().find_map(find_ld_article),
        serde_json::Value::Object(o) => {
            let is_article = match o.get("@type") {
                Some(serde_json::Value::String(t)) => t.ends_with("Article"),
                Some(serde_json::Value::Array(ts)) => {
                    ts.iter().any(|t| t.as_str().is_some_and(|t| t.ends_with("Article")))
                }
                _ => false,
            };
            if is_article { Some(v) } else { o.get("@graph").and_then(find_ld_article) }
        }
        _ => None,
    }
}

/// Reads the date part of a metadata timestamp as written, in its own offset:
/// "2017-06-21T17:40:00+06:00" is 21 June, whatever the time zone of the reader.
pub(crate) fn parse_date(s: &str) -> Option<PublishedDate> {
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return PublishedDate::parse_iso(&dt.date_naive().to_string());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return PublishedDate::parse_iso(&dt.date_naive().to_string());
    }
    static ISO_DAY: OnceLock<Regex> = OnceLock::new();
    let re = ISO_DAY.get_or_init(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})").expect("date pattern"));
    let c = re.captures(s)?;
    PublishedDate::new(c[1].parse().ok(), c[2].parse().ok()?, c[3].parse().ok()?)
}

/// "Headline | Site" and "Headline - Site" lose the site name.
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " — ", " – ", " :: ", " - "] {
        if let Some((head, _)) = title.rsplit_once(sep)
            && head.chars().count() >= 15
        {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// Elements that never hold article text.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "frame", "frameset", "object", "embed", "svg", "math", "canvas", "video", "audio",
    "button", "select", "textarea", "input", "label", "figure", "picture", "img", "map", "head",
    "title", "h1", "dialog", "menu",
];

/// Class or id words of boilerplate blocks.
fn boilerplate() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(^|[\s_-])(cookies?|consent|gdpr|share|sharing|social|related|recommend\w*|newsletter|subscribe|subscription|comments?|breadcrumbs?|ticker|banner|adverts?|ads?|promo|sidebar|popup|modal|tags|meta|byline|views|print|navigation|navbar|menu|widget|read-more|more-news|also|rates|login|signup|footer|header)($|[\s_-])",
        )
        .expect("boilerplate pattern compiles")
    })
}

fn is_skipped(el: &ElementRef<'_>, stats: &HashMap<NodeId, LinkStats>) -> bool {
    let v = el.value();
    if SKIPPED_TAGS.contains(&v.name()) {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(v.attr("role"), Some("navigation" | "banner" | "complementary" | "contentinfo")) {
        return true;
    }
    let class_id = format!("{} {}", v.attr("class").unwrap_or(""), v.attr("id").unwrap_or(""));
    if boilerplate().is_match(&class_id) {
        return true;
    }
    // A list or block made mostly of links is a related-links list, whatever its class.
    stats.get(&el.id()).is_some_and(|s| {
        s.links >= 3 && s.linked * 10 >= s.text * 6 && s.paragraphs < 2
    })
}

/// Text and link text under a block element, for telling link lists from prose.
#[derive(Default, Clone, Copy)]
struct LinkStats {
    text: usize,
    linked: usize,
    links: usize,
    paragraphs: usize,
}

const LINK_LIST_CANDIDATES: &[&str] = &["ul", "ol", "div", "section", "table"];

/// One post-order pass over the subtree: linear time however deep or wide the page.
fn link_stats(root: ElementRef<'_>) -> HashMap<NodeId, LinkStats> {
    let mut out = HashMap::new();
    let mut stack: Vec<LinkStats> = vec![LinkStats::default()];
    let mut open_links = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => {
                    let len = t.trim().len();
                    let top = stack.last_mut().expect("stack has a root");
                    top.text += len;
                    if open_links > 0 {
                        top.linked += len;
                    }
                }
                Node::Element(e) => {
                    if e.name() == "a" {
                        open_links += 1;
                    }
                    stack.push(LinkStats::default());
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let mut s = stack.pop().unwrap_or_default();
                    match e.name() {
                        "a" => {
                            open_links = open_links.saturating_sub(1);
                            s.links += 1;
                        }
                        "p" => s.paragraphs += 1,
                        name if LINK_LIST_CANDIDATES.contains(&name) => {
                            out.insert(node.id(), s);
                        }
                        _ => {}
                    }
                    if let Some(parent) = stack.last_mut() {
                        parent.text += s.text;
                        parent.linked += s.linked;
                        parent.links += s.links;
                        parent.paragraphs += s.paragraphs;
                    }
                }
            }
        }
    }
    out
}

const BLOCK_TAGS: &[&str] = &[
    "p", "div", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "br", "tr", "section",
    "article", "main", "dd", "dt", "ul", "ol", "table", "hr", "address", "body",
];

/// The element holding the article: the `<article>` with the most paragraph text, else
/// `<main>`, else the element whose direct `<p>` children hold the most text.
fn main_content(doc: &Html) -> ElementRef<'_> {
    let text_len = |e: &ElementRef<'_>| -> usize {
        e.select(sel("p")).map(|p| p.text().map(str::len).sum::<usize>()).sum()
    };
    if let Some(best) = doc.select(sel("article")).max_by_key(text_len)
        && text_len(&best) > 200
    {
        return best;
    }
    for s in ["main", "[role=main]", "[itemprop=articleBody]"] {
        if let Some(m) = doc.select(sel(s)).next()
            && text_len(&m) > 200
        {
            return m;
        }
    }
    let mut scores: HashMap<NodeId, usize> = HashMap::new();
    for p in doc.select(sel("p")) {
        if let Some(parent) = p.parent() {
            *scores.entry(parent.id()).or_default() += p.text().map(str::len).sum::<usize>();
        }
    }
    let best = scores
        .into_iter()
        .max_by_key(|&(id, score)| (score, std::cmp::Reverse(id)))
        .and_then(|(id, score)| Some((score, ElementRef::wrap(doc.tree.get(id)?)?)));
    match best {
        Some((score, el)) if score > 200 => el,
        _ => doc.select(sel("body")).next().unwrap_or_else(|| doc.root_element()),
    }
}

/// Walks the subtree without recursion (hostile pages nest deeply), keeping text nodes
/// outside skipped elements and breaking paragraphs at block elements.
fn block_paragraphs(root: ElementRef<'_>) -> Vec<String> {
    let stats = link_stats(root);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut skip_until: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_until.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => current.push_str(t),
                    Node::Element(e) => {
                        let el = ElementRef::wrap(node).expect("element node");
                        if node.id() != root.id() && is_skipped(&el, &stats) {
                            skip_until = Some(node.id());
                        } else if BLOCK_TAGS.contains(&e.name()) {
                            push_paragraph(&mut paragraphs, &current);
                            current.clear();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip_until == Some(node.id()) {
                    skip_until = None;
                } else if skip_until.is_none()
                    && let Node::Element(e) = node.value()
                    && BLOCK_TAGS.contains(&e.name())
                {
                    push_paragraph(&mut paragraphs, &current);
                    current.clear();
                }
            }
        }
    }
    push_paragraph(&mut paragraphs, &current);
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_and_scripts_are_left_out() {
        let html = r##"<html><head><title>Talks | Site</title><script>var x = "SCRIPT";</script></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Talks in Minsk</h1>
            <p>MINSK (BelTA) - The first paragraph is long enough to count as the text of the article itself, and it goes on for a while with detail.</p>
            <div class="share">Share: <a href="#">Facebook</a></div>
            <p onclick="alert(1)">Second <b>para</b>graph.<script>document.write("INJECT")</script></p>
            <ul><li><a href="/1">Link one</a></li><li><a href="/2">Link two</a></li><li><a href="/3">Link three</a></li></ul>
            </article><div id="cookie-consent">We use cookies</div></body></html>"##;
        let d = ingest_page(html);
        assert_eq!(d.title.as_deref(), Some("Talks in Minsk"));
        let text = d.paragraphs.join("\n");
        assert_eq!(d.paragraphs.len(), 2, "two paragraphs: {text}");
        assert!(text.contains("Second paragraph."), "inline markup joins words: {text}");
        for junk in ["SCRIPT", "INJECT", "Facebook", "Link one", "cookies", "Home", "alert"] {
            assert!(!text.contains(junk), "{junk} leaked into {text}");
        }
    }

    #[test]
    fn metadata_priorities() {
        let html = r#"<html><head><title>Page title here | Site</title>
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"LD headline","datePublished":"2024-03-05T23:30:00-05:00","publisher":{"name":"Reuters"}}]}</script>
            </head><body><p>Text.</p></body></html>"#;
        let d = ingest_page(html);
        assert_eq!(d.title.as_deref(), Some("LD headline"));
        assert_eq!(d.site_name.as_deref(), Some("Reuters"));
        // The date as written in its own offset, not converted to UTC (which is 6 March).
        assert_eq!(d.published.map(PublishedDate::to_iso).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn title_falls_back_to_the_title_element_without_site_suffix() {
        let d = ingest_page("<html><head><title>Delegation arrives in Astana | News Site</title></head><body><p>x</p></body></html>");
        assert_eq!(d.title.as_deref(), Some("Delegation arrives in Astana"));
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let html = format!("{}<p>deep</p>{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
        let d = ingest_page(&html);
        assert!(d.paragraphs.iter().any(|p| p == "deep"));
    }
}
