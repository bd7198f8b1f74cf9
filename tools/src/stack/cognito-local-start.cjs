// Starts cognito-local like its own bin (lib/bin/start.js) does, but logging synchronously, to
// stdout (the dev log) and, when JOTTER_COGNITO_LOG_FILE is set, straight into that file. Its bin
// pretty-prints to an asynchronous stream that can hold the last entry back until the next one —
// and the last entry is often the confirmation code a user (or a test) is waiting for.
const path = require('node:path');

const root = path.dirname(require.resolve('cognito-local/package.json'));
const fromCognitoLocal = (name) => require(require.resolve(name, { paths: [root] }));
const pino = fromCognitoLocal('pino');
const pretty = fromCognitoLocal('pino-pretty');
const { createDefaultServer } = require(path.join(root, 'lib', 'server'));

const prettyTo = (destination, sync) =>
  pretty({
    destination,
    colorize: false,
    sync,
    translateTime: 'SYS:isoDateTime',
    ignore: 'pid,name,hostname',
    singleLine: true,
    messageFormat: (log, messageKey) => `${log.reqId ?? 'NONE'} ${log.target ?? 'NONE'} ${log[messageKey]}`,
  });
const logFile = process.env.JOTTER_COGNITO_LOG_FILE;
const logger = pino(
  { level: process.env.DEBUG ? 'debug' : 'info' },
  // The file first and synchronously (a code is on disk before SignUp answers); stdout
  // asynchronously, so a slow reader of the dev log can never stall the emulator.
  pino.multistream([
    ...(logFile ? [{ stream: prettyTo(pino.destination({ dest: logFile, append: true, sync: true }), true) }] : []),
    { stream: prettyTo(1, !logFile) },
  ]),
);

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
