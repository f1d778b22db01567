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
            if COOPERATION_CUES.iter().any(|c| lower.contains(c)) {
                for m in areas().find_iter(sentence) {
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
