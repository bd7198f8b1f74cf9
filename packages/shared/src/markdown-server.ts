/**
 * The Markdown renderer outside a browser (public share pages, exports): the same module as the
 * web preview, sanitizing in jsdom, whose HTML parser follows the spec like a browser's (a
 * lenient parser would let mutation-XSS through: the sanitizer must see what a browser will).
 */
import { JSDOM } from 'jsdom';
import { createMarkdownRenderer, type MarkdownRenderer } from './markdown';

let renderer: MarkdownRenderer | undefined;

export function renderMarkdown(markdown: string): string {
  renderer ??= createMarkdownRenderer(new JSDOM('').window as unknown as Parameters<typeof createMarkdownRenderer>[0]);
  return renderer.render(markdown);
}
