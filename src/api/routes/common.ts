import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { ProblemSchema } from '../problem.js';

export const Uuid = Type.String({ format: 'uuid' });

export const PageQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  // Beyond any list piano holds, and within PostgreSQL's bigint whatever the client sends.
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
  sort: Type.Optional(
    Type.String({
      pattern: '^-?[A-Za-z]+$',
      description: 'Campo di ordinamento; "-" per decrescente',
    }),
  ),
};

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });

/** Every error answer an endpoint can give, in problem+json. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));

export const READ_ERRORS = problems(400, 401, 404);
export const WRITE_ERRORS = problems(400, 401, 403, 404, 409, 413, 415, 422);

export const VersionQuery = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

/**
 * The fields of a PATCH body: each optional and none with a default, since Ajv (useDefaults)
 * would fill a default in for a field the client left out and overwrite the stored value.
 * Partial comes after the clone: structuredClone drops TypeBox's Optional marker.
 */
export function patchFields(properties: TProperties): TProperties {
  return Type.Partial(Type.Object(withoutDefaults(properties))).properties;
}

function withoutDefaults(properties: TProperties): TProperties {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([k]) => k !== 'default')
        .map(([k, v]) => [k, strip(v)]),
    );
  };
  return strip(structuredClone(properties)) as TProperties;
}
