// `pnpm bench`: every benchmark, each next to its baseline from the same run, written to
// bench/results.json and printed as a table; then bench/RESULTS.md and the README summary (bench/src/lib/readme.ts).
//
//   BENCH_SKIP_PACKAGE=1   reuse services/api/.serverless from an earlier `pnpm package:prod`
//   BENCH_STACK_FILE=...   reuse a running stack (its stack.json) instead of starting one
//   BENCH_ONLY=bundles,cold,ddb,scale,load,search,live,web   run a subset (its rows replace theirs in results.json;
//                                                the other rows stay as they were)
import os from 'node:os';
import { apiClient } from '@jotter/tools/testing/api';
import { createTestUser } from '@jotter/tools/testing/users';
import { buildReference, bundleComposition, packagedFunctions, packageProd, readBundles } from './lib/bundles';
import { measureColdInit } from './lib/cold-init';
import { measureDdbCalls } from './lib/ddb-calls';
import { dynamoQueryCeiling, runLoad, type LoadTarget } from './lib/load';
import { kB, metric, readResults, readResultsMeta, textTable, writeResults, type Metric } from './lib/metrics';
import { updateReadme } from './lib/readme';
import { measureExport } from './lib/export';
import { liveLatency } from './lib/live';
import { listLatency, seedNotes } from './lib/scale';
import { benchQueries, freshness, manifestOf, p50, p95, rebuildTime, searchLatency, searchNoteItem, waitForIndexed } from './lib/search';
import { startBenchStack, waitForApi } from './lib/stack';
import { buildWeb, measurePaint, startPreview, webBytes, webEnvFor, type NetworkProfile } from './lib/web';

const only = new Set((process.env.BENCH_ONLY ?? 'bundles,cold,ddb,scale,load,search,live,web').split(','));
const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

export const budgets = {
  bundleMinifiedKb: 160,
  bundleGoalKb: 100,
  coldInitRatio: 1.5,
  coldInitGoal: 1.2,
  ddbCalls: 2,
  scaleRatio: 1.3,
  /** The export function's memory (functions/exports.yml): its peak must stay well inside. */
  exportRssMb: 512,
  loadShare: 0.4,
  webInitialKb: 100,
  webInitialGoalKb: 80,
  /** Issue 22: first paint of the sign-in page and LCP of the notes page (100 notes), per network profile. */
  signInPaintMs: { unthrottled: 150, throttled: 1200 },
  notesLcpMs: { unthrottled: 350, throttled: 1500 },
  /** JS the public share page loads beyond the initial JS (its lazy chunk and what that imports). */
  sharePageKb: 40,
  requestsBeforeFirstPaint: 6,
  /** Issue 15: a search over 10,000 notes (warm), and a write findable (or gone) this soon. */
  searchP95Ms: 150,
  searchFreshnessMs: 2000,
  /** Issue 18: a write's event on every open connection of its owner, from the write's 2xx. */
  liveDeliveryP95Ms: 1000,
};

/** The metric-name prefix of each BENCH_ONLY part (to replace only a part's rows in results.json). */
const prefixes: Record<string, string> = { bundles: 'bundle.', cold: 'coldInit.', ddb: 'ddbCalls.', scale: 'scale.', load: 'load.', search: 'search.', live: 'live.', web: 'web.' };

async function main() {
  const metrics: Metric[] = [];
  const notes: string[] = [];

  // 1. Bundles (no stack needed).
  const needBundles = only.has('bundles') || only.has('cold');
  if (needBundles && !process.env.BENCH_SKIP_PACKAGE) {
    log('pnpm package:prod ...');
    packageProd();
  }
  const fns = needBundles ? packagedFunctions() : [];
  const bundles = needBundles ? readBundles() : [];
  const reference = needBundles ? await buildReference() : undefined;
  if (only.has('bundles')) {
    for (const b of bundles) {
      metrics.push(metric({ metric: `bundle.${b.name}.minified`, value: kB(b.minified), unit: 'kB', baseline: kB(reference!.minified), baselineLabel: 'reference GetItem', budget: budgets.bundleMinifiedKb, goal: budgets.bundleGoalKb }));
    }
    for (const b of bundles) {
      metrics.push(metric({ metric: `bundle.${b.name}.gzip`, value: kB(b.gzip), unit: 'kB', baseline: kB(reference!.gzip), baselineLabel: 'reference GetItem' }));
    }
    const largest = [...bundles].sort((a, b) => b.minified - a.minified)[0]!;
    const composition = await bundleComposition(fns.find((f) => f.name === largest.name)!.handler);
    const top = composition.byModule.slice(0, 5).map((m) => `${m.module} ${kB(m.bytes).toFixed(1)} kB`).join(', ');
    notes.push(`Largest bundle ${largest.name} (${kB(composition.total).toFixed(1)} kB minified): ${top}.`);
    log(notes.at(-1)!);
  }

  const needStack = ['cold', 'ddb', 'scale', 'load', 'search', 'live', 'web'].some((k) => only.has(k));
  if (needStack) {
    const stack = await startBenchStack(log);
    const info = stack.info;
    try {
      const [small, large, writer, misc] = await Promise.all([createTestUser(info), createTestUser(info), createTestUser(info), createTestUser(info)]);

      // 3. DynamoDB calls per request, in-process.
      if (only.has('ddb')) {
        log('DynamoDB calls per route ...');
        const calls = await measureDdbCalls(info, misc);
        for (const c of calls) {
          const isList = c.route === 'GET /notes' || c.route === 'GET /trash';
          const userFacing = c.auth !== 'apiKey';
          const m = metric({
            metric: `ddbCalls.${c.route}`,
            value: c.commands.length,
            unit: 'calls',
            baseline: 1,
            baselineLabel: 'reference GetItem',
            ...(userFacing ? { budget: isList ? 1 : budgets.ddbCalls } : {}),
            note: `${c.commands.join(', ') || 'none'}; HTTP ${c.status}${c.status !== c.expectedStatus ? ` (expected ${c.expectedStatus})` : ''}${userFacing ? '' : '; /v1: incl. its authorizer (runs every request), reported, not budgeted'}`,
          });
          if (isList) m.pass = c.commands.length === 1 && c.commands[0] === 'QueryCommand';
          if (m.pass !== null && c.status !== c.expectedStatus && c.status >= 500) m.pass = false;
          metrics.push(m);
        }
      }

      await waitForApi(info, small.accessToken, log);
      const api = apiClient(info, small.accessToken);
      const first = await api.post<{ noteId: string }>('/notes', { title: 'Cold start', content: 'the note cold starts read' });
      const key = await api.post<{ keyId: string; value: string }>('/keys', { name: 'bench' });
      if (!first.body?.noteId || !key.body?.value) throw new Error(`setup failed: POST /notes ${first.status}, POST /keys ${key.status} ${key.text}`);

      // 2. Cold init.
      if (only.has('cold')) {
        log('cold init (11 fresh processes per function) ...');
        const cold = await measureColdInit(bundles, reference!, fns, { stack: info, user: small, noteId: first.body.noteId, apiKey: key.body }, 11);
        for (const f of cold.functions) {
          metrics.push(metric({
            metric: `coldInit.${f.name}`,
            value: f.totalMs,
            unit: 'ms',
            baseline: cold.reference.totalMs,
            baselineLabel: 'reference GetItem',
            budget: budgets.coldInitRatio,
            budgetOn: 'ratio',
            goal: budgets.coldInitGoal,
            note: `load ${f.loadMs.toFixed(1)} ms + first invocation ${f.invokeMs.toFixed(1)} ms (reference ${cold.reference.loadMs.toFixed(1)} + ${cold.reference.invokeMs.toFixed(1)}); result ${f.statuses.join('/')}; median of ${f.runs}`,
          }));
        }
      }

      // 4. Scale.
      if (only.has('scale') || only.has('load')) {
        log('seeding 100 + 10,000 notes ...');
        await Promise.all([seedNotes(info, small.sub, 99), seedNotes(info, large.sub, 10_000)]);
        // The stream indexes the seeded notes for search: measured once that is done, not during.
        await Promise.all([waitForIndexed(info, small.sub, 99), waitForIndexed(info, large.sub, 10_000)]);
      } else if (only.has('web')) {
        log('seeding 100 notes ...');
        await seedNotes(info, small.sub, 99);
      }
      if (only.has('scale')) {
        log('GET /notes?limit=20 latency, 100 vs 10,000 notes ...');
        await waitForApi(info, small.accessToken, log);
        const lat = await listLatency(info, { small: small.accessToken, large: large.accessToken }, 40);
        metrics.push(metric({
          metric: 'scale.GET /notes?limit=20 @10k notes',
          value: lat.large!.medianMs,
          unit: 'ms',
          baseline: lat.small!.medianMs,
          baselineLabel: 'same @100 notes',
          budget: budgets.scaleRatio,
          budgetOn: 'ratio',
          note: `median of ${lat.large!.samples} sequential requests each over HTTP (p90 ${lat.large!.p90Ms.toFixed(1)} vs ${lat.small!.p90Ms.toFixed(1)} ms); ${lat.large!.items} items per page`,
        }));
      }
      if (only.has('scale')) {
        log('export of 10,000 notes ...');
        const run = measureExport(info, large.sub);
        metrics.push(metric({ metric: 'scale.export @10k notes', value: Math.round(run.durationMs), unit: 'ms', note: 'the export function\'s code in a fresh process: notes a page at a time into a ZIP, streamed into an S3 multipart upload' }));
        metrics.push(metric({ metric: 'scale.export peak RSS @10k notes', value: Math.round(run.maxRssBytes / 1024 / 1024), unit: 'MB', budget: budgets.exportRssMb, note: 'the process\'s peak resident set (module code included); the function is given 512 MB' }));
      }

      // 5. Load.
      if (only.has('load')) {
        const targets: LoadTarget[] = [
          { route: 'GET /health', method: 'GET', path: '/health' },
          { route: 'GET /notes', method: 'GET', path: '/notes?limit=20', token: small.accessToken },
          { route: 'POST /notes', method: 'POST', path: '/notes', token: writer.accessToken, body: { title: 'Load', content: 'autocannon' } },
          { route: 'GET /me', method: 'GET', path: '/me', token: misc.accessToken },
        ];
        const results = [];
        for (const t of targets) {
          await waitForApi(info, small.accessToken, log);
          log(`autocannon ${t.route} (10 s, 10 connections) ...`);
          results.push(await runLoad(info, t, 10, 10));
        }
        const health = results[0]!;
        for (const r of results) {
          const isHealth = r === health;
          metrics.push(metric({
            metric: `load.${r.route}.rps`,
            value: r.requestsPerSecond,
            unit: 'req/s',
            ...(isHealth ? {} : { baseline: health.requestsPerSecond, baselineLabel: 'GET /health', budget: budgets.loadShare, budgetOn: 'ratio' as const, budgetKind: 'min' as const }),
            note: `p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.requests} requests`,
          }));
          metrics.push(metric({ metric: `load.${r.route}.p50`, value: r.p50Ms, unit: 'ms', ...(isHealth ? {} : { baseline: health.p50Ms, baselineLabel: 'GET /health' }) }));
          metrics.push(metric({ metric: `load.${r.route}.p99`, value: r.p99Ms, unit: 'ms', ...(isHealth ? {} : { baseline: health.p99Ms, baselineLabel: 'GET /health' }) }));
          metrics.push(metric({ metric: `load.${r.route}.errors`, value: r.errors + r.non2xx + r.timeouts, unit: 'errors', budget: 0, note: `errors ${r.errors}, non-2xx ${r.non2xx}, timeouts ${r.timeouts}` }));
        }
        log('DynamoDB Local ceiling for the GET /notes Query (5 s, 10 in flight) ...');
        const ceiling = await dynamoQueryCeiling(info, small.sub, 5, 10);
        metrics.push(metric({
          metric: 'load.dynamodbLocal.notesQuery.rps',
          value: ceiling.requestsPerSecond,
          unit: 'req/s',
          baseline: health.requestsPerSecond,
          baselineLabel: 'GET /health',
          note: `the Query behind GET /notes sent straight to DynamoDB Local (p50 ${ceiling.p50Ms.toFixed(1)} ms): the emulator's own ceiling, not a budget`,
        }));
      }

      // 6. Search: 10,000 notes of ~1 KB for one user, indexed through the stream like any write.
      if (only.has('search')) {
        const [reader, fresh] = await Promise.all([createTestUser(info), createTestUser(info)]);
        log('seeding 10,000 notes of ~1 KB for search, indexed from the stream ...');
        const seeded = performance.now();
        await seedNotes(info, reader.sub, 10_000, 4, searchNoteItem);
        const seedMs = performance.now() - seeded;
        const indexedMs = seedMs + (await waitForIndexed(info, reader.sub, 10_000));
        const manifest = await manifestOf(info, reader.sub);
        metrics.push(metric({ metric: 'search.indexSize @10k notes', value: (manifest?.bytes ?? 0) / 1e6, unit: 'MB', note: `one S3 object per user (serialized MiniSearch with the stored text), version ${manifest?.version} after the stream's batches` }));
        metrics.push(metric({ metric: 'search.indexFromStream @10k notes', value: indexedMs / 1000, unit: 's', note: `from the first BatchWriteItem (${(seedMs / 1000).toFixed(1)} s of seeding) to all 10,000 notes in the index` }));
        log('GET /search latency @10k notes ...');
        await waitForApi(info, reader.accessToken, log);
        const latency = await searchLatency(info, reader.accessToken);
        const queries = `${latency.times.length} sequential requests over HTTP cycling ${benchQueries.length} queries (${benchQueries.join(', ')}), ${(latency.hits / latency.times.length).toFixed(1)} hits each on average, index warm`;
        metrics.push(metric({ metric: 'search.GET /search p50 @10k notes', value: p50(latency.times), unit: 'ms', note: queries }));
        metrics.push(metric({ metric: 'search.GET /search p95 @10k notes', value: p95(latency.times), unit: 'ms', budget: budgets.searchP95Ms, note: queries }));
        log('rebuilding the index from the table ...');
        metrics.push(metric({ metric: 'search.rebuild @10k notes', value: (await rebuildTime(info, reader.sub)) / 1000, unit: 's', note: '`pnpm --filter @jotter/api search:rebuild <sub>`: Query the notes, build, write the object, commit the manifest' }));
        log('freshness (create → found, trash → gone) ...');
        const freshTimes = await freshness(info, fresh.accessToken);
        metrics.push(metric({ metric: 'search.freshness p95', value: p95(freshTimes), unit: 'ms', budget: budgets.searchFreshnessMs, note: `a user with a few notes: from the write's 2xx to the first search showing it (p50 ${p50(freshTimes).toFixed(0)} ms, max ${Math.max(...freshTimes).toFixed(0)} ms; ${freshTimes.length} samples, half creates, half trashes)` }));
        // The same for the user with 10,000 notes: a write is a delta, a cold reader loads the base.
        const bigTimes = await freshness(info, reader.accessToken, 5);
        metrics.push(metric({ metric: 'search.freshness p95 @10k notes', value: p95(bigTimes), unit: 'ms', note: `the same for the user with 10,000 notes (p50 ${p50(bigTimes).toFixed(0)} ms; ${bigTimes.length} samples): each write a delta object, a fold into a new base every 200 changes (docs/search.md)`, budget: budgets.searchFreshnessMs }));
      }

      // 7. Live sync: 200 connections (10 users × 20), writes one after another.
      if (only.has('live')) {
        log('live sync: 200 open connections, event delivery from the write\'s 2xx ...');
        const live = await liveLatency(info);
        const how = `${live.writes} writes, each to the ${live.connections / 10} connections of its owner (${live.connections} open); ${live.times.length} deliveries, ${live.lost} lost`;
        metrics.push(metric({ metric: 'live.delivery p50', value: p50(live.times), unit: 'ms', note: how }));
        metrics.push(metric({ metric: 'live.delivery p95', value: p95(live.times), unit: 'ms', budget: budgets.liveDeliveryP95Ms, note: `${how}; max ${Math.max(...live.times).toFixed(0)} ms` }));
        metrics.push(metric({ metric: 'live.lost', value: live.lost, unit: 'events', budget: 0, note: 'events not received within 5 s' }));
      }

      // 8. Web.
      if (only.has('web')) {
        log('vite build (web/, into bench/node_modules/.cache) ...');
        const dist = buildWeb(webEnvFor(info));
        const bytes = webBytes(dist);
        metrics.push(metric({ metric: 'web.initialJs.gzip', value: kB(bytes.initialGzip), unit: 'kB', budget: budgets.webInitialKb, goal: budgets.webInitialGoalKb, note: bytes.initialFiles.join(', ') }));
        metrics.push(metric({ metric: 'web.firstPaintJs.gzip', value: kB(bytes.firstPaintGzip), unit: 'kB', note: `initial JS + what index.html preloads for the first page: ${bytes.firstPaintFiles.join(', ')}` }));
        metrics.push(metric({ metric: 'web.largestRouteChunk.gzip', value: kB(bytes.largestRoute.gzip), unit: 'kB', note: `${bytes.largestRoute.name}: ${bytes.largestRoute.files.join(', ')}` }));
        metrics.push(metric({ metric: 'web.sharePageJs.gzip', value: kB(bytes.sharePage.gzip), unit: 'kB', budget: budgets.sharePageKb, note: `/s/:token beyond the initial JS (${kB(bytes.initialGzip + bytes.sharePage.gzip).toFixed(1)} kB with it): ${bytes.sharePage.files.join(', ')}` }));
        log('cold loads of /sign-in and /notes in headless Chromium, unthrottled and throttled (vite preview + local API) ...');
        await waitForApi(info, small.accessToken, log);
        const preview = await startPreview(dist, info.ports.web);
        try {
          const runs = 7;
          // A shared note of the small user: the public page is measured like the others, signed out.
          const shared = await apiClient(info, small.accessToken).post<{ noteId: string }>('/notes', { title: 'Shared reading list', content: '## This week\n\n- **Designing Data-Intensive Applications**, ch. 5\n- The tide tables for Saturday' });
          const share = await apiClient(info, small.accessToken).post<{ url: string }>(`/notes/${shared.body!.noteId}/shares`, {});
          const paint = await measurePaint(info.webUrl, small, runs, new URL(share.body!.url).pathname);
          const throttle = 'CPU 4x, +150 ms latency, 1.6 Mbps down';
          for (const profile of ['unthrottled', 'throttled'] as NetworkProfile[]) {
            const how = `median of ${runs} cold loads, cache disabled${profile === 'throttled' ? `, ${throttle}` : ''}`;
            for (const [page, label] of [['signIn', '/sign-in'], ['notes', '/notes (signed in, 100 notes)'], ['share', '/s/:token (a shared note, signed out)']] as const) {
              const r = paint[page]![profile];
              const key = `web.${page}.${profile}`;
              const paintBudget = page === 'signIn' ? budgets.signInPaintMs[profile] : undefined;
              const lcpBudget = page === 'signIn' ? budgets.signInPaintMs[profile] : page === 'notes' ? budgets.notesLcpMs[profile] : null;
              metrics.push(metric({ metric: `${key}.fcp`, value: r.fcpMs, unit: 'ms', budget: paintBudget ?? null, note: `${label}: ${how}` }));
              metrics.push(metric({ metric: `${key}.lcp`, value: r.lcpMs, unit: 'ms', budget: lcpBudget, note: `${how}; LCP element ${r.lcpElements.join('/')}` }));
              metrics.push(metric({ metric: `${key}.firstInput`, value: r.firstInputMs, unit: 'ms', note: { signIn: 'the email field in the DOM, wired by React', notes: 'the first note link in the DOM, wired by React', share: "the shared note's title in the DOM" }[page] }));
              metrics.push(metric({ metric: `${key}.requestsBeforeFirstPaint`, value: r.requestsBeforeFcp, unit: 'requests', budget: budgets.requestsBeforeFirstPaint, note: 'the document and every resource requested before first contentful paint' }));
              metrics.push(metric({ metric: `${key}.jsBeforeFirstPaint`, value: r.jsKbBeforeFcp, unit: 'kB', note: `script bytes transferred before first contentful paint (${r.jsKb.toFixed(1)} kB by the first input)` }));
              metrics.push(metric({ metric: `${key}.fallbackLoads`, value: r.fallbackRuns, unit: 'loads', budget: 0, note: `loads of ${r.runs} in which a Suspense fallback was ever in the DOM` }));
            }
          }
        } finally {
          preview.kill();
        }
      }
    } finally {
      log('stopping the stack ...');
      await stack.stop();
    }
  }

  const durationSeconds = Math.round((Date.now() - started) / 1000);
  const partial = only.size < Object.keys(prefixes).length;
  if (partial) {
    const previous = readResultsMeta();
    notes.unshift(`Rows of ${[...only].join(', ')} measured on ${new Date().toISOString().slice(0, 10)} by \`BENCH_ONLY=${[...only].join(',')} pnpm bench\` (${durationSeconds} s); the others from the full run of ${previous?.date.slice(0, 10) ?? 'an earlier day'}.`);
    notes.push(...(previous?.notes ?? []).filter((n) => !n.startsWith('Rows of ')));
  }
  const meta = { date: new Date().toISOString(), node: process.version, cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', platform: `${os.platform()} ${os.release()}`, durationSeconds, notes };
  // A partial run (BENCH_ONLY) replaces its own parts' rows and keeps the others.
  const measured = [...only].map((part) => prefixes[part]).filter((p): p is string => p !== undefined);
  const kept = partial ? readResults().filter((m) => !measured.some((p) => m.metric.startsWith(p))) : [];
  const all = [...kept, ...metrics];
  writeResults(all, meta);
  console.log(`\n${textTable(metrics)}\n`);
  for (const n of notes) console.log(n);
  const failed = metrics.filter((m) => m.pass === false);
  console.log(`\n${metrics.length} metrics measured (${all.length} in results.json), ${failed.length} over budget${failed.length ? `: ${failed.map((m) => m.metric).join(', ')}` : ''}; ${durationSeconds} s; wrote bench/results.json`);
  const where = updateReadme();
  console.log(`results written to ${where.join(', ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
