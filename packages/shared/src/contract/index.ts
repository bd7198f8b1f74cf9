// Every route of the API, in the order the OpenAPI document lists them. Readers of the whole
// contract (OpenAPI, request models, the drift test, the fuzzer, the authorization matrix, the
// bench) import this; a function's handler imports only its own area module.
import * as attachments from './attachments';
import * as portability from './exports';
import * as keys from './keys';
import * as notes from './notes';
import * as revisions from './revisions';
import * as search from './search';
import type { RouteDefinition } from './route';
import * as shares from './shares';
import * as system from './system';
import * as trash from './trash';
import * as v1 from './v1';

export * from './route';

export const routes: readonly RouteDefinition[] = [
  system.healthRoute,
  system.meRoute,
  ...Object.values(notes),
  ...Object.values(trash),
  ...Object.values(revisions),
  ...Object.values(search),
  ...Object.values(attachments),
  ...Object.values(shares),
  ...Object.values(keys),
  ...Object.values(v1),
  ...Object.values(portability),
  system.deleteMeRoute,
  system.openApiRoute,
];
