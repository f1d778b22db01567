//! The extraction gazetteers, read from the data files under `data/`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const TITLES: &str = include_str!("../../data/titles.txt");
const MODIFIERS: &str = include_str!("../../data/title_modifiers.txt");
const REGIONS: &str = include_str!("../../data/regions.tsv");
const NOT_PEOPLE: &str = include_str!("../../data/not_people.txt");
const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.txt");
const PLACE_TYPES: &str = include_str!("../../data/place_types.txt");
const ROLE_NOUNS: &str = include_str!("../../data/role_nouns.tsv");
const COMPANY_WORDS: &str = include_str!("../../data/company_words.txt");
const PORTFOLIO_FIELDS: &str = include_str!("../../data/portfolio_fields.txt");

pub struct Gazetteer {
    /// Titles as word sequences ("Prime Minister" -> ["Prime", "Minister"]), longest first.
    pub titles: Vec<Vec<String>>,
    pub modifiers: Vec<Vec<String>>,
    /// Titles whose "of ..." is a portfolio, part of the title ("Minister of Agriculture"),
    /// lower-cased.
    pub portfolio_titles: HashSet<String>,
    /// Titles whose "of ..." is the sending state ("Ambassador of Azerbaijan"), lower-cased.
    pub sent_titles: HashSet<String>,
    /// Titles whose "of ..." names the one the holder represents, part of the title, and
    /// whose "in ..." names the territory, the organisation ("Plenipotentiary Representative
    /// of the President of the Kyrgyz Republic in Talas Region"), lower-cased.
    pub principal_titles: HashSet<String>,
    /// Region, city, country or demonym (first word of a place name) -> country.
    pub country_of: HashMap<String, String>,
    /// Demonyms and possessives ("Kazakh", "Belarus's"), which name a country's people or
    /// things but are not places themselves.
    pub demonyms: HashSet<String>,
    /// Names of countries and their demonyms and possessives only ("Kazakh", "France's"):
    /// a country on its own is never an organisation.
    pub nations: HashSet<String>,
    /// Words that close a territory's name ("Oblast", "Krai"), as word sequences.
    pub place_types: Vec<Vec<String>>,
    /// Role nouns ("diplomat", "дипломат") and the lower-case titles whose holder they name.
    pub role_nouns: Vec<(String, Vec<String>)>,
    pub not_people: HashSet<String>,
    /// Words that close a company's name ("Group", "LLC").
    pub company_words: HashSet<String>,
    /// Verbs of saying, English and Russian.
    pub speech_verbs: HashSet<String>,
    /// Fields of portfolios ("Trade", "Economy"), which no name contains.
    pub portfolio_fields: HashSet<String>,
}

fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

impl Gazetteer {
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let mut portfolio_titles = HashSet::new();
            let mut sent_titles = HashSet::new();
            let mut principal_titles = HashSet::new();
            let mut titles: Vec<Vec<String>> = lines(TITLES)
                .map(|l| {
                    let (title, mark) = l.split_once('|').unwrap_or((l, ""));
                    match mark.trim() {
                        "portfolio" => portfolio_titles.insert(title.trim().to_lowercase()),
                        "sent" => sent_titles.insert(title.trim().to_lowercase()),
                        "principal" => principal_titles.insert(title.trim().to_lowercase()),
                        _ => false,
                    };
                    words(title)
                })
                .collect();
            titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
            let mut modifiers: Vec<Vec<String>> = lines(MODIFIERS).map(words).collect();
            modifiers.sort_by_key(|t| std::cmp::Reverse(t.len()));
            let mut country_of = HashMap::new();
            let mut demonyms = HashSet::new();
            let mut nations = HashSet::new();
            for line in lines(REGIONS) {
                let mut cols = line.split('\t');
                let country = cols.next().unwrap_or("").to_string();
                country_of.insert(country.clone(), country.clone());
                nations.insert(country.clone());
                for (k, col) in cols.enumerate() {
                    for name in col.split('|').filter(|n| !n.is_empty()) {
                        country_of.insert(name.to_string(), country.clone());
                        if k == 0 {
                            nations.insert(name.to_string());
                            demonyms.insert(name.to_string());
                        }
                    }
                }
            }
            let mut place_types: Vec<Vec<String>> = lines(PLACE_TYPES).map(words).collect();
            place_types.sort_by_key(|t| std::cmp::Reverse(t.len()));
            let role_nouns = lines(ROLE_NOUNS)
                .filter_map(|l| l.split_once('\t'))
                .map(|(role, titles)| {
                    (
                        role.to_string(),
                        titles.split('|').map(|t| t.trim().to_lowercase()).collect(),
                    )
                })
                .collect();
            let not_people = lines(NOT_PEOPLE).map(str::to_string).collect();
            let company_words = lines(COMPANY_WORDS).map(str::to_string).collect();
            let speech_verbs = lines(SPEECH_VERBS).map(str::to_string).collect();
            Gazetteer {
                titles,
                modifiers,
                portfolio_titles,
                sent_titles,
                principal_titles,
                country_of,
                demonyms,
                nations,
                place_types,
                role_nouns,
                not_people,
                company_words,
                speech_verbs,
                portfolio_fields: lines(PORTFOLIO_FIELDS).map(str::to_string).collect(),
            }
        })
    }

    /// A title without the modifiers in front of it, lower-cased: "First Deputy Minister" ->
    /// "minister", "deputy prime minister" -> "prime minister". A title that is only
    /// modifiers ("Deputy") stays whole.
    pub fn title_head(&self, title: &str) -> String {
        let words: Vec<&str> = title.split_whitespace().collect();
        let mut i = 0;
        'modifiers: loop {
            for m in &self.modifiers {
                if m.len() < words.len() - i
                    && m.iter()
                        .zip(&words[i..])
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
                {
                    i += m.len();
                    continue 'modifiers;
                }
            }
            break;
        }
        words[i..].join(" ").to_lowercase()
    }

    /// Whether a word alone closes a territory's name ("Region", "Voivodeship").
    pub fn is_place_type(&self, word: &str) -> bool {
        self.place_types
            .iter()
            .any(|t| t.len() == 1 && t[0] == word)
    }

    /// Whether a title's "of ..." is its portfolio ("Minister", "deputy minister").
    pub fn is_portfolio(&self, title: &str) -> bool {
        self.portfolio_titles.contains(&self.title_head(title))
    }

    /// Whether a title's "of ..." is the state that sent its holder ("Ambassador").
    pub fn is_sent(&self, title: &str) -> bool {
        self.sent_titles.contains(&self.title_head(title))
    }

    /// Whether a title's "of ..." is whom its holder represents ("Representative").
    pub fn is_principal(&self, title: &str) -> bool {
        self.principal_titles.contains(&self.title_head(title))
    }

    /// The country a name of a country, demonym or possessive stands for ("Kazakh",
    /// "South Korea's"); None for regions and cities.
    pub fn nation(&self, word: &str) -> Option<String> {
        let w = word.trim();
        let bare = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        [w, bare]
            .into_iter()
            .find(|x| self.nations.contains(*x))
            .and_then(|x| self.country_of.get(x).cloned())
    }

    /// The titles a role noun refers to: "diplomat" and "дипломатом" -> ambassador, consul...
    pub fn role_titles(&self, word: &str) -> Option<&[String]> {
        let w = word.to_lowercase();
        self.role_nouns
            .iter()
            .find(|(role, _)| {
                w.starts_with(role.as_str()) && w.chars().count() <= role.chars().count() + 2
            })
            .map(|(_, titles)| titles.as_slice())
    }

    /// The first word of `text`, past spaces and commas.
    pub fn first_word(text: &str) -> &str {
        text.trim_start_matches([',', ' '])
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
    }

    /// Whether `text` (what follows a quote or a name) opens with a verb of saying.
    pub fn speech_verb_starts(&self, text: &str) -> bool {
        self.speech_verbs.contains(Gazetteer::first_word(text))
    }

    /// The country a place or organisation name points to: "Atyrau Oblast" -> Kazakhstan,
    /// "Brest Oblast Executive Committee" -> Belarus, "Kazakhstan's" -> Kazakhstan.
    pub fn country_in(&self, name: &str) -> Option<String> {
        let words: Vec<&str> = name.split_whitespace().collect();
        for n in (1..=words.len().min(3)).rev() {
            for start in 0..=words.len() - n {
                let candidate = words[start..start + n].join(" ");
                if let Some(c) = self
                    .country_of
                    .get(candidate.trim_end_matches(['\'', '’', ',']))
                {
                    return Some(c.clone());
                }
            }
        }
        None
    }
}
