// Starts cognito-local like its own bin (lib/bin/start.js) does, with our own log destination:
// every entry is formatted here and written synchronously — to the file named by
// JOTTER_COGNITO_LOG_FILE first (a confirmation code is on disk before SignUp answers), then to
// stdout (the dev log). Its bin pipes entries through pino-pretty's stream, which held the last
// entry back until the next one and, after some entries in long test runs, stopped logging for
// good — losing exactly the confirmation codes users are told to read from the log.
const fs = require('node:fs');
const path = require('node:path');

const root = path.dirname(require.resolve('cognito-local/package.json'));
const pino = require(require.resolve('pino', { paths: [root] }));
const { createDefaultServer } = require(path.join(root, 'lib', 'server'));

const levels = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const logFile = process.env.JOTTER_COGNITO_LOG_FILE;
const fileFd = logFile ? fs.openSync(logFile, 'a') : undefined;

function format(json) {
  let entry;
  try {
    entry = JSON.parse(json);
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const { time, level, msg, reqId, target, err } = entry;
  const head = [new Date(time).toISOString(), levels[level] ?? level, reqId, target].filter(Boolean).join(' ');
  return `${head} ${msg ?? ''}${err?.stack ? `\n${err.stack}` : ''}\n`;
}

const destination = {
  write(json) {
    const line = format(json);
    if (fileFd !== undefined) fs.writeSync(fileFd, line);
    try {
      process.stdout.write(line);
    } catch {
      // A closed dev terminal must not take the emulator down.
    }
  },
};

const logger = pino({ level: process.env.DEBUG ? 'debug' : 'info' }, destination);

createDefaultServer(logger)
  .then((server) => server.start())
  .then((server) => {
    const address = server.address();
    const url = typeof address === 'string' ? address : `${address.address}:${address.port}`;
    logger.info(`Cognito Local running on http://${url}`);
  })
  .catch((error) => {
    logger.error(error);
    process.exit(1);
  });
