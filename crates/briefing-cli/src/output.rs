//! Human-readable and JSON output of the CLI.

use std::io::Write;

use anyhow::Result;
use briefing_core::extract::Suggestions;
use briefing_core::import::{ImportReport, ImportStatus};
use briefing_core::store::{
    ArticleReview, ArticleSummary, Dossier, LogEntry, PersonSummary, SearchHit, StoredArticle,
    VisitDetail, VisitSummary,
};
use serde::Serialize;

/// Prints a line to standard output. A closed pipe (`briefing list | head`) ends the
/// program quietly instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    };
}

pub fn print_json<T: Serialize>(value: &T) -> Result<()> {
    out!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

pub fn print_import(report: &ImportReport) {
    for item in &report.items {
        let title = item
            .title
            .as_deref()
            .map(|t| format!(" \u{201c}{t}\u{201d}"))
            .unwrap_or_default();
        let id = item
            .article_id
            .map(|id| format!(" [{id}]"))
            .unwrap_or_default();
        let note = item
            .message
            .as_deref()
            .map(|m| format!(": {m}"))
            .unwrap_or_default();
        match item.status {
            ImportStatus::Imported => out!("imported        {}{title}{id}{note}", item.input),
            ImportStatus::NearDuplicate => out!("near-duplicate  {}{title}{note}", item.input),
            ImportStatus::Duplicate => out!("duplicate       {}{note}", item.input),
            ImportStatus::Failed => eprintln!("FAILED          {}{note}", item.input),
        }
    }
    out!("{}", report.summary());
}

fn meta_line(a: &ArticleSummary) -> String {
    let published = a.published.map_or_else(
        || "undated".to_string(),
        |d| match d.year {
            Some(_) => d.to_iso(),
            None => format!("{} (year unknown)", d.to_iso()),
        },
    );
    let mut parts = vec![a.outlet.clone().unwrap_or_else(|| "unknown outlet".into())];
    parts.extend(a.dateline.clone());
    parts.push(published);
    if a.group_size > 1 {
        parts.push(format!("{} copies", a.group_size));
    }
    parts.join(" · ")
}

pub fn print_list(articles: &[ArticleSummary]) {
    if articles.is_empty() {
        out!("no articles");
    }
    for a in articles {
        out!("{:>6}  {}\n        {}", a.id, a.title, meta_line(a));
    }
}

pub fn print_hits(hits: &[SearchHit]) {
    if hits.is_empty() {
        out!("no matches");
    }
    for h in hits {
        let snippet: String = h
            .snippet
            .iter()
            .map(|s| {
                if s.hit {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect();
        out!(
            "{:>6}  {}\n        {}\n        {snippet}",
            h.article.id,
            h.article.title,
            meta_line(&h.article)
        );
    }
}

pub fn print_article(a: &StoredArticle) {
    out!("{}", a.summary.title);
    out!("{}", meta_line(&a.summary));
    if let Some(r) = &a.relayed_from {
        let reference = r
            .reference
            .as_deref()
            .map(|x| format!(", {x}"))
            .unwrap_or_default();
        out!("relayed from {}{reference}", r.outlet);
    }
    if let Some(url) = &a.url {
        out!("url: {url}");
    }
    out!(
        "language: {} · format: {} · source: {} · imported {}",
        a.summary.language,
        a.format.as_str(),
        a.source_name,
        a.imported_at
    );
    if !a.tags.is_empty() {
        out!("tags: {}", a.tags.join(", "));
    }
    for w in &a.warnings {
        out!("warning: {w}");
    }
    if !a.near_duplicates.is_empty() {
        out!("same story also stored as:");
        for d in &a.near_duplicates {
            out!(
                "  [{}] {} ({})",
                d.id,
                d.title,
                d.outlet.as_deref().unwrap_or("unknown outlet")
            );
        }
    }
    out!();
    for p in &a.paragraphs {
        out!("{p}\n");
    }
}

pub fn print_suggestions(title: &str, s: &Suggestions) {
    out!("{title}");
    if s.people.is_empty() {
        out!("  no people found");
    }
    for p in &s.people {
        let position: Vec<&str> = [
            p.title.as_deref(),
            p.organisation.as_deref(),
            p.country.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        out!(
            "  {} — {} (confidence {:.2}, {} mentions)",
            p.name,
            position.join(", "),
            p.confidence,
            p.spans.len()
        );
        for q in &p.quotes {
            out!("      \u{201c}{}\u{201d}", q.text);
        }
    }
    for q in &s.unattributed_quotes {
        out!("  unattributed: \u{201c}{}\u{201d}", q.text);
    }
    if !s.topics.is_empty() {
        out!("  proposed areas of cooperation:");
        for t in &s.topics {
            out!(
                "    {} — {}",
                t.name,
                t.proposed_by.as_deref().unwrap_or("proposer not named")
            );
        }
    }
    for c in &s.commitments {
        out!("  {:?}: {}", c.kind, c.text);
    }
    for f in &s.figures {
        out!("  figure: {}", f.text);
    }
}

fn join_some(parts: &[Option<&str>]) -> String {
    parts
        .iter()
        .flatten()
        .copied()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn print_people(people: &[PersonSummary]) {
    if people.is_empty() {
        out!("no people yet: confirm suggestions with `briefing review ARTICLE_ID`");
    }
    for p in people {
        let position = join_some(&[
            p.title.as_deref(),
            p.organisation.as_deref(),
            p.country.as_deref(),
        ]);
        let variants = if p.variants.is_empty() {
            String::new()
        } else {
            format!(" (also {})", p.variants.join(", "))
        };
        out!(
            "[{}] {}{variants} — {} — {} article{}",
            p.id,
            p.house_name,
            if position.is_empty() {
                "position unknown"
            } else {
                &position
            },
            p.articles,
            if p.articles == 1 { "" } else { "s" }
        );
    }
}

pub fn print_dossier(d: &Dossier) {
    out!("{} [{}]", d.house_name, d.id);
    let variants: Vec<String> = d
        .names
        .iter()
        .filter(|n| !n.house)
        .map(|n| format!("{} ({})", n.name, n.script))
        .collect();
    if !variants.is_empty() {
        out!("  also written: {}", variants.join(", "));
    }
    let p = &d.protocol;
    for (label, value) in [
        ("form of address", &p.form_of_address),
        ("pronunciation", &p.pronunciation),
        ("interpreter", &p.interpreter),
        ("notes", &p.notes),
    ] {
        if let Some(v) = value {
            out!("  {label}: {v}");
        }
    }
    if !d.positions.is_empty() {
        out!("positions");
    }
    for pos in &d.positions {
        let dates = match (&pos.first_seen, &pos.last_seen) {
            (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
            (Some(a), _) => a.clone(),
            _ => String::new(),
        };
        out!(
            "  {} — {} ({} articles)",
            join_some(&[
                Some(pos.title.as_str()),
                pos.organisation.as_deref(),
                pos.country.as_deref()
            ]),
            dates,
            pos.articles.len()
        );
    }
    if !d.mentions.is_empty() {
        out!("articles");
    }
    for m in &d.mentions {
        let pending = if m.status == "suggested" {
            " (suggested, not yet confirmed)"
        } else {
            ""
        };
        out!(
            "  [{}] {} — {} as \u{201c}{}\u{201d}{pending}",
            m.article_id,
            m.article_title,
            join_some(&[m.outlet.as_deref(), m.published.as_deref()]),
            m.name_as_written
        );
    }
    if !d.quotes.is_empty() {
        out!("quotes");
    }
    for q in &d.quotes {
        out!("  \u{201c}{}\u{201d} [{}]", q.text, q.article_id);
    }
    if !d.proposals.is_empty() {
        let names: Vec<&str> = d.proposals.iter().map(|t| t.name.as_str()).collect();
        out!("proposed: {}", names.join(", "));
    }
    for v in &d.visits {
        out!(
            "visit [{}] {} {}",
            v.visit_id,
            v.title,
            join_some(&[
                v.start_date.as_deref(),
                v.side.as_deref(),
                v.role.as_deref()
            ])
        );
    }
}

pub fn print_review(r: &ArticleReview) {
    if r.mentions.is_empty() {
        out!("no people suggested for article {}", r.article_id);
    }
    for m in &r.mentions {
        let position = join_some(&[
            m.title.as_deref(),
            m.organisation.as_deref(),
            m.country.as_deref(),
        ]);
        let who = match (&m.person_id, &m.person_name) {
            (Some(id), Some(name)) => format!(" -> {name} [{id}]"),
            _ if m.status == "suggested" => " -> new person".to_string(),
            _ => String::new(),
        };
        out!(
            "[{}] {:<9} {} — {}{who} (confidence {:.2})",
            m.id,
            m.status,
            m.name,
            if position.is_empty() {
                "position unknown"
            } else {
                &position
            },
            m.confidence
        );
        if let Some(e) = &m.evidence {
            out!("      {e}");
        }
        for q in &m.quotes {
            out!("      \u{201c}{}\u{201d} ({})", q.text, q.status);
        }
    }
    for q in &r.unattributed_quotes {
        out!("  unattributed: \u{201c}{}\u{201d}", q.text);
    }
    if !r.topics.is_empty() {
        out!("proposed areas of cooperation");
    }
    for t in &r.topics {
        out!(
            "  {} — {} ({})",
            t.name,
            t.proposed_by.as_deref().unwrap_or("proposer not named"),
            t.status
        );
    }
    for c in &r.commitments {
        out!("  {}: {} ({})", c.kind, c.description, c.review);
    }
    for f in &r.figures {
        out!("  figure: {} ({})", f.text, f.status);
    }
}

pub fn print_history(log: &[LogEntry]) {
    if log.is_empty() {
        out!("no review actions yet");
    }
    for e in log {
        let undone = e
            .undone_at
            .as_deref()
            .map(|u| format!(" (undone {u})"))
            .unwrap_or_default();
        out!(
            "[{}] {} {} {} by {} at {}{undone}",
            e.id,
            e.action,
            e.subject,
            e.details,
            e.actor,
            e.at
        );
    }
}

pub fn print_visits(visits: &[VisitSummary]) {
    if visits.is_empty() {
        out!("no visits yet: `briefing visit create --from-article ID`");
    }
    for v in visits {
        out!(
            "[{}] {} — {} ({}; {} participants, {} articles)",
            v.id,
            v.title,
            join_some(&[v.place.as_deref(), v.start_date.as_deref()]),
            v.status.replace('_', " "),
            v.participants,
            v.articles
        );
    }
}

pub fn print_visit(v: &VisitDetail) {
    let f = &v.fields;
    out!("[{}] {}", v.id, f.title);
    out!(
        "  {} visit, {} — {}",
        f.kind,
        f.status.replace('_', " "),
        join_some(&[
            f.place.as_deref(),
            f.start_date.as_deref(),
            f.end_date.as_deref()
        ])
    );
    out!(
        "  visiting: {}",
        join_some(&[
            f.visiting_org.as_deref(),
            f.visiting_region.as_deref(),
            f.visiting_country.as_deref()
        ])
    );
    out!(
        "  host: {}",
        join_some(&[
            f.host_org.as_deref(),
            f.host_region.as_deref(),
            f.host_country.as_deref()
        ])
    );
    if let Some(p) = &f.purpose {
        out!("  purpose: {p}");
    }
    if !v.participants.is_empty() {
        out!("participants");
    }
    for p in &v.participants {
        out!(
            "  [{}] {} — {} — {} ({})",
            p.person_id,
            p.name,
            join_some(&[
                p.title.as_deref(),
                p.organisation.as_deref(),
                p.country.as_deref()
            ]),
            p.side,
            p.role
        );
    }
    if !v.articles.is_empty() {
        out!("articles");
    }
    for a in &v.articles {
        out!("  [{}] {}", a.id, a.title);
    }
    if !v.topics.is_empty() {
        out!("proposed areas of cooperation");
    }
    for t in &v.topics {
        out!(
            "  {} — {}",
            t.name,
            t.proposed_by.as_deref().unwrap_or("proposer not named")
        );
    }
    if !v.commitments.is_empty() {
        out!("commitments");
    }
    for c in &v.commitments {
        out!(
            "  [{}] {} — {} (owner {}, due {})",
            c.id,
            c.description,
            c.status,
            c.owner.as_deref().unwrap_or("—"),
            c.due.as_deref().unwrap_or("—")
        );
    }
    if !v.timeline.is_empty() {
        out!("background");
    }
    for e in &v.timeline {
        out!(
            "  {} {} [{} {}] — {}",
            e.date.as_deref().unwrap_or("undated"),
            e.title,
            e.kind,
            e.id,
            e.because
        );
    }
}
