// The People screen: list, search, dossier, protocol notes, house spelling and merge with undo.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { MockBackend, emptyCounterparts, sampleArticles, sampleCounterparts } from './lib/mockBackend';
import { useBackend } from './test/tauriModules';

let backend: MockBackend;

beforeEach(() => {
  const articles = sampleArticles();
  backend = useBackend(new MockBackend(articles, sampleCounterparts(articles)));
});

function names() {
  return screen.getAllByTestId('person-row').map((r) => r.querySelector('.name')?.textContent);
}

async function openPeople() {
  render(App);
  await fireEvent.click(screen.getByTestId('nav-people'));
  await waitFor(() => expect(screen.getAllByTestId('person-row').length).toBeGreaterThan(0));
}

async function openDossier(index: number) {
  await fireEvent.click(screen.getAllByTestId('person-row')[index]);
  return screen.findByTestId('dossier');
}

describe('people list', () => {
  it('lists the known people with their latest position', async () => {
    await openPeople();
    expect(names()).toEqual(['Gumar Dyusembayev', 'Gumar Dyussembayev', 'Mikhail Serkov']);
    expect(screen.getByTestId('people-count').textContent).toBe('3 people');
    const first = screen.getAllByTestId('person-row')[0].textContent ?? '';
    expect(first).toContain('First Vice Governor · Atyrau Oblast administration · Kazakhstan');
    expect(first).toContain('also Дюсембаев Гумар');
    expect(backend.callsOf('list_people')[0].args).toEqual({ query: null });
    expect(screen.getByTestId('nav-people').getAttribute('aria-current')).toBe('page');
  });

  it('searches in any spelling', async () => {
    await openPeople();
    await fireEvent.input(screen.getByTestId('people-search'), { target: { value: 'Серков' } });
    await waitFor(() => expect(names()).toEqual(['Mikhail Serkov']));
    expect(backend.callsOf('list_people').some((c) => c.args?.query === 'Серков')).toBe(true);
    await fireEvent.input(screen.getByTestId('people-search'), { target: { value: 'nobody' } });
    expect((await screen.findByTestId('people-no-matches')).textContent).toBe('No one is called “nobody” in any spelling.');
  });

  it('says how people get here when there are none', async () => {
    backend = useBackend(new MockBackend(sampleArticles(), emptyCounterparts()));
    render(App);
    await fireEvent.click(screen.getByTestId('nav-people'));
    expect((await screen.findByTestId('people-empty')).textContent).toMatch(
      /^No people yet\. Open an article in the Library and confirm the people it names/,
    );
  });

  it('shows a failed list in the error banner', async () => {
    backend.failures.set('list_people', { code: 'store_unavailable', message: 'The database is locked.' });
    render(App);
    await fireEvent.click(screen.getByTestId('nav-people'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.dataset.code).toBe('store_unavailable');
    expect(banner.textContent).toContain('The database is locked.');
  });
});

describe('dossier', () => {
  it('shows names with scripts, positions, visits, and protocol notes', async () => {
    await openPeople();
    const dossier = await openDossier(0);
    expect(backend.callsOf('get_dossier')[0].args).toEqual({ personId: 1 });
    expect(within(dossier).getByTestId('dossier-name').textContent).toBe('Gumar Dyusembayev');
    const rows = within(dossier).getAllByTestId('dossier-name-row');
    expect(rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Gumar Dyusembayev Latn house spelling',
      'Дюсембаев Гумар Cyrl Use as house spelling Split off…',
    ]);
    expect(within(dossier).getByTestId('positions').textContent).toContain('First Vice Governor');
    expect(within(dossier).getByTestId('dossier-visits').textContent).toContain(
      'Visit of the Atyrau Oblast delegation (Kazakhstan) to Brest Oblast (Belarus)',
    );
    expect(within(dossier).getByTestId('dossier-proposals').textContent).toContain('agribusiness and processing industry');
    expect((within(dossier).getByTestId('protocol-form_of_address') as HTMLInputElement).value).toBe('Mr Dyusembayev');
  });

  it('saves edited protocol notes', async () => {
    await openPeople();
    const dossier = await openDossier(2);
    const save = within(dossier).getByTestId('save-protocol') as HTMLButtonElement;
    expect(save.disabled, 'nothing to save before an edit').toBe(true);
    await fireEvent.input(within(dossier).getByTestId('protocol-pronunciation'), { target: { value: 'mee-kha-EEL SER-kov' } });
    await fireEvent.input(within(dossier).getByTestId('protocol-notes'), { target: { value: 'Prefers Russian.' } });
    await fireEvent.click(save);
    await waitFor(() => expect(backend.callsOf('set_protocol_notes')).toHaveLength(1));
    expect(backend.callsOf('set_protocol_notes')[0].args).toEqual({
      personId: 3,
      notes: {
        form_of_address: null,
        pronunciation: 'mee-kha-EEL SER-kov',
        interpreter: 'Russian — none needed',
        notes: 'Prefers Russian.',
      },
    });
    expect((await screen.findByTestId('people-notice')).textContent).toContain('Protocol notes saved.');
    await waitFor(() =>
      expect((screen.getByTestId('protocol-pronunciation') as HTMLInputElement).value).toBe('mee-kha-EEL SER-kov'),
    );
  });

  it('sets the house spelling from a variant', async () => {
    await openPeople();
    const dossier = await openDossier(0);
    await fireEvent.click(within(dossier).getByRole('button', { name: 'Use as house spelling' }));
    await waitFor(() => expect(screen.getByTestId('dossier-name').textContent).toBe('Дюсембаев Гумар'));
    expect(backend.callsOf('set_house_name')[0].args).toEqual({ personId: 1, name: 'Дюсембаев Гумар' });
  });

  it('merges another person in, and undoes the merge', async () => {
    await openPeople();
    await openDossier(0);
    const select = screen.getByTestId('merge-select') as HTMLSelectElement;
    const options = Array.from(select.options).map((o) => o.textContent);
    expect(options).toEqual([
      'choose someone to merge in…',
      'Gumar Dyussembayev (Atyrau Oblast)',
      'Mikhail Serkov (Brest Oblast Executive Committee)',
    ]);
    expect((screen.getByTestId('merge-button') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.change(select, { target: { value: select.options[1].value } });
    await fireEvent.click(screen.getByTestId('merge-button'));

    await waitFor(() => expect(names()).toEqual(['Gumar Dyusembayev', 'Mikhail Serkov']));
    expect(backend.callsOf('merge_people')[0].args).toEqual({ keep: 1, other: 2 });
    expect(screen.getByTestId('people-notice').textContent).toContain('Merged Gumar Dyussembayev into Gumar Dyusembayev.');
    await waitFor(() =>
      expect(within(screen.getByTestId('dossier-names')).getAllByTestId('dossier-name-row')).toHaveLength(3),
    );

    await fireEvent.click(screen.getByTestId('people-undo'));
    await waitFor(() => expect(names()).toEqual(['Gumar Dyusembayev', 'Gumar Dyussembayev', 'Mikhail Serkov']));
    expect(backend.callsOf('undo_last')).toHaveLength(1);
  });

  it('splits a spelling off into a person of its own, and undoes the split', async () => {
    await openPeople();
    await openDossier(0);
    // Two people taken for one: merge the other spelling in first.
    const select = screen.getByTestId('merge-select') as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: select.options[1].value } });
    await fireEvent.click(screen.getByTestId('merge-button'));
    await waitFor(() => expect(names()).toEqual(['Gumar Dyusembayev', 'Mikhail Serkov']));

    const rows = await waitFor(() => {
      const found = within(screen.getByTestId('dossier-names')).getAllByTestId('dossier-name-row');
      expect(found.find((r) => r.textContent?.includes('Gumar Dyussembayev'))).toBeTruthy();
      return found;
    });
    const house = rows.find((r) => within(r).queryByTestId('house-badge'))!;
    expect(within(house).queryByTestId('split-name'), 'the house spelling cannot be split off').toBeNull();
    const other = rows.find((r) => r.textContent?.includes('Gumar Dyussembayev'))!;
    await fireEvent.click(within(other).getByTestId('split-name'));

    await waitFor(() => expect(names()).toEqual(['Gumar Dyusembayev', 'Gumar Dyussembayev', 'Mikhail Serkov']));
    expect(backend.callsOf('split_person')[0].args).toEqual({ personId: 1, names: ['Gumar Dyussembayev'] });
    expect(screen.getByTestId('people-notice').textContent).toContain('“Gumar Dyussembayev” is now a person of their own');
    await waitFor(() => expect(screen.getByTestId('dossier-name').textContent).toBe('Gumar Dyussembayev'));

    await fireEvent.click(screen.getByTestId('people-undo'));
    await waitFor(() => expect(names()).toEqual(['Gumar Dyusembayev', 'Mikhail Serkov']));
  });

  it('opens a visit from the dossier', async () => {
    await openPeople();
    const dossier = await openDossier(2);
    await fireEvent.click(within(dossier).getByRole('button', { name: /Visit of the Atyrau Oblast delegation/ }));
    expect((await screen.findByTestId('visit-title')).textContent).toMatch(/^Visit of the Atyrau Oblast/);
    expect(backend.callsOf('get_visit').at(-1)?.args).toEqual({ visitId: 1 });
  });
});
