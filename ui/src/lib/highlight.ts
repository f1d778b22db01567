// Turns the review's suggestion spans into text segments for the reading pane.
// Spans are UTF-8 byte ranges into the article text (paragraphs joined with
// "\n\n"); JavaScript strings index UTF-16 code units, so offsets are mapped
// through TextEncoder before slicing. The result is plain text pieces: the
// component wraps the marked ones in <mark> and never parses anything as HTML.

import type { ArticleReview, ByteSpan } from './types';

export type HighlightKind = 'person' | 'quote' | 'topic' | 'figure';

export interface Highlight {
  span: ByteSpan;
  kind: HighlightKind;
  /** The suggestion it belongs to (see reviewItems), for showing the selected one. */
  key: string;
}

export interface Segment {
  text: string;
  /** The kinds covering this piece, most specific first; empty when unmarked. */
  kinds: HighlightKind[];
  keys: string[];
}

export const PARAGRAPH_SEPARATOR = '\n\n';

/** Where each UTF-8 byte offset of `text` falls in the string, for offsets 0..bytes. */
export function byteToIndexMap(text: string): (byte: number) => number {
  const encoder = new TextEncoder();
  // starts[i] = byte offset of UTF-16 index i (for code point starts).
  const byteAt: number[] = [];
  const indexAt: number[] = [];
  let bytes = 0;
  let index = 0;
  for (const ch of text) {
    byteAt.push(bytes);
    indexAt.push(index);
    bytes += encoder.encode(ch).length;
    index += ch.length;
  }
  byteAt.push(bytes);
  indexAt.push(index);
  return (byte: number) => {
    if (byte <= 0) return 0;
    if (byte >= bytes) return index;
    // Binary search for the first code point starting at or after `byte`.
    let lo = 0;
    let hi = byteAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byteAt[mid] < byte) lo = mid + 1;
      else hi = mid;
    }
    return indexAt[lo];
  };
}

const PRIORITY: Record<HighlightKind, number> = { person: 0, figure: 1, topic: 2, quote: 3 };

/**
 * Splits each paragraph into segments, marking the parts covered by the
 * highlights. Overlapping highlights produce pieces carrying every kind.
 */
export function segmentParagraphs(paragraphs: string[], highlights: Highlight[]): Segment[][] {
  const text = paragraphs.join(PARAGRAPH_SEPARATOR);
  const toIndex = byteToIndexMap(text);
  const ranges = highlights
    .map((h) => ({ start: toIndex(h.span[0]), end: toIndex(h.span[1]), kind: h.kind, key: h.key }))
    .filter((r) => r.end > r.start);

  const result: Segment[][] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    const pStart = offset;
    const pEnd = offset + paragraph.length;
    offset = pEnd + PARAGRAPH_SEPARATOR.length;
    const inside = ranges
      .filter((r) => r.start < pEnd && r.end > pStart)
      .map((r) => ({ ...r, start: Math.max(r.start, pStart) - pStart, end: Math.min(r.end, pEnd) - pStart }));
    const cuts = new Set<number>([0, paragraph.length]);
    for (const r of inside) {
      cuts.add(r.start);
      cuts.add(r.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      if (b <= a) continue;
      const covering = inside
        .filter((r) => r.start <= a && r.end >= b)
        .sort((x, y) => PRIORITY[x.kind] - PRIORITY[y.kind] || x.end - x.start - (y.end - y.start));
      const kinds = [...new Set(covering.map((r) => r.kind))];
      const keys = covering.map((r) => r.key);
      const last = segments.at(-1);
      if (last && sameList(last.kinds, kinds) && sameList(last.keys, keys)) {
        last.text += paragraph.slice(a, b);
      } else {
        segments.push({ text: paragraph.slice(a, b), kinds, keys });
      }
    }
    if (segments.length === 0) segments.push({ text: '', kinds: [], keys: [] });
    result.push(segments);
  }
  return result;
}

function sameList<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** One thing the officer can confirm or reject, in the order j/k move through them. */
export interface ReviewItem {
  key: string;
  kind: 'mention' | 'topic' | 'commitment' | 'figure' | 'quote';
  id: number;
  label: string;
  status: string;
}

/** The reviewable suggestions of an article, people first. */
export function reviewItems(review: ArticleReview): ReviewItem[] {
  return [
    ...review.mentions.map((m) => ({ key: `mention-${m.id}`, kind: 'mention' as const, id: m.id, label: m.name, status: m.status })),
    ...review.unattributed_quotes.map((q) => ({ key: `quote-${q.id}`, kind: 'quote' as const, id: q.id, label: q.text, status: q.status })),
    ...review.topics.map((t) => ({ key: `topic-${t.id}`, kind: 'topic' as const, id: t.id, label: t.name, status: t.status })),
    ...review.commitments.map((c) => ({
      key: `commitment-${c.id}`,
      kind: 'commitment' as const,
      id: c.id,
      label: c.description,
      status: c.review,
    })),
    ...review.figures.map((f) => ({ key: `figure-${f.id}`, kind: 'figure' as const, id: f.id, label: f.text, status: f.status })),
  ];
}

/** The spans of every suggestion that is not rejected, for the reading pane. */
export function reviewHighlights(review: ArticleReview): Highlight[] {
  const out: Highlight[] = [];
  const live = (status: string) => status !== 'rejected';
  for (const m of review.mentions) {
    if (!live(m.status)) continue;
    for (const span of m.spans) out.push({ span, kind: 'person', key: `mention-${m.id}` });
    for (const q of m.quotes) {
      if (q.span && live(q.status)) out.push({ span: q.span, kind: 'quote', key: `mention-${m.id}` });
    }
  }
  for (const q of review.unattributed_quotes) {
    if (q.span && live(q.status)) out.push({ span: q.span, kind: 'quote', key: `quote-${q.id}` });
  }
  for (const t of review.topics) {
    if (t.span && live(t.status)) out.push({ span: t.span, kind: 'topic', key: `topic-${t.id}` });
  }
  for (const f of review.figures) {
    if (f.span && live(f.status)) out.push({ span: f.span, kind: 'figure', key: `figure-${f.id}` });
  }
  return out;
}
