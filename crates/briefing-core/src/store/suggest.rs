//! Storing what extraction suggests for an article, in the transaction that stores the
//! article, and offering each suggested person as a known person when the names match.

use rusqlite::{Connection, params};

use super::Result;
use crate::extract::{self, PersonSuggestion, Span, Suggestions};
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

fn insert_mention(
    conn: &Connection,
    article_id: i64,
    offsets: &[usize],
    p: &PersonSuggestion,
    known: &[KnownName],
) -> Result<i64> {
    let spans: Vec<(i64, i64)> = p.spans.iter().map(|s| absolute(offsets, s)).collect();
    let matched = best_match(
        known,
        &p.name,
        p.title.as_deref(),
        p.organisation.as_deref(),
    );
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
        serde_json::to_string(&spans).expect("spans serialise"),
        f64::from(p.confidence),
        matched.as_ref().map(|m| &m.evidence),
        surname_key(&p.name),
    ])?;
    let mention_id = conn.last_insert_rowid();
    for q in &p.quotes {
        let (start, end) = absolute(offsets, &q.span);
        conn.prepare_cached(
            "INSERT INTO quotes (article_id, mention_id, person_id, text, span_start, span_end, speaker_as_written)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            article_id,
            mention_id,
            matched.as_ref().map(|m| m.person_id),
            q.text,
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
    article: &Article,
    s: &Suggestions,
    known: &[KnownName],
) -> Result<()> {
    let offsets = paragraph_offsets(article);
    for p in &s.people {
        insert_mention(conn, article_id, &offsets, p, known)?;
    }
    for q in &s.unattributed_quotes {
        let (start, end) = absolute(&offsets, &q.span);
        conn.prepare_cached(
            "INSERT INTO quotes (article_id, text, span_start, span_end) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![article_id, q.text, start, end])?;
    }
    for t in &s.topics {
        let (start, end) = absolute(&offsets, &t.span);
        conn.prepare_cached(
            "INSERT INTO topics (article_id, name, proposed_by_name, span_start, span_end)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![article_id, t.name, t.proposed_by, start, end])?;
    }
    for c in &s.commitments {
        let (start, end) = absolute(&offsets, &c.span);
        conn.prepare_cached(
            "INSERT INTO commitments (article_id, description, kind, span_start, span_end)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![article_id, c.text, c.kind.as_str(), start, end])?;
    }
    for f in &s.figures {
        let (start, end) = absolute(&offsets, &f.span);
        conn.prepare_cached(
            "INSERT INTO figures (article_id, text, span_start, span_end) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![article_id, f.text, start, end])?;
    }
    conn.prepare_cached(
        "INSERT OR REPLACE INTO extractions (article_id, version, suggestions, extracted_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        article_id,
        extract::EXTRACTOR_VERSION,
        // What the tables above do not hold: people, quotes, topics, commitments and figures
        // are rows already.
        compact_facts(s),
        super::now()
    ])?;
    Ok(())
}
