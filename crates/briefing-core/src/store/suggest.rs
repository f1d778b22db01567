//! Storing what extraction suggests for an article, in the transaction that stores the
//! article, and offering each suggested person as a known person when the names match.

use rusqlite::{Connection, params};

use super::Result;
use crate::extract::{self, Span, Suggestions};
use crate::model::Article;
use crate::names::{self, SAME_PERSON_THRESHOLD};

/// A name of a known person, with what matching compares.
#[derive(Debug, Clone)]
pub(crate) struct KnownName {
    pub person_id: i64,
    pub name: String,
    pub key: String,
    pub house_name: String,
    pub title: Option<String>,
    pub organisation: Option<String>,
}

/// The names of every person in the store (merged people excluded), read once per batch.
pub(crate) fn known_names(conn: &Connection) -> Result<Vec<KnownName>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.person_id, n.name, n.name_key, p.house_name,
                (SELECT title FROM positions WHERE person_id = p.id ORDER BY last_seen DESC, id DESC LIMIT 1),
                (SELECT organisation FROM positions WHERE person_id = p.id ORDER BY last_seen DESC, id DESC LIMIT 1)
         FROM person_names n JOIN people p ON p.id = n.person_id
         WHERE p.merged_into IS NULL",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(KnownName {
            person_id: r.get(0)?,
            name: r.get(1)?,
            key: r.get(2)?,
            house_name: r.get(3)?,
            title: r.get(4)?,
            organisation: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A known person a suggested name was matched to, and why.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Match {
    pub person_id: i64,
    pub score: f64,
    pub evidence: String,
}

fn same_text(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => names::name_key(a) == names::name_key(b),
        _ => false,
    }
}

/// The known person `name` most probably is, with the evidence: the spellings compared,
/// their keys and similarity, and whether title and organisation agree.
pub(crate) fn best_match(
    known: &[KnownName],
    name: &str,
    title: Option<&str>,
    organisation: Option<&str>,
) -> Option<Match> {
    let key = names::name_key(name);
    let surname = key.rsplit(' ').next().unwrap_or("");
    if surname.is_empty() {
        return None;
    }
    let mut best: Option<Match> = None;
    for k in known {
        if !names::same_keys(&key, &k.key) {
            continue;
        }
        let k_surname = k.key.rsplit(' ').next().unwrap_or("");
        let similarity = names::key_similarity(surname, k_surname);
        let mut score = similarity;
        let mut reasons = vec![if name == k.name {
            format!("the same name, “{name}”")
        } else if key == k.key {
            format!(
                "“{name}” is another spelling of “{}” (both read as “{key}” once scripts and variant spellings are folded)",
                k.name
            )
        } else {
            format!(
                "“{name}” ({key}) is spelt like “{}” ({}): surname similarity {similarity:.2}, threshold {SAME_PERSON_THRESHOLD:.2}",
                k.name, k.key
            )
        }];
        if same_text(title, k.title.as_deref()) {
            score += 0.1;
            reasons.push(format!("same title: {}", k.title.as_deref().unwrap_or("")));
        }
        if same_text(organisation, k.organisation.as_deref()) {
            score += 0.1;
            reasons.push(format!(
                "same organisation: {}",
                k.organisation.as_deref().unwrap_or("")
            ));
        }
        if key.contains(' ') && key == k.key {
            score += 0.05;
        }
        if best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(Match {
                person_id: k.person_id,
                score,
                evidence: format!("Offered as {}: {}.", k.house_name, reasons.join("; ")),
            });
        }
    }
    best
}

/// The organisations, places, dates and visit facts of an extraction as stored: offsets
/// without the text they point at (the article's text holds it).
fn compact_facts(s: &Suggestions) -> String {
    let strip = |spans: &mut Vec<Span>| spans.iter_mut().for_each(|x| x.text.clear());
    let mut organisations = s.organisations.clone();
    organisations.iter_mut().for_each(|o| strip(&mut o.spans));
    let mut places = s.places.clone();
    places.iter_mut().for_each(|p| strip(&mut p.spans));
    let mut dates = s.dates.clone();
    dates.iter_mut().for_each(|d| d.span.text.clear());
    let mut visit = s.visit.clone();
    if let Some(v) = visit.as_mut() {
        strip(&mut v.spans);
    }
    serde_json::json!({
        "organisations": organisations,
        "places": places,
        "dates": dates,
        "visit": visit,
    })
    .to_string()
}

/// The last word of a name's key: what pending suggestions are looked up by.
pub(crate) fn surname_key(name: &str) -> String {
    let key = names::name_key(name);
    key.rsplit(' ').next().unwrap_or("").to_string()
}

/// Byte offset of each paragraph in `Article::text()` (paragraphs joined by blank lines).
fn paragraph_offsets(article: &Article) -> Vec<usize> {
    let mut offsets = Vec::with_capacity(article.paragraphs.len());
    let mut at = 0;
    for p in &article.paragraphs {
        offsets.push(at);
        at += p.len() + 2;
    }
    offsets
}

fn absolute(offsets: &[usize], span: &Span) -> (i64, i64) {
    let base = offsets.get(span.paragraph).copied().unwrap_or(0);
    ((base + span.start) as i64, (base + span.end) as i64)
}

/// A suggested person ready to store: offsets made absolute and JSON written beforehand.
#[derive(Debug, Clone)]
pub(crate) struct PreparedMention {
    name: String,
    title: Option<String>,
    organisation: Option<String>,
    country: Option<String>,
    spans_json: String,
    confidence: f64,
    surname_key: String,
    quotes: Vec<(String, i64, i64)>,
}

/// What extraction suggested for one article, in the shape of the rows that store it. Made
/// by [`prepare`] — CPU work an import does on its reader threads — so that the thread
/// writing to the database only binds values.
#[derive(Debug, Clone)]
pub(crate) struct PreparedSuggestions {
    mentions: Vec<PreparedMention>,
    unattributed: Vec<(String, i64, i64)>,
    topics: Vec<(String, Option<String>, i64, i64)>,
    commitments: Vec<(String, &'static str, i64, i64)>,
    figures: Vec<(String, i64, i64)>,
    facts_json: String,
}

/// Lays out an article's suggestions as rows (pure).
pub(crate) fn prepare(article: &Article, s: &Suggestions) -> PreparedSuggestions {
    let offsets = paragraph_offsets(article);
    let at = |span: &Span| absolute(&offsets, span);
    PreparedSuggestions {
        mentions: s
            .people
            .iter()
            .map(|p| {
                let spans: Vec<(i64, i64)> = p.spans.iter().map(at).collect();
                PreparedMention {
                    name: p.name.clone(),
                    title: p.title.clone(),
                    organisation: p.organisation.clone(),
                    country: p.country.clone(),
                    spans_json: serde_json::to_string(&spans).expect("spans serialise"),
                    confidence: f64::from(p.confidence),
                    surname_key: surname_key(&p.name),
                    quotes: p
                        .quotes
                        .iter()
                        .map(|q| {
                            let (a, b) = at(&q.span);
                            (q.text.clone(), a, b)
                        })
                        .collect(),
                }
            })
            .collect(),
        unattributed: s
            .unattributed_quotes
            .iter()
            .map(|q| {
                let (a, b) = at(&q.span);
                (q.text.clone(), a, b)
            })
            .collect(),
        topics: s
            .topics
            .iter()
            .map(|t| {
                let (a, b) = at(&t.span);
                (t.name.clone(), t.proposed_by.clone(), a, b)
            })
            .collect(),
        commitments: s
            .commitments
            .iter()
            .map(|c| {
                let (a, b) = at(&c.span);
                (c.text.clone(), c.kind.as_str(), a, b)
            })
            .collect(),
        figures: s
            .figures
            .iter()
            .map(|f| {
                let (a, b) = at(&f.span);
                (f.text.clone(), a, b)
            })
            .collect(),
        facts_json: compact_facts(s),
    }
}

fn insert_mention(
    conn: &Connection,
    article_id: i64,
    p: &PreparedMention,
    known: &[KnownName],
) -> Result<i64> {
    // With nobody known yet (a first import), there is nothing to match.
    let matched = if known.is_empty() {
        None
    } else {
        best_match(
            known,
            &p.name,
            p.title.as_deref(),
            p.organisation.as_deref(),
        )
    };
    conn.prepare_cached(
        "INSERT INTO mentions (article_id, person_id, name_as_written, title_as_written, organisation,
             country, spans, confidence, evidence, surname_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        article_id,
        matched.as_ref().map(|m| m.person_id),
        p.name,
        p.title,
        p.organisation,
        p.country,
        p.spans_json,
        p.confidence,
        matched.as_ref().map(|m| &m.evidence),
        p.surname_key,
    ])?;
    let mention_id = conn.last_insert_rowid();
    let mut insert = conn.prepare_cached(
        "INSERT INTO quotes (article_id, mention_id, person_id, text, span_start, span_end, speaker_as_written)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (text, start, end) in &p.quotes {
        insert.execute(params![
            article_id,
            mention_id,
            matched.as_ref().map(|m| m.person_id),
            text,
            start,
            end,
            p.name
        ])?;
    }
    Ok(mention_id)
}

/// Stores the suggestions of a newly stored article: people as mentions (offered as a known
/// person when the name matches), their quotes, unattributed quotes, topics, commitments and
/// figures, and the rest of the extraction (organisations, places, dates, the visit) as JSON.
pub(crate) fn store_suggestions(
    conn: &Connection,
    article_id: i64,
    s: &PreparedSuggestions,
    known: &[KnownName],
) -> Result<()> {
    for p in &s.mentions {
        insert_mention(conn, article_id, p, known)?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO quotes (article_id, text, span_start, span_end) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (text, start, end) in &s.unattributed {
        insert.execute(params![article_id, text, start, end])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO topics (article_id, name, proposed_by_name, span_start, span_end)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (name, by, start, end) in &s.topics {
        insert.execute(params![article_id, name, by, start, end])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO commitments (article_id, description, kind, span_start, span_end)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (text, kind, start, end) in &s.commitments {
        insert.execute(params![article_id, text, kind, start, end])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO figures (article_id, text, span_start, span_end) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (text, start, end) in &s.figures {
        insert.execute(params![article_id, text, start, end])?;
    }
    conn.prepare_cached(
        "INSERT OR REPLACE INTO extractions (article_id, version, suggestions, extracted_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        article_id,
        extract::EXTRACTOR_VERSION,
        s.facts_json,
        super::now()
    ])?;
    Ok(())
}
