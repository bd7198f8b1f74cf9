import fs from 'node:fs';
import path from 'node:path';

/** Receives every log line of every part of the stack (already split into lines, no prefix). */
export type LogSink = (source: string, line: string) => void;

// ESC [ … final byte: the color/cursor sequences pino-pretty and Vite write.
const ANSI_PATTERN = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[ -/]*[@-~]`, 'g');
export const stripAnsi = (text: string): string => text.replace(ANSI_PATTERN, '');

const COLORS: Record<string, number> = { dynamodb: 34, cognito: 35, s3: 33, api: 32, web: 36, gateway: 90, stack: 1 };

/** The default sink for `pnpm dev`: `[name] line` on stdout, colored on a TTY. */
export function consoleSink(stream: NodeJS.WriteStream = process.stdout): LogSink {
  const colored = stream.isTTY === true;
  return (source, line) => {
    const prefix = `[${source}]`.padEnd(11);
    const color = COLORS[source] ?? 37;
    stream.write(colored ? `\x1b[${color}m${prefix}\x1b[0m ${line}\n` : `${prefix} ${stripAnsi(line)}\n`);
  };
}

export const silentSink: LogSink = () => {};

/**
 * Fans lines out to the sink and to `<logsDir>/<source>.log` (ANSI-stripped, so the files can be
 * grepped, e.g. for Cognito confirmation codes), and keeps the last lines of each source so a
 * start failure can show them.
 */
export class StackLogger {
  private readonly files = new Map<string, number>();
  private readonly tails = new Map<string, string[]>();

  constructor(
    readonly logsDir: string,
    private readonly sink: LogSink,
  ) {
    fs.mkdirSync(logsDir, { recursive: true });
  }

  logFile(source: string): string {
    return path.join(this.logsDir, `${source}.log`);
  }

  /** `toFile: false` for lines a child has already appended to its log file itself. */
  line(source: string, line: string, { toFile = true }: { toFile?: boolean } = {}): void {
    if (toFile) {
      let fd = this.files.get(source);
      if (fd === undefined) {
        fd = fs.openSync(this.logFile(source), 'a');
        this.files.set(source, fd);
      }
      fs.writeSync(fd, `${new Date().toISOString()} ${stripAnsi(line)}\n`);
    }
    const tail = this.tails.get(source) ?? [];
    tail.push(line);
    if (tail.length > 20) tail.shift();
    this.tails.set(source, tail);
    this.sink(source, line);
  }

  /** A writer for a stream of chunks: splits at newlines, keeps the unfinished last line. */
  lineWriter(source: string, options: { toFile?: boolean } = {}): { write(chunk: Buffer | string): void; flush(): void } {
    let pending = '';
    let idle: NodeJS.Timeout | undefined;
    const flush = () => {
      clearTimeout(idle);
      if (pending.trim() !== '') this.line(source, pending, options);
      pending = '';
    };
    return {
      write: (chunk) => {
        pending += chunk.toString();
        const lines = pending.split(/\r?\n/);
        pending = lines.pop() ?? '';
        for (const l of lines) if (l.trim() !== '') this.line(source, l, options);
        // Some children (cognito-local's logger) end an entry without its newline until the next
        // entry: a line left unfinished for a moment is complete, e.g. a confirmation code box.
        clearTimeout(idle);
        if (pending !== '') idle = setTimeout(flush, 50).unref();
      },
      flush,
    };
  }

  tail(source: string): string[] {
    return [...(this.tails.get(source) ?? [])];
  }

  close(): void {
    for (const fd of this.files.values()) fs.closeSync(fd);
    this.files.clear();
  }
}
