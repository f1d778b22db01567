// The Library as an officer uses it, against the in-memory backend.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { MockBackend, makeArticle, sampleArticles } from './lib/mockBackend';
import { useBackend } from './test/tauriModules';

let backend: MockBackend;

beforeEach(() => {
  backend = useBackend(new MockBackend(sampleArticles()));
});

async function renderApp() {
  const view = render(App);
  await waitFor(() => expect(backend.callsOf('list_articles')).toHaveLength(1));
  return view;
}

function rows() {
  return screen.queryAllByTestId('article-row');
}

async function typeSearch(text: string) {
  await fireEvent.input(screen.getByTestId('search'), { target: { value: text } });
}

describe('article list', () => {
  it('shows every article with its outlet, dateline and formatted date', async () => {
    await renderApp();
    await waitFor(() => expect(rows()).toHaveLength(3));

    const meta = rows().map((row) => within(row).getByTestId('article-meta').textContent);
    expect(meta, 'a date without a year says so; a missing date says undated').toEqual([
      'Kazinform · BREST · 21 Jun (year unknown)',
      'BelTA · BREST · 21 Jun 2017',
      'undated',
    ]);
    expect(within(rows()[0]).getByText('2 copies'), 'grouped copies carry a badge').toBeTruthy();
    expect(within(rows()[2]).queryByTestId('copies-badge'), 'a lone article has no badge').toBeNull();
    expect(screen.getByTestId('article-count').textContent).toBe('3 articles');
    expect(backend.callsOf('list_articles')[0].args, 'the list asks for its first page of 100 rows').toEqual({
      limit: 100,
      offset: 0,
    });
  });

  it('names the database in the status bar', async () => {
    await renderApp();
    await waitFor(() => expect(screen.getByTestId('db-path').textContent).toBe(backend.dbPath));
  });

  it('explains how to import when the library is empty', async () => {
    backend = useBackend(new MockBackend([]));
    // An empty store opens on the welcome page (Welcome.test.ts); the Library
    // itself still says what to do when it is empty.
    render(App);
    await screen.findByTestId('welcome');
    await fireEvent.click(screen.getByTestId('nav-library'));
    await waitFor(() => expect(backend.callsOf('list_articles')).toHaveLength(1));
    const empty = await screen.findByTestId('empty-state');
    expect(empty.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'No articles yet. Import saved pages, text files, e-mails or feeds with Import files…, ' +
        'or run briefing import PATH in a terminal.',
    );
    expect(screen.getByTestId('article-count').textContent).toBe('0 articles');
    expect(rows()).toHaveLength(0);
  });

  it('shows the sections not built yet as not yet available', async () => {
    await renderApp();
    for (const id of ['people', 'visits', 'settings']) {
      expect(screen.getByTestId(`nav-${id}`).getAttribute('aria-disabled')).toBeNull();
    }
    for (const id of ['briefs']) {
      const item = screen.getByTestId(`nav-${id}`);
      expect(item.getAttribute('aria-disabled')).toBe('true');
      expect(item.getAttribute('title')).toBe('Coming soon');
    }
    expect(screen.getByTestId('nav-library').getAttribute('aria-current')).toBe('page');
  });
});

describe('reading an article', () => {
  it('shows the title, metadata and paragraphs of the clicked row', async () => {
    await renderApp();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(within(rows()[0]).getByText(/Atyrau Oblast eyes/));

    const title = await screen.findByTestId('article-title');
    expect(title.textContent).toBe('Atyrau Oblast eyes cooperation with Brest Oblast in agribusiness');
    const paragraphs = screen.getByTestId('article-text').querySelectorAll('p');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0].textContent).toMatch(/^The administration of Kazakhstan's Atyrau Oblast/);
    expect(screen.getByTestId('article-detail-meta').textContent).toBe(
      'Kazinform · relayed from BelTA (BelTA has learned) · BREST · 21 Jun (year unknown) · en',
    );
    expect(screen.getByTestId('article-source').textContent, 'the URL is shown as text').toBe(
      'https://www.inform.kz/en/atyrau-oblast-eyes-cooperation-with-brest-oblast',
    );
    expect(rows()[0].getAttribute('aria-selected')).toBe('true');
    expect(backend.callsOf('get_article').at(-1)?.args).toEqual({ id: 1 });
  });

  it('moves through the list with the arrow keys', async () => {
    await renderApp();
    await waitFor(() => expect(rows()).toHaveLength(3));
    const list = screen.getByTestId('article-list');
    list.focus();

    await fireEvent.keyDown(list, { key: 'ArrowDown' });
    await waitFor(() => expect(screen.getByTestId('article-title').textContent).toMatch(/^Atyrau/));
    await fireEvent.keyDown(list, { key: 'ArrowDown' });
    await waitFor(() => expect(screen.getByTestId('article-title').textContent).toMatch(/^Brest Oblast/));
    await fireEvent.keyDown(list, { key: 'ArrowDown' });
    await fireEvent.keyDown(list, { key: 'ArrowDown' });
    await waitFor(() =>
      expect(screen.getByTestId('article-title').textContent, 'the last row stays selected at the end').toBe(
        'Delegation tours dairy plant near Brest',
      ),
    );
    await fireEvent.keyDown(list, { key: 'ArrowUp' });
    await waitFor(() => expect(screen.getByTestId('article-title').textContent).toMatch(/^Brest Oblast/));
    expect(list.getAttribute('aria-activedescendant')).toBe('article-row-2');
  });

  it('lists the near-duplicates and opens one when clicked', async () => {
    await renderApp();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(rows()[0]);

    const group = await screen.findByTestId('near-duplicates');
    expect(within(group).getByText('Also published as:')).toBeTruthy();
    const copies = within(group).getAllByRole('button');
    expect(copies, 'the article itself is not listed as its own copy').toHaveLength(1);
    expect(copies[0].textContent).toContain('Brest Oblast, Atyrau Oblast discuss joint ventures');

    await fireEvent.click(copies[0]);
    await waitFor(() =>
      expect(screen.getByTestId('article-title').textContent).toBe(
        'Brest Oblast, Atyrau Oblast discuss joint ventures',
      ),
    );
  });

  it('has no near-duplicate section for a lone article', async () => {
    await renderApp();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(rows()[2]);
    await screen.findByText('Delegation tours dairy plant near Brest', { selector: 'h1' });
    expect(screen.queryByTestId('near-duplicates')).toBeNull();
  });
});

describe('search', () => {
  it('searches as the officer types and marks the hits in each snippet', async () => {
    await renderApp();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await typeSearch('j');
    await typeSearch('jo');
    await typeSearch('joint');

    await waitFor(() => expect(rows()).toHaveLength(2));
    const calls = backend.callsOf('search_articles');
    expect(calls.length, 'at most one search per keystroke').toBeLessThanOrEqual(3);
    expect(calls.at(-1), 'the last search is for what is in the box').toEqual({
      cmd: 'search_articles',
      args: { query: 'joint', limit: 25 },
    });
    expect(screen.getByTestId('list-pane').dataset.resultsFor).toBe('joint');
    const marks = Array.from(document.querySelectorAll('[data-testid="article-row"] mark'));
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.textContent?.toLowerCase()).toBe('joint');
    expect(screen.getByTestId('article-count').textContent).toBe('2 matches');
  });

  it('shows markup inside a snippet as text and never creates elements from it', async () => {
    backend = useBackend(
      new MockBackend([
        makeArticle({
          id: 7,
          title: 'A page with a trap',
          paragraphs: ['The page quoted <img src=x onerror=alert(1)> in its body.'],
        }),
      ]),
    );
    await renderApp();
    await typeSearch('onerror');

    const snippet = await screen.findByTestId('snippet');
    expect(snippet.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(snippet.querySelector('mark')?.textContent).toBe('onerror');
    expect(document.querySelector('img'), 'no element was made from the article text').toBeNull();

    await fireEvent.click(rows()[0]);
    const text = await screen.findByTestId('article-text');
    expect(text.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('returns to the full list when the query is cleared', async () => {
    await renderApp();
    await typeSearch('dairy');
    await waitFor(() => expect(rows()).toHaveLength(2));
    await typeSearch('');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryByTestId('snippet')).toBeNull();
    expect(screen.getByTestId('article-count').textContent).toBe('3 articles');
  });

  it('says so when nothing matches', async () => {
    await renderApp();
    await typeSearch('zanzibar');
    await screen.findByTestId('no-matches');
    expect(screen.getByTestId('article-count').textContent).toBe('0 matches');
  });
});

describe('import', () => {
  const paths = ['/home/officer/a.html', '/home/officer/b.eml', '/home/officer/c.txt'];

  beforeEach(() => {
    backend.dialogResult = paths;
    backend.importPlans.set(paths[1], { status: 'failed', message: 'b.eml: the message has no text part' });
    backend.importPlans.set(paths[2], { status: 'duplicate', message: 'Already stored as article 2.' });
  });

  it('imports the chosen files, shows progress, then the report, and refreshes the list', async () => {
    await renderApp();
    await waitFor(() => expect(rows()).toHaveLength(3));
    const release = backend.holdImports();
    await fireEvent.click(screen.getByTestId('import-button'));

    const progress = await screen.findByTestId('import-progress');
    await waitFor(() => expect(progress.textContent).toContain('Importing 0 of 3'));
    expect(progress.textContent).toContain('Importing 0 of 3 · a.html');
    expect((screen.getByTestId('import-button') as HTMLButtonElement).disabled).toBe(true);
    expect(backend.calls.find((c) => c.cmd === 'dialog.open')?.args).toEqual({
      multiple: true,
      directory: false,
      filters: [
        {
          name: 'Articles',
          extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'eml', 'xml', 'rss', 'atom'],
        },
      ],
    });
    expect(backend.callsOf('import_paths')[0].args).toEqual({ paths });
    release();

    const report = await screen.findByTestId('import-report');
    expect(within(report).getByTestId('import-summary').textContent).toBe(
      'Imported 1 · duplicates 1 · near-duplicates 0 · failed 1',
    );
    const items = within(report).getAllByTestId('import-item');
    expect(items, 'only the inputs that were not simply imported are listed').toHaveLength(2);
    expect(items[0].textContent).toContain('/home/officer/b.eml');
    expect(items[0].textContent).toContain('b.eml: the message has no text part');
    expect(items[1].textContent).toContain('Already stored as article 2.');

    await waitFor(() => expect(rows()).toHaveLength(4));
    await waitFor(() => expect(screen.getByTestId('article-count').textContent).toBe('4 articles'));
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(backend.listenerCount('import-progress'), 'the progress listener is removed').toBe(0);

    await fireEvent.click(within(report).getByRole('button', { name: 'Dismiss import report' }));
    expect(screen.queryByTestId('import-report')).toBeNull();
  });

  it('does nothing when the dialog is cancelled', async () => {
    backend.dialogResult = null;
    await renderApp();
    await fireEvent.click(screen.getByTestId('import-button'));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'dialog.open')).toBe(true));
    expect(backend.callsOf('import_paths')).toHaveLength(0);
    expect(screen.queryByTestId('import-report')).toBeNull();
  });

  it('shows an import that failed as a whole in the error banner', async () => {
    backend.failures.set('import_paths', { code: 'store_busy', message: 'The library is busy; try again.' });
    await renderApp();
    await fireEvent.click(screen.getByTestId('import-button'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('The library is busy; try again.');
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect((screen.getByTestId('import-button') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('backend errors', () => {
  it('shows the message of a failed list in the error banner', async () => {
    backend.failures.set('list_articles', {
      code: 'store_unavailable',
      message: 'The database file cannot be opened: permission denied.',
    });
    await renderApp();
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('The database file cannot be opened: permission denied.');
    expect(banner.dataset.code, 'the code is kept for the UI to switch on').toBe('store_unavailable');

    await fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss error' }));
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('shows a failed search and a failed article load the same way', async () => {
    backend.failures.set('search_articles', { code: 'invalid_query', message: 'Unbalanced quote in the query.' });
    backend.failures.set('get_article', { code: 'not_found', message: 'That article was deleted.' });
    await renderApp();
    await waitFor(() => expect(rows()).toHaveLength(3));

    await typeSearch('"brest');
    await waitFor(() =>
      expect(screen.getByTestId('error-banner').textContent).toContain('Unbalanced quote in the query.'),
    );
    await typeSearch('');
    await fireEvent.click(rows()[1]);
    await waitFor(() =>
      expect(screen.getByTestId('error-banner').textContent).toContain('That article was deleted.'),
    );
  });
});
