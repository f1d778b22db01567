import { describe, expect, it } from 'vitest';
import { baseName, formatPublished, formatTimestamp, reportSummary, summaryLine } from './format';
import { makeArticle } from './mockBackend';

describe('formatPublished', () => {
  it.each([
    ['2017-06-21', '21 Jun 2017'],
    ['--06-21', '21 Jun (year unknown)'],
    ['--12-01', '1 Dec (year unknown)'],
    ['2017-06', 'Jun 2017'],
    ['2017', '2017'],
    [null, 'undated'],
    ['', 'undated'],
    // Something the UI does not understand is shown as it came, not hidden.
    ['--13-40', '--13-40'],
    ['summer 2017', 'summer 2017'],
  ])('shows %j as %j', (input, expected) => {
    expect(formatPublished(input)).toBe(expected);
  });
});

describe('formatTimestamp', () => {
  it('shows a timestamp without a zone as written', () => {
    expect(formatTimestamp('2024-03-05 09:30:00')).toBe('5 Mar 2024, 09:30');
    expect(formatTimestamp('2024-03-05T17:04:59.123')).toBe('5 Mar 2024, 17:04');
  });

  it('shows a zoned timestamp in local time, keeping the date format', () => {
    expect(formatTimestamp('2024-03-05T09:30:00Z')).toMatch(/^\d{1,2} (Mar|Feb) 2024, \d\d:\d\d$/);
  });

  it('leaves an unknown format alone rather than showing a wrong date', () => {
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });
});

describe('summaryLine', () => {
  it('joins outlet, dateline and published date, skipping what is missing', () => {
    const full = makeArticle({ id: 1, outlet: 'Kazinform', dateline: 'BREST', published: '--06-21' });
    expect(summaryLine(full.summary)).toBe('Kazinform · BREST · 21 Jun (year unknown)');
    expect(summaryLine(makeArticle({ id: 2 }).summary)).toBe('undated');
  });
});

describe('reportSummary', () => {
  it('names every count, zeros included', () => {
    const report = { imported: 3, duplicates: 1, nearDuplicates: 0, failed: 2, cancelled: false, items: [], storedMs: 0, suggestedMs: 0 };
    expect(reportSummary(report)).toBe('Imported 3 · duplicates 1 · near-duplicates 0 · failed 2');
  });
});

describe('baseName', () => {
  it('takes the last part of Unix and Windows paths', () => {
    expect(baseName('/home/officer/feed.xml')).toBe('feed.xml');
    expect(baseName('C:\\Users\\officer\\page.html')).toBe('page.html');
    expect(baseName('plain.txt')).toBe('plain.txt');
  });
});
