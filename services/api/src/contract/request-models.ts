// API Gateway request models, generated from the same zod schemas the handlers validate with.
// API Gateway wants draft-04 JSON Schema with everything inline, so ids and examples are dropped.
import * as z from 'zod/mini';
import { createNoteRequestSchema, updateNoteRequestSchema } from '@jotter/shared/notes';

export const requestModels = {
  CreateNoteRequest: createNoteRequestSchema,
  UpdateNoteRequest: updateNoteRequestSchema,
} as const;

export function requestModelJson(schema: z.core.$ZodType): Record<string, unknown> {
  // An empty registry = no metadata (ids would turn into $refs that API Gateway cannot follow).
  return z.toJSONSchema(schema, { target: 'draft-04', metadata: z.registry() }) as Record<string, unknown>;
}
