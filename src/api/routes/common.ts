import { Type, type TSchema } from '@sinclair/typebox';
import { ProblemSchema } from '../problem.js';

export const Uuid = Type.String({ format: 'uuid' });

export const PageQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
  sort: Type.Optional(
    Type.String({
      pattern: '^-?[A-Za-z]+$',
      description: 'Campo di ordinamento; "-" per decrescente',
    }),
  ),
};

export interface Page {
  limit: number;
  offset: number;
  sort?: string;
}

export const parseSort = (sort: string | undefined) =>
  sort ? { prop: sort.replace(/^-/, ''), descending: sort.startsWith('-') } : undefined;

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
