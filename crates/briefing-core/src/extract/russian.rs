//! Russian wire copy: titles in lower case before names, and both in any grammatical case
//! ("встретился с первым заместителем акима области Гумаром Дюсембаевым"). Names and the
//! head of the title are reduced to the nominative ("Гумар Дюсембаев", "первый заместитель
//! акима"), and so is the organisation after it ("Атырауской области" -> "Атырауская
//! область"), from the nouns listed in `data/org_nouns_ru.tsv`.

use std::sync::OnceLock;

use super::Span;
use super::gazetteer::Gazetteer;
use super::people::{Person, Tok, add_person, sort_spans, tokens};

const TITLES_RU: &str = include_str!("../../data/titles_ru.txt");
const REGIONS_RU: &str = include_str!("../../data/regions_ru.tsv");
const ORG_NOUNS_RU: &str = include_str!("../../data/org_nouns_ru.tsv");

/// A Russian title: its nominative, the stem of all its forms and its kind ("portfolio",
/// "sent" or "").
struct TitleRu {
    nominative: String,
    stem: String,
    kind: String,
}

fn data_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

fn titles() -> &'static [TitleRu] {
    static T: OnceLock<Vec<TitleRu>> = OnceLock::new();
    T.get_or_init(|| {
        data_lines(TITLES_RU)
            .filter(|l| !l.starts_with('-'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some(TitleRu {
                    nominative: cols.next()?.to_string(),
                    stem: cols.next()?.to_string(),
                    kind: cols.next().unwrap_or("").trim().to_string(),
                })
            })
            .collect()
    })
}

/// Words that begin like a title but are not one ("после" is not "посол"); entries longer
/// than four letters also exclude every word they begin ("акимат", "акимате").
fn not_titles() -> &'static [String] {
    static T: OnceLock<Vec<String>> = OnceLock::new();
    T.get_or_init(|| {
        data_lines(TITLES_RU)
            .filter_map(|l| l.strip_prefix('-'))
            .map(|w| w.trim().to_string())
            .collect()
    })
}

/// A noun that heads the name of a body ("область", "облисполком").
struct OrgNoun {
    nominative: String,
    genitive: String,
    gender: char,
    /// "хокима города Ташкента": the kind of place is dropped, the name stays.
    drop: bool,
}

fn org_nouns() -> &'static [OrgNoun] {
    static N: OnceLock<Vec<OrgNoun>> = OnceLock::new();
    N.get_or_init(|| {
        let mut nouns: Vec<OrgNoun> = data_lines(ORG_NOUNS_RU)
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some(OrgNoun {
                    nominative: cols.next()?.to_string(),
                    genitive: cols.next()?.to_string(),
                    gender: cols.next()?.trim().chars().next()?,
                    drop: cols.next().is_some_and(|c| c.trim() == "drop"),
                })
            })
            .collect();
        // "облисполкома" before "исполкома".
        nouns.sort_by_key(|n| std::cmp::Reverse(n.genitive.chars().count()));
        nouns
    })
}

/// (stem, country, whether the stem names the state itself rather than a region or city).
fn places_ru() -> &'static [(String, String, bool)] {
    static R: OnceLock<Vec<(String, String, bool)>> = OnceLock::new();
    R.get_or_init(|| {
        data_lines(REGIONS_RU)
            .flat_map(|l| {
                let mut cols = l.split('\t');
                let country = cols.next().unwrap_or("").to_string();
                cols.enumerate().flat_map(move |(k, stems)| {
                    let country = country.clone();
                    stems
                        .split('|')
                        .filter(|s| !s.is_empty())
                        .map(move |s| (s.to_string(), country.clone(), k == 0))
                })
            })
            .collect()
    })
}

/// The country a word names as a state ("Казахстана", "китайской"), not as a region.
fn state_ru(word: &str) -> Option<String> {
    // The states' stems in lower case, made once (this runs for every capitalised word).
    static STATES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let states = STATES.get_or_init(|| {
        places_ru()
            .iter()
            .filter(|(_, _, state)| *state)
            .map(|(stem, c, _)| (stem.to_lowercase(), c.clone()))
            .collect()
    });
    let w = word.to_lowercase();
    states
        .iter()
        .find(|(stem, _)| w.starts_with(stem.as_str()))
        .map(|(_, c)| c.clone())
}

/// The country whose Russian name, region or city a word begins with; a state's adjective
/// counts in lower case too ("китайского города Урумчи").
pub(super) fn country_ru(word: &str) -> Option<String> {
    places_ru()
        .iter()
        .find(|(stem, _, _)| word.starts_with(stem.as_str()))
        .map(|(_, c, _)| c.clone())
        .or_else(|| state_ru(word))
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
    if let Some(base) = w.strip_suffix("ьи").filter(|b| b.chars().count() >= 2) {
        return (format!("{base}ья"), Some(true)); // Натальи -> Наталья
    }
    // "Игорем" -> Игорь: after a consonant the instrumental -ем is of a soft sign.
    if let Some(base) = w.strip_suffix("ем").filter(|b| {
        b.chars().count() >= 3 && b.ends_with(|c: char| "рлнмдтсзвбпгкхфжшчщц".contains(c))
    }) {
        return (format!("{base}ь"), Some(false));
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

/// A modifier that stands before a title: "первый", "генеральный" in any case, in the
/// nominative.
fn title_modifier(w: &str) -> Option<&'static str> {
    let lw = w.to_lowercase();
    if lw.starts_with("перв") {
        Some("первый")
    } else if lw.starts_with("генеральн") {
        Some("генеральный")
    } else if lw.starts_with("полномочн") {
        Some("полномочный")
    } else {
        None
    }
}

/// The title a word is a form of ("заместителем" -> заместитель).
fn title_of(w: &str) -> Option<&'static TitleRu> {
    let lw = w.to_lowercase();
    // Whole words ("после") or the beginnings of a word's forms ("акимат" for "акимате").
    if not_titles()
        .iter()
        .any(|n| lw == *n || n.chars().count() > 4 && lw.starts_with(n.as_str()))
    {
        return None;
    }
    titles().iter().find(|t| lw.starts_with(t.stem.as_str()))
}

fn is_title_word(w: &str) -> bool {
    title_of(w).is_some()
}

/// A title phrase read: the title in the nominative, the organisation in the nominative and
/// the state it names.
#[derive(Debug, PartialEq)]
struct TitlePhrase {
    title: String,
    organisation: Option<String>,
    country: Option<String>,
}

/// Reads the words from a title to the name:
/// - "первым заместителем председателя правительства Саратовской области": modifiers and
///   the head in the nominative, one title in the genitive after it ("первый заместитель
///   председателя"), then the body, reduced to the nominative ("правительство Саратовской
///   области");
/// - "вице-министром культуры и информации Казахстана": a portfolio's lower-case words are
///   part of the title; a state alone is the country, not an organisation;
/// - "посла Казахстана в Беларуси": an ambassador has no organisation.
fn read_title_phrase(words: &[&str]) -> TitlePhrase {
    let mut out = Vec::new();
    let mut k = 0;
    let mut head = None;
    while k < words.len() {
        let w = words[k];
        k += 1;
        if let Some(t) = title_of(w) {
            out.push(t.nominative.clone());
            head = Some(t);
            break;
        }
        out.push(title_modifier(w).map_or_else(|| w.to_lowercase(), str::to_string));
    }
    let mut portfolio = head.is_some_and(|t| t.kind == "portfolio");
    let sent = head.is_some_and(|t| t.kind == "sent");
    // "заместитель председателя", "первый заместитель министра промышленности",
    // "заместитель полномочного представителя президента": titles in the genitive after
    // the head, each with its modifier.
    loop {
        let modifier = words
            .get(k)
            .filter(|w| !is_cyrillic_capitalised(w) && title_modifier(w).is_some());
        let at = k + usize::from(modifier.is_some());
        let Some(w) = words.get(at).filter(|w| !is_cyrillic_capitalised(w)) else {
            break;
        };
        let Some(t) = title_of(w) else { break };
        portfolio |= t.kind == "portfolio";
        if let Some(m) = modifier {
            out.push((*m).to_string());
        }
        out.push((*w).to_string());
        k = at + 1;
    }
    // "председатель правления", "председатель совета директоров": the board is part of
    // the title.
    for board in [
        &["совета", "директоров"][..],
        &["наблюдательного", "совета"],
        &["правления"],
    ] {
        if words.get(k..k + board.len()) == Some(board) {
            out.extend(board.iter().map(|w| w.to_string()));
            k += board.len();
            break;
        }
    }
    // "директор по экспорту": the field after "по" is part of the title.
    if words.get(k) == Some(&"по")
        && let Some(w) = words.get(k + 1).filter(|w| !is_cyrillic_capitalised(w))
    {
        out.push("по".to_string());
        out.push((*w).to_string());
        k += 2;
    }
    // Words that point back to a body named elsewhere ("связей региона", "правительства
    // края"): the delegation's or the article's body, not a name.
    const POINTERS: &[&str] = &["региона", "края", "области", "республики", "города"];
    if portfolio {
        while let Some(w) = words
            .get(k)
            .filter(|w| !is_cyrillic_capitalised(w) && !POINTERS.contains(w))
        {
            out.push((*w).to_string());
            k += 1;
        }
    }
    // "заместителем председателя правительства региона": the government is part of the
    // title when its region is only pointed at.
    if let [gov, pointer] = &words[k..]
        && *gov == "правительства"
        && POINTERS.contains(pointer)
    {
        out.push((*gov).to_string());
        k = words.len();
    }
    if words[k..].len() == 1 && POINTERS.contains(&words[k]) {
        k = words.len();
    }
    let mut rest = &words[k..];
    // "полномочный представитель президента в Иссык-Кульской области": the territory
    // served, without its preposition.
    if !sent && rest.first().is_some_and(|w| matches!(*w, "в" | "во")) {
        rest = &rest[1..];
    }
    // "посла Венгрии в Казахстане": an ambassador's state comes before the host.
    let sender = rest
        .iter()
        .take_while(|w| !sent || !matches!(**w, "в" | "во" | "при"))
        .find_map(|w| country_ru(w));
    let country = sender.or_else(|| rest.iter().find_map(|w| country_ru(w)));
    let state_only = rest
        .iter()
        .all(|w| state_ru(w).is_some() || !is_cyrillic_capitalised(w) && w.chars().count() <= 2);
    // "компании «Вэйфан Агротех»": the kind of company before its name is not part of it.
    let rest = match rest {
        [kind, name, ..]
            if matches!(*kind, "компании" | "корпорации" | "фирмы" | "холдинга")
                && is_cyrillic_capitalised(name) =>
        {
            &rest[1..]
        }
        _ => rest,
    };
    let organisation = if sent || state_only {
        None
    } else {
        nominative_org(rest)
    };
    TitlePhrase {
        title: out.join(" "),
        organisation,
        country,
    }
}

/// An organisation in the genitive, reduced to the nominative: the adjectives before its
/// head noun agree with it ("Брестского облисполкома" -> "Брестский облисполком"), the
/// words after the head stay genitive ("правительства Калининградской области" ->
/// "правительство Калининградской области"). A state's adjective is dropped ("китайской
/// провинции Цзянсу" -> "провинция Цзянсу"); a kind of place marked "drop" gives the name
/// only ("города Ташкента" -> "Ташкент").
fn nominative_org(words: &[&str]) -> Option<String> {
    let mut words: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| state_ru(w).is_some())
        .collect();
    // "Челябинской области России": the state after the body is the country, not its name.
    while words.len() > 1 && words.last().is_some_and(|w| state_ru(w).is_some()) {
        words.pop();
    }
    let noun_of = |w: &str| {
        let lw = w.to_lowercase();
        org_nouns()
            .iter()
            .find(|n| lw.ends_with(n.genitive.as_str()))
    };
    let Some(h) = words.iter().position(|w| noun_of(w).is_some()) else {
        return match words.as_slice() {
            [] => None,
            [one] => Some(nominative_name(one)),
            _ => Some(words.join(" ")),
        };
    };
    let noun = noun_of(words[h]).expect("found above");
    // "хокима области": the noun alone points back to a body named elsewhere.
    if words.len() == 1 && words[0].to_lowercase() == noun.genitive {
        return None;
    }
    if noun.drop {
        return words.get(h + 1).map(|w| nominative_name(w));
    }
    let mut out: Vec<String> = words[..h]
        .iter()
        .map(|w| nominative_adjective(w, noun.gender))
        .collect();
    let w = words[h];
    let cut = w.len() - noun.genitive.len();
    out.push(format!("{}{}", &w[..cut], noun.nominative));
    out.extend(words[h + 1..].iter().map(|w| (*w).to_string()));
    Some(out.join(" "))
}

/// An adjective in the genitive singular, in the nominative of the given gender.
fn nominative_adjective(w: &str, gender: char) -> String {
    let rules: &[(&str, &str)] = match gender {
        'f' => &[("ой", "ая"), ("ей", "яя")],
        'n' => &[("ого", "ое"), ("его", "ее")],
        _ => &[
            ("кого", "кий"),
            ("гого", "гий"),
            ("хого", "хий"),
            ("ого", "ый"),
            ("его", "ий"),
        ],
    };
    rules
        .iter()
        .find_map(|(g, n)| w.strip_suffix(g).map(|b| format!("{b}{n}")))
        .unwrap_or_else(|| w.to_string())
}

/// A place name in the genitive, in the nominative: "Ташкента" -> "Ташкент", "Москвы" ->
/// "Москва"; indeclinable names ("Цзянсу") stay.
fn nominative_name(w: &str) -> String {
    const CONSONANTS: &str = "бвгджзклмнпрстфхцчшщ";
    if let Some(b) = w
        .strip_suffix('а')
        .filter(|b| b.ends_with(|c: char| CONSONANTS.contains(c)))
    {
        return b.to_string();
    }
    if let Some(b) = w.strip_suffix('ы') {
        return format!("{b}а");
    }
    w.to_string()
}

/// "делегацией китайской провинции Цзянсу во главе с": the body the delegation comes from,
/// in the nominative, and its state, when the text before a title ends so.
fn delegation_ru(before: &str) -> (Option<String>, Option<String>) {
    let Some(lead) = before.trim_end().strip_suffix("во главе с") else {
        return (None, None);
    };
    // "делегацией ... во главе с", or the subject "Делегация ... во главе с".
    let Some(d) = lead.rfind("делегаци").max(lead.rfind("Делегаци")) else {
        return (None, None);
    };
    let words: Vec<&str> = lead[d..].split_whitespace().skip(1).collect();
    let country = words.iter().find_map(|w| country_ru(w));
    let named = match words.as_slice() {
        [one] => is_cyrillic_capitalised(one),
        _ => words.iter().any(|w| {
            let lw = w.to_lowercase();
            org_nouns()
                .iter()
                .any(|n| lw.ends_with(n.genitive.as_str()))
        }),
    };
    (named.then(|| nominative_org(&words)).flatten(), country)
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
            // Right after a title any two capitalised words are a name ("вице-губернатором
            // Ли Минхуа"); so is a name already found ("По словам Ли Минхуа").
            let after_title = i > 0
                && is_title_word(toks[i - 1].text)
                && p[toks[i - 1].end..t.start].trim().is_empty()
                && country_ru(t.text).is_none()
                && !org_nouns()
                    .iter()
                    .any(|o| t.text.to_lowercase().ends_with(o.genitive.as_str()));
            // "с послом Венгрии в Казахстане Петером Ковачем": a title in the instrumental
            // earlier in the clause, and two words in the instrumental after it.
            let instrumental = |w: &str| w.ends_with("ом") || w.ends_with("ем");
            let instrumental_title = (i.saturating_sub(6)..i).any(|k| {
                is_title_word(toks[k].text)
                    && instrumental(toks[k].text)
                    && !p[toks[k].end..t.start].contains([',', '.', ';', ':', '«', '»'])
            });
            // "Заместитель председателя Гомельского облисполкома Андрей Ситник", "Директор
            // ТОО «Ертис Металл Сервис» Айгуль Жакупова": a title opening the clause, its
            // body between, then a first name and a surname.
            let titled_clause = || {
                let from = i.saturating_sub(8);
                // The clause's words only, so that long paragraphs stay linear.
                let clause = &p[toks[from].start..t.start];
                country_ru(t.text).is_none()
                    && t.text.chars().any(char::is_lowercase)
                    // Not a company's name in «» ("«Вэйфан Агротех» Ма Цзюнь").
                    && clause.matches('«').count() == clause.matches('»').count()
                    // The name closes the run of capitalised words ("Ертис Металл Сервис").
                    && toks.get(i + 2).is_none_or(|m| {
                        !is_cyrillic_capitalised(m.text)
                            || !p[toks[i + 1].end..m.start].trim().is_empty()
                    })
                    && (from..i).any(|k| {
                        is_title_word(toks[k].text)
                            && !p[toks[k].end..t.start].contains([',', '.', ';', ':', '–', '—'])
                    })
            };
            // "университета имени Шарофа Рашидова": a name a body is named after.
            let named_after = i > 0 && toks[i - 1].text == "имени";
            let pair = toks.get(i + 1).filter(|n| {
                !named_after
                    && p[t.end..n.start].trim().is_empty()
                    && is_cyrillic_capitalised(t.text)
                    && is_cyrillic_capitalised(n.text)
                    && (looks_like_surname(n.text)
                        || after_title
                        || country_ru(n.text).is_none() && titled_clause()
                        || instrumental_title
                            && instrumental(t.text)
                            && instrumental(n.text)
                            && country_ru(t.text).is_none()
                        || people
                            .iter()
                            .any(|x| x.name == format!("{} {}", t.text, n.text)))
            });
            // "Мэр Оша Жанарбек Акаев": after a title, a place in the genitive may come
            // before the name; when the third word is the surname, the name starts later.
            let shifted = after_title
                && pair.is_some()
                && !looks_like_surname(toks[i + 1].text)
                && toks.get(i + 2).is_some_and(|m| {
                    p[toks[i + 1].end..m.start].trim().is_empty()
                        && is_cyrillic_capitalised(m.text)
                        && looks_like_surname(m.text)
                });
            if shifted {
                i += 1;
                continue;
            }
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
                // A company's name in «» stays inside the clause ("ТОО «Ертис Металл Сервис»").
                .take_while(|&k| {
                    !p[toks[k].end..toks[k + 1].start].contains([',', '.', ';', ':', '–', '—', '"'])
                })
                .last()
                .unwrap_or(i);
            let before: Vec<Tok<'_>> = toks[clause_start..i].to_vec();
            // "во главе с" (headed by) is not the title "глава".
            let title_at = |k: usize| {
                is_title_word(before[k].text)
                    && !(clause_start + k > 0
                        && toks[clause_start + k - 1].text == "во"
                        && before[k].text == "главе")
            };
            let head = (0..before.len()).find(|&k| {
                title_at(k)
                    || title_modifier(before[k].text).is_some()
                        && (k + 1..before.len()).any(title_at)
            });
            let after = &p[n.end..];
            let speaks = Gazetteer::get().speech_verb_starts(after);
            if head.is_none() && !speaks {
                i += 1;
                continue;
            }
            // A name in apposition to a title takes its case: after "Хоким ..." or "Мэр ..."
            // in the nominative, the name is nominative too ("Бахром Исмаилов", not the
            // instrumental of "Бахр"); so is a name before a verb of saying. A nominative
            // surname in -ова, -ева, -ина, or a verb in -ла after the name, is a woman's.
            let head_word = head.and_then(|h| before[h..].iter().find(|x| is_title_word(x.text)));
            // A surname in an ending only oblique cases have ("Бородиной", "Серковым") wins.
            let oblique = ["ой", "ым", "им", "ому", "ую", "ом", "ем"]
                .iter()
                .any(|e| n.text.ends_with(e));
            let nominative = !oblique
                && match head_word {
                    Some(x) => {
                        title_of(x.text).is_some_and(|t| x.text.to_lowercase() == t.nominative)
                    }
                    None => speaks,
                };
            let (first, female) = if nominative {
                let verb = Gazetteer::first_word(after);
                let woman = ["ова", "ева", "ёва", "ина", "ына", "ая"]
                    .iter()
                    .any(|e| n.text.ends_with(e))
                    || verb.chars().count() > 3 && (verb.ends_with("ла") || verb.ends_with("лась"));
                let (_, by_form) = nominative_first(t.text);
                (t.text.to_string(), Some(woman || by_form == Some(true)))
            } else {
                nominative_first(t.text)
            };
            let surname = if nominative {
                n.text.to_string()
            } else {
                nominative_surname(n.text, female).0
            };
            let name = format!("{first} {surname}");
            let mut title = None;
            let mut organisation = None;
            let mut country = None;
            if let Some(h) = head {
                let words: Vec<&str> = before[h..].iter().map(|x| x.text).collect();
                let read = read_title_phrase(&words);
                title = Some(read.title);
                organisation = read.organisation;
                country = read.country;
                let (led_org, led_country) = delegation_ru(&p[..before[h].start]);
                let own_body = title_of(
                    words
                        .iter()
                        .copied()
                        .find(|w| is_title_word(w))
                        .unwrap_or(""),
                )
                .is_some_and(|t| !t.kind.is_empty());
                if organisation.is_none() && !own_body {
                    organisation = led_org;
                }
                organisation = organisation.map(|o| requote(&o, p));
                country = country
                    .or_else(|| organisation.as_deref().and_then(country_ru))
                    .or(led_country);
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
    title_references(paragraphs, &mut people);
    sort_spans(&mut people);
    people
}

/// "ОАО Двинская мебельная фабрика" -> "ОАО «Двинская мебельная фабрика»" when the
/// paragraph writes the name in guillemets (the words were read without them).
fn requote(org: &str, p: &str) -> String {
    let mut rest = p;
    while let Some(k) = rest.find('«') {
        let inner = &rest[k + '«'.len_utf8()..];
        let Some(e) = inner.find('»') else { break };
        let name = &inner[..e];
        // Only after a legal form ("ОАО", "ТОО"): a name alone is given bare.
        if !name.is_empty() && org.len() > name.len() && org.ends_with(name) && !org.contains('«')
        {
            let head = &org[..org.len() - name.len()];
            return format!("{head}«{name}»");
        }
        rest = &inner[e..];
    }
    org.to_string()
}

/// Titles and roles used alone: "— подчеркнула первый заместитель председателя
/// правительства", "— сказал дипломат". Each goes to the person who holds the title (the one
/// named last before it when several do).
fn title_references(paragraphs: &[String], people: &mut [Person]) {
    let g = Gazetteer::get();
    let mut found: Vec<(usize, Span)> = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let toks = tokens(p);
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            let taken = people.iter().any(|x| {
                x.spans
                    .iter()
                    .any(|s| s.paragraph == pi && s.start <= t.start && t.end <= s.end)
            });
            let role = g.role_titles(t.text);
            if taken || !is_title_word(t.text) && role.is_none() {
                i += 1;
                continue;
            }
            // The title phrase: lower-case words up to punctuation, at most six.
            let mut end = i + 1;
            while end < toks.len()
                && end - i < 6
                && !is_cyrillic_capitalised(toks[end].text)
                && p[toks[end - 1].end..toks[end].start].trim().is_empty()
            {
                end += 1;
            }
            // A title before a name is that person's, not a reference.
            if role.is_none()
                && toks
                    .get(end)
                    .is_some_and(|n| is_cyrillic_capitalised(n.text))
                && p[toks[end - 1].end..toks[end].start].trim().is_empty()
            {
                i = end;
                continue;
            }
            // "первый заместитель": the modifier before the title is part of it.
            let from = if i > 0
                && title_modifier(toks[i - 1].text).is_some()
                && p[toks[i - 1].end..t.start].trim().is_empty()
            {
                i - 1
            } else {
                i
            };
            let holds = |x: &Person| match (role, x.title.as_deref()) {
                (Some(titles), Some(held)) => {
                    let held = held.to_lowercase();
                    titles
                        .iter()
                        .any(|r| held == *r || held.ends_with(&format!(" {r}")))
                }
                (None, Some(held)) => {
                    let words: Vec<&str> = toks[from..end].iter().map(|x| x.text).collect();
                    let title = read_title_phrase(&words).title;
                    held == title || held.starts_with(&format!("{title} "))
                }
                _ => false,
            };
            let holders: Vec<usize> = (0..people.len()).filter(|&k| holds(&people[k])).collect();
            let last_before = |k: &usize| {
                people[*k]
                    .spans
                    .iter()
                    .filter(|s| (s.paragraph, s.start) < (pi, t.start))
                    .map(|s| (s.paragraph, s.start))
                    .max()
            };
            if let Some(k) = holders.iter().copied().max_by_key(last_before)
                && (holders.len() == 1 || last_before(&k).is_some())
            {
                let (start, span_end) = if role.is_some() {
                    (t.start, t.end)
                } else {
                    (toks[from].start, toks[end - 1].end)
                };
                found.push((
                    k,
                    Span {
                        paragraph: pi,
                        start,
                        end: span_end,
                        text: p[start..span_end].to_string(),
                    },
                ));
            }
            i = end;
        }
    }
    for (k, sp) in found {
        people[k].spans.push(sp);
    }
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

    fn with_org(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        find_people_ru(&[text.to_string()])
            .into_iter()
            .map(|p| (p.name, p.title, p.organisation))
            .collect()
    }

    #[test]
    fn organisations_reduce_to_the_nominative() {
        let got = with_org(
            "Делегация встретилась с первым заместителем акима Атырауской области Гумаром Дюсембаевым в Бресте.",
        );
        assert_eq!(got[0].2.as_deref(), Some("Атырауская область"));
        let got = with_org(
            "Первый заместитель председателя Брестского облисполкома Сергей Ковальчук встретился с делегацией.",
        );
        assert_eq!(got[0].1.as_deref(), Some("первый заместитель председателя"));
        assert_eq!(got[0].2.as_deref(), Some("Брестский облисполком"));
        let got = with_org(
            "Аким встретился с первым заместителем председателя правительства Саратовской области Натальей Бородиной.",
        );
        assert_eq!(got[0].1.as_deref(), Some("первый заместитель председателя"));
        assert_eq!(
            got[0].2.as_deref(),
            Some("правительство Саратовской области")
        );
        let got =
            with_org("Заместитель председателя Мингорисполкома Денис Левкович встретился с ними.");
        assert_eq!(got[0].2.as_deref(), Some("Мингорисполком"));
    }

    #[test]
    fn portfolios_ambassadors_and_delegations() {
        let got = found(
            "Он встретился с вице-министром культуры и информации Казахстана Айгуль Мукашевой.",
        );
        assert_eq!(
            got[0].1.as_deref(),
            Some("вице-министр культуры и информации")
        );
        assert_eq!(got[0].2.as_deref(), Some("Kazakhstan"));
        assert_eq!(
            with_org("По словам посла Казахстана в Беларуси Ерлана Токаева, товарооборот вырос.")
                [0]
            .2,
            None,
            "an ambassador has no organisation"
        );
        let got = find_people_ru(&[
            "Он встретился с делегацией китайской провинции Цзянсу во главе с вице-губернатором Ли Минхуа."
                .to_string(),
        ]);
        assert_eq!(got[0].name, "Ли Минхуа");
        assert_eq!(got[0].organisation.as_deref(), Some("провинция Цзянсу"));
        assert_eq!(got[0].country.as_deref(), Some("China"));
        let got = find_people_ru(&[
            "Он встретился с делегацией Ташкента во главе с заместителем хокима города Дилнозой Юлдашевой."
                .to_string(),
        ]);
        assert_eq!(got[0].title.as_deref(), Some("заместитель хокима"));
        assert_eq!(got[0].organisation.as_deref(), Some("Ташкент"));
        assert_eq!(got[0].country.as_deref(), Some("Uzbekistan"));
    }

    #[test]
    fn titles_and_roles_alone_refer_to_their_holder() {
        let people = find_people_ru(&[
            "Первый заместитель председателя Гродненского облисполкома Игорь Жук встретился с заместителем председателя правительства Калининградской области Андреем Бурмистровым.".to_string(),
            "«Мы готовы», — подчеркнул первый заместитель председателя облисполкома.".to_string(),
            "По словам посла Казахстана в Беларуси Ерлана Токаева, товарооборот вырос.".to_string(),
            "«Это важно», — сказал дипломат.".to_string(),
        ]);
        let spans = |name: &str| -> Vec<String> {
            people
                .iter()
                .find(|p| p.name == name)
                .unwrap()
                .spans
                .iter()
                .map(|s| s.text.clone())
                .collect()
        };
        assert!(
            spans("Игорь Жук")
                .contains(&"первый заместитель председателя облисполкома".to_string()),
            "{:?}",
            spans("Игорь Жук")
        );
        assert!(spans("Ерлан Токаев").contains(&"дипломат".to_string()));
        assert_eq!(spans("Андрей Бурмистров").len(), 1);
    }

    #[test]
    fn company_heads_boards_and_soft_first_names() {
        // Made-up sentences, none from the corpus.
        let people = find_people_ru(&[
            "Директор ТОО «Алтын Дала» Жанар Ибраева предложила открыть склад.".to_string(),
        ]);
        assert_eq!(people.len(), 1, "the company in «» is not a person");
        assert_eq!(people[0].name, "Жанар Ибраева");
        assert_eq!(people[0].title.as_deref(), Some("директор"));
        assert_eq!(people[0].organisation.as_deref(), Some("ТОО «Алтын Дала»"));
        let people = find_people_ru(&[
            "Председатель правления АО «Дала Транс» Ерлан Сапаров сообщил о планах.".to_string(),
        ]);
        assert_eq!(people[0].title.as_deref(), Some("председатель правления"));
        assert_eq!(people[0].organisation.as_deref(), Some("АО «Дала Транс»"));
        let got = found(
            "Он провел переговоры с заместителем председателя правительства Курганской области Игорем Семёновым.",
        );
        assert_eq!(got[0].0, "Игорь Семёнов");
        let got = found(
            "По информации генерального директора ОАО «Полоцкий завод» Натальи Гринь, завод растет.",
        );
        assert_eq!(got[0].0, "Наталья Гринь");
        assert_eq!(got[0].1.as_deref(), Some("генеральный директор"));
    }

    #[test]
    fn delegations_pointers_fields_and_names_bodies_are_named_after() {
        // Made-up sentences, none from the corpus.
        let people = find_people_ru(&[
            "ОМСК, 3 мая (ТАСС) - Делегация Тюменской области во главе с заместителем председателя правительства региона Олегом Мельниковым прибыла в Омск.".to_string(),
        ]);
        assert_eq!(people[0].name, "Олег Мельников");
        assert_eq!(
            people[0].title.as_deref(),
            Some("заместитель председателя правительства")
        );
        assert_eq!(people[0].organisation.as_deref(), Some("Тюменская область"));
        let people = find_people_ru(&[
            "Директор по экспорту Курганского автобусного завода Павел Зуев рассказал о планах. Ректор университета имени Алихана Букейханова Асель Жумабаева предложила обмен.".to_string(),
        ]);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["Павел Зуев", "Асель Жумабаева"],
            "not the university's namesake"
        );
        assert_eq!(people[0].title.as_deref(), Some("директор по экспорту"));
        let people = find_people_ru(&[
            "В акимате области заместитель акима Павлодарской области Ерлан Касымов провел встречу.".to_string(),
        ]);
        assert_eq!(
            people[0].title.as_deref(),
            Some("заместитель акима"),
            "the akimat is no title"
        );
    }
}
