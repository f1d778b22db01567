import { describe, expect, it } from 'vitest';
import { byteToIndexMap, reviewHighlights, reviewItems, segmentParagraphs, type Highlight } from './highlight';
import { byteSpanOf, sampleCounterparts } from './mockCounterparts';
import { sampleArticles } from './mockBackend';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('byte offsets', () => {
  it('maps UTF-8 byte offsets to string indices across multi-byte characters', () => {
    const text = 'Дюсембаев “said” 😀 ok';
    const toIndex = byteToIndexMap(text);
    expect(toIndex(0)).toBe(0);
    expect(toIndex(bytes('Дюсембаев'))).toBe('Дюсембаев'.length);
    expect(toIndex(bytes('Дюсембаев “'))).toBe('Дюсембаев “'.length);
    expect(toIndex(bytes('Дюсембаев “said” 😀'))).toBe('Дюсембаев “said” 😀'.length);
    expect(toIndex(bytes(text))).toBe(text.length);
    expect(toIndex(10_000), 'past the end clamps').toBe(text.length);
    expect(toIndex(1), 'inside a character rounds to the next one').toBe(1);
  });
});

describe('segments', () => {
  const paragraphs = ['Гумар Дюсембаев met Mikhail Serkov.', 'He said: “We are brotherly nations.”'];
  const text = paragraphs.join('\n\n');
  const span = (needle: string): [number, number] => {
    const at = text.indexOf(needle);
    return [bytes(text.slice(0, at)), bytes(text.slice(0, at)) + bytes(needle)];
  };

  it('cuts each paragraph at the spans, counting the paragraph separator', () => {
    const highlights: Highlight[] = [
      { span: span('Гумар Дюсембаев'), kind: 'person', key: 'mention-1' },
      { span: span('Mikhail Serkov'), kind: 'person', key: 'mention-2' },
      { span: span('We are brotherly nations.'), kind: 'quote', key: 'mention-1' },
    ];
    const segments = segmentParagraphs(paragraphs, highlights);
    expect(segments.map((p) => p.map((s) => s.text).join(''))).toEqual(paragraphs);
    expect(segments[0].filter((s) => s.kinds.length > 0).map((s) => s.text)).toEqual(['Гумар Дюсембаев', 'Mikhail Serkov']);
    expect(segments[1]).toEqual([
      { text: 'He said: “', kinds: [], keys: [] },
      { text: 'We are brotherly nations.', kinds: ['quote'], keys: ['mention-1'] },
      { text: '”', kinds: [], keys: [] },
    ]);
  });

  it('gives overlapping spans every kind, the most specific first', () => {
    const segments = segmentParagraphs(paragraphs, [
      { span: span('met Mikhail Serkov.'), kind: 'quote', key: 'q' },
      { span: span('Serkov'), kind: 'person', key: 'p' },
    ]);
    const marked = segments[0].filter((s) => s.kinds.length > 0);
    expect(marked.map((s) => [s.text, s.kinds])).toEqual([
      ['met Mikhail ', ['quote']],
      ['Serkov', ['person', 'quote']],
      ['.', ['quote']],
    ]);
  });

  it('ignores empty spans and keeps empty paragraphs', () => {
    expect(segmentParagraphs(['', 'abc'], [{ span: [2, 2], kind: 'topic', key: 't' }])).toEqual([
      [{ text: '', kinds: [], keys: [] }],
      [{ text: 'abc', kinds: [], keys: [] }],
    ]);
  });
});

describe('the canonical article review', () => {
  const articles = sampleArticles();
  const review = sampleCounterparts(articles).reviews[0];

  it('lists people first, then topics, commitments and figures', () => {
    expect(reviewItems(review).map((i) => i.key)).toEqual([
      'mention-101',
      'mention-102',
      'topic-301',
      'topic-302',
      'commitment-401',
      'figure-501',
      'figure-502',
    ]);
  });

  it('highlights the names, the quotes (after curly quote marks) and topics exactly', () => {
    const segments = segmentParagraphs(articles[0].paragraphs, reviewHighlights(review));
    const marked = segments.flat().filter((s) => s.kinds.length > 0);
    const texts = marked.map((s) => s.text);
    expect(texts).toContain('Atyrau Oblast First Vice Governor Gumar Dyusembayev');
    expect(texts).toContain('Deputy Chairman of the Brest Oblast Executive Committee Mikhail Serkov');
    expect(texts).toContain('civil engineering, logistics, tourism and recreation');
    const quote = marked.find((s) => s.kinds[0] === 'quote');
    expect(quote?.text.startsWith('We are interested in Belarus')).toBe(true);
    expect(byteSpanOf(articles[0], '“We')[1] - byteSpanOf(articles[0], '“We')[0], 'the mock uses multi-byte quotes').toBe(5);
  });

  it('drops rejected suggestions from the highlights', () => {
    const rejected = structuredClone(review);
    rejected.mentions[1].status = 'rejected';
    const keys = reviewHighlights(rejected).map((h) => h.key);
    expect(keys).not.toContain('mention-102');
    expect(keys).toContain('mention-101');
  });
});
