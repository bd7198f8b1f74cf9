// The routes that belong to no area: liveness, who am I, and the API's own description.
import { healthSchema, meSchema } from '../account';
import type { RouteDefinition } from './route';

export const healthRoute = {
  operationId: 'getHealth',
  method: 'get',
  path: '/health',
  tag: 'Account',
  summary: 'Liveness of the API',
  auth: 'public',
  response: { status: 200, description: 'The API is up', schema: healthSchema },
  errors: [],
} satisfies RouteDefinition;

export const meRoute = {
  operationId: 'getMe',
  method: 'get',
  path: '/me',
  tag: 'Account',
  summary: 'The signed-in user',
  auth: 'user',
  response: { status: 200, description: 'Who the access token belongs to', schema: meSchema },
  errors: [],
} satisfies RouteDefinition;

export const openApiRoute = {
  operationId: 'getOpenApi',
  method: 'get',
  path: '/openapi.json',
  tag: 'Account',
  summary: 'This document',
  auth: 'public',
  response: { status: 200, description: 'The OpenAPI 3.1 document of this API' },
  errors: [],
} satisfies RouteDefinition;
