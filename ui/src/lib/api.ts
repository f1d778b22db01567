// One async function per Tauri command. Components call these and never
// `invoke` directly, so the command names and argument shapes live in one place.
// Tauri maps camelCase argument keys to the Rust commands' snake_case parameters.

import { invoke } from '@tauri-apps/api/core';
import type {
  ArticleDetail,
  ArticleSummary,
  CommandError,
  ImportReport,
  SearchHit,
  StoreInfo,
} from './types';

/** The name of the event the shell emits while `import_paths` runs. */
export const IMPORT_PROGRESS_EVENT = 'import-progress';

export async function listArticles(limit: number, offset: number): Promise<ArticleSummary[]> {
  return invoke<ArticleSummary[]>('list_articles', { limit, offset });
}

export async function searchArticles(query: string, limit: number): Promise<SearchHit[]> {
  return invoke<SearchHit[]>('search_articles', { query, limit });
}

export async function getArticle(id: number): Promise<ArticleDetail> {
  return invoke<ArticleDetail>('get_article', { id });
}

export async function importPaths(paths: string[]): Promise<ImportReport> {
  return invoke<ImportReport>('import_paths', { paths });
}

export async function storeInfo(): Promise<StoreInfo> {
  return invoke<StoreInfo>('store_info');
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
