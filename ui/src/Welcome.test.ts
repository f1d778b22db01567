// The first-run page: shown while the store is empty, with the sample article
// and the import flow as the two ways to start.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { MockBackend, SAMPLE_TITLE, sampleArticles } from './lib/mockBackend';
import { useBackend } from './test/tauriModules';

let backend: MockBackend;

beforeEach(() => {
  backend = useBackend(new MockBackend([]));
});

async function renderWelcome() {
  render(App);
  return screen.findByTestId('welcome');
}

describe('welcome page', () => {
  it('opens on an empty store and explains the three steps', async () => {
    const welcome = await renderWelcome();
    const steps = within(welcome).getAllByTestId('welcome-step');
    expect(steps.map((s) => within(s).getByRole('heading').textContent)).toEqual(['Collect', 'Tag', 'Brief']);
    const text = steps.map((s) => s.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(text[0]).toMatch(/Import the articles/);
    expect(text[0]).toMatch(/through the system file dialog/);
    expect(text[0]).toMatch(/dropping them on the window; or paste an article's text or its address/);
    expect(text[1]).toMatch(/confirm or correct them, and merge the different spellings/);
    expect(text[2]).toMatch(/compose the brief/);
    expect(text[2]).toMatch(/export it as a Word document \(DOCX\)/);
    expect(within(welcome).getByTestId('load-sample').textContent?.trim()).toBe('Load the sample article');
    expect(within(welcome).getByTestId('welcome-import').textContent?.trim()).toBe('Import articles…');
    expect(welcome.textContent, 'the packaged-app test looks for this word').toMatch(/import/i);
    expect(screen.queryByTestId('search'), 'the Library is not shown behind it').toBeNull();
    expect(screen.getByTestId('db-path').textContent).toBe(backend.dbPath);
  });

  it('is not shown when the store has articles', async () => {
    backend = useBackend(new MockBackend(sampleArticles()));
    render(App);
    await waitFor(() => expect(screen.queryAllByTestId('article-row')).toHaveLength(3));
    expect(screen.queryByTestId('welcome')).toBeNull();
  });

  it('loads the sample article and opens it in the Library', async () => {
    await renderWelcome();
    await fireEvent.click(screen.getByTestId('load-sample'));
    await waitFor(() => expect(screen.getByTestId('article-title').textContent).toBe(SAMPLE_TITLE));
    expect(backend.callsOf('load_sample_article')).toHaveLength(1);
    expect(screen.queryByTestId('welcome')).toBeNull();
    const rows = screen.getAllByTestId('article-row');
    expect(rows).toHaveLength(1);
    expect(rows[0].getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(screen.getByTestId('article-count').textContent).toBe('1 article'));
    expect(screen.getByTestId('nav-library').getAttribute('aria-current')).toBe('page');
    // Its review opens beside it, ready for the Tag step.
    await screen.findByTestId('review-panel');
  });

  it('imports the files chosen from the welcome page with the Library’s import flow', async () => {
    backend.dialogResult = ['/home/officer/Downloads/belta-visit.html'];
    await renderWelcome();
    await fireEvent.click(screen.getByTestId('welcome-import'));
    const report = await screen.findByTestId('import-report');
    expect(report.textContent).toMatch(/Imported 1/);
    expect(backend.calls.find((c) => c.cmd === 'dialog.open')?.args).toEqual({
      multiple: true,
      directory: false,
      filters: [{ name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'eml', 'xml', 'rss', 'atom'] }],
    });
    expect(backend.callsOf('import_paths')[0].args).toEqual({ paths: ['/home/officer/Downloads/belta-visit.html'] });
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(1));
  });

  it('stays on the welcome page when the dialog is cancelled', async () => {
    backend.dialogResult = null;
    await renderWelcome();
    await fireEvent.click(screen.getByTestId('welcome-import'));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'dialog.open')).toBe(true));
    expect(screen.getByTestId('welcome')).toBeTruthy();
    expect(backend.callsOf('import_paths')).toHaveLength(0);
  });

  it('shows a failed sample load in the error banner and stays', async () => {
    backend.failures.set('load_sample_article', { code: 'store', message: 'the database is read-only' });
    await renderWelcome();
    await fireEvent.click(screen.getByTestId('load-sample'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.dataset.code).toBe('store');
    expect(banner.textContent).toContain('the database is read-only');
    expect(screen.getByTestId('welcome')).toBeTruthy();
    expect((screen.getByTestId('load-sample') as HTMLButtonElement).disabled).toBe(false);
  });

  it('goes to the empty Library when skipped, and comes back from Settings', async () => {
    await renderWelcome();
    await fireEvent.click(screen.getByTestId('welcome-skip'));
    await screen.findByTestId('empty-state');
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await fireEvent.click(await screen.findByTestId('show-welcome'));
    expect(await screen.findByTestId('welcome')).toBeTruthy();
  });
});
