import { snippetParts } from './snippet';

describe('snippetParts', () => {
  it('splits the marked hits from the text and unescapes both', () => {
    expect(snippetParts('…1 &lt; 2 &amp;&amp; <mark>caf&eacute;</mark> <mark>Kyoto</mark> &quot;x&quot; &#39;y&#39;')).toEqual([
      { text: '…1 < 2 && ', hit: false },
      { text: 'caf&eacute;', hit: true },
      { text: ' ', hit: false },
      { text: 'Kyoto', hit: true },
      { text: ' "x" \'y\'', hit: false },
    ]);
  });

  it('leaves markup other than <mark> as escaped text', () => {
    expect(snippetParts('&lt;img src=x onerror=alert(1)&gt;')).toEqual([{ text: '<img src=x onerror=alert(1)>', hit: false }]);
  });
});
