// Article text must never reach the page as HTML (DESIGN.md, Security). Svelte's
// {@html} is the one way a component could do that. The only component allowed
// to use it is BriefPreview, which places the brief preview fragment made and
// escaped by the Rust renderer (preview_brief); every other component is checked.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>('./**/*.svelte', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const ALLOWED = './components/BriefPreview.svelte';

describe('rendering rules', () => {
  it('finds the components to check', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(5);
    expect(Object.keys(sources)).toContain(ALLOWED);
  });

  it.each(Object.entries(sources).filter(([path]) => path !== ALLOWED))('%s does not use {@html}', (_path, source) => {
    expect(source).not.toMatch(/\{@html/);
  });

  it('BriefPreview uses {@html} once, on the renderer-escaped preview, and says why', () => {
    const source = sources[ALLOWED];
    const markup = source.replace(/<!--[\s\S]*?-->/g, '');
    expect(markup.match(/\{@html[^}]*\}/g)).toEqual(['{@html html}']);
    expect(source).toMatch(/escapes every string/);
    expect(source).toMatch(/preview_brief/);
  });
});
