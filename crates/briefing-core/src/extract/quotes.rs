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

/// Whether quoted text reproduces someone's words: it ends a sentence or a clause inside
/// the marks ("…here," Dubois said; "…well."), or the attribution follows a comma and a dash
/// (Russian «…», – сказал он). Names in quotation marks ("Great Stone", «Гродно Азот») and
/// phrases quoted from documents ("a backbone of Eurasian connectivity".) do not.
fn is_speech(inner: &str, after: &str) -> bool {
    inner.trim_end().ends_with(['.', ',', '!', '?', '…'])
        || after
            .trim_start()
            .strip_prefix(',')
            .is_some_and(|a| a.trim_start().starts_with(['–', '—', '-']) || attribution_follows(a))
}

/// Whether a comma after a closing mark is followed by an attribution within a few words
/// ("«…», the acting mayor said"; "»…», he said"): a verb of saying closes the clause.
fn attribution_follows(a: &str) -> bool {
    let clause = &a[..a.find(['.', ';', '!', '?']).unwrap_or(a.len())];
    let words: Vec<&str> = clause.split_whitespace().collect();
    words.len() <= 6
        && (0..words.len()).any(|k| Gazetteer::get().speech_verb_starts(&words[k..].join(" ")))
}

/// Where a quote opened in paragraph `p` is left open at its end (it runs on into the next
/// paragraph, which opens with a quotation mark again): the byte offset after the mark.
fn unclosed_opening(p: &str) -> Option<usize> {
    let straight: Vec<usize> = p.match_indices('"').map(|(k, _)| k).collect();
    if straight.len() % 2 == 1 {
        return straight.last().map(|k| k + 1);
    }
    for (open, close) in [('“', '”'), ('«', '»')] {
        // In „Болашак“ the mark “ closes.
        if open == '“' && p.contains('„') {
            continue;
        }
        if let Some(k) = p.rfind(open)
            && p.rfind(close).is_none_or(|c| c < k)
        {
            return Some(k + open.len_utf8());
        }
    }
    None
}

/// The speaker a colon introduces: `Gumar Dyusembayev said: "…"` or, when the quote opens
/// its paragraph, `He said:` closing the paragraph before (the last person named there).
fn introduced_by_colon(
    paragraphs: &[String],
    pi: usize,
    start: usize,
    people: &[Person],
) -> Option<usize> {
    let before = paragraphs[pi][..start].trim_end();
    let (para, limit) = if before.is_empty() && pi > 0 {
        (pi - 1, paragraphs[pi - 1].len())
    } else {
        (pi, before.len())
    };
    if !paragraphs[para][..limit].trim_end().ends_with(':') {
        return None;
    }
    last_named(people, para, limit)
}

/// The person named last before `limit` in paragraph `pi`.
fn last_named(people: &[Person], pi: usize, limit: usize) -> Option<usize> {
    people
        .iter()
        .enumerate()
        .flat_map(|(i, person)| {
            person
                .spans
                .iter()
                .filter(|s| s.paragraph == pi && s.end <= limit)
                .map(move |s| (s.start, i))
        })
        .max()
        .map(|(_, i)| i)
}

/// Attaches each quote to its speaker; returns those without one. A quote that runs over
/// two paragraphs counts once.
pub(super) fn attach_quotes(paragraphs: &[String], people: &mut [Person]) -> Vec<QuoteSuggestion> {
    let mut unattributed = Vec::new();
    let mut give = |who: Option<usize>, quote: QuoteSuggestion, people: &mut [Person]| match who {
        Some(i) => people[i].quotes.push(quote),
        None => unattributed.push(quote),
    };
    // A quote left open at the end of a paragraph, and who said it, when known.
    let mut open: Option<(QuoteSuggestion, Option<usize>)> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut matches: Vec<_> = quote_pattern().captures_iter(p).collect();
        if let Some((mut quote, who)) = open.take() {
            let continues = matches
                .first()
                .is_some_and(|m| m.get(0).is_some_and(|w| p[..w.start()].trim().is_empty()));
            if continues {
                // The closing paragraph: an attribution after it names the speaker.
                let m = matches.remove(0);
                let whole = m.get(0).expect("whole match");
                let inner = m.get(1).or(m.get(2)).or(m.get(3)).expect("one quote group");
                quote.text = format!("{} {}", quote.text, inner.as_str().trim());
                let after = speaker_after(p, pi, whole.end(), people);
                give(after.or(who), quote, people);
            } else {
                give(who, quote, people);
            }
        }
        for m in matches {
            let whole = m.get(0).expect("whole match");
            let inner = m.get(1).or(m.get(2)).or(m.get(3)).expect("one quote group");
            // "Эльнур Гасанов заявил: «… грузов».": after a colon, a passage of several
            // words is speech even when its full stop stands outside the marks.
            let after_colon = p[..whole.start()].trim_end().ends_with(':')
                && inner.as_str().split_whitespace().count() >= 4;
            // "The document commits both sides to "exchanging data …."": a phrase quoted
            // inside a sentence, after a preposition or an article, is not speech.
            let lead = p[..whole.start()].trim_end();
            // "In a joint statement, the two ministries pledged to work towards "…"", "a
            // memorandum, which calls the Chui region "…"": a document's words.
            // (A quote that opens its sentence has no words before it.)
            let sentence = if lead.ends_with(['.', '!', '?']) {
                ""
            } else {
                &lead[lead.rfind(". ").map_or(0, |k| k + 2)..]
            };
            let documents = [
                "statement",
                "memorandum",
                "document",
                "declaration",
                "roadmap",
                "communique",
                "communiqué",
            ];
            let lower = sentence.to_lowercase();
            let from_document = documents.iter().any(|d| lower.contains(d)) && !lead.ends_with(':');
            let embedded = from_document
                || [
                    " to", " of", " as", " for", " on", " about", " the", " a", " towards",
                ]
                .iter()
                .any(|w| lead.ends_with(w));
            if embedded || !after_colon && !is_speech(inner.as_str(), &p[whole.end()..]) {
                continue;
            }
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
            let who = speaker(p, pi, whole.start(), whole.end(), people)
                .or_else(|| introduced_by_colon(paragraphs, pi, whole.start(), people));
            give(who, quote, people);
        }
        if let Some(k) = unclosed_opening(p) {
            let text = &p[k..];
            let quote = QuoteSuggestion {
                text: text.trim().to_string(),
                span: Span {
                    paragraph: pi,
                    start: k,
                    end: p.len(),
                    text: text.to_string(),
                },
            };
            let mark = p[..k].chars().next_back().map_or(0, char::len_utf8);
            let who = introduced_by_colon(paragraphs, pi, k - mark, people)
                .or_else(|| last_named(people, pi, k));
            open = Some((quote, who));
        }
    }
    if let Some((quote, who)) = open {
        give(who, quote, people);
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
    let first = in_paragraph(end, tail_limit).min_by_key(|&(_, s)| s);
    let first_after = first.map(|(i, _)| i);
    // A name right after the quote is its speaker when a verb of saying comes first, or
    // when the name closes the sentence ("…," Serkov said), or when a verb of saying
    // follows the name however long the sentence goes on ("…," Kadirov said at the forum,
    // which was organised by …).
    let named_then_verb = first.is_some_and(|(i, s)| {
        p[end..s].trim().is_empty()
            && people[i]
                .spans
                .iter()
                .find(|x| x.paragraph == pi && x.start == s)
                .is_some_and(|x| {
                    let rest = &p[x.end..];
                    // "…," Joanna Wierzbicka, marshal of the Lodzkie region, told Reuters.
                    let past_apposition = rest
                        .strip_prefix(", ")
                        .and_then(|r| r.find(", ").filter(|&k| k < 100).map(|k| &r[k + 2..]));
                    Gazetteer::get().speech_verb_starts(rest)
                        || past_apposition.is_some_and(|r| Gazetteer::get().speech_verb_starts(r))
                })
    });
    if let Some(i) = first_after
        && (Gazetteer::get().speech_verb_starts(tail) || tail.len() < 120 || named_then_verb)
    {
        return Some(i);
    }
    in_paragraph(0, start)
        .max_by_key(|&(_, s)| s)
        .map(|(i, _)| i)
}

/// The speaker named after a quote that closes at `end` ("…," Andrei Ostapchuk said).
fn speaker_after(p: &str, pi: usize, end: usize, people: &[Person]) -> Option<usize> {
    let tail_end = p[end..]
        .find(['.', '!', '?', ';'])
        .map_or(p.len(), |n| end + n);
    people
        .iter()
        .enumerate()
        .flat_map(|(i, person)| {
            person
                .spans
                .iter()
                .filter(move |s| s.paragraph == pi && s.start >= end && s.end <= tail_end)
                .map(move |s| (s.start, i))
        })
        .min()
        .map(|(_, i)| i)
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

    #[test]
    fn a_quote_over_two_paragraphs_counts_once_and_names_in_quotes_are_not_quotes() {
        let paragraphs = vec![
            "Vice Governor Park Ji-hoon met the minister. He said:".to_string(),
            "\"Our companies are ready to hire graduates.".to_string(),
            "\"We also want students in our factories.\"".to_string(),
            "He praised the \"Central Asia\" centre, and the roadmap provides for \"joint projects in health\".".to_string(),
        ];
        let mut people = find_people(&paragraphs);
        let loose = attach_quotes(&paragraphs, &mut people);
        assert_eq!(people.len(), 1);
        let quotes: Vec<&str> = people[0].quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            quotes,
            vec![
                "Our companies are ready to hire graduates. We also want students in our factories."
            ]
        );
        assert!(loose.is_empty(), "{loose:?}");
    }

    #[test]
    fn documents_words_are_not_speech_but_a_quote_opening_a_sentence_is() {
        // Made-up sentences, none from the corpus.
        let paragraphs = vec![
            "Deputy Mayor Ilze Kalnina met the guests. \"We want more flights,\" Kalnina said. In a joint statement, the cities pledged to work towards \"a green port by 2030.\" Mayor Juris Ozols attended.".to_string(),
            "The roadmap was signed by Kalnina. \"It is a good day for Riga,\" Ilze Kalnina said.".to_string(),
        ];
        let mut people = find_people(&paragraphs);
        let loose = attach_quotes(&paragraphs, &mut people);
        let kalnina = people
            .iter()
            .find(|p| p.name == "Ilze Kalnina")
            .expect("found");
        assert_eq!(kalnina.quotes.len(), 2, "{:?}", kalnina.quotes);
        let ozols = people
            .iter()
            .find(|p| p.name == "Juris Ozols")
            .expect("found");
        assert!(
            ozols.quotes.is_empty(),
            "the statement's words are nobody's speech"
        );
        assert!(loose.is_empty(), "{loose:?}");
    }

    #[test]
    fn speakers_named_before_a_long_clause_by_acronym_role_or_demonym() {
        let paragraphs = vec![
            "Uzbek Deputy Prime Minister Jamshid Khodjaev met the President of the Tashkent Chamber of Commerce, Adham Ikramov, and Vice Minister Reza Ahmadi of Iran.".to_string(),
            "\"Trade grew,\" Khodjaev said at the forum, which was organised by the chamber and the Foreign Economic Relations Board of Türkiye together with the embassy.".to_string(),
            "\"We are ready,\" the TCC president said.".to_string(),
            "\"We will come back,\" the Iranian guest responded.".to_string(),
            "Ambassador Extraordinary and Plenipotentiary Aidar Nurgaliyev also attended. \"Our doors are open,\" the diplomat said.".to_string(),
        ];
        let mut people = find_people(&paragraphs);
        let loose = attach_quotes(&paragraphs, &mut people);
        assert!(loose.is_empty(), "{loose:?}");
        let count = |name: &str| people.iter().find(|p| p.name == name).unwrap().quotes.len();
        assert_eq!(count("Jamshid Khodjaev"), 1);
        assert_eq!(count("Adham Ikramov"), 1);
        assert_eq!(count("Reza Ahmadi"), 1);
        assert_eq!(count("Aidar Nurgaliyev"), 1);
    }
}
