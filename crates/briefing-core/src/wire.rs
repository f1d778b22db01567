//! Conventions of wire copy found in the text itself: datelines ("BREST. KAZINFORM -",
//! "VITEBSK, 10 August (BelTA) -"), relay attributions ("Kazinform refers to eng.belta.by")
//! and the language of the text.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::gazetteer::Outlets;
use crate::model::{PublishedDate, Relay};
use crate::text::title_case;

/// What a dateline at the start of an article says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub place: String,
    pub outlet: Option<String>,
    pub date: Option<PublishedDate>,
    /// Byte length of the dateline in the paragraph, dash included.
    pub len: usize,
}

const MONTHS_TSV: &str = include_str!("../data/months.tsv");

/// A place in capitals ("BREST", "NUR-SULTAN", "БРЕСТ", "BANSKA BYSTRICA") or, in the
/// date-bearing styles, in title case ("Minsk").
const CAPS_PLACE: &str = r"\p{Lu}[\p{Lu}'’\-]*(?:\s\p{Lu}[\p{Lu}'’\-]*){0,3}";
const ANY_PLACE: &str = r"\p{Lu}[\p{L}'’\-]*(?:\s\p{Lu}[\p{L}'’\-]*){0,3}";
const DASH: &str = r"\s*[-–—]+\s*";
const SOURCE: &str = r"\s*[(/](?P<outlet>[^()/\n]{2,40})[)/]";

/// The outlet closing a dateline that has no dash: in brackets or slashes, or a word in
/// capitals or a known agency's name, then a full stop or a colon.
const NO_DASH_SOURCE: &str =
    r"(?:[(/](?P<outlet>[^()/\n]{2,40})[)/]|(?P<word>\p{Lu}[\p{L}\-]{1,20}))\s*[.:]\s";

fn dateline_patterns() -> &'static [Regex] {
    static PATTERNS: OnceLock<Vec<Regex>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        [
            // BREST. KAZINFORM -
            format!(r"^(?P<place>{CAPS_PLACE})\s*\.\s*(?P<word>\p{{Lu}}[\p{{Lu}}.\-]+){DASH}"),
            // VITEBSK, 10 August (BelTA) -   MINSK, 5 March 2024 (BelTA) -   БРЕСТ, 21 июня (БЕЛТА) -
            format!(
                r"^(?P<place>{ANY_PLACE}),\s*(?P<day>\d{{1,2}})\s+(?P<month>\p{{L}}{{3,10}})\.?(?:,?\s+(?P<year>\d{{4}}))?(?:\s*г\.)?(?:{SOURCE})?{DASH}"
            ),
            // ALMATY, Oct 2 (Reuters) -   TASHKENT, June 3 /UzA/ -
            format!(
                r"^(?P<place>{ANY_PLACE}),\s*(?P<month>\p{{L}}{{3,10}})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?(?:{SOURCE})?{DASH}"
            ),
            // MOSCOW (Reuters) -
            format!(r"^(?P<place>{CAPS_PLACE}){SOURCE}{DASH}"),
            // Styles without a dash: "MOSCOW, June 5. /TASS/.", "ULAANBAATAR, June 11
            // (MONTSAME).", "YEREVAN, OCTOBER 14, ARMENPRESS.", "BAKU, Azerbaijan, June 3.
            // Trend:", "БИШКЕК, 5 марта. /ТАСС/.": the outlet, then a full stop or a colon.
            format!(
                r"^(?P<place>{CAPS_PLACE}),\s*(?:\p{{Lu}}[\p{{L}}]+(?:\s\p{{Lu}}[\p{{L}}]+)?,\s*)?(?P<month>\p{{L}}{{3,10}})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?[.,]?\s*{NO_DASH_SOURCE}"
            ),
            format!(
                r"^(?P<place>{CAPS_PLACE}),\s*(?P<day>\d{{1,2}})\s+(?P<month>\p{{L}}{{3,10}})(?:\s+(?P<year>\d{{4}}))?[.,]?\s*{NO_DASH_SOURCE}"
            ),
        ]
        .iter()
        .map(|p| Regex::new(p).expect("dateline pattern compiles"))
        .collect()
    })
}

/// Reads the dateline at the start of a paragraph, if there is one.
pub fn parse_dateline(paragraph: &str) -> Option<Dateline> {
    for re in dateline_patterns() {
        let Some(c) = re.captures(paragraph) else {
            continue;
        };
        // "CITY. WORD -", "YEREVAN, OCTOBER 14, ARMENPRESS.": an outlet named by a bare word
        // (not in brackets or slashes) makes a dateline only when the gazetteer knows it or
        // it is shouted.
        let word = c.name("word");
        if word.is_some_and(|w| {
            Outlets::get().canonical(w.as_str()).is_none()
                && w.as_str().chars().any(char::is_lowercase)
        }) {
            continue;
        }
        let outlet = c
            .name("outlet")
            .or(word)
            .map(|m| canonical_outlet(m.as_str()));
        let date = match (c.name("day"), c.name("month")) {
            (Some(d), Some(m)) => {
                let Some(month) = month_number(m.as_str()) else {
                    continue;
                };
                let year = c.name("year").and_then(|y| y.as_str().parse().ok());
                PublishedDate::new(year, month, d.as_str().parse().ok()?)
            }
            _ => None,
        };
        let place = c.name("place")?.as_str();
        return Some(Dateline {
            place: if place.chars().any(char::is_lowercase) {
                place.to_string()
            } else {
                title_case(place)
            },
            outlet,
            date,
            len: c.get(0)?.end(),
        });
    }
    None
}

/// The canonical name of an outlet when the gazetteer knows it, else the name as written
/// (title-cased when shouted).
pub fn canonical_outlet(raw: &str) -> String {
    let raw = raw.trim();
    match Outlets::get().canonical(raw) {
        Some(c) => c.to_string(),
        None if raw.chars().all(|c| !c.is_lowercase()) => title_case(raw),
        None => raw.to_string(),
    }
}

fn month_number(word: &str) -> Option<u32> {
    static MONTHS: OnceLock<Vec<(u32, Vec<&'static str>)>> = OnceLock::new();
    let months = MONTHS.get_or_init(|| {
        MONTHS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (n, names) = l.split_once('\t')?;
                Some((n.parse().ok()?, names.split('|').collect()))
            })
            .collect()
    });
    let lower = word.to_lowercase();
    months
        .iter()
        .find(|(_, prefixes)| prefixes.iter().any(|p| lower.starts_with(p)))
        .map(|(n, _)| *n)
}

fn relay_patterns() -> &'static [(Regex, bool)] {
    static PATTERNS: OnceLock<Vec<(Regex, bool)>> = OnceLock::new();
    // The flag says whether the source must be a known outlet for the match to count: "reports
    // citing the ministry's press service" names a source, not an outlet.
    PATTERNS.get_or_init(|| {
        const NAME: &str =
            r"(?P<src>\p{Lu}[\p{L}\-]*(?:\s\p{Lu}[\p{L}\-]*)?|[a-z0-9.\-]+\.[a-z]{2,})";
        [
            (format!(r"\brefers? to {NAME}"), false),
            (format!(r"{NAME} has learned"), true),
            (format!(r"\bciting {NAME}"), true),
            (format!(r"\bcites {NAME}"), true),
            (format!(r"\baccording to {NAME}"), true),
            (format!(r"со ссылкой на {NAME}"), true),
            (format!(r"\bпередает {NAME}"), true),
        ]
        .into_iter()
        .map(|(p, known)| (Regex::new(&p).expect("relay pattern compiles"), known))
        .collect()
    })
}

/// Finds the outlet a story was relayed from, given the outlet that published it.
pub fn find_relay(paragraphs: &[String], outlet: Option<&str>) -> Option<Relay> {
    let mut found: Option<Relay> = None;
    for paragraph in paragraphs {
        for (re, must_be_known) in relay_patterns() {
            for c in re.captures_iter(paragraph) {
                let raw = c["src"].trim_end_matches('.');
                let known = Outlets::get().canonical(raw);
                if *must_be_known && known.is_none() {
                    continue;
                }
                let name = known.map_or_else(|| raw.to_string(), str::to_string);
                if Some(name.as_str()) == outlet {
                    continue;
                }
                let reference = (raw != name).then(|| raw.to_string());
                match &mut found {
                    None => {
                        found = Some(Relay {
                            outlet: name,
                            reference,
                        })
                    }
                    Some(r) if r.outlet == name && r.reference.is_none() => r.reference = reference,
                    Some(_) => {}
                }
            }
        }
    }
    found
}

/// Detects the language of a text from its script and common words. Returns an ISO 639-1
/// code, or "und" when the text gives no clear signal.
pub fn detect_language(text: &str) -> String {
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    let (mut uk, mut kk, mut be) = (0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        match c {
            'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' => cyrillic += 1,
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' => {
                cyrillic += 1;
                uk += 1;
            }
            'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'Ә' | 'Ғ' | 'Қ' | 'Ң' | 'Ө' | 'Ұ'
            | 'Ү' => {
                cyrillic += 1;
                kk += 1;
            }
            'ў' | 'Ў' => {
                cyrillic += 1;
                be += 1;
            }
            c if c.is_ascii_alphabetic() => latin += 1,
            _ => {}
        }
    }
    if cyrillic + latin < 20 {
        return "und".into();
    }
    if cyrillic > latin {
        // Ukrainian, Belarusian and Kazakh have letters Russian lacks; a few of them in
        // quoted names do not make a Russian text foreign, so ask for a share.
        let share = |n: usize| n * 200 > cyrillic;
        return if share(kk) {
            "kk"
        } else if share(be) && !share(uk) {
            "be"
        } else if share(uk) {
            "uk"
        } else {
            "ru"
        }
        .into();
    }
    latin_language(text)
}

/// Common words of the Latin-script languages told apart, as (word, language index).
const STOPWORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "with", "for", "is", "on", "that",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "mit", "den", "ist", "von", "zu", "nicht",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "du", "est", "pour", "une", "dans",
        ],
    ),
    (
        "pl",
        &[
            "i", "w", "na", "się", "nie", "z", "do", "że", "jest", "oraz",
        ],
    ),
    (
        "tr",
        &[
            "ve", "bir", "bu", "ile", "için", "da", "de", "olarak", "çok", "en",
        ],
    ),
];

fn stopword_index() -> &'static HashMap<&'static str, Vec<usize>> {
    static INDEX: OnceLock<HashMap<&'static str, Vec<usize>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, (_, words)) in STOPWORDS.iter().enumerate() {
            for w in *words {
                m.entry(*w).or_default().push(i);
            }
        }
        m
    })
}

fn latin_language(text: &str) -> String {
    let index = stopword_index();
    let mut hits = [0usize; STOPWORDS.len()];
    let mut total = 0usize;
    let mut buf = String::new();
    // The first 600 words tell the language. Stopwords are short, so longer words are only
    // counted, never lower-cased.
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(600)
    {
        total += 1;
        if word.len() > 7 {
            continue;
        }
        buf.clear();
        if word.is_ascii() {
            buf.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        if let Some(langs) = index.get(buf.as_str()) {
            for &i in langs {
                hits[i] += 1;
            }
        }
    }
    let (best, &n) = hits
        .iter()
        .enumerate()
        .max_by_key(|&(_, n)| *n)
        .expect("stopword table is not empty");
    if n * 20 >= total.max(1) {
        STOPWORDS[best].0.to_string()
    } else {
        "und".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(s: &str) -> (String, Option<String>, Option<String>) {
        let d = parse_dateline(s).unwrap_or_else(|| panic!("no dateline in {s:?}"));
        (d.place, d.outlet, d.date.map(PublishedDate::to_iso))
    }

    #[test]
    fn reads_every_dateline_style() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            dl("BREST. KAZINFORM - The"),
            ("Brest".into(), s("Kazinform"), None)
        );
        assert_eq!(
            dl("VITEBSK, 10 August (BelTA) - A"),
            ("Vitebsk".into(), s("BelTA"), s("--08-10"))
        );
        assert_eq!(
            dl("ALMATY, Oct 2 (Reuters) - A"),
            ("Almaty".into(), s("Reuters"), s("--10-02"))
        );
        assert_eq!(
            dl("БРЕСТ, 21 июня (БЕЛТА) – В"),
            ("Брест".into(), s("BelTA"), s("--06-21"))
        );
        assert_eq!(
            dl("MINSK, 5 March 2024 (BelTA) — A"),
            ("Minsk".into(), s("BelTA"), s("2024-03-05"))
        );
        assert_eq!(
            dl("TASHKENT, June 3 /UzA/ - A"),
            ("Tashkent".into(), s("UzA"), s("--06-03"))
        );
        assert_eq!(
            dl("NUR-SULTAN. KAZINFORM – A"),
            ("Nur-Sultan".into(), s("Kazinform"), None)
        );
        assert_eq!(
            dl("MOSCOW (Reuters) - A"),
            ("Moscow".into(), s("Reuters"), None)
        );
        assert_eq!(
            dl("NOVOSIBIRSK, April 23. /TASS/. The"),
            ("Novosibirsk".into(), s("TASS"), s("--04-23"))
        );
        assert_eq!(
            dl("ULAANBAATAR, June 11 (MONTSAME). A"),
            ("Ulaanbaatar".into(), s("MONTSAME"), s("--06-11"))
        );
        assert_eq!(
            dl("YEREVAN, OCTOBER 14, ARMENPRESS. A"),
            ("Yerevan".into(), s("Armenpress"), s("--10-14"))
        );
        assert_eq!(
            dl("БИШКЕК, 5 марта. /ТАСС/. В"),
            ("Бишкек".into(), s("TASS"), s("--03-05"))
        );
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for s in [
            "In turn, Deputy Chairman said - yes",
            "The visit. Then - no",
            "Brest. Kazinform - x",
        ] {
            assert_eq!(parse_dateline(s), None, "{s}");
        }
    }

    #[test]
    fn an_impossible_date_is_dropped_but_the_dateline_kept() {
        let d = parse_dateline("MINSK, 31 February (BelTA) - x").expect("still a dateline");
        assert_eq!(
            (d.place.as_str(), d.outlet.as_deref(), d.date),
            ("Minsk", Some("BelTA"), None)
        );
    }

    #[test]
    fn canonical_relay_keeps_the_domain_as_reference() {
        let p = vec![
            "BREST. KAZINFORM - Talks, BelTA has learned.".to_string(),
            "Kazinform refers to eng.belta.by.".to_string(),
        ];
        let r = find_relay(&p, Some("Kazinform")).expect("relay found");
        assert_eq!(
            r,
            Relay {
                outlet: "BelTA".into(),
                reference: Some("eng.belta.by".into())
            }
        );
    }

    #[test]
    fn an_outlet_citing_itself_or_a_press_service_is_no_relay() {
        let p =
            vec!["BelTA has learned. Trend reports citing the ministry's press service.".into()];
        assert_eq!(find_relay(&p, Some("BelTA")), None);
        let ru = vec!["Об этом сообщает Казинформ со ссылкой на БЕЛТА.".to_string()];
        assert_eq!(
            find_relay(&ru, Some("Kazinform")).map(|r| r.outlet),
            Some("BelTA".into())
        );
    }

    #[test]
    fn detects_english_and_russian() {
        assert_eq!(
            detect_language("The delegation met with the governor of the region."),
            "en"
        );
        assert_eq!(
            detect_language("Делегация Атырауской области находится в Бресте с визитом."),
            "ru"
        );
        assert_eq!(detect_language("12 34"), "und");
    }
}
