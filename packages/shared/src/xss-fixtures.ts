// What the renderers' tests share: known XSS vectors and a browser-like check of what survived.
import { JSDOM } from 'jsdom';

/** Parses rendered HTML the way a browser would, to inspect what survived. */
export const dom = (html: string) => JSDOM.fragment(html);

// Known XSS vectors (OWASP cheat sheet, DOMPurify's and the CommonMark spec's raw-HTML cases), as
// raw HTML and as Markdown syntax.
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  java\tscript:alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>@import "javascript:alert(1)";</style>',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<base href="javascript:/">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<a href="#" onclick="alert(1)">x</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](jav&#x61;script:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x]( javascript:alert(1) "title")',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml,<svg/onload=alert(1)>)',
  '<javascript:alert(1)>',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '```\n</code></pre><script>alert(1)</script>\n```',
  '`<img src=x onerror=alert(1)>`',
  '- [ ] <img src=x onerror=alert(1)>',
  '| a |\n| - |\n| <script>alert(1)</script> |',
  '~~<svg onload=alert(1)>~~',
];

/** Everything that can run script, load a page, or submit: none of it may survive. */
export function executableParts(html: string): string[] {
  const found: string[] = [];
  for (const el of dom(html).querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'svg', 'math', 'noscript', 'frame', 'frameset'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.attributes) {
      const value = [...attr.value].filter((c) => c > ' ').join('').toLowerCase();
      if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`);
      if (['style', 'srcdoc', 'formaction', 'action'].includes(attr.name)) found.push(`${tag}[${attr.name}]`);
      if (/^(javascript|vbscript|data):/.test(value)) found.push(`${tag}[${attr.name}=${attr.value}]`);
    }
  }
  return found;
}
