// Article text must never reach the page as HTML (DESIGN.md, Security). Svelte's
// {@html} is the one way a component could do that, so no component may use it.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>('./**/*.svelte', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('rendering rules', () => {
  it('finds the components to check', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(5);
  });

  it.each(Object.entries(sources))('%s does not use {@html}', (_path, source) => {
    expect(source).not.toMatch(/\{@html/);
  });
});
