// Structured JSON log lines (one object per line): what CloudWatch Logs Insights queries best.
// Every line carries its level, the function's name, whether this invocation was a cold start, the
// request ids (API Gateway's, which the client sees as x-request-id, and Lambda's) and the X-Ray
// trace id. Lines below LOG_LEVEL (debug | info | warn | error; default info) are dropped.
type Fields = Record<string, unknown>;
type Level = 'debug' | 'info' | 'warn' | 'error';

const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = rank[(process.env.LOG_LEVEL ?? 'info').toLowerCase() as Level] ?? rank.info;

let invocations = 0;
let invocationFields: Fields = {};
let requestFields: Fields = {};

/** Lambda sets _X_AMZN_TRACE_ID per invocation: "Root=1-abc-def;Parent=...;Sampled=1". */
function traceId(): string | undefined {
  return /Root=([^;]+)/.exec(process.env._X_AMZN_TRACE_ID ?? '')?.[1];
}

/** Starts an invocation's fields: the first invocation of a runtime is its cold start. */
export function startInvocation(context?: { awsRequestId?: string }, requestId?: string): void {
  invocations += 1;
  invocationFields = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    coldStart: invocations === 1,
    requestId: requestId ?? context?.awsRequestId,
    lambdaRequestId: context?.awsRequestId,
    traceId: traceId(),
  };
  requestFields = {};
}

/** Fields attached to every line until the next invocation starts (route, user, event). */
export function setRequestFields(fields: Fields): void {
  requestFields = fields;
}

function write(level: Level, message: string, fields?: Fields): void {
  if (rank[level] < threshold) return;
  const line = JSON.stringify({ level, message, ...invocationFields, ...requestFields, ...fields, time: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else console.log(line);
}

export const log = {
  debug: (message: string, fields?: Fields) => write('debug', message, fields),
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};

export function describeError(error: unknown): Fields {
  return error instanceof Error
    ? { errorName: error.name, errorMessage: error.message, stack: error.stack }
    : { errorMessage: String(error) };
}
