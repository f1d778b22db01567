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
  items: ImportItem[];
}

export interface ImportProgress {
  done: number;
  total: number;
  current: string;
}

export interface StoreInfo {
  path: string;
  articles: number;
}

export interface CommandError {
  code: string;
  message: string;
}
