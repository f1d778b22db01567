//! `.eml` messages: a news alert or a forwarded story. The subject is the headline, the
//! Date header the publication date, the plain-text part (else the HTML part) the text.

use mail_parser::MessageParser;

use super::Draft;
use super::html::fragment_paragraphs;
use crate::gazetteer::Outlets;
use crate::model::PublishedDate;
use crate::text::{normalise_paragraph, paragraphs_from_text};

pub(crate) fn ingest_email(bytes: &[u8]) -> Draft {
    let Some(message) = MessageParser::default().parse(bytes) else {
        return Draft::default();
    };
    let title = message
        .subject()
        .map(normalise_paragraph)
        .filter(|s| !s.is_empty());
    let published = message
        .date()
        .and_then(|d| PublishedDate::new(Some(d.year as i32), d.month as u32, d.day as u32));
    let paragraphs = match message.body_text(0) {
        Some(text)
            if !text.trim().is_empty()
                && message.text_body.iter().any(|&i| {
                    message
                        .parts
                        .get(i as usize)
                        .is_some_and(|p| p.is_text() && !p.is_text_html())
                }) =>
        {
            paragraphs_from_text(&text)
        }
        _ => message
            .body_html(0)
            .map(|h| fragment_paragraphs(&h))
            .unwrap_or_default(),
    };
    // A sender at an outlet's domain ("news@belta.by") names the outlet.
    let site_name = message
        .from()
        .and_then(|f| f.first())
        .and_then(|a| a.address())
        .and_then(|addr| addr.rsplit_once('@'))
        .and_then(|(_, domain)| Outlets::get().canonical(domain))
        .map(str::to_string);
    Draft {
        title,
        paragraphs,
        published,
        site_name,
        ..Draft::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_message() {
        let eml = b"From: Alerts <news@belta.by>\r\nSubject: Talks in Vitebsk\r\nDate: Tue, 14 May 2024 10:20:00 +0300\r\n\r\nVITEBSK, 14 May (BelTA) - Talks.\r\n\r\nSecond.\r\n";
        let d = ingest_email(eml);
        assert_eq!(d.title.as_deref(), Some("Talks in Vitebsk"));
        assert_eq!(
            d.published.map(PublishedDate::to_iso).as_deref(),
            Some("2024-05-14")
        );
        assert_eq!(
            d.paragraphs,
            vec!["VITEBSK, 14 May (BelTA) - Talks.", "Second."]
        );
        assert_eq!(d.site_name.as_deref(), Some("BelTA"));
    }

    #[test]
    fn html_only_message_uses_the_html_part() {
        let eml = b"From: a@example.org\r\nSubject: S\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>First =E2=80=94 dash.</p><script>bad()</script><p>Second.</p>\r\n";
        let d = ingest_email(eml);
        assert_eq!(d.paragraphs, vec!["First — dash.", "Second."]);
    }
}
