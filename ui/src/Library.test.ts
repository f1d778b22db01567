// The Library over a large store: the list is virtualised and paged, and the
// toolbar's filters reach every list and search command.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { MockBackend, generatedArticles, generatedTags, sampleArticles, sampleCounterparts } from './lib/mockBackend';
import { useBackend } from './test/tauriModules';

const N = 5000;
/** ArticleList's row height and the view height it assumes where layout gives none (jsdom). */
const ROW = 52;
const VIEW = 600;

let backend: MockBackend;

beforeEach(() => {
  backend = useBackend(new MockBackend(generatedArticles(N)));
  for (const [id, tags] of generatedTags(N)) backend.tags.set(id, tags);
});

function rows() {
  return screen.queryAllByTestId('article-row');
}

function list() {
  return screen.getByTestId('article-list');
}

function count() {
  return screen.getByTestId('article-count').textContent;
}

function offsets() {
  return backend.callsOf('list_articles').map((c) => c.args?.offset);
}

async function renderLibrary() {
  render(App);
  await waitFor(() => expect(rows().length).toBeGreaterThan(0));
  await waitFor(() => expect(count()).toBe('5,000 articles'));
}

/** The height standing for the rows not rendered above or below the window. */
function spacer(where: 'above' | 'below'): string {
  return screen.queryByTestId(`spacer-${where}`)?.style.height ?? '0px';
}

async function scrollTo(top: number) {
  const element = list();
  element.scrollTop = top;
  await fireEvent.scroll(element);
}

describe('a large library', () => {
  it('renders only a window of rows, with the scroll height of all of them', async () => {
    await renderLibrary();
    const rendered = rows().length;
    expect(rendered, 'only the rows in view plus the overscan').toBeLessThan(50);
    expect(rendered).toBeGreaterThanOrEqual(Math.ceil(VIEW / ROW));
    expect(rows()[0].textContent).toContain('Generated article 5000');
    const element = list();
    expect(element.dataset.count).toBe(String(N));
    expect(spacer('above')).toBe('0px');
    expect(spacer('below'), 'the rows not rendered still take their height').toBe(
      `${(N - rendered) * ROW}px`,
    );
    expect(offsets(), 'one page, from the top').toEqual([0]);
    expect(backend.callsOf('list_articles')[0].args).toEqual({ limit: 100, offset: 0 });
    expect(backend.callsOf('count_articles')[0].args).toEqual({});
  });

  it('fetches the pages that scroll into view, once each', async () => {
    await renderLibrary();
    await scrollTo(250 * ROW);
    await waitFor(() => expect(rows().some((r) => r.dataset.index === '250')).toBe(true));
    expect(offsets()).toEqual([0, 200]);
    const row = rows().find((r) => r.dataset.index === '250')!;
    expect(row.textContent, 'row 250 is the 251st newest').toContain(`Generated article ${N - 250}`);
    expect(rows().length).toBeLessThan(50);
    expect(spacer('above')).toBe(`${(250 - 8) * ROW}px`);

    // Straddling a page boundary fetches the next page as well.
    await scrollTo(395 * ROW);
    await waitFor(() => expect(rows().some((r) => r.dataset.index === '400')).toBe(true));
    expect(offsets()).toEqual([0, 200, 300, 400]);

    // Back at the top, the cached page is used again.
    await scrollTo(0);
    await waitFor(() => expect(rows()[0].dataset.index).toBe('0'));
    expect(offsets()).toEqual([0, 200, 300, 400]);
  });

  it('shows placeholders for rows that have not arrived', async () => {
    await renderLibrary();
    backend.failures.set('list_articles', { code: 'store_busy', message: 'The library is busy.' });
    await scrollTo(1000 * ROW);
    await waitFor(() => expect(screen.getAllByTestId('row-placeholder').length).toBeGreaterThan(10));
    expect(rows(), 'no row pretends to be loaded').toHaveLength(0);
    expect((await screen.findByTestId('error-banner')).textContent).toContain('The library is busy.');
  });

  it('moves with the arrow keys and scrolls the selected row into view', async () => {
    await renderLibrary();
    const element = list();
    element.focus();
    for (let i = 0; i < 15; i++) await fireEvent.keyDown(element, { key: 'ArrowDown' });
    await waitFor(() => expect(screen.getByTestId('article-title').textContent).toBe(`Generated article ${N - 14}`));
    expect(element.scrollTop, 'row 14 is scrolled up to the bottom edge').toBe(15 * ROW - VIEW);
    expect(element.getAttribute('aria-activedescendant')).toBe(`article-row-${N - 14}`);

    await fireEvent.keyDown(element, { key: 'End' });
    expect(element.scrollTop).toBe(N * ROW - VIEW);
    await waitFor(() => expect(screen.getByTestId('article-title').textContent).toBe('Generated article 1'));
    expect(offsets()).toContain(4900);
    const last = rows().find((r) => r.dataset.index === String(N - 1))!;
    expect(last.getAttribute('aria-selected')).toBe('true');

    await fireEvent.keyDown(element, { key: 'ArrowUp' });
    await waitFor(() => expect(screen.getByTestId('article-title').textContent).toBe('Generated article 2'));

    await fireEvent.keyDown(element, { key: 'Home' });
    expect(element.scrollTop).toBe(0);
    await waitFor(() => expect(screen.getByTestId('article-title').textContent).toBe(`Generated article ${N}`));
  });
});

describe('filters', () => {
  it('offers the outlets with their counts and filters the list by one', async () => {
    await renderLibrary();
    const select = screen.getByTestId('filter-outlet') as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(6));
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
      'All outlets',
      'BelTA (1,000)',
      'Kazinform (1,000)',
      'TASS (1,000)',
      'Trend (1,000)',
      'Xinhua (1,000)',
    ]);

    await fireEvent.change(select, { target: { value: 'TASS' } });
    await waitFor(() => expect(count()).toBe('1,000 of 5,000 articles'));
    expect(backend.callsOf('count_articles').at(-1)?.args).toEqual({ filter: { outlet: 'TASS' } });
    await waitFor(() => expect(backend.callsOf('list_articles').at(-1)?.args).toEqual({
      limit: 100,
      offset: 0,
      filter: { outlet: 'TASS' },
    }));
    await waitFor(() => expect(rows()[0]?.textContent).toContain('TASS'));
    for (const row of rows()) expect(within(row).getByTestId('article-meta').textContent).toMatch(/^TASS/);
    expect(list().dataset.count).toBe('1000');
  });

  it('filters by dates and tag, and the clear button restores the whole list', async () => {
    await renderLibrary();
    await fireEvent.change(screen.getByTestId('filter-from'), { target: { value: '2024-12-01' } });
    await waitFor(() => expect(count()).toBe('31 of 5,000 articles'));
    await fireEvent.change(screen.getByTestId('filter-to'), { target: { value: '2024-12-10' } });
    await waitFor(() => expect(count()).toBe('10 of 5,000 articles'));
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(rows()[0].textContent).toContain('10 Dec 2024');

    await fireEvent.input(screen.getByTestId('filter-tag'), { target: { value: 'energy' } });
    await waitFor(() => expect(count(), 'Dec 1-10 holds three energy articles').toBe('3 of 5,000 articles'));
    expect(backend.callsOf('count_articles').at(-1)?.args).toEqual({
      filter: { from: '2024-12-01', to: '2024-12-10', tag: 'energy' },
    });

    await fireEvent.click(screen.getByTestId('filter-clear'));
    await waitFor(() => expect(count()).toBe('5,000 articles'));
    expect(backend.callsOf('count_articles').at(-1)?.args).toEqual({});
    expect((screen.getByTestId('filter-from') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('filter-tag') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('filter-clear') as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(rows()[0]?.textContent).toContain(`Generated article ${N}`));
    expect(list().dataset.count).toBe(String(N));
  });

  it('applies to search as well', async () => {
    await renderLibrary();
    await fireEvent.change(screen.getByTestId('filter-outlet'), { target: { value: 'BelTA' } });
    await waitFor(() => expect(count()).toBe('1,000 of 5,000 articles'));
    await fireEvent.input(screen.getByTestId('search'), { target: { value: 'energy' } });
    await waitFor(() => expect(count()).toMatch(/matches$/));
    expect(backend.callsOf('search_articles').at(-1)?.args).toEqual({
      query: 'energy',
      limit: 25,
      filter: { outlet: 'BelTA' },
    });
    for (const row of rows()) expect(within(row).getByTestId('article-meta').textContent).toMatch(/^BelTA/);
    expect(rows().length).toBeGreaterThan(0);

    // Changing a filter runs the search again.
    await fireEvent.change(screen.getByTestId('filter-outlet'), { target: { value: 'Xinhua' } });
    await waitFor(() =>
      expect(backend.callsOf('search_articles').at(-1)?.args).toEqual({
        query: 'energy',
        limit: 25,
        filter: { outlet: 'Xinhua' },
      }),
    );
    await waitFor(() => expect(within(rows()[0]).getByTestId('article-meta').textContent).toMatch(/^Xinhua/));
  });

  it('shows an invalid date in the error banner', async () => {
    await renderLibrary();
    // A date field hands over only real dates; the shell still checks, and says why it refused.
    backend.failures.set('count_articles', { code: 'invalid', message: '2024-13-01 is not a date: write YYYY-MM-DD' });
    await fireEvent.change(screen.getByTestId('filter-from'), { target: { value: '2024-12-01' } });
    const banner = await screen.findByTestId('error-banner');
    expect(banner.dataset.code).toBe('invalid');
    expect(banner.textContent).toContain('2024-13-01 is not a date: write YYYY-MM-DD');
  });

  it('the mock rejects a malformed date with code "invalid", as the shell does', async () => {
    await expect(backend.invoke('count_articles', { filter: { from: '2024-02-30' } })).rejects.toEqual({
      code: 'invalid',
      message: '2024-02-30 is not a date: write YYYY-MM-DD',
    });
  });
});

describe('search results', () => {
  const HIT_ROW = 90;

  it('shows the best 25 first and the next 25 when scrolled to their end, keeping the place', async () => {
    await renderLibrary();
    await fireEvent.input(screen.getByTestId('search'), { target: { value: 'generated' } });
    await waitFor(() => expect(count()).toBe('25+ matches'));
    expect(backend.callsOf('search_articles').map((c) => c.args?.limit)).toEqual([25]);
    expect(screen.getByTestId('list-pane').dataset.resultsFor).toBe('generated');

    await scrollTo(20 * HIT_ROW);
    await waitFor(() => expect(count()).toBe('50+ matches'));
    expect(backend.callsOf('search_articles').map((c) => c.args?.limit)).toEqual([25, 50]);
    expect(list().scrollTop, 'still where the officer scrolled to').toBe(20 * HIT_ROW);
    expect(rows().some((r) => r.dataset.index === '20')).toBe(true);

    // A new text starts again at the first page, at the top.
    await fireEvent.input(screen.getByTestId('search'), { target: { value: 'body' } });
    await waitFor(() => expect(screen.getByTestId('list-pane').dataset.resultsFor).toBe('body'));
    expect(backend.callsOf('search_articles').at(-1)?.args?.limit).toBe(25);
    expect(list().scrollTop).toBe(0);
  });
});

describe('person, visit and review filters', () => {
  beforeEach(() => {
    const articles = sampleArticles();
    backend = useBackend(new MockBackend(articles, sampleCounterparts(articles)));
  });

  async function choose(testId: string, value: string) {
    await fireEvent.change(screen.getByTestId(testId), { target: { value } });
  }

  function titles() {
    return rows().map((r) => r.querySelector('.title')?.textContent);
  }

  it('offers the known people and visits, and each filter narrows the list as the core does', async () => {
    render(App);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const people = within(screen.getByTestId('filter-person')).getAllByRole('option');
    expect(people.map((o) => o.textContent)).toEqual([
      'All people',
      'Gumar Dyusembayev',
      'Gumar Dyussembayev',
      'Mikhail Serkov',
    ]);

    // The canonical article (id 1) offers Dyusembayev as a suggestion; article 2 confirms him.
    await choose('filter-person', '1');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(backend.callsOf('count_articles').at(-1)?.args).toEqual({ filter: { person: 1 } });
    expect(count()).toBe('2 of 3 articles');

    await choose('filter-person', '');
    await choose('filter-review', 'pending');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(backend.callsOf('list_articles').at(-1)?.args?.filter).toEqual({ review: 'pending' });
    const pendingTitle = titles()[0];

    await choose('filter-review', 'reviewed');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(titles(), 'the reviewed and the pending articles do not overlap').not.toContain(pendingTitle);

    await choose('filter-review', '');
    const visitOption = within(screen.getByTestId('filter-visit'))
      .getAllByRole('option')
      .find((o) => o.getAttribute('value') !== '')!;
    await choose('filter-visit', visitOption.getAttribute('value')!);
    await waitFor(() => expect(backend.callsOf('list_articles').at(-1)?.args?.filter).toEqual({ visit: 1 }));
    await waitFor(() => expect(rows()).toHaveLength(1));

    await fireEvent.click(screen.getByTestId('filter-clear'));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });
});

describe('importing without the file dialog', () => {
  beforeEach(() => {
    backend = useBackend(new MockBackend(sampleArticles()));
  });

  it('imports pasted text as an article, and a pasted address by fetching it', async () => {
    render(App);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await fireEvent.click(screen.getByTestId('paste-button'));
    const box = screen.getByTestId('paste-text') as HTMLTextAreaElement;
    expect(document.activeElement, 'the box takes the focus').toBe(box);
    expect((screen.getByTestId('paste-submit') as HTMLButtonElement).disabled).toBe(true);

    const article = 'Samarkand hosts Brest delegation\n\nSAMARKAND, March 12 /UzA/ - Talks were held.';
    await fireEvent.input(box, { target: { value: article } });
    expect(screen.getByTestId('paste-kind').textContent).toContain('imported as one article');
    await fireEvent.click(screen.getByTestId('paste-submit'));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(backend.callsOf('import_text')[0].args).toEqual({ text: article, name: null });
    await waitFor(() => expect(screen.queryByTestId('paste-import'), 'the box closes after importing').toBeNull());
    expect(screen.getByTestId('import-summary').textContent).toContain('1');

    await fireEvent.click(screen.getByTestId('paste-button'));
    await fireEvent.input(screen.getByTestId('paste-text'), { target: { value: '  https://www.inform.kz/en/atyrau  ' } });
    expect(screen.getByTestId('paste-kind').textContent).toContain('fetched');
    await fireEvent.click(screen.getByTestId('paste-submit'));
    await waitFor(() =>
      expect(backend.callsOf('import_paths').at(-1)?.args).toEqual({ paths: ['https://www.inform.kz/en/atyrau'] }),
    );
  });

  it('pasting into the Library outside a field opens the box with what was pasted', async () => {
    render(App);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const paste = (target: Element, text: string) => {
      const event = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
      Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
      target.dispatchEvent(event);
      return event;
    };
    // Into the search box: an ordinary paste, left alone.
    const search = paste(screen.getByTestId('search'), 'Serkov');
    expect(search.defaultPrevented).toBe(false);
    expect(screen.queryByTestId('paste-import')).toBeNull();

    const event = paste(list(), 'BREST, 14 September (BelTA) - A delegation arrived.');
    expect(event.defaultPrevented).toBe(true);
    const box = (await screen.findByTestId('paste-text')) as HTMLTextAreaElement;
    expect(box.value).toBe('BREST, 14 September (BelTA) - A delegation arrived.');
    await fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByTestId('paste-import')).toBeNull();
  });

  it('files and folders dropped on the window are imported; the drop is announced while dragging', async () => {
    render(App);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await waitFor(() => expect(backend.listenerCount('tauri://drag-drop')).toBe(1));
    backend.emit('tauri://drag-enter', { paths: [] });
    expect(await screen.findByTestId('drop-hint')).toBeTruthy();
    backend.emit('tauri://drag-leave', null);
    await waitFor(() => expect(screen.queryByTestId('drop-hint')).toBeNull());

    backend.emit('tauri://drag-enter', { paths: [] });
    backend.emit('tauri://drag-drop', { paths: ['/home/officer/articles', '/home/officer/new.txt'] });
    await waitFor(() =>
      expect(backend.callsOf('import_paths')[0].args).toEqual({
        paths: ['/home/officer/articles', '/home/officer/new.txt'],
      }),
    );
    await waitFor(() => expect(screen.queryByTestId('drop-hint')).toBeNull());
    await waitFor(() => expect(rows()).toHaveLength(5));
  });

  it('a running import can be cancelled: it stops before the next file and says so', async () => {
    render(App);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const release = backend.holdImports();
    backend.emit('tauri://drag-drop', { paths: ['/a/1.txt', '/a/2.txt', '/a/3.txt'] });
    await screen.findByTestId('import-progress');
    await fireEvent.click(screen.getByTestId('import-cancel'));
    expect(screen.getByTestId('import-cancel').textContent).toContain('Cancelling');
    expect(backend.callsOf('cancel_import')).toHaveLength(1);
    release();
    expect(await screen.findByTestId('import-cancelled')).toBeTruthy();
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(rows(), 'nothing was imported after the cancel').toHaveLength(3);
  });
});

