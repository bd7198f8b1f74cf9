/// <reference lib="dom" />
/**
 * The one Markdown renderer (CommonMark + GFM: tables, task lists, strikethrough, autolinks,
 * fenced code), used by the web app's preview and by anything that renders a note server-side
 * (`markdown-server.ts` hands it a jsdom window; where no DOM fits, `markdown-static.ts` renders
 * with the same parser). Notes are stored as written; HTML made from them only ever leaves this
 * module sanitized by DOMPurify.
 *
 * Task-list checkboxes carry `data-task-index` (0-based, document order) so a click can be mapped
 * back to the source with `toggleTask`.
 */
import createDOMPurify, { type Config, type WindowLike } from 'dompurify';
import type { Token, Tokens } from 'marked';
import { markdownParser, SAFE_URL, withoutControlsAndSpaces } from './markdown-parser';

export interface MarkdownRenderer {
  /** Sanitized HTML for a note's Markdown. */
  render(markdown: string): string;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'background', 'cite', 'srcset']);

const TASK_ATTRIBUTE = 'data-task';

// Lexing is the same for rendering and toggling; one instance for the lexer keeps them in step.
const lexerOnly = markdownParser(() => '');

export function createMarkdownRenderer(window: WindowLike): MarkdownRenderer {
  const purify = createDOMPurify(window);
  // A fresh random tag per render: only checkboxes Marked made carry it, so raw HTML in a note
  // cannot forge a task checkbox that would toggle the wrong line.
  let renderTag = '';
  let taskCount = 0;
  const parser = markdownParser((checked) => `<input type="checkbox"${checked ? ' checked=""' : ''} ${TASK_ATTRIBUTE}="${renderTag}:${taskCount++}"> `);

  const config: Config = {
    USE_PROFILES: { html: true },
    // Forms and styles can imitate the app's own UI (phishing inside a note); ids and names are
    // prefixed so they cannot clobber globals of the page that shows the note.
    FORBID_TAGS: ['style', 'form', 'button', 'select', 'textarea', 'option', 'dialog', 'template'],
    FORBID_ATTR: ['style', 'srcset', 'formaction', 'action'],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: [TASK_ATTRIBUTE],
    ADD_URI_SAFE_ATTR: [TASK_ATTRIBUTE],
    SANITIZE_NAMED_PROPS: true,
    ALLOWED_URI_REGEXP: SAFE_URL,
  };

  purify.addHook('uponSanitizeElement', (node, data) => {
    // Checkboxes are the only inputs a note shows.
    if (data.tagName === 'input' && (node as Element).getAttribute('type')?.toLowerCase() !== 'checkbox') node.parentNode?.removeChild(node);
  });
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    // DOMPurify lets data: URLs through on media tags; we never want them (see SAFE_URL).
    if (URL_ATTRIBUTES.has(data.attrName) && !SAFE_URL.test(withoutControlsAndSpaces(data.attrValue))) data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.nodeName === 'INPUT') {
      const tag = node.getAttribute(TASK_ATTRIBUTE);
      node.removeAttribute(TASK_ATTRIBUTE);
      const [forRender, index] = tag?.split(':') ?? [];
      if (renderTag !== '' && forRender === renderTag && index !== undefined) node.setAttribute('data-task-index', index);
      else node.setAttribute('disabled', '');
    }
  });

  return {
    render(markdown) {
      renderTag = Math.random().toString(36).slice(2);
      taskCount = 0;
      try {
        const html = parser.parse(markdown, { async: false });
        return purify.sanitize(html, { ...config, RETURN_TRUSTED_TYPE: false });
      } finally {
        renderTag = '';
      }
    },
  };
}

const TASK_MARKER = /^(?:[-+*]|\d{1,9}[.)])[ \t]+\[([ xX])\]/;

/**
 * Where each task-list checkbox of `markdown` sits: the offset of the character between its
 * brackets, in the order `render` numbers them.
 */
export function taskOffsets(markdown: string): number[] {
  const offsets: number[] = [];
  let cursor = 0;
  // Tokens come in document order. Nested content is dedented by the lexer, so a token's first
  // line is found in the source from where the previous one was, not at a computed offset. Code
  // and HTML blocks move the cursor past themselves so task-like text inside them is never matched.
  lexerOnly.walkTokens(lexerOnly.lexer(markdown), (token: Token) => {
    const isTask = token.type === 'list_item' && (token as Tokens.ListItem).task && typeof (token as Tokens.ListItem).checked === 'boolean';
    if (!isTask && token.type !== 'code' && !(token.type === 'html' && (token as Tokens.HTML).block)) return;
    const firstLine = token.raw.split('\n')[0] ?? '';
    const at = markdown.indexOf(firstLine, cursor);
    if (at < 0) return;
    cursor = at + firstLine.length;
    if (!isTask) return;
    const marker = TASK_MARKER.exec(markdown.slice(at, cursor));
    if (marker) offsets.push(at + marker[0].length - 2);
  });
  return offsets;
}

/** The source with task `index` ticked or unticked (unchanged if there is no such task). */
export function toggleTask(markdown: string, index: number, checked: boolean): string {
  const offset = taskOffsets(markdown)[index];
  if (offset === undefined) return markdown;
  return markdown.slice(0, offset) + (checked ? 'x' : ' ') + markdown.slice(offset + 1);
}
