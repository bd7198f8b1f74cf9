// The Markdown parser's options and the URL rule, shared by the preview's renderer (markdown.ts,
// which sanitizes with DOMPurify) and the DOM-free one (markdown-static.ts); DOMPurify-free, so
// the latter's bundle does not carry it.
import { Marked } from 'marked';

// Only these schemes survive in href/src (plus relative URLs and #fragments). No javascript:,
// vbscript:, data: (an HTML or SVG data: URL is a script when opened), file: or blob:.
export const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^:/?#]*(?:[/?#]|$))/i;

// Browsers ignore control characters and spaces inside a URL's scheme (`java\tscript:`).
export const withoutControlsAndSpaces = (value: string) => [...value].filter((c) => c > ' ').join('');

export function markdownParser(onCheckbox: (checked: boolean) => string) {
  return new Marked({
    gfm: true,
    breaks: false,
    renderer: {
      checkbox: ({ checked }) => onCheckbox(checked),
    },
  });
}
