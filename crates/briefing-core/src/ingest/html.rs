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

use super::{Draft, IngestError};
use crate::model::PublishedDate;
use crate::text::normalise_paragraph;

/// Pages nesting elements deeper than this are refused: the HTML parser's time grows with
/// the square of the depth, and real news pages stay far below a hundred levels.
pub const MAX_NESTING: usize = 1_000;

pub(crate) fn ingest_page(html: &str) -> Result<Draft, IngestError> {
    let depth = nesting_estimate(html);
    if depth > MAX_NESTING {
        return Err(IngestError::NoText(format!(
            "the page nests elements about {depth} levels deep (the limit is {MAX_NESTING}); it is not a news page"
        )));
    }
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
    Ok(Draft {
        title,
        paragraphs: block_paragraphs(root),
        site_name: meta.site_name,
        published: meta.published,
        url: meta.url,
        ..Draft::default()
    })
}

/// The deepest nesting of elements, estimated from the tags alone in one pass: void and
/// self-closing elements, and those whose end tags are optional, do not count.
fn nesting_estimate(html: &str) -> usize {
    const NOT_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd", "html", "head", "body",
    ];
    let (mut depth, mut max) = (0usize, 0usize);
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| start + n);
        if end == start {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        let self_closing = bytes[end..]
            .iter()
            .take(512)
            .position(|&b| b == b'>')
            .is_some_and(|gt| gt > 0 && bytes[end + gt - 1] == b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Paragraphs of an HTML fragment (a feed item's description, an e-mail's HTML part).
/// A fragment nested past [`MAX_NESTING`] gives no paragraphs (and so is reported as empty).
pub(crate) fn fragment_paragraphs(html: &str) -> Vec<String> {
    if nesting_estimate(html) > MAX_NESTING {
        return vec![];
    }
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
            title: doc
                .select(sel("title"))
                .next()
                .map(|t| normalise_paragraph(&t.text().collect::<String>())),
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
            doc.select(sel("link[rel=canonical]"))
                .find_map(|l| l.value().attr("href").map(str::to_string))
        });
        let mut published = [
            "article:published_time",
            "date",
            "pubdate",
            "dc.date",
            "publish-date",
        ]
        .iter()
        .find_map(|k| meta(k).and_then(|v| parse_date(&v)));
        for script in doc.select(sel(r#"script[type="application/ld+json"]"#)) {
            let json: String = script.text().collect();
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(&json)
                && let Some(article) = find_ld_article(&value)
            {
                let s = |k: &str| {
                    article
                        .get(k)
                        .and_then(|v| v.as_str())
                        .map(normalise_paragraph)
                };
                m.ld_headline = m.ld_headline.or_else(|| s("headline"));
                published = published.or_else(|| s("datePublished").and_then(|d| parse_date(&d)));
                m.url = m.url.take().or_else(|| s("url"));
                let publisher = article
                    .get("publisher")
                    .and_then(|p| p.get("name"))
                    .and_then(|n| n.as_str());
                m.site_name = m
                    .site_name
                    .take()
                    .or_else(|| publisher.map(normalise_paragraph));
            }
        }
        m.published = published.or_else(|| {
            doc.select(sel("time[datetime]"))
                .find_map(|t| parse_date(t.value().attr("datetime")?))
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
                Some(serde_json::Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| t.ends_with("Article"))),
                _ => false,
            };
            if is_article {
                Some(v)
            } else {
                o.get("@graph").and_then(find_ld_article)
            }
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
            r"(?i)(^|[\s_-])(cookies?|consent|gdpr|share|sharing|social|related|recommend\w*|newsletter|subscribe|subscription|comments?|breadcrumbs?|ticker|banner|adverts?|ads?|promo|sidebar|popup|modal|tags|meta|byline|views|print|navigation|navbar|menu|widget|read-more|more-news|also|rates|login|signup|footer|header|tools|toolbar|pager|pagination)($|[\s_-])",
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
    if matches!(
        v.attr("role"),
        Some("navigation" | "banner" | "complementary" | "contentinfo")
    ) {
        return true;
    }
    let class_id = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    );
    if boilerplate().is_match(&class_id) {
        return true;
    }
    // A list or block made mostly of links is a related-links list, whatever its class.
    stats
        .get(&el.id())
        .is_some_and(|s| s.links >= 3 && s.linked * 10 >= s.text * 6 && s.paragraphs < 2)
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
    "p",
    "div",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "br",
    "tr",
    "section",
    "article",
    "main",
    "dd",
    "dt",
    "ul",
    "ol",
    "table",
    "hr",
    "address",
    "body",
];

/// The element holding the article: the `<article>` with the most paragraph text, else
/// `<main>`, else the element whose direct `<p>` children hold the most text.
fn main_content(doc: &Html) -> ElementRef<'_> {
    let text_len = |e: &ElementRef<'_>| -> usize {
        e.select(sel("p"))
            .map(|p| p.text().map(str::len).sum::<usize>())
            .sum()
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
        _ => doc
            .select(sel("body"))
            .next()
            .unwrap_or_else(|| doc.root_element()),
    }
}

/// Walks the subtree without recursion (hostile pages nest deeply), keeping text nodes
/// outside skipped elements and breaking paragraphs at block elements.
fn block_paragraphs(root: ElementRef<'_>) -> Vec<String> {
    let stats = link_stats(root);
    let mut out = Paragraphs::default();
    let mut skip_until: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_until.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => out.push_text(t),
                    Node::Element(e) => {
                        let el = ElementRef::wrap(node).expect("element node");
                        if node.id() != root.id() && is_skipped(&el, &stats) {
                            skip_until = Some(node.id());
                        } else if e.name() == "a" {
                            out.open_links += 1;
                        } else if BLOCK_TAGS.contains(&e.name()) {
                            out.flush();
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
                {
                    if e.name() == "a" {
                        out.open_links = out.open_links.saturating_sub(1);
                    } else if BLOCK_TAGS.contains(&e.name()) {
                        out.flush();
                    }
                }
            }
        }
    }
    out.finish()
}

/// Paragraphs being collected, with how much of the current one is link text: a paragraph
/// that is nothing but links ("Print version | Send to a friend", a "See also" list set with
/// `<br>`) is navigation, not prose.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    linked: usize,
    open_links: usize,
    /// Set after a "See also:" cue: what follows is a list of other stories.
    in_related: bool,
}

impl Paragraphs {
    fn push_text(&mut self, t: &str) {
        self.current.push_str(t);
        if self.open_links > 0 {
            self.linked += t.chars().filter(|c| !c.is_whitespace()).count();
        }
    }

    fn flush(&mut self) {
        let p = normalise_paragraph(&self.current);
        let visible = p.chars().filter(|c| !c.is_whitespace()).count();
        let link_only = visible > 0 && self.linked * 10 >= visible * 9;
        if related_cue().is_match(&p) {
            self.in_related = true;
        } else if !p.is_empty() && !link_only {
            self.in_related = false;
            self.done.push(p);
        } else if link_only && !self.in_related && !self.done.is_empty() && visible > 80 {
            // A long paragraph that happens to be one link is still text.
            self.done.push(p);
        }
        self.current.clear();
        self.linked = 0;
    }

    fn finish(mut self) -> Vec<String> {
        self.flush();
        self.done
    }
}

/// Short lines that introduce lists of other stories.
fn related_cue() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^(see also|read also|also read|read more|more news|related( news| stories| articles)?|more on this|читайте также|смотрите также|по теме|другие новости|ещё по теме)\s*:?$")
            .expect("related cue pattern compiles")
    })
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
        let d = ingest_page(html).unwrap();
        assert_eq!(d.title.as_deref(), Some("Talks in Minsk"));
        let text = d.paragraphs.join("\n");
        assert_eq!(d.paragraphs.len(), 2, "two paragraphs: {text}");
        assert!(
            text.contains("Second paragraph."),
            "inline markup joins words: {text}"
        );
        for junk in [
            "SCRIPT", "INJECT", "Facebook", "Link one", "cookies", "Home", "alert",
        ] {
            assert!(!text.contains(junk), "{junk} leaked into {text}");
        }
    }

    #[test]
    fn metadata_priorities() {
        let html = r#"<html><head><title>Page title here | Site</title>
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"LD headline","datePublished":"2024-03-05T23:30:00-05:00","publisher":{"name":"Reuters"}}]}</script>
            </head><body><p>Text.</p></body></html>"#;
        let d = ingest_page(html).unwrap();
        assert_eq!(d.title.as_deref(), Some("LD headline"));
        assert_eq!(d.site_name.as_deref(), Some("Reuters"));
        // The date as written in its own offset, not converted to UTC (which is 6 March).
        assert_eq!(
            d.published.map(PublishedDate::to_iso).as_deref(),
            Some("2024-03-05")
        );
    }

    #[test]
    fn title_falls_back_to_the_title_element_without_site_suffix() {
        let d = ingest_page("<html><head><title>Delegation arrives in Astana | News Site</title></head><body><p>x</p></body></html>").unwrap();
        assert_eq!(d.title.as_deref(), Some("Delegation arrives in Astana"));
    }

    #[test]
    fn moderate_nesting_is_read_and_hostile_nesting_refused_quickly() {
        let nested = |n: usize| format!("{}<p>deep</p>{}", "<div>".repeat(n), "</div>".repeat(n));
        let d = ingest_page(&nested(900)).unwrap();
        assert!(d.paragraphs.iter().any(|p| p == "deep"));
        let err = ingest_page(&nested(200_000)).unwrap_err();
        assert!(err.to_string().contains("levels deep"), "{err}");
    }

    #[test]
    fn unclosed_paragraphs_and_void_elements_do_not_count_as_nesting() {
        let legacy = "<HTML><BODY><P>one<P>two<BR><IMG SRC=x><br/>".repeat(5_000);
        assert!(nesting_estimate(&legacy) < 10);
    }
}
