// The Visits screen and the brief panel: visit page, commitments, sections,
// officer texts, live preview and export with the save dialog.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { CANONICAL_VISIT_TITLE, MockBackend, emptyCounterparts, sampleArticles, sampleCounterparts } from './lib/mockBackend';
import type { BriefOptions } from './lib/types';
import { useBackend } from './test/tauriModules';

let backend: MockBackend;

beforeEach(() => {
  const articles = sampleArticles();
  backend = useBackend(new MockBackend(articles, sampleCounterparts(articles)));
});

async function openVisit() {
  render(App);
  await fireEvent.click(screen.getByTestId('nav-visits'));
  const row = await screen.findByTestId('visit-row');
  await fireEvent.click(row);
  return screen.findByTestId('visit-page');
}

async function openBrief() {
  await openVisit();
  await fireEvent.click(screen.getByTestId('tab-brief'));
  await screen.findByTestId('brief-sections');
  await waitFor(() => expect(backend.callsOf('preview_brief').length).toBeGreaterThan(0));
}

function lastOptions(cmd: string): BriefOptions {
  return backend.callsOf(cmd).at(-1)?.args?.options as BriefOptions;
}

describe('visits', () => {
  it('lists the visits', async () => {
    render(App);
    await fireEvent.click(screen.getByTestId('nav-visits'));
    const row = await screen.findByTestId('visit-row');
    expect(row.textContent).toContain(CANONICAL_VISIT_TITLE);
    expect(row.textContent).toContain('Brest · 21 Jun (year unknown) – 22 Jun (year unknown) · past');
    expect(row.textContent).toContain('2 participants · 1 article');
    expect(screen.getByTestId('visit-count').textContent).toBe('1 visit');
  });

  it('says how to create a visit when there are none', async () => {
    backend = useBackend(new MockBackend(sampleArticles(), emptyCounterparts()));
    render(App);
    await fireEvent.click(screen.getByTestId('nav-visits'));
    expect((await screen.findByTestId('visits-empty')).textContent).toContain('Create visit from this article');
  });

  it('shows the fields, participants by side and role, articles, topics, commitments and background', async () => {
    const page = await openVisit();
    expect(backend.callsOf('get_visit')[0].args).toEqual({ visitId: 1 });
    const fields = within(page).getByTestId('visit-fields').textContent ?? '';
    expect(fields).toContain('Official visit');
    expect(fields).toContain('Atyrau Oblast administration, Atyrau Oblast, Kazakhstan');
    expect(fields).toContain('Brest Oblast Executive Committee, Brest Oblast, Belarus');
    const visiting = within(page).getByTestId('participants-visiting');
    expect(visiting.textContent).toContain('Gumar Dyusembayev');
    expect(visiting.textContent).toContain('(also Дюсембаев Гумар)');
    expect((within(visiting).getByTestId('participant-role') as HTMLSelectElement).value).toBe('head');
    const host = within(page).getByTestId('participants-host');
    expect(host.textContent).toContain('Mikhail Serkov');
    expect(host.textContent).toContain('Deputy Chairman · Brest Oblast Executive Committee · Belarus');
    expect(within(page).getByTestId('visit-articles').textContent).toContain('Brest Oblast, Atyrau Oblast discuss joint ventures');
    const topics = within(page).getByTestId('visit-topics').textContent ?? '';
    expect(topics).toContain('civil engineering, logistics, tourism and recreation');
    expect(topics).toContain('Mikhail Serkov');
    expect(within(page).getAllByTestId('commitment-row')).toHaveLength(3);
    expect(within(page).getByTestId('visit-timeline').textContent).toContain('Delegation tours dairy plant near Brest');
  });

  it('edits a commitment’s status, due date and owner', async () => {
    const page = await openVisit();
    const row = within(page).getAllByTestId('commitment-row')[0];
    const save = within(row).getByTestId('commitment-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await fireEvent.input(within(row).getByTestId('commitment-status'), { target: { value: 'agreed' } });
    await fireEvent.input(within(row).getByTestId('commitment-due'), { target: { value: '2017-09-01' } });
    await fireEvent.input(within(row).getByTestId('commitment-owner'), { target: { value: '' } });
    await fireEvent.click(save);
    await waitFor(() => expect(backend.callsOf('update_commitment')).toHaveLength(1));
    expect(backend.callsOf('update_commitment')[0].args).toEqual({
      commitmentId: 21,
      owner: null,
      due: '2017-09-01',
      status: 'agreed',
    });
    expect((await screen.findByTestId('visit-notice')).textContent).toContain('Commitment saved.');
    await waitFor(() =>
      expect((within(screen.getAllByTestId('commitment-row')[0]).getByTestId('commitment-status') as HTMLInputElement).value).toBe(
        'agreed',
      ),
    );
  });

  it('edits the visit’s fields', async () => {
    const page = await openVisit();
    await fireEvent.click(within(page).getByTestId('visit-edit'));
    const form = within(page).getByTestId('visit-form');
    expect((within(form).getByTestId('visit-title') as HTMLInputElement).value).toBe(CANONICAL_VISIT_TITLE);
    await fireEvent.change(within(form).getByTestId('visit-kind'), { target: { value: 'working' } });
    await fireEvent.input(within(form).getByTestId('visit-start_date'), { target: { value: '2017-06-21' } });
    await fireEvent.input(within(form).getByTestId('visit-notes'), { target: { value: '  ' } });
    await fireEvent.click(within(form).getByTestId('visit-save'));
    await waitFor(() => expect(backend.callsOf('update_visit')).toHaveLength(1));
    const args = backend.callsOf('update_visit')[0].args as { visitId: number; fields: Record<string, unknown> };
    expect(args.visitId).toBe(1);
    expect(args.fields).toMatchObject({ title: CANONICAL_VISIT_TITLE, kind: 'working', start_date: '2017-06-21', notes: null, status: 'past' });
    await waitFor(() => expect(screen.getByTestId('visit-fields').textContent).toContain('Working visit'));
    expect(screen.getByTestId('visit-fields').textContent).toContain('21 Jun 2017 – 22 Jun (year unknown)');
  });

  it('changes a participant’s role', async () => {
    const page = await openVisit();
    const role = within(within(page).getByTestId('participants-visiting')).getByTestId('participant-role');
    await fireEvent.change(role, { target: { value: 'member' } });
    await waitFor(() => expect(backend.callsOf('set_participant')).toHaveLength(1));
    expect(backend.callsOf('set_participant')[0].args).toEqual({ visitId: 1, personId: 1, side: 'visiting', role: 'member' });
  });

  it('shows a failed commitment update in the error banner', async () => {
    backend.failures.set('update_commitment', { code: 'invalid', message: 'a commitment needs a status' });
    const page = await openVisit();
    const row = within(page).getAllByTestId('commitment-row')[1];
    await fireEvent.input(within(row).getByTestId('commitment-due'), { target: { value: 'soon' } });
    await fireEvent.click(within(row).getByTestId('commitment-save'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.dataset.code).toBe('invalid');
    expect(banner.textContent).toContain('a commitment needs a status');
  });
});

describe('brief', () => {
  it('loads the options and shows the live preview under the app stylesheet', async () => {
    await openBrief();
    expect(backend.callsOf('get_brief_options')[0].args).toEqual({ visitId: 1 });
    const preview = screen.getByTestId('brief-preview');
    await waitFor(() => expect(preview.querySelector('article.brief')).not.toBeNull());
    expect(preview.querySelector('.classification')?.textContent).toBe('RESTRICTED — FOR OFFICIAL USE');
    expect(preview.querySelector('h1.title')?.textContent).toBe(CANONICAL_VISIT_TITLE);
    expect(preview.textContent).toContain('Gumar DYUSEMBAYEV');
    expect((screen.getByTestId('brief-classification') as HTMLInputElement).value).toBe('RESTRICTED — FOR OFFICIAL USE');
    const sections = screen.getAllByTestId('brief-section').map((s) => s.dataset.section);
    expect(sections).toEqual([
      'cover',
      'summary',
      'counterparts',
      'profiles',
      'cooperation',
      'commitments',
      'facts',
      'background',
      'talking_points',
      'sources',
      'appendix',
    ]);
  });

  it('turns sections off and reorders them, and the preview follows', async () => {
    await openBrief();
    const sections = () => screen.getAllByTestId('brief-section');
    await fireEvent.click(within(sections()[10]).getByTestId('section-toggle'));
    await fireEvent.click(within(sections()[2]).getByTestId('section-up'));
    expect(sections().map((s) => s.dataset.section).slice(0, 3)).toEqual(['cover', 'counterparts', 'summary']);
    await waitFor(() => expect(lastOptions('preview_brief').sections).not.toContain('appendix'));
    await waitFor(() => expect(lastOptions('preview_brief').sections.slice(0, 3)).toEqual(['cover', 'counterparts', 'summary']));
    expect(screen.getByTestId('brief-preview').querySelector('section h2')?.textContent).toBe('1. Delegation and counterparts');
    expect((within(sections()[0]).getByTestId('section-up') as HTMLButtonElement).disabled).toBe(true);
    expect((within(sections()[10]).getByTestId('section-down') as HTMLButtonElement).disabled).toBe(true);
  });

  it('fills the summary from the suggested key points, and saves the options', async () => {
    await openBrief();
    await fireEvent.click(screen.getByTestId('use-suggested'));
    await waitFor(() => expect((screen.getByTestId('brief-summary') as HTMLTextAreaElement).value).not.toBe(''));
    expect(backend.callsOf('suggested_points')[0].args).toEqual({ visitId: 1 });
    const lines = (screen.getByTestId('brief-summary') as HTMLTextAreaElement).value.split('\n');
    expect(lines[0]).toBe('- The administration of Atyrau Oblast sees potential in advancing cooperation with Brest Oblast in agribusiness and the processing industry, BelTA has learned.');
    expect(lines).toContain('- Reciprocal visit of the Brest Oblast administration to Kazakhstan');
    for (const line of lines) expect(line.startsWith('- ')).toBe(true);

    await fireEvent.input(screen.getByTestId('brief-talking-points'), { target: { value: '- Welcome the delegation.' } });
    await fireEvent.input(screen.getByTestId('brief-classification'), { target: { value: 'CONFIDENTIAL' } });
    await fireEvent.click(screen.getByTestId('brief-save'));
    await waitFor(() => expect(backend.callsOf('save_brief_options')).toHaveLength(1));
    const saved = lastOptions('save_brief_options');
    expect(backend.callsOf('save_brief_options')[0].args?.visitId).toBe(1);
    expect(saved.classification).toBe('CONFIDENTIAL');
    expect(saved.talking_points).toBe('- Welcome the delegation.');
    expect(saved.summary?.split('\n')).toEqual(lines);
    expect(saved.defensive_lines).toBeNull();
    expect(saved.paper).toBe('a4');
    expect((await screen.findByTestId('brief-notice')).textContent).toBe('Brief settings saved.');
    await waitFor(() => expect(screen.getByTestId('brief-preview').querySelector('.classification')?.textContent).toBe('CONFIDENTIAL'));
  });

  it('keeps unsaved brief texts when switching to the visit tab and back', async () => {
    await openBrief();
    await fireEvent.input(screen.getByTestId('brief-defensive-lines'), { target: { value: 'Do not comment on prices.' } });
    await fireEvent.click(screen.getByTestId('tab-visit'));
    expect(screen.getByTestId('brief-panel').closest('[hidden]')).not.toBeNull();
    await fireEvent.click(screen.getByTestId('tab-brief'));
    expect(screen.getByTestId('brief-panel').closest('[hidden]')).toBeNull();
    expect((screen.getByTestId('brief-defensive-lines') as HTMLTextAreaElement).value).toBe('Do not comment on prices.');
    expect(backend.callsOf('get_brief_options')).toHaveLength(1);
  });

  it('shows escaped markup from the renderer as text', async () => {
    await openBrief();
    await fireEvent.input(screen.getByTestId('brief-talking-points'), {
      target: { value: '<img src=x onerror=alert(1)> and <script>alert(2)</script>' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('brief-preview').textContent).toContain('<img src=x onerror=alert(1)> and <script>'),
    );
    expect(screen.getByTestId('brief-preview').querySelector('img, script')).toBeNull();
  });

  it('exports to the path chosen in the save dialog and shows the result', async () => {
    backend.saveResult = '/home/officer/Documents/brief.docx';
    await openBrief();
    await fireEvent.click(screen.getByTestId('brief-export'));
    const result = await screen.findByTestId('export-result');
    expect(backend.calls.find((c) => c.cmd === 'dialog.save')?.args).toEqual({
      defaultPath: `${CANONICAL_VISIT_TITLE}.docx`,
      filters: [{ name: 'Word document', extensions: ['docx'] }],
    });
    const call = backend.callsOf('export_brief')[0].args;
    expect(call?.path).toBe('/home/officer/Documents/brief.docx');
    expect(call?.replace).toBe(false);
    expect(call?.visitId).toBe(1);
    expect(screen.getByTestId('export-path').textContent).toBe('/home/officer/Documents/brief.docx');
    expect(result.textContent?.replace(/\s+/g, ' ')).toContain('(18.3 KB, 11 sections, 1 source)');
  });

  it('asks before replacing an existing file, and replaces only when confirmed', async () => {
    backend.saveResult = '/home/officer/brief.docx';
    backend.counterparts.existingFiles.add('/home/officer/brief.docx');
    await openBrief();
    await fireEvent.click(screen.getByTestId('brief-export'));
    const confirm = await screen.findByTestId('export-confirm');
    expect(confirm.textContent).toContain('/home/officer/brief.docx already exists. Replace it?');
    expect(screen.queryByTestId('export-result')).toBeNull();
    expect(screen.queryByTestId('error-banner'), 'an existing file is a question, not an error').toBeNull();

    await fireEvent.click(within(confirm).getByTestId('export-cancel'));
    expect(screen.queryByTestId('export-confirm')).toBeNull();
    expect(backend.callsOf('export_brief')).toHaveLength(1);

    await fireEvent.click(screen.getByTestId('brief-export'));
    await fireEvent.click(await screen.findByTestId('export-replace'));
    await screen.findByTestId('export-result');
    expect(backend.callsOf('export_brief').map((c) => c.args?.replace)).toEqual([false, false, true]);
  });

  it('opens the exported brief in the word processor and shows it in its folder', async () => {
    backend.saveResult = '/home/officer/Documents/brief.docx';
    await openBrief();
    await fireEvent.click(screen.getByTestId('brief-export'));
    const result = await screen.findByTestId('export-result');
    const open = within(result).getByTestId('export-open');
    const reveal = within(result).getByTestId('export-reveal');
    expect(open.textContent?.trim()).toBe('Open in word processor');
    expect(reveal.textContent?.trim()).toBe('Show in folder');

    await fireEvent.click(open);
    await waitFor(() => expect(backend.callsOf('opener.openPath')).toHaveLength(1));
    expect(backend.callsOf('opener.openPath')[0].args?.path).toBe('/home/officer/Documents/brief.docx');

    await fireEvent.click(reveal);
    await waitFor(() => expect(backend.callsOf('opener.revealItemInDir')).toHaveLength(1));
    expect(backend.callsOf('opener.revealItemInDir')[0].args?.path).toBe('/home/officer/Documents/brief.docx');
  });

  it('shows a file the system cannot open in the error banner', async () => {
    backend.saveResult = '/home/officer/Documents/brief.docx';
    backend.failures.set('opener.openPath', { code: 'ui_error', message: 'No application is set to open .docx files' });
    await openBrief();
    await fireEvent.click(screen.getByTestId('brief-export'));
    await fireEvent.click(await screen.findByTestId('export-open'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('No application is set to open .docx files');
    expect(screen.getByTestId('export-result'), 'the export itself stands').toBeTruthy();
  });

  it('does nothing when the save dialog is cancelled, and shows export errors in the banner', async () => {
    backend.saveResult = null;
    await openBrief();
    await fireEvent.click(screen.getByTestId('brief-export'));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'dialog.save')).toBe(true));
    expect(backend.callsOf('export_brief')).toHaveLength(0);

    backend.saveResult = '/readonly/brief.docx';
    backend.failures.set('export_brief', { code: 'io', message: 'cannot write /readonly/brief.docx: permission denied' });
    await fireEvent.click(screen.getByTestId('brief-export'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.dataset.code).toBe('io');
    expect(banner.textContent).toContain('permission denied');
  });
});
