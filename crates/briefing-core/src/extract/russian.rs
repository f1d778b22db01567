//! Russian wire copy: titles in lower case before names, and both in any grammatical case
//! ("встретился с первым заместителем акима области Гумаром Дюсембаевым"). Names and the
//! head of the title are reduced to the nominative ("Гумар Дюсембаев", "первый заместитель
//! акима"); the words after the head are already genitive and stay as written.

use std::sync::OnceLock;

use super::Span;
use super::gazetteer::Gazetteer;
use super::people::{Person, Tok, add_person, sort_spans, tokens};

const TITLES_RU: &str = include_str!("../../data/titles_ru.txt");
const REGIONS_RU: &str = include_str!("../../data/regions_ru.tsv");

fn titles() -> &'static [(String, String)] {
    static T: OnceLock<Vec<(String, String)>> = OnceLock::new();
    T.get_or_init(|| {
        TITLES_RU
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                l.split_once('\t')
                    .map(|(a, b)| (a.to_string(), b.to_string()))
            })
            .collect()
    })
}

/// The country whose Russian name, region or city a word begins with.
pub(super) fn country_ru(word: &str) -> Option<String> {
    static R: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let table = R.get_or_init(|| {
        REGIONS_RU
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .flat_map(|(country, stems)| {
                stems
                    .split('|')
                    .map(move |s| (s.to_string(), country.to_string()))
            })
            .collect()
    });
    table
        .iter()
        .find(|(stem, _)| word.starts_with(stem.as_str()))
        .map(|(_, c)| c.clone())
}

fn is_cyrillic_capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() && ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Surname endings of the Russian, Kazakh, Uzbek, Belarusian and Ukrainian names of wire copy.
fn looks_like_surname(w: &str) -> bool {
    const STEMS: &[&str] = &[
        "ов",
        "ев",
        "ёв",
        "ин",
        "ын",
        "ск",
        "цк",
        "ко",
        "ук",
        "юк",
        "ич",
        "ян",
        "дзе",
        "швили",
        "ли",
        "ец",
        "ай",
    ];
    let base = nominative_surname(w, None).0;
    is_cyrillic_capitalised(w)
        && STEMS.iter().any(|s| {
            base.ends_with(s)
                || base.trim_end_matches('а').ends_with(s)
                || base.ends_with("ская")
                || base.ends_with("ий")
        })
}

/// Reduces a surname to the nominative; returns it and whether it is a woman's form.
/// `female` is the gender when known from the first name.
pub(super) fn nominative_surname(w: &str, female: Option<bool>) -> (String, bool) {
    for stem in ["ов", "ев", "ёв", "ин", "ын"] {
        for (ending, fem) in [
            ("ой", true),
            ("ую", true),
            ("ым", false),
            ("ом", false),
            ("у", female.unwrap_or(false)),
            ("е", false),
            ("а", female.unwrap_or(false)),
        ] {
            if let Some(base) = w.strip_suffix(ending).filter(|b| b.ends_with(stem)) {
                return if fem {
                    (format!("{base}а"), true)
                } else {
                    (base.to_string(), false)
                };
            }
        }
        if w.ends_with(stem) {
            return (w.to_string(), false);
        }
    }
    for (ending, nominative, fem) in [
        ("ского", "ский", false),
        ("скому", "ский", false),
        ("ским", "ский", false),
        ("ском", "ский", false),
        ("ской", "ская", true),
        ("скую", "ская", true),
        ("ская", "ская", true),
    ] {
        if let Some(base) = w.strip_suffix(ending) {
            return (format!("{base}{nominative}"), fem);
        }
    }
    // Surnames ending in a consonant decline like nouns (Жук, Жука, Жуком; Ковальчук,
    // Ковальчуку; Шинкевич, Шинкевичем) — for men; women's do not change.
    if female != Some(true) {
        for ending in ["ем", "ом", "а", "у", "е"] {
            if let Some(base) = w.strip_suffix(ending).filter(|b| {
                b.ends_with(|c: char| "бвгджзклмнпрстфхцчшщ".contains(c)) && b.chars().count() >= 3
            }) {
                return (base.to_string(), false);
            }
        }
    }
    (w.to_string(), female.unwrap_or(false))
}

/// Reduces a first name to the nominative; returns it and whether it is a woman's name, when
/// the form tells.
pub(super) fn nominative_first(w: &str) -> (String, Option<bool>) {
    if let Some(base) = w.strip_suffix("ей").filter(|b| b.ends_with(['ь'])) {
        return (format!("{base}я"), Some(true)); // Натальей -> Наталья
    }
    for (ending, nominative, fem) in [
        ("ой", "а", Some(true)),
        ("ем", "й", Some(false)),
        ("ием", "ий", Some(false)),
        ("ом", "", Some(false)),
        ("ой", "а", Some(true)),
        ("ию", "ий", Some(false)),
        ("ия", "ий", Some(false)),
        ("ея", "ей", Some(false)),
        ("ею", "ей", Some(false)),
    ] {
        if let Some(base) = w.strip_suffix(ending).filter(|b| b.chars().count() >= 2) {
            if ending == "ем" && base.ends_with('и') {
                continue;
            }
            return (format!("{base}{nominative}"), fem);
        }
    }
    if let Some(base) = w.strip_suffix('а').filter(|b| {
        b.ends_with(|c: char| "бвгджзклмнпрстфхцчшщ".contains(c)) && b.chars().count() >= 3
    }) {
        // "Михаила", "Ерлана": a man's name in the genitive, unless it is a woman's name
        // in the nominative ("Анна", "Елена", "Айгуль" does not end in -а).
        const WOMEN: &[&str] = &[
            "Анна",
            "Елена",
            "Ольга",
            "Ирина",
            "Марина",
            "Светлана",
            "Татьяна",
            "Галина",
            "Людмила",
            "Дилноза",
            "Зарина",
            "Гульнара",
            "Динара",
            "Алина",
            "Кристина",
            "Жанна",
            "Инна",
            "Оксана",
            "Диана",
        ];
        return if WOMEN.contains(&w) {
            (w.to_string(), Some(true))
        } else {
            (base.to_string(), Some(false))
        };
    }
    (w.to_string(), None)
}

/// The nominative of the first words of a title phrase ("первым заместителем" ->
/// "первый заместитель"); the genitive words after the head stay.
fn nominative_title(words: &[&str]) -> String {
    let mut out = Vec::new();
    let mut head_done = false;
    for w in words {
        if head_done {
            out.push((*w).to_string());
            continue;
        }
        if let Some((nom, _)) = titles()
            .iter()
            .find(|(_, stem)| w.starts_with(stem.as_str()))
        {
            out.push(nom.clone());
            head_done = true;
        } else if w.starts_with("перв") {
            out.push("первый".into());
        } else if w.starts_with("вице") {
            out.push((*w).into());
        } else {
            out.push((*w).to_string());
        }
    }
    out.join(" ")
}

fn is_title_word(w: &str) -> bool {
    let lw = w.to_lowercase();
    titles()
        .iter()
        .any(|(_, stem)| lw.starts_with(stem.as_str()))
}

/// People in Russian paragraphs: a capitalised first name and surname, preceded in the same
/// clause by a title, or followed by a verb of saying.
pub(super) fn find_people_ru(paragraphs: &[String]) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let mut singles: Vec<(String, Span)> = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let toks = tokens(p);
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            let pair = toks.get(i + 1).filter(|n| {
                p[t.end..n.start].trim().is_empty()
                    && is_cyrillic_capitalised(t.text)
                    && looks_like_surname(n.text)
            });
            let Some(n) = pair.copied() else {
                if is_cyrillic_capitalised(t.text)
                    && !p[..t.start].trim_end().ends_with(['.', '!', '?'])
                    && i > 0
                {
                    singles.push((
                        t.text.to_string(),
                        Span {
                            paragraph: pi,
                            start: t.start,
                            end: t.end,
                            text: t.text.to_string(),
                        },
                    ));
                }
                i += 1;
                continue;
            };
            // The clause before the name: back to the last punctuation, at most 8 words.
            let clause_start = (0..i)
                .rev()
                .take(8)
                .take_while(|&k| {
                    !p[toks[k].end..toks[k + 1].start]
                        .contains([',', '.', ';', ':', '–', '—', '«', '»', '"'])
                })
                .last()
                .unwrap_or(i);
            let before: Vec<Tok<'_>> = toks[clause_start..i].to_vec();
            let head = before.iter().position(|b| {
                is_title_word(b.text)
                    || b.text.starts_with("перв") && before.iter().any(|x| is_title_word(x.text))
            });
            let after = &p[n.end..];
            let speaks = Gazetteer::get().speech_verb_starts(after);
            if head.is_none() && !speaks {
                i += 1;
                continue;
            }
            let (first, female) = nominative_first(t.text);
            let (surname, _) = nominative_surname(n.text, female);
            let name = format!("{first} {surname}");
            let mut title = None;
            let mut organisation = None;
            let mut country = None;
            if let Some(h) = head {
                let phrase = &before[h..];
                // A title opening the sentence is capitalised ("Заместитель председателя").
                let words: Vec<String> = phrase
                    .iter()
                    .enumerate()
                    .map(|(k, x)| {
                        if k == 0 && is_title_word(x.text) {
                            x.text.to_lowercase()
                        } else {
                            x.text.to_string()
                        }
                    })
                    .collect();
                let lower: Vec<&str> = words
                    .iter()
                    .map(String::as_str)
                    .take_while(|x| !is_cyrillic_capitalised(x))
                    .collect();
                title = Some(nominative_title(&lower));
                let caps: Vec<&str> = words
                    .iter()
                    .map(String::as_str)
                    .skip(lower.len())
                    .filter(|x| is_cyrillic_capitalised(x))
                    .collect();
                if !caps.is_empty() {
                    organisation = Some(caps.join(" "));
                }
                country = phrase.iter().find_map(|x| country_ru(x.text));
            }
            // The span runs from the title (when there is one) to the end of the name.
            let start = head.map_or(t.start, |h| before[h].start);
            let sp = Span {
                paragraph: pi,
                start,
                end: n.end,
                text: p[start..n.end].to_string(),
            };
            let confidence = if head.is_some() { 0.85 } else { 0.6 };
            add_person(
                &mut people,
                Person {
                    name,
                    surname,
                    title,
                    organisation,
                    country,
                    spans: vec![sp],
                    quotes: vec![],
                    confidence,
                },
            );
            i += 2;
        }
    }
    // A surname alone, in any case: "Серкова", "Токаеву".
    for (word, sp) in singles {
        let reduced = nominative_surname(&word, None).0;
        if let Some(person) = people.iter_mut().find(|x| {
            x.surname == word
                || x.surname == reduced
                || x.surname.trim_end_matches('а') == reduced.trim_end_matches('а')
        }) {
            person.spans.push(sp);
        }
    }
    sort_spans(&mut people);
    people
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        find_people_ru(&[text.to_string()])
            .into_iter()
            .map(|p| (p.name, p.title, p.country))
            .collect()
    }

    #[test]
    fn oblique_cases_reduce_to_the_nominative() {
        let got = found(
            "Делегация встретилась с первым заместителем акима Атырауской области Гумаром Дюсембаевым в Бресте.",
        );
        assert_eq!(
            got,
            vec![(
                "Гумар Дюсембаев".into(),
                Some("первый заместитель акима".into()),
                Some("Kazakhstan".into())
            )]
        );
        let got = found(
            "Заместитель председателя Брестского облисполкома Михаил Серков сообщил о проектах.",
        );
        assert_eq!(
            got,
            vec![(
                "Михаил Серков".into(),
                Some("заместитель председателя".into()),
                Some("Belarus".into())
            )]
        );
        let got = found(
            "Об этом сообщила первый заместитель председателя правительства Саратовской области Натальей Бородиной.",
        );
        assert_eq!(got[0].0, "Наталья Бородина");
    }

    #[test]
    fn surnames_and_first_names() {
        assert_eq!(nominative_surname("Токаева", Some(false)).0, "Токаев");
        assert_eq!(
            nominative_surname("Мукашевой", None),
            ("Мукашева".into(), true)
        );
        assert_eq!(
            nominative_surname("Кучинская", None),
            ("Кучинская".into(), true)
        );
        assert_eq!(nominative_first("Ерлана"), ("Ерлан".into(), Some(false)));
        assert_eq!(nominative_first("Анна"), ("Анна".into(), Some(true)));
        assert_eq!(nominative_first("Виталием").0, "Виталий");
        assert_eq!(nominative_first("Андреем").0, "Андрей");
    }
}
