import { normalizeTerm, parseQuery, phraseMatcher, snippet, stripMarkdown, words } from './search-text';

describe('words', () => {
  it('lower-cases, drops accents, splits on anything that is not a letter or digit', () => {
    expect(words('Café ÅSA naïve—Straße x2 (a|b) 😀 .*+?')).toEqual(['cafe', 'asa', 'naive', 'strasse', 'x2', 'a', 'b']);
  });
});

describe('stripMarkdown', () => {
  it('keeps what a reader sees', () => {
    const text = stripMarkdown('# Title\n\n- [x] **bold** and _it_ `code`\n> quote [link](https://a.example/x) ![alt](i.png)\n\n| a | b |\n|---|---|\n```ts\nconst x = 1;\n```');
    expect(words(text)).toEqual(['title', 'bold', 'and', 'it', 'code', 'quote', 'link', 'alt', 'a', 'b', 'const', 'x', '1']);
  });
});

describe('parseQuery', () => {
  it('reads words, phrases and tag filters, the last word as a prefix while it is typed', () => {
    expect(parseQuery('Kyoto "Tea  House" tag:travel tem')).toEqual({ terms: ['kyoto', 'tem'], phrases: ['tea house'], tags: ['travel'], prefixLast: true });
    expect(parseQuery('kyoto ')).toMatchObject({ terms: ['kyoto'], prefixLast: false });
    expect(parseQuery('"tea house"')).toMatchObject({ terms: [], phrases: ['tea house'], prefixLast: false });
  });

  it('ignores an unmatched quote and treats metacharacters as separators', () => {
    expect(parseQuery('"unbalanced word')).toMatchObject({ terms: ['unbalanced', 'word'], phrases: [] });
    expect(parseQuery('.*+?^${}()|[]\\')).toEqual({ terms: [], phrases: [], tags: [], prefixLast: false });
  });

  it('keeps at most 12 words', () => {
    expect(parseQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')).terms).toHaveLength(12);
  });
});

describe('phraseMatcher', () => {
  it('matches whole words in order, across punctuation and accents', () => {
    const notToBe = phraseMatcher('not to be');
    expect(notToBe(normalizeTerm('To be, or NOT to bé.'))).toBe(true);
    expect(notToBe(normalizeTerm('to be or not to bet'))).toBe(false);
    expect(notToBe(normalizeTerm('knot to be'))).toBe(false);
    expect(phraseMatcher('a b')(normalizeTerm('(a|b)'))).toBe(true);
  });
});

describe('snippet', () => {
  it('escapes the text and marks the hits', () => {
    expect(snippet('a <b>café</b> & "more"', (t) => t === 'cafe')).toBe('a &lt;b&gt;<mark>café</mark>&lt;/b&gt; &amp; &quot;more&quot;');
  });

  it('shows the passage with the most distinct hits, cut at words, with ellipses', () => {
    const text = `${'filler '.repeat(40)}alpha ${'filler '.repeat(40)}alpha beta gamma ${'filler '.repeat(40)}`;
    const html = snippet(text, (t) => ['alpha', 'beta', 'gamma'].includes(t));
    expect(html.startsWith('…filler')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>alpha</mark> <mark>beta</mark> <mark>gamma</mark>');
    expect(html.length).toBeLessThan(260);
  });

  it('starts at the beginning when nothing in the text is a hit', () => {
    expect(snippet('just text', () => false)).toBe('just text');
  });
});
