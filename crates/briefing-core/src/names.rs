//! Matching people's names across spellings and scripts: "Dyusembayev", "Dyussembayev" and
//! "Дюсембаев" are one person. A name is reduced to a key (Cyrillic transliterated, case and
//! diacritics folded, the usual variant spellings folded), and two keys match when they are
//! equal or nearly so.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

const CYRILLIC_LATIN: &str = include_str!("../data/cyrillic_latin.tsv");

fn transliteration() -> &'static HashMap<char, &'static str> {
    static T: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        CYRILLIC_LATIN
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (c, latin) = l.split_once('\t')?;
                Some((c.chars().next()?, latin))
            })
            .collect()
    })
}

/// The version of the rules below. Stores made with an older one recompute their keys on
/// open (`store::schema::rekey_names`); raise it whenever a key can change.
pub const KEY_VERSION: i64 = 2;

/// The matching key of a name: lower case, Latin letters only, variants folded.
/// Words keep their order; the key of "Gumar Dyusembayev" is "gumar dusembaev".
pub fn name_key(name: &str) -> String {
    let table = transliteration();
    let mut latin = String::with_capacity(name.len());
    for c in name.nfd().flat_map(char::to_lowercase) {
        if let Some(l) = table.get(&c) {
            latin.push_str(l);
        } else if c.is_ascii_alphabetic() || c == ' ' {
            latin.push(c);
        } else if c == '-' || c.is_whitespace() {
            latin.push(' ');
        }
        // Combining marks (diacritics after NFD), apostrophes and other signs are dropped.
    }
    latin
        .split_whitespace()
        .map(fold_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Folds the spellings transliterations disagree on: yu/iu/ju, ya/ia/ja, kh/h, zh/dzh/dj/j,
/// q/k, doubled consonants, -yev/-iev/-ev, y/i, o/a.
fn fold_word(w: &str) -> String {
    let mut s = w.to_string();
    for (from, to) in [
        // Kazakh and Uzbek Latin: "Jaksylykov" for Zhaksylykov (ж); "Tadjibaev" and
        // "Tojiboyev" (Таджибаев, Uzbek Тожибоев): дж written dj or j. Folded before "ja",
        // so that "Jasur" and "Жасур" agree.
        ("dzh", "j"),
        ("zh", "j"),
        ("dj", "j"),
        ("yu", "u"),
        ("iu", "u"),
        ("ju", "u"),
        ("ya", "a"),
        ("ia", "a"),
        ("ja", "a"),
        ("kh", "h"),
        // "Qodirov" for Kadirov (қ).
        ("q", "k"),
        ("yev", "ev"),
        ("iev", "ev"),
        ("ye", "e"),
    ] {
        s = s.replace(from, to);
    }
    s = s.replace('y', "i");
    // Uzbek Latin writes "o" where Russian spelling has "a" (Tojiboyev / Tadjibaev,
    // Abdurazzokov / Abdurazzakov).
    s = s.replace('o', "a");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if out.ends_with(c) && !"aeiou".contains(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// How alike two keys are, 0-1 (1 - edit distance / length of the longer).
pub fn key_similarity(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    1.0 - prev[b.len()] as f64 / longest as f64
}

/// Keys this alike are offered as the same person (the officer confirms).
pub const SAME_PERSON_THRESHOLD: f64 = 0.85;

/// Whether two names are probably the same person's: surnames alike, and first names alike
/// when both are given.
pub fn same_person(a: &str, b: &str) -> bool {
    same_keys(&name_key(a), &name_key(b))
}

/// [`same_person`] on keys already made by [`name_key`].
pub fn same_keys(ka: &str, kb: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (ka.split(' ').collect(), kb.split(' ').collect());
    let (Some(sa), Some(sb)) = (wa.last(), wb.last()) else {
        return false;
    };
    if sa.is_empty() || sb.is_empty() || key_similarity(sa, sb) < SAME_PERSON_THRESHOLD {
        return false;
    }
    match (wa.len() > 1, wb.len() > 1) {
        (true, true) => key_similarity(wa[0], wb[0]) >= SAME_PERSON_THRESHOLD,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_and_scripts_of_one_name_share_a_key() {
        assert_eq!(name_key("Dyusembayev"), name_key("Dyussembayev"));
        assert_eq!(name_key("Dyusembayev"), name_key("Дюсембаев"));
        assert_eq!(name_key("Serkov"), name_key("Серков"));
        assert_eq!(name_key("Kholmuradov"), name_key("Holmuradov"));
        assert_eq!(name_key("Kholmuradov"), name_key("Холмурадов"));
        assert_eq!(name_key("Gumar Dyusembayev"), "gumar dusembaev");
        assert_eq!(name_key("Jasur Tojiboyev"), name_key("Jasur Tadjibaev"));
        assert_eq!(name_key("Jasur Tojiboyev"), name_key("Жасур Тожибоев"));
        assert_eq!(name_key("Ömer Çelik"), name_key("Omer Celik"));
        assert_eq!(name_key("Семёнов"), name_key("Семенов"));
    }

    #[test]
    fn same_person_allows_small_differences_but_not_other_names() {
        assert!(same_person("Gumar Dyusembayev", "Гумар Дюсембаев"));
        assert!(
            same_person("Dyussembayev", "Gumar Dyusembayev"),
            "a surname alone matches the full name"
        );
        assert!(same_person("Mikhail Serkov", "Михаил Серков"));
        assert!(same_person("Erkin Kholmuradov", "Erkin Holmuradov"));
        assert!(same_person("Daniyar Zhaksylykov", "Daniyar Jaksylykov"));
        assert!(same_person("Bobur Qodirov", "Bobur Kadirov"));
        assert!(!same_person("Mikhail Serkov", "Mikhail Sorokin"));
        assert!(
            !same_person("Gumar Dyusembayev", "Nurlan Dyusembayev"),
            "another first name is another person"
        );
        assert!(!same_person("Serkov", ""));
    }
}
