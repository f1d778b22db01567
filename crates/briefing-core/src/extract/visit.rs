//! Places, organisations and the facts of the visit an article reports: who visits whom,
//! where, when, of what kind and for what purpose.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::dates::DateSuggestion;
use super::{Gazetteer, PersonSuggestion, Span};

const ORGANISATION_WORDS: &str = include_str!("../../data/organisation_words.txt");

/// Words after a place name that make it a region: "Atyrau Oblast", "Samarkand Region".
const REGION_WORDS: &[&str] = &[
    "Oblast",
    "Region",
    "region",
    "Province",
    "province",
    "Krai",
    "Governorate",
    "Voivodeship",
    "District",
    "County",
    "Prefecture",
    "Republic",
];

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PlaceSuggestion {
    /// "Atyrau Oblast", "Brest", "Kazakhstan" (a demonym gives its country).
    pub name: String,
    /// country, region or city ("city" when the gazetteer name carries no region word).
    pub kind: String,
    pub country: Option<String>,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct OrganisationSuggestion {
    pub name: String,
    pub country: Option<String>,
    pub spans: Vec<Span>,
}

/// One side of a visit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Side {
    pub organisation: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    /// The people found on this side (by their country).
    pub people: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct VisitSuggestion {
    /// official, working, reciprocal or other.
    pub kind: String,
    pub visiting: Side,
    pub host: Side,
    pub place: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    /// True when the dates' year is unknown.
    pub dates_uncertain: bool,
    pub purpose: Option<String>,
    /// The sentences the facts were read from.
    pub spans: Vec<Span>,
    pub confidence: f32,
}

struct Patterns {
    organisation_words: Vec<String>,
    org_before_head: Regex,
    head_of: Regex,
    delegation_of: Regex,
    adjective_delegation: Regex,
    place_of_visit: Regex,
    purpose: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let mut words: Vec<String> = ORGANISATION_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let heads = words
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|");
        let cap = r"[\p{Lu}][\p{L}\p{M}’'\-]*";
        let p = |s: String| Regex::new(&s).expect("visit pattern compiles");
        Patterns {
            // No `\b`: Unicode word boundaries keep the regex engine off its fast path on
            // non-ASCII text. A capital starts a word anyway; the end is checked in code.
            org_before_head: p(format!(r"(?:{cap}\s+){{1,5}}(?:{heads})")),
            head_of: p(format!(
                r"(?:{heads})\s+(?:of|for)\s+(?:the\s+)?{cap}(?:\s+(?:and\s+)?{cap}){{0,5}}"
            )),
            delegation_of: p(format!(
                r"(?i:delegation)\s+(?:of|from)\s+(?:the\s+)?((?:{cap}\s+){{0,4}}{cap})"
            )),
            adjective_delegation: p(format!(r"((?:{cap}\s+){{0,3}}{cap})\s+delegation")),
            place_of_visit: p(format!(
                r"\b(?:is in|are in|arrived in|visit to|visited|trip to|is visiting|are visiting|was in|were in|held in|took place in)\s+((?:{cap}\s+){{0,2}}{cap})"
            )),
            purpose: p(
                r"(?i)\b(?:(?:key |main )?purpose of the (?:visit|trip) (?:is|was) to|in order to|with the aim of|aimed at|to discuss|цель визита\s*[-–—]?)\s+([^.;]+)"
                    .to_string(),
            ),
            organisation_words: words,
        }
    })
}

fn span(paragraphs: &[String], pi: usize, s: usize, e: usize) -> Span {
    Span {
        paragraph: pi,
        start: s,
        end: e,
        text: paragraphs[pi][s..e].to_string(),
    }
}

fn bare(word: &str) -> &str {
    word.trim_end_matches(['’', '\''])
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches(['’', '\''])
}

fn capitalised_word() -> &'static Regex {
    static W: OnceLock<Regex> = OnceLock::new();
    W.get_or_init(|| Regex::new(r"[\p{Lu}][\p{L}\p{M}’'\-]*").expect("word pattern"))
}

/// Whether a span lies inside one of `spans` (sorted by paragraph and start, not
/// overlapping): a binary search, so that long texts stay linear.
fn inside(spans: &[Span], x: &Span) -> bool {
    let i = spans.partition_point(|s| (s.paragraph, s.start) <= (x.paragraph, x.start));
    i > 0 && {
        let s = &spans[i - 1];
        s.paragraph == x.paragraph && s.start <= x.start && x.end <= s.end
    }
}

/// Places from the gazetteer: countries, their regions and cities, and countries named by a
/// demonym ("Kazakh" gives Kazakhstan).
pub(super) fn find_places(paragraphs: &[String]) -> Vec<PlaceSuggestion> {
    let g = Gazetteer::get();
    let mut out: Vec<PlaceSuggestion> = Vec::new();
    let word = capitalised_word();
    for (pi, p) in paragraphs.iter().enumerate() {
        let words: Vec<regex::Match<'_>> = word.find_iter(p).collect();
        let mut i = 0;
        while i < words.len() {
            let mut hit = None;
            for n in (1..=3).rev().filter(|n| i + n <= words.len()) {
                // Only adjacent words: "Atyrau Oblast", "North Kazakhstan".
                let contiguous = (i..i + n - 1).all(|k| {
                    p[words[k].end()..words[k + 1].start()]
                        .chars()
                        .all(|c| c == ' ')
                });
                if !contiguous {
                    continue;
                }
                let name = bare(&p[words[i].start()..words[i + n - 1].end()]);
                if let Some(country) = g.country_of.get(name) {
                    hit = Some((n, name.to_string(), country.clone()));
                    break;
                }
            }
            let Some((n, name, country)) = hit else {
                i += 1;
                continue;
            };
            let start = words[i].start();
            let mut end = words[i + n - 1].end();
            let mut place = name.clone();
            let region_word = REGION_WORDS
                .iter()
                .find(|w| {
                    p[end..].strip_prefix(' ').is_some_and(|rest| {
                        rest.starts_with(*w)
                            && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric())
                    })
                })
                .copied();
            let kind = if let Some(w) = region_word {
                end += 1 + w.len();
                // "Atyrau region" and "Atyrau Region" are one place.
                let mut cap = w.to_string();
                cap[..1].make_ascii_uppercase();
                place = format!("{place} {cap}");
                "region"
            } else if g.demonyms.contains(&name) || g.demonyms.contains(&p[start..end]) {
                place = country.clone();
                "country"
            } else if country == name {
                "country"
            } else {
                "city"
            };
            let sp = span(paragraphs, pi, start, end);
            match out.iter_mut().find(|x| x.name == place) {
                Some(x) => x.spans.push(sp),
                None => out.push(PlaceSuggestion {
                    name: place,
                    kind: kind.to_string(),
                    country: Some(country),
                    spans: vec![sp],
                }),
            }
            let capitalised_region = region_word.is_some_and(|w| w.starts_with(char::is_uppercase));
            i += n + usize::from(capitalised_region);
        }
        // Russian: words beginning with the stem of a country, region or city
        // ("Атырауской области", "в Бресте"), named as written.
        for m in word.find_iter(p) {
            let w = m.as_str();
            if !w.starts_with(|c: char| ('\u{0400}'..='\u{04FF}').contains(&c)) {
                continue;
            }
            let Some(country) = super::russian::country_ru(w) else {
                continue;
            };
            let rest = &p[m.end()..];
            let region = ["област", "облисполком", "край", "края"]
                .iter()
                .any(|r| rest.trim_start().starts_with(r));
            let sp = span(paragraphs, pi, m.start(), m.end());
            match out.iter_mut().find(|x| x.name == w) {
                Some(x) => x.spans.push(sp),
                None => out.push(PlaceSuggestion {
                    name: w.to_string(),
                    kind: if region { "region" } else { "city" }.to_string(),
                    country: Some(country),
                    spans: vec![sp],
                }),
            }
        }
    }
    out
}

/// The country of a place name in either script.
fn country_of_place(name: &str) -> Option<String> {
    Gazetteer::get()
        .country_in(name)
        .or_else(|| name.split_whitespace().find_map(super::russian::country_ru))
}

/// Organisations: those the people's positions name, and names built on an organisation
/// word ("... Executive Committee", "Ministry of ...").
pub(super) fn find_organisations(
    paragraphs: &[String],
    people: &[PersonSuggestion],
) -> Vec<OrganisationSuggestion> {
    let g = Gazetteer::get();
    let pats = patterns();
    let mut out: Vec<OrganisationSuggestion> = Vec::new();
    let add = |name: String, sp: Option<Span>, out: &mut Vec<OrganisationSuggestion>| {
        let name = name.trim().trim_start_matches("The ").to_string();
        if name.split_whitespace().count() < 2 {
            return;
        }
        match out.iter_mut().find(|o| o.name == name) {
            Some(o) => o.spans.extend(sp),
            None => out.push(OrganisationSuggestion {
                country: g.country_in(&name),
                name,
                spans: sp.into_iter().collect(),
            }),
        }
    };
    for p in people {
        if let Some(o) = &p.organisation {
            // A bare place ("Atyrau Oblast") is a place, not an organisation.
            if pats
                .organisation_words
                .iter()
                .any(|w| o.contains(w.as_str()))
            {
                add(o.clone(), None, &mut out);
            }
        }
    }
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for m in pats.head_of.find_iter(p) {
            taken.push((m.start(), m.end()));
            add(
                m.as_str().to_string(),
                Some(span(paragraphs, pi, m.start(), m.end())),
                &mut out,
            );
        }
        for m in pats.org_before_head.find_iter(p) {
            if p[m.end()..].starts_with(char::is_alphanumeric) {
                continue; // "Groupe", "Bankers": the head word must end there
            }
            if taken.iter().any(|&(a, b)| m.start() < b && m.end() > a) {
                continue;
            }
            // Drop a title in front: "Deputy Chairman of the Brest Oblast Executive Committee"
            // is found by head_of; "First Vice Governor Atyrau Oblast Administration" here.
            let words: Vec<&str> = m.as_str().split_whitespace().collect();
            let skip = (0..words.len())
                .rev()
                .find(|&k| {
                    g.titles
                        .iter()
                        .any(|t| t.len() <= k + 1 && t[..] == words[k + 1 - t.len()..=k])
                })
                .map_or(0, |k| k + 1);
            if skip >= words.len() {
                continue;
            }
            let offset = words[..skip].iter().map(|w| w.len() + 1).sum::<usize>();
            let start = m.start() + offset;
            add(
                p[start..m.end()].to_string(),
                Some(span(paragraphs, pi, start, m.end())),
                &mut out,
            );
        }
    }
    // People's organisations found only through positions get the spans where the text
    // writes them.
    for o in out.iter_mut().filter(|o| o.spans.is_empty()) {
        for (pi, p) in paragraphs.iter().enumerate() {
            if let Some(at) = p.find(&o.name) {
                o.spans.push(span(paragraphs, pi, at, at + o.name.len()));
            }
        }
    }
    out
}

/// The country a phrase names: "Kazakhstan's Atyrau Oblast", "Kazakh", "Brest Oblast".
fn side_of(phrase: &str, places: &[PlaceSuggestion]) -> Side {
    let g = Gazetteer::get();
    let region = places
        .iter()
        .filter(|p| p.kind == "region")
        .find(|p| phrase.contains(p.name.as_str()))
        .map(|p| p.name.clone());
    Side {
        organisation: None,
        region,
        country: g.country_in(phrase),
        people: vec![],
    }
}

/// The visit an article reports, when it reports one.
pub(super) fn find_visit(
    paragraphs: &[String],
    dateline: Option<&str>,
    people: &[PersonSuggestion],
    places: &[PlaceSuggestion],
    organisations: &[OrganisationSuggestion],
    dates: &[DateSuggestion],
) -> Option<VisitSuggestion> {
    let pats = patterns();
    let mut visiting = Side::default();
    let mut place: Option<String> = None;
    let mut kind: Option<&str> = None;
    let mut purpose: Option<String> = None;
    let mut spans = Vec::new();
    let mut cues = 0;
    for (pi, p) in paragraphs.iter().enumerate() {
        for (s, e) in super::facts::sentences(p) {
            let sentence = &p[s..e];
            let lower = sentence.to_lowercase();
            // An invitation to visit is a commitment, not the visit reported.
            let invitation = lower.contains("invit") || lower.contains("приглас");
            let is_cue = ["delegation", "visit", "делегаци", "визит"]
                .iter()
                .any(|c| lower.contains(c));
            if !is_cue || invitation {
                continue;
            }
            cues += 1;
            spans.push(span(paragraphs, pi, s, e));
            if visiting.country.is_none() {
                let phrase = pats
                    .delegation_of
                    .captures(sentence)
                    .or_else(|| pats.adjective_delegation.captures(sentence))
                    .map(|c| c[1].to_string());
                if let Some(phrase) = phrase {
                    let side = side_of(&phrase, places);
                    if side.country.is_some() {
                        visiting = side;
                    }
                }
            }
            if place.is_none()
                && let Some(c) = pats.place_of_visit.captures(sentence)
            {
                let name = bare(&c[1]).to_string();
                if country_of_place(&name).is_some() || places.iter().any(|p| p.name == name) {
                    place = Some(name);
                }
            }
            if kind.is_none() {
                kind = [
                    ("reciprocal visit", "reciprocal"),
                    ("return visit", "reciprocal"),
                    ("ответн", "reciprocal"),
                    ("official visit", "official"),
                    ("официальн", "official"),
                    ("working visit", "working"),
                    ("рабоч", "working"),
                ]
                .iter()
                .find(|(cue, _)| lower.contains(cue))
                .map(|(_, k)| *k);
            }
            if purpose.is_none()
                && let Some(c) = pats.purpose.captures(sentence)
            {
                let text = c[1].trim().trim_end_matches(['"', '”', '»']);
                // Drop a trailing attribution: ", Kazinform refers to eng.belta.by".
                let text = text.split(", Kazinform").next().unwrap_or(text);
                purpose = Some(text.to_string());
            }
        }
    }
    if cues == 0 {
        return None;
    }
    let place = place.or_else(|| dateline.map(str::to_string));
    let host_country = place.as_deref().and_then(country_of_place);
    let mut host = Side {
        country: host_country.clone(),
        region: place.as_deref().and_then(|pl| {
            places
                .iter()
                .find(|p| p.kind == "region" && p.name.starts_with(pl))
                .map(|p| p.name.clone())
        }),
        ..Side::default()
    };
    // Russian copy, or no delegation named: the first other country the visit's sentences
    // name is the visitors'.
    if visiting.country.is_none() {
        visiting.country = places
            .iter()
            .filter(|p| p.spans.iter().any(|ps| inside(&spans, ps)))
            .filter_map(|p| p.country.clone())
            .find(|c| Some(c) != host_country.as_ref());
    }
    // Without a named delegation, the visitors are the people from another country.
    if visiting.country.is_none() {
        visiting.country = people
            .iter()
            .filter_map(|p| p.country.clone())
            .find(|c| Some(c) != host_country.as_ref());
    }
    if visiting.country == host.country {
        visiting.country = None;
    }
    for p in people {
        let side = match &p.country {
            Some(c) if Some(c) == visiting.country.as_ref() => &mut visiting,
            Some(c) if Some(c) == host.country.as_ref() => &mut host,
            _ => continue,
        };
        side.people.push(p.name.clone());
        if side.organisation.is_none() {
            side.organisation = p
                .organisation
                .clone()
                .filter(|o| organisations.iter().any(|x| &x.name == o));
        }
        if side.region.is_none() {
            side.region = p.organisation.as_deref().and_then(|o| {
                places
                    .iter()
                    .find(|pl| pl.kind == "region" && o.contains(pl.name.as_str()))
                    .map(|pl| pl.name.clone())
            });
        }
    }
    // The dates of the visit: those in the visit's sentences, else the first in the article.
    let in_spans = |d: &&DateSuggestion| inside(&spans, &d.span);
    let recent = |d: &&DateSuggestion| {
        // 22 June 1941 is history, not the visit's date.
        d.date
            .as_deref()
            .is_none_or(|x| x.starts_with("--") || x.as_bytes()[0] == b'2')
    };
    let date = dates
        .iter()
        .filter(recent)
        .find(in_spans)
        .or_else(|| dates.iter().find(recent));
    let confidence = match (visiting.country.is_some(), host.country.is_some()) {
        (true, true) => 0.8,
        (true, false) | (false, true) => 0.6,
        _ => 0.4,
    };
    Some(VisitSuggestion {
        kind: kind.unwrap_or("other").to_string(),
        visiting,
        host,
        place,
        start: date.and_then(|d| d.date.clone()),
        end: date.and_then(|d| d.end.clone()),
        dates_uncertain: date.is_some_and(|d| d.uncertain),
        purpose,
        spans,
        confidence,
    })
}

/// Names already taken by places, so that they are not offered as organisations too.
pub(super) fn drop_places(orgs: &mut Vec<OrganisationSuggestion>, places: &[PlaceSuggestion]) {
    let names: HashSet<&str> = places.iter().map(|p| p.name.as_str()).collect();
    orgs.retain(|o| !names.contains(o.name.as_str()));
}
