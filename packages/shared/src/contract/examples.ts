// Valid example input of a route, from its body (or query) schema's `z.meta({ example })` — the example the
// OpenAPI document shows. Used by the test suites and the bench to exercise every route of the
// contract without a hand-written body per route. Kept out of route.ts so the web client, which
// imports route.ts, does not load zod's registry.
import * as z from 'zod/mini';
import { routeLabel, type RouteDefinition } from './route';

/** A fresh copy of the route's example body; undefined for routes without a body. */
export function exampleBody(route: RouteDefinition): Record<string, unknown> | undefined {
  if (!route.body) return undefined;
  const example = (z.globalRegistry.get(route.body) as { example?: unknown } | undefined)?.example;
  if (!example || typeof example !== 'object') throw new Error(`${routeLabel(route)}: its body schema has no example (z.meta({ example }))`);
  return structuredClone(example as Record<string, unknown>);
}

/** The route's example query (its query schema's `z.meta({ example })`), or undefined: none needed. */
export function exampleQuery(route: RouteDefinition): Record<string, string> | undefined {
  if (!route.query) return undefined;
  const example = (z.globalRegistry.get(route.query) as { example?: unknown } | undefined)?.example;
  return example && typeof example === 'object' ? { ...(example as Record<string, string>) } : undefined;
}
