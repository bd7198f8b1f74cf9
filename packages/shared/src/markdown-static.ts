/**
 * The Markdown renderer for places without a DOM (the public share function): the same Marked
 * parser and URL rule as `markdown.ts`, made safe by construction instead of by DOMPurify.
 *
 * Why not DOMPurify here: it needs a DOM, and none fits a Lambda bundle (160 kB minified). jsdom
 * bundles to 3.3 MB; linkedom to 530 kB, and DOMPurify silently returns its input unsanitized on
 * it; parse5 alone is 173 kB. So raw HTML in a note is escaped (shown as text), Marked escapes
 * every text and attribute it writes, and only links and images whose URL passes `SAFE_URL` keep
 * it. The output is a subset of what the preview allows: Markdown renders alike, raw HTML does not.
 */
import { markdownParser, SAFE_URL, withoutControlsAndSpaces } from './markdown-parser';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);
const safeUrl = (url: string) => SAFE_URL.test(withoutControlsAndSpaces(url));

const parser = markdownParser((checked) => `<input type="checkbox"${checked ? ' checked=""' : ''} disabled=""> `);
parser.use({
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      if (!safeUrl(href)) return text;
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''} target="_blank" rel="noopener noreferrer">${text}</a>`;
    },
    image({ href, title, text }) {
      if (!safeUrl(href)) return escapeHtml(text);
      return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ''}>`;
    },
  },
});

/** Safe HTML for a note's Markdown, without a DOM. */
export function renderStaticMarkdown(markdown: string): string {
  return parser.parse(markdown, { async: false });
}
