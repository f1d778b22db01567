// The Settings screen: house style, where the data lives, backup and restore,
// and About; opened from the sidebar or with Ctrl+,.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { MockBackend, makeArticle, sampleArticles } from './lib/mockBackend';
import type { HouseStyle } from './lib/types';
import { useBackend } from './test/tauriModules';

let backend: MockBackend;

beforeEach(() => {
  backend = useBackend(new MockBackend(sampleArticles()));
  backend.houseStyle = {
    organisation: 'Protocol Department',
    author: null,
    classification: 'RESTRICTED',
    paper: 'a4',
    margin_mm: 20,
  };
});

afterEach(() => {
  vi.useRealTimers();
});

async function openSettings() {
  render(App);
  await fireEvent.click(screen.getByTestId('nav-settings'));
  await screen.findByTestId('house-style');
  return screen.getByTestId('settings');
}

function input(testId: string): HTMLInputElement {
  return screen.getByTestId(testId) as HTMLInputElement;
}

describe('opening Settings', () => {
  it('is in the sidebar, with its shortcut in the tooltip', async () => {
    render(App);
    const item = screen.getByTestId('nav-settings');
    expect(item.getAttribute('aria-disabled')).toBeNull();
    expect(item.getAttribute('title')).toBe('Settings (Ctrl+,)');
    expect(item.getAttribute('aria-keyshortcuts')).toBe('Control+,');
    await fireEvent.click(item);
    await screen.findByTestId('settings');
    expect(item.getAttribute('aria-current')).toBe('page');
  });

  it('opens with Ctrl+, from any screen', async () => {
    render(App);
    await fireEvent.click(screen.getByTestId('nav-people'));
    await fireEvent.keyDown(window, { key: ',', ctrlKey: true });
    await screen.findByTestId('settings');
    expect(screen.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');
  });

  it('ignores a comma without Ctrl', async () => {
    render(App);
    await waitFor(() => expect(backend.callsOf('list_articles')).toHaveLength(1));
    await fireEvent.keyDown(window, { key: ',' });
    expect(screen.queryByTestId('settings')).toBeNull();
  });
});

describe('house style', () => {
  it('shows the saved house style', async () => {
    await openSettings();
    expect(input('hs-organisation').value).toBe('Protocol Department');
    expect(input('hs-author').value).toBe('');
    expect(input('hs-classification').value).toBe('RESTRICTED');
    expect(input('hs-paper-a4').checked).toBe(true);
    expect(input('hs-paper-letter').checked).toBe(false);
    expect(input('hs-margin').value).toBe('20');
    expect((screen.getByTestId('hs-save') as HTMLButtonElement).disabled, 'nothing to save yet').toBe(true);
  });

  it('saves the edited house style, with empty fields as none', async () => {
    await openSettings();
    await fireEvent.input(input('hs-organisation'), { target: { value: '' } });
    await fireEvent.input(input('hs-author'), { target: { value: '  A. Officer ' } });
    await fireEvent.input(input('hs-classification'), { target: { value: 'OFFICIAL-SENSITIVE' } });
    await fireEvent.click(input('hs-paper-letter'));
    await fireEvent.input(input('hs-margin'), { target: { value: '25' } });
    await fireEvent.click(screen.getByTestId('hs-save'));
    await screen.findByTestId('hs-notice');
    expect(backend.callsOf('save_house_style')[0].args).toEqual({
      houseStyle: {
        organisation: null,
        author: 'A. Officer',
        classification: 'OFFICIAL-SENSITIVE',
        paper: 'letter',
        margin_mm: 25,
      } satisfies HouseStyle,
    });
    expect(backend.houseStyle.paper).toBe('letter');
    expect((screen.getByTestId('hs-save') as HTMLButtonElement).disabled, 'saved: nothing left to save').toBe(true);
  });

  it('will not save a margin out of range', async () => {
    await openSettings();
    await fireEvent.input(input('hs-margin'), { target: { value: '200' } });
    expect((screen.getByTestId('hs-save') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('hs-margin-hint').textContent).toContain('A whole number from 5 to 50');
    expect(input('hs-margin').getAttribute('aria-invalid')).toBe('true');
    await fireEvent.input(input('hs-margin'), { target: { value: '' } });
    expect((screen.getByTestId('hs-save') as HTMLButtonElement).disabled).toBe(true);
    expect(backend.callsOf('save_house_style')).toHaveLength(0);
  });

  it('shows a failed save in the error banner', async () => {
    backend.failures.set('save_house_style', { code: 'settings', message: 'the settings file cannot be written' });
    await openSettings();
    await fireEvent.input(input('hs-author'), { target: { value: 'A. Officer' } });
    await fireEvent.click(screen.getByTestId('hs-save'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.dataset.code).toBe('settings');
    expect(banner.textContent).toContain('the settings file cannot be written');
  });

  it('shows a failed load in the error banner', async () => {
    backend.failures.set('get_settings', { code: 'settings', message: 'the settings file cannot be read' });
    render(App);
    await fireEvent.click(screen.getByTestId('nav-settings'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('the settings file cannot be read');
    expect(screen.queryByTestId('house-style')).toBeNull();
  });
});

describe('data and About', () => {
  it('shows the database, the settings file, the article count and the version', async () => {
    await openSettings();
    expect(screen.getByTestId('settings-database').textContent).toBe(backend.dbPath);
    expect(screen.getByTestId('settings-file').textContent).toBe(backend.settingsFile);
    expect(screen.getByTestId('settings-articles').textContent).toBe('3 articles');
    const about = screen.getByTestId('about');
    expect(about.textContent).toContain('Briefing Desk');
    expect(within(about).getByTestId('about-version').textContent).toBe('version 0.1.0');
    expect(about.textContent).toMatch(/protocol officers/);
    expect(about.textContent).toMatch(/database file/);
  });

  it('shows the database in its folder', async () => {
    await openSettings();
    await fireEvent.click(screen.getByTestId('reveal-database'));
    await waitFor(() =>
      expect(backend.callsOf('opener.revealItemInDir')[0]?.args).toEqual({ path: backend.dbPath }),
    );
  });
});

describe('backup', () => {
  it('backs up to the file chosen in the save dialog, named with today’s date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2024, 2, 5, 9, 30));
    backend.saveResult = '/home/officer/Backups/briefing-backup-2024-03-05.sqlite';
    await openSettings();
    await fireEvent.click(screen.getByTestId('backup-now'));
    const result = await screen.findByTestId('backup-result');
    expect(backend.calls.find((c) => c.cmd === 'dialog.save')?.args).toEqual({
      defaultPath: 'briefing-backup-2024-03-05.sqlite',
      filters: [{ name: 'Briefing Desk backup', extensions: ['sqlite', 'sqlite3', 'db'] }],
    });
    expect(backend.callsOf('backup_now')[0].args).toEqual({
      path: '/home/officer/Backups/briefing-backup-2024-03-05.sqlite',
      replace: false,
    });
    expect(result.textContent).toContain('Backed up to /home/officer/Backups/briefing-backup-2024-03-05.sqlite');
  });

  it('asks before replacing an existing file, and replaces only when confirmed', async () => {
    backend.saveResult = '/home/officer/backup.sqlite';
    backend.existingFiles.add('/home/officer/backup.sqlite');
    await openSettings();
    await fireEvent.click(screen.getByTestId('backup-now'));
    const confirm = await screen.findByTestId('backup-confirm');
    expect(confirm.textContent).toContain('/home/officer/backup.sqlite already exists. Replace it');
    expect(screen.queryByTestId('error-banner'), 'an existing file is a question, not an error').toBeNull();

    await fireEvent.click(within(confirm).getByTestId('backup-cancel'));
    expect(screen.queryByTestId('backup-confirm')).toBeNull();
    expect(backend.callsOf('backup_now')).toHaveLength(1);

    await fireEvent.click(screen.getByTestId('backup-now'));
    await fireEvent.click(await screen.findByTestId('backup-replace'));
    await screen.findByTestId('backup-result');
    expect(backend.callsOf('backup_now').map((c) => c.args?.replace)).toEqual([false, false, true]);
  });

  it('does nothing when the save dialog is cancelled, and shows backup errors in the banner', async () => {
    backend.saveResult = null;
    await openSettings();
    await fireEvent.click(screen.getByTestId('backup-now'));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'dialog.save')).toBe(true));
    expect(backend.callsOf('backup_now')).toHaveLength(0);

    backend.saveResult = '/readonly/backup.sqlite';
    backend.failures.set('backup_now', { code: 'io', message: 'cannot write /readonly/backup.sqlite' });
    await fireEvent.click(screen.getByTestId('backup-now'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.dataset.code).toBe('io');
    expect(screen.queryByTestId('backup-result')).toBeNull();
  });
});

describe('restore', () => {
  const BACKUP = '/home/officer/Backups/briefing-backup-2024-03-01.sqlite';

  it('says the current contents are replaced and saved first, then restores and says where they went', async () => {
    backend.backups.set(BACKUP, [makeArticle({ id: 1, title: 'From the backup' })]);
    backend.dialogResult = [BACKUP];
    await openSettings();
    await fireEvent.click(screen.getByTestId('restore-button'));
    const confirm = await screen.findByTestId('restore-confirm');
    expect(backend.calls.find((c) => c.cmd === 'dialog.open')?.args).toEqual({
      multiple: false,
      directory: false,
      filters: [{ name: 'Briefing Desk backup', extensions: ['sqlite', 'sqlite3', 'db'] }],
    });
    const text = confirm.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('Replace everything in this database with the backup?');
    expect(text).toContain(`are replaced by those in ${BACKUP}`);
    expect(text).toContain('The current contents are saved beside the database first');
    expect(backend.callsOf('restore_backup'), 'nothing happens before confirming').toHaveLength(0);

    await fireEvent.click(within(confirm).getByTestId('restore-replace'));
    const result = await screen.findByTestId('restore-result');
    expect(backend.callsOf('restore_backup')[0].args).toEqual({ path: BACKUP });
    expect(result.textContent).toContain(`Restored from ${BACKUP}.`);
    expect(screen.getByTestId('restore-saved-to').textContent).toBe(
      '/home/officer/.local/share/briefing-desk/briefing.before-restore.sqlite3',
    );
    await waitFor(() => expect(screen.getByTestId('settings-articles').textContent).toBe('1 article'));
    // The shell refreshes too: the store is asked again.
    expect(backend.callsOf('store_info').length).toBeGreaterThan(1);
    await fireEvent.click(screen.getByTestId('nav-library'));
    await waitFor(() => expect(screen.getAllByTestId('article-row').map((r) => r.textContent)).toEqual([expect.stringContaining('From the backup')]));
  });

  it('does nothing when cancelled, in the dialog or at the question', async () => {
    backend.dialogResult = null;
    await openSettings();
    await fireEvent.click(screen.getByTestId('restore-button'));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'dialog.open')).toBe(true));
    expect(screen.queryByTestId('restore-confirm')).toBeNull();

    backend.dialogResult = [BACKUP];
    await fireEvent.click(screen.getByTestId('restore-button'));
    await fireEvent.click(await screen.findByTestId('restore-cancel'));
    expect(screen.queryByTestId('restore-confirm')).toBeNull();
    expect(backend.callsOf('restore_backup')).toHaveLength(0);
  });

  it('shows a file that is not a backup in the error banner', async () => {
    backend.dialogResult = ['/home/officer/notes.txt'];
    await openSettings();
    await fireEvent.click(screen.getByTestId('restore-button'));
    await fireEvent.click(await screen.findByTestId('restore-replace'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.dataset.code).toBe('not_a_database');
    expect(banner.textContent).toContain('/home/officer/notes.txt is not a Briefing Desk database');
    expect(screen.queryByTestId('restore-result')).toBeNull();
    expect(screen.getByTestId('settings-articles').textContent).toBe('3 articles');
  });
});
