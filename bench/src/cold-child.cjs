// One cold start, in a fresh `node` process: require the bundle (module init), then one invocation.
// argv: <bundle.js> [<event.json file>]. Prints {"loadMs","invokeMs","status"} on stdout.
const { readFileSync } = require('node:fs');

const [file, eventFile] = process.argv.slice(2);
const event = eventFile ? JSON.parse(readFileSync(eventFile, 'utf8')) : undefined;
const t0 = performance.now();
const mod = require(file);
const t1 = performance.now();
if (typeof mod.handler !== 'function') throw new Error(`${file} exports no handler`);
(async () => {
  let status = 'loaded';
  if (event) {
    try {
      const result = await mod.handler(event, { awsRequestId: 'bench-cold', functionName: 'bench' });
      status = result && typeof result === 'object' && 'statusCode' in result ? String(result.statusCode) : 'ok';
    } catch (error) {
      status = `threw ${error && error.message}`;
    }
  }
  const t2 = performance.now();
  process.stdout.write(`\n${JSON.stringify({ loadMs: t1 - t0, invokeMs: event ? t2 - t1 : 0, status })}\n`);
  process.exit(0);
})();
