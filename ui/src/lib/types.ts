// Types shared with Rust are generated from the Rust types by ts-rs into ./bindings
// (scripts/bindings.sh; the test command checks they are current) and re-exported here.
// What is declared below is the shell's own (src-tauri) or the UI's.
import type { Accepted } from './bindings/Accepted';
import type { ArticleReview } from './bindings/ArticleReview';
import type { ArticleSummary } from './bindings/ArticleSummary';
import type { BriefOptions } from './bindings/BriefOptions';
import type { CommitmentView } from './bindings/CommitmentView';
import type { Dossier } from './bindings/Dossier';
import type { DossierMention } from './bindings/DossierMention';
import type { DossierQuote } from './bindings/DossierQuote';
import type { DossierTopic } from './bindings/DossierTopic';
import type { DossierVisit } from './bindings/DossierVisit';
import type { FigureView } from './bindings/FigureView';
import type { HouseStyle } from './bindings/HouseStyle';
import type { ImportItem } from './bindings/ImportItem';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportReport } from './bindings/ImportReport';
import type { ImportStatus } from './bindings/ImportStatus';
import type { LogEntry } from './bindings/LogEntry';
import type { MentionView } from './bindings/MentionView';
import type { Paper } from './bindings/Paper';
import type { Participant } from './bindings/Participant';
import type { PersonName } from './bindings/PersonName';
import type { PersonSummary } from './bindings/PersonSummary';
import type { Position } from './bindings/Position';
import type { ProtocolNotes } from './bindings/ProtocolNotes';
import type { QuoteView } from './bindings/QuoteView';
import type { Relay } from './bindings/Relay';
import type { ReviewState } from './bindings/ReviewState';
import type { SearchHit } from './bindings/SearchHit';
import type { SectionKind } from './bindings/SectionKind';
import type { StoredArticle } from './bindings/StoredArticle';
import type { Side } from './bindings/Side';
import type { SnippetSegment } from './bindings/SnippetSegment';
import type { TimelineEntry } from './bindings/TimelineEntry';
import type { TopicView } from './bindings/TopicView';
import type { VisitCommitment } from './bindings/VisitCommitment';
import type { VisitDetail } from './bindings/VisitDetail';
import type { VisitFields } from './bindings/VisitFields';
import type { VisitFigure } from './bindings/VisitFigure';
import type { VisitSummary } from './bindings/VisitSummary';
import type { VisitTopic } from './bindings/VisitTopic';

export type {
  Accepted,
  ArticleReview,
  ArticleSummary,
  BriefOptions,
  CommitmentView,
  Dossier,
  DossierMention,
  DossierQuote,
  DossierTopic,
  DossierVisit,
  FigureView,
  HouseStyle,
  ImportItem,
  ImportProgress,
  ImportReport,
  ImportStatus,
  LogEntry,
  MentionView,
  Paper,
  Participant,
  PersonName,
  PersonSummary,
  Position,
  ProtocolNotes,
  QuoteView,
  Relay,
  ReviewState,
  SearchHit,
  SectionKind,
  Side,
  SnippetSegment,
  TimelineEntry,
  TopicView,
  VisitCommitment,
  VisitDetail,
  VisitFields,
  VisitFigure,
  VisitSummary,
  VisitTopic,
};

// Written by hand: the shell's own IPC types (src-tauri: StoreInfo, CommandError,
// AppSettings, CorrectionInput, Exported, the filter it takes) and names the UI gives to
// strings and tuples of the wire. Keep these in step with src-tauri.

/** "2017-06-21", "--06-21" (year unknown), or null when undated. */
export type PublishedDate = string | null;

/**
 * The Library's filters (FilterInput in src-tauri/src/articles.rs); every field
 * optional. Dates are YYYY-MM-DD; another form rejects with code "invalid".
 */
export interface ArticleFilter {
  outlet?: string;
  from?: string;
  to?: string;
  tag?: string;
  /** Articles naming this person (confirmed, or a suggestion offered as them). */
  person?: number;
  /** Articles linked to this visit. */
  visit?: number;
  /** Articles whose people wait for review, or do not. */
  review?: ReviewState;
}

/** An outlet and how many articles it has (list_outlets). */
export type OutletCount = [name: string, count: number];

/** An article with everything stored about it (get_article): the core's StoredArticle. */
export type ArticleDetail = StoredArticle;

export interface StoreInfo {
  path: string;
  articles: number;
}

export interface CommandError {
  code: string;
  message: string;
}

// ---------------------------------------------------------------------------
// Review, people, visits and briefs (src-tauri/src/counterparts.rs). These
// types come from briefing-core without a rename, so their fields are
// snake_case on the wire, unlike the Library types above. Spans are UTF-8
// BYTE ranges [start, end) into the article text (paragraphs joined by "\n\n").

/** A byte range in the article text. */
export type ByteSpan = [number, number];

/** suggested, confirmed, corrected or rejected. */
export type ReviewStatus = string;

/** Who a corrected mention is: as offered, a new person, or a known person's id. */
export type PersonChoice = 'as_offered' | 'new' | number;

export interface CorrectionInput {
  name: string;
  title: string | null;
  organisation: string | null;
  country: string | null;
  person: PersonChoice;
}

/** The suggestion kinds reviewed by status alone (set_fact_status). */
export type FactKind = 'quote' | 'topic' | 'commitment' | 'figure';

export type VisitKind = 'official' | 'working' | 'reciprocal' | 'other';
export type VisitStatus = 'planned' | 'under_way' | 'past';
export type Role = 'head' | 'member' | 'host' | 'other';

export const ALL_SECTIONS: readonly SectionKind[] = [
  'cover',
  'summary',
  'counterparts',
  'profiles',
  'cooperation',
  'commitments',
  'facts',
  'background',
  'talking_points',
  'sources',
  'appendix',
];

/** A suggested key point and the article it comes from. */
export type SuggestedPoint = [text: string, articleId: number];

export interface Exported {
  path: string;
  bytes: number;
  sections: number;
  sources: number;
}

// ---------------------------------------------------------------------------
// Settings, backups and the first-run sample (src-tauri/src/settings_cmd.rs).
// Like the review types, these come from Rust without a rename: snake_case.

export interface AppSettings {
  house_style: HouseStyle;
  /** The database file the app is working on. */
  database: string;
  /** Where the settings are kept. */
  settings_file: string;
  articles: number;
  version: string;
}
