//! Dates an article names ("on 21 June", "14-16 September 2024", "March 12", "in June",
//! "on Friday", "12 сентября"), resolved against the publication date. A date whose year
//! neither the text nor the publication date gives is kept with its year unknown and marked
//! uncertain, never guessed.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use serde::Serialize;

use super::Span;
use crate::model::PublishedDate;

const MONTH_NAMES: &str = include_str!("../../data/month_names.tsv");

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DateSuggestion {
    /// As written: "21 June", "14-16 September 2024".
    pub text: String,
    /// ISO 8601 (`2024-09-14`), `--09-14` when the year is unknown, `2024-09` for a month.
    pub date: Option<String>,
    /// The last day of a range ("14-16 September").
    pub end: Option<String>,
    /// True when the year is unknown, or a weekday could not be placed.
    pub uncertain: bool,
    pub span: Span,
}

fn month_of() -> &'static HashMap<String, u32> {
    static M: OnceLock<HashMap<String, u32>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = HashMap::new();
        for line in MONTH_NAMES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let (n, names) = line.split_once('\t').expect("month line has a tab");
            let n: u32 = n.trim().parse().expect("month number");
            for name in names.split('|') {
                m.insert(name.trim().to_lowercase(), n);
            }
        }
        m
    })
}

struct Patterns {
    day_month: Regex,
    month_day: Regex,
    month_only: Regex,
    weekday: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let mut names: Vec<&String> = month_of().keys().collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let months = names
            .iter()
            .map(|n| regex::escape(n))
            .collect::<Vec<_>>()
            .join("|");
        let p = |s: String| Regex::new(&s).expect("date pattern compiles");
        Patterns {
            // 21 June | 14-16 September 2024 | 12 сентября 2024 года
            day_month: p(format!(
                r"(?i)(?:^|[^\p{{L}}\p{{N}}])(?P<all>(\d{{1,2}})(?:\s*[-–]\s*(\d{{1,2}}))?\s+({months})\.?(?:,?\s+(\d{{4}}))?)"
            )),
            // March 12 | Nov. 8, 2024 | September 14-16
            month_day: p(format!(
                r"(?i)(?:^|[^\p{{L}}\p{{N}}])(?P<all>({months})\.?\s+(\d{{1,2}})(?:\s*[-–]\s*(\d{{1,2}}))?(?:,?\s+(\d{{4}}))?)"
            )),
            // in June | in June 2025 | в июне
            month_only: p(format!(
                r"(?i)(?:^|[^\p{{L}}\p{{N}}])(?P<all>(?:in|since|until|by|from|during|early|late|mid-|в|с|до|к)\s*({months})(?:\s+(\d{{4}}))?)"
            )),
            weekday: p(
                r"(?i)(?:^|[^\p{L}\p{N}])(?P<all>(?:on|last|next|this)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
                    .to_string(),
            ),
        }
    })
}

/// The number of a month name. English names are capitalised in running text: "1 may be"
/// is not the first of May.
fn month(name: &str) -> Option<u32> {
    if name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    month_of()
        .get(&name.trim_end_matches('.').to_lowercase())
        .copied()
}

/// Whether a match ending at `end` ends a word. (The patterns check the start of a word with
/// a character class rather than `\b`: Unicode word boundaries keep the regex engine off its
/// fast paths on non-ASCII text, and wire copy is full of curly quotes and Cyrillic.)
fn ends_word(p: &str, end: usize) -> bool {
    !p[end..].starts_with(|c: char| c.is_alphanumeric())
}

/// The ISO form of a day, the year from the text, else from the publication date.
fn day_iso(
    day: u32,
    month: u32,
    year: Option<i32>,
    published: Option<PublishedDate>,
) -> Option<(String, bool)> {
    let year = year.or(published.and_then(|p| p.year));
    let d = PublishedDate::new(year, month, day)?;
    Some((d.to_iso(), year.is_none()))
}

fn weekday(name: &str) -> Option<Weekday> {
    name.to_lowercase().parse().ok()
}

/// Every date in the paragraphs, in reading order.
pub(super) fn find_dates(
    paragraphs: &[String],
    published: Option<PublishedDate>,
) -> Vec<DateSuggestion> {
    let pats = patterns();
    let mut out: Vec<DateSuggestion> = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        // Ranges already read as dates, by start: a later pattern does not read them again.
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let free = |taken: &BTreeMap<usize, usize>, s: usize, e: usize| {
            let before = taken.range(..=s).next_back().is_none_or(|(_, &b)| b <= s);
            let after = taken.range(s..).next().is_none_or(|(&a, _)| a >= e);
            before && after
        };
        let span = |s: usize, e: usize| Span {
            paragraph: pi,
            start: s,
            end: e,
            text: p[s..e].to_string(),
        };
        let mut found = Vec::new();
        for c in pats.day_month.captures_iter(p) {
            let (Some(m), Some(d1)) = (month(&c[4]), c[2].parse::<u32>().ok()) else {
                continue;
            };
            let year = c.get(5).and_then(|y| y.as_str().parse().ok());
            let d2 = c.get(3).and_then(|d| d.as_str().parse().ok());
            found.push((c.name("all").unwrap(), d1, d2, m, year));
        }
        for c in pats.month_day.captures_iter(p) {
            let (Some(m), Some(d1)) = (month(&c[2]), c[3].parse::<u32>().ok()) else {
                continue;
            };
            // "May 2025" is a month, not the 20th of May.
            if c[3].len() > 2 {
                continue;
            }
            let year = c.get(5).and_then(|y| y.as_str().parse().ok());
            let d2 = c.get(4).and_then(|d| d.as_str().parse().ok());
            found.push((c.name("all").unwrap(), d1, d2, m, year));
        }
        for (whole, d1, d2, m, year) in found {
            if !ends_word(p, whole.end()) || !free(&taken, whole.start(), whole.end()) {
                continue;
            }
            // "May" is also a verb: "may be suggested". A day number makes it a date.
            let Some((date, uncertain)) = day_iso(d1, m, year, published) else {
                continue;
            };
            let end = d2
                .filter(|&d| d > d1)
                .and_then(|d| day_iso(d, m, year, published))
                .map(|(e, _)| e);
            taken.insert(whole.start(), whole.end());
            out.push(DateSuggestion {
                text: whole.as_str().to_string(),
                date: Some(date),
                end,
                uncertain,
                span: span(whole.start(), whole.end()),
            });
        }
        for c in pats.month_only.captures_iter(p) {
            let g = c.get(2).unwrap();
            if !ends_word(p, c.name("all").unwrap().end())
                || !free(&taken, g.start(), g.end())
                || g.as_str().eq_ignore_ascii_case("may")
            {
                continue;
            }
            let Some(m) = month(g.as_str()) else { continue };
            let year: Option<i32> = c
                .get(2)
                .and_then(|y| y.as_str().parse().ok())
                .or(published.and_then(|p| p.year));
            let end = c.get(3).map_or(g.end(), |y| y.end());
            taken.insert(g.start(), end);
            out.push(DateSuggestion {
                text: p[g.start()..end].to_string(),
                date: Some(match year {
                    Some(y) => format!("{y:04}-{m:02}"),
                    None => format!("--{m:02}"),
                }),
                end: None,
                uncertain: year.is_none(),
                span: span(g.start(), end),
            });
        }
        for c in pats.weekday.captures_iter(p) {
            let whole = c.name("all").unwrap();
            if !ends_word(p, whole.end()) {
                continue;
            }
            let Some(wd) = weekday(&c[2]) else { continue };
            let next = whole.as_str().to_lowercase().starts_with("next");
            // Wire copy reports the past: "on Friday" is the latest Friday on or before the
            // publication date; "next Friday" the first after it.
            let pub_day = published.and_then(|p| NaiveDate::from_ymd_opt(p.year?, p.month, p.day));
            let date = pub_day.map(|d| {
                let mut x = d;
                if next {
                    x = x.succ_opt().unwrap_or(x);
                    while x.weekday() != wd {
                        x = x.succ_opt().unwrap_or(x);
                    }
                } else {
                    while x.weekday() != wd {
                        x = x.pred_opt().unwrap_or(x);
                    }
                }
                x.format("%Y-%m-%d").to_string()
            });
            out.push(DateSuggestion {
                text: whole.as_str().to_string(),
                uncertain: date.is_none(),
                date,
                end: None,
                span: span(whole.start(), whole.end()),
            });
        }
    }
    out.sort_by_key(|d| (d.span.paragraph, d.span.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: Option<PublishedDate>) -> Vec<(String, Option<String>, bool)> {
        find_dates(&[text.to_string()], published)
            .into_iter()
            .map(|d| (d.text, d.date, d.uncertain))
            .collect()
    }

    #[test]
    fn days_take_the_year_from_the_text_else_the_publication_date() {
        let pubd = PublishedDate::new(Some(2017), 6, 23);
        assert_eq!(
            dates("met on 21 June and recalled 22 June 1941", pubd),
            [
                ("21 June".into(), Some("2017-06-21".into()), false),
                ("22 June 1941".into(), Some("1941-06-22".into()), false)
            ]
        );
        assert_eq!(
            dates("met on 21 June", PublishedDate::new(None, 6, 23)),
            [("21 June".into(), Some("--06-21".into()), true)],
            "no year anywhere: uncertain"
        );
        assert_eq!(
            dates("arrived on March 12, 2025.", None),
            [("March 12, 2025".into(), Some("2025-03-12".into()), false)]
        );
    }

    #[test]
    fn ranges_months_weekdays_and_russian() {
        let pubd = PublishedDate::new(Some(2024), 11, 8); // a Friday
        let d = find_dates(&["talks on 14-16 September 2024".to_string()], pubd);
        assert_eq!(d[0].date.as_deref(), Some("2024-09-14"));
        assert_eq!(d[0].end.as_deref(), Some("2024-09-16"));
        assert_eq!(
            dates("signed on Friday; they return next Tuesday", pubd),
            [
                ("on Friday".into(), Some("2024-11-08".into()), false),
                ("next Tuesday".into(), Some("2024-11-12".into()), false)
            ]
        );
        assert_eq!(
            dates("visited Brest in June", pubd),
            [("June".into(), Some("2024-06".into()), false)]
        );
        assert_eq!(
            dates(
                "АТЫРАУ, 12 сентября 2024 года. В июне коллеги побывали в Бресте",
                None
            ),
            [
                ("12 сентября 2024".into(), Some("2024-09-12".into()), false),
                ("июне".into(), Some("--06".into()), true)
            ]
        );
    }

    #[test]
    fn may_the_verb_and_impossible_days_are_not_dates() {
        assert!(dates("A project may be suggested to the colleagues", None).is_empty());
        assert!(dates("on 31 February", None).is_empty());
        assert!(dates("by 2030, 40 trucks", None).is_empty());
        assert!(dates("Phase 1 may be ready", None).is_empty());
    }
}
