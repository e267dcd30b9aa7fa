import type { TSchema } from '@sinclair/typebox';

/**
 * Rebuilds a value in its schema's property order, dropping what the schema does not name
 * (versions, parent keys). Exports are therefore byte-for-byte stable across round trips.
 */
export function canonical<T>(schema: TSchema, value: unknown): T {
  return shape(schema, value) as T;
}

function shape(schema: TSchema, value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (schema.type === 'array' && Array.isArray(value)) {
    return value.map((item) => shape(schema.items as TSchema, item));
  }
  if (schema.type === 'object' && schema.properties && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(schema.properties as Record<string, TSchema>)) {
      if (source[key] === undefined && !(schema.required ?? []).includes(key)) continue;
      out[key] = shape(sub, source[key]);
    }
    return out;
  }
  if (schema.anyOf) {
    const objectBranch = (schema.anyOf as TSchema[]).find((s) => s.type === 'object');
    if (objectBranch && typeof value === 'object') return shape(objectBranch, value);
  }
  return value;
}
