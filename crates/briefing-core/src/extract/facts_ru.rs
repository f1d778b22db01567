//! Russian topics, commitments and figures, sentence by sentence. The areas of cooperation
//! are a data file of stems (`data/cooperation_areas_ru.tsv`) reduced to the nominative.

use std::sync::OnceLock;

use regex::Regex;

use super::Span;
use super::facts::{
    CommitmentKind, CommitmentSuggestion, Facts, FigureSuggestion, TopicSuggestion, proposer_of,
    sentences,
};
use super::people::Person;

const AREAS_RU: &str = include_str!("../../data/cooperation_areas_ru.tsv");

/// (stem, nominative, keeps the words after it).
fn areas() -> &'static [(String, String, bool)] {
    static A: OnceLock<Vec<(String, String, bool)>> = OnceLock::new();
    A.get_or_init(|| {
        AREAS_RU
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let stem = cols.next()?.trim().to_lowercase();
                let nominative = cols.next()?.trim().to_string();
                let keep = cols.next().is_some_and(|c| c.trim() == "+");
                Some((stem, nominative, keep))
            })
            .collect()
    })
}

/// Words that make a sentence about cooperation, so that its areas are topics.
const CUES: &[&str] = &[
    "сотрудничеств",
    "обсудил",
    "предлож",
    "заинтересован",
    "в сфере",
    "в области",
    "развити",
    "совместн",
    "готов",
];

/// Words that end the object kept after a process noun ("переработки мяса и молока в ...").
const STOP: &[&str] = &[
    "в",
    "во",
    "на",
    "с",
    "со",
    "по",
    "до",
    "для",
    "из",
    "к",
    "от",
    "а",
    "но",
    "что",
    "как",
    "между",
    "у",
    "при",
    "за",
];

fn commitment_patterns() -> &'static [(Regex, CommitmentKind)] {
    static P: OnceLock<Vec<(Regex, CommitmentKind)>> = OnceLock::new();
    P.get_or_init(|| {
        super::facts::compile_commitments(&[
            (r"(?i)приглаш|пригласил", CommitmentKind::Invitation),
            (r"(?i)подписали|подписан|подписать", CommitmentKind::Signing),
            (r"(?i)договорились|согласовали|одобрили|условились", CommitmentKind::Agreement),
            (r"(?i)ведутся переговоры|переговоры по которым ведутся|продолжат переговоры", CommitmentKind::Negotiation),
            (r"(?i)\bготовы? (?:поставлять|поставить|выделить|принять|открыть|построить)|\bпланиру|\bпройдет\b|\bсостоится\b|\bбудет (?:открыт|построен|создан)", CommitmentKind::Plan),
            (r"(?i)\bпросим\b|\bпопросил", CommitmentKind::Request),
        ])
    })
}

/// A number with its unit, currency or counted noun: "95 млн долларов", "18%", "около 1200
/// студентов", "в 1,5 раза", "500 гектаров земли".
fn figure_pattern() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)(?:(?:около|более|свыше|почти|до|порядка|в)\s+)?\d+(?:[.,]\d+)?\s*(?:%|(?:млн|млрд|тыс\.|тысяч[аи]?|миллион[аов]*|миллиард[аов]*)(?:\s+(?:долларов|евро|рублей|тенге|сумов|манатов|юаней|тонн|человек|туристов|[а-яё]+))?|(?:раза?|долларов|евро|рублей|тенге|тонн|гектар[аов]*|километр[аов]*|человек)\b(?:\s+[а-яё]+)?|[а-яё]+(?:\s+(?:с|из)\s+[а-яё]+\s+[а-яё]+)?)",
        )
        .expect("figure pattern compiles")
    })
}

/// Words after a number that make it a date or a year, not a figure.
const NOT_COUNTED: &[&str] = &[
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    "год",
    "года",
    "году",
    "годах",
    "годов",
];

pub(super) fn find_facts_ru(paragraphs: &[String], people: &[Person]) -> Facts {
    let mut facts = Facts {
        topics: vec![],
        commitments: vec![],
        figures: vec![],
    };
    let mut mentions: Vec<(usize, usize, &String)> = people
        .iter()
        .flat_map(|x| {
            x.spans
                .iter()
                .map(move |sp| (sp.paragraph, sp.start, &x.name))
        })
        .collect();
    mentions.sort();
    for (pi, p) in paragraphs.iter().enumerate() {
        for (s, e) in sentences(p) {
            let sentence = &p[s..e];
            let lower = sentence.to_lowercase();
            let span = |a: usize, b: usize| Span {
                paragraph: pi,
                start: a,
                end: b,
                text: p[a..b].to_string(),
            };
            if CUES.iter().any(|c| lower.contains(c)) {
                let proposer = proposer_of(&mentions, pi, e);
                for (name, a, b) in topics_in(sentence) {
                    facts.topics.push(TopicSuggestion {
                        name,
                        proposed_by: proposer.clone(),
                        span: span(s + a, s + b),
                    });
                }
            }
            for (re, kind) in commitment_patterns() {
                if re.is_match(sentence) {
                    facts.commitments.push(CommitmentSuggestion {
                        kind: kind.clone(),
                        text: sentence.trim().to_string(),
                        span: span(s, e),
                    });
                }
            }
            for m in figure_pattern().find_iter(sentence) {
                let text = m.as_str().trim();
                let words: Vec<&str> = text.split_whitespace().collect();
                let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                let dated = words.iter().any(|w| NOT_COUNTED.contains(w));
                let year = digits.len() == 4 && words.len() <= 2;
                let bare = words.len() == 1 && !text.ends_with('%');
                if !dated && !year && !bare {
                    facts.figures.push(FigureSuggestion {
                        text: text.to_string(),
                        span: span(s + m.start(), s + m.end()),
                    });
                }
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    facts
        .topics
        .retain(|t| seen.insert((t.name.clone(), t.proposed_by.clone())));
    facts
}

/// The areas a sentence names, in the nominative, with their byte ranges.
fn topics_in(sentence: &str) -> Vec<(String, usize, usize)> {
    let words: Vec<(usize, &str)> = sentence
        .split_word_bound_indices_simple()
        .into_iter()
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (start, w) = words[i];
        let lw = w.to_lowercase();
        let Some((_, nominative, keep)) = areas()
            .iter()
            .find(|(stem, _, _)| lw.starts_with(stem.as_str()))
        else {
            i += 1;
            continue;
        };
        let mut name = nominative.clone();
        let mut end = start + w.len();
        let mut j = i + 1;
        if *keep {
            let mut taken = 0;
            while j < words.len() && taken < 4 {
                let (ws, next) = words[j];
                let gap = &sentence[end..ws];
                if !gap.chars().all(char::is_whitespace)
                    || STOP.contains(&next.to_lowercase().as_str())
                {
                    break;
                }
                name.push(' ');
                name.push_str(next);
                end = ws + next.len();
                taken += 1;
                j += 1;
            }
            if taken == 0 {
                i += 1;
                continue;
            }
        }
        out.push((name, start, end));
        i = j;
    }
    out
}

/// Words (letters, digits and hyphens) with their byte offsets.
trait WordIndices {
    fn split_word_bound_indices_simple(&self) -> Vec<(usize, &str)>;
}

impl WordIndices for str {
    fn split_word_bound_indices_simple(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in self.char_indices() {
            let word = c.is_alphanumeric() || c == '-';
            match (word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s, &self[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, &self[s..]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_areas_are_reduced_to_the_nominative_and_keep_their_object() {
        let t: Vec<String> = topics_in(
            "Стороны обсудили сотрудничество в сфере логистики и переработки мяса и молока.",
        )
        .into_iter()
        .map(|x| x.0)
        .collect();
        assert_eq!(t, vec!["логистика", "переработка мяса и молока"]);
    }

    #[test]
    fn russian_figures_commitments_and_no_dates() {
        let f = find_facts_ru(
            &["Товарооборот вырос на 18% и достиг 95 млн долларов к 5 марта 2024 года. Стороны подписали соглашение.".to_string()],
            &[],
        );
        let figures: Vec<&str> = f.figures.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(figures, vec!["18%", "95 млн долларов"]);
        assert_eq!(f.commitments.len(), 1);
        assert_eq!(f.commitments[0].kind, CommitmentKind::Signing);
    }
}
