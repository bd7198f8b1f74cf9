/** A piece of a snippet: text, marked (a hit) or not. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => entities[entity]!);

/**
 * The API's snippet (escaped text, hits in <mark>…</mark>) as text parts for React to render: the
 * page never sets it as HTML, so nothing in a note can become markup.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  return snippet
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((piece) => (piece.startsWith('<mark>') ? { text: unescape(piece.slice(6, -7)), hit: true } : { text: unescape(piece), hit: false }));
}
