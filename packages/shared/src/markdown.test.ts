import { taskOffsets, toggleTask } from './markdown';
import { renderMarkdown } from './markdown-server';
import { dom, executableParts, XSS_PAYLOADS } from './xss-fixtures';

describe('renderMarkdown', () => {
  it.each(XSS_PAYLOADS)('leaves nothing executable in %j', (payload) => {
    const html = renderMarkdown(payload);
    expect(executableParts(html)).toEqual([]);
    // And the same once more, as part of a document with text around it.
    expect(executableParts(renderMarkdown(`# Title\n\nBefore ${payload} after\n\n${payload}`))).toEqual([]);
  });

  it('the detector itself sees executable HTML (the assertions above can fail)', () => {
    expect(executableParts('<img src=x onerror=alert(1)><a href="javascript:x">a</a><script></script>')).toEqual(['img[onerror]', 'a[href=javascript:x]', '<script>']);
  });

  it('renders CommonMark and GFM: headings, emphasis, tables, task lists, strikethrough, autolinks, fenced code', () => {
    const html = renderMarkdown(
      ['# Plan', '', '**bold** _em_ ~~gone~~', '', '| a | b |', '| - | - |', '| 1 | 2 |', '', '- [ ] todo', '- [x] done', '', 'see https://example.com', '', '```ts', 'const a = 1 < 2;', '```'].join('\n'),
    );
    const doc = dom(html);
    expect(doc.querySelector('h1')?.textContent).toBe('Plan');
    expect(doc.querySelector('strong')?.textContent).toBe('bold');
    expect(doc.querySelector('em')?.textContent).toBe('em');
    expect(doc.querySelector('del')?.textContent).toBe('gone');
    expect([...doc.querySelectorAll('table td')].map((td) => td.textContent)).toEqual(['1', '2']);
    const boxes = [...doc.querySelectorAll('input[type=checkbox]')] as HTMLInputElement[];
    expect(boxes.map((b) => [b.getAttribute('data-task-index'), b.hasAttribute('checked'), b.hasAttribute('disabled')])).toEqual([
      ['0', false, false],
      ['1', true, false],
    ]);
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://example.com');
    expect(doc.querySelector('pre code.language-ts')?.textContent).toBe('const a = 1 < 2;\n');
  });

  it('gives every link rel="noopener noreferrer" and opens it in a new tab', () => {
    const links = [...dom(renderMarkdown('[a](https://a.example) <https://b.example> <a href="/x">c</a>')).querySelectorAll('a')];
    expect(links).toHaveLength(3);
    for (const a of links) expect([a.getAttribute('rel'), a.getAttribute('target')]).toEqual(['noopener noreferrer', '_blank']);
  });

  it('keeps relative, fragment, mailto and http(s) URLs', () => {
    const hrefs = [...dom(renderMarkdown('[a](/notes/1) [b](#top) [c](mailto:a@b.example) [d](http://x.example/a:b) [e](notes/1)')).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/notes/1', '#top', 'mailto:a@b.example', 'http://x.example/a:b', 'notes/1']);
  });

  it('raw HTML cannot forge a task checkbox or keep another kind of input', () => {
    const doc = dom(renderMarkdown('<input type="checkbox" data-task="x:0" data-task-index="0"> <input type="text" value="pwd">\n\n- [ ] real'));
    const inputs = [...doc.querySelectorAll('input')];
    expect(inputs.map((i) => [i.getAttribute('type'), i.getAttribute('data-task-index'), i.hasAttribute('disabled')])).toEqual([
      ['checkbox', null, true],
      ['checkbox', '0', false],
    ]);
  });
});

describe('task list round trip', () => {
  const source = [
    'Intro with - [ ] not a task',
    '',
    '```',
    '- [ ] inside code',
    '```',
    '',
    '- [ ] first',
    '- [X] second',
    '  - [ ] nested',
    '',
    '> * [ ] quoted',
    '',
    '1. [x] ordered',
  ].join('\n');

  it('finds each checkbox in the order they are rendered, skipping code', () => {
    expect(taskOffsets(source).map((o) => source.slice(o - 1, o + 2))).toEqual(['[ ]', '[X]', '[ ]', '[ ]', '[x]']);
    expect(taskOffsets(source).map((o) => source.slice(o + 3).split('\n')[0])).toEqual(['first', 'second', 'nested', 'quoted', 'ordered']);
  });

  it.each([0, 1, 2, 3, 4])('toggling checkbox %i in the preview changes exactly that line, and the preview shows it', (index) => {
    const before = [...dom(renderMarkdown(source)).querySelectorAll('input[data-task-index]')].map((b) => b.hasAttribute('checked'));
    const wasChecked = before[index]!;
    const after = toggleTask(source, index, !wasChecked);
    const changed = source.split('\n').map((line, i) => (line === after.split('\n')[i] ? null : i)).filter((i) => i !== null);
    expect(changed).toHaveLength(1);
    expect(after.length).toBe(source.length);
    const rendered = [...dom(renderMarkdown(after)).querySelectorAll('input[data-task-index]')].map((b) => b.hasAttribute('checked'));
    expect(rendered).toEqual(before.map((c, i) => (i === index ? !c : c)));
    // Back again: the original text (a ticked task is written `[x]`, so `[X]` comes back lower-case).
    expect(toggleTask(after, index, wasChecked)).toBe(index === 1 ? source.replace('[X]', '[x]') : source);
  });

  it('keeps Windows line endings and ignores an index past the last task', () => {
    const crlf = '- [ ] a\r\n- [ ] b\r\n';
    expect(toggleTask(crlf, 1, true)).toBe('- [ ] a\r\n- [x] b\r\n');
    expect(toggleTask(crlf, 2, true)).toBe(crlf);
  });
});
