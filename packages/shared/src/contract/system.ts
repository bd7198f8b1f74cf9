// The routes that belong to no area: liveness, who am I, and the API's own description.
import { deleteAccountSchema, healthSchema, meSchema } from '../account';
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

export const deleteMeRoute = {
  operationId: 'deleteMe',
  method: 'delete',
  path: '/me',
  tag: 'Account',
  summary: 'Delete the account and everything in it',
  description:
    'Deletes every note (trash included), attachment, API key, public link and export of the user, then the user itself. The access token stops working at once. A deletion that failed halfway is finished by sending the request again with the same token.',
  auth: 'user',
  body: deleteAccountSchema,
  deletesCaller: true,
  response: { status: 204, description: 'The account and all its data are gone' },
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
