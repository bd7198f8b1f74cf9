// The text side of search, with no storage in it: what a note's searchable text is, how words are
// normalized (the index and the queries use the same functions), how a query string is read, and
// how a snippet is cut and highlighted.

/** The folded form of each non-ASCII character met so far (few distinct ones in practice). */
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    // Upper-casing after the accents go folds what lower-casing alone keeps apart (ß and SS).
    folded = char.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().toLowerCase();
    if (foldedChars.size > 10_000) foldedChars.clear();
    foldedChars.set(char, folded);
  }
  return folded;
}

/**
 * Case- and accent-insensitive form of a word or a whole text: "Café" → "cafe", "ÅSA" → "asa",
 * "Straße" → "strasse". Character by character, so a long text that is mostly ASCII (every
 * candidate of a phrase query goes through here) costs a lower-casing.
 */
export function normalizeTerm(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.toLowerCase().replace(/[^\x00-\x7f]/gu, foldChar);
}

// A word: letters and digits (any script), joined by an apostrophe or nothing else. Emoji,
// punctuation and regex metacharacters separate words and are never part of one.
const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export interface Token {
  term: string;
  start: number;
  end: number;
}

/** The words of `text` with their positions, normalized. */
export function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const term = normalizeTerm(match[0]);
    if (term) found.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** The normalized words of `text` (MiniSearch's tokenizer, for documents and queries alike). */
export const words = (text: string): string[] => tokens(text).map((t) => t.term);

/**
 * Markdown as a reader sees it: the text of links and images kept and their URLs dropped, markers
 * of headings, lists, quotes, emphasis, code, tables and HTML tags removed. Line breaks stay (the
 * snippet collapses them).
 */
export function stripMarkdown(markdown: string): string {
  return (
    markdown
      // Fences (```lang / ~~~) and HTML comments
      .replace(/^[ \t]*(?:```|~~~)[^\n]*$/gm, '')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      // Images and links: keep the text, drop the target
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/^[ \t]*\[[^\]]+\]:[^\n]*$/gm, '')
      // HTML tags (autolinks <https://…> keep their address)
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
      .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
      // Block markers: headings, quotes, list bullets and numbers, task boxes, rules, table rules
      .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
      .replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
      .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, '')
      .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '')
      .replace(/^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$/gm, '')
      .replace(/\|/g, ' ')
      // Inline: code spans, emphasis and strikethrough markers, escapes
      .replace(/`+/g, '')
      .replace(/(\*{1,3}|_{1,3}|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/\\([\\`*_{}[\]()#+\-.!|~>])/g, '$1')
  );
}

export interface ParsedQuery {
  /** Words to find; the last one (when the query does not end in a phrase) also as a prefix. */
  terms: string[];
  /** Normalized phrases (their words joined by one space), each found as written. */
  phrases: string[];
  /** `tag:` filters (every one must be on the note). */
  tags: string[];
  /** Whether the last term is being typed (no space or quote after it): matched as a prefix. */
  prefixLast: boolean;
}

/** At most this many words of a query count; a 200-character query cannot make the search slow. */
export const maxQueryTerms = 12;

/**
 * Reads a query: `tag:name` filters, "quoted phrases" (an unmatched quote is ignored), words. The
 * query is never a pattern: every character other than letters and digits only separates words.
 */
export function parseQuery(q: string): ParsedQuery {
  const tags: string[] = [];
  const phrases: string[] = [];
  const terms: string[] = [];
  let rest = q.replace(/(?:^|\s)tag:(?:"([^"]*)"|(\S+))/gi, (_match, quoted: string | undefined, bare: string | undefined) => {
    const tag = (quoted ?? bare ?? '').trim().toLowerCase();
    if (tag) tags.push(tag);
    return ' ';
  });
  rest = rest.replace(/"([^"]*)"/g, (_match, phrase: string) => {
    const phraseWords = words(phrase);
    if (phraseWords.length === 1) terms.push(phraseWords[0]!);
    else if (phraseWords.length > 1) phrases.push(phraseWords.join(' '));
    return ' \u0000 ';
  });
  const trailing = rest.trimEnd();
  const prefixLast = trailing.length > 0 && !trailing.endsWith('\u0000') && /[\p{L}\p{N}]$/u.test(q);
  terms.push(...words(rest));
  const phraseTerms = phrases.flatMap((phrase) => phrase.split(' '));
  const room = Math.max(0, maxQueryTerms - phraseTerms.length);
  return { terms: [...new Set(terms)].slice(0, room), phrases: [...new Set(phrases)].slice(0, maxQueryTerms), tags: [...new Set(tags)], prefixLast: prefixLast && terms.length <= room };
}

/**
 * Whether normalized text (`normalizeTerm` of a field) contains `phrase` (normalized words, one
 * space apart): whole words, in order, anything but letters and digits between them. Built once per
 * query: it runs for every candidate of a phrase query, so a plain expression without Unicode
 * classes (anything but ASCII letters and digits between the words: a superset) rules out most
 * candidates before the exact one runs.
 */
export function phraseMatcher(phrase: string): (normalizedText: string) => boolean {
  const escaped = phrase.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const quick = new RegExp(escaped.join('[^a-z0-9]+'));
  const exact = new RegExp(`(?<![\\p{L}\\p{N}'’])${escaped.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}]|['’][\\p{L}\\p{N}])`, 'u');
  return (normalizedText) => quick.test(normalizedText) && exact.test(normalizedText);
}

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const snippetLength = 160;
/** How far before the first hit a passage starts, so the hit is read in context. */
const leadIn = 40;

/**
 * The passage of `text` with the most distinct hits (`isHit` says whether a normalized word is
 * one), HTML-escaped, hits wrapped in <mark>. Without hits: the beginning of the text.
 */
export function snippet(text: string, isHit: (term: string) => boolean): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const all = tokens(flat);
  const hits = all.filter((t) => isHit(t.term));
  let best = { start: 0, count: 0 };
  for (const [i, hit] of hits.entries()) {
    const start = Math.max(0, hit.start - leadIn);
    const distinct = new Set<string>();
    for (let j = i; j < hits.length && hits[j]!.end <= start + snippetLength; j++) distinct.add(hits[j]!.term);
    if (distinct.size > best.count) best = { start, count: distinct.size };
  }
  // Cut at word boundaries.
  let from = best.start;
  if (from > 0) {
    const space = flat.indexOf(' ', from);
    const firstHit = hits.find((h) => h.start >= from);
    if (space !== -1 && (!firstHit || space < firstHit.start)) from = space + 1;
  }
  let to = Math.min(flat.length, from + snippetLength);
  if (to < flat.length) {
    const space = flat.lastIndexOf(' ', to);
    if (space > from) to = space;
  }
  let html = from > 0 ? '…' : '';
  let at = from;
  for (const hit of hits) {
    if (hit.start < from || hit.end > to) continue;
    html += `${escapeHtml(flat.slice(at, hit.start))}<mark>${escapeHtml(flat.slice(hit.start, hit.end))}</mark>`;
    at = hit.end;
  }
  html += escapeHtml(flat.slice(at, to));
  if (to < flat.length) html += '…';
  return html;
}
