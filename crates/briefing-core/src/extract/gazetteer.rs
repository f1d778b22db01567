//! The extraction gazetteers, read from the data files under `data/`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const TITLES: &str = include_str!("../../data/titles.txt");
const MODIFIERS: &str = include_str!("../../data/title_modifiers.txt");
const REGIONS: &str = include_str!("../../data/regions.tsv");
const NOT_PEOPLE: &str = include_str!("../../data/not_people.txt");
const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.txt");

pub struct Gazetteer {
    /// Titles as word sequences ("Prime Minister" -> ["Prime", "Minister"]), longest first.
    pub titles: Vec<Vec<String>>,
    pub modifiers: Vec<Vec<String>>,
    /// Titles whose "of ..." is a portfolio, part of the title ("Minister of Agriculture").
    pub portfolio_titles: HashSet<String>,
    /// Region, city, country or demonym (first word of a place name) -> country.
    pub country_of: HashMap<String, String>,
    /// Demonyms and possessives ("Kazakh", "Belarus's"), which name a country's people or
    /// things but are not places themselves.
    pub demonyms: HashSet<String>,
    pub not_people: HashSet<String>,
    /// Verbs of saying, English and Russian.
    pub speech_verbs: HashSet<String>,
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
            let mut titles: Vec<Vec<String>> = lines(TITLES)
                .map(|l| {
                    let (title, mark) = l.split_once('|').unwrap_or((l, ""));
                    if mark.trim() == "portfolio" {
                        portfolio_titles.insert(title.trim().to_string());
                    }
                    words(title)
                })
                .collect();
            titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
            let mut modifiers: Vec<Vec<String>> = lines(MODIFIERS).map(words).collect();
            modifiers.sort_by_key(|t| std::cmp::Reverse(t.len()));
            let mut country_of = HashMap::new();
            let mut demonyms = HashSet::new();
            for line in lines(REGIONS) {
                let mut cols = line.split('\t');
                let country = cols.next().unwrap_or("").to_string();
                country_of.insert(country.clone(), country.clone());
                if let Some(d) = line.split('\t').nth(1) {
                    demonyms.extend(d.split('|').filter(|n| !n.is_empty()).map(str::to_string));
                }
                for col in cols {
                    for name in col.split('|').filter(|n| !n.is_empty()) {
                        country_of.insert(name.to_string(), country.clone());
                    }
                }
            }
            let not_people = lines(NOT_PEOPLE).map(str::to_string).collect();
            let speech_verbs = lines(SPEECH_VERBS).map(str::to_string).collect();
            Gazetteer {
                titles,
                modifiers,
                portfolio_titles,
                country_of,
                demonyms,
                not_people,
                speech_verbs,
            }
        })
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
