// Reviewing the suggestions of the canonical article, against the in-memory backend.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { MockBackend, makeArticle, sampleArticles, sampleCounterparts } from './lib/mockBackend';
import { useBackend } from './test/tauriModules';

let backend: MockBackend;

beforeEach(() => {
  const articles = sampleArticles();
  backend = useBackend(new MockBackend(articles, sampleCounterparts(articles)));
});

async function openCanonical() {
  render(App);
  await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(3));
  await fireEvent.click(screen.getAllByTestId('article-row')[0]);
  return screen.findByTestId('review-panel');
}

function suggestions() {
  return screen.getAllByTestId('suggestion');
}

function activeKey() {
  return document.querySelector('[data-testid="suggestion"].active')?.getAttribute('data-key');
}

describe('review panel', () => {
  it('shows the suggested people with position, confidence, who they are offered as, evidence and quotes', async () => {
    const panel = await openCanonical();
    expect(backend.callsOf('article_review')[0].args).toEqual({ articleId: 1 });
    const people = within(panel).getAllByTestId('suggestion').slice(0, 2);
    expect(people.map((p) => within(p).getByTestId('suggestion-name').textContent)).toEqual([
      'Gumar Dyusembayev',
      'Mikhail Serkov',
    ]);
    expect(within(people[0]).getByTestId('suggestion-position').textContent?.trim()).toBe(
      'First Vice Governor · Atyrau Oblast administration · Kazakhstan',
    );
    expect(within(people[1]).getByTestId('suggestion-position').textContent?.trim()).toBe(
      'Deputy Chairman · Brest Oblast Executive Committee · Belarus',
    );
    expect(people[0].textContent).toContain('93%');
    expect(within(people[0]).getByTestId('offered-as').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Offered as Gumar Dyusembayev',
    );
    expect(within(people[0]).getByTestId('evidence').textContent).toMatch(/^Same name, title and organisation/);
    const quotes = within(people[0]).getAllByTestId('suggestion-quote');
    expect(quotes).toHaveLength(2);
    expect(quotes[1].textContent).toContain('about 900 industrial enterprises');
    expect(within(panel).getByTestId('review-pending').textContent).toBe('7 to review');
    expect(within(people[0]).getByTestId('confirm').getAttribute('title')).toBe('Confirm (a)');
    expect(within(people[0]).getByTestId('reject').getAttribute('title')).toBe('Reject (r)');
    expect(within(panel).getByTestId('undo').getAttribute('title')).toContain('(u)');
  });

  it('highlights the suggestions in the article text by kind, as text', async () => {
    await openCanonical();
    await waitFor(() => expect(screen.getAllByTestId('highlight').length).toBeGreaterThan(0));
    const marks = screen.getAllByTestId('highlight');
    const byKind = (kind: string) => marks.filter((m) => m.dataset.kinds?.split(' ')[0] === kind).map((m) => m.textContent);
    expect(byKind('person')).toEqual([
      'Atyrau Oblast First Vice Governor Gumar Dyusembayev',
      'Gumar Dyusembayev',
      'Deputy Chairman of the Brest Oblast Executive Committee Mikhail Serkov',
    ]);
    expect(byKind('topic')).toEqual([
      'agribusiness and processing industry',
      'civil engineering, logistics, tourism and recreation',
    ]);
    expect(byKind('figure')).toEqual(['about 900 industrial enterprises', '600 with a share of foreign capital']);
    expect(byKind('quote')[0]).toMatch(/^We are interested in Belarus/);
    for (const m of marks) expect(m.tagName).toBe('MARK');
    const text = screen.getByTestId('article-text');
    expect(text.querySelectorAll('p')).toHaveLength(3);
    expect(text.textContent).toContain('Gumar Dyusembayev said: “We are interested');
    // The selected suggestion (the first person, with their quotes) is outlined.
    const active = Array.from(document.querySelectorAll('mark.active')).map((m) => m.textContent);
    expect(active).toContain('Atyrau Oblast First Vice Governor Gumar Dyusembayev');
    expect(active.join(' ')).toContain('We are interested in Belarus');
    expect(active.join(' ')).not.toContain('Serkov');
  });

  it('never makes elements from markup in the article text, even when highlighted', async () => {
    const article = makeArticle({ id: 9, title: 'Trap', paragraphs: ['Mr <b>X</b> said <img src=x onerror=alert(1)>.'] });
    const state = sampleCounterparts([]);
    state.reviews.push({
      article_id: 9,
      mentions: [],
      unattributed_quotes: [{ id: 1, text: '<img src=x onerror=alert(1)>', span: [17, 45], status: 'suggested', person_id: null }],
      topics: [],
      commitments: [],
      figures: [],
      extraction: null,
    });
    backend = useBackend(new MockBackend([article], state));
    render(App);
    await fireEvent.click(await screen.findByTestId('article-row'));
    const mark = await screen.findByTestId('highlight');
    expect(mark.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('#app b, [data-testid="article-text"] b')).toBeNull();
  });

  it('confirms and rejects with the buttons, then moves to the next suggestion', async () => {
    const panel = await openCanonical();
    await fireEvent.click(within(suggestions()[0]).getByTestId('confirm'));
    await waitFor(() => expect(within(suggestions()[0]).getByTestId('review-status').textContent).toBe('Confirmed'));
    expect(backend.callsOf('confirm_mention')[0].args).toEqual({ mentionId: 101 });
    expect(within(suggestions()[0]).getByTestId('offered-as').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Is Gumar Dyusembayev',
    );
    expect(activeKey()).toBe('mention-102');

    await fireEvent.click(within(suggestions()[2]).getByTestId('reject'));
    await waitFor(() => expect(within(suggestions()[2]).getByTestId('review-status').textContent).toBe('Rejected'));
    expect(backend.callsOf('set_fact_status')[0].args).toEqual({ kind: 'topic', id: 301, confirmed: false });
    expect(within(panel).getByTestId('review-pending').textContent).toBe('5 to review');
    // A rejected topic is no longer highlighted.
    const topics = screen.getAllByTestId('highlight').filter((m) => m.dataset.kinds?.startsWith('topic'));
    expect(topics.map((m) => m.textContent)).toEqual(['civil engineering, logistics, tourism and recreation']);
  });

  it('works from the keyboard: j/k move, a accepts, r rejects, u undoes', async () => {
    await openCanonical();
    expect(activeKey()).toBe('mention-101');
    await fireEvent.keyDown(window, { key: 'j' });
    expect(activeKey()).toBe('mention-102');
    await fireEvent.keyDown(window, { key: 'j' });
    await fireEvent.keyDown(window, { key: 'k' });
    expect(activeKey()).toBe('mention-102');

    await fireEvent.keyDown(window, { key: 'r' });
    await waitFor(() => expect(backend.callsOf('reject_mention')).toHaveLength(1));
    expect(backend.callsOf('reject_mention')[0].args).toEqual({ mentionId: 102 });
    await waitFor(() => expect(within(suggestions()[1]).getByTestId('review-status').textContent).toBe('Rejected'));

    await fireEvent.keyDown(window, { key: 'u' });
    await waitFor(() => expect(within(suggestions()[1]).getByTestId('review-status').textContent).toBe('Suggested'));
    expect(backend.callsOf('undo_last')).toHaveLength(1);
    expect(screen.getByTestId('review-notice').textContent).toBe('Undid reject (mention 102).');

    // After the reject the selection moved on to the next pending suggestion.
    expect(activeKey()).toBe('topic-301');
    await fireEvent.keyDown(window, { key: 'a' });
    await waitFor(() => expect(backend.callsOf('set_fact_status')).toHaveLength(1));
    expect(backend.callsOf('set_fact_status')[0].args).toEqual({ kind: 'topic', id: 301, confirmed: true });
    await waitFor(() => expect(activeKey()).toBe('topic-302'));
    await fireEvent.keyDown(window, { key: 'k' });
    await fireEvent.keyDown(window, { key: 'k' });
    await fireEvent.keyDown(window, { key: 'a' });
    await waitFor(() => expect(backend.callsOf('confirm_mention')).toHaveLength(1));
    expect(backend.callsOf('confirm_mention')[0].args).toEqual({ mentionId: 102 });
  });

  it('ignores the review keys while typing in the search box', async () => {
    await openCanonical();
    const search = screen.getByTestId('search');
    await fireEvent.keyDown(search, { key: 'a' });
    await fireEvent.keyDown(search, { key: 'j' });
    expect(backend.callsOf('confirm_mention')).toHaveLength(0);
    expect(activeKey()).toBe('mention-101');
  });

  it('corrects a suggested person, as a new person', async () => {
    await openCanonical();
    await fireEvent.click(within(suggestions()[1]).getByTestId('correct'));
    const form = within(suggestions()[1]).getByTestId('correct-form');
    expect((within(form).getByTestId('correct-name') as HTMLInputElement).value).toBe('Mikhail Serkov');
    await fireEvent.input(within(form).getByTestId('correct-title'), { target: { value: 'First Deputy Chairman' } });
    await fireEvent.change(within(form).getByTestId('correct-person'), { target: { value: 'new' } });
    // Typing in the form does not trigger the review keys.
    await fireEvent.keyDown(within(form).getByTestId('correct-title'), { key: 'r' });
    await fireEvent.click(within(form).getByTestId('correct-save'));
    await waitFor(() => expect(backend.callsOf('correct_mention')).toHaveLength(1));
    expect(backend.callsOf('reject_mention')).toHaveLength(0);
    expect(backend.callsOf('correct_mention')[0].args).toEqual({
      mentionId: 102,
      correction: {
        name: 'Mikhail Serkov',
        title: 'First Deputy Chairman',
        organisation: 'Brest Oblast Executive Committee',
        country: 'Belarus',
        person: 'new',
      },
    });
    await waitFor(() => expect(within(suggestions()[1]).getByTestId('review-status').textContent).toBe('Corrected'));
    expect(within(suggestions()[1]).getByTestId('suggestion-position').textContent?.trim()).toBe(
      'First Deputy Chairman · Brest Oblast Executive Committee · Belarus',
    );
  });

  it('accepts everything at once and can undo it', async () => {
    const panel = await openCanonical();
    await fireEvent.click(within(panel).getByTestId('accept-all'));
    await waitFor(() => expect(within(panel).getByTestId('review-pending').textContent).toBe('0 to review'));
    expect(backend.callsOf('accept_all')[0].args).toEqual({ articleId: 1 });
    expect(within(panel).getByTestId('review-notice').textContent).toBe(
      'Accepted 2 people, 2 quotes, 2 areas, 1 commitment, 2 figures.',
    );
    expect((within(panel).getByTestId('accept-all') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(within(panel).getByTestId('undo'));
    await waitFor(() => expect(within(panel).getByTestId('review-pending').textContent).toBe('7 to review'));
  });

  it('creates a visit from the article and opens it', async () => {
    const panel = await openCanonical();
    await fireEvent.click(within(panel).getByTestId('create-visit'));
    const title = await screen.findByTestId('visit-title');
    expect(title.textContent).toBe('Visit of the Atyrau Oblast delegation (Kazakhstan) to Brest Oblast (Belarus)');
    expect(backend.callsOf('create_visit_from_article')[0].args).toEqual({ articleId: 1 });
    expect(backend.callsOf('get_visit').at(-1)?.args).toEqual({ visitId: 2 });
    expect(screen.getByTestId('nav-visits').getAttribute('aria-current')).toBe('page');
  });

  it('says so when an article has nothing to review, and shows a failed visit creation in the banner', async () => {
    render(App);
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(3));
    await fireEvent.click(screen.getAllByTestId('article-row')[2]);
    expect((await screen.findByTestId('review-empty')).textContent).toMatch(/^Nothing was suggested/);
    await fireEvent.click(screen.getByTestId('create-visit'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.dataset.code).toBe('invalid');
    expect(banner.textContent).toContain('article 3 reports no visit that could be read; create the visit by hand');
  });

  it('shows a failed review action in the error banner', async () => {
    backend.failures.set('confirm_mention', { code: 'store_busy', message: 'The library is busy; try again.' });
    await openCanonical();
    await fireEvent.keyDown(window, { key: 'a' });
    const banner = await screen.findByTestId('error-banner');
    expect(banner.dataset.code).toBe('store_busy');
    expect(within(suggestions()[0]).getByTestId('review-status').textContent).toBe('Suggested');
  });
});
