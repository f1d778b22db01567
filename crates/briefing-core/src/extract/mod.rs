//! Extraction: an article in, suggestions out, as a pure function. Rule-based and
//! explainable: every suggestion carries the spans of text that produced it. The
//! gazetteers (titles, regions and countries, names that are not people) are data files.
//!
//! People are found by reading runs of capitalised words ("Atyrau Oblast First Vice Governor
//! Gumar Dyusembayev", "Deputy Chairman of the Brest Oblast Executive Committee Mikhail
//! Serkov"): a run holds an optional organisation, a title from the gazetteer, and a name
//! at its end. Apposition ("Gumar Dyusembayev, First Vice Governor of Atyrau Oblast") joins a
//! name run with the title run after its comma. Later references by surname or by title
//! ("Dyusembayev said", "the Atyrau Oblast First Vice Governor") resolve to the person.
//! A person's state comes from the constructions (a demonym or possessive, the body, the
//! delegation or its list of members) and, for an English story that gives none, from the
//! dateline's place: the officials a wire story leaves unplaced are most often the hosts.
//!
//! Also found: quotes and their speakers, topics (with who proposed them), commitments and
//! figures in English and Russian, dates resolved against the publication date, places from
//! the gazetteer, organisations, and the facts of the visit (`visit.rs`).

mod dates;
mod facts;
mod facts_ru;
mod gazetteer;
mod people;
mod quotes;
mod russian;
mod visit;

use serde::{Deserialize, Serialize};

use crate::model::Article;

pub use dates::DateSuggestion;
pub use facts::{CommitmentKind, CommitmentSuggestion, FigureSuggestion, TopicSuggestion};
pub use gazetteer::Gazetteer;
pub use visit::{OrganisationSuggestion, PlaceSuggestion, Side, VisitSuggestion};

/// The version of the rules, stored with each extraction so that articles extracted by older
/// rules can be found and extracted again.
pub const EXTRACTOR_VERSION: i64 = 3;

/// Where a suggestion stands: a byte range in one paragraph, and the text there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Span {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    /// The text at the span; left empty (and not written) where the text is at hand, as in
    /// the store, which keeps offsets only.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct QuoteSuggestion {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PersonSuggestion {
    pub name: String,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub country: Option<String>,
    pub quotes: Vec<QuoteSuggestion>,
    /// Every place the article names or refers to the person, first the fullest.
    pub spans: Vec<Span>,
    /// 0-1: how sure the rule that found the person is.
    pub confidence: f32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Suggestions {
    pub people: Vec<PersonSuggestion>,
    /// Quotes whose speaker could not be told; shown to the officer to attribute by hand.
    pub unattributed_quotes: Vec<QuoteSuggestion>,
    /// Proposed areas of cooperation, with who proposed them.
    pub topics: Vec<TopicSuggestion>,
    /// Invitations, agreements, plans, negotiations, signings and requests.
    pub commitments: Vec<CommitmentSuggestion>,
    /// Quantities worth a brief ("about 900 industrial enterprises").
    pub figures: Vec<FigureSuggestion>,
    pub organisations: Vec<OrganisationSuggestion>,
    /// Countries, regions and cities from the gazetteer.
    pub places: Vec<PlaceSuggestion>,
    /// Dates resolved against the publication date.
    pub dates: Vec<DateSuggestion>,
    /// The visit the article reports: sides, place, dates, kind, purpose.
    pub visit: Option<VisitSuggestion>,
}

/// Suggests the people an article names, with their positions and quotes, and the areas of
/// cooperation, commitments and figures it reports.
pub fn extract(article: &Article) -> Suggestions {
    let mut people = if article.language == "ru" {
        russian::find_people_ru(&article.paragraphs)
    } else {
        people::find_people(&article.paragraphs)
    };
    if article.language == "ru" {
        people::host_country_by(
            &mut people,
            article.dateline.as_deref(),
            russian::country_ru,
        );
    } else {
        people::host_country(&mut people, article.dateline.as_deref());
    }
    let unattributed = quotes::attach_quotes(&article.paragraphs, &mut people);
    let facts = if article.language == "ru" {
        facts_ru::find_facts_ru(&article.paragraphs, &people)
    } else {
        facts::find_facts(&article.paragraphs, &people)
    };
    let people: Vec<PersonSuggestion> = people
        .into_iter()
        .map(people::Person::into_suggestion)
        .collect();
    let places = visit::find_places(&article.paragraphs);
    let mut organisations = visit::find_organisations(&article.paragraphs, &people);
    visit::drop_places(&mut organisations, &places);
    let dates = dates::find_dates(&article.paragraphs, article.published);
    let visit = visit::find_visit(
        &article.paragraphs,
        article.dateline.as_deref(),
        &people,
        &places,
        &organisations,
        &dates,
    );
    Suggestions {
        people,
        unattributed_quotes: unattributed,
        topics: facts.topics,
        commitments: facts.commitments,
        figures: facts.figures,
        organisations,
        places,
        dates,
        visit,
    }
}
