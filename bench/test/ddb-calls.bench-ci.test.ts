// Budget: every user-facing route makes at most 2 DynamoDB calls; a list is exactly 1 Query. A route
// that deletes its caller's account pages through the whole partition, so it is held to its own
// bound instead (see the last test).
// The handlers run in this process against the run's local stack (integration global setup).
import { routeLabel, routes } from '@jotter/shared/contract';
import { readStack } from '@jotter/tools/testing/stack';
import { createTestUser } from '@jotter/tools/testing/users';
import { measureDdbCalls, type RouteCalls } from '../src/lib/ddb-calls';

jest.setTimeout(60_000);

let calls: RouteCalls[];

beforeAll(async () => {
  const stack = readStack();
  calls = await measureDdbCalls(stack, await createTestUser(stack));
});

it('every route answers the status it was driven to (a route failing early with 0 calls must not pass)', () => {
  expect(calls.filter((c) => c.status !== c.expectedStatus).map((c) => `${c.route}: ${c.status}, expected ${c.expectedStatus}`)).toEqual([]);
});

it('measures every HTTP route of the contract', () => {
  const measured = new Set(calls.map((c) => c.route.replace(/ \(.*\)$/, '')));
  expect(routes.map(routeLabel).filter((r) => !measured.has(r))).toEqual([]);
});

const deletesCaller = new Set(routes.filter((r) => r.deletesCaller).map(routeLabel));
const isDeletion = (c: RouteCalls) => deletesCaller.has(c.route.replace(/ \(.*\)$/, ''));

it('user-facing routes make at most 2 DynamoDB calls each', () => {
  const over = calls.filter((c) => c.auth !== 'apiKey' && !isDeletion(c) && c.commands.length > 2).map((c) => `${c.route}: ${c.commands.join(', ')}`);
  expect(over).toEqual([]);
});

// Account deletion's calls grow with the account: the marker, one Query per page of 100 items (plus
// that page's deletes) until a Query finds none, and the final update. The bench deletes a fresh,
// empty account, so its bound is exact: marker, one empty Query, final update.
it('account deletion of an empty account is the marker, one Query and the final update', () => {
  const deletions = calls.filter((c) => isDeletion(c) && c.status === c.expectedStatus && c.status < 300);
  expect(deletions.length).toBeGreaterThan(0);
  for (const c of deletions) expect(c.commands).toEqual(['PutItemCommand', 'QueryCommand', 'UpdateItemCommand']);
});

it.each(['GET /notes', 'GET /trash'])('%s is exactly one Query', (route) => {
  expect(calls.find((c) => c.route === route)?.commands).toEqual(['QueryCommand']);
});
