//! Topics (proposed areas of cooperation and who proposed them), commitments and figures,
//! found sentence by sentence.

use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use super::Span;
use super::people::Person;

const AREAS: &str = include_str!("../../data/cooperation_areas.txt");

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct TopicSuggestion {
    pub name: String,
    /// The person who proposed it, when the sentence names one.
    pub proposed_by: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    Invitation,
    Agreement,
    Plan,
    Negotiation,
    Signing,
    Request,
}

impl CommitmentKind {
    /// The name stored in `commitments.kind`.
    pub fn as_str(&self) -> &'static str {
        match self {
            CommitmentKind::Invitation => "invitation",
            CommitmentKind::Agreement => "agreement",
            CommitmentKind::Plan => "plan",
            CommitmentKind::Negotiation => "negotiation",
            CommitmentKind::Signing => "signing",
            CommitmentKind::Request => "request",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CommitmentSuggestion {
    pub kind: CommitmentKind,
    /// The sentence that states it.
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct FigureSuggestion {
    pub text: String,
    pub span: Span,
}

/// One case-insensitive pattern of every area, longest first, matched on the original text
/// so that spans keep its byte offsets (lower-casing can change lengths: "İ").
fn areas() -> &'static Regex {
    static A: OnceLock<Regex> = OnceLock::new();
    A.get_or_init(|| {
        let mut a: Vec<&str> = AREAS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        a.sort_by_key(|x| std::cmp::Reverse(x.len()));
        let alternation: Vec<String> = a.iter().map(|x| regex::escape(x)).collect();
        Regex::new(&format!(r"(?i)\b(?:{})\b", alternation.join("|")))
            .expect("area pattern compiles")
    })
}

/// Sentences of a paragraph with their byte ranges. A full stop inside a quotation or an
/// abbreviation may split a sentence early; that only shortens the context of a match.
pub(super) fn sentences(p: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in p.char_indices() {
        if matches!(c, '.' | '!' | '?') && p[i + 1..].starts_with(' ') {
            out.push((start, i + 1));
            start = i + 2;
        }
    }
    if start < p.len() {
        out.push((start, p.len()));
    }
    out
}

/// Where a list of areas starts: after a word of cooperation and "in" or "on" ("cooperation
/// in", "investment in the fields of"), or after a verb of proposing ("proposed joint",
/// "offered", "discussed").
fn list_cue() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:(?:cooperation|co-operation|collaboration|partnership|projects|investment|investments|ventures|ties|potential|prospects|opportunities|interested|interest|experience|expertise|trade)\s+(?:in|on)\s+(?:the\s+(?:fields?|areas?|spheres?|sectors?)\s+of\s+)?|(?:invest|investing|invested)\s+in\s+(?:the\s+)?|(?:proposed|suggested|offered|discussed|explored|propose|suggest|offer|discuss|proposes|suggests|offers)\s+(?:joint\s+projects\s+in\s+|cooperation\s+in\s+|developing\s+|expanding\s+|deepening\s+|creating\s+|establishing\s+|joint\s+)?)",
        )
        .expect("cue pattern compiles")
    })
}

/// Words that end a list's clause: what follows is no longer an area.
const LIST_ENDS: &[&str] = &[
    " and said",
    " and invited",
    " and agreed",
    " and noted",
    " and hopes",
    " and hoped",
    " and added",
    " and asked",
    ", and ",
    " which ",
    " that ",
    " where ",
    " with ",
    " by ",
    " as ",
    " so ",
    " because ",
    " while ",
    " if ",
];

/// Words that make an item a clause rather than an area.
const NOT_AREA: &[&str] = &[
    "said",
    "would",
    "will",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "be",
    "its",
    "their",
    "his",
    "her",
    "our",
    "we",
    "they",
    "he",
    "she",
    "it",
    "this",
    "these",
    "them",
    "us",
    "more",
    "other",
    "such",
    "sides",
    "parties",
    "possibility",
    "possibilities",
    "issues",
    "ways",
    "prospects",
    "matters",
    "number",
];

/// The areas a sentence lists after a cue: byte ranges of items separated by commas and
/// "and", each cut before a place ("seed-breeding trials in the Urgut district" gives
/// "seed-breeding trials"), without articles, one to six words.
fn listed_areas(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for m in list_cue().find_iter(sentence) {
        let rest = &sentence[m.end()..];
        let mut end = rest
            .find(['.', ';', ':', '"', '“', '”', '«', '(', '—'])
            .unwrap_or(rest.len());
        for stop in LIST_ENDS {
            if let Some(k) = rest[..end].find(stop) {
                end = k;
            }
        }
        let clause = &rest[..end];
        let base = m.end();
        let mut at = 0;
        for piece in clause.split_inclusive([',']) {
            let mut inner = 0;
            for part in piece.split(" and ") {
                let start = at + inner;
                inner += part.len() + " and ".len();
                let item = part.trim_end_matches(',');
                if let Some(range) = area_item(item) {
                    out.push((base + start + range.0, base + start + range.1));
                }
            }
            at += piece.len();
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The area inside one list item, as a byte range of `item`.
fn area_item(item: &str) -> Option<(usize, usize)> {
    let mut words: Vec<(usize, &str)> = item
        .split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    while words.first().is_some_and(|(_, w)| {
        matches!(
            w.to_lowercase().as_str(),
            // "as well as in the agro-industrial complex": the list's joining words.
            "the" | "a" | "an" | "also" | "well" | "as" | "in" | "on"
        )
    }) {
        words.remove(0);
    }
    // Cut before a place or a partner: "in the Urgut district", "to Allama Iqbal Airport".
    if let Some(k) = words.iter().enumerate().position(|(k, (_, w))| {
        k > 0
            && matches!(*w, "in" | "at" | "near" | "to" | "from" | "for")
            && words.get(k + 1).is_some_and(|(_, n)| {
                n.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*n, "the" | "both" | "our" | "their")
            })
    }) {
        words.truncate(k);
    }
    let first = words.first()?;
    let last = words.last()?;
    let count = words.len();
    let clean = words.iter().all(|(_, w)| {
        let lw = w.to_lowercase();
        !NOT_AREA.contains(&lw.as_str()) && !w.chars().any(|c| c.is_ascii_digit())
    });
    // "to open a trading house", "that Dutch breeders supply", "your technologies": a
    // clause or an address, not an area.
    const NOT_FIRST: &[&str] = &[
        "to",
        "that",
        "at",
        "through",
        "your",
        "next",
        "naming",
        "visiting",
        "sidelines",
        "participation",
        "priority",
        "highest",
        "built",
        "using",
        "share",
        "whether",
        "how",
        "what",
        "all",
        "many",
        "several",
        "some",
        "each",
        "every",
        "both",
        "ready",
        "further",
        "plans",
        "in",
        "on",
        "with",
        "from",
        "of",
        "for",
        "by",
        "into",
        "current",
        "status",
        "level",
        "results",
        "outcome",
        "agenda",
    ];
    // "advancing cooperation", "closer ties": the cooperation itself, not an area of it.
    const NOT_LAST: &[&str] = &[
        "cooperation",
        "ties",
        "relations",
        "partnership",
        "contacts",
    ];
    if NOT_LAST.contains(&last.1) {
        return None;
    }
    let lower_start =
        first.1.chars().next().is_some_and(char::is_lowercase) && !NOT_FIRST.contains(&first.1);
    (clean && lower_start && (1..=6).contains(&count))
        .then(|| (first.0, last.0 + last.1.len()))
        .filter(|(a, b)| a < b)
}

/// Words that make a sentence about cooperation, so that its areas are proposals.
const COOPERATION_CUES: &[&str] = &[
    "cooperation",
    "avenues",
    "joint venture",
    "joint ventures",
    "interested",
    "suggested",
    "proposed",
    "offered",
    "potential",
    "prospects",
    "partnership",
    "collaboration",
    "discussed",
    "interested in",
    "deepen",
    "expand",
];

/// Compiles a table of commitment patterns and the kind each signals (English here, Russian
/// in `facts_ru`).
pub(super) fn compile_commitments(
    table: &[(&str, CommitmentKind)],
) -> Vec<(Regex, CommitmentKind)> {
    table
        .iter()
        .map(|(p, k)| {
            (
                Regex::new(p).expect("commitment pattern compiles"),
                k.clone(),
            )
        })
        .collect()
}

fn commitment_patterns() -> &'static [(Regex, CommitmentKind)] {
    static P: OnceLock<Vec<(Regex, CommitmentKind)>> = OnceLock::new();
    P.get_or_init(|| {
        compile_commitments(&[
            (r"(?i)\binvit(?:ed|es|ation)\b", CommitmentKind::Invitation),
            (r"(?i)\bnegotiations? (?:are|is|were) (?:under ?way|ongoing|in progress)|\bin talks\b", CommitmentKind::Negotiation),
            (r"(?i)\bsign(?:ed|ing)\b", CommitmentKind::Signing),
            (r"(?i)\bagreed\b|\bagreement (?:was|has been) reached\b", CommitmentKind::Agreement),
            (r"(?i)\b(?:plans? to|planned|will (?:open|build|hold|launch|set up|create)|is to be)\b", CommitmentKind::Plan),
            (r"(?i)\b(?:asked|requested)\b", CommitmentKind::Request),
        ])
    })
}

fn figure_pattern() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)(?:\b(?:about|around|over|more than|nearly|almost|some|up to|at least)\s+)?(?:\$|€|\b(?:USD|EUR)\s?|\b)\d[\d,.]*(?:\s?(?:%|percent\b|per cent\b|(?:million|billion|thousand|mln|bln|bn|mn)\b(?:\s+(?:U\.S\. dollars|dollars|euros|yuan|manat|tenge|rubles|roubles|soums|tonnes|tons|tourists|visitors|passengers|people|students))?|(?:GW|MW|km|hectares|megawatts)\b)|(?:\s+(?:[A-Z][a-z]+\s+)?(?:tonnes|tons|dollars|euros|enterprises|companies|firms|jobs|students|tourists|visitors|passengers|people|citizens|residents|apartments|homes|hectares|units|projects|facilities|industrial enterprises|joint ventures|[a-z]+ enterprises)\b))(?:\s+of\s+(?:[A-Z][a-z]+\s+)?[a-z]+)?(?:\s+a year)?|\b\d[\d,.]*\s+with a share of [a-z ]+capital",
        )
        .expect("figure pattern compiles")
    })
}

pub(super) struct Facts {
    pub topics: Vec<TopicSuggestion>,
    pub commitments: Vec<CommitmentSuggestion>,
    pub figures: Vec<FigureSuggestion>,
}

pub(super) fn find_facts(paragraphs: &[String], people: &[Person]) -> Facts {
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
            // "The sides discussed X": an area both sides raised has no proposer.
            let discussed_only = lower.contains("discussed")
                && !["proposed", "suggested", "offered", "interested"]
                    .iter()
                    .any(|c| lower.contains(c));
            let proposer = proposer_of(&mentions, pi, e).filter(|_| !discussed_only);
            // The areas a proposal lists ("proposed joint projects in dairy processing,
            // packaging equipment and the restoration of historic buildings"), then the known
            // areas the sentence names that no listed item holds.
            let listed = listed_areas(sentence);
            for &(a, b) in &listed {
                facts.topics.push(TopicSuggestion {
                    name: sentence[a..b].to_lowercase(),
                    proposed_by: proposer.clone(),
                    span: span(s + a, s + b),
                });
            }
            if COOPERATION_CUES.iter().any(|c| lower.contains(c)) {
                for m in areas().find_iter(sentence) {
                    if listed.iter().any(|&(a, b)| a <= m.start() && m.end() <= b) {
                        continue;
                    }
                    facts.topics.push(TopicSuggestion {
                        name: m.as_str().to_lowercase(),
                        proposed_by: proposer.clone(),
                        span: span(s + m.start(), s + m.end()),
                    });
                }
            }
            // Quoted speech is what someone said, not a commitment of the visit.
            let quoted = sentence.trim_start().starts_with(['"', '“', '«']);
            if !quoted
                && let Some((_, kind)) = commitment_patterns()
                    .iter()
                    .find(|(re, _)| re.is_match(sentence))
            {
                facts.commitments.push(CommitmentSuggestion {
                    kind: kind.clone(),
                    text: sentence.trim().to_string(),
                    span: span(s, e),
                });
            }
            for m in figure_pattern().find_iter(sentence) {
                let text = m.as_str().trim();
                // A year ("in 1941") or a day of the month is not a figure.
                let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                let year_like = digits.len() == 4 && text.chars().all(|c| c.is_ascii_digit());
                if !year_like && digits.len() < 12 {
                    facts.figures.push(FigureSuggestion {
                        text: text.to_string(),
                        span: span(s + m.start(), s + m.end()),
                    });
                }
            }
        }
    }
    facts
        .topics
        .sort_by_key(|t| (t.span.paragraph, t.span.start));
    // One topic per area and proposer; the first span is the evidence.
    let mut seen = std::collections::HashSet::new();
    facts
        .topics
        .retain(|t| seen.insert((t.name.clone(), t.proposed_by.clone())));
    facts
}

/// Who proposes what a sentence ending at `end` of paragraph `pi` names: the last person
/// named before its end in the paragraph; else the first named later in it ("The
/// administration sees potential in X. The statement was made by Y"); else the last one
/// named in an earlier paragraph ("The official mentioned ..."). `mentions` are the
/// (paragraph, start, name) of every mention, sorted: binary searches keep long texts linear.
pub(super) fn proposer_of(
    mentions: &[(usize, usize, &String)],
    pi: usize,
    end: usize,
) -> Option<String> {
    let first_of_paragraph = mentions.partition_point(|&(p, _, _)| p < pi);
    let before_end = mentions.partition_point(|&(p, s, _)| (p, s) < (pi, end));
    let found = if before_end > first_of_paragraph {
        Some(mentions[before_end - 1])
    } else if mentions.get(first_of_paragraph).is_some_and(|m| m.0 == pi) {
        Some(mentions[first_of_paragraph])
    } else {
        first_of_paragraph.checked_sub(1).map(|i| mentions[i])
    };
    found.map(|(_, _, n)| n.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proposal_lists_its_areas() {
        // Made-up sentences, none from the corpus.
        let areas = |s: &str| -> Vec<String> {
            listed_areas(s)
                .into_iter()
                .map(|(a, b)| s[a..b].to_string())
                .collect()
        };
        assert_eq!(
            areas(
                "She proposed joint projects in glass making, cold storage and the repair of rolling stock in Aktobe, and said more would follow."
            ),
            ["glass making", "cold storage", "repair of rolling stock"]
                .map(String::from)
                .to_vec()
        );
        assert_eq!(
            areas("The sides discussed cooperation in beekeeping and veterinary services."),
            ["beekeeping", "veterinary services"]
                .map(String::from)
                .to_vec()
        );
        assert_eq!(
            areas(
                "We invite you to invest in the production of glass, dairy products and furniture."
            ),
            ["production of glass", "dairy products", "furniture"]
                .map(String::from)
                .to_vec()
        );
        // "the current state and prospects of cooperation" names no area.
        assert!(areas("They discussed the current state and prospects of cooperation.").is_empty());
        // A clause after the cue is no area.
        assert!(areas("He offered to open a trading house that would sell honey.").is_empty());
    }

    #[test]
    fn figures_with_currencies_units_and_counted_nouns_but_not_years() {
        let p = "Trade reached USD 6.8 billion in 2023, up 12 percent, and 170 Korean companies created 1,200 jobs; freight hit 5 million tonnes a year and the plant has 3,800 MW of wind capacity.".to_string();
        let f = find_facts(&[p], &[]);
        let figures: Vec<&str> = f.figures.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(
            figures,
            vec![
                "USD 6.8 billion",
                "12 percent",
                "170 Korean companies",
                "1,200 jobs",
                "5 million tonnes a year",
                "3,800 MW of wind capacity",
            ]
        );
    }
}
