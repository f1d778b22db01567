//! The brief as HTML for the in-app preview, drawn from the same model as the DOCX. Every
//! string is escaped here; the output holds no script, no event handler and no style
//! attribute, only elements and classes from this file, and links only to web and mail
//! addresses.

use super::{Block, Brief, Inline, clean};

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn inlines(items: &[Inline]) -> String {
    items
        .iter()
        .map(|i| match i {
            Inline::Text { text } => esc(text),
            Inline::Bold { text } => format!("<strong>{}</strong>", esc(text)),
            Inline::Italic { text } => format!("<em>{}</em>", esc(text)),
            Inline::Cite { n } => format!(r##"<a class="cite" href="#source-{n}">[{n}]</a>"##),
            Inline::Link { text, url } => {
                let lower = url.trim().to_ascii_lowercase();
                if lower.starts_with("http://")
                    || lower.starts_with("https://")
                    || lower.starts_with("mailto:")
                {
                    format!(
                        r#"<a class="link" href="{}" rel="noreferrer noopener">{}</a>"#,
                        esc(url.trim()),
                        esc(text)
                    )
                } else {
                    esc(text)
                }
            }
        })
        .collect()
}

/// The body of the preview (an `<article>`), for the app to place in its page.
pub fn render_fragment(brief: &Brief) -> String {
    let mut h = String::from(r#"<article class="brief">"#);
    if let Some(c) = &brief.classification {
        h.push_str(&format!(r#"<p class="classification">{}</p>"#, esc(c)));
    }
    h.push_str(&format!("<h1 class=\"title\">{}</h1>", esc(&brief.title)));
    if brief.cover {
        for line in &brief.cover_lines {
            h.push_str(&format!(r#"<p class="subtitle">{}</p>"#, esc(line)));
        }
        h.push_str(r#"<nav class="toc"><p class="toc-heading">Contents</p><ol>"#);
        for s in &brief.sections {
            h.push_str(&format!("<li>{}</li>", esc(&s.heading)));
        }
        h.push_str("</ol></nav>");
    }
    for s in &brief.sections {
        h.push_str(&format!(
            r#"<section class="section-{}"><h2>{}</h2>"#,
            s.kind.name(),
            esc(&s.heading)
        ));
        for b in &s.blocks {
            match b {
                Block::Paragraph { inlines: i } => h.push_str(&format!("<p>{}</p>", inlines(i))),
                Block::Subheading { text } => h.push_str(&format!("<h3>{}</h3>", esc(text))),
                Block::Bullets { items } => {
                    h.push_str("<ul>");
                    for i in items {
                        h.push_str(&format!("<li>{}</li>", inlines(i)));
                    }
                    h.push_str("</ul>");
                }
                Block::Numbered { items } => {
                    h.push_str(r#"<ol class="sources">"#);
                    for (k, i) in items.iter().enumerate() {
                        h.push_str(&format!(r#"<li id="source-{}">{}</li>"#, k + 1, inlines(i)));
                    }
                    h.push_str("</ol>");
                }
                Block::Table { columns, rows } => {
                    h.push_str("<table><colgroup>");
                    for c in columns {
                        h.push_str(&format!(r#"<col class="w{}">"#, c.width.min(100)));
                    }
                    h.push_str("</colgroup><thead><tr>");
                    for c in columns {
                        h.push_str(&format!("<th>{}</th>", esc(&c.header)));
                    }
                    h.push_str("</tr></thead><tbody>");
                    for r in rows {
                        h.push_str("<tr>");
                        for cell in r {
                            h.push_str(&format!("<td>{}</td>", inlines(cell)));
                        }
                        h.push_str("</tr>");
                    }
                    h.push_str("</tbody></table>");
                }
                Block::Quote { inlines: i } => {
                    h.push_str(&format!("<blockquote>{}</blockquote>", inlines(i)))
                }
                Block::Note { text } => {
                    h.push_str(&format!(r#"<p class="note">{}</p>"#, esc(text)))
                }
            }
        }
        h.push_str("</section>");
    }
    h.push_str("</article>");
    h
}

const STYLE: &str = "body{font-family:Calibri,Carlito,'Segoe UI',sans-serif;max-width:52em;margin:2em auto;color:#222;line-height:1.4}\
.classification{text-align:center;color:#c00000;font-weight:bold}.title{color:#1f3864}.subtitle{color:#404040}\
h2,h3{color:#1f3864}table{border-collapse:collapse;width:100%;table-layout:fixed}\
th{background:#1f3864;color:#fff;text-align:left}th,td{padding:.25em .4em;vertical-align:top;border:1px solid #c8cfdb;font-size:.92em}\
tbody tr:nth-child(even){background:#eef2f8}blockquote{font-style:italic;color:#404040;margin:.4em 2em}\
.note{font-style:italic;color:#595959}.cite{text-decoration:none}";

/// A whole HTML document, for `briefing brief preview -o FILE.html`. The content security
/// policy forbids scripts and any load but its own inline style.
pub fn render_document(brief: &Brief) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{}</title><style>{STYLE}</style></head><body>{}</body></html>\n",
        esc(&brief.title),
        render_fragment(brief)
    )
}
