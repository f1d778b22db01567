// The system dialog for choosing articles to import, shared by the Library's
// toolbar and the welcome page, so both offer the same file types.
import { open } from '@tauri-apps/plugin-dialog';

export const IMPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'eml', 'xml', 'rss', 'atom'];

/** Asks for the files to import; resolves to the chosen paths (none when cancelled). */
export async function chooseArticleFiles(): Promise<string[]> {
  const chosen = await open({
    multiple: true,
    directory: false,
    filters: [{ name: 'Articles', extensions: IMPORT_EXTENSIONS }],
  });
  return chosen === null ? [] : Array.isArray(chosen) ? chosen : [chosen];
}
