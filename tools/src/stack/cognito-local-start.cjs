// Starts cognito-local like its own bin (lib/bin/start.js) does, but with a synchronous log
// destination. Its bin pretty-prints to an asynchronous stream that can hold the last entry back
// until the next one is logged — and the last entry is often the confirmation code a user (or a
// test) is waiting for.
const path = require('node:path');

const root = path.dirname(require.resolve('cognito-local/package.json'));
const fromCognitoLocal = (name) => require(require.resolve(name, { paths: [root] }));
const pino = fromCognitoLocal('pino');
const pretty = fromCognitoLocal('pino-pretty');
const { createDefaultServer } = require(path.join(root, 'lib', 'server'));

const logger = pino(
  { level: process.env.DEBUG ? 'debug' : 'info' },
  pretty({
    colorize: false,
    sync: true,
    ignore: 'pid,name,hostname',
    singleLine: true,
    messageFormat: (log, messageKey) => `${log.reqId ?? 'NONE'} ${log.target ?? 'NONE'} ${log[messageKey]}`,
  }),
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
