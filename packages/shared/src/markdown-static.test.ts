import { renderMarkdown } from './markdown-server';
import { renderStaticMarkdown } from './markdown-static';
import { dom, executableParts, XSS_PAYLOADS } from './xss-fixtures';

/** Tag names and texts in document order: what a reader sees, whatever the serialization. */
const shape = (html: string) => [...dom(html).querySelectorAll('*')].map((el) => `${el.tagName.toLowerCase()}:${el.children.length ? '' : el.textContent}`);

describe('renderStaticMarkdown (no DOM: the public share page)', () => {
  it.each(XSS_PAYLOADS)('leaves nothing executable in %j', (payload) => {
    expect(executableParts(renderStaticMarkdown(payload))).toEqual([]);
    expect(executableParts(renderStaticMarkdown(`# Title\n\nBefore ${payload} after\n\n${payload}`))).toEqual([]);
  });

  it('renders Markdown like the preview does', () => {
    const markdown = ['# Plan', '', '**bold** _em_ ~~gone~~ `code`', '', '> quoted', '', '| a | b |', '| - | - |', '| 1 | 2 |', '', '1. one', '2. two', '', 'see https://example.com and [docs](/help "Help")', '', '![logo](/logo.png)', '', '```ts', 'const a = 1 < 2;', '```'].join('\n');
    expect(shape(renderStaticMarkdown(markdown))).toEqual(shape(renderMarkdown(markdown)));
  });

  it('shows raw HTML as text instead of rendering it', () => {
    const doc = dom(renderStaticMarkdown('Hello <b>there</b>\n\n<div class="x">block</div>'));
    expect(doc.querySelector('b, div')).toBeNull();
    expect(doc.textContent).toContain('Hello <b>there</b>');
    expect(doc.textContent).toContain('<div class="x">block</div>');
  });

  it('opens links in a new tab without a referrer, keeps safe URLs only, disables task checkboxes', () => {
    const doc = dom(renderStaticMarkdown('[a](https://a.example) [b](mailto:x@y.example) [c](javascript:alert(1)) <https://d.example>\n\n- [x] done'));
    expect([...doc.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')])).toEqual([
      ['https://a.example', '_blank', 'noopener noreferrer'],
      ['mailto:x@y.example', '_blank', 'noopener noreferrer'],
      ['https://d.example', '_blank', 'noopener noreferrer'],
    ]);
    expect(doc.textContent).toContain('c');
    const box = doc.querySelector('input')!;
    expect([box.getAttribute('type'), box.hasAttribute('checked'), box.hasAttribute('disabled')]).toEqual(['checkbox', true, true]);
  });
});
