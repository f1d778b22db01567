// The system dialog for choosing articles to import, shared by the Library's
// toolbar and the welcome page, so both offer the same file types.
import { open } from '@tauri-apps/plugin-dialog';

export const IMPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'eml', 'xml', 'rss', 'atom'];

/**
 * The end-to-end tests drive the real window, but a native dialog cannot be driven: they put
 * the paths the next dialog should answer in `window.__BRIEFING_DIALOG_ANSWER__`, taken once.
 * This grants nothing: a script able to set it could call import_paths itself, and the
 * Content Security Policy lets no script but the app's own run in the window.
 */
function injectedAnswer(): string[] | null {
  const holder = window as unknown as { __BRIEFING_DIALOG_ANSWER__?: unknown };
  const answer = holder.__BRIEFING_DIALOG_ANSWER__;
  delete holder.__BRIEFING_DIALOG_ANSWER__;
  return Array.isArray(answer) && answer.every((p) => typeof p === 'string') ? answer : null;
}

/** Asks for the files to import; resolves to the chosen paths (none when cancelled). */
export async function chooseArticleFiles(): Promise<string[]> {
  const injected = injectedAnswer();
  if (injected) return injected;
  const chosen = await open({
    multiple: true,
    directory: false,
    filters: [{ name: 'Articles', extensions: IMPORT_EXTENSIONS }],
  });
  return chosen === null ? [] : Array.isArray(chosen) ? chosen : [chosen];
}

/** Asks for a folder to import (every article file in it and its subfolders). */
export async function chooseArticleFolder(): Promise<string[]> {
  const injected = injectedAnswer();
  if (injected) return injected;
  const chosen = await open({ multiple: false, directory: true });
  return chosen === null ? [] : Array.isArray(chosen) ? chosen : [chosen];
}

/** What a pasted text is: an address to fetch when it is one http(s) address, else the
 * text of an article. */
export function pastedInput(text: string): { url: string } | { text: string } | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^https?:\/\/\S+$/i.test(trimmed)) return { url: trimmed };
  return { text };
}
