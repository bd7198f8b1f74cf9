// Reading an uploaded ZIP without trusting it. The central directory is checked before anything is
// inflated (entry count, names, declared sizes and ratios, duplicates), and inflating holds every
// entry to its declared size (yauzl stops a stream that grows past it), so a zip bomb is refused
// having cost at most the declared total.
import yauzl from 'yauzl';
import { HostileArchiveError } from './errors';

export const archiveLimits = {
  maxEntries: 2000,
  /** Everything inflated together: well inside the import function's memory. */
  maxTotalBytes: 64 * 1024 * 1024,
  /** Inflated size over compressed size, for entries big enough to matter. */
  maxRatio: 100,
  ratioFloorBytes: 64 * 1024,
} as const;

export interface ArchiveEntry {
  name: string;
  data: Buffer;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A name as UTF-8, relative, inside the archive: no `..`, no absolute or drive path, no backslash or control characters. */
function entryName(raw: Buffer): string {
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    throw new HostileArchiveError('An entry name is not valid UTF-8');
  }
  const problem = yauzl.validateFileName(name);
  if (problem) throw new HostileArchiveError(`Entry "${name}": ${problem.replace(/:.*$/, '')}`);
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new HostileArchiveError(`Entry "${name}" has control characters in its name`);
  return name;
}

function open(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (error, zip) => (error ? reject(new HostileArchiveError(`Not a readable ZIP: ${error.message}`)) : resolve(zip)));
  });
}

function nextEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(new HostileArchiveError(`Not a readable ZIP: ${error.message}`)));
    zip.readEntry();
  });
}

function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(new HostileArchiveError(`Entry cannot be read: ${error.message}`));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (streamError: Error) => reject(new HostileArchiveError(`Entry cannot be read: ${streamError.message}`)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** Every file of the archive (folders left out), or HostileArchiveError with nothing inflated past the limits. */
export async function readArchive(bytes: Buffer, limits = archiveLimits): Promise<ArchiveEntry[]> {
  const zip = await open(bytes);
  if (zip.entryCount > limits.maxEntries) throw new HostileArchiveError(`The archive has ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted`);
  const entries = await nextEntries(zip);
  const seen = new Set<string>();
  let total = 0;
  const files: { name: string; entry: yauzl.Entry }[] = [];
  for (const entry of entries) {
    const name = entryName(entry.fileName as unknown as Buffer);
    // Case-insensitively: unpacked on a case-insensitive disk, one would overwrite the other.
    const key = name.normalize('NFC').toLowerCase().replace(/\/$/, '');
    if (seen.has(key)) throw new HostileArchiveError(`The archive holds "${name}" twice`);
    seen.add(key);
    if (name.endsWith('/')) continue;
    if (entry.isEncrypted()) throw new HostileArchiveError(`Entry "${name}" is encrypted`);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw new HostileArchiveError(`The archive inflates to more than ${limits.maxTotalBytes} bytes`);
    if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize))
      throw new HostileArchiveError(`Entry "${name}" inflates more than ${limits.maxRatio} times`);
    files.push({ name, entry });
  }
  const result: ArchiveEntry[] = [];
  for (const { name, entry } of files) result.push({ name, data: await inflate(zip, entry) });
  zip.close();
  return result;
}
