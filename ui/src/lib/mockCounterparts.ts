// The review, people, visits and briefs half of the fake shell (see
// mockBackend.ts, which routes these commands here). Its answers have the
// snake_case shapes of briefing-core; its data is the canonical article
// (Atyrau Oblast delegation in Brest). Every change is journaled as a snapshot
// so undo_last can put it back, as the store's journal does.

import type {
  Accepted,
  ArticleDetail,
  ArticleReview,
  ArticleSummary,
  BriefOptions,
  ByteSpan,
  CommandError,
  Dossier,
  Exported,
  LogEntry,
  MentionView,
  PersonName,
  PersonSummary,
  Position,
  ProtocolNotes,
  SectionKind,
  SuggestedPoint,
  TimelineEntry,
  VisitCommitment,
  VisitDetail,
  VisitFields,
  VisitSummary,
  VisitTopic,
} from './types';
import type { JsonValue } from './bindings/serde_json/JsonValue';
import { ALL_SECTIONS } from './types';

interface FakePerson {
  id: number;
  house_name: string;
  names: PersonName[];
  positions: Position[];
  protocol: ProtocolNotes;
  /** Articles that mention the person outside the reviews held here. */
  articles: number[];
  merged_into: number | null;
  merged: number[];
}

interface FakeParticipant {
  person_id: number;
  side: string;
  role: string;
}

interface FakeVisit {
  id: number;
  fields: VisitFields;
  participants: FakeParticipant[];
  articles: number[];
  topics: VisitTopic[];
  commitments: VisitCommitment[];
  figures: { text: string; article_id: number }[];
  timeline: TimelineEntry[];
}

export interface CounterpartsState {
  people: FakePerson[];
  reviews: ArticleReview[];
  visits: FakeVisit[];
  briefOptions: Record<number, BriefOptions>;
}

const EMPTY_NOTES: ProtocolNotes = { form_of_address: null, pronunciation: null, interpreter: null, notes: null };

function fail(code: string, message: string): never {
  throw { code, message } satisfies CommandError;
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The byte range of `needle` in the article text (paragraphs joined by "\n\n"). */
export function byteSpanOf(article: ArticleDetail, needle: string): ByteSpan {
  const text = article.paragraphs.join('\n\n');
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in article ${article.summary.id}`);
  const encoder = new TextEncoder();
  const start = encoder.encode(text.slice(0, at)).length;
  return [start, start + encoder.encode(needle).length];
}

function script(name: string): string {
  return /[\u0400-\u052f]/.test(name) ? 'Cyrl' : 'Latn';
}

function names(house: string, ...others: string[]): PersonName[] {
  return [house, ...others].map((name, i) => ({ name, script: script(name), house: i === 0 }));
}

export const CANONICAL_VISIT_TITLE = 'Visit of the Atyrau Oblast delegation (Kazakhstan) to Brest Oblast (Belarus)';

function canonicalFields(): VisitFields {
  return {
    title: CANONICAL_VISIT_TITLE,
    kind: 'official',
    visiting_org: 'Atyrau Oblast administration',
    visiting_region: 'Atyrau Oblast',
    visiting_country: 'Kazakhstan',
    host_org: 'Brest Oblast Executive Committee',
    host_region: 'Brest Oblast',
    host_country: 'Belarus',
    place: 'Brest',
    start_date: '--06-21',
    end_date: '--06-22',
    purpose: 'Events commemorating the heroic defence of the Brest Fortress on 22 June 1941',
    status: 'past',
    notes: null,
  };
}

/**
 * The store after importing the sample articles: the canonical article (id 1)
 * has its suggestions waiting for review; two people are already known from
 * the BelTA copy (id 2), one of them also under a second record that should
 * be merged; one visit exists.
 */
export function sampleCounterparts(articles: ArticleDetail[]): CounterpartsState {
  const canonical = articles.find((a) => a.summary.id === 1);
  const reviews: ArticleReview[] = [];
  if (canonical) {
    const at = (needle: string) => byteSpanOf(canonical, needle);
    reviews.push({
      article_id: 1,
      mentions: [
        {
          id: 101,
          article_id: 1,
          name: 'Gumar Dyusembayev',
          title: 'First Vice Governor',
          organisation: 'Atyrau Oblast administration',
          country: 'Kazakhstan',
          spans: [at('Atyrau Oblast First Vice Governor Gumar Dyusembayev'), at('Gumar Dyusembayev said')].map(
            (s, i) => (i === 1 ? ([s[0], s[0] + 'Gumar Dyusembayev'.length] as ByteSpan) : s),
          ),
          confidence: 0.93,
          status: 'suggested',
          person_id: 1,
          person_name: 'Gumar Dyusembayev',
          evidence: 'Same name, title and organisation as in “Brest Oblast, Atyrau Oblast discuss joint ventures” (BelTA, 21 Jun 2017)',
          quotes: [
            {
              id: 201,
              text: 'We are interested in Belarus and in Brest Oblast in particular with regard to the experience of developing the manufacturing of agricultural products, dairy and light industries, and fish processing.',
              span: at(
                'We are interested in Belarus and in Brest Oblast in particular with regard to the experience of developing the manufacturing of agricultural products, dairy and light industries, and fish processing.',
              ),
              status: 'suggested',
              person_id: 1,
            },
            {
              id: 202,
              text: 'In Atyrau Oblast there are about 900 industrial enterprises, including 600 with a share of foreign capital. But the number of joint ventures with Belarus is small.',
              span: at(
                'In Atyrau Oblast there are about 900 industrial enterprises, including 600 with a share of foreign capital. But the number of joint ventures with Belarus is small.',
              ),
              status: 'suggested',
              person_id: 1,
            },
          ],
          reviewed_by: null,
          reviewed_at: null,
        },
        {
          id: 102,
          article_id: 1,
          name: 'Mikhail Serkov',
          title: 'Deputy Chairman',
          organisation: 'Brest Oblast Executive Committee',
          country: 'Belarus',
          spans: [at('Deputy Chairman of the Brest Oblast Executive Committee Mikhail Serkov')],
          confidence: 0.88,
          status: 'suggested',
          person_id: 3,
          person_name: 'Mikhail Serkov',
          evidence: 'Same name and organisation as in “Brest Oblast, Atyrau Oblast discuss joint ventures” (BelTA, 21 Jun 2017)',
          quotes: [],
          reviewed_by: null,
          reviewed_at: null,
        },
      ],
      unattributed_quotes: [],
      topics: [
        {
          id: 301,
          name: 'agribusiness and processing industry',
          proposed_by: 'Gumar Dyusembayev',
          proposed_by_person: 1,
          status: 'suggested',
          span: at('agribusiness and processing industry'),
        },
        {
          id: 302,
          name: 'civil engineering, logistics, tourism and recreation',
          proposed_by: 'Mikhail Serkov',
          proposed_by_person: 3,
          status: 'suggested',
          span: at('civil engineering, logistics, tourism and recreation'),
        },
      ],
      commitments: [
        {
          id: 401,
          kind: 'invitation',
          description: 'The Kazakh delegation invited the Brest Oblast administration to come to Kazakhstan on a reciprocal visit.',
          owner: 'Brest Oblast (invited by Atyrau Oblast)',
          due: null,
          status: 'invited',
          review: 'suggested',
          span: at('The Kazakh delegation invited the Brest Oblast administration to come to Kazakhstan on a reciprocal visit.'),
        },
      ],
      figures: [
        { id: 501, text: 'about 900 industrial enterprises', status: 'suggested', span: at('about 900 industrial enterprises') },
        { id: 502, text: '600 with a share of foreign capital', status: 'suggested', span: at('600 with a share of foreign capital') },
      ],
      extraction: { visit: { kind: 'official', place: 'Brest', start: '--06-21' } },
    });
  }

  const people: FakePerson[] = [
    {
      id: 1,
      house_name: 'Gumar Dyusembayev',
      names: names('Gumar Dyusembayev', 'Дюсембаев Гумар'),
      positions: [
        {
          title: 'First Vice Governor',
          organisation: 'Atyrau Oblast administration',
          country: 'Kazakhstan',
          first_seen: '2017-06-21',
          last_seen: '2017-06-21',
          articles: [2],
        },
      ],
      protocol: { ...EMPTY_NOTES, form_of_address: 'Mr Dyusembayev', pronunciation: 'gu-MAR dyu-sem-BA-yev' },
      articles: [2],
      merged_into: null,
      merged: [],
    },
    {
      id: 2,
      house_name: 'Gumar Dyussembayev',
      names: names('Gumar Dyussembayev'),
      positions: [
        {
          title: 'First Deputy Akim',
          organisation: 'Atyrau Oblast',
          country: 'Kazakhstan',
          first_seen: '2016-11-14',
          last_seen: '2016-11-14',
          articles: [3],
        },
      ],
      protocol: { ...EMPTY_NOTES },
      articles: [3],
      merged_into: null,
      merged: [],
    },
    {
      id: 3,
      house_name: 'Mikhail Serkov',
      names: names('Mikhail Serkov', 'Михаил Серков'),
      positions: [
        {
          title: 'Deputy Chairman',
          organisation: 'Brest Oblast Executive Committee',
          country: 'Belarus',
          first_seen: '2017-06-21',
          last_seen: '2017-06-21',
          articles: [2],
        },
      ],
      protocol: { ...EMPTY_NOTES, interpreter: 'Russian — none needed' },
      articles: [2],
      merged_into: null,
      merged: [],
    },
  ];

  const visits: FakeVisit[] = [
    {
      id: 1,
      fields: canonicalFields(),
      participants: [
        { person_id: 1, side: 'visiting', role: 'head' },
        { person_id: 3, side: 'host', role: 'host' },
      ],
      articles: [2],
      topics: [
        {
          id: 11,
          name: 'agribusiness and processing industry',
          proposed_by: 'Gumar Dyusembayev',
          proposed_by_person: 1,
          side: 'visiting',
          article_id: 2,
        },
        {
          id: 12,
          name: 'civil engineering, logistics, tourism and recreation',
          proposed_by: 'Mikhail Serkov',
          proposed_by_person: 3,
          side: 'host',
          article_id: 2,
        },
      ],
      commitments: [
        {
          id: 21,
          kind: 'invitation',
          description: 'Reciprocal visit of the Brest Oblast administration to Kazakhstan',
          owner: 'Brest Oblast (invited by Atyrau Oblast)',
          due: null,
          status: 'invited',
          article_id: 2,
        },
        {
          id: 22,
          kind: 'negotiation',
          description: 'Three facilities in Kazakhstan built with Brest Oblast enterprises',
          owner: 'Both',
          due: null,
          status: 'negotiations under way',
          article_id: 2,
        },
        {
          id: 23,
          kind: 'request',
          description: 'Tours of specific enterprises for the Kazakh delegation',
          owner: 'Brest Oblast',
          due: 'during the visit',
          status: 'requested',
          article_id: 2,
        },
      ],
      figures: [{ text: 'about 900 industrial enterprises, 600 of them with foreign capital', article_id: 2 }],
      timeline: [
        {
          date: null,
          kind: 'article',
          id: 3,
          title: 'Delegation tours dairy plant near Brest',
          outlet: null,
          because: 'Brest Oblast',
        },
      ],
    },
  ];

  return { people, reviews, visits, briefOptions: {} };
}

export function emptyCounterparts(): CounterpartsState {
  return { people: [], reviews: [], visits: [], briefOptions: {} };
}

interface JournalEntry {
  entry: LogEntry;
  before: CounterpartsState;
}

const NOW = '2024-03-05T10:00:00Z';

export class CounterpartsFake {
  state: CounterpartsState;

  /** Whether an article passes the Library's person, visit and review filters, as the core
   * decides: a person's articles are those with a mention confirmed as them or offered as
   * them (or listed on the person); "pending" means some mention is still suggested. */
  articleMatches(id: number, filter: { person?: number; visit?: number; review?: string }): boolean {
    const review = this.state.reviews.find((r) => r.article_id === id);
    if (filter.person !== undefined) {
      const person = this.state.people.find((p) => p.id === filter.person);
      const named =
        (person?.articles.includes(id) ?? false) ||
        (review?.mentions.some((m) => m.person_id === filter.person && m.status !== 'rejected') ?? false);
      if (!named) return false;
    }
    if (filter.visit !== undefined) {
      const visit = this.state.visits.find((v) => v.id === filter.visit);
      if (!visit?.articles.includes(id)) return false;
    }
    if (filter.review !== undefined) {
      const pending = review?.mentions.some((m) => m.status === 'suggested') ?? false;
      if ((filter.review === 'pending') !== pending) return false;
    }
    return true;
  }
  /** Paths export_brief treats as existing files. */
  readonly existingFiles = new Set<string>();
  private journal: JournalEntry[] = [];
  private nextId = 1000;

  constructor(
    state: CounterpartsState,
    private readonly summaryOf: (id: number) => ArticleSummary | null,
    private readonly articleOf: (id: number) => ArticleDetail | null,
  ) {
    this.state = structuredClone(state);
  }

  /** Answers a command, or returns `undefined` for one this half does not know. */
  handle(cmd: string, args: Record<string, unknown>): { value: unknown } | undefined {
    const n = (key: string) => Number(args[key]);
    switch (cmd) {
      case 'article_review':
        return { value: this.review(n('articleId')) };
      case 'confirm_mention':
        return { value: this.confirmMention(n('mentionId')) };
      case 'reject_mention':
        return { value: this.rejectMention(n('mentionId')) };
      case 'correct_mention':
        return { value: this.correctMention(n('mentionId'), args.correction as Record<string, unknown>) };
      case 'set_fact_status':
        return { value: this.setFactStatus(String(args.kind), n('id'), Boolean(args.confirmed)) };
      case 'accept_all':
        return { value: this.acceptAll(n('articleId')) };
      case 'undo_last':
        return { value: this.undoLast() };
      case 'review_log':
        return { value: this.journal.map((j) => j.entry).reverse().slice(0, n('limit')) };
      case 'list_people':
        return { value: this.listPeople((args.query as string | null) ?? null) };
      case 'get_dossier':
        return { value: this.dossier(n('personId')) };
      case 'merge_people':
        return { value: this.merge(n('keep'), n('other')) };
      case 'split_person':
        return { value: this.split(n('personId'), args.names as string[]) };
      case 'set_house_name':
        return { value: this.setHouseName(n('personId'), String(args.name)) };
      case 'set_protocol_notes':
        return { value: this.setProtocolNotes(n('personId'), args.notes as ProtocolNotes) };
      case 'list_visits':
        return { value: this.listVisits() };
      case 'get_visit':
        return { value: this.visitDetail(n('visitId')) };
      case 'create_visit_from_article':
        return { value: this.createVisitFromArticle(n('articleId')) };
      case 'create_visit':
        return { value: this.createVisit(args.fields as VisitFields) };
      case 'update_visit': {
        const fields = args.fields as VisitFields;
        if (!fields.title?.trim()) fail('invalid', 'a visit needs a title');
        this.visit(n('visitId')).fields = structuredClone(fields);
        return { value: null };
      }
      case 'set_participant':
        return { value: this.setParticipant(n('visitId'), n('personId'), String(args.side), String(args.role)) };
      case 'link_article': {
        const visit = this.visit(n('visitId'));
        if (!visit.articles.includes(n('articleId'))) visit.articles.push(n('articleId'));
        return { value: null };
      }
      case 'update_commitment':
        return {
          value: this.updateCommitment(
            n('commitmentId'),
            (args.owner as string | null) ?? null,
            (args.due as string | null) ?? null,
            String(args.status ?? ''),
          ),
        };
      case 'get_brief_options':
        this.visit(n('visitId'));
        return { value: structuredClone(this.state.briefOptions[n('visitId')] ?? defaultBriefOptions()) };
      case 'save_brief_options':
        this.visit(n('visitId'));
        this.state.briefOptions[n('visitId')] = structuredClone(args.options as BriefOptions);
        return { value: null };
      case 'preview_brief':
        return { value: this.preview(n('visitId'), args.options as BriefOptions) };
      case 'suggested_points':
        return { value: this.suggestedPoints(n('visitId')) };
      case 'export_brief':
        return {
          value: this.exportBrief(n('visitId'), args.options as BriefOptions, String(args.path), Boolean(args.replace)),
        };
      default:
        return undefined;
    }
  }

  // --- journal -------------------------------------------------------------

  private record(action: string, subject: string, details: unknown, change: () => void) {
    const before = structuredClone(this.state);
    change();
    this.journal.push({
      entry: { id: this.journal.length + 1, action, subject, details: details as JsonValue, actor: 'officer', at: NOW, undone_at: null },
      before,
    });
  }

  private undoLast(): LogEntry | null {
    const last = this.journal.pop();
    if (!last) return null;
    this.state = last.before;
    return { ...last.entry, undone_at: NOW };
  }

  // --- review --------------------------------------------------------------

  private review(articleId: number): ArticleReview {
    const found = this.state.reviews.find((r) => r.article_id === articleId);
    if (found) return structuredClone(found);
    if (!this.articleOf(articleId)) fail('not_found', `no article with id ${articleId}`);
    return {
      article_id: articleId,
      mentions: [],
      unattributed_quotes: [],
      topics: [],
      commitments: [],
      figures: [],
      extraction: null,
    };
  }

  private mention(id: number): MentionView {
    for (const review of this.state.reviews) {
      const m = review.mentions.find((x) => x.id === id);
      if (m) return m;
    }
    fail('not_found', `no mention with id ${id}`);
  }

  private personFor(m: MentionView): number {
    if (m.person_id !== null && this.state.people.some((p) => p.id === m.person_id)) return m.person_id;
    const id = this.nextId++;
    this.state.people.push({
      id,
      house_name: m.name,
      names: names(m.name),
      positions: m.title
        ? [{ title: m.title, organisation: m.organisation, country: m.country, first_seen: null, last_seen: null, articles: [m.article_id] }]
        : [],
      protocol: { ...EMPTY_NOTES },
      articles: [],
      merged_into: null,
      merged: [],
    });
    return id;
  }

  private confirmMention(id: number): number {
    let person = 0;
    this.record('confirm', `mention ${id}`, { mention: id }, () => {
      const m = this.mention(id);
      person = this.personFor(m);
      m.status = 'confirmed';
      m.person_id = person;
      m.person_name = this.person(person).house_name;
      m.reviewed_by = 'officer';
      m.reviewed_at = NOW;
      for (const q of m.quotes) if (q.status === 'suggested') q.status = 'confirmed';
    });
    return person;
  }

  private rejectMention(id: number): null {
    this.record('reject', `mention ${id}`, { mention: id }, () => {
      const m = this.mention(id);
      m.status = 'rejected';
      m.reviewed_by = 'officer';
      m.reviewed_at = NOW;
      for (const q of m.quotes) if (q.status === 'suggested') q.status = 'rejected';
    });
    return null;
  }

  private correctMention(id: number, c: Record<string, unknown>): number {
    let person = 0;
    this.record('correct', `mention ${id}`, c, () => {
      const m = this.mention(id);
      m.name = String(c.name);
      m.title = (c.title as string | null) ?? null;
      m.organisation = (c.organisation as string | null) ?? null;
      m.country = (c.country as string | null) ?? null;
      if (c.person === 'new') m.person_id = null;
      else if (typeof c.person === 'number') m.person_id = c.person;
      person = this.personFor(m);
      m.person_id = person;
      m.person_name = this.person(person).house_name;
      m.status = 'corrected';
    });
    return person;
  }

  private setFactStatus(kind: string, id: number, confirmed: boolean): null {
    const status = confirmed ? 'confirmed' : 'rejected';
    this.record(confirmed ? 'confirm' : 'reject', `${kind} ${id}`, { kind, id }, () => {
      for (const r of this.state.reviews) {
        if (kind === 'quote') {
          for (const q of [...r.unattributed_quotes, ...r.mentions.flatMap((m) => m.quotes)]) {
            if (q.id === id) q.status = status;
          }
        } else if (kind === 'topic') {
          for (const t of r.topics) if (t.id === id) t.status = status;
        } else if (kind === 'commitment') {
          for (const c of r.commitments) if (c.id === id) c.review = status;
        } else if (kind === 'figure') {
          for (const f of r.figures) if (f.id === id) f.status = status;
        } else {
          fail('invalid', `no suggestion of kind ${kind}`);
        }
      }
    });
    return null;
  }

  private acceptAll(articleId: number): Accepted {
    const accepted: Accepted = { people: 0, quotes: 0, topics: 0, commitments: 0, figures: 0 };
    this.record('accept_all', `article ${articleId}`, accepted, () => {
      const r = this.state.reviews.find((x) => x.article_id === articleId);
      if (!r) return;
      for (const m of r.mentions.filter((x) => x.status === 'suggested')) {
        const person = this.personFor(m);
        m.status = 'confirmed';
        m.person_id = person;
        m.person_name = this.person(person).house_name;
        accepted.people++;
        for (const q of m.quotes.filter((x) => x.status === 'suggested')) {
          q.status = 'confirmed';
          accepted.quotes++;
        }
      }
      for (const q of r.unattributed_quotes.filter((x) => x.status === 'suggested')) {
        q.status = 'confirmed';
        accepted.quotes++;
      }
      for (const t of r.topics.filter((x) => x.status === 'suggested')) {
        t.status = 'confirmed';
        accepted.topics++;
      }
      for (const c of r.commitments.filter((x) => x.review === 'suggested')) {
        c.review = 'confirmed';
        accepted.commitments++;
      }
      for (const f of r.figures.filter((x) => x.status === 'suggested')) {
        f.status = 'confirmed';
        accepted.figures++;
      }
    });
    return accepted;
  }

  // --- people --------------------------------------------------------------

  private person(id: number): FakePerson {
    let p = this.state.people.find((x) => x.id === id);
    while (p && p.merged_into !== null) {
      const next = p.merged_into;
      p = this.state.people.find((x) => x.id === next);
    }
    if (!p) fail('not_found', `no person with id ${id}`);
    return p;
  }

  private confirmedMentions(personId: number): MentionView[] {
    return this.state.reviews
      .flatMap((r) => r.mentions)
      .filter((m) => m.person_id === personId && (m.status === 'confirmed' || m.status === 'corrected'));
  }

  private summary(p: FakePerson): PersonSummary {
    const position = p.positions[0];
    const mentions = this.confirmedMentions(p.id);
    const articles = new Set([...p.articles, ...mentions.map((m) => m.article_id)]);
    return {
      id: p.id,
      house_name: p.house_name,
      title: position?.title ?? null,
      organisation: position?.organisation ?? null,
      country: position?.country ?? null,
      variants: p.names.filter((x) => x.name !== p.house_name).map((x) => x.name),
      mentions: p.articles.length + mentions.length,
      articles: articles.size,
      last_seen: position?.last_seen ?? null,
    };
  }

  private listPeople(query: string | null): PersonSummary[] {
    const needle = query?.trim().toLowerCase() ?? '';
    return this.state.people
      .filter((p) => p.merged_into === null)
      .filter((p) => needle === '' || p.names.some((x) => x.name.toLowerCase().includes(needle)))
      .sort((a, b) => a.house_name.localeCompare(b.house_name))
      .map((p) => this.summary(p));
  }

  private dossier(id: number): Dossier {
    const p = this.person(id);
    const article = (articleId: number) => this.summaryOf(articleId);
    const mentions = [
      ...p.articles.map((articleId, i) => ({
        mention_id: -1 - i,
        article_id: articleId,
        article_title: article(articleId)?.title ?? `Article ${articleId}`,
        outlet: article(articleId)?.outlet ?? null,
        published: article(articleId)?.published ?? null,
        name_as_written: p.house_name,
        title_as_written: p.positions[0]?.title ?? null,
        organisation: p.positions[0]?.organisation ?? null,
        status: 'confirmed',
      })),
      ...this.state.reviews
        .flatMap((r) => r.mentions)
        .filter((m) => m.person_id === p.id && m.status !== 'rejected')
        .map((m) => ({
          mention_id: m.id,
          article_id: m.article_id,
          article_title: article(m.article_id)?.title ?? `Article ${m.article_id}`,
          outlet: article(m.article_id)?.outlet ?? null,
          published: article(m.article_id)?.published ?? null,
          name_as_written: m.name,
          title_as_written: m.title,
          organisation: m.organisation,
          status: m.status,
        })),
    ];
    const quotes = this.confirmedMentions(p.id).flatMap((m) =>
      m.quotes
        .filter((q) => q.status === 'confirmed')
        .map((q) => ({
          quote_id: q.id,
          article_id: m.article_id,
          article_title: article(m.article_id)?.title ?? `Article ${m.article_id}`,
          published: article(m.article_id)?.published ?? null,
          text: q.text,
        })),
    );
    const visits = this.state.visits.flatMap((v) =>
      v.participants
        .filter((x) => this.person(x.person_id).id === p.id)
        .map((x) => ({
          visit_id: v.id,
          title: v.fields.title,
          start_date: v.fields.start_date,
          place: v.fields.place,
          side: x.side,
          role: x.role,
        })),
    );
    const proposals = this.state.visits.flatMap((v) =>
      v.topics
        .filter((t) => t.proposed_by_person !== null && this.person(t.proposed_by_person).id === p.id)
        .map((t) => ({ name: t.name, article_id: t.article_id, visit_id: v.id })),
    );
    return {
      id: p.id,
      house_name: p.house_name,
      names: structuredClone(p.names),
      protocol: { ...p.protocol },
      positions: structuredClone(p.positions),
      mentions,
      quotes,
      visits,
      proposals,
      merged: [...p.merged],
      created_at: NOW,
      updated_at: NOW,
    };
  }

  private merge(keep: number, other: number): null {
    if (keep === other) fail('invalid', 'a person cannot be merged with themselves');
    const kept = this.person(keep);
    const gone = this.person(other);
    this.record('merge', `person ${keep}`, { kept: keep, kept_name: kept.house_name, merged: other, merged_name: gone.house_name }, () => {
      const k = this.person(keep);
      const o = this.person(other);
      for (const name of o.names) {
        if (!k.names.some((x) => x.name === name.name)) k.names.push({ ...name, house: false });
      }
      k.positions.push(...o.positions);
      k.articles.push(...o.articles);
      k.merged.push(o.id);
      o.merged_into = k.id;
      for (const m of this.state.reviews.flatMap((r) => r.mentions)) if (m.person_id === o.id) m.person_id = k.id;
      for (const v of this.state.visits) {
        for (const x of v.participants) if (x.person_id === o.id) x.person_id = k.id;
      }
    });
    return null;
  }

  private split(personId: number, splitNames: string[]): number {
    const id = this.nextId++;
    this.record('split', `person ${personId}`, { person: personId, names: splitNames }, () => {
      const p = this.person(personId);
      const moved = p.names.filter((x) => splitNames.includes(x.name) && !x.house);
      p.names = p.names.filter((x) => !moved.includes(x));
      this.state.people.push({
        id,
        house_name: moved[0]?.name ?? splitNames[0],
        names: moved.map((x, i) => ({ ...x, house: i === 0 })),
        positions: [],
        protocol: { ...EMPTY_NOTES },
        articles: [],
        merged_into: null,
        merged: [],
      });
    });
    return id;
  }

  private setHouseName(personId: number, name: string): null {
    if (name.trim() === '') fail('invalid', 'a house name cannot be empty');
    this.record('house_name', `person ${personId}`, { name }, () => {
      const p = this.person(personId);
      if (!p.names.some((x) => x.name === name)) p.names.push({ name, script: script(name), house: false });
      for (const x of p.names) x.house = x.name === name;
      p.house_name = name;
    });
    return null;
  }

  private setProtocolNotes(personId: number, notes: ProtocolNotes): null {
    this.record('protocol_notes', `person ${personId}`, notes, () => {
      this.person(personId).protocol = { ...notes };
    });
    return null;
  }

  // --- visits --------------------------------------------------------------

  private visit(id: number): FakeVisit {
    const v = this.state.visits.find((x) => x.id === id);
    if (!v) fail('not_found', `no visit with id ${id}`);
    return v;
  }

  private listVisits(): VisitSummary[] {
    return this.state.visits.map((v) => ({
      id: v.id,
      title: v.fields.title,
      kind: v.fields.kind,
      place: v.fields.place,
      start_date: v.fields.start_date,
      end_date: v.fields.end_date,
      status: v.fields.status,
      visiting_country: v.fields.visiting_country,
      host_country: v.fields.host_country,
      participants: v.participants.length,
      articles: v.articles.length,
    }));
  }

  private visitDetail(id: number): VisitDetail {
    const v = this.visit(id);
    return {
      id: v.id,
      ...structuredClone(v.fields),
      participants: v.participants.map((x) => {
        const p = this.person(x.person_id);
        const s = this.summary(p);
        return {
          person_id: p.id,
          name: p.house_name,
          variants: s.variants,
          title: s.title,
          organisation: s.organisation,
          country: s.country,
          side: x.side,
          role: x.role,
          protocol: { ...p.protocol },
        };
      }),
      articles: v.articles.map((a) => this.summaryOf(a)).filter((a): a is ArticleSummary => a !== null),
      topics: structuredClone(v.topics),
      commitments: structuredClone(v.commitments),
      figures: structuredClone(v.figures),
      timeline: structuredClone(v.timeline),
      created_at: NOW,
      updated_at: NOW,
    };
  }

  private createVisit(fields: VisitFields): number {
    if (!fields.title?.trim()) fail('invalid', 'a visit needs a title');
    const id = Math.max(0, ...this.state.visits.map((v) => v.id)) + 1;
    this.state.visits.push({
      id,
      fields: structuredClone(fields),
      participants: [],
      articles: [],
      topics: [],
      commitments: [],
      figures: [],
      timeline: [],
    });
    return id;
  }

  private createVisitFromArticle(articleId: number): number {
    const review = this.review(articleId);
    if (!review.extraction) {
      fail('invalid', `article ${articleId} reports no visit that could be read; create the visit by hand`);
    }
    const id = this.createVisit(canonicalFields());
    const v = this.visit(id);
    v.articles = [articleId];
    for (const m of review.mentions.filter((x) => x.status !== 'rejected' && x.person_id !== null)) {
      const host = m.country === 'Belarus';
      v.participants.push({ person_id: m.person_id!, side: host ? 'host' : 'visiting', role: host ? 'host' : 'head' });
    }
    v.topics = review.topics
      .filter((t) => t.status !== 'rejected')
      .map((t, i) => ({
        id: id * 100 + i,
        name: t.name,
        proposed_by: t.proposed_by,
        proposed_by_person: t.proposed_by_person,
        side: t.proposed_by_person === 3 ? 'host' : 'visiting',
        article_id: articleId,
      }));
    v.commitments = review.commitments
      .filter((c) => c.review !== 'rejected')
      .map((c, i) => ({
        id: id * 100 + 50 + i,
        kind: c.kind,
        description: c.description,
        owner: c.owner,
        due: c.due,
        status: c.status,
        article_id: articleId,
      }));
    return id;
  }

  private setParticipant(visitId: number, personId: number, side: string, role: string): null {
    const v = this.visit(visitId);
    if (!['visiting', 'host', 'other'].includes(side)) fail('invalid', `the side must be one of visiting, host, other, not “${side}”`);
    if (!['head', 'member', 'host', 'other'].includes(role)) fail('invalid', `the role must be one of head, member, host, other, not “${role}”`);
    const existing = v.participants.find((x) => x.person_id === personId);
    if (existing) Object.assign(existing, { side, role });
    else v.participants.push({ person_id: personId, side, role });
    return null;
  }

  private updateCommitment(id: number, owner: string | null, due: string | null, status: string): null {
    if (status.trim() === '') fail('invalid', 'a commitment needs a status');
    const c = this.state.visits.flatMap((v) => v.commitments).find((x) => x.id === id);
    if (!c) fail('not_found', `no commitment with id ${id}`);
    Object.assign(c, { owner, due, status: status.trim() });
    return null;
  }

  // --- briefs --------------------------------------------------------------

  private suggestedPoints(visitId: number): SuggestedPoint[] {
    const v = this.visit(visitId);
    const points: SuggestedPoint[] = [];
    for (const id of v.articles) {
      const first = this.articleOf(id)?.paragraphs[0];
      const lead = first?.split(/(?<=\.)\s/)[0];
      if (lead) points.push([lead, id]);
    }
    for (const c of v.commitments) if (c.article_id !== null) points.push([c.description, c.article_id]);
    return points.slice(0, 8);
  }

  private preview(visitId: number, options: BriefOptions): string {
    const v = this.visitDetail(visitId);
    const headings: Record<SectionKind, string> = {
      cover: 'Cover',
      summary: 'Summary',
      counterparts: 'Delegation and counterparts',
      profiles: 'Counterpart profiles',
      cooperation: 'Proposed areas of cooperation',
      commitments: 'Commitments and follow-ups',
      facts: 'Key facts and figures',
      background: 'Background: earlier contacts',
      talking_points: 'Talking points and defensive lines',
      sources: 'Sources',
      appendix: 'Appendix A. Full texts',
    };
    let h = '<article class="brief">';
    if (options.classification) h += `<p class="classification">${esc(options.classification)}</p>`;
    h += `<h1 class="title">${esc(v.title)}</h1>`;
    const body = options.sections.filter((s) => s !== 'cover');
    if (options.sections.includes('cover')) {
      h += `<p class="subtitle">${esc(`${v.kind[0].toUpperCase()}${v.kind.slice(1)} visit · ${v.place ?? ''}`)}</p>`;
      h += '<nav class="toc"><p class="toc-heading">Contents</p><ol>';
      body.forEach((s, i) => (h += `<li>${esc(s === 'appendix' ? headings[s] : `${i + 1}. ${headings[s]}`)}</li>`));
      h += '</ol></nav>';
    }
    body.forEach((s, i) => {
      h += `<section class="section-${s}"><h2>${esc(s === 'appendix' ? headings[s] : `${i + 1}. ${headings[s]}`)}</h2>`;
      if (s === 'summary') {
        const text = options.summary?.trim();
        if (text) h += `<ul>${text.split('\n').map((l) => `<li>${esc(l.replace(/^-\s*/, ''))}</li>`).join('')}</ul>`;
        else h += '<p class="note">No summary written yet.</p>';
      } else if (s === 'counterparts') {
        h += '<table><colgroup><col class="w40"><col class="w30"><col class="w30"></colgroup><thead><tr><th>Name</th><th>Position</th><th>Side</th></tr></thead><tbody>';
        for (const p of v.participants) {
          const [first, ...rest] = p.name.split(' ');
          h += `<tr><td>${esc(`${first} ${rest.join(' ').toUpperCase()}`)}</td><td>${esc(p.title ?? '')}</td><td>${esc(p.side)}</td></tr>`;
        }
        h += '</tbody></table>';
      } else if (s === 'talking_points') {
        h += `<p>${esc(options.talking_points ?? '')}</p><p>${esc(options.defensive_lines ?? '')}</p>`;
      } else if (s === 'commitments') {
        h += `<ul>${v.commitments.map((c) => `<li>${esc(c.description)} — ${esc(c.status)} <a class="cite" href="#source-1">[1]</a></li>`).join('')}</ul>`;
      } else if (s === 'sources') {
        h += `<ol class="sources">${v.articles.map((a, k) => `<li id="source-${k + 1}">${esc(`${a.outlet ?? ''}: ${a.title}`)}</li>`).join('')}</ol>`;
      }
      h += '</section>';
    });
    return h + '</article>';
  }

  private exportBrief(visitId: number, options: BriefOptions, path: string, replace: boolean): Exported {
    const v = this.visit(visitId);
    if (this.existingFiles.has(path) && !replace) {
      fail('exists', `${path} already exists; choose another name or replace it`);
    }
    this.existingFiles.add(path);
    return { path, bytes: 18_734, sections: options.sections.length, sources: v.articles.length };
  }
}

export function defaultBriefOptions(): BriefOptions {
  return {
    sections: [...ALL_SECTIONS],
    classification: 'RESTRICTED — FOR OFFICIAL USE',
    author: 'Protocol Officer',
    organisation: 'Protocol Department',
    date: '2024-03-05',
    summary: null,
    talking_points: null,
    defensive_lines: null,
    paper: 'a4',
    margin_mm: 20,
  };
}
