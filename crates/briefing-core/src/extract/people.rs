//! People: runs of capitalised words read as organisation + title + name.

use super::gazetteer::Gazetteer;
use super::{PersonSuggestion, QuoteSuggestion, Span};

/// A word with its byte range in the paragraph.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

pub(super) fn tokens(p: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in p.char_indices() {
        let word_char = c.is_alphanumeric() || matches!(c, '\'' | '’' | '-');
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Tok {
                    text: &p[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Tok {
            text: &p[s..],
            start: s,
            end: p.len(),
        });
    }
    out
}

/// Lower-case words allowed inside a run: "Deputy Chairman of the Brest Oblast ...",
/// "Nicolaas van der Berg".
const CONNECTORS: &[&str] = &["of", "the", "and", "for", "on"];
const PARTICLES: &[&str] = &[
    "van", "der", "de", "den", "von", "al", "el", "bin", "ibn", "la", "du", "di", "da", "dos",
];
/// Capitalised words that start sentences, not names.
const SENTENCE_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "As",
    "By",
    "With",
    "From",
    "According",
    "After",
    "Before",
    "During",
    "Earlier",
    "Later",
    "Also",
    "He",
    "She",
    "They",
    "It",
    "We",
    "Our",
    "His",
    "Her",
    "Their",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Meanwhile",
    "However",
    "Negotiations",
    "Opportunities",
    "Today",
    "Yesterday",
    "On",
    "When",
    "While",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const HONORIFICS: &[&str] = &[
    "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Madam", "Mister",
];

/// Whether a verb of saying, or of what officials do in a meeting, follows a name: evidence
/// that a name without a title is a person.
fn speech_verb_follows(after: &str) -> bool {
    const MEETING_VERBS: &[&str] = &[
        "announced",
        "proposed",
        "suggested",
        "invited",
        "thanked",
        "welcomed",
        "met",
        "praised",
        "called",
    ];
    let g = Gazetteer::get();
    g.speech_verb_starts(after) || MEETING_VERBS.contains(&Gazetteer::first_word(after))
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Runs: maximal sequences of capitalised words and connectors separated by spaces only.
/// A parenthesised one-word gloss after a title ("Akim (Governor) of") is skipped.
fn runs<'a>(p: &'a str, toks: &[Tok<'a>]) -> Vec<Vec<Tok<'a>>> {
    let g = Gazetteer::get();
    let mut out = Vec::new();
    let mut cur: Vec<Tok<'a>> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let joins = cur.last().is_some_and(|prev: &Tok<'_>| {
            let gap = &p[prev.end..t.start];
            gap.chars().all(char::is_whitespace) && !gap.is_empty()
        });
        // "Vice Mayor X and Deputy Minister Y": "and" before a title starts another person.
        let and_before_title = t.text == "and" && title_at(&toks[i + 1..], 0, g).is_some();
        let inside = !and_before_title
            && (capitalised(t.text) || CONNECTORS.contains(&t.text) || PARTICLES.contains(&t.text));
        // "Akim (Governor) of": drop the gloss, keep the run going.
        let gloss = i > 0 && p[..t.start].ends_with('(') && p[t.end..].starts_with(')');
        if gloss && !cur.is_empty() {
            continue;
        }
        let after_gloss = cur.last().is_some_and(|prev: &Tok<'_>| {
            let gap = &p[prev.end..t.start];
            gap.trim().starts_with('(') && gap.trim().ends_with(')') && gap.len() < 30
        });
        if inside && (joins || after_gloss) {
            cur.push(*t);
        } else {
            push_run(&mut out, std::mem::take(&mut cur));
            if capitalised(t.text) {
                cur.push(*t);
            }
        }
    }
    push_run(&mut out, cur);
    out
}

fn push_run<'a>(out: &mut Vec<Vec<Tok<'a>>>, mut run: Vec<Tok<'a>>) {
    while run
        .first()
        .is_some_and(|t| !capitalised(t.text) || SENTENCE_WORDS.contains(&t.text))
    {
        run.remove(0);
    }
    while run.last().is_some_and(|t| !capitalised(t.text)) {
        run.pop();
    }
    if !run.is_empty() {
        out.push(run);
    }
}

fn words_match(run: &[Tok<'_>], at: usize, words: &[String]) -> bool {
    at <= run.len()
        && words.len() <= run.len() - at
        && words.iter().zip(&run[at..]).all(|(w, t)| w == t.text)
}

/// The title at `at` (modifiers then a title), as a token count.
fn title_at(run: &[Tok<'_>], at: usize, g: &Gazetteer) -> Option<usize> {
    if at >= run.len() {
        return None;
    }
    let mut i = at;
    'modifiers: loop {
        for m in &g.modifiers {
            if words_match(run, i, m) {
                i += m.len();
                continue 'modifiers;
            }
        }
        break;
    }
    g.titles
        .iter()
        .find(|t| words_match(run, i, t))
        .map(|t| i + t.len() - at)
}

/// Whether tokens can be a person's name: two to four capitalised words (particles allowed
/// inside), none of them a place, a title or a word of organisations.
fn is_name(toks: &[Tok<'_>], g: &Gazetteer) -> bool {
    let caps = toks.iter().filter(|t| capitalised(t.text)).count();
    (2..=4).contains(&caps)
        && toks.first().is_some_and(|t| capitalised(t.text))
        && toks.last().is_some_and(|t| capitalised(t.text))
        && toks.iter().all(|t| {
            if PARTICLES.contains(&t.text) {
                return true;
            }
            let bare = t.text.trim_end_matches(['\'', '’', 's']);
            capitalised(t.text)
                && !g.not_people.contains(t.text)
                && !g.country_of.contains_key(t.text)
                && !g.country_of.contains_key(bare)
                && !SENTENCE_WORDS.contains(&t.text)
                && !g.titles.iter().any(|ti| ti.len() == 1 && ti[0] == t.text)
                && !g.modifiers.iter().any(|m| m.len() == 1 && m[0] == t.text)
                && t.text.chars().any(char::is_lowercase)
        })
}

fn join(p: &str, toks: &[Tok<'_>]) -> String {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => p[a.start..b.end].to_string(),
        _ => String::new(),
    }
}

fn span(p: &str, paragraph: usize, toks: &[Tok<'_>]) -> Span {
    let (start, end) = (toks[0].start, toks[toks.len() - 1].end);
    Span {
        paragraph,
        start,
        end,
        text: p[start..end].to_string(),
    }
}

/// What one run says.
struct Reading {
    name: Option<(usize, usize)>,
    title: Option<(usize, usize)>,
    org: Option<(usize, usize)>,
}

fn read_run(run: &[Tok<'_>], g: &Gazetteer) -> Reading {
    let found = (0..run.len()).find_map(|i| title_at(run, i, g).map(|n| (i, i + n)));
    let Some((ts, te)) = found else {
        let name = is_name(run, g).then_some((0, run.len()));
        return Reading {
            name,
            title: None,
            org: None,
        };
    };
    let mut reading = Reading {
        name: None,
        title: Some((ts, te)),
        org: (ts > 0).then_some((0, ts)),
    };
    let rest = &run[te..];
    if rest.first().is_some_and(|t| t.text == "of") {
        let skip = if rest.get(1).is_some_and(|t| t.text == "the") {
            2
        } else {
            1
        };
        let org_start = te + skip;
        // The name is the last two or three words, when they make a name and leave an
        // organisation before them.
        for len in [3, 2] {
            let name_start = run.len().saturating_sub(len);
            if name_start > org_start && is_name(&run[name_start..], g) {
                reading.name = Some((name_start, run.len()));
                reading.org = Some((org_start, name_start));
                return reading;
            }
        }
        reading.org = Some((org_start, run.len()));
    } else if !rest.is_empty() && is_name_after_title(rest, g) {
        reading.name = Some((te, run.len()));
    }
    reading
}

/// Right after a title a name needs less proof: "Vice Governor He Xiaoming" and "Vice
/// Governor Park Ji-hoon" are people although "He" and "Park" alone would not be.
fn is_name_after_title(toks: &[Tok<'_>], g: &Gazetteer) -> bool {
    let caps = toks.iter().filter(|t| capitalised(t.text)).count();
    (2..=4).contains(&caps)
        && toks.iter().all(|t| {
            PARTICLES.contains(&t.text)
                || capitalised(t.text)
                    && t.text.chars().any(char::is_lowercase)
                    && !g.country_of.contains_key(t.text)
                    && !g.titles.iter().any(|ti| ti.len() == 1 && ti[0] == t.text)
        })
        && !toks
            .iter()
            .any(|t| g.not_people.contains(t.text) && t.text != "Park")
}

/// A title in lower case at the start of `words` ("first deputy governor", "deputy
/// minister"), as a word count: wire services such as Reuters write titles in apposition so.
fn lower_title_len(words: &[&str], g: &Gazetteer) -> Option<usize> {
    let eq = |w: &str, t: &str| {
        w.eq_ignore_ascii_case(t) && w.chars().next().is_some_and(char::is_lowercase)
    };
    let mut i = 0;
    'modifiers: loop {
        for m in &g.modifiers {
            if m.len() <= words.len() - i && m.iter().zip(&words[i..]).all(|(t, w)| eq(w, t)) {
                i += m.len();
                continue 'modifiers;
            }
        }
        break;
    }
    g.titles
        .iter()
        .find(|t| t.len() <= words.len() - i && t.iter().zip(&words[i..]).all(|(t, w)| eq(w, t)))
        .map(|t| i + t.len())
}

/// "Name, first deputy governor of Atyrau region, said": the lower-case title after the
/// comma and the body it belongs to, up to the next punctuation. Also "Name, France's special
/// envoy for Central Asia" (the possessive names the country).
fn lower_case_apposition(
    after: &str,
    g: &Gazetteer,
) -> Option<(String, Option<String>, Option<String>)> {
    let rest = after.strip_prefix(", ")?;
    let clause = &rest[..rest.find([',', '.', ';', '(']).unwrap_or(rest.len())];
    let mut words: Vec<&str> = clause.split_whitespace().collect();
    let mut country = None;
    if let Some(first) = words.first()
        && let Some(stem) = first
            .strip_suffix("'s")
            .or_else(|| first.strip_suffix("’s"))
        && g.country_of.contains_key(stem)
    {
        country = g.country_of.get(stem).cloned();
        words.remove(0);
    }
    // A modifier such as "special" is not in the gazetteer; allow one unknown word before the title.
    let (skip, n) = match lower_title_len(&words, g) {
        Some(n) => (0, n),
        None if words.len() > 1 => (1, lower_title_len(&words[1..], g)?),
        None => return None,
    };
    let mut title_end = skip + n;
    // "minister of transport", "envoy for Central Asia": a portfolio in lower case is part of the title.
    let mut org = None;
    if let Some(&joiner) = words.get(title_end)
        && (joiner == "of" || joiner == "for")
    {
        let tail: Vec<&str> = words[title_end + 1..]
            .iter()
            .copied()
            .take_while(|w| !matches!(*w, "said" | "told" | "says" | "who" | "which"))
            .collect();
        let portfolio = tail
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        if portfolio {
            title_end += 1 + tail.len();
        } else if !tail.is_empty() {
            org = Some(tail.join(" ").trim_start_matches("the ").to_string());
        }
    }
    let title = words[..title_end].join(" ");
    Some((title, org, country))
}

/// "Minister" + "Agriculture of Uzbekistan": the portfolio joins the title ("Minister of
/// Agriculture") and a closing "of Uzbekistan" names the country, not an organisation.
fn portfolio(
    title: &mut Option<String>,
    org: &mut Option<String>,
    country: &mut Option<String>,
    g: &Gazetteer,
) {
    let Some(t) = title.as_deref() else { return };
    let bare = t.split_whitespace().last().unwrap_or("");
    if !g
        .portfolio_titles
        .iter()
        .any(|p| t.ends_with(p.as_str()) || p == bare)
    {
        return;
    }
    let Some(o) = org.take() else { return };
    let (portfolio, of_country) = match o.rsplit_once(" of ") {
        Some((head, tail)) if g.country_of.get(tail) == Some(&tail.to_string()) => {
            (head.to_string(), Some(tail.to_string()))
        }
        _ if g.country_of.get(&o) == Some(&o) => (String::new(), Some(o.clone())),
        _ => (o.clone(), None),
    };
    if !portfolio.is_empty() {
        *title = Some(format!("{t} of {portfolio}"));
    }
    *country = of_country;
}

/// A person as extraction builds it up.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub name: String,
    pub surname: String,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub country: Option<String>,
    pub spans: Vec<Span>,
    pub quotes: Vec<QuoteSuggestion>,
    pub confidence: f32,
}

impl Person {
    pub fn into_suggestion(self) -> PersonSuggestion {
        PersonSuggestion {
            name: self.name,
            title: self.title,
            organisation: self.organisation,
            country: self.country,
            quotes: self.quotes,
            spans: self.spans,
            confidence: self.confidence,
        }
    }
}

/// Finds the people of an article and every mention of them.
pub(super) fn find_people(paragraphs: &[String]) -> Vec<Person> {
    let g = Gazetteer::get();
    let mut people: Vec<Person> = Vec::new();
    // Title-only references ("the Atyrau Oblast First Vice Governor") are resolved after
    // every named person is known.
    let mut title_refs: Vec<(Span, String, Option<String>)> = Vec::new();
    // Names without a title or other evidence: mentions of people found elsewhere, or nothing.
    let mut bare: Vec<(String, Span)> = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let toks = tokens(p);
        let runs = runs(p, &toks);
        for (ri, run) in runs.iter().enumerate() {
            let r = read_run(run, g);
            let mut title = r.title.map(|(a, b)| join(p, &run[a..b]));
            let mut org = r.org.map(|(a, b)| join(p, &run[a..b]));
            let mut stated_country = None;
            portfolio(&mut title, &mut org, &mut stated_country, g);
            let mut confidence = 0.9;
            let Some((ns, ne)) = r.name else {
                if let Some(t) = title {
                    title_refs.push((span(p, pi, run), t, org));
                } else if run.len() == 1 {
                    // A surname alone, resolved once the people are known.
                    title_refs.push((span(p, pi, run), String::new(), None));
                }
                continue;
            };
            if title.is_none() {
                // Apposition: "Gumar Dyusembayev, First Vice Governor of Atyrau Oblast".
                let next = runs.get(ri + 1).filter(|next| {
                    let gap = &p[run[run.len() - 1].end..next[0].start];
                    gap.trim_end().trim_end_matches("the").trim() == ","
                });
                match next.map(|n| (n, read_run(n, g))) {
                    Some((n, nr)) if nr.title.is_some() && nr.name.is_none() => {
                        title = nr.title.map(|(a, b)| join(p, &n[a..b]));
                        org = nr.org.map(|(a, b)| join(p, &n[a..b]));
                        portfolio(&mut title, &mut org, &mut stated_country, g);
                        confidence = 0.85;
                    }
                    _ if lower_case_apposition(&p[run[run.len() - 1].end..], g).is_some() => {
                        let (t, o, c) = lower_case_apposition(&p[run[run.len() - 1].end..], g)
                            .expect("checked in the guard");
                        title = Some(t);
                        org = o;
                        stated_country = c;
                        confidence = 0.8;
                    }
                    _ => {
                        // A name with no title is a person only with evidence: a verb of
                        // saying after it or an honorific before it. Otherwise it may only
                        // be another mention of someone named with a title ("Central Asia",
                        // "Eternal Flame" and "Great Stone" are not people).
                        let after = &p[run[run.len() - 1].end..];
                        let before = p[..run[0].start].trim_end();
                        let evidence = speech_verb_follows(after)
                            || HONORIFICS.iter().any(|h| before.ends_with(h));
                        if !evidence {
                            bare.push((join(p, &run[ns..ne]), span(p, pi, run)));
                            continue;
                        }
                        confidence = 0.6;
                    }
                }
            }
            let name = join(p, &run[ns..ne]);
            let surname = run[ne - 1].text.to_string();
            let sp = span(p, pi, run);
            let country = stated_country
                .or_else(|| org.as_deref().and_then(|o| g.country_in(o)))
                .or_else(|| {
                    // "Kazakh Ambassador Yerlan Tokayev": a demonym in the run.
                    run.iter().find_map(|t| g.country_of.get(t.text).cloned())
                });
            add_person(
                &mut people,
                Person {
                    name,
                    surname,
                    title,
                    organisation: org,
                    country,
                    spans: vec![sp],
                    quotes: vec![],
                    confidence,
                },
            );
        }
    }
    for (name, sp) in bare {
        if let Some(person) = people.iter_mut().find(|x| x.name == name) {
            person.spans.push(sp);
        }
    }
    for (sp, title, org) in title_refs {
        let target = if title.is_empty() {
            people.iter_mut().find(|x| x.surname == sp.text)
        } else {
            people.iter_mut().find(|x| {
                x.title.as_deref() == Some(title.as_str())
                    && match (&org, &x.organisation) {
                        (Some(a), Some(b)) => b.contains(a.as_str()) || a.contains(b.as_str()),
                        _ => true,
                    }
            })
        };
        if let Some(person) = target {
            person.spans.push(sp);
        }
    }
    sort_spans(&mut people);
    people
}

/// Adds a sighting of a person: merged into the person of the same name when known (the
/// first title, organisation and country found stay), else a new person.
pub(super) fn add_person(people: &mut Vec<Person>, found: Person) {
    match people.iter_mut().find(|x| x.name == found.name) {
        Some(known) => {
            known.spans.extend(found.spans);
            known.title = known.title.take().or(found.title);
            known.organisation = known.organisation.take().or(found.organisation);
            known.country = known.country.take().or(found.country);
            known.confidence = known.confidence.max(found.confidence);
        }
        None => people.push(found),
    }
}

/// Orders each person's spans as they stand in the article.
pub(super) fn sort_spans(people: &mut [Person]) {
    for person in people {
        person.spans.sort_by_key(|s| (s.paragraph, s.start));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Name, title, organisation, country.
    type Found = (String, Option<String>, Option<String>, Option<String>);

    fn one(text: &str) -> Vec<Found> {
        find_people(&[text.to_string()])
            .into_iter()
            .map(|p| (p.name, p.title, p.organisation, p.country))
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn organisation_title_name() {
        let got = one(
            "It was made by Atyrau Oblast First Vice Governor Gumar Dyusembayev as he met officials.",
        );
        assert_eq!(
            got,
            vec![(
                "Gumar Dyusembayev".into(),
                s("First Vice Governor"),
                s("Atyrau Oblast"),
                s("Kazakhstan")
            )]
        );
    }

    #[test]
    fn title_of_organisation_name() {
        let got = one(
            "In turn, Deputy Chairman of the Brest Oblast Executive Committee Mikhail Serkov suggested logistics.",
        );
        assert_eq!(
            got,
            vec![(
                "Mikhail Serkov".into(),
                s("Deputy Chairman"),
                s("Brest Oblast Executive Committee"),
                s("Belarus")
            )]
        );
    }

    #[test]
    fn apposition_and_gloss() {
        let got = one("Asain Baikhanov, Akim (Governor) of Pavlodar Region, opened the forum.");
        assert_eq!(
            got,
            vec![(
                "Asain Baikhanov".into(),
                s("Akim"),
                s("Pavlodar Region"),
                s("Kazakhstan")
            )]
        );
    }

    #[test]
    fn particles_and_hyphens() {
        let got = one(
            "Vice Mayor Nicolaas van der Berg and Deputy Minister Agnieszka Kowalczyk-Nowak met.",
        );
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            names,
            vec!["Nicolaas van der Berg", "Agnieszka Kowalczyk-Nowak"]
        );
    }

    #[test]
    fn a_ministers_portfolio_is_part_of_the_title_and_the_country_is_named() {
        let got =
            one("Minister of Agriculture of Uzbekistan Jamshid Abdusalomov arrived in Minsk.");
        assert_eq!(
            got,
            vec![(
                "Jamshid Abdusalomov".into(),
                s("Minister of Agriculture"),
                None,
                s("Uzbekistan")
            )]
        );
    }

    #[test]
    fn lower_case_titles_in_apposition_and_family_name_first() {
        let got =
            one("Gumar Dyussembayev, first deputy governor of Atyrau region, told reporters.");
        assert_eq!(
            got,
            vec![(
                "Gumar Dyussembayev".into(),
                s("first deputy governor"),
                s("Atyrau region"),
                s("Kazakhstan")
            )]
        );
        let got = one("Nurlan Sapargaliyev, Kazakhstan's deputy minister of transport, said so.");
        assert_eq!(
            got,
            vec![(
                "Nurlan Sapargaliyev".into(),
                s("deputy minister of transport"),
                None,
                s("Kazakhstan")
            )]
        );
        let got = one("A delegation headed by Vice Governor He Xiaoming arrived.");
        assert_eq!(got[0].0, "He Xiaoming");
    }

    #[test]
    fn places_and_works_are_not_people() {
        let got = one(
            "The delegation visited the Brest Fortress, Grodno Azot, Belovezhskaya Pushcha and Minsk Tractor Works.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn later_references_resolve() {
        let people = find_people(&[
            "Atyrau Oblast First Vice Governor Gumar Dyusembayev met officials.".into(),
            "Dyusembayev said so, stressed the Atyrau Oblast First Vice Governor.".into(),
        ]);
        assert_eq!(people.len(), 1);
        let texts: Vec<&str> = people[0].spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Atyrau Oblast First Vice Governor Gumar Dyusembayev",
                "Dyusembayev",
                "Atyrau Oblast First Vice Governor"
            ]
        );
    }
}
