// Budget (issue 8): every user-facing route makes at most 2 DynamoDB calls; a list is exactly 1 Query.
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

it('user-facing routes make at most 2 DynamoDB calls each', () => {
  const over = calls.filter((c) => c.auth !== 'apiKey' && c.commands.length > 2).map((c) => `${c.route}: ${c.commands.join(', ')}`);
  expect(over).toEqual([]);
});

it.each(['GET /notes', 'GET /trash'])('%s is exactly one Query', (route) => {
  expect(calls.find((c) => c.route === route)?.commands).toEqual(['QueryCommand']);
});
