// One async function per Tauri command. Components call these and never
// `invoke` directly, so the command names and argument shapes live in one place.
// Tauri maps camelCase argument keys to the Rust commands' snake_case parameters.

import { invoke } from '@tauri-apps/api/core';
import type {
  Accepted,
  AppSettings,
  ArticleDetail,
  ArticleFilter,
  ArticleReview,
  ArticleSummary,
  BriefOptions,
  CommandError,
  CorrectionInput,
  Dossier,
  Exported,
  FactKind,
  HouseStyle,
  ImportReport,
  LogEntry,
  OutletCount,
  PersonSummary,
  ProtocolNotes,
  SearchHit,
  StoreInfo,
  SuggestedPoint,
  VisitDetail,
  VisitFields,
  VisitSummary,
} from './types';

/** The name of the event the shell emits while `import_paths` runs. */
export const IMPORT_PROGRESS_EVENT = 'import-progress';

/** A page of the list, newest first. The filter is left out when nothing is set. */
export async function listArticles(
  limit: number,
  offset: number,
  filter?: ArticleFilter,
): Promise<ArticleSummary[]> {
  return invoke<ArticleSummary[]>('list_articles', { limit, offset, filter });
}

/** How many articles the filter lets through (all of them without one). */
export async function countArticles(filter?: ArticleFilter): Promise<number> {
  return invoke<number>('count_articles', { filter });
}

/** Every outlet with its article count, for the outlet filter. */
export async function listOutlets(): Promise<OutletCount[]> {
  return invoke<OutletCount[]>('list_outlets');
}

export async function searchArticles(query: string, limit: number, filter?: ArticleFilter): Promise<SearchHit[]> {
  return invoke<SearchHit[]>('search_articles', { query, limit, filter });
}

export async function getArticle(id: number): Promise<ArticleDetail> {
  return invoke<ArticleDetail>('get_article', { id });
}

export async function importPaths(paths: string[]): Promise<ImportReport> {
  return invoke<ImportReport>('import_paths', { paths });
}

/** Imports pasted text as one article; `name` is what the report calls it. */
export async function importText(text: string, name?: string): Promise<ImportReport> {
  return invoke<ImportReport>('import_text', { text, name: name ?? null });
}

/** Asks the running import to stop after the source it is on; what was stored stays. */
export async function cancelImport(): Promise<void> {
  await invoke('cancel_import');
}

export async function storeInfo(): Promise<StoreInfo> {
  return invoke<StoreInfo>('store_info');
}

// --- Review -----------------------------------------------------------------

export async function articleReview(articleId: number): Promise<ArticleReview> {
  return invoke<ArticleReview>('article_review', { articleId });
}

/** Confirms a suggested person; resolves to the person's id. */
export async function confirmMention(mentionId: number): Promise<number> {
  return invoke<number>('confirm_mention', { mentionId });
}

export async function rejectMention(mentionId: number): Promise<void> {
  await invoke('reject_mention', { mentionId });
}

/** Stores the officer's version of a suggested person; resolves to the person's id. */
export async function correctMention(mentionId: number, correction: CorrectionInput): Promise<number> {
  return invoke<number>('correct_mention', { mentionId, correction });
}

export async function setFactStatus(kind: FactKind, id: number, confirmed: boolean): Promise<void> {
  await invoke('set_fact_status', { kind, id, confirmed });
}

export async function acceptAll(articleId: number): Promise<Accepted> {
  return invoke<Accepted>('accept_all', { articleId });
}

/** Undoes the last review action; resolves to it, or null when there was none. */
export async function undoLast(): Promise<LogEntry | null> {
  return invoke<LogEntry | null>('undo_last');
}

export async function reviewLog(limit: number): Promise<LogEntry[]> {
  return invoke<LogEntry[]>('review_log', { limit });
}

// --- People -----------------------------------------------------------------

export async function listPeople(query: string | null): Promise<PersonSummary[]> {
  return invoke<PersonSummary[]>('list_people', { query });
}

export async function getDossier(personId: number): Promise<Dossier> {
  return invoke<Dossier>('get_dossier', { personId });
}

export async function mergePeople(keep: number, other: number): Promise<void> {
  await invoke('merge_people', { keep, other });
}

/** Splits the mentions written as `names` off a person; resolves to the new person's id. */
export async function splitPerson(personId: number, names: string[]): Promise<number> {
  return invoke<number>('split_person', { personId, names });
}

export async function setHouseName(personId: number, name: string): Promise<void> {
  await invoke('set_house_name', { personId, name });
}

export async function setProtocolNotes(personId: number, notes: ProtocolNotes): Promise<void> {
  await invoke('set_protocol_notes', { personId, notes });
}

// --- Visits -----------------------------------------------------------------

export async function listVisits(): Promise<VisitSummary[]> {
  return invoke<VisitSummary[]>('list_visits');
}

export async function getVisit(visitId: number): Promise<VisitDetail> {
  return invoke<VisitDetail>('get_visit', { visitId });
}

/** Creates a visit from an article's visit facts; resolves to the visit's id. */
export async function createVisitFromArticle(articleId: number): Promise<number> {
  return invoke<number>('create_visit_from_article', { articleId });
}

export async function createVisit(fields: VisitFields): Promise<number> {
  return invoke<number>('create_visit', { fields });
}

export async function updateVisit(visitId: number, fields: VisitFields): Promise<void> {
  await invoke('update_visit', { visitId, fields });
}

export async function setParticipant(
  visitId: number,
  personId: number,
  side: string,
  role: string,
): Promise<void> {
  await invoke('set_participant', { visitId, personId, side, role });
}

export async function linkArticle(visitId: number, articleId: number): Promise<void> {
  await invoke('link_article', { visitId, articleId });
}

export async function updateCommitment(
  commitmentId: number,
  owner: string | null,
  due: string | null,
  status: string,
): Promise<void> {
  await invoke('update_commitment', { commitmentId, owner, due, status });
}

// --- Briefs -----------------------------------------------------------------

export async function getBriefOptions(visitId: number): Promise<BriefOptions> {
  return invoke<BriefOptions>('get_brief_options', { visitId });
}

export async function saveBriefOptions(visitId: number, options: BriefOptions): Promise<void> {
  await invoke('save_brief_options', { visitId, options });
}

/**
 * The brief as an HTML fragment (`<article class="brief">…`). The Rust renderer
 * escapes every string in it and emits no script, event handler or style attribute.
 */
export async function previewBrief(visitId: number, options: BriefOptions): Promise<string> {
  return invoke<string>('preview_brief', { visitId, options });
}

export async function suggestedPoints(visitId: number): Promise<SuggestedPoint[]> {
  return invoke<SuggestedPoint[]>('suggested_points', { visitId });
}

/** Writes the DOCX; rejects with code "exists" when the file exists and `replace` is false. */
export async function exportBrief(
  visitId: number,
  options: BriefOptions,
  path: string,
  replace: boolean,
): Promise<Exported> {
  return invoke<Exported>('export_brief', { visitId, options, path, replace });
}

// --- Settings, backups, first run ---------------------------------------------

export async function getSettings(): Promise<AppSettings> {
  return invoke<AppSettings>('get_settings');
}

export async function saveHouseStyle(houseStyle: HouseStyle): Promise<void> {
  await invoke('save_house_style', { houseStyle });
}

/** Copies the database to `path`; rejects with code "exists" when the file exists and `replace` is false. */
export async function backupNow(path: string, replace: boolean): Promise<void> {
  await invoke('backup_now', { path, replace });
}

/**
 * Replaces the database's contents with the backup at `path`; resolves to where
 * the current contents were saved first (null when there was nothing to save).
 */
export async function restoreBackup(path: string): Promise<string | null> {
  return invoke<string | null>('restore_backup', { path });
}

/** Imports the sample article shipped with the app (camelCase, like importPaths). */
export async function loadSampleArticle(): Promise<ImportReport> {
  return invoke<ImportReport>('load_sample_article');
}

/**
 * Turns whatever a rejected call produced into the one error shape the UI
 * shows. The shell rejects with `{ code, message }`; anything else (a thrown
 * JavaScript error, a plain string from a plugin) is wrapped as-is, and the
 * message text is never inspected.
 */
export function toCommandError(error: unknown): CommandError {
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as CommandError).code === 'string' &&
    typeof (error as CommandError).message === 'string'
  ) {
    const { code, message } = error as CommandError;
    return { code, message };
  }
  if (error instanceof Error) {
    return { code: 'ui_error', message: error.message };
  }
  return { code: 'ui_error', message: String(error) };
}
