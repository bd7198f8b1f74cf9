// The Markdown file of a note in an export (and what an import reads back): YAML front matter,
// then the content exactly as stored. Every front-matter value is written as JSON, which is valid
// YAML, so titles with quotes, colons or line breaks survive the round trip; an import also reads
// the plain `key: value` scalars other tools write.

export interface NoteFile {
  title: string;
  content: string;
  tags: string[];
  pinned: boolean;
  created?: string;
  updated?: string;
  /** The note's attachments in the folder beside it: their names there (made unique and safe), their own file names and content types. */
  attachments: { name: string; fileName: string; contentType: string }[];
}

export function toMarkdown(note: Omit<NoteFile, 'created' | 'updated'> & { created: string; updated: string }): string {
  const fields: [string, unknown][] = [
    ['title', note.title],
    ['tags', note.tags],
    ['pinned', note.pinned],
    ['created', note.created],
    ['updated', note.updated],
  ];
  if (note.attachments.length > 0) fields.push(['attachments', note.attachments]);
  return `---\n${fields.map(([name, value]) => `${name}: ${JSON.stringify(value)}`).join('\n')}\n---\n${note.content}`;
}

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

function scalar(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    // A plain YAML scalar (`title: My trip`), or single-quoted.
    return raw.replace(/^'(.*)'$/, (_, inner: string) => inner.replace(/''/g, "'"));
  }
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Reads a Markdown or text file: the title from the front matter, else the first heading, else the
 * file name without its extension. What the front matter does not say gets defaults.
 */
export function parseNoteFile(text: string, fileName: string): NoteFile {
  const match = frontMatter.exec(text);
  const fields = new Map<string, unknown>();
  if (match) {
    for (const line of match[1]!.split(/\r?\n/)) {
      const field = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
      if (field) fields.set(field[1]!.toLowerCase(), scalar(field[2]!.trim()));
    }
  }
  const content = match ? text.slice(match[0].length) : text;
  const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(content)?.[1];
  const base = fileName.replace(/^.*\//, '').replace(/\.(md|markdown|txt)$/i, '');
  const title = fields.get('title');
  const attachments = fields.get('attachments');
  return {
    title: typeof title === 'string' && title.trim() ? title : heading ?? base,
    content,
    tags: strings(fields.get('tags')),
    pinned: fields.get('pinned') === true,
    created: typeof fields.get('created') === 'string' ? (fields.get('created') as string) : undefined,
    updated: typeof fields.get('updated') === 'string' ? (fields.get('updated') as string) : undefined,
    attachments: Array.isArray(attachments)
      ? attachments.flatMap((a: unknown) => {
          const { name, fileName, contentType } = (a ?? {}) as Record<string, unknown>;
          return typeof name === 'string' && typeof contentType === 'string' ? [{ name, fileName: typeof fileName === 'string' ? fileName : name, contentType }] : [];
        })
      : [],
  };
}

/** A file or folder name for a title: no path separators, control or reserved characters; at most 100 characters. */
export function safeFileName(title: string): string {
  const name = title
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_')
    .trim()
    .replace(/^\.+/, '_')
    .slice(0, 100)
    .trim();
  return name || 'Untitled';
}

/** File names unique within a set, case-insensitively (archives are unpacked on case-insensitive disks): `a.md`, `a (2).md`, … */
export function uniqueNamer() {
  const taken = new Set<string>();
  return (fileName: string): string => {
    const dot = fileName.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? fileName : `${stem} (${n})${extension}`;
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  };
}
