// Structured JSON log lines (one object per line): what CloudWatch Logs Insights queries best.
type Fields = Record<string, unknown>;

let requestFields: Fields = {};

/** Fields attached to every line until the next invocation starts (request id, route, user). */
export function setRequestFields(fields: Fields): void {
  requestFields = fields;
}

function write(level: 'info' | 'warn' | 'error', message: string, fields?: Fields): void {
  const line = JSON.stringify({ level, message, ...requestFields, ...fields, time: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else console.log(line);
}

export const log = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};

export function describeError(error: unknown): Fields {
  return error instanceof Error
    ? { errorName: error.name, errorMessage: error.message, stack: error.stack }
    : { errorMessage: String(error) };
}
