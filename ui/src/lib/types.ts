// The contract between the UI and the Tauri shell. These shapes mirror the
// serialisable IPC types in src-tauri (camelCase on the wire); keep the two in
// step, and replace this file with the generated bindings once they exist.

/** "2017-06-21", "--06-21" (year unknown), or null when undated. */
export type PublishedDate = string | null;

export interface ArticleSummary {
  id: number;
  title: string;
  outlet: string | null;
  dateline: string | null;
  published: PublishedDate;
  language: string;
  groupId: number | null;
  groupSize: number;
}

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

export type ReviewState = 'pending' | 'reviewed';

/** An outlet and how many articles it has (list_outlets). */
export type OutletCount = [name: string, count: number];

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  article: ArticleSummary;
  snippet: SnippetSegment[];
}

export interface Relay {
  outlet: string;
  reference: string | null;
}

export interface ArticleDetail {
  summary: ArticleSummary;
  url: string | null;
  relayedFrom: Relay | null;
  paragraphs: string[];
  sourceName: string;
  format: string;
  importedAt: string;
  nearDuplicates: ArticleSummary[];
  warnings: string[];
}

export type ImportStatus = 'imported' | 'duplicate' | 'near_duplicate' | 'failed';

export interface ImportItem {
  input: string;
  status: ImportStatus;
  articleId: number | null;
  title: string | null;
  message: string | null;
}

export interface ImportReport {
  imported: number;
  duplicates: number;
  nearDuplicates: number;
  failed: number;
  /** The import was cancelled: the sources after the last stored one were not imported. */
  cancelled?: boolean;
  items: ImportItem[];
}

export interface ImportProgress {
  done: number;
  total: number;
  current: string;
  /** Storing the sources, then finding the people in what was stored. */
  stage?: 'storing' | 'suggesting';
}

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

export interface QuoteView {
  id: number;
  text: string;
  span: ByteSpan | null;
  status: ReviewStatus;
  person_id: number | null;
}

export interface MentionView {
  id: number;
  article_id: number;
  name: string;
  title: string | null;
  organisation: string | null;
  country: string | null;
  /** The fullest first. */
  spans: ByteSpan[];
  confidence: number;
  status: ReviewStatus;
  /** The known person this is offered as (or, once confirmed, is). */
  person_id: number | null;
  person_name: string | null;
  /** Why it is offered as that person. */
  evidence: string | null;
  quotes: QuoteView[];
  reviewed_by: string | null;
  reviewed_at: string | null;
}

export interface TopicView {
  id: number;
  name: string;
  proposed_by: string | null;
  proposed_by_person: number | null;
  status: ReviewStatus;
  span: ByteSpan | null;
}

export interface CommitmentView {
  id: number;
  kind: string;
  description: string;
  owner: string | null;
  due: string | null;
  status: string;
  /** suggested, confirmed or rejected. */
  review: ReviewStatus;
  span: ByteSpan | null;
}

export interface FigureView {
  id: number;
  text: string;
  status: ReviewStatus;
  span: ByteSpan | null;
}

export interface ArticleReview {
  article_id: number;
  mentions: MentionView[];
  unattributed_quotes: QuoteView[];
  topics: TopicView[];
  commitments: CommitmentView[];
  figures: FigureView[];
  /** The rest of the extraction (dates, places, organisations, visit facts). */
  extraction: unknown;
}

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

export interface LogEntry {
  id: number;
  action: string;
  subject: string;
  details: unknown;
  actor: string;
  at: string;
  undone_at: string | null;
}

export interface Accepted {
  people: number;
  quotes: number;
  topics: number;
  commitments: number;
  figures: number;
}

export interface PersonSummary {
  id: number;
  house_name: string;
  title: string | null;
  organisation: string | null;
  country: string | null;
  variants: string[];
  mentions: number;
  articles: number;
  last_seen: string | null;
}

export interface ProtocolNotes {
  form_of_address: string | null;
  pronunciation: string | null;
  interpreter: string | null;
  notes: string | null;
}

export interface PersonName {
  name: string;
  /** ISO 15924: Latn, Cyrl. */
  script: string;
  house: boolean;
}

export interface Position {
  title: string;
  organisation: string | null;
  country: string | null;
  first_seen: string | null;
  last_seen: string | null;
  articles: number[];
}

export interface DossierMention {
  mention_id: number;
  article_id: number;
  article_title: string;
  outlet: string | null;
  published: string | null;
  name_as_written: string;
  title_as_written: string | null;
  organisation: string | null;
  status: ReviewStatus;
}

export interface DossierQuote {
  quote_id: number;
  article_id: number;
  article_title: string;
  published: string | null;
  text: string;
}

export interface DossierVisit {
  visit_id: number;
  title: string;
  start_date: string | null;
  place: string | null;
  side: string | null;
  role: string | null;
}

export interface DossierTopic {
  name: string;
  article_id: number | null;
  visit_id: number | null;
}

export interface Dossier {
  id: number;
  house_name: string;
  names: PersonName[];
  protocol: ProtocolNotes;
  /** Latest first. */
  positions: Position[];
  mentions: DossierMention[];
  quotes: DossierQuote[];
  visits: DossierVisit[];
  proposals: DossierTopic[];
  merged: number[];
  created_at: string;
  updated_at: string;
}

export type VisitKind = 'official' | 'working' | 'reciprocal' | 'other';
export type VisitStatus = 'planned' | 'under_way' | 'past';
export type Side = 'visiting' | 'host' | 'other';
export type Role = 'head' | 'member' | 'host' | 'other';

export interface VisitFields {
  title: string;
  kind: string;
  visiting_org: string | null;
  visiting_region: string | null;
  visiting_country: string | null;
  host_org: string | null;
  host_region: string | null;
  host_country: string | null;
  place: string | null;
  /** ISO dates; --MM-DD when the year is unknown. */
  start_date: string | null;
  end_date: string | null;
  purpose: string | null;
  status: string;
  notes: string | null;
}

export interface VisitSummary {
  id: number;
  title: string;
  kind: string;
  place: string | null;
  start_date: string | null;
  end_date: string | null;
  status: string;
  visiting_country: string | null;
  host_country: string | null;
  participants: number;
  articles: number;
}

export interface Participant {
  person_id: number;
  name: string;
  variants: string[];
  title: string | null;
  organisation: string | null;
  country: string | null;
  side: string;
  role: string;
  protocol: ProtocolNotes;
}

export interface VisitTopic {
  id: number;
  name: string;
  proposed_by: string | null;
  proposed_by_person: number | null;
  side: string | null;
  article_id: number | null;
}

export interface VisitCommitment {
  id: number;
  kind: string;
  description: string;
  owner: string | null;
  due: string | null;
  status: string;
  article_id: number | null;
}

export interface VisitFigure {
  text: string;
  article_id: number;
}

export interface TimelineEntry {
  date: string | null;
  /** visit or article. */
  kind: string;
  id: number;
  title: string;
  outlet: string | null;
  because: string;
}

/** A visit: `fields` is flattened into it on the wire. */
export interface VisitDetail extends VisitFields {
  id: number;
  participants: Participant[];
  /** Library summaries, camelCase like the Library's. */
  articles: ArticleSummary[];
  topics: VisitTopic[];
  commitments: VisitCommitment[];
  figures: VisitFigure[];
  timeline: TimelineEntry[];
  created_at: string;
  updated_at: string;
}

export type SectionKind =
  | 'cover'
  | 'summary'
  | 'counterparts'
  | 'profiles'
  | 'cooperation'
  | 'commitments'
  | 'facts'
  | 'background'
  | 'talking_points'
  | 'sources'
  | 'appendix';

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

export type Paper = 'a4' | 'letter';

export interface BriefOptions {
  sections: SectionKind[];
  classification: string | null;
  author: string | null;
  organisation: string | null;
  /** ISO date the brief is prepared on. */
  date: string;
  summary: string | null;
  talking_points: string | null;
  defensive_lines: string | null;
  paper: Paper;
  margin_mm: number;
}

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

/** The house style new briefs start from. */
export interface HouseStyle {
  organisation: string | null;
  author: string | null;
  /** The default classification marking. */
  classification: string | null;
  paper: Paper;
  margin_mm: number;
}

export interface AppSettings {
  house_style: HouseStyle;
  /** The database file the app is working on. */
  database: string;
  /** Where the settings are kept. */
  settings_file: string;
  articles: number;
  version: string;
}
