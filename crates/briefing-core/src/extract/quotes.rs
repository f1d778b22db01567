//! Quotes, attributed to the person named or referred to next to them.

use std::sync::OnceLock;

use regex::Regex;

use super::gazetteer::Gazetteer;
use super::people::Person;
use super::{QuoteSuggestion, Span};

fn quote_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#""([^"]{2,})"|“([^”]{2,})”|«([^»]{2,})»"#).expect("quote pattern compiles")
    })
}

/// Attaches each quote to its speaker; returns those without one.
pub(super) fn attach_quotes(paragraphs: &[String], people: &mut [Person]) -> Vec<QuoteSuggestion> {
    let mut unattributed = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        for m in quote_pattern().captures_iter(p) {
            let whole = m.get(0).expect("whole match");
            let inner = m.get(1).or(m.get(2)).or(m.get(3)).expect("one quote group");
            let quote = QuoteSuggestion {
                // "…and ours,\" stressed": the comma belongs to the sentence, not the quote.
                text: inner.as_str().trim().trim_end_matches(',').to_string(),
                span: Span {
                    paragraph: pi,
                    start: inner.start(),
                    end: inner.end(),
                    text: inner.as_str().to_string(),
                },
            };
            match speaker(p, pi, whole.start(), whole.end(), people) {
                Some(i) => people[i].quotes.push(quote),
                None => unattributed.push(quote),
            }
        }
    }
    unattributed
}

/// The speaker of a quote at `start..end` of paragraph `pi`:
/// - after it: `…," stressed the Atyrau Oblast First Vice Governor` / `…," Serkov said`;
/// - before it: `Gumar Dyusembayev said: "…"`;
/// - else the last person named before it in the paragraph ("X underlined that … "…"").
fn speaker(p: &str, pi: usize, start: usize, end: usize, people: &[Person]) -> Option<usize> {
    let in_paragraph = |from: usize, to: usize| {
        people.iter().enumerate().flat_map(move |(i, person)| {
            person
                .spans
                .iter()
                .filter(move |s| s.paragraph == pi && s.start >= from && s.end <= to)
                .map(move |s| (i, s.start))
        })
    };
    let tail_end = p[end..]
        .find(['.', '!', '?', ';'])
        .map_or(p.len(), |n| end + n);
    let tail = &p[end..tail_end];
    let next_quote = p[end..].find(['"', '“', '«']).map_or(p.len(), |n| end + n);
    let tail_limit = tail_end.min(next_quote);
    let first_after = in_paragraph(end, tail_limit)
        .min_by_key(|&(_, s)| s)
        .map(|(i, _)| i);
    // A name right after the quote is its speaker when a verb of saying comes first, or
    // when the name closes the sentence ("…," Serkov said).
    if let Some(i) = first_after
        && (Gazetteer::get().speech_verb_starts(tail) || tail.len() < 120)
    {
        return Some(i);
    }
    in_paragraph(0, start)
        .max_by_key(|&(_, s)| s)
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::super::people::find_people;
    use super::*;

    #[test]
    fn quotes_go_to_the_speaker_before_or_after() {
        let paragraphs = vec![
            "First Vice Governor Gumar Dyusembayev met Deputy Chairman Mikhail Serkov.".to_string(),
            "Gumar Dyusembayev said: \"We are interested in Belarus.\"".to_string(),
            "\u{201c}We will support your businessmen,\u{201d} Serkov said.".to_string(),
            "«Это важно», – сказал он.".to_string(),
        ];
        let mut people = find_people(&paragraphs);
        let loose = attach_quotes(&paragraphs, &mut people);
        let by = |name: &str| {
            people
                .iter()
                .find(|p| p.name == name)
                .unwrap()
                .quotes
                .iter()
                .map(|q| q.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            by("Gumar Dyusembayev"),
            vec!["We are interested in Belarus."]
        );
        assert_eq!(
            by("Mikhail Serkov"),
            vec!["We will support your businessmen"]
        );
        assert_eq!(
            loose.len(),
            1,
            "a quote with no named speaker in its paragraph stays unattributed"
        );
    }
}
