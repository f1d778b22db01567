// Pure formatting for what the list and detail panes show. Month names are
// fixed English abbreviations so the output does not depend on the locale.

import type { ArticleSummary, ImportReport, PublishedDate } from './types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthName(month: string): string | null {
  const index = Number(month) - 1;
  return Number.isInteger(index) && index >= 0 && index < 12 ? MONTHS[index] : null;
}

function dayNumber(day: string): number | null {
  const n = Number(day);
  return Number.isInteger(n) && n >= 1 && n <= 31 ? n : null;
}

/**
 * "2017-06-21" -> "21 Jun 2017"; "--06-21" -> "21 Jun (year unknown)";
 * "2017-06" -> "Jun 2017"; "2017" -> "2017"; null -> "undated".
 * Anything else is shown as it came, rather than hidden.
 */
export function formatPublished(published: PublishedDate): string {
  if (published === null || published.trim() === '') return 'undated';
  const value = published.trim();

  let m = /^--(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const month = monthName(m[1]);
    const day = dayNumber(m[2]);
    return month && day ? `${day} ${month} (year unknown)` : value;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const month = monthName(m[2]);
    const day = dayNumber(m[3]);
    return month && day ? `${day} ${month} ${m[1]}` : value;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const month = monthName(m[2]);
    return month ? `${month} ${m[1]}` : value;
  }
  return value;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * An import timestamp as "21 Jun 2017, 14:05". A timestamp with a zone
 * ("Z" or "+02:00") is shown in local time; one without is shown as written.
 */
export function formatTimestamp(timestamp: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    timestamp.trim(),
  );
  if (!m) return timestamp;
  if (m[6]) {
    const date = new Date(timestamp.trim().replace(' ', 'T'));
    if (Number.isNaN(date.getTime())) return timestamp;
    return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}, ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }
  const month = monthName(m[2]);
  const day = dayNumber(m[3]);
  if (!month || !day) return timestamp;
  return `${day} ${month} ${m[1]}, ${m[4]}:${m[5]}`;
}

/** The secondary line of a list row: outlet · dateline · published. */
export function summaryLine(article: ArticleSummary): string {
  const parts: string[] = [];
  if (article.outlet) parts.push(article.outlet);
  if (article.dateline) parts.push(article.dateline);
  parts.push(formatPublished(article.published));
  return parts.join(' · ');
}

/** "N copies" for a near-duplicate group, or null for a lone article. */
export function copiesLabel(groupSize: number): string | null {
  return groupSize > 1 ? `${groupSize} copies` : null;
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** The one-line summary at the top of an import report. */
export function reportSummary(report: ImportReport): string {
  return [
    `Imported ${report.imported}`,
    `duplicates ${report.duplicates}`,
    `near-duplicates ${report.nearDuplicates}`,
    `failed ${report.failed}`,
  ].join(' · ');
}

/** The last segment of a path or URL, for showing which file is being read. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const index = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return index >= 0 ? trimmed.slice(index + 1) : trimmed;
}
