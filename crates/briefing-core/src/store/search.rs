//! Full-text search over titles and texts (FTS5, diacritics folded), ranked with BM25 and a
//! title boost, with highlighted snippets.

use serde::Serialize;

use super::read::{ArticleFilter, ArticleSummary, SUMMARY_COLUMNS, summary_from_row};
use super::{Result, Store};

/// A piece of a snippet; `hit` pieces matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SnippetSegment {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub snippet: Vec<SnippetSegment>,
}

// Snippet markers: control characters that normalisation removes from every stored text, so
// they cannot occur in an article and split the snippet unambiguously.
const HIT_START: char = '\u{2}';
const HIT_END: char = '\u{3}';

impl Store {
    /// Searches titles and texts. The query is typed by a person, not FTS5 syntax: words must
    /// all occur (in any form of their diacritics), `"quoted words"` must occur together, and
    /// the last word matches as a prefix so that results follow typing.
    pub fn search(
        &self,
        query: &str,
        filter: &ArticleFilter,
        limit: i64,
    ) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
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
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, f.snip FROM
               (SELECT rowid AS id, rank AS r,
                       snippet(articles_fts, 1, char(2), char(3), '…', 24) AS snip
                FROM articles_fts WHERE articles_fts MATCH ?{restrict}
                ORDER BY rank LIMIT ?) f
             JOIN articles a ON a.id = f.id
             ORDER BY f.r"
        );
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(fts)];
        args.extend(filter_args);
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
pub fn fts_query(input: &str) -> Option<String> {
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
            terms.extend(words.iter().map(|w| format!("\"{w}\"")));
        }
    }
    let last_is_bare_word =
        input.ends_with(char::is_alphanumeric) && input.matches('"').count().is_multiple_of(2);
    let last = terms.last_mut()?;
    if last_is_bare_word {
        last.push('*');
    }
    Some(terms.join(" "))
}

/// "Семёнов" and "Семенов" are one name written two ways; the index stores ё as е (see the
/// first migration), and queries are folded the same way.
fn fold_yo(s: &str) -> String {
    s.replace('ё', "е").replace('Ё', "Е")
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
        assert_eq!(
            fts_query("Brest fort").as_deref(),
            Some("\"Brest\" \"fort\"*")
        );
        assert_eq!(fts_query("Brest ").as_deref(), Some("\"Brest\""));
        assert_eq!(
            fts_query("\"brest fortress\" 1941").as_deref(),
            Some("\"brest fortress\" \"1941\"*")
        );
        assert_eq!(
            fts_query("AND OR NOT ( * -").as_deref(),
            Some("\"AND\" \"OR\" \"NOT\"")
        );
        assert_eq!(fts_query("  -- ** "), None);
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
