// An in-memory stand-in for the Tauri shell, for component tests and for
// `npm run dev` in a plain browser. It answers the same commands with the same
// shapes as src-tauri, keeps a call log, and can be told to fail a command
// with a `{ code, message }` error or to hold an import until released.

import type {
  AppSettings,
  ArticleDetail,
  ArticleFilter,
  ArticleSummary,
  CommandError,
  HouseStyle,
  ImportItem,
  ImportReport,
  ImportStatus,
  OutletCount,
  SearchHit,
  SnippetSegment,
  StoreInfo,
} from './types';
import { CounterpartsFake, emptyCounterparts, type CounterpartsState } from './mockCounterparts';

export { CANONICAL_VISIT_TITLE, emptyCounterparts, sampleCounterparts } from './mockCounterparts';

export interface RecordedCall {
  cmd: string;
  args: Record<string, unknown> | undefined;
}

/** What importing one path should produce; paths without a plan import cleanly. */
export interface ImportPlan {
  status: ImportStatus;
  message?: string;
  article?: ArticleDetail;
}

type Handler = (event: { event: string; id: number; payload: unknown }) => void;

export class MockBackend {
  readonly calls: RecordedCall[] = [];
  /** Commands that reject with this error until removed from the map. */
  readonly failures = new Map<string, CommandError>();
  /** Per-path outcomes for `import_paths`. */
  readonly importPlans = new Map<string, ImportPlan>();
  /** What the file dialog returns: the chosen paths, or null when cancelled. */
  dialogResult: string[] | null = null;
  /** What the save dialog returns: the chosen path, or null when cancelled. */
  saveResult: string | null = null;
  /** Review, people, visits and briefs (mockCounterparts.ts). */
  readonly counterparts: CounterpartsFake;
  dbPath = '/home/officer/.local/share/briefing-desk/briefing.sqlite3';
  /** Settings: the house style get_settings answers and save_house_style replaces. */
  houseStyle: HouseStyle = defaultHouseStyle();
  settingsFile = '/home/officer/.config/briefing-desk/settings.json';
  version = '0.1.0';
  /** Paths backup_now treats as existing files (it adds the ones it writes). */
  readonly existingFiles = new Set<string>();
  /** Backups restore_backup accepts: path -> the articles in it. Others are not databases. */
  readonly backups = new Map<string, ArticleDetail[]>();

  /** Tags per article id, for the tag filter (stored articles carry none otherwise). */
  readonly tags = new Map<number, string[]>();

  private articles: ArticleDetail[];
  private listeners = new Map<string, Map<number, Handler>>();
  private nextListenerId = 1;
  private gate: Promise<void> | null = null;
  /** Set by cancel_import; the import stops before its next source. */
  private cancelRequested = false;
  /** Texts imported with import_text. */
  readonly pastedTexts: string[] = [];

  constructor(articles: ArticleDetail[] = [], counterparts: CounterpartsState = emptyCounterparts()) {
    this.articles = articles.map((a) => structuredClone(a));
    this.counterparts = new CounterpartsFake(
      counterparts,
      (id) => {
        const article = this.articles.find((a) => a.summary.id === id);
        return article ? this.summaryOf(article) : null;
      },
      (id) => this.articles.find((a) => a.summary.id === id) ?? null,
    );
  }

  callsOf(cmd: string): RecordedCall[] {
    return this.calls.filter((c) => c.cmd === cmd);
  }

  /** Makes `import_paths` wait until the returned function is called. */
  holdImports(): () => void {
    let release!: () => void;
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = null;
      release();
    };
  }

  async invoke(cmd: string, args?: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ cmd, args });
    // Answer on a later tick, as real IPC does.
    await Promise.resolve();
    const failure = this.failures.get(cmd);
    if (failure) throw { ...failure };

    switch (cmd) {
      case 'list_articles':
        return this.list(
          Number(args?.limit ?? 500),
          Number(args?.offset ?? 0),
          this.matcher(args?.filter as ArticleFilter | undefined),
        );
      case 'count_articles': {
        const matches = this.matcher(args?.filter as ArticleFilter | undefined);
        return this.articles.filter(matches).length;
      }
      case 'list_outlets':
        return this.outlets();
      case 'search_articles':
        return this.search(
          String(args?.query ?? ''),
          Number(args?.limit ?? 500),
          this.matcher(args?.filter as ArticleFilter | undefined),
        );
      case 'get_article':
        return this.get(Number(args?.id));
      case 'import_paths':
        return this.importPaths((args?.paths as string[]) ?? []);
      case 'import_text':
        return this.importText(String(args?.text ?? ''), (args?.name as string | null) ?? null);
      case 'cancel_import':
        this.cancelRequested = true;
        return null;
      case 'store_info':
        return { path: this.dbPath, articles: this.articles.length } satisfies StoreInfo;
      case 'get_settings':
        return {
          house_style: structuredClone(this.houseStyle),
          database: this.dbPath,
          settings_file: this.settingsFile,
          articles: this.articles.length,
          version: this.version,
        } satisfies AppSettings;
      case 'save_house_style':
        this.houseStyle = structuredClone(args?.houseStyle as HouseStyle);
        return null;
      case 'backup_now':
        return this.backupNow(String(args?.path), Boolean(args?.replace));
      case 'restore_backup':
        return this.restoreBackup(String(args?.path));
      case 'load_sample_article':
        return this.loadSample();
      default: {
        const answer = this.counterparts.handle(cmd, args ?? {});
        if (answer) return structuredClone(answer.value);
        throw { code: 'unknown_command', message: `The mock backend has no command ${cmd}.` };
      }
    }
  }

  async listen(event: string, handler: Handler): Promise<() => void> {
    const id = this.nextListenerId++;
    if (!this.listeners.has(event)) this.listeners.set(event, new Map());
    this.listeners.get(event)!.set(id, handler);
    return () => {
      this.listeners.get(event)?.delete(id);
    };
  }

  emit(event: string, payload: unknown): void {
    for (const [id, handler] of this.listeners.get(event) ?? []) {
      handler({ event, id, payload });
    }
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  async open(_options?: unknown): Promise<string[] | null> {
    this.calls.push({ cmd: 'dialog.open', args: _options as Record<string, unknown> });
    return this.dialogResult;
  }

  async save(options?: unknown): Promise<string | null> {
    this.calls.push({ cmd: 'dialog.save', args: options as Record<string, unknown> });
    return this.saveResult;
  }

  /** Stand-ins for @tauri-apps/plugin-opener. */
  async openPath(path: string, openWith?: string): Promise<void> {
    this.calls.push({ cmd: 'opener.openPath', args: { path, openWith } });
    const failure = this.failures.get('opener.openPath');
    if (failure) throw { ...failure };
  }

  async revealItemInDir(path: string | string[]): Promise<void> {
    this.calls.push({ cmd: 'opener.revealItemInDir', args: { path } });
    const failure = this.failures.get('opener.revealItemInDir');
    if (failure) throw { ...failure };
  }

  private backupNow(path: string, replace: boolean): null {
    if (this.existingFiles.has(path) && !replace) {
      throw { code: 'exists', message: `${path} already exists` };
    }
    this.existingFiles.add(path);
    this.backups.set(path, this.articles.map((a) => structuredClone(a)));
    return null;
  }

  private restoreBackup(path: string): string {
    const saved = this.backups.get(path);
    if (!saved) {
      throw { code: 'not_a_database', message: `${path} is not a Briefing Desk database: no such file` };
    }
    const safety = this.dbPath.replace(/(\.[^./]+)?$/, '.before-restore$1');
    this.backups.set(safety, this.articles.map((a) => structuredClone(a)));
    this.articles = saved.map((a) => structuredClone(a));
    return safety;
  }

  private loadSample(): ImportReport {
    const existing = this.articles.find((a) => a.summary.title === SAMPLE_TITLE);
    const article = existing ?? sampleArticle(Math.max(0, ...this.articles.map((a) => a.summary.id)) + 1);
    if (!existing) this.articles.push(structuredClone(article));
    return {
      cancelled: false,
      storedMs: 0,
      suggestedMs: 0,
      imported: existing ? 0 : 1,
      duplicates: existing ? 1 : 0,
      nearDuplicates: 0,
      failed: 0,
      items: [
        {
          input: article.sourceName,
          status: existing ? 'duplicate' : 'imported',
          articleId: article.summary.id,
          title: article.summary.title,
          message: null,
        },
      ],
    };
  }

  private list(limit: number, offset: number, matches: (a: ArticleDetail) => boolean): ArticleSummary[] {
    const kept = this.articles.filter(matches);
    return kept.slice(offset, offset + limit).map((a) => this.summaryOf(a));
  }

  /**
   * The filter as the shell applies it: blank fields are ignored, a date that
   * is not YYYY-MM-DD rejects with code "invalid", and an article without a
   * full date is left out once either date bound is set.
   */
  private matcher(filter: ArticleFilter | undefined): (a: ArticleDetail) => boolean {
    const some = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : null);
    const outlet = some(filter?.outlet);
    const from = some(filter?.from);
    const to = some(filter?.to);
    const tag = some(filter?.tag)?.toLowerCase() ?? null;
    for (const date of [from, to]) {
      if (date !== null && !isIsoDate(date)) {
        throw { code: 'invalid', message: `${date} is not a date: write YYYY-MM-DD` };
      }
    }
    return (article) => {
      const { summary } = article;
      if (outlet !== null && summary.outlet !== outlet) return false;
      if (from !== null || to !== null) {
        const published = summary.published;
        if (published === null || !isIsoDate(published)) return false;
        if (from !== null && published < from) return false;
        if (to !== null && published > to) return false;
      }
      if (tag !== null && !(this.tags.get(summary.id) ?? []).some((t) => t.toLowerCase() === tag)) return false;
      if (!this.counterparts.articleMatches(summary.id, filter ?? {})) return false;
      return true;
    };
  }

  private outlets(): OutletCount[] {
    const counts = new Map<string, number>();
    for (const a of this.articles) {
      if (a.summary.outlet !== null) counts.set(a.summary.outlet, (counts.get(a.summary.outlet) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  }

  private summaryOf(article: ArticleDetail): ArticleSummary {
    const summary = { ...article.summary };
    if (summary.groupId !== null) {
      summary.groupSize = this.articles.filter((a) => a.summary.groupId === summary.groupId).length;
    }
    return summary;
  }

  private get(id: number): ArticleDetail {
    const article = this.articles.find((a) => a.summary.id === id);
    if (!article) throw { code: 'not_found', message: `No article with id ${id}.` };
    const groupId = article.summary.groupId;
    return {
      ...structuredClone(article),
      summary: this.summaryOf(article),
      nearDuplicates:
        groupId === null
          ? []
          : this.articles
              .filter((a) => a.summary.groupId === groupId && a.summary.id !== id)
              .map((a) => this.summaryOf(a)),
    };
  }

  private search(query: string, limit: number, matches: (a: ArticleDetail) => boolean): SearchHit[] {
    const needle = query.trim().toLowerCase();
    if (!needle) return [];
    const hits: SearchHit[] = [];
    for (const article of this.articles) {
      if (!matches(article)) continue;
      const texts = [article.summary.title, ...article.paragraphs];
      const text = texts.find((t) => t.toLowerCase().includes(needle));
      if (text === undefined) continue;
      hits.push({ article: this.summaryOf(article), snippet: snippetOf(text, needle) });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  private async importText(text: string, name: string | null): Promise<ImportReport> {
    if (text.trim() === '') throw { code: 'invalid', message: 'there is no text to import: paste an article first' };
    const id = Math.max(0, ...this.articles.map((a) => a.summary.id)) + 1;
    const [headline, ...rest] = text.trim().split(/\n+/);
    const article = makeArticle({ id, title: headline, paragraphs: rest.length ? rest : [headline], sourceName: name ?? 'Pasted text', format: 'text' });
    this.articles.push(article);
    this.pastedTexts.push(text);
    return {
      cancelled: false,
      storedMs: 0,
      suggestedMs: 0,
      imported: 1,
      duplicates: 0,
      nearDuplicates: 0,
      failed: 0,
      items: [{ input: name ?? 'Pasted text', status: 'imported', articleId: id, title: headline, message: null }],
    };
  }

  private async importPaths(paths: string[]): Promise<ImportReport> {
    const report: ImportReport = {
      imported: 0,
      duplicates: 0,
      nearDuplicates: 0,
      failed: 0,
      cancelled: false,
      items: [],
      storedMs: 0,
      suggestedMs: 0,
    };
    this.cancelRequested = false;
    for (const [index, path] of paths.entries()) {
      this.emit('import-progress', { done: index, total: paths.length, current: path });
      if (this.gate) await this.gate;
      if (this.cancelRequested) {
        report.cancelled = true;
        break;
      }
      const plan = this.importPlans.get(path) ?? { status: 'imported' as const };
      const item: ImportItem = {
        input: path,
        status: plan.status,
        articleId: null,
        title: null,
        message: plan.message ?? null,
      };
      if (plan.status === 'imported' || plan.status === 'near_duplicate') {
        const article = plan.article ?? this.articleFromPath(path);
        this.articles.push(structuredClone(article));
        item.articleId = article.summary.id;
        item.title = article.summary.title;
      }
      if (plan.status === 'imported') report.imported++;
      if (plan.status === 'duplicate') report.duplicates++;
      if (plan.status === 'near_duplicate') report.nearDuplicates++;
      if (plan.status === 'failed') report.failed++;
      report.items.push(item);
    }
    this.emit('import-progress', { done: paths.length, total: paths.length, current: '' });
    return report;
  }

  private articleFromPath(path: string): ArticleDetail {
    const id = Math.max(0, ...this.articles.map((a) => a.summary.id)) + 1;
    const name = path.split(/[\\/]/).pop() ?? path;
    return makeArticle({ id, title: `Imported from ${name}`, sourceName: name });
  }
}

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The outlets and tags the generated library uses. */
export const GENERATED_OUTLETS = ['BelTA', 'Kazinform', 'TASS', 'Xinhua', 'Trend'] as const;
export const GENERATED_TAGS = ['agriculture', 'energy', 'logistics'] as const;

/**
 * A large generated library, newest first (as list_articles orders it): article
 * i (from 0) has id n - i, outlet GENERATED_OUTLETS[i % 5], one article a day
 * going back from 2024-12-31, and tag GENERATED_TAGS[i % 3]. Install the tags
 * with `backend.tags` (see generatedTags).
 */
export function generatedArticles(n: number): ArticleDetail[] {
  const day = 24 * 60 * 60 * 1000;
  const last = Date.UTC(2024, 11, 31);
  return Array.from({ length: n }, (_, i) =>
    makeArticle({
      id: n - i,
      title: `Generated article ${n - i}`,
      outlet: GENERATED_OUTLETS[i % GENERATED_OUTLETS.length],
      dateline: 'MINSK',
      published: new Date(last - i * day).toISOString().slice(0, 10),
      paragraphs: [`Body of generated article ${n - i} about ${GENERATED_TAGS[i % GENERATED_TAGS.length]}.`],
    }),
  );
}

/** The tags of generatedArticles(n), by article id. */
export function generatedTags(n: number): Map<number, string[]> {
  return new Map(Array.from({ length: n }, (_, i) => [n - i, [GENERATED_TAGS[i % GENERATED_TAGS.length]]]));
}

/** Cuts a window of text around the first hit and marks every hit in it. */
function snippetOf(text: string, needle: string): SnippetSegment[] {
  const lower = text.toLowerCase();
  const first = lower.indexOf(needle);
  const start = Math.max(0, first - 40);
  const end = Math.min(text.length, first + needle.length + 80);
  const segments: SnippetSegment[] = [];
  let at = start;
  while (at < end) {
    const hit = lower.indexOf(needle, at);
    if (hit === -1 || hit >= end) {
      segments.push({ text: text.slice(at, end), hit: false });
      break;
    }
    if (hit > at) segments.push({ text: text.slice(at, hit), hit: false });
    segments.push({ text: text.slice(hit, hit + needle.length), hit: true });
    at = hit + needle.length;
  }
  if (start > 0) segments.unshift({ text: '… ', hit: false });
  if (end < text.length) segments.push({ text: ' …', hit: false });
  return segments;
}

/** Builds an article with sensible defaults; tests override what they check. */
export function makeArticle(
  fields: Partial<ArticleSummary> & Partial<Omit<ArticleDetail, 'summary'>> & { id: number },
): ArticleDetail {
  const summary: ArticleSummary = {
    id: fields.id,
    title: fields.title ?? `Article ${fields.id}`,
    outlet: fields.outlet ?? null,
    dateline: fields.dateline ?? null,
    published: fields.published ?? null,
    language: fields.language ?? 'en',
    groupId: fields.groupId ?? null,
    groupSize: fields.groupSize ?? 1,
  };
  return {
    summary,
    url: fields.url ?? null,
    relayedFrom: fields.relayedFrom ?? null,
    paragraphs: fields.paragraphs ?? ['Body text.'],
    titleDerived: fields.titleDerived ?? false,
    sourceId: fields.sourceId ?? fields.id,
    sourceName: fields.sourceName ?? `article-${fields.id}.txt`,
    format: fields.format ?? 'text',
    contentHash: fields.contentHash ?? `hash-${fields.id}`,
    tags: fields.tags ?? [],
    importedAt: fields.importedAt ?? '2024-03-05T09:30:00Z',
    nearDuplicates: [],
    warnings: fields.warnings ?? [],
  };
}

/** A small library about one delegation visit, for tests and the browser preview. */
export function sampleArticles(): ArticleDetail[] {
  return [
    makeArticle({
      id: 1,
      title: 'Atyrau Oblast eyes cooperation with Brest Oblast in agribusiness',
      outlet: 'Kazinform',
      dateline: 'BREST',
      published: '--06-21',
      groupId: 10,
      relayedFrom: { outlet: 'BelTA', reference: 'BelTA has learned' },
      sourceName: 'kazinform-atyrau-brest.html',
      url: 'https://www.inform.kz/en/atyrau-oblast-eyes-cooperation-with-brest-oblast',
      format: 'html',
      paragraphs: [
        "The administration of Kazakhstan's Atyrau Oblast sees potential in advancing cooperation with Brest Oblast in agribusiness and processing industry. The relevant statement was made by Atyrau Oblast First Vice Governor Gumar Dyusembayev as he met with top officials of the Brest Oblast administration on 21 June.",
        'Gumar Dyusembayev said: “We are interested in Belarus and in Brest Oblast in particular with regard to the experience of developing the manufacturing of agricultural products, dairy and light industries, and fish processing.” He added: “In Atyrau Oblast there are about 900 industrial enterprises, including 600 with a share of foreign capital. But the number of joint ventures with Belarus is small.”',
        'The official mentioned agriculture and processing industry among the most probable avenues of cooperation for setting up joint ventures. The Kazakh delegation invited the Brest Oblast administration to come to Kazakhstan on a reciprocal visit. In turn, Deputy Chairman of the Brest Oblast Executive Committee Mikhail Serkov suggested civil engineering, logistics, tourism and recreation as possible avenues of cooperation.',
      ],
    }),
    makeArticle({
      id: 2,
      title: 'Brest Oblast, Atyrau Oblast discuss joint ventures',
      outlet: 'BelTA',
      dateline: 'BREST',
      published: '2017-06-21',
      groupId: 10,
      sourceName: 'atyrau-brest-feed.xml',
      format: 'feed',
      paragraphs: [
        'The administration of Atyrau Oblast sees potential in advancing cooperation with Brest Oblast in agribusiness and the processing industry, BelTA has learned.',
        'The Kazakh delegation invited the Brest Oblast administration to come to Kazakhstan on a reciprocal visit.',
      ],
    }),
    makeArticle({
      id: 3,
      title: 'Delegation tours dairy plant near Brest',
      outlet: null,
      dateline: null,
      published: null,
      sourceName: 'notes-dairy-visit.txt',
      paragraphs: ['The delegation visited a dairy plant and a fish processing enterprise on the second day.'],
    }),
  ];
}

/** The house style of a fresh install (briefing-core's HouseStyle::default). */
export function defaultHouseStyle(): HouseStyle {
  return { organisation: null, author: null, classification: null, paper: 'a4', margin_mm: 20 };
}

/** The title of the sample article the app ships (the canonical Kazinform story). */
export const SAMPLE_TITLE = 'Atyrau Oblast eyes cooperation with Brest Oblast in agribusiness, processing industry';

/** The sample article as load_sample_article stores it. */
export function sampleArticle(id: number): ArticleDetail {
  const canonical = sampleArticles()[0];
  return makeArticle({
    id,
    title: SAMPLE_TITLE,
    dateline: 'BREST',
    outlet: 'Kazinform',
    published: '--06-21',
    relayedFrom: { outlet: 'BelTA', reference: 'BelTA has learned' },
    sourceName: 'Sample: kazinform-atyrau-brest.txt',
    format: 'text',
    paragraphs: canonical.paragraphs,
  });
}
