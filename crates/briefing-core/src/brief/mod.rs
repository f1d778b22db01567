//! The brief: one document model, composed from a visit and what the store knows about it
//! (a pure function), and rendered twice — to DOCX for Word and LibreOffice, and to HTML for
//! the in-app preview — so that the preview shows what the document contains.

pub mod docx;
pub mod html;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::store::{Dossier, StoredArticle, VisitDetail, side_label};

/// The sections a brief can hold, in their default order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Cover,
    Summary,
    Counterparts,
    Profiles,
    Cooperation,
    Commitments,
    Facts,
    Background,
    TalkingPoints,
    Sources,
    Appendix,
}

impl SectionKind {
    pub const ALL: [SectionKind; 11] = [
        SectionKind::Cover,
        SectionKind::Summary,
        SectionKind::Counterparts,
        SectionKind::Profiles,
        SectionKind::Cooperation,
        SectionKind::Commitments,
        SectionKind::Facts,
        SectionKind::Background,
        SectionKind::TalkingPoints,
        SectionKind::Sources,
        SectionKind::Appendix,
    ];

    /// The name used on the command line and in stored brief settings.
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Cover => "cover",
            SectionKind::Summary => "summary",
            SectionKind::Counterparts => "counterparts",
            SectionKind::Profiles => "profiles",
            SectionKind::Cooperation => "cooperation",
            SectionKind::Commitments => "commitments",
            SectionKind::Facts => "facts",
            SectionKind::Background => "background",
            SectionKind::TalkingPoints => "talking_points",
            SectionKind::Sources => "sources",
            SectionKind::Appendix => "appendix",
        }
    }

    pub fn parse(s: &str) -> Option<SectionKind> {
        let s = s.trim().replace('-', "_");
        SectionKind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// The heading the section carries in the document.
    pub fn heading(self) -> &'static str {
        match self {
            SectionKind::Cover => "Cover",
            SectionKind::Summary => "Summary",
            SectionKind::Counterparts => "Delegation and counterparts",
            SectionKind::Profiles => "Counterpart profiles",
            SectionKind::Cooperation => "Proposed areas of cooperation",
            SectionKind::Commitments => "Commitments and follow-ups",
            SectionKind::Facts => "Key facts and figures",
            SectionKind::Background => "Background: earlier contacts",
            SectionKind::TalkingPoints => "Talking points and defensive lines",
            SectionKind::Sources => "Sources",
            SectionKind::Appendix => "Appendix: full texts",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// What the officer chose for a brief: sections and their order, their own texts, and the
/// house style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct BriefOptions {
    pub sections: Vec<SectionKind>,
    pub classification: Option<String>,
    pub author: Option<String>,
    pub organisation: Option<String>,
    /// The date the brief is prepared on (ISO).
    pub date: String,
    /// The officer's summary; the suggested key points stand in for it when it is empty.
    pub summary: Option<String>,
    pub talking_points: Option<String>,
    pub defensive_lines: Option<String>,
    pub paper: Paper,
    pub margin_mm: u32,
}

impl Default for BriefOptions {
    fn default() -> Self {
        BriefOptions {
            sections: SectionKind::ALL.to_vec(),
            classification: None,
            author: None,
            organisation: None,
            date: chrono::Utc::now().format("%Y-%m-%d").to_string(),
            summary: None,
            talking_points: None,
            defensive_lines: None,
            paper: Paper::A4,
            margin_mm: 20,
        }
    }
}

impl BriefOptions {
    /// Fills what the brief itself does not choose from the house style: author,
    /// organisation and classification when unset; paper and margins always.
    pub fn with_house_style(mut self, house: &crate::settings::HouseStyle) -> BriefOptions {
        self.author = self.author.or(house.author.clone());
        self.organisation = self.organisation.or(house.organisation.clone());
        self.classification = self.classification.or(house.classification.clone());
        self.paper = house.paper;
        self.margin_mm = house.margin_mm;
        self
    }
}

/// Everything the store knows that a brief on a visit may use.
#[derive(Debug, Clone)]
pub struct BriefInput {
    pub visit: VisitDetail,
    /// The participants' dossiers, in the visit's order.
    pub dossiers: Vec<Dossier>,
    /// The articles linked to the visit, then those the timeline and profiles cite.
    pub articles: Vec<StoredArticle>,
}

/// A run of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Bold {
        text: String,
    },
    Italic {
        text: String,
    },
    /// A numbered source: "[1]".
    Cite {
        n: usize,
    },
    Link {
        text: String,
        url: String,
    },
}

pub fn t(s: impl Into<String>) -> Inline {
    Inline::Text { text: s.into() }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Column {
    pub header: String,
    /// Share of the text width, in percent.
    pub width: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        inlines: Vec<Inline>,
    },
    /// A level-2 heading inside a section.
    Subheading {
        text: String,
    },
    Bullets {
        items: Vec<Vec<Inline>>,
    },
    Numbered {
        items: Vec<Vec<Inline>>,
    },
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A quotation, set apart.
    Quote {
        inlines: Vec<Inline>,
    },
    /// A remark in italics ("No earlier visits in the store").
    Note {
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Section {
    pub kind: SectionKind,
    /// "1. Summary": numbered in order, except the appendix.
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Source {
    pub n: usize,
    pub article_id: i64,
    pub outlet: Option<String>,
    pub title: String,
    pub published: Option<String>,
    pub dateline: Option<String>,
    pub url: Option<String>,
    pub relayed_from: Option<String>,
}

/// The document model both renderers draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Brief {
    pub title: String,
    /// Lines under the title: kind, place, dates; prepared by and on.
    pub cover_lines: Vec<String>,
    pub classification: Option<String>,
    pub author: Option<String>,
    pub date: String,
    /// Whether the cover (title block and table of contents) is shown.
    pub cover: bool,
    pub sections: Vec<Section>,
    pub sources: Vec<Source>,
    pub paper: Paper,
    pub margin_mm: u32,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2017-06-21" -> "21 June 2017"; "--06-21" -> "21 June"; anything else as it is.
pub fn display_date(iso: &str) -> String {
    match crate::model::PublishedDate::parse_iso(iso) {
        Some(d) => {
            let month = MONTHS[(d.month as usize).clamp(1, 12) - 1];
            match d.year {
                Some(y) => format!("{} {month} {y}", d.day),
                None => format!("{} {month}", d.day),
            }
        }
        None => iso.to_string(),
    }
}

/// The dates of a visit: "21 June 2017", "21–22 June (year not stated in the sources)".
fn visit_dates(start: Option<&str>, end: Option<&str>) -> Option<String> {
    let start = start?;
    let s = crate::model::PublishedDate::parse_iso(start);
    let e = end.and_then(crate::model::PublishedDate::parse_iso);
    let text = match (s, e) {
        (Some(s), Some(e)) if s.month == e.month && s.year == e.year => {
            let end = display_date(end.unwrap_or(""));
            format!("{}–{end}", s.day)
        }
        (_, Some(_)) => format!(
            "{} – {}",
            display_date(start),
            display_date(end.unwrap_or(""))
        ),
        _ => display_date(start),
    };
    Some(if start.starts_with("--") {
        format!("{text} (year not stated in the sources)")
    } else {
        text
    })
}

/// "Gumar Dyusembayev" -> "Gumar DYUSEMBAYEV": the surname in capitals, as protocol lists
/// write it.
fn protocol_name(name: &str) -> String {
    match name.rsplit_once(' ') {
        Some((given, surname)) => format!("{given} {}", surname.to_uppercase()),
        None => name.to_uppercase(),
    }
}

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

fn join(parts: &[Option<&str>], sep: &str) -> String {
    parts
        .iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(sep)
}

/// Paragraphs of officer text: blank lines separate them; lines starting "- " or "* " are
/// bullets.
fn officer_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<&str> = para.lines().map(str::trim).collect();
        if lines
            .iter()
            .all(|l| l.starts_with("- ") || l.starts_with("* "))
        {
            blocks.push(Block::Bullets {
                items: lines.iter().map(|l| vec![t(l[2..].trim())]).collect(),
            });
        } else {
            blocks.push(Block::Paragraph {
                inlines: vec![t(lines.join(" "))],
            });
        }
    }
    blocks
}

/// The first sentence of a text, without a wire dateline ("BREST. KAZINFORM - ").
fn lead_sentence(text: &str) -> Option<String> {
    let body = match text.find(" - ").or_else(|| text.find(" – ")) {
        Some(i) if i < 80 => &text[i + 3..],
        _ => text,
    };
    let end = body
        .char_indices()
        .find(|&(i, c)| c == '.' && body[i + 1..].starts_with(' '))
        .map_or(body.len(), |(i, _)| i + 1);
    let s = body[..end].trim();
    (s.split_whitespace().count() >= 6).then(|| s.to_string())
}

/// The suggested key points: extractive, each citing its source — each linked article's
/// lead, then the commitments. The officer accepts or edits them as the summary.
pub fn suggested_points(input: &BriefInput) -> Vec<(String, i64)> {
    let mut points: Vec<(String, i64)> = Vec::new();
    for a in input
        .articles
        .iter()
        .filter(|a| input.visit.articles.iter().any(|v| v.id == a.summary.id))
    {
        if let Some(lead) = a.paragraphs.first().and_then(|p| lead_sentence(p)) {
            points.push((lead, a.summary.id));
        }
    }
    for c in &input.visit.commitments {
        if let Some(a) = c.article_id {
            let text = c
                .description
                .trim()
                .trim_end_matches(['"', '”'])
                .to_string();
            if !points.iter().any(|(p, _)| *p == text) {
                points.push((text, a));
            }
        }
    }
    points.truncate(8);
    points
}

/// Composes the brief on a visit.
pub fn compose(input: &BriefInput, options: &BriefOptions) -> Brief {
    let v = &input.visit;
    let f = &v.fields;
    // Sources: numbered in order of first use; the visit's articles come first.
    let mut numbers: BTreeMap<i64, usize> = BTreeMap::new();
    let mut sources: Vec<Source> = Vec::new();
    for a in &input.articles {
        let n = sources.len() + 1;
        numbers.insert(a.summary.id, n);
        sources.push(Source {
            n,
            article_id: a.summary.id,
            outlet: a.summary.outlet.clone(),
            title: a.summary.title.clone(),
            published: a.summary.published.map(|d| d.to_iso()),
            dateline: a.summary.dateline.clone(),
            url: a.url.clone(),
            relayed_from: a.relayed_from.as_ref().map(|r| match &r.reference {
                Some(reference) if reference != &r.outlet => {
                    format!("{}, {reference}", r.outlet)
                }
                _ => r.outlet.clone(),
            }),
        });
    }
    let cite = |article: Option<i64>| -> Vec<Inline> {
        match article.and_then(|a| numbers.get(&a)) {
            Some(&n) => vec![t(" "), Inline::Cite { n }],
            None => vec![],
        }
    };
    let visiting = side_label(
        f.visiting_org.as_deref(),
        f.visiting_region.as_deref(),
        f.visiting_country.as_deref(),
    );
    let host = side_label(
        f.host_org.as_deref(),
        f.host_region.as_deref(),
        f.host_country.as_deref(),
    );
    let kind_label = match f.kind.as_str() {
        "official" => "Official visit",
        "working" => "Working visit",
        "reciprocal" => "Reciprocal visit",
        _ => "Visit",
    };
    let mut cover_lines = vec![join(
        &[
            Some(kind_label),
            f.place.as_deref(),
            visit_dates(f.start_date.as_deref(), f.end_date.as_deref()).as_deref(),
        ],
        " · ",
    )];
    let prepared_by = join(
        &[options.author.as_deref(), options.organisation.as_deref()],
        ", ",
    );
    cover_lines.push(if prepared_by.is_empty() {
        format!("Prepared on {}", display_date(&options.date))
    } else {
        format!(
            "Prepared by {prepared_by}, on {}",
            display_date(&options.date)
        )
    });

    let mut sections = Vec::new();
    let mut number = 0;
    for kind in &options.sections {
        let blocks = match kind {
            SectionKind::Cover => continue,
            SectionKind::Summary => match options.summary.as_deref().map(str::trim) {
                Some(s) if !s.is_empty() => officer_blocks(s),
                _ => {
                    let points = suggested_points(input);
                    if points.is_empty() {
                        vec![Block::Note {
                            text: "No summary written, and no key points could be drawn from the articles."
                                .into(),
                        }]
                    } else {
                        vec![Block::Bullets {
                            items: points
                                .into_iter()
                                .map(|(p, a)| {
                                    let mut item = vec![t(p)];
                                    item.extend(cite(Some(a)));
                                    item
                                })
                                .collect(),
                        }]
                    }
                }
            },
            SectionKind::Counterparts => {
                if v.participants.is_empty() {
                    vec![Block::Note {
                        text: "No participants recorded for this visit.".into(),
                    }]
                } else {
                    let rows = v
                        .participants
                        .iter()
                        .map(|p| {
                            let mut name = vec![Inline::Bold {
                                text: protocol_name(&p.name),
                            }];
                            if !p.variants.is_empty() {
                                name.push(t(format!(" (also: {})", p.variants.join(", "))));
                            }
                            let side = match (p.side.as_str(), p.role.as_str()) {
                                ("visiting", "head") => "Visiting — head of delegation".to_string(),
                                ("visiting", _) => "Visiting".to_string(),
                                ("host", _) => "Host".to_string(),
                                _ => "Other".to_string(),
                            };
                            let notes = join(
                                &[
                                    p.protocol.form_of_address.as_deref(),
                                    p.protocol
                                        .pronunciation
                                        .as_deref()
                                        .map(|x| format!("pronounced {x}"))
                                        .as_deref(),
                                    p.protocol
                                        .interpreter
                                        .as_deref()
                                        .map(|x| format!("interpreter: {x}"))
                                        .as_deref(),
                                    p.protocol.notes.as_deref(),
                                ],
                                "; ",
                            );
                            vec![
                                name,
                                vec![t(p.title.clone().unwrap_or_default())],
                                vec![t(p.organisation.clone().unwrap_or_default())],
                                vec![t(p.country.clone().unwrap_or_default())],
                                vec![t(side)],
                                vec![t(notes)],
                            ]
                        })
                        .collect();
                    vec![Block::Table {
                        columns: [
                            ("Name", 20),
                            ("Position", 14),
                            ("Organisation", 18),
                            ("Country", 13),
                            ("Side", 14),
                            ("Notes", 21),
                        ]
                        .iter()
                        .map(|(h, w)| Column {
                            header: h.to_string(),
                            width: *w,
                        })
                        .collect(),
                        rows,
                    }]
                }
            }
            SectionKind::Profiles => {
                let mut blocks = Vec::new();
                for d in &input.dossiers {
                    let p = v.participants.iter().find(|p| p.person_id == d.id);
                    let position = join(
                        &[
                            p.and_then(|p| p.title.as_deref()),
                            p.and_then(|p| p.organisation.as_deref()),
                        ],
                        ", ",
                    );
                    blocks.push(Block::Subheading {
                        text: if position.is_empty() {
                            d.house_name.clone()
                        } else {
                            format!("{} — {position}", d.house_name)
                        },
                    });
                    let mut items: Vec<Vec<Inline>> = Vec::new();
                    for pos in &d.positions {
                        let mut item = vec![t(format!(
                            "Position seen: {}",
                            join(
                                &[
                                    Some(pos.title.as_str()),
                                    pos.organisation.as_deref(),
                                    pos.country.as_deref()
                                ],
                                ", "
                            )
                        ))];
                        if let Some(first) = &pos.first_seen {
                            item.push(t(format!(" (first seen {}", display_date(first))));
                            if pos.last_seen.as_ref().is_some_and(|l| l != first) {
                                item.push(t(format!(
                                    ", last {}",
                                    display_date(pos.last_seen.as_deref().unwrap_or(""))
                                )));
                            }
                            item.push(t(")"));
                        }
                        for a in &pos.articles {
                            item.extend(cite(Some(*a)));
                        }
                        items.push(item);
                    }
                    let earlier: Vec<_> = d
                        .mentions
                        .iter()
                        .filter(|m| !v.articles.iter().any(|a| a.id == m.article_id))
                        .collect();
                    if earlier.is_empty() {
                        items.push(vec![t("Previous contacts: none in the store.")]);
                    } else {
                        for m in earlier.iter().take(10) {
                            let mut item = vec![t(format!(
                                "Previously: “{}”{}{}",
                                m.article_title,
                                m.outlet
                                    .as_deref()
                                    .map(|o| format!(", {o}"))
                                    .unwrap_or_default(),
                                m.published
                                    .as_deref()
                                    .map(|p| format!(", {}", display_date(p)))
                                    .unwrap_or_default()
                            ))];
                            item.extend(cite(Some(m.article_id)));
                            items.push(item);
                        }
                    }
                    if !d.proposals.is_empty() {
                        let mut by_article: BTreeMap<Option<i64>, Vec<&str>> = BTreeMap::new();
                        for pr in &d.proposals {
                            by_article
                                .entry(pr.article_id)
                                .or_default()
                                .push(pr.name.as_str());
                        }
                        for (a, names) in by_article {
                            let mut item = vec![t(format!("Proposed: {}", names.join(", ")))];
                            item.extend(cite(a));
                            items.push(item);
                        }
                    }
                    blocks.push(Block::Bullets { items });
                    if !d.quotes.is_empty() {
                        blocks.push(Block::Paragraph {
                            inlines: vec![Inline::Bold {
                                text: "Quoted".into(),
                            }],
                        });
                        for q in &d.quotes {
                            let mut inlines = vec![t(format!("“{}”", q.text))];
                            inlines.extend(cite(Some(q.article_id)));
                            blocks.push(Block::Quote { inlines });
                        }
                    }
                }
                if blocks.is_empty() {
                    blocks.push(Block::Note {
                        text: "No participants recorded for this visit.".into(),
                    });
                }
                blocks
            }
            SectionKind::Cooperation => {
                // One row per proposer and article: the areas they proposed together.
                let mut rows: Vec<(Option<String>, Option<i64>, Vec<String>)> = Vec::new();
                for topic in &v.topics {
                    let label = topic.proposed_by.as_ref().map(|name| {
                        let side = match topic.side.as_deref() {
                            Some("visiting") => f.visiting_region.clone().or(visiting.clone()),
                            Some("host") => f.host_region.clone().or(host.clone()),
                            _ => None,
                        };
                        match side {
                            Some(s) => format!("{s} ({})", surname(name)),
                            None => name.clone(),
                        }
                    });
                    match rows
                        .iter_mut()
                        .find(|(l, a, _)| *l == label && *a == topic.article_id)
                    {
                        Some((_, _, areas)) => {
                            if !areas.contains(&topic.name) {
                                areas.push(topic.name.clone())
                            }
                        }
                        None => rows.push((label, topic.article_id, vec![topic.name.clone()])),
                    }
                }
                if rows.is_empty() {
                    vec![Block::Note {
                        text: "No areas of cooperation recorded.".into(),
                    }]
                } else {
                    vec![Block::Table {
                        columns: vec![
                            Column {
                                header: "Area".into(),
                                width: 50,
                            },
                            Column {
                                header: "Proposed by".into(),
                                width: 35,
                            },
                            Column {
                                header: "Source".into(),
                                width: 15,
                            },
                        ],
                        rows: rows
                            .into_iter()
                            .map(|(label, a, areas)| {
                                let mut first = areas.join(", ");
                                first[..1].make_ascii_uppercase();
                                vec![
                                    vec![t(first)],
                                    vec![t(label.unwrap_or_else(|| "not named".into()))],
                                    cite(a).into_iter().skip(1).collect(),
                                ]
                            })
                            .collect(),
                    }]
                }
            }
            SectionKind::Commitments => {
                if v.commitments.is_empty() {
                    vec![Block::Note {
                        text: "No commitments or follow-ups recorded.".into(),
                    }]
                } else {
                    vec![Block::Table {
                        columns: [
                            ("Commitment", 40),
                            ("Owner", 20),
                            ("Due", 12),
                            ("Status", 16),
                            ("Source", 12),
                        ]
                        .iter()
                        .map(|(h, w)| Column {
                            header: h.to_string(),
                            width: *w,
                        })
                        .collect(),
                        rows: v
                            .commitments
                            .iter()
                            .map(|c| {
                                let mut status = c.status.replace('_', " ");
                                if let Some(first) = status.get_mut(..1) {
                                    first.make_ascii_uppercase();
                                }
                                vec![
                                    vec![t(c.description.trim().trim_end_matches(['"', '”']))],
                                    vec![t(c.owner.clone().unwrap_or_else(|| "—".into()))],
                                    vec![t(c.due.clone().unwrap_or_else(|| "—".into()))],
                                    vec![t(status)],
                                    cite(c.article_id).into_iter().skip(1).collect(),
                                ]
                            })
                            .collect(),
                    }]
                }
            }
            SectionKind::Facts => {
                let mut items: Vec<Vec<Inline>> = v
                    .figures
                    .iter()
                    .map(|fig| {
                        let mut item = vec![t(fig.text.clone())];
                        item.extend(cite(Some(fig.article_id)));
                        item
                    })
                    .collect();
                if let Some(purpose) = &f.purpose {
                    let mut item = vec![t(format!("Purpose of the visit: {purpose}"))];
                    item.extend(cite(v.articles.first().map(|a| a.id)));
                    items.push(item);
                }
                if items.is_empty() {
                    vec![Block::Note {
                        text: "No figures recorded.".into(),
                    }]
                } else {
                    vec![Block::Bullets { items }]
                }
            }
            SectionKind::Background => {
                if v.timeline.is_empty() {
                    vec![Block::Note {
                        text: "No earlier visits or articles in the store involve these parties or people.".into(),
                    }]
                } else {
                    vec![Block::Bullets {
                        items: v
                            .timeline
                            .iter()
                            .map(|e| {
                                let mut item = vec![t(format!(
                                    "{}{}{}{} — {}",
                                    e.date
                                        .as_deref()
                                        .map(|d| format!("{}: ", display_date(d)))
                                        .unwrap_or_default(),
                                    if e.kind == "visit" { "Visit: " } else { "" },
                                    e.title,
                                    e.outlet
                                        .as_deref()
                                        .map(|o| format!(" ({o})"))
                                        .unwrap_or_default(),
                                    e.because
                                ))];
                                if e.kind == "article" {
                                    item.extend(cite(Some(e.id)));
                                }
                                item
                            })
                            .collect(),
                    }]
                }
            }
            SectionKind::TalkingPoints => {
                let mut blocks = Vec::new();
                match options.talking_points.as_deref().map(str::trim) {
                    Some(s) if !s.is_empty() => blocks.extend(officer_blocks(s)),
                    _ => blocks.push(Block::Note {
                        text: "No talking points written.".into(),
                    }),
                }
                blocks.push(Block::Subheading {
                    text: "Defensive lines".into(),
                });
                match options.defensive_lines.as_deref().map(str::trim) {
                    Some(s) if !s.is_empty() => blocks.extend(officer_blocks(s)),
                    _ => blocks.push(Block::Note {
                        text: "No defensive lines written.".into(),
                    }),
                }
                blocks
            }
            SectionKind::Sources => {
                if sources.is_empty() {
                    vec![Block::Note {
                        text: "No articles are linked to this visit.".into(),
                    }]
                } else {
                    vec![Block::Numbered {
                        items: sources.iter().map(source_inlines).collect(),
                    }]
                }
            }
            SectionKind::Appendix => {
                let mut blocks = Vec::new();
                for (a, s) in input.articles.iter().zip(&sources) {
                    blocks.push(Block::Subheading {
                        text: format!("[{}] {}", s.n, a.summary.title),
                    });
                    blocks.push(Block::Note {
                        text: join(
                            &[
                                s.outlet.as_deref(),
                                s.published.as_deref().map(display_date).as_deref(),
                                s.url.as_deref(),
                            ],
                            " · ",
                        ),
                    });
                    for p in &a.paragraphs {
                        blocks.push(Block::Paragraph {
                            inlines: vec![t(p.clone())],
                        });
                    }
                }
                if blocks.is_empty() {
                    blocks.push(Block::Note {
                        text: "No articles are linked to this visit.".into(),
                    });
                }
                blocks
            }
        };
        let heading = if *kind == SectionKind::Appendix {
            kind.heading().to_string()
        } else {
            number += 1;
            format!("{number}. {}", kind.heading())
        };
        sections.push(Section {
            kind: *kind,
            heading,
            blocks,
        });
    }
    Brief {
        title: f.title.clone(),
        cover_lines,
        classification: options
            .classification
            .clone()
            .filter(|c| !c.trim().is_empty()),
        author: options.author.clone(),
        date: options.date.clone(),
        cover: options.sections.contains(&SectionKind::Cover),
        sections,
        sources,
        paper: options.paper,
        margin_mm: options.margin_mm.clamp(5, 60),
    }
}

/// A source as the Sources list writes it: outlet (relaying whom), title, dateline and date,
/// the address as a link.
fn source_inlines(s: &Source) -> Vec<Inline> {
    let mut out = Vec::new();
    let outlet = match (&s.outlet, &s.relayed_from) {
        (Some(o), Some(r)) => format!("{o} (relaying {r})"),
        (Some(o), None) => o.clone(),
        (None, Some(r)) => format!("relaying {r}"),
        (None, None) => "Unknown outlet".into(),
    };
    out.push(t(format!("{outlet}: “{}”", s.title)));
    let place_date = join(
        &[
            s.dateline
                .as_deref()
                .map(|d| format!("dateline {d}"))
                .as_deref(),
            s.published.as_deref().map(display_date).as_deref(),
        ],
        ", ",
    );
    if !place_date.is_empty() {
        out.push(t(format!(", {place_date}")));
    }
    out.push(t("."));
    if let Some(url) = &s.url {
        out.push(t(" "));
        out.push(Inline::Link {
            text: url.clone(),
            url: url.clone(),
        });
    }
    out
}

/// The plain text of inlines, citations as "[n]".
pub fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text } | Inline::Bold { text } | Inline::Italic { text } => text.clone(),
            Inline::Cite { n } => format!("[{n}]"),
            Inline::Link { text, .. } => text.clone(),
        })
        .collect()
}

/// Removes what XML 1.0 cannot carry (control characters other than tab, line feed and
/// carriage return; U+FFFE, U+FFFF; lone surrogates cannot occur in a Rust string).
pub fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_officers_write_them() {
        assert_eq!(display_date("2017-06-21"), "21 June 2017");
        assert_eq!(display_date("--06-21"), "21 June");
        assert_eq!(
            visit_dates(Some("--06-21"), Some("--06-22")).unwrap(),
            "21–22 June (year not stated in the sources)"
        );
        assert_eq!(
            visit_dates(Some("2024-09-30"), Some("2024-10-02")).unwrap(),
            "30 September 2024 – 2 October 2024"
        );
    }

    #[test]
    fn control_characters_are_removed_and_the_rest_kept() {
        assert_eq!(
            clean("O'Brien\u{B} & Sons <Ltd>\u{0}\tשלום\u{FFFF}"),
            "O'Brien & Sons <Ltd>\tשלום"
        );
    }

    #[test]
    fn officer_text_becomes_paragraphs_and_bullets() {
        let b = officer_blocks("First point\ncontinues.\n\n- one\n- two");
        assert_eq!(b.len(), 2);
        assert!(matches!(&b[1], Block::Bullets { items } if items.len() == 2));
    }

    #[test]
    fn the_lead_sentence_drops_the_dateline() {
        assert_eq!(
            lead_sentence(
                "BREST. KAZINFORM - The administration of Atyrau sees potential in X. More."
            )
            .unwrap(),
            "The administration of Atyrau sees potential in X."
        );
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0} already exists; choose another name, or replace it explicitly (--force)")]
    Exists(String),
    #[error("could not write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Writes a file atomically: a temporary file beside it, synced, then renamed over it. An
/// existing file is replaced only when `replace` is set; a failure leaves it as it was.
pub fn write_atomically(
    path: &std::path::Path,
    bytes: &[u8],
    replace: bool,
) -> Result<(), WriteError> {
    use std::io::Write;
    let shown = path.display().to_string();
    if path.exists() && !replace {
        return Err(WriteError::Exists(shown));
    }
    let io = |source| WriteError::Io {
        path: shown.clone(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "brief".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(())
}
