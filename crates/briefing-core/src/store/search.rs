//! Full-text search over titles and texts (FTS5, diacritics folded), ranked with BM25 and a
//! title boost, with highlighted snippets.

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::read::{ArticleFilter, ArticleSummary, SUMMARY_COLUMNS, summary_from_row};
use super::{Result, Store};
use crate::text::fold_yo;

/// A piece of a snippet; `hit` pieces matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SnippetSegment {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub snippet: Vec<SnippetSegment>,
}

// Snippet markers: control characters that normalisation removes from every stored text, so
// they cannot occur in an article and split the snippet unambiguously.
const HIT_START: char = '\u{2}';
/// Ranking scores every match, so a query matching most of the archive ("delegation") costs
/// time in proportion to the archive. Beyond this many matches, only the most recent ones
/// are ranked: the best of the latest 1,000 articles naming a term is what an officer
/// searching for it wants, and the cost stays flat as the archive grows.
pub const RANK_WINDOW: i64 = 1_000;
const HIT_END: char = '\u{3}';

impl Store {
    /// Searches titles and texts for a finished query. The query is typed by a person, not
    /// FTS5 syntax: words must all occur (in any form of their diacritics) and
    /// `"quoted words"` must occur together.
    pub fn search(
        &self,
        query: &str,
        filter: &ArticleFilter,
        limit: i64,
    ) -> Result<Vec<SearchHit>> {
        self.search_fts(fts_query(query, false), filter, limit)
    }

    /// Searches while the query is being typed: as [`Store::search`], but the last word,
    /// probably unfinished, also matches the words it begins ("Dyus" finds "Dyusembayev").
    pub fn search_as_you_type(
        &self,
        query: &str,
        filter: &ArticleFilter,
        limit: i64,
    ) -> Result<Vec<SearchHit>> {
        self.search_fts(fts_query(query, true), filter, limit)
    }

    fn search_fts(
        &self,
        fts: Option<String>,
        filter: &ArticleFilter,
        limit: i64,
    ) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts else {
            return Ok(vec![]);
        };
        let (cond, filter_args) = filter.sql();
        // FTS5 ranks the matches and keeps the best `limit` before anything reads an article
        // row; filters narrow the matches by id first. Joining first would read every
        // matching article just to sort them.
        let restrict = if cond.is_empty() {
            String::new()
        } else {
            format!(" AND rowid IN (SELECT a.id FROM articles a WHERE 1=1{cond})")
        };
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(fts)];
        args.extend(filter_args);
        // The rowid of the RANK_WINDOW-th most recent match, found by walking the index in
        // rowid order, which is cheap; none when there are fewer matches.
        let cutoff: Option<i64> = {
            let sql = format!(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?{restrict}
                 ORDER BY rowid DESC LIMIT 1 OFFSET {RANK_WINDOW}"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            stmt.query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))
                .optional()?
        };
        let window = if cutoff.is_some() {
            " AND rowid > ?"
        } else {
            ""
        };
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, f.snip FROM
               (SELECT rowid AS id, rank AS r,
                       snippet(articles_fts, 1, char(2), char(3), '…', 24) AS snip
                FROM articles_fts WHERE articles_fts MATCH ?{restrict}{window}
                ORDER BY rank LIMIT ?) f
             JOIN articles a ON a.id = f.id
             ORDER BY f.r"
        );
        if let Some(c) = cutoff {
            args.push(Box::new(c));
        }
        args.push(Box::new(limit));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok(SearchHit {
                article: summary_from_row(r)?,
                snippet: split_snippet(&r.get::<_, String>(8)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Turns what a person typed into an FTS5 query, or `None` when nothing searchable is left.
/// With `prefix_last`, a last word of two or more characters not followed by a space also
/// matches as a prefix.
pub fn fts_query(input: &str, prefix_last: bool) -> Option<String> {
    let input = &fold_yo(input);
    let mut terms = Vec::new();
    for (i, part) in input.split('"').enumerate() {
        let words: Vec<&str> = part
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        if i % 2 == 1 {
            terms.push(format!("\"{}\"", words.join(" ")));
        } else {
            terms.extend(words.iter().map(|w| {
                // Russian and other Cyrillic-script languages decline names and nouns by
                // their endings ("Семёнов", "Семёнова", "Семёновым"): such words match the
                // words they begin, a crude stemmer that never misses a case form.
                if w.chars().count() >= 4 && w.chars().any(is_cyrillic) {
                    format!("\"{w}\"*")
                } else {
                    format!("\"{w}\"")
                }
            }));
        }
    }
    let last_is_bare_word =
        input.ends_with(char::is_alphanumeric) && input.matches('"').count().is_multiple_of(2);
    let last_word_len = input
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .map_or(0, |w| w.chars().count());
    let last = terms.last_mut()?;
    if last.ends_with('*') {
        return Some(terms.join(" "));
    }
    // A single letter as a prefix matches nearly everything and says nothing; prefixes
    // count from two characters (which the index also keeps ready).
    if prefix_last && last_is_bare_word && last_word_len >= 2 {
        last.push('*');
    }
    Some(terms.join(" "))
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

fn split_snippet(s: &str) -> Vec<SnippetSegment> {
    let mut segments = Vec::new();
    let mut hit = false;
    for piece in s.split([HIT_START, HIT_END]) {
        if !piece.is_empty() {
            segments.push(SnippetSegment {
                text: piece.to_string(),
                hit,
            });
        }
        hit = !hit;
    }
    // split() alternates correctly only when markers alternate; FTS5 guarantees that.
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_queries_become_safe_fts_queries() {
        let typing = |q: &str| fts_query(q, true);
        assert_eq!(typing("Brest fort").as_deref(), Some("\"Brest\" \"fort\"*"));
        assert_eq!(
            fts_query("Brest fort", false).as_deref(),
            Some("\"Brest\" \"fort\"")
        );
        assert_eq!(typing("Brest ").as_deref(), Some("\"Brest\""));
        assert_eq!(
            typing("D").as_deref(),
            Some("\"D\""),
            "one letter is not a prefix"
        );
        assert_eq!(typing("Dy").as_deref(), Some("\"Dy\"*"));
        let phrase = typing("\"brest fortress\" 1941");
        assert_eq!(phrase.as_deref(), Some("\"brest fortress\" \"1941\"*"));
        let syntax = typing("AND OR NOT ( * -");
        assert_eq!(syntax.as_deref(), Some("\"AND\" \"OR\" \"NOT\""));
        assert_eq!(typing("  -- ** "), None);
        let russian = fts_query("Семенов Брест", false);
        assert_eq!(
            russian.as_deref(),
            Some("\"Семенов\"* \"Брест\"*"),
            "Cyrillic words match their case forms"
        );
    }

    #[test]
    fn snippets_split_into_hits() {
        let s = split_snippet("a \u{2}Brest\u{3} b");
        assert_eq!(
            s.iter()
                .filter(|x| x.hit)
                .map(|x| x.text.as_str())
                .collect::<Vec<_>>(),
            vec!["Brest"]
        );
        assert_eq!(s.len(), 3);
    }
}
